"""Order the articles a query matches: the article about the query first.

BM25 alone sums what each query word scores; a news archive then ranks first
an article that holds every word scattered over unrelated sentences, or one
that repeats a common word, above the paragraph that is about the query but
lacks one of its words. So each article's BM25 sum is weighed by five things,
in this order:

1. **Coordination by weight.** The share of the query's weight the article
   holds, each word weighing its IDF: missing a rare, telling word ("سليماني")
   costs more than missing a common one ("وزير"). The sum is multiplied by that
   share raised to ``COORDINATION``: soft, so an article missing one word can
   still pass one holding every word once in passing.
2. **Proximity.** Among the best ``RERANKED``, an article where the query's
   words stand close together (within ``NEAR_CHARS`` characters: one sentence)
   gains up to ``PROXIMITY`` of its score, by how many pairs of words do.
3. **Position.** A word in the headline or the lead (the first ``LEAD_CHARS``
   characters) says the article is about it; one in the tenth paragraph, less.
   Each query word held there adds ``LEAD`` times its share of the weight.
4. **Side by side.** Among the same, an article holding the query's words next to each
   other in the order typed, stop words included ("مهرجان كان", the festival of Cannes, not
   any festival in a text where "كان", was, stands elsewhere), gains up to ``PHRASE``, by
   how many pairs of consecutive words it holds so.
5. **Best passage.** The part of the article around its densest stretch of
   query words: an article scores by it as well as by its whole text (the
   proximity step counts words within one passage), and its snippet comes
   from there (``search.present.snippets`` picks the window with the most matches).

The written form over its readings is decided before this, in the query: a
word as typed weighs 1, its clitic-free readings 0.7 (``search.plan.equivalents``).
"""

from __future__ import annotations

import heapq
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from itertools import combinations, pairwise
from math import log

from whoosh import query as wq
from whoosh.searching import Searcher

from indexer.analysis import analyze_text
from search.execute.bm25 import normalized_frequencies
from search.execute.budget import check_time
from search.execute.counting import segment_matches
from search.execute.phrases import PhraseOfAlternatives
from search.execute.postings import match_spans
from search.execute.shared_idf import WordForms
from search.plan.planner import DATE_FIELD, TypedWord, positive_terms

COORDINATION = 2.0
"""How steeply a missing share of the query's weight lowers a score (0: not at all)."""

RERANKED = 30
"""How many of the best articles by coordinated BM25 are weighed for proximity and position:
measured on the relevance set, 30 order the first page as well as 100 do, and reading
where the words stand is most of a search's time."""

NEAR_CHARS = 80
"""Two query words this close (in characters between their starts) stand in one sentence."""

PROXIMITY = 0.5
"""The most proximity adds, as a share of the score, when every pair of words is near."""

FOREIGN = 0.1
"""What an article in another language than the query's counts: a reader typing Arabic wants
Arabic articles first (measured: at 0.3, French articles pushed Arabic ones off the first
page), yet one in French holding every word of the query above one barely matching."""

PHRASE = 0.3
"""The most standing side by side adds, as a share of the score, when every pair of the
query's consecutive words does."""

ADJACENT_CHARS = 3
"""Two words this close (from one's end to the next one's start) stand side by side: a space,
or a comma or quote and a space."""

MAX_CHECKED = 20
"""The most occurrences of a word looked at for a stop word beside it, in one field."""

WINDOW_CHARS = 40
"""How much text on each side of an occurrence is read to find the words beside it."""

UNANSWERED = 0.5
"""What an article in another language counts when no article in the query's own language
holds every word of it: the answer is then in the other language ("Soleimani juillet" typed
in French, about a visit reported in Arabic), which still ranks below a native article as
complete as it."""

WHOLE = 0.999
"""The share of the query's weight an article must hold to hold every word (rounding aside)."""

LEAD_CHARS = 400
"""The lead of an article: about its first paragraph."""

LEAD = 0.3
"""What a query word in the headline or the lead adds, as a share of the score, times its weight."""


K1 = 1.2
"""BM25's saturation: how fast more occurrences of a word stop adding (Lucene's default)."""

B = 0.75
"""BM25's length normalisation: how much a long article's occurrences are discounted."""

FIELD_WEIGHTS = {"title": 1.0, "body": 1.0}
"""What an occurrence in each text field counts, before saturation (BM25F)."""


@dataclass(frozen=True)
class Clause:
    """One query word (or quoted phrase) with all its forms, and what it weighs."""

    query: wq.Query
    idf: float
    terms: dict[str, frozenset[str]]
    """The clause's terms in each text field, to find where an article holds it."""


class _NotWeighable(Exception):
    """A clause made of something other than terms, word forms and phrases."""


def words_of(q: wq.Query) -> list[wq.Query] | None:
    """The query words of ``q`` that can be weighed, or None when none can: the parts of a
    top-level ``And`` (its filters, dates and patterns only select), the kept side of an
    exclusion, or the one word."""
    if isinstance(q, wq.AndNot):
        return words_of(q.a)
    if type(q) is wq.And:
        words = [word for part in q.subqueries for word in (words_of(part) or [])]
        return words or None
    return [q] if _weighable(q) else None


def _weighable(q: wq.Query) -> bool:
    if type(q) is wq.Term:
        return q.fieldname in FIELD_WEIGHTS
    if type(q) in (wq.Or, WordForms, wq.And):
        return bool(q.subqueries) and all(_weighable(sub) for sub in q.subqueries)
    if type(q) is PhraseOfAlternatives:
        return all(_weighable(part) for part in q.qs)
    if isinstance(q, wq.DateRange):
        return q.fieldname == DATE_FIELD
    return type(q) is wq.Phrase and q.fieldname in FIELD_WEIGHTS


def clauses_of(
    searcher: Searcher, words: list[wq.Query], native: list[wq.Query] | None = None
) -> list[Clause]:
    """Each query word weighed by BM25's IDF of the articles holding any of its forms.

    ``native``, the same words without their forms in the other language, gives the count
    instead when there is one for each word: a word weighs as rare as the language typed
    has it ("Kirby" in French), not as common as the other writes it ("كيربي")."""
    documents = searcher.doc_count_all()
    found = []
    weighed = native if native is not None and len(native) == len(words) else words
    for word, counted in zip(words, weighed, strict=True):
        holding = sum(len(segment_matches(leaf, counted)) for leaf, _ in searcher.leaf_searchers())
        pairs = list(positive_terms(word))
        terms = {name: frozenset(text for field, text in pairs if field == name) for name in FIELD_WEIGHTS}
        idf = log(1 + (documents - holding + 0.5) / (holding + 0.5))
        found.append(Clause(word, idf, terms))
    return found


def _frequencies(searcher: Searcher, leaf: Searcher, q: wq.Query, within: set[int]) -> dict[int, float]:
    """Each document of ``within`` (segment numbers) holding ``q``: how often, as BM25F counts
    it, each form weighed by its boost and field. A phrase counts as often as its rarest word,
    an article's date matching a month typed as one occurrence."""
    kind = type(q)
    if kind is wq.Term:
        reader = leaf.reader()
        average = searcher.avg_field_length(q.fieldname) or 1.0
        text = reader.schema[q.fieldname].to_bytes(q.text)
        ids, norms = normalized_frequencies(reader, q.fieldname, text, B, average)
        weight = q.boost * FIELD_WEIGHTS[q.fieldname]
        if len(within) < len(ids):
            held = dict(zip(ids, norms, strict=True))
            return {docnum: weight * held[docnum] for docnum in within if docnum in held}
        return {docnum: weight * norm for docnum, norm in zip(ids, norms, strict=True) if docnum in within}
    if kind in (wq.Or, WordForms):
        total: dict[int, float] = {}
        for sub in q.subqueries:
            for docnum, tf in _frequencies(searcher, leaf, sub, within).items():
                total[docnum] = total.get(docnum, 0.0) + tf * q.boost
        return total
    if kind is wq.DateRange:  # a month and year typed: the articles of that month, once each
        return dict.fromkeys(segment_matches(leaf, q) & within, q.boost)
    if kind is wq.And:
        parts = q.subqueries
    elif kind is PhraseOfAlternatives:
        parts = q.qs
    elif kind is wq.Phrase:
        parts = [wq.Term(q.fieldname, word) for word in q.words]
    else:
        raise _NotWeighable(kind.__name__)
    held = segment_matches(leaf, q) & within
    if not held:
        return {}
    counts = [_frequencies(searcher, leaf, part, held) for part in parts]
    boost = getattr(q, "boost", 1.0)
    return {docnum: min(count.get(docnum, 0.0) for count in counts) * boost for docnum in held}


def _bm25f(searcher: Searcher, clause: Clause, within: set[int]) -> dict[int, float]:
    """BM25F of one clause in each document of ``within`` (whole-index numbers) holding it."""
    scores: dict[int, float] = {}
    for leaf, offset in searcher.leaf_searchers():
        end = offset + leaf.reader().doc_count_all()
        local = {docnum - offset for docnum in within if offset <= docnum < end}
        if not local:
            continue
        check_time()
        for docnum, tf in _frequencies(searcher, leaf, clause.query, local).items():
            scores[docnum + offset] = clause.idf * tf * (K1 + 1) / (tf + K1)
    return scores


def ranked(
    searcher: Searcher,
    clauses: Sequence[Clause],
    within: set[int],
    foreign: Collection[int] = (),
    typed: Sequence[TypedWord] = (),
    limit: int | None = None,
) -> list[tuple[int, float]]:
    """The ``limit`` best documents of ``within`` holding a clause (all of them without one),
    best first, as (document number, score).

    The scores of ``foreign`` documents (in a language the query was not typed in, or found
    only through its words' forms in the other language) are multiplied by ``FOREIGN``, or
    ``UNANSWERED`` when no other document holds every word;
    ``typed``, the query's words as typed, tells which words should stand side by side."""
    total_weight = sum(clause.idf for clause in clauses) or 1.0
    sums: dict[int, float] = {}
    held: dict[int, float] = {}
    for clause in clauses:
        for docnum, score in _bm25f(searcher, clause, within).items():
            sums[docnum] = sums.get(docnum, 0.0) + score
            held[docnum] = held.get(docnum, 0.0) + clause.idf
    scored = {docnum: score * (held[docnum] / total_weight) ** COORDINATION for docnum, score in sums.items()}
    answered = any(held[docnum] >= total_weight * WHOLE for docnum in scored if docnum not in foreign)
    factor = FOREIGN if answered else UNANSWERED
    for docnum in foreign:
        if docnum in scored:
            scored[docnum] *= factor
    best = lambda docnum: (-scored[docnum], docnum)  # noqa: E731
    kept = len(scored) if limit is None else max(limit, RERANKED)
    order = heapq.nsmallest(kept, scored, key=best) if kept < len(scored) else sorted(scored, key=best)
    head = order[:RERANKED]
    weighed = _weighed(searcher, clauses, head, scored, total_weight, typed_pairs(clauses, typed))
    head.sort(key=lambda docnum: (-weighed[docnum], docnum))
    found = [(docnum, weighed[docnum]) for docnum in head] + [(d, scored[d]) for d in order[RERANKED:]]
    return found if limit is None else found[:limit]


def _weighed(
    searcher: Searcher,
    clauses: Sequence[Clause],
    docnums: list[int],
    scored: dict[int, float],
    total_weight: float,
    pairs: Sequence[Pair] = (),
) -> dict[int, float]:
    """The scores of ``docnums`` with proximity, position and side-by-side words added."""
    spans = [match_spans(searcher, docnums, "body", clause.terms["body"]) for clause in clauses]
    titles = [match_spans(searcher, docnums, "title", clause.terms["title"]) for clause in clauses]
    weighed = {}
    for docnum in docnums:
        check_time()
        starts = [[start for start, _ in found[docnum]] for found in spans]
        lead = sum(
            clause.idf
            for clause, at, title in zip(clauses, starts, titles, strict=True)
            if title[docnum] or (at and at[0] < LEAD_CHARS)
        )
        bonus = LEAD * lead / total_weight + PROXIMITY * _near_share([s for s in starts if s])
        if pairs:
            where = {"body": [found[docnum] for found in spans], "title": [found[docnum] for found in titles]}
            bonus += PHRASE * _side_by_side_share(searcher, docnum, pairs, where)
        weighed[docnum] = scored[docnum] * (1 + bonus)
    return weighed


Pair = tuple[int | str, int | str]
"""Two consecutive words of the query: each a clause's number, or a stop word's normalized form."""


def typed_pairs(clauses: Sequence[Clause], typed: Sequence[TypedWord]) -> list[Pair]:
    """The pairs of consecutive words of the query as typed, of which one at least is a clause.

    None when the typed words do not line up one by one with the clauses, each word's term
    among its clause's: a quoted phrase, a compound ("إس-300"), a field or an operator is
    weighed as written, not word by word."""
    content = [word for word in typed if not word.stop]
    if len(typed) < 2 or len(content) != len(clauses):
        return []
    if any(word.term not in clause.terms["body"] for word, clause in zip(content, clauses, strict=True)):
        return []
    numbers = iter(range(len(clauses)))
    items: list[int | str] = [word.normalized if word.stop else next(numbers) for word in typed]
    return [(one, two) for one, two in pairwise(items) if isinstance(one, int) or isinstance(two, int)]


def _side_by_side_share(
    searcher: Searcher, docnum: int, pairs: Sequence[Pair], fields: dict[str, list[list[tuple[int, int]]]]
) -> float:
    """The share of ``pairs`` that stand side by side, in that order, in the title or the body.

    Two clauses are compared by where they stand; a stop word, which the index does not
    hold, is read in the stored text beside its neighbour's occurrences."""
    stored: dict[str, str] | None = None
    found = 0
    for one, two in pairs:
        for fieldname, spans in fields.items():
            if isinstance(one, int) and isinstance(two, int):
                if _adjacent(spans[one], spans[two]):
                    found += 1
                    break
                continue
            word, stop, after = (one, two, True) if isinstance(one, int) else (two, one, False)
            assert isinstance(word, int) and isinstance(stop, str)
            if not spans[word]:
                continue
            stored = stored if stored is not None else searcher.stored_fields(docnum)
            if _stop_beside(stored.get(fieldname) or "", spans[word], stop, after):
                found += 1
                break
    return found / len(pairs)


def _adjacent(first: list[tuple[int, int]], second: list[tuple[int, int]]) -> bool:
    """Whether an occurrence of ``second`` follows one of ``first`` with no word between."""
    starts = {start for start, _ in second}
    return any(end + gap in starts for _, end in first for gap in range(ADJACENT_CHARS + 1))


def _stop_beside(text: str, spans: list[tuple[int, int]], stop: str, after: bool) -> bool:
    """Whether the word just after (or before) one of ``spans`` in ``text`` is the stop word ``stop``."""
    for start, end in spans[:MAX_CHECKED]:
        offset = max(0, start - WINDOW_CHARS)
        tokens = analyze_text(text[offset : end + WINDOW_CHARS], compounds=False)
        start -= offset
        at = next((n for n, token in enumerate(tokens) if token.word.start <= start < token.word.end), None)
        beside = None if at is None else at + 1 if after else at - 1
        if beside is not None and 0 <= beside < len(tokens) and tokens[beside].analysis.normalized == stop:
            return True
    return False


def _near_share(starts: list[list[int]]) -> float:
    """The share of pairs of query words (of those the article holds) that stand within
    ``NEAR_CHARS`` of each other somewhere; 0 for an article holding one word."""
    pairs = list(combinations(starts, 2))
    if not pairs:
        return 0.0
    return sum(_nearest(one, other) <= NEAR_CHARS for one, other in pairs) / len(pairs)


def _nearest(one: list[int], other: list[int]) -> int:
    """The smallest distance between a position of ``one`` and one of ``other`` (both sorted)."""
    best = abs(one[0] - other[0])
    i = j = 0
    while i < len(one) and j < len(other):
        best = min(best, abs(one[i] - other[j]))
        if one[i] < other[j]:
            i += 1
        else:
            j += 1
    return best
