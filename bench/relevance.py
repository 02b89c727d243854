"""Does Bahith rank the document about the query first, among distractors, next to real Lucene?

``python -m bench.relevance`` indexes the relevance set (``bench.relevance_set``: the seed
paragraphs and the distractor articles) with every compared system, runs every query, and
prints one table, a column per system and a row per query group and metric:

* Bahith: its schema, analyzer and ``SearchEngine``, as a user's search gets it;
* Whoosh: plain Whoosh as a developer first sets it up (``StandardAnalyzer``, any word);
* light10: the same Whoosh with light10 for Arabic and Snowball for French;
* Snowball: the same Whoosh with PyStemmer's Snowball Arabic and French;
* Lucene: real Lucene 9.5, ArabicAnalyzer and FrenchAnalyzer, BM25 ("not run" and why, without Java).

Metrics, over the judgments of ``bench.judgments`` (graded 0/1/2):

* nDCG@10, gain 2^grade - 1, so a document about the need counts three times one touching it;
  the ideal ranking is made from every judged document of the query;
* MRR: one over the rank of the first relevant document (grade 1 or 2) in the first 20;
* recall@10: the share of the query's relevant documents in its first 10.

Judgments are pooled as in TREC: every document any system puts in its first ``POOL_DEPTH``
must be judged, 0s written down. Documents in a first page that no one judged are counted and
warned about; ``--pool`` prints them with their text, query by query, for the judge to read, and
``--show QUERY_ID`` prints every system's first page for a query with the grades.
The figures go to ``bench/results/relevance.json``.
"""

from __future__ import annotations

import argparse
import json
import math
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from whoosh.fields import Schema

from bench.judgments import Qrels, load_judgments
from bench.relevance_set.documents import Document, build_bahith_index, relevance_documents
from bench.relevance_set.queries import GROUPS, QUERIES, Query
from bench.systems.lucene import LuceneUnavailable, lucene_rankings
from bench.systems.stemmed_whoosh import (
    build_whoosh_index,
    light10_analyzer,
    snowball_analyzer,
    stemmed_schema,
    whoosh_rankings,
)
from bench.systems.whoosh_plain import plain_schema
from search.engine import SearchEngine

K = 10
"""The depth of nDCG and recall: a first page of results."""

POOL_DEPTH = 20
"""How many results of each system are pooled for judging, and looked at for MRR."""

POOL_HINT = "python -m bench.relevance --pool prints them"

RESULTS_PATH = Path(__file__).resolve().parent / "results" / "relevance.json"

Rankings = list[list[str]]
"""For each query, in order, the document ids a system returned, best first."""

System = Callable[[Path, Sequence[Document], Sequence[str]], Rankings]
"""Index the documents under a work folder, then run the queries: how each system is driven."""


class Metrics(NamedTuple):
    """One system's scores on one query (or their means)."""

    ndcg: float
    mrr: float
    recall: float


def ndcg(ranking: Sequence[str], grades: dict[str, int], k: int = K) -> float:
    """Normalized discounted cumulative gain of the first ``k`` results, gain 2^grade - 1."""

    def dcg(gains: Iterable[int]) -> float:
        return sum((2**grade - 1) / math.log2(rank + 2) for rank, grade in enumerate(gains))

    ideal = dcg(sorted(grades.values(), reverse=True)[:k])
    return dcg(grades.get(doc, 0) for doc in ranking[:k]) / ideal


def reciprocal_rank(ranking: Sequence[str], grades: dict[str, int]) -> float:
    """One over the rank of the first relevant result, 0 when none is among the first 20."""
    return next((1 / rank for rank, doc in enumerate(ranking[:POOL_DEPTH], 1) if grades.get(doc, 0) > 0), 0.0)


def recall(ranking: Sequence[str], grades: dict[str, int], k: int = K) -> float:
    """The share of the relevant documents that the first ``k`` results hold."""
    relevant = {doc for doc, grade in grades.items() if grade > 0}
    return len(relevant.intersection(ranking[:k])) / len(relevant)


def score(ranking: Sequence[str], grades: dict[str, int]) -> Metrics:
    """All three metrics of one ranking."""
    return Metrics(ndcg(ranking, grades), reciprocal_rank(ranking, grades), recall(ranking, grades))


def mean(metrics: Sequence[Metrics]) -> Metrics:
    """Each metric averaged over ``metrics``."""
    return Metrics(*(sum(column) / len(metrics) for column in zip(*metrics, strict=True)))


def bahith_rankings(workdir: Path, docs: Sequence[Document], queries: Sequence[str]) -> Rankings:
    """Bahith: its own index and ``SearchEngine``, snippets off (they do not change the order)."""
    build_bahith_index(workdir / "bahith", docs)
    with SearchEngine(workdir / "bahith") as engine:
        return [[hit.id for hit in engine.search(q, limit=POOL_DEPTH, snippets=False).hits] for q in queries]


def whoosh_system(folder: str, schema_of: Callable[[], Schema]) -> System:
    """A Whoosh baseline indexing into ``folder`` with the schema ``schema_of`` makes."""

    def rankings(workdir: Path, docs: Sequence[Document], queries: Sequence[str]) -> Rankings:
        index_dir = workdir / folder
        build_whoosh_index(index_dir, schema_of(), docs)
        return whoosh_rankings(index_dir, queries, POOL_DEPTH)

    return rankings


SYSTEMS: dict[str, System] = {
    "Bahith": bahith_rankings,
    "Whoosh": whoosh_system("whoosh", plain_schema),
    "light10": whoosh_system("light10", lambda: stemmed_schema(light10_analyzer())),
    "Snowball": whoosh_system("snowball", lambda: stemmed_schema(snowball_analyzer())),
    "Lucene": lambda _, docs, queries: lucene_rankings(docs, queries, POOL_DEPTH),
}
"""Every compared system, by the name the table shows."""


@dataclass(frozen=True)
class Run:
    """What every system that could run returned for every query, and why others did not."""

    queries: Sequence[Query]
    rankings: dict[str, Rankings]
    not_run: dict[str, str]


def run_systems(
    workdir: Path, queries: Sequence[Query] = QUERIES, systems: Sequence[str] = tuple(SYSTEMS)
) -> Run:
    """Index the relevance set with each of ``systems`` under ``workdir`` and run ``queries``."""
    docs = relevance_documents()
    texts = [query.text for query in queries]
    rankings: dict[str, Rankings] = {}
    not_run: dict[str, str] = {}
    for name in systems:
        try:
            rankings[name] = SYSTEMS[name](workdir, docs, texts)
        except LuceneUnavailable as why:
            not_run[name] = str(why)
    return Run(queries, rankings, not_run)


def unjudged(run: Run, qrels: Qrels, depth: int) -> dict[str, dict[str, list[str]]]:
    """query id -> {document id: systems that ranked it in their first ``depth``} not judged yet."""
    holes: dict[str, dict[str, list[str]]] = {}
    for number, query in enumerate(run.queries):
        judged = qrels.get(query.id, {})
        for system, rankings in run.rankings.items():
            for doc in rankings[number][:depth]:
                if doc not in judged:
                    holes.setdefault(query.id, {}).setdefault(doc, []).append(system)
    return holes


@dataclass(frozen=True)
class Evaluation:
    """Every system's metrics on every query, and the holes in each system's first page."""

    run: Run
    scores: dict[str, list[Metrics]]
    holes: dict[str, int]

    def mean(self, system: str, group: str | None = None) -> Metrics:
        """The system's metrics averaged over the queries of ``group`` (all when None)."""
        return mean(
            [
                m
                for m, q in zip(self.scores[system], self.run.queries, strict=True)
                if group in (None, q.group)
            ]
        )


def evaluate(run: Run, qrels: Qrels) -> Evaluation:
    """Score every ranking of ``run`` against ``qrels``; every query must have a relevant document."""
    for query in run.queries:
        if not any(qrels.get(query.id, {}).values()):
            raise ValueError(f"query {query.id} ({query.text}) has no relevant document judged")
    scores = {
        system: [score(ranked, qrels[q.id]) for ranked, q in zip(rankings, run.queries, strict=True)]
        for system, rankings in run.rankings.items()
    }
    holes = {system: 0 for system in run.rankings}
    for docs in unjudged(run, qrels, K).values():
        for systems in docs.values():
            for system in systems:
                holes[system] += 1
    return Evaluation(run, scores, holes)


def render(evaluation: Evaluation) -> str:
    """One table: a row per group and metric, then the overall means; a column per system."""
    systems = list(evaluation.run.rankings)
    counts = {group: sum(q.group == group for q in evaluation.run.queries) for group in GROUPS}
    lines = [f"{'':<32}" + "".join(f"{name:>10}" for name in systems)]
    for group in (*GROUPS, None):
        label = f"{group} ({counts[group]})" if group else f"all ({len(evaluation.run.queries)})"
        for metric in Metrics._fields:
            means = [getattr(evaluation.mean(system, group), metric) for system in systems]
            lines.append(
                f"{label if metric == 'ndcg' else '':<22}{metric:>10}" + "".join(f"{v:>10.3f}" for v in means)
            )
    for system, why in evaluation.run.not_run.items():
        lines.append(f"{system}: not run ({why})")
    for system, count in evaluation.holes.items():
        if count:
            lines.append(f"warning: {count} of {system}'s first {K} results are unjudged ({POOL_HINT})")
    return "\n".join(lines)


def report(evaluation: Evaluation, qrels: Qrels, documents: int) -> dict[str, object]:
    """The evaluation as JSON: set sizes, means per group, then each query with its scores."""
    systems = list(evaluation.run.rankings)
    return {
        "k": K,
        "pool_depth": POOL_DEPTH,
        "documents": documents,
        "queries": len(evaluation.run.queries),
        "judgments": sum(len(judged) for judged in qrels.values()),
        "not_run": evaluation.run.not_run,
        "unjudged_in_top_k": evaluation.holes,
        "mean": {
            group or "all": {s: evaluation.mean(s, group)._asdict() for s in systems}
            for group in (*GROUPS, None)
        },
        "per_query": [
            {
                "id": query.id,
                "query": query.text,
                "group": query.group,
                "need": query.need,
                "relevant": sum(1 for grade in qrels[query.id].values() if grade),
                **{s: evaluation.scores[s][n]._asdict() for s in systems},
            }
            for n, query in enumerate(evaluation.run.queries)
        ],
    }


def print_pool(run: Run, qrels: Qrels, documents: Sequence[Document], width: int) -> None:
    """For each query, its need and the pooled documents nobody judged yet, with their text."""
    by_id = {doc.id: doc for doc in documents}
    holes = unjudged(run, qrels, POOL_DEPTH)
    for query in run.queries:
        if query.id not in holes:
            continue
        print(f"\n== {query.id}\t{query.text}\t[{query.group}] {query.need}")
        for doc_id, systems in holes[query.id].items():
            text = by_id[doc_id].text.replace("\n", " ¶ ")
            print(f"{doc_id}\t{','.join(s[:2] for s in systems)}\t{text[:width]}")
    print(f"\n{sum(map(len, holes.values()))} pooled documents unjudged over {len(holes)} queries")


def print_rankings(run: Run, qrels: Qrels, documents: Sequence[Document], width: int) -> None:
    """Each system's first page for each query of ``run``, every result with its grade ("?": unjudged).

    What to read when a ranking change moves a query's figures: which documents moved, and how
    they are graded.
    """
    by_id = {doc.id: doc for doc in documents}
    for number, query in enumerate(run.queries):
        grades = qrels.get(query.id, {})
        print(f"\n== {query.id}\t{query.text}\t[{query.group}] {query.need}")
        for system, rankings in run.rankings.items():
            print(f"-- {system}")
            for rank, doc_id in enumerate(rankings[number][:K], start=1):
                text = by_id[doc_id].text.replace("\n", " ¶ ")
                print(f"{rank:>3} {grades.get(doc_id, '?')} {doc_id}\t{text[:width]}")


def main(argv: Sequence[str] | None = None) -> None:
    """Run every system, print the table and write the JSON; or print documents to judge."""
    parser = argparse.ArgumentParser(prog="python -m bench.relevance", description=__doc__.split("\n")[0])
    parser.add_argument("--paragraphs", action="store_true", help="print every document with its id and stop")
    parser.add_argument(
        "--pool", action="store_true", help="print the pooled documents still unjudged and stop"
    )
    parser.add_argument(
        "--show", action="append", metavar="QUERY_ID", help="print each system's first page for this query"
    )
    parser.add_argument("--width", type=int, default=300, help="characters of each document printed")
    args = parser.parse_args(argv)
    known = {query.id for query in QUERIES}
    if args.show and not known.issuperset(args.show):
        parser.error(f"no query {', '.join(sorted(set(args.show) - known))} in the relevance set")
    documents = relevance_documents()
    if args.paragraphs:
        for doc in documents:
            print(f"{doc.id}\n{doc.text}\n")
        return
    qrels = load_judgments()
    queries = [query for query in QUERIES if query.id in args.show] if args.show else QUERIES
    with tempfile.TemporaryDirectory(prefix="bahith-relevance-") as tmp:
        run = run_systems(Path(tmp), queries)
    if args.show:
        print_rankings(run, qrels, documents, args.width)
        return
    if args.pool:
        print_pool(run, qrels, documents, args.width)
        return
    evaluation = evaluate(run, qrels)
    print(render(evaluation))
    RESULTS_PATH.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(report(evaluation, qrels, len(documents)), ensure_ascii=False, indent=1)
    RESULTS_PATH.write_text(text + "\n", encoding="utf-8")
    print(f"\n{len(documents)} documents, {len(run.queries)} queries; written to {RESULTS_PATH}")


if __name__ == "__main__":
    main()
