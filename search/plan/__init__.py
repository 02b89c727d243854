"""Planning a search: what the typed text means, before any posting is read.

The query is parsed with Whoosh's syntax and rewritten (``planner``): each word
gains its clitic forms and readings, its other spellings and its equivalents in
the other language (``equivalents``, ``names``), patterns are bounded, filter
values the index cannot hold are refused (``filters``). Those decisions rest on
the index vocabulary (``lexicon``). A change to what a query matches goes here.
"""
