"""Score every written form of one query word as one word.

BM25 gives each term its own IDF. Expanded into its clitic forms, the query
word "سليماني" becomes "سليماني", "وسليماني", "بسليماني"…, and the rare forms
get a far higher IDF than the word itself: an article saying "وسليماني" twice
would outrank one saying "سليماني" five times. So all the forms of one query
word share one IDF, that of the forms taken together, and each form keeps only
its own weight (the word as typed counts most).
"""

from __future__ import annotations

from math import log

from whoosh.matching import ArrayUnionMatcher, Matcher
from whoosh.query import Query
from whoosh.scoring import BM25F
from whoosh.searching import SearchContext, Searcher

from search.execute.whoosh_private import FixedIdf, UnionOfPreloaded


class WordForms(UnionOfPreloaded):
    """The forms of one query word in one field, merged and scored as one term."""

    def shared_idf(self, searcher: Searcher) -> float:
        """The IDF of all the forms taken together, over the whole index."""
        parent = searcher.get_parent()
        documents = parent.doc_count_all()
        frequency = min(documents, sum(parent.doc_frequency(q.fieldname, q.text) for q in self.subqueries))
        return log(documents / (frequency + 1)) + 1

    def union(self, subs: list[Query], searcher: Searcher, context: SearchContext | None) -> Matcher:
        """The forms' matchers merged, each scored with the shared IDF (under BM25F)."""
        weighting = context.weighting if context else searcher.weighting
        if not isinstance(weighting, BM25F):
            return super().union(subs, searcher, context)
        shared = FixedIdf(weighting, self.shared_idf(searcher))
        shared_context = context.set(weighting=shared) if context else SearchContext(weighting=shared)
        matchers = [sub.matcher(searcher, shared_context) for sub in subs]
        return ArrayUnionMatcher(matchers, searcher.doc_count_all(), boost=self.boost, scored=True)
