"""Markdown through markdown-it-py: the words a reader sees are indexed, the syntax is not."""

from __future__ import annotations

from datetime import date

import pytest

from indexer.ingest.markdown import parse_markdown


@pytest.mark.parametrize(
    ("markdown", "body"),
    [
        (
            "Voir [la carte](https://fr.wikipedia.org/wiki/Rabat_(ville)) du site.",
            "Voir la carte du site.",
        ),
        ('Voir [le plan][1].\n\n[1]: https://rabat.example/plan "Plan"', "Voir le plan."),
        ("Écrire à <https://rabat.example/contact> ou au port.", "Écrire à ou au port."),
        ('Un mot <span class="x">important</span> ici.', "Un mot important ici."),
        ("![plan du port](plan.png)\nLe port.", "Le port."),
        ("- premier point\n- second *point*", "premier point\n\nsecond point"),
        ("1. un\n2. deux", "un\n\ndeux"),
        ("| Quartier | Habitants |\n|---|---|\n| Agdal | 40 000 |", "Quartier Habitants\n\nAgdal 40 000"),
        ("> Un projet __historique__.", "Un projet historique."),
        ("## Les chiffres\n\nDeux ans.", "Les chiffres\n\nDeux ans."),
        ("Texte\\* échappé et `code_inline`.", "Texte* échappé et code_inline."),
        ("```\nx = a_b * c_d\n```", "x = a_b * c_d"),
        ("    indenté = a_b\n\nFin.", "indenté = a_b\n\nFin."),
        ('<div class="note">\nNote en <b>HTML</b>\n</div>', "Note en HTML"),
        ("Ligne une\nligne deux", "Ligne une\nligne deux"),
        ("~~barré~~ gardé", "barré gardé"),
    ],
)
def test_words_are_kept_and_syntax_is_not(markdown: str, body: str) -> None:
    assert parse_markdown(f"# Le port\n\n{markdown}").body == body


def test_the_first_top_heading_is_the_title_and_leaves_the_body() -> None:
    page = parse_markdown("Chapeau.\n\n# Le port de *Rabat* s'agrandit\n\nLes travaux commencent.")
    assert (page.title, page.body) == ("Le port de Rabat s'agrandit", "Chapeau.\n\nLes travaux commencent.")


def test_a_heading_inside_code_is_code() -> None:
    page = parse_markdown("```\n# commentaire\n```\n\n# Vrai titre\n\nTexte.")
    assert (page.title, page.body) == ("Vrai titre", "# commentaire\n\nTexte.")


def test_front_matter_gives_the_metadata_and_its_title_wins() -> None:
    page = parse_markdown(
        "---\ntitle: Le port\ndate: 2023-04-03\nsource: Le Quotidien\n"
        "url: https://q.example/port\nlang: fr\n---\n# Le port\n\nTexte."
    )
    assert (page.title, page.body, page.date, page.source, page.url, page.lang) == (
        "Le port",
        "Texte.",
        date(2023, 4, 3),
        "Le Quotidien",
        "https://q.example/port",
        "fr",
    )


def test_an_arabic_page_with_a_dateline_gets_its_date() -> None:
    page = parse_markdown("السبت 10 أيلول/سبتمبر 2022\n\n# رفع سعر القمح\n\nأعلنت الوزارة رفع السعر.")
    assert (page.title, page.date, page.body) == (
        "رفع سعر القمح",
        date(2022, 9, 10),
        "أعلنت الوزارة رفع السعر.",
    )
