"""Which index terms an Arabic query word should match.

The index stores each Arabic word as written (normalized, not stemmed). A query
word is expanded here into the written forms that are readings of it: "موسكو"
into "لموسكو", "وموسكو", "بموسكو"…, "زيارة" into "زيارته", "بزيارته", "زيارات"…
A reading that strips a letter which may belong to the word (ب ل ك ف و, or a
suffix) is kept only when the index attests the stem, and the stem is not far
rarer than the word: "لبنان" is not ل + "بنان", because "بنان" is never written on
its own, or much more seldom than "لبنان".
"""

from __future__ import annotations

from indexer.analysis.arabic.clitics import (
    ARTICLE_PROCLITICS,
    LETTER_PROCLITICS,
    NUMBER_SUFFIXES,
    PRONOUN_SUFFIXES,
    Reading,
    readings,
)
from search.lexicon import Lexicon

EXPANSION_WEIGHT = 0.7
"""Weight of a clitic or suffix form relative to the word as the user wrote it."""

PLAUSIBLE_RATIO = 5
"""A reading is implausible when the whole word is this many times more frequent than its stem."""

_LONGEST_SUFFIX = max(len(suffix) for suffix in (*PRONOUN_SUFFIXES, *NUMBER_SUFFIXES))

_ARTICLE = "ال"
_CHANGING_ENDINGS = ("ه", "ء")
"""Endings a suffix rewrites (teh marbuta -> ت, hamza -> ئ ؤ), so forms are looked
up by the stem without them."""


def is_plausible(word: str, reading: Reading, lexicon: Lexicon) -> bool:
    """Whether ``reading`` of ``word`` is believable given the index vocabulary."""
    if not reading.needs_evidence:
        return True
    evidence = lexicon.doc_frequency(reading.stem) + lexicon.doc_frequency(_ARTICLE + reading.stem)
    return evidence > 0 and lexicon.doc_frequency(word) <= PLAUSIBLE_RATIO * evidence


def forms_of_stem(stem: str, lexicon: Lexicon) -> set[str]:
    """Index terms that have a plausible reading with this stem.

    A form is a proclitic, the stem (its last letter perhaps rewritten) and one
    suffix; under each proclitic, words of any other length are not read at all. A short stem
    ("له") begins thousands of words, and working out their readings was most
    of the cost of a query.
    """
    root = stem[:-1] if stem.endswith(_CHANGING_ENDINGS) else stem
    found: set[str] = set()
    for proclitic in ("", *ARTICLE_PROCLITICS, *LETTER_PROCLITICS):
        shortest = len(proclitic) + len(stem)
        for term in lexicon.with_prefix(proclitic + root):
            if term in found or not shortest <= len(term) <= shortest + _LONGEST_SUFFIX:
                continue
            for reading in readings(term):
                if reading.stem == stem and is_plausible(term, reading, lexicon):
                    found.add(term)
                    break
    return found


def plausible_stems(word: str, lexicon: Lexicon) -> set[str]:
    """The word itself and every stem that a plausible reading of it leaves ("موسكو" for "لموسكو")."""
    stems = {word}
    stems.update(r.stem for r in readings(word) if not r.is_identity and is_plausible(word, r, lexicon))
    return stems


def expand_arabic(word: str, lexicon: Lexicon) -> dict[str, float]:
    """Terms to search for a normalized Arabic query word, with their weights.

    The word itself weighs 1; every other written form of its plausible stems
    weighs ``EXPANSION_WEIGHT``. A query written with clitics ("لموسكو") is first
    reduced to its plausible stems, so it also finds the bare word.
    """
    terms: dict[str, float] = {}
    for stem in plausible_stems(word, lexicon):
        for term in forms_of_stem(stem, lexicon):
            terms[term] = EXPANSION_WEIGHT
    terms[word] = 1.0
    return terms
