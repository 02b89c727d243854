"""The search systems under test, behind one small interface the worker drives.

Each system is imported only in the worker process that benchmarks it, so one system's
libraries and memory never show in another's figures.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from bench.queries import Query

SYSTEMS = {
    "whoosh": "bench.systems.whoosh_plain:WhooshPlain",
    "fts5": "bench.systems.fts5:Fts5",
    "bahith": "bench.systems.bahith:Bahith",
    "lucene": "bench.systems.lucene_speed:LuceneSpeed",
}
# Systems outside Python, which time their own queries: the runner calls their class's
# ``benchmark(n, system_dir, paths_file, plan_file)`` instead of driving them through the worker.
SELF_TIMED = frozenset({"lucene"})
TOP_K = 10


class SystemUnavailable(RuntimeError):
    """The system's code cannot be loaded here; the message says what is missing."""


class SearchSystem(Protocol):
    """What the benchmark needs from a search system."""

    def build(self, index_dir: Path, paths: Sequence[Path]) -> None:
        """Index the article files ``paths`` into a new index at ``index_dir``, committed."""

    def open(self, index_dir: Path) -> None:
        """Get ready to answer queries on the index at ``index_dir``."""

    def search(self, query: Query, *, snippets: bool) -> int:
        """Run ``query`` for the top TOP_K hits, read them (and their snippets); return how many."""

    def add_and_find(self, index_dir: Path, path: Path, word: str) -> int:
        """Add the article file ``path`` to the index, commit, open a fresh searcher and search
        for ``word``; return the number of hits, which is 1 when the article is searchable."""

    def close(self) -> None:
        """Release what ``open`` took."""


def system_class(name: str) -> type:
    """The class registered as ``name``, imported only now."""
    module_name, class_name = SYSTEMS[name].split(":")
    return getattr(importlib.import_module(module_name), class_name)


def load_system(name: str) -> SearchSystem:
    """A fresh instance of the system registered as ``name``."""
    return system_class(name)()


def read_txt_article(path: Path) -> tuple[str, str]:
    """(title, body) of a corpus file: the first line is the headline, the rest the body."""
    title, _, body = path.read_text(encoding="utf-8").partition("\n")
    return title, body.strip()
