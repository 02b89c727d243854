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
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from whoosh.searching import Searcher

from indexer.analysis import analyze_text
from indexer.stories import StoryState
from indexer.stories.state import Member
from search.engine import Hit, SearchEngine, iso_date

FETCHED_FOR_GROUPING = 100
"""Ranked articles read to fill one page of stories: a page of ten stories rarely needs more."""

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


def _day(member: Member) -> str | None:
    return date.fromordinal(member.day).isoformat() if member.day is not None else None


def _story(story_id: str, members: list[Member]) -> Story:
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
        story_of = self._state.stories_of(article_ids)
        stories = {sid: self.story(sid) for sid in set(story_of.values())}
        return {aid: found for aid, sid in story_of.items() if (found := stories[sid]) is not None}


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

    def describe(self) -> str:
        """The line "also in: source A, source B, and in French" for the terminal; empty when
        no other source or language carries the story."""
        sources, langs = self.also_in()
        parts = [*sources, *(f"in {LANG_NAMES.get(lang, lang)}" for lang in langs)]
        if not parts:
            return ""
        listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + ", and " + parts[-1]
        return f"also in: {listed}"


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
