"""Executing a planned query over the postings: which articles match, and in what order.

Postings are read a block at a time (``postings``) and combined as set algebra
to count (``counting``) and find phrases (``phrases``); words are scored by
BM25F from whole blocks (``bm25``), every form of a word sharing one IDF
(``shared_idf``), and the sums weighed into the relevance order (``relevance``).
Per-segment data is read once (``segments``); every search runs within a budget
(``budget``). Every use of Whoosh's private internals is in ``whoosh_private``,
which checks at import that the installed Whoosh has them. A change to speed or
to ranking goes here.
"""
