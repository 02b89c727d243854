"""The web interface through Flask's test client, on real indexes built in temporary folders.

The seed index checks the acceptance searches; a small corpus written here
(French and Arabic articles with sources and dates, and one article full of
markup) checks pagination, filters, the timeline and escaping.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from markupsafe import escape

from indexer.store import IndexUnavailable, open_index
from indexer.update import update_index
from search.engine import SearchEngine
from web import create_app
from web.i18n import MESSAGES, UI_LANGS
from web.security import CONTENT_SECURITY_POLICY
from web.timeline import build_timeline

ROOT = Path(__file__).resolve().parents[1]
QUERY = "سليماني موسكو"
MAX_PAGE_BYTES = 50_000
HIT = re.compile(r'<li class="hit" lang="(\w*)" dir="(\w+)">')
XSS_TITLE = "Alerte <script>document.title='pwned'</script> sécurité <img src=x onerror=\"window.pwned=1\">"
XSS_BODY = (
    "Cet article contient du code : <script>window.pwned = 1; alert(1)</script> puis une image "
    "<img src=x onerror=\"document.title='pwned'\"> au milieu d'un texte sur la sécurité.\n\n"
    "Le paragraphe suivant parle encore de sécurité et de Moscou."
)
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


def write_corpus(folder: Path) -> Path:
    """Fourteen French articles about a port over 2023, eight Arabic ones in 2024, one full of markup."""
    folder.mkdir(parents=True, exist_ok=True)
    records = [
        {
            "title": f"Le port numéro {n} modernise ses quais",
            "body": f"Le port numéro {n} investit dans de nouveaux quais et des grues électriques.",
            "lang": "fr",
            "source": "Le Quotidien" if n % 2 else "La Dépêche",
            "date": f"2023-{n % 12 + 1:02d}-15",
            "url": "javascript:alert(1)" if n == 1 else f"https://example.org/port/{n}",
        }
        for n in range(1, 15)
    ] + [
        {
            "title": f"الميناء رقم {n} يستقبل سفنا جديدة",
            "body": f"أعلنت إدارة الميناء رقم {n} عن توسعة الأرصفة لاستقبال السفن الكبيرة.",
            "lang": "ar",
            "source": "الصحيفة",
            "date": f"2024-{n:02d}-01",
        }
        for n in range(1, 9)
    ]
    (folder / "news.jsonl").write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8"
    )
    (folder / "xss.txt").write_text(f"{XSS_TITLE}\n\n{XSS_BODY}\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def seed_app(seed_index: Path) -> Flask:
    return create_app({"BAHITH_INDEX": seed_index})


@pytest.fixture(scope="module")
def seed_client(seed_app: Flask) -> FlaskClient:
    return seed_app.test_client()


@pytest.fixture(scope="module")
def corpus_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("web-corpus")
    index_dir = root / "index"
    update_index(index_dir, [write_corpus(root / "articles")])
    return index_dir


@pytest.fixture(scope="module")
def client(corpus_index: Path) -> FlaskClient:
    return create_app({"BAHITH_INDEX": corpus_index}).test_client()


OWN_SCRIPT = '<script src="/static/typeahead.js" defer></script>'
"""The one script a page loads: the site's own results-as-you-type, never inline."""


def scripts_besides_ours(page: str) -> bool:
    """Whether ``page`` holds any script tag other than ``OWN_SCRIPT`` in its head."""
    return "<script" in page.replace(OWN_SCRIPT, "", 1)


def html(client: FlaskClient, url: str, status: int = 200, **kwargs: object) -> str:
    response = client.get(url, **kwargs)
    assert response.status_code == status, response.get_data(as_text=True)[:2000]
    assert response.mimetype == "text/html"
    return response.get_data(as_text=True)


def hits(page: str) -> list[tuple[str, str]]:
    return HIT.findall(page)


def article_id(client: FlaskClient, query: str, title_part: str) -> str:
    found = client.get("/api/search", query_string={"q": query, "limit": 100, "group": "false"}).get_json()
    return next(hit["id"] for hit in found["hits"] if title_part in hit["title"])


# The search page


def test_arabic_search_shows_four_marked_right_to_left_results(seed_client: FlaskClient) -> None:
    page = html(seed_client, "/", query_string={"q": QUERY, "group": "false"})
    assert hits(page) == [("ar", "rtl")] * 4 + [("fr", "ltr")], "the French article comes across languages"
    assert page.count("<mark>") >= 8
    assert "<mark>سليماني</mark>" in page and "<mark>موسكو</mark>" in page
    assert 'href="/article/' in page and "q=%D8%B3" in page, "titles link to the article, carrying the query"
    assert "1–5" in page and "5" in page
    assert re.search(r"\(\d+(\.\d+)? ms\)", page), "time taken is shown"


def test_french_result_reads_left_to_right(seed_client: FlaskClient) -> None:
    page = html(seed_client, "/", query_string={"q": "Soleimani", "group": "false"})
    assert hits(page) == [("fr", "ltr")] + [("ar", "rtl")] * 4, "the Arabic articles come across languages"
    assert "<mark>Soleimani</mark>" in page


def test_mixed_results_each_carry_their_direction(seed_client: FlaskClient) -> None:
    page = html(seed_client, "/", query_string={"q": "Soleimani OR سليماني", "group": "false"})
    found = hits(page)
    assert len(found) == 5
    assert sorted(found) == [("ar", "rtl")] * 4 + [("fr", "ltr")]


def test_pagination(client: FlaskClient) -> None:
    every = {"q": "port", "group": "false"}  # article by article: the port articles tell one story
    first = html(client, "/", query_string=every)
    assert len(hits(first)) == 10
    assert "1–10" in first and "14" in first
    assert 'rel="next" href="/?q=port&amp;page=2&amp;group=false"' in first
    second = html(client, "/", query_string={**every, "page": 2})
    assert len(hits(second)) == 4
    assert '<ol class="hits" start="11">' in second
    assert 'rel="prev" href="/?q=port&amp;group=false"' in second
    beyond = html(client, "/", query_string={**every, "page": 5})
    assert hits(beyond) == []
    assert MESSAGES["page_empty"]["en"] in beyond and 'href="/?q=port&amp;group=false"' in beyond


def test_language_and_source_filters_with_counts(client: FlaskClient) -> None:
    query = "port OR الميناء"
    page = html(client, "/", query_string={"q": query})
    lang_counts = dict(re.findall(r"lang=(\w\w)\">[^<]+</a> <span class=\"count\">(\d+)</span>", page))
    assert lang_counts == {"fr": "14", "ar": "8"}
    assert re.search(r'source=Le\+Quotidien"[^>]*>Le Quotidien</a> <span class="count">7</span>', page)
    assert re.search(r'>الصحيفة</a> <span class="count">8</span>', page)

    arabic = html(client, "/", query_string={"q": query, "lang": "ar", "group": "false"})
    assert hits(arabic) == [("ar", "rtl")] * 8
    assert "Le Quotidien" not in arabic, "source counts follow the language filter"
    assert 'lang=fr&amp;group=false">' in arabic, "the other language stays one click away"

    quotidien = html(client, "/", query_string={"q": query, "source": "Le Quotidien", "group": "false"})
    assert hits(quotidien) == [("fr", "ltr")] * 7
    assert re.search(
        r'lang=fr&amp;source=Le\+Quotidien&amp;group=false">[^<]+</a> <span class="count">7</span>', quotidien
    )
    assert 'aria-current="true">Le Quotidien</a>' in quotidien

    nothing = html(client, "/", query_string={"q": query, "lang": "ar", "source": "Le Quotidien"})
    assert hits(nothing) == []
    assert MESSAGES["tip_filters"]["en"] in nothing


def test_did_you_mean_links_to_the_suggestion(seed_client: FlaskClient) -> None:
    page = html(seed_client, "/", query_string={"q": "Solemani"})
    assert hits(page) == []
    assert MESSAGES["did_you_mean"]["en"] in page
    assert '<a href="/?q=Soleimani" dir="auto"><mark>Soleimani</mark></a>' in page


def test_timeline_is_inline_svg_by_month(client: FlaskClient) -> None:
    page = html(client, "/", query_string={"q": "port OR الميناء"})
    svg = page[page.index("<svg") : page.index("</svg>")]
    bars = re.findall(r'<rect class="bar" x="[\d.]+" y="[\d.]+" width="[\d.]+" height="([\d.]+)">', svg)
    assert len(bars) == 20, "one bar per month from 2023-01 to 2024-08"
    assert sum(1 for height in bars if float(height) > 0) == 20
    assert "<title>2024-03: 1</title>" in svg
    assert ">2023-01</text>" in svg and ">2024-08</text>" in svg
    assert "script" not in svg and "style=" not in svg


def test_empty_query_shows_what_the_index_holds(seed_client: FlaskClient) -> None:
    page = html(seed_client, "/")
    assert MESSAGES["in_index"]["en"].format(count=5) in page
    assert re.search(r'q=lang:ar">Arabic</a> <span class="count">4</span>', page)
    assert re.search(r'q=lang:fr">French</a> <span class="count">1</span>', page)
    assert page.count('href="/article/') == 5, "the latest articles are listed"
    assert page.index("Iran : Le commandant") < page.index("سليماني في موسكو"), "dated articles first"


def test_no_results_page_helps(seed_client: FlaskClient) -> None:
    page = html(seed_client, "/", query_string={"q": "zzqxw"})
    assert hits(page) == []
    for key in ("no_results", "tip_spelling", "tip_fewer", "tip_language"):
        assert MESSAGES[key]["en"].split("{")[0] in page


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"q": "port", "page": 1_000_000}, "page must be between 1 and 1000"),
        ({"q": "port", "page": "deux"}, "page must be a whole number"),
        ({"q": "port", "lang": "en"}, "lang must be one of ar, fr"),
        ({"q": "p*"}, "too short to expand"),
        ({"q": "mot " * 200}, "the limit is 500"),
    ],
)
def test_bad_searches_answer_400_with_the_reason(client: FlaskClient, params: dict, message: str) -> None:
    page = html(client, "/", 400, query_string=params)
    assert message in page
    assert MESSAGES["query_error"]["en"] in page


# The article page


def test_article_page_marks_every_match_and_lists_related(seed_client: FlaskClient) -> None:
    article = article_id(seed_client, QUERY, "مصادر دبلوماسية غربية")
    page = html(seed_client, f"/article/{article}", query_string={"q": "موسكو"})
    assert '<article class="article" lang="ar" dir="rtl">' in page
    assert "<h1>مصادر دبلوماسية غربية: الجنرال سليماني زار <mark>موسكو</mark>" in page
    assert "<mark>لموسكو</mark>" in page, "clitic forms are marked too"
    assert page.count("<p>") > 3, "the body is shown as paragraphs"
    related = page[page.index(MESSAGES["related"]["en"]) :]
    assert related.count('href="/article/') >= 2
    assert f"/article/{article}" not in related
    assert "003_79bfeafe8a57ecdb.txt" in page, "the file it came from"
    assert 'href="/?q=%D9%85%D9%88%D8%B3%D9%83%D9%88"' in page, "a way back to the results"


def test_article_page_marks_phrases_but_not_excluded_words(seed_client: FlaskClient) -> None:
    article = article_id(seed_client, QUERY, "مصادر دبلوماسية غربية")
    phrase = html(seed_client, f"/article/{article}", query_string={"q": '"قاسم سليماني"'})
    assert "<mark>قاسم</mark> <mark>سليماني</mark>" in phrase
    excluding = html(seed_client, f"/article/{article}", query_string={"q": "موسكو -بوتين"})
    assert "<mark>موسكو</mark>" in excluding and "<mark>بوتين</mark>" not in excluding
    plain = html(seed_client, f"/article/{article}", query_string={"q": "p*"})
    assert "<mark>" not in plain, "a query that cannot run marks nothing but still shows the article"


def test_article_original_link_only_for_web_addresses(seed_client: FlaskClient, client: FlaskClient) -> None:
    article = article_id(seed_client, QUERY, "سليماني في موسكو رغم")
    page = html(seed_client, f"/article/{article}")
    assert "akhbarboom" not in page  # the page names only its site's home page: no article address
    dangerous = article_id(client, "numéro", "numéro 1 ")
    page = html(client, f"/article/{dangerous}")
    assert "javascript:" not in page
    assert MESSAGES["original"]["en"] not in page


def test_unknown_article_is_a_friendly_404(seed_client: FlaskClient) -> None:
    page = html(seed_client, "/article/0000000000000000", 404)
    assert MESSAGES["error_404"]["en"] in page and MESSAGES["error_404_text"]["en"] in page
    assert html(seed_client, "/no/such/page", 404).count(MESSAGES["home"]["en"]) == 1


def test_wrong_method_on_a_page_is_a_405_page(seed_client: FlaskClient) -> None:
    response = seed_client.post("/")
    assert response.status_code == 405
    assert response.mimetype == "text/html"
    assert MESSAGES["error_405"]["en"] in response.get_data(as_text=True)


# Interface language


@pytest.mark.parametrize(
    ("accept", "lang", "direction", "button"),
    [
        ("ar,fr;q=0.5", "ar", "rtl", "بحث"),
        ("fr-FR,fr;q=0.9,en;q=0.8", "fr", "ltr", "Rechercher"),
        ("de-DE", "en", "ltr", "Search"),
        ("", "en", "ltr", "Search"),
    ],
)
def test_interface_language_follows_the_browser(
    seed_client: FlaskClient, accept: str, lang: str, direction: str, button: str
) -> None:
    page = html(seed_client, "/", headers={"Accept-Language": accept})
    assert f'<html lang="{lang}" dir="{direction}">' in page
    assert f'<button type="submit">{button}</button>' in page


def test_interface_language_can_be_chosen_and_is_remembered(seed_app: Flask) -> None:
    browser = seed_app.test_client()
    page = html(browser, "/?ui=fr", headers={"Accept-Language": "ar"})
    assert '<html lang="fr" dir="ltr">' in page
    cookie = browser.get_cookie("bahith_ui")
    assert cookie is not None and cookie.value == "fr" and cookie.http_only
    again = html(browser, "/", query_string={"q": QUERY, "group": "false"}, headers={"Accept-Language": "ar"})
    assert '<html lang="fr" dir="ltr">' in again
    assert hits(again) == [("ar", "rtl")] * 4 + [("fr", "ltr")], "results keep their own direction"
    assert (
        'href="/?q=%D8%B3%D9%84%D9%8A%D9%85%D8%A7%D9%86%D9%8A+%D9%85%D9%88%D8%B3%D9%83%D9%88&amp;group=false&amp;ui=ar"'
        in again
    )
    ignored = html(browser, "/?ui=xx")
    assert '<html lang="fr" dir="ltr">' in ignored


def test_every_message_exists_in_every_interface_language() -> None:
    for key, translations in MESSAGES.items():
        assert set(translations) == set(UI_LANGS), key
        assert all(text.strip() for text in translations.values()), key


# JSON API


def test_api_search_has_the_cli_json_shape(seed_client: FlaskClient, seed_engine: SearchEngine) -> None:
    response = seed_client.get(
        "/api/search", query_string={"q": QUERY, "limit": 2, "page": 2, "group": "false"}
    )
    assert response.status_code == 200 and response.mimetype == "application/json"
    data = response.get_json()
    expected = seed_engine.search(QUERY, limit=2, page=2).to_json()
    assert list(data) == [*expected, "group"]
    assert list(data["hits"][0]) == [name for name in expected["hits"][0] if name != "path"] + ["story"]
    shown = [{k: v for k, v in hit.items() if k != "story"} for hit in data["hits"]]
    assert shown == [{k: v for k, v in hit.items() if k != "path"} for hit in expected["hits"]]
    assert {**data, "took_ms": 0, "hits": []} == {**expected, "took_ms": 0, "hits": [], "group": False}
    assert "سليماني" in response.get_data(as_text=True), "Arabic is readable, not \\u-escaped"
    french = seed_client.get(
        "/api/search", query_string={"q": "Soleimani OR سليماني", "lang": "fr"}
    ).get_json()
    assert [hit["lang"] for hit in french["hits"]] == ["fr"]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({}, "the query is empty"),
        ({"q": "  "}, "the query is empty"),
        ({"q": "x", "page": 1_000_000}, "page must be between 1 and 1000"),
        ({"q": "x", "page": "1e3"}, "page must be a whole number"),
        ({"q": "x", "limit": 0}, "limit must be between 1 and 100"),
        ({"q": "x", "limit": 101}, "limit must be between 1 and 100"),
        ({"q": "x", "lang": "de"}, "lang must be one of ar, fr"),
        ({"q": "س*"}, "too short to expand"),
        ({"q": "x" * 501}, "the limit is 500"),
    ],
)
def test_api_bad_requests_are_400_json(seed_client: FlaskClient, params: dict, message: str) -> None:
    response = seed_client.get("/api/search", query_string=params)
    assert response.status_code == 400 and response.mimetype == "application/json"
    assert list(response.get_json()) == ["error"]
    assert message in response.get_json()["error"]


def test_api_article_gives_the_stored_fields(client: FlaskClient) -> None:
    found = article_id(client, "numéro", "numéro 2 ")
    data = client.get(f"/api/articles/{found}").get_json()
    assert list(data) == ["id", "path", "title", "body", "lang", "source", "url", "date", "added"]
    assert data["id"] == found and data["title"] == "Le port numéro 2 modernise ses quais"
    assert (data["lang"], data["source"], data["date"]) == ("fr", "La Dépêche", "2023-03-15")
    assert data["url"] == "https://example.org/port/2" and data["path"].endswith("news.jsonl")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", data["added"])


def test_api_errors_are_json(seed_client: FlaskClient) -> None:
    missing = seed_client.get("/api/articles/nope")
    assert missing.status_code == 404 and missing.get_json() == {"error": "no article with id 'nope'"}
    route = seed_client.get("/api/nothing-here")
    assert route.status_code == 404 and list(route.get_json()) == ["error"]
    post = seed_client.post("/api/search", data={"q": QUERY})
    assert post.status_code == 405 and list(post.get_json()) == ["error"]
    assert "GET" in post.headers["Allow"]


def test_healthz(seed_client: FlaskClient) -> None:
    response = seed_client.get("/healthz")
    assert response.status_code == 200 and response.get_json() == {"status": "ok", "articles": 5}


def test_unexpected_errors_are_500_without_traceback(seed_index: Path) -> None:
    app = create_app({"BAHITH_INDEX": seed_index})

    def broken() -> str:
        raise RuntimeError("secret detail of the failure")

    app.add_url_rule("/api/broken", "api_broken", broken)
    app.add_url_rule("/broken", "page_broken", broken)
    browser = app.test_client()
    api = browser.get("/api/broken")
    assert api.status_code == 500 and list(api.get_json()) == ["error"]
    page = browser.get("/broken")
    assert page.status_code == 500 and MESSAGES["error_500"]["en"] in page.get_data(as_text=True)
    for response in (api, page):
        body = response.get_data(as_text=True)
        assert "Traceback" not in body and "secret detail" not in body
        assert response.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY


# Safety, weight, and no outside requests


def test_security_headers_on_every_response(seed_client: FlaskClient) -> None:
    article = article_id(seed_client, QUERY, "سليماني في موسكو رغم")
    for method, url in [
        ("get", "/"),
        ("get", f"/?q={QUERY}"),
        ("get", "/?q=p*"),
        ("get", f"/article/{article}?q=موسكو"),
        ("get", "/article/nope"),
        ("get", "/api/search?q=x"),
        ("get", "/api/search"),
        ("get", "/api/articles/nope"),
        ("get", "/healthz"),
        ("get", "/static/bahith.css"),
        ("post", "/api/search"),
    ]:
        response = getattr(seed_client, method)(url)
        for name, value in HEADERS.items():
            assert response.headers.get(name) == value, (url, name)


def test_markup_in_articles_is_shown_as_text_everywhere(client: FlaskClient) -> None:
    article = article_id(client, "sécurité", "Alerte")
    pages = [
        html(client, "/", query_string={"q": "sécurité"}),
        html(client, "/", query_string={"q": "Moscou"}),
        html(client, f"/article/{article}", query_string={"q": "sécurité"}),
        html(client, f"/article/{article}", query_string={"q": "script"}),
    ]
    for page in pages:
        assert not scripts_besides_ours(page) and "<img" not in page
        assert "&lt;script&gt;" in page or "&lt;img" in page
    assert "Alerte &lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;" in pages[0]
    assert "&lt;script&gt;window.pwned = 1; alert(1)&lt;/script&gt;" in pages[2]
    assert "<mark>sécurité</mark>" in pages[2]
    api = client.get(f"/api/articles/{article}")
    assert api.mimetype == "application/json" and api.get_json()["title"] == XSS_TITLE


@pytest.mark.parametrize(
    "query", ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "</title><script>"]
)
def test_markup_in_the_query_is_shown_as_text(client: FlaskClient, query: str) -> None:
    response = client.get("/", query_string={"q": query})
    page = response.get_data(as_text=True)
    assert response.status_code in (200, 400)
    assert not scripts_besides_ours(page) and "<img" not in page
    assert escape(query) in page
    article = article_id(client, "sécurité", "Alerte")
    assert not scripts_besides_ours(html(client, f"/article/{article}", query_string={"q": query}))


def test_result_pages_are_light(seed_client: FlaskClient, client: FlaskClient) -> None:
    assert len(seed_client.get("/", query_string={"q": QUERY}).data) < MAX_PAGE_BYTES
    assert len(client.get("/", query_string={"q": "port OR الميناء"}).data) < MAX_PAGE_BYTES
    assert len(seed_client.get("/static/bahith.css").data) < 15_000


def test_pages_request_nothing_from_outside(seed_client: FlaskClient, client: FlaskClient) -> None:
    with_link = article_id(seed_client, QUERY, "سليماني في موسكو رغم")
    pages = {
        "/": html(seed_client, "/"),
        "/?q": html(seed_client, "/", query_string={"q": QUERY}),
        "/?q=port": html(client, "/", query_string={"q": "port OR الميناء"}),
        "article": html(seed_client, f"/article/{with_link}", query_string={"q": "موسكو"}),
        "404": html(seed_client, "/nothing", 404),
    }
    for name, page in pages.items():
        assert "style=" not in page and not scripts_besides_ours(page), name
        outside = re.findall(r'(?:src|href)="((?:https?:)?//[^"]*)"', page)
        assert outside == [], name
        assert "@import" not in page and "url(" not in page, name
    css = seed_client.get("/static/bahith.css")
    assert css.mimetype == "text/css"
    assert "url(" not in css.get_data(as_text=True) and "@import" not in css.get_data(as_text=True)


# The app and the index


def test_new_articles_are_found_without_a_restart(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "one.txt").write_text("Première dépêche\n\nLe marché de Tunis ouvre tôt.\n", encoding="utf-8")
    update_index(tmp_path / "index", [folder])
    browser = create_app({"BAHITH_INDEX": tmp_path / "index"}).test_client()
    assert browser.get("/healthz").get_json()["articles"] == 1
    assert len(hits(html(browser, "/", query_string={"q": "Tunis"}))) == 1
    (folder / "two.txt").write_text("Deuxième dépêche\n\nTunis accueille un salon.\n", encoding="utf-8")
    update_index(tmp_path / "index", [folder])
    assert browser.get("/healthz").get_json()["articles"] == 2
    assert len(hits(html(browser, "/", query_string={"q": "Tunis"}))) == 2
    assert MESSAGES["in_index"]["en"].format(count=2) in html(browser, "/")


def test_an_empty_index_says_so(tmp_path: Path) -> None:
    open_index(tmp_path / "index", create=True)
    browser = create_app({"BAHITH_INDEX": tmp_path / "index"}).test_client()
    assert MESSAGES["empty_index"]["en"] in html(browser, "/")
    assert hits(html(browser, "/", query_string={"q": "Tunis"})) == []
    assert browser.get("/healthz").get_json() == {"status": "ok", "articles": 0}


def test_missing_index_is_refused_at_start(tmp_path: Path) -> None:
    with pytest.raises(IndexUnavailable, match="no index at"):
        create_app({"BAHITH_INDEX": tmp_path / "none"})
    done = subprocess.run(
        [sys.executable, "-m", "bahith", "--index", str(tmp_path / "none"), "serve", "--port", "1"],
        capture_output=True,
        text=True,
        timeout=30,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr.startswith("bahith: no index at") and "Traceback" not in done.stderr


def test_timeline_counts_by_month_or_year() -> None:
    months = build_timeline([date(2024, 1, 5), date(2024, 3, 1), date(2024, 3, 9), None])
    assert months is not None
    assert [(bar.label, bar.count) for bar in months.bars] == [("2024-01", 1), ("2024-02", 0), ("2024-03", 2)]
    assert (months.first, months.last, months.undated) == ("2024-01", "2024-03", 1)
    assert months.bars[2].height == months.height and months.bars[1].height == 0
    years = build_timeline([date(2015, 7, 1), date(2019, 1, 1), date(2019, 6, 1)])
    assert years is not None
    assert [(bar.label, bar.count) for bar in years.bars] == [
        ("2015", 1),
        ("2016", 0),
        ("2017", 0),
        ("2018", 0),
        ("2019", 2),
    ]
    assert build_timeline([None, None]) is None


def test_cross_language_hits_are_marked_and_related_articles_cross_languages(
    seed_client: FlaskClient, seed_engine: SearchEngine
) -> None:
    page = seed_client.get("/", query_string={"q": "Soleimani", "ui": "en", "group": "false"}).get_data(
        as_text=True
    )
    assert page.count("matched across languages") == 4
    french = seed_engine.search("Soleimani", exact=True).hits[0]
    article = seed_client.get(f"/article/{french.id}", query_string={"ui": "en"}).get_data(as_text=True)
    assert 'lang="ar" dir="rtl"' in article
    assert "matched across languages" in article


def test_the_exact_toggle_turns_cross_language_matching_off(seed_client: FlaskClient) -> None:
    ungrouped = {"q": "Soleimani", "ui": "en", "group": "false"}
    crossing = seed_client.get("/", query_string=ungrouped).get_data(as_text=True)
    exact = seed_client.get("/", query_string={**ungrouped, "exact": "1"}).get_data(as_text=True)
    assert crossing.count('<li class="hit"') == 5
    assert exact.count('<li class="hit"') == 1
    assert 'name="exact" value="1" checked' in exact
