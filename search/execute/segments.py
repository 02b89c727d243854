"""Per-segment data read once and kept while the segment is in use.

A segment of a Whoosh index never changes once written: a commit adds new
segments and a merge replaces old ones by a new one. What is derived from one
segment alone (its sorted vocabulary, its documents' field lengths, a term's
decoded postings) is therefore read once per segment and shared by every reader
and every search after it, instead of once per query. Deleting an article is the
one change a segment sees; what depends on deletions keys on their count too.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from threading import Lock
from typing import Generic, TypeVar

from whoosh.index import FileIndex
from whoosh.reading import EmptyReader, IndexReader, MultiReader, SegmentReader

from search.execute.whoosh_private import latest_toc

CACHED_ENTRIES = 128
"""How many (segment, kind, field) entries stay in memory; an index has a handful of segments."""

OPEN_ATTEMPTS = 10
RETRY_SECONDS = 0.02
"""How often, and how far apart, a reader tries again to open a commit whose files a
newer commit deleted meanwhile (each try reads the newest commit)."""

T = TypeVar("T")


class BoundedCache(Generic[T]):
    """The most recently used values, kept while their summed ``cost`` stays within ``budget``."""

    def __init__(self, budget: int, cost: Callable[[T], int]) -> None:
        self._budget = budget
        self._cost = cost
        self._spent = 0
        self._values: OrderedDict[Hashable, T] = OrderedDict()
        self._lock = Lock()

    def get(self, key: Hashable, build: Callable[[], T]) -> T:
        """The value kept under ``key``, built and kept on first use."""
        with self._lock:
            if key in self._values:
                self._values.move_to_end(key)
                return self._values[key]
        value = build()
        with self._lock:
            if key not in self._values:
                self._values[key] = value
                self._spent += self._cost(value)
            while self._spent > self._budget and len(self._values) > 1:
                _, dropped = self._values.popitem(last=False)
                self._spent -= self._cost(dropped)
        return value


_derived: BoundedCache[object] = BoundedCache(CACHED_ENTRIES, lambda _: 1)


def segment_id(reader: IndexReader) -> str | None:
    """The id of the segment ``reader`` reads, or None for a reader of no segment (an empty index)."""
    segment = reader.segment() if hasattr(reader, "segment") else None
    return segment.segment_id() if segment is not None else None


def segment_state(reader: IndexReader) -> tuple[str, int] | None:
    """The segment's id and how many of its documents are deleted: what keys data that
    changes when articles are deleted (None for a reader of no segment)."""
    identity = segment_id(reader)
    return None if identity is None else (identity, reader.doc_count_all() - reader.doc_count())


def per_segment(segment: IndexReader, kind: str, fieldname: str, build: Callable[[], T]) -> T:
    """``build()`` for this segment, kind and field, computed on first use and then remembered."""
    identity = segment_id(segment)
    if identity is None:
        return build()
    return _derived.get((identity, kind, fieldname), build)  # type: ignore[return-value]


def kept_beside(segment: IndexReader, name: str, build: Callable[[], list[str]]) -> list[str]:
    """``build()``, a list of strings derived from one segment, kept in a file beside it.

    Some of what a search derives from a segment (its sorted vocabulary) takes
    seconds to read out of Whoosh at 100,000 articles, and a fresh ``bahith search``
    process would pay that on every call. The first process to need it writes it
    beside the segment, named after it (``MAIN_<segment>.bahith_<name>``), so Whoosh
    deletes it with the segment when a merge replaces that; later processes read it
    in milliseconds. The file starts with its length in bytes, so one cut short (a
    process killed while writing it) is rebuilt, not believed. A folder that cannot
    be written (a read-only index) only loses the speed-up.
    """
    identity = segment_id(segment)
    if identity is None:
        return build()
    storage = segment.storage()
    filename = f"{identity}.bahith_{name}"
    try:
        if storage.file_exists(filename):
            with storage.open_file(filename) as stored:
                size, _, body = stored.read().partition(b"\n")
            if size.isdigit() and int(size) == len(body):
                return body.decode("utf-8").split("\n") if body else []
    except (OSError, UnicodeDecodeError):
        pass
    found = build()
    if not any("\n" in line for line in found):
        body = "\n".join(found).encode("utf-8")
        try:
            with storage.create_file(filename) as out:
                out.write(b"%d\n" % len(body) + body)
        except OSError:
            pass
    return found


def refreshed_reader(index: FileIndex, current: IndexReader) -> IndexReader | None:
    """A reader on the latest commit of ``index`` that keeps ``current``'s readers of
    the segments that have not changed since; None when ``current`` reads the latest.

    Whoosh's own refresh means to do this but looks its open readers up under the
    wrong key (their generation, not their segment), so it reopens every segment;
    and opening a mapped segment file copies it into memory: over 100,000 articles,
    seconds after each commit. A segment that has lost articles since is reopened,
    to see the deletions.

    A commit writes its table of contents under a new name, then deletes the old
    one and the files of merged segments. A reader that listed the files just
    before may find them gone when it opens them; it then tries again on the newer
    commit (as Whoosh's own ``FileIndex.reader`` does), so a search during a commit
    never fails for it.
    """
    for _ in range(OPEN_ATTEMPTS - 1):
        try:
            return _latest_reader(index, current)
        except FileNotFoundError:
            time.sleep(RETRY_SECONDS)
    return _latest_reader(index, current)


def _latest_reader(index: FileIndex, current: IndexReader) -> IndexReader | None:
    """One try at ``refreshed_reader``; raises ``FileNotFoundError`` if a commit got in between."""
    toc = latest_toc(index)
    if toc.generation == current.generation():
        return None
    open_readers = {segment_id(leaf): leaf for leaf, _ in current.leaf_readers()}
    readers: list[IndexReader] = []
    opened: list[IndexReader] = []
    try:
        for segment in toc.segments:
            kept = open_readers.get(segment.segment_id())
            if kept is not None and kept.segment().deleted_count() == segment.deleted_count():
                readers.append(open_readers.pop(segment.segment_id()))
            else:
                opened.append(SegmentReader(index.storage, toc.schema, segment, generation=toc.generation))
                readers.append(opened[-1])
    except BaseException:
        for reader in opened:
            reader.close()
        raise
    for unused in open_readers.values():
        unused.close()
    return MultiReader(readers, generation=toc.generation) if readers else EmptyReader(toc.schema)
