""" "Did you mean": nearby words from the index vocabulary.

Offered when a query finds nothing or almost nothing. Each free word of the
query that is rare in the index is replaced by the most frequent indexed word
within two edits; the suggestion is only made when it differs from the query.
"""

from __future__ import annotations

from whoosh.searching import Searcher

from indexer.analysis import analyze_word

RARE_BELOW = 2
"""A word found in fewer articles than this is worth correcting."""


def did_you_mean(searcher: Searcher, words: list[str]) -> str | None:
    """A corrected query made of analysed words, or None when nothing better is known."""
    corrected: list[str] = []
    changed = False
    for word in words:
        analysis = analyze_word(word)
        term = analysis.normalized or analysis.term
        if not term or searcher.doc_frequency("body", term) >= RARE_BELOW:
            corrected.append(word)
            continue
        suggestions = searcher.suggest("body", term, limit=1, maxdist=2, prefix=1)
        if suggestions and suggestions[0] != term:
            corrected.append(suggestions[0])
            changed = True
        else:
            corrected.append(word)
    return " ".join(corrected) if changed else None
