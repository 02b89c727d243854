"""What the CLI prints for results and articles: rows for the formats, lines for people.

Rows carry no file path of the machine that indexed (the path an article was
read from says nothing to whoever reads the output, and may say too much):
``file`` is the path relative to the current folder when the file is under it,
else its name.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bahith.terminal import Screen
from search.engine import Hit, SearchResults
from search.present.browse import Article
from search.present.stories import HitGroup, StoryPage, story_json
from search.present.suggest import Suggestion

HIT_FIELDS = ("id", "title", "lang", "source", "date", "url", "score", "cross_language", "snippet", "story")
HIT_TABLE_FIELDS = ("id", "date", "lang", "source", "title")
ARTICLE_FIELDS = ("id", "date", "lang", "source", "title", "url", "file")
ARTICLE_TABLE_FIELDS = ("id", "date", "lang", "source", "title")

HTML_FORMATS = ("json", "nl")
"""Formats whose snippets are HTML with ``<mark>`` tags, as the JSON API gives them; the others
show the snippet's plain text, and people's lines colour its match spans."""


def count(number: int, noun: str, plural: str | None = None) -> str:
    """``1 article``, ``2 articles``, ``0 articles``: English plurals of the nouns shown
    (``plural`` for a noun that does not just take an s: story, stories)."""
    return f"{number} {noun}" if number == 1 else f"{number} {plural or noun + 's'}"


@dataclass
class Shown:
    """What one ``bahith search`` prints: the engine's results, and the results listed, one per
    story (with ``story_page``) or one per article; counts how many were written as they go."""

    results: SearchResults
    pages: int
    groups: Iterable[HitGroup]
    story_page: StoryPage | None = None
    written: int = 0

    @property
    def grouped(self) -> bool:
        """Whether each result is a story."""
        return self.story_page is not None

    def __iter__(self) -> Iterator[HitGroup]:
        for group in self.groups:
            self.written += 1
            yield group


def _stories(shown: Shown) -> str:
    """`` in 2 stories`` when the results are stories and all were counted, else nothing."""
    page = shown.story_page
    if page is None:
        return ""
    return f" in {count(page.stories_read, 'story', 'stories')}" if page.complete else ""


def pages(total: int, limit: int) -> int:
    """How many pages of ``limit`` hits ``total`` hits make (one, for none)."""
    return max(1, math.ceil(total / limit))


def shown_file(path: str) -> str:
    """``path`` relative to the current folder when under it, else only its name."""
    if not path:
        return ""
    try:
        return os.path.relpath(path) if Path(path).is_relative_to(Path.cwd()) else Path(path).name
    except ValueError:
        return Path(path).name


def hit_row(group: HitGroup, kind: str) -> dict[str, Any]:
    """The hit shown for ``group`` as a row of ``HIT_FIELDS``: ``story`` is the story object in
    JSON, its id (empty for an article of its own) in the other formats."""
    hit = group.hit
    row: dict[str, Any] = {name: getattr(hit, name) for name in HIT_FIELDS if name != "story"}
    row["story"] = story_json(hit, group.story)
    if kind not in HTML_FORMATS:
        row["snippet"] = hit.excerpt.text
        row["story"] = row["story"]["id"]
    return row


def article_row(article: Article) -> dict[str, Any]:
    """One article as a row of ``ARTICLE_FIELDS``."""
    row = {name: getattr(article, name) for name in ARTICLE_FIELDS if name != "file"}
    row["file"] = shown_file(article.path)
    return row


def summary_line(shown: Shown, page: int, limit: int) -> str:
    """``5 articles in 1 story, 1-1 (page 1 of 1), 12.3 ms``; ``5 articles, 1-5 (…)`` by article."""
    first = (page - 1) * limit + 1
    listed = len(list(shown.groups))
    where = f", {first}-{first + listed - 1} (page {page} of {shown.pages})"
    took = shown.story_page.took_ms if shown.story_page else shown.results.took_ms
    return f"{count(shown.results.total, 'article')}{_stories(shown)}{where if listed else ''}, {took} ms"


def past_the_end(shown: Shown, page: int, limit: int) -> str:
    """What a page after the last says: how many pages there are, and the last one."""
    unit = count(limit, "story", "stories") if shown.grouped else str(limit)
    return (
        f"page {page} is past the end: {count(shown.results.total, 'article')}{_stories(shown)} "
        f"at {unit} a page make {count(shown.pages, 'page')}; the last is --page {shown.pages}"
    )


def group_lines(screen: Screen, rank: int, group: HitGroup, grouped: bool) -> list[str]:
    """A result as a person reads it; a story adds who else carries it and how to see them all."""
    lines = hit_lines(screen, rank, group.hit)
    story = group.story
    if not grouped or story is None or story.size < 2:
        return lines
    also = group.describe()
    if also:
        lines += screen.text(also, indent="   ")
    lines += screen.text(f"one story of {count(story.size, 'article')}: --expand lists them", indent="   ")
    return lines


def hit_lines(screen: Screen, rank: int, hit: Hit) -> list[str]:
    """A hit as a person reads it: rank and title, what it is, its snippet wrapped."""
    rtl = hit.lang == "ar"
    across = "matched across languages" if hit.cross_language else ""
    meta = " · ".join(
        part for part in (hit.lang, hit.source, hit.date or "", f"score {hit.score}", across) if part
    )
    lines = [screen.style(line, bold=True) for line in screen.text(f"{rank}. {hit.title}", rtl=rtl)]
    lines += screen.text(meta, indent="   ")
    if hit.url:
        lines.append(f"   {hit.url}")
    if hit.excerpt:
        lines += screen.paragraph(hit.excerpt.runs(), indent="   ", rtl=rtl)
    return lines


def suggestion_line(screen: Screen, suggestion: Suggestion) -> str:
    """``did you mean: Soleimani Moscou (Soleimeni → Soleimani)``, the corrected words marked.

    The marks are colour only: a character around a word would become part of
    the query when the line is copied.
    """
    on, off = screen.style("\0", bold=True, underline=True).split("\0")
    fixes = ", ".join(f"{fix.typed} → {fix.word}" for fix in suggestion.corrected)
    return f"did you mean: {suggestion.marked(on, off)}  ({fixes})"


def article_lines(screen: Screen, article: Article) -> list[str]:
    """``bahith show``: the metadata, one field a line, then the text wrapped."""
    rtl = article.lang == "ar"
    fields = [
        ("id", article.id),
        ("date", article.date or "undated"),
        ("lang", article.lang),
        ("source", article.source),
        ("url", article.url),
        ("file", shown_file(article.path)),
    ]
    lines = [screen.style(line, bold=True) for line in screen.text(article.title, rtl=rtl)]
    lines += [f"{name:<7}{value}" for name, value in fields if value]
    for paragraph in article.body.split("\n"):
        if paragraph.strip():
            lines += ["", *screen.text(paragraph, rtl=rtl)]
    return lines
