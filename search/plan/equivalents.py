"""What else a query word may be written as: another spelling, the other script, another calendar.

News about one story writes its names many ways: "شويغو" and "شويجو", "Soleimani"
and "سليماني", "يوليو", "تموز" and "juillet". This module gathers, for one query
word (or a two-word month name), every written form the index holds of the same
thing, with a weight below the word as typed, split by language:

* ``native``: forms in the word's own language — spelling variants of a foreign
  name (``names``), the other names of a month (``months``);
* ``across``: forms in the other language — the name in the other script, the
  month in the other language. The search ranks what only these find after
  everything else and marks it as matched across languages.

An Arabic form is searched as written and as its readings, the stems the index
holds for every word at the same position (``indexer.analysis.arabic.stemmer``):
"موسكو" finds "لموسكو" through the reading "موسكو" that the indexer gave it. One
finder serves one reader and caches its answers for as long as that reader lives.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from weakref import WeakKeyDictionary

from whoosh.reading import IndexReader

from indexer.analysis import READING_MARK, analyze_word, is_common_word, months
from indexer.analysis.script import Script, script_of
from search.plan.lexicon import Lexicon
from search.plan.names import NameMatcher

READING_WEIGHT = 0.7
"""Weight of a word's readings (its stems) relative to the word as the user wrote it, so
that an article with the form typed ranks above one with another form of the word."""

VARIANT_WEIGHT = 0.6
"""Weight of another spelling of a name: found, ranked just below the spelling typed and its clitic forms."""

MONTH_WEIGHT = 0.7
"""Weight of another name of a month, like a clitic form of the name typed."""

ACROSS_WEIGHT = 0.6
"""Weight of a name or month in the other language, which orders the hits found across languages."""

MAX_NAMES = 8
"""The most other spellings, and the most names in the other script, one word is
searched as: the commonest in the index. A common name has dozens of rare
misspellings over a large archive, each with its clitic forms."""

Form = tuple[str, ...]
"""A written form as index terms: one term, or a phrase ("كانون", "الثاني")."""


def arabic_terms(word: str, lexical: tuple[str, ...] = ()) -> dict[str, float]:
    """The index terms of an analysed Arabic word: as written (weight 1), and its readings,
    each behind ``READING_MARK`` and as written (a word that is its own reading is indexed
    as written only; see ``Analysis.reading_terms``).

    ``lexical`` gives the forms the user typed before ة and ى were folded, when known:
    "كتابة" (writing) and "كتابه" (his book) are one term as written but have different
    readings.
    """
    terms = {word: 1.0}
    for form in lexical or (word,):
        for reading in analyze_word(form).readings:
            terms.setdefault(READING_MARK + reading, READING_WEIGHT)
            terms.setdefault(reading, READING_WEIGHT)
    return terms


def readings_of(word: str, lexical: tuple[str, ...] = ()) -> list[str]:
    """The stems of an analysed Arabic word (the word itself first), which its other
    spellings, its name in the other script and its month names are looked up by."""
    stems = [word]
    for form in lexical or (word,):
        stems += [r for r in analyze_word(form).readings if r not in stems]
    return stems


@dataclass(frozen=True)
class Equivalents:
    """The other written forms of one query word, with weights, in its language and in the other."""

    native: dict[Form, float] = field(default_factory=dict)
    across: dict[Form, float] = field(default_factory=dict)


def _merge(into: dict[Form, float], forms: Iterable[tuple[Form, float]]) -> None:
    for form, weight in forms:
        into[form] = max(weight, into.get(form, 0.0))


class EquivalentFinder:
    """Finds the equivalents of query words in one reader's vocabulary."""

    def __init__(self, reader: IndexReader) -> None:
        self.lexicon = Lexicon(reader)
        self.names = NameMatcher(reader, self.lexicon)
        self._found: dict[tuple[Form, bool, tuple[str, ...]], Equivalents] = {}

    def of(
        self, words: Form, *, typed_capitalized: bool = False, lexical: tuple[str, ...] = ()
    ) -> Equivalents:
        """The equivalents of a query word (or two-word month name) given as index terms.

        ``typed_capitalized`` says the user typed a Latin word with a capital
        letter: a name, when the index does not hold the word to tell; ``lexical``
        gives an Arabic word as typed, before its last letters were folded.
        """
        key = (words, typed_capitalized, lexical)
        if key not in self._found:
            self._found[key] = self._find(words, typed_capitalized, lexical)
        return self._found[key]

    @staticmethod
    def _written(form: Form, weight: float) -> list[tuple[Form, float]]:
        """A form with its weight, and an Arabic word's readings too."""
        if len(form) == 1 and script_of(form[0]) is Script.ARABIC:
            return [((term,), weight * w) for term, w in arabic_terms(form[0]).items()]
        return [(form, weight)]

    def _commonest(self, terms: frozenset[str]) -> list[str]:
        """At most ``MAX_NAMES`` of ``terms``, those most articles use."""
        return sorted(terms, key=lambda t: (-self.lexicon.doc_frequency(t), t))[:MAX_NAMES]

    def _find(self, words: Form, typed_capitalized: bool, lexical: tuple[str, ...]) -> Equivalents:
        """Months for the word and each of its readings, its name in the other script, and
        other spellings unless its readings are nouns or verbs of the dictionary ("حكومة"
        is no spelling of "هجمة"; "قاسم", a noun and a name, is still "Qassem")."""
        script = script_of(words[0])
        readings = [words]
        spelled = True
        if len(words) == 1 and script is Script.ARABIC:
            readings = [(stem,) for stem in readings_of(words[0], lexical)]
            spelled = not any(is_common_word(form) for form in lexical or words)
        found = Equivalents()
        for reading in readings:
            for month in months.other_names(reading):
                side = found.native if months.script_of_name(month) is script else found.across
                _merge(side, self._written(month, MONTH_WEIGHT))
            if len(reading) > 1:
                continue
            for variant in self._commonest(self.names.variants(reading[0])) if spelled else ():
                _merge(found.native, self._written((variant,), VARIANT_WEIGHT))
            for name in self._commonest(self.names.across(reading[0], typed_capitalized=typed_capitalized)):
                _merge(found.across, self._written((name,), ACROSS_WEIGHT))
        for side in (found.native, found.across):
            side.pop(words, None)
        return found


_FINDERS: WeakKeyDictionary[IndexReader, EquivalentFinder] = WeakKeyDictionary()


def finder_for(reader: IndexReader) -> EquivalentFinder:
    """The finder of ``reader``, made on first use and dropped with the reader."""
    finder = _FINDERS.get(reader)
    if finder is None:
        finder = _FINDERS[reader] = EquivalentFinder(reader)
    return finder
