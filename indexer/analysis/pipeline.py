"""One word in, its index term out: the script router and the two chains.

This is the single place that decides what a word becomes, used when indexing,
when parsing queries and by ``bahith analyze``, so the three can never disagree.
A word's analysis depends on the word alone, so it is cached: news vocabulary is
Zipfian and most words of a new article have been analysed before.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from indexer.analysis.arabic.clitics import stems as arabic_stems
from indexer.analysis.arabic.normalize import ARABIC_CHAIN
from indexer.analysis.arabic.stopwords import is_arabic_stopword
from indexer.analysis.french.normalize import LATIN_CHAIN, fold_accents, split_elision
from indexer.analysis.french.stem import light_stem
from indexer.analysis.french.stopwords import FRENCH_STOPWORDS
from indexer.analysis.script import Script, script_of
from indexer.analysis.tokenizer import Word, iter_words

ANALYSIS_VERSION = 1
"""Bumped whenever a change here would give an existing index different terms."""


@dataclass(frozen=True, slots=True)
class Analysis:
    """What one surface word becomes.

    ``term`` is what the index stores (empty for a stop word or a word with no
    letters or digits left); ``normalized`` is the word after normalization and
    before stemming; ``start``/``end`` are offsets within the word.
    """

    surface: str
    script: Script
    normalized: str
    term: str
    stop: bool
    start: int
    end: int

    @property
    def stems(self) -> tuple[str, ...]:
        """The candidate stems shown by ``bahith analyze``: for Arabic, every clitic
        reading (the search side keeps only the plausible ones).

        Worked out on demand: indexing never needs them, and they cost more than
        the rest of the analysis.
        """
        if self.stop:
            return ()
        if self.script is Script.ARABIC:
            return arabic_stems(self.normalized)
        return (self.term,) if self.term != self.normalized else ()


def _arabic(surface: str) -> Analysis:
    word = ARABIC_CHAIN.run(surface)
    stop = is_arabic_stopword(word.text)
    start, end = word.span(len(surface))
    return Analysis(surface, Script.ARABIC, word.text, "" if stop else word.text, stop, start, end)


def _latin(surface: str, stem: bool) -> Analysis:
    word = split_elision(LATIN_CHAIN.run(surface))
    folded = fold_accents(word).text
    stop = folded in FRENCH_STOPWORDS
    stemmed = light_stem(folded) if stem else folded
    start, end = word.span(len(surface))
    term = "" if stop else stemmed
    return Analysis(surface, Script.LATIN, folded, term, stop, start, end)


@lru_cache(maxsize=262144)
def analyze_word(surface: str, script: Script | None = None, stem: bool = True) -> Analysis:
    """Analyse one word, routed by its script unless ``script`` forces a chain.

    ``stem=False`` normalizes without stemming: wildcard, prefix and fuzzy query
    words are fragments, and a stemmer would cut them wrongly.
    """
    chosen = script or script_of(surface)
    if chosen is Script.ARABIC:
        return _arabic(surface)
    return _latin(surface, stem)


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
    """Every word of ``text`` with its analysis, stop words included (flagged)."""
    return [Token(word, analyze_word(word.surface, script)) for word in iter_words(text, compounds=compounds)]
