"""The errors a search reports to the user, each with a message saying what to change.

They are raised from planning (``plan.planner``), from the budget (``budget``) and from the
engine, and caught by the command line (exit 1) and the web (HTTP 400 or 503), which
show the message as it is: it must read as Bahith's own words, never Python's.
"""

from __future__ import annotations


class QueryError(ValueError):
    """A query that cannot be run, with a message saying what to change."""


class QueryTooBroad(QueryError):
    """A query refused before it runs because it would cost more than a search may."""


class SearchTimeout(QueryError):
    """A search stopped because it ran past its deadline: the server was busy or the query heavy."""

    def __init__(self, seconds: float) -> None:
        super().__init__(
            f"the search took longer than {seconds:g} s and was stopped: "
            "use fewer or more precise words, or add a filter such as lang:fr or date:2016"
        )
