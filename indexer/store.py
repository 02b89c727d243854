"""Where the index lives, how it is opened, and what it holds.

The index records the analysis version it was built with; opening it with a
different analysis would silently mix two kinds of terms, so that is refused
with a message telling the user to rebuild.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import whoosh.index
from whoosh.filedb.filestore import FileStorage
from whoosh.index import Index
from whoosh.util.filelock import try_for

from indexer.analysis import ANALYSIS_VERSION
from indexer.ingest.reading import os_error_text
from indexer.schema import build_schema

INDEX_ENV = "BAHITH_INDEX"
META_FILE = "bahith.json"
WHOOSH_INDEX_NAME = "MAIN"
"""The name Whoosh gives an index opened without one; its writers lock ``<name>_WRITELOCK``."""


class IndexUnavailable(Exception):
    """An index that cannot be used as asked, with a message for the user."""


def default_index_dir() -> Path:
    """``$BAHITH_INDEX``, else ``$XDG_DATA_HOME/bahith/index`` (``~/.local/share/bahith/index``)."""
    if os.environ.get(INDEX_ENV):
        return Path(os.environ[INDEX_ENV]).expanduser()
    data_home = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(data_home) / "bahith" / "index"


def _check_version(index_dir: Path) -> None:
    meta = index_dir / META_FILE
    try:
        version = json.loads(meta.read_text(encoding="utf-8")).get("analysis_version")
    except (OSError, ValueError):
        version = None
    if version != ANALYSIS_VERSION:
        raise IndexUnavailable(
            f"the index at {index_dir} was built with analysis version {version}, "
            f"this Bahith uses version {ANALYSIS_VERSION}: rebuild it with 'bahith index --rebuild PATH…'"
        )


def open_index(index_dir: Path, *, create: bool = False) -> Index:
    """Open the index in ``index_dir``; with ``create``, make an empty one if there is none.

    Segment files are read through the file system, not mapped into memory: Whoosh
    copies each mapped file a reader opens, which cost a fresh process (a
    ``bahith search`` call) 0.3 s and 380 MB at 10,000 articles and a server seconds
    after each commit at 100,000, for no faster searches once open (measured: the
    same p50 and p95 over 200 queries at 10,000 articles).
    """
    if whoosh.index.exists_in(str(index_dir)):
        _check_version(index_dir)
        return FileStorage(str(index_dir), supports_mmap=False).open_index()
    if not create:
        raise IndexUnavailable(f"no index at {index_dir}: create one with 'bahith index PATH…'")
    index_dir.mkdir(parents=True, exist_ok=True)
    (index_dir / META_FILE).write_text(json.dumps({"analysis_version": ANALYSIS_VERSION}), encoding="utf-8")
    return whoosh.index.create_in(str(index_dir), build_schema())


_HELD_LOCKS: set[int] = set()
"""The file descriptors of the write locks this process holds."""


def _drop_locks_in_child() -> None:
    """A forked child (a worker preparing files) closes its copies of the held write locks.

    The lock belongs to the open file, which a fork shares: a child keeping it open would
    keep the index locked after its parent died, and one unlocking it would unlock it
    for the parent too.
    """
    for fd in _HELD_LOCKS:
        with suppress(OSError):
            os.close(fd)
    _HELD_LOCKS.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_drop_locks_in_child)


@contextmanager
def write_lock(index_dir: Path, timeout: float) -> Iterator[None]:
    """Hold the index's one write lock, waiting up to ``timeout`` seconds for it.

    It is the lock Whoosh's own writers take, so it also keeps them out. It
    lives in the index folder (made if need be) and may be taken before the
    index exists, so that two first runs do not both create it. The operating
    system releases it when its process dies, even by kill -9.
    """
    try:
        index_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise IndexUnavailable(f"cannot make the index folder {index_dir}: {os_error_text(error)}") from None
    lock = FileStorage(str(index_dir)).lock(f"{WHOOSH_INDEX_NAME}_WRITELOCK")
    if not try_for(lock.acquire, timeout=timeout, delay=0.05):
        raise IndexUnavailable(
            f"the index at {index_dir} is being written by another process; try again when it has finished"
        )
    fd = getattr(lock, "fd", None)
    if isinstance(fd, int):
        _HELD_LOCKS.add(fd)
    try:
        yield
    finally:
        _HELD_LOCKS.discard(fd)
        lock.release()


@dataclass(frozen=True)
class IndexStats:
    """What ``bahith stats`` shows."""

    path: str
    articles: int
    by_lang: dict[str, int]
    size_bytes: int
    last_update: datetime | None


def index_stats(index_dir: Path) -> IndexStats:
    """Count articles by language and measure the index on disk."""
    ix = open_index(index_dir)
    with ix.searcher() as searcher:
        by_lang = Counter(fields.get("lang", "") for fields in searcher.all_stored_fields())
    size = sum(f.stat().st_size for f in index_dir.iterdir() if f.is_file())
    toc_times = [f.stat().st_mtime for f in index_dir.glob("_MAIN_*.toc")]
    last = datetime.fromtimestamp(max(toc_times), tz=UTC) if toc_times else None
    return IndexStats(str(index_dir), sum(by_lang.values()), dict(sorted(by_lang.items())), size, last)
