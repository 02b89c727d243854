"""A light French stemmer for number and gender only.

Aggressive stemmers conflate words a reader keeps apart ("général" and
"généralement" become one stem in Snowball). This one only removes the plural
and the feminine, so "missiles" finds "missile" and "déclarée" finds "déclaré",
and nothing else is merged. It runs on lowercase text that still has its
accents, because the accents tell "déclaré" (keep) from "russe" (strip the e).
"""

from __future__ import annotations

MIN_LENGTH = 4
"""Words shorter than this are left alone: "les", "ans", "bus"."""

_FEMININE = (
    ("iennes", "ien"),
    ("ienne", "ien"),
    ("onnes", "on"),
    ("onne", "on"),
    ("elles", "el"),
    ("elle", "el"),
    ("ives", "if"),
    ("ive", "if"),
    ("ères", "er"),
    ("ère", "er"),
    ("ées", "é"),
    ("ée", "é"),
)

_VOWELS = frozenset("aeiouyéèêëàâîïôûù")


def strip_plural(word: str) -> str:
    """missiles -> missile, généraux -> général, prix stays (too short to tell)."""
    if len(word) < MIN_LENGTH:
        return word
    if word.endswith("aux") and len(word) > 4:
        return word[:-3] + "al"
    if word.endswith(("s", "x")) and not word.endswith(("ss", "us")):
        return word[:-1]
    return word


def strip_feminine(word: str) -> str:
    """iranienne -> iranien, déclarée -> déclaré, russe -> russ, grande -> grand."""
    if len(word) < MIN_LENGTH:
        return word
    for ending, replacement in _FEMININE:
        if word.endswith(ending):
            return word[: -len(ending)] + replacement
    if word.endswith("e") and len(word) > MIN_LENGTH and word[-2] not in _VOWELS:
        return word[:-1]
    return word


def light_stem(word: str) -> str:
    """The stem of a lowercase French word: plural first, then feminine."""
    return strip_feminine(strip_plural(word))
