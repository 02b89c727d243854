"""Arabic normalization steps, each one small, named for what it does, built on pyarabic.

The steps run in the order of ``ARABIC_CHAIN``. Presentation forms are unfolded
first so that every later step sees ordinary letters; tashkeel is stripped before
the letter folds so that a hamza written as a combining mark does not survive.
"""

from __future__ import annotations

import unicodedata

import pyarabic.araby as araby

from indexer.analysis.chars import Chain, CharStep
from indexer.analysis.common import fold_digits, join_hyphens, strip_invisibles


def _unfold_presentation_form(ch: str) -> str:
    code = ord(ch)
    if 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF:
        return unicodedata.normalize("NFKC", ch)
    return ch


fold_presentation_forms = CharStep(
    "fold_presentation_forms",
    _unfold_presentation_form,
    """NFKC on Arabic presentation forms (U+FB50-U+FDFF, U+FE70-U+FEFF): the
    isolated, initial, medial and final glyph codes and the ligatures such as
    ﻻ -> لا and ﷲ -> الله become the ordinary letters they draw.""",
)

_MARKS = set(araby.TASHKEEL) | {araby.SHADDA, araby.MINI_ALEF, araby.HAMZA_ABOVE, araby.HAMZA_BELOW}
_MARKS |= {chr(c) for c in range(0x0610, 0x061B)} | {chr(c) for c in range(0x064B, 0x0660)}
_MARKS |= {chr(c) for c in range(0x06D6, 0x06EE)} - {"\u06e5", "\u06e6"}

strip_tashkeel = CharStep.from_table(
    "strip_tashkeel",
    dict.fromkeys(_MARKS, ""),
    """Delete Arabic diacritics: the short vowels fatha, damma, kasra and sukun,
    the tanwin fathatan, dammatan and kasratan, shadda, the dagger alef, the
    combining hamza above and below, and the Quranic annotation marks
    (U+0610-U+061A, U+06D6-U+06ED). "اجتماعاً" and "اجتماعا" become one word.""",
)

strip_tatweel = CharStep.from_table(
    "strip_tatweel",
    {araby.TATWEEL: ""},
    """Delete tatweel (kashida, U+0640), the stretching stroke: "مـوسـكو" -> "موسكو".""",
)

fold_alef = CharStep.from_table(
    "fold_alef",
    dict.fromkeys(
        (araby.ALEF_HAMZA_ABOVE, araby.ALEF_HAMZA_BELOW, araby.ALEF_MADDA, araby.ALEF_WASLA),
        araby.ALEF,
    ),
    """Map the alef forms أ إ آ ٱ to bare alef ا: writers use them
    interchangeably ("إس-300" and "اس-300").""",
)

fold_alef_maqsura = CharStep.from_table(
    "fold_alef_maqsura",
    {araby.ALEF_MAKSURA: araby.YEH},
    """Map alef maqsura ى to yeh ي: "على" is often typed "علي" and the reverse.""",
)

fold_teh_marbuta = CharStep.from_table(
    "fold_teh_marbuta",
    {araby.TEH_MARBUTA: araby.HEH},
    """Map teh marbuta ة to heh ه: "الروسية" is often typed "الروسيه".""",
)

fold_persian_letters = CharStep.from_table(
    "fold_persian_letters",
    {
        "\u06a9": araby.KAF,  # ک keheh
        "\u06aa": araby.KAF,  # ڪ swash kaf
        "\u06cc": araby.YEH,  # ی Farsi yeh
        "\u06d0": araby.YEH,  # ې
        "\u06d2": araby.YEH,  # ے yeh barree
        "\u06c1": araby.HEH,  # ہ heh goal
        "\u06be": araby.HEH,  # ھ heh doachashmee
        "\u06d5": araby.HEH,  # ە ae
        "\u06c0": araby.HEH,  # ۀ heh with yeh above
        "\u06c2": araby.HEH,  # ۂ heh goal with hamza above
        "\u06c3": araby.HEH,  # ۃ teh marbuta goal
    },
    """Map Persian and Urdu letter forms to their Arabic counterparts:
    keheh ک and swash kaf ڪ -> ك; Farsi yeh ی, ې and yeh barree ے -> ي;
    heh goal ہ, heh doachashmee ھ, ae ە, ۀ, ۂ and teh marbuta goal ۃ -> ه.""",
)

ARABIC_LEXICAL_CHAIN = Chain(
    fold_presentation_forms,
    strip_invisibles,
    join_hyphens,
    strip_tashkeel,
    strip_tatweel,
    fold_alef,
    fold_persian_letters,
    fold_digits,
)
"""Every step but the folds of ى and ة: the form the dictionary is looked up in, where
"كتابة" (writing) and "كتابه" (his book) are still two words."""

_FINAL_FOLDS = (fold_alef_maqsura, fold_teh_marbuta)
_FINAL_FOLD_TABLE = str.maketrans({araby.ALEF_MAKSURA: araby.YEH, araby.TEH_MARBUTA: araby.HEH})


def fold_final_letters(lexical: str) -> str:
    """The two folds the lexical form still lacks (``fold_alef_maqsura``, ``fold_teh_marbuta``):
    what makes an index term of it. One ``str.translate``: both map a letter to one letter, so
    no offset moves, and indexing calls this for every word and every reading."""
    return lexical.translate(_FINAL_FOLD_TABLE)


ARABIC_CHAIN = Chain(*ARABIC_LEXICAL_CHAIN.steps, *_FINAL_FOLDS)
"""The whole normalization of an Arabic word: the form its index term is written in."""
