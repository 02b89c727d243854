"""One word in, its index term out: the script router and the two chains.

This is the single place that decides what a word becomes, used when indexing,
when parsing queries and by ``bahith analyze``, so the three can never disagree.
A word's analysis depends on the word alone, so it is cached: news vocabulary is
Zipfian and most words of a new article have been analysed before.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from indexer.analysis.arabic.normalize import ARABIC_LEXICAL_CHAIN, fold_final_letters
from indexer.analysis.arabic.stemmer import PLACE, arabic_readings
from indexer.analysis.arabic.stopwords import is_arabic_stopword
from indexer.analysis.french.normalize import LATIN_CHAIN, fold_accents, split_elision
from indexer.analysis.french.stem import light_stem
from indexer.analysis.french.stopwords import is_french_stopword
from indexer.analysis.script import Script, script_of
from indexer.analysis.tokenizer import Word, iter_words

ANALYSIS_VERSION = 3
"""Bumped whenever a change here would give an existing index different terms."""

READING_MARK = "~"
"""Written before a reading's index term, so that the stem "موسكو" of "لموسكو" and the word
"موسكو" as written are two terms of one field: a search finds both, and ranks the word as
written first. No word can start with it: the tokenizer never keeps a "~"."""


@dataclass(frozen=True, slots=True)
class Analysis:
    """What one surface word becomes.

    ``term`` is what the index stores (empty for a stop word or a word with no
    letters or digits left); ``normalized`` is the word after normalization and
    before stemming; ``start``/``end`` are offsets within the word. An Arabic word
    also has its ``lexical`` form (normalized, ة and ى still written: what the
    dictionary is asked) and its ``readings``, the index terms of its stems without
    ``READING_MARK``, the likeliest first (see ``arabic.stemmer``).
    """

    surface: str
    script: Script
    normalized: str
    term: str
    stop: bool
    start: int
    end: int
    lexical: str = ""
    readings: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    """The places a country's adjective is of ("روسيا" of "الروسية"): indexed beside its
    readings, so that "روسيا" finds "الصواريخ الروسية", but not looked up when the adjective
    is typed, which asks about the Russian thing, not about Russia."""
    reading_terms: tuple[str, ...] = ()
    """The readings and places as the index writes them, each behind ``READING_MARK``.

    A reading that is the word itself ("موسكو" of "موسكو") is not written again: the
    term as written says the same, and most words of a text are their own reading. A
    query therefore looks up each reading both behind the mark and as written.
    """


def _arabic(surface: str) -> Analysis:
    word = ARABIC_LEXICAL_CHAIN.run(surface)
    term = fold_final_letters(word.text)
    stop = is_arabic_stopword(word.text)
    start, end = word.span(len(surface))
    if stop or not term:
        return Analysis(surface, Script.ARABIC, term, "", stop, start, end, word.text)
    found = arabic_readings(word.text)
    readings = tuple(dict.fromkeys(r.term for r in found if r.source != PLACE))
    places = tuple(dict.fromkeys(r.term for r in found if r.source == PLACE and r.term not in readings))
    marked = tuple(READING_MARK + reading for reading in readings + places if reading != term)
    return Analysis(surface, Script.ARABIC, term, term, stop, start, end, word.text, readings, places, marked)


def _latin(surface: str, stem: bool) -> Analysis:
    word = split_elision(LATIN_CHAIN.run(surface))
    folded = fold_accents(word).text
    stop = is_french_stopword(word.text)
    # The stemmer sees the accents (côté is not côte) and folds them itself.
    stemmed = light_stem(word.text) if stem else folded
    start, end = word.span(len(surface))
    term = "" if stop else stemmed
    return Analysis(surface, Script.LATIN, folded, term, stop, start, end)


@lru_cache(maxsize=65536)
def analyze_word(surface: str, script: Script | None = None, stem: bool = True) -> Analysis:
    """Analyse one word, routed by its script unless ``script`` forces a chain.

    ``stem=False`` normalizes without stemming: wildcard, prefix and fuzzy query
    words are fragments, and a stemmer would cut them wrongly.
    """
    chosen = script or script_of(surface)
    if chosen is Script.ARABIC:
        return _arabic(surface)
    return _latin(surface, stem)


def explain_readings(analysis: Analysis) -> list[tuple[str, str]]:
    """(reading, why) for each stem a word is indexed under, for ``bahith analyze``.

    An Arabic word's readings come with the dictionary entry and root or the rule
    behind them (the word itself only when it is its one reading: otherwise its term
    as written says it); a French word's stem with the stemmer that made it.
    """
    if analysis.stop or not analysis.term:
        return []
    if analysis.script is Script.ARABIC:
        explained = {r.term: r.why() for r in reversed(arabic_readings(analysis.lexical))}
        shown = [term for term in analysis.readings if term != analysis.term] or [analysis.term]
        shown += analysis.places
        return [(term, explained[term]) for term in shown]
    if analysis.term != analysis.normalized:
        return [(analysis.term, "French inflection removed")]
    return []


@dataclass(frozen=True, slots=True)
class Token:
    """A word of a text together with its analysis and absolute offsets."""

    word: Word
    analysis: Analysis

    @property
    def start(self) -> int:
        return self.word.start + self.analysis.start

    @property
    def end(self) -> int:
        return self.word.start + self.analysis.end


def analyze_text(text: str, *, script: Script | None = None, compounds: bool = True) -> list[Token]:
    """Every word of ``text`` with its analysis, stop words included (flagged).

    Without ``script`` each word is asked for as the indexer asks (``analyze_word(surface)``):
    the cache keys calls by how their arguments are written, and the story features of an
    article, extracted right after the indexer analysed it, then find its words cached.
    """
    if script is None:
        return [Token(word, analyze_word(word.surface)) for word in iter_words(text, compounds=compounds)]
    return [Token(word, analyze_word(word.surface, script)) for word in iter_words(text, compounds=compounds)]
