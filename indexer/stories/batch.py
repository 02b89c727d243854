"""The one call index writers make: the articles a commit wrote and deleted, after it.

A writer tells a ``StoryBatch`` each article it writes (new or changed) and each
id it deletes, and calls ``commit`` once its Whoosh commit has succeeded; the
stories of the whole batch are then updated in one SQLite transaction. A
changed article is taken out of its story and placed again, as if new. An index
with no story file yet (made before stories existed, or whose file was lost) is
read whole once, on the first commit, so no article is left out of its story.
"""

from __future__ import annotations

from pathlib import Path

from indexer.article import Article
from indexer.store import open_index
from indexer.stories.features import extract
from indexer.stories.grouping import place, remove
from indexer.stories.state import Member, StoryState


def _member(article: Article, seq: int) -> Member:
    day = article.date.toordinal() if article.date else None
    return Member(
        article.id,
        seq,
        article.id,
        None,
        article.lang,
        day,
        article.source,
        article.title,
        (),
        {},
        {},
        (),
        (),
    )


class StoryBatch:
    """The story changes of one index commit, applied after it.

    When the index has no story file yet, the first commit reads every article the
    index stores; the batch then keeps no article, so a first run over a large
    archive does not hold the archive in memory.
    """

    def __init__(self, index_dir: Path) -> None:
        self.index_dir = index_dir
        self._written: dict[str, Article] = {}
        self._deleted: set[str] = set()
        self._whole = not StoryState.exists(index_dir)
        self._changed = False

    def write(self, article: Article) -> None:
        """An article the commit adds or changes."""
        self._changed = True
        self._deleted.discard(article.id)
        if not self._whole:
            self._written[article.id] = article

    def delete(self, article_id: str) -> None:
        """An article the commit removes."""
        self._changed = True
        self._written.pop(article_id, None)
        self._deleted.add(article_id)

    def commit(self) -> None:
        """Update the stories, once the index commit holding these changes has succeeded.

        If that fails, the story file is removed, so the next commit reads the index
        whole again rather than leave this batch's articles out of their stories."""
        if not self._changed:
            return
        try:
            if self._whole or not StoryState.exists(self.index_dir):
                rebuild_stories(self.index_dir)
            else:
                _apply(self.index_dir, list(self._written.values()), self._deleted)
        except BaseException:
            StoryState.remove(self.index_dir)
            raise
        self._written.clear()
        self._deleted.clear()
        self._changed = False
        self._whole = False


def place_articles(index_dir: Path, articles: list[Article]) -> None:
    """Add ``articles`` to the story state in ``index_dir`` (made if need be), in this order.

    What a commit does, without a Whoosh index: for measuring and testing the
    grouping on its own.
    """
    if not StoryState.exists(index_dir):
        _start(index_dir)
    _apply(index_dir, articles, set())


def _start(index_dir: Path) -> None:
    state = StoryState(index_dir, writable=True)
    try:
        state.clear()
    finally:
        state.close()


def _apply(index_dir: Path, written: list[Article], deleted: set[str]) -> None:
    state = StoryState(index_dir, writable=True)
    try:
        state.db.execute("BEGIN")
        for article_id in [*deleted, *(a.id for a in written)]:
            remove(state, article_id)
        seq = state.next_seq()
        for offset, article in enumerate(written):
            place(state, _member(article, seq + offset), extract(article.title, article.body))
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
            searcher.all_stored_fields(), key=lambda f: (f.get("added") or 0, str(f.get("date")), f["id"])
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
    _apply(index_dir, articles, set())
    return len(articles)
