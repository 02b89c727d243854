"""The Atom feeds and the story page, on a real seed index, validated against RFC 4287.

``fixtures/stories/atom.rng`` is a RELAX NG grammar of Atom written from the RFC;
the rules it cannot state are checked here: a feed without an author needs one
in every entry, and a feed or entry has at most one alternate link per type and
language.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from flask.testing import FlaskClient
from lxml import etree

from indexer.stories import StoryState, rebuild_stories
from web import create_app

ATOM = "{http://www.w3.org/2005/Atom}"
SCHEMA = etree.RelaxNG(etree.parse(str(Path(__file__).parent / "fixtures" / "stories" / "atom.rng")))


@pytest.fixture(scope="module")
def client(seed_index: Path) -> FlaskClient:
    rebuild_stories(seed_index)
    app = create_app({"BAHITH_INDEX": str(seed_index), "TESTING": True})
    return app.test_client()


def valid_atom(data: bytes) -> etree._Element:
    root = etree.fromstring(data)
    assert SCHEMA.validate(root), SCHEMA.error_log
    entries = root.findall(f"{ATOM}entry")
    if root.find(f"{ATOM}author") is None:
        assert all(entry.find(f"{ATOM}author") is not None for entry in entries)
    for element in [root, *entries]:
        alternates = [
            (link.get("type"), link.get("hreflang"))
            for link in element.findall(f"{ATOM}link")
            if link.get("rel", "alternate") == "alternate"
        ]
        assert len(alternates) == len(set(alternates))
    return root


def seed_story_id(seed_index: Path) -> str:
    state = StoryState(seed_index)
    story = state.db.execute("SELECT story FROM articles LIMIT 1").fetchone()[0]
    state.close()
    return story


@pytest.mark.parametrize(
    ("query", "entries"),
    [("سليماني موسكو", 5), ("lang:fr Soleimani", 1), ("Soleimani OR سليماني", 5)],
)
def test_search_feed_is_valid_atom(client: FlaskClient, query: str, entries: int) -> None:
    response = client.get("/feeds/search.atom", query_string={"q": query})
    assert response.status_code == 200
    assert response.content_type.startswith("application/atom+xml")
    assert len(valid_atom(response.data).findall(f"{ATOM}entry")) == entries


def test_story_feed_and_page(client: FlaskClient, seed_index: Path) -> None:
    story = seed_story_id(seed_index)
    feed = client.get(f"/feeds/story/{story}.atom")
    assert feed.status_code == 200
    assert len(valid_atom(feed.data).findall(f"{ATOM}entry")) == 5
    page = client.get(f"/story/{story}")
    assert page.status_code == 200


@pytest.mark.parametrize(
    ("url", "status"),
    [("/feeds/search.atom", 400), ("/feeds/search.atom?q=a*", 400), ("/feeds/story/nope.atom", 404)],
)
def test_bad_feed_requests_are_refused_with_a_message(client: FlaskClient, url: str, status: int) -> None:
    response = client.get(url)
    assert response.status_code == status
    assert b"Traceback" not in response.data
