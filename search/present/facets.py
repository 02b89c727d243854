"""Counts of a search's matches by language, source and date: the facets.

The filter counts and the timeline describe every match, not just the page
shown. Reading stored fields for thousands of matches per request would be
slow, so these three values are read once per index generation (from the
postings of ``lang`` and ``source`` and the sortable ``date`` column) into lists
indexed by document number; a request then only walks its matching numbers,
the ones the engine's own evaluation of the query found.

Each filter's counts apply the other filter but not itself, as search sites
show them: the language counts under ``source=X`` say what choosing another
language would give.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from threading import Lock

from whoosh.reading import IndexReader

from search.execute.budget import check_time
from search.execute.segments import segment_state

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


_known: dict[tuple[object, ...], Facts] = {}
_known_lock = Lock()


def facts_of(reader: IndexReader) -> Facts:
    """The ``Facts`` of ``reader``'s generation, read once and shared by every thread."""
    generation = tuple(segment_state(leaf) for leaf, _ in reader.leaf_readers())
    with _known_lock:
        found = _known.get(generation)
    if found is None:
        found = Facts.read(reader)
        with _known_lock:
            _known.clear()  # only the latest generation is searched
            _known[generation] = found
    return found


@dataclass(frozen=True)
class Facets:
    """How many matching articles have each language, source and date."""

    langs: Counter[str] = field(default_factory=Counter)
    sources: Counter[str] = field(default_factory=Counter)
    dates: Counter[date | None] = field(default_factory=Counter)
    """Articles by day (None: undated), among the articles both filters keep."""

    def years(self) -> Counter[str]:
        """Articles by year, undated ones left out."""
        years: Counter[str] = Counter()
        for day, count in self.dates.items():
            if day is not None:
                years[str(day.year)] += count
        return years

    def to_json(self) -> dict[str, dict[str, int]]:
        """The counts as the API gives them, commonest first."""
        return {
            "lang": dict(self.langs.most_common()),
            "source": dict(self.sources.most_common()),
            "year": dict(sorted(self.years().items())),
        }


def count_facets(
    facts: Facts, matches: Iterable[int], lang: str | None, source: str | None
) -> tuple[Facets, list[int]]:
    """The facets of ``matches`` (every document the query matches, unfiltered) and those of
    them that ``lang`` and ``source`` keep, in order. Counted by ``Counter`` over the value
    lists, which walks tens of thousands of matches in a few milliseconds."""
    check_time()
    every = list(matches)
    lang_of, source_of = facts.langs.__getitem__, facts.sources.__getitem__
    in_source = every if source is None else [docnum for docnum in every if source_of(docnum) == source]
    in_lang = every if lang is None else [docnum for docnum in every if lang_of(docnum) == lang]
    kept = in_source if lang is None else [docnum for docnum in in_source if lang_of(docnum) == lang]
    facets = Facets(
        langs=Counter(map(lang_of, in_source)),
        sources=Counter(map(source_of, in_lang)),
        dates=Counter(map(facts.dates.__getitem__, kept)),
    )
    return facets, kept
