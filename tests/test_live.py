"""A running ``bahith serve`` sees new commits on its next request and keeps answering meanwhile."""

from __future__ import annotations

import json
import threading
import urllib.parse
import urllib.request
from pathlib import Path

from indexer.update import rebuild_index, update_index
from tests.serving import bahith_serve


def get_json(url: str) -> tuple[int, dict[str, object]]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, json.loads(response.read())


def total(base: str, query: str) -> int:
    _, data = get_json(f"{base}/api/search?" + urllib.parse.urlencode({"q": query}))
    return int(data["total"])  # type: ignore[arg-type]


def write_dispatches(folder: Path, word: str, count: int) -> Path:
    """``count`` small articles about ``word`` in a new folder."""
    folder.mkdir()
    for n in range(count):
        (folder / f"{n:04}.txt").write_text(f"Dépêche {n}\n\nLes {word} numéro {n} passent.\n" * 4, "utf-8")
    return folder


def test_a_new_article_is_found_without_restart(tmp_path: Path, examples_dir: Path) -> None:
    index_dir = tmp_path / "index"
    update_index(index_dir, [examples_dir])
    with bahith_serve(index_dir, tmp_path) as base:
        assert total(base, "flamants") == 0
        news = tmp_path / "news"
        news.mkdir()
        (news / "flamants.txt").write_text("Les flamants roses\n\nLes flamants roses reviennent.\n", "utf-8")
        update_index(index_dir, [news])
        assert total(base, "flamants") == 1


def test_the_server_keeps_answering_during_a_commit(tmp_path: Path, examples_dir: Path) -> None:
    index_dir = tmp_path / "index"
    update_index(index_dir, [examples_dir])
    bulk = write_dispatches(tmp_path / "bulk", "ibis", 1500)
    with bahith_serve(index_dir, tmp_path) as base:
        writing = threading.Thread(target=update_index, args=(index_dir, [bulk]))
        writing.start()
        answers: list[tuple[int, int]] = []
        while writing.is_alive():
            status, data = get_json(f"{base}/api/search?q=Marseille")
            answers.append((status, int(data["total"])))  # type: ignore[arg-type]
        writing.join()
        assert len(answers) >= 5
        assert set(answers) == {(200, 1)}
        assert total(base, "ibis") == 1500


def test_a_rebuild_swaps_in_while_the_server_keeps_answering(tmp_path: Path, examples_dir: Path) -> None:
    index_dir = tmp_path / "index"
    update_index(index_dir, [examples_dir])
    extra = write_dispatches(tmp_path / "extra", "grues", 400)
    with bahith_serve(index_dir, tmp_path) as base:
        rebuilding = threading.Thread(target=rebuild_index, args=(index_dir, [examples_dir, extra]))
        rebuilding.start()
        statuses: set[int] = set()
        while rebuilding.is_alive():
            statuses.add(get_json(f"{base}/api/search?q=Marseille")[0])
        rebuilding.join()
        assert statuses == {200}
        assert total(base, "grues") == 400
        assert total(base, "Marseille") == 1
