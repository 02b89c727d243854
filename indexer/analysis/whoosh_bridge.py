"""Plug Bahith's analysis into Whoosh as a tokenizer and a filter.

Whoosh composes analyzers as ``Tokenizer() | Filter()``; Bahith's is
``WordTokenizer() | ScriptRouterFilter()``: the tokenizer finds words and their
offsets, the router replaces each word by its index term (see ``pipeline``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from whoosh.analysis import Composable, Filter, Token, Tokenizer
from whoosh.formats import Characters

from indexer.analysis.pipeline import READING_MARK, Analysis, analyze_word
from indexer.analysis.pipeline import Token as WordToken
from indexer.analysis.tokenizer import Word, iter_words


class WordTokenizer(Tokenizer):
    """Yield one Whoosh token per word, with positions and character offsets.

    At index time a hyphenated compound is also yielded whole, at the position
    of its first part. At query time it is not: the parser then turns the parts
    into a phrase, which finds the compound however it was written. With
    ``tokenize=False`` (Whoosh's wildcard, prefix and fuzzy terms) the whole value
    is one word.
    """

    def __eq__(self, other: object) -> bool:
        return isinstance(other, WordTokenizer)

    def __hash__(self) -> int:
        return hash(WordTokenizer)

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            token.original = token.text = value
            token.boost = 1.0
            token.stopped = False
            token.whole = True
            if positions:
                token.pos = start_pos
            if chars:
                token.startchar, token.endchar = start_char, start_char + len(value)
            yield token
            return
        for word in iter_words(value, compounds=mode != "query"):
            token.original = token.text = word.surface
            token.boost = 1.0
            token.stopped = False
            token.whole = False
            if positions:
                token.pos = start_pos + word.position
            if chars:
                token.startchar = start_char + word.start
                token.endchar = start_char + word.end
            yield token


class ScriptRouterFilter(Filter):
    """Replace each word by its index term, dropping stop words and empty words."""

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ScriptRouterFilter)

    def __hash__(self) -> int:
        return hash(ScriptRouterFilter)

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        for token in tokens:
            analysis = analyze_word(token.text, stem=not getattr(token, "whole", False))
            if analysis.stop and token.removestops:
                continue
            term = analysis.term or (analysis.normalized if analysis.stop else "")
            if not term:
                continue
            if token.chars and analysis.start:
                token.startchar += analysis.start
            token.text = term
            yield token


def term_occurrences(
    text: str, tokens: Iterable[WordToken] | None = None
) -> dict[str, list[tuple[int, int, int]]]:
    """Each index term of ``text`` with its (position, start, end) occurrences.

    Every word gives its term as written and, at the same position and offsets,
    the term of each of its readings (behind ``READING_MARK``), so a phrase and a
    highlight work the same whichever of them a query matched. Written this way
    without a Whoosh token object per word: indexing spends most of its time here,
    and the per-word analysis itself is cached. ``tokens``, when given, are the
    text's words as ``analyze_text`` found them, for a caller that needs them too.
    """
    found: dict[str, list[tuple[int, int, int]]] = {}
    if tokens is None:
        pairs: Iterable[tuple[Word, Analysis]] = ((w, analyze_word(w.surface)) for w in iter_words(text))
    else:
        pairs = ((token.word, token.analysis) for token in tokens)
    for word, analysis in pairs:
        if analysis.stop or not analysis.term:
            continue
        occurrence = (word.position, word.start + analysis.start, word.end)
        for term in (analysis.term, *analysis.reading_terms):
            if term in found:
                found[term].append(occurrence)
            else:
                found[term] = [occurrence]
    return found


class Postings(tuple):
    """A text's postings as ``IndexedCharacters.word_values`` gives them, worked out
    beforehand (in a worker process, for a large run): given in place of the text, they
    are written as they are, and the text itself is stored by Whoosh's ``_stored_<field>``."""


class IndexedCharacters(Characters):
    """Whoosh's ``Characters`` postings (positions and character offsets), filled
    from ``term_occurrences`` when indexing (or given as ``Postings``); queries still
    use the analyzer.

    A reading is reported with a frequency of 0: Whoosh sums frequencies into the
    field's length, and a word's readings must not make its article look longer
    to BM25 than its words do.
    """

    def word_values(
        self, value: str, analyzer: Composable, **kwargs: Any
    ) -> Iterator[tuple[str, int, float, bytes]]:
        if isinstance(value, Postings):
            yield from value
            return
        if kwargs.get("mode") != "index" or not isinstance(value, str):
            yield from super().word_values(value, analyzer, **kwargs)
            return
        yield from self.postings(value)

    def postings(self, text: str, tokens: Iterable[WordToken] | None = None) -> Postings:
        """The postings of ``text`` (of its ``tokens``, when already analysed), ready to write."""
        boost = self.field_boost
        return Postings(
            (term, 0 if term.startswith(READING_MARK) else len(found), len(found) * boost, self.encode(found))
            for term, found in term_occurrences(text, tokens).items()
        )


def bahith_analyzer() -> Composable:
    """The analyzer of every text field of the index, at index and query time."""
    return WordTokenizer() | ScriptRouterFilter()
