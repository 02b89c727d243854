"""Uploading and deleting articles over the API, then finding them by search."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from indexer.update import update_index
from web import create_app

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def index_dir(tmp_path: Path, examples_dir: Path) -> Path:
    path = tmp_path / "index"
    update_index(path, [examples_dir])
    return path


@pytest.fixture
def client(tmp_path: Path, index_dir: Path) -> FlaskClient:
    app = create_app(
        {"BAHITH_INDEX": index_dir, "BAHITH_API_TOKEN": TOKEN, "BAHITH_ARTICLES": tmp_path / "articles"}
    )
    return app.test_client()


def found(client: FlaskClient, query: str) -> int:
    return client.get("/api/search", query_string={"q": query}).get_json()["total"]


def test_a_json_article_is_kept_as_a_file_and_found_at_once(client: FlaskClient, tmp_path: Path) -> None:
    article = {
        "title": "Les dromadaires de Tozeur",
        "body": "Un élevage de dromadaires ouvre à Tozeur.",
        "lang": "fr",
    }
    response = client.post("/api/articles", json=article, headers=AUTH)
    assert response.status_code == 201
    [article_id] = response.get_json()["ids"]
    assert response.headers["Location"] == f"/api/articles/{article_id}"
    assert found(client, "dromadaires") == 1
    stored = client.get(f"/api/articles/{article_id}").get_json()
    assert not Path(stored["path"]).is_absolute(), "the API never says where the server keeps files"
    [kept] = (tmp_path / "articles" / "uploads").rglob(Path(stored["path"]).name)
    assert json.loads(kept.read_text(encoding="utf-8"))["title"] == article["title"]


def test_a_file_upload_in_windows_1256_is_indexed(client: FlaskClient) -> None:
    text = "قافلة الجمال تصل\n\nوصلت قافلة الجمال إلى الواحة صباح اليوم.\n".encode("cp1256")
    response = client.post("/api/articles", data={"file": (io.BytesIO(text), "qafila.txt")}, headers=AUTH)
    assert response.status_code == 201
    assert found(client, "قافلة") == 1


def test_deleting_an_upload_removes_its_file_and_its_hits(client: FlaskClient, tmp_path: Path) -> None:
    body = {"title": "Un titre", "body": "Les lamas arrivent."}
    [article_id] = client.post("/api/articles", json=body, headers=AUTH).get_json()["ids"]
    [path] = (tmp_path / "articles" / "uploads").rglob("*.json")
    assert client.delete(f"/api/articles/{article_id}", headers=AUTH).get_json() == {"deleted": article_id}
    assert not path.exists()
    assert found(client, "lamas") == 0
    assert client.get(f"/api/articles/{article_id}").status_code == 404


@pytest.mark.parametrize(
    ("headers", "status"),
    [({}, 401), ({"Authorization": "Bearer wrong"}, 401), ({"Authorization": f"Basic {TOKEN}"}, 401)],
)
def test_writes_need_the_token(client: FlaskClient, headers: dict[str, str], status: int) -> None:
    response = client.post("/api/articles", json={"title": "t", "body": "b"}, headers=headers)
    assert response.status_code == status
    assert "Bearer" in response.get_json()["error"]
    assert response.headers["WWW-Authenticate"].lower().startswith("bearer")


def test_searching_needs_no_token(client: FlaskClient) -> None:
    assert client.get("/api/search", query_string={"q": "Marseille"}).status_code == 200


def test_uploads_are_off_without_a_token(index_dir: Path, tmp_path: Path) -> None:
    app = create_app({"BAHITH_INDEX": index_dir, "BAHITH_API_TOKEN": "", "BAHITH_ARTICLES": tmp_path / "a"})
    response = app.test_client().post("/api/articles", json={"title": "t", "body": "b"}, headers=AUTH)
    assert response.status_code == 403
    assert "disabled" in response.get_json()["error"]


@pytest.mark.parametrize(
    ("kwargs", "status", "message"),
    [
        ({"data": "plain text", "content_type": "text/plain"}, 415, "application/json"),
        ({"data": "{not json", "content_type": "application/json"}, 400, "JSON object"),
        ({"json": ["a", "list"]}, 400, "JSON object"),
        ({"json": {"title": "no body"}}, 422, "no body"),
        ({"json": {"title": "t", "body": "b", "author": "x"}}, 422, "unknown field"),
        ({"data": {"file": (io.BytesIO(b"x"), "a.exe")}}, 422, "not an article file"),
        ({"data": {"file": (io.BytesIO(b"\x00\x01\x02" * 99), "bin.txt")}}, 422, "binary"),
        ({"data": {"file": (io.BytesIO(b"a" * (5 * 1024 * 1024 + 1)), "big.txt")}}, 413, ""),
    ],
)
def test_bad_uploads_get_a_clear_error(
    client: FlaskClient, kwargs: dict[str, object], status: int, message: str
) -> None:
    response = client.post("/api/articles", headers=AUTH, **kwargs)
    assert response.status_code == status
    assert message in response.get_json()["error"]
    assert found(client, "Marseille") == 1


def test_only_uploads_can_be_deleted(client: FlaskClient, examples_dir: Path) -> None:
    query = {"q": "Marseille", "group": "false"}
    hit = client.get("/api/search", query_string=query).get_json()["hits"][0]
    response = client.delete(f"/api/articles/{hit['id']}", headers=AUTH)
    assert response.status_code == 409
    assert str(examples_dir) not in response.get_json()["error"]
    shown = client.get(f"/api/articles/{hit['id']}").get_json()["path"]
    assert list(examples_dir.rglob(Path(shown).name)), "the file stays"
    assert client.delete("/api/articles/nope", headers=AUTH).status_code == 404
