"""``bahith serve --workers N``: N processes answer on one port, see each other's uploads, are
replaced when they die, and stop with their parent.

Which worker answered is read from the system, not from the server: the
server side of each test connection is found in ``/proc/net/tcp`` and its
socket among the open files of one worker (``/proc/<pid>/fd``).
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from indexer.update import update_index
from tests.serving import ROOT, free_port

pytestmark = pytest.mark.slow

TOKEN = "workers-token"
START_TIMEOUT = 60.0
CONNECTIONS_TRIED = 200
"""Connections opened, at most, until one lands on a given worker."""


@dataclass
class Served:
    """A running ``bahith serve`` and its port."""

    process: subprocess.Popen[str]
    port: int

    def connect(self) -> http.client.HTTPConnection:
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)

    def workers(self) -> set[int]:
        return children(self.process.pid)


def children(parent: int) -> set[int]:
    """The live processes whose parent is ``parent``."""
    found = set()
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        state, ppid = stat.rsplit(")", 1)[1].split()[:2]
        if int(ppid) == parent and state != "Z":
            found.add(int(entry))
    return found


def worker_of(connection: http.client.HTTPConnection, port: int, workers: set[int]) -> int:
    """The worker holding the server side of ``connection``."""
    assert connection.sock is not None
    client_port = connection.sock.getsockname()[1]
    inodes = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        local, remote = (int(address.rsplit(":", 1)[1], 16) for address in fields[1:3])
        if (local, remote) == (port, client_port):
            inodes.add(f"socket:[{fields[9]}]")
    holders = set()
    for pid in workers:
        with_fds = Path(f"/proc/{pid}/fd")
        for fd in os.listdir(with_fds):
            try:
                if os.readlink(with_fds / fd) in inodes:
                    holders.add(pid)
            except OSError:
                continue
    assert len(holders) == 1, f"the connection from port {client_port} is held by {holders or 'no worker'}"
    return holders.pop()


def get(connection: http.client.HTTPConnection, path: str) -> tuple[int, dict]:
    """GET ``path`` over ``connection``, kept open; (status, JSON body)."""
    connection.request("GET", path)
    response = connection.getresponse()
    return response.status, json.loads(response.read())


def search_path(text: str) -> str:
    return f"/api/search?{urllib.parse.urlencode({'q': text})}"


def connection_to(served: Served, worker: int) -> http.client.HTTPConnection:
    """A kept-open connection on which ``worker`` has answered."""
    workers = served.workers()
    for _ in range(CONNECTIONS_TRIED):
        connection = served.connect()
        assert get(connection, "/healthz")[0] == 200
        if worker_of(connection, served.port, workers) == worker:
            return connection
        connection.close()
    raise AssertionError(f"worker {worker} answered none of {CONNECTIONS_TRIED} connections")


def wait_until(condition: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


@pytest.fixture
def index_dir(tmp_path: Path, seeds_dir: Path) -> Path:
    path = tmp_path / "index"
    update_index(path, [seeds_dir])
    return path


@contextmanager
def serving(index_dir: Path, workers: int) -> Iterator[Served]:
    """``bahith serve --workers N`` with uploads on, once it says it serves; stopped afterwards."""
    port = free_port()
    env = {**os.environ, "BAHITH_API_TOKEN": TOKEN, "BAHITH_ARTICLES": str(index_dir.parent / "uploads")}
    command = [sys.executable, "-m", "bahith", "--index", str(index_dir), "serve", "--port", str(port)]
    process = subprocess.Popen(
        [*command, "--workers", str(workers)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
    )
    try:
        assert process.stdout is not None
        timer = threading.Timer(START_TIMEOUT, process.kill)
        timer.start()
        line = process.stdout.readline()
        timer.cancel()
        assert line.startswith(f"Bahith is serving {index_dir} at http://127.0.0.1:{port}/"), line
        yield Served(process, port)
    finally:
        if process.poll() is None:
            process.terminate()
        process.wait(timeout=30)


@pytest.mark.parametrize(("workers", "processes"), [(1, 0), (2, 2), (3, 3)])
def test_each_worker_is_a_process_and_each_answers_on_the_one_port(
    index_dir: Path, workers: int, processes: int
) -> None:
    with serving(index_dir, workers) as served:
        pids = served.workers()
        assert len(pids) == processes
        for pid in pids:
            connection = connection_to(served, pid)
            assert get(connection, search_path("سليماني"))[0] == 200
            connection.close()


def test_concurrent_searches_over_two_workers_all_succeed(index_dir: Path) -> None:
    statuses: list[int] = []

    def client(text: str) -> None:
        connection = served.connect()
        for _ in range(10):
            statuses.append(get(connection, search_path(text))[0])
        connection.close()

    with serving(index_dir, 2) as served:
        clients = [
            threading.Thread(target=client, args=(text,)) for text in ["سليماني", "Russie", "موسكو"] * 4
        ]
        for thread in clients:
            thread.start()
        for thread in clients:
            thread.join(timeout=60)
    assert statuses == [200] * 120


def test_an_upload_through_one_worker_is_found_through_the_other_within_a_second(index_dir: Path) -> None:
    with serving(index_dir, 2) as served:
        writer, reader = sorted(served.workers())
        to_writer, to_reader = connection_to(served, writer), connection_to(served, reader)
        assert get(to_reader, search_path("zqxworkers"))[1]["total"] == 0
        record = {
            "title": "Dépêche des deux processus",
            "body": "Le mot zqxworkers est unique.",
            "lang": "fr",
        }
        to_writer.request(
            "POST",
            "/api/articles",
            json.dumps(record),
            {"Content-Type": "application/json", "Authorization": f"Bearer {TOKEN}"},
        )
        response = to_writer.getresponse()
        assert (response.status, response.read() != b"") == (201, True)
        stored = time.monotonic()
        totals = []
        while time.monotonic() - stored < 1.0 and totals[-1:] != [1]:
            totals.append(get(to_reader, search_path("zqxworkers"))[1]["total"])
        assert totals[-1] == 1, f"not found through the other worker within 1 s: {totals}"
        assert worker_of(to_reader, served.port, served.workers()) == reader


def test_a_killed_worker_is_replaced_and_the_server_answers_meanwhile(index_dir: Path) -> None:
    with serving(index_dir, 2) as served:
        killed, survivor = sorted(served.workers())
        os.kill(killed, signal.SIGKILL)
        statuses = []
        for _ in range(20):
            connection = served.connect()
            statuses.append(get(connection, search_path("سليماني"))[0])
            connection.close()
        assert statuses == [200] * 20
        assert wait_until(lambda: len(served.workers() - {killed}) == 2, START_TIMEOUT)
        (replacement,) = served.workers() - {survivor}
        assert get(connection_to(served, replacement), search_path("Russie"))[0] == 200
        served.process.terminate()
        _, errors = served.process.communicate(timeout=30)
    assert f"bahith: worker {killed} was killed by SIGKILL; starting another" in errors


def test_a_worker_that_cannot_start_is_tried_again_until_it_can(index_dir: Path) -> None:
    away = index_dir.with_name("index-away")
    with serving(index_dir, 2) as served:
        assert served.process.stderr is not None
        killed, _ = sorted(served.workers())
        index_dir.rename(away)
        os.kill(killed, signal.SIGKILL)
        said = [served.process.stderr.readline() for _ in range(2)]
        away.rename(index_dir)
        assert said == [
            f"bahith: worker {killed} was killed by SIGKILL; starting another\n",
            f"bahith: no index at {index_dir}: create one with 'bahith index PATH…'; trying again in 1 s\n",
        ]
        assert wait_until(lambda: len(served.workers() - {killed}) == 2, START_TIMEOUT)


def test_sigterm_to_the_parent_stops_every_worker_and_frees_the_port(index_dir: Path) -> None:
    with serving(index_dir, 2) as served:
        workers = served.workers()
        served.process.send_signal(signal.SIGTERM)
        output, errors = served.process.communicate(timeout=30)
        assert (served.process.returncode, output, errors) == (0, "Bahith stopped.\n", "")
        assert not any(Path(f"/proc/{pid}").exists() for pid in workers)
        with pytest.raises(ConnectionRefusedError):
            socket.create_connection(("127.0.0.1", served.port), timeout=2).close()


def test_workers_exit_when_their_parent_is_killed(index_dir: Path) -> None:
    with serving(index_dir, 2) as served:
        workers = served.workers()
        served.process.kill()
        served.process.wait(timeout=10)
        assert wait_until(lambda: not any(Path(f"/proc/{pid}").exists() for pid in workers), 5.0)
        with pytest.raises(ConnectionRefusedError):
            socket.create_connection(("127.0.0.1", served.port), timeout=2).close()


@pytest.mark.parametrize("workers", [1, 2])
def test_a_request_waitress_refuses_is_answered_in_json_by_every_worker(
    index_dir: Path, workers: int
) -> None:
    with serving(index_dir, workers) as served:
        for pid in served.workers() or {served.process.pid}:
            connection = connection_to(served, pid) if workers > 1 else served.connect()
            connection.request("GET", search_path("word " * 10_000))
            response = connection.getresponse()
            answer = json.loads(response.read())
            assert (response.status, response.getheader("Content-Type")) == (431, "application/json")
            assert "too long" in answer["error"]
            connection.close()
