"""The names of the Gregorian months, which Arabic writes two ways and French a third.

Egypt and the Gulf write the months as transliterations of the European names
(يناير … ديسمبر), the Levant and Iraq use the Syriac names (كانون الثاني … كانون
الأول), the Maghreb the French ones (جانفي … ديسمبر), and many papers write two
("يوليو تموز"). A reader searching for one means all of them, and "juillet" too.

Names are written here as people write them and analysed at import with the
index's own analysis, so "أبريل" and "ابريل", "août" and "aout" are one name.
"""

from __future__ import annotations

from indexer.analysis import analyze_text
from indexer.analysis.script import Script, script_of

MONTH_NAMES: tuple[tuple[str, ...], ...] = (
    ("يناير", "كانون الثاني", "جانفي", "janvier"),
    ("فبراير", "شباط", "فيفري", "février"),
    ("مارس", "آذار", "mars"),
    ("أبريل", "نيسان", "أفريل", "avril"),
    ("مايو", "أيار", "ماي", "mai"),
    ("يونيو", "يونيه", "حزيران", "جوان", "juin"),
    ("يوليو", "يوليه", "تموز", "جويلية", "juillet"),
    ("أغسطس", "آب", "أوت", "août"),
    ("سبتمبر", "أيلول", "septembre"),
    ("أكتوبر", "تشرين الأول", "octobre"),
    ("نوفمبر", "تشرين الثاني", "novembre"),
    ("ديسمبر", "كانون الأول", "décembre"),
)
"""Each month's names, January first: Egyptian and Gulf (with the spellings papers use),
Levantine, Maghrebi, French. The one table of month names: date parsing
(``indexer.ingest.dates``) reads it too, so a name read as a date is also searched as
that month."""

NOT_SEARCHED = frozenset({"آب", "ماي"})
"""Names that are dates but not search equivalents: with hamza folded "آب" (August) is
written like "أب" (father), and "ماي" is also the Maghrebi word for water; August and
May would find every father and every glass of water, and the reverse."""

Name = tuple[str, ...]
"""A month name as index terms: one word, or two for the Levantine "كانون الثاني"."""


def _terms(written: str) -> Name:
    return tuple(token.analysis.term or token.analysis.normalized for token in analyze_text(written))


MONTHS: tuple[tuple[Name, ...], ...] = tuple(
    tuple(_terms(name) for name in month if name not in NOT_SEARCHED) for month in MONTH_NAMES
)
_MONTH_OF: dict[Name, int] = {name: number for number, month in enumerate(MONTHS) for name in month}


def script_of_name(name: Name) -> Script:
    """The script a month name is written in."""
    return script_of(name[0])


def month_number(name: Name) -> int | None:
    """The month ``name`` names, 1 for January; None when it names none."""
    number = _MONTH_OF.get(name)
    return None if number is None else number + 1


def other_names(name: Name) -> tuple[Name, ...]:
    """The other names of the month ``name`` is a name of; empty when it is none."""
    number = _MONTH_OF.get(name)
    if number is None:
        return ()
    return tuple(other for other in MONTHS[number] if other != name)
