"""Mark every match of a query in a whole article, not just in a snippet.

The terms come from the planned query (so a search for "موسكو" also marks
"لموسكو"), and their positions from the index postings, like the snippets, so
what is marked is exactly what matched. Excluded words (``-word``) are not marked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from markupsafe import Markup
from whoosh import query as wq
from whoosh.searching import Searcher

from search.query import PlannedQuery
from search.snippets import mark, match_spans

_PARAGRAPH = re.compile(r"[^\n]*\S[^\n]*")


def _children(q: wq.Query) -> list[wq.Query]:
    """Direct sub-queries, including those of span queries.

    Whoosh's span queries (used for Arabic phrases) report no children nor
    terms, but every query applies a function to its children, so that is how
    they are listed.
    """
    found: list[wq.Query] = []

    def keep(child: wq.Query) -> wq.Query:
        found.append(child)
        return child

    q.apply(keep)
    return found


def positive_terms(q: wq.Query) -> Iterator[tuple[str, str]]:
    """(field, term) pairs a matching article contains: excluded words are left out."""
    if isinstance(q, wq.Not):
        return
    if isinstance(q, wq.AndNot):
        yield from positive_terms(q.a)
        return
    if q.is_leaf():
        for fieldname, text in q.iter_all_terms():
            yield fieldname, text.decode("utf-8") if isinstance(text, bytes) else text
        return
    for child in _children(q):
        yield from positive_terms(child)


def field_terms(planned: PlannedQuery, fieldname: str) -> set[str]:
    """Every term of one field that the planned search looks for."""
    queries = [planned.strict] + ([planned.loose] if planned.loose is not None else [])
    return {text for q in queries for field, text in positive_terms(q) if field == fieldname}


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
