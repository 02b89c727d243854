"""Route each word to the analysis chain of its script.

An Arabic article quotes "S-300" and a French one quotes "الكرملين": choosing
the chain per word, not per article, handles both.
"""

from __future__ import annotations

from enum import Enum

ARABIC_RANGES = (
    (0x0600, 0x06FF),  # Arabic
    (0x0750, 0x077F),  # Arabic Supplement
    (0x08A0, 0x08FF),  # Arabic Extended-A
    (0xFB50, 0xFDFF),  # Arabic Presentation Forms-A
    (0xFE70, 0xFEFF),  # Arabic Presentation Forms-B
)


class Script(Enum):
    """The analysis chains Bahith has."""

    ARABIC = "ar"
    LATIN = "fr"


ARABIC_CHARS = frozenset(chr(code) for low, high in ARABIC_RANGES for code in range(low, high + 1))


def is_arabic_char(ch: str) -> bool:
    """True for any character in the Arabic blocks, letters and marks alike."""
    return ch in ARABIC_CHARS


def script_of(word: str) -> Script:
    """The script of a word: Arabic when its first letter is Arabic, Latin otherwise.

    Digits, Latin letters and letters of other scripts go through the Latin chain,
    which lowercases, folds accents and normalizes digits.
    """
    for ch in word:
        if ch.isalpha():
            return Script.ARABIC if is_arabic_char(ch) else Script.LATIN
    return Script.LATIN
