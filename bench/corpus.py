"""The deterministic synthetic news corpus: N articles, ~80% Arabic and ~20% French.

Every article is generated from its own RNG, seeded with (seed, article number), so article i
is the same whatever N is and whichever process writes it: a corpus of 1,000 is the first 1,000
files of a corpus of 100,000, a cached corpus can be extended in place, and shards can be written
in parallel. Words are drawn from a Zipf law over a vocabulary whose head is the seed corpus
(ranked by frequency) and whose tail is made-up words (``wordforms``), so the number of distinct
words keeps growing with N as in a real archive. A share of them gets clitics and spelling
variants (``morphology``). Half the sentences are seed sentences with some words swapped, which
keeps real word order and phrases.
"""

from __future__ import annotations

import json
import os
import random
import shutil
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from bench.morphology import vary_arabic, vary_french
from bench.seeds import SeedLanguage, load_seeds, seeds_fingerprint
from bench.wordforms import synthesised_word

GENERATOR_VERSION = 2  # bump when a change alters the bytes written, to drop stale caches
SHARD_SIZE = 1000
ARABIC_SHARE = 0.8
MIN_WORDS, MODE_WORDS, MAX_WORDS = 150, 350, 800
ZIPF_EXPONENT = 1.15
VOCABULARY_RANKS = 2_000_000
TEMPLATE_SHARE = 0.5  # sentences that are a seed sentence with some words swapped
SWAP_SHARE = 0.35
VARIATION_SHARE = {"ar": 0.3, "fr": 0.15}
VARIERS: dict[str, Callable[[str, random.Random], str]] = {"ar": vary_arabic, "fr": vary_french}
COMMAS = {"ar": "،", "fr": ","}
MANIFEST = "manifest.json"


class LanguageModel:
    """Draws words and sentences of one language."""

    def __init__(self, lang: str, seed_language: SeedLanguage, salt: int) -> None:
        self.lang = lang
        self.salt = salt
        self.templates = seed_language.sentences
        self.head = seed_language.words_by_frequency
        self.tail: dict[int, str] = {}
        self.vary = VARIERS[lang]
        self.variation_share = VARIATION_SHARE[lang]
        self.comma = COMMAS[lang]
        # Inverse CDF of the continuous power law x^-s on [1, VOCABULARY_RANKS]: O(1) per draw.
        self._span = VOCABULARY_RANKS ** (1 - ZIPF_EXPONENT) - 1
        self._power = 1 / (1 - ZIPF_EXPONENT)

    def word(self, rng: random.Random) -> str:
        """One word, Zipf-distributed over the vocabulary, sometimes with a variation."""
        rank = int((1 + rng.random() * self._span) ** self._power) - 1
        if rank < len(self.head):
            word = self.head[rank]
        else:
            word = self.tail.get(rank)
            if word is None:
                word = self.tail[rank] = synthesised_word(self.lang, rank, self.salt)
        if rng.random() < self.variation_share:
            word = self.vary(word, rng)
        return word

    def sentence(self, rng: random.Random) -> list[str]:
        """A seed sentence with words swapped, or a fresh run of drawn words."""
        if rng.random() < TEMPLATE_SHARE:
            template = rng.choice(self.templates)
            return [self.word(rng) if rng.random() < SWAP_SHARE else t for t in template]
        words = [self.word(rng) for _ in range(rng.randint(8, 28))]
        for _ in range(len(words) // 10):
            at = rng.randrange(len(words) - 1)
            words[at] += self.comma
        words[-1] += "."
        return words

    def headline(self, rng: random.Random) -> list[str]:
        """A short first line: the start of a sentence, without trailing punctuation."""
        words = self.sentence(rng)[: rng.randint(5, 12)]
        words[-1] = words[-1].rstrip(".,،:;") or words[-1]
        if self.lang == "fr":
            words[0] = words[0][:1].upper() + words[0][1:]
        return words


class CorpusGenerator:
    """Turns an article number into the article's text; the same number gives the same bytes."""

    def __init__(self, seeds_dir: Path, seed: int) -> None:
        self.seed = seed
        seeds = load_seeds(seeds_dir)
        self.models = {lang: LanguageModel(lang, seeds[lang], seed) for lang in ("ar", "fr")}

    def article(self, index: int) -> str:
        """Headline, blank line, paragraphs separated by blank lines; 150-800 words in all."""
        rng = random.Random(f"bahith-bench:{self.seed}:{index}")
        model = self.models["ar" if rng.random() < ARABIC_SHARE else "fr"]
        headline = model.headline(rng)
        remaining = int(rng.triangular(MIN_WORDS, MAX_WORDS, MODE_WORDS)) - len(headline)
        paragraphs = []
        while remaining > 0:
            paragraph: list[str] = []
            for _ in range(rng.randint(2, 5)):
                sentence = model.sentence(rng)[:remaining]
                paragraph.extend(sentence)
                remaining -= len(sentence)
                if not remaining:
                    break
            paragraphs.append(" ".join(paragraph))
        if not paragraphs[-1].endswith("."):
            paragraphs[-1] += "."
        return " ".join(headline) + "\n\n" + "\n\n".join(paragraphs) + "\n"


def article_path(root: Path, index: int) -> Path:
    """Where article ``index`` lives: shards of SHARD_SIZE files keep directories small."""
    return root / f"{index // SHARD_SIZE:03d}" / f"{index:06d}.txt"


def corpus_paths(root: Path, n: int) -> list[Path]:
    """The files of the first ``n`` articles, in article order."""
    return [article_path(root, i) for i in range(n)]


def ensure_corpus(root: Path, n: int, seed: int, seeds_dir: Path) -> list[Path]:
    """The first ``n`` articles under ``root``, generated only where the cache lacks them.

    The cache is trusted only if it was written by this generator version from the same seed
    and seed files; otherwise it is wiped. A smaller cached corpus is extended, never rewritten.
    """
    identity = {
        "generator_version": GENERATOR_VERSION,
        "seed": seed,
        "seeds": seeds_fingerprint(seeds_dir),
    }
    manifest_path = root / MANIFEST
    have = 0
    if manifest_path.exists():
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        if all(manifest.get(key) == value for key, value in identity.items()):
            have = manifest["count"]
        else:
            shutil.rmtree(root)
    if have < n:
        write_articles(root, range(have, n), seed, seeds_dir)
        root.mkdir(parents=True, exist_ok=True)
        manifest_path.write_text(json.dumps({**identity, "count": n}, indent=2), encoding="utf-8")
    return corpus_paths(root, n)


def write_articles(root: Path, indices: range, seed: int, seeds_dir: Path) -> None:
    """Write the articles of ``indices``, a shard (or the part of one) per task, on all cores."""
    chunks = []
    start = indices.start
    while start < indices.stop:
        stop = min(indices.stop, (start // SHARD_SIZE + 1) * SHARD_SIZE)
        chunks.append(range(start, stop))
        start = stop
    if len(chunks) == 1:
        _write_chunk(root, chunks[0], seed, seeds_dir)
        return
    with ProcessPoolExecutor(max_workers=min(len(chunks), os.cpu_count() or 1)) as pool:
        for done in [pool.submit(_write_chunk, root, c, seed, seeds_dir) for c in chunks]:
            done.result()


_generators: dict[tuple[Path, int], CorpusGenerator] = {}


def _write_chunk(root: Path, indices: range, seed: int, seeds_dir: Path) -> None:
    generator = _generators.get((seeds_dir, seed))
    if generator is None:
        generator = _generators[seeds_dir, seed] = CorpusGenerator(seeds_dir, seed)
    for index in indices:
        path = article_path(root, index)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(generator.article(index).encode("utf-8"))
