"""``bahith serve``: the web app behind waitress, a production WSGI server.

Flask's own server is for development only; waitress is pure Python (nothing to
compile), serves from a pool of threads and is what the pages are tested with.
Each thread searches with its own engine (see ``web.library``), so one slow
search holds up only its own thread, never the others. Python runs one thread
of a process at a time, so ``--workers N`` runs N such processes on one
listening socket (see ``web.workers``) to use N cores.

Waitress refuses some requests before the app sees them (an address or headers
over ``MAX_HEADER_BYTES``, a body over the upload limit, a malformed request
line); it would answer those in plain text, so its error answers are replaced
here by the JSON, in Bahith's words, that the app gives for every other error.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Callable
from functools import partial
from pathlib import Path

from flask import Flask
from waitress import create_server
from waitress.adjustments import Adjustments
from waitress.channel import HTTPChannel
from waitress.server import BaseWSGIServer
from waitress.task import ErrorTask

from indexer.store import IndexUnavailable, open_index
from web.app import create_app
from web.errors import words
from web.security import HEADERS
from web.upload_gate import gated_channel
from web.uploads import TOKEN_KEY
from web.workers import WorkerFailed, Workers

THREADS = 4
MAX_HEADER_BYTES = 32 * 1024
"""The request line and headers: a query is at most 500 characters, 3 KB encoded; waitress allows 256 KB."""

BACKLOG = 1024
"""Connections the kernel queues for the workers to accept: waitress's own default."""

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


def listening_sockets(host: str, port: int) -> list[socket.socket]:
    """Bound, listening sockets for every address ``host`` stands for, as waitress would make them.

    Bound here rather than by waitress so that worker processes can inherit
    them (see ``web.workers``). A port in use raises ``OSError``, and so does a
    host that is no address.
    """
    try:
        addresses = Adjustments(host=host, port=port).listen
    except ValueError:
        raise OSError("no such address") from None
    sockets: list[socket.socket] = []
    try:
        for family, kind, protocol, address in addresses:
            sock = socket.socket(family, kind, protocol)
            sockets.append(sock)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            if family == socket.AF_INET6:
                sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            sock.bind(address)
            sock.listen(BACKLOG)
    except OSError:
        for sock in sockets:
            sock.close()
        raise
    return sockets


def _server(app: Flask, sockets: list[socket.socket]) -> BaseWSGIServer:
    """Waitress serving ``app`` on ``sockets``, refused requests answered in JSON."""
    body_limit = app.config.get("MAX_CONTENT_LENGTH")
    server = create_server(
        app,
        sockets=sockets,
        threads=THREADS,
        ident="Bahith",
        max_request_header_size=MAX_HEADER_BYTES,
        max_request_body_size=body_limit + BODY_SLACK_BYTES if body_limit else 1 << 30,
    )
    channel = _json_error_channel(body_limit)
    server.channel_class = gated_channel(channel, app.config.get(TOKEN_KEY))  # type: ignore[union-attr]
    return server  # type: ignore[return-value]


def _worker_server(index_dir: Path, sockets: list[socket.socket]) -> Callable[[], None]:
    """What each worker process runs: its own app and engines over the inherited sockets."""
    try:
        return _server(create_app({"BAHITH_INDEX": index_dir}), sockets).run
    except IndexUnavailable as error:
        raise WorkerFailed(str(error)) from None


def serve(index_dir: Path, *, host: str, port: int, workers: int = 1) -> None:
    """Serve the index until interrupted, in ``workers`` processes; raises ``IndexUnavailable``
    if it cannot be opened.

    A missing or outdated index is reported before the port is taken. The
    socket is bound, and every worker has opened the index, before the address
    is printed, so the printed address answers; a port in use raises
    ``OSError``. One worker serves from this process, as ever; more are forked
    processes kept running by this one (``web.workers``), which also stops on
    SIGTERM.
    """
    if workers == 1:
        app = create_app({"BAHITH_INDEX": index_dir})
    else:
        open_index(index_dir)  # the workers open it for good after the fork
    sockets = listening_sockets(host, port)
    shown_host = f"[{host}]" if ":" in host else host

    def announce() -> None:
        print(f"Bahith is serving {index_dir} at http://{shown_host}:{port}/ (Ctrl+C to stop)", flush=True)

    try:
        if workers == 1:
            server = _server(app, sockets)
            announce()
            try:
                server.run()
            finally:
                server.close()
        else:
            Workers(partial(_worker_server, index_dir, sockets), workers).run(on_ready=announce)
            print("Bahith stopped.", flush=True)
    except WorkerFailed as error:
        raise IndexUnavailable(str(error)) from None
    except KeyboardInterrupt:
        print("Bahith stopped.", flush=True)
    finally:
        for sock in sockets:
            sock.close()
