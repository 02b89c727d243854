"""Read an article written in Markdown, with optional YAML-style front matter.

The text is read by ``markdown-it-py``, a CommonMark parser, and only what a
reader sees is kept: the words of paragraphs, headings, list items, quotes and
table cells, and the text of links. Everything else is syntax, not words: link
and image addresses, reference definitions ("[1]: https://..."), autolinks,
inline HTML tags, list markers and table pipes. Code is kept as written, since
it is quoted text. After that the page goes through the same rules as a
plain-text page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from markdown_it import MarkdownIt
from markdown_it.token import Token

from indexer.ingest.dates import parse_date
from indexer.ingest.html import fragment_text
from indexer.ingest.news_text import parse_page
from indexer.ingest.page import Page

_FRONT_MATTER_FENCE = "---"
_FRONT_MATTER_KEYS = frozenset({"title", "date", "url", "source", "lang"})
_SPACES = re.compile(r" {2,}")
"""Runs of spaces, which Markdown shows as one (and which a dropped autolink leaves)."""
_PARSER = MarkdownIt("commonmark").enable(["table", "strikethrough"])
_BLOCK_ENDS = frozenset({"paragraph_close", "heading_close", "tr_close", "html_block"})
"""Tokens that end a block of text: a paragraph (also one in a list item or a
quote), a heading, a table row, a block of HTML."""


def parse_markdown(text: str) -> Page:
    """The article in a Markdown file.

    The title comes from the front matter, else the first "# " heading (which
    then leaves the body), else the plain-text rules; date, url, source and lang
    come from the front matter when it has them.
    """
    meta, text = split_front_matter(text)
    title = meta.get("title", "")
    blocks = list(_blocks(_PARSER.parse(text)))
    heading = next((index for index, (level, _) in enumerate(blocks) if level == 1), None)
    if heading is not None and not title:
        title = blocks.pop(heading)[1]
    page = parse_page("\n\n".join(block for _, block in blocks), title=title)
    return Page(
        title=page.title,
        body=page.body,
        source=meta.get("source") or page.source,
        url=meta.get("url") or page.url,
        date=parse_date(meta.get("date", "")) or page.date,
        lang=meta.get("lang", ""),
    )


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """The ``key: value`` pairs of a leading "---" block, and the text after it.

    Static-site generators keep an article's metadata there. Only the keys we
    use are read; without a closing "---" there is no front matter and the text
    is returned whole.
    """
    lines = text.split("\n")
    if not lines or lines[0].strip() != _FRONT_MATTER_FENCE:
        return {}, text
    end = next(
        (index for index, line in enumerate(lines[1:], start=1) if line.strip() == _FRONT_MATTER_FENCE),
        None,
    )
    if end is None:
        return {}, text
    meta = {}
    for line in lines[1:end]:
        key, colon, value = line.partition(":")
        key = key.strip().lower()
        if colon and key in _FRONT_MATTER_KEYS:
            meta[key] = value.strip().strip("\"'")
    return meta, "\n".join(lines[end + 1 :])


def _blocks(tokens: list[Token]) -> Iterator[tuple[int, str]]:
    """The text blocks of a parsed document, each with its heading level (0 for not a heading).

    A table row comes out as one block, its cells separated by spaces.
    """
    level = 0
    cells: list[str] = []
    for token in tokens:
        if token.type == "heading_open":
            level = int(token.tag[1])
        elif token.type == "inline":
            cells.append(_inline_text(token.children or []))
        elif token.type in ("fence", "code_block"):
            yield 0, token.content.strip("\n")
        elif token.type == "html_block":
            cells.append(fragment_text(token.content))
        if token.type in _BLOCK_ENDS:
            text = " ".join(cell for cell in cells if cell.strip()).strip()
            if text:
                yield level, text
            level, cells = 0, []


def _inline_text(children: list[Token]) -> str:
    """The words of one paragraph's inline tokens: text, code and link texts, no markup or URLs."""
    parts: list[str] = []
    in_autolink = False
    for child in children:
        if child.type == "link_open":
            in_autolink = child.markup == "autolink"
        elif child.type == "link_close":
            in_autolink = False
        elif child.type in ("text", "code_inline") and not in_autolink:
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
    return _SPACES.sub(" ", "".join(parts)).strip()
