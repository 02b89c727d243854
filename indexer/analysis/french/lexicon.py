"""The French words that suffix rules alone would get wrong.

The stemmer in ``stem.py`` removes number and gender with a handful of suffix
rules. Rules cannot know that "porte" (door) is a word of its own and not the
feminine of "port", that "cours" is singular, or that "nouvelle" is the
feminine of "nouveau". These three tables say so. They are short on purpose:
each entry is a common news word where a rule would merge two different words
or split one word in two, and nothing else.
"""

from __future__ import annotations

IRREGULAR: dict[str, str] = {
    # Feminines that are not the masculine plus e.
    "nouvelle": "nouveau",
    "nouvel": "nouveau",
    "belle": "beau",
    "bel": "beau",
    "vieille": "vieux",
    "vieil": "vieux",
    "folle": "fou",
    "molle": "mou",
    "blanche": "blanc",
    "franche": "franc",
    "seche": "sec",
    "fraiche": "frais",
    "douce": "doux",
    "fausse": "faux",
    "rousse": "roux",
    "grosse": "gros",
    "basse": "bas",
    "epaisse": "epais",
    "turque": "turc",
    "grecque": "grec",
    "gentille": "gentil",
    "favorite": "favori",
    "neuve": "neuf",
    "veuve": "veuf",
    "breve": "bref",
    "maligne": "malin",
    "benigne": "benin",
    "jumelle": "jumeau",
    "ambassadrice": "ambassadeur",
    "noire": "noir",
    "nulle": "nul",
    "aigue": "aigu",
    "ambigue": "ambigu",
    "contigue": "contigu",
    "exigue": "exigu",
    "princesse": "prince",
    "duchesse": "duc",
    "comtesse": "comte",
    "maitresse": "maitre",
    "hotesse": "hote",
    "poetesse": "poete",
    # Plurals in -aux of words in -éal and -yal (-yaux is -yau: tuyaux, noyaux), of
    # bail (the other -ail words are a rule of stem.py), and other irregular plurals.
    "baux": "bail",
    "maux": "mal",
    "materiaux": "materiau",
    "ideaux": "ideal",
    "royaux": "royal",
    "loyaux": "loyal",
    "yeux": "oeil",
    "ans": "an",
    "nes": "ne",
    "nee": "ne",
}
"""Folded form -> its masculine singular, which then goes through the rules."""

INVARIABLE: frozenset[str] = frozenset(
    """
    cours fois fils fonds paris hamas nicolas carlos lucas marcos
    """.split()
)
"""Folded singulars ending in s whose s is not a plural, where dropping it would
give another word: cours/cour, fois/foi, fils/fil, fonds/fond, Paris/pari,
Hamas/Hama, Nicolas/Nicola."""

WHOLE: frozenset[str] = frozenset(
    """
    porte porté donné monté tante côté mère sorte partie vente armée pointe mâle
    crise foie jeûne tonne colonne durée machine médecine reine marine faute
    suite traité
    """.split()
)
"""Lowercase singulars, with their accents, whose final e or é is part of the
word and not a feminine or participle ending that could be dropped: porte is
not port, côté is not côte, donné is not don, armée is not arme."""
