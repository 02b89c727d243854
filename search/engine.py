"""Run a search: plan the query, rank all-words matches first, page, build snippets.

A news search must not answer "nothing" because one word is missing, yet an
article with every word belongs above one with some. So a multi-word search runs
the all-words query first and fills the rest of the ranking with any-word
matches, excluding those already listed. Both are ranked by BM25F.
"""

from __future__ import annotations

import heapq
import os
import threading
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from whoosh import query as wq
from whoosh.searching import Searcher

from indexer.analysis.script import script_of
from indexer.store import open_index
from indexer.stories import StoryState
from search.execute.bm25 import is_rankable, top_documents
from search.execute.budget import DeadlineCollector, check_slow_size, check_time, deadline
from search.execute.counting import segment_matches
from search.execute.postings import match_spans
from search.execute.relevance import clauses_of, ranked, words_of
from search.execute.segments import BoundedCache, refreshed_reader, segment_state
from search.plan.filters import check_languages
from search.plan.planner import MAX_QUERY_CHARS as MAX_QUERY_CHARS  # shown by the web form
from search.plan.planner import PlannedQuery, QueryError, make_parser, plan, query_cost
from search.present.facets import Facets, Facts, count_facets, facts_of
from search.present.related import related_by_terms, related_in_stories
from search.present.snippets import Snippet, make_snippet, marked_text
from search.present.suggest import Suggestion, suggest

MAX_LIMIT = 100
MAX_PAGE = 1000
"""Deeper pages are refused: ranking a million results to show ten is no use to anyone."""

LANGS = ("ar", "fr")

RELATED_SPARE = 5
"""Related articles asked of the story file beyond the limit, in case some have just left the index."""


@dataclass(frozen=True)
class Hit:
    """One ranked article, in the shape of ``bahith search --json`` plus how it was found.

    ``cross_language`` is true for an article found only through the query's
    names or months written in the other language ("Soleimani" finding
    "سليماني"). ``excerpt`` is the snippet as text and match spans, for callers
    to render; ``snippet`` the same as the API gives it, in HTML.
    """

    id: str
    path: str
    title: str
    lang: str
    source: str
    url: str
    date: str | None
    score: float
    excerpt: Snippet = field(default_factory=Snippet)
    cross_language: bool = False

    @property
    def snippet(self) -> str:
        """The snippet as HTML: the text escaped, its matches in ``<mark>``."""
        return self.excerpt.html()

    def to_json(self) -> dict[str, Any]:
        """The hit as ``bahith search --json`` prints it."""
        fields = asdict(self)
        fields["snippet"] = self.snippet
        return {name: fields[name] for name in JSON_FIELDS}


JSON_FIELDS = ("id", "path", "title", "lang", "source", "url", "date", "score", "snippet", "cross_language")


@dataclass
class SearchResults:
    """A page of results plus what the page needs to be shown."""

    query: str
    total: int
    took_ms: float
    page: int
    planned: PlannedQuery
    """What the query was planned as: the terms to mark, the query every match matches."""
    limit: int = 10
    sort: str = "relevance"
    hits: list[Hit] = field(default_factory=list)
    suggestion: Suggestion | None = None
    """The query with its words that found little corrected to indexed words, if any are."""
    facets: Facets = field(default_factory=Facets)
    """Counts of all matches by language, source and date (see ``present.facets``)."""
    matches: list[int] = field(default_factory=list)
    """Every matching document number (not only this page's), filters applied."""

    @property
    def pages(self) -> int:
        """How many pages the matches fill (at least 1), never beyond what the engine serves."""
        return min(MAX_PAGE, max(1, -(-self.total // self.limit)))

    def to_json(self) -> dict[str, Any]:
        """The documented JSON shape: query, total, took_ms, page, limit, pages, sort, hits,
        suggestion and facets."""
        return {
            "query": self.query,
            "total": self.total,
            "took_ms": self.took_ms,
            "page": self.page,
            "limit": self.limit,
            "pages": self.pages,
            "sort": self.sort,
            "hits": [hit.to_json() for hit in self.hits],
            "suggestion": self.suggestion.to_json() if self.suggestion else None,
            "facets": self.facets.to_json(),
        }


def iso_date(value: datetime | None) -> str | None:
    """A stored date as the ISO day shown to users, or None when the article has none."""
    return value.date().isoformat() if value else None


def _filtered(query: wq.Query, lang: str | None, source: str | None) -> wq.Query:
    """``query`` restricted to one language and/or one source."""
    filters = [wq.Term(name, value) for name, value in (("lang", lang), ("source", source)) if value]
    return wq.And([query, *filters]) if filters else query


def _words_part(q: wq.Query) -> wq.Query | None:
    """The part of ``q`` that ranking can score when the rest only selects: the words of
    ``words lang:fr``, ``words -other`` or ``words date:2016``; None when there is none."""
    if isinstance(q, wq.AndNot):
        return q.a if is_rankable(q.a) else _words_part(q.a)
    if not isinstance(q, wq.And):
        return None
    words = [sub for sub in q.subqueries if is_rankable(sub)]
    if not words:
        return None
    return words[0] if len(words) == 1 else wq.And(words, boost=q.boost)


def _top(searcher: Searcher, query: wq.Query, limit: int, shown: set[int]) -> list[tuple[int, float]]:
    """The ``limit`` best (docnum, score) pairs of ``query``, leaving out ``shown``.

    Words-only queries are ranked from whole posting blocks (see ``execute.bm25``).
    So are words with filters, exclusions or dates: their words are ranked among
    the articles the whole query matches (filters score alike in every article
    they keep, so the order is Whoosh's). Whoosh ranks the rest, within the
    budget's smaller limits for it: its work cannot be stopped half-way.
    """
    found = top_documents(searcher, query, limit, shown)
    words = _words_part(query) if found is None else None
    if words is not None:
        kept = set(matching_documents(searcher, query))
        found = top_documents(searcher, words, limit, shown | (set(searcher.reader().all_doc_ids()) - kept))
    if found is None:
        check_slow_size(*query_cost(searcher.reader(), [query]))
        collector = searcher.collector(limit=limit, mask=shown or None, optimize=False)
        searcher.search_with_collector(query, DeadlineCollector(collector))
        found = [(hit.docnum, hit.score) for hit in collector.results()]
    return found


def _matches(searcher: Searcher, query: wq.Query) -> list[tuple[int, set[int]]]:
    """(segment offset, the segment's matching documents) for each segment."""
    return [(offset, segment_matches(leaf, query)) for leaf, offset in searcher.leaf_searchers()]


def matching_documents(searcher: Searcher, query: wq.Query) -> list[int]:
    """The number of every live document of ``searcher`` matching ``query``, by set algebra
    on postings (see ``execute.counting``), under the current search's deadline."""
    return [docnum + offset for offset, docs in _matches(searcher, query) for docnum in docs]


SORTS = ("relevance", "date", "-date")
"""``date`` is newest first, as a news archive is read; ``-date`` the other way, oldest first."""


def _by_date(facts: Facts, matches: list[int], limit: int, sort: str) -> list[tuple[int, float, bool]]:
    """The first ``limit`` of ``matches`` by date (``sort`` ``date``: newest first), undated last,
    as (document number, 0.0, False): ordered, not scored."""
    dated = [docnum for docnum in matches if facts.dates[docnum] is not None]
    undated = [docnum for docnum in matches if facts.dates[docnum] is None]
    key = lambda docnum: (facts.dates[docnum], docnum)  # noqa: E731
    pick = heapq.nlargest if sort == "date" else heapq.nsmallest
    first = pick(limit, dated, key=key)
    first += sorted(undated)[: limit - len(first)]
    return [(docnum, 0.0, False) for docnum in first]


def _ranked(
    searcher: Searcher,
    planned: PlannedQuery,
    lang: str | None,
    source: str | None,
    wanted: int,
    matches: list[int],
) -> list[tuple[int, float, bool]]:
    """The best (document number, score, crossed) of ``matches``, ordered by ``relevance``:
    the articles in the languages the query is typed in and found through its own words
    weigh more than the others (found through its names or months in the other language),
    which are marked crossed.
    A query of filters only (``date:2022``) is answered newest first, since every article
    would score the same; one whose words ``relevance`` cannot weigh (patterns, fuzzy
    words) is ranked tier after tier instead."""
    widest = planned.across or planned
    words = words_of(widest.strict)
    if words is None and not planned.words:
        return _by_date(facts_of(searcher.reader()), matches, wanted, "date")  # date:2022, lang:fr
    if words is None:
        return _ranked_in_tiers(searcher, planned, lang, source, wanted, len(matches))
    clauses = clauses_of(searcher, words, words_of(planned.strict))
    within = set(matches)
    native = within
    if planned.across is not None:
        own = planned.loose if planned.loose is not None else planned.strict
        native = within & set(matching_documents(searcher, _filtered(own, lang, source)))
    typed = _languages_typed(planned.words)
    if typed:
        langs = facts_of(searcher.reader()).langs
        native = {docnum for docnum in native if langs[docnum] in typed}
    found = [
        (docnum, score, docnum not in native)
        for docnum, score in ranked(searcher, clauses, within, within - native, planned.typed, wanted)
    ]
    if len(found) < wanted:  # matches no clause scores: a filter or an exclusion kept them
        scored = {docnum for docnum, _, _ in found}
        rest = heapq.nsmallest(wanted - len(found), within - scored)
        found += [(docnum, 0.0, docnum not in native) for docnum in rest]
    return found


def _languages_typed(words: tuple[str, ...]) -> set[str]:
    """The languages of the scripts the query's words are written in ("ar", "fr"); none
    for a query of numbers only."""
    return {script_of(word).value for word in words if any(ch.isalpha() for ch in word)}


def _ranked_in_tiers(
    searcher: Searcher, planned: PlannedQuery, lang: str | None, source: str | None, wanted: int, total: int
) -> list[tuple[int, float, bool]]:
    """The ``wanted`` best (document number, score, crossed) of ``total`` matches: every word
    first, then any word, then the same across languages, each ranked by BM25F."""
    tiers = [
        (_filtered(query, lang, source), crossed)
        for step, crossed in ((planned, False), (planned.across, True))
        if step is not None
        for query in (step.strict, step.loose)
        if query is not None
    ]
    ranked = [(docnum, score, False) for docnum, score in _top(searcher, tiers[0][0], wanted, set())]
    for query, crossed in tiers[1:]:
        if len(ranked) >= min(wanted, total):
            break
        # A tier runs only when the earlier ones gave fewer hits than asked for, so all
        # their articles are ranked already: masking those leaves what this tier adds.
        shown = {docnum for docnum, _, _ in ranked}
        rest = _top(searcher, query, wanted - len(ranked), shown)
        ranked.extend((docnum, score, crossed) for docnum, score in rest)
    return ranked


def _check_paging(limit: int, page: int, lang: str | None, sort: str) -> None:
    if not 1 <= limit <= MAX_LIMIT:
        raise QueryError(f"limit must be between 1 and {MAX_LIMIT}, not {limit}")
    if not 1 <= page <= MAX_PAGE:
        raise QueryError(f"page must be between 1 and {MAX_PAGE}, not {page}")
    if lang is not None and lang not in LANGS:
        raise QueryError(f"lang must be one of {', '.join(LANGS)}, not {lang!r}")
    if sort not in SORTS:
        raise QueryError(f"sort must be one of {', '.join(SORTS)}, not {sort!r}")


RESULTS_CACHED = 2_000_000
"""How many matching document numbers the recent results hold at most, all searches together."""

_results: BoundedCache[SearchResults] = BoundedCache(RESULTS_CACHED, lambda results: 1 + len(results.matches))


def _folder_identity(index_dir: Path) -> tuple[int, int]:
    info = os.stat(index_dir)
    return (info.st_dev, info.st_ino)


class SearchEngine:
    """Searches one index directory; reopen-free: each search sees the latest commit."""

    def __init__(self, index_dir: Path, *, remember: bool = True) -> None:
        """``remember=False`` computes every search afresh (see ``RESULTS_CACHED``): what a
        benchmark of search speed must time."""
        self.index_dir = index_dir
        self._remember = remember
        self._lock = threading.Lock()
        self._open()

    def _open(self) -> None:
        self._index = open_index(self.index_dir)
        self._identity = _folder_identity(self.index_dir)
        self._parser = make_parser(self._index.schema)
        self._searcher: Searcher = self._index.searcher()

    def searcher(self) -> Searcher:
        """A searcher on the latest committed state of the index.

        A rebuild swaps a whole new folder in under the same name; that is seen
        from the folder's identity changing, and the new index is opened. Whoosh
        readers are not safe to share between threads (they seek in shared files),
        so a server keeps one engine per thread; the lock only keeps a refresh whole.
        """
        with self._lock:
            if _folder_identity(self.index_dir) != self._identity:
                self._searcher.close()
                self._open()
            elif (reader := refreshed_reader(self._index, self._searcher.reader())) is not None:
                self._searcher = Searcher(reader, fromindex=self._index)
            return self._searcher

    def close(self) -> None:
        """Release the open index files."""
        self._searcher.close()

    def __enter__(self) -> SearchEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def plan(self, text: str, *, exact: bool = False) -> PlannedQuery:
        """Parse and rewrite ``text`` against the current vocabulary."""
        return plan(text, self._parser, self.searcher().reader(), exact=exact)

    def search(
        self,
        text: str,
        *,
        limit: int = 10,
        page: int = 1,
        lang: str | None = None,
        source: str | None = None,
        snippets: bool = True,
        exact: bool = False,
        sort: str = "relevance",
        searcher: Searcher | None = None,
    ) -> SearchResults:
        """One page of ranked results for ``text``; raises ``QueryError`` for bad input.

        Unless ``exact``, a name also finds its other spellings and a name or
        month its forms in the other language; articles found only that way,
        or in another language than the query's, weigh less and are marked
        ``cross_language``. ``*`` lists every article, newest first, and so does
        ``sort="date"`` for any query (``"-date"``: oldest first). A query over
        the budget raises ``QueryTooBroad``, a search past its deadline
        ``SearchTimeout`` (see ``execute.budget``). ``searcher``, from ``searcher()``,
        pins the search to that state of the index.

        Results are kept for the index generation they were computed on
        (``RESULTS_CACHED``), so the page, the API and the next page of the
        same search reuse the work; a commit changes the generation.
        """
        started = time.perf_counter()
        _check_paging(limit, page, lang, sort)
        searcher = searcher or self.searcher()
        generation = tuple(segment_state(leaf.reader()) for leaf, _ in searcher.leaf_searchers())
        key = (self._identity, generation, text, limit, page, lang, source, snippets, exact, sort)

        def run() -> SearchResults:
            return self._search(text, limit, page, lang, source, snippets, exact, sort, searcher)

        found = _results.get(key, run) if self._remember else run()
        return replace(found, took_ms=round((time.perf_counter() - started) * 1000, 2))

    def _search(
        self,
        text: str,
        limit: int,
        page: int,
        lang: str | None,
        source: str | None,
        snippets: bool,
        exact: bool,
        sort: str,
        searcher: Searcher,
    ) -> SearchResults:
        started = time.perf_counter()
        wanted = page * limit
        with deadline():
            planned = plan(text, self._parser, searcher.reader(), exact=exact)
            check_languages(planned.strict, LANGS)
            facts = facts_of(searcher.reader())
            everything = matching_documents(searcher, planned.widest())
            facets, matches = count_facets(facts, everything, lang, source)
            if planned.by_date or sort != "relevance":
                ranked = _by_date(facts, matches, wanted, "-date" if sort == "-date" else "date")
            else:
                ranked = _ranked(searcher, planned, lang, source, wanted, matches)
            window = ranked[(page - 1) * limit : wanted]
            terms = planned.terms("body") if snippets else set()
            spans = match_spans(searcher, [docnum for docnum, _, _ in window], "body", terms)
            hits = []
            for docnum, score, crossed in window:
                check_time()
                hits.append(self._hit(searcher, docnum, score, spans[docnum] if snippets else None, crossed))
            suggestion = None if exact else suggest(searcher, text)
        return SearchResults(
            query=text,
            total=len(matches),
            took_ms=round((time.perf_counter() - started) * 1000, 2),
            page=page,
            limit=limit,
            sort=sort,
            hits=hits,
            suggestion=suggestion,
            facets=facets,
            planned=planned,
            matches=matches,
        )

    def every_page(self, text: str, **options: Any) -> Iterator[SearchResults]:
        """Every page of ``MAX_LIMIT`` results of ``text``, in rank order, all on one state of
        the index (an article indexed meanwhile cannot shift a page); ``options`` are
        ``search``'s."""
        searcher = self.searcher()
        for page in range(1, MAX_PAGE + 1):
            results = self.search(text, limit=MAX_LIMIT, page=page, searcher=searcher, **options)
            yield results
            if page * MAX_LIMIT >= results.total:
                return

    def count(self) -> int:
        """How many articles the index holds."""
        return self.searcher().doc_count()

    def count_by_lang(self) -> dict[str, int]:
        """How many articles the index holds in each language, most first."""
        return facts_of(self.searcher().reader()).by_lang

    def latest(self) -> list[dict[str, Any]]:
        """The stored fields of the articles dated latest (see ``present.facets.LATEST``)."""
        searcher = self.searcher()
        return [searcher.stored_fields(docnum) for docnum in facts_of(searcher.reader()).latest]

    def article(self, article_id: str) -> dict[str, Any] | None:
        """The stored fields of the article with this id, or None."""
        searcher = self.searcher()
        docnum = searcher.document_number(id=article_id)
        return None if docnum is None else searcher.stored_fields(docnum)

    def stored_path(self, article_id: str) -> str | None:
        """The file this article was read from, as indexed (absolute), or None for an unknown id."""
        stored = self.article(article_id)
        return None if stored is None else stored.get("path", "")

    def marked(self, article_id: str, text: str) -> tuple[Snippet, Snippet] | None:
        """The article's whole title and body with every match of ``text`` marked; None if unknown.

        The terms marked are those of the planned query (so "موسكو" marks
        "لموسكو"), excluded words left out. A query that cannot be run (say, a
        too-short wildcard) marks nothing rather than hiding the article.
        """
        searcher = self.searcher()
        docnum = searcher.document_number(id=article_id)
        if docnum is None:
            return None
        stored = searcher.stored_fields(docnum)
        with deadline():
            try:
                planned = plan(text, self._parser, searcher.reader()) if text.strip() else None
            except QueryError:
                planned = None

        def spans(fieldname: str) -> list[tuple[int, int]]:
            terms = planned.terms(fieldname) if planned else set()
            return match_spans(searcher, [docnum], fieldname, terms)[docnum]

        return marked_text(stored.get("title", ""), spans("title")), marked_text(
            stored.get("body", ""), spans("body")
        )

    def related(self, article_id: str, limit: int = 5) -> list[Hit]:
        """The articles most like ``article_id``, in its language and the other (see ``present.related``).

        Read from the story file: the other articles of its story first, then
        those alike enough. Without one, its terms are searched for, under the
        search deadline (``SearchTimeout`` past it). An article in the other
        language is marked ``cross_language``; hits have no snippet. An id the
        index does not hold has no related articles.
        """
        searcher = self.searcher()
        docnum = searcher.document_number(id=article_id)
        if docnum is None:
            return []
        alike = self._related_in_stories(searcher, article_id, limit)
        if alike is None:
            with deadline():
                alike = [(found, score) for found, score, _ in related_by_terms(searcher, docnum, limit)]
        own_lang = searcher.stored_fields(docnum).get("lang", "")
        return [
            self._hit(searcher, found, score, None, searcher.stored_fields(found).get("lang", "") != own_lang)
            for found, score in alike
        ]

    def _related_in_stories(
        self, searcher: Searcher, article_id: str, limit: int
    ) -> list[tuple[int, float]] | None:
        """(document number, likeness) of the related articles the story file names, None
        without one; articles it names that the index no longer holds are left out."""
        if not StoryState.exists(self.index_dir):
            return None
        state = StoryState(self.index_dir)
        try:
            named = related_in_stories(state, article_id, limit + RELATED_SPARE)
        finally:
            state.close()
        if named is None:
            return None
        found = ((searcher.document_number(id=other), likeness) for other, likeness in named)
        return [(docnum, likeness) for docnum, likeness in found if docnum is not None][:limit]

    def _hit(
        self,
        searcher: Searcher,
        docnum: int,
        score: float,
        spans: list[tuple[int, int]] | None,
        cross_language: bool = False,
    ) -> Hit:
        stored = searcher.stored_fields(docnum)
        excerpt = Snippet() if spans is None else make_snippet(stored.get("body", ""), spans)
        return Hit(
            id=stored["id"],
            path=stored.get("path", ""),
            title=stored.get("title", ""),
            lang=stored.get("lang", ""),
            source=stored.get("source", ""),
            url=stored.get("url", ""),
            date=iso_date(stored.get("date")),
            score=round(score, 4),
            excerpt=excerpt,
            cross_language=cross_language,
        )
