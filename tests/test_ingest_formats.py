"""HTML, Markdown and JSON inputs: what each format contributes to an article."""

from __future__ import annotations

import json
from datetime import date

import pytest

from indexer.article import Article, Skipped, article_id
from indexer.ingest.html import parse_html
from indexer.ingest.json_records import NO_BODY, read_json, read_jsonl
from indexer.ingest.markdown import parse_markdown, split_front_matter
from indexer.ingest.page import NO_TEXT

HTML_PAGE = """<!DOCTYPE html>
<html lang="fr-FR">
<head>
  <meta charset="utf-8">
  <title>Le port de Marseille s&#39;agrandit | Le Quotidien</title>
  <meta property="og:site_name" content="Le Quotidien">
  <meta property="og:url" content="https://quotidien.example/og">
  <meta property="article:published_time" content="2023-04-03T08:15:00+02:00">
  <link rel="canonical" href="https://quotidien.example/port">
  <style>p { color: red; }</style>
  <script>var tracker = "SCRIPTTEXT";</script>
</head>
<body>
  <header><a href="/">Le Quotidien</a> <h1>HEADERLOGO</h1></header>
  <nav><ul><li>Accueil</li><li>NAVTEXT</li></ul></nav>
  <article>
    <svg><title>ICONTEXT</title></svg>
    <h1>Le port de Marseille <em>s'agrandit</em></h1>
    <p>Les travaux commencent <b>lundi</b> &amp; dureront
       deux ans.</p>
    <p>Le maire a parl&eacute; d'un projet &laquo;&nbsp;historique&nbsp;&raquo;.<br>Fin.</p>
    <ul><li>Coût : 2 M€</li><li>Durée : 2 ans</li></ul>
    <div>ADVERTISING</div>
  </article>
  <aside>ASIDETEXT</aside>
  <form><label>FORMTEXT</label></form>
  <noscript>NOSCRIPTTEXT</noscript>
  <footer>FOOTERTEXT</footer>
</body>
</html>
"""


def test_html_page_gives_title_metadata_and_visible_article_text() -> None:
    page = parse_html(HTML_PAGE)
    assert page.title == "Le port de Marseille s'agrandit"
    assert (page.source, page.url, page.date, page.lang) == (
        "Le Quotidien",
        "https://quotidien.example/port",
        date(2023, 4, 3),
        "fr-FR",
    )
    assert page.body == (
        "Les travaux commencent lundi & dureront deux ans.\n\n"
        "Le maire a parlé d'un projet «\u00a0historique\u00a0».\n"
        "Fin.\n\n"
        "Coût : 2 M€\n\n"
        "Durée : 2 ans"
    )


@pytest.mark.parametrize(
    ("head", "body", "expected"),
    [
        (
            '<title>Le port s\'agrandit - Le Quotidien</title><meta property="og:site_name" '
            'content="le quotidien"><meta property="og:url" content="https://q.example/og">',
            "<p>Texte.</p>",
            ("Le port s'agrandit", "https://q.example/og", None),
        ),
        (
            "<title>Le port s'agrandit - Un autre site</title>",
            '<p><time datetime="2023-04-03">3 avril</time> Texte.</p>',
            ("Le port s'agrandit", "", date(2023, 4, 3)),  # a site's name after " - " is not the title
        ),
        (
            '<meta name="date" content="03/04/2023">',
            "<p>Le port s'agrandit</p><p>Texte.</p>",
            ("Le port s'agrandit", "", date(2023, 4, 3)),
        ),
    ],
)
def test_html_fallbacks_for_title_url_and_date(
    head: str, body: str, expected: tuple[str, str, date | None]
) -> None:
    page = parse_html(f"<html><head>{head}</head><body>{body}</body></html>")
    assert (page.title, page.url, page.date) == expected


def test_html_page_without_article_text_has_an_empty_body() -> None:
    page = parse_html("<html><body><nav>Accueil</nav><footer>Contact</footer></body></html>")
    assert page.body == ""


MARKDOWN = """---
date: 2023-04-03
source: "Le Quotidien"
url: https://quotidien.example/port
lang: fr
ignored: value
---
Le port de Marseille

# Le port de *Marseille* s'agrandit

Les travaux commencent **lundi**, selon [la mairie](https://mairie.example).
![plan du port](plan.png)

> Un projet __historique__.

```
x = a_b * c_d
```

---
"""


def test_markdown_front_matter_heading_and_inline_syntax() -> None:
    page = parse_markdown(MARKDOWN)
    assert page.title == "Le port de Marseille s'agrandit"
    assert (page.source, page.url, page.date, page.lang) == (
        "Le Quotidien",
        "https://quotidien.example/port",
        date(2023, 4, 3),
        "fr",
    )
    assert page.body == (
        "Le port de Marseille\n\n"
        "Les travaux commencent lundi, selon la mairie.\n\n"
        "Un projet historique.\n\n"
        "x = a_b * c_d"
    )


def test_markdown_front_matter_title_wins_and_its_heading_is_not_repeated() -> None:
    page = parse_markdown("---\ntitle: Le port\n---\n# Le port\n\nTexte.")
    assert (page.title, page.body) == ("Le port", "Texte.")


def test_markdown_heading_inside_a_code_block_is_not_the_title() -> None:
    page = parse_markdown("```\n# commentaire\n```\n# Vrai titre\n\nTexte.")
    assert (page.title, page.body) == ("Vrai titre", "# commentaire\n\nTexte.")


def test_markdown_without_heading_uses_the_text_rules() -> None:
    page = parse_markdown("Le port s'agrandit\n\nLes *travaux* commencent.")
    assert (page.title, page.body) == ("Le port s'agrandit", "Les travaux commencent.")


@pytest.mark.parametrize(
    "text",
    ["---\ntitle: sans fin\nTexte.", "Texte.\n---\ntitle: x\n---"],
)
def test_a_block_that_is_not_leading_and_closed_is_not_front_matter(text: str) -> None:
    assert split_front_matter(text) == ({}, text)


PATH = "/data/articles.jsonl"
ARABIC_BODY = "افتتح وزير الزراعة معرض التمور. وقال إن الإنتاج زاد."
FRENCH_BODY = "Le port s'agrandit. Les travaux dureront deux ans."


def jsonl(*records: object) -> str:
    return "\n".join(json.dumps(r, ensure_ascii=False) for r in records)


@pytest.mark.parametrize(
    ("record", "field", "expected"),
    [
        ({"title": "Le port", "body": FRENCH_BODY}, "title", "Le port"),
        ({"body": FRENCH_BODY}, "title", "Le port s'agrandit"),
        ({"text": FRENCH_BODY}, "body", FRENCH_BODY),
        ({"body": "", "text": FRENCH_BODY}, "body", FRENCH_BODY),
        ({"body": ["Premier.", "Second."]}, "body", "Premier.\n\nSecond."),
        ({"body": "Texte.\r\nSuite.\u0000"}, "body", "Texte.\nSuite."),
        ({"body": "Texte.\n\n2,451FansLike\nADVERTISING"}, "body", "Texte."),
        ({"title": 2023, "body": FRENCH_BODY}, "title", "2023"),
        ({"body": FRENCH_BODY, "date": "2023-04-03T23:30:00-05:00"}, "date", date(2023, 4, 3)),
        ({"body": FRENCH_BODY, "date": "3 avril 2023"}, "date", date(2023, 4, 3)),
        ({"body": FRENCH_BODY, "date": 1680480000}, "date", date(2023, 4, 3)),
        ({"body": FRENCH_BODY, "date": 1680480000000}, "date", date(2023, 4, 3)),
        ({"body": FRENCH_BODY, "date": "bientôt"}, "date", None),
        ({"body": FRENCH_BODY, "date": True}, "date", None),
        ({"body": FRENCH_BODY, "date": 1e300}, "date", None),
        ({"body": ARABIC_BODY}, "lang", "ar"),
        ({"body": ARABIC_BODY, "lang": "fr"}, "lang", "fr"),
        ({"body": FRENCH_BODY, "lang": "ar-SA"}, "lang", "ar"),
        ({"body": ARABIC_BODY, "lang": "en"}, "lang", "ar"),
        ({"body": FRENCH_BODY, "source": "Le Quotidien"}, "source", "Le Quotidien"),
        ({"body": FRENCH_BODY, "url": " https://q.example/1 "}, "url", "https://q.example/1"),
    ],
)
def test_jsonl_record_fields(record: dict[str, object], field: str, expected: object) -> None:
    (item,) = read_jsonl(jsonl(record), PATH)
    assert isinstance(item, Article), item
    assert getattr(item, field) == expected


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"title": "Le port"}', NO_BODY),
        ('{"body": "  "}', NO_BODY),
        ('{"body": null}', NO_BODY),
        ('{"body": "ADVERTISING"}', NO_TEXT),
        ('{"body": {"fr": "Texte."}}', "field 'body' is an object, expected text"),
        ('{"body": ["Texte.", 3]}', "field 'body' is a list, expected text"),
        ('{"body": "Texte.", "title": false}', "field 'title' is true or false, expected text"),
        ("[1, 2]", "record is a list, expected an object"),
        ('"Texte."', "record is a string, expected an object"),
        (
            '{"body": "Texte.",}',
            # The json module's own wording for a trailing comma changed in Python 3.13.
            "invalid JSON: ",
        ),
        ("{", "invalid JSON: expecting property name enclosed in double quotes (column 2)"),
        ("[" * 100_000, "invalid JSON: nested too deeply"),
        ("1" * 5000, "invalid JSON: number too long"),
    ],
)
def test_a_bad_jsonl_line_is_skipped_with_its_line_number(line: str, reason: str) -> None:
    items = list(
        read_jsonl(jsonl({"body": "Avant."}) + "\n" + line + "\n\n" + jsonl({"body": "Après."}), PATH)
    )
    assert [type(i) for i in items] == [Article, Skipped, Article]
    assert items[1].path == f"{PATH}:2"
    assert items[1].reason.startswith(reason)
    assert [items[0].id, items[2].id] == [article_id(PATH, "1"), article_id(PATH, "4")]
    assert items[0].path == items[2].path == PATH


JSON_PATH = "/data/articles.json"


def test_a_json_object_is_one_article_with_the_file_id() -> None:
    (item,) = read_json(json.dumps({"title": "Le port", "body": FRENCH_BODY}), JSON_PATH)
    assert isinstance(item, Article)
    assert (item.id, item.path, item.title) == (article_id(JSON_PATH), JSON_PATH, "Le port")


def test_a_json_list_gives_one_item_per_record_by_index() -> None:
    items = list(read_json(json.dumps([{"body": FRENCH_BODY}, 42, {"body": ARABIC_BODY}]), JSON_PATH))
    assert isinstance(items[0], Article) and isinstance(items[2], Article)
    assert [items[0].id, items[2].id] == [article_id(JSON_PATH, "0"), article_id(JSON_PATH, "2")]
    assert items[1] == Skipped(f"{JSON_PATH}[1]", "record is a number, expected an object")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ('{"body": "Texte."', "invalid JSON: expecting ',' delimiter (line 1, column 18)"),
        ('[{"body": "A."},\n{"body": }]', "invalid JSON: expecting value (line 2, column 10)"),
        ('"Texte."', "holds a string, expected an object or a list of objects"),
        ("null", "holds null, expected an object or a list of objects"),
        ("[]", "empty list, no records"),
    ],
)
def test_a_json_file_that_holds_no_records_is_one_skip(text: str, reason: str) -> None:
    assert list(read_json(text, JSON_PATH)) == [Skipped(JSON_PATH, reason)]
