"""Stories follow the index: ``bahith index`` groups the seeds into one story as it writes
them, and an article added later about another visit to Moscow stays out of it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from bahith.cli import cli
from indexer.stories import STATE_FILE

OTHER_VISIT = (
    "وزير الخارجية الهندي في موسكو\n\n"
    "وصل وزير الخارجية الهندي إلى موسكو يوم الاثنين في زيارة رسمية يلتقي خلالها نظيره الروسي "
    "لبحث صفقات الطاقة والتجارة بين البلدين.\n"
)


def _stories(index_dir: Path, query: str) -> list[dict[str, object]]:
    result = CliRunner().invoke(cli, ["--index", str(index_dir), "search", "--json", query])
    assert result.exit_code == 0, result.output
    return [hit["story"] for hit in json.loads(result.output)["hits"]]


def test_indexing_groups_the_seeds_and_keeps_another_visit_apart(tmp_path: Path, seeds_dir: Path) -> None:
    index_dir, other = tmp_path / "index", tmp_path / "other"
    runner = CliRunner()
    assert runner.invoke(cli, ["--index", str(index_dir), "index", str(seeds_dir)]).exit_code == 0
    assert (index_dir / STATE_FILE).is_file(), "the first run writes the stories"
    (story,) = _stories(index_dir, "سليماني موسكو")
    assert story["size"] == 5

    other.mkdir()
    (other / "india.txt").write_text(OTHER_VISIT, encoding="utf-8")
    assert runner.invoke(cli, ["--index", str(index_dir), "index", str(seeds_dir), str(other)]).exit_code == 0
    sizes = sorted(story["size"] for story in _stories(index_dir, "موسكو"))
    assert sizes == [1, 5], "the Indian minister's visit is a story of its own"

    (other / "india.txt").unlink()
    assert runner.invoke(cli, ["--index", str(index_dir), "index", str(seeds_dir), str(other)]).exit_code == 0
    assert [story["size"] for story in _stories(index_dir, "موسكو")] == [5]


def test_a_lost_story_file_is_made_again_from_the_index(tmp_path: Path, seeds_dir: Path) -> None:
    index_dir, other = tmp_path / "index", tmp_path / "other"
    runner = CliRunner()
    runner.invoke(cli, ["--index", str(index_dir), "index", str(seeds_dir)])
    (index_dir / STATE_FILE).unlink()
    other.mkdir()
    shutil.copy(next(p for p in seeds_dir.iterdir() if p.is_file()), other / "copy.txt")
    (other / "india.txt").write_text(OTHER_VISIT, encoding="utf-8")
    assert runner.invoke(cli, ["--index", str(index_dir), "index", str(seeds_dir), str(other)]).exit_code == 0
    sizes = sorted(story["size"] for story in _stories(index_dir, "موسكو"))
    assert sizes[0] == 1 and sum(sizes) == 7, sizes
