"""Plain Whoosh 2.7.4 as a developer would first set it up: the baseline Bahith must beat.

Deliberately untuned: ``StandardAnalyzer`` (no Arabic normalisation, no stemming), the default
single-process writer, OR queries through the stock ``QueryParser``, stock highlighting.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from whoosh import index
from whoosh.analysis import StandardAnalyzer
from whoosh.fields import ID, TEXT, Schema
from whoosh.qparser import OrGroup, QueryParser
from whoosh.searching import Searcher

from bench.queries import Query
from bench.systems import TOP_K, read_txt_article


def plain_schema() -> Schema:
    """Stored path, title and body; title and body analysed by ``StandardAnalyzer``."""
    return Schema(
        path=ID(stored=True, unique=True),
        title=TEXT(stored=True, analyzer=StandardAnalyzer()),
        body=TEXT(stored=True, analyzer=StandardAnalyzer()),
    )


class WhooshPlain:
    """Whoosh with its defaults everywhere."""

    def __init__(self) -> None:
        self.searcher: Searcher | None = None
        self.parser = QueryParser("body", plain_schema(), group=OrGroup)

    def build(self, index_dir: Path, paths: Sequence[Path]) -> None:
        index_dir.mkdir(parents=True)
        writer = index.create_in(str(index_dir), plain_schema()).writer()
        for path in paths:
            title, body = read_txt_article(path)
            writer.add_document(path=str(path), title=title, body=body)
        writer.commit()

    def open(self, index_dir: Path) -> None:
        self.searcher = index.open_dir(str(index_dir)).searcher()

    def search(self, query: Query, *, snippets: bool) -> int:
        assert self.searcher is not None, "open() first"
        results = self.searcher.search(self.parser.parse(query.text), limit=TOP_K)
        titles = [hit["title"] for hit in results]
        if snippets:
            for hit in results:
                hit.highlights("body")
        return len(titles)

    def add_and_find(self, index_dir: Path, path: Path, word: str) -> int:
        ix = index.open_dir(str(index_dir))
        title, body = read_txt_article(path)
        writer = ix.writer()
        writer.add_document(path=str(path), title=title, body=body)
        writer.commit()
        with ix.searcher() as searcher:
            return len(searcher.search(self.parser.parse(word), limit=TOP_K).top_n)

    def close(self) -> None:
        if self.searcher is not None:
            self.searcher.close()
