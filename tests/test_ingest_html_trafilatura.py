"""Saved news pages through trafilatura: the article in, the site's furniture out.

The pages are ``tests/fixtures/pages``, written for these tests in the shapes
news sites use; ``expected.json`` holds each page's title, paragraphs, the
furniture strings around them and the metadata it states.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from indexer.ingest.html import MalformedHtmlError, fragment_text, parse_html

FIXTURES = Path(__file__).parent / "fixtures" / "pages"
EXPECTED: dict[str, dict] = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))
TABLE_LAYOUT = "table"
"""Pages laid out in one big <table> (sites of the early 2000s): trafilatura keeps the
whole table, so their furniture is measured in bench/boilerplate.py, not forbidden here."""


def page_of(name: str):
    return parse_html((FIXTURES / name).read_text(encoding="utf-8"))


def test_the_fixture_set_has_twenty_pages_or_more_in_both_languages() -> None:
    langs = [name[:2] for name in EXPECTED]
    assert len(EXPECTED) >= 20 and langs.count("ar") >= 10 and langs.count("fr") >= 10
    assert {page["layout"] for page in EXPECTED.values()} == {"semantic", "divsoup", "blog", "table"}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_paragraph_reaches_the_body_and_the_headline_is_the_title(name: str) -> None:
    page, expected = page_of(name), EXPECTED[name]
    assert page.title == expected["title"]
    for paragraph in expected["body"]:
        assert paragraph in page.body


@pytest.mark.parametrize("name", sorted(n for n, e in EXPECTED.items() if e["layout"] != TABLE_LAYOUT))
def test_no_menu_banner_share_bar_related_block_comment_or_ad_reaches_the_body(name: str) -> None:
    body, article = page_of(name).body, "\n".join(EXPECTED[name]["body"])
    for furniture in EXPECTED[name]["boilerplate"]:
        assert body.count(furniture) == article.count(furniture)  # "الرئيسية" is also a word of a story


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_date_source_url_and_language_are_the_ones_the_page_states(name: str) -> None:
    page, expected = page_of(name), EXPECTED[name]
    assert page.date == (date.fromisoformat(expected["date"]) if expected["date"] else None)
    assert (page.source, page.url, page.lang) == (expected["source"], expected["url"], name[:2])


HEAD = '<meta property="og:site_name" content="Le Quotidien">'
STORY = (
    "<article><h1>Le port s'agrandit</h1>"
    "<p>Les travaux du quai nord commencent lundi et dureront deux ans.</p>"
)


@pytest.mark.parametrize(
    ("head", "body", "expected"),
    [
        (
            HEAD + '<link rel="canonical" href="https://q.example/port"><meta property="og:url" '
            'content="https://q.example/og">',
            STORY + "</article>",
            ("https://q.example/port", None),
        ),
        (
            HEAD + '<script type="application/ld+json">{"@type": "NewsArticle", "mainEntityOfPage": '
            '{"@id": "https://q.example/ld"}, "datePublished": "2023-04-03T08:00:00Z"}</script>',
            STORY + "</article>",
            ("https://q.example/ld", date(2023, 4, 3)),
        ),
        (
            HEAD,
            "<div class='meta'>الأربعاء 15 شباط/فبراير 2023</div>" + STORY + "</article>",
            ("", date(2023, 2, 15)),
        ),
        (
            HEAD,
            "<p class='date'>Publié le 1er mars 2021 à 10h12</p>" + STORY + "</article>",
            ("", date(2021, 3, 1)),
        ),
    ],
)
def test_where_the_address_and_date_come_from(
    head: str, body: str, expected: tuple[str, date | None]
) -> None:
    page = parse_html(f"<html><head>{head}</head><body>{body}</body></html>")
    assert (page.url, page.date) == expected


def test_a_page_address_given_by_the_archive_is_used_when_the_page_names_none() -> None:
    page = parse_html(f"<html><body>{STORY}</article></body></html>", url="https://q.example/from-warc")
    assert page.url == "https://q.example/from-warc"


def test_an_xhtml_page_with_an_xml_declaration_is_read() -> None:
    text = f'<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body>{STORY}</article></body></html>'
    assert parse_html(text).title == "Le port s'agrandit"


def test_lists_and_line_breaks_keep_their_words_without_markers() -> None:
    page = parse_html(
        f"<html><body>{STORY}<ul><li>Coût : 2 M€</li><li>Durée : 2 ans</li></ul>"
        "<p>Le maire a parlé d'un projet «\u00a0historique\u00a0».<br>Fin.</p></article></body></html>"
    )
    assert page.body.endswith(
        "Coût : 2 M€\n\nDurée : 2 ans\n\nLe maire a parlé d'un projet «\u00a0historique\u00a0».\nFin."
    )


@pytest.mark.parametrize("text", ["", "   \n"])
def test_a_document_with_no_html_in_it_is_malformed(text: str) -> None:
    with pytest.raises(MalformedHtmlError):
        parse_html(text)


def test_a_page_of_navigation_only_has_no_body() -> None:
    page = parse_html("<html><body><nav><ul><li><a href='/'>Accueil</a></li></ul></nav></body></html>")
    assert page.body == ""


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ("<p>Le port &amp; la <b>ville</b></p><p>Deux<br>lignes</p>", "Le port & la ville\n\nDeux\nlignes"),
        ("Titre &eacute;t&#233;", "Titre été"),
        ("<p>Texte</p><script>var x = 1;</script>", "Texte"),
        ("", ""),
    ],
)
def test_a_feed_summary_fragment_becomes_paragraphs_of_text(markup: str, text: str) -> None:
    assert fragment_text(markup) == text
