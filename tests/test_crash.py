"""kill -9 at random moments never loses or corrupts what was committed."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from indexer.store import open_index
from search.engine import SearchEngine

RUNS = 20
FILES_PER_RUN = 100


def write_batch(folder: Path, run: int) -> None:
    folder.mkdir(parents=True)
    for n in range(FILES_PER_RUN):
        (folder / f"{n:03}.txt").write_text(
            f"Dépêche {run}-{n}\n\nLe lot{run} parle des caravanes numéro {n}.\n" * 3, encoding="utf-8"
        )


def index_process(index_dir: Path, folder: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "bahith", "--index", str(index_dir), "index", str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def committed(index_dir: Path) -> int:
    with open_index(index_dir).searcher() as searcher:
        return searcher.doc_count()


def test_random_kills_lose_nothing_committed(tmp_path: Path) -> None:
    rng = random.Random(20261125)
    index_dir = tmp_path / "idx"
    base = tmp_path / "articles" / "base"
    write_batch(base, 0)
    started = time.monotonic()
    assert index_process(index_dir, base).wait(timeout=120) == 0
    duration = time.monotonic() - started
    expected = FILES_PER_RUN
    unreadable = lost = killed = 0
    for run in range(1, RUNS + 1):
        folder = tmp_path / "articles" / f"run{run}"
        write_batch(folder, run)
        process = index_process(index_dir, folder)
        time.sleep(rng.uniform(0.0, duration))
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
            killed += 1
        process.wait()
        try:
            count = committed(index_dir)
            with SearchEngine(index_dir) as engine:
                found = engine.search("caravanes", limit=1).total
        except Exception:
            unreadable += 1
            continue
        if count < expected or found < expected:
            lost += 1
        rerun = index_process(index_dir, folder)
        assert rerun.wait(timeout=120) == 0
        expected += FILES_PER_RUN
        assert committed(index_dir) == expected
    assert (unreadable, lost) == (0, 0)
    assert killed >= RUNS // 2, f"only {killed} of {RUNS} runs were killed before they finished"
