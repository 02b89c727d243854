"""Search a Bahith index: parse queries, expand Arabic clitics, rank, build snippets.

Sits between ``web`` (and the CLI) and ``indexer``: it imports ``indexer`` and
never ``web``.
"""
