"""Stories at search time: which story each hit belongs to, results one per story, feeds.

The grouping itself is decided when articles are indexed (``indexer.stories``);
this module only reads it. A page of results shows each story once, through
its best-ranked article, with the other sources and languages that carry it;
totals and facets stay counts of articles. Feeds and ``bahith follow`` want the
newest matching articles rather than the best, so they are listed by when they
were indexed.

An index with no story file (made before stories existed and not written to
since) shows every article as a story of its own.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from whoosh.searching import Searcher

from indexer.analysis import analyze_text
from indexer.stories import StoryState
from indexer.stories.state import Listed, Member
from search.engine import MAX_LIMIT, MAX_PAGE, Hit, SearchEngine, SearchResults, iso_date
from search.errors import QueryError
from search.execute.budget import deadline
from search.execute.postings import match_spans
from search.present.snippets import make_snippet

MAX_READ_FOR_GROUPING = 1000
"""Ranked articles read at most to fill one page of stories (in pages of ``MAX_LIMIT``): a page
of ten stories rarely needs more than the first hundred."""

LANG_NAMES = {"ar": "Arabic", "fr": "French"}

_SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+|\n+")


@dataclass(frozen=True)
class StoryMember:
    """One article of a story, as a story lists it."""

    id: str
    title: str
    source: str
    lang: str
    date: str | None
    copy_of: str | None
    order: int


@dataclass(frozen=True)
class Story:
    """The articles of one story, earliest first (undated ones after, in the order indexed)."""

    id: str
    members: tuple[StoryMember, ...]

    @property
    def size(self) -> int:
        """How many articles tell the story, copies included."""
        return len(self.members)

    def sources(self) -> list[str]:
        """The sources carrying the story, each once, in the order they first did."""
        return list(dict.fromkeys(m.source for m in self.members if m.source))

    def langs(self) -> list[str]:
        """The languages the story is told in."""
        return sorted({m.lang for m in self.members if m.lang})

    def to_json(self, article_id: str) -> dict[str, Any]:
        """The ``story`` object added to a hit of ``article_id`` in the JSON."""
        member = next((m for m in self.members if m.id == article_id), None)
        return {
            "id": self.id,
            "size": self.size,
            "sources": self.sources(),
            "langs": self.langs(),
            "copy_of": member.copy_of if member else None,
        }


def _day(member: Member | Listed) -> str | None:
    return date.fromordinal(member.day).isoformat() if member.day is not None else None


def _story(story_id: str, members: Sequence[Member | Listed]) -> Story:
    ordered = sorted(members, key=lambda m: (m.day is None, m.day or 0, m.seq))
    return Story(
        story_id,
        tuple(StoryMember(m.id, m.title, m.source, m.lang, _day(m), m.copy_of, m.seq) for m in ordered),
    )


class StoryIndex:
    """The story file of one index, read-only; empty when there is none."""

    def __init__(self, index_dir: Path) -> None:
        self._state = StoryState(index_dir) if StoryState.exists(index_dir) else None

    def close(self) -> None:
        """Release the file."""
        if self._state is not None:
            self._state.close()

    def __enter__(self) -> StoryIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def story(self, story_id: str) -> Story | None:
        """The story with this id, or None."""
        if self._state is None:
            return None
        members = self._state.in_story(story_id)
        return _story(story_id, members) if members else None

    def stories_of(self, article_ids: list[str]) -> dict[str, Story]:
        """article id -> its story, for the articles the story file knows."""
        if self._state is None:
            return {}
        story_of = self._state.story_ids(article_ids)
        members: dict[str, list[Listed]] = {}
        for member in self._state.listed(story_of.values()):
            members.setdefault(member.story, []).append(member)
        stories = {sid: _story(sid, listed) for sid, listed in members.items()}
        return {aid: stories[sid] for aid, sid in story_of.items() if sid in stories}


@dataclass
class HitGroup:
    """The hits of one story on a page: the best-ranked first."""

    hit: Hit
    story: Story | None
    hits: list[Hit] = field(default_factory=list)

    def also_in(self) -> tuple[list[str], list[str]]:
        """(other sources, other languages) carrying the story besides the hit shown."""
        if self.story is None:
            return [], []
        sources = [s for s in self.story.sources() if s != self.hit.source]
        langs = [lang for lang in self.story.langs() if lang != self.hit.lang]
        return sources, langs

    def to_json(self, hit_json: Callable[[Hit], dict[str, Any]] = Hit.to_json) -> dict[str, Any]:
        """The hit shown, in the JSON, with its ``story`` object."""
        return {**hit_json(self.hit), "story": story_json(self.hit, self.story)}

    def describe(self) -> str:
        """The line "also in: source A, source B, and in French" for the terminal; empty when
        no other source or language carries the story."""
        sources, langs = self.also_in()
        parts = [*sources, *(f"in {LANG_NAMES.get(lang, lang)}" for lang in langs)]
        if not parts:
            return ""
        listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + ", and " + parts[-1]
        return f"also in: {listed}"


def story_json(hit: Hit, story: Story | None) -> dict[str, Any]:
    """The ``story`` object of a hit in the JSON; an article no story file knows is a story of
    its own, with no id (it has no story page)."""
    if story is None:
        return {
            "id": None,
            "size": 1,
            "sources": [hit.source] if hit.source else [],
            "langs": [hit.lang] if hit.lang else [],
            "copy_of": None,
        }
    return story.to_json(hit.id)


def group_hits(hits: list[Hit], stories: dict[str, Story]) -> list[HitGroup]:
    """One group per story, in the rank of its best hit; an article with no story is its own."""
    groups: dict[str, HitGroup] = {}
    for hit in hits:
        story = stories.get(hit.id)
        key = story.id if story else f"article:{hit.id}"
        if key not in groups:
            groups[key] = HitGroup(hit, story)
        groups[key].hits.append(hit)
    return list(groups.values())


def page_of_groups(groups: list[HitGroup], page: int, limit: int) -> list[HitGroup]:
    """The groups of one page of ``limit`` stories."""
    return groups[(page - 1) * limit : page * limit]


@dataclass
class StoryPage:
    """One page of results, one entry per story, with the engine's counts of articles.

    ``results`` is the engine's answer for the first ranked articles read: its
    total, facets and suggestion count articles, as they must. ``complete`` says
    whether every match was read, so that the number of stories, and of pages,
    is exact; otherwise pages are counted as if each article were a story of its
    own, which is what there can be at most.
    """

    results: SearchResults
    groups: list[HitGroup]
    page: int
    limit: int
    stories_read: int
    complete: bool
    took_ms: float

    @property
    def pages(self) -> int:
        """How many pages of stories there are (at least 1), at most."""
        counted = self.stories_read if self.complete else self.results.total
        return min(MAX_PAGE, max(1, -(-counted // self.limit)))

    def to_json(self, hit_json: Callable[[Hit], dict[str, Any]] = Hit.to_json) -> dict[str, Any]:
        """``SearchResults.to_json()`` with a hit per story, each with its ``story`` object, and
        ``stories``: how many stories the matches make (null when not all were read)."""
        document = self.results.to_json()
        document.update(
            took_ms=self.took_ms,
            page=self.page,
            limit=self.limit,
            pages=self.pages,
            hits=[group.to_json(hit_json) for group in self.groups],
            group=True,
            stories=self.stories_read if self.complete else None,
        )
        return document


def check_paging(limit: int, page: int) -> None:
    """A page of ``limit`` stories the engine can fill; raises ``QueryError`` as the engine does."""
    if not 1 <= limit <= MAX_LIMIT:
        raise QueryError(f"limit must be between 1 and {MAX_LIMIT}, not {limit}")
    if not 1 <= page <= MAX_PAGE:
        raise QueryError(f"page must be between 1 and {MAX_PAGE}, not {page}")


def search_stories(
    engine: SearchEngine, stories: StoryIndex, text: str, *, page: int = 1, limit: int = 10, **options: Any
) -> StoryPage:
    """Page ``page`` of ``limit`` stories matching ``text``, each shown by its best-ranked article.

    The ranked articles are read a hundred at a time, on one state of the index
    and within one search deadline, until one story more than the page needs is
    found (so a next page is known to exist) or every match is read. ``options``
    are the engine's (``lang``, ``source``, ``exact``, ``sort``); raises
    ``QueryError`` as the engine does.
    """
    started = time.perf_counter()
    check_paging(limit, page)
    with deadline():
        searcher = engine.searcher()
        first = engine.search(text, limit=MAX_LIMIT, page=1, snippets=False, searcher=searcher, **options)
        results, hits, known = first, list[Hit](), dict[str, Story]()
        for chunk in range(2, MAX_READ_FOR_GROUPING // MAX_LIMIT + 2):
            known.update(stories.stories_of([hit.id for hit in results.hits if hit.id not in known]))
            hits += results.hits
            groups = group_hits(hits, known)
            if len(hits) >= first.total or len(groups) > page * limit or not results.hits:
                break
            if chunk <= MAX_READ_FOR_GROUPING // MAX_LIMIT:
                results = engine.search(
                    text, limit=MAX_LIMIT, page=chunk, snippets=False, searcher=searcher, **options
                )
        shown = page_of_groups(groups, page, limit)
        _add_snippets(searcher, first.planned.terms("body"), shown)
    return StoryPage(
        results=first,
        groups=shown,
        page=page,
        limit=limit,
        stories_read=len(groups),
        complete=len(hits) >= first.total,
        took_ms=round((time.perf_counter() - started) * 1000, 2),
    )


def _add_snippets(searcher: Searcher, terms: set[str], groups: list[HitGroup]) -> None:
    """Give the hit shown of each group the snippet the engine would have made: the hits are
    read without, so that only the page's are made rather than a hundred."""
    docnums = [searcher.document_number(id=group.hit.id) for group in groups]
    spans = match_spans(searcher, [d for d in docnums if d is not None], "body", terms)
    for group, docnum in zip(groups, docnums, strict=True):
        if docnum is not None:
            body = searcher.stored_fields(docnum).get("body", "")
            group.hit = replace(group.hit, excerpt=make_snippet(body, spans[docnum]))


def with_stories(stories: StoryIndex, hits: list[Hit]) -> list[HitGroup]:
    """Each hit on its own, with the story it belongs to: results listed article by article."""
    known = stories.stories_of([hit.id for hit in hits])
    return [HitGroup(hit, known.get(hit.id), [hit]) for hit in hits]


@dataclass(frozen=True)
class FeedEntry:
    """A matching article as a feed or ``bahith follow`` lists it."""

    id: str
    title: str
    url: str
    source: str
    lang: str
    date: str | None
    added: int
    summary: str

    @property
    def added_at(self) -> datetime:
        """When the article was indexed."""
        return datetime.fromtimestamp(self.added, UTC)


SUMMARY_CHARS = 400


def _entry(searcher: Searcher, docnum: int) -> FeedEntry:
    stored = searcher.stored_fields(docnum)
    body = " ".join(stored.get("body", "").split())
    summary = body if len(body) <= SUMMARY_CHARS else body[:SUMMARY_CHARS].rsplit(" ", 1)[0] + " …"
    return FeedEntry(
        id=stored["id"],
        title=stored.get("title", ""),
        url=stored.get("url", ""),
        source=stored.get("source", ""),
        lang=stored.get("lang", ""),
        date=iso_date(stored.get("date")),
        added=int(stored.get("added") or 0),
        summary=summary,
    )


def newest_matches(
    engine: SearchEngine,
    text: str,
    *,
    limit: int,
    lang: str | None = None,
    exact: bool = False,
    since: int | None = None,
    seen: frozenset[str] = frozenset(),
) -> list[FeedEntry]:
    """The ``limit`` matching articles indexed last, newest first; raises ``QueryError``.

    Every query feature works, since the query is the engine's. With ``since``
    (a time the index records, in seconds), only articles indexed at or after it,
    leaving out the ``seen`` ids: ``bahith follow`` passes what its last call saw.
    """
    searcher = engine.searcher()
    results = engine.search(text, limit=1, lang=lang, exact=exact, snippets=False, searcher=searcher)
    added = searcher.reader().column_reader("added")
    keyed = sorted(((added[docnum], docnum) for docnum in results.matches), reverse=True)
    entries = []
    for when, docnum in keyed:
        if since is not None and when < since:
            break
        entry = _entry(searcher, docnum)
        if entry.id in seen and when == since:
            continue
        entries.append(entry)
        if len(entries) == limit:
            break
    return entries


def story_entries(engine: SearchEngine, story: Story, limit: int) -> list[FeedEntry]:
    """The ``limit`` articles of ``story`` indexed last, newest first."""
    searcher = engine.searcher()
    docnums = [d for m in story.members if (d := searcher.document_number(id=m.id)) is not None]
    entries = [_entry(searcher, docnum) for docnum in docnums]
    return sorted(entries, key=lambda e: (e.added, e.id), reverse=True)[:limit]


@dataclass(frozen=True)
class CopyChanges:
    """What a copy adds to and drops from the earliest article it copies, sentence by sentence."""

    member: StoryMember
    added: list[str]
    dropped: list[str]


@dataclass(frozen=True)
class StoryEntry:
    """An original article of a story page with the copies folded under it."""

    member: StoryMember
    copies: list[CopyChanges]


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]


def _sentence_key(sentence: str) -> tuple[str, ...]:
    """A sentence as its analysed words: a copy that changed only a clitic or a diacritic
    has not changed the sentence."""
    return tuple(t.analysis.term for t in analyze_text(sentence) if t.analysis.term)


def compare(original: str, copy: str) -> tuple[list[str], list[str]]:
    """(sentences of ``copy`` not in ``original``, sentences of ``original`` not in ``copy``)."""
    mine = {_sentence_key(s) for s in _sentences(original)}
    theirs = {_sentence_key(s) for s in _sentences(copy)}
    added = [s for s in _sentences(copy) if _sentence_key(s) not in mine]
    dropped = [s for s in _sentences(original) if _sentence_key(s) not in theirs]
    return added, dropped


def story_page(engine: SearchEngine, story: Story) -> list[StoryEntry]:
    """Every article of ``story`` in date order, copies under their original with their changes."""
    searcher = engine.searcher()

    def body(article_id: str) -> str:
        docnum = searcher.document_number(id=article_id)
        return searcher.stored_fields(docnum).get("body", "") if docnum is not None else ""

    entries: dict[str, StoryEntry] = {}
    for member in story.members:
        if member.copy_of is None or member.copy_of not in {m.id for m in story.members}:
            entries[member.id] = StoryEntry(member, [])
    for member in story.members:
        if member.id not in entries and member.copy_of in entries:
            added, dropped = compare(body(member.copy_of), body(member.id))
            entries[member.copy_of].copies.append(CopyChanges(member, added, dropped))
    return list(entries.values())
