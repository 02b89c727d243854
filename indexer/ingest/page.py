"""What every format parser produces, and how it becomes an ``Article``.

Parsers only say what they found on the page; turning that into an ``Article``
(normalising text, settling the language, computing the id) happens once, here,
so a ``.txt`` page and a JSON record with the same content index the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from indexer.article import Article, Skipped, article_id
from indexer.ingest.language import resolve_language
from indexer.ingest.normalize import normalize_text

NO_TEXT = "no article text found"

MAX_ARTICLE_CHARS = 1_000_000
"""Longer than this (a hundred times a long feature) is a dump, not an article. The limit
bounds memory: Whoosh holds every word position of an article while indexing it,
some 35 bytes per character of ordinary text (three times that for a text of
two-letter words), so a million characters cost 35 to 100 MB."""


@dataclass(frozen=True)
class Page:
    """One article as a parser read it; ``lang`` is what the source declared, if anything."""

    title: str
    body: str
    source: str = ""
    url: str = ""
    date: date | None = None
    lang: str = ""


def too_long(what: str, length: int, limit: int) -> str:
    """The reason given for text over a length limit, in characters (what the limit counts)."""
    return f"{what} is {length:,} characters long, over the {limit:,} limit"


def to_article(page: Page, path: str, part: str = "", where: str = "") -> Article | Skipped:
    """The ``Article`` for ``page``, or a ``Skipped`` at ``where`` if it has no text.

    ``path`` and ``part`` make the id (see ``article_id``); ``where`` names the
    place in the file for the user (a JSONL line) and defaults to ``path``.
    A page whose body is empty after clean-up (a page of navigation links, a
    record of whitespace) is skipped: an article nobody can read is noise in
    search results. So is one longer than ``MAX_ARTICLE_CHARS``.
    """
    body = normalize_text(page.body).strip()
    if not body:
        return Skipped(where or path, NO_TEXT)
    if len(body) > MAX_ARTICLE_CHARS:
        return Skipped(where or path, too_long("article", len(body), MAX_ARTICLE_CHARS))
    title = " ".join(normalize_text(page.title).split())
    return Article(
        id=article_id(path, part),
        path=path,
        title=title,
        body=body,
        lang=resolve_language(page.lang, f"{title}\n{body}"),
        source=" ".join(normalize_text(page.source).split()),
        url=normalize_text(page.url).strip(),
        date=page.date,
    )
