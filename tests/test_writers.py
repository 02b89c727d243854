"""Two writers on one index: the second waits its turn or stops with a clear message."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from indexer.store import open_index
from indexer.update import update_index


def write_articles(folder: Path, word: str, count: int) -> Path:
    folder.mkdir(parents=True)
    for n in range(count):
        (folder / f"{n:03}.txt").write_text(f"Titre {n}\n\nUn texte sur les {word} {n}.\n", encoding="utf-8")
    return folder


def bahith(index_dir: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "bahith", "--index", str(index_dir), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture
def index_dir(tmp_path: Path) -> Path:
    path = tmp_path / "idx"
    update_index(path, [write_articles(tmp_path / "base", "chameaux", 3)])
    return path


def test_a_writer_that_cannot_get_the_lock_stops_cleanly(tmp_path: Path, index_dir: Path) -> None:
    folder = write_articles(tmp_path / "more", "zèbres", 5)
    holder = open_index(index_dir).writer()
    try:
        second = bahith(index_dir, "index", "--wait", "0.5", str(folder))
        _, err = second.communicate(timeout=60)
    finally:
        holder.cancel()
    assert second.returncode == 1
    assert "being written by another process" in err
    assert "Traceback" not in err
    with open_index(index_dir).searcher() as searcher:
        assert searcher.doc_count() == 3


def test_two_concurrent_writers_both_land(tmp_path: Path, index_dir: Path) -> None:
    first = bahith(index_dir, "index", str(write_articles(tmp_path / "a", "zèbres", 150)))
    second = bahith(index_dir, "index", str(write_articles(tmp_path / "b", "girafes", 150)))
    assert first.wait(timeout=120) == 0, first.stderr.read() if first.stderr else ""
    assert second.wait(timeout=120) == 0, second.stderr.read() if second.stderr else ""
    with open_index(index_dir).searcher() as searcher:
        assert searcher.doc_count() == 303


def test_a_lock_left_by_a_killed_writer_is_recovered(tmp_path: Path, index_dir: Path) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from indexer.store import open_index;"
            "w = open_index(Path(sys.argv[1])).writer(); print('locked', flush=True); time.sleep(60)",
            str(index_dir),
        ],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    holder.kill()
    holder.wait()
    folder = write_articles(tmp_path / "after", "girafes", 2)
    after = bahith(index_dir, "index", "--wait", "5", str(folder))
    assert after.wait(timeout=60) == 0
    with open_index(index_dir).searcher() as searcher:
        assert searcher.doc_count() == 5
