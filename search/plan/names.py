"""Which index terms are the same name as a query word: other spellings, the other script.

Two words with one skeleton key (``indexer.analysis.skeleton``) are one name only if both
are names: "يقول" and "يقال" share a key and are two verbs, "port" and "بيروت"
share one and are a noun and a city. The index tells names from common words:

* a French name is written with a capital letter inside sentences, a common word
  only at their start;
* an Arabic name is written either almost always without the article ("بوتين")
  or almost always with it ("الكرملين"), while a common noun comes both ways
  ("باطن", "الباطن"); a word in ي is an adjective when it also has a feminine
  in ة written without the article ("غربي", "غربية"), or one with it while the
  masculine takes it too ("الغربي", "الغربية"); else a family name, with or
  without the article ("خامنئي", "الخامنئي"; "سليماني" beside the city
  "السليمانية", which is not its feminine);
* a French word typed with a capital is a name when the index writes it so
  inside a sentence, even if it also holds the common word ("Poutine" the
  president, "la poutine" the dish); typed in lower case, it is a name only
  when the index never writes it in lower case;
* an Arabic word of three letters is too short to tell ("جرى" and "Kerry"),
  unless a final ة makes it a noun, which the article tells ("غزة");
* the long vowels an Arabic name writes are heard in its Latin spelling: "حسين"
  is not "Hassan" (``skeleton.vowels_agree``).

Two Arabic spellings of one name write a long vowel or leave it out, never
another one in its place ("سيرغي" is not "صاروخي"). Verbs take no article either,
and passive and active forms differ by a long vowel only ("يقول", "يقال"); so two
spellings that differ only in long vowels are one name only when one of them has
two long vowels, which transliterated names have ("بوتين", "شويغو") and short
verb forms do not.

Candidates are found without keying the whole vocabulary: the body terms under
each letter a key can start with are read once per reader (at most
``MAX_BLOCK``), and within them the key chooses which longer prefixes to follow,
so only a few hundred terms are keyed per lookup. Every answer is cached for the
life of the reader.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator

from whoosh.reading import IndexReader

from indexer.analysis.arabic.clitics import ARTICLE
from indexer.analysis.script import Script, script_of
from indexer.analysis.skeleton import INITIAL_VOWEL, could_start, skeletons, spellings_agree, vowels_agree
from indexer.schema import TEXT_FIELDS
from search.plan.lexicon import AFTER_ALL, Lexicon

ARTICLE_RATIO = 10
"""A name is written its usual way (bare or with the article) this many times as often as the other way."""

MIN_ARABIC_LETTERS = 4
"""The shortest Arabic name matched, article and ة aside: three-letter words are mostly verbs and nouns."""

MIN_SYMBOLS_AFTER_ARTICLE = 4
"""The shortest key of a name written with the article ("الكرملين"): short ones are mostly
adjectives whose other forms a small index may lack ("الرئيسي" and "Russie")."""

PREFIX_BOUND = 32
"""Under a prefix with more terms than this, only the next letters that may lead to the key are followed."""

MAX_BLOCK = 50_000
"""The most terms read under one first letter: the bound on a lookup in a very large index."""

SCANNED_FIELD = "body"
"""Names are looked up in the body vocabulary: a name in a headline is in its article too."""

OCCURRENCE_SAMPLE = 8
"""How many articles (in each text field) are read to see whether a Latin word is written capitalized."""

MIN_LONG_VOWELS = 2
"""Long vowels a spelling needs for a vowel-only difference to be a variant of a name."""

ARABIC_LETTERS = frozenset("ابتثجحخدذرزسشصضطظعغفقكلمنهويءئؤپچڤگ")
LATIN_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")
_LONG_VOWELS = frozenset("اوي")
_WEAK_LETTERS = _LONG_VOWELS | frozenset("عءئؤ")
_NISBA = "ي"
_FEMININE = "ه"
_SENTENCE_ENDS = frozenset('.!?:;«»"“”()[]\n')


def split_article(term: str) -> tuple[str, str]:
    """(article, stem) of an Arabic term: ("ال", "كرملين") for "الكرملين", ("", term) otherwise."""
    if term.startswith(ARTICLE) and len(term) > len(ARTICLE) + 1:
        return ARTICLE, term[len(ARTICLE) :]
    return "", term


def name_keys(term: str) -> tuple[str, ...]:
    """The skeleton keys of a term, an Arabic one read without its article."""
    return skeletons(split_article(term)[1])


def _long_vowels(term: str) -> int:
    return sum(1 for letter in split_article(term)[1][1:] if letter in _LONG_VOWELS)


def _spelled_with_other_vowels(one: str, other: str) -> bool:
    def consonants(word: str) -> list[str]:
        letters = [c for c in split_article(word)[1] if c not in _WEAK_LETTERS]
        return letters[:-1] if letters[-1:] == [_FEMININE] else letters

    return consonants(one) == consonants(other)


def _next_letters(block: list[str], prefix: str, low: int, high: int) -> Iterator[tuple[str, int, int]]:
    """Each letter that follows ``prefix`` in the sorted ``block[low:high]``, with the range
    of the terms that go on with it: only the letters the vocabulary has are visited."""
    depth = len(prefix)
    start = low + (low < high and len(block[low]) == depth)
    while start < high:
        letter = block[start][depth]
        end = bisect_left(block, prefix + letter + AFTER_ALL, start, high)
        yield letter, start, end
        start = end


class NameMatcher:
    """Name lookups on one reader's vocabulary, cached for the life of the reader."""

    def __init__(self, reader: IndexReader, lexicon: Lexicon) -> None:
        self._reader = reader
        self._lexicon = lexicon
        self._names: dict[tuple[str, bool], bool | None] = {}
        self._keyed: dict[tuple[tuple[str, ...], Script], frozenset[str]] = {}
        self._blocks: dict[str, list[str]] = {}

    def is_name(self, term: str, *, typed_capitalized: bool = False) -> bool:
        """Whether the index writes ``term`` as a name (never, for a Latin word it does not hold)."""
        return bool(self._seen_as_name(term, typed_capitalized))

    def _seen_as_name(self, term: str, typed_capitalized: bool = False) -> bool | None:
        """``is_name``, or None for a Latin word the index does not hold or only writes at the
        start of sentences."""
        key = (term, typed_capitalized)
        if key not in self._names:
            if script_of(term) is Script.ARABIC:
                self._names[key] = self._arabic_name(term)
            else:
                lower, inside = self._latin_occurrences(term)
                if inside and (typed_capitalized or not lower):
                    self._names[key] = True
                else:
                    self._names[key] = False if lower else None
        return self._names[key]

    def _arabic_name(self, term: str) -> bool:
        article, stem = split_article(term)
        if len(stem) < MIN_ARABIC_LETTERS and not stem.endswith(_FEMININE):
            return False
        if article and max(len(key.lstrip(INITIAL_VOWEL)) for key in skeletons(stem) or [""]) < (
            MIN_SYMBOLS_AFTER_ARTICLE
        ):
            return False
        if stem.endswith(_NISBA):
            feminine = stem + _FEMININE
            if self._lexicon.doc_frequency(feminine):
                return False
            both = self._lexicon.doc_frequency(ARTICLE + feminine) and self._lexicon.doc_frequency(
                ARTICLE + stem
            )
            return not both
        usual = self._lexicon.doc_frequency(article + stem)
        other = self._lexicon.doc_frequency((ARTICLE if not article else "") + stem)
        return other == 0 or usual >= ARTICLE_RATIO * other

    def _latin_occurrences(self, term: str) -> tuple[int, int]:
        """Among a sample of the occurrences of ``term``: how many are in lower case, and how
        many are capitalized inside a sentence (not at its start, where every word is)."""
        lower = inside = 0
        for field in TEXT_FIELDS:
            if self._reader.doc_frequency(field, term) == 0:
                continue
            postings = self._reader.postings(field, term)
            for _ in range(OCCURRENCE_SAMPLE):
                if not postings.is_active():
                    break
                text = self._reader.stored_fields(postings.id()).get(field, "")
                for _, start, _ in postings.value_as("characters"):
                    if not text[start : start + 1].isupper():
                        lower += 1
                        continue
                    before = text[:start].rstrip()
                    inside += bool(before) and before[-1] not in _SENTENCE_ENDS
                postings.next()
        return lower, inside

    def with_key(self, keys: tuple[str, ...], script: Script) -> frozenset[str]:
        """Index terms of ``script`` sharing a key with ``keys`` (Arabic ones with or without the article)."""
        if (keys, script) not in self._keyed:
            leads = ("", ARTICLE) if script is Script.ARABIC else ("",)
            self._keyed[keys, script] = frozenset(
                term for lead in leads for term in self._scan(set(keys), script, lead)
            )
        return self._keyed[keys, script]

    def _block(self, prefix: str) -> list[str]:
        """The sorted body terms that start with ``prefix`` (at most ``MAX_BLOCK``), read once per reader."""
        if prefix not in self._blocks:
            self._blocks[prefix] = self._lexicon.field_terms(SCANNED_FIELD, prefix, MAX_BLOCK)
        return self._blocks[prefix]

    def _scan(self, keys: set[str], script: Script, lead: str) -> set[str]:
        """Terms ``lead + stem`` whose stem has one of ``keys``.

        The terms under each possible first letter are read once; within them the
        keys choose which next letters to follow, so only the terms under prefixes
        that can still have the key are keyed.
        """
        alphabet = ARABIC_LETTERS if script is Script.ARABIC else LATIN_LETTERS

        def possible(stem: str) -> bool:
            return any(could_start(stem, key) for key in keys)

        found: set[str] = set()
        for first in filter(possible, alphabet):
            block = self._block(lead + first)
            pending = [(first, 0, len(block))]
            while pending:
                stem, low, high = pending.pop()
                if high - low <= PREFIX_BOUND:
                    found.update(t for t in block[low:high] if keys.intersection(skeletons(t[len(lead) :])))
                    continue
                if block[low] == lead + stem and keys.intersection(skeletons(stem)):
                    found.add(block[low])
                for letter, start, end in _next_letters(block, lead + stem, low, high):
                    if letter in alphabet and possible(stem + letter):
                        pending.append((stem + letter, start, end))
        return found

    def variants(self, term: str) -> frozenset[str]:
        """Other Arabic spellings of the name ``term`` in the index ("شويجو" for "شويغو")."""
        keys = name_keys(term)[:1]
        if script_of(term) is not Script.ARABIC or not keys or not self.is_name(term):
            return frozenset()
        return frozenset(
            other
            for other in self.with_key(keys, Script.ARABIC)
            if other != term
            and self.is_name(other)
            and spellings_agree(split_article(term)[1], split_article(other)[1])
            and (
                not _spelled_with_other_vowels(term, other)
                or max(_long_vowels(term), _long_vowels(other)) >= MIN_LONG_VOWELS
            )
        )

    def across(self, term: str, *, typed_capitalized: bool = False) -> frozenset[str]:
        """The name ``term`` as the index writes it in the other script ("سليماني" for "soleimani").

        A Latin query word the index does not hold is taken for a name when the
        user typed it with a capital letter, unless the index holds a Latin name
        with its key: then it is a misspelling of that name ("Soleimeni"), which
        "did you mean" offers.
        """
        keys = name_keys(term)
        if not keys:
            return frozenset()
        seen = self._seen_as_name(term, typed_capitalized)
        if seen is None:
            seen = typed_capitalized and not any(self.is_name(t) for t in self.with_key(keys, Script.LATIN))
        if not seen:
            return frozenset()
        if script_of(term) is Script.ARABIC:
            return frozenset(
                found
                for found in self.with_key(keys, Script.LATIN)
                if self.is_name(found) and vowels_agree(found, split_article(term)[1])
            )
        return frozenset(
            found
            for found in self.with_key(keys, Script.ARABIC)
            if self.is_name(found) and vowels_agree(term, split_article(found)[1])
        )
