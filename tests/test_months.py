"""One month table: every name a date is read with is searched as that month, and the reverse."""

from __future__ import annotations

import pytest

from indexer.analysis import analyze_text
from indexer.analysis.months import MONTH_NAMES, NOT_SEARCHED, other_names
from indexer.ingest.dates import parse_date

NAMES = [(number, name) for number, names in enumerate(MONTH_NAMES, start=1) for name in names]


@pytest.mark.parametrize(("number", "name"), NAMES)
def test_each_name_is_read_as_its_month_in_a_date(number: int, name: str) -> None:
    found = parse_date(f"12 {name} 2015")
    assert found is not None and (found.year, found.month, found.day) == (2015, number, 12)


@pytest.mark.parametrize(("number", "name"), [pair for pair in NAMES if pair[1] not in NOT_SEARCHED])
def test_each_name_searched_finds_the_french_one(number: int, name: str) -> None:
    terms = tuple(token.analysis.term or token.analysis.normalized for token in analyze_text(name))
    french = MONTH_NAMES[number - 1][-1]
    expected = tuple(token.analysis.term for token in analyze_text(french))
    if terms != expected:
        assert expected in other_names(terms), f"{name} is not searched as {french}"


@pytest.mark.parametrize("name", sorted(NOT_SEARCHED))
def test_names_that_are_also_common_words_have_no_equivalents(name: str) -> None:
    terms = tuple(token.analysis.term or token.analysis.normalized for token in analyze_text(name))
    assert other_names(terms) == ()
