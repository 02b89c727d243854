"""Incremental indexing into a real Whoosh index on disk."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from indexer.store import IndexUnavailable, index_stats, open_index
from indexer.update import rebuild_index, update_index
from search.engine import SearchEngine


@pytest.fixture
def articles(tmp_path: Path, examples_dir: Path) -> Path:
    folder = tmp_path / "articles"
    shutil.copytree(examples_dir, folder)
    return folder


def count(index_dir: Path) -> int:
    with open_index(index_dir).searcher() as searcher:
        return searcher.doc_count()


def generation(index_dir: Path) -> int:
    return open_index(index_dir).latest_generation()


def test_first_run_adds_every_article(tmp_path: Path, articles: Path) -> None:
    summary = update_index(tmp_path / "idx", [articles])
    assert (summary.added, summary.updated, summary.removed, summary.skipped) == (6, 0, 0, [])
    assert count(tmp_path / "idx") == 6


def test_second_run_on_an_unchanged_folder_writes_nothing(tmp_path: Path, articles: Path) -> None:
    index_dir = tmp_path / "idx"
    update_index(index_dir, [articles])
    before = generation(index_dir)
    summary = update_index(index_dir, [articles])
    assert (summary.added, summary.updated, summary.removed, summary.unchanged) == (0, 0, 0, 6)
    assert "nothing to write" in summary.describe()
    assert generation(index_dir) == before


def test_changed_added_and_removed_files(tmp_path: Path, articles: Path) -> None:
    index_dir = tmp_path / "idx"
    update_index(index_dir, [articles])
    port = articles / "marseille-port.txt"
    port.write_text(
        port.read_text(encoding="utf-8") + "\nLes dockers annoncent une grève.\n", encoding="utf-8"
    )
    (articles / "tunis-desalination.txt").unlink()
    (articles / "new.txt").write_text(
        "Un titre neuf\n\nUn corps de texte sur les girafes.\n", encoding="utf-8"
    )
    summary = update_index(index_dir, [articles])
    assert (summary.added, summary.updated, summary.removed, summary.unchanged) == (1, 1, 1, 4)
    with SearchEngine(index_dir) as engine:
        assert engine.search("grève").total == 1
        assert engine.search("girafes").total == 1
        assert engine.search("قابس").total == 0


def test_an_open_engine_forgets_a_removed_article_whose_words_it_has_read(
    tmp_path: Path, articles: Path
) -> None:
    """Deleting leaves the segment in place (same id) with one article fewer; what the
    engine has decoded from that segment must not bring the article back."""
    index_dir = tmp_path / "idx"
    update_index(index_dir, [articles])
    with SearchEngine(index_dir) as engine:
        assert [hit.path for hit in engine.search("قابس").hits] == [str(articles / "tunis-desalination.txt")]
        (articles / "tunis-desalination.txt").unlink()
        update_index(index_dir, [articles])
        results = engine.search("قابس")
        assert (results.total, results.hits) == (0, [])


def test_an_open_engine_keeps_its_readers_of_unchanged_segments(tmp_path: Path, articles: Path) -> None:
    """After a commit, only new or changed segments are opened: opening one copies it."""
    index_dir = tmp_path / "idx"
    update_index(index_dir, [articles])
    with SearchEngine(index_dir) as engine:
        [(before, _)] = engine.searcher().reader().leaf_readers()
        (articles / "new.txt").write_text("Un titre neuf\n\nUn texte sur les girafes.\n", encoding="utf-8")
        update_index(index_dir, [articles])
        assert engine.search("girafes").total == 1
        (kept, _), (added, _) = engine.searcher().reader().leaf_readers()
        assert kept is before
        assert added is not before


def test_a_removed_jsonl_record_leaves_the_index(tmp_path: Path, articles: Path) -> None:
    index_dir = tmp_path / "idx"
    update_index(index_dir, [articles])
    dispatches = articles / "dispatches.jsonl"
    first_line = dispatches.read_text(encoding="utf-8").splitlines()[0]
    dispatches.write_text(first_line + "\n", encoding="utf-8")
    summary = update_index(index_dir, [articles])
    assert summary.removed == 1
    assert count(index_dir) == 5


def test_bad_files_are_skipped_and_everything_else_indexed(tmp_path: Path, articles: Path) -> None:
    (articles / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (articles / "empty.txt").write_bytes(b"")
    (articles / "broken.jsonl").write_text(
        '{"title": "ok", "body": "texte valable ici"}\n{broken\n', encoding="utf-8"
    )
    summary = update_index(tmp_path / "idx", [articles])
    reasons = {Path(s.path).name: s.reason for s in summary.skipped}
    assert set(reasons) == {"binary.txt", "empty.txt", "broken.jsonl:2"}
    assert summary.added == 7
    assert count(tmp_path / "idx") == 7


def test_a_file_gone_bad_keeps_its_indexed_version(tmp_path: Path, articles: Path) -> None:
    index_dir = tmp_path / "idx"
    update_index(index_dir, [articles])
    (articles / "marseille-port.txt").write_bytes(b"\x00\x01\x02" * 100)
    summary = update_index(index_dir, [articles])
    assert summary.removed == 0
    assert len(summary.skipped) == 1
    with SearchEngine(index_dir) as engine:
        assert engine.search("Marseille").total == 1


def test_an_interrupted_run_leaves_the_previous_index_whole(tmp_path: Path, articles: Path) -> None:
    index_dir = tmp_path / "idx"
    update_index(index_dir, [articles / "marseille-port.txt"])

    def interrupt(done: int, total: int) -> None:
        if done == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        update_index(index_dir, [articles], on_progress=interrupt)
    assert count(index_dir) == 1
    summary = update_index(index_dir, [articles])
    assert summary.added == 5
    assert count(index_dir) == 6


def test_missing_paths_are_reported(tmp_path: Path) -> None:
    summary = update_index(tmp_path / "idx", [tmp_path / "nowhere"])
    assert [s.reason for s in summary.skipped] == ["no such file or folder"]


def test_stats_count_by_language(tmp_path: Path, articles: Path) -> None:
    update_index(tmp_path / "idx", [articles])
    stats = index_stats(tmp_path / "idx")
    assert stats.articles == 6
    assert stats.by_lang == {"ar": 4, "fr": 2}
    assert stats.size_bytes > 0
    assert stats.last_update is not None


def test_an_index_from_another_analysis_version_is_refused(tmp_path: Path, articles: Path) -> None:
    index_dir = tmp_path / "idx"
    update_index(index_dir, [articles])
    (index_dir / "bahith.json").write_text('{"analysis_version": 0}', encoding="utf-8")
    with pytest.raises(IndexUnavailable, match="rebuild"):
        open_index(index_dir)


def test_opening_a_missing_index_says_how_to_create_one(tmp_path: Path) -> None:
    with pytest.raises(IndexUnavailable, match="bahith index"):
        open_index(tmp_path / "none")


def test_rebuild_builds_afresh_and_swaps_in(tmp_path: Path, articles: Path) -> None:
    index_dir = tmp_path / "idx"
    update_index(index_dir, [articles])
    (index_dir / "bahith.json").write_text('{"analysis_version": 0}', encoding="utf-8")
    (articles / "tunis-desalination.txt").unlink()
    summary = rebuild_index(index_dir, [articles])
    assert summary.added == 5
    assert count(index_dir) == 5
    assert sorted(p.name for p in tmp_path.iterdir()) == ["articles", "idx"]


def test_a_failed_rebuild_leaves_the_old_index(tmp_path: Path, articles: Path) -> None:
    index_dir = tmp_path / "idx"
    update_index(index_dir, [articles])

    def interrupt(done: int, total: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        rebuild_index(index_dir, [articles], on_progress=interrupt)
    assert count(index_dir) == 6
    assert sorted(p.name for p in tmp_path.iterdir()) == ["articles", "idx"]
