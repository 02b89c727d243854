"""Adding and deleting articles over HTTP, for newsrooms that publish from other systems.

Uploads are off unless an API token is configured (``BAHITH_API_TOKEN``), and
then need ``Authorization: Bearer <token>``; searching never needs a token. An
upload is kept as a file in the articles folder (``BAHITH_ARTICLES``) and
indexed at once, so a rebuild from that folder reproduces the index and a
running search sees the article on its next request.

The token is checked from the headers alone (``token_refusal``): here, before
the body is read, and under ``bahith serve`` already in ``web.upload_gate``,
before waitress even receives the body.
"""

from __future__ import annotations

import hmac
import json
import os
from pathlib import Path
from typing import Any

from flask import Blueprint, Flask, abort, current_app, request
from werkzeug.datastructures import WWWAuthenticate
from werkzeug.exceptions import Unauthorized

from indexer.store import IndexUnavailable
from indexer.uploads import (
    ARTICLES_ENV,
    UploadRejected,
    add_file,
    add_record,
    default_articles_dir,
    is_upload,
    remove_upload,
)
from web.library import current_library

TOKEN_KEY = "BAHITH_API_TOKEN"
MAX_UPLOAD_BYTES = 5 * 1024 * 1024

_RECORD_SHAPE = "send a JSON object with title, body, url, date, lang"

bp = Blueprint("uploads", __name__)


def init_app(app: Flask, index_dir: Path) -> None:
    """Read the token and articles folder, cap request size, and add the routes."""
    if app.config.get("MAX_CONTENT_LENGTH") is None:
        app.config["MAX_CONTENT_LENGTH"] = MAX_UPLOAD_BYTES
    app.config.setdefault(TOKEN_KEY, os.environ.get(TOKEN_KEY))
    app.config[ARTICLES_ENV] = Path(app.config.get(ARTICLES_ENV) or default_articles_dir(index_dir))
    app.register_blueprint(bp)


def token_refusal(token: str | None, authorization: str) -> tuple[int, str] | None:
    """Why a write with this ``Authorization`` header is refused, as (status, message); None if allowed.

    403 when uploads are off (no token configured), 401 when the header does not
    carry the token. The comparison takes the same time whatever the header holds.
    """
    if not token:
        return 403, f"uploads are disabled: start the server with {TOKEN_KEY} set"
    scheme, _, given = authorization.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), str(token).encode()):
        return 401, "a valid 'Authorization: Bearer <token>' header is required"
    return None


def _require_token() -> None:
    refusal = token_refusal(current_app.config.get(TOKEN_KEY), request.headers.get("Authorization", ""))
    if refusal is None:
        return
    status, message = refusal
    if status == 401:
        raise Unauthorized(description=message, www_authenticate=WWWAuthenticate("bearer"))
    abort(status, description=message)


def _json_record() -> dict[str, Any]:
    """The JSON object in the body, or a 400 saying what is wrong with it.

    Parsed here rather than by Flask so that every way JSON can be bad is a
    clear answer: not UTF-8, not JSON, nested too deeply to parse, or not an
    object.
    """
    try:
        record = json.loads(request.get_data(cache=False))
    except UnicodeDecodeError:
        abort(400, description="the body is not UTF-8 text: send JSON encoded as UTF-8")
    except RecursionError:
        abort(400, description="the JSON is nested too deeply: send one object of text fields")
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        abort(400, description=f"the body is not valid JSON ({where}): {_RECORD_SHAPE}")
    except ValueError:  # a number too long to convert
        abort(400, description=f"the body is not valid JSON: {_RECORD_SHAPE}")
    if not isinstance(record, dict):
        abort(400, description=f"the body is not a JSON object: {_RECORD_SHAPE}")
    return record


def _write(action: Any, *args: Any) -> Any:
    try:
        return action(*args)
    except UploadRejected as error:
        abort(422, description=str(error))
    except IndexUnavailable as error:
        abort(503, description=str(error))


@bp.post("/api/articles")
def upload() -> tuple[dict[str, Any], int, dict[str, str]]:
    """A file (multipart field ``file``) or a JSON article; 201 with the new ids."""
    _require_token()
    index_dir = current_library().index_dir
    articles_dir = current_app.config[ARTICLES_ENV]
    if request.mimetype == "application/json":
        articles = [_write(add_record, index_dir, articles_dir, _json_record())]
    elif request.mimetype == "multipart/form-data":
        sent = request.files.get("file")
        if sent is None or not sent.filename:
            abort(422, description="send the article as a multipart field named 'file'")
        articles = _write(add_file, index_dir, articles_dir, sent.filename, sent.read())
    else:
        abort(415, description="send application/json or multipart/form-data")
    ids = [article.id for article in articles]
    body = {"ids": ids, "articles": [{"id": a.id, "title": a.title, "path": a.path} for a in articles]}
    return body, 201, {"Location": f"/api/articles/{ids[0]}"}


@bp.delete("/api/articles/<article_id>")
def delete(article_id: str) -> dict[str, Any]:
    """Remove an uploaded article (only that record, if its file holds several); 409 for
    articles from other folders."""
    _require_token()
    library = current_library()
    articles_dir = current_app.config[ARTICLES_ENV]
    path = library.stored_path(article_id)
    if path is None:
        abort(404, description=f"no article with id {article_id!r}")
    if not is_upload(articles_dir, path):
        shown = library.article(article_id).path  # type: ignore[union-attr]
        abort(409, description=f"{shown} was not uploaded; delete the file and reindex instead")
    _write(remove_upload, library.index_dir, articles_dir, path, article_id)
    return {"deleted": article_id}
