"""The one call index writers make: the articles a commit wrote and deleted, after it.

A writer tells a ``StoryBatch`` each article it writes (new or changed) and each
id it deletes, and calls ``commit`` once its Whoosh commit has succeeded; the
stories of the whole batch are then updated in one SQLite transaction. A
changed article is taken out of its story and placed again, as if new. An index
with no story file yet (made before stories existed, or whose file was lost) is
read whole once, on the first commit, so no article is left out of its story.
"""

from __future__ import annotations

import pickle
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from indexer.article import Article
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


class _Staging:
    """The features of the articles a batch writes, kept in a private temporary SQLite file.

    Features are extracted as each article is written, right after the index analysed
    the same words (so their analysis is still cached), and wait here for the commit:
    on disk, so a first run over a large archive does not hold it in memory. The file
    disappears when it is closed, and is never committed.
    """

    def __init__(self) -> None:
        self.db = sqlite3.connect("")
        self.db.execute("CREATE TABLE staged (id TEXT PRIMARY KEY, written INTEGER, rank TEXT, data BLOB)")
        self._written = 0

    def put(self, article: Article, features: Features) -> None:
        """Stage ``article``; written again, it keeps its first place in the order written."""
        stored_date = datetime.combine(article.date, datetime.min.time()) if article.date else None
        self._written += 1
        self.db.execute(
            "INSERT INTO staged VALUES (?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET rank = excluded.rank, data = excluded.data",
            (article.id, self._written, _rank(stored_date), pickle.dumps((_facts(article), features))),
        )

    def drop(self, article_id: str) -> None:
        """Unstage an article the batch deletes."""
        self.db.execute("DELETE FROM staged WHERE id = ?", (article_id,))

    def ids(self) -> list[str]:
        """The staged ids, in the order written."""
        return [row[0] for row in self.db.execute("SELECT id FROM staged ORDER BY written")]

    def prepared(self, *, by_date: bool) -> Iterator[tuple[_Facts, Features]]:
        """The staged articles in the order written, or ``by_date`` as a rebuild orders them."""
        order = "rank, id" if by_date else "written"
        for (data,) in self.db.execute(f"SELECT data FROM staged ORDER BY {order}"):
            yield pickle.loads(data)

    def close(self) -> None:
        """Forget every staged article."""
        self.db.close()


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
            self._staging = _Staging()
        return self._staging

    def write(self, article: Article) -> None:
        """An article the commit adds or changes."""
        self._changed = True
        self._deleted.discard(article.id)
        staging = self._staged()
        if staging is not None:
            staging.put(article, extract(article.title, article.body))

    def delete(self, article_id: str) -> None:
        """An article the commit removes."""
        self._changed = True
        staging = self._staged()
        if staging is not None:
            staging.drop(article_id)
        self._deleted.add(article_id)

    def commit(self) -> None:
        """Update the stories, once the index commit holding these changes has succeeded.

        If that fails, the story file is removed, so the next commit reads the index
        whole again rather than leave this batch's articles out of their stories."""
        if not self._changed:
            return
        staging = self._staged()
        try:
            if staging is not None and self._whole and self._fresh:
                _start(self.index_dir)
                _apply(self.index_dir, (), staging.prepared(by_date=True))
            elif staging is None or not StoryState.exists(self.index_dir):
                rebuild_stories(self.index_dir)
            else:
                removed = [*self._deleted, *staging.ids()]
                _apply(self.index_dir, removed, staging.prepared(by_date=False))
        except BaseException:
            StoryState.remove(self.index_dir)
            raise
        finally:
            self.cancel()
        self._whole = False
        self._fresh = False

    def cancel(self) -> None:
        """Drop what the batch was told, as when its index commit is cancelled."""
        if self._staging is not None:
            self._staging.close()
            self._staging = None
        self._deleted.clear()
        self._changed = False


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


def _apply(index_dir: Path, removed: Iterable[str], placed: Iterable[tuple[_Facts, Features]]) -> None:
    state = StoryState(index_dir, writable=True)
    try:
        state.db.execute("BEGIN")
        for article_id in removed:
            remove(state, article_id)
        seq = state.next_seq()
        for offset, (facts, features) in enumerate(placed):
            place(state, _member(facts, seq + offset), features)
        state.db.execute("COMMIT")
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
