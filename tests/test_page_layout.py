"""The search page's layout rules through Flask's test client, on a real index built here.

The timeline must say something: no chart under three dated matches, bars by
month when the dates span at most two years and by year beyond, articles
without a date counted in words and never drawn. A search that finds nothing
explains itself in the main column, not in the narrow filter column. The
as-you-type script is an addition loaded from the site itself; the page needs
no script of its own.
"""

from __future__ import annotations

import json
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from indexer.update import update_index
from web import create_app
from web.i18n import MESSAGES
from web.timeline import build_timeline

DATES: dict[str, list[str | None]] = {
    "alpha": ["2024-01-10", "2024-02-10", None, None, None],
    "beta": ["2024-01-05", "2024-03-05", "2024-05-20", None],
    "gamma": ["2015-07-01", "2017-03-01", "2019-06-01"],
}
"""The dates of the articles about each word (None: undated)."""

RECT = re.compile(r'<rect class="bar" [^>]*><title>([^<:]+): (\d+)</title></rect>')


def write_corpus(folder: Path) -> Path:
    """A few French articles per word of ``DATES``, each with its own wording and date."""
    folder.mkdir(parents=True)
    records = []
    for word, dates in DATES.items():
        for n, day in enumerate(dates):
            record = {
                "title": f"Dépêche {word} numéro {n}",
                "body": f"Le dossier {word} avance : étape {n}, chiffre {n * 37 + len(word)}.",
                "lang": "fr",
            }
            if day:
                record["date"] = day
            records.append(record)
    (folder / "news.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), "utf-8")
    return folder


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> FlaskClient:
    root = tmp_path_factory.mktemp("layout")
    update_index(root / "index", [write_corpus(root / "articles")])
    return create_app({"BAHITH_INDEX": root / "index"}).test_client()


def page(client: FlaskClient, **args: str) -> str:
    response = client.get("/", query_string=args)
    assert response.status_code == 200, response.get_data(as_text=True)[:2000]
    return response.get_data(as_text=True)


class Ancestry(HTMLParser):
    """The classes of every element enclosing the first element that has class ``target``."""

    VOID = frozenset({"input", "meta", "link", "br", "img", "hr", "rect", "line"})

    def __init__(self, target: str) -> None:
        super().__init__()
        self.target = target
        self.open: list[str] = []
        self.found: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = dict(attrs).get("class") or ""
        if self.found is None and self.target in classes.split():
            self.found = list(self.open)
        if tag not in self.VOID:
            self.open.append(classes)

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.VOID and self.open:
            self.open.pop()


def enclosing_classes(html: str, target: str) -> list[str]:
    parser = Ancestry(target)
    parser.feed(html)
    assert parser.found is not None, f"no element with class {target!r}"
    return " ".join(parser.found).split()


# The timeline, as drawn on the page


def test_fewer_than_three_dated_matches_draw_no_timeline(client: FlaskClient) -> None:
    html = page(client, q="alpha", ui="en")
    assert len(re.findall(r'<li class="hit"', html)) >= 1, "the articles are found"
    assert "<svg" not in html and 'class="timeline"' not in html


@pytest.mark.parametrize(
    ("query", "by", "bars"),
    [
        (
            "beta",
            "month",
            [("2024-01", 1), ("2024-02", 0), ("2024-03", 1), ("2024-04", 0), ("2024-05", 1)],
        ),
        ("gamma", "year", [("2015", 1), ("2016", 0), ("2017", 1), ("2018", 0), ("2019", 1)]),
        (
            "beta OR gamma",
            "year",
            [(str(y), n) for y, n in zip(range(2015, 2025), (1, 0, 1, 0, 1, 0, 0, 0, 0, 3), strict=True)],
        ),
    ],
)
def test_bars_count_months_or_years_by_the_span_of_the_dates(
    client: FlaskClient, query: str, by: str, bars: list[tuple[str, int]]
) -> None:
    html = page(client, q=query, ui="en")
    assert RECT.findall(html) == [(label, str(count)) for label, count in bars]
    assert f"· {MESSAGES['timeline_' + by]['en']}</span>" in html


@pytest.mark.parametrize(
    ("ui", "undated"),
    [("en", "1 article undated"), ("fr", "1 article sans date"), ("ar", "مقال واحد بلا تاريخ")],
)
def test_undated_articles_are_counted_in_words_never_drawn(
    client: FlaskClient, ui: str, undated: str
) -> None:
    html = page(client, q="beta", ui=ui)
    assert f'<span class="undated">· {undated}</span>' in html
    labels = [label for label, _ in RECT.findall(html)]
    assert len(labels) == 5 and all(re.fullmatch(r"\d{4}-\d{2}", label) for label in labels)


def test_no_undated_text_when_every_match_is_dated(client: FlaskClient) -> None:
    assert 'class="undated"' not in page(client, q="gamma", ui="en")


# The timeline's rules, date by date


def days(*isos: str | None) -> list[date | None]:
    return [date.fromisoformat(iso) if iso else None for iso in isos]


@pytest.mark.parametrize(
    ("dates", "expected"),
    [
        (days(), None),
        (days(None, None, None, None), None),
        (days("2024-01-01", "2024-06-01", None, None), None),
        (days("2024-01-01", "2024-01-20", "2024-01-31"), ("month", ["2024-01"], 0)),
        (days("2022-01-01", "2023-06-01", "2023-12-31", None), ("month", 24, 1)),
        (days("2022-01-01", "2023-06-01", "2024-01-01"), ("year", ["2022", "2023", "2024"], 0)),
        (days("1990-05-01", "2000-01-01", "2024-12-31", None, None), ("year", 35, 2)),
    ],
)
def test_timeline_rules(dates: list[date | None], expected: tuple[str, list[str] | int, int] | None) -> None:
    timeline = build_timeline(dates)
    if expected is None:
        assert timeline is None
        return
    assert timeline is not None
    by, labels, undated = expected
    assert (timeline.by, timeline.undated) == (by, undated)
    found = [bar.label for bar in timeline.bars]
    if isinstance(labels, list):
        assert found == labels
    else:
        assert len(found) == labels
    assert sum(bar.count for bar in timeline.bars) == len(dates) - undated


def test_bars_stay_inside_the_chart_and_a_lone_period_is_not_one_wide_block() -> None:
    lone = build_timeline(days("2024-01-01", "2024-01-02", "2024-01-03"))
    assert lone is not None and len(lone.bars) == 1
    assert lone.bars[0].width < lone.width / 4
    wide = build_timeline(days("1990-05-01", "2000-01-01", "2024-12-31"))
    assert wide is not None
    assert all(bar.x >= 0 and bar.x + bar.width <= wide.width for bar in wide.bars)


# A search that finds nothing


@pytest.mark.parametrize("filters", [{}, {"lang": "fr"}])
def test_no_results_are_explained_in_the_main_column(client: FlaskClient, filters: dict[str, str]) -> None:
    html = page(client, q="zzqxw", ui="en", **filters)
    assert MESSAGES["no_results"]["en"].format(query="zzqxw") in html
    around = enclosing_classes(html, "no-results")
    assert "results" in around and "filters" not in around
    assert ("layout-single" in around) == (not filters), (
        "the main column takes the width when no filter shows"
    )
    for tip in ("tip_spelling", "tip_fewer", "tip_language"):
        assert MESSAGES[tip]["en"] in html


def test_results_keep_the_filter_column(client: FlaskClient) -> None:
    html = page(client, q="beta", ui="en")
    assert "layout-single" not in html
    assert enclosing_classes(html, "hits")[-1] == "results"


# As you type, without inline script


def test_the_page_loads_only_its_own_script_and_works_without_it(client: FlaskClient) -> None:
    html = page(client, q="beta", ui="en")
    assert re.findall(r"<script\b[^>]*>", html) == ['<script src="/static/typeahead.js" defer>']
    assert re.search(r'<form class="search-form" role="search" action="/" method="get">', html)
    assert re.search(r'<input id="q" name="q" type="search"[^>]* data-suggest-url="/api/search"', html)
    script = client.get("/static/typeahead.js")
    assert script.status_code == 200 and script.mimetype in ("text/javascript", "application/javascript")
    code = script.get_data(as_text=True)
    assert "innerHTML" not in code and "textContent" in code and "eval(" not in code
