"""Decide whether an article is Arabic or French, the two languages Bahith serves.

The article's language picks its stop words and stemmer at search time, so it
has to be right even for texts that quote the other script: an Arabic report on
"S-300" missiles is Arabic, a French one quoting "الكرملين" is French. Counting
letters of each script does that, where looking at the first word would not.
"""

from __future__ import annotations

import unicodedata

LANGUAGES = ("ar", "fr")
ARABIC_BLOCKS = (
    (0x0600, 0x06FF),  # Arabic
    (0x0750, 0x077F),  # Arabic Supplement
    (0x08A0, 0x08FF),  # Arabic Extended-A
    (0xFB50, 0xFDFF),  # Arabic Presentation Forms-A
    (0xFE70, 0xFEFF),  # Arabic Presentation Forms-B
)


def detect_language(text: str) -> str:
    """ "ar" when Arabic-script letters outnumber Latin ones, else "fr".

    Only letters count: digits, punctuation and the Latin spaces both scripts
    share say nothing. A text without letters is called French, the language
    whose analysis only lowercases and folds accents, so it does the least harm.
    """
    arabic = latin = 0
    for ch in text:
        if not ch.isalpha():
            continue
        if is_arabic_char(ch):
            arabic += 1
        elif unicodedata.name(ch, "").startswith("LATIN"):
            latin += 1
    return "ar" if arabic > latin else "fr"


def is_arabic_char(ch: str) -> bool:
    """True for any character of the Arabic-script blocks, letters and marks alike.

    Defined here rather than borrowed from ``indexer.analysis`` so that reading
    files never depends on the search analysis (and its libraries) loading.
    """
    code = ord(ch)
    return any(low <= code <= high for low, high in ARABIC_BLOCKS)


def resolve_language(declared: str, text: str) -> str:
    """The declared language when it names Arabic or French, else the detected one.

    The publisher knows better than a letter count, so ``lang="fr-FR"`` or a JSON
    ``"lang": "ar"`` wins. Only the first two letters are read ("ar-SA", "fr_CA",
    "arabic"); anything else ("en", "", "und") falls back to detection rather than
    storing a language the analyzer has no chain for.
    """
    prefix = declared.strip()[:2].lower()
    return prefix if prefix in LANGUAGES else detect_language(text)
