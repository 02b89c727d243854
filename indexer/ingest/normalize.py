"""Text clean-up shared by every input format.

Two different jobs live here, on purpose side by side so they are not confused:
``normalize_text`` changes what is *stored* (so it stays faithful to the source),
``fold`` builds a throw-away key for *comparing* words (so it may be lossy).
"""

from __future__ import annotations

import re
import unicodedata

_DROPPED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
"""Control characters (category Cc) but tab and newline, and lone surrogates (Cs)."""


def normalize_text(text: str) -> str:
    """The form every stored title and body is kept in.

    NFC so the same word typed on two keyboards is the same string; one kind of
    line break so line-based rules work on Windows files too. Control characters
    go because they are invisible garbage (a stray NUL breaks display and the
    index), and so do lone surrogates (from JSON "\\ud800" escapes), which cannot
    even be written as UTF-8. Arabic diacritics and bidi marks are kept: the
    analyzer folds them for search, and the display must show what the author
    wrote.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", _DROPPED.sub("", text))


def fold(text: str) -> str:
    """A comparison key: lowercase, without accents, with bare alef for أ إ آ.

    Lets one pattern match "Décembre", "decembre", "أيضا" and "ايضا". The result
    has exactly one character per input character, so a match position found in
    the folded text is also the position in the original.
    """
    return text.translate(_FOLD)


class _FoldTable(dict[int, str]):
    """``str.translate`` table computed one character at a time, on first use."""

    def __missing__(self, code: int) -> str:
        # NFD splits "é" into "e" + accent and "أ" into "ا" + hamza; keep the base.
        folded = unicodedata.normalize("NFD", chr(code))[0].lower()[0]
        self[code] = folded
        return folded


_FOLD = _FoldTable()
