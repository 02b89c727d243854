"""Bring the index in line with folders of articles, in one atomic commit.

A run compares what the folders hold now with what the index holds: new
articles are added, changed ones updated, articles whose files left an indexed
folder removed, and unchanged ones left alone. Everything is written in one
Whoosh commit at the end, so an interrupted run leaves the previous index whole
and searchable, and a run that finds nothing to do writes nothing at all.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from whoosh.index import Index
from whoosh.query import Prefix, Term

from indexer.article import Skipped
from indexer.ingest import discover
from indexer.ingest.discovery import real_path
from indexer.ingest.reading import Notice
from indexer.merging import purge_deleted
from indexer.preparing import Prepared, prepare_files
from indexer.store import open_index, write_lock
from indexer.stories import StoryBatch

LOCK_TIMEOUT_SECONDS = 30.0
"""How long a run waits for another writer to finish before giving up."""


@dataclass
class RunSummary:
    """What a run did, for the summary line and ``--json``."""

    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    """Files indexed all the same but worth a look (an encoding found by guessing)."""

    @property
    def changed(self) -> bool:
        """Whether the run has anything to write."""
        return bool(self.added or self.updated or self.removed)

    def describe(self) -> str:
        """One line a person reads at the end of a run."""
        line = (
            f"added {self.added}, updated {self.updated}, removed {self.removed}, "
            f"unchanged {self.unchanged}, skipped {len(self.skipped)}"
        )
        if self.notices:
            count = len(self.notices)
            line += f", {count} {'note' if count == 1 else 'notes'} to check"
        return line if self.changed else f"{line}: nothing to write, the index is up to date"


def _indexed_under(ix: Index, paths: Iterable[Path]) -> dict[str, tuple[str, str]]:
    """id -> (path, content hash) of the indexed articles whose files lie under ``paths``."""
    found: dict[str, tuple[str, str]] = {}
    with ix.searcher() as searcher:
        for path in paths:
            for query in (Term("path", str(path)), Prefix("path", f"{path}{os.sep}")):
                for docnum in searcher.docs_for_query(query):
                    fields = searcher.stored_fields(docnum)
                    found[fields["id"]] = (fields["path"], fields["content_hash"])
    return found


def _document(prepared: Prepared, added: int) -> dict[str, object]:
    """The Whoosh fields of an article: its title and body as the postings worked out for
    them, and as the text stored."""
    article = prepared.article
    return {
        "id": article.id,
        "path": article.path,
        "title": prepared.title if prepared.title is not None else article.title,
        "_stored_title": article.title,
        "body": prepared.body if prepared.body is not None else article.body,
        "_stored_body": article.body,
        "lang": article.lang,
        "source": article.source,
        "url": article.url,
        "date": datetime.combine(article.date, datetime.min.time()) if article.date else None,
        "content_hash": article.content_hash,
        "added": added,
    }


def update_index(
    index_dir: Path,
    paths: Sequence[Path],
    *,
    on_progress: Callable[[int, int], None] | None = None,
    lock_timeout: float = LOCK_TIMEOUT_SECONDS,
) -> RunSummary:
    """Index ``paths`` (files and folders) into ``index_dir``, incrementally.

    Articles under ``paths`` whose files are gone are removed. ``on_progress(done,
    total)`` is called after each file, for a progress bar. Raises
    ``IndexUnavailable`` when another writer holds the index for longer than
    ``lock_timeout`` seconds; the index is then unchanged.
    """
    return apply_changes(index_dir, paths, (), on_progress=on_progress, lock_timeout=lock_timeout)


def apply_changes(
    index_dir: Path,
    changed: Sequence[Path],
    removed: Sequence[Path],
    *,
    on_progress: Callable[[int, int], None] | None = None,
    lock_timeout: float = LOCK_TIMEOUT_SECONDS,
    within: Sequence[Path] | None = None,
) -> RunSummary:
    """Re-read ``changed`` files and folders and drop what lay under ``removed`` paths.

    This is what both a full ``bahith index`` run and each batch of the watcher
    do, in one commit. Only articles under the given paths are looked at, so a
    small batch on a large index stays cheap. ``within`` limits the files read
    to those really inside these folders (see ``discover``).

    The run holds the index's write lock from before it reads what the index
    holds until its commit, so two runs take turns: the second sees what the
    first wrote instead of adding the same articles again.
    """
    given = [Path(os.path.abspath(Path(p).expanduser())) for p in changed]
    scanned = [real_path(p) for p in given]
    dropped = [real_path(p) for p in removed]
    with write_lock(index_dir, lock_timeout):
        ix = open_index(index_dir, create=True)
        return _apply(ix, given, [*scanned, *dropped], on_progress, within)


def _apply(
    ix: Index,
    given: list[Path],
    looked_at: list[Path],
    on_progress: Callable[[int, int], None] | None,
    within: Sequence[Path] | None,
) -> RunSummary:
    indexed = _indexed_under(ix, looked_at)
    summary = RunSummary()
    files: list[Path] = []
    for found in discover(given, within=within):
        if isinstance(found, Skipped):
            summary.skipped.append(found)
        else:
            files.append(found)

    batch = _Batch(ix)
    seen_ids: set[str] = set()
    files_with_problems: set[str] = set()
    hashes = {doc_id: content_hash for doc_id, (_, content_hash) in indexed.items()}
    try:
        for done, prepared in enumerate(prepare_files(files, hashes), start=1):
            summary.notices.extend(prepared.notices)
            for item in prepared.items:
                if isinstance(item, Skipped):
                    summary.skipped.append(item)
                    files_with_problems.add(str(prepared.path))
                    continue
                article = item.article
                seen_ids.add(article.id)
                previous = indexed.get(article.id)
                if previous is None:
                    batch.add(item)
                    summary.added += 1
                elif previous[1] != article.content_hash:
                    batch.replace(item)
                    summary.updated += 1
                else:
                    summary.unchanged += 1
            if on_progress:
                on_progress(done, len(files))
        for doc_id, (path, _) in indexed.items():
            if doc_id not in seen_ids and path not in files_with_problems:
                batch.delete(doc_id)
                summary.removed += 1
        batch.commit()
    except BaseException:
        batch.cancel()
        raise
    return summary


POOL_MB = 128
"""Memory for the postings of a run before Whoosh spills them to a temporary file."""


class _Batch:
    """The changes of one run, written as they are found and committed once.

    The writer is opened at the first change, so a run with nothing to do
    writes nothing; articles go to Whoosh as they are read, so memory does not
    grow with the number of articles. The caller holds the write lock.
    """

    def __init__(self, ix: Index) -> None:
        self._ix = ix
        self._writer: Any = None
        self._now = int(time.time())
        self._stories = StoryBatch(Path(ix.storage.folder), fresh=ix.is_empty())

    def _open(self) -> Any:
        if self._writer is None:
            self._writer = self._ix.writer(_lk=False, limitmb=POOL_MB)
        return self._writer

    def add(self, prepared: Prepared) -> None:
        """Write a new article."""
        self._open().add_document(**_document(prepared, self._now))
        self._stories.write(prepared.article, prepared.features)

    def replace(self, prepared: Prepared) -> None:
        """Write a changed article in place of its previous version."""
        self._open().update_document(**_document(prepared, self._now))
        self._stories.write(prepared.article, prepared.features)

    def delete(self, doc_id: str) -> None:
        """Remove an article."""
        self._open().delete_by_term("id", doc_id)
        self._stories.delete(doc_id)

    def commit(self) -> None:
        """Make every change visible at once, and update the stories beside it, keeping them
        once the index commit has succeeded; nothing if there was no change. The stories
        follow the index: if the run dies between the two, the story file is stale only
        until it is rebuilt (``bahith index --rebuild``)."""
        if self._writer is not None:
            writer = self._writer
            self._stories.commit(lambda: writer.commit(mergetype=purge_deleted))

    def cancel(self) -> None:
        """Drop every change of the run (none of the index's once its commit is made)."""
        if self._writer is not None and not self._writer.is_closed:
            self._writer.cancel()
        self._stories.cancel()


def rebuild_index(
    index_dir: Path,
    paths: Sequence[Path],
    *,
    on_progress: Callable[[int, int], None] | None = None,
    lock_timeout: float = LOCK_TIMEOUT_SECONDS,
) -> RunSummary:
    """Build a fresh index of ``paths`` beside ``index_dir``, then swap it in.

    The old index keeps answering until the fresh one is complete, the swap is
    atomic where the system allows (see ``swap_folders``), and a failed build
    leaves the old index untouched.
    """
    fresh = index_dir.with_name(f".{index_dir.name}.rebuild")
    shutil.rmtree(fresh, ignore_errors=True)
    try:
        summary = update_index(fresh, paths, on_progress=on_progress, lock_timeout=lock_timeout)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    swap_folders(fresh, index_dir)
    shutil.rmtree(fresh, ignore_errors=True)
    return summary


_RENAME_EXCHANGE = 2
"""``renameat2`` flag: swap two paths in one step (Linux 3.15+)."""


def swap_folders(new: Path, target: Path) -> None:
    """Put ``new`` where ``target`` is; ``target``'s old content ends up at ``new``.

    On Linux both names are exchanged in one atomic step, so a reader opening
    ``target`` finds either the old index or the new one, never none. Elsewhere
    (or on a file system that refuses the exchange) it falls back to two renames.
    """
    if target.exists() and _exchange(new, target):
        return
    if target.exists():
        parked = target.with_name(f".{target.name}.old")
        shutil.rmtree(parked, ignore_errors=True)
        target.rename(parked)
        new.rename(target)
        parked.rename(new)
    else:
        new.rename(target)


def _exchange(first: Path, second: Path) -> bool:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_cwd = -100
    result = renameat2(at_cwd, os.fsencode(first), at_cwd, os.fsencode(second), _RENAME_EXCHANGE)
    return result == 0
