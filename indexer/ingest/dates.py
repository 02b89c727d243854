"""Find a publication date in the ways news pages and feeds write it.

One parser serves page datelines ("vendredi, décembre 9, 2022", "9 كانون الأول
2022", "10 أيلول/سبتمبر 2022") and the ``date`` fields of JSON records and HTML meta tags
("2022-12-09T10:30:00+01:00"), so every format agrees on what a date is.
Dates are kept as the page wrote them: a timestamp's time and zone are dropped,
not converted, because the calendar day the newspaper printed is the one users
search for.
"""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

from indexer.ingest.normalize import fold

_MONTH_NAMES = {
    1: "janvier january jan يناير جانفي كانون_الثاني",
    2: "février fevrier february feb فبراير فيفري شباط",
    3: "mars march mar مارس آذار",
    4: "avril april apr أبريل أفريل نيسان",
    5: "mai may مايو ماي أيار",
    6: "juin june jun يونيو يونيه جوان حزيران",
    7: "juillet july jul يوليو يوليه جويلية تموز",
    8: "août aout august aug أغسطس أوت آب",
    9: "septembre september sept sep سبتمبر أيلول",
    10: "octobre october oct أكتوبر تشرين_الأول",
    11: "novembre november nov نوفمبر تشرين_الثاني",
    12: "décembre decembre december dec ديسمبر كانون_الأول",
}
"""French, English and Arabic month names; "_" stands for a space inside a name.

Arabic has three calendars of names in use: Egyptian/Gulf (يناير), Levantine
(كانون الثاني) and Maghrebi (جانفي).
"""

_MONTHS = {
    fold(name.replace("_", " ")): number for number, names in _MONTH_NAMES.items() for name in names.split()
}
_MONTH = "|".join(re.escape(name) for name in sorted(_MONTHS, key=len, reverse=True))
_MONTH_PAIR = rf"(?P<name>{_MONTH})\b(?:\s*[/(]?\s*(?P<other>{_MONTH})\b\)?)?"
"""A month name, maybe with its name in another calendar: "يوليو تموز", "أيلول/سبتمبر",
"سبتمبر (أيلول)". Arabic papers print both so every reader knows the month;
the two must name the same month."""
_SEP = r"[\s,.،]+"
_DAY = r"(?P<day>\d{1,2})(?:er|st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})(?:\s?م)?"
"""A year, maybe with "م" (of the Common Era) after it, as Arabic pages write it."""

_PATTERNS = (
    re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})"),
    re.compile(r"(?P<year>\d{4})/(?P<month>\d{1,2})/(?P<day>\d{1,2})"),
    # Day first, as in France and the Arab world: 09/12/2022 is the 9th of December.
    re.compile(r"\b(?P<day>\d{1,2})[/.](?P<month>\d{1,2})[/.](?P<year>\d{4})\b"),
    re.compile(rf"\b{_DAY}{_SEP}{_MONTH_PAIR}{_SEP}{_YEAR}\b"),
    re.compile(rf"\b{_MONTH_PAIR}{_SEP}{_DAY}{_SEP}{_YEAR}\b"),
)


class DateMatch(NamedTuple):
    """A date found in a text, with where it was written."""

    value: date
    start: int
    end: int


def parse_date(text: str) -> date | None:
    """The first valid date written in ``text``, or None.

    None rather than an exception, because a missing or odd date must never cost
    us the article: it is indexed without a date.
    """
    found = find_date(text)
    return found.value if found else None


def find_date(text: str) -> DateMatch | None:
    """Like ``parse_date``, also telling where the date is, to see what surrounds it."""
    folded = fold(text)
    for pattern in _PATTERNS:
        for match in pattern.finditer(folded):
            value = _to_date(match)
            if value is not None:
                return DateMatch(value, match.start(), match.end())
    return None


def _to_date(match: re.Match[str]) -> date | None:
    parts = match.groupdict()
    month = _MONTHS[parts["name"]] if parts.get("name") else int(parts["month"])
    if parts.get("other") and _MONTHS[parts["other"]] != month:
        return None
    try:
        return date(int(parts["year"]), month, int(parts["day"]))
    except ValueError:
        return None
