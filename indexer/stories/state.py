"""The story state of one index: a SQLite file beside the Whoosh segments.

Whoosh keeps what is searched; this file keeps what grouping needs and a
search must not recompute: each article's story, the original it copies, its
weighted features and sketch, which articles hold each telling feature, and
how many articles hold each feature (for rarity). It lives in the index folder,
so a rebuild (a fresh folder swapped in) brings its own, and it is written by
whoever holds the index's write lock, right after the Whoosh commit. Readers
open it read-only; WAL journaling lets them read while a writer writes.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from indexer.stories.sketch import Sketch, pack, unpack

STATE_FILE = "stories.sqlite"
STATE_VERSION = "1"
"""Bumped when the features or the file change; an older state is rebuilt, not mixed."""

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    seq INTEGER NOT NULL,
    story TEXT NOT NULL,
    copy_of TEXT,
    lang TEXT NOT NULL,
    day INTEGER,
    source TEXT NOT NULL,
    title TEXT NOT NULL,
    sketch BLOB NOT NULL,
    vector TEXT NOT NULL,
    entities TEXT NOT NULL,
    posted TEXT NOT NULL,
    features BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_by_story ON articles (story);
CREATE INDEX IF NOT EXISTS articles_by_copy ON articles (copy_of);
CREATE TABLE IF NOT EXISTS postings (
    feature TEXT, article TEXT, PRIMARY KEY (feature, article)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS df (feature TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
"""

Vector = dict[str, float]


class Member:
    """What the state knows of one article.

    ``day`` is the article's date as a proleptic Gregorian ordinal, None when undated.
    A member read from the file decodes its sketch, vectors and feature lists only
    when they are asked for: placing an article reads dozens of candidates and story
    members, and each needs one or two of them at most.
    """

    __slots__ = (
        "_entities", "_features", "_posted", "_row", "_sketch", "_vector",
        "copy_of", "day", "id", "lang", "seq", "source", "story", "title",
    )  # fmt: skip

    def __init__(
        self,
        id: str,
        seq: int,
        story: str,
        copy_of: str | None,
        lang: str,
        day: int | None,
        source: str,
        title: str,
        sketch: Sketch | None,
        vector: Vector | None,
        entities: Vector | None,
        posted: tuple[str, ...] | None,
        features: tuple[str, ...] | None,
        row: tuple | None = None,
    ) -> None:
        self.id, self.seq, self.story, self.copy_of = id, seq, story, copy_of
        self.lang, self.day, self.source, self.title = lang, day, source, title
        self._sketch, self._vector, self._entities = sketch, vector, entities
        self._posted, self._features, self._row = posted, features, row

    @classmethod
    def stored(cls, row: tuple) -> Member:
        """A member from its row in ``articles``, the rest decoded when first used."""
        return cls(*row[:8], None, None, None, None, None, row)

    @property
    def sketch(self) -> Sketch:
        """The bottom-k sketch of the body's shingles."""
        if self._sketch is None:
            self._sketch = unpack(self._row[8])
        return self._sketch

    @property
    def vector(self) -> Vector:
        """The article's weighted features, normalised."""
        if self._vector is None:
            self._vector = json.loads(self._row[9])
        return self._vector

    @property
    def entities(self) -> Vector:
        """Its names, numbers and months alone, normalised."""
        if self._entities is None:
            self._entities = json.loads(self._row[10])
        return self._entities

    @property
    def posted(self) -> tuple[str, ...]:
        """The features the article is listed under in ``postings``."""
        if self._posted is None:
            self._posted = tuple(json.loads(self._row[11]))
        return self._posted

    @property
    def features(self) -> tuple[str, ...]:
        """Every feature the article holds, as counted in ``df`` (kept to count it out again)."""
        if self._features is None:
            data = self._row[12]
            self._features = tuple(zlib.decompress(data).decode("utf-8").split("\n")) if data else ()
        return self._features


_COLUMNS = "id, seq, story, copy_of, lang, day, source, title, sketch, vector, entities, posted, features"
_LISTED = "id, seq, story, copy_of, lang, day, source, title"


class Listed(NamedTuple):
    """What a search shows of an article of a story (``Member`` without what grouping weighs)."""

    id: str
    seq: int
    story: str
    copy_of: str | None
    lang: str
    day: int | None
    source: str
    title: str


class StoryState:
    """One index's story file, open for reading or for writing."""

    def __init__(self, index_dir: Path, *, writable: bool = False) -> None:
        path = index_dir / STATE_FILE
        if writable:
            index_dir.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(path, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.executescript(_SCHEMA)
        else:
            self.db = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True, isolation_level=None)

    @staticmethod
    def remove(index_dir: Path) -> None:
        """Delete the story file (and SQLite's journal beside it), to be made anew."""
        for suffix in ("", "-wal", "-shm"):
            (index_dir / f"{STATE_FILE}{suffix}").unlink(missing_ok=True)

    @staticmethod
    def exists(index_dir: Path) -> bool:
        """Whether ``index_dir`` has a story file of this version."""
        path = index_dir / STATE_FILE
        if not path.is_file():
            return False
        state = StoryState(index_dir)
        try:
            return state.meta("version") == STATE_VERSION
        except sqlite3.Error:
            return False
        finally:
            state.close()

    def close(self) -> None:
        """Release the file."""
        self.db.close()

    def meta(self, key: str) -> str | None:
        """A value of the state's own bookkeeping."""
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        """Record a value of the state's own bookkeeping."""
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def clear(self) -> None:
        """Forget every article, to start again."""
        for table in ("articles", "postings", "df", "meta"):
            self.db.execute(f"DELETE FROM {table}")
        self.set_meta("version", STATE_VERSION)

    def count(self) -> int:
        """How many articles the state holds."""
        return self.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]

    def next_seq(self) -> int:
        """The order number the next article gets."""
        return (self.db.execute("SELECT MAX(seq) FROM articles").fetchone()[0] or 0) + 1

    def get(self, article_id: str) -> Member | None:
        """One article, or None."""
        row = self.db.execute(f"SELECT {_COLUMNS} FROM articles WHERE id = ?", (article_id,)).fetchone()
        return Member.stored(row) if row else None

    def many(self, ids: Iterable[str]) -> list[Member]:
        """The articles of ``ids`` that the state holds."""
        wanted = list(dict.fromkeys(ids))
        found: list[Member] = []
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(f"SELECT {_COLUMNS} FROM articles WHERE id IN ({marks})", chunk)
            found.extend(map(Member.stored, rows))
        return found

    def in_story(self, story: str, latest: int = -1) -> list[Member]:
        """The articles of ``story`` (only the ``latest`` added, if given), in the order they were added."""
        rows = self.db.execute(
            f"SELECT {_COLUMNS} FROM articles WHERE story = ? ORDER BY seq DESC LIMIT ?", (story, latest)
        )
        return [Member.stored(row) for row in reversed(rows.fetchall())]

    def story_ids(self, ids: Iterable[str]) -> dict[str, str]:
        """article id -> story id, for the ids the state holds, reading nothing else."""
        return dict(self._chunked("SELECT id, story FROM articles WHERE id IN ({})", ids))

    def listed(self, stories: Iterable[str]) -> list[Listed]:
        """What a search shows of the members of ``stories``: cheap to read, unlike ``Member``."""
        return [
            Listed(*row)
            for row in self._chunked(f"SELECT {_LISTED} FROM articles WHERE story IN ({{}})", stories)
        ]

    def _chunked(self, sql: str, values: Iterable[str]) -> list[tuple]:
        """The rows of ``sql`` (whose ``{}`` is a list of marks) for ``values``, a few hundred a query."""
        wanted = list(dict.fromkeys(values))
        rows: list[tuple] = []
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            rows.extend(self.db.execute(sql.format(",".join("?" * len(chunk))), chunk))
        return rows

    def copies_of(self, original: str) -> list[str]:
        """The ids of the articles recorded as copies of ``original``."""
        return [row[0] for row in self.db.execute("SELECT id FROM articles WHERE copy_of = ?", (original,))]

    def stories_of(self, ids: Iterable[str]) -> dict[str, str]:
        """article id -> story id, for the ids the state holds."""
        return {member.id: member.story for member in self.many(ids)}

    def story_sizes(self, stories: Iterable[str]) -> dict[str, int]:
        """story id -> how many articles it holds."""
        wanted = list(set(stories))
        marks = ",".join("?" * len(wanted))
        rows = self.db.execute(
            f"SELECT story, COUNT(*) FROM articles WHERE story IN ({marks}) GROUP BY story",
            wanted,
        )
        return dict(rows.fetchall())

    def document_frequencies(self, features: Iterable[str]) -> dict[str, int]:
        """feature -> how many articles hold it, for the features any article holds."""
        wanted = list(set(features))
        found: dict[str, int] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            found.update(self.db.execute(f"SELECT feature, n FROM df WHERE feature IN ({marks})", chunk))
        return found

    def holders(self, features: Iterable[str]) -> dict[str, list[str]]:
        """feature -> the articles listed under it, in id order, for each of ``features``."""
        found: dict[str, list[str]] = {}
        for feature, article in self._chunked(
            "SELECT feature, article FROM postings WHERE feature IN ({}) ORDER BY feature, article", features
        ):
            found.setdefault(feature, []).append(article)
        return found

    def insert(self, member: Member) -> None:
        """Record a new article: its row, its postings, and its features in the counts."""
        self.db.execute(
            f"INSERT INTO articles ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                member.id, member.seq, member.story, member.copy_of, member.lang, member.day,
                member.source, member.title, pack(member.sketch), json.dumps(member.vector),
                json.dumps(member.entities), json.dumps(list(member.posted)),
                zlib.compress("\n".join(member.features).encode("utf-8")),
            ),
        )  # fmt: skip
        self.db.executemany(
            "INSERT OR IGNORE INTO postings VALUES (?, ?)", ((f, member.id) for f in member.posted)
        )
        self.db.executemany(
            "INSERT INTO df VALUES (?, 1) ON CONFLICT (feature) DO UPDATE SET n = n + 1",
            ((f,) for f in member.features),
        )

    def delete(self, member: Member) -> None:
        """Forget an article: its row, its postings, and its features in the counts."""
        self.db.execute("DELETE FROM articles WHERE id = ?", (member.id,))
        self.db.executemany(
            "DELETE FROM postings WHERE feature = ? AND article = ?", ((f, member.id) for f in member.posted)
        )
        self.db.executemany("UPDATE df SET n = n - 1 WHERE feature = ?", ((f,) for f in member.features))

    def move(self, article_id: str, *, story: str | None = None, copy_of: str | bool | None = False) -> None:
        """Change an article's story, or the original it copies (``None``: it is an original)."""
        if story is not None:
            self.db.execute("UPDATE articles SET story = ? WHERE id = ?", (story, article_id))
        if copy_of is not False:
            self.db.execute("UPDATE articles SET copy_of = ? WHERE id = ?", (copy_of, article_id))
