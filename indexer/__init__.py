"""Turn Arabic and French news articles into a Whoosh index.

This package is the bottom of the dependency chain (``web -> search -> indexer``):
it knows how to read articles, analyse their words and write the index, and it
imports nothing from ``search`` or ``web``.
"""
