"""The Flask application factory.

One app serves one index: ``BAHITH_INDEX`` in the config (a path; default the
index ``bahith`` uses). ``BAHITH_API_TOKEN`` turns on uploads into the
``BAHITH_ARTICLES`` folder (see ``web.uploads``). The index is opened when the app is made, so a missing
or outdated index is reported at start-up (``IndexUnavailable``) rather than on
the first request.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Flask

from indexer.store import INDEX_ENV, default_index_dir
from web import api, errors, i18n, pages, security, stories, uploads
from web.library import EXTENSION, Library

STATIC_MAX_AGE = 3600


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """A Flask app serving the index at ``config["BAHITH_INDEX"]``; raises ``IndexUnavailable``."""
    app = Flask(__name__)
    app.config["SEND_FILE_MAX_AGE_DEFAULT"] = STATIC_MAX_AGE
    app.config.from_mapping(config or {})
    index_dir = Path(app.config.get(INDEX_ENV) or default_index_dir())
    app.extensions[EXTENSION] = Library(index_dir)
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    app.json.sort_keys = False  # type: ignore[attr-defined]
    security.init_app(app)
    i18n.init_app(app)
    errors.init_app(app)
    pages.init_app(app)
    app.register_blueprint(api.bp)
    app.register_blueprint(stories.bp)
    uploads.init_app(app, index_dir)
    return app
