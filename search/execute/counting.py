"""Count the articles a query matches, without scoring or walking them one by one.

The result count shown above the hits needs every matching article, not only
the ten on the page. Whoosh counts by stepping a matcher tree through each
match in Python, which over 100,000 articles costs more than the search itself.
Here the query tree is evaluated as set algebra on document numbers instead: a
term's postings are read a whole block at a time (``postings``), an ``Or`` is
a union, an ``And`` an intersection, an exclusion a difference. Queries whose
matches depend on positions (phrases) or on values (date ranges) are asked for
their documents the ordinary way, within their own segment.
"""

from __future__ import annotations

from whoosh import query as wq
from whoosh.reading import IndexReader
from whoosh.searching import Searcher

from search.execute.budget import check_time
from search.execute.phrases import PhraseOfAlternatives
from search.execute.postings import term_postings


def count_matches(searcher: Searcher, query: wq.Query) -> int:
    """How many live articles of ``searcher`` match ``query``."""
    return sum(len(segment_matches(sub, query)) for sub, _ in searcher.leaf_searchers())


def segment_matches(searcher: Searcher, q: wq.Query) -> set[int]:
    """Segment-local numbers of the documents of one segment (``searcher`` being a leaf
    searcher) that match ``q``."""
    check_time()
    if type(q) is wq.Term:
        return _term_docs(searcher.reader(), q)
    if isinstance(q, wq.Or) and q.subqueries:
        return set().union(*(segment_matches(searcher, sub) for sub in q.subqueries))
    if isinstance(q, wq.And) and q.subqueries:
        return _all_of(searcher, q.subqueries)
    if isinstance(q, wq.AndNot):
        return segment_matches(searcher, q.a) - segment_matches(searcher, q.b)
    if isinstance(q, PhraseOfAlternatives):
        return set(q.segment_docs(searcher.reader()))
    if isinstance(q, wq.Not):
        return set(searcher.reader().all_doc_ids()) - segment_matches(searcher, q.query)
    return set(q.docs(searcher))


def _all_of(searcher: Searcher, subqueries: list[wq.Query]) -> set[int]:
    """Documents matching every query, excluded ones (``-word``) taken away."""
    wanted = [sub for sub in subqueries if not isinstance(sub, wq.Not)]
    found = (
        set.intersection(*(segment_matches(searcher, sub) for sub in wanted))
        if wanted
        else set(searcher.reader().all_doc_ids())
    )
    for excluded in (sub for sub in subqueries if isinstance(sub, wq.Not)):
        if not found:
            break
        found -= segment_matches(searcher, excluded.query)
    return found


def _term_docs(reader: IndexReader, q: wq.Term) -> set[int]:
    if q.fieldname not in reader.schema:
        return set()
    return set(term_postings(reader, q.fieldname, reader.schema[q.fieldname].to_bytes(q.text))[0])
