"""What an article says that tells its event apart: names, numbers, months, rare words.

Topic detection and tracking systems compare articles on what they share,
weighted by how telling it is. Here every word goes through Bahith's own
analysis, so "بسليماني" and "سليماني", "صواريخ" and "صاروخ", "missiles" and
"missile" are one feature, then falls into one of two kinds:

* ``entities``, written the same way in both languages: a name as its
  consonant skeleton (``indexer.analysis.skeleton``: "سليماني" and "Soleimani", "شويغو"
  and "Choïgou" share a key), a number ("S-300" and "إس-300" both hold 300), a
  month by its group of names (``indexer.analysis.months``: "تموز", "يوليو" and
  "juillet" are one);
* ``words``: the stem of every other content word, within its language.

Arabic has no capitals, so an Arabic word is taken for a name when the
dictionary does not know it as a common noun or verb (``is_common_word``); a
French word when it is capitalised inside a sentence. The body's stems also
give the shingles that copies are recognised by (``sketch``); the headline is
left out of them, since a republishing site rewrites it first.

``indexer.analysis.skeleton`` and ``indexer.analysis.months`` are pure functions of a word (they
import no Whoosh); they are called here rather than copied.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from indexer.analysis import Script, Token, analyze_text, is_common_word, months
from indexer.analysis.skeleton import skeletons
from indexer.stories.sketch import Sketch, make_sketch, shingles

TITLE_REPEAT = 2
"""A headline word counts as this many body words: the headline names the event."""

MIN_NAME_LETTERS = 4
"""Shorter Arabic words unknown to the dictionary are mostly particles and fragments."""

MIN_NUMBER_DIGITS = 2
"""A single digit ("3 ايام") says nothing about which event an article is about."""

_SENTENCE_ENDS = frozenset('.!?:;«»"“”()[]\n|–—-')


@dataclass(frozen=True)
class Features:
    """The counted features of one article and the sketch of its body's shingles."""

    entities: Counter[str]
    words: Counter[str]
    sketch: Sketch


def _stem(token: Token) -> str:
    """One index term for a word whatever its clitics: an Arabic word's shortest reading."""
    analysis = token.analysis
    if analysis.script is Script.ARABIC and analysis.readings:
        return min(analysis.readings, key=lambda r: (len(r), r))
    return analysis.term


def _month(term: str) -> str | None:
    others = months.other_names((term,))
    return "m:" + " ".join(min((term,), *others)) if others else None


def _starts_sentence(text: str, start: int) -> bool:
    end = start
    while end and text[end - 1].isspace():
        end -= 1
    return not end or text[end - 1] in _SENTENCE_ENDS


def _is_name(token: Token, text: str, stem: str) -> bool:
    analysis = token.analysis
    if analysis.script is Script.ARABIC:
        return len(stem) >= MIN_NAME_LETTERS and not is_common_word(analysis.lexical)
    return token.word.surface[:1].isupper() and not _starts_sentence(text, token.start)


def _entities(token: Token, text: str, stem: str) -> list[str]:
    if stem.isdigit():
        return [f"d:{stem}"] if len(stem) >= MIN_NUMBER_DIGITS else []
    month = _month(token.analysis.term)
    if month:
        return [month]
    if token.word.compound or not _is_name(token, text, stem):
        return []
    keys = skeletons(stem)
    if token.analysis.script is Script.LATIN and not token.word.surface.endswith("s"):
        # French stems drop a final s ("Reuters" -> "reuter"), and skeletons add the key with
        # it back for every Latin word: only a word written with its s keeps that key.
        keys = keys[:1]
    return [f"n:{key}" for key in keys]


def _count(
    text: str, tokens: Sequence[Token], into: Features, repeat: int, shingle_words: list[str] | None
) -> None:
    for token in tokens:
        if token.analysis.stop or not token.analysis.term:
            continue
        stem = _stem(token)
        entities = _entities(token, text, stem)
        for entity in entities:
            into.entities[entity] += repeat
        if not entities and not stem.isdigit():
            into.words[f"{token.analysis.script.value}:{stem}"] += repeat
        if shingle_words is not None and not token.word.compound:
            shingle_words.append(stem)


def extract(
    title: str, body: str, analysed: tuple[Sequence[Token], Sequence[Token]] | None = None
) -> Features:
    """The features of an article: its headline weighs ``TITLE_REPEAT`` times, its body gives the shingles.

    ``analysed`` is the title's and body's words as ``analyze_text`` found them, when the
    caller has them already (to write the article's postings): they are analysed once.
    """
    title_tokens, body_tokens = analysed or (analyze_text(title), analyze_text(body))
    body_words: list[str] = []
    features = Features(Counter(), Counter(), ())
    _count(title, title_tokens, features, TITLE_REPEAT, None)
    _count(body, body_tokens, features, 1, body_words)
    return Features(features.entities, features.words, make_sketch(shingles(body_words)))
