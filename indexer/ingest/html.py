"""Read an article saved as an HTML page, through ``trafilatura``.

A news page is mostly not the article: menus, cookie banners, share bars,
"related articles" blocks, comments and ads surround a few paragraphs, and
sites mark them with class names, not with semantic tags. ``trafilatura`` finds
the main text the way web archives and corpus builders do (measured on
``tests/fixtures/pages`` by ``python -m bench.boilerplate``), and reads the
page's metadata: Open Graph and JSON-LD title, date, site name and canonical
URL (a page fetched from a site that names itself nowhere, as in a WARC, gets
the site's host name as its source). Its text then goes through the same clean-up rules as a
plain-text page (a "Lire aussi :" line, a repeated headline). Arabic pages
often give their date only as a visible dateline ("السبت 10 أيلول/سبتمبر
2022"), which ``trafilatura`` cannot read; Bahith's own date rules find it.
"""

from __future__ import annotations

import json
import logging
import re
from datetime import date

from lxml import etree, html

from indexer.ingest.dates import parse_date
from indexer.ingest.news_text import dateline_date, parse_page
from indexer.ingest.page import Page

_DATE_SEARCH = {"extensive_search": False, "original_date": True}
"""Only dates the page states (metadata, <time>, the URL), never the guess from a
copyright line or a stray number that the extensive search makes."""

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)  # its warnings are not the user's business
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


class MalformedHtmlError(ValueError):
    """A page with no HTML document in it at all."""


def parse_html(text: str, url: str = "") -> Page:
    """The article in an HTML page; raises ``MalformedHtmlError`` if it is not HTML at all.

    ``url`` is where the page was fetched from (a WARC record's target), used
    when the page does not name its own canonical address. An HTML page whose
    main text cannot be found gives a ``Page`` with an empty body, which
    ``to_article`` reports as having no article text.
    """
    import trafilatura  # here, not at the top: it takes 0.4 s to import, which a search never needs

    tree = _parse_tree(text)
    lang = (tree.get("lang") or "").strip()
    address = _canonical(tree) or _json_ld_address(tree)
    found = trafilatura.bare_extraction(
        tree,
        url=url or None,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params=_DATE_SEARCH,
    )
    if found is None:
        return Page(title="", body="", url=url, lang=lang)
    body = block_text(found.body, _MAIN_TEXT_BLOCKS) if found.body is not None else ""
    page = parse_page(body, title=found.title or "")
    return Page(
        title=page.title,
        body=page.body,
        source=found.sitename or page.source,
        url=address or found.url or url or page.url,
        date=parse_date(found.date or "") or page.date or _visible_dateline(text),
        lang=lang,
    )


_PARSER = html.HTMLParser(encoding="utf-8")
"""Text is given to lxml as UTF-8 bytes: it refuses a ``str`` that keeps an
``<?xml encoding=...?>`` declaration, which XHTML pages carry."""


def _parse_tree(text: str) -> html.HtmlElement:
    try:
        return html.document_fromstring(text.encode("utf-8"), parser=_PARSER)
    except (etree.ParserError, ValueError) as error:
        raise MalformedHtmlError("not an HTML page: no document in it") from error


def _canonical(tree: html.HtmlElement) -> str:
    """The ``<link rel="canonical">`` address: the site's own word on where the article lives."""
    for link in tree.iterfind(".//link[@href]"):
        if "canonical" in (link.get("rel") or "").lower().split():
            return link.get("href", "").strip()
    return ""


def _json_ld_address(tree: html.HtmlElement) -> str:
    """The article's own address from its JSON-LD ``mainEntityOfPage`` or ``url``.

    Sites that give no canonical link or ``og:url`` often state it there, the
    one place ``trafilatura`` does not look for it.
    """
    for script in tree.iterfind(".//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        for item in data if isinstance(data, list) else [data]:
            if not isinstance(item, dict):
                continue
            entity = item.get("mainEntityOfPage")
            address = entity.get("@id") if isinstance(entity, dict) else entity or item.get("url")
            if isinstance(address, str) and address.startswith(("http://", "https://")):
                return address
    return ""


def _visible_dateline(text: str) -> date | None:
    """The first piece of the page's text that is only a date ("الأربعاء 15 شباط/فبراير 2023").

    Pages without date metadata print their date as a line of its own near the
    headline; any piece of text holding more than a date and dateline words is
    not one.
    """
    for piece in _parse_tree(text).itertext():
        found = dateline_date(piece.strip())
        if found:
            return found
    return None


_HTML_BLOCKS = frozenset(
    {"p", "div", "li", "tr", "td", "th", "blockquote", "pre", "figure", "figcaption", "table"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "dt", "dd", "section", "article"}
)
_MAIN_TEXT_BLOCKS = frozenset({"head", "p", "item", "list", "quote", "cell", "row", "table", "code"})
"""The block elements of ``trafilatura``'s main-text tree (its own XML vocabulary)."""
_LINE_BREAKS = frozenset({"br", "lb"})
_PARAGRAPHS = re.compile(r"\n\s*\n")
_LINE_SPACE = re.compile(r"[ \t\r\f]+")
"""HTML white space: a no-break space is the author's, kept as written."""


def block_text(root: etree._Element, blocks: frozenset[str]) -> str:
    """The text under ``root``: one paragraph per block element, a line break per <br>.

    List items, headings and table cells become paragraphs of their own
    (without the "- " or "|" a text rendering would add, which are not words);
    runs of spaces inside a paragraph collapse to one, as a browser shows them.
    """
    for element in root.iter():
        if element.tag in blocks:
            element.text = "\n\n" + (element.text or "")
            element.tail = "\n\n" + (element.tail or "")
        elif element.tag in _LINE_BREAKS:
            element.tail = "\n" + (element.tail or "")
    paragraphs = []
    for part in _PARAGRAPHS.split("".join(root.itertext())):
        lines = (_LINE_SPACE.sub(" ", line).strip() for line in part.split("\n"))
        paragraph = "\n".join(line for line in lines if line)
        if paragraph:
            paragraphs.append(paragraph)
    return "\n\n".join(paragraphs)


def fragment_text(markup: str) -> str:
    """The text of an HTML fragment (a feed entry's summary), one paragraph per block.

    A fragment is not a page: there is no boilerplate to find, only markup and
    character references ("&amp;", "&#233;") to turn into text, so this is a
    plain walk, not ``trafilatura``.
    """
    if not markup.strip():
        return ""
    try:
        root = html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return markup
    for hidden in list(root.iter("script", "style")):
        hidden.drop_tree()
    return block_text(root, _HTML_BLOCKS)
