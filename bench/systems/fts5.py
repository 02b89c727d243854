"""SQLite FTS5, the C-speed yardstick that ships with Python: what "fast" means on this machine.

Configured as documented for multilingual text: the ``unicode61`` tokenizer with
``remove_diacritics 2`` (which also drops Arabic tashkeel), BM25 ranking, ``snippet()`` for
highlighted fragments, one transaction for the bulk load.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

from bench.queries import Query
from bench.systems import TOP_K, read_txt_article

DATABASE = "articles.db"
SCHEMA = (
    "CREATE VIRTUAL TABLE articles USING fts5("
    "path UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2')"
)
SEARCH = "SELECT path, title FROM articles WHERE articles MATCH ? ORDER BY bm25(articles) LIMIT ?"
SEARCH_WITH_SNIPPETS = (
    "SELECT path, title, snippet(articles, 2, '<b>', '</b>', '…', 16) FROM articles "
    "WHERE articles MATCH ? ORDER BY bm25(articles) LIMIT ?"
)
INSERT = "INSERT INTO articles (path, title, body) VALUES (?, ?, ?)"


def match_expression(query: Query) -> str:
    """FTS5 query syntax: a phrase in double quotes, or each word quoted and OR-ed.

    Quoting every word keeps punctuation inside words from being read as FTS5 operators.
    """
    if query.phrase:
        return '"' + " ".join(query.terms).replace('"', '""') + '"'
    return " OR ".join('"' + term.replace('"', '""') + '"' for term in query.terms)


class Fts5:
    """One FTS5 table holding every article."""

    def __init__(self) -> None:
        self.connection: sqlite3.Connection | None = None

    def build(self, index_dir: Path, paths: Sequence[Path]) -> None:
        index_dir.mkdir(parents=True)
        connection = sqlite3.connect(index_dir / DATABASE)
        with connection:
            connection.execute(SCHEMA)
            connection.executemany(INSERT, ((str(p), *read_txt_article(p)) for p in paths))
        connection.close()

    def open(self, index_dir: Path) -> None:
        self.connection = sqlite3.connect(index_dir / DATABASE)

    def search(self, query: Query, *, snippets: bool) -> int:
        assert self.connection is not None, "open() first"
        sql = SEARCH_WITH_SNIPPETS if snippets else SEARCH
        return len(self.connection.execute(sql, (match_expression(query), TOP_K)).fetchall())

    def add_and_find(self, index_dir: Path, path: Path, word: str) -> int:
        writer = sqlite3.connect(index_dir / DATABASE)
        with writer:
            writer.execute(INSERT, (str(path), *read_txt_article(path)))
        writer.close()
        reader = sqlite3.connect(index_dir / DATABASE)
        hits = reader.execute(SEARCH, (f'"{word}"', TOP_K)).fetchall()
        reader.close()
        return len(hits)

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
