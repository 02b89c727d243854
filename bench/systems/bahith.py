"""Bahith through its public API: the incremental indexer and the search engine the web app uses.

Bahith reads the article files itself (``update_index``), so its indexing time includes parsing
and normalising, as the baselines' includes reading the files.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from bench.queries import Query
from bench.systems import TOP_K, SystemUnavailable

try:
    from indexer.update import update_index
    from search.engine import SearchEngine
except ImportError as error:
    raise SystemUnavailable(
        f"cannot benchmark Bahith: {error}. The adapter needs indexer.update.update_index and "
        "search.engine.SearchEngine; run from the repository root, or leave it out with "
        "--systems whoosh,fts5."
    ) from error


class Bahith:
    """Bahith's indexer and ``SearchEngine``, with its default settings."""

    def __init__(self) -> None:
        self.engine: SearchEngine | None = None

    def build(self, index_dir: Path, paths: Sequence[Path]) -> None:
        index_dir.mkdir(parents=True)
        update_index(index_dir, list(paths))

    def open(self, index_dir: Path) -> None:
        self.engine = SearchEngine(index_dir, remember=False)  # time the search, not the cache

    def search(self, query: Query, *, snippets: bool) -> int:
        assert self.engine is not None, "open() first"
        hits = self.engine.search(query.text, limit=TOP_K, snippets=snippets).hits
        if snippets:
            shown = [hit.snippet for hit in hits]  # the HTML a page shows is built when read
            return len(shown)
        return len(hits)

    @staticmethod
    def command(index_dir: Path, query: Query) -> list[str]:
        """The command line a script runs for one search: ``bahith search`` in a new process."""
        return [
            sys.executable,
            "-m",
            "bahith",
            "--index",
            str(index_dir),
            "search",
            "--format",
            "json",
            query.text,
        ]

    def add_and_find(self, index_dir: Path, path: Path, word: str) -> int:
        update_index(index_dir, [path])
        engine = SearchEngine(index_dir)
        try:
            return len(engine.search(word, limit=TOP_K, snippets=False).hits)
        finally:
            engine.close()

    def close(self) -> None:
        if self.engine is not None:
            self.engine.close()
