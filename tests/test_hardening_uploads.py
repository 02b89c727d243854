"""Uploads under attack: no token, huge or lying bodies, hostile JSON, a server killed mid-upload,
and deleting one record of a file of many."""

from __future__ import annotations

import http.client
import io
import json
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from email.message import Message
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from indexer.store import open_index
from indexer.update import update_index
from tests.serving import free_port
from web import create_app
from web.uploads import MAX_UPLOAD_BYTES

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def index_dir(tmp_path: Path, examples_dir: Path) -> Path:
    path = tmp_path / "index"
    update_index(path, [examples_dir])
    return path


@pytest.fixture
def articles_dir(tmp_path: Path) -> Path:
    path = tmp_path / "articles"
    path.mkdir()
    return path


@pytest.fixture
def client(index_dir: Path, articles_dir: Path) -> FlaskClient:
    app = create_app({"BAHITH_INDEX": index_dir, "BAHITH_API_TOKEN": TOKEN, "BAHITH_ARTICLES": articles_dir})
    return app.test_client()


def files_under(folder: Path) -> list[Path]:
    """Every file left in ``folder``, hidden ones included."""
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def uploaded_titles(index_dir: Path, articles_dir: Path) -> Counter[str]:
    uploads = str(articles_dir / "uploads")
    with open_index(index_dir).searcher() as searcher:
        return Counter(f["title"] for f in searcher.all_stored_fields() if f["path"].startswith(uploads))


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        (b"[" * 100_000, 400, "nested too deeply"),
        (b'{"title": "t' + b"[" * 3 + b'", "body": ' + b"[" * 50_000 + b"]" * 50_000 + b"}", 400, "nested"),
        (b'{"title": "t\\ud800", "body": "b"}', 422, "field 'title' holds an escape that is no character"),
        (b'{"title": "t", "body": "le mot \\udfff seul"}', 422, "field 'body'"),
        (b'{"title": "t", "body": ["un", "\\ud83d"]}', 422, "lone UTF-16 surrogate"),
        (b'{"title": "caf\xe9", "body": "b"}', 400, "not UTF-8"),
        (b'{"title": "t", "body": ', 400, "not valid JSON (line 1, column 24)"),
        (b'{"title": "t", "body": ' + b"1" * 5000 + b"}", 400, "not valid JSON"),
        (b'{"title": "t", "body": {"a": {"b": "c"}}}', 422, "field 'body' is an object, expected text"),
        (b'"just a string"', 400, "not a JSON object"),
    ],
    ids=["deep-list", "deep-field", "surrogate-title", "surrogate-body", "surrogate-list", "latin-1",
         "truncated", "long-number", "object-body", "string"],
)  # fmt: skip
def test_hostile_json_gets_a_clear_error_and_leaves_no_file(
    client: FlaskClient, index_dir: Path, articles_dir: Path, body: bytes, status: int, message: str
) -> None:
    response = client.post("/api/articles", data=body, content_type="application/json", headers=AUTH)
    assert (response.status_code, response.is_json) == (status, True)
    assert message in response.get_json()["error"]
    assert files_under(articles_dir) == []
    assert update_index(index_dir, [articles_dir]).skipped == []


def test_a_refused_file_upload_leaves_no_file_not_even_a_temporary_one(
    client: FlaskClient, articles_dir: Path
) -> None:
    for name, data in (("bin.txt", b"\x00\x01\x02" * 99), ("empty.md", b""), ("bad.jsonl", b"{\n")):
        response = client.post("/api/articles", data={"file": (io.BytesIO(data), name)}, headers=AUTH)
        assert response.status_code == 422, name
    assert files_under(articles_dir) == []


def test_sending_the_same_article_twice_stores_it_once(client: FlaskClient, articles_dir: Path) -> None:
    record = {"title": "Les dromadaires de Tozeur", "body": "Un élevage de dromadaires ouvre à Tozeur."}
    first = client.post("/api/articles", json=record, headers=AUTH).get_json()["ids"]
    again = client.post("/api/articles", json=record, headers=AUTH).get_json()["ids"]
    assert first == again
    assert len(files_under(articles_dir)) == 1


MULTI_RECORD = {
    "dispatches.jsonl": "\n".join(
        json.dumps({"title": f"Dépêche {n}", "body": f"La caravane numéro {n} arrive."}) for n in range(3)
    ),
    "dispatches.json": json.dumps(
        [{"title": f"Dépêche {n}", "body": f"La caravane numéro {n} arrive."} for n in range(3)]
    ),
}


@pytest.mark.parametrize("name", sorted(MULTI_RECORD))
def test_deleting_one_record_of_a_multi_record_upload_deletes_that_record_only(
    client: FlaskClient, index_dir: Path, articles_dir: Path, name: str
) -> None:
    data = MULTI_RECORD[name].encode("utf-8")
    response = client.post("/api/articles", data={"file": (io.BytesIO(data), name)}, headers=AUTH)
    assert response.status_code == 201
    first, middle, last = response.get_json()["ids"]
    assert client.delete(f"/api/articles/{middle}", headers=AUTH).get_json() == {"deleted": middle}
    assert client.get(f"/api/articles/{middle}").status_code == 404
    assert [client.get(f"/api/articles/{i}").get_json()["title"] for i in (first, last)] == [
        "Dépêche 0",
        "Dépêche 2",
    ]
    update_index(index_dir, [articles_dir])
    assert uploaded_titles(index_dir, articles_dir) == Counter({"Dépêche 0": 1, "Dépêche 2": 1})
    assert client.get(f"/api/articles/{last}").status_code == 200, "the other records keep their ids"
    for article_id in (first, last):
        assert client.delete(f"/api/articles/{article_id}", headers=AUTH).status_code == 200
    assert files_under(articles_dir) == [], "the file goes with its last record"


FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Le Site</title>
<item><title>Un</title><link>http://x/1</link><description>La caravane arrive à Tozeur.</description></item>
<item><title>Deux</title><link>http://x/2</link><description>Les dromadaires sont las.</description></item>
</channel></rss>"""


def test_one_item_of_an_uploaded_feed_is_not_deleted_with_the_others(
    client: FlaskClient, articles_dir: Path
) -> None:
    response = client.post(
        "/api/articles", data={"file": (io.BytesIO(FEED.encode()), "site.rss")}, headers=AUTH
    )
    first, second = response.get_json()["ids"]
    refused = client.delete(f"/api/articles/{first}", headers=AUTH)
    assert (refused.status_code, refused.get_json()["error"].split(" holds ")[1]) == (
        422,
        "2 articles and only JSON and JSON Lines files can lose one alone; nothing was deleted",
    )
    assert [client.get(f"/api/articles/{i}").status_code for i in (first, second)] == [200, 200]
    assert len(files_under(articles_dir)) == 1


# A real server: what waitress does before the app sees the request.


@contextmanager
def serving(index_dir: Path, articles_dir: Path) -> Iterator[tuple[subprocess.Popen[bytes], int]]:
    """``bahith serve`` with uploads on; yields the process and its port, and stops it."""
    port = free_port()
    env = {**os.environ, "BAHITH_API_TOKEN": TOKEN, "BAHITH_ARTICLES": str(articles_dir)}
    process = subprocess.Popen(
        [sys.executable, "-m", "bahith", "--index", str(index_dir), "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
        env=env,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            assert process.poll() is None and time.monotonic() < deadline, "bahith serve did not start"
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    break
            except OSError:
                time.sleep(0.05)
        yield process, port
    finally:
        if process.poll() is None:
            process.terminate()
        process.wait(timeout=10)


def raw_exchange(
    port: int, head: str, body: bytes = b"", timeout: float = 10.0
) -> tuple[int, Message, dict[str, str]]:
    """Send ``head`` (and ``body``), read one answer: (status, headers, JSON body)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(head.encode("latin-1") + body)
        answer = http.client.HTTPResponse(sock)
        answer.begin()
        return answer.status, answer.headers, json.loads(answer.read())


def upload_head(content_length: int, authorization: str = "", expect: bool = False) -> str:
    lines = [
        "POST /api/articles HTTP/1.1",
        "Host: 127.0.0.1",
        "Content-Type: application/json",
        f"Content-Length: {content_length}",
    ]
    lines += [f"Authorization: {authorization}"] * bool(authorization) + ["Expect: 100-continue"] * expect
    return "\r\n".join(lines) + "\r\n\r\n"


@pytest.mark.slow
def test_the_server_checks_the_token_and_the_size_before_reading_the_body(
    index_dir: Path, articles_dir: Path
) -> None:
    big = 200 * 1024 * 1024
    with serving(index_dir, articles_dir) as (_, port):
        for authorization, expect in (("", False), ("Bearer wrong", False), ("", True)):
            status, headers, answer = raw_exchange(port, upload_head(big, authorization, expect))
            assert (status, headers["WWW-Authenticate"]) == (401, "Bearer")
            assert "Authorization: Bearer <token>" in answer["error"]
        status, headers, answer = raw_exchange(port, upload_head(big, f"Bearer {TOKEN}"))
        assert (status, headers["Content-Type"]) == (413, "application/json")
        assert answer["error"]
        chunked = upload_head(0, f"Bearer {TOKEN}").replace("Content-Length: 0", "Transfer-Encoding: chunked")
        chunk = b"%x\r\n%s\r\n" % (1024 * 1024, b" " * 1024 * 1024)
        status, _, answer = raw_exchange(port, chunked, chunk * (MAX_UPLOAD_BYTES // (1024 * 1024) + 2))
        assert status == 413 and answer["error"]
    assert files_under(articles_dir) == []


def post_record(port: int, record: dict[str, str], timeout: float = 60.0) -> int | None:
    """POST one JSON article; its status, or None if the server vanished."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        body = json.dumps(record, ensure_ascii=False).encode("utf-8")
        connection.request("POST", "/api/articles", body, {**AUTH, "Content-Type": "application/json"})
        return connection.getresponse().status
    except (OSError, http.client.HTTPException):
        return None
    finally:
        connection.close()


def dispatch(n: int) -> dict[str, str]:
    paragraph = f"La caravane numéro {n} traverse le désert de Tozeur avec ses dromadaires. "
    return {"title": f"Dépêche {n}", "body": paragraph * 400 + f"Fin de la dépêche {n}."}


KILLS = 5


@pytest.mark.slow
def test_kill_9_during_uploads_leaves_no_orphan_or_truncated_article(
    index_dir: Path, articles_dir: Path
) -> None:
    """A client sends 60 articles, 8 at a time, and resends those not acknowledged when
    the server was killed; a full index of the uploads then holds each exactly once."""
    rng = random.Random(20261202)
    pending = set(range(60))
    kills = 0
    for _ in range(KILLS + 3):
        if not pending:
            break
        with serving(index_dir, articles_dir) as (server, port):
            acknowledged: set[int] = set()
            batch = sorted(pending)

            def send(numbers: list[int], port: int = port, acknowledged: set[int] = acknowledged) -> None:
                for n in numbers:
                    if post_record(port, dispatch(n)) == 201:
                        acknowledged.add(n)

            senders = [threading.Thread(target=send, args=(batch[i::8],)) for i in range(8)]
            for sender in senders:
                sender.start()
            time.sleep(rng.uniform(0.2, 1.5))
            if kills < KILLS:
                os.kill(server.pid, signal.SIGKILL)
                kills += 1
            for sender in senders:
                sender.join(timeout=120)
        pending -= acknowledged
    assert not pending, f"{len(pending)} articles never acknowledged"
    assert kills >= 2, "the server must have been killed with uploads in flight"
    update_index(index_dir, [articles_dir])
    titles = uploaded_titles(index_dir, articles_dir)
    assert titles == Counter({f"Dépêche {n}": 1 for n in range(60)})
    with open_index(index_dir).searcher() as searcher:
        bodies = [f["body"] for f in searcher.all_stored_fields() if f["title"].startswith("Dépêche")]
    assert all(body.endswith(f"Fin de la dépêche {body.split()[3]}.") for body in bodies)


@pytest.mark.slow
def test_forty_parallel_uploads_are_stored_once_each(index_dir: Path, articles_dir: Path) -> None:
    statuses: list[int | None] = []

    def send(n: int) -> None:
        statuses.append(post_record(port, dispatch(n)))

    with serving(index_dir, articles_dir) as (_, port):
        threads = [
            threading.Thread(target=lambda n=n: statuses.append(post_record(port, dispatch(n))))
            for n in range(40)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
    assert statuses == [201] * 40
    assert uploaded_titles(index_dir, articles_dir) == Counter({f"Dépêche {n}": 1 for n in range(40)})
    assert len(files_under(articles_dir)) == 40
