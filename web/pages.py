"""The HTML pages: search (with the index overview when nothing is searched) and article.

Plain GET forms and links only: every state of the page (query, filters, page,
interface language) is in its URL, so results can be bookmarked and shared, and
the pages work without JavaScript.
"""

from __future__ import annotations

from flask import Blueprint, Flask, abort, render_template, request, url_for
from markupsafe import Markup, escape

from search.engine import LANGS, MAX_QUERY_CHARS, SORTS
from search.errors import QueryError, SearchTimeout
from search.present.suggest import Suggestion
from web.library import current_library
from web.params import flag_arg, int_arg, text_arg

bp = Blueprint("pages", __name__)

SEARCH_ARGS = ("q", "lang", "source", "page", "exact", "sort", "group")
EXAMPLES = (
    "سليماني موسكو",
    '"قاسم سليماني"',
    "Soleimani OR سليماني",
    "سليماني -بوتين",
    "lang:fr Russie",
    "موسك*",
)
"""Example searches shown on the empty search page, one per kind of syntax."""


@bp.get("/")
def search() -> tuple[str, int] | str:
    """The search page; without a query, what the index holds."""
    text = request.args.get("q", "").strip()
    if not text:
        return render_template("home.html", overview=current_library().overview(), examples=EXAMPLES)
    try:
        view = current_library().search(
            text,
            page=int_arg(request.args, "page", 1),
            lang=text_arg(request.args, "lang"),
            source=text_arg(request.args, "source"),
            exact=request.args.get("exact") == "1",
            sort=text_arg(request.args, "sort") or "relevance",
            group=flag_arg(request.args, "group", True),
        )
    except QueryError as error:
        status = 503 if isinstance(error, SearchTimeout) else 400
        return render_template("search.html", query=text, view=None, error=str(error)), status
    return render_template("search.html", query=text, view=view, error=None)


@bp.get("/article/<article_id>")
def article(article_id: str) -> str:
    """One article in full, the query's matches marked, with related articles."""
    text = request.args.get("q", "").strip()
    page = current_library().article_page(article_id, text)
    if page is None:
        abort(404)
    return render_template("article.html", page=page, query=text)


def search_url(**changes: object) -> str:
    """The current search URL with some parameters changed; None or "" removes one."""
    args: dict[str, object] = {name: request.args.get(name) for name in SEARCH_ARGS}
    args.update(changes)
    return url_for("pages.search", **{name: value for name, value in args.items() if value not in (None, "")})


def ui_url(ui_lang: str) -> str:
    """The current page in another interface language."""
    if request.endpoint is None or request.endpoint == "static" or request.view_args is None:
        return url_for("pages.search", ui=ui_lang)
    return url_for(request.endpoint, **request.view_args, **{**request.args.to_dict(), "ui": ui_lang})


def marked_suggestion(suggestion: Suggestion) -> Markup:
    """The suggested query as HTML, its corrected words in ``<mark>``, the rest escaped."""
    return Markup(suggestion.marked("<mark>", "</mark>", lambda text: str(escape(text))))


def init_app(app: Flask) -> None:
    """Register the pages and the helpers their templates use."""
    app.register_blueprint(bp)
    app.jinja_env.globals.update(
        search_url=search_url,
        ui_url=ui_url,
        marked_suggestion=marked_suggestion,
        MAX_QUERY_CHARS=MAX_QUERY_CHARS,
        LANGS=LANGS,
        SORTS=SORTS,
    )
