"""Per-segment data read once and kept while the segment is in use.

A segment of a Whoosh index never changes once written: a commit adds new
segments and a merge replaces old ones by a new one. What is derived from one
segment alone (its sorted vocabulary, its documents' field lengths) is therefore
read once per segment and shared by every reader and every search after it,
instead of once per query.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from threading import Lock
from typing import TypeVar

from whoosh.reading import IndexReader

CACHED_ENTRIES = 128
"""How many (segment, kind, field) entries stay in memory; an index has a handful of segments."""

T = TypeVar("T")

_cache: OrderedDict[tuple[str, str, str], object] = OrderedDict()
_lock = Lock()


def segment_id(reader: IndexReader) -> str | None:
    """The id of the segment ``reader`` reads, or None for a reader of no segment (an empty index)."""
    segment = reader.segment() if hasattr(reader, "segment") else None
    return segment.segment_id() if segment is not None else None


def per_segment(segment: IndexReader, kind: str, fieldname: str, build: Callable[[], T]) -> T:
    """``build()`` for this segment, kind and field, computed on first use and then remembered."""
    identity = segment_id(segment)
    if identity is None:
        return build()
    key = (identity, kind, fieldname)
    with _lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]  # type: ignore[return-value]
    value = build()
    with _lock:
        _cache[key] = value
        while len(_cache) > CACHED_ENTRIES:
            _cache.popitem(last=False)
    return value
