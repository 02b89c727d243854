"""The Whoosh schema: what is stored for each article and how it is searched.

Title and body share Bahith's analyzer. Both are indexed at the same weight:
what a headline word is worth is a ranking decision, made at search time
(``search.execute.relevance``: BM25F field weights and the headline-and-lead step), so it
can be measured and changed without reindexing. Character offsets are kept in
the postings so snippets are built from the postings, without re-analysing
stored articles.
"""

from __future__ import annotations

from whoosh.fields import DATETIME, ID, NUMERIC, STORED, TEXT, Schema

from indexer.analysis import bahith_analyzer
from indexer.analysis.whoosh_bridge import IndexedCharacters

TEXT_FIELDS = ("title", "body")
"""The fields that free-text query words are looked up in."""


def _text_field() -> TEXT:
    field = TEXT(
        analyzer=bahith_analyzer(),
        stored=True,
        phrase=True,
        chars=True,
        multitoken_query="phrase",
    )
    field.format = IndexedCharacters()
    return field


def build_schema() -> Schema:
    """The schema of a Bahith index."""
    return Schema(
        id=ID(stored=True, unique=True),
        path=ID(stored=True),
        title=_text_field(),
        body=_text_field(),
        lang=ID(stored=True),
        source=ID(stored=True),
        url=STORED(),
        date=DATETIME(stored=True, sortable=True),
        content_hash=ID(stored=True),
        added=NUMERIC(stored=True, numtype=int, bits=64, sortable=True),
    )
