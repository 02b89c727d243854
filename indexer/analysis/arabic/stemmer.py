"""Which stems an Arabic word is indexed under: decided with a dictionary, at index time.

Each word is indexed as written and, at the same position, as each of its readings.
The rules, in order (the first that gives a reading wins):

1. A dictionary word stays whole: "لجنة", "فريق", "وزير", "كتاب", "لبنان" are words, so
   their first letter is a root letter and not a clitic.
2. Otherwise the splits (``clitics``) whose stem is a dictionary word, fewest letters
   stripped first: "وبالعام" -> "عام", "قراراتها" -> "قرار", "لحكوماتهم" -> "حكومة",
   "مستواه" -> "مستوى", "ولبنان" -> "لبنان" (not ول + "بنان"). Every split that strips
   as few letters is kept, commonest first by the dictionary's frequency table, unless it
   is far rarer than the commonest (``RARE_READING``): that is an ambiguous word's set of
   readings. A split that strips more is kept too when it leaves a far commoner word
   (``COMMON_FLOOR``: "لقوة" is a rare word, and mostly ل + "قوة"). A name takes no
   suffix ("عدنان" is not "عدن" + ان) and a verb no article. A word read only by
   stripping a one-letter proclitic also keeps itself, in case it is a name the
   dictionary lacks ("بلينكن" is not ب + "لين" + كن); that costs nothing in the index.
3. The same two rules again with the common misspellings of the last letter undone
   (ه for ة, ي for ى): "الحكومه" -> "حكومة".
4. A word the dictionary does not know (a new name, a foreign word: "رويترز", "شويغو")
   keeps itself as a reading, plus one reading per proclitic that can be stripped and
   the nisba endings: "لرويترز" -> "رويترز". Its other endings are never stripped,
   because an unknown word is most often a name.

Each reading onto a broken plural also reads as its singular ("صواريخ" -> "صاروخ",
"وزراء" -> "وزير"), and a feminine nisba adjective as its masculine ("الأمريكية" ->
"أمريكي"); other feminines stay apart from their masculine ("سميرة" is not "سمير").
The adjective of a country or region listed in ``places`` reads as the place too
("الإسرائيلية" -> "إسرائيل", "الروسي" -> "روسيا").

Nothing here looks at the archive: an article is indexed the same way in an archive of
one article or a million.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from indexer.analysis.arabic.clitics import (
    ALEF_MAQSURA,
    LETTER_PROCLITICS,
    NISBA,
    NISBA_ENDINGS,
    TEH_MARBUTA,
    Split,
    nisba_splits,
    split_proclitics,
    splits,
)
from indexer.analysis.arabic.lexicon import VERB, ArabicLexicon, arabic_lexicon
from indexer.analysis.arabic.normalize import fold_final_letters
from indexer.analysis.arabic.places import places_by_nisba

DICTIONARY, BROKEN_PLURAL, SPELLING, RULE, PLACE = "dictionary", "broken plural", "spelling", "rule", "place"
"""Why a reading was made (see the module's rules)."""

_MISSPELT_ENDINGS = {"ه": TEH_MARBUTA, "ي": ALEF_MAQSURA}

RARE_READING = 50
"""Of equally short readings, one this many times rarer than the commonest (by the frequency
table) is dropped: "قوتين" is the dual of "قوة", not of "قوت" (food)."""

COMMON_FLOOR = 1000
"""A split that strips more letters is kept too when the word it leaves is ``RARE_READING``
times commoner than the shorter reading and than this count: "لقوة" is a rare word of its
own, and far more often ل + "قوة"; "بروسيا" (Prussia) is also ب + "روسيا"."""


@dataclass(frozen=True, slots=True)
class Reading:
    """One stem a word is indexed under, and why.

    ``stem`` is in lexical form (ة and ى written), ``term`` the index term (folded);
    ``split`` is how the word was cut; ``source`` one of ``DICTIONARY``,
    ``BROKEN_PLURAL``, ``SPELLING``, ``RULE``, ``PLACE``; ``entry`` the dictionary word it
    rests on (for ``PLACE``, the adjective).
    """

    stem: str
    split: Split
    source: str
    entry: str = ""

    @property
    def term(self) -> str:
        return fold_final_letters(self.stem)

    def why(self) -> str:
        """Why the word has this reading, in words, for ``bahith analyze``."""
        cut = [f"{part} stripped" for part in (self.split.proclitic, self.split.suffix) if part]
        if self.source == PLACE:
            return "; ".join([f"the place of the adjective {self.entry}", *cut])
        if self.source == RULE:
            return "not in the dictionary: " + (", ".join(cut) + " by rule" if cut else "kept as written")
        lexicon = arabic_lexicon()
        word = self.stem if self.source == BROKEN_PLURAL else self.entry
        kinds = lexicon.kind_of(word).replace(",", " and ")
        root = lexicon.roots.get(word)
        basis = f"dictionary {kinds} {word}" + (f" (root {root})" if root else "")
        if self.source == BROKEN_PLURAL:
            basis = f"singular of the broken plural {self.entry}: {basis}"
        elif self.source == SPELLING:
            basis += f", read with its last letter as {self.entry[-1]}"
        return "; ".join([basis, *cut])


def _fits(lexicon: ArabicLexicon, split: Split, entry: str) -> bool:
    """Whether a dictionary word can carry this split's clitics."""
    if lexicon.is_name(entry) and split.suffix:
        # A name in ي is also an adjective: "كردي", "الكرديين".
        return entry.endswith(NISBA) and split.suffix in NISBA_ENDINGS
    return not (split.has_article and lexicon.kind_of(entry) == VERB)


def _spelled(word: str) -> str:
    """``word`` with a misspelt last letter put right (ه -> ة, ي -> ى), or "" if none applies."""
    right = _MISSPELT_ENDINGS.get(word[-1:])
    return word[:-1] + right if right else ""


def _with_lemmas(lexicon: ArabicLexicon, readings: list[Reading]) -> list[Reading]:
    """The readings, each broken plural followed by its singulars and each feminine nisba
    adjective by its masculine ("الأمريكية" -> "أمريكي")."""
    found: list[Reading] = []
    for reading in readings:
        found.append(reading)
        for single in lexicon.singulars.get(reading.entry, ()):
            found.append(Reading(single, reading.split, BROKEN_PLURAL, reading.entry))
        base = reading.entry[:-1]
        if reading.entry.endswith(NISBA + TEH_MARBUTA) and base in lexicon.nisba:
            found.append(Reading(base, Split(reading.split.proclitic, base, TEH_MARBUTA), DICTIONARY, base))
    return found


def _dictionary_readings(
    lexicon: ArabicLexicon, candidates: tuple[Split, ...], spelling: bool
) -> list[Reading]:
    """Rules 1 and 2 (rule 3 with ``spelling``): the splits onto dictionary words that strip
    fewest letters, and the far commoner words a longer split leaves (``COMMON_FLOOR``)."""
    known: list[Reading] = []
    for split in candidates:
        entry = _spelled(split.stem) if spelling else split.stem
        if entry and lexicon.knows(entry) and _fits(lexicon, split, entry):
            known.append(Reading(entry, split, SPELLING if spelling else DICTIONARY, entry))
    if not known:
        return []
    frequency = lexicon.frequency.get
    fewest = min(r.split.stripped for r in known)
    best = sorted((r for r in known if r.split.stripped == fewest), key=lambda r: -frequency(r.entry, 0))
    commonest = frequency(best[0].entry, 0)
    kept = [r for r in best if frequency(r.entry, 0) * RARE_READING >= commonest]
    floor = RARE_READING * max(commonest, COMMON_FLOOR)
    longer = [r for r in known if r.split.stripped > fewest and frequency(r.entry, 0) >= floor]
    return kept + sorted(longer, key=lambda r: -frequency(r.entry, 0))


def _rule_readings(word: str) -> tuple[Reading, ...]:
    """Rule 4: an unknown word, itself and without each proclitic, and a nisba without its ending."""
    found = [Reading(word, Split("", word, ""), RULE)]
    for proclitic, rest in split_proclitics(word)[1:]:
        found.append(Reading(rest, Split(proclitic, rest, ""), RULE))
    for reading in list(found):
        for base, ending in nisba_splits(reading.stem):
            found.append(Reading(base, Split(reading.split.proclitic, base, ending), RULE))
    return tuple({r.stem: r for r in found}.values())


@lru_cache(maxsize=8192)
def arabic_readings(word: str) -> tuple[Reading, ...]:
    """The readings of an Arabic word in lexical form, the likeliest first (see the module)."""
    return _with_places(_readings(word))


def _with_places(readings: tuple[Reading, ...]) -> tuple[Reading, ...]:
    """The readings, each listed nisba adjective followed by its place, read as the place's
    own first reading ("عراقي" -> "عراق", as "العراق" reads)."""
    places = places_by_nisba()
    found = list(readings)
    for reading in readings:
        for place in places.get(reading.stem, ()):
            found.append(Reading(_readings(place)[0].stem, reading.split, PLACE, reading.stem))
    return tuple({r.stem: r for r in found}.values())


def _readings(word: str) -> tuple[Reading, ...]:
    """The readings of ``word`` from the dictionary and the rules, places aside."""
    lexicon = arabic_lexicon()
    candidates = splits(word)
    for spelling in (False, True):
        found = _dictionary_readings(lexicon, candidates, spelling)
        if found:
            if all(r.split.proclitic in LETTER_PROCLITICS for r in found):
                found.append(Reading(word, candidates[0], RULE))
            return tuple({r.stem: r for r in _with_lemmas(lexicon, found)}.values())
    return _rule_readings(word)


@lru_cache(maxsize=8192)
def is_common_word(lexical: str) -> bool:
    """Whether an Arabic word (lexical form) reads as a noun or verb of the dictionary proper.

    Such a word has no other spellings the way a transliterated name has ("شويغو",
    "شويجو"): "حكومة" and "هجمة" share a skeleton and are two words.
    """
    lexicon = arabic_lexicon()
    return any(r.entry and lexicon.is_common(r.entry) for r in arabic_readings(lexical))
