"""Every use of Whoosh's private internals, checked at import against the installed Whoosh.

Speed needs a few things Whoosh keeps to itself: a posting block's decoded
arrays (reading postings one call at a time is what made counting slow), the
terms a pattern stands for before any matcher is made, a BM25F model's
per-field B, the newest table of contents of an index, the hook that builds an
``Or``'s matcher, and a scorer's IDF. Nothing else in Bahith touches a name
starting with ``_`` on a Whoosh object: when Whoosh changes, this module is
the one to read again.

These were written against ``WHOOSH_VERSION`` (``setup.cfg`` pins it). Forks on
the package index install under the same import name with other internals, so
at import every attribute used here is looked for; a missing one raises
``ImportError`` naming it and the version needed, instead of a wrong answer or
an ``AttributeError`` in the middle of a search.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import whoosh
from whoosh import query as wq
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.index import FileIndex
from whoosh.matching import Matcher
from whoosh.query.compound import PreloadedOr
from whoosh.reading import IndexReader
from whoosh.scoring import BM25F, BM25FScorer
from whoosh.searching import SearchContext, Searcher

WHOOSH_VERSION = "2.7.4"

BLOCK_METHODS = ("_read_ids", "_read_values", "_read_weights", "_next_block")
BLOCK_ARRAYS = ("_i", "_ids", "_values", "_weights")
"""What a Whoosh 3 posting reader does to decode a block, and the arrays it decodes into."""


def _names_set_by(cls: type) -> set[str]:
    """The attribute names the methods of ``cls`` (and its bases) use: where instance
    attributes, which exist only once an object is made, can be looked for."""
    names: set[str] = set()
    for klass in cls.__mro__:
        for value in vars(klass).values():
            code = getattr(value, "__code__", None)
            if code is not None:
                names.update(code.co_names)
    return names


def _missing() -> list[str]:
    """The private attributes this module uses that the installed Whoosh lacks."""
    wanted: list[tuple[str, bool]] = [
        *((f"W3LeafMatcher.{name}", hasattr(W3LeafMatcher, name)) for name in BLOCK_METHODS),
        *((f"W3LeafMatcher.{name}", name in _names_set_by(W3LeafMatcher)) for name in BLOCK_ARRAYS),
        ("Prefix._btexts", hasattr(wq.Prefix, "_btexts")),
        ("Wildcard._btexts", hasattr(wq.Wildcard, "_btexts")),
        ("BM25F._field_B", isinstance(getattr(BM25F(), "_field_B", None), dict)),
        ("FileIndex._read_toc", hasattr(FileIndex, "_read_toc")),
        ("PreloadedOr._matcher", hasattr(PreloadedOr, "_matcher")),
        ("BM25FScorer.idf (read when scoring)", "idf" in BM25FScorer._score.__code__.co_names),
    ]
    return [name for name, present in wanted if not present]


def check_whoosh() -> None:
    """Raise ``ImportError`` naming each private attribute the installed Whoosh lacks."""
    missing = _missing()
    if missing:
        raise ImportError(
            f"Bahith needs Whoosh {WHOOSH_VERSION}; the installed Whoosh ({whoosh.versionstring()}, "
            f"from {whoosh.__file__}) lacks {', '.join(missing)}: "
            f"install it with pip install whoosh=={WHOOSH_VERSION}"
        )


check_whoosh()


def posting_blocks(postings: Matcher, extra: str = "") -> Iterator[tuple[Sequence[int], Sequence]]:
    """(document numbers, ``extra``) of each block of ``postings``, from where it stands.

    ``extra`` is "values" (the encoded positions), "weights" (the term
    frequencies times the field boost), or "" for nothing. This reads Whoosh's
    block reader directly; postings it wraps (to hide deleted documents) are
    read one by one through the ordinary matcher calls.
    """
    if not isinstance(postings, W3LeafMatcher):
        one = {"values": postings.value, "weights": postings.weight}.get(extra)
        while postings.is_active():
            yield (postings.id(),), ((one(),) if one else ())
            postings.next()
        return
    while postings.is_active():
        postings._read_ids()
        start = postings._i
        if extra == "values":
            postings._read_values()
            yield postings._ids[start:], postings._values[start:]
        elif extra == "weights":
            postings._read_weights()
            yield postings._ids[start:], postings._weights[start:]
        else:
            yield postings._ids[start:], ()
        postings._next_block()


def pattern_terms(q: wq.Prefix | wq.Wildcard, reader: IndexReader) -> Iterable[bytes | str]:
    """The index terms a prefix or wildcard stands for, without making a matcher of each."""
    return q._btexts(reader)


def field_b(weighting: BM25F, fieldname: str) -> float:
    """The B a BM25F model uses for one field (its own, else the model's)."""
    return weighting._field_B.get(fieldname, weighting.B)


def latest_toc(index: FileIndex) -> Any:
    """The table of contents of the newest commit: its generation, schema and segments."""
    return index._read_toc()


class FixedIdf(BM25F):
    """BM25F with one fixed IDF for every term it scores, and ``base``'s B and K1."""

    def __init__(self, base: BM25F, idf: float) -> None:
        super().__init__(B=base.B, K1=base.K1)
        self._field_B = dict(base._field_B)
        self._idf = idf

    def scorer(self, searcher: Searcher, fieldname: str, text: bytes, qf: int = 1) -> Any:
        scorer = super().scorer(searcher, fieldname, text, qf=qf)
        scorer.idf = self._idf
        return scorer


class UnionOfPreloaded(PreloadedOr):
    """Whoosh's ``PreloadedOr``, whose matcher over its sub-queries a subclass may build itself.

    Whoosh builds an ``Or``'s matcher in a private hook; ``union`` is the same
    hook under a name of Bahith's, and does what Whoosh does unless overridden.
    """

    def union(self, subs: list[wq.Query], searcher: Searcher, context: SearchContext | None) -> Matcher:
        """The matcher of the union of ``subs``."""
        return super()._matcher(subs, searcher, context)

    def _matcher(self, subs: list[wq.Query], searcher: Searcher, context: SearchContext | None) -> Matcher:
        return self.union(subs, searcher, context)
