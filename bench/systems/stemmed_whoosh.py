"""Whoosh with the stemmers a developer would reach for first: light10 or Snowball.

These are the baselines between plain Whoosh (no Arabic analysis at all) and Bahith: the same
Whoosh BM25F and any-word query, with each word stemmed by the script it is written in.

* ``light10``: Larkey's Arabic light stemmer (``bench.light10``, the stemmer behind Lucene's
  and Elasticsearch's Arabic analyzers) and the French Snowball stemmer;
* ``snowball``: the Snowball Arabic and French stemmers of PyStemmer.

Both tokenize as Lucene does for these scripts, keeping Arabic vowel marks inside their word
(Whoosh's default pattern cuts a word at each mark), split French elisions at the apostrophe
and drop the elided article, so the comparison is about stemming, not about tokenizing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from functools import cache
from pathlib import Path

import Stemmer
import whoosh.index
from whoosh.analysis import Composable, Filter, LowercaseFilter, RegexTokenizer, StopFilter, Token
from whoosh.fields import ID, TEXT, Schema
from whoosh.qparser import MultifieldParser, OrGroup

from bench import light10
from bench.relevance_set.documents import Document

WORD = re.compile(r"[\w\u0610-\u061a\u0640\u064b-\u065f\u0670]+")
"""A run of letters and digits, Arabic marks and tatweel included."""

ELISIONS = frozenset({"l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu"})
"""What French writes before an apostrophe; alone, after the split, they mean nothing."""

_ARABIC = re.compile(r"[\u0600-\u06ff]")


class ScriptStemFilter(Filter):
    """Stem each token with the Arabic or the French stemmer, by the script it is written in."""

    def __init__(self, arabic: Callable[[str], str], french: Callable[[str], str]) -> None:
        self.arabic = arabic
        self.french = french

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        for token in tokens:
            stem = self.arabic if _ARABIC.search(token.text) else self.french
            token.text = stem(token.text)
            if token.text:
                yield token


def stemming_analyzer(arabic: Callable[[str], str], french: Callable[[str], str]) -> Composable:
    """Tokenize, lowercase, drop French elisions, stem by script."""
    return (
        RegexTokenizer(WORD)
        | LowercaseFilter()
        | StopFilter(stoplist=ELISIONS, minsize=1)
        | ScriptStemFilter(arabic, french)
    )


@cache
def _snowball(language: str) -> Stemmer.Stemmer:
    return Stemmer.Stemmer(language)


def french_snowball(word: str) -> str:
    """The Snowball French stem of ``word``.

    A module function rather than the stemmer's bound method: Whoosh pickles the schema,
    analyzers included, and PyStemmer's stemmers cannot be pickled.
    """
    return _snowball("french").stemWord(word)


def arabic_snowball(word: str) -> str:
    """The Snowball Arabic stem of ``word``."""
    return _snowball("arabic").stemWord(word)


def light10_analyzer() -> Composable:
    """light10 for Arabic, Snowball for French."""
    return stemming_analyzer(light10.stem, french_snowball)


def snowball_analyzer() -> Composable:
    """Snowball for both languages."""
    return stemming_analyzer(arabic_snowball, french_snowball)


def stemmed_schema(analyzer: Composable) -> Schema:
    """Document id, headline and body, both analysed by ``analyzer``."""
    return Schema(
        path=ID(stored=True, unique=True), title=TEXT(analyzer=analyzer), body=TEXT(analyzer=analyzer)
    )


def build_whoosh_index(index_dir: Path, schema: Schema, docs: Sequence[Document]) -> None:
    """Index ``docs`` (id in ``path``, headline, body) into a new Whoosh index with ``schema``."""
    index_dir.mkdir(parents=True, exist_ok=True)
    writer = whoosh.index.create_in(str(index_dir), schema).writer()
    for doc in docs:
        writer.add_document(path=doc.id, title=doc.title, body=doc.body)
    writer.commit()


def whoosh_rankings(index_dir: Path, queries: Sequence[str], depth: int) -> list[list[str]]:
    """The ids each query returns, best first: any word, in headline or body, BM25F."""
    ix = whoosh.index.open_dir(str(index_dir))
    parser = MultifieldParser(["title", "body"], ix.schema, group=OrGroup)
    with ix.searcher() as searcher:
        return [[hit["path"] for hit in searcher.search(parser.parse(q), limit=depth)] for q in queries]
