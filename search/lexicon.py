"""The index vocabulary, as the evidence that morphology decisions rest on.

Whether "لبنان" is ل + "بنان" or a word of its own cannot be told from the word;
the articles can tell: a stem that never occurs on its own is not a stem.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from whoosh.reading import IndexReader

from indexer.schema import TEXT_FIELDS

MAX_PREFIX_SCAN = 2000
"""The most terms one prefix scan looks at, so a short prefix cannot walk the whole lexicon."""


class Lexicon:
    """Document frequencies and prefix scans over the text fields of one reader.

    Lookups are cached for the life of the reader: a reader sees one fixed
    snapshot of the index.
    """

    def __init__(self, reader: IndexReader, fields: tuple[str, ...] = TEXT_FIELDS) -> None:
        self._reader = reader
        self._fields = fields
        self.doc_frequency = lru_cache(maxsize=65536)(self._doc_frequency)

    def _doc_frequency(self, term: str) -> int:
        return sum(self._reader.doc_frequency(field, term) for field in self._fields)

    def with_prefix(self, prefix: str, limit: int = MAX_PREFIX_SCAN) -> Iterator[str]:
        """Distinct terms that start with ``prefix``, at most ``limit`` per field."""
        seen: set[str] = set()
        for field in self._fields:
            for count, term in enumerate(self._reader.expand_prefix(field, prefix)):
                if count >= limit:
                    break
                text = term.decode("utf-8") if isinstance(term, bytes) else term
                if text not in seen:
                    seen.add(text)
                    yield text
