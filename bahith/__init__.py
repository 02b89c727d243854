"""Bahith (باحث, "the searcher"): full-text search for Arabic and French news.

This package holds the command-line tool; the work is done by ``indexer``,
``search`` and ``web``.
"""
