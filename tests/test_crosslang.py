"""One story across languages and spellings: names, months and related articles.

On the seed corpus (one story told by four Arabic articles and one French one), a name finds
its other spellings and its form in the other script, a month its other names, and the related
articles of each article include those in the other language. ``--exact`` turns all of it off.
Then every pair of ``tests/crosslang_pairs.py`` is asked on one real index, as
``python -m bench.crosslang`` does.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from bahith.cli import cli
from bench.crosslang import MAX_FALSE_MATCH_RATE
from bench.matching import CONTROL_IDS, CaseIndex
from indexer.stories import StoryState
from indexer.update import update_index
from search.engine import Hit, SearchEngine
from tests.crosslang_pairs import PAIRS

ARABIC_SEEDS = {"000", "001", "002", "003"}
FRENCH_SEED = "004"
WRITE_SHOIGU_WITH_JIM = {"000", "001"}
"""The seeds that write "شويجو"; "002" writes "شويغو"."""


def seed(hit: Hit) -> str:
    return Path(hit.path).name[:3]


def found(engine: SearchEngine, query: str, **options: object) -> list[tuple[str, bool]]:
    """(seed number, matched across languages) of each hit, best first."""
    return [(seed(hit), hit.cross_language) for hit in engine.search(query, limit=20, **options).hits]


# The acceptance: Soleimani, شويغو, juillet.


def test_soleimani_lists_the_four_arabic_articles_after_the_french_one(seed_engine: SearchEngine) -> None:
    hits = found(seed_engine, "Soleimani")
    assert hits[0] == (FRENCH_SEED, False)
    assert {number for number, _ in hits[1:]} == ARABIC_SEEDS
    assert all(across for _, across in hits[1:])


def test_a_name_finds_its_other_arabic_spelling_ranked_below_the_spelling_typed(
    seed_engine: SearchEngine,
) -> None:
    hits = found(seed_engine, "شويغو")
    assert hits[0] == ("002", False), "the article writing شويغو comes first"
    assert {number for number, across in hits if not across} == {"002"} | WRITE_SHOIGU_WITH_JIM
    assert (FRENCH_SEED, True) in hits, "Choïgou, across languages"


def test_juillet_finds_the_arabic_articles_that_write_yulyu_and_tammuz(seed_engine: SearchEngine) -> None:
    hits = found(seed_engine, "juillet")
    assert {number for number, _ in hits} == ARABIC_SEEDS
    assert all(across for _, across in hits)
    snippets = " ".join(hit.snippet for hit in seed_engine.search("juillet").hits)
    assert "<mark>يوليو</mark>" in snippets and "<mark>تموز</mark>" in snippets


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("يوليو", ARABIC_SEEDS),  # the seeds write "يوليو تموز" or "تموز" alone
        ("تموز", ARABIC_SEEDS),
        ("سيرغي", WRITE_SHOIGU_WITH_JIM | {"002", FRENCH_SEED}),
        ("Poutine", {FRENCH_SEED} | ARABIC_SEEDS),
        ("سليماني موسكو", ARABIC_SEEDS | {FRENCH_SEED}),
    ],
)
def test_one_story_across_spellings_and_languages(
    seed_engine: SearchEngine, query: str, expected: set[str]
) -> None:
    assert {number for number, _ in found(seed_engine, query)} == expected


def test_every_article_in_the_query_language_ranks_before_those_found_across(
    seed_engine: SearchEngine,
) -> None:
    hits = found(seed_engine, "سليماني موسكو")
    assert [across for _, across in hits] == [False] * 4 + [True]
    french = seed_engine.search("سليماني موسكو").hits[-1]
    assert "<mark>Soleimani</mark>" in french.snippet and "<mark>Moscou</mark>" in french.snippet


# The switch.


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Soleimani", [FRENCH_SEED]),
        ("شويغو", ["002"]),
        ("juillet", []),
        ("سليماني موسكو", sorted(ARABIC_SEEDS)),
    ],
)
def test_exact_turns_it_off(seed_engine: SearchEngine, query: str, expected: list[str]) -> None:
    hits = found(seed_engine, query, exact=True)
    assert sorted(number for number, _ in hits) == expected
    assert not any(across for _, across in hits)


def test_the_command_line_marks_hits_across_languages_and_has_exact(seed_index: Path) -> None:
    runner = CliRunner()
    wide = runner.invoke(cli, ["--index", str(seed_index), "search", "--expand", "Soleimani"])
    assert wide.exit_code == 0 and wide.stdout.startswith("5 articles")
    assert wide.stdout.count("matched across languages") == 4
    exact = runner.invoke(cli, ["--index", str(seed_index), "search", "--exact", "Soleimani"])
    assert exact.exit_code == 0 and exact.stdout.startswith("1 article")
    assert "matched across languages" not in exact.stdout
    as_json = runner.invoke(cli, ["--index", str(seed_index), "search", "--expand", "--json", "Soleimani"])
    data = json.loads(as_json.stdout)
    assert data["total"] == 5
    assert sum(hit["cross_language"] for hit in data["hits"]) == 4


# Related articles.


def test_the_french_article_is_related_to_the_four_arabic_ones(seed_engine: SearchEngine) -> None:
    french = next(h for h in seed_engine.search("Soleimani", exact=True).hits)
    related = seed_engine.related(french.id)
    assert {seed(hit) for hit in related} == ARABIC_SEEDS
    assert all(hit.cross_language for hit in related)


def test_each_arabic_article_is_related_to_the_french_one(seed_engine: SearchEngine) -> None:
    for hit in seed_engine.search("سليماني", exact=True).hits:
        related = seed_engine.related(hit.id, limit=4)
        numbers = [seed(other) for other in related]
        assert FRENCH_SEED in numbers, f"{seed(hit)} is related to {numbers}"
        assert seed(hit) not in numbers, "an article is not related to itself"
        assert {other.cross_language for other in related} == {True, False}


def test_related_respects_the_limit_and_an_unknown_id_has_none(seed_engine: SearchEngine) -> None:
    first = seed_engine.search("سليماني", exact=True).hits[0]
    assert len(seed_engine.related(first.id, limit=2)) == 2
    assert seed_engine.related("no-such-article") == []


@pytest.fixture(scope="module")
def mixed_index(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path, examples_dir: Path) -> Path:
    """The seeds among the sample articles, which tell other stories (metro, dates, a port)."""
    index_dir = tmp_path_factory.mktemp("mixed-index")
    update_index(index_dir, [seeds_dir, examples_dir])
    return index_dir


@pytest.mark.parametrize("stories", [True, False], ids=["with stories", "without a story file"])
def test_related_articles_are_alike_enough_not_merely_the_closest(mixed_index: Path, stories: bool) -> None:
    if not stories:
        StoryState.remove(mixed_index)
    with SearchEngine(mixed_index) as engine:
        for hit in engine.search("سليماني", exact=True, limit=10).hits:
            related = [seed(other) for other in engine.related(hit.id, limit=10)]
            assert set(related) <= ARABIC_SEEDS | {FRENCH_SEED}, f"{seed(hit)}: related to another story"
            assert related, f"{seed(hit)} has no related article"


# Every pair of the evaluation table.


def _params(should_match: bool) -> list[object]:
    """One parameter per pair; a pair with a known limitation must fail (strict xfail)."""
    return [
        pytest.param(
            number,
            id=f"{number:03d}",
            marks=[pytest.mark.xfail(strict=True, reason=pair.limitation)] if pair.limitation else [],
        )
        for number, pair in enumerate(PAIRS)
        if pair.should_match is should_match
    ]


@pytest.fixture(scope="module")
def pair_index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CaseIndex]:
    """The seed paragraphs and every pair's document in one index, built once for the module."""
    with CaseIndex(tmp_path_factory.mktemp("crosslang-pairs"), PAIRS) as index:
        yield index


@pytest.mark.parametrize("number", _params(True))
def test_a_query_word_finds_the_same_thing_written_otherwise(pair_index: CaseIndex, number: int) -> None:
    assert pair_index.matches(number), f"{PAIRS[number].label()}, but the search misses it"


@pytest.mark.parametrize("number", _params(False))
def test_a_query_word_does_not_find_other_things_written_alike(pair_index: CaseIndex, number: int) -> None:
    assert not pair_index.matches(number), f"{PAIRS[number].label()}, but the search finds it"


def test_the_false_match_rate_stays_under_two_percent(pair_index: CaseIndex) -> None:
    must_not = [n for n, pair in enumerate(PAIRS) if not pair.should_match]
    false = [PAIRS[n].label() for n in must_not if pair_index.matches(n)]
    assert len(false) / len(must_not) < MAX_FALSE_MATCH_RATE, false


def test_the_neutral_sentence_around_the_pair_words_is_found_by_no_query(pair_index: CaseIndex) -> None:
    controls = set(CONTROL_IDS.values())
    found_by = [pair.query for pair in PAIRS if pair_index.found(pair.query) & controls]
    assert not found_by, f"the frame sentence itself matches {found_by}: pairs would pass by it"


def test_the_table_is_large_enough_to_measure() -> None:
    assert len(PAIRS) >= 150
    assert len({(pair.query, pair.document) for pair in PAIRS}) == len(PAIRS), "no pair twice"
