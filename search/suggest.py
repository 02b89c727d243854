""" "Did you mean": nearby words from the index vocabulary.

Offered when a query finds nothing or almost nothing. Each free word of the
query that is rare in the index is replaced by the most frequent indexed word
one slip away (a letter left out, added, replaced, or two swapped), else two
edits away, when that word is more frequent than the one typed: as spelling
correctors do, the nearest word wins over a commoner one further off.
"""

from __future__ import annotations

from whoosh.searching import Searcher

from indexer.analysis import analyze_word
from search.equivalents import finder_for

RARE_BELOW = 2
"""A word found in fewer articles than this is worth correcting."""

MAX_EDITS = 2
"""How far a suggestion may be from the word typed: further ones are other words."""

KEPT_PREFIX = 1
"""Letters a suggestion shares with the word typed: typing slips seldom hit the first letter."""


def did_you_mean(searcher: Searcher, words: list[str]) -> str | None:
    """A corrected query made of analysed words, or None when nothing better is known."""
    lexicon = finder_for(searcher.reader()).lexicon
    corrected: list[str] = []
    changed = False
    for word in words:
        analysis = analyze_word(word)
        term = analysis.normalized or analysis.term
        if not term or searcher.doc_frequency("body", term) >= RARE_BELOW:
            corrected.append(word)
            continue
        nearby = lexicon.one_slip_from("body", term, KEPT_PREFIX) or lexicon.within(
            "body", term, MAX_EDITS, KEPT_PREFIX
        )
        best = min(nearby, key=lambda t: (-searcher.frequency("body", t), t), default=term)
        if searcher.frequency("body", best) > searcher.frequency("body", term):
            corrected.append(best)
            changed = True
        else:
            corrected.append(word)
    return " ".join(corrected) if changed else None
