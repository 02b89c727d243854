"""Mark every match of a query in a whole article, not just in a snippet.

The terms come from the planned query (so a search for "موسكو" also marks
"لموسكو"), and their positions from the index postings, like the snippets, so
what is marked is exactly what matched. Excluded words (``-word``) are not marked.
"""

from __future__ import annotations

import re

from markupsafe import Markup
from whoosh.searching import Searcher

from search.snippets import mark, match_spans

_PARAGRAPH = re.compile(r"[^\n]*\S[^\n]*")


def highlight_title(searcher: Searcher, docnum: int, title: str, terms: set[str]) -> Markup:
    """The title, escaped, with its matches in ``<mark>``."""
    return Markup(mark(title, match_spans(searcher, [docnum], "title", terms)[docnum]))


def highlight_paragraphs(searcher: Searcher, docnum: int, body: str, terms: set[str]) -> list[Markup]:
    """The body as escaped paragraphs (one per non-blank line), matches in ``<mark>``."""
    spans = match_spans(searcher, [docnum], "body", terms)[docnum]
    paragraphs: list[Markup] = []
    for line in _PARAGRAPH.finditer(body):
        start, end = line.span()
        inside = [(s - start, e - start) for s, e in spans if s >= start and e <= end]
        paragraphs.append(Markup(mark(line.group(), inside)))
    return paragraphs
