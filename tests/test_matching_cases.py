"""Bahith finds every spelling of a word the spec says it must, and no word it must not.

The cases are the table of ``tests/matching_cases.py``. Each is asked as a user asks: one real
index holds the seed paragraphs and one small document per case (``bench.matching.CaseIndex``),
and a search for the query word must return, or must not return, that case's document.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bench.matching import CONTROL_IDS, CaseIndex
from tests.matching_cases import CASES

MUST_MATCH = [n for n, case in enumerate(CASES) if case.should_match]
MUST_NOT_MATCH = [n for n, case in enumerate(CASES) if not case.should_match]


def _params(numbers: list[int]) -> list[object]:
    """One parameter per case; a case with a known limitation must fail (strict xfail)."""
    return [
        pytest.param(
            n,
            id=f"{n:03d}",
            marks=[pytest.mark.xfail(strict=True, reason=CASES[n].limitation)] if CASES[n].limitation else [],
        )
        for n in numbers
    ]


@pytest.fixture(scope="module")
def case_index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CaseIndex]:
    """The seed paragraphs and every case document in one index, built once for the module."""
    with CaseIndex(tmp_path_factory.mktemp("matching-cases")) as index:
        yield index


@pytest.mark.parametrize("number", _params(MUST_MATCH))
def test_a_query_word_finds_the_forms_it_must(case_index: CaseIndex, number: int) -> None:
    assert case_index.matches(number), f"{CASES[number].label()}, but the search misses it"


@pytest.mark.parametrize("number", _params(MUST_NOT_MATCH))
def test_a_query_word_does_not_find_other_words(case_index: CaseIndex, number: int) -> None:
    assert not case_index.matches(number), f"{CASES[number].label()}, but the search finds it"


def test_the_neutral_sentence_around_the_case_words_is_found_by_no_query(
    case_index: CaseIndex,
) -> None:
    controls = set(CONTROL_IDS.values())
    found_by = [case.query for case in CASES if case_index.found(case.query) & controls]
    assert not found_by, f"the frame sentence itself matches {found_by}: cases would pass by it"
