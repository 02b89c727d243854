"""Turn what the user typed into a bounded Whoosh query, all words first.

Whoosh's parser gives the syntax users know from search engines: "exact
phrases", -exclusion, OR, ``title:``, ``lang:``, ``date:[2015-07 TO 2015-08]``,
``prefix*`` and ``fuzzy~``. The parsed tree is then rewritten: Arabic words and
phrases also match their readings, the stems the indexer wrote beside every word
(see ``equivalents``), and prefixes,
wildcards and fuzzy terms expand to a bounded number of terms, so no query can
turn into thousands of terms or take seconds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

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
from whoosh.reading import IndexReader

from indexer.analysis import analyze_text, months
from indexer.analysis.models import model_name_terms
from indexer.analysis.script import Script, script_of
from indexer.schema import TEXT_FIELDS
from search.errors import QueryError
from search.execute.budget import check_size, check_time
from search.execute.phrases import PhraseOfAlternatives
from search.execute.shared_idf import WordForms
from search.execute.whoosh_private import pattern_terms
from search.plan.equivalents import Form, arabic_terms, finder_for

MAX_QUERY_CHARS = 500
"""Longer queries are refused: nobody types them, and they cost."""

MAX_EXPANSIONS = 50
"""The most terms a prefix, wildcard or fuzzy word may expand to (the most frequent win)."""

MAX_WORD_FORMS = 40
"""The most written forms one query word is searched as: the word as typed, then its
other forms by weight and, among equal weights, by how many articles use them.
Over a large archive a common word has hundreds of clitic and spelling forms; the
rarest of them add almost no articles but each costs a posting list to merge."""

MAX_FUZZY_DISTANCE = 2
MIN_PATTERN_CHARS = 2
"""A prefix or wildcard needs this many characters before its first * or ?."""

FILTER_FIELDS = frozenset({"lang", "source", "date", "id", "path"})


class TypedWord(NamedTuple):
    """A word of the query in the order typed: its index term (empty for a stop word) and its
    normalized form, which a stop word is recognised by in an article's text."""

    term: str
    normalized: str

    @property
    def stop(self) -> bool:
        return not self.term


@dataclass(frozen=True)
class PlannedQuery:
    """The queries a search runs: every word required, then any word (then both across languages)."""

    strict: wq.Query
    loose: wq.Query | None
    words: tuple[str, ...]
    across: PlannedQuery | None = None
    """The same two queries with the words' forms in the other language too, when the index has any."""
    by_date: bool = False
    """The query asks for every article (``*``, ``title:*``), maybe filtered: it is answered
    newest first, not ranked, since every article would score the same."""
    typed: tuple[TypedWord, ...] = ()
    """The query's words as typed, stop words too ("مهرجان كان": the festival of Cannes), for
    the ranking to reward an article holding them side by side."""

    def widest(self) -> wq.Query:
        """The query that matches every article any of the planned queries matches."""
        last = self.across or self
        return last.loose if last.loose is not None else last.strict

    def terms(self, fieldname: str) -> set[str]:
        """Every term of ``fieldname`` a matching article may contain, for highlighting.

        Excluded words (``-word``) are left out.
        """
        plans = [self] + ([self.across] if self.across is not None else [])
        queries = [q for p in plans for q in (p.strict, p.loose) if q is not None]
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


def forms_query(fieldname: str, forms: dict[Form, float], boost: float = 1.0) -> wq.Query:
    """One field's query for the forms of one word: its terms scored as one word, phrases beside them."""
    terms = [wq.Term(fieldname, form[0], boost=boost * w) for form, w in forms.items() if len(form) == 1]
    parts: list[wq.Query] = [WordForms(terms)] if len(terms) > 1 else terms
    parts += [wq.Phrase(fieldname, list(f), boost=boost * w) for f, w in forms.items() if len(f) > 1]
    return parts[0] if len(parts) == 1 else wq.Or(parts)


class QueryRewriter:
    """Rewrites a parsed tree against one reader's vocabulary.

    With ``equivalents`` (the default), a word also matches its other spellings
    and, in the ``across`` rewrite, its forms in the other language (see
    ``equivalents``); ``crossed`` then tells whether any word had such forms.
    ``capitalized`` holds the query words the user typed with a capital letter;
    ``lexical`` maps an Arabic query term to the forms it was typed as, before ة
    and ى were folded (their readings differ: "كتابة", "كتابه").
    """

    def __init__(
        self,
        reader: IndexReader,
        *,
        equivalents: bool = True,
        capitalized: frozenset[str] = frozenset(),
        lexical: dict[str, tuple[str, ...]] | None = None,
    ) -> None:
        self._reader = reader
        self._forms_of = finder_for(reader)
        self._finder = self._forms_of if equivalents else None
        self._capitalized = capitalized
        self._lexical = lexical or {}
        self.crossed = False

    def _equivalents(self, words: Form, across: bool) -> dict[Form, float]:
        """The other written forms of ``words``; those in the other language only ``across``."""
        if self._finder is None:
            return {}
        found = self._finder.of(
            words, typed_capitalized=words[0] in self._capitalized, lexical=self._lexical.get(words[0], ())
        )
        forms = dict(found.native)
        if across and found.across:
            self.crossed = True
            for form, weight in found.across.items():
                forms[form] = max(weight, forms.get(form, 0.0))
        return forms

    def forms(self, words: Form, across: bool) -> dict[Form, float]:
        """``words`` as typed (weight 1), an Arabic word's readings, and the equivalents.

        At most ``MAX_WORD_FORMS`` of them, the weightiest and commonest.
        """
        forms: dict[Form, float] = {words: 1.0}
        if len(words) == 1 and script_of(words[0]) is Script.ARABIC:
            typed = self._lexical.get(words[0], ())
            forms = {(term,): weight for term, weight in arabic_terms(words[0], typed).items()}
        for form, weight in self._equivalents(words, across).items():
            forms[form] = max(weight, forms.get(form, 0.0))
        if len(forms) <= MAX_WORD_FORMS:
            return forms
        frequency = self._forms_of.lexicon.doc_frequency
        ranked = sorted(forms, key=lambda f: (f != words, -forms[f], -frequency(f[0]) if len(f) == 1 else 0))
        return {form: forms[form] for form in ranked[:MAX_WORD_FORMS]}

    def _term(self, q: wq.Term, across: bool) -> wq.Query:
        """A word with its clitic forms and equivalents, scored as one word (see ``execute.shared_idf``)."""
        if q.fieldname not in TEXT_FIELDS:
            return q
        forms = self.forms((q.text,), across)
        if len(forms) == 1:
            return q
        return forms_query(q.fieldname, forms, q.boost)

    def _phrase(self, q: wq.Phrase, across: bool) -> wq.Query:
        """A phrase whose Arabic words may take any of their forms; a month name with its
        equivalents; a model name ("S-300") also as the other script writes it ("إس-300")."""
        phrase: wq.Query = q
        if any(script_of(word) is Script.ARABIC for word in q.words):
            parts: list[wq.Query] = []
            for word in q.words:
                if script_of(word) is Script.ARABIC:
                    terms = [form[0] for form in self.forms((word,), across=False) if len(form) == 1]
                    parts.append(wq.Or([wq.Term(q.fieldname, t) for t in terms]))
                else:
                    parts.append(wq.Term(q.fieldname, word))
            phrase = PhraseOfAlternatives(parts, slop=q.slop, ordered=True)
        others = self._equivalents(tuple(q.words), across)
        written = "".join(q.words)
        for term in model_name_terms(tuple(q.words)) - {written}:
            others.setdefault((term,), 1.0)
        return wq.Or([phrase, forms_query(q.fieldname, others, q.boost)]) if others else phrase

    def _all_words(self, q: wq.And, across: bool) -> wq.Query:
        """An all-words group, two of whose words may be one month name ("كانون الثاني"), and
        a month typed beside a year also the articles dated that month (see ``_dated``)."""
        children = list(q.subqueries)
        rewritten: list[wq.Query] = []
        named: list[Named] = []
        while children:
            first, second = _free_word(children[0]), _free_word(children[1]) if len(children) > 1 else None
            if self._finder and first and second and months.other_names((first[0], second[0])):
                name = (first[0], second[0])
                forms = self.forms(name, across)
                fields = [f for f in first[1] if f in second[1]]
                rewritten.append(wq.Or([forms_query(f, forms, first[2]) for f in fields]))
                named.append(name)
                del children[:2]
            else:
                word = _free_word(children[0])
                rewritten.append(self.rewrite(children.pop(0), across))
                named.append(word[0] if word else None)
        if self._finder:
            rewritten = _dated(rewritten, named)
        return wq.And(rewritten, boost=q.boost)

    def _bounded(self, q: wq.Query, fieldname: str, text: str) -> wq.Query:
        pattern_start = min((i for i, ch in enumerate(text) if ch in "*?"), default=len(text))
        if isinstance(q, wq.Wildcard | wq.Prefix) and pattern_start < MIN_PATTERN_CHARS:
            shown = text + "*" if isinstance(q, wq.Prefix) else text
            raise QueryError(
                f"'{shown}' is too short to expand: give at least {MIN_PATTERN_CHARS} letters before * or ?"
            )
        if isinstance(q, wq.FuzzyTerm):  # in memory: Whoosh measures the distance to every term
            edits, prefix = min(q.maxdist, MAX_FUZZY_DISTANCE), max(q.prefixlength, 1)
            candidates = sorted(self._forms_of.lexicon.within(fieldname, text, edits, prefix))
        else:
            candidates = pattern_terms(q, self._reader)
        scored: list[tuple[int, str]] = []
        for count, term in enumerate(candidates):
            if count >= 20 * MAX_EXPANSIONS:
                break
            check_time()
            text_term = term.decode("utf-8") if isinstance(term, bytes) else term
            scored.append((self._reader.doc_frequency(fieldname, text_term), text_term))
        best = sorted(scored, reverse=True)[:MAX_EXPANSIONS]
        if not best:
            return wq.NullQuery
        return wq.Or([wq.Term(fieldname, t, boost=q.boost) for _, t in best])

    def rewrite(self, q: wq.Query, across: bool = False) -> wq.Query:
        """The rewritten tree: words expanded, patterns bounded; ``across`` adds the other language.

        ``title:*`` becomes every article: Whoosh would find those by reading every
        posting of the field (tens of seconds over a few thousand articles).
        """
        check_time()
        if isinstance(q, wq.Every):
            return wq.Every()
        if isinstance(q, wq.FuzzyTerm | wq.Prefix | wq.Wildcard):
            return self._bounded(q, q.fieldname, q.text)
        if isinstance(q, wq.Term):
            return self._term(q, across)
        if isinstance(q, wq.Phrase):
            return self._phrase(q, across)
        if q.is_leaf():
            return q
        if isinstance(q, wq.And) and self._finder is not None:
            return self._all_words(q, across)
        return q.apply(lambda child: self.rewrite(child, across))


DATE_FIELD = "date"

DATED_WEIGHT = 0.7
"""What an article's date counts for a month or year typed, as one occurrence of a form of
the word: like a clitic form, below the word as written."""


Named = str | tuple[str, ...] | None
"""What a clause of an all-words group is as typed: one free word, a two-word month name, or
something else (a phrase, a field, a pattern)."""


def _month_and_year(one: Named, other: Named) -> datetime | None:
    """The first day of the month ``one`` and ``other`` name together ("تموز", "2015"), or None."""
    month = months.month_number(one if isinstance(one, tuple) else (one,)) if one else None
    if month is None or not isinstance(other, str) or not (len(other) == 4 and other.isdigit()):
        return None
    return datetime(int(other), month, 1)


def _dated(clauses: list[wq.Query], named: list[Named]) -> list[wq.Query]:
    """The clauses of an all-words group, a month beside a year in either order ("تموز 2015",
    "2015 juillet") each also matching the articles dated that month.

    News about a month rarely writes its year beside it ("في يوليو تموز"), and an article
    from that month is about it: its date says so where its words do not."""
    clauses = list(clauses)
    for at in range(len(clauses) - 1):
        start = _month_and_year(named[at], named[at + 1]) or _month_and_year(named[at + 1], named[at])
        if start is None:
            continue
        end = datetime(start.year + start.month // 12, start.month % 12 + 1, 1)
        dated = wq.DateRange(DATE_FIELD, start, end, endexcl=True, boost=DATED_WEIGHT)
        for index in (at, at + 1):
            clauses[index] = wq.Or([clauses[index], dated])
    return clauses


def _free_word(q: wq.Query) -> tuple[str, tuple[str, ...], float] | None:
    """(word, fields, boost) when ``q`` is one free word looked up in the text fields, else None."""
    terms = [q] if isinstance(q, wq.Term) else list(q.subqueries) if isinstance(q, wq.Or) else []
    if not terms or not all(
        type(t) is wq.Term and t.fieldname in TEXT_FIELDS and t.text == terms[0].text for t in terms
    ):
        return None
    return terms[0].text, tuple(t.fieldname for t in terms), q.boost


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


def _typed_arabic(text: str) -> dict[str, tuple[str, ...]]:
    """Each Arabic index term of the query with the lexical forms it was typed as."""
    typed: dict[str, tuple[str, ...]] = {}
    for token in analyze_text(text):
        analysis = token.analysis
        forms = typed.get(analysis.term, ())
        if analysis.script is Script.ARABIC and analysis.term and analysis.lexical not in forms:
            typed[analysis.term] = (*forms, analysis.lexical)
    return typed


def _typed_words(text: str) -> tuple[TypedWord, ...]:
    """Every word of the query in order, stop words included, as the ranking compares them."""
    return tuple(
        TypedWord(token.analysis.term, token.analysis.normalized)
        for token in analyze_text(text, compounds=False)
        if token.analysis.normalized
    )


def _capitalized(text: str) -> frozenset[str]:
    """The index terms of the Latin words typed with a capital letter: names, likely."""
    return frozenset(
        token.analysis.term
        for token in analyze_text(text)
        if token.analysis.script is Script.LATIN and token.word.surface[:1].isupper()
    )


def _browses(q: wq.Query) -> bool:
    """Whether ``q`` matches every article but for filters and exclusions (``*``, ``lang:fr *``)."""
    if isinstance(q, wq.Every):
        return True
    if isinstance(q, wq.AndNot):
        return _browses(q.a)
    if isinstance(q, wq.Or):
        return any(_browses(child) for child in q.subqueries)
    if isinstance(q, wq.And):
        parts = [c for c in q.subqueries if not (isinstance(c, wq.Not) or _is_filter(c))]
        return bool(parts) and all(_browses(child) for child in parts)
    return False


def _stars_among_words_dropped(q: wq.Query) -> wq.Query:
    """``word *`` is ``word``: in an all-words group with a word, ``*`` adds nothing (and its
    any-word relaxation would match every article)."""
    if q.is_leaf():
        return q
    q = q.apply(_stars_among_words_dropped)
    if isinstance(q, wq.And):
        kept = [c for c in q.subqueries if not _browses(c)]
        if any(not (isinstance(c, wq.Not) or _is_filter(c)) for c in kept) and len(kept) < len(q.subqueries):
            return kept[0] if len(kept) == 1 else wq.And(kept, boost=q.boost)
    return q


def _leaves(q: wq.Query) -> Iterator[wq.Query]:
    if q.is_leaf():
        yield q
        return
    for child in _children(q):
        yield from _leaves(child)


def _check_ranges(q: wq.Query) -> None:
    """Refuse ranges of words: ``[a TO z]`` stands for most of the vocabulary."""
    if any(isinstance(leaf, wq.TermRange) for leaf in _leaves(q)):
        raise QueryError(
            "ranges work on dates only, as in date:[2015-07 TO 2016-12]; "
            "to find words that begin alike, give a prefix: mosc*"
        )


def _patterns(q: wq.Query) -> int:
    """How many distinct words with ``*``, ``?`` or ``~`` the parsed query has (one per word,
    though the parser looks each up in title and body)."""
    return len({leaf.text for leaf in _leaves(q) if isinstance(leaf, wq.FuzzyTerm | wq.Prefix | wq.Wildcard)})


def _index_terms(queries: list[wq.Query]) -> set[tuple[str, str]]:
    """Every (field, term) the queries read, excluded words too."""
    return {
        (fieldname, text.decode("utf-8") if isinstance(text, bytes) else text)
        for q in queries
        for leaf in _leaves(q)
        if not isinstance(leaf, wq.NumericRange)
        for fieldname, text in leaf.iter_all_terms()
    }


def query_cost(reader: IndexReader, queries: list[wq.Query]) -> tuple[int, int]:
    """How many index terms ``queries`` read, and how many postings those terms have in all."""
    terms = _index_terms(queries)
    return len(terms), sum(reader.doc_frequency(fieldname, text) for fieldname, text in terms)


def _check_cost(reader: IndexReader, patterns: int, planned: PlannedQuery) -> None:
    """Refuse a planned query that stands for too many terms, or terms with too many postings."""
    steps = [planned] + ([planned.across] if planned.across is not None else [])
    queries = [q for step in steps for q in (step.strict, step.loose) if q is not None]
    check_size(patterns, len(_index_terms(queries)), 0)
    check_size(patterns, *query_cost(reader, queries))


_DATE_VALUE = re.compile(r"date:\s*(\[[^\]]*\]?|\{[^}]*\}?|\S*)")
_SURROGATE = re.compile("[\ud800-\udfff]")
"""What undecodable bytes become in a command-line argument (Python's surrogate escapes)."""


def _unreadable(text: str) -> QueryError:
    """Why the parser failed, in Bahith's words: Whoosh's own are Python's
    ("list index out of range" for ``<b>``, "invalid literal for int()" for ``date:banana``)."""
    date_value = _DATE_VALUE.search(text)
    if date_value:
        return QueryError(
            f"cannot understand date:{date_value.group(1)} as a date: write a year, month or day (date:2016, "
            "date:2016-07, date:2016-07-15), a range (date:[2015-07 TO 2016-12]) or a bound (date:>2015)"
        )
    if "<" in text or ">" in text:
        return QueryError(
            "< and > compare dates, as in date:>2015 or date:<2016-07: remove them to search for words"
        )
    return QueryError(
        'cannot understand the query: check its quotes ("), brackets and fields (title:, lang:, date:)'
    )


def plan(text: str, parser: MultifieldParser, reader: IndexReader, *, exact: bool = False) -> PlannedQuery:
    """Parse, check and rewrite a query; raises ``QueryError`` for bad input.

    Unless ``exact``, words also match their other spellings, and the plan's
    ``across`` adds their forms in the other language when the index has any.
    """
    text = text.strip()
    if not text:
        raise QueryError("the query is empty")
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"the query is {len(text)} characters long; the limit is {MAX_QUERY_CHARS}")
    if _SURROGATE.search(text):
        raise QueryError(
            "the query is not valid UTF-8 text: check the encoding of the terminal or page that sent it"
        )
    try:
        parsed = parser.parse(text)
    except Exception as error:  # Whoosh's parsers raise anything (IndexError, ValueError) on bad input
        raise _unreadable(text) from error
    if _first_error(parsed):
        raise _unreadable(text)
    _check_ranges(parsed)
    parsed = _stars_among_words_dropped(parsed)
    patterns = _patterns(parsed)
    check_size(patterns, 0, 0)
    words = tuple(
        dict.fromkeys(
            term.decode("utf-8") if isinstance(term, bytes) else term
            for field, term in parsed.iter_all_terms()
            if field in TEXT_FIELDS
        )
    )
    rewriter = QueryRewriter(
        reader, equivalents=not exact, capitalized=_capitalized(text), lexical=_typed_arabic(text)
    )
    if _browses(parsed):
        return PlannedQuery(strict=rewriter.rewrite(parsed), loose=None, words=(), by_date=True)
    strict = rewriter.rewrite(parsed)
    across = None
    if not exact:
        wide = rewriter.rewrite(parsed, across=True)
        if rewriter.crossed:
            across = PlannedQuery(strict=wide, loose=relax(wide), words=words)
    typed = _typed_words(text)
    planned = PlannedQuery(strict=strict, loose=relax(strict), words=words, across=across, typed=typed)
    _check_cost(reader, patterns, planned)
    return planned
