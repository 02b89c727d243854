"""``bahith serve``: the web app behind waitress, a production WSGI server.

Flask's own server is for development only; waitress is pure Python (nothing to
compile), serves from a pool of threads and is what the pages are tested with.
"""

from __future__ import annotations

from pathlib import Path

from waitress import create_server

from web.app import create_app

THREADS = 4


def serve(index_dir: Path, *, host: str, port: int) -> None:
    """Serve the index until interrupted; raises ``IndexUnavailable`` if it cannot be opened.

    The socket is bound before the address is printed, so the printed address
    answers; a port in use raises ``OSError``.
    """
    app = create_app({"BAHITH_INDEX": index_dir})
    server = create_server(app, host=host, port=port, threads=THREADS, ident="Bahith")
    shown_host = f"[{host}]" if ":" in host else host
    print(f"Bahith is serving {index_dir} at http://{shown_host}:{port}/ (Ctrl+C to stop)", flush=True)
    try:
        server.run()
    except KeyboardInterrupt:
        print("Bahith stopped.", flush=True)
    finally:
        server.close()
