"""French normalization steps: elision, lowercase, accent folding."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from indexer.analysis.chars import Chain, CharStep, Normalized
from indexer.analysis.common import fold_digits, join_hyphens, strip_invisibles

APOSTROPHES = "'’ʼ‘`´"

_ELISION = re.compile(
    rf"^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu|presqu)[{APOSTROPHES}](?=\w)",
    re.IGNORECASE,
)


def split_elision(word: Normalized) -> Normalized:
    """Drop an elided article, pronoun or conjunction: l’ONU -> ONU, d'Alep -> Alep,
    qu’il -> il, jusqu’à -> à. Both the typewriter ' and the typographic ’ count.

    The char_map keeps pointing at the original letters, so "ONU" is what gets
    highlighted in "l’ONU".
    """
    match = _ELISION.match(word.text)
    return word.drop_prefix(match.end()) if match else word


lowercase = CharStep(
    "lowercase",
    str.lower,
    """Lowercase every letter ("États" -> "états", "ONU" -> "onu").""",
)

_LIGATURES = {"œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "đ": "d", "ł": "l"}


def _fold(ch: str) -> str:
    if ch in _LIGATURES:
        return _LIGATURES[ch]
    if ch in APOSTROPHES:
        return "'"
    decomposed = unicodedata.normalize("NFKD", ch)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


fold_accents = CharStep(
    "fold_accents",
    _fold,
    """Remove accents, cedillas and diaereses (é è ê ë -> e, ç -> c, ï -> i,
    "Choïgou" -> "choigou"), spell out the ligatures œ æ ß, and write every
    apostrophe as '. NFKD also unfolds compatibility forms (ﬁ -> fi, ² -> 2).""",
)


_fold_char = lru_cache(maxsize=4096)(_fold)


def fold(text: str) -> str:
    """``fold_accents`` on a plain string, for the stemmer, which needs no char_map
    and calls it several times a word: plain ASCII comes back as it is."""
    if text.isascii() and "`" not in text:
        return text
    return "".join(map(_fold_char, text))


LATIN_CHAIN = Chain(strip_invisibles, join_hyphens, fold_digits, lowercase)
"""What every Latin-script word goes through before elision; accents are
folded after elision, which needs to see the apostrophe."""
