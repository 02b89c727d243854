"""The relevance set: seed paragraphs among distractor articles, queries and pooled judgments.

A set of only the seed paragraphs cannot show a ranking failure that users meet every day:
an unrelated article that happens to hold every query word outranking the paragraph about the
query. So the documents are the seed paragraphs plus invented distractor articles that reuse
the seeds' names, places and words in other stories (``distractors/``); the queries and their
information needs are ``queries``; the graded judgments, pooled over every compared system's
first results as TREC does, are the data files under ``judgments/``.
"""
