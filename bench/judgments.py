"""The graded relevance judgments of the relevance set, read from their data files.

Judgments are data, not code: ``bench/relevance_set/judgments/*.tsv``, one judgment a line,
``query id <TAB> document id <TAB> grade``, ``#`` starting a comment. Grades are what a reader
of the document, holding the query's written need, would say:

* 2: the document is about the need (it reports the meeting, the ban, the alliance...);
* 1: it touches it (mentions it in passing, or answers part of it);
* 0: it is not relevant, though it may share the query's words.

Documents are judged by what they say, not by their words, so a paragraph answering the need in
other words ("التقى" for a meeting) is relevant, and an article holding every query word about
another story is a 0. A query of the Arabic and French groups is judged against the documents of
its own language (a reader searching in Arabic reads Arabic results), so a French article there is
a 0; the "across languages" group is the one whose needs span both languages.

The 0s are written down too: a document no judge has read is unjudged, not irrelevant, and
``bench.relevance`` counts such holes in each system's first page. Judgments are pooled as TREC
does: every document any compared system puts in its first 20 for a query is judged.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

JUDGMENTS_DIR = Path(__file__).resolve().parent / "relevance_set" / "judgments"

GRADES = (0, 1, 2)

Qrels = dict[str, dict[str, int]]
"""query id -> {document id: grade}, every judged document, 0s included."""


def parse_judgments(lines: Iterable[str], source: str = "judgments") -> Qrels:
    """The judgments in ``lines``; a malformed line or a document judged twice is an error."""
    qrels: Qrels = {}
    for number, raw in enumerate(lines, start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        fields = line.split("\t")
        if len(fields) != 3 or not fields[2].isdigit() or int(fields[2]) not in GRADES:
            raise ValueError(f"{source}:{number}: expected 'query<TAB>document<TAB>0|1|2', got {raw!r}")
        query, doc, grade = fields[0], fields[1], int(fields[2])
        judged = qrels.setdefault(query, {})
        if doc in judged:
            raise ValueError(f"{source}:{number}: {doc} is judged twice for {query}")
        judged[doc] = grade
    return qrels


def load_judgments(folder: Path = JUDGMENTS_DIR) -> Qrels:
    """Every judgment in the ``.tsv`` files of ``folder``; one document judged in two is an error."""
    merged: Qrels = {}
    for path in sorted(folder.glob("*.tsv")):
        with path.open(encoding="utf-8") as lines:
            for query, judged in parse_judgments(lines, path.name).items():
                twice = merged.setdefault(query, {}).keys() & judged.keys()
                if twice:
                    raise ValueError(f"{path.name}: {sorted(twice)[0]} is judged twice for {query}")
                merged[query].update(judged)
    return merged
