"""Each article's language, source and date, for counting over whole result sets.

The filter counts and the timeline describe every match, not just the page
shown. Reading stored fields for thousands of matches per request would be
slow, so these three values are read once per index generation (from the
postings of ``lang`` and ``source`` and the sortable ``date`` column) into lists
indexed by document number; a request then only walks its matching numbers.
"""

from __future__ import annotations

import heapq
from collections import Counter
from dataclasses import dataclass
from datetime import date

from whoosh.reading import IndexReader

LATEST = 8
"""How many of the most recent articles the empty search page lists."""


def _by_term(reader: IndexReader, fieldname: str) -> list[str]:
    values = [""] * reader.doc_count_all()
    for term in reader.lexicon(fieldname):
        value = term.decode("utf-8")
        for docnum in reader.postings(fieldname, term).all_ids():
            values[docnum] = value
    return values


def _dates(reader: IndexReader) -> list[date | None]:
    """Each document's date, read segment by segment: a segment where no article has a
    date has no date column, and Whoosh's column over the whole index then leaves that
    segment's documents out instead of giving them the column's default."""
    field = reader.schema["date"]
    missing = field.column_type.default_value()
    dates: list[date | None] = []
    for segment, _ in reader.leaf_readers():
        if not segment.has_column("date"):
            dates.extend([None] * segment.doc_count_all())
            continue
        column = segment.column_reader("date", translate=False)
        dates.extend(None if raw == missing else field.from_column_value(raw).date() for raw in column)
    return dates


@dataclass(frozen=True)
class Facts:
    """Per-document values of one index generation, plus what the overview shows."""

    langs: list[str]
    sources: list[str]
    dates: list[date | None]
    by_lang: dict[str, int]
    latest: list[int]
    """Document numbers of the most recent articles, newest first (undated ones last)."""

    @classmethod
    def read(cls, reader: IndexReader) -> Facts:
        """Read the values of every live document of ``reader``."""
        langs = _by_term(reader, "lang")
        dates = _dates(reader)
        live = list(reader.all_doc_ids())
        latest = heapq.nlargest(LATEST, live, key=lambda d: (dates[d] or date.min, d))
        return cls(
            langs=langs,
            sources=_by_term(reader, "source"),
            dates=dates,
            by_lang=dict(Counter(langs[d] for d in live).most_common()),
            latest=latest,
        )
