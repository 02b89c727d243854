"""Read an article saved as an HTML page, with the standard library's parser only.

The page's metadata (Open Graph and ``article:`` meta tags, the canonical link,
``<html lang>``) is more reliable than anything guessed from the text, so it is
used first. The text is what a reader sees of the page minus the parts that are
never the article (scripts, menus, headers, footers, sidebars, forms, icons), with
block elements turned into paragraph breaks; it then goes through the same
clean-up rules as a plain-text page.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from indexer.ingest.dates import parse_date
from indexer.ingest.news_text import parse_page
from indexer.ingest.normalize import fold
from indexer.ingest.page import Page

DROPPED_ELEMENTS = frozenset(
    {"script", "style", "nav", "header", "footer", "aside", "form", "noscript", "svg"}
)
BLOCK_ELEMENTS = frozenset(
    {"p", "div", "li", "ul", "ol", "dl", "dt", "dd", "br", "hr", "tr", "td", "th", "table"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "figure", "figcaption"}
    | {"article", "section", "main"}
)
_TITLE_SUFFIX_SEPARATORS = (" | ", " - ", " – ", " — ")
_PARAGRAPH_BREAK = "\n\n"
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")


class MalformedHtmlError(ValueError):
    """Markup so broken that the standard library's parser gives up on it."""


def parse_html(text: str) -> Page:
    """The article in an HTML page; raises ``MalformedHtmlError`` if it cannot be parsed.

    Title: the first <h1> of the page content, else <title> without a
    " | Site name" tail, else the plain-text rules. Date: the
    ``article:published_time`` meta, else the first <time datetime>, else the
    ``date`` meta.
    """
    reader = _PageReader()
    try:
        reader.feed(text)
        reader.close()
    except AssertionError as error:
        # html.parser signals a broken "<![...]>" section this way (Python <= 3.13).
        raise MalformedHtmlError("malformed HTML markup") from error
    site = reader.meta.get("og:site_name", "")
    title = reader.h1 or _without_site_suffix(reader.title, site)
    page = parse_page(reader.body_text(), title=title)
    written_dates = (
        reader.meta.get("article:published_time", ""),
        reader.time_datetime,
        reader.meta.get("date", ""),
    )
    published = next(filter(None, map(parse_date, written_dates)), None)
    return Page(
        title=page.title,
        body=page.body,
        source=site or page.source,
        url=reader.canonical or reader.meta.get("og:url", "") or page.url,
        date=published or page.date,
        lang=reader.lang,
    )


class _PageReader(HTMLParser):
    """Collects a page's metadata and visible text in one pass."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.canonical = ""
        self.lang = ""
        self.time_datetime = ""
        self.title = ""
        self.h1 = ""
        self._open: str | None = None  # "title" or "h1" while reading its text
        self._dropped_depth = 0
        self._pre_depth = 0
        self._parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag in DROPPED_ELEMENTS:
            self._dropped_depth += 1
        elif tag == "meta":
            key = (values.get("property") or values.get("name") or "").lower()
            self.meta.setdefault(key, values.get("content", "").strip())
        elif tag == "link" and "canonical" in values.get("rel", "").lower().split():
            self.canonical = self.canonical or values.get("href", "").strip()
        elif tag == "html":
            self.lang = values.get("lang", "")
        elif tag == "time":
            self.time_datetime = self.time_datetime or values.get("datetime", "")
        elif (tag == "title" and not self.title) or (tag == "h1" and not self.h1 and not self._dropped_depth):
            self._open = tag
        elif tag == "pre":
            self._pre_depth += 1
        if tag in BLOCK_ELEMENTS:
            self._parts.append(_PARAGRAPH_BREAK)

    def handle_endtag(self, tag: str) -> None:
        if tag in DROPPED_ELEMENTS and self._dropped_depth:
            self._dropped_depth -= 1
        elif tag == self._open:
            self._open = None
        elif tag == "pre" and self._pre_depth:
            self._pre_depth -= 1
        if tag in BLOCK_ELEMENTS:
            self._parts.append(_PARAGRAPH_BREAK)

    def handle_data(self, data: str) -> None:
        if self._open == "title":
            self.title = " ".join(f"{self.title} {data}".split())
        elif self._open == "h1":
            self.h1 = " ".join(f"{self.h1} {data}".split())
        elif not self._dropped_depth:
            self._parts.append(data if self._pre_depth else _HTML_SPACE.sub(" ", data))

    def body_text(self) -> str:
        """The visible text, one paragraph per block element, blank lines between."""
        paragraphs = "".join(self._parts).split(_PARAGRAPH_BREAK)
        return _PARAGRAPH_BREAK.join(p.strip() for p in paragraphs if p.strip())


def _without_site_suffix(title: str, site: str) -> str:
    """Turn "Headline | Le Site" into "Headline" when "Le Site" is the og:site_name."""
    for separator in _TITLE_SUFFIX_SEPARATORS:
        head, found, tail = title.rpartition(separator)
        if found and site and fold(tail.strip()) == fold(site.strip()):
            return head.strip()
    return title
