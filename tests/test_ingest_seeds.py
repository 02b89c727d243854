"""Acceptance: the real seed corpus reads as a person would read it.

The seed pages are read from ``../shared/corpus/seeds`` next to the repository,
never copied into it; expected titles are lines of those same files.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from indexer.article import Article, article_id
from indexer.ingest import discover, read_articles
from indexer.ingest.dates import parse_date
from indexer.ingest.news_text import PageHeader, credited_source, lead_dateline
from search.engine import SearchEngine

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "seeds"
BOILERPLATE = ("FansLike", "FollowersFollow", "SubscribersSubscribe", "FOLLOW", "ADVERTISING")


def seed(number: int) -> Path:
    (path,) = SEEDS.glob(f"{number:03d}_*.txt")
    return path


def lines_of(number: int) -> list[str]:
    return seed(number).read_text(encoding="utf-8").split("\n")


def article(number: int) -> Article:
    (item,) = read_articles(seed(number))
    assert isinstance(item, Article), item
    return item


def all_articles() -> list[Article]:
    return [article(number) for number in range(5)]


@pytest.mark.parametrize(("number", "headline_line"), [(0, 2), (1, 0), (3, 0), (4, 3)])
def test_the_title_is_the_headline_line(number: int, headline_line: int) -> None:
    assert article(number).title == lines_of(number)[headline_line]


def test_a_page_opening_with_a_paragraph_is_titled_by_its_first_sentence() -> None:
    opening = lines_of(2)[0]
    assert opening.endswith(".") and opening.count(".") == 1
    assert article(2).title == opening.removesuffix(".")
    assert article(2).body.startswith(opening)


def test_the_site_header_gives_the_source_and_its_home_page_is_not_taken_for_the_article() -> None:
    assert lines_of(0)[0].endswith("- https://www.akhbarboom.com -")
    assert (article(0).source, article(0).url) == ("أخبار بووم", "")


@pytest.mark.parametrize(
    ("number", "written", "source"),
    [
        (0, None, "أخبار بووم"),  # site banner; "24 يوليو تموز" has no year, so no date
        (1, None, "رويترز"),  # closing "المصدر : رويترز"
        (2, None, "فرانس برس"),  # closing credit to the agency
        (3, None, ""),  # neither stated
        (4, date(2022, 12, 9), ""),  # French dateline "vendredi, décembre 9, 2022"
    ],
)
def test_each_seed_gets_the_date_and_source_its_text_states(
    number: int, written: date | None, source: str
) -> None:
    assert (article(number).date, article(number).source) == (written, source)


def test_a_subheading_keeps_its_words_but_not_its_bullet() -> None:
    marked = lines_of(0)[24]
    assert marked.startswith("*")
    body = article(0).body
    assert marked.removeprefix("*") in body.split("\n\n")
    assert "*" not in body


def test_no_snippet_of_any_seed_shows_a_subheading_marker(seed_engine: SearchEngine) -> None:
    hits = seed_engine.search(lines_of(0)[24].removeprefix("*").split()[0], limit=20).hits
    assert hits and all("*" not in hit.snippet for hit in hits)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وصل إلى موسكو يوم 24 يوليو تموز 2015", date(2015, 7, 24)),
        ("السبت 10 أيلول/سبتمبر 2022", date(2022, 9, 10)),
        ("الثلاثاء 3 سبتمبر (أيلول) 2019م", date(2019, 9, 3)),
        ("الأحد 6 تشرين الثاني/نوفمبر 2022", date(2022, 11, 6)),
        ("يوليو تموز 24، 2015", date(2015, 7, 24)),
        ("vendredi, décembre 9, 2022", date(2022, 12, 9)),
        ("Publié le 1er mars 2021 à 10h12", date(2021, 3, 1)),
        ("3 يوليو/أغسطس 2019", None),  # two different months: not a date
        ("24 يوليو تموز", None),  # no year
    ],
)
def test_dates_with_month_pairs_weekdays_and_datelines(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("RABAT, 3 mars 2021 (AFP) - Le gouvernement a annoncé", PageHeader("AFP", "", date(2021, 3, 3))),
        ("بيروت، 10 أيلول/سبتمبر 2022 (أ ف ب) - أعلنت الحكومة", PageHeader("أ ف ب", "", date(2022, 9, 10))),
        ("Paris, le 9 décembre 2022 – Le ministre a parlé.", PageHeader("", "", date(2022, 12, 9))),
        ("PARIS (Reuters) - Le texte a été voté.", PageHeader("Reuters", "", None)),
        ("Le ministre (PS) - dit-on - a voté.", PageHeader()),
        ("Le 3 mars 2021, le conseil municipal a voté une longue loi - selon le maire.", PageHeader()),
    ],
)
def test_a_wire_dateline_opening_the_story(paragraph: str, expected: PageHeader) -> None:
    assert lead_dateline(paragraph) == expected


@pytest.mark.parametrize(
    ("last_lines", "source"),
    [
        (["Texte.", "المصدر : رويترز"], "رويترز"),
        (["Texte.", "Source : AFP"], "AFP"),
        (["Texte.", "ساهمت وكالة فرانس برس في هذا التقرير"], "فرانس برس"),
        (["المصدر : رويترز", "Un", "deux", "trois", "quatre"], ""),  # not among the last lines
        (["Selon Reuters, le texte a été voté."], ""),
    ],
)
def test_a_closing_credit_names_the_source(last_lines: list[str], source: str) -> None:
    assert credited_source(last_lines) == source


@pytest.mark.parametrize(("number", "lang"), [(0, "ar"), (1, "ar"), (2, "ar"), (3, "ar"), (4, "fr")])
def test_language(number: int, lang: str) -> None:
    assert article(number).lang == lang


@pytest.mark.parametrize("number", range(5))
def test_no_page_furniture_reaches_a_body(number: int) -> None:
    body = article(number).body
    for marker in (*BOILERPLATE, "Lire aussi"):
        assert marker not in body


def test_the_breadcrumb_repeated_headline_and_linked_headlines_stay_out() -> None:
    lines = lines_of(4)
    body = article(4).body
    read_also = next(i for i, line in enumerate(lines) if line.startswith("Lire aussi"))
    linked = [line for line in lines[read_also + 1 :] if line.strip()][:2]
    assert len(linked) == 2
    for line in (lines[1], lines[5], *linked):
        assert line not in body


@pytest.mark.parametrize(("number", "kept_line"), [(1, 17)])
def test_short_content_lines_stay(number: int, kept_line: int) -> None:
    line = lines_of(number)[kept_line]
    assert len(line.split()) <= 3
    assert line in article(number).body


def test_paragraphs_keep_their_structure() -> None:
    assert "\n\n" not in article(1).body  # one line per paragraph, no blank lines, as saved
    assert article(1).body.split("\n") == lines_of(1)[1:]
    assert "\n\n" in article(0).body


def test_ids_are_derived_from_the_path_and_the_folder_walk_finds_all_five() -> None:
    found = list(discover([SEEDS]))
    assert found == sorted(SEEDS.glob("*.txt"))
    for path in found:
        (item,) = read_articles(path)
        assert isinstance(item, Article)
        assert (item.id, item.path) == (article_id(str(path)), str(path))
