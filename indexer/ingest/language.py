"""Decide whether an article is Arabic or French, the two languages Bahith serves.

The article's language picks its stop words and stemmer at search time, so it
has to be right even for texts that quote the other script: an Arabic report on
"S-300" missiles is Arabic, a French one quoting "الكرملين" is French. Counting
letters of each script does that, where looking at the first word would not.
"""

from __future__ import annotations

import re

from indexer.analysis.script import ARABIC_RANGES

LANGUAGES = ("ar", "fr")

_ARABIC_LETTER = re.compile("[" + "".join(f"\\U{low:08x}-\\U{high:08x}" for low, high in ARABIC_RANGES) + "]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")


def detect_language(text: str) -> str:
    """ "ar" when Arabic-script characters outnumber Latin letters, else "fr".

    Digits, punctuation and spaces, which both scripts share, say nothing. A
    text without letters is called French, the language whose analysis only
    lowercases and folds accents, so it does the least harm.
    """
    arabic = len(_ARABIC_LETTER.findall(text))
    latin = len(_LATIN_LETTER.findall(text))
    return "ar" if arabic > latin else "fr"


def resolve_language(declared: str, text: str) -> str:
    """The declared language when it names Arabic or French, else the detected one.

    The publisher knows better than a letter count, so ``lang="fr-FR"`` or a JSON
    ``"lang": "ar"`` wins. Only the first two letters are read ("ar-SA", "fr_CA",
    "arabic"); anything else ("en", "", "und") falls back to detection rather than
    storing a language the analyzer has no chain for.
    """
    prefix = declared.strip()[:2].lower()
    return prefix if prefix in LANGUAGES else detect_language(text)
