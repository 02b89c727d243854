""" "Did you mean": the query as typed, with its misspelt words replaced by indexed words.

Only the free words of the query are looked at: operators (AND, OR, NOT),
fields other than the text (``lang:``, ``date:[2015-07 TO 2016-12]``),
excluded words (``-word``, ``NOT word``), patterns (``mosc*``, ``fuzy~``) and
quotes stay exactly as typed, and the corrected query is the typed text with
only the corrected words replaced.

An Arabic word the dictionary knows (المصرية) is a word, not a slip, even when no
article has it, and is left as typed. Any other word is corrected when it found
little (at most ``FEW_ARTICLES``): no article at all with any of its forms, or an indexed word one slip
away (a letter left out, added, replaced, or two swapped; else two edits away)
is in ``MUCH_COMMONER`` times as many articles.
As spelling correctors do, the nearest word wins over a commoner one further off.

The index holds stems (French) and readings (Arabic, behind ``~``), which are
not words to show; so the suggestion is the word as an article writes it, read
from the stored text at the positions the postings give for the chosen term.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher

from whoosh.searching import Searcher

from indexer.analysis import READING_MARK, Script, Token, analyze_text, is_common_word
from indexer.schema import TEXT_FIELDS
from search.execute.postings import match_spans
from search.plan.equivalents import finder_for
from search.plan.planner import QueryRewriter

MUCH_COMMONER = 20
"""A word found in some articles is only corrected to one in this many times as many."""

FEW_ARTICLES = 3
"""A word found in more articles than this is written on purpose, not mistyped: it is left
as typed, and looking for its neighbours (the costliest part of a search) is skipped."""

MAX_EDITS = 2
"""How far a suggestion may be from the word typed: further ones are other words."""

KEPT_PREFIX = 1
"""Letters a suggestion shares with the word typed: typing slips seldom hit the first letter."""

MIN_LETTERS = 3
"""Shorter words are not corrected: one slip from "b" is "but", "by" and "be", another word each."""

SURFACE_DOCS = 5
"""How many articles with the chosen term are read to find how it is written."""

OPERATORS = frozenset({"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"})

_CHUNK = re.compile(
    r"""(?P<field>\w+:)?(?:\[[^\]]*\]?|\{[^}]*\}?|"[^"]*"?|[^\s"()]+)|[()]""",
    re.UNICODE,
)
"""One unit of the query syntax: an optional ``field:`` then a range, a quoted phrase or a bare word."""

_PATTERN = re.compile(r"[*?~^]")
"""A bare word with these is a pattern, fuzzy or boosted: the user chose its form on purpose."""


@dataclass(frozen=True)
class Correction:
    """One word replaced: where it sits in the corrected query, what it was typed as."""

    start: int
    end: int
    word: str
    typed: str


@dataclass(frozen=True)
class Suggestion:
    """A corrected query and the words that were corrected in it."""

    query: str
    corrected: tuple[Correction, ...]

    def marked(self, before: str, after: str, escape: Callable[[str], str] = str) -> str:
        """The query with each corrected word between ``before`` and ``after`` (ANSI codes,
        ``<mark>`` tags), the text between passed through ``escape`` (``html.escape`` for a page)."""
        out, cursor = [], 0
        for fix in self.corrected:
            out += [escape(self.query[cursor : fix.start]), before, escape(fix.word), after]
            cursor = fix.end
        return "".join([*out, escape(self.query[cursor:])])

    def to_json(self) -> dict[str, object]:
        """The suggestion as the JSON outputs give it."""
        return {
            "query": self.query,
            "corrected": [
                {"word": f.word, "typed": f.typed, "start": f.start, "end": f.end} for f in self.corrected
            ],
        }


def free_words(text: str) -> Iterator[Token]:
    """The words of ``text`` that are searched as typed, with offsets into ``text``.

    Mirrors the query syntax (see ``query.make_parser``): an excluded or
    field-restricted unit other than ``title:``/``body:``, an operator or a
    pattern yields nothing; a quoted phrase yields its words.
    """
    excluded_next = False
    for match in _CHUNK.finditer(text):
        unit = match.group()
        if unit in OPERATORS:
            excluded_next = unit in {"NOT", "ANDNOT"}
            continue
        excluded, excluded_next = excluded_next, False
        field = (match.group("field") or "")[:-1]
        start = match.start() + len(field) + (1 if field else 0)
        body = text[start : match.end()]
        if excluded or body[:1] == "-" or (field and field not in TEXT_FIELDS) or body[:1] in "[{()":
            continue
        if body[:1] == "+":
            start, body = start + 1, body[1:]
        if body[:1] != '"' and _PATTERN.search(body):
            continue
        for token in analyze_text(body, compounds=False):
            if token.analysis.term:
                yield Token(
                    token.word._replace(start=token.word.start + start, end=token.word.end + start),
                    token.analysis,
                )


class _Corrector:
    """Looks words up in one reader's vocabulary and stored text."""

    def __init__(self, searcher: Searcher) -> None:
        self._searcher = searcher
        self._lexicon = finder_for(searcher.reader()).lexicon

    def frequency(self, term: str) -> int:
        """How many articles have ``term`` in their title or body."""
        return self._lexicon.doc_frequency(term)

    def found_in(self, token: Token) -> int:
        """How many articles a query word finds with all the forms a search gives it (at most)."""
        analysis = token.analysis
        forms = QueryRewriter(self._searcher.reader(), lexical={analysis.term: (analysis.lexical,)}).forms(
            (analysis.term,), across=False
        )
        return sum(self._lexicon.doc_frequency(form[0]) for form in forms if len(form) == 1)

    def nearest(self, term: str) -> str | None:
        """The commonest indexed word (never a reading) one slip, else two edits, from ``term``."""
        for find in (
            lambda: self._lexicon.one_slip_from("body", term, KEPT_PREFIX),
            lambda: self._lexicon.within("body", term, MAX_EDITS, KEPT_PREFIX),
        ):
            nearby = {t for t in find() if not t.startswith(READING_MARK) and t != term}
            if nearby:
                return min(nearby, key=lambda t: (-self._lexicon.doc_frequency(t), t))
        return None

    def written(self, term: str, typed: str) -> str | None:
        """``term`` as the articles write it, the written form likest to ``typed``."""
        docnums = list(self._searcher.postings("body", term).all_ids())[:SURFACE_DOCS]
        spans = match_spans(self._searcher, docnums, "body", [term])
        forms: dict[str, int] = {}
        for docnum in docnums:
            body = self._searcher.stored_fields(docnum).get("body", "")
            for start, end in spans[docnum]:
                forms[body[start:end]] = forms.get(body[start:end], 0) + 1
        if not forms:
            return None
        return max(forms, key=lambda w: (SequenceMatcher(None, w.lower(), typed.lower()).ratio(), forms[w]))


def suggest(searcher: Searcher, text: str) -> Suggestion | None:
    """The typed query with its words that found little corrected, or None when none is."""
    corrector = _Corrector(searcher)
    fixes: list[tuple[Token, str]] = []
    for token in free_words(text):
        analysis = token.analysis
        if len(analysis.term) < MIN_LETTERS or (
            analysis.script is Script.ARABIC and is_common_word(analysis.lexical)
        ):
            continue
        found = corrector.found_in(token)
        if found > FEW_ARTICLES or found * MUCH_COMMONER > searcher.doc_count():
            continue  # a word many articles write is no slip; or no word can be that much commoner
        best = corrector.nearest(token.analysis.term)
        if best is None or corrector.frequency(best) < max(1, found * MUCH_COMMONER):
            continue
        written = corrector.written(best, text[token.start : token.end])
        if written and written != text[token.start : token.end]:
            fixes.append((token, written))
    if not fixes:
        return None
    out, cursor, shift, corrected = [], 0, 0, []
    for token, written in fixes:
        out += [text[cursor : token.start], written]
        start = token.start + shift
        corrected.append(Correction(start, start + len(written), written, text[token.start : token.end]))
        shift += len(written) - (token.end - token.start)
        cursor = token.end
    return Suggestion("".join([*out, text[cursor:]]), tuple(corrected))


def did_you_mean(searcher: Searcher, words: list[str]) -> str | None:
    """The corrected query of ``suggest`` as text, for callers that show no marks."""
    found = suggest(searcher, " ".join(words))
    return found.query if found else None
