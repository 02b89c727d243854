"""Error answers: JSON under the API, a friendly page elsewhere, never a traceback.

Every HTTP error, including the 500 Flask makes of an unexpected exception
(which it logs with its traceback, on the server only), goes through one
handler that picks the form by where the request was sent.
"""

from __future__ import annotations

from flask import Flask, Response, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from web.i18n import MESSAGES

JSON_PATHS = ("/api/", "/healthz")


def _wants_json() -> bool:
    return request.path.startswith(JSON_PATHS)


def handle_http_error(error: HTTPException) -> Response:
    """The answer to one HTTP error, keeping its headers (``Allow`` for 405)."""
    code = error.code or 500
    if _wants_json():
        response = jsonify(error=error.description or error.name)
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
