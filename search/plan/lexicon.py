"""The index vocabulary, as the evidence that morphology decisions rest on.

Whether "لبنان" is ل + "بنان" or a word of its own cannot be told from the word;
the articles can tell: a stem that never occurs on its own is not a stem.

Expanding one query word looks up dozens of prefixes ("موسكو", "لموسكو",
"بموسكو"…). Whoosh finds each by searching its term file, which over a large
archive took most of a query's time. Each segment's terms are read once into
a sorted list instead (see ``segments``), and prefixes are found by bisection. A
commit adds a small segment; only that one is read anew. The list is kept in a
file beside its segment, so a fresh process loads it instead of reading it out
of Whoosh's term file, which takes seconds at 100,000 articles.

"Did you mean" looks in the same lists: the words one slip away from a query
word are few enough (a thousand or two) to be written out and looked up; the
words two edits away are found by walking the lists with a Levenshtein
automaton, instead of seeking in the term file for every word it proposes.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache

from whoosh.automata.fsa import find_all_matches
from whoosh.automata.lev import levenshtein_automaton
from whoosh.reading import IndexReader

from indexer.analysis import READING_MARK
from indexer.schema import TEXT_FIELDS
from search.execute.segments import kept_beside, per_segment

MAX_PREFIX_SCAN = 2000
"""The most terms one prefix scan looks at, so a short prefix cannot walk the whole lexicon."""

AFTER_ALL = "\U0010ffff"
"""Sorts after every character, so ``prefix + AFTER_ALL`` ends the range of ``prefix``."""


def _segment_terms(segment: IndexReader, fieldname: str) -> list[str]:
    """The sorted terms of ``fieldname`` in one segment, read once per process from the file
    kept beside the segment (see ``segments.kept_beside``)."""

    def read() -> list[str]:
        if fieldname not in segment.schema:
            return []
        return [term.decode("utf-8") for term in segment.lexicon(fieldname)]

    return per_segment(segment, "terms", fieldname, lambda: kept_beside(segment, f"{fieldname}_terms", read))


def _prefixed(terms: list[str], prefix: str) -> list[str]:
    return terms[bisect_left(terms, prefix) : bisect_left(terms, prefix + AFTER_ALL)]


def _alphabet(segment: IndexReader, fieldname: str) -> str:
    """Every character the terms of one field of one segment are written with (but the
    mark of readings, which no word typed contains)."""

    def read() -> str:
        return "".join(sorted(set("".join(_segment_terms(segment, fieldname))) - {READING_MARK}))

    return per_segment(segment, "alphabet", fieldname, read)


def one_slip(word: str, alphabet: str, kept: int) -> set[str]:
    """Every string one slip from ``word`` (a letter left out, added, replaced, or two
    neighbours swapped) that keeps its first ``kept`` letters."""
    found: set[str] = set()
    for at in range(kept, len(word) + 1):
        head, tail = word[:at], word[at:]
        found.update(head + letter + tail for letter in alphabet)
        if tail:
            found.add(head + tail[1:])
            found.update(head + letter + tail[1:] for letter in alphabet)
        if len(tail) > 1:
            found.add(head + tail[1] + tail[0] + tail[2:])
    found.discard(word)
    return found


def _at_or_after(terms: list[str], key: str) -> str | None:
    """The first of the sorted ``terms`` not before ``key``."""
    index = bisect_left(terms, key)
    return terms[index] if index < len(terms) else None


class Lexicon:
    """Document frequencies and prefix scans over the text fields of one reader.

    Lookups are cached for the life of the reader: a reader sees one fixed
    snapshot of the index.
    """

    def __init__(self, reader: IndexReader, fields: tuple[str, ...] = TEXT_FIELDS) -> None:
        self._reader = reader
        self._fields = fields
        self._segments = [leaf for leaf, _ in reader.leaf_readers()]
        self.doc_frequency = lru_cache(maxsize=65536)(self._doc_frequency)

    def _doc_frequency(self, term: str) -> int:
        return sum(self._reader.doc_frequency(field, term) for field in self._fields)

    def field_terms(self, fieldname: str, prefix: str, limit: int = MAX_PREFIX_SCAN) -> list[str]:
        """The first ``limit`` terms of one field that start with ``prefix``, in order."""
        if len(self._segments) == 1:
            return _prefixed(_segment_terms(self._segments[0], fieldname), prefix)[:limit]
        found: set[str] = set()
        for segment in self._segments:
            found.update(_prefixed(_segment_terms(segment, fieldname), prefix)[:limit])
        return sorted(found)[:limit]

    def with_prefix(self, prefix: str, limit: int = MAX_PREFIX_SCAN) -> Iterator[str]:
        """Distinct terms that start with ``prefix``, at most ``limit`` per field."""
        seen: set[str] = set()
        for field in self._fields:
            for text in self.field_terms(field, prefix, limit):
                if text not in seen:
                    seen.add(text)
                    yield text

    def within(self, fieldname: str, word: str, edits: int, prefix: int) -> set[str]:
        """The terms of one field at most ``edits`` edits from ``word`` and sharing its first
        ``prefix`` letters: the terms Whoosh's ``terms_within`` gives, found in memory."""
        automaton = levenshtein_automaton(word, edits, prefix).to_dfa()
        found: set[str] = set()
        for segment in self._segments:
            terms = _segment_terms(segment, fieldname)
            found.update(find_all_matches(automaton, lambda key, terms=terms: _at_or_after(terms, key)))
        return found

    def one_slip_from(self, fieldname: str, word: str, kept: int) -> set[str]:
        """The terms of one field one slip from ``word`` (see ``one_slip``), keeping its first
        ``kept`` letters."""
        found: set[str] = set()
        for segment in self._segments:
            terms = _segment_terms(segment, fieldname)
            slips = one_slip(word, _alphabet(segment, fieldname), kept)
            found.update(slip for slip in slips if _at_or_after(terms, slip) == slip)
        return found
