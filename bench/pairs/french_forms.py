"""French pairs: the hand-written lists of ``french_lists`` under the rules of French spelling.

Plural adds -s, feminine adds -e, a participle agrees in -e, -s and -es, an elided article or
preposition (l', d', qu') is written before a word that starts with a vowel, with the
typewriter apostrophe or the typographic one, and a reader may type a word without its accents.
Everything a rule would get wrong is a row of ``french_lists`` instead.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from bench.pairs import french_lists as lists
from bench.pairs.model import (
    FR_ACCENTS,
    FR_ELISION,
    FR_GENDER,
    FR_PARTICIPLE,
    FR_PLURAL,
    FR_SAME_STEM,
    GENERATED,
    HAND,
    Pair,
)

ELISIONS = ("l'", "d'", "l’", "d’")


def without_accents(word: str) -> str:
    """``word`` lowercased with its accents, cedillas and diaereses taken off, as typed in haste."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _pair(query: str, document: str, cls: str, source: str = GENERATED) -> Pair:
    return Pair(query, document, True, cls, source, "fr")


def plural_pairs() -> Iterator[Pair]:
    """Singular and plural both ways; adjectives' masculine plurals too."""
    for noun in lists.REGULAR_NOUNS:
        yield _pair(noun, noun + "s", FR_PLURAL)
        yield _pair(noun + "s", noun, FR_PLURAL)
    for singular, plural in lists.IRREGULAR_PLURALS:
        yield _pair(singular, plural, FR_PLURAL, HAND)
        yield _pair(plural, singular, FR_PLURAL, HAND)
    for adjective in lists.INVARIABLE_GENDER_ADJECTIVES:
        yield _pair(adjective, adjective + "s", FR_PLURAL)
    for masculine, _, plural, _ in lists.ADJECTIVE_FORMS:
        if plural != masculine:
            yield _pair(masculine, plural, FR_PLURAL, HAND)


def adjective_rows() -> Iterator[tuple[tuple[str, str, str, str], str]]:
    """Every adjective's four forms, with where they come from."""
    for adjective in lists.REGULAR_ADJECTIVES:
        yield (adjective, adjective + "e", adjective + "s", adjective + "es"), GENERATED
    for row in lists.ADJECTIVE_FORMS:
        masculine, feminine, plural, feminine_plural = row
        yield (masculine, feminine, plural, feminine_plural), HAND


def gender_pairs() -> Iterator[Pair]:
    """The masculine finds the feminine singular and plural; the feminine finds the masculine."""
    for (masculine, feminine, _, feminine_plural), source in adjective_rows():
        yield _pair(masculine, feminine, FR_GENDER, source)
        yield _pair(feminine, masculine, FR_GENDER, source)
        yield _pair(masculine, feminine_plural, FR_GENDER, source)


def participle_forms(participle: str) -> list[str]:
    """The agreed forms of a masculine singular participle, without the participle itself."""
    plural = participle if participle.endswith("s") else participle + "s"
    return [f for f in (participle + "e", plural, participle + "es") if f != participle]


def participle_pairs() -> Iterator[Pair]:
    """Each participle finds its agreed forms, and its feminine finds it."""
    for participle in lists.PARTICIPLES:
        for form in participle_forms(participle):
            yield _pair(participle, form, FR_PARTICIPLE)
        yield _pair(participle + "e", participle, FR_PARTICIPLE)


def elision_pairs() -> Iterator[Pair]:
    """A word finds itself elided; every third elided form is also searched for itself."""
    for number, word in enumerate(lists.ELIDED_WORDS):
        elided = ELISIONS[number % len(ELISIONS)] + word
        yield _pair(word, elided, FR_ELISION)
        if number % 3 == 0:
            yield _pair(elided, word, FR_ELISION)


def accent_pairs() -> Iterator[Pair]:
    """The word typed without accents finds the word written with them."""
    for word in lists.ACCENTED_WORDS:
        yield _pair(without_accents(word), word, FR_ACCENTS)


def must_match_pairs() -> list[Pair]:
    """Every French must-match pair, class by class."""
    return [*plural_pairs(), *gender_pairs(), *participle_pairs(), *elision_pairs(), *accent_pairs()]


def must_not_pairs() -> list[Pair]:
    """Words with one Snowball stem that are different words, searched both ways."""
    return [
        Pair(query, document, False, FR_SAME_STEM, HAND, "fr")
        for first, second in lists.SAME_STEM_DIFFERENT_WORDS
        for query, document in ((first, second), (second, first))
    ]
