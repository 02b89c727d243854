"""What is kept per segment: recent values in memory within a budget, the vocabulary in a file beside it."""

from __future__ import annotations

from pathlib import Path

from whoosh.reading import IndexReader

from indexer.store import open_index
from indexer.update import update_index
from search.engine import SearchEngine
from search.execute.segments import BoundedCache, kept_beside, segment_id


def test_a_value_is_built_once_then_kept() -> None:
    cache: BoundedCache[str] = BoundedCache(10, len)
    builds: list[str] = []

    def build() -> str:
        builds.append("k")
        return "value"

    assert [cache.get("k", build) for _ in range(3)] == ["value"] * 3
    assert builds == ["k"]


def test_the_least_recently_used_values_go_first_when_over_budget() -> None:
    cache: BoundedCache[str] = BoundedCache(10, len)
    cache.get("a", lambda: "aaaa")
    cache.get("b", lambda: "bbbb")
    cache.get("a", lambda: "never built")  # "a" is now the most recently used
    cache.get("c", lambda: "cccc")  # 12 > 10: "b" goes
    assert cache.get("a", lambda: "rebuilt") == "aaaa"
    assert cache.get("c", lambda: "rebuilt") == "cccc"
    assert cache.get("b", lambda: "rebuilt") == "rebuilt"


def test_a_value_larger_than_the_budget_is_still_returned() -> None:
    cache: BoundedCache[str] = BoundedCache(2, len)
    assert cache.get("big", lambda: "too large") == "too large"


# The vocabulary kept beside each segment, for fresh processes.


def _index_of(folder: Path, texts: dict[str, str]) -> Path:
    """A real index of one article per (file name, text), in ``folder``/index."""
    articles = folder / "articles"
    articles.mkdir(exist_ok=True)
    for name, text in texts.items():
        (articles / name).write_text(text, encoding="utf-8")
    index_dir = folder / "index"
    update_index(index_dir, [articles])
    return index_dir


def _kept_files(index_dir: Path) -> list[Path]:
    return sorted(index_dir.glob("*.bahith_*"))


def _segments(index_dir: Path) -> list[IndexReader]:
    reader = open_index(index_dir).reader()
    return [leaf for leaf, _ in reader.leaf_readers()]


def test_the_vocabulary_is_written_beside_its_segment_and_read_back(tmp_path: Path) -> None:
    index_dir = _index_of(tmp_path, {"a.txt": "Port\n\nLe port de Tanger reçoit les cargos.\n"})
    (segment,) = _segments(index_dir)
    read = [term.decode("utf-8") for term in segment.lexicon("body")]
    assert kept_beside(segment, "body_terms", lambda: read) == read
    (kept,) = _kept_files(index_dir)
    assert kept.name.startswith(segment_id(segment) or "?")
    assert kept_beside(segment, "body_terms", lambda: ["not", "read"]) == read


def test_a_kept_file_cut_short_is_rebuilt_not_believed(tmp_path: Path) -> None:
    index_dir = _index_of(tmp_path, {"a.txt": "Port\n\nLe port de Tanger reçoit les cargos.\n"})
    (segment,) = _segments(index_dir)
    kept_beside(segment, "body_terms", lambda: ["cargo", "port", "tanger"])
    (kept,) = _kept_files(index_dir)
    kept.write_bytes(kept.read_bytes()[:-4])  # a writer killed mid-file
    assert kept_beside(segment, "body_terms", lambda: ["cargo", "port", "tanger"]) == [
        "cargo",
        "port",
        "tanger",
    ]


def test_whoosh_deletes_the_kept_file_with_its_segment(tmp_path: Path) -> None:
    index_dir = _index_of(tmp_path, {"a.txt": "Port\n\nLe port de Tanger reçoit les cargos.\n"})
    with SearchEngine(index_dir) as engine:
        engine.search("Tanger")  # a name is looked up in the vocabulary, which is kept
    first = _kept_files(index_dir)
    assert first
    _index_of(
        tmp_path, {"a.txt": "Métro\n\nLe métro de Casablanca ouvre une ligne.\n"}
    )  # its only article replaced
    assert not set(first) & set(_kept_files(index_dir))
    with SearchEngine(index_dir) as engine:
        assert engine.search("métro").total == 1 and engine.search("cargos").total == 0


def test_a_kept_file_that_cannot_be_written_or_read_only_loses_the_speed_up(tmp_path: Path) -> None:
    index_dir = _index_of(tmp_path, {"a.txt": "Port\n\nLe port de Tanger reçoit les cargos.\n"})
    (segment,) = _segments(index_dir)
    (index_dir / f"{segment_id(segment)}.bahith_body_terms").mkdir()  # in its place: neither read nor written
    assert kept_beside(segment, "body_terms", lambda: ["port"]) == ["port"]
    with SearchEngine(index_dir) as engine:
        assert engine.search("Tanger").total == 1
