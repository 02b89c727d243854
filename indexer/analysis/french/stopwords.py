"""French stop words, in folded form (lowercase, no accents).

Only function words: articles, pronouns, prepositions, conjunctions and the
commonest auxiliaries. Words that carry meaning in news ("président", "pays")
are never here.
"""

from __future__ import annotations

from indexer.analysis.french.normalize import fold

FRENCH_STOPWORDS: frozenset[str] = frozenset(
    """
    a au aux avec ce ces cet cette ci dans de des du elle elles en est et etait
    eux il ils je la le les leur leurs lui ma mais me meme mes moi mon ne nos notre
    nous on ou par pas pour qu que qui sa se ses son sont sur ta te tes toi ton tu
    un une vos votre vous y ete etre avoir ont etaient sera seront cela ceci
    dont lors donc or ni car comme plus tres sans sous entre vers chez aussi ainsi
    alors si tout tous toute toutes autre autres memes quel quelle quels
    quelles apres avant depuis pendant selon contre
    """.split()
)

_CONTENT_WORDS_FOLDING_ONTO_STOPWORDS = frozenset({"né", "dû", "sûr"})
"""Words that mean something but fold onto a stop word: né onto ne, dû onto du,
sûr onto sur. Written with their accents they are searchable."""


def is_french_stopword(word: str) -> bool:
    """Whether a lowercase word, accents kept, is a French function word."""
    return word not in _CONTENT_WORDS_FOLDING_ONTO_STOPWORDS and fold(word) in FRENCH_STOPWORDS
