"""Reading and analysing a run's files before they are written, on every core for a large run.

Most of what indexing an article costs is reading it and working out its words: the
postings of its title and body and its story features. None of that depends on the
index, so a large run hands it to worker processes, one per core, while the run's own
process writes what they send back, in the files' order, to its single Whoosh writer
and its story batch: the run still ends in one atomic commit, taken by one process.
Workers skip the analysis of an article the index already holds unchanged.

Workers are forked (``forking``). A forked child keeps none of the index's write lock
(``store.write_lock``), and a worker whose run was killed finds its task queue closed and
exits.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from indexer.analysis import analyze_text
from indexer.analysis.whoosh_bridge import IndexedCharacters, Postings
from indexer.article import Article, Skipped
from indexer.forking import can_fork, cores, die_with, fork_context
from indexer.ingest import read_articles
from indexer.ingest.reading import Notice
from indexer.schema import build_schema
from indexer.stories.features import Features, extract

PARALLEL_FILES = 200
"""Fewer files are prepared in the run's own process: starting workers would cost more."""

FILES_PER_TASK = 16
TASKS_AHEAD = 4
"""Tasks queued per worker, so workers never wait and prepared files never pile up in memory."""


@dataclass(frozen=True)
class Prepared:
    """An article ready to be written: its postings and story features, None when unchanged."""

    article: Article
    title: Postings | None = None
    body: Postings | None = None
    features: Features | None = None


@dataclass(frozen=True)
class PreparedFile:
    """What one file gave: its articles (or why not) and what is worth a look."""

    path: Path
    items: list[Prepared | Skipped]
    notices: list[Notice]


_FORMAT: IndexedCharacters = build_schema()["body"].format
"""The postings format of the title and body fields (one format, one analysis)."""

_indexed: Mapping[str, str] = {}
"""id -> content hash of what the index holds, in a worker (set when it starts)."""


def prepare_file(path: Path, indexed: Mapping[str, str]) -> PreparedFile:
    """Read ``path`` and analyse each article of it that ``indexed`` (id -> content hash) lacks."""
    notices: list[Notice] = []
    items: list[Prepared | Skipped] = []
    for item in read_articles(path, on_notice=notices.append):
        if isinstance(item, Skipped) or indexed.get(item.id) == item.content_hash:
            items.append(item if isinstance(item, Skipped) else Prepared(item))
            continue
        title, body = analyze_text(item.title), analyze_text(item.body)
        features = extract(item.title, item.body, (title, body))
        postings = _FORMAT.postings(item.title, title), _FORMAT.postings(item.body, body)
        items.append(Prepared(item, *postings, features))
    return PreparedFile(path, items, notices)


def _start_worker(indexed: Mapping[str, str], parent: int) -> None:
    global _indexed
    die_with(parent)
    _indexed = indexed


def _prepare_task(paths: list[Path]) -> list[PreparedFile]:
    return [prepare_file(path, _indexed) for path in paths]


def _parallel(files: Sequence[Path]) -> bool:
    """Whether to prepare ``files`` in workers: a large run, and a process that may fork."""
    return len(files) >= PARALLEL_FILES and can_fork()


def prepare_files(files: Sequence[Path], indexed: Mapping[str, str]) -> Iterator[PreparedFile]:
    """Each of ``files`` prepared, in their order; in worker processes when the run is large.

    ``indexed`` (id -> content hash) names the articles whose analysis can be skipped.
    """
    if not _parallel(files):
        for path in files:
            yield prepare_file(path, indexed)
        return
    workers = cores()
    tasks = [list(files[i : i + FILES_PER_TASK]) for i in range(0, len(files), FILES_PER_TASK)]
    with fork_context().Pool(workers, initializer=_start_worker, initargs=(indexed, os.getpid())) as pool:
        pending: deque[Any] = deque()
        queued = iter(tasks)
        for task in queued:
            pending.append(pool.apply_async(_prepare_task, (task,)))
            if len(pending) >= workers * TASKS_AHEAD:
                break
        while pending:
            done = pending.popleft().get()
            for task in queued:
                pending.append(pool.apply_async(_prepare_task, (task,)))
                break
            yield from done
