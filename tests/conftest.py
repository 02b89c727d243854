"""Shared fixtures: the real seed corpus, the sample articles, and real indexes of both."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.update import update_index
from search.engine import SearchEngine

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
EXAMPLES = ROOT / "examples" / "articles"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The acceptance corpus, read where it lives, never copied."""
    assert SEEDS.is_dir(), f"the seed corpus is missing: expected it at {SEEDS}"
    return SEEDS


@pytest.fixture(scope="session")
def seed_index(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    """A real index of the five seed articles, built once per test session."""
    index_dir = tmp_path_factory.mktemp("seed-index")
    update_index(index_dir, [seeds_dir])
    return index_dir


@pytest.fixture(scope="session")
def seed_engine(seed_index: Path) -> SearchEngine:
    """A search engine on the seed index."""
    with SearchEngine(seed_index) as engine:
        yield engine


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    """The sample articles shipped with the project (our own writing)."""
    return EXAMPLES
