"""Mark every match of a query in a whole article, not just in a snippet.

The engine gives the title and body with their match spans
(``SearchEngine.marked``): the terms of the planned query, so a search for
"موسكو" also marks "لموسكو", at the positions the index postings hold, like the
snippets, so what is marked is exactly what matched. Here they only become HTML.
"""

from __future__ import annotations

from markupsafe import Markup

from search.present.snippets import Snippet


def highlight_title(title: Snippet) -> Markup:
    """The title, escaped, with its matches in ``<mark>``."""
    return Markup(title.html())


def highlight_paragraphs(body: Snippet) -> list[Markup]:
    """The body as escaped paragraphs (one per non-blank line), matches in ``<mark>``."""
    return [Markup(line.html()) for line in body.lines()]
