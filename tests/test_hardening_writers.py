"""Writers under attack: concurrent runs, readers during commits, and repeated full updates."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from indexer.merging import REWRITE_SHARE
from indexer.store import IndexUnavailable, open_index
from indexer.update import update_index
from search.engine import SearchEngine

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = 50


def write_articles(folder: Path, count: int, version: int = 0, first: int = 0) -> Path:
    """``count`` articles numbered from ``first``; ``version`` changes their text, not their files."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(first, first + count):
        (folder / f"{n:03}.txt").write_text(
            f"Dépêche {n}\n\nLes caravanes de la version {version} arrivent, numéro {n}.\n", encoding="utf-8"
        )
    return folder


def bahith_index(index_dir: Path, folder: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "bahith", "--index", str(index_dir), "index", str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )


def stored_ids(index_dir: Path) -> list[str]:
    with open_index(index_dir).searcher() as searcher:
        return [fields["id"] for fields in searcher.all_stored_fields()]


@pytest.mark.slow
@pytest.mark.parametrize("already_indexed", [0, 20], ids=["fresh index", "existing index"])
def test_two_index_runs_on_one_folder_at_once_index_each_article_once(
    tmp_path: Path, already_indexed: int
) -> None:
    folder = write_articles(tmp_path / "articles", already_indexed)
    index_dir = tmp_path / "idx"
    if already_indexed:
        update_index(index_dir, [folder])
    write_articles(folder, 200 - already_indexed, first=already_indexed)
    runs = [bahith_index(index_dir, folder) for _ in range(2)]
    outcomes = [(run.wait(timeout=180), run.stderr.read() if run.stderr else "") for run in runs]
    assert [code for code, _ in outcomes] == [0, 0], outcomes
    ids = stored_ids(index_dir)
    assert (len(ids), len(set(ids))) == (200, 200)


WRITER = """
import sys, time
from pathlib import Path
from tests.test_hardening_writers import write_articles
from indexer.update import update_index
folder, index_dir, commits = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
for version in range(1, commits + 1):
    write_articles(folder, {articles}, version)
    update_index(index_dir, [folder])
print("done", flush=True)
"""


@pytest.mark.slow
def test_a_reader_never_sees_a_half_written_commit(tmp_path: Path) -> None:
    """Every commit replaces all 50 articles, so its old segment is dropped and its files
    deleted while the reader may be opening them; every read must see exactly 50."""
    folder = write_articles(tmp_path / "articles", ARTICLES)
    index_dir = tmp_path / "idx"
    update_index(index_dir, [folder])
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER.format(articles=ARTICLES), str(folder), str(index_dir), "25"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    failures: list[str] = []
    reads = 0
    generations: set[int] = set()
    deadline = time.monotonic() + 120
    with SearchEngine(index_dir) as engine:
        while writer.poll() is None and time.monotonic() < deadline:
            try:
                searcher = engine.searcher()
                seen = {fields["id"] for fields in searcher.all_stored_fields()}
                generation = searcher.reader().generation()
            except Exception as error:  # a failure here is what the test is looking for
                failures.append(f"{type(error).__name__}: {error}")
                continue
            reads += 1
            generations.add(generation)
            if len(seen) != ARTICLES:
                failures.append(f"generation {generation} shows {len(seen)} articles")
    writer.kill()
    _, errors = writer.communicate()
    assert writer.returncode == 0, errors
    assert failures == []
    assert reads > 100 and len(generations) > 10, (reads, generations)


@pytest.mark.parametrize(
    ("changed_per_run", "runs"),
    [(ARTICLES, 3), (20, 5), (5, 12), (1, 20)],
)
def test_updates_keep_the_index_the_size_of_its_articles(
    tmp_path: Path, changed_per_run: int, runs: int
) -> None:
    folder = write_articles(tmp_path / "articles", ARTICLES)
    index_dir = tmp_path / "idx"
    update_index(index_dir, [folder])
    for version in range(1, runs + 1):
        first = (version * changed_per_run) % ARTICLES
        write_articles(folder, min(changed_per_run, ARTICLES - first), version, first)
        update_index(index_dir, [folder])
    with open_index(index_dir).reader() as reader:
        segments = [leaf.segment() for leaf, _ in reader.leaf_readers()]
        assert reader.doc_count() == ARTICLES
        assert reader.doc_count_all() <= ARTICLES / (1 - REWRITE_SHARE)
    assert [s for s in segments if s.deleted_count() == s.doc_count_all()] == []
    assert all(s.deleted_count() <= REWRITE_SHARE * s.doc_count_all() for s in segments)


def test_three_full_updates_leave_one_slot_per_article(tmp_path: Path) -> None:
    folder = write_articles(tmp_path / "articles", ARTICLES)
    index_dir = tmp_path / "idx"
    update_index(index_dir, [folder])
    for version in (1, 2, 3):
        assert update_index(index_dir, [write_articles(folder, ARTICLES, version)]).updated == ARTICLES
    with open_index(index_dir).reader() as reader:
        assert (reader.doc_count(), reader.doc_count_all()) == (ARTICLES, ARTICLES)


def test_an_index_path_that_is_a_file_is_a_clear_error(tmp_path: Path) -> None:
    occupied = tmp_path / "idx"
    occupied.write_text("not an index", encoding="utf-8")
    with pytest.raises(IndexUnavailable, match=f"cannot make the index folder {occupied}: file exists"):
        update_index(occupied, [write_articles(tmp_path / "articles", 1)])
