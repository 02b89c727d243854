"""A French stemmer for number, gender and participle agreement, and nothing more.

Aggressive stemmers conflate words a reader keeps apart (Snowball and Lucene's
light stemmer give "général" and "généralement" one stem). This one removes only
inflection: the plural s and x, -aux, the feminine e and the suffix changes that
come with it (-ienne, -elle, -ive, -ique, -euse, -trice), so "chevaux" finds
"cheval", "publique" finds "public" and "déclarées" finds "déclaré".

It reads the word with its accents and returns it without them. Without accents
people can type "securite" or "declaree" and find "sécurité" and "déclarée"; with
them the few words listed in ``lexicon.WHOLE`` are told apart from their
look-alikes ("côté" is not "côte", "porte" is not "port"). The term depends on
the word alone, never on what else the archive holds.
"""

from __future__ import annotations

from indexer.analysis.french.lexicon import INVARIABLE, IRREGULAR, WHOLE
from indexer.analysis.french.normalize import fold

MIN_LENGTH = 4
"""Words shorter than this are left alone: "les", "ans", "bus"."""

MIN_STEM = 3
"""No rule may leave fewer letters than this ("idée" keeps its e: not "id")."""

_FEMININE = (
    # (ending, masculine ending, shortest word the rule applies to)
    ("trice", "teur", 7),
    ("eille", "eil", 6),
    ("ique", "ic", 6),
    ("elle", "el", 6),
    ("enne", "en", 5),
    ("onne", "on", 5),
    ("anne", "an", 7),
    ("ette", "et", 5),
    ("gue", "g", 5),
    ("ive", "if", 5),
    ("erse", "er", 6),
)
"""Folded feminine endings whose masculine is not the same word less its e."""

_AIL_PLURALS = ("travaux", "vitraux", "emaux", "coraux", "soupiraux", "vantaux")
"""Plurals in -aux of words in -ail, compounds included (télétravaux)."""

_NOT_FOR_PARTICIPLES = frozenset({"eille", "onne", "ive"})
"""Endings whose rule would turn a participle in -é into a noun: conseillé is not
conseil, sélectionné is not sélection, motivé is not motif."""

_FEMININE_E = (
    *("ite", "ate", "ute", "ete", "ote", "nte", "rte", "cte", "pte"),
    *("nde", "rde", "ide", "ude"),
    *("ale", "ile", "ule", "ole"),
    *("ine", "une", "ane"),
    *("ere", "ure", "aire"),
    *("ie", "ue"),
)
"""Folded endings after which a final e can mark a feminine: the masculines end
in -it, -at, -ut, -et, -ot, -nt, -rt, -ct, -pt, -nd, -rd, -id, -ud, -al, -il,
-ul, -ol, -in, -un, -an, -er, -ur, -air, -i or -u (petit, grand, égal, voisin,
premier, dur, clair, vrai, bleu)."""

_WHOLE_UNACCENTED = frozenset(fold(word) for word in WHOLE) - {"jeune"}
"""A word typed without accents is read as the listed word it folds to ("cote"
is côté, "porte" is porte and porté), except "jeune", which is young, not jeûne."""


def _is_whole(word: str, folded: str) -> bool:
    """Whether ``word`` (lowercase, accents kept) must keep its final e or é."""
    return word in WHOLE or (word == folded and folded in _WHOLE_UNACCENTED)


def _singular(word: str, folded: str) -> tuple[str, str]:
    """``strip_plural`` on a word and its folded form at once: the letters it
    removes (s, x, aux) are the same in both."""
    if len(folded) < MIN_LENGTH or folded in INVARIABLE:
        return word, folded
    if folded.endswith(_AIL_PLURALS):
        return word[:-3] + "ail", folded[:-3] + "ail"
    if folded.endswith("aux") and len(folded) > MIN_LENGTH and folded[-4] not in "ey":
        return word[:-3] + "al", folded[:-3] + "al"
    if folded.endswith(("aux", "eux", "oux")) or (folded.endswith("s") and not folded.endswith("ss")):
        return word[:-1], folded[:-1]
    return word, folded


def strip_plural(word: str) -> str:
    """chevaux -> cheval, beaux -> beau, jeux -> jeu, missiles -> missile.

    "prix", "cours" and "Paris" are singular: x is a plural only after au, eu or
    ou, and the singulars in s that would become another word are listed.
    """
    return _singular(word, fold(word))[0]


def _masculine(folded: str, participle: bool) -> str:
    """The masculine of a folded singular: iranienne -> iranien, active -> actif,
    francaise -> francai (like francais), vraie -> vrai, securite -> securit.

    A final e is dropped only after the endings French feminines have; after any
    other it belongs to the word ("coupe", "arme", "page", "guerre", "base").
    ``participle`` says the final e was an é (or the e of -ée).
    """
    for ending, replacement, shortest in _FEMININE:
        if participle and ending in _NOT_FOR_PARTICIPLES:
            continue
        if folded.endswith(ending) and len(folded) >= shortest:
            return folded[: -len(ending)] + replacement
    if folded.endswith(("ise", "use", "yse")) and not folded.endswith("ause"):
        # précise/précis, française/français, heureuse/heureux: the s goes too.
        return folded[:-2] if len(folded) - 2 >= MIN_STEM else folded[:-1]
    if folded.endswith(_FEMININE_E) and len(folded) - 1 >= MIN_STEM:
        return folded[:-1]
    return folded


def _strip_feminine(word: str, folded: str) -> str:
    """The folded masculine of a singular, given with and without its accents.

    déclarée -> declare like déclaré; côté stays cote, since it is listed whole,
    and côte becomes cot.
    """
    if _is_whole(word, folded):
        return folded
    participle = word.endswith("é")
    while folded.endswith("ee") and len(folded) - 1 >= MIN_STEM:
        # déclarée -> déclaré, créée -> créé -> cré: a participle's e goes with its feminine.
        word, folded, participle = word[:-1], folded[:-1], True
        if _is_whole(word, folded):
            return folded
    masculine = _masculine(folded, participle)
    if len(masculine) >= 6 and masculine.endswith("eur"):
        # chanteur, chanteuse and the -eux adjectives all end in -eu.
        return masculine[:-1]
    return masculine


def light_stem(word: str) -> str:
    """The index term of a lowercase French word: plural first, then feminine,
    then accents folded. Irregular forms go to their masculine singular first."""
    folded = fold(word)
    if folded in IRREGULAR:
        return light_stem(IRREGULAR[folded])
    if len(folded) < MIN_LENGTH:
        return folded
    word, folded = _singular(word, folded)
    if folded in IRREGULAR:
        return light_stem(IRREGULAR[folded])
    return _strip_feminine(word, folded)
