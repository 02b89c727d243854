"""A large run reads and analyses its files in worker processes and places its stories beside
the index commit; what it writes must be exactly what one process writes.

The thresholds above which a run forks are lowered here, so a small corpus takes the paths a
large archive takes.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from whoosh.index import open_dir

import indexer.preparing
import indexer.stories.batch
from indexer.forking import can_fork
from indexer.stories import STATE_FILE, StoryState
from indexer.stories.batch import STAGING_FILE
from indexer.update import update_index

FIXTURES = Path(__file__).parent / "fixtures" / "stories"


def _index_contents(index_dir: Path) -> list[tuple[object, ...]]:
    """Every article's stored fields and field lengths, and every title and body posting."""
    with open_dir(str(index_dir)).searcher() as searcher:
        reader = searcher.reader()
        ids = {n: searcher.stored_fields(n)["id"] for n in reader.all_doc_ids()}
        contents: list[tuple[object, ...]] = []
        for n, article_id in sorted(ids.items(), key=lambda item: item[1]):
            stored = {k: v for k, v in searcher.stored_fields(n).items() if k != "added"}
            lengths = [reader.doc_field_length(n, f) for f in ("title", "body")]
            contents.append((article_id, sorted(stored.items()), lengths))
        for field, term in reader.all_terms():
            if field in ("title", "body"):
                matcher = reader.postings(field, term)
                found = []
                while matcher.is_active():
                    found.append((ids[matcher.id()], matcher.weight(), matcher.value()))
                    matcher.next()
                contents.append((field, term, sorted(found)))
    return contents


def _stories(index_dir: Path) -> dict[str, tuple[str, str | None]]:
    state = StoryState(index_dir)
    try:
        rows = state.db.execute("SELECT id, story, copy_of FROM articles")
        return {article_id: (story, copy_of) for article_id, story, copy_of in rows}
    finally:
        state.close()


def _corpus(tmp_path: Path, seeds_dir: Path) -> Path:
    folder = tmp_path / "articles"
    shutil.copytree(FIXTURES, folder, ignore=shutil.ignore_patterns("*.tsv", "*.rng"))
    for seed in seeds_dir.iterdir():
        if seed.is_file():
            shutil.copy(seed, folder / seed.name)
    return folder


@pytest.mark.parametrize("changed", [False, True], ids=["first run", "second run with a changed file"])
def test_forked_runs_write_what_one_process_writes(
    tmp_path: Path, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch, changed: bool
) -> None:
    assert can_fork(), "this test needs a Linux machine with two cores and no other thread running"
    folder = _corpus(tmp_path, seeds_dir)
    one, forked = tmp_path / "one", tmp_path / "forked"
    update_index(one, [folder])
    with monkeypatch.context() as patch:
        patch.setattr(indexer.preparing, "PARALLEL_FILES", 1)
        patch.setattr(indexer.preparing, "FILES_PER_TASK", 3)
        patch.setattr(indexer.stories.batch, "PLACED_BESIDE", 1)
        update_index(forked, [folder])
        if changed:
            (folder / "e2-fr.json").unlink()
            shutil.copy(folder / "a1-ar.json", folder / "z-a1-again.json")
            update_index(forked, [folder])
    if changed:
        update_index(one, [folder])
    assert _index_contents(forked) == _index_contents(one)
    assert _stories(forked) == _stories(one)
    assert (forked / STATE_FILE).is_file()
    assert not (forked / STAGING_FILE).exists(), "the staged features are gone once committed"
