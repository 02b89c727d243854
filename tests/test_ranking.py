"""Ranking, step by step: each rule of ``search.execute.relevance`` decides the order of two articles
that differ only in what that rule weighs, on a real index; then sorting and filters.

Each case is a small archive (JSON lines with a headline, body, language and date) and a
query; the article named first must rank above the one named second.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from indexer.update import update_index
from search.engine import SearchEngine

FILLER = " ".join(["Le conseil municipal a voté le budget annuel de la voirie et des écoles."] * 8)
"""A long stretch of unrelated text, to put words far apart or far from the lead."""

ARABIC_FILLER = " ".join(["ناقش المجلس البلدي ميزانية الطرق والمدارس للعام المقبل."] * 8)
"""The same in Arabic."""

COMMON = [
    {"id": f"c{n}", "title": f"Chronique {n}", "body": "Le ministre a parlé aux élus."} for n in range(8)
]
"""Articles that make "ministre" a common word."""


def _archive(tmp_path: Path, records: list[dict[str, str]]) -> SearchEngine:
    folder = tmp_path / "articles"
    folder.mkdir()
    lines = [json.dumps({"lang": "fr", **record}, ensure_ascii=False) for record in records]
    (folder / "archive.jsonl").write_text("\n".join(lines), encoding="utf-8")
    update_index(tmp_path / "index", [folder])
    return SearchEngine(tmp_path / "index")


def _titles(engine: SearchEngine, query: str, sort: str = "relevance") -> list[str]:
    return [hit.title for hit in engine.search(query, limit=50, snippets=False, sort=sort).hits]


CASES = {
    "a rare word weighs more than a common one": (
        "ministre Kaboul",
        [
            *COMMON,
            {"title": "Rare", "body": "Un avion est arrivé à Kaboul hier soir."},
            {"title": "Commun", "body": "Le ministre a parlé. Le ministre a encore parlé."},
        ],
        ("Rare", "Commun"),
    ),
    "words close together beat the same words scattered": (
        "Moscou sanctions",
        [
            {"title": "Loin", "body": f"Moscou a répondu hier. {FILLER} Des sanctions sont prévues."},
            {"title": "Près", "body": f"Moscou a répondu hier aux sanctions prévues. {FILLER}"},
        ],
        ("Près", "Loin"),
    ),
    "a word in the headline beats the same word in the tail": (
        "Kaboul",
        [
            {"title": "Un voyage", "body": f"{FILLER} Il est enfin arrivé à Kaboul."},
            {"title": "Un voyage à Kaboul", "body": f"{FILLER} Il est enfin arrivé."},
        ],
        ("Un voyage à Kaboul", "Un voyage"),
    ),
    "a word in the lead beats the same word in the tail": (
        "Kaboul",
        [
            {"title": "Fin", "body": f"{FILLER} Il est enfin arrivé à Kaboul."},
            {"title": "Début", "body": f"Il est enfin arrivé à Kaboul. {FILLER}"},
        ],
        ("Début", "Fin"),
    ),
    "the word as written beats its other forms": (
        "صواريخ",
        [
            {"title": "مفرد", "body": "وصل صاروخ إلى الميناء.", "lang": "ar"},
            {"title": "جمع", "body": "وصلت صواريخ إلى الميناء.", "lang": "ar"},
        ],
        ("جمع", "مفرد"),
    ),
    "articles in the language typed come before those found through another": (
        "تموز",
        [
            {"title": "Juillet", "body": "Le festival a ouvert en juillet à Tunis."},
            {"title": "تموز", "body": "افتتح المهرجان في تموز في تونس.", "lang": "ar"},
        ],
        ("تموز", "Juillet"),
    ),
    "with no article in the language typed holding every word, one in the other that does comes first": (
        "Soleimani juillet",
        [
            *COMMON,
            {"title": "À Tunis", "body": f"Le festival a ouvert. {FILLER} Il finit en juillet."},
            {"title": "خبر", "body": f"وصل سليماني إلى موسكو. {ARABIC_FILLER} في تموز.", "lang": "ar"},
        ],
        ("خبر", "À Tunis"),
    ),
    "a word weighs as rare as the language typed has it, however often the other writes it": (
        "John Kirby",
        [
            *COMMON,
            {"title": "Genève", "body": "John Kerry a parlé à Genève."},
            {"title": "Washington", "body": "Kirby a parlé à Washington."},
            *({"title": f"واشنطن {n}", "body": "قال كيربي إن واشنطن تتابع.", "lang": "ar"} for n in range(3)),
        ],
        ("Washington", "Genève"),
    ),
    "an article about the query beats one holding every word in passing": (
        "Kaboul ministre",
        [
            *COMMON,
            {"title": "En passant", "body": f"On parle de Kaboul. {FILLER} Le ministre ferme la séance."},
            {
                "title": "Le sujet",
                "body": "Kaboul : les vols reprennent à Kaboul, la ville attend depuis Kaboul.",
            },
        ],
        ("Le sujet", "En passant"),
    ),
    "a stop word typed beside a word beats the same word beside another": (
        "مهرجان كان",
        [
            {"title": "أ", "body": "انطلق مهرجان المسرح أمس وكان الجمهور كبيرا.", "lang": "ar"},
            {"title": "ب", "body": "انطلق مهرجان كان أمس والجمهور كبير جدا.", "lang": "ar"},
        ],
        ("ب", "أ"),
    ),
    "words side by side as typed beat the same words a few words apart": (
        "Coupe du monde",
        [
            {"title": "Loin", "body": "La coupe est pleine dans le monde du sport."},
            {"title": "Près", "body": "La Coupe du monde est pleine de sport."},
        ],
        ("Près", "Loin"),
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_ranking_rule(tmp_path: Path, name: str) -> None:
    query, records, (first, second) = CASES[name]
    with _archive(tmp_path, records) as engine:
        order = _titles(engine, query)
    assert order.index(first) < order.index(second), f"{name}: {order}"


def test_a_filter_selects_without_changing_scores(seed_engine: SearchEngine) -> None:
    plain = {hit.id: hit.score for hit in seed_engine.search("Moscou", limit=20).hits if hit.lang == "fr"}
    filtered = {hit.id: hit.score for hit in seed_engine.search("Moscou", limit=20, lang="fr").hits}
    in_query = {hit.id: hit.score for hit in seed_engine.search("Moscou lang:fr", limit=20).hits}
    assert plain and plain == filtered == in_query


def test_an_article_found_through_the_other_language_is_marked(tmp_path: Path) -> None:
    records = [{"title": "Juillet", "body": "Le festival a ouvert en juillet à Tunis."}]
    with _archive(tmp_path, records) as engine:
        assert [hit.cross_language for hit in engine.search("تموز").hits] == [True]


DATED = [
    {"title": f"Bulletin {day}", "body": f"Le port de Tunis, bulletin {day}.", "date": f"2021-03-{day:02d}"}
    for day in (5, 17, 1, 28, 9)
]


@pytest.mark.parametrize(
    ("query", "sort", "expected"),
    [
        ("date:2021", "relevance", [28, 17, 9, 5, 1]),
        ("port", "date", [28, 17, 9, 5, 1]),
        ("port", "-date", [1, 5, 9, 17, 28]),
        ("date:[2021-03-02 TO 2021-03-20]", "relevance", [17, 9, 5]),
    ],
)
def test_sorted_by_date(tmp_path: Path, query: str, sort: str, expected: list[int]) -> None:
    with _archive(tmp_path, DATED) as engine:
        assert _titles(engine, query, sort) == [f"Bulletin {day}" for day in expected]


MONTHS_APART = [
    {"title": "Accord", "body": "Les négociateurs ont signé l'accord à Vienne.", "date": "2015-07-14"},
    {"title": "Récolte", "body": "La récolte de blé a été bonne en Beauce.", "date": "2015-09-02"},
    {"title": "Canicule", "body": "Le mois de juillet a été chaud.", "date": "2019-08-01"},
]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("juillet 2015", ["Accord", "Canicule"]),  # dated that month, though its text names neither
        ("2015 juillet", ["Accord", "Canicule"]),
        ("تموز 2015", ["Accord", "Canicule"]),  # the month in another language
        ("juillet", ["Canicule"]),  # a month without a year is in every year: words only
        ("2015", []),  # a year alone: words only
    ],
)
def test_a_month_typed_beside_a_year_finds_the_articles_of_that_month(
    tmp_path: Path, query: str, expected: list[str]
) -> None:
    with _archive(tmp_path, MONTHS_APART) as engine:
        assert _titles(engine, query) == expected


def test_seed_articles_newest_first_undated_last(seed_engine: SearchEngine) -> None:
    dates = [hit.date for hit in seed_engine.search("سليماني", limit=20, sort="date").hits]
    assert len(dates) == 5
    dated = [day for day in dates if day is not None]
    assert dated and dates == sorted(dated, reverse=True) + [None] * (5 - len(dated))
