"""The web server attacked: a dateless article, requests refused at the server's edge, heavy searches.

A dateless article once broke the search page for good; requests waitress
refuses before the app sees them (an address too long, a body too big, bytes
that are not a request) were answered in plain text; and one heavy search held
every other reader waiting. These run against real indexes, and the server
tests against a real ``bahith serve`` on loopback.
"""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.corpus import ensure_corpus
from indexer.update import update_index
from search.engine import SearchEngine
from search.execute.budget import SEARCH_SECONDS
from tests.serving import bahith_serve
from tests.test_hardening_queries import FUZZY_WORDS
from web import create_app
from web.security import CONTENT_SECURITY_POLICY

TOKEN = "hardening-token"
GENERATED = 2000
SECOND_CLIENT_REQUESTS = 400
DEADLINE_SLACK_SECONDS = 2.0
"""A search stopped at its deadline still has to be answered and sent: this much later at most."""


def _dateless_folder(root: Path) -> Path:
    folder = root / "new"
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text("U\n\nSoleimani x\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def dateless_index(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    """The seeds, then, in a second run, one article without a date: how the page broke."""
    root = tmp_path_factory.mktemp("dateless")
    update_index(root / "index", [seeds_dir])
    update_index(root / "index", [_dateless_folder(root)])
    return root / "index"


@pytest.mark.parametrize("url", ["/", "/?q=", "/?q=Soleimani", "/?q=*", "/?q=Soleimani&lang=fr"])
def test_a_dateless_article_leaves_every_page_working_also_after_a_restart(
    dateless_index: Path, url: str
) -> None:
    for _ in ("first start", "restart"):
        response = create_app({"BAHITH_INDEX": dateless_index}).test_client().get(url)
        assert response.status_code == 200, response.get_data(as_text=True)[:500]


def test_a_dateless_upload_leaves_the_pages_working(tmp_path: Path, seeds_dir: Path) -> None:
    update_index(tmp_path / "index", [seeds_dir])
    app = create_app(
        {"BAHITH_INDEX": tmp_path / "index", "BAHITH_API_TOKEN": TOKEN, "BAHITH_ARTICLES": tmp_path / "up"}
    )
    client = app.test_client()
    sent = client.post(
        "/api/articles",
        json={"title": "U", "body": "Soleimani x"},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert sent.status_code == 201
    for url in ("/", "/?q=Soleimani"):
        assert client.get(url).status_code == 200


def test_a_bad_query_on_the_search_page_is_explained_there(dateless_index: Path) -> None:
    response = create_app({"BAHITH_INDEX": dateless_index}).test_client().get("/", query_string={"q": "<b>"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "compare dates" in page
    assert "list index" not in page


# Requests refused at the server's edge


def _raw(base: str, request: bytes) -> tuple[int, dict[str, str], bytes]:
    """Send ``request`` as it is; the status, headers and body of the answer.

    The answer is read while the request is still being sent, as a browser does:
    a server that refuses a request part-way closes with bytes unread, and the
    reset that follows drops an answer nobody was reading yet.
    """
    host, port = urllib.parse.urlsplit(base).netloc.split(":")
    with socket.create_connection((host, int(port)), timeout=30) as sock:
        sender = threading.Thread(target=_send_all, args=(sock, request))
        sender.start()
        answer = b""
        with contextlib.suppress(ConnectionResetError):  # after the answer: the server stopped reading
            while chunk := sock.recv(65536):
                answer += chunk
        sender.join()
    head, _, body = answer.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in header_lines)
    return int(status_line.split()[1]), {k.lower(): v for k, v in headers.items()}, body


def _send_all(sock: socket.socket, request: bytes) -> None:
    with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # refused part-way: the answer says why
        sock.sendall(request)


EDGE_REQUESTS = [
    (b"GET /api/search?q=" + b"word%20" * 10_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n", 431, "too long"),
    (b"GET /api/search?q=\xff\xfe HTTP/1.1\r\nHost: x\r\n\r\n", 400, "could not be read"),
    (b"POST /api/search HTTP/1.1\r\nHost: x\r\nContent-Length: 6000000\r\n\r\n", 413, "over 5 MB"),
    (b"GET /api/nothing HTTP/1.1\r\nHost: x\r\n\r\n", 404, "/api/search"),
    (b"GET /api/search?q=%3Cb%3E HTTP/1.1\r\nHost: x\r\n\r\n", 400, "compare dates"),
    (b"GET /api/search?q=date:banana HTTP/1.1\r\nHost: x\r\n\r\n", 400, "cannot understand date:banana"),
]


@pytest.fixture(scope="module")
def seed_server(seed_index: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with bahith_serve(seed_index, tmp_path_factory.mktemp("serve")) as base:
        yield base


@pytest.mark.parametrize(("request_bytes", "status", "message"), EDGE_REQUESTS)
def test_every_refused_request_gets_json_in_bahiths_words(
    seed_server: str, request_bytes: bytes, status: int, message: str
) -> None:
    got, headers, body = _raw(
        seed_server, request_bytes.replace(b"\r\n\r\n", b"\r\nConnection: close\r\n\r\n")
    )
    assert got == status
    assert headers["content-type"].startswith("application/json")
    assert headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert message in json.loads(body)["error"]


# A heavy search beside other readers


@pytest.fixture(scope="module")
def generated_index(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    """The seeds and ``GENERATED`` generated articles (``bench.corpus``)."""
    root = tmp_path_factory.mktemp("generated")
    ensure_corpus(root / "corpus", GENERATED, 1, seeds_dir)
    update_index(root / "index", [seeds_dir, root / "corpus"])
    return root / "index"


def _get(url: str) -> tuple[int, dict, float, float]:
    """(status, JSON answer, when sent, when answered)."""
    sent = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            status, body = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, body = error.code, error.read()
    return status, json.loads(body), sent, time.monotonic()


def test_star_and_heavy_searches_stay_within_the_budget_while_another_client_keeps_getting_answers(
    generated_index: Path, seeds_dir: Path, tmp_path: Path
) -> None:
    with SearchEngine(generated_index) as engine:
        articles = engine.searcher().doc_count()
    paragraph = " ".join(next(seeds_dir.glob("000_*")).read_text(encoding="utf-8").split()[:85])
    heavy = ["*", "title:* id:* body:*", "[a TO z]", "[ا TO ي]", FUZZY_WORDS, paragraph]
    answers: list[tuple[int, float, float]] = []
    finished = threading.Event()
    with bahith_serve(generated_index, tmp_path) as base:

        def other_client() -> None:
            for _ in range(SECOND_CLIENT_REQUESTS):
                if finished.is_set():
                    return
                status, _, sent, answered = _get(f"{base}/api/search?q=Soleimani")
                answers.append((status, sent, answered))

        _get(f"{base}/api/search?q=Soleimani")  # the server's threads are warm
        second = threading.Thread(target=other_client)
        second.start()
        try:
            results = {q: _get(f"{base}/api/search?{urllib.parse.urlencode({'q': q})}") for q in heavy}
        finally:
            finished.set()
            second.join(timeout=60)
    for query, (status, body, sent, answered) in results.items():
        assert answered - sent < SEARCH_SECONDS + DEADLINE_SLACK_SECONDS, query
        assert status in (200, 400, 503), body
    assert results["*"][1]["total"] == results["title:* id:* body:*"][1]["total"] == articles
    assert [results[q][0] for q in ("[a TO z]", "[ا TO ي]", FUZZY_WORDS)] == [400, 400, 400]
    _, _, heavy_sent, heavy_answered = results[paragraph]
    during = [a for a in answers if a[1] >= heavy_sent and a[2] <= heavy_answered]
    assert all(status == 200 for status, _, _ in answers)
    assert len(during) >= 3, (heavy_answered - heavy_sent, len(answers))
