"""The ``bahith`` command as a user runs it: output, JSON and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from bahith.cli import cli


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def bahith(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_index_then_search_the_seeds(runner: CliRunner, tmp_path: Path, seeds_dir: Path) -> None:
    index = str(tmp_path / "idx")
    code, out, _ = bahith(runner, "--index", index, "index", str(seeds_dir))
    assert code == 0
    assert "added 5" in out
    code, out, _ = bahith(runner, "--index", index, "index", str(seeds_dir))
    assert code == 0
    assert "nothing to write" in out
    code, out, _ = bahith(runner, "--index", index, "search", "سليماني موسكو")
    assert code == 0
    assert out.startswith("5 articles"), "the four Arabic articles, then the French one across languages"


def test_search_json_is_one_valid_object(runner: CliRunner, seed_index: Path) -> None:
    code, out, _ = bahith(runner, "--index", str(seed_index), "search", "--json", "لموسكو")
    assert code == 0
    data = json.loads(out)
    assert {"query", "total", "took_ms", "page", "limit", "pages", "suggestion", "hits"} <= set(data)
    assert "path" not in data["hits"][0], "no file path of the machine that indexed"
    assert data["total"] == 5, "the four Arabic articles and, across languages, the French one (Moscou)"
    assert all("<mark>" in hit["snippet"] for hit in data["hits"])


def test_index_from_the_environment_variable(runner: CliRunner, seed_index: Path) -> None:
    result = runner.invoke(cli, ["search", "Soleimani"], env={"BAHITH_INDEX": str(seed_index)})
    assert result.exit_code == 0
    assert result.stdout.startswith("5 articles"), "the French article, then the Arabic ones"


def test_nothing_found_exits_1(runner: CliRunner, seed_index: Path) -> None:
    code, _, err = bahith(runner, "--index", str(seed_index), "search", "Soleimeni")
    assert code == 1
    assert "no articles found" in err


def test_bad_query_exits_1_with_a_message(runner: CliRunner, seed_index: Path) -> None:
    code, out, err = bahith(runner, "--index", str(seed_index), "search", "a*")
    assert code == 1
    assert err.startswith("bahith: ")
    assert "Traceback" not in out + err


def test_usage_error_exits_2(runner: CliRunner, seed_index: Path) -> None:
    code, _, _ = bahith(runner, "--index", str(seed_index), "search", "--limit", "0", "x")
    assert code == 2


def test_missing_index_is_a_clear_error(runner: CliRunner, tmp_path: Path) -> None:
    code, _, err = bahith(runner, "--index", str(tmp_path / "none"), "search", "x")
    assert code == 1
    assert "no index at" in err


def test_skipped_files_are_named_with_their_reason(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Un titre\n\nDu texte lisible.\n", encoding="utf-8")
    (folder / "x.txt").write_bytes(b"\x00\xff\x00\xfe" * 64)
    code, out, err = bahith(runner, "--index", str(tmp_path / "idx"), "index", str(folder))
    assert code == 1
    assert "added 1" in out
    assert f"bahith: cannot read {folder / 'x.txt'}: " in err
    assert "(skipped)" in err


def test_analyze_explains_a_clitic(runner: CliRunner) -> None:
    code, out, _ = bahith(runner, "analyze", "--json", "لموسكو")
    assert code == 0
    [token] = json.loads(out)
    assert token["term"] == "لموسكو"
    [reading] = token["readings"]
    assert reading["term"] == "موسكو"
    assert "ل stripped" in reading["why"]
    assert (token["start"], token["end"]) == (0, 6)


def test_analyze_text_output(runner: CliRunner) -> None:
    code, out, _ = bahith(runner, "analyze", "l’ONU")
    assert code == 0
    assert "term onu" in out


def test_stats_json(runner: CliRunner, seed_index: Path) -> None:
    code, out, _ = bahith(runner, "--index", str(seed_index), "stats", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["articles"] == 5
    assert data["by_lang"] == {"ar": 4, "fr": 1}


def test_help_has_an_example(runner: CliRunner) -> None:
    for command in ("index", "search", "analyze", "stats", "list", "show", "delete", "watch", "serve"):
        code, out, _ = bahith(runner, command, "--help")
        assert code == 0
        assert "Example" in out


def test_the_console_script_runs_as_a_module(seed_index: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bahith", "--index", str(seed_index), "search", "--json", "Soleimani"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["total"] == 5, "the French article, then the Arabic ones"
