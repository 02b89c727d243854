"""The JSON API: the search of ``bahith search --json``, stored articles, and a health check.

Scripts get the same JSON as the command line. Every answer is JSON, errors
too (``{"error": message}``; see ``web.errors``): 400 for a query that cannot
run or is over the search budget, 503 with ``Retry-After`` for a search stopped
at its deadline (the same query may pass when the server is less busy).
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, request
from flask.typing import ResponseReturnValue

from search.errors import QueryError, SearchTimeout
from web.library import current_library
from web.params import flag_arg, int_arg, text_arg

bp = Blueprint("api", __name__)
RETRY_AFTER_SECONDS = 5
"""What a client stopped at the search deadline is told to wait before trying again."""


@bp.get("/api/search")
def search() -> ResponseReturnValue:
    """``?q=&lang=&source=&exact=&sort=&group=&page=&limit=`` → the JSON of ``bahith search
    --json``: one hit per story, each with its ``story``, unless ``group=false``."""
    args = request.args
    try:
        return current_library().search_json(
            args.get("q", ""),
            page=int_arg(args, "page", 1),
            limit=int_arg(args, "limit", 10),
            lang=text_arg(args, "lang"),
            source=text_arg(args, "source"),
            exact=flag_arg(args, "exact", False),
            sort=text_arg(args, "sort") or "relevance",
            group=flag_arg(args, "group", True),
        )
    except SearchTimeout as error:
        return {"error": str(error)}, 503, {"Retry-After": str(RETRY_AFTER_SECONDS)}
    except QueryError as error:
        return {"error": str(error)}, 400


@bp.get("/api/articles/<article_id>")
def article(article_id: str) -> dict[str, Any]:
    """The stored fields of one article; 404 when no article has this id."""
    found = current_library().article(article_id)
    if found is None:
        abort(404, description=f"no article with id {article_id!r}")
    return found.to_json()


@bp.get("/healthz")
def healthz() -> dict[str, Any]:
    """Whether the index can be read, and how many articles it holds."""
    return {"status": "ok", "articles": current_library().count()}
