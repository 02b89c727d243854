"""The one call index writers make: the articles a commit wrote and deleted, after it.

A writer tells a ``StoryBatch`` each article it writes (new or changed) and each
id it deletes, and calls ``commit`` once its Whoosh commit has succeeded, or hands
it that commit to run: the stories of the whole batch are then updated in one SQLite
transaction, placed by a forked process while the Whoosh commit runs and committed
only once it has succeeded (the two take about as long, on two cores). A
changed article is taken out of its story and placed again, as if new. An index
with no story file yet (made before stories existed, or whose file was lost) is
read whole once, on the first commit, so no article is left out of its story.
"""

from __future__ import annotations

import os
import pickle
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime
from multiprocessing.connection import Connection
from pathlib import Path
from typing import NamedTuple

from indexer.article import Article
from indexer.forking import can_fork, die_with, fork_context
from indexer.store import open_index
from indexer.stories.features import Features, extract
from indexer.stories.grouping import place, remove
from indexer.stories.state import Member, StoryState


class _Facts(NamedTuple):
    """What placing an article needs of it besides its features."""

    id: str
    lang: str
    day: int | None
    source: str
    title: str


def _facts(article: Article) -> _Facts:
    day = article.date.toordinal() if article.date else None
    return _Facts(article.id, article.lang, day, article.source, article.title)


def _member(facts: _Facts, seq: int) -> Member:
    return Member(
        facts.id, seq, facts.id, None, facts.lang, facts.day, facts.source, facts.title,
        (), {}, {}, (), (),
    )  # fmt: skip


def _rank(stored_date: object) -> str:
    """How a whole index is ordered by date (after the order it was indexed in): as
    ``rebuild_stories`` orders what the index stores, undated articles last."""
    return str(stored_date)


STAGING_FILE = ".stories-staged.sqlite"
"""Where a batch's features wait for its commit, in the index folder; a killed run's is
replaced by the next run's."""


PLACED_BESIDE = 50
"""Fewer articles are placed after the index commit: forking would cost more than it saves."""


class _Staging:
    """The features of the articles a batch writes, kept in a SQLite file until the commit.

    Features are extracted as each article is written, from the words the index writer
    analysed (``indexer.preparing``), and wait here for the commit: on disk, so a first
    run over a large archive does not hold it in memory, and in a file of its own, which
    the process placing the stories opens by name.
    """

    def __init__(self, index_dir: Path) -> None:
        self.path = index_dir / STAGING_FILE
        self.path.unlink(missing_ok=True)
        index_dir.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.path)
        self.db.execute("PRAGMA journal_mode=OFF")
        self.db.execute("PRAGMA synchronous=OFF")
        self.db.execute("CREATE TABLE staged (id TEXT PRIMARY KEY, written INTEGER, rank TEXT, data BLOB)")
        self.written = 0

    def put(self, article: Article, features: Features) -> None:
        """Stage ``article``; written again, it keeps its first place in the order written."""
        stored_date = datetime.combine(article.date, datetime.min.time()) if article.date else None
        self.written += 1
        self.db.execute(
            "INSERT INTO staged VALUES (?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET rank = excluded.rank, data = excluded.data",
            (article.id, self.written, _rank(stored_date), pickle.dumps((_facts(article), features))),
        )

    def drop(self, article_id: str) -> None:
        """Unstage an article the batch deletes."""
        self.db.execute("DELETE FROM staged WHERE id = ?", (article_id,))

    def seal(self) -> Path:
        """Write everything staged to the file and close it, for ``staged_ids`` and ``staged``."""
        self.db.commit()
        self.db.close()
        return self.path

    def remove(self) -> None:
        """Forget every staged article."""
        with suppress(sqlite3.Error):
            self.db.close()
        self.path.unlink(missing_ok=True)


def _staged_ids(path: Path) -> list[str]:
    """The ids staged in the sealed file ``path``, in the order written."""
    db = sqlite3.connect(path)
    try:
        return [row[0] for row in db.execute("SELECT id FROM staged ORDER BY written")]
    finally:
        db.close()


def _staged(path: Path, *, by_date: bool) -> Iterator[tuple[_Facts, Features]]:
    """The articles staged in the sealed file ``path``, in the order written, or ``by_date``
    as a rebuild orders them."""
    db = sqlite3.connect(path)
    try:
        order = "rank, id" if by_date else "written"
        for (data,) in db.execute(f"SELECT data FROM staged ORDER BY {order}"):
            yield pickle.loads(data)
    finally:
        db.close()


@dataclass(frozen=True)
class _Placing:
    """The story work of a commit, decided before the index commit and done beside it."""

    index_dir: Path
    staged: Path
    fresh: bool
    """The story state is started anew (a first run into an empty index): placed by date."""
    deleted: tuple[str, ...]
    written: int
    """How many articles were staged (counting one written twice twice)."""

    def run(self, keep: Callable[[], bool]) -> None:
        """Remove, then place, in one transaction, kept only if ``keep()`` says so once done."""
        removed = () if self.fresh else (*self.deleted, *_staged_ids(self.staged))
        _apply(self.index_dir, removed, _staged(self.staged, by_date=self.fresh), fresh=self.fresh, keep=keep)


def _place_beside(placing: _Placing, results: Connection, orders: Connection, parent: int) -> None:
    """In a forked process: place the stories, say so, then keep them if told to."""
    die_with(parent)
    orders.close()  # the parent's end: only the parent may hold it, or its death goes unseen
    try:
        placing.run(lambda: _told_to_keep(results))
    except BaseException as error:
        with suppress(OSError):
            results.send(("failed", _transportable(error)))
        return
    with suppress(OSError):
        results.send(("done", None))


def _told_to_keep(results: Connection) -> bool:
    results.send(("placed", None))
    try:
        return bool(results.recv())
    except EOFError:  # the run died: its index commit may not have happened
        return False


def _transportable(error: BaseException) -> BaseException:
    try:
        pickle.dumps(error)
    except Exception:
        return RuntimeError(str(error))
    return error


class StoryBatch:
    """The story changes of one index commit, applied after it.

    When the index has no story file yet, the first commit reads every article the
    index stores, and the batch stages nothing; unless the index was ``fresh`` (it held
    no article before this batch), since the articles staged are then all it holds.
    """

    def __init__(self, index_dir: Path, *, fresh: bool = False) -> None:
        self.index_dir = index_dir
        self._staging: _Staging | None = None
        self._deleted: set[str] = set()
        self._whole = not StoryState.exists(index_dir)
        self._fresh = fresh
        self._changed = False

    def _staged(self) -> _Staging | None:
        """Where written articles wait, or None when the commit reads the index whole."""
        if self._whole and not self._fresh:
            return None
        if self._staging is None:
            self._staging = _Staging(self.index_dir)
        return self._staging

    def write(self, article: Article, features: Features | None = None) -> None:
        """An article the commit adds or changes, with its ``features`` if already extracted."""
        self._changed = True
        self._deleted.discard(article.id)
        staging = self._staged()
        if staging is not None:
            staging.put(article, features if features is not None else extract(article.title, article.body))

    def delete(self, article_id: str) -> None:
        """An article the commit removes."""
        self._changed = True
        staging = self._staged()
        if staging is not None:
            staging.drop(article_id)
        self._deleted.add(article_id)

    def commit(self, index_commit: Callable[[], None] | None = None) -> None:
        """Update the stories, once the index commit holding these changes has succeeded.

        ``index_commit`` is that commit, when the caller has not made it yet: the stories
        are then placed in a forked process while it runs (where a fork is safe), and
        kept only once it has succeeded. If updating the stories fails, the story file is
        removed, so the next commit reads the index whole again rather than leave this
        batch's articles out of their stories.
        """
        index_done = index_commit is None

        def commit_index() -> None:
            nonlocal index_done
            if index_commit is not None:
                index_commit()
            index_done = True

        if not self._changed:
            commit_index()
            return
        placing = self._placing()
        try:
            if placing is None or not (placing.fresh or StoryState.exists(self.index_dir)):
                commit_index()
                rebuild_stories(self.index_dir)
            elif not index_done and placing.written >= PLACED_BESIDE and can_fork():
                _beside(placing, commit_index)
            else:
                commit_index()
                placing.run(lambda: True)
        except BaseException:
            if index_done:  # else the index is as it was, and so are its stories
                StoryState.remove(self.index_dir)
            raise
        finally:
            self.cancel()
        self._whole = False
        self._fresh = False

    def _placing(self) -> _Placing | None:
        """The work of this commit, or None when the stories are redone from the index."""
        staging = self._staged()
        if staging is None:
            return None
        fresh = self._whole and self._fresh
        self._staging = None
        return _Placing(self.index_dir, staging.seal(), fresh, tuple(self._deleted), staging.written)

    def cancel(self) -> None:
        """Drop what the batch was told, as when its index commit is cancelled."""
        if self._staging is not None:
            self._staging.remove()
            self._staging = None
        (self.index_dir / STAGING_FILE).unlink(missing_ok=True)
        self._deleted.clear()
        self._changed = False


def _beside(placing: _Placing, index_commit: Callable[[], None]) -> None:
    """Run ``index_commit`` while a forked process places the stories; keep them if it succeeds.

    A failed index commit leaves the story file as it was; failed stories are raised here
    once the index commit is done, as they would be if placed after it.
    """
    results, orders = fork_context().Pipe()
    process = fork_context().Process(
        target=_place_beside, args=(placing, results, orders, os.getpid()), daemon=True
    )
    process.start()
    results.close()
    finished = False
    try:
        index_commit()
        status, error = orders.recv()
        if status == "placed":
            orders.send(True)
            status, error = orders.recv()
        if error is not None:
            raise error
        finished = True
    except EOFError:
        raise RuntimeError("the process placing the stories ended without a word") from None
    finally:
        orders.close()  # unless told to keep them, it rolls its stories back
        if not finished:
            process.terminate()
        process.join()


def place_articles(index_dir: Path, articles: list[Article]) -> None:
    """Add ``articles`` to the story state in ``index_dir`` (made if need be), in this order.

    What a commit does, without a Whoosh index: for measuring and testing the
    grouping on its own.
    """
    if not StoryState.exists(index_dir):
        _start(index_dir)
    _apply(index_dir, (), _prepare(articles))


def _prepare(articles: Iterable[Article]) -> Iterator[tuple[_Facts, Features]]:
    return ((_facts(article), extract(article.title, article.body)) for article in articles)


def _start(index_dir: Path) -> None:
    state = StoryState(index_dir, writable=True)
    try:
        state.clear()
    finally:
        state.close()


def _apply(
    index_dir: Path,
    removed: Iterable[str],
    placed: Iterable[tuple[_Facts, Features]],
    *,
    fresh: bool = False,
    keep: Callable[[], bool] = lambda: True,
) -> None:
    """Remove, then place, in one transaction (on a state started anew if ``fresh``), committed
    if ``keep()`` says so at the end."""
    state = StoryState(index_dir, writable=True)
    try:
        state.db.execute("BEGIN")
        if fresh:
            state.clear()
        for article_id in removed:
            remove(state, article_id)
        seq = state.next_seq()
        for offset, (facts, features) in enumerate(placed):
            place(state, _member(facts, seq + offset), features)
        state.db.execute("COMMIT" if keep() else "ROLLBACK")
    except BaseException:
        if state.db.in_transaction:
            state.db.execute("ROLLBACK")
        raise
    finally:
        state.close()


def rebuild_stories(index_dir: Path) -> int:
    """Redo the story state of ``index_dir`` from the articles the index stores; how many it holds.

    Articles are taken in the order they were indexed, then by date, so the
    stories come out as an incremental run would have made them.
    """
    ix = open_index(index_dir)
    with ix.searcher() as searcher:
        stored = sorted(
            searcher.all_stored_fields(), key=lambda f: (f.get("added") or 0, _rank(f.get("date")), f["id"])
        )
    articles = [
        Article(
            id=f["id"],
            path=f.get("path", ""),
            title=f.get("title", ""),
            body=f.get("body", ""),
            lang=f.get("lang", ""),
            source=f.get("source", ""),
            url=f.get("url", ""),
            date=f["date"].date() if f.get("date") else None,
            content_hash=f.get("content_hash", ""),
        )
        for f in stored
    ]
    _start(index_dir)
    _apply(index_dir, (), _prepare(articles))
    return len(articles)
