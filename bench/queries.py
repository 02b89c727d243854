"""The fixed, mixed query set every system answers: what the latency percentiles are over.

Queries are drawn from the corpus itself (its first articles, which every N shares, so the set
is the same at N=1,000 and N=100,000 and latencies can be compared across N). Words are drawn
with their corpus frequency as weight, which is Zipf's law, except the commonest few: nobody
searches for "في" or "de" alone. The mix: one to three words (OR-ed), quoted phrases taken
from the text, Arabic and French, and a few words with a clitic added ("و", "ال", "بال"...),
which is what stresses an Arabic analyzer.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.seeds import detect_language, plain_words

SAMPLE_ARTICLES = 500
SKIPPED_COMMONEST = 20
ARABIC_QUERY_SHARE = 0.75
PHRASE_SHARE = 0.2
CLITIC_SHARE = 0.06
WORD_COUNTS, WORD_COUNT_WEIGHTS = (1, 2, 3), (5, 3, 2)
QUERY_CLITICS = ("و", "ال", "بال", "وال", "لل", "ب")
CLITIC_STARTS = ("ال", "و", "ف", "ب", "ل", "ك")


@dataclass(frozen=True)
class Query:
    """One query: its words, whether they form a phrase, and the language they are in."""

    lang: str
    terms: tuple[str, ...]
    phrase: bool = False

    @property
    def text(self) -> str:
        """The query as a user types it into a search box."""
        words = " ".join(self.terms)
        return f'"{words}"' if self.phrase else words


@dataclass
class _LanguageSample:
    counts: Counter[str]
    paragraphs: list[list[str]]


def build_queries(paths: Sequence[Path], count: int, seed: int) -> list[Query]:
    """``count`` queries drawn from the first articles of ``paths``; the same for the same seed."""
    samples = _sample_corpus(paths[:SAMPLE_ARTICLES])
    vocab = {}
    for lang, sample in samples.items():
        ranked = sample.counts.most_common()[SKIPPED_COMMONEST:]
        vocab[lang] = ([w for w, _ in ranked], [c for _, c in ranked])
    rng = random.Random(f"bahith-bench-queries:{seed}")
    queries = []
    while len(queries) < count:
        lang = "ar" if rng.random() < ARABIC_QUERY_SHARE else "fr"
        roll = rng.random()
        if roll < PHRASE_SHARE:
            phrase = _phrase(samples[lang].paragraphs, rng)
            if phrase:
                queries.append(Query(lang, phrase, phrase=True))
        elif roll < PHRASE_SHARE + CLITIC_SHARE:
            bare = rng.choices(*vocab["ar"])[0]
            if len(bare) > 2 and not bare.startswith(CLITIC_STARTS):
                queries.append(Query("ar", (rng.choice(QUERY_CLITICS) + bare,)))
        else:
            size = rng.choices(WORD_COUNTS, WORD_COUNT_WEIGHTS)[0]
            queries.append(Query(lang, tuple(rng.choices(*vocab[lang], k=size))))
    return queries


def _sample_corpus(paths: Sequence[Path]) -> dict[str, _LanguageSample]:
    samples = {lang: _LanguageSample(Counter(), []) for lang in ("ar", "fr")}
    for path in paths:
        text = path.read_text(encoding="utf-8")
        sample = samples[detect_language(text)]
        for paragraph in text.split("\n\n"):
            words = plain_words(paragraph)
            sample.paragraphs.append(words)
            sample.counts.update(w for w in words if len(w) > 1)
    return samples


def _phrase(paragraphs: list[list[str]], rng: random.Random) -> tuple[str, ...] | None:
    """Two or three adjacent words of a paragraph, or None if the draw hit a one-letter word
    (an elided "l" or "d"), which tokenizers treat differently and would make phrases unfair."""
    words = rng.choice(paragraphs)
    size = rng.choice((2, 3))
    if len(words) < size:
        return None
    start = rng.randrange(len(words) - size + 1)
    phrase = tuple(words[start : start + size])
    return phrase if all(len(w) > 1 for w in phrase) else None
