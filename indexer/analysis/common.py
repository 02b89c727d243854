"""Normalization steps shared by every script.

Invisible formatting characters and the many ways of writing digits occur in
Arabic and French text alike, so both chains start with these steps.
"""

from __future__ import annotations

import unicodedata

from indexer.analysis.chars import CharStep

INVISIBLES = frozenset(
    "\u00ad"  # soft hyphen
    "\u061c"  # Arabic letter mark
    "\u200b\u200c\u200d"  # zero-width space, non-joiner, joiner
    "\u200e\u200f"  # left-to-right and right-to-left marks
    "\u202a\u202b\u202c\u202d\u202e"  # bidi embeddings and overrides
    "\u2060"  # word joiner
    "\u2066\u2067\u2068\u2069"  # bidi isolates
    "\ufeff"  # byte-order mark / zero-width no-break space
)

strip_invisibles = CharStep.from_table(
    "strip_invisibles",
    dict.fromkeys(INVISIBLES, ""),
    """Delete zero-width joiners and non-joiners, bidi marks, embeddings,
    overrides and isolates, the soft hyphen and the BOM: they change how a word
    is drawn, never which word it is.""",
)


def _ascii_digit(ch: str) -> str:
    if ch.isdigit() and not ch.isascii():
        value = unicodedata.digit(ch, None)
        if value is not None:
            return str(value)
    return ch


fold_digits = CharStep(
    "fold_digits",
    _ascii_digit,
    """Map every decimal digit to its ASCII digit: Arabic-Indic ٠-٩,
    extended Arabic-Indic (Persian, Urdu) ۰-۹ and any other Unicode decimal
    digit, so "٢٠٠٧" and "2007" are one term.""",
)

join_hyphens = CharStep.from_table(
    "join_hyphens",
    dict.fromkeys("-\u2010\u2011", ""),
    """Delete the hyphens of a compound, so "États-Unis" is also indexed whole
    as "étatsunis" and "S-300" as "s300" (its parts are indexed on their own).""",
)
