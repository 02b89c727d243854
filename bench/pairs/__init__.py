"""The word-pair matching set and its benchmark (issue 12): what a search must and must not find.

About 2,400 Arabic and 1,000 French pairs (query word, document word, must it match), in
classes: clitics, the article, stacked proclitics, pronouns, plurals and duals, broken plurals,
nisba, names; and false friends that must not match (a root letter that looks like a clitic,
names that differ by an ending, words Snowball stems alike). ``pairset.pair_set()`` builds the
set from the hand-written tables of ``arabic_lists``, ``arabic_false_friends`` and
``french_lists``; ``python -m bench.pairs`` asks Bahith, Lucene, light10 and Snowball every
pair in three settings and writes ``bench/results/pairs.json``.
"""
