"""``bahith serve``: the web app behind waitress, a production WSGI server.

Flask's own server is for development only; waitress is pure Python (nothing to
compile), serves from a pool of threads and is what the pages are tested with.
Each thread searches with its own engine (see ``web.library``), so one slow
search holds up only its own thread, never the others.

Waitress refuses some requests before the app sees them (an address or headers
over ``MAX_HEADER_BYTES``, a body over the upload limit, a malformed request
line); it would answer those in plain text, so its error answers are replaced
here by the JSON, in Bahith's words, that the app gives for every other error.
"""

from __future__ import annotations

import json
from pathlib import Path

from waitress import create_server
from waitress.channel import HTTPChannel
from waitress.task import ErrorTask

from web.app import create_app
from web.errors import words
from web.security import HEADERS
from web.upload_gate import gated_channel
from web.uploads import TOKEN_KEY

THREADS = 4
MAX_HEADER_BYTES = 32 * 1024
"""The request line and headers: a query is at most 500 characters, 3 KB encoded; waitress allows 256 KB."""

BODY_SLACK_BYTES = 64 * 1024
"""Room over the upload limit for a multipart body's boundaries and part headers."""


class _JsonErrorTask(ErrorTask):
    """Waitress's answer to a request it refused, as JSON with the security headers."""

    body_limit: int | None = None

    def execute(self) -> None:
        error = self.request.error
        message = getattr(error, "message", None) or words(error.code, self.body_limit)
        body = json.dumps({"error": message}).encode("utf-8")
        self.status = f"{error.code} {error.reason}"
        self.response_headers.append(("Content-Type", "application/json"))
        self.response_headers.extend(HEADERS.items())
        self.response_headers.extend(getattr(error, "headers", []))
        self.set_close_on_finish()
        self.content_length = len(body)
        self.write(body)


def _json_error_channel(body_limit: int | None) -> type[HTTPChannel]:
    """A waitress channel that answers refused requests with ``_JsonErrorTask``."""

    class Task(_JsonErrorTask):
        pass

    Task.body_limit = body_limit

    class Channel(HTTPChannel):
        error_task_class = Task

    return Channel


def serve(index_dir: Path, *, host: str, port: int) -> None:
    """Serve the index until interrupted; raises ``IndexUnavailable`` if it cannot be opened.

    The socket is bound before the address is printed, so the printed address
    answers; a port in use raises ``OSError``.
    """
    app = create_app({"BAHITH_INDEX": index_dir})
    body_limit = app.config.get("MAX_CONTENT_LENGTH")
    server = create_server(
        app,
        host=host,
        port=port,
        threads=THREADS,
        ident="Bahith",
        max_request_header_size=MAX_HEADER_BYTES,
        max_request_body_size=body_limit + BODY_SLACK_BYTES if body_limit else 1 << 30,
    )
    channel = _json_error_channel(body_limit)
    server.channel_class = gated_channel(channel, app.config.get(TOKEN_KEY))  # type: ignore[union-attr]
    shown_host = f"[{host}]" if ":" in host else host
    print(f"Bahith is serving {index_dir} at http://{shown_host}:{port}/ (Ctrl+C to stop)", flush=True)
    try:
        server.run()
    except KeyboardInterrupt:
        print("Bahith stopped.", flush=True)
    finally:
        server.close()
