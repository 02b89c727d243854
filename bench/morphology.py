"""Surface variation of words as it shows up in real news text.

A search engine for Arabic is judged on finding "الحكومة" in "وبالحكومة", "الحكومه" or
"الحكـومة", and for French on "l’État" versus "etat". The synthetic corpus therefore decorates
a share of its words with what writers really produce: Arabic proclitics and suffixes, hamza,
alef maqsura and ta marbuta spelling variants, occasional tashkeel and tatweel; French elision,
plural and feminine endings and dropped accents.
"""

from __future__ import annotations

import random
import unicodedata

ARABIC_PROCLITICS = ("و", "ف", "ب", "ل", "ك", "ال", "وال", "بال", "لل")
# Before a word that already has the article, "ل" + "ال" is written "لل" (the alef drops).
ARABIC_PROCLITICS_BEFORE_ARTICLE = ("و", "ف", "ب", "ك", "ل")
ARABIC_PRONOUN_SUFFIXES = ("ه", "ها", "هم")
ARABIC_NOMINAL_SUFFIXES = ("ات", "ون", "ين", "ة")
ARABIC_SUFFIXES = ARABIC_PRONOUN_SUFFIXES + ARABIC_NOMINAL_SUFFIXES
# A word with the article never takes a possessive pronoun: "البيتها" is not Arabic.
DEFINITE_STARTS = ("ال", "وال", "فال", "بال", "كال", "لل")
HAMZA_ALEFS = str.maketrans("أإآ", "ااا")
TASHKEEL = ("\u064e", "\u064f", "\u0650", "\u0652", "\u0651")  # fatha damma kasra sukun shadda
TATWEEL = "\u0640"
# Letters that do not join to the next one: a tatweel after them would be misplaced.
NON_JOINING = set("اأإآدذرزوءةى")

FRENCH_VOWEL_STARTS = tuple("aeiouhéèêàâîôûAEIOUHÉÈÊÀÂÎÔÛ")
APOSTROPHES = ("’", "’", "'")  # the typographic one is more common in edited news


def vary_arabic(word: str, rng: random.Random) -> str:
    """``word`` with one to a few random clitics or spelling variations applied."""
    roll = rng.random()
    if roll < 0.6:
        word = _add_proclitic(word, rng)
        if rng.random() < 0.25:
            word = _add_suffix(word, rng)
    elif roll < 0.82:
        word = _add_suffix(word, rng)
    elif roll < 0.94:
        word = _spelling_variant(word)
    elif roll < 0.98:
        word = _add_tashkeel(word, rng)
    else:
        word = _add_tatweel(word, rng)
    return word


def _add_proclitic(word: str, rng: random.Random) -> str:
    if word.startswith("ال"):
        clitic = rng.choice(ARABIC_PROCLITICS_BEFORE_ARTICLE)
        return "لل" + word[2:] if clitic == "ل" else clitic + word
    return rng.choice(ARABIC_PROCLITICS) + word


def _add_suffix(word: str, rng: random.Random) -> str:
    suffix = rng.choice(ARABIC_NOMINAL_SUFFIXES if word.startswith(DEFINITE_STARTS) else ARABIC_SUFFIXES)
    if word.endswith("ة"):
        if suffix in ARABIC_PRONOUN_SUFFIXES:
            return word[:-1] + "ت" + suffix
        return word[:-1] + "ات"
    if word.endswith(("ى", "ا")) and suffix in ("ة", "ات"):
        return word + "ه"
    return word + suffix


def _spelling_variant(word: str) -> str:
    if any(alef in word for alef in "أإآ"):
        return word.translate(HAMZA_ALEFS)
    if word.endswith("ى"):
        return word[:-1] + "ي"
    if word.endswith("ي"):
        return word[:-1] + "ى"
    if word.endswith("ة"):
        return word[:-1] + "ه"
    return word


def _add_tashkeel(word: str, rng: random.Random) -> str:
    return "".join(ch + rng.choice(TASHKEEL) if rng.random() < 0.5 else ch for ch in word)


def _add_tatweel(word: str, rng: random.Random) -> str:
    spots = [i for i in range(len(word) - 1) if word[i] not in NON_JOINING]
    if not spots:
        return word
    at = rng.choice(spots) + 1
    return word[:at] + TATWEEL * rng.randint(1, 3) + word[at:]


def vary_french(word: str, rng: random.Random) -> str:
    """``word`` with an elided article, a plural or feminine ending, or its accents dropped."""
    roll = rng.random()
    if roll < 0.4 and word.startswith(FRENCH_VOWEL_STARTS):
        return rng.choice(("l", "d")) + rng.choice(APOSTROPHES) + word
    if roll < 0.65:
        return word if word.endswith(("s", "x", "z")) else word + "s"
    if roll < 0.8:
        return word if word.endswith("e") else word + "e"
    return strip_accents(word)


def strip_accents(word: str) -> str:
    """``word`` without its accents, as typed on a keyboard without French layout."""
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
