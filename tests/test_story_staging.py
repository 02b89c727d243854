"""A run's story features are extracted as it writes each article and wait on disk for the commit.

What the commit then decides must be what it decided when it read the articles back from the
index: a first run into an empty index places them in the order a rebuild takes them (by date,
then id), a later run in the order written, and a cancelled run leaves the stories as they were.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from indexer.article import Article
from indexer.ingest import read_articles
from indexer.stories import StoryBatch, StoryState, rebuild_stories
from indexer.stories.state import Member
from indexer.update import update_index

FIXTURES = Path(__file__).parent / "fixtures" / "stories"


def _grouping(index_dir: Path) -> dict[str, tuple[str, str | None, tuple[str, ...]]]:
    """id -> (story, original, posted features) of every article the story file holds."""
    state = StoryState(index_dir)
    try:
        ids = [row[0] for row in state.db.execute("SELECT id FROM articles")]
        return {m.id: (m.story, m.copy_of, m.posted) for m in state.many(ids)}
    finally:
        state.close()


def _articles(tmp_path: Path, names: list[str]) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name in names:
        shutil.copy(FIXTURES / name, folder / name)
    return folder


ALL = sorted(p.name for p in FIXTURES.glob("*.json"))


@pytest.mark.parametrize(
    "names",
    [
        ALL,
        ["a1-ar-copy1.json", "a1-ar.json", "a1-ar-copy2.json", "a2-ar.json", "a3-fr.json"],
        ["e2-fr.json", "e1-ar-copy1.json", "e1-ar.json", "d3-fr.json", "d1-ar.json"],
    ],
)
def test_a_first_run_groups_as_a_rebuild_from_the_index(tmp_path: Path, names: list[str]) -> None:
    index_dir = tmp_path / "index"
    update_index(index_dir, [_articles(tmp_path, names)])
    first_run = _grouping(index_dir)
    assert len(first_run) == len(names)
    rebuild_stories(index_dir)
    assert _grouping(index_dir) == first_run


def test_a_later_run_places_what_it_wrote_among_what_was_there(tmp_path: Path) -> None:
    index_dir = tmp_path / "index"
    folder = _articles(tmp_path, ["a1-ar.json", "b1-ar.json", "c1-ar.json"])
    update_index(index_dir, [folder])
    for name in ("a1-ar-copy1.json", "a2-ar.json", "b1-ar-copy1.json"):
        shutil.copy(FIXTURES / name, folder / name)
    update_index(index_dir, [folder])
    later = _grouping(index_dir)
    assert len(later) == 6
    for original, copy in (("a1-ar.json", "a1-ar-copy1.json"), ("b1-ar.json", "b1-ar-copy1.json")):
        original_id = _id(folder / original)
        assert later[_id(folder / copy)][:2] == (later[original_id][0], original_id)


def _id(path: Path) -> str:
    (article,) = read_articles(path)
    assert isinstance(article, Article)
    return article.id


def test_a_cancelled_batch_changes_no_story(tmp_path: Path) -> None:
    index_dir = tmp_path / "index"
    folder = _articles(tmp_path, ["a1-ar.json", "a2-ar.json"])
    update_index(index_dir, [folder])
    before = _grouping(index_dir)
    batch = StoryBatch(index_dir)
    batch.delete(next(iter(before)))
    batch.cancel()
    batch.commit()
    assert _grouping(index_dir) == before


@pytest.mark.parametrize("field", ["sketch", "vector", "entities", "posted", "features"])
def test_a_member_read_back_holds_what_was_stored(tmp_path: Path, field: str) -> None:
    index_dir = tmp_path / "index"
    update_index(index_dir, [_articles(tmp_path, ["a1-ar.json", "a3-fr.json"])])
    state = StoryState(index_dir)
    try:
        for (article_id,) in state.db.execute("SELECT id FROM articles").fetchall():
            member = state.get(article_id)
            assert isinstance(member, Member)
            value = getattr(member, field)
            assert value, f"{field} of {article_id} is empty"
            assert getattr(member, field) is value, "decoded once, then kept"
    finally:
        state.close()
