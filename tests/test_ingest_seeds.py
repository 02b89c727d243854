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


def test_the_site_header_gives_source_and_url() -> None:
    assert (article(0).source, article(0).url) == ("أخبار بووم", "https://www.akhbarboom.com")


def test_the_dateline_gives_the_date() -> None:
    assert article(4).date == date(2022, 12, 9)


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


@pytest.mark.parametrize(("number", "kept_line"), [(0, 24), (1, 17)])
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
