"""The names of the Gregorian months, which Arabic writes two ways and French a third.

Egypt and the Gulf write the months as transliterations of the European names
(يناير … ديسمبر), the Levant and Iraq use the Syriac names (كانون الثاني … كانون
الأول), and many papers write both ("يوليو تموز"). A reader searching for one
means all of them, and "juillet" too.

Names are written here as people write them and analysed at import with the
index's own analysis, so "أبريل" and "ابريل", "août" and "aout" are one name.
"""

from __future__ import annotations

from indexer.analysis import analyze_text
from indexer.analysis.script import Script, script_of

_WRITTEN = (
    ("يناير", "كانون الثاني", "janvier"),
    ("فبراير", "شباط", "février"),
    ("مارس", "آذار", "mars"),
    ("أبريل", "نيسان", "avril"),
    ("مايو", "أيار", "mai"),
    ("يونيو", "يونيه", "حزيران", "juin"),
    ("يوليو", "يوليه", "تموز", "juillet"),
    ("أغسطس", "août"),
    ("سبتمبر", "أيلول", "septembre"),
    ("أكتوبر", "تشرين الأول", "octobre"),
    ("نوفمبر", "تشرين الثاني", "novembre"),
    ("ديسمبر", "كانون الأول", "décembre"),
)
"""Each month's names: Egyptian (with the spelling variants papers use), Levantine, French.

The Levantine "آب" (August) is left out: with hamza folded it is written like
"أب" (father), and August would find every father and the reverse."""

Name = tuple[str, ...]
"""A month name as index terms: one word, or two for the Levantine "كانون الثاني"."""


def _terms(written: str) -> Name:
    return tuple(token.analysis.term or token.analysis.normalized for token in analyze_text(written))


MONTHS: tuple[tuple[Name, ...], ...] = tuple(tuple(_terms(name) for name in month) for month in _WRITTEN)
_MONTH_OF: dict[Name, int] = {name: number for number, month in enumerate(MONTHS) for name in month}


def script_of_name(name: Name) -> Script:
    """The script a month name is written in."""
    return script_of(name[0])


def other_names(name: Name) -> tuple[Name, ...]:
    """The other names of the month ``name`` is a name of; empty when it is none."""
    number = _MONTH_OF.get(name)
    if number is None:
        return ()
    return tuple(other for other in MONTHS[number] if other != name)
