"""What one search may cost, checked while it runs, so that no query can stall a server.

Bounding each pattern (see ``plan.planner``) is not enough: a hundred short fuzzy words
each within its bound still took eleven seconds, and a search shares the server's
few threads and cores with everyone else's. So a search has a budget of three
kinds, each with a message saying what to change:

- before it runs, how many words with ``*``, ``?`` or ``~`` it has, how many index
  terms it stands for, and how many postings those terms have (read from the
  vocabulary, without reading a posting): ``QueryTooBroad``; smaller limits for
  the queries Whoosh ranks, whose work cannot be stopped half-way;
- while it runs, a deadline, checked between terms, posting lists, segments and
  hits: ``SearchTimeout``.

The deadline lives in a context variable, set by ``deadline()`` around one search,
so the code that walks postings checks it without a parameter on every function;
each request thread has its own.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from whoosh.collectors import WrappingCollector

from search.errors import QueryTooBroad, SearchTimeout

SEARCH_SECONDS = 5.0
"""The longest one search may run before it is stopped."""

MAX_PATTERNS = 8
"""The most words with ``*``, ``?`` or ``~`` in one query: each is looked up in the whole vocabulary."""

MAX_TERMS = 5_000
"""The most index terms a planned query may stand for (every word's forms and expansions)."""

MAX_POSTINGS = 3_000_000
"""The most postings those terms may have in all: what ranking and counting would read."""

MAX_SLOW_TERMS = 400
"""The most terms of a query that Whoosh ranks (one with a phrase, filter, date or exclusion):
Whoosh makes a matcher of each term for each segment before it collects anything, and
that cannot be stopped half-way (about 2.5 ms a term over 2,000 articles)."""

MAX_SLOW_POSTINGS = 300_000
"""The most postings of the terms of a query that Whoosh ranks, for the same reason."""

CHECK_EVERY = 1024
"""Whoosh-ranked searches look at the clock once per this many matching documents."""


_deadline: ContextVar[tuple[float, float] | None] = ContextVar("bahith_search_deadline", default=None)


@contextmanager
def deadline(seconds: float = SEARCH_SECONDS) -> Iterator[None]:
    """Run the enclosed search under a deadline ``seconds`` from now (an enclosing one is kept)."""
    if _deadline.get() is not None:
        yield
        return
    token = _deadline.set((time.monotonic() + seconds, seconds))
    try:
        yield
    finally:
        _deadline.reset(token)


def check_time() -> None:
    """Raise ``SearchTimeout`` when the current search is past its deadline; no-op outside one."""
    current = _deadline.get()
    if current is not None and time.monotonic() > current[0]:
        raise SearchTimeout(current[1])


def check_size(patterns: int, terms: int, postings: int) -> None:
    """Raise ``QueryTooBroad`` when a planned query is over one of the budget's limits."""
    if patterns > MAX_PATTERNS:
        raise QueryTooBroad(
            f"the query has {patterns} words with *, ? or ~; the limit is {MAX_PATTERNS}: "
            "write some of them out in full"
        )
    if terms > MAX_TERMS:
        raise QueryTooBroad(
            f"the query stands for {terms:,} index terms (its words' forms and what its patterns "
            f"expand to); the limit is {MAX_TERMS:,}: use fewer words"
        )
    if postings > MAX_POSTINGS:
        raise QueryTooBroad(
            f"the query's words occur in {postings:,} places in the index; the limit is "
            f"{MAX_POSTINGS:,}: use fewer or less common words"
        )


def check_slow_size(terms: int, postings: int) -> None:
    """Raise ``QueryTooBroad`` when a query Whoosh would rank is over its own, smaller, limits."""
    if terms > MAX_SLOW_TERMS or postings > MAX_SLOW_POSTINGS:
        raise QueryTooBroad(
            f"with phrases, filters, dates or excluded words, a query may stand for {MAX_SLOW_TERMS:,} "
            f"index terms occurring in {MAX_SLOW_POSTINGS:,} places; this one stands for {terms:,} "
            f"occurring in {postings:,}: use fewer words"
        )


class DeadlineCollector(WrappingCollector):
    """Whoosh's collecting loop with the deadline checked as it goes.

    Whoosh's own ``TimeLimitCollector`` starts a timer thread per search and may
    raise from a signal handler in whatever thread runs; this only reads the clock.
    """

    def collect_matches(self) -> None:
        """Collect every match, checking the deadline every ``CHECK_EVERY`` documents."""
        child = self.child
        for count, sub_docnum in enumerate(child.matches()):
            if count % CHECK_EVERY == 0:
                check_time()
            child.collect(sub_docnum)
