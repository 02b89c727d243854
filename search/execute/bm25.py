"""Rank the common queries by scoring whole posting blocks instead of stepping matchers.

Every Arabic query word stands for dozens of written forms, so a two-word query
is a tree of a hundred posting lists. Whoosh ranks it by stepping that tree one
document at a time, asking each node in Python where it stands: over 10,000
articles an any-word query took most of a second. The queries made of words
only (terms, the forms of a word, Arabic phrases, and ``And``/``Or`` of them,
which is nearly every search typed) are scored here instead with the same BM25F formula,
Whoosh's own settings and the same shared IDF for a word's forms: each term's
postings are read a block at a time and their scores summed per article. Other
queries (phrases, filters, dates, exclusions) return None and Whoosh ranks them.

All words first: an ``And`` first finds, by set algebra on document numbers
(``counting``), the articles that hold every part, and scores only those, rather
than scoring every article that holds any one word and dropping most of them.
"""

from __future__ import annotations

import heapq
from array import array
from collections.abc import Collection, Sequence

from whoosh import query as wq
from whoosh.reading import IndexReader
from whoosh.scoring import BM25F
from whoosh.searching import Searcher

from indexer.schema import TEXT_FIELDS
from search.execute.budget import check_time
from search.execute.counting import segment_matches
from search.execute.phrases import PhraseOfAlternatives
from search.execute.postings import term_postings
from search.execute.segments import BoundedCache, kept_beside, per_segment, segment_state
from search.execute.shared_idf import WordForms
from search.execute.whoosh_private import field_b

Scores = dict[int, float]


def is_rankable(q: wq.Query) -> bool:
    """Whether ``q`` is made only of text-field terms, word forms, Arabic phrases, ``And`` and ``Or``.

    A phrase scores as Whoosh scores it: the sum of its words' scores, in the
    articles that hold it.
    """
    if type(q) is wq.Term:
        return q.fieldname in TEXT_FIELDS
    if type(q) in (wq.And, wq.Or, WordForms):
        return bool(q.subqueries) and all(is_rankable(sub) for sub in q.subqueries)
    if type(q) is PhraseOfAlternatives:
        return all(is_rankable(part) for part in q.qs)
    return False


def top_documents(
    searcher: Searcher, q: wq.Query, limit: int, exclude: Collection[int] = ()
) -> list[tuple[int, float]] | None:
    """The ``limit`` best (document number, score) pairs, best first, or None when
    ``q`` is not a words-only query or the searcher does not rank by BM25F.

    Ties go to the earlier document, as in Whoosh.
    """
    if not is_rankable(q) or not isinstance(searcher.weighting, BM25F):
        return None
    scores: Scores = {}
    for segment, offset in searcher.leaf_searchers():
        for docnum, score in _Scorer(searcher, segment).scores(q).items():
            scores[docnum + offset] = score
    best = heapq.nsmallest(limit, ((-score, d) for d, score in scores.items() if d not in exclude))
    return [(docnum, -negative) for negative, docnum in best]


def scores_within(searcher: Searcher, q: wq.Query, within: Collection[int]) -> Scores:
    """BM25F of the words-only query ``q`` in each document of ``within`` (whole-index numbers)
    that it matches."""
    scores: Scores = {}
    for segment, offset in searcher.leaf_searchers():
        end = offset + segment.reader().doc_count_all()
        local = {docnum - offset for docnum in within if offset <= docnum < end}
        if local:
            for docnum, score in _Scorer(searcher, segment).scores(q, local).items():
                scores[docnum + offset] = score
    return scores


MAX_CACHED_PARTS = 4_000_000
"""How many per-document term-frequency parts of BM25 are kept (8 bytes each)."""

_parts: BoundedCache[array] = BoundedCache(MAX_CACHED_PARTS, len)


def _term_parts(
    segment: IndexReader, fieldname: str, text: bytes, b: float, k1: float, average: float
) -> array:
    """BM25's term-frequency part of a term's score in each document that holds it (in the
    order of ``term_postings``): the score is this times the IDF. Kept, as the postings
    are: it is most of the work of scoring, and the same for every query until the
    index changes."""

    def work() -> array:
        ids, weights = term_postings(segment, fieldname, text)
        lengths = _field_lengths(segment, fieldname)
        return array(
            "d",
            [
                (tf * (k1 + 1)) / (tf + k1 * ((1 - b) + b * lengths[docnum] / average))
                for docnum, tf in zip(ids, weights, strict=True)
            ],
        )

    state = segment_state(segment)
    return work() if state is None else _parts.get((state, fieldname, text, b, k1, average), work)


def normalized_frequencies(
    segment: IndexReader, fieldname: str, text: bytes, b: float, average: float
) -> tuple[Sequence[int], array]:
    """The documents of the segment holding a term, and in each the term's frequency divided
    by BM25's length norm: what BM25F adds up over fields before saturating it. Kept, as
    ``_term_parts`` are."""

    def work() -> array:
        ids, weights = term_postings(segment, fieldname, text)
        lengths = _field_lengths(segment, fieldname)
        return array(
            "d",
            [tf / ((1 - b) + b * lengths[docnum] / average) for docnum, tf in zip(ids, weights, strict=True)],
        )

    ids = term_postings(segment, fieldname, text)[0]
    state = segment_state(segment)
    found = work() if state is None else _parts.get((state, fieldname, text, b, "norm", average), work)
    return ids, found


def _field_lengths(segment: IndexReader, fieldname: str) -> list[int]:
    """Each document's length in ``fieldname`` as BM25F sees it (Whoosh's rounded lengths),
    kept beside the segment: Whoosh gives them one call per document, seconds at 100,000."""

    def read() -> list[str]:  # Whoosh answers None for an empty field: its length is 0
        return [str(segment.doc_field_length(d, fieldname, 1) or 0) for d in range(segment.doc_count_all())]

    return per_segment(
        segment,
        "lengths",
        fieldname,
        lambda: list(map(int, kept_beside(segment, f"{fieldname}_lengths", read))),
    )


class _Scorer:
    """Scores for one segment, with statistics (IDF, average length) from the whole index.

    ``within``, when given, is the set of the segment's documents worth scoring:
    scores are worked out for those only.
    """

    def __init__(self, searcher: Searcher, segment: Searcher) -> None:
        self._searcher = searcher
        self._leaf = segment
        self._segment = segment.reader()
        self._weighting: BM25F = searcher.weighting

    def scores(self, q: wq.Query, within: set[int] | None = None) -> Scores:
        check_time()
        if isinstance(q, WordForms):
            idf = q.shared_idf(self._searcher)
            scores = self._sum([self._term(sub, idf, within) for sub in q.subqueries])
        elif isinstance(q, wq.Term):
            return self._term(q, None, within)
        elif isinstance(q, PhraseOfAlternatives):
            held = set(q.segment_docs(self._segment))
            held = held & within if within is not None else held
            if not held:
                return {}
            return self._all([dict.fromkeys(held, 0.0), *(self.scores(part, held) for part in q.qs)])
        elif isinstance(q, wq.And):
            every = set.intersection(*(segment_matches(self._leaf, sub) for sub in q.subqueries))
            every = every & within if within is not None else every
            if not every:
                return {}
            scores = self._all([self.scores(sub, every) for sub in q.subqueries])
        else:
            scores = self._sum([self.scores(sub, within) for sub in q.subqueries])
        if q.boost != 1.0:
            scores = {docnum: score * q.boost for docnum, score in scores.items()}
        return scores

    @staticmethod
    def _sum(parts: list[Scores]) -> Scores:
        total: Scores = {}
        for part in parts:
            for docnum, score in part.items():
                total[docnum] = total.get(docnum, 0.0) + score
        return total

    @staticmethod
    def _all(parts: list[Scores]) -> Scores:
        common = set.intersection(*(set(part) for part in parts))
        return {docnum: sum(part[docnum] for part in parts) for docnum in common}

    def _term(self, q: wq.Term, idf: float | None, within: set[int] | None) -> Scores:
        """BM25F of one term in every document of the segment that holds it (of ``within``
        only, when given); ``idf`` None means the term's own, worked out only when the
        segment holds it."""
        text = self._segment.schema[q.fieldname].to_bytes(q.text)
        ids = term_postings(self._segment, q.fieldname, text)[0]
        if not ids:
            return {}
        if idf is None:
            idf = self._searcher.idf(q.fieldname, q.text)
        weighting = self._weighting
        b = field_b(weighting, q.fieldname)
        average = self._searcher.avg_field_length(q.fieldname) or 1
        parts = _term_parts(self._segment, q.fieldname, text, b, weighting.K1, average)
        postings = zip(ids, parts, strict=True)
        if within is not None and len(within) < len(ids):
            held = dict(postings)
            postings = ((docnum, held[docnum]) for docnum in within if docnum in held)
        elif within is not None:
            postings = ((docnum, part) for docnum, part in postings if docnum in within)
        if q.boost != 1.0:
            return {docnum: idf * part * q.boost for docnum, part in postings}
        return {docnum: idf * part for docnum, part in postings}
