"""Which spellings of a word each system matches: Bahith against light10, Snowball and Lucene.

``python -m bench.matching`` runs every case of ``tests/matching_cases.py`` through three
systems and prints, per phenomenon, how many each gets right, then lists Bahith's failures; the
same figures go to ``bench/results/matching.json``.

* Bahith is asked as a user asks it: a real index of the seed paragraphs plus one small
  document per case, and a search for the query word. The case matches when the search returns
  that case's document. Its clitic decisions rest on the index vocabulary, which is why the
  cases share one realistic index instead of getting an index each.
* light10 and Snowball are stemmers, so for them a case matches when the query word and the
  document word have the same stem, each after its own normalization. Snowball is PyStemmer's
  Arabic or French algorithm by the case's language. light10 is Arabic only: a French case is
  scored for it as an exact match after lowercasing, which is what an index without a French
  analysis would do.
* Real Lucene 9.5 (``bench.systems.lucene``) is asked as Bahith is: its index of the case
  documents is searched for each query word. Where it cannot run, its column says why.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType

from bench import light10
from bench.evalindex import Doc, build_bahith_index, seed_paragraphs
from bench.relevance_set.documents import Document
from bench.systems.lucene import LuceneUnavailable, lucene_rankings
from search.engine import MAX_LIMIT, SearchEngine
from tests.matching_cases import CASES, MatchCase

FRAMES = {"ar": "نص تجريبي يذكر {} عرضا", "fr": "Texte témoin citant {} au passage"}
"""The neutral sentence each case document writes its word in, so that it is a word among words
and not a one-word document. Its other words share nothing with any query: the control documents
(the frames with no word) are checked to be found by no case."""

CONTROL_IDS = {lang: f"control:{lang}" for lang in FRAMES}

RESULTS_PATH = Path(__file__).resolve().parent / "results" / "matching.json"

SYSTEMS = ("Bahith", "light10", "Snowball", "Lucene")


def case_id(number: int) -> str:
    """The id of the document that holds case ``number``'s document word."""
    return f"case:{number}"


def case_documents(cases: Sequence[MatchCase]) -> list[Doc]:
    """One document per case, one per case evidence, and the bare frames as controls."""
    docs = [Doc(case_id(n), FRAMES[c.lang].format(c.document), c.lang) for n, c in enumerate(cases)]
    docs += [
        Doc(f"evidence:{n}", FRAMES[c.lang].format(c.evidence), c.lang)
        for n, c in enumerate(cases)
        if c.evidence
    ]
    docs += [Doc(CONTROL_IDS[lang], frame.format(""), lang) for lang, frame in FRAMES.items()]
    return docs


class CaseIndex:
    """A Bahith index of the seed paragraphs and the case documents, and a search on it.

    With ``exact``, the search is ``bahith search --exact``'s.
    """

    def __init__(self, index_dir: Path, cases: Sequence[MatchCase] = CASES, *, exact: bool = False) -> None:
        self.cases = cases
        self.exact = exact
        build_bahith_index(index_dir, seed_paragraphs() + case_documents(cases))
        self.engine = SearchEngine(index_dir)

    def found(self, query: str) -> set[str]:
        """Ids of every document that a search for ``query`` returns.

        Raises if the search returns more than one page can hold: a case document cut off by
        the page size would pass for a non-match.
        """
        results = self.engine.search(query, limit=MAX_LIMIT, snippets=False, exact=self.exact)
        if results.total > len(results.hits):
            raise RuntimeError(f"{query!r} finds {results.total} documents, more than one page")
        return {hit.id for hit in results.hits}

    def matches(self, number: int) -> bool:
        """Whether searching case ``number``'s query word returns that case's document."""
        return case_id(number) in self.found(self.cases[number].query)

    def close(self) -> None:
        """Release the index files."""
        self.engine.close()

    def __enter__(self) -> CaseIndex:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def bahith_verdicts(cases: Sequence[MatchCase], *, exact: bool = False) -> list[bool]:
    """Whether Bahith (searching with ``exact`` or not) matches each case, on one throw-away index."""
    with (
        tempfile.TemporaryDirectory(prefix="bahith-matching-") as tmp,
        CaseIndex(Path(tmp), cases, exact=exact) as index,
    ):
        return [index.matches(n) for n in range(len(cases))]


def lucene_verdicts(cases: Sequence[MatchCase]) -> list[bool]:
    """Whether real Lucene's search for each query word returns that case's document.

    Raises ``LuceneUnavailable`` (saying why) where Java or the anchor is missing."""
    docs = [Document(doc.id, "", doc.body, doc.lang) for doc in case_documents(cases)]
    rankings = lucene_rankings(docs, [case.query for case in cases], depth=len(docs))
    return [case_id(n) in ranking for n, ranking in enumerate(rankings)]


Stemmers = dict[str, Callable[[str], str]]
"""A stemmer per case language ("ar", "fr"): the key under which two words match."""

LIGHT10: Stemmers = {"ar": light10.stem, "fr": str.lower}
"""light10 is Arabic only; for French it stands for an index that just lowercases."""


def snowball_stemmers() -> Stemmers:
    """PyStemmer's Arabic and French Snowball stemmers, fed lowercased words as they expect.

    PyStemmer is a benchmark extra (``pip install -e '.[bench]'``), imported here only, so the
    Bahith side of this module runs where it is not installed (the test suite).
    """
    import Stemmer

    arabic, french = Stemmer.Stemmer("arabic"), Stemmer.Stemmer("french")
    return {"ar": lambda w: arabic.stemWord(w.lower()), "fr": lambda w: french.stemWord(w.lower())}


def stem_verdicts(cases: Sequence[MatchCase], stemmers: Stemmers) -> list[bool]:
    """Whether the stemmer of each case's language gives its two words one stem."""
    return [stemmers[c.lang](c.query) == stemmers[c.lang](c.document) for c in cases]


def scores(cases: Sequence[MatchCase], verdicts: dict[str, list[bool]]) -> dict[str, dict[str, int]]:
    """Per group of cases (each phenomenon, each direction, all), how many each system gets right.

    Each group maps ``"cases"`` to its size and each system to its number of right verdicts.
    """
    groups: dict[str, list[int]] = {}
    for number, case in enumerate(cases):
        groups.setdefault(case.phenomenon, []).append(number)
    groups["must match"] = [n for n, c in enumerate(cases) if c.should_match]
    groups["must not match"] = [n for n, c in enumerate(cases) if not c.should_match]
    groups["all cases"] = list(range(len(cases)))
    return {
        name: {
            "cases": len(members),
            **{
                system: sum(verdicts[system][n] == cases[n].should_match for n in members)
                for system in verdicts
            },
        }
        for name, members in groups.items()
    }


def render(table: dict[str, dict[str, int]], systems: Sequence[str]) -> str:
    """The score table as aligned text, one row per group, "right/total (percent)" per system."""
    width = max(len(name) for name in table)
    lines = [" " * width + "".join(f"{system:>15}" for system in systems)]
    for name, row in table.items():
        total = row["cases"]
        cells = [f"{row[s]}/{total} ({100 * row[s] / total:.0f}%)" for s in systems]
        lines.append(f"{name:{width}}" + "".join(f"{cell:>15}" for cell in cells))
    return "\n".join(lines)


def main() -> None:
    """Score the systems, print the table and Bahith's failures, write the JSON."""
    verdicts = {
        "Bahith": bahith_verdicts(CASES),
        "light10": stem_verdicts(CASES, LIGHT10),
        "Snowball": stem_verdicts(CASES, snowball_stemmers()),
    }
    try:
        verdicts["Lucene"] = lucene_verdicts(CASES)
    except LuceneUnavailable as error:
        print(f"Lucene: not run ({error})")
    systems = [system for system in SYSTEMS if system in verdicts]
    table = scores(CASES, verdicts)
    print(render(table, systems))
    failures = [c for c, v in zip(CASES, verdicts["Bahith"], strict=True) if v != c.should_match]
    print(f"\nBahith fails {len(failures)} of {len(CASES)} cases:")
    for case in failures:
        print(f"  {case.label()}")
    RESULTS_PATH.parent.mkdir(parents=True, exist_ok=True)
    report = {
        "scores": table,
        "cases": [
            {**case._asdict(), "lang": case.lang, **{s: verdicts[s][n] for s in systems}}
            for n, case in enumerate(CASES)
        ],
    }
    RESULTS_PATH.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"\nwritten to {RESULTS_PATH}")


if __name__ == "__main__":
    main()
