"""Morphology decided when an article is indexed: the answer never depends on the rest of the archive.

Each test builds a real index in ``tmp_path`` (the seeds, or a few articles written here) and
searches it as a user would.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.update import update_index
from search.engine import SearchEngine


def write(folder: Path, name: str, title: str, body: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    return path


def titles(index_dir: Path, query: str) -> set[str]:
    with SearchEngine(index_dir) as engine:
        return {hit.title for hit in engine.search(query, limit=20).hits}


@pytest.fixture
def seeds_and_a_committee(tmp_path: Path, seeds_dir: Path) -> Path:
    """The seeds plus one article about a committee and one whose only France is "وفرنسا"."""
    articles = tmp_path / "articles"
    write(articles, "committee.txt", "اجتماع اللجنة", "اجتمعت لجنة الانتخابات أمس لبحث جدول الأعمال.")
    write(articles, "france.txt", "علاقات ثنائية", "بحث الوزير العلاقات بين الجزائر وفرنسا في زيارته.")
    index_dir = tmp_path / "index"
    update_index(index_dir, [seeds_dir, articles])
    return index_dir


def test_a_singular_finds_its_broken_plural_in_the_seeds(seed_index: Path) -> None:
    with SearchEngine(seed_index) as engine:
        results = engine.search("صاروخ", limit=20)
    assert results.total >= 2
    assert all("صواريخ" in hit.snippet or "الصواريخ" in hit.snippet for hit in results.hits[:2])


def test_paradise_does_not_find_a_committee(seeds_and_a_committee: Path) -> None:
    assert titles(seeds_and_a_committee, "جنة") == set()
    assert titles(seeds_and_a_committee, "لجنة") == {"اجتماع اللجنة"}


def test_a_word_written_only_with_a_clitic_is_found_bare(seeds_and_a_committee: Path) -> None:
    assert titles(seeds_and_a_committee, "فرنسا") == {"علاقات ثنائية"}


@pytest.mark.parametrize(
    ("query", "written"),
    [
        ("بيروت", "وصل الوفد إلى بيروت أمس ثم غادر وبيروت تستعد للانتخابات"),
        ("اغتيال", "ندد البيان واغتياله جريمة"),
        ("رئيس", "وصل فبالرئيس بدأ الاجتماع"),
        ("قرار", "نشرت الحكومة قراراتها الجديدة"),
        ("حكومة", "انتقد النواب لحكوماتهم السابقة"),
    ],
)
def test_a_one_article_archive_finds_every_form(tmp_path: Path, query: str, written: str) -> None:
    """A researcher's folder may hold one article: no other article has to attest the stem."""
    write(tmp_path / "articles", "only.txt", "خبر", written)
    update_index(tmp_path / "index", [tmp_path / "articles"])
    assert titles(tmp_path / "index", query) == {"خبر"}


def test_a_country_finds_its_adjective_and_the_adjective_not_the_country(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    write(articles, "country.txt", "البلد", "زار الوفد إسرائيل أمس.")
    write(articles, "adjective.txt", "الصفة", "قصفت الطائرات الإسرائيلية مواقع قرب دمشق.")
    update_index(tmp_path / "index", [articles])
    assert titles(tmp_path / "index", "إسرائيل") == {"البلد", "الصفة"}
    assert titles(tmp_path / "index", "الإسرائيلية") == {"الصفة"}


def test_the_form_typed_ranks_first(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    write(articles, "bare.txt", "موسكو", "وصل الوفد إلى موسكو صباح اليوم.")
    write(articles, "clitic.txt", "لموسكو", "في زيارة لموسكو استمرت يومين.")
    update_index(tmp_path / "index", [articles])
    with SearchEngine(tmp_path / "index") as engine:
        assert [hit.title for hit in engine.search("لموسكو").hits] == ["لموسكو", "موسكو"]
        assert [hit.title for hit in engine.search("موسكو").hits] == ["موسكو", "لموسكو"]
