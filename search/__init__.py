"""Search a Bahith index: parse queries, match Arabic words by their readings, rank, build snippets.

Sits between ``web`` (and the CLI) and ``indexer``: it imports ``indexer`` and
never ``web``; it is the only package that imports Whoosh. Laid out by job:

- ``engine`` (``SearchEngine``, the one door callers use) and ``errors`` (what a
  search reports to the user);
- ``plan``: what the typed query means: parsing, rewriting, each word's other
  forms and spellings, filters, the vocabulary those decisions rest on;
- ``execute``: running the planned query over the postings: reading and counting
  them, phrases, BM25F and the relevance order, the per-segment caches, the
  budget, and every use of Whoosh's private internals (``execute.whoosh_private``);
- ``present``: what is shown of the matches: snippets, "did you mean", related
  articles, facets, browsing without a query, stories.

``web`` and ``bahith`` import ``engine``, ``errors`` and ``present`` only; ``plan``
and ``execute`` are this package's inside (``tests/test_boundaries.py``).
"""
