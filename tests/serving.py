"""Run ``bahith serve`` for real, on a free loopback port, for tests that talk HTTP."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
START_TIMEOUT = 20.0


def free_port() -> int:
    """A loopback port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for_port(port: int, server: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            errors = server.stderr.read() if server.stderr else ""
            raise AssertionError(f"bahith serve exited with {server.returncode}: {errors}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise AssertionError(f"bahith serve did not answer on port {port} within {START_TIMEOUT} s")


@contextmanager
def bahith_serve(index_dir: Path, cwd: Path) -> Iterator[str]:
    """Start ``bahith serve`` on ``index_dir``; yield its base URL; stop it afterwards."""
    port = free_port()
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [os.environ.get("PYTHONPATH"), str(ROOT)])),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "bahith", "--index", str(index_dir), "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=cwd,
        env=env,
    )
    try:
        _wait_for_port(port, process)
        assert process.stdout is not None
        assert process.stdout.readline().strip() == (
            f"Bahith is serving {index_dir} at http://127.0.0.1:{port}/ (Ctrl+C to stop)"
        )
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)
