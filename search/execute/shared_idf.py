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
from typing import Any

from whoosh.matching import ArrayUnionMatcher, Matcher
from whoosh.query import Term
from whoosh.query.compound import PreloadedOr
from whoosh.scoring import BM25F
from whoosh.searching import SearchContext, Searcher


class SharedIdf(BM25F):
    """BM25F with one fixed IDF for every term it scores."""

    def __init__(self, base: BM25F, idf: float) -> None:
        super().__init__(B=base.B, K1=base.K1)
        self._field_B = dict(base._field_B)
        self._idf = idf

    def scorer(self, searcher: Searcher, fieldname: str, text: bytes, qf: int = 1) -> Any:
        scorer = super().scorer(searcher, fieldname, text, qf=qf)
        scorer.idf = self._idf
        return scorer


class WordForms(PreloadedOr):
    """The forms of one query word in one field, merged and scored as one term."""

    def shared_idf(self, searcher: Searcher) -> float:
        """The IDF of all the forms taken together, over the whole index."""
        parent = searcher.get_parent()
        documents = parent.doc_count_all()
        frequency = min(documents, sum(parent.doc_frequency(q.fieldname, q.text) for q in self.subqueries))
        return log(documents / (frequency + 1)) + 1

    def _matcher(self, subs: list[Term], searcher: Searcher, context: SearchContext | None) -> Matcher:
        weighting = context.weighting if context else searcher.weighting
        if not isinstance(weighting, BM25F):
            return super()._matcher(subs, searcher, context)
        shared = SharedIdf(weighting, self.shared_idf(searcher))
        shared_context = context.set(weighting=shared) if context else SearchContext(weighting=shared)
        matchers = [sub.matcher(searcher, shared_context) for sub in subs]
        return ArrayUnionMatcher(matchers, searcher.doc_count_all(), boost=self.boost, scored=True)
