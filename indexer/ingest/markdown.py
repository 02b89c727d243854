"""Read an article written in Markdown, with optional YAML-style front matter.

Markdown syntax is stripped only lightly: enough that "**Moscou**" and
"[Reuters](https://...)" are indexed and shown as "Moscou" and "Reuters", not so
much that we need a Markdown library. Code blocks are kept as plain text.
After that the page goes through the same rules as a plain-text page.
"""

from __future__ import annotations

import re

from indexer.ingest.dates import parse_date
from indexer.ingest.news_text import parse_page
from indexer.ingest.page import Page

_FRONT_MATTER_FENCE = "---"
_FRONT_MATTER_KEYS = frozenset({"title", "date", "url", "source", "lang"})
_CODE_FENCE = re.compile(r"^\s*(```|~~~)")
_TITLE_HEADING = re.compile(r"^#\s+(?P<text>.+?)(?:\s+#+)?\s*$")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(?P<text>.*?)(?:\s+#+)?\s*$")
_RULE = re.compile(r"^\s*([-*_=])(?:\s*\1){2,}\s*$")
_QUOTE = re.compile(r"^\s*>\s?")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[(?P<text>[^\]]+)\](?:\([^)]*\)|\[[^\]]*\])")
_EMPHASIS = tuple(
    re.compile(rf"(?<!\w){re.escape(mark)}(?=\S)(?P<text>.+?)(?<=\S){re.escape(mark)}(?!\w)")
    for mark in ("**", "__", "*", "_")
)


def parse_markdown(text: str) -> Page:
    """The article in a Markdown file.

    The title comes from the front matter, else the first "# " heading, else the
    plain-text rules; date, url, source and lang come from the front matter when
    it has them.
    """
    meta, text = split_front_matter(text)
    lines = text.split("\n")
    title = meta.get("title", "")
    heading = _first_title_heading(lines)
    if heading and not title:
        index, title = heading
        del lines[index]
    page = parse_page(strip_markdown(lines), title=strip_markdown([title]))
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


def strip_markdown(lines: list[str]) -> str:
    """The text of Markdown lines without heading marks, emphasis, links or images.

    Lines inside code fences are kept exactly (minus the fences): code is quoted
    text, and stripping "*" or "_" from it would corrupt it.
    """
    out: list[str] = []
    in_code = False
    for line in lines:
        if _CODE_FENCE.match(line):
            in_code = not in_code
        elif in_code:
            out.append(line)
        elif not _RULE.match(line):
            out.append(_strip_inline(line))
    return "\n".join(out)


def _first_title_heading(lines: list[str]) -> tuple[int, str] | None:
    """Where the first "# " heading outside code blocks is, and its text."""
    in_code = False
    for index, line in enumerate(lines):
        heading = None if in_code else _TITLE_HEADING.match(line)
        if _CODE_FENCE.match(line):
            in_code = not in_code
        elif heading:
            return index, heading["text"]
    return None


def _strip_inline(line: str) -> str:
    heading = _HEADING.match(line)
    if heading:
        line = heading["text"]
    line = _QUOTE.sub("", line)
    line = _IMAGE.sub("", line)
    line = _LINK.sub(r"\g<text>", line)
    for emphasis in _EMPHASIS:
        line = emphasis.sub(r"\g<text>", line)
    return line
