"""``bahith search`` output: formats, fields, every page, colour, wrapping, bidi, messages."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from bahith.cli import cli
from bahith.formats import write_rows
from bahith.terminal import Screen, bidi_wanted, color_wanted, display_width, wrap_runs

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def run(index: Path, *args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--index", str(index), *args], env={"COLUMNS": "60", **(env or {})})
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("kind", "parse"),
    [
        ("json", lambda out: json.loads(out)["hits"]),
        ("nl", lambda out: [json.loads(line) for line in out.splitlines()]),
        ("csv", lambda out: list(csv.DictReader(io.StringIO(out)))),
        ("tsv", lambda out: list(csv.DictReader(io.StringIO(out), delimiter="\t"))),
    ],
)
def test_every_format_gives_one_row_per_hit(seed_index: Path, kind: str, parse: object) -> None:
    code, out, _ = run(seed_index, "search", "--expand", "--format", kind, "Soleimani")
    assert code == 0
    rows = parse(out)  # type: ignore[operator]
    assert len(rows) == 5
    assert rows[0]["title"].startswith("Iran : Le commandant")
    assert "path" not in rows[0]


@pytest.mark.parametrize(
    ("kind", "marked"),
    [("json", True), ("nl", True), ("csv", False), ("tsv", False)],
)
def test_snippets_keep_their_marks_only_in_json(seed_index: Path, kind: str, marked: bool) -> None:
    _, out, _ = run(seed_index, "search", "--format", kind, "--fields", "snippet", "Soleimani")
    assert ("<mark>" in out) is marked
    assert "Soleimani" in out


@pytest.mark.parametrize(
    ("fields", "header"),
    [("id,title", "id,title"), ("date, source ,date", "date,source")],
)
def test_fields_choose_the_columns_in_order(seed_index: Path, fields: str, header: str) -> None:
    code, out, _ = run(seed_index, "search", "--format", "csv", "--fields", fields, "Soleimani")
    assert code == 0
    assert out.splitlines()[0] == header


def test_an_unknown_field_is_a_usage_error_naming_the_fields(seed_index: Path) -> None:
    code, _, err = run(seed_index, "search", "--format", "csv", "--fields", "id,colour", "Soleimani")
    assert code == 2
    assert "no field colour" in err
    assert "cross_language" in err


def test_all_streams_every_page(seed_index: Path) -> None:
    code, out, _ = run(
        seed_index, "search", "--all", "--limit", "1", "--format", "nl", "--fields", "id", "سليماني"
    )
    assert code == 0
    assert len({json.loads(line)["id"] for line in out.splitlines()}) == 5


def test_json_tells_the_pages_and_the_suggestion(seed_index: Path) -> None:
    code, out, _ = run(seed_index, "search", "--expand", "--json", "--limit", "2", "Soleimeni Moscou")
    assert code == 0
    data = json.loads(out)
    assert (data["limit"], data["pages"], data["total"]) == (2, 3, 5)
    assert data["suggestion"]["query"] == "Soleimani Moscou"
    assert data["hits"][0]["cross_language"] is False


def test_table_fits_the_terminal(seed_index: Path) -> None:
    code, out, _ = run(seed_index, "search", "--expand", "--format", "table", "Soleimani")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["id", "date", "lang", "source", "title"]
    assert len(lines) == 2 + 5
    assert max(display_width(line) for line in lines) <= 60


@pytest.mark.parametrize(
    ("query", "summary"),
    [("Iran", "1 article, 1-1 (page 1 of 1)"), ("Soleimani", "5 articles, 1-5 (page 1 of 1)")],
)
def test_the_count_says_article_or_articles(seed_index: Path, query: str, summary: str) -> None:
    _, out, _ = run(seed_index, "search", "--expand", query)
    assert out.startswith(summary)


def test_a_page_past_the_end_says_how_many_pages_there_are(seed_index: Path) -> None:
    code, _, err = run(seed_index, "search", "--expand", "--limit", "2", "--page", "9", "Soleimani")
    assert code == 1
    assert "page 9 is past the end: 5 articles at 2 a page make 3 pages; the last is --page 3" in err


def test_text_output_shows_no_file_path(seed_index: Path, seeds_dir: Path) -> None:
    _, out, _ = run(seed_index, "search", "Soleimani")
    assert str(seeds_dir) not in out


def test_did_you_mean_names_the_corrected_word(seed_index: Path) -> None:
    _, out, _ = run(seed_index, "search", "Soleimeni Moscou")
    assert "did you mean: Soleimani Moscou  (Soleimeni → Soleimani)" in out


@pytest.mark.parametrize(
    ("args", "env", "coloured"),
    [
        ((), {}, False),  # not a terminal
        (("--color", "always"), {}, True),
        (("--color", "always"), {"NO_COLOR": "1"}, True),  # the flag said so
        (("--color", "never"), {}, False),
    ],
)
def test_colour(seed_index: Path, args: tuple[str, ...], env: dict[str, str], coloured: bool) -> None:
    _, out, _ = run(seed_index, "search", *args, "Soleimani", env=env)
    assert bool(ANSI.search(out)) is coloured


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("choice", "environ", "wanted"),
    [
        ("auto", {}, True),
        ("auto", {"NO_COLOR": "1"}, False),
        ("auto", {"NO_COLOR": ""}, True),  # set but empty does not count
        ("never", {}, False),
        ("always", {"NO_COLOR": "1"}, True),
    ],
)
def test_colour_on_a_terminal_follows_no_color(choice: str, environ: dict[str, str], wanted: bool) -> None:
    assert color_wanted(choice, Tty(), environ) is wanted


@pytest.mark.parametrize(
    ("choice", "environ", "tty", "wanted"),
    [
        ("auto", {"TERM": "xterm-256color"}, True, False),
        ("auto", {"TMUX": "/tmp/tmux-0/default,1,0", "TERM": "screen"}, True, True),
        ("auto", {"TERM": "tmux-256color"}, True, True),
        ("auto", {"TERM_PROGRAM": "vscode"}, True, True),
        ("auto", {"TMUX": "x"}, False, False),  # a pipe keeps logical order
        ("on", {}, False, True),
        ("off", {"TMUX": "x"}, True, False),
    ],
)
def test_bidi_auto_reorders_only_where_needed(
    choice: str, environ: dict[str, str], tty: bool, wanted: bool
) -> None:
    assert bidi_wanted(choice, Tty() if tty else io.StringIO(), environ) is wanted


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        ("un deux trois quatre", 9, ["un deux", "trois", "quatre"]),
        ("anticonstitutionnellement court", 10, ["anticonstitutionnellement", "court"]),  # never cut
        ("قاسمُ سليمانيُّ في موسكو", 14, ["قاسمُ سليمانيُّ", "في موسكو"]),  # diacritics take no column
    ],
)
def test_wrapping_breaks_between_words(text: str, width: int, lines: list[str]) -> None:
    assert ["".join(t for t, _ in line) for line in wrap_runs([(text, False)], width)] == lines


@pytest.mark.parametrize(
    ("logical", "shown"),
    [
        ("في موسكو", "وكسوم يف"),
        ("عام 2016", "2016 ماع"),  # numbers keep their order
        ("صواريخ S-300", "S-300 خيراوص"),
        ("قال (مسؤول)", "(لوؤسم) لاق"),  # brackets mirrored
    ],
)
def test_bidi_on_writes_arabic_in_display_order(logical: str, shown: str) -> None:
    screen = Screen(color=False, bidi=True, width=20)
    [line] = screen.text(logical, rtl=True)
    assert line == " " * (20 - len(shown)) + shown, "reordered and aligned on the right"


def test_bidi_off_leaves_logical_order_behind_a_right_to_left_mark() -> None:
    [line] = Screen(color=False, bidi=False, width=40).text("في موسكو", rtl=True)
    assert line == "\u200fفي موسكو"


def test_search_with_bidi_on_reorders_arabic_snippets(seed_index: Path) -> None:
    _, out, _ = run(seed_index, "search", "--bidi", "on", "--limit", "1", "سليماني")
    assert "يناميلس" in out
    assert max(display_width(line) for line in out.splitlines()) <= 60


def test_json_rows_stream_as_one_document() -> None:
    out = io.StringIO()
    write_rows(out, "json", iter([{"a": 1}, {"a": "ب"}]), ["a"], document={"total": 2})
    assert json.loads(out.getvalue()) == {"total": 2, "hits": [{"a": 1}, {"a": "ب"}]}
    empty = io.StringIO()
    write_rows(empty, "json", iter([]), ["a"])
    assert json.loads(empty.getvalue()) == []


@pytest.mark.parametrize("query", ["lang:de Moscou", "Moscou OR (lang:xx Kabul)", "lang:FR Moscou"])
def test_a_language_the_index_cannot_hold_is_refused(seed_index: Path, query: str) -> None:
    code, out, err = run(seed_index, "search", query)
    assert code == 1
    assert out == ""
    assert "is not a language of the index: write lang:ar or lang:fr" in err


def test_a_language_of_the_index_is_a_filter(seed_index: Path) -> None:
    code, out, _ = run(seed_index, "search", "lang:fr Moscou")
    assert (code, out.splitlines()[0][:9]) == (0, "1 article")


def test_bidi_on_marks_the_highlighted_word_only_where_it_stands_whole() -> None:
    screen = Screen(color=True, bidi=True, width=30)
    [line] = screen.paragraph([("وسليماني ", False), ("سليماني", True)], rtl=True)
    assert ANSI.sub("", line).split() == ["يناميلس", "يناميلسو"]
    assert ANSI.findall(line)[:1] and line.index("يناميلس") > line.index(ANSI.findall(line)[0])
    assert "يناميلسو" in line, "the longer word is left unmarked"
