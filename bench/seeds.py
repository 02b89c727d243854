"""Reading the real seed articles that the synthetic corpus is modelled on.

The seeds are the only real text the project may use, and they live outside the repository
(``../shared/corpus/seeds``), so they are read at run time and never copied in. From them we take
two things per language: sentences (to keep real word order and punctuation) and the word list
ranked by frequency (the head of the Zipf vocabulary).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")
LATIN_LETTER = re.compile(r"[A-Za-zÀ-ÿ]")
# Harakat, superscript alef and tatweel: marks a writer may add without changing the word.
ARABIC_MARKS = re.compile(r"[\u064b-\u0652\u0670\u0640]")
WORD = re.compile(r"[^\W\d_]+")
SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+")
MIN_SENTENCE_WORDS = 6


def default_seeds_dir() -> Path:
    """``shared/corpus/seeds`` beside the repository root: where every developer and CI has it."""
    return Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"


@dataclass(frozen=True)
class SeedLanguage:
    """What one language of the seed corpus contributes: its sentences and its ranked words."""

    sentences: tuple[tuple[str, ...], ...]
    words_by_frequency: tuple[str, ...]


def detect_language(text: str) -> str:
    """``"ar"`` or ``"fr"``, by which alphabet dominates: the seeds are in exactly these two."""
    return "ar" if len(ARABIC_LETTER.findall(text)) >= len(LATIN_LETTER.findall(text)) else "fr"


def plain_words(text: str) -> list[str]:
    """The words of ``text`` without punctuation, tashkeel or tatweel: what a user would type."""
    return WORD.findall(ARABIC_MARKS.sub("", text))


def load_seeds(seeds_dir: Path) -> dict[str, SeedLanguage]:
    """Sentences and frequency-ranked words of the seed articles, per language.

    Lines holding a web address, and fragments shorter than a short sentence (bylines, dates,
    share counters), are page boilerplate rather than prose, so they are left out.
    """
    paths = sorted(seeds_dir.glob("*.txt"))
    if not paths:
        raise FileNotFoundError(f"no seed articles (*.txt) in {seeds_dir}; pass --seeds DIR")
    sentences: dict[str, list[tuple[str, ...]]] = {"ar": [], "fr": []}
    counts: dict[str, Counter[str]] = {"ar": Counter(), "fr": Counter()}
    for path in paths:
        text = path.read_text(encoding="utf-8")
        lang = detect_language(text)
        for line in text.splitlines():
            if "http" in line:
                continue
            for sentence in SENTENCE_END.split(line.strip()):
                tokens = tuple(sentence.split())
                if len(tokens) >= MIN_SENTENCE_WORDS:
                    sentences[lang].append(tokens)
                    counts[lang].update(w for w in plain_words(sentence) if len(w) > 1)
    return {lang: SeedLanguage(tuple(sentences[lang]), ranked_words(counts[lang])) for lang in ("ar", "fr")}


def ranked_words(counts: Counter[str]) -> tuple[str, ...]:
    """Words by falling frequency, a capitalised word counted as its lower-case form if that
    occurs too: "Le" opening a sentence is the word "le", while "Moscou" stays a name."""
    merged: Counter[str] = Counter()
    for word, count in counts.items():
        lower = word.lower()
        merged[lower if lower in counts else word] += count
    return tuple(word for word, _ in merged.most_common())


def seeds_fingerprint(seeds_dir: Path) -> str:
    """A digest of the seed files, so a cached corpus is rebuilt when the seeds change."""
    digest = hashlib.sha256()
    for path in sorted(seeds_dir.glob("*.txt")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
