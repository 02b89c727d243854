"""Every way an Arabic word can be split into proclitics + stem + suffix.

Arabic glues conjunctions, prepositions and the article to the front of a word
("لموسكو" = ل + موسكو, "فبالرئيس" = ف + ب + ال + رئيس) and pronouns and number
endings to its back ("زيارته" = زيارة + ه, "قراراتها" = قرار + ات + ها). This
module does not decide which split is right: it lists them all, with the stem
written as a dictionary writes it, and ``stemmer`` chooses with the dictionary.

The stem is restored where a suffix changed the word's end:

* ة becomes ت before a pronoun or the dual (زيارته, قوتين -> زيارة, قوة) and drops
  before ات (زيارات -> زيارة);
* ى becomes ا before a pronoun (مستواه -> مستوى) and ي before the dual (مديان -> مدى);
* a final hamza takes a seat before a pronoun (لقائه -> لقاء);
* a nisba adjective in ي takes ة, ون, ين, ات (العراقية -> عراقي); a bare final ي
  is never a suffix, or "سليماني" would be "سليمان".

Words here are in lexical form (``ARABIC_LEXICAL_CHAIN``): no tashkeel, alef
folded, but ة and ى still written.
"""

from __future__ import annotations

from dataclasses import dataclass

ARTICLE = "ال"

ARTICLE_PROCLITICS = ("ال", "وال", "فال", "بال", "كال", "لل", "ولل", "فلل", "وبال", "فبال", "وكال", "فكال")
"""The article, alone or behind a conjunction and/or a preposition (ل + ال is written لل)."""

LETTER_PROCLITICS = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك", "وس", "فس")
"""Conjunctions, prepositions and the future س, one letter or two stacked. Many words start
with these letters as root letters (فريق, لجنة, وزير): only the dictionary can tell."""

PROCLITICS = ARTICLE_PROCLITICS + LETTER_PROCLITICS

PRONOUN_SUFFIXES = ("ه", "ها", "هم", "هن", "هما", "كم", "كن", "كما", "نا")
"""Attached pronouns (a bare ي "my" is left out: it is also the nisba ending)."""

NUMBER_SUFFIXES = ("ات", "ون", "ين", "ان", "تان", "تين")
"""Sound plurals and duals; ات, تان and تين replace a ة."""

SUFFIXES = (
    PRONOUN_SUFFIXES
    + NUMBER_SUFFIXES
    + tuple(plural + p for plural in ("ات", "و", "ي") for p in PRONOUN_SUFFIXES)
)
"""Every suffix: a pronoun, a number ending, or a plural then a pronoun: ات (قراراتها), and
ون and ين, which lose their ن before a pronoun (مسؤولوه, مسؤوليها)."""

NISBA_ENDINGS = ("ة", "ين", "ون", "ات", "ان", "تين", "تان")
"""The endings a nisba adjective in ي takes (العراقية, العراقيين)."""

MIN_STEM = 3
"""The shortest stem a split may leave, in letters."""

MIN_STEM_AFTER_ARTICLE = 2
"""After the article a two-letter stem is allowed ("السر" -> "سر")."""

TEH_MARBUTA, ALEF_MAQSURA, HAMZA, NISBA = "ة", "ى", "ء", "ي"
_FEMININE_DUALS = ("تان", "تين")
"""Dual endings whose ت is the stem's ة: they follow only a stem in ة."""
_HAMZA_SEATS = ("ئ", "ؤ")


@dataclass(frozen=True, slots=True)
class Split:
    """One way to read a word: ``proclitic + stem + suffix``, the stem in dictionary form."""

    proclitic: str
    stem: str
    suffix: str

    @property
    def is_identity(self) -> bool:
        """The split that strips nothing."""
        return not self.proclitic and not self.suffix

    @property
    def stripped(self) -> int:
        """How many letters the split takes away: the fewer, the likelier. The ت of a dual
        ending stands for the stem's ة, so "قوتين" is as near to "قوة" as to "قوت"."""
        return len(self.proclitic) + len(self.suffix) - (self.suffix in _FEMININE_DUALS)

    @property
    def has_article(self) -> bool:
        return self.proclitic in ARTICLE_PROCLITICS


def _by_letter(affixes: tuple[str, ...], at: int) -> dict[str, tuple[str, ...]]:
    """Affixes grouped by their first (``at=0``) or last (``at=-1``) letter: a word is only
    compared with the few that can fit it."""
    groups: dict[str, tuple[str, ...]] = {}
    for affix in affixes:
        groups[affix[at]] = (*groups.get(affix[at], ()), affix)
    return groups


_PROCLITICS_BY_FIRST = _by_letter(PROCLITICS, 0)


def split_proclitics(word: str) -> list[tuple[str, str]]:
    """Every (proclitic, rest) split of ``word``, the empty proclitic first."""
    splits = [("", word)]
    for clitic in _PROCLITICS_BY_FIRST.get(word[:1], ()):
        if word.startswith(clitic):
            rest = word[len(clitic) :]
            if len(rest) >= (MIN_STEM_AFTER_ARTICLE if clitic in ARTICLE_PROCLITICS else MIN_STEM):
                splits.append((clitic, rest))
    return splits


def _restored(rest: str, suffix: str) -> list[str]:
    """The dictionary forms ``rest`` may stand for before ``suffix``."""
    if suffix in _FEMININE_DUALS:
        return [rest + TEH_MARBUTA]
    stems = [rest]
    if suffix.startswith("ات"):
        stems.insert(0, rest + TEH_MARBUTA)
    if suffix in ("ان", "ين") and rest.endswith(NISBA):
        stems.append(rest[:-1] + ALEF_MAQSURA)
    pronoun = suffix[2:] if suffix.startswith("ات") and suffix != "ات" else suffix
    if pronoun in PRONOUN_SUFFIXES and suffix == pronoun:
        if rest.endswith("ت"):
            stems.insert(0, rest[:-1] + TEH_MARBUTA)
        elif rest.endswith("ا"):
            stems.insert(0, rest[:-1] + ALEF_MAQSURA)
        elif rest.endswith(_HAMZA_SEATS):
            stems.insert(0, rest[:-1] + HAMZA)
    return stems


def split_suffixes(word: str) -> list[tuple[str, str]]:
    """Every (stem, suffix) split of ``word``, the empty suffix first (``splits`` drops
    stems shorter than ``MIN_STEM``)."""
    splits = [(word, "")]
    for suffix in _SUFFIXES_BY_LAST.get(word[-1:], ()):
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            splits.extend((stem, suffix) for stem in _restored(word[: -len(suffix)], suffix))
    splits.extend(nisba_splits(word))
    return splits


def nisba_splits(word: str) -> list[tuple[str, str]]:
    """Every (adjective in ي, ending) split of a nisba form ("العراقية" -> "العراقي" + ة)."""
    found = []
    for ending in _NISBA_BY_LAST.get(word[-1:], ()):
        rest = word[: -len(ending)]
        if word.endswith(ending) and rest.endswith(NISBA) and len(rest) >= MIN_STEM + 1:
            found.append((rest, ending))
    return found


_SUFFIXES_BY_LAST = _by_letter(SUFFIXES, -1)
_NISBA_BY_LAST = _by_letter(NISBA_ENDINGS, -1)


def splits(word: str) -> tuple[Split, ...]:
    """Every split of a word in lexical form, the identity first."""
    found: dict[tuple[str, str, str], Split] = {}
    for proclitic, rest in split_proclitics(word):
        for stem, suffix in split_suffixes(rest):
            shortest = MIN_STEM_AFTER_ARTICLE if not suffix and proclitic in ARTICLE_PROCLITICS else MIN_STEM
            if len(stem) >= shortest:
                found.setdefault((proclitic, stem, suffix), Split(proclitic, stem, suffix))
    return tuple(found.values())
