"""Arabic must-match pairs: the hand-written lemmas of ``arabic_lists`` under inflection rules.

The rules are the spelling rules of Arabic, written here and nowhere else: a proclitic or the
article is written before the word (ل and the article make لل, and before a word in ل the two
lams of the article are written once), ة is written ت before a pronoun or a dual ending, and ى
is written ا before a pronoun and ي before a dual ending. Each rule applies to the lemmas of
one list; the lists are sliced so that each class draws on a different share of the nouns and
no class is the others' copy with another affix.

Most pairs search the lemma and expect the inflected form; some go the other way (a reader
pastes "قراراتها" and expects the article that writes "قرار"), marked in each class below.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from bench.pairs import arabic_lists as lists
from bench.pairs.model import (
    ARTICLE,
    BROKEN_PLURAL,
    GENERATED,
    HAND,
    NAME_NOT_STOPWORD,
    NAMES,
    NISBA,
    PLURAL_DUAL,
    PLURAL_PRONOUN,
    PROCLITIC,
    PRONOUN,
    STACKED,
    Pair,
)

PROCLITICS = ("و", "ف", "ب", "ل", "ك")
ARTICLES = ("ال", "وال", "فال", "بال", "كال", "لل")
STACKS = ("فبال", "وبال", "ولل", "فلل", "وب", "ول")
PRONOUNS = ("ه", "ها", "هم", "نا")
NAME_CLITICS = ("و", "ب", "ل", "وب")


def attach_suffix(word: str, suffix: str) -> str:
    """``word`` with a pronoun or dual ending: ة is written ت, ى is written ا, before it."""
    if word.endswith("ة"):
        return word[:-1] + "ت" + suffix
    if word.endswith("ى"):
        return word[:-1] + "ا" + suffix
    return word + suffix


def attach_prefix(prefix: str, word: str) -> str:
    """``prefix`` (a proclitic, the article, or a stack of them) written before ``word``.

    A prefix ending in لل (ل + the article) before a word in ل loses one lam: ل + اللجنة is
    written للجنة.
    """
    if prefix.endswith("لل") and word.startswith("ل"):
        return prefix[:-1] + word
    return prefix + word


def nouns() -> list[str]:
    """The masculine and feminine nouns interleaved, so that any slice holds both kinds."""
    masculine, feminine = lists.MASCULINE_NOUNS, lists.FEMININE_NOUNS
    mixed = [w for pair in zip(masculine, feminine, strict=False) for w in pair]
    longer = masculine if len(masculine) > len(feminine) else feminine
    return mixed + list(longer[min(len(masculine), len(feminine)) :])


def window(items: Sequence[str], start: int, size: int) -> list[str]:
    """``size`` items of ``items`` from ``start`` on, going round to the start if needed."""
    return [items[(start + k) % len(items)] for k in range(size)]


def _pair(query: str, document: str, cls: str, source: str = GENERATED) -> Pair:
    return Pair(query, document, True, cls, source, "ar")


def prefixed_pairs(cls: str, prefixes: Sequence[str], lemmas: Sequence[str]) -> Iterator[Pair]:
    """Each lemma finds itself with each prefix written before it."""
    for lemma in lemmas:
        for prefix in prefixes:
            yield _pair(lemma, attach_prefix(prefix, lemma), cls)


def pronoun_pairs(lemmas: Sequence[str]) -> Iterator[Pair]:
    """Each lemma finds its forms with a pronoun; the form with ها also finds the lemma."""
    for lemma in lemmas:
        for pronoun in PRONOUNS:
            yield _pair(lemma, attach_suffix(lemma, pronoun), PRONOUN)
        yield _pair(attach_suffix(lemma, "ها"), lemma, PRONOUN)
    for lemma, form in lists.HAMZA_PRONOUN_FORMS + lists.REPORTED_PRONOUN:
        yield _pair(lemma, form, PRONOUN, HAND)


def feminine_plural(noun: str) -> str:
    """The ات plural of a ة noun."""
    return noun[:-1] + "ات"


def plural_dual_pairs() -> Iterator[Pair]:
    """Sound plurals both ways, duals, and ى nouns with a pronoun or a dual ending."""
    at_plurals = [(n, feminine_plural(n)) for n in lists.FEMININE_SOUND_PLURALS]
    at_plurals += [(n, n + "ات") for n in lists.MASCULINE_AT_PLURALS]
    for singular, plural in at_plurals:
        yield _pair(singular, plural, PLURAL_DUAL)
        yield _pair(plural, singular, PLURAL_DUAL)
    for noun in lists.HUMAN_SOUND_PLURALS:
        yield _pair(noun, noun + "ون", PLURAL_DUAL)
        yield _pair(noun, noun + "ين", PLURAL_DUAL)
        yield _pair(noun + "ون", noun, PLURAL_DUAL)
    for noun in lists.DUAL_NOUNS + lists.FEMININE_DUALS:
        yield _pair(noun, attach_suffix(noun, "ان"), PLURAL_DUAL)
        yield _pair(noun, attach_suffix(noun, "ين"), PLURAL_DUAL)
    for noun in lists.ALEF_MAQSURA_NOUNS:
        yield _pair(noun, attach_suffix(noun, "ه"), PLURAL_DUAL)
        yield _pair(noun, attach_suffix(noun, "ها"), PLURAL_DUAL)
        yield _pair(noun, noun[:-1] + "يان", PLURAL_DUAL)


def plural_pronoun_pairs() -> Iterator[Pair]:
    """A singular finds its plural carrying a pronoun, with or without a proclitic before it.

    A sound masculine plural loses its ن before a pronoun: مسؤولون + ها is مسؤولوها, and
    مسؤولين + هم is مسؤوليهم.
    """
    for number, noun in enumerate(lists.FEMININE_SOUND_PLURALS):
        plural = feminine_plural(noun)
        yield _pair(noun, plural + "ها", PLURAL_PRONOUN)
        yield _pair(noun, plural + "هم", PLURAL_PRONOUN)
        yield _pair(noun, PROCLITICS[number % len(PROCLITICS)] + plural + "هم", PLURAL_PRONOUN)
    for number, noun in enumerate(lists.MASCULINE_AT_PLURALS):
        yield _pair(noun, noun + "اتها", PLURAL_PRONOUN)
        yield _pair(noun, PROCLITICS[number % len(PROCLITICS)] + noun + "اته", PLURAL_PRONOUN)
    for noun in lists.HUMAN_SOUND_PLURALS:
        yield _pair(noun, noun + "يها", PLURAL_PRONOUN)
        yield _pair(noun, noun + "وه", PLURAL_PRONOUN)
    for lemma, form in lists.REPORTED_PLURAL_PRONOUN:
        yield _pair(lemma, form, PLURAL_PRONOUN, HAND)


def broken_plural_pairs() -> Iterator[Pair]:
    """Singular and broken plural both ways, and the plural behind the article or و."""
    for number, (singular, plural) in enumerate(lists.BROKEN_PLURALS):
        yield _pair(singular, plural, BROKEN_PLURAL, HAND)
        yield _pair(plural, singular, BROKEN_PLURAL, HAND)
        prefix = "ال" if number % 2 else "و"
        yield _pair(singular, attach_prefix(prefix, plural), BROKEN_PLURAL)


def nisba_pairs() -> Iterator[Pair]:
    """A nisba adjective finds its feminine, its plurals and its feminine with the article;
    the feminine finds the masculine."""
    for adjective in lists.NISBA_ADJECTIVES:
        for form in (adjective + "ة", adjective + "ون", adjective + "ين", "ال" + adjective + "ة"):
            yield _pair(adjective, form, NISBA)
        yield _pair(adjective + "ة", adjective, NISBA)


def name_pairs() -> Iterator[Pair]:
    """A name finds itself behind a proclitic or the article; علي finds علي, not the stop word."""
    for name in lists.NAMES:
        for clitic in NAME_CLITICS:
            yield _pair(name, clitic + name, NAMES)
    for name, form in lists.REPORTED_NAMES:
        yield _pair(name, form, NAMES, HAND)
    yield _pair("علي", "علي", NAME_NOT_STOPWORD, HAND)
    yield _pair("علي", "وعلي", NAME_NOT_STOPWORD, HAND)


def must_match_pairs() -> list[Pair]:
    """Every Arabic must-match pair, class by class."""
    lemmas = nouns()
    return [
        *prefixed_pairs(PROCLITIC, PROCLITICS, window(lemmas, 0, 40)),
        *prefixed_pairs(ARTICLE, ARTICLES, window(lemmas, 30, 30)),
        *prefixed_pairs(STACKED, STACKS, window(lemmas, 60, 30)),
        *(_pair(lemma, form, STACKED, HAND) for lemma, form in lists.REPORTED_STACKED),
        *pronoun_pairs(window(lemmas, 20, 30)),
        *plural_dual_pairs(),
        *plural_pronoun_pairs(),
        *broken_plural_pairs(),
        *nisba_pairs(),
        *name_pairs(),
    ]
