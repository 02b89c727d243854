"""The whole pair set: every Arabic and French pair, in a fixed order.

The order is the order of the tables, so the set, its document ids and its results are the
same on every run and every machine (no set or dict iteration decides it).
"""

from __future__ import annotations

from bench.pairs import arabic_false_friends as friends
from bench.pairs import arabic_forms, french_forms
from bench.pairs.model import (
    CLITIC_LOOKALIKE,
    DISTINCT_NAMES,
    HAND,
    NOT_SPELLINGS,
    STOPWORD_LOOKALIKE,
    SUFFIX_LOOKALIKE,
    Pair,
)

ARABIC_MUST_NOT_TABLES = (
    (CLITIC_LOOKALIKE, friends.CLITIC_LETTER_LOOKALIKES + friends.ARTICLE_LOOKALIKES),
    (SUFFIX_LOOKALIKE, friends.SUFFIX_LOOKALIKES),
    (DISTINCT_NAMES, friends.DISTINCT_NAMES),
    (STOPWORD_LOOKALIKE, friends.STOPWORD_LOOKALIKES),
    (NOT_SPELLINGS, friends.NOT_SPELLINGS),
)


def arabic_must_not_pairs() -> list[Pair]:
    """Each hand-written false friend, searched both ways: each word must miss the other."""
    return [
        Pair(query, document, False, cls, HAND, "ar")
        for cls, table in ARABIC_MUST_NOT_TABLES
        for first, second in table
        for query, document in ((first, second), (second, first))
    ]


def pair_set() -> list[Pair]:
    """Every pair: Arabic must-match, Arabic must-not, French must-match, French must-not."""
    return [
        *arabic_forms.must_match_pairs(),
        *arabic_must_not_pairs(),
        *french_forms.must_match_pairs(),
        *french_forms.must_not_pairs(),
    ]
