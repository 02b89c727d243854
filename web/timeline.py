"""A small bar chart of matching articles over time, drawn on the server as SVG.

It shows at a glance when a story ran. Drawing it on the server keeps the page
free of JavaScript; the template turns these bars into ``<rect>`` elements
styled by the site's stylesheet (no inline styles, which the CSP forbids).

A chart only says something when enough of the matches are dated: under
``MIN_DATED`` there is none. Articles without a date are never drawn as a bar
(they have no place on a time axis); the page states their number in words.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

WIDTH = 800
HEIGHT = 72
GAP = 2
MIN_DATED = 3
"""Fewer dated matches than this make no chart: one or two bars tell nothing."""

MONTHS_UP_TO = 24
"""Dates spread over at most this many calendar months are counted by month, wider ones by year."""

MAX_BARS = 60
"""At most this many periods, the most recent ones, so bars stay visible."""

MAX_BAR_WIDTH = 48
"""A bar is never wider than this (in chart units), so a few periods do not fill the chart
with blocks; narrower bars are centred in their slot."""


@dataclass(frozen=True)
class Bar:
    """One period: its label, how many articles, and where it is drawn."""

    label: str
    count: int
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Timeline:
    """The bars of a chart, in time order, plus the articles that have no date."""

    bars: list[Bar]
    undated: int
    by: str
    """"month" or "year": what one bar counts."""
    width: int = WIDTH
    height: int = HEIGHT

    @property
    def first(self) -> str:
        """Label of the earliest period."""
        return self.bars[0].label

    @property
    def last(self) -> str:
        """Label of the latest period."""
        return self.bars[-1].label


def _month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


def _periods(dates: list[date]) -> tuple[str, list[tuple[str, int]]]:
    """What a bar counts, and (label, count) for every period from the first date to the
    last, empty ones too, so the gaps in a story show."""
    first, last = min(dates), max(dates)
    if _month_index(last) - _month_index(first) + 1 <= MONTHS_UP_TO:
        by_month = Counter(_month_index(d) for d in dates)
        span = range(_month_index(first), _month_index(last) + 1)
        return "month", [(f"{m // 12:04d}-{m % 12 + 1:02d}", by_month[m]) for m in span]
    by_year = Counter(d.year for d in dates)
    return "year", [(f"{year:04d}", by_year[year]) for year in range(first.year, last.year + 1)]


def build_timeline(dates: Iterable[date | None]) -> Timeline | None:
    """The chart of ``dates`` (one per matching article, None when undated); None when
    fewer than ``MIN_DATED`` of them have a date."""
    all_dates = list(dates)
    dated = [d for d in all_dates if d is not None]
    if len(dated) < MIN_DATED:
        return None
    by, periods = _periods(dated)
    periods = periods[-MAX_BARS:]
    peak = max(count for _, count in periods)
    slot = WIDTH / len(periods)
    bar_width = min(max(slot - GAP, 1), MAX_BAR_WIDTH)
    bars = []
    for i, (label, count) in enumerate(periods):
        height = round(HEIGHT * count / peak, 1)
        bars.append(
            Bar(
                label=label,
                count=count,
                x=round(i * slot + (slot - bar_width) / 2, 1),
                y=round(HEIGHT - height, 1),
                width=round(bar_width, 1),
                height=height,
            )
        )
    return Timeline(bars=bars, undated=len(all_dates) - len(dated), by=by)
