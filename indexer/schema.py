"""The Whoosh schema: what is stored for each article and how it is searched.

Title and body share Bahith's analyzer; the title weighs more in BM25F because a
word in a headline says more about an article than the same word in its tenth
paragraph. Character offsets are kept in the postings so snippets are built
from the postings, without re-analysing stored articles.
"""

from __future__ import annotations

from whoosh.fields import DATETIME, ID, NUMERIC, STORED, TEXT, Schema

from indexer.analysis import bahith_analyzer
from indexer.analysis.whoosh_bridge import IndexedCharacters

TITLE_BOOST = 3.0
"""How much more a title match weighs than a body match."""

TEXT_FIELDS = ("title", "body")
"""The fields that free-text query words are looked up in."""


def _text_field(boost: float) -> TEXT:
    field = TEXT(
        analyzer=bahith_analyzer(),
        stored=True,
        phrase=True,
        chars=True,
        field_boost=boost,
        multitoken_query="phrase",
    )
    field.format = IndexedCharacters(field_boost=boost)
    return field


def build_schema() -> Schema:
    """The schema of a Bahith index."""
    return Schema(
        id=ID(stored=True, unique=True),
        path=ID(stored=True),
        title=_text_field(TITLE_BOOST),
        body=_text_field(1.0),
        lang=ID(stored=True),
        source=ID(stored=True),
        url=STORED(),
        date=DATETIME(stored=True, sortable=True),
        content_hash=ID(stored=True),
        added=NUMERIC(stored=True, numtype=int, bits=64, sortable=True),
    )
