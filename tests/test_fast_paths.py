"""The fast paths give exactly what Whoosh's own evaluation gives, on the real seed index.

Ranking from posting blocks (``ranking``), counting by set algebra
(``counting``) and finding phrases without spans (``phrases``) exist only for
speed; each is checked here against Whoosh evaluating the same planned query.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from whoosh import query as wq
from whoosh.query.spans import SpanNear2, SpanOr

from indexer.update import update_index
from search.engine import SearchEngine
from search.execute.bm25 import is_rankable, top_documents
from search.execute.counting import count_matches
from search.execute.phrases import PhraseOfAlternatives
from search.plan.planner import QueryRewriter

QUERIES = [
    "سليماني",
    "سليماني موسكو",
    "لموسكو",
    "الرئيس الروسي بوتين",
    "Soleimani Moscou",
    "شويغو",
    '"قاسم سليماني"',
    '"فلاديمير بوتين"',
    "روسيا OR إيران",
    "موسكو -بوتين",
    "title:سليماني",
    "لقاء*",
]


def _planned_queries(engine: SearchEngine, text: str) -> list[wq.Query]:
    planned = engine.plan(text)
    steps = [planned] + ([planned.across] if planned.across else [])
    return [q for step in steps for q in (step.strict, step.loose) if q is not None]


@pytest.mark.parametrize("text", QUERIES)
def test_block_ranking_matches_whoosh(seed_engine: SearchEngine, text: str) -> None:
    searcher = seed_engine.searcher()
    for q in _planned_queries(seed_engine, text):
        fast = top_documents(searcher, q, 10)
        if fast is None:
            continue
        slow = [(hit.docnum, hit.score) for hit in searcher.search(q, limit=10, optimize=False)]
        assert [d for d, _ in fast] == [d for d, _ in slow]
        assert [round(s, 9) for _, s in fast] == [round(s, 9) for _, s in slow]


def test_only_exclusions_and_filters_leave_the_fast_ranking(seed_engine: SearchEngine) -> None:
    slow = [text for text in QUERIES if not all(is_rankable(q) for q in _planned_queries(seed_engine, text))]
    assert slow == ["موسكو -بوتين"]


@pytest.mark.parametrize("text", QUERIES)
def test_counting_matches_whoosh(seed_engine: SearchEngine, text: str) -> None:
    searcher = seed_engine.searcher()
    for q in _planned_queries(seed_engine, text):
        assert count_matches(searcher, q) == len(set(searcher.docs_for_query(q)))


@pytest.mark.parametrize(
    ("words", "slop", "anywhere"),
    [
        (("قاسم", "سليماني"), 1, True),
        (("سليماني", "قاسم"), 1, False),
        (("موسكو", "سليماني"), 1, False),
        (("موسكو", "سليماني"), 40, True),
        (("الرئيس", "الروسي", "فلاديمير"), 1, True),
    ],
)
def test_phrases_match_whoosh_spans(
    seed_engine: SearchEngine, words: tuple[str, ...], slop: int, anywhere: bool
) -> None:
    searcher = seed_engine.searcher()
    rewriter = QueryRewriter(searcher.reader())
    forms = [[wq.Term("body", t) for (t,) in rewriter.forms((word,), across=False)] for word in words]
    fast = PhraseOfAlternatives([wq.Or(terms) for terms in forms], slop=slop, ordered=True)
    spans = SpanNear2([SpanOr(terms) for terms in forms], slop=slop, ordered=True)
    expected = set(searcher.docs_for_query(spans))
    assert bool(expected) is anywhere
    assert set(searcher.docs_for_query(fast)) == expected


def test_ranking_stays_whooshs_as_articles_come_and_go(tmp_path: Path, examples_dir: Path) -> None:
    """What ranking keeps between searches (decoded postings, BM25 parts) depends on the
    index's average lengths and deletions; once they change it must be worked out anew."""
    articles = tmp_path / "articles"
    shutil.copytree(examples_dir, articles)
    index_dir = tmp_path / "index"
    update_index(index_dir, [articles])
    query = "port OR métro OR livre"
    with SearchEngine(index_dir) as engine:
        for change in (
            lambda: (articles / "extra.txt").write_text(
                "Le port\n\nLe port, le port et encore le port: un long article sur le port.\n",
                encoding="utf-8",
            ),
            lambda: (articles / "marseille-port.txt").unlink(),
        ):
            searcher = engine.searcher()
            assert top_documents(searcher, engine.plan(query).strict, 10)
            change()
            update_index(index_dir, [articles])
            searcher = engine.searcher()
            q = engine.plan(query).strict
            fast = top_documents(searcher, q, 10)
            slow = [(hit.docnum, hit.score) for hit in searcher.search(q, limit=10, optimize=False)]
            assert [d for d, _ in fast] == [d for d, _ in slow]
            assert [round(s, 9) for _, s in fast] == [round(s, 9) for _, s in slow]
