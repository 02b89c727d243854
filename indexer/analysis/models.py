"""Model names, a letter and a number ("S-300", "إس-300", "F-16"), in both scripts.

Arms, aircraft and rockets are named by a Latin letter and a number, and Arabic news
spells the letter out as it is said: "S-300" is "إس-300", "F-16" is "إف-16", "T-90" is
"تي-90". Both are one model, whichever script a text or a query uses, and no
transliteration of names can tell it (one letter is too short a name). So the letter's
spoken names are listed here: a model name in one script has its written forms in the
other, as index terms, for the query to look up beside the one typed.
"""

from __future__ import annotations

from indexer.analysis.arabic.normalize import ARABIC_LEXICAL_CHAIN, fold_final_letters

_SPOKEN = """
a ايه
b بي
c سي
d دي
e اي
f اف
g جي
h اتش
i اي
j جاي
k كي
l ال
m ام
n ان
o او
p بي
q كيو
r ار
s اس
t تي
u يو
v في
w دبليو
x اكس
y واي
z زد
"""
"""Each Latin letter and how Arabic writes it said, hamza and madda folded as the index
folds them ("إس" and "اس" are one term)."""


def _table() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    spoken: dict[str, tuple[str, ...]] = {}
    letters: dict[str, tuple[str, ...]] = {}
    for line in _SPOKEN.strip().splitlines():
        letter, name = line.split()
        term = fold_final_letters(ARABIC_LEXICAL_CHAIN.run(name).text)
        spoken[letter] = (*spoken.get(letter, ()), term)
        letters[term] = (*letters.get(term, ()), letter)
    return spoken, letters


_SPOKEN_BY_LETTER, _LETTERS_BY_SPOKEN = _table()


def model_name_terms(parts: tuple[str, ...]) -> set[str]:
    """The index terms of the model a compound's parts (index terms) name, in both scripts:
    ("s", "300") and ("اس", "300") -> {"s300", "اس300"}, as the compound is indexed whole.

    Empty unless the parts are one letter (Latin, or an Arabic letter's spoken name) then
    a number."""
    if len(parts) != 2 or not parts[1].isdigit():
        return set()
    letter, number = parts
    latin = (letter,) if letter in _SPOKEN_BY_LETTER else _LETTERS_BY_SPOKEN.get(letter, ())
    names = [*latin, *(spoken for one in latin for spoken in _SPOKEN_BY_LETTER[one])]
    return {name + number for name in names}
