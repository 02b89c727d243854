"""New word forms and names, made up deterministically, for the long tail of the vocabulary.

Five seed articles hold about a thousand distinct words, while a real news archive keeps meeting
new words and names as it grows. Each rank past the seed words therefore maps to a made-up but
plausible word: Arabic from a three-letter root poured into a morphological pattern (how Arabic
really builds words, so stems repeat across forms), French from syllables with real prefixes and
suffixes, and in both languages some foreign-looking names. A word depends only on
(salt, language, rank), so any process can rebuild it, in any order.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

ARABIC_ROOT_LETTERS = "بتثجحخدذرزسشصضطظعغفقكلمنهوي"
# Patterns of Arabic morphology, the root letters in {0} {1} {2}: فعل فاعل مفعول مفعل مفعلة
# فعال فعالة تفعيل استفعال تفاعل مفاعلة فعيل فعلي فعلية أفعل إفعال يفعل تفعل فعلى فعول
ARABIC_PATTERNS = (
    "{0}{1}{2}",
    "{0}ا{1}{2}",
    "م{0}{1}و{2}",
    "م{0}{1}{2}",
    "م{0}{1}{2}ة",
    "{0}{1}ا{2}",
    "{0}{1}ا{2}ة",
    "ت{0}{1}ي{2}",
    "است{0}{1}ا{2}",
    "ت{0}ا{1}{2}",
    "م{0}ا{1}{2}ة",
    "{0}{1}ي{2}",
    "{0}{1}{2}ي",
    "{0}{1}{2}ية",
    "أ{0}{1}{2}",
    "إ{0}{1}ا{2}",
    "ي{0}{1}{2}",
    "ت{0}{1}{2}",
    "{0}{1}{2}ى",
    "{0}{1}و{2}",
)
ARABIC_NAME_SYLLABLES = (
    "كا", "لي", "نو", "ري", "سا", "مي", "دو", "فا", "تي", "زا", "غو", "بر", "ست", "ان",
    "فر", "شو", "جا", "ها", "كو", "رو", "بو", "ني", "ما", "لا", "تو", "سي", "دي", "يو",
)  # fmt: skip
ARABIC_NAME_ENDINGS = ("", "ي", "وف", "يني", "يز", "ان", "ستان", "يه", "ون", "سكي")

FRENCH_PREFIXES = ("", "", "", "re", "dé", "in", "pré", "con", "trans", "sur", "ex", "anti")
FRENCH_ONSETS = ("b", "c", "d", "f", "g", "l", "m", "n", "p", "r", "s", "t", "v", "ch", "tr",
                 "pl", "gr", "br", "qu", "j")  # fmt: skip
FRENCH_VOWELS = ("a", "e", "i", "o", "u", "ou", "é", "ai", "eu", "an", "on", "in", "è", "au")
FRENCH_SUFFIXES = ("tion", "ment", "age", "ité", "eur", "ique", "isme", "iste", "ance", "ence",
                   "ure", "el", "al", "ier", "aire", "eux", "oir", "ant", "é", "er")  # fmt: skip
FRENCH_NAME_ENDINGS = ("ov", "ini", "ez", "ard", "ier", "ski", "elli", "mann", "ot", "ine")

NAME_SHARE = 5  # one made-up word in NAME_SHARE is a proper name


class _Digits:
    """Draws successive choices from the digits of one hash, so no RNG object is needed."""

    def __init__(self, key: str) -> None:
        self.value = int.from_bytes(hashlib.blake2b(key.encode(), digest_size=16).digest(), "big")

    def pick(self, options: Sequence[str]) -> str:
        self.value, index = divmod(self.value, len(options))
        return options[index]

    def below(self, bound: int) -> int:
        self.value, index = divmod(self.value, bound)
        return index


def synthesised_word(lang: str, rank: int, salt: int) -> str:
    """The made-up word of ``rank`` in ``lang``'s vocabulary; the same for the same arguments."""
    digits = _Digits(f"{salt}:{lang}:{rank}")
    is_name = digits.below(NAME_SHARE) == 0
    if lang == "ar":
        return _arabic_name(digits) if is_name else _arabic_word(digits)
    return _french_name(digits) if is_name else _french_word(digits)


def _arabic_word(digits: _Digits) -> str:
    root = [digits.pick(ARABIC_ROOT_LETTERS) for _ in range(3)]
    return digits.pick(ARABIC_PATTERNS).format(*root)


def _arabic_name(digits: _Digits) -> str:
    syllables = "".join(digits.pick(ARABIC_NAME_SYLLABLES) for _ in range(2 + digits.below(2)))
    return syllables + digits.pick(ARABIC_NAME_ENDINGS)


def _french_syllables(digits: _Digits, count: int) -> str:
    return "".join(digits.pick(FRENCH_ONSETS) + digits.pick(FRENCH_VOWELS) for _ in range(count))


def _french_word(digits: _Digits) -> str:
    stem = _french_syllables(digits, 1 + digits.below(2))
    return digits.pick(FRENCH_PREFIXES) + stem + digits.pick(FRENCH_SUFFIXES)


def _french_name(digits: _Digits) -> str:
    stem = _french_syllables(digits, 2 + digits.below(2))
    return (stem + digits.pick(FRENCH_NAME_ENDINGS)).capitalize()
