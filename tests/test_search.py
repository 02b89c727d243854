"""Search on the real seed corpus: what is found, in what order, with what snippet."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from indexer.update import update_index
from search.engine import SearchEngine
from search.plan.planner import QueryError

ARABIC_SEEDS = {"000", "001", "002", "003"}
FRENCH_SEED = "004"
BOILERPLATE = re.compile(
    r"FansLike|FollowersFollow|SubscribersSubscribe|FOLLOW|ADVERTISING|Lire aussi|Accueil"
)


def seed_numbers(engine: SearchEngine, query: str, **options: object) -> list[str]:
    results = engine.search(query, limit=20, **options)
    return [Path(hit.path).name[:3] for hit in results.hits]


def test_soleimani_moscow_lists_all_four_arabic_articles(seed_engine: SearchEngine) -> None:
    results = seed_engine.search("سليماني موسكو")
    assert {Path(h.path).name[:3] for h in results.hits[:4]} == ARABIC_SEEDS
    for hit in results.hits:
        assert "<mark>" in hit.snippet


def test_soleimani_in_latin_script_finds_the_french_article(seed_engine: SearchEngine) -> None:
    assert seed_numbers(seed_engine, "Soleimani", exact=True) == [FRENCH_SEED]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("موسكو", ARABIC_SEEDS),
        ("لموسكو", ARABIC_SEEDS),
        ("سليماني", ARABIC_SEEDS),
        ("بسليماني", ARABIC_SEEDS),
        ("رويترز", {"000", "001", "002"}),
        ("مُوسْكُو", ARABIC_SEEDS),
        ("إيران", {"000", "001", "002", "003"}),
        ("Moscou", {FRENCH_SEED}),
        ("moscou", {FRENCH_SEED}),
        ("l'ONU", {FRENCH_SEED}),
        ("ONU", {FRENCH_SEED}),
        ("Etats-Unis", {FRENCH_SEED}),
        ("choigou", {FRENCH_SEED}),
        ("missile", {FRENCH_SEED}),
    ],
)
def test_forms_of_a_word_find_each_other(seed_engine: SearchEngine, query: str, expected: set[str]) -> None:
    assert expected <= set(seed_numbers(seed_engine, query))


def test_a_clitic_form_is_marked_whole_in_the_snippet(seed_engine: SearchEngine) -> None:
    snippets = " ".join(hit.snippet for hit in seed_engine.search("موسكو", limit=10).hits)
    assert "<mark>لموسكو</mark>" in snippets


def test_lebanon_is_not_read_as_a_clitic_plus_another_word(seed_engine: SearchEngine) -> None:
    assert seed_engine.search("بنان").total == 0
    assert seed_engine.search("لبنان").total >= 1


def test_exact_phrase_matches_across_clitics(seed_engine: SearchEngine) -> None:
    phrase = set(seed_numbers(seed_engine, '"حظر السفر"'))
    assert "001" in phrase
    assert phrase < ARABIC_SEEDS


def test_every_word_ranks_above_some_words(seed_engine: SearchEngine) -> None:
    names = seed_numbers(seed_engine, "سليماني لبنان", exact=True)
    assert set(names[:2]) == {"002", "003"}
    assert set(names[2:]) == {"000", "001"}


def test_a_missing_word_does_not_empty_the_results(seed_engine: SearchEngine) -> None:
    assert seed_engine.search("سليماني كلمةغيرموجودة", exact=True).total == 4


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("سليماني -رويترز", {"003"}),
        ("Soleimani OR سليماني", ARABIC_SEEDS | {FRENCH_SEED}),
        ("lang:fr Moscou", {FRENCH_SEED}),
        ("title:Qods", {FRENCH_SEED}),
        ("date:2022", {FRENCH_SEED}),
        ("date:[2022-12-01 TO 2022-12-31]", {FRENCH_SEED}),
        ("Soleim*", {FRENCH_SEED}),
        ("Soleimeni~", {FRENCH_SEED}),
    ],
)
def test_query_syntax(seed_engine: SearchEngine, query: str, expected: set[str]) -> None:
    assert set(seed_numbers(seed_engine, query)) == expected


def test_lang_option_filters(seed_engine: SearchEngine) -> None:
    assert set(seed_numbers(seed_engine, "Soleimani OR سليماني", lang="ar")) == ARABIC_SEEDS


def test_source_option_filters(seed_engine: SearchEngine) -> None:
    assert seed_numbers(seed_engine, "سليماني", source="أخبار بووم") == ["000"]


def test_phrase_matches_are_marked_and_excluded_words_are_not(seed_engine: SearchEngine) -> None:
    phrase = seed_engine.search('"فيلق القدس"').hits
    assert phrase and all("<mark>" in hit.snippet for hit in phrase)
    excluded = seed_engine.search("سليماني -رويترز").hits
    assert excluded and all("رويترز</mark>" not in hit.snippet for hit in excluded)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "empty"),
        ("x" * 501, "limit"),
        ("s*", "too short"),
        ("date:[abc TO def]", "cannot understand"),
    ],
)
def test_bad_queries_are_refused_with_a_reason(seed_engine: SearchEngine, query: str, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        seed_engine.search(query)


@pytest.mark.parametrize(("option", "value"), [("limit", 0), ("limit", 1000), ("page", 0), ("page", 10**6)])
def test_paging_is_bounded(seed_engine: SearchEngine, option: str, value: int) -> None:
    with pytest.raises(QueryError, match=option):
        seed_engine.search("سليماني", **{option: value})


def test_pages_do_not_overlap(seed_engine: SearchEngine) -> None:
    first = seed_engine.search("سليماني", limit=2, page=1).hits
    second = seed_engine.search("سليماني", limit=2, page=2).hits
    assert len(first) == len(second) == 2
    assert not {h.id for h in first} & {h.id for h in second}


def test_no_boilerplate_in_any_snippet(seed_engine: SearchEngine) -> None:
    for query in ("Soleimani", "سليماني", "Iran", "Follow", "Reuters", "ONU"):
        for hit in seed_engine.search(query, limit=20).hits:
            assert not BOILERPLATE.search(hit.snippet), hit.snippet


def test_did_you_mean_offers_an_indexed_word(seed_engine: SearchEngine) -> None:
    results = seed_engine.search("Soleimeni")
    assert results.total == 0
    assert results.suggestion and results.suggestion.query == "Soleimani"  # the word as the article writes it


def test_json_shape(seed_engine: SearchEngine) -> None:
    data = seed_engine.search("لموسكو").to_json()
    assert list(data) == [
        "query",
        "total",
        "took_ms",
        "page",
        "limit",
        "pages",
        "sort",
        "hits",
        "suggestion",
        "facets",
    ]
    assert sum(data["facets"]["lang"].values()) == data["total"]
    assert list(data["facets"]) == ["lang", "source", "year"]
    assert list(data["hits"][0]) == [
        "id",
        "path",
        "title",
        "lang",
        "source",
        "url",
        "date",
        "score",
        "snippet",
        "cross_language",
    ]


def test_results_are_reused_until_the_index_changes(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("Port\n\nLe port de Tunis rouvre.\n", encoding="utf-8")
    update_index(tmp_path / "index", [folder])
    with SearchEngine(tmp_path / "index") as engine:
        first = engine.search("port")
        again = engine.search("port")
        assert again.hits == first.hits and again.total == first.total == 1
        (folder / "b.txt").write_text("Port\n\nLe port de Sfax aussi.\n", encoding="utf-8")
        update_index(tmp_path / "index", [folder])
        assert engine.search("port").total == 2, "a commit makes the kept results stale"
