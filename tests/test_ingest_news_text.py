"""The line rules that turn a saved news page into headline, metadata and body."""

from __future__ import annotations

from datetime import date

import pytest

from indexer.ingest.news_text import (
    clean_body,
    dateline_date,
    first_sentence,
    is_boilerplate,
    is_breadcrumb,
    is_headline,
    is_read_also,
    is_repeated_title,
    parse_page,
    site_header,
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "- Le Quotidien - https://www.quotidien.example -",
            ("Le Quotidien", "https://www.quotidien.example"),
        ),
        ("- صحيفة المساء - https://masaa.example/ -", ("صحيفة المساء", "https://masaa.example/")),
        ("Le Quotidien | https://quotidien.example", ("Le Quotidien", "https://quotidien.example")),
        ("Le Quotidien", None),
        ("Le ministre - voir https://gouv.example - a parlé hier.", None),
    ],
)
def test_site_header_gives_source_and_url(line: str, expected: tuple[str, str] | None) -> None:
    assert site_header(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("vendredi, décembre 9, 2022", date(2022, 12, 9)),
        ("Publié le 9 décembre 2022 à 10h30", date(2022, 12, 9)),
        ("Monday 3 April 2023", date(2023, 4, 3)),
        ("الجمعة 9 ديسمبر 2022", date(2022, 12, 9)),
        ("نشر في 9 كانون الأول 2022", date(2022, 12, 9)),
        ("Le vote du 9 décembre 2022 divise la majorité", None),
        ("الحكومة تقر موازنة 9 ديسمبر 2022 بعد نقاش طويل", None),
        ("Iran : le ministre en visite à Moscou", None),
    ],
)
def test_a_dateline_is_a_line_that_is_only_a_date(line: str, expected: date | None) -> None:
    assert dateline_date(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("AccueilActualitésMonde: Le sommet de Genève s'achève sans...", True),
        ("ActualitésEuropeÉconomie: La zone euro", True),
        ("Accueil > Monde > Europe", True),
        ("Home | World", True),
        ("الرئيسية » أخبار عربية", True),
        ("Home Office rejects the asylum plan", False),
        ("Homeland : la série revient sur les écrans", False),
        ("Le ministre reçoit son homologue à Paris...", False),
    ],
)
def test_breadcrumbs_are_recognised(line: str, expected: bool) -> None:
    assert is_breadcrumb(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("2,451FansLike", True),
        ("980FollowersFollow", True),
        ("12SubscribersSubscribe", True),
        ("1.2K Shares", True),
        ("ADVERTISING", True),
        ("FOLLOW US", True),
        ("PUBLICITÉ", True),
        ("*ردود الفعل", False),
        ("المصدر : وكالات", False),
        ("LA RÉPONSE DU GOUVERNEMENT", False),
        ("S-300", False),
        ("Nato", False),
        ("12 morts dans l'attaque", False),
    ],
)
def test_boilerplate_lines_are_widgets_never_content(line: str, expected: bool) -> None:
    assert is_boilerplate(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Lire aussi:", True),
        ("Lire aussi :\u00a0", True),
        ("À lire aussi", True),
        ("Lire aussi : Le port de Marseille s'agrandit", True),
        ("Read also:", True),
        ("اقرأ أيضا:", True),
        ("اقرأ أيضاً", True),
        ("إقرأ ايضا", True),
        ("Lire aussi le rapport publié hier par la commission.", False),
    ],
)
def test_read_also_markers(line: str, expected: bool) -> None:
    assert is_read_also(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Le port de Marseille s'agrandit", True),
        ("Où va l'économie mondiale ?", True),
        ("وزير الزراعة يفتتح معرض التمور", True),
        ("Le port de Marseille s'agrandit.", False),
        ("Le port de Marseille s'agrandit, selon la mairie:", False),
        ("Le port a annoncé hier " + "de nouveaux travaux " * 10, False),
        ("2022", False),
    ],
)
def test_a_headline_is_short_and_does_not_end_like_a_sentence(line: str, expected: bool) -> None:
    assert is_headline(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Le port de Marseille s'agrandit", True),
        ("LE PORT DE MARSEILLE  S'AGRANDIT", True),
        ("Le port de Marseille s'agrandit – Rapport", True),
        ("Le port de Marseille s'agrandit | Le Quotidien", True),
        ("Le port de Marseille s'agrandit encore cette année", False),
        ("Le port", False),
    ],
)
def test_repeated_title_allows_a_short_dash_tail(line: str, expected: bool) -> None:
    assert is_repeated_title(line, "Le port de Marseille s'agrandit") is expected


@pytest.mark.parametrize(
    ("paragraph", "title"),
    [
        ("Le port s'agrandit. Les travaux dureront deux ans.", "Le port s'agrandit"),
        ("Le port s'agrandit-il ? Personne ne le sait.", "Le port s'agrandit-il ?"),
        ("قال الوزير إن المعرض ناجح. وأضاف أنه سيتكرر.", "قال الوزير إن المعرض ناجح"),
        ("هل ينجح المعرض؟ يأمل المنظمون ذلك.", "هل ينجح المعرض؟"),
        ("Le prix passe de 3.5 à 4 euros.", "Le prix passe de 3.5 à 4 euros"),
        ("Il a dit « non. » Puis il est parti.", "Il a dit « non. »"),
        ("Sans point final", "Sans point final"),
        ("mot " * 60, ("mot " * 50).strip() + "…"),
    ],
)
def test_first_sentence_makes_a_title_from_an_opening_paragraph(paragraph: str, title: str) -> None:
    assert first_sentence(paragraph) == title
    assert len(first_sentence(paragraph)) <= 200


def test_clean_body_keeps_the_source_line_and_paragraph_breaks() -> None:
    lines = ["Ligne un,", "ligne deux.", "", "", "ADVERTISING", "Paragraphe deux.", "\u00a0", "Fin."]
    assert clean_body(lines) == "Ligne un,\nligne deux.\n\nParagraphe deux.\n\nFin."


def test_clean_body_drops_a_read_also_link_list_up_to_the_next_paragraph() -> None:
    lines = [
        "Le conseil a voté le budget.",
        "",
        "Lire aussi :",
        "",
        "Le port de Marseille s'agrandit",
        "",
        "Où va l'économie mondiale ?",
        "FOLLOW US",
        "",
        "Le maire a salué un vote historique.",
    ]
    assert clean_body(lines) == "Le conseil a voté le budget.\n\nLe maire a salué un vote historique."


PAGE = """\
- Le Quotidien - https://www.quotidien.example -
lundi, avril 3, 2023
AccueilActualitésRégions: Le port de Marseille...

Le port de Marseille s'agrandit – Enquête

Le port de Marseille s'agrandit

Les travaux commencent lundi.
Ils dureront deux ans.

980FollowersFollow
ADVERTISING

Le maire a salué un projet « historique ».
"""


def test_parse_page_separates_header_title_and_body() -> None:
    page = parse_page(PAGE)
    assert page.title == "Le port de Marseille s'agrandit – Enquête"
    assert page.source == "Le Quotidien"
    assert page.url == ""  # the banner gives the site's home page, not the article's address
    assert page.date == date(2023, 4, 3)
    assert page.body == (
        "Les travaux commencent lundi.\nIls dureront deux ans.\n\nLe maire a salué un projet « historique »."
    )


def test_parse_page_without_headline_titles_with_the_first_sentence_and_keeps_it() -> None:
    text = "Le conseil a voté le budget hier soir, après un long débat. Le maire a salué le vote."
    page = parse_page(text)
    assert page.title == "Le conseil a voté le budget hier soir, après un long débat"
    assert page.body == text


def test_parse_page_with_a_known_title_only_drops_its_repeat() -> None:
    page = parse_page("Le port s'agrandit\n\nLes travaux commencent.", title="Le port s'agrandit")
    assert (page.title, page.body) == ("Le port s'agrandit", "Les travaux commencent.")


def test_parse_page_of_furniture_only_has_no_body() -> None:
    page = parse_page("ADVERTISING\n\n2,451FansLike\n")
    assert (page.title, page.body) == ("", "")
