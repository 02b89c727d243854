"""Search a Bahith index: parse queries, match Arabic words by their readings, rank, build snippets.

Sits between ``web`` (and the CLI) and ``indexer``: it imports ``indexer`` and
never ``web``.
"""
