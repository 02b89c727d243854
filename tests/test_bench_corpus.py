"""The benchmark corpus must be reproducible and realistic, or its figures mean nothing.

Reproducible: the same seed gives the same bytes, whether written in one go or extended.
Realistic: ~80% Arabic, 150-800 words, a vocabulary that keeps growing with N, and the clitics
and spelling variants that Arabic search must cope with.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bench.corpus import MAX_WORDS, MIN_WORDS, CorpusGenerator, article_path, ensure_corpus
from bench.queries import build_queries
from bench.seeds import default_seeds_dir, detect_language, plain_words

SEED = 7
N = 400


@pytest.fixture(scope="module")
def articles() -> list[str]:
    generator = CorpusGenerator(default_seeds_dir(), SEED)
    return [generator.article(i) for i in range(N)]


def test_same_seed_gives_identical_bytes(articles: list[str]) -> None:
    again = CorpusGenerator(default_seeds_dir(), SEED)
    assert [again.article(i) for i in range(0, N, 37)] == articles[::37]
    other_seed = CorpusGenerator(default_seeds_dir(), SEED + 1)
    assert other_seed.article(0) != articles[0]


def test_cached_corpus_is_extended_to_the_same_files(tmp_path: Path, articles: list[str]) -> None:
    ensure_corpus(tmp_path, 12, SEED, default_seeds_dir())
    paths = ensure_corpus(tmp_path, 25, SEED, default_seeds_dir())
    assert paths == [article_path(tmp_path, i) for i in range(25)]
    assert [p.read_bytes() for p in paths] == [a.encode("utf-8") for a in articles[:25]]
    assert paths[0].parent.name == "000"


def test_article_is_headline_blank_line_then_paragraphs(articles: list[str]) -> None:
    for text in articles[:50]:
        headline, blank, rest = text.split("\n", 2)
        assert headline.strip() and blank == "" and rest.strip()
        assert all(paragraph.strip() for paragraph in rest.split("\n\n"))


def test_about_four_in_five_articles_are_arabic(articles: list[str]) -> None:
    arabic = sum(detect_language(text) == "ar" for text in articles)
    assert 0.72 <= arabic / N <= 0.88


def test_lengths_stay_within_news_range(articles: list[str]) -> None:
    lengths = [len(text.split()) for text in articles]
    assert min(lengths) >= MIN_WORDS and max(lengths) <= MAX_WORDS
    assert max(lengths) - min(lengths) > 400


def test_vocabulary_keeps_growing_with_n(articles: list[str]) -> None:
    def distinct(texts: list[str]) -> int:
        return len({word for text in texts for word in plain_words(text)})

    assert distinct(articles) > 2 * distinct(articles[: N // 4])


def test_arabic_articles_carry_clitics_and_spelling_variants(articles: list[str]) -> None:
    arabic = " ".join(text for text in articles if detect_language(text) == "ar")
    words = set(arabic.split())
    for proclitic in ("وال", "بال", "لل", "ف", "ك"):
        assert sum(w.startswith(proclitic) for w in words) > 20, proclitic
    assert sum(w.endswith(("ها", "هم")) for w in words) > 20
    assert re.search("[\u064b-\u0652]", arabic), "no tashkeel at all"
    assert "\u0640" in arabic, "no tatweel at all"


def test_french_articles_carry_elisions(articles: list[str]) -> None:
    french = " ".join(text for text in articles if detect_language(text) == "fr")
    assert re.search(r"\b[ld][’']\w", french)


def test_query_set_is_fixed_and_mixed(tmp_path: Path) -> None:
    paths = ensure_corpus(tmp_path, 120, SEED, default_seeds_dir())
    queries = build_queries(paths, 200, SEED)
    assert queries == build_queries(paths, 200, SEED)
    assert {q.lang for q in queries} == {"ar", "fr"}
    assert any(q.phrase and q.text.startswith('"') for q in queries)
    assert {len(q.terms) for q in queries if not q.phrase} == {1, 2, 3}
    assert any(q.terms[0].startswith(("بال", "وال", "لل")) for q in queries if q.lang == "ar")
