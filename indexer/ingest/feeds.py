"""Read RSS and Atom feeds: every entry is an article.

A feed is how news sites publish their stream, and ``feedparser`` reads every
dialect of it (RSS 0.9x to 2.0, RDF, Atom 0.3 and 1.0), as well as the broken
ones sites serve. Each entry becomes an article like a JSON Lines record does:
one bad entry is reported on its own, and each entry is keyed by its own id
(its ``<guid>`` or ``<id>``, else its link), not by its place in the feed,
because a feed is a moving window: when a new entry is put on top, the others
must keep their ids so re-indexing the feed sees them unchanged.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date
from typing import Any

from indexer.article import Article, Skipped
from indexer.ingest.dates import parse_date
from indexer.ingest.html import fragment_text
from indexer.ingest.news_text import clean_body, first_sentence
from indexer.ingest.page import Page, to_article

NOT_A_FEED = "not an RSS or Atom feed"
NO_ENTRIES = "feed has no entries"
NO_ENTRY_TEXT = "entry has no title, summary or content"


class FeedError(ValueError):
    """Bytes or text that hold no feed entries; the message says why."""


def parse_feed(data: str | bytes) -> Any:
    """The ``feedparser`` result for ``data``; raises ``FeedError`` when it holds no entries.

    A feed ``feedparser`` could only partly read (a truncated download, a stray
    "&") still gives the entries it found; only a document with none is refused,
    with what was wrong with it when it was meant as a feed.
    """
    import feedparser  # here, not at the top: a search never reads a feed

    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    problem = parsed.get("bozo_exception")
    if any(map(_has_content, parsed.entries)) or (parsed.entries and not problem):
        return parsed
    if not parsed.version:
        raise FeedError(NOT_A_FEED)
    if problem:
        raise FeedError(f"malformed feed: {_problem_text(problem)}")
    raise FeedError(NO_ENTRIES)


def read_feed(text: str, path: str) -> Iterator[Article | Skipped]:
    """The articles of a feed file (``.xml``, ``.rss``, ``.atom``), one per entry."""
    try:
        parsed = parse_feed(text)
    except FeedError as error:
        yield Skipped(path, str(error))
        return
    yield from feed_articles(parsed, path)


def feed_articles(parsed: Any, path: str) -> Iterator[Article | Skipped]:
    """The articles of an already parsed feed, each keyed by ``entry_key``."""
    channel = parsed.feed
    for number, entry in enumerate(parsed.entries, start=1):
        where = f"{path} entry {number}"
        page = entry_page(entry, source=channel.get("title", ""), lang=channel.get("language", ""))
        if page is None:
            yield Skipped(where, NO_ENTRY_TEXT)
        else:
            yield to_article(page, path, part=entry_key(entry) or f"entry {number}", where=where)


def entry_key(entry: Any) -> str:
    """What identifies an entry across fetches: its id, else its link ("" when it has neither)."""
    return str(entry.get("id") or entry.get("link") or "").strip()


def entry_page(entry: Any, source: str = "", lang: str = "") -> Page | None:
    """The ``Page`` of one feed entry, or None when it has no text at all.

    The body is the full content when the feed carries it, else the summary;
    an entry with a title only (many feeds are headline lists) is indexed by
    its title. The date is the one written in the entry, as the site wrote it.
    """
    contents = entry.get("content") or []
    markup = contents[0].get("value", "") if contents else entry.get("summary", "")
    body = clean_body(fragment_text(markup).split("\n"))
    title = fragment_text(entry.get("title", "")).strip()
    if not body and not title:
        return None
    return Page(
        title=title or first_sentence(body.split("\n", 1)[0]),
        body=body or title,
        source=source,
        url=str(entry.get("link", "")),
        date=_entry_date(entry),
        lang=str(entry.get("language") or lang),
    )


def _entry_date(entry: Any) -> date | None:
    for name in ("published", "updated", "created"):
        written = parse_date(str(entry.get(name, "")))
        if written:
            return written
        parsed = entry.get(f"{name}_parsed")
        if isinstance(parsed, time.struct_time):
            return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return None


def _has_content(entry: Any) -> bool:
    return any(entry.get(name) for name in ("title", "summary", "content", "link"))


def _problem_text(problem: object) -> str:
    """feedparser's reason in plain words ("unclosed token"), not an exception's name.

    Its line numbers are left out: they count lines feedparser adds itself.
    """
    return str(getattr(problem, "getMessage", lambda: problem)())
