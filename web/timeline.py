"""A small bar chart of matching articles over time, drawn on the server as SVG.

It shows at a glance when a story ran. Drawing it on the server keeps the page
free of JavaScript; the template turns these bars into ``<rect>`` elements
styled by the site's stylesheet (no inline styles, which the CSP forbids).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

WIDTH = 800
HEIGHT = 72
GAP = 2
MONTHS_UP_TO = 24
"""Results spread over more months than this are counted by year."""

MAX_BARS = 60
"""At most this many periods, the most recent ones, so bars stay visible."""


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


def _periods(dates: list[date]) -> list[tuple[str, int]]:
    """(label, count) for every period between the first and last date, empty ones too."""
    first, last = min(dates), max(dates)
    if _month_index(last) - _month_index(first) < MONTHS_UP_TO:
        counts = Counter(_month_index(d) for d in dates)
        span = range(_month_index(first), _month_index(last) + 1)
        return [(f"{m // 12:04d}-{m % 12 + 1:02d}", counts[m]) for m in span]
    counts = Counter(d.year for d in dates)
    return [(f"{year:04d}", counts[year]) for year in range(first.year, last.year + 1)]


def build_timeline(dates: Iterable[date | None]) -> Timeline | None:
    """Bars for the dated articles among ``dates``; None when none has a date."""
    all_dates = list(dates)
    dated = [d for d in all_dates if d is not None]
    if not dated:
        return None
    periods = _periods(dated)[-MAX_BARS:]
    peak = max(count for _, count in periods)
    slot = WIDTH / len(periods)
    bars = []
    for i, (label, count) in enumerate(periods):
        height = round(HEIGHT * count / peak, 1)
        bars.append(
            Bar(
                label=label,
                count=count,
                x=round(i * slot + GAP / 2, 1),
                y=round(HEIGHT - height, 1),
                width=round(max(slot - GAP, 1), 1),
                height=height,
            )
        )
    return Timeline(bars=bars, undated=len(all_dates) - len(dated))
