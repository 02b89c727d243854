"""Turn what the user typed into a bounded Whoosh query, all words first.

Whoosh's parser gives the syntax users know from search engines: "exact
phrases", -exclusion, OR, ``title:``, ``lang:``, ``date:[2015-07 TO 2015-08]``,
``prefix*`` and ``fuzzy~``. The parsed tree is then rewritten: Arabic words and
phrases match every plausible clitic form (see ``expand``), and prefixes,
wildcards and fuzzy terms expand to a bounded number of terms, so no query can
turn into thousands of terms or take seconds.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from whoosh import query as wq
from whoosh.fields import Schema
from whoosh.qparser import (
    AndGroup,
    FuzzyTermPlugin,
    GtLtPlugin,
    MultifieldParser,
    PlusMinusPlugin,
    SingleQuotePlugin,
)
from whoosh.query.spans import SpanNear2, SpanOr
from whoosh.reading import IndexReader

from indexer.analysis.script import Script, script_of
from indexer.schema import TEXT_FIELDS
from search.expand import expand_arabic
from search.lexicon import Lexicon
from search.scoring import WordForms

MAX_QUERY_CHARS = 500
"""Longer queries are refused: nobody types them, and they cost."""

MAX_EXPANSIONS = 50
"""The most terms a prefix, wildcard or fuzzy word may expand to (the most frequent win)."""

MAX_FUZZY_DISTANCE = 2
MIN_PATTERN_CHARS = 2
"""A prefix or wildcard needs this many characters before its first * or ?."""

FILTER_FIELDS = frozenset({"lang", "source", "date", "id", "path"})


class QueryError(ValueError):
    """A query that cannot be run, with a message saying what to change."""


@dataclass(frozen=True)
class PlannedQuery:
    """The two queries a search runs: every word required, then any word."""

    strict: wq.Query
    loose: wq.Query | None
    words: tuple[str, ...]

    def terms(self, fieldname: str) -> set[str]:
        """Every term of ``fieldname`` a matching article may contain, for highlighting.

        Excluded words (``-word``) are left out.
        """
        queries = [self.strict] + ([self.loose] if self.loose is not None else [])
        return {text for q in queries for field, text in positive_terms(q) if field == fieldname}


def _children(q: wq.Query) -> list[wq.Query]:
    """Direct sub-queries, including those of span queries.

    Whoosh's span queries (used for Arabic phrases) report neither children nor
    terms, but every query applies a function to its children, so that is how
    they are listed.
    """
    found: list[wq.Query] = []

    def keep(child: wq.Query) -> wq.Query:
        found.append(child)
        return child

    q.apply(keep)
    return found


def positive_terms(q: wq.Query) -> Iterator[tuple[str, str]]:
    """(field, term) pairs of a query that a matching article contains."""
    if isinstance(q, wq.Not):
        return
    if isinstance(q, wq.AndNot):
        yield from positive_terms(q.a)
        return
    if q.is_leaf():
        for fieldname, text in q.iter_all_terms():
            yield fieldname, text.decode("utf-8") if isinstance(text, bytes) else text
        return
    for child in _children(q):
        yield from positive_terms(child)


class PhraseOfAlternatives(SpanNear2):
    """An ordered phrase whose every position may be any of several terms.

    Whoosh's own ``SpanNear2`` cannot estimate its size (a name error in
    Whoosh 2.7.4), which breaks it inside ``And`` and ``Or``; this fixes that.
    """

    def estimate_size(self, ixreader: IndexReader) -> int:
        return min(
            sum(ixreader.doc_frequency(field, text) for field, text in part.iter_all_terms())
            for part in self.qs
        )


_AT_WORD_START = r"(?<![^\s(])"
"""+ and - only mean require and exclude in front of a word: "États-Unis" and
"S-300" are words, not "États" without "Unis"."""


def make_parser(schema: Schema) -> MultifieldParser:
    """A parser over title and body with AND between words.

    Single quotes are ordinary characters (French elision: l'ONU); ``+``/``-``
    require and exclude words; ``~`` makes a word fuzzy; ``<``/``>`` give ranges.
    """
    parser = MultifieldParser(list(TEXT_FIELDS), schema, group=AndGroup)
    parser.remove_plugin_class(SingleQuotePlugin)
    parser.add_plugin(FuzzyTermPlugin())
    parser.add_plugin(PlusMinusPlugin(plusexpr=_AT_WORD_START + r"\+", minusexpr=_AT_WORD_START + "-"))
    parser.add_plugin(GtLtPlugin())
    return parser


def _first_error(q: wq.Query) -> str | None:
    error = getattr(q, "error", None)
    if error:
        return str(error)
    for child in q.children():
        message = _first_error(child)
        if message:
            return message
    return None


class QueryRewriter:
    """Rewrites a parsed tree against one reader's vocabulary."""

    def __init__(self, reader: IndexReader) -> None:
        self._reader = reader
        self._lexicon = Lexicon(reader)
        self._expansions: dict[str, dict[str, float]] = {}

    def arabic_terms(self, word: str) -> dict[str, float]:
        """Terms and weights for one analysed Arabic query word (title and body share them)."""
        if word not in self._expansions:
            self._expansions[word] = expand_arabic(word, self._lexicon)
        return self._expansions[word]

    def _term(self, q: wq.Term) -> wq.Query:
        """A word and its clitic forms, scored as one word (see ``scoring``)."""
        if q.fieldname not in TEXT_FIELDS or script_of(q.text) is not Script.ARABIC:
            return q
        terms = self.arabic_terms(q.text)
        if len(terms) == 1:
            return q
        return WordForms([wq.Term(q.fieldname, t, boost=q.boost * w) for t, w in terms.items()])

    def _phrase(self, q: wq.Phrase) -> wq.Query:
        if not any(script_of(word) is Script.ARABIC for word in q.words):
            return q
        parts: list[wq.Query] = []
        for word in q.words:
            if script_of(word) is Script.ARABIC:
                terms = self.arabic_terms(word)
                parts.append(SpanOr([wq.Term(q.fieldname, t) for t in terms]))
            else:
                parts.append(wq.Term(q.fieldname, word))
        return PhraseOfAlternatives(parts, slop=q.slop, ordered=True)

    def _bounded(self, q: wq.Query, fieldname: str, text: str) -> wq.Query:
        pattern_start = min((i for i, ch in enumerate(text) if ch in "*?"), default=len(text))
        if isinstance(q, wq.Wildcard | wq.Prefix) and pattern_start < MIN_PATTERN_CHARS:
            raise QueryError(
                f"'{text}*' is too short to expand: give at least {MIN_PATTERN_CHARS} letters before * or ?"
            )
        if isinstance(q, wq.FuzzyTerm):
            candidates = self._reader.terms_within(
                fieldname, text, min(q.maxdist, MAX_FUZZY_DISTANCE), prefix=max(q.prefixlength, 1)
            )
        else:
            candidates = q._btexts(self._reader)
        scored: list[tuple[int, str]] = []
        for count, term in enumerate(candidates):
            if count >= 20 * MAX_EXPANSIONS:
                break
            text_term = term.decode("utf-8") if isinstance(term, bytes) else term
            scored.append((self._reader.doc_frequency(fieldname, text_term), text_term))
        best = sorted(scored, reverse=True)[:MAX_EXPANSIONS]
        if not best:
            return wq.NullQuery
        return wq.Or([wq.Term(fieldname, t, boost=q.boost) for _, t in best])

    def rewrite(self, q: wq.Query) -> wq.Query:
        """The rewritten tree: Arabic words expanded, patterns bounded."""
        if isinstance(q, wq.FuzzyTerm | wq.Prefix | wq.Wildcard):
            return self._bounded(q, q.fieldname, q.text)
        if isinstance(q, wq.Term):
            return self._term(q)
        if isinstance(q, wq.Phrase):
            return self._phrase(q)
        if q.is_leaf():
            return q
        return q.apply(self.rewrite)


def _fields_of(q: wq.Query) -> set[str]:
    return (
        {fieldname for fieldname, _ in q.iter_all_terms()}
        | {leaf.field() for leaf in q.leaves() if leaf.field() is not None}
        | ({q.field()} if q.is_leaf() and q.field() else set())
    )


def _is_filter(q: wq.Query) -> bool:
    fields = _fields_of(q)
    return bool(fields) and fields <= FILTER_FIELDS


def relax(strict: wq.Query) -> wq.Query | None:
    """The any-word version of an all-words query, or None when it would be the same.

    Filters (``lang:``, dates) and exclusions stay required; only the free words
    become optional.
    """
    if not isinstance(strict, wq.And):
        return None
    required = [c for c in strict.subqueries if isinstance(c, wq.Not) or _is_filter(c)]
    words = [c for c in strict.subqueries if c not in required]
    if len(words) < 2:
        return None
    any_word = wq.Or(words)
    return wq.And([any_word, *required]) if required else any_word


def plan(text: str, parser: MultifieldParser, reader: IndexReader) -> PlannedQuery:
    """Parse, check and rewrite a query; raises ``QueryError`` for bad input."""
    text = text.strip()
    if not text:
        raise QueryError("the query is empty")
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"the query is {len(text)} characters long; the limit is {MAX_QUERY_CHARS}")
    try:
        parsed = parser.parse(text)
    except Exception as error:  # Whoosh's field parsers raise bare Exception on bad values
        raise QueryError(f"cannot understand the query: {error}") from error
    message = _first_error(parsed)
    if message:
        raise QueryError(f"cannot understand the query: {message}")
    words = tuple(
        dict.fromkeys(
            term.decode("utf-8") if isinstance(term, bytes) else term
            for field, term in parsed.iter_all_terms()
            if field in TEXT_FIELDS
        )
    )
    rewriter = QueryRewriter(reader)
    strict = rewriter.rewrite(parsed)
    loose = relax(strict)
    return PlannedQuery(strict=strict, loose=loose, words=words)
