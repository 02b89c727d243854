"""Presenting the matches: what a reader sees beside the ranked list.

Snippets as text with match spans (``snippets``), "did you mean" (``suggest``),
articles telling the same story in either language (``related``), counts by
language, source and date (``facets``), listing and showing articles without a
query (``browse``), and results grouped by story (``stories``). A change to
what is shown of a result goes here; ``web`` and the CLI only render it.
"""
