"""Find the words of a text, keeping each one whole and knowing where it sits.

A word is a run of letters, digits and everything that may sit inside a written
word without ending it: Arabic diacritics (tashkeel, tanwin, shadda), tatweel,
zero-width joiners and non-joiners and bidi marks. Anything else ends it:
spaces, Arabic punctuation (، ؛ ؟), typographic quotes (“ ” ″ « »), brackets.
An apostrophe after a Latin letter stays inside the word so French elision can
be handled by the French chain (l’ONU). A hyphen between two words joins them into a
compound ("États-Unis", "إس-300"), whose parts are also words of their own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from indexer.analysis.common import INVISIBLES
from indexer.analysis.french.normalize import APOSTROPHES

_INSIDE = "".join(sorted(INVISIBLES)) + "\u0640\u064b-\u065f\u0670\u06d6-\u06ed\u0610-\u061a"
_PIECE = rf"(?:[^\W_]|[{_INSIDE}])+"
_HYPHENS = "-\u2010\u2011"
_ELISION = rf"(?<=[A-Za-z\u00c0-\u024f])[{APOSTROPHES}]"
_PART = rf"{_PIECE}(?:{_ELISION}{_PIECE})*"
_WORD = re.compile(rf"{_PART}(?:[{_HYPHENS}]{_PART})*")
_PARTS = re.compile(_PART)
_HAS_HYPHEN = re.compile(f"[{_HYPHENS}]")


class Word(NamedTuple):
    """A word of the text: its surface form and where it sits.

    ``start`` and ``end`` are character offsets into the original text, so
    ``text[start:end] == surface`` always holds. ``position`` counts words, for
    phrase queries. A compound ("États-Unis") comes with ``compound=True`` and the
    position of its first part; its parts follow as words of their own.

    A named tuple, not a dataclass: indexing makes one per word of every
    article, and a tuple is made several times faster.
    """

    surface: str
    start: int
    end: int
    position: int
    compound: bool = False


def iter_words(text: str, *, compounds: bool = True) -> Iterator[Word]:
    """The words of ``text`` in order; with ``compounds``, hyphenated wholes too."""
    position = 0
    for match in _WORD.finditer(text):
        start, whole = match.start(), match.group()
        if not _HAS_HYPHEN.search(whole):
            yield Word(whole, start, match.end(), position)
            position += 1
            continue
        parts = list(_PARTS.finditer(whole))
        if compounds and len(parts) > 1:
            yield Word(whole, start, match.end(), position, compound=True)
        for part in parts:
            yield Word(part.group(), start + part.start(), start + part.end(), position)
            position += 1
