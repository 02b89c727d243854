"""``bahith list``, ``show``, ``delete``, ``stats`` and ``index`` of a missing path, as a user runs them."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from bahith.cli import cli
from indexer.analysis import analyze_text
from indexer.update import update_index
from indexer.uploads import add_file, default_articles_dir


def run(index: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--index", str(index), *args], env={"COLUMNS": "100"})
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def library(tmp_path: Path, examples_dir: Path) -> tuple[Path, Path]:
    """(index, folder) of a fresh index of the sample articles: 4 files of one article, 1 of two."""
    folder = tmp_path / "articles"
    shutil.copytree(examples_dir, folder)
    update_index(tmp_path / "index", [folder])
    return tmp_path / "index", folder


def listed(index: Path, *args: str) -> list[dict[str, str]]:
    code, out, _ = run(index, "list", "--format", "csv", *args)
    assert code in (0, 1)
    return list(csv.DictReader(io.StringIO(out)))


@pytest.mark.parametrize(
    ("args", "count"),
    [
        ((), 5),
        (("--lang", "ar"), 4),
        (("--lang", "fr"), 1),
        (("--since", "2022"), 1),
        (("--since", "2022-12-10"), 0),
        (("--source", "رويترز"), 1),
    ],
)
def test_list_filters(seed_index: Path, args: tuple[str, ...], count: int) -> None:
    assert len(listed(seed_index, *args)) == count


def test_list_is_newest_first_with_the_columns_asked(seed_index: Path) -> None:
    rows = listed(seed_index, "--fields", "date,lang")
    assert rows[0] == {"date": "2022-12-09", "lang": "fr"}
    assert all(row["date"] == "" for row in rows[1:]), "undated last"


def test_list_table_by_default(seed_index: Path) -> None:
    code, out, _ = run(seed_index, "list")
    assert code == 0
    assert out.splitlines()[0].split() == ["id", "date", "lang", "source", "title"]
    assert len(out.splitlines()) == 2 + 5


def test_list_of_nothing_exits_1(seed_index: Path) -> None:
    code, _, err = run(seed_index, "list", "--since", "2030")
    assert code == 1
    assert "no articles match" in err


@pytest.mark.parametrize("bad", ["yesterday", "2016-13"])
def test_list_since_a_non_date_is_a_usage_error(seed_index: Path, bad: str) -> None:
    code, _, err = run(seed_index, "list", "--since", bad)
    assert code == 2
    assert "is not a date" in err


def test_show_by_the_start_of_an_id(seed_index: Path) -> None:
    [french] = listed(seed_index, "--lang", "fr")
    code, out, _ = run(seed_index, "show", french["id"][:6])
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("Iran : Le commandant")
    assert f"id     {french['id']}" in lines
    assert "Qassem Soleimani" in out, "the text follows the metadata"


def test_show_json_has_the_text_and_no_machine_path(seed_index: Path, seeds_dir: Path) -> None:
    [french] = listed(seed_index, "--lang", "fr")
    code, out, _ = run(seed_index, "show", "--json", french["id"])
    assert code == 0
    data = json.loads(out)
    assert data["id"] == french["id"]
    assert "Soleimani" in data["body"]
    assert str(seeds_dir) not in out


@pytest.mark.parametrize("wanted", ["nope", "zz", "0"])
def test_show_an_unknown_id_exits_1(seed_index: Path, wanted: str) -> None:
    code, _, err = run(seed_index, "show", wanted)
    assert code == 1
    assert f"no article has the id {wanted}" in err


def test_delete_by_id(library: tuple[Path, Path]) -> None:
    index, folder = library
    [row] = [r for r in listed(index, "--fields", "id,file") if r["file"].endswith("marseille-port.txt")]
    code, out, err = run(index, "delete", row["id"])
    assert (code, out) == (0, "deleted 1 article\n")
    assert "indexing their folder again adds them back" in err
    assert row["id"] not in {r["id"] for r in listed(index)}
    assert (folder / "marseille-port.txt").exists(), "the file is left alone"
    code, _, _ = run(index, "delete", row["id"])
    assert code == 1, "already gone"


def test_delete_by_path_takes_every_article_of_the_file(library: tuple[Path, Path]) -> None:
    index, folder = library
    code, out, _ = run(index, "delete", str(folder / "dispatches.jsonl"))
    assert (code, out) == (0, "deleted 2 articles\n")
    assert len(listed(index)) == 4


def test_delete_by_folder(library: tuple[Path, Path]) -> None:
    index, folder = library
    code, out, _ = run(index, "delete", str(folder))
    assert (code, out) == (0, "deleted 6 articles\n")
    assert listed(index) == []


def test_one_article_of_a_file_of_several_is_not_deleted_alone(library: tuple[Path, Path]) -> None:
    index, _ = library
    ids = [r["id"] for r in listed(index, "--fields", "id,file") if r["file"].endswith("dispatches.jsonl")]
    code, _, err = run(index, "delete", ids[0])
    assert code == 1
    assert "is one of the 2 articles of" in err
    assert len(listed(index)) == 6


def test_delete_what_is_not_there_exits_1(library: tuple[Path, Path]) -> None:
    index, folder = library
    code, _, err = run(index, "delete", str(folder / "none.txt"))
    assert code == 1
    assert "no article has the id" in err


def test_stats_sources_dates_vocabulary_health(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("عنوان الخبر\n\nوصل لموسكو أمس.\n", encoding="utf-8")
    (folder / "b.json").write_text(
        json.dumps({"title": "Kabul", "body": "Un kebab à Kabul.", "source": "AFP", "date": "2016-07-15"}),
        encoding="utf-8",
    )
    update_index(tmp_path / "idx", [folder])
    code, out, _ = run(tmp_path / "idx", "stats", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["sources"] == {"AFP": 1, "": 1}
    assert data["dates"] == {"first": "2016-07-15", "last": "2016-07-15", "undated": 1}
    words = "عنوان الخبر وصل لموسكو أمس Kabul Un kebab à Kabul"
    assert data["vocabulary"] == len({t.analysis.term for t in analyze_text(words) if t.analysis.term}), (
        "the words as indexed, not the readings behind ~ (موسكو of لموسكو)"
    )
    assert (data["segments"], data["deleted"]) == (1, 0)
    code, out, _ = run(tmp_path / "idx", "stats")
    assert "dates       2016-07-15 to 2016-07-15, 1 undated" in out
    assert "health      ok, 1 segment" in out


def test_index_of_a_missing_path_is_an_error_and_makes_no_index(tmp_path: Path) -> None:
    code, out, err = run(tmp_path / "idx", "index", str(tmp_path / "nonexistent"))
    assert code == 1
    assert f"no such file or folder: {tmp_path / 'nonexistent'}" in err
    assert "up to date" not in out
    assert not (tmp_path / "idx").exists()


def test_deleting_an_upload_deletes_its_file(tmp_path: Path) -> None:
    index = tmp_path / "index"
    [article] = add_file(index, default_articles_dir(index), "note.txt", b"Une note\n\nUn texte court.\n")
    code, out, err = run(index, "delete", article.id)
    assert (code, out) == (0, "deleted 1 article\n")
    assert not Path(article.path).exists()
    assert "still there" not in err
