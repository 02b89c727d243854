"""Keep the index in step with folders as files land, change, move and vanish.

File events arrive one by one, often in bursts (a thousand files copied at
once). They are collected into batches: a batch is written when the folders
have been quiet for a moment, or when its first event has waited long enough,
so a burst becomes one or a few commits and a single new file is searchable
within a couple of seconds. Watching uses the operating system's notifications
through ``watchdog``; nothing polls the disk.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from indexer.ingest import SUPPORTED_SUFFIXES
from indexer.ingest.reading import file_kind
from indexer.store import IndexUnavailable
from indexer.update import RunSummary, apply_changes, update_index

QUIET_SECONDS = 0.5
"""A batch is written once no event has arrived for this long…"""

MAX_DELAY_SECONDS = 2.0
"""…or once its first event has waited this long, whichever comes first."""

_INTERESTING = frozenset({"created", "modified", "moved", "deleted", "closed"})


def _is_article_path(path: str, is_directory: bool) -> bool:
    name = os.path.basename(path)
    if not name or name.startswith("."):
        return False
    return is_directory or file_kind(Path(name)) in SUPPORTED_SUFFIXES


class ChangeBatcher(FileSystemEventHandler):
    """Collects the paths that events touched until the batch is taken."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._paths: set[str] = set()
        self._first = 0.0
        self._last = 0.0
        self.arrived = threading.Event()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type not in _INTERESTING:
            return
        touched = [event.src_path]
        if event.event_type == "moved":
            touched.append(event.dest_path)
        if event.is_directory and event.event_type == "modified":
            return
        paths = [os.fsdecode(p) for p in touched if p]
        paths = [p for p in paths if _is_article_path(p, event.is_directory)]
        if paths:
            self.add(paths)

    def add(self, paths: Sequence[str | Path]) -> None:
        """Put paths in the pending batch (also used to retry a batch that failed)."""
        now = time.monotonic()
        with self._lock:
            if not self._paths:
                self._first = now
            self._paths.update(str(p) for p in paths)
            self._last = now
        self.arrived.set()

    def due_in(self, quiet: float, max_delay: float) -> float | None:
        """Seconds until the pending batch is due; None when nothing is pending."""
        with self._lock:
            if not self._paths:
                return None
            now = time.monotonic()
            return max(0.0, min(self._last + quiet, self._first + max_delay) - now)

    def take(self) -> tuple[list[Path], list[Path]]:
        """The pending batch as (paths to re-read, paths that are gone), emptied."""
        with self._lock:
            paths, self._paths = self._paths, set()
            self.arrived.clear()
        existing = sorted(Path(p) for p in paths if os.path.exists(p))
        gone = sorted(Path(p) for p in paths if not os.path.exists(p))
        return existing, gone


def watch(
    index_dir: Path,
    folders: Sequence[Path],
    *,
    on_batch: Callable[[RunSummary, float], None],
    on_error: Callable[[str], None],
    stop: threading.Event,
    quiet: float = QUIET_SECONDS,
    max_delay: float = MAX_DELAY_SECONDS,
) -> None:
    """Index ``folders`` now, then every change under them until ``stop`` is set.

    ``on_batch(summary, seconds)`` is told what each commit did and how long it
    took; ``on_error`` gets a message when the index could not be written (the
    batch is kept and retried). Bad files are reported in the summaries and never
    stop the watch. Only files really inside ``folders`` are read: a link that
    appears in them pointing elsewhere is reported, not followed.
    """
    batcher = ChangeBatcher()
    observer = Observer()
    for folder in folders:
        observer.schedule(batcher, str(folder), recursive=True)
    observer.start()
    try:
        started = time.monotonic()
        on_batch(update_index(index_dir, folders), time.monotonic() - started)
        while not stop.is_set():
            wait = batcher.due_in(quiet, max_delay)
            if wait is None:
                batcher.arrived.wait(timeout=0.5)
                continue
            if wait > 0:
                stop.wait(wait)
                continue
            changed, gone = batcher.take()
            started = time.monotonic()
            try:
                summary = apply_changes(index_dir, changed, gone, within=folders)
            except IndexUnavailable as error:
                on_error(str(error))
                batcher.add([*changed, *gone])
                continue
            on_batch(summary, time.monotonic() - started)
    finally:
        observer.stop()
        observer.join()
