""" "Did you mean": the nearest indexed word first, then the commonest, on a real index."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from indexer.update import update_index
from search.engine import SearchEngine
from search.plan.lexicon import one_slip


@pytest.mark.parametrize(
    ("word", "kept", "within", "not_within"),
    [
        ("abc", 1, {"ac", "ab"}, {"bc", "abc"}),  # a letter left out, never the kept first one
        ("abc", 1, {"axbc", "abcx", "abxc"}, {"xabc"}),  # a letter added, not before the kept one
        ("abc", 1, {"axc", "abx"}, {"xbc"}),  # a letter replaced
        ("abc", 1, {"acb"}, {"bac"}),  # two neighbours swapped
        ("abc", 0, {"bc", "xabc", "bac"}, {"abc", "cab"}),  # nothing kept: the first letter may slip too
        ("مرسل", 1, {"مرل", "مرسلx", "مسرل"}, {"رسل"}),
    ],
)
def test_one_slip(word: str, kept: int, within: set[str], not_within: set[str]) -> None:
    slips = one_slip(word, "x", kept)
    assert within <= slips
    assert not not_within & slips


def test_one_slip_writes_out_every_edit() -> None:
    assert one_slip("ab", "ab", 0) == {"a", "b", "aab", "bab", "abb", "aba", "aa", "bb", "ba"}


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[SearchEngine]:
    """An index where "kabul" is in one article and "kebab" in three."""
    folder = tmp_path / "articles"
    folder.mkdir()
    texts = ["Le vol pour Kabul est parti."] + [f"Un kebab numéro {n} au marché." for n in range(3)]
    for n, text in enumerate(texts):
        (folder / f"{n}.txt").write_text(f"Article {n}\n\n{text}\n", encoding="utf-8")
    update_index(tmp_path / "index", [folder])
    with SearchEngine(tmp_path / "index") as opened:
        yield opened


def test_the_nearest_word_wins_over_a_commoner_one_further_off(engine: SearchEngine) -> None:
    # "kabal" is one letter from "kabul" and two from the commoner "kebab"
    assert engine.search("kabal").suggestion.query == "Kabul", "as the article writes it"


def test_a_word_two_edits_off_is_offered_when_none_is_one_slip_away(engine: SearchEngine) -> None:
    assert engine.search("kebxx").suggestion.query == "kebab"


def test_no_suggestion_when_nothing_nearby_is_commoner(engine: SearchEngine) -> None:
    results = engine.search("kabul")
    assert results.total == 1
    assert results.suggestion is None
    assert engine.search("zzzzz").suggestion is None
