"""Model names, a letter and a number: one model whichever script writes it ("S-300", "إس-300")."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.analysis.models import model_name_terms
from indexer.update import update_index
from search.engine import SearchEngine


@pytest.mark.parametrize(
    ("parts", "terms"),
    [
        (("s", "300"), {"s300", "اس300"}),
        (("اس", "300"), {"s300", "اس300"}),
        (("f", "16"), {"f16", "اف16"}),
        (("تي", "90"), {"t90", "تي90"}),
        (("بي", "52"), {"b52", "p52", "بي52"}),  # spoken alike: both letters
        (("su", "35"), set()),  # two letters: a name (Sukhoi), not a letter
        (("300", "s"), set()),  # the number comes second
        (("etats", "unis"), set()),
        (("s", "300", "1"), set()),
    ],
)
def test_a_letter_and_a_number_are_one_model_in_both_scripts(parts: tuple[str, ...], terms: set[str]) -> None:
    assert model_name_terms(parts) == terms


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("إس-300", {"عربي", "لاتيني"}),
        ("S-300", {"عربي", "لاتيني"}),
        ("اس-300", {"عربي", "لاتيني"}),
        ("إس-400", set()),
    ],
)
def test_a_model_name_finds_the_model_written_in_either_script(
    tmp_path: Path, query: str, expected: set[str]
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "arabic.txt").write_text("عربي\n\nسلمت روسيا صواريخ إس-300 إلى إيران.", encoding="utf-8")
    (folder / "latin.txt").write_text("لاتيني\n\nسلمت روسيا صواريخ S-300 إلى إيران.", encoding="utf-8")
    update_index(tmp_path / "index", [folder])
    with SearchEngine(tmp_path / "index") as engine:
        assert {hit.title for hit in engine.search(query).hits} == expected
