"""The two search engines of the pair benchmark, each asked as a user asks it.

Bahith is a black box: a real index built by ``bench.evalindex.build_bahith_index`` and a
search through ``search.engine.SearchEngine``, every page read, so a document that a search
returns on page three counts as found. Lucene is the real Lucene 9.5 of
``../shared/tools/lucene`` (ArabicAnalyzer and FrenchAnalyzer, one JVM for the whole run,
each shard's documents indexed in memory), asked for as many hits as its index has documents.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench.evalindex import Doc, build_bahith_index
from search.engine import MAX_LIMIT, QueryError, SearchEngine

LUCENE_DIR = Path(__file__).resolve().parents[3] / "shared" / "tools" / "lucene"
"""Where every developer and CI run has the Lucene anchor: ``shared/`` beside the repository."""


class BahithIndex:
    """A Bahith index of ``docs`` at ``index_dir``, open for searching."""

    def __init__(self, index_dir: Path, docs: Sequence[Doc]) -> None:
        build_bahith_index(index_dir, docs)
        self.engine = SearchEngine(index_dir)

    def found(self, query: str) -> set[str]:
        """The ids of every article a search for ``query`` returns, on all pages.

        A query Bahith refuses (nothing left to search for) finds nothing, as the user sees.
        """
        ids: set[str] = set()
        page = 1
        while True:
            try:
                results = self.engine.search(query, limit=MAX_LIMIT, page=page, snippets=False)
            except QueryError:
                return ids
            ids.update(hit.id for hit in results.hits)
            if not results.hits or page * MAX_LIMIT >= results.total:
                return ids
            page += 1

    def close(self) -> None:
        """Release the index files."""
        self.engine.close()


@contextmanager
def running_lucene() -> Iterator[Any]:
    """One Lucene JVM for the block, ended after it; ``RuntimeError`` says why it cannot start."""
    if not (LUCENE_DIR / "lucene_anchor.py").is_file():
        raise RuntimeError(f"no Lucene anchor at {LUCENE_DIR}")
    if str(LUCENE_DIR) not in sys.path:
        sys.path.insert(0, str(LUCENE_DIR))
    import lucene_anchor

    try:
        lucene = lucene_anchor.Lucene()
    except lucene_anchor.LuceneUnavailable as error:
        raise RuntimeError(str(error)) from error
    try:
        yield lucene
    finally:
        lucene.process.kill()
        lucene.process.wait()


class LuceneIndex:
    """Real Lucene (a ``running_lucene`` JVM) over one shard's documents."""

    def __init__(self, lucene: Any, docs: Sequence[Doc]) -> None:
        self.lucene = lucene
        self.size = len(docs)
        lucene.build([(doc.id, doc.body) for doc in docs])

    def found(self, query: str) -> set[str]:
        """The ids of every article Lucene returns for ``query``."""
        return {hit for hit in self.lucene.search(query, k=self.size) if hit}

    def close(self) -> None:
        """Nothing to release: the next shard's ``build`` replaces the index."""
