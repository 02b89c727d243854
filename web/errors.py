"""Error answers: JSON under the API, a friendly page elsewhere, never a traceback.

Every HTTP error, including the 500 Flask makes of an unexpected exception
(which it logs with its traceback, on the server only), goes through one
handler that picks the form by where the request was sent. Werkzeug's default
descriptions ("The data value transmitted exceeds the capacity limit.") are
replaced by Bahith's words saying what to do; a description given with
``abort`` is kept. ``words`` is also what ``web.server`` answers for the
requests waitress refuses before the app sees them.
"""

from __future__ import annotations

from flask import Flask, Response, current_app, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from search.engine import MAX_QUERY_CHARS
from web.i18n import MESSAGES

JSON_PATHS = ("/api/", "/healthz")


def words(code: int, body_limit: int | None = None) -> str:
    """What Bahith says for an HTTP error ``code`` that has no message of its own."""
    limit = f"{body_limit / 1_048_576:g} MB" if body_limit else "the limit"
    return {
        400: "the request could not be read: check its address and parameters",
        404: "nothing is at this address: the API has /api/search?q=…, /api/articles/<id> and /healthz",
        405: "this address does not take this method: searching is GET, uploading POST",
        408: "the request took too long to arrive and was dropped: send it again",
        413: f"the body is over {limit}: send a smaller article, or split a JSONL file",
        414: f"the address is too long: a query has at most {MAX_QUERY_CHARS} characters",
        415: "send application/json or multipart/form-data",
        431: f"the address or headers are too long: a query has at most {MAX_QUERY_CHARS} characters",
        500: "the server failed on this request; the error is in its log",
        503: "the server is busy: try again in a few seconds",
    }.get(code, "the request could not be answered")


def _wants_json() -> bool:
    return request.path.startswith(JSON_PATHS)


def _description(error: HTTPException) -> str:
    if error.description and error.description != type(error).description:
        return error.description
    return words(error.code or 500, current_app.config.get("MAX_CONTENT_LENGTH"))


def handle_http_error(error: HTTPException) -> Response:
    """The answer to one HTTP error, keeping its headers (``Allow`` for 405)."""
    code = error.code or 500
    if _wants_json():
        response = jsonify(error=_description(error))
    else:
        title_key = f"error_{code}" if f"error_{code}" in MESSAGES else "error_other"
        response = Response(render_template("error.html", code=code, title_key=title_key))
    response.status_code = code
    for name, value in error.get_headers():
        if name.lower() != "content-type":
            response.headers[name] = value
    return response


def init_app(app: Flask) -> None:
    """Route every HTTP error, and every unexpected exception, to ``handle_http_error``."""
    app.register_error_handler(HTTPException, handle_http_error)
