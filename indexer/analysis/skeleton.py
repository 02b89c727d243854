"""The consonant skeleton of a name, written the same way in Arabic and in Latin script.

A foreign name has no one spelling in Arabic: Shoigu is "شويغو" and "شويجو", a g
being written ج, غ or ك, a t ت or ط, long vowels written or not. In French it is
"Choïgou". What the spellings keep is the consonants, in order. So each word gets a
key: its consonants mapped to classes of letters that transliterate one another
(ج غ ك ق خ and g k q c j are one class), its vowels dropped, doubled letters made
single, plus two things vowels tell about a name: whether it starts with one and
which long vowel, if any, ends it ("سليماني" and "Soleimani" end in i, "سليمان"
does not, and the two are different people). "شويغو", "شويجو" and "choigou" all
have the key "CGu".

A key says nothing about meaning: common words share keys too ("يقول" and
"يقال"). ``search.plan.names`` decides with evidence from the index whether two words
with one key are one name.

Words are index terms: normalized Arabic (ة written ه, ى written ي, no hamza on
alef) or folded, lowercase Latin.
"""

from __future__ import annotations

from functools import lru_cache

from indexer.analysis.script import Script, script_of

INITIAL_VOWEL = "_"
"""The symbol of a word that starts with a vowel ("أردوغان", "Erdogan")."""

FINAL_VOWELS = "aiu"
"""Symbols of the long vowel ending a name; consonant symbols are upper case."""

MAX_VOWEL_RUN = 3
"""The most vowel letters a name writes in a row ("شويغو", "Serguei"); prefix scans stop past it."""

MIN_CONSONANTS = 2
MIN_SYMBOLS = 3
"""A key shorter than this (consonants plus final vowel) matches too many words to mean a name."""

_ARABIC_CONSONANTS = {
    **dict.fromkeys("بپ", "B"),
    **dict.fromkeys("تطث", "T"),
    **dict.fromkeys("جغكقخگ", "G"),
    **dict.fromkeys("سص", "S"),
    **dict.fromkeys("زذظ", "Z"),
    **dict.fromkeys("دض", "D"),
    **dict.fromkeys("فڤ", "F"),
    **dict.fromkeys("شچ", "C"),
    **dict.fromkeys("هح", "H"),
    "ل": "L",
    "م": "M",
    "ن": "N",
    "ر": "R",
}
_ARABIC_SILENT = frozenset("اعءئؤ")
"""Letters that Latin script does not write: alef, ain and the hamza seats."""
_ARABIC_LONG = {"و": "W", "ي": "Y"}
"""Long vowels, consonants only at the start of a word (وزير, يوسف)."""
_ARABIC_FINAL = {"ا": "a", "ه": "a", "ي": "i", "و": "u"}
"""The final long vowel (ه being a teh marbuta: "غزة", "Gaza")."""
_ARABIC_SIBILANTS = frozenset("سزص")

_LATIN_DIGRAPHS = {
    "ch": "C",
    "sh": "C",
    "th": "T",
    "ph": "F",
    "kh": "G",
    "gh": "G",
    "dh": "Z",
    "dj": "G",
    "ck": "G",
    "qu": "G",
}
_LATIN_CONSONANTS = {
    **dict.fromkeys("bp", "B"),
    "t": "T",
    "d": "D",
    **dict.fromkeys("fv", "F"),
    **dict.fromkeys("gkqj", "G"),
    "s": "S",
    "z": "Z",
    "h": "H",
    "l": "L",
    "m": "M",
    "n": "N",
    "r": "R",
    "x": "GS",
}
_LATIN_VOWELS = frozenset("aeiouyw")
_SOFT_C_BEFORE = frozenset("eiy")
_LATIN_AMBIGUOUS_END = {
    "c": frozenset({"G", "S", "C"}),
    "s": frozenset({"S", "C"}),
    "p": frozenset({"B", "F"}),
    "d": frozenset({"D", "Z", "G"}),
}
"""What a letter may turn out to be when a prefix ends with it ("c" may be "ch", "ce" or "ca")."""

Units = list[tuple[str, frozenset[str]]]
"""Each written unit of a word (a letter or a digraph) and the symbols it may stand for; "" is a vowel."""


def _arabic_units(word: str, complete: bool) -> Units | None:
    units: Units = []
    for index, letter in enumerate(word):
        if letter in _ARABIC_CONSONANTS:
            symbol = _ARABIC_CONSONANTS[letter]
            if letter == "ه" and 0 < index == len(word) - 1:
                units.append((letter, frozenset({""}) if complete else frozenset({"", symbol})))
                continue
        elif letter in _ARABIC_LONG:
            symbol = _ARABIC_LONG[letter] if index == 0 else ""
        elif letter in _ARABIC_SILENT:
            symbol = INITIAL_VOWEL if index == 0 else ""
        else:
            return None
        units.append((letter, frozenset({symbol})))
    return units


def _latin_units(word: str, complete: bool) -> Units | None:
    units: Units = []
    index = 0
    while index < len(word):
        letter, following = word[index], word[index + 1 : index + 2]
        if word[index : index + 2] in _LATIN_DIGRAPHS:
            units.append((word[index : index + 2], frozenset({_LATIN_DIGRAPHS[word[index : index + 2]]})))
            index += 2
            continue
        if letter in _LATIN_VOWELS:
            consonant = letter in "yw" and index == 0 and following in _LATIN_VOWELS
            symbol = letter.upper() if consonant else INITIAL_VOWEL if index == 0 else ""
        elif letter == "c":
            symbol = "S" if following in _SOFT_C_BEFORE else "G"
        elif letter == "g" and index > 0 and word[index - 1] == "n" and following not in _LATIN_VOWELS:
            symbol = ""  # the g of "ng" before a consonant: "Washington", واشنطن
        elif letter in _LATIN_CONSONANTS:
            symbol = _LATIN_CONSONANTS[letter]
        else:
            return None
        last = index == len(word) - 1
        if last and not complete and letter in _LATIN_AMBIGUOUS_END:
            units.append((letter, _LATIN_AMBIGUOUS_END[letter]))
        elif last and not complete and letter == "g" and index > 0 and word[index - 1] == "n":
            units.append((letter, frozenset({"G", ""})))
        elif last and not complete and letter in "yw" and index == 0:
            units.append((letter, frozenset({letter.upper(), INITIAL_VOWEL})))
        else:
            units.append((letter, frozenset({symbol})))
        index += 1
    return units


def _consonants(symbols: list[str]) -> str:
    """The symbols in order, vowels dropped, a symbol written twice in a row kept once."""
    kept: list[str] = []
    previous = ""
    for symbol in symbols:
        if symbol and symbol != previous:
            kept.append(symbol)
        previous = symbol
    return "".join(kept)


def _longest_vowel_run(units: Units) -> int:
    longest = run = 0
    for unit in units:
        run = run + 1 if unit[1] <= {"", INITIAL_VOWEL} else 0
        longest = max(longest, run)
    return longest


def _arabic_final(word: str) -> str:
    for letter in reversed(word[1:]):
        if letter not in _ARABIC_SILENT - {"ا"}:
            return _ARABIC_FINAL.get(letter, "")
    return ""


def _latin_final(word: str) -> str:
    vowels = word[len(word.rstrip("aeiouy")) :]
    if len(vowels) == len(word):
        return ""
    if word[-len(vowels) - 1] in "qg" and vowels[:1] == "u" and vowels[1:2] in ("e", "i"):
        vowels = vowels[1:]  # the u of "que", "gue" is no vowel: "musique", "Serguei"
    if vowels.endswith("e"):
        vowels = vowels[:-1]  # a mute e: "Poutine"; "Syrie" ends in i
    if not vowels:
        return ""
    return "i" if vowels[-1] in "iy" else "a" if vowels[-1] == "a" else "u" if vowels[-1] in "ou" else ""


def _key(word: str) -> str | None:
    script = script_of(word)
    units = _arabic_units(word, True) if script is Script.ARABIC else _latin_units(word, True)
    if not units:
        return None
    consonants = _consonants([next(iter(symbols)) for _, symbols in units])
    final = _arabic_final(word) if script is Script.ARABIC else _latin_final(word)
    if len(consonants.lstrip(INITIAL_VOWEL)) < MIN_CONSONANTS:
        return None
    key = consonants + final
    return key if len(key.lstrip(INITIAL_VOWEL)) >= MIN_SYMBOLS else None


@lru_cache(maxsize=262144)
def skeletons(term: str) -> tuple[str, ...]:
    """The keys of an index term, best first; empty when the term is too short or not a word.

    French drops a final s when it stems a word ("Reuters" is indexed "reuter",
    "Paris" "pari") and Arabic keeps it ("رويترز", "باريس"), so a Latin word also
    has the key of its plural, and an Arabic word ending in a consonant and س or ز
    the key without it.
    """
    key = _key(term)
    if key is None:
        return ()
    if script_of(term) is Script.LATIN:
        plural = _key(term + "s")
        return (key, plural) if plural is not None and plural != key else (key,)
    if len(term) > 2 and term[-1] in _ARABIC_SIBILANTS and term[-2] in _ARABIC_CONSONANTS:
        shorter = _key(term[:-1])
        if shorter is not None and shorter != key:
            return (key, shorter)
    return (key,)


_ARABIC_QUALITY = {"ا": "a", "و": "u", "ي": "i"}
_LATIN_QUALITY = {"a": "a", "e": "e", "i": "i", "y": "i", "o": "o", "u": "u"}
_HEARD_AS = {"i": frozenset("ie"), "u": frozenset("ou"), "a": frozenset("aeou")}
"""The Latin vowels that an Arabic long vowel may be written with ("كيري", "Kerry")."""


def _vowel_gaps(word: str) -> list[set[str]]:
    """The vowels written between each two consonants of a word, by quality."""
    arabic = script_of(word) is Script.ARABIC
    units = _arabic_units(word, True) if arabic else _latin_units(word, True)
    gaps: list[set[str]] = []
    previous = ""
    for letters, symbols in units or []:
        symbol = next(iter(symbols))
        if symbol and symbol != INITIAL_VOWEL and symbol != previous:
            gaps.extend(set() for _ in symbol)
        elif not symbol and gaps and letters in (_ARABIC_QUALITY if arabic else _LATIN_QUALITY):
            gaps[-1].add((_ARABIC_QUALITY if arabic else _LATIN_QUALITY)[letters])
        previous = symbol
    return gaps[:-1]


def vowels_agree(latin: str, arabic: str) -> bool:
    """Whether the long vowels an Arabic name writes inside it are heard in the Latin spelling.

    Keys ignore vowels, so "Hassan" and "حسين" (Hussein) share one; but the ي
    that "حسين" writes between س and ن is no a. A vowel Arabic leaves unwritten
    says nothing ("Soleimani", "سليماني").
    """
    for heard, written in zip(_vowel_gaps(latin), _vowel_gaps(arabic), strict=False):
        if any(quality in _HEARD_AS and not heard & _HEARD_AS[quality] for quality in written):
            return False
    return True


@lru_cache(maxsize=262144)
def _prefix_readings(prefix: str) -> tuple[str, ...]:
    """The consonant strings a word starting with ``prefix`` may begin with (none when it is no name).

    A prefix scan asks about the same short prefixes for every query word, so
    the answer is worked out once per prefix.
    """
    script = script_of(prefix)
    units = _arabic_units(prefix, False) if script is Script.ARABIC else _latin_units(prefix, False)
    if units is None or _longest_vowel_run(units) > MAX_VOWEL_RUN:
        return ()
    fixed = [next(iter(symbols)) for _, symbols in units[:-1]]
    return tuple({_consonants([*fixed, option]) for option in units[-1][1]})


def could_start(prefix: str, key: str) -> bool:
    """Whether some word starting with ``prefix`` may have ``key``: a test to prune prefix scans.

    It errs on the side of yes: the last letter of a prefix may still change
    ("c" may become "ch"), so every reading of it is tried.
    """
    consonants = key.rstrip(FINAL_VOWELS)
    return any(consonants.startswith(reading) for reading in _prefix_readings(prefix))


def spellings_agree(one: str, other: str) -> bool:
    """Whether two Arabic spellings never write different long vowels in the same place.

    Spellings of one name write a long vowel or leave it out ("بوتين", "بوتن"); they do
    not write another one: "سيرغي" (Sergei) is not "صاروخي" (a missile's).
    """
    gaps = zip(_vowel_gaps(one), _vowel_gaps(other), strict=False)
    return all(not (mine and theirs) or mine & theirs for mine, theirs in gaps)
