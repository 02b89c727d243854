"""Adding and deleting articles over HTTP, for newsrooms that publish from other systems.

Uploads are off unless an API token is configured (``BAHITH_API_TOKEN``), and
then need ``Authorization: Bearer <token>``; searching never needs a token. An
upload is kept as a file in the articles folder (``BAHITH_ARTICLES``) and
indexed at once, so a rebuild from that folder reproduces the index and a
running search sees the article on its next request.
"""

from __future__ import annotations

import hmac
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

bp = Blueprint("uploads", __name__)


def init_app(app: Flask, index_dir: Path) -> None:
    """Read the token and articles folder, cap request size, and add the routes."""
    if app.config.get("MAX_CONTENT_LENGTH") is None:
        app.config["MAX_CONTENT_LENGTH"] = MAX_UPLOAD_BYTES
    app.config.setdefault(TOKEN_KEY, os.environ.get(TOKEN_KEY))
    app.config[ARTICLES_ENV] = Path(app.config.get(ARTICLES_ENV) or default_articles_dir(index_dir))
    app.register_blueprint(bp)


def _require_token() -> None:
    token = current_app.config.get(TOKEN_KEY)
    if not token:
        abort(403, description=f"uploads are disabled: start the server with {TOKEN_KEY} set")
    scheme, _, given = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), str(token).encode()):
        raise Unauthorized(
            description="a valid 'Authorization: Bearer <token>' header is required",
            www_authenticate=WWWAuthenticate("bearer"),
        )


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
        record = request.get_json(silent=True)
        if not isinstance(record, dict):
            abort(400, description="the body is not a JSON object with title, body, url, date, lang")
        articles = [_write(add_record, index_dir, articles_dir, record)]
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
    """Remove an uploaded article, its file included; 409 for articles from other folders."""
    _require_token()
    library = current_library()
    articles_dir = current_app.config[ARTICLES_ENV]
    found = library.article(article_id)
    if found is None:
        abort(404, description=f"no article with id {article_id!r}")
    if not is_upload(articles_dir, found.path):
        abort(409, description=f"{found.path} was not uploaded; delete the file and reindex instead")
    _write(remove_upload, library.index_dir, articles_dir, found.path)
    return {"deleted": article_id}
