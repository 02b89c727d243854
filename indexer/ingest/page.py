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


@dataclass(frozen=True)
class Page:
    """One article as a parser read it; ``lang`` is what the source declared, if anything."""

    title: str
    body: str
    source: str = ""
    url: str = ""
    date: date | None = None
    lang: str = ""


def to_article(page: Page, path: str, part: str = "", where: str = "") -> Article | Skipped:
    """The ``Article`` for ``page``, or a ``Skipped`` at ``where`` if it has no text.

    ``path`` and ``part`` make the id (see ``article_id``); ``where`` names the
    place in the file for the user (a JSONL line) and defaults to ``path``.
    A page whose body is empty after clean-up (a page of navigation links, a
    record of whitespace) is skipped: an article nobody can read is noise in
    search results.
    """
    body = normalize_text(page.body).strip()
    if not body:
        return Skipped(where or path, NO_TEXT)
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
