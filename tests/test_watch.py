"""The watcher keeps a real index in step with a real folder."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from indexer.update import RunSummary
from indexer.watch import watch
from search.engine import SearchEngine

PATIENCE_SECONDS = 20.0


class Watcher:
    """A watch running in a thread, with what it reported."""

    def __init__(self, index_dir: Path, folder: Path) -> None:
        self.index_dir = index_dir
        self.summaries: list[RunSummary] = []
        self.errors: list[str] = []
        self.stop = threading.Event()
        self.thread = threading.Thread(
            target=watch,
            args=(index_dir, [folder]),
            kwargs={"on_batch": self._record, "on_error": self.errors.append, "stop": self.stop},
            daemon=True,
        )

    def _record(self, summary: RunSummary, seconds: float) -> None:
        self.summaries.append(summary)

    def total(self, query: str) -> int:
        with SearchEngine(self.index_dir) as engine:
            return engine.search(query).total

    def paths(self, query: str) -> list[str]:
        with SearchEngine(self.index_dir) as engine:
            return [hit.path for hit in engine.search(query).hits]

    def until(self, condition: Callable[[], bool]) -> None:
        deadline = time.monotonic() + PATIENCE_SECONDS
        while time.monotonic() < deadline:
            if condition():
                return
            time.sleep(0.1)
        raise AssertionError(f"not reached within {PATIENCE_SECONDS} s; batches: {self.summaries}")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "articles"
    path.mkdir()
    (path / "first.txt").write_text("Premier titre\n\nLes girafes traversent la route.\n", encoding="utf-8")
    return path


@pytest.fixture
def watcher(tmp_path: Path, folder: Path) -> Iterator[Watcher]:
    running = Watcher(tmp_path / "idx", folder)
    running.thread.start()
    running.until(lambda: len(running.summaries) >= 1)
    yield running
    running.stop.set()
    running.thread.join(timeout=10)
    assert not running.thread.is_alive()


def test_existing_articles_are_indexed_at_start(watcher: Watcher) -> None:
    assert watcher.summaries[0].added == 1
    assert watcher.total("girafes") == 1


def test_add_change_move_and_delete_are_picked_up(watcher: Watcher, folder: Path) -> None:
    new = folder / "news.txt"
    new.write_text("Un titre\n\nLes zèbres arrivent à Marseille.\n", encoding="utf-8")
    watcher.until(lambda: watcher.total("zèbres") == 1)

    new.write_text("Un titre\n\nLes éléphants arrivent à Marseille.\n", encoding="utf-8")
    watcher.until(lambda: watcher.total("éléphants") == 1 and watcher.total("zèbres") == 0)

    (folder / "sub").mkdir()
    moved = folder / "sub" / "moved.txt"
    new.rename(moved)
    watcher.until(lambda: watcher.paths("éléphants") == [str(moved)])

    moved.unlink()
    watcher.until(lambda: watcher.total("éléphants") == 0)


def test_a_burst_of_files_becomes_few_commits(watcher: Watcher, folder: Path) -> None:
    burst = folder / "burst"
    burst.mkdir()
    for n in range(1000):
        (burst / f"{n:04}.txt").write_text(
            f"Dépêche {n}\n\nLe numéro {n} parle des dromadaires.\n", encoding="utf-8"
        )

    def commits() -> list[RunSummary]:
        return [s for s in watcher.summaries[1:] if s.changed]

    watcher.until(lambda: sum(s.added for s in commits()) >= 1000)
    assert watcher.total("dromadaires") == 1000
    assert sum(s.added for s in commits()) == 1000
    assert len(commits()) <= 10


def test_a_bad_file_is_reported_and_the_watch_goes_on(watcher: Watcher, folder: Path) -> None:
    (folder / "bad.txt").write_bytes(b"\x00\x01\x02\x03" * 50)
    (folder / "good.txt").write_text("Titre\n\nLes chameaux dorment.\n", encoding="utf-8")

    def skipped() -> list[str]:
        return [s.path for summary in watcher.summaries for s in summary.skipped]

    watcher.until(lambda: str(folder / "bad.txt") in skipped() and watcher.total("chameaux") == 1)
    assert watcher.thread.is_alive()
