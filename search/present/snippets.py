"""Snippets: the stretch of an article that shows why it matched.

Match positions come from the index postings (character offsets stored at index
time), not from re-analysing the article, so building a snippet costs a few
postings lookups. The whole written word is marked: "لموسكو" for the query
"موسكو". The text is HTML-escaped before ``<mark>`` tags are added, so nothing
in an article can inject markup.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from whoosh.searching import Searcher

SNIPPET_CHARS = 220
"""About how long one fragment is."""

MAX_FRAGMENTS = 2
ELLIPSIS = " … "
MAX_SCANNED_CHARS = 50_000
"""Snippets are looked for in this many characters at the start of an article: past
that, a reader has long stopped, and a huge article must not make its snippet costly."""

WORD_REACH = 30
"""How far (exclusive) to look for a space to end a fragment on a whole word."""


def match_spans(
    searcher: Searcher, docnums: Iterable[int], fieldname: str, terms: Iterable[str]
) -> dict[int, list[tuple[int, int]]]:
    """(start, end) character spans of ``terms`` in one field, for each of ``docnums``.

    Each term's postings are read once and skipped forward through the
    documents in order, so a page of ten hits costs one pass per query term.
    """
    wanted = sorted(set(docnums))
    spans: dict[int, set[tuple[int, int]]] = {docnum: set() for docnum in wanted}
    reader = searcher.reader()
    for term in terms:
        if (fieldname, term) not in reader:
            continue
        postings = reader.postings(fieldname, term)
        for docnum in wanted:
            postings.skip_to(docnum)
            if not postings.is_active():
                break
            if postings.id() == docnum:
                spans[docnum].update((start, end) for _, start, end in postings.value_as("characters"))
    return {docnum: sorted(found) for docnum, found in spans.items()}


def mark(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` escaped for HTML, with each span wrapped in ``<mark>``."""
    out: list[str] = []
    cursor = 0
    for start, end in spans:
        if start < cursor:
            continue
        out.append(escape(text[cursor:start]))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        cursor = end
    out.append(escape(text[cursor:]))
    return "".join(out)


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


def make_snippet(text: str, spans: list[tuple[int, int]]) -> str:
    """An HTML snippet of ``text`` around ``spans``; the opening of the text when none."""
    if not spans:
        end = _word_boundary_right(text, SNIPPET_CHARS)
        return escape(" ".join(text[:end].split())) + (ELLIPSIS.rstrip() if end < len(text) else "")
    pieces: list[str] = []
    scanned = [span for span in spans if span[1] <= MAX_SCANNED_CHARS] or spans[:1]
    for start, end in _windows(text, scanned):
        start, end = _word_boundary_left(text, start), _word_boundary_right(text, end)
        inside = [(s - start, e - start) for s, e in scanned if s >= start and e <= end]
        fragment = " ".join(mark(text[start:end], inside).split())
        pieces.append(("…" if start > 0 else "") + fragment + ("…" if end < len(text) else ""))
    return " ".join(pieces)
