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

Arabic forms come with their clitic forms ("وشويجو", "بموسكو"), as the word typed
does (``expand``). One finder serves one reader and caches its answers, and the
clitic forms of every query word, for as long as that reader lives.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from weakref import WeakKeyDictionary

from whoosh.reading import IndexReader

from indexer.analysis.script import Script, script_of
from search import months
from search.expand import expand_arabic, plausible_stems
from search.lexicon import Lexicon
from search.names import NameMatcher

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
        self._found: dict[tuple[Form, bool], Equivalents] = {}
        self._clitic_forms: dict[str, dict[str, float]] = {}

    def clitic_forms(self, word: str) -> dict[str, float]:
        """An Arabic word's written forms with their weights (``expand.expand_arabic``), cached."""
        if word not in self._clitic_forms:
            self._clitic_forms[word] = expand_arabic(word, self.lexicon)
        return self._clitic_forms[word]

    def of(self, words: Form, *, typed_capitalized: bool = False) -> Equivalents:
        """The equivalents of a query word (or two-word month name) given as index terms.

        ``typed_capitalized`` says the user typed a Latin word with a capital
        letter: a name, when the index does not hold the word to tell.
        """
        if (words, typed_capitalized) not in self._found:
            self._found[words, typed_capitalized] = self._find(words, typed_capitalized)
        return self._found[words, typed_capitalized]

    def _written(self, form: Form, weight: float) -> list[tuple[Form, float]]:
        """A form with its weight, and an Arabic word's clitic forms too."""
        if len(form) == 1 and script_of(form[0]) is Script.ARABIC:
            return [((term,), weight * w) for term, w in self.clitic_forms(form[0]).items()]
        return [(form, weight)]

    def _commonest(self, terms: frozenset[str]) -> list[str]:
        """At most ``MAX_NAMES`` of ``terms``, those most articles use."""
        return sorted(terms, key=lambda t: (-self.lexicon.doc_frequency(t), t))[:MAX_NAMES]

    def _find(self, words: Form, typed_capitalized: bool) -> Equivalents:
        script = script_of(words[0])
        readings = [words]
        if len(words) == 1 and script is Script.ARABIC:
            readings = [(stem,) for stem in plausible_stems(words[0], self.lexicon)]
        found = Equivalents()
        for reading in readings:
            for month in months.other_names(reading):
                side = found.native if months.script_of_name(month) is script else found.across
                _merge(side, self._written(month, MONTH_WEIGHT))
            if len(reading) > 1:
                continue
            for variant in self._commonest(self.names.variants(reading[0])):
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
