"""Run a search: plan the query, rank all-words matches first, page, build snippets.

A news search must not answer "nothing" because one word is missing, yet an
article with every word belongs above one with some. So a multi-word search runs
the all-words query first and fills the rest of the ranking with any-word
matches, excluding those already listed. Both are ranked by BM25F.
"""

from __future__ import annotations

import os
import time
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from whoosh import query as wq
from whoosh.searching import Searcher

from indexer.store import open_index
from search.counting import count_matches
from search.query import PlannedQuery, QueryError, make_parser, plan
from search.ranking import top_documents
from search.related import related_articles
from search.segments import refreshed_reader
from search.snippets import make_snippet, match_spans
from search.suggest import did_you_mean

MAX_LIMIT = 100
MAX_PAGE = 1000
"""Deeper pages are refused: ranking a million results to show ten is no use to anyone."""

LANGS = ("ar", "fr")


@dataclass(frozen=True)
class Hit:
    """One ranked article, in the shape of ``bahith search --json`` plus how it was found.

    ``cross_language`` is true for an article found only through the query's
    names or months written in the other language ("Soleimani" finding
    "سليماني"); it is not part of the JSON, whose shape is fixed.
    """

    id: str
    path: str
    title: str
    lang: str
    source: str
    url: str
    date: str | None
    score: float
    snippet: str
    cross_language: bool = False

    def to_json(self) -> dict[str, Any]:
        """The hit as ``bahith search --json`` prints it."""
        return {name: value for name, value in asdict(self).items() if name in JSON_FIELDS}


JSON_FIELDS = ("id", "path", "title", "lang", "source", "url", "date", "score", "snippet")


@dataclass
class SearchResults:
    """A page of results plus what the page needs to be shown."""

    query: str
    total: int
    took_ms: float
    page: int
    hits: list[Hit] = field(default_factory=list)
    suggestion: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The documented JSON shape: query, total, took_ms, page, hits."""
        return {
            "query": self.query,
            "total": self.total,
            "took_ms": self.took_ms,
            "page": self.page,
            "hits": [hit.to_json() for hit in self.hits],
        }


def iso_date(value: datetime | None) -> str | None:
    """A stored date as the ISO day shown to users, or None when the article has none."""
    return value.date().isoformat() if value else None


def _filtered(query: wq.Query, lang: str | None, source: str | None) -> wq.Query:
    """``query`` restricted to one language and/or one source."""
    filters = [wq.Term(name, value) for name, value in (("lang", lang), ("source", source)) if value]
    return wq.And([query, *filters]) if filters else query


def _top(searcher: Searcher, query: wq.Query, limit: int, shown: set[int]) -> list[tuple[int, float]]:
    """The ``limit`` best (docnum, score) pairs of ``query``, leaving out ``shown``.

    Words-only queries are ranked from whole posting blocks (see ``ranking``);
    Whoosh ranks the rest.
    """
    found = top_documents(searcher, query, limit, shown)
    if found is None:
        hits = searcher.search(query, limit=limit, mask=shown or None, optimize=False)
        found = [(hit.docnum, hit.score) for hit in hits]
    return found


def _check_paging(limit: int, page: int, lang: str | None) -> None:
    if not 1 <= limit <= MAX_LIMIT:
        raise QueryError(f"limit must be between 1 and {MAX_LIMIT}, not {limit}")
    if not 1 <= page <= MAX_PAGE:
        raise QueryError(f"page must be between 1 and {MAX_PAGE}, not {page}")
    if lang is not None and lang not in LANGS:
        raise QueryError(f"lang must be one of {', '.join(LANGS)}, not {lang!r}")


def _folder_identity(index_dir: Path) -> tuple[int, int]:
    info = os.stat(index_dir)
    return (info.st_dev, info.st_ino)


class SearchEngine:
    """Searches one index directory; reopen-free: each search sees the latest commit."""

    def __init__(self, index_dir: Path) -> None:
        self.index_dir = index_dir
        self._open()

    def _open(self) -> None:
        self._index = open_index(self.index_dir)
        self._identity = _folder_identity(self.index_dir)
        self._parser = make_parser(self._index.schema)
        self._searcher: Searcher = self._index.searcher()

    def searcher(self) -> Searcher:
        """A searcher on the latest committed state of the index.

        A rebuild swaps a whole new folder in under the same name; that is seen
        from the folder's identity changing, and the new index is opened.
        """
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
    ) -> SearchResults:
        """One page of ranked results for ``text``; raises ``QueryError`` for bad input.

        Unless ``exact``, a name also finds its other spellings and a name or
        month its forms in the other language; articles found only that way
        come after all others, marked ``cross_language``.
        """
        started = time.perf_counter()
        _check_paging(limit, page, lang)
        searcher = self.searcher()
        planned = plan(text, self._parser, searcher.reader(), exact=exact)
        tiers = [
            (_filtered(query, lang, source), crossed)
            for step, crossed in ((planned, False), (planned.across, True))
            if step is not None
            for query in (step.strict, step.loose)
            if query is not None
        ]
        wanted = page * limit
        ranked = [(docnum, score, False) for docnum, score in _top(searcher, tiers[0][0], wanted, set())]
        total = count_matches(searcher, _filtered(planned.widest(), lang, source))
        for query, crossed in tiers[1:]:
            if len(ranked) >= min(wanted, total):
                break
            # A tier runs only when the earlier ones gave fewer hits than asked for, so all
            # their articles are ranked already: masking those leaves what this tier adds.
            shown = {docnum for docnum, _, _ in ranked}
            rest = _top(searcher, query, wanted - len(ranked), shown)
            ranked.extend((docnum, score, crossed) for docnum, score in rest)
        window = ranked[(page - 1) * limit : wanted]
        spans = (
            match_spans(searcher, [docnum for docnum, _, _ in window], "body", planned.terms("body"))
            if snippets
            else {}
        )
        hits = [
            self._hit(searcher, docnum, score, spans.get(docnum) if snippets else None, crossed)
            for docnum, score, crossed in window
        ]
        suggestion = did_you_mean(searcher, text.split()) if total <= 1 else None
        took = round((time.perf_counter() - started) * 1000, 2)
        return SearchResults(
            query=text, total=total, took_ms=took, page=page, hits=hits, suggestion=suggestion
        )

    def related(self, article_id: str, limit: int = 5) -> list[Hit]:
        """The articles most like ``article_id``, in its language and the other (see ``related``).

        An article in the other language is marked ``cross_language``; hits have
        no snippet. An id the index does not hold has no related articles.
        """
        searcher = self.searcher()
        docnum = searcher.document_number(id=article_id)
        if docnum is None:
            return []
        return [
            self._hit(searcher, found, score, None, crossed)
            for found, score, crossed in related_articles(searcher, docnum, limit)
        ]

    def _hit(
        self,
        searcher: Searcher,
        docnum: int,
        score: float,
        spans: list[tuple[int, int]] | None,
        cross_language: bool = False,
    ) -> Hit:
        stored = searcher.stored_fields(docnum)
        snippet = "" if spans is None else make_snippet(stored.get("body", ""), spans)
        return Hit(
            id=stored["id"],
            path=stored.get("path", ""),
            title=stored.get("title", ""),
            lang=stored.get("lang", ""),
            source=stored.get("source", ""),
            url=stored.get("url", ""),
            date=iso_date(stored.get("date")),
            score=round(score, 4),
            snippet=snippet,
            cross_language=cross_language,
        )
