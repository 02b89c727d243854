"""Queries written to hurt: each is answered cheaply, or refused in Bahith's words, never in Python's.

The table of bad queries runs through the real command line (a subprocess, so a
query of undecodable bytes arrives as it would from a terminal) and through the
API. ``*`` and field wildcards list every article newest first; a search past
its deadline stops with a message; snippets stay right whatever the number of
matches, and look only at the start of a huge article.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from indexer.update import update_index
from search.engine import SearchEngine
from search.errors import QueryTooBroad, SearchTimeout
from search.execute.budget import MAX_PATTERNS, MAX_POSTINGS, MAX_TERMS, check_size, deadline
from search.present.snippets import MAX_FRAGMENTS, MAX_SCANNED_CHARS, SNIPPET_CHARS, make_snippet
from web import create_app

ROOT = Path(__file__).resolve().parents[1]
ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
FUZZY_WORDS = " ".join(ARABIC_LETTERS[i % 28] + ARABIC_LETTERS[i // 28] + "~" for i in range(100))
PYTHON_WORDS = ("Traceback", "list index", "invalid literal", "int()", "Error:", "surrogates")

BAD_QUERIES = [
    ("<b>", "< and > compare dates"),
    ("date:banana", "cannot understand date:banana as a date"),
    ("date:2016-13", "cannot understand date:2016-13 as a date"),
    ("date:[a TO z]", "cannot understand date:[a TO z] as a date"),
    ("[a TO z]", "ranges work on dates only"),
    ("[ا TO ي]", "ranges work on dates only"),
    ("title:[a TO z]", "ranges work on dates only"),
    ("a*", "'a*' is too short to expand"),
    ("*b*", "'*b*' is too short to expand"),
    (FUZZY_WORDS, f"the query has 100 words with *, ? or ~; the limit is {MAX_PATTERNS}"),
    ("x " * 300, "the query is 599 characters long; the limit is 500"),
    ("   ", "the query is empty"),
]


def _dated_records(count: int) -> list[dict[str, str]]:
    """``count`` articles a day apart in 2021, every third in French, and one without a date."""
    french = {"title": "Bulletin {n}", "body": "Le bulletin numéro {n} parle du port.", "lang": "fr"}
    arabic = {"title": "نشرة {n}", "body": "النشرة رقم {n} عن الميناء.", "lang": "ar"}
    records = [
        {
            **{key: value.format(n=n) for key, value in (french if n % 3 == 0 else arabic).items()},
            "date": f"2021-{n // 28 + 1:02d}-{n % 28 + 1:02d}",
        }
        for n in range(count)
    ]
    return [*records, {"title": "Sans date", "body": "Un bulletin sans date sur le port.", "lang": "fr"}]


@pytest.fixture(scope="module")
def dated_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("dated")
    (root / "articles").mkdir()
    lines = [json.dumps(record, ensure_ascii=False) for record in _dated_records(60)]
    (root / "articles" / "bulletins.jsonl").write_text("\n".join(lines), encoding="utf-8")
    update_index(root / "index", [root / "articles"])
    return root / "index"


@pytest.fixture(scope="module")
def api(seed_index: Path) -> FlaskClient:
    return create_app({"BAHITH_INDEX": seed_index}).test_client()


def run_cli(index_dir: Path, query: str | bytes) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LC_ALL": "C.UTF-8"}
    argv = [os.fsencode(sys.executable), b"-m", b"bahith", b"--index", os.fsencode(index_dir)]
    argv += [b"search", query if isinstance(query, bytes) else query.encode("utf-8")]
    return subprocess.run(argv, capture_output=True, env=env, cwd=ROOT, timeout=60, check=False)


# Bad queries, in Bahith's words


@pytest.mark.parametrize(("query", "message"), [*BAD_QUERIES, (b"\xff\xfe", "not valid UTF-8 text")])
def test_the_command_line_refuses_a_bad_query_in_its_own_words(
    seed_index: Path, query: str | bytes, message: str
) -> None:
    done = run_cli(seed_index, query)
    errors = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 1
    assert errors.startswith("bahith: ")
    assert message in errors
    assert not any(words in errors for words in PYTHON_WORDS), errors


@pytest.mark.parametrize(("query", "message"), BAD_QUERIES)
def test_the_api_refuses_a_bad_query_with_a_json_message(api: FlaskClient, query: str, message: str) -> None:
    response = api.get("/api/search", query_string={"q": query})
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert message in error
    assert not any(words in error for words in PYTHON_WORDS), error


@pytest.mark.parametrize(
    ("patterns", "terms", "postings", "message"),
    [
        (MAX_PATTERNS + 1, 0, 0, "words with *, ? or ~"),
        (0, MAX_TERMS + 1, 0, "index terms"),
        (0, 0, MAX_POSTINGS + 1, "use fewer or less common words"),
    ],
)
def test_a_query_over_any_limit_of_the_budget_is_refused_before_it_runs(
    patterns: int, terms: int, postings: int, message: str
) -> None:
    with pytest.raises(QueryTooBroad, match=re.escape(message)):
        check_size(patterns, terms, postings)


def test_a_query_within_every_limit_of_the_budget_runs() -> None:
    check_size(MAX_PATTERNS, MAX_TERMS, MAX_POSTINGS)


def test_a_search_past_its_deadline_stops_and_says_so(seed_engine: SearchEngine) -> None:
    # a query no other test runs: one already answered for this index state comes from the cache
    with deadline(0.0), pytest.raises(SearchTimeout, match="took longer than 0 s and was stopped"):
        seed_engine.search("سليماني موسكو deadline")


# Every article, newest first


@pytest.mark.parametrize(
    ("query", "lang"),
    [("*", None), ("title:* id:* body:*", None), ("id:*", None), ("lang:fr *", "fr"), ("*", "ar")],
)
def test_a_star_lists_every_article_newest_first_and_undated_last(
    dated_index: Path, query: str, lang: str | None
) -> None:
    records = [r for r in _dated_records(60) if lang is None or r["lang"] == lang]
    with SearchEngine(dated_index) as engine:
        results = engine.search(query, limit=100, lang=lang)
    assert results.total == len(records)
    dates = [hit.date for hit in results.hits]
    dated = sorted((r["date"] for r in records if "date" in r), reverse=True)
    assert dates == dated + [None] * (len(records) - len(dated))


def test_a_star_with_an_excluded_word_lists_the_other_articles_by_date(dated_index: Path) -> None:
    with SearchEngine(dated_index) as engine:
        results = engine.search("* -bulletin", limit=100)
    arabic = sorted((r["date"] for r in _dated_records(60) if r["lang"] == "ar"), reverse=True)
    assert [hit.date for hit in results.hits] == arabic


def test_a_star_among_words_is_the_words_alone(dated_index: Path) -> None:
    with SearchEngine(dated_index) as engine:
        assert engine.search("bulletin *").total == engine.search("bulletin").total == 21


# Snippets


def _spans_of(text: str, word: str) -> list[tuple[int, int]]:
    spans, start = [], text.find(word)
    while start != -1:
        spans.append((start, start + len(word)))
        start = text.find(word, start + 1)
    return spans


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Le port de Tunis ouvre.", "port", "Le <mark>port</mark> de Tunis ouvre."),
        (
            "intro " * 100 + "port " + "filler " * 100 + "port port port " + "end " * 50,
            "port",
            "filler… …" + "filler " * 8 + "<mark>port</mark> <mark>port</mark> <mark>port</mark> end",
        ),
    ],
)
def test_a_snippet_centres_on_the_densest_matches(text: str, word: str, expected: str) -> None:
    assert expected in make_snippet(text, _spans_of(text, word)).html()


def test_an_article_of_one_word_repeated_gives_a_short_marked_snippet() -> None:
    text = "Soleimani " * 20_000
    snippet = make_snippet(text, _spans_of(text, "Soleimani")).html()
    assert snippet.startswith("<mark>Soleimani</mark>")
    assert snippet.count("…") <= 2 * MAX_FRAGMENTS
    assert len(snippet.replace("<mark>", "").replace("</mark>", "")) <= MAX_FRAGMENTS * (SNIPPET_CHARS + 80)


def test_matches_past_the_scanned_start_of_a_long_article_do_not_choose_the_snippet() -> None:
    text = "alpha port " + "filler " * (MAX_SCANNED_CHARS // 7) + "port " * 50
    snippet = make_snippet(text, _spans_of(text, "port")).html()
    assert snippet.startswith("alpha <mark>port</mark>")
    assert "<mark>port</mark> <mark>port</mark>" not in snippet


def test_a_long_article_matched_only_past_the_scanned_start_shows_its_first_match() -> None:
    text = "filler " * (MAX_SCANNED_CHARS // 7 + 10) + "port"
    assert make_snippet(text, _spans_of(text, "port")).html().endswith("<mark>port</mark>")
