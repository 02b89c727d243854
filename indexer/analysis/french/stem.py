"""A light French stemmer for number and gender only.

Aggressive stemmers conflate words a reader keeps apart ("général" and
"généralement" become one stem in Snowball). This one only removes the plural
and the feminine, so "missiles" finds "missile" and "déclarée" finds "déclaré",
and nothing else is merged. It runs on folded text (lowercase, no accents),
because people often type without accents: "declaree" must find "déclarée".
So the final e of "déclaré" and of "déclarée" are stripped alike.
"""

from __future__ import annotations

MIN_LENGTH = 4
"""Words shorter than this are left alone: "les", "ans", "bus"."""

MIN_STEM = 3
"""No rule may leave fewer letters than this ("idée" keeps its e: not "id")."""

_FEMININE = (
    ("ienne", "ien"),
    ("onne", "on"),
    ("elle", "el"),
    ("ive", "if"),
    ("ere", "er"),
)

_VOWELS = frozenset("aeiouy")


def strip_plural(word: str) -> str:
    """missiles -> missile, generaux -> general; "bus" and "prix" are too short to tell."""
    if len(word) < MIN_LENGTH:
        return word
    if word.endswith("aux") and len(word) > 4:
        return word[:-3] + "al"
    if word.endswith(("s", "x")) and not word.endswith(("ss", "us")):
        return word[:-1]
    return word


def strip_feminine(word: str) -> str:
    """iranienne -> iranien, declaree and declare -> declar, russe -> russ, grande -> grand."""
    if len(word) < MIN_LENGTH:
        return word
    for ending, replacement in _FEMININE:
        if word.endswith(ending):
            return word[: -len(ending)] + replacement
    for ending in ("ee", "e"):
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= MIN_STEM and stem[-1] not in _VOWELS:
            return stem
    return word


def light_stem(word: str) -> str:
    """The stem of a folded French word: plural first, then feminine."""
    return strip_feminine(strip_plural(word))
