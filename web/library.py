"""The web app's one open index, and what each page reads from it.

The index is opened once per app: a ``SearchEngine`` lives as long as the app,
and each request goes through a ``SearchEngine`` method, which moves to the
latest commit, so pages see newly indexed articles without a restart. Whoosh
readers keep file positions and are not safe to share between threads, while
waitress serves requests from several threads; so each thread has its own
engine, and no request waits for another's search to end. Each engine holds
its own copy of the segment files in memory (reading them from the files
instead made the first search after a start or a merge take seconds), so
memory grows with ``web.server.THREADS``; what is derived from one segment
(vocabulary, postings, lengths: see ``search.execute.segments``) or from one index
generation (``Facts``, keyed by its segments) is shared by the threads.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections import Counter
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from flask import current_app
from markupsafe import Markup

from search.engine import Hit, SearchEngine, SearchResults, iso_date
from search.errors import QueryError, SearchTimeout
from search.present.browse import archive_root, shown_path
from search.present.stories import HitGroup, StoryIndex, search_stories, with_stories
from web.highlight import highlight_paragraphs, highlight_title
from web.timeline import Timeline, build_timeline

EXTENSION = "bahith"
PAGE_SIZE = 10
RELATED = 5
WARM_UP = "Bahith"
"""The search run when the app starts: a capitalised Latin word, looked up in both scripts."""
MAX_SOURCES = 12
"""The source filter lists the sources with the most matches, and the chosen one."""


@dataclass(frozen=True)
class Summary:
    """An article as listed among latest or related articles."""

    id: str
    title: str
    lang: str
    source: str
    date: str | None
    cross_language: bool = False

    @classmethod
    def from_fields(cls, fields: dict[str, Any]) -> Summary:
        """From the stored fields of one document."""
        return cls(
            id=fields["id"],
            title=fields.get("title", ""),
            lang=fields.get("lang", ""),
            source=fields.get("source", ""),
            date=iso_date(fields.get("date")),
        )

    @classmethod
    def from_hit(cls, hit: Hit) -> Summary:
        """From a search hit (a related article)."""
        return cls(hit.id, hit.title, hit.lang, hit.source, hit.date, hit.cross_language)


def hit_json(hit: Hit) -> dict[str, Any]:
    """A hit as the API gives it: ``bahith search --json``'s, without the server's file path."""
    return {name: value for name, value in hit.to_json().items() if name != "path"}


@dataclass(frozen=True)
class Article:
    """The stored fields of one article, as ``/api/articles/<id>`` returns them.

    ``path`` is the file it was read from, relative to the folder holding every
    indexed file (see ``search.present.browse.archive_root``): never where the server
    keeps it.
    """

    id: str
    path: str
    title: str
    body: str
    lang: str
    source: str
    url: str
    date: str | None
    added: str | None

    @classmethod
    def from_fields(cls, fields: dict[str, Any], root: str | None) -> Article:
        """From the stored fields of one document; dates become ISO strings, the path relative
        to ``root``."""
        added = fields.get("added")
        return cls(
            id=fields["id"],
            path=shown_path(fields.get("path", ""), root),
            title=fields.get("title", ""),
            body=fields.get("body", ""),
            lang=fields.get("lang", ""),
            source=fields.get("source", ""),
            url=fields.get("url", ""),
            date=iso_date(fields.get("date")),
            added=datetime.fromtimestamp(added, UTC).isoformat(timespec="seconds") if added else None,
        )

    def to_json(self) -> dict[str, Any]:
        """The documented JSON shape of an article."""
        return asdict(self)


@dataclass(frozen=True)
class ArticlePage:
    """An article with the query's matches marked, and articles like it."""

    article: Article
    title: Markup
    paragraphs: list[Markup]
    related: list[Summary]


@dataclass(frozen=True)
class Facet:
    """One value of a filter and how many matching articles have it."""

    value: str
    count: int


@dataclass(frozen=True)
class SearchView:
    """One page of results with the filters, counts and timeline of all matches."""

    results: SearchResults
    langs: list[Facet]
    sources: list[Facet]
    timeline: Timeline | None
    took_ms: float
    groups: list[HitGroup]
    """The results listed: one per story when ``grouped``, else one per article."""
    page: int
    last_page: int
    """The last page that has results (at least 1), never beyond what the engine serves."""
    grouped: bool = True
    page_size: int = PAGE_SIZE

    @property
    def first_rank(self) -> int:
        """Rank of the first result shown."""
        return (self.page - 1) * self.page_size + 1


@dataclass(frozen=True)
class Overview:
    """What the search page shows before anything is searched."""

    articles: int
    by_lang: dict[str, int]
    latest: list[Summary]


def _facets(counts: Counter[str], chosen: str | None, limit: int | None = None) -> list[Facet]:
    top = [value for value, _ in counts.most_common() if value][:limit]
    if chosen and chosen not in top:
        top.append(chosen)
    return [Facet(value, counts[value]) for value in top]


class Library:
    """The index an app serves, shared by all its requests."""

    def __init__(self, index_dir: Path) -> None:
        """Open the index now, so that a missing one is reported at start-up, and search it
        once: the vocabulary read on a first search, shared by every thread after, is then
        read once before the first request rather than by every thread at once."""
        self.index_dir = index_dir
        self._engines = threading.local()
        self._engines.engine = SearchEngine(index_dir)
        with contextlib.suppress(QueryError):
            self._engine.search(WARM_UP, snippets=False)

    @property
    def _engine(self) -> SearchEngine:
        """This thread's engine, opened on its first request."""
        engine = getattr(self._engines, "engine", None)
        if engine is None:
            engine = self._engines.engine = SearchEngine(self.index_dir)
        return engine

    def count(self) -> int:
        """How many articles the index holds."""
        return self._engine.count()

    def search_json(
        self, text: str, *, page: int, limit: int, group: bool = True, **options: Any
    ) -> dict[str, Any]:
        """The API's answer: ``bahith search --json``'s, one hit per story unless ``group`` is
        false; ``options`` are the engine's (lang, source, exact, sort). Raises ``QueryError``."""
        with StoryIndex(self.index_dir) as stories:
            if group:
                return search_stories(self._engine, stories, text, page=page, limit=limit, **options).to_json(
                    hit_json
                )
            results = self._engine.search(text, limit=limit, page=page, **options)
            document = results.to_json()
            document.update(
                hits=[group.to_json(hit_json) for group in with_stories(stories, results.hits)], group=False
            )
            return document

    def search(
        self,
        text: str,
        *,
        page: int,
        lang: str | None,
        source: str | None,
        exact: bool = False,
        sort: str = "relevance",
        group: bool = True,
    ) -> SearchView:
        """A page of results (one per story unless ``group`` is false) with the engine's counts
        of articles by language, source and date; raises ``QueryError``."""
        started = time.perf_counter()
        options: dict[str, Any] = {"lang": lang, "source": source, "exact": exact, "sort": sort}
        with StoryIndex(self.index_dir) as stories:
            if group:
                found = search_stories(self._engine, stories, text, page=page, limit=PAGE_SIZE, **options)
                results, groups, last_page = found.results, found.groups, found.pages
            else:
                results = self._engine.search(text, limit=PAGE_SIZE, page=page, **options)
                groups, last_page = with_stories(stories, results.hits), results.pages
        facets = results.facets
        return SearchView(
            results=results,
            langs=_facets(facets.langs, lang),
            sources=_facets(facets.sources, source, MAX_SOURCES),
            timeline=build_timeline(facets.dates.elements()),
            took_ms=round((time.perf_counter() - started) * 1000, 1),
            groups=groups,
            page=page,
            last_page=last_page,
            grouped=group,
        )

    def article(self, article_id: str) -> Article | None:
        """The stored article with this id, or None."""
        stored = self._engine.article(article_id)
        return None if stored is None else Article.from_fields(stored, archive_root(self._engine))

    def stored_path(self, article_id: str) -> str | None:
        """Where the server keeps the file of this article, for the server's own use (deleting
        an upload): never shown, as ``Article.path`` is."""
        return self._engine.stored_path(article_id)

    def article_page(self, article_id: str, text: str) -> ArticlePage | None:
        """The article with every match of ``text`` marked and related articles; None if unknown.

        A query that cannot be run (say, a too-short wildcard) marks nothing
        rather than hiding the article; related articles not found within the
        search deadline are left out.
        """
        article = self.article(article_id)
        found = self._engine.marked(article_id, text) if article else None
        if article is None or found is None:
            return None
        title, body = found
        try:
            related = [Summary.from_hit(hit) for hit in self._engine.related(article_id, RELATED)]
        except SearchTimeout:
            related = []
        return ArticlePage(
            article=article,
            title=highlight_title(title),
            paragraphs=highlight_paragraphs(body),
            related=related,
        )

    def overview(self) -> Overview:
        """Article counts by language and the latest articles."""
        latest = [Summary.from_fields(fields) for fields in self._engine.latest()]
        return Overview(articles=self._engine.count(), by_lang=self._engine.count_by_lang(), latest=latest)


def current_library() -> Library:
    """The library of the app handling the current request."""
    return current_app.extensions[EXTENSION]
