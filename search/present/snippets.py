"""Snippets: the stretch of an article that shows why it matched, as text and match spans.

Match positions come from the index postings (character offsets stored at index
time), not from re-analysing the article, so building a snippet costs a few
postings lookups. The whole written word is marked: "لموسكو" for the query
"موسكو". A snippet is plain text with the (start, end) offsets of its matches,
so each caller renders it its own way: ``Snippet.html`` escapes the text before
adding ``<mark>`` tags (nothing in an article can inject markup), the command
line colours the same spans.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape
from typing import Any

SNIPPET_CHARS = 220
"""About how long one fragment is."""

MAX_FRAGMENTS = 2
ELISION = "…"
"""Stands where the article's text is left out, before, between or after fragments."""
MAX_SCANNED_CHARS = 50_000
"""Snippets are looked for in this many characters at the start of an article: past
that, a reader has long stopped, and a huge article must not make its snippet costly."""

WORD_REACH = 30
"""How far (exclusive) to look for a space to end a fragment on a whole word."""

Span = tuple[int, int]
"""(start, end) character offsets of one match."""

_WORD = re.compile(r"\S+")
_PARAGRAPH = re.compile(r"[^\n]*\S[^\n]*")


def _kept(spans: Iterable[Span]) -> list[Span]:
    """``spans`` (sorted) without those that start inside the one before: one mark each."""
    kept: list[Span] = []
    for start, end in spans:
        if not kept or start >= kept[-1][1]:
            kept.append((start, end))
    return kept


@dataclass(frozen=True)
class Snippet:
    """Text shown of an article, with where the query matched in it.

    ``marks`` are sorted, non-overlapping (start, end) offsets into ``text``;
    ``elisions`` the offsets of the ``ELISION`` characters that stand for text
    left out (an article's own "…" is not one of them).
    """

    text: str = ""
    marks: tuple[Span, ...] = ()
    elisions: tuple[int, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.text)

    def runs(self) -> list[tuple[str, bool]]:
        """The text cut into (piece, marked) runs, in order, none empty."""
        runs: list[tuple[str, bool]] = []
        cursor = 0
        for start, end in self.marks:
            runs += [(self.text[cursor:start], False), (self.text[start:end], True)]
            cursor = end
        runs.append((self.text[cursor:], False))
        return [run for run in runs if run[0]]

    def html(self) -> str:
        """The text escaped for HTML, each match wrapped in ``<mark>``."""
        return "".join(
            f"<mark>{escape(piece)}</mark>" if marked else escape(piece) for piece, marked in self.runs()
        )

    def __html__(self) -> str:
        """What a template shows: the HTML, whose only markup is the ``<mark>`` tags."""
        return self.html()

    def lines(self) -> list[Snippet]:
        """One snippet per non-blank line, each with the marks that fall inside it."""
        found: list[Snippet] = []
        for line in _PARAGRAPH.finditer(self.text):
            start, end = line.span()
            inside = tuple((s - start, e - start) for s, e in self.marks if s >= start and e <= end)
            found.append(Snippet(line.group(), inside))
        return found

    def to_json(self) -> dict[str, Any]:
        """The plain text and the marks as [start, end] pairs."""
        return {"text": self.text, "marks": [list(span) for span in self.marks]}


def marked_text(text: str, spans: Iterable[Span]) -> Snippet:
    """The whole of ``text`` with ``spans`` marked: a title, or an article's body."""
    return Snippet(text, tuple(_kept(spans)))


def _collapsed(text: str, spans: list[Span]) -> tuple[str, list[Span]]:
    """``text`` with each run of whitespace made one space and its ends trimmed, and
    ``spans`` moved with it (an end in whitespace moves back to the word before it,
    a start forward to the word after)."""
    words = [match.span() for match in _WORD.finditer(text)]
    starts = [start for start, _ in words]
    moved: list[int] = []
    length = 0
    for number, (start, end) in enumerate(words):
        length += 1 if number else 0
        moved.append(length)
        length += end - start

    def place(offset: int, is_end: bool) -> int:
        number = bisect_right(starts, offset) - 1
        if number >= 0 and offset <= words[number][1]:
            return moved[number] + offset - words[number][0]
        if is_end:
            return moved[number] + words[number][1] - words[number][0] if number >= 0 else 0
        return moved[number + 1] if number + 1 < len(words) else length

    text_out = " ".join(text[start:end] for start, end in words)
    return text_out, [(place(start, False), place(end, True)) for start, end in spans]


def _word_boundary_left(text: str, index: int) -> int:
    if index <= 0:
        return 0
    space = text.rfind(" ", max(0, index - WORD_REACH + 1), index)
    return space + 1 if space != -1 else index


def _word_boundary_right(text: str, index: int) -> int:
    if index >= len(text):
        return len(text)
    space = text.find(" ", index, index + WORD_REACH)
    return space if space != -1 else index


def _windows(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Up to ``MAX_FRAGMENTS`` windows, each starting just before a match, in text order.

    The window holding the most matches comes first, then the best one that does
    not overlap it. ``spans`` are sorted, so the matches a window holds are counted
    by one pointer moving forward with the windows: linear in the number of matches,
    where counting afresh for each window was quadratic (minutes for an article of
    one word repeated).
    """
    candidates: list[tuple[int, int, int]] = []
    inside_end = 0
    for i, (start, _) in enumerate(spans):
        window_start = max(0, start - SNIPPET_CHARS // 4)
        window_end = window_start + SNIPPET_CHARS
        inside_end = max(inside_end, i)
        while inside_end < len(spans) and spans[inside_end][1] <= window_end:
            inside_end += 1
        candidates.append((inside_end - i, window_start, min(window_end, len(text))))
    chosen: list[tuple[int, int]] = []
    for _ in range(MAX_FRAGMENTS):
        free = [c for c in candidates if all(c[2] <= s or c[1] >= e for s, e in chosen)]
        if not free:
            break
        _, start, end = max(free, key=lambda c: (c[0], -c[1]))
        chosen.append((start, end))
    return sorted(chosen)


def make_snippet(text: str, spans: list[Span]) -> Snippet:
    """A snippet of ``text`` around ``spans``; the opening of the text when none."""
    if not spans:
        end = _word_boundary_right(text, SNIPPET_CHARS)
        opening = " ".join(text[:end].split())
        if end < len(text):
            return Snippet(f"{opening} {ELISION}", (), (len(opening) + 1,))
        return Snippet(opening)
    out, marks, elisions = "", list[Span](), list[int]()
    scanned = [span for span in spans if span[1] <= MAX_SCANNED_CHARS] or spans[:1]
    for start, end in _windows(text, scanned):
        start, end = _word_boundary_left(text, start), _word_boundary_right(text, end)
        inside = _kept((s - start, e - start) for s, e in scanned if s >= start and e <= end)
        fragment, fragment_marks = _collapsed(text[start:end], inside)
        if out:
            out += " "
        if start > 0:
            elisions.append(len(out))
            out += ELISION
        marks += [(len(out) + s, len(out) + e) for s, e in fragment_marks]
        out += fragment
        if end < len(text):
            elisions.append(len(out))
            out += ELISION
    return Snippet(out, tuple(marks), tuple(elisions))
