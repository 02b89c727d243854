"""Filter values the index cannot hold, refused instead of answered with nothing.

``lang:de`` is a valid query that matches no article, since the index only
holds Arabic and French; a user reading "0 articles" would think there is no
German news about it. Checked on the parsed query, so ``lang:de`` inside a
group or after ``OR`` is seen too.
"""

from __future__ import annotations

from collections.abc import Iterable

from whoosh import query as wq

from search.errors import QueryError


def check_languages(q: wq.Query, langs: Iterable[str]) -> None:
    """Raise ``QueryError`` naming the first ``lang:`` value of ``q`` that is not one of ``langs``."""
    known = tuple(langs)
    for fieldname, text in q.iter_all_terms():
        value = text.decode("utf-8") if isinstance(text, bytes) else text
        if fieldname == "lang" and value not in known:
            choices = " or ".join(f"lang:{lang}" for lang in known)
            raise QueryError(f"lang:{value} is not a language of the index: write {choices}")
