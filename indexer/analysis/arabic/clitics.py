"""Split an Arabic word into proclitic + stem + suffix, listing every reading.

Arabic glues conjunctions, prepositions and the article to the front of a word
("لموسكو" = ل + موسكو) and pronouns and number endings to its back
("زيارته" = زيارة + ه). Light stemmers such as light10 strip a fixed list and
are wrong both ways: they miss the single-letter ب and ل ("بسليماني"), and a
naive single-letter stripper turns "لبنان" into "بنان". So this module does not
decide: it lists every way a word can be read, and the search side keeps a
reading only when the index vocabulary makes it plausible (see ``search.expand``).

Words here are already normalized (no tashkeel, ة written ه, ى written ي).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

ARTICLE_PROCLITICS = ("ال", "وال", "فال", "بال", "كال", "لل", "ولل", "فلل")
"""The article, alone or behind a conjunction or preposition. Stripping these is
safe: almost no word starts with them by accident."""

LETTER_PROCLITICS = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك")
"""Conjunctions and prepositions written as one letter, alone or stacked. Many
words start with these letters (بوتين, لبنان, وزير), so a reading that strips them
needs evidence from the index."""

PRONOUN_SUFFIXES = ("ه", "ها", "هم", "هن", "هما", "كم", "كن", "نا")
"""Attached pronouns. A teh marbuta turns into ت before them (زيارة + ه = زيارته)
and a final hamza takes a seat (لقاء + ه = لقائه)."""

NUMBER_SUFFIXES = ("ات", "ون", "ين", "ان", "تان", "تين")
"""Sound plurals and duals. ات, تان and تين also replace a teh marbuta
(زيارة -> زيارات). Together with ه (ة) these unify the nisba forms ي, ية, يون,
يين and يات; a bare final ي is never stripped, because it would turn names such as
"سليماني" into other names ("سليمان")."""

NISBA_ENDINGS = ("ه", "ين", "ون", "ات")
"""The endings a nisba adjective in ي takes: feminine, plurals."""

MIN_STEM = 3
"""The shortest stem a reading may leave, in letters."""

MIN_STEM_AFTER_ARTICLE = 2
"""After the article alone a two-letter stem is allowed ("السر" -> "سر")."""

_TEH_MARBUTA = "ه"
_TEH = "ت"
_HAMZA = "ء"
_NISBA = "ي"
_HAMZA_ON_A_SEAT = ("ئ", "ؤ")


@dataclass(frozen=True, slots=True)
class Reading:
    """One way to read a word: ``proclitic + stem' + suffix``.

    ``stem`` is the dictionary form: where a teh marbuta turned into ت before the
    suffix, the stem has it back (زيارته -> stem زياره, suffix ه).
    """

    proclitic: str
    stem: str
    suffix: str

    @property
    def is_identity(self) -> bool:
        """The reading that strips nothing."""
        return not self.proclitic and not self.suffix

    @property
    def needs_evidence(self) -> bool:
        """Whether the index must attest the stem before this reading is trusted.

        Trusted on their own: stripping the article, and inflecting a nisba
        adjective (عراقيين, العراقية -> عراقي), whose endings are regular enough
        that the dictionary form need not occur in the articles.
        """
        if self.proclitic not in ("", *ARTICLE_PROCLITICS):
            return True
        return bool(self.suffix) and not (self.stem.endswith(_NISBA) and self.suffix in NISBA_ENDINGS)


def split_proclitics(word: str) -> list[tuple[str, str]]:
    """Every (proclitic, rest) split of ``word``, the empty proclitic first."""
    splits = [("", word)]
    for clitic in (*ARTICLE_PROCLITICS, *LETTER_PROCLITICS):
        if word.startswith(clitic):
            rest = word[len(clitic) :]
            shortest = MIN_STEM_AFTER_ARTICLE if clitic in ARTICLE_PROCLITICS else MIN_STEM
            if len(rest) >= shortest:
                splits.append((clitic, rest))
    return splits


def split_suffixes(word: str) -> list[tuple[str, str]]:
    """Every (stem, suffix) split of ``word``, the empty suffix first.

    Restores the teh marbuta that a suffix turned into ت, and the hamza that a
    suffix moved onto a seat (لقائه -> لقاء), and offers the stem both with and
    without it when the ending could be either.
    """
    splits = [(word, "")]
    for suffix in (*PRONOUN_SUFFIXES, *NUMBER_SUFFIXES):
        if not word.endswith(suffix) or len(word) - len(suffix) < MIN_STEM:
            continue
        rest = word[: -len(suffix)]
        if suffix in ("ات", "تان", "تين"):
            splits.append((rest + _TEH_MARBUTA, suffix))
        if suffix in PRONOUN_SUFFIXES and rest.endswith(_TEH):
            splits.append((rest[:-1] + _TEH_MARBUTA, suffix))
        if suffix in PRONOUN_SUFFIXES and rest.endswith(_HAMZA_ON_A_SEAT):
            splits.append((rest[:-1] + _HAMZA, suffix))
        splits.append((rest, suffix))
    return splits


@lru_cache(maxsize=65536)
def readings(word: str) -> tuple[Reading, ...]:
    """Every reading of a normalized word, the identity reading first."""
    found: dict[tuple[str, str, str], Reading] = {}
    for proclitic, rest in split_proclitics(word):
        for stem, suffix in split_suffixes(rest):
            shortest = MIN_STEM_AFTER_ARTICLE if not suffix and proclitic in ARTICLE_PROCLITICS else MIN_STEM
            if len(stem) >= shortest:
                found.setdefault((proclitic, stem, suffix), Reading(proclitic, stem, suffix))
    return tuple(found.values())


def stems(word: str) -> tuple[str, ...]:
    """The distinct candidate stems of a word, without the word itself."""
    return tuple(dict.fromkeys(r.stem for r in readings(word) if r.stem != word))
