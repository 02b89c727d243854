"""Does Bahith rank the right paragraphs first? nDCG@10 against plain Whoosh on judged queries.

``python -m bench.relevance`` indexes the seed paragraphs twice, with Bahith (its schema,
analyzer and ``SearchEngine``) and with Whoosh as a developer would first set it up
(``StandardAnalyzer``, an any-word ``QueryParser``: the speed benchmark's baseline), runs every
query of ``bench.judgments`` on both, and prints per query and on average:

* nDCG@10, with gain 2^grade - 1, so a paragraph about the need counts three times one that
  touches it; the ideal ranking is made from every judged paragraph;
* MAP over the first 100 results, and recall@10, counting any grade as relevant.

The figures go to ``bench/results/relevance.json``. ``--paragraphs`` prints the numbered
paragraphs, which is what a judge reads.
"""

from __future__ import annotations

import argparse
import json
import math
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import whoosh.index
from whoosh.qparser import OrGroup, QueryParser

from bench.evalindex import Doc, build_bahith_index, seed_paragraphs
from bench.judgments import JUDGMENTS, Judged
from bench.systems.whoosh_plain import plain_schema
from search.engine import MAX_LIMIT, SearchEngine

K = 10
"""The depth of nDCG and recall: a first page of results."""

DEPTH = MAX_LIMIT
"""How many results each system is asked for; average precision is computed over them."""

SYSTEMS = ("Bahith", "Whoosh")

RESULTS_PATH = Path(__file__).resolve().parent / "results" / "relevance.json"


class Metrics(NamedTuple):
    """One system's scores on one query (or their means)."""

    ndcg: float
    ap: float
    recall: float


def ndcg(ranking: Sequence[str], grades: dict[str, int], k: int = K) -> float:
    """Normalized discounted cumulative gain of the first ``k`` results, gain 2^grade - 1."""

    def dcg(gains: Iterable[int]) -> float:
        return sum((2**grade - 1) / math.log2(rank + 2) for rank, grade in enumerate(gains))

    ideal = dcg(sorted(grades.values(), reverse=True)[:k])
    return dcg(grades.get(doc, 0) for doc in ranking[:k]) / ideal


def average_precision(ranking: Sequence[str], grades: dict[str, int]) -> float:
    """Mean of the precision at each relevant result, over all relevant paragraphs."""
    found = 0
    total = 0.0
    for rank, doc in enumerate(ranking, start=1):
        if grades.get(doc, 0) > 0:
            found += 1
            total += found / rank
    return total / len(grades)


def recall(ranking: Sequence[str], grades: dict[str, int], k: int = K) -> float:
    """The share of the relevant paragraphs that the first ``k`` results hold."""
    return sum(1 for doc in ranking[:k] if grades.get(doc, 0) > 0) / len(grades)


def score(ranking: Sequence[str], grades: dict[str, int]) -> Metrics:
    """All three metrics of one ranking."""
    return Metrics(ndcg(ranking, grades), average_precision(ranking, grades), recall(ranking, grades))


def build_plain_index(index_dir: Path, docs: Iterable[Doc]) -> None:
    """Index ``docs`` into a new plain Whoosh index (the baseline's schema), body only."""
    index_dir.mkdir(parents=True, exist_ok=True)
    writer = whoosh.index.create_in(str(index_dir), plain_schema()).writer()
    for doc in docs:
        writer.add_document(path=doc.id, title="", body=doc.body)
    writer.commit()


def bahith_rankings(index_dir: Path, queries: Sequence[str]) -> list[list[str]]:
    """The ids Bahith returns for each query, best first, as a user's search gets them."""
    with SearchEngine(index_dir) as engine:
        return [[hit.id for hit in engine.search(q, limit=DEPTH, snippets=False).hits] for q in queries]


def plain_rankings(index_dir: Path, queries: Sequence[str]) -> list[list[str]]:
    """The ids plain Whoosh returns for each query: any word, BM25F, body field."""
    ix = whoosh.index.open_dir(str(index_dir))
    parser = QueryParser("body", ix.schema, group=OrGroup)
    with ix.searcher() as searcher:
        return [[hit["path"] for hit in searcher.search(parser.parse(q), limit=DEPTH)] for q in queries]


@dataclass(frozen=True)
class Evaluation:
    """Every system's metrics on every judged query, in the order of ``judgments``."""

    judgments: Sequence[Judged]
    scores: dict[str, list[Metrics]]

    def mean(self, system: str) -> Metrics:
        """The system's metrics averaged over the queries."""
        per_query = self.scores[system]
        return Metrics(*(sum(column) / len(per_query) for column in zip(*per_query, strict=True)))


def evaluate(workdir: Path, judgments: Sequence[Judged] = JUDGMENTS) -> Evaluation:
    """Index the seed paragraphs under ``workdir`` for both systems and score every query."""
    docs = seed_paragraphs()
    queries = [j.query for j in judgments]
    build_bahith_index(workdir / "bahith", docs)
    build_plain_index(workdir / "whoosh", docs)
    rankings = {
        "Bahith": bahith_rankings(workdir / "bahith", queries),
        "Whoosh": plain_rankings(workdir / "whoosh", queries),
    }
    return Evaluation(
        judgments,
        {
            system: [score(r, j.grades) for r, j in zip(ranked, judgments, strict=True)]
            for system, ranked in rankings.items()
        },
    )


def render(evaluation: Evaluation) -> str:
    """Per-query and mean metrics as aligned text; the query comes last (it may be Arabic)."""
    columns = [(metric, system) for metric in Metrics._fields for system in SYSTEMS]
    header = "".join(f"{f'{metric} {system[0]}':>10}" for metric, system in columns)
    lines = [f"{header}  query"]

    def row(values: dict[str, Metrics], label: str) -> str:
        cells = "".join(f"{getattr(values[s], metric):>10.3f}" for metric, s in columns)
        return f"{cells}  {label}"

    for number, judged in enumerate(evaluation.judgments):
        lines.append(row({s: evaluation.scores[s][number] for s in SYSTEMS}, judged.query))
    lines.append(row({s: evaluation.mean(s) for s in SYSTEMS}, "MEAN"))
    return "\n".join(lines)


def report(evaluation: Evaluation) -> dict[str, object]:
    """The evaluation as JSON: the means, then each query with its need and scores."""
    return {
        "k": K,
        "mean": {s: evaluation.mean(s)._asdict() for s in SYSTEMS},
        "queries": [
            {
                "query": judged.query,
                "need": judged.need,
                "relevant": len(judged.grades),
                **{s: evaluation.scores[s][n]._asdict() for s in SYSTEMS},
            }
            for n, judged in enumerate(evaluation.judgments)
        ],
    }


def main(argv: Sequence[str] | None = None) -> None:
    """Run the evaluation, print it and write the JSON; or print the paragraphs to judge."""
    parser = argparse.ArgumentParser(prog="python -m bench.relevance", description=__doc__.split("\n")[0])
    parser.add_argument("--paragraphs", action="store_true", help="print the numbered paragraphs and stop")
    args = parser.parse_args(argv)
    if args.paragraphs:
        for doc in seed_paragraphs():
            print(f"{doc.id}\n{doc.body}\n")
        return
    with tempfile.TemporaryDirectory(prefix="bahith-relevance-") as tmp:
        evaluation = evaluate(Path(tmp))
    print(render(evaluation))
    RESULTS_PATH.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(report(evaluation), ensure_ascii=False, indent=1)
    RESULTS_PATH.write_text(text + "\n", encoding="utf-8")
    print(f"\nwritten to {RESULTS_PATH}")


if __name__ == "__main__":
    main()
