"""Real Lucene 9.5 (ArabicAnalyzer, FrenchAnalyzer, BM25): what Elasticsearch users get.

The anchor lives outside the repository, in ``../shared/tools/lucene`` (Java, a jar fetched
once, a small driver); this adapter only puts it on the import path and feeds it the relevance
set. Where Java or the jar is missing, ``LuceneUnavailable`` says why, so the benchmark prints
"Lucene: not run (why)" instead of failing.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bench.relevance_set.documents import Document

LUCENE_DIR = Path(__file__).resolve().parents[3] / "shared" / "tools" / "lucene"


class LuceneUnavailable(RuntimeError):
    """Lucene cannot run here; the message says what is missing."""


def anchor_module() -> ModuleType:
    """The anchor's Python module, imported from outside the repository where it lives."""
    if not (LUCENE_DIR / "lucene_anchor.py").is_file():
        raise LuceneUnavailable(f"no Lucene anchor at {LUCENE_DIR}")
    if str(LUCENE_DIR) not in sys.path:
        sys.path.insert(0, str(LUCENE_DIR))
    import lucene_anchor

    return lucene_anchor


def lucene_classpath() -> str:
    """The Java classpath of the anchor, compiling its class if needed.

    The checks (java on PATH, the jar fetched, the class compiled) are the anchor's own, so the
    speed benchmark and the relevance set refuse to run for the same reasons.
    """
    lucene_anchor = anchor_module()
    try:
        return lucene_anchor._classpath()
    except lucene_anchor.LuceneUnavailable as error:
        raise LuceneUnavailable(str(error)) from error


def lucene_rankings(docs: Sequence[Document], queries: Sequence[str], depth: int) -> list[list[str]]:
    """The ids Lucene returns for each query, best first, headline and body as one text."""
    lucene_anchor = anchor_module()
    try:
        lucene = lucene_anchor.Lucene()
    except lucene_anchor.LuceneUnavailable as error:
        raise LuceneUnavailable(str(error)) from error
    try:
        lucene.build([(doc.id, doc.text) for doc in docs])
        return [[hit for hit in lucene.search(query, k=depth) if hit] for query in queries]
    finally:
        lucene.process.kill()
        lucene.process.wait()
