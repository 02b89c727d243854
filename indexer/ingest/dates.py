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

from indexer.analysis.months import MONTH_NAMES
from indexer.ingest.normalize import fold

_OTHER_NAMES = (
    "january jan",
    "fevrier february feb",
    "march mar",
    "april apr",
    "may",
    "june jun",
    "july jul",
    "aout august aug",
    "september sept sep",
    "october oct",
    "november nov",
    "decembre december dec",
)
"""What dates are also written with besides the names Bahith searches (``MONTH_NAMES``):
English names and abbreviations, French without accents, in month order."""

_MONTHS = {
    fold(name): number
    for number, (names, others) in enumerate(zip(MONTH_NAMES, _OTHER_NAMES, strict=True), start=1)
    for name in (*names, *others.split())
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
