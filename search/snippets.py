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
    space = text.rfind(" ", 0, index)
    return space + 1 if space != -1 and index - space < 30 else index


def _word_boundary_right(text: str, index: int) -> int:
    if index >= len(text):
        return len(text)
    space = text.find(" ", index)
    return space if space != -1 and space - index < 30 else index


def _windows(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Up to ``MAX_FRAGMENTS`` windows, each centred on a cluster of matches.

    The densest cluster (most matches within one window) comes first; windows
    are then shown in text order.
    """
    candidates: list[tuple[int, int, int]] = []
    for i, (start, _) in enumerate(spans):
        window_start = max(0, start - SNIPPET_CHARS // 4)
        window_end = window_start + SNIPPET_CHARS
        inside = sum(1 for s, e in spans[i:] if e <= window_end)
        candidates.append((inside, window_start, window_end))
    chosen: list[tuple[int, int]] = []
    for _, start, end in sorted(candidates, key=lambda c: (-c[0], c[1])):
        if all(end <= s or start >= e for s, e in chosen):
            chosen.append((start, min(end, len(text))))
        if len(chosen) == MAX_FRAGMENTS:
            break
    return sorted(chosen)


def make_snippet(text: str, spans: list[tuple[int, int]]) -> str:
    """An HTML snippet of ``text`` around ``spans``; the opening of the text when none."""
    if not spans:
        end = _word_boundary_right(text, SNIPPET_CHARS)
        return escape(" ".join(text[:end].split())) + (ELLIPSIS.rstrip() if end < len(text) else "")
    pieces: list[str] = []
    for start, end in _windows(text, spans):
        start, end = _word_boundary_left(text, start), _word_boundary_right(text, end)
        inside = [(s - start, e - start) for s, e in spans if s >= start and e <= end]
        fragment = " ".join(mark(text[start:end], inside).split())
        pieces.append(("…" if start > 0 else "") + fragment + ("…" if end < len(text) else ""))
    return " ".join(pieces)
