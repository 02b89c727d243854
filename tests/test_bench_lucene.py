"""The speed benchmark's Lucene column: real Lucene builds and searches an on-disk index of
article files, and the report never drops what Lucene cannot measure or a Lucene that cannot run.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bench.report import markdown_report
from bench.systems.lucene import LuceneUnavailable
from bench.systems.lucene_speed import NOT_MEASURED, LuceneSpeed

ARTICLES = {
    "vote.txt": "نتائج الانتخابات البلدية في المدينة\n\nأعلنت اللجنة نتائج الانتخابات بعد فرز الأصوات.\n",
    "port.txt": "Le port agrandit ses quais\n\nLes travaux du port dureront deux ans selon la mairie.\n",
    "match.txt": "فوز الفريق في المباراة النهائية\n\nسجل اللاعب هدفين في المباراة أمام جمهور كبير.\n",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[LuceneSpeed, Path, Path] | LuceneUnavailable:
    """One Lucene index of the three articles, shared by the queries: each JVM costs a second."""
    root = tmp_path_factory.mktemp("lucene")
    for name, text in ARTICLES.items():
        (root / name).write_text(text, encoding="utf-8")
    try:
        lucene = LuceneSpeed()
    except LuceneUnavailable as error:
        return error
    paths = sorted(root.glob("*.txt"))
    lucene.build(root / "index", paths, root / "flat")
    return lucene, root / "index", root


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("الانتخابات", "vote.txt"),
        ("والانتخابات", "vote.txt"),  # the clitic و and the article are stripped by Lucene
        ("port", "port.txt"),
        ("المباراة", "match.txt"),
    ],
)
def test_lucene_ranks_the_article_that_holds_the_word_first(built: object, query: str, first: str) -> None:
    if shutil.which("java") is None:
        assert isinstance(built, LuceneUnavailable)
        assert "java" in str(built)
        return
    assert not isinstance(built, LuceneUnavailable), f"Java is here but Lucene is not: {built}"
    lucene, index_dir, root = built
    assert lucene.search(index_dir, query)[0] == (root / first).resolve()


def _figures(**extra: object) -> dict[str, object]:
    latency = {"p50": 1.0, "p95": 2.0, "p99": 3.0}
    return {
        "index_seconds": 1.0,
        "articles_per_second": 10.0,
        "index_mb": 1.0,
        "index_peak_rss_mb": 50.0,
        "latency_ms": latency,
        "latency_snippets_ms": latency,
        "add_one_ms": [4.0],
        **extra,
    }


def _report(lucene: dict[str, object]) -> str:
    machine = {"cpu": "cpu", "cores": 2, "ram_gib": 1, "python": "3", "whoosh": "2", "sqlite": "3"}
    return markdown_report(
        {
            "n": 3,
            "machine": machine,
            "corpus": {"megabytes": 0.1},
            "queries": ["q"],
            "systems": {"whoosh": _figures(), "lucene": lucene},
        }
    )


@pytest.mark.parametrize(
    ("lucene", "expected_lines"),
    [
        (
            {"error": "no java on PATH"},
            ["Lucene: not run (no java on PATH)"],
        ),
        (
            _figures(not_measured=NOT_MEASURED, note="timed in the JVM"),
            [
                "| whoosh | 1.00 | 10.0 | 1.00 | 50.0 | 1.00 | 2.00 | 3.00 | 2.00 | 4.00 | n/a [1] |",
                "| lucene | 1.00 | 10.0 | 1.00 | 50.0 | 1.00 | 2.00 | n/a [2] | n/a [3] | n/a [4] | n/a [5] |",  # noqa: E501
                "[1] plain Whoosh: a library with no search command of its own",
                f"[2] Lucene: {NOT_MEASURED['p99 ms']}",
                f"[4] Lucene: {NOT_MEASURED['add-one ms']}",
                "Lucene: timed in the JVM",
                "| lucene | 1× | 1× | 1× | 1× | 1× | 1× | n/a | n/a | n/a | n/a |",
            ],
        ),
    ],
)
def test_report_names_what_lucene_could_not_give(
    lucene: dict[str, object], expected_lines: list[str]
) -> None:
    lines = _report(lucene).splitlines()
    for line in expected_lines:
        assert line in lines
