""" "Did you mean" on the seed index: words as articles write them, the syntax kept as typed."""

from __future__ import annotations

import html

import pytest

from search.engine import SearchEngine
from search.present.suggest import free_words, suggest


@pytest.mark.parametrize(
    ("typed", "marked"),
    [
        ("Soleimeni Moscou", "[Soleimani] Moscou"),  # only the word that found nothing
        ('"Soleimeni Moscou"', '"[Soleimani] Moscou"'),  # quotes intact
        ("title:Soleimeni lang:fr", "title:[Soleimani] lang:fr"),
        ("Solei* Moscuo", "Solei* [Moscou]"),  # a pattern is left alone
        ("Rusie", "[Russie]"),  # the word as written, not the stem "russ"
        ("سليماتي", "[سليماني]"),
    ],
)
def test_misspelt_words_are_replaced_by_written_words(
    seed_engine: SearchEngine, typed: str, marked: str
) -> None:
    found = suggest(seed_engine.searcher(), typed)
    assert found is not None
    assert found.marked("[", "]") == marked


@pytest.mark.parametrize(
    "typed",
    [
        "Russie",  # found: nothing to correct (it once gave the stem "russ")
        "missiles",
        "séisme",
        "États-Unis",
        "date:[2015-07 TO 2016-12]",
        "سليماني NOT رويترز",
        "AND",
        "لموسكو",  # found through its reading موسكو
        "-Soleimeni Moscou",  # an excluded word is not searched for
        "zzzzzz",  # nothing near
        "bt",  # too short to tell a slip from another word
        "الحكومة المصرية",  # a word of the dictionary, though no article has it (not السورية)
    ],
)
def test_no_suggestion(seed_engine: SearchEngine, typed: str) -> None:
    assert suggest(seed_engine.searcher(), typed) is None


def test_suggestions_never_show_a_reading_or_a_stem(seed_engine: SearchEngine) -> None:
    for typed in ("Soleimeni", "Moscuo", "Rusie", "سليماتي", "رويتزر"):
        found = suggest(seed_engine.searcher(), typed)
        assert found is not None, typed
        for fix in found.corrected:
            assert not fix.word.startswith("~")
            assert fix.word in found.query
            assert found.query[fix.start : fix.end] == fix.word


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("alpha OR beta", ["alpha", "beta"]),
        ("x NOT y", ["x"]),
        ("lang:fr date:2016 source:x moscou", ["moscou"]),
        ('"cinq deux" -trois +quatre', ["cinq", "deux", "quatre"]),
        ("(Moscou OR Paris) fuzy~ pre*", ["Moscou", "Paris"]),
        ("l'ONU", ["ONU"]),
    ],
)
def test_free_words_of_the_syntax(typed: str, words: list[str]) -> None:
    tokens = list(free_words(typed))
    assert [typed[t.start : t.end] for t in tokens] == [t.word.surface[t.analysis.start :] for t in tokens]
    assert [typed[t.start : t.end] for t in tokens] == words


def test_json_names_the_corrected_words(seed_engine: SearchEngine) -> None:
    found = suggest(seed_engine.searcher(), "Soleimeni Moscou")
    assert found is not None
    assert found.to_json() == {
        "query": "Soleimani Moscou",
        "corrected": [{"word": "Soleimani", "typed": "Soleimeni", "start": 0, "end": 9}],
    }


def test_marks_for_a_page_escape_the_query(seed_engine: SearchEngine) -> None:
    found = suggest(seed_engine.searcher(), 'Soleimeni "<b>"')
    assert found is not None
    assert found.marked("<mark>", "</mark>", html.escape) == "<mark>Soleimani</mark> &quot;&lt;b&gt;&quot;"
