"""The words of the page chrome in Arabic, French and English.

Readers of an Arabic and French news archive may be more at ease in either
language, or in English. The interface language comes from the browser's
``Accept-Language`` unless the reader picks one with ``?ui=``, which is kept in
a cookie. Article text is never translated; only the chrome is. The catalog is
a plain dict: a few dozen strings do not need gettext.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import Flask, Response, g, request

UI_LANGS = ("ar", "fr", "en")
DEFAULT_UI = "en"
COOKIE = "bahith_ui"
COOKIE_MAX_AGE = 365 * 24 * 3600
RTL_LANGS = frozenset({"ar"})

MESSAGES: dict[str, dict[str, str]] = {
    "app_name": {"ar": "باحث", "fr": "Bahith", "en": "Bahith"},
    "tagline": {
        "ar": "بحث في الأخبار العربية والفرنسية",
        "fr": "Recherche dans l’actualité en arabe et en français",
        "en": "Search Arabic and French news",
    },
    "search_label": {"ar": "كلمات البحث", "fr": "Termes recherchés", "en": "Search terms"},
    "search_placeholder": {
        "ar": "ابحث في المقالات",
        "fr": "Rechercher dans les articles",
        "en": "Search the articles",
    },
    "search_button": {"ar": "بحث", "fr": "Rechercher", "en": "Search"},
    "results_summary": {
        "ar": "النتائج {first}–{last} من أصل {total}",
        "fr": "Résultats {first} à {last} sur {total}",
        "en": "Results {first}–{last} of {total}",
    },
    "took": {"ar": "({ms} ملّي ثانية)", "fr": "({ms} ms)", "en": "({ms} ms)"},
    "did_you_mean": {"ar": "هل تقصد:", "fr": "Vouliez-vous dire :", "en": "Did you mean:"},
    "no_results": {
        "ar": "لم يُعثر على أي مقالة تطابق «{query}».",
        "fr": "Aucun article ne correspond à «\u00a0{query}\u00a0».",
        "en": "No article matches “{query}”.",
    },
    "tip_spelling": {
        "ar": "تحقّق من كتابة الكلمات.",
        "fr": "Vérifiez l’orthographe des mots.",
        "en": "Check the spelling of the words.",
    },
    "tip_fewer": {
        "ar": "جرّب كلمات أقل أو أعمّ.",
        "fr": "Essayez moins de mots, ou des mots plus généraux.",
        "en": "Try fewer or more general words.",
    },
    "tip_filters": {
        "ar": "أزل عوامل التصفية (اللغة، المصدر).",
        "fr": "Retirez les filtres (langue, source).",
        "en": "Remove the filters (language, source).",
    },
    "tip_language": {
        "ar": "المقالات بالعربية والفرنسية: جرّب الكلمة باللغة الأخرى.",
        "fr": "Les articles sont en arabe et en français : essayez le mot dans l’autre langue.",
        "en": "Articles are in Arabic and French: try the word in the other language.",
    },
    "page_empty": {
        "ar": "لا نتائج في هذه الصفحة.",
        "fr": "Cette page ne contient aucun résultat.",
        "en": "There are no results on this page.",
    },
    "first_page": {"ar": "الصفحة الأولى", "fr": "Première page", "en": "First page"},
    "query_error": {
        "ar": "تعذّر تنفيذ البحث:",
        "fr": "La recherche n’a pas pu être faite :",
        "en": "The search could not run:",
    },
    "filters": {"ar": "تصفية النتائج", "fr": "Filtrer", "en": "Filter"},
    "filter_lang": {"ar": "اللغة", "fr": "Langue", "en": "Language"},
    "filter_source": {"ar": "المصدر", "fr": "Source", "en": "Source"},
    "filter_all": {"ar": "الكل", "fr": "Tout", "en": "All"},
    "timeline": {"ar": "التوزيع الزمني", "fr": "Chronologie", "en": "Timeline"},
    "timeline_label": {
        "ar": "عدد المقالات المطابقة حسب التاريخ",
        "fr": "Articles correspondants par date",
        "en": "Matching articles by date",
    },
    "undated": {"ar": "{articles} بلا تاريخ", "fr": "{articles} sans date", "en": "{articles} undated"},
    "timeline_month": {"ar": "حسب الشهر", "fr": "par mois", "en": "by month"},
    "timeline_year": {"ar": "حسب السنة", "fr": "par année", "en": "by year"},
    "typeahead": {"ar": "مقالات مطابقة", "fr": "Articles correspondants", "en": "Matching articles"},
    "pages": {"ar": "الصفحات", "fr": "Pages", "en": "Pages"},
    "previous": {"ar": "السابق", "fr": "Précédent", "en": "Previous"},
    "next": {"ar": "التالي", "fr": "Suivant", "en": "Next"},
    "in_index": {
        "ar": "عدد المقالات في الفهرس: {count}",
        "fr": "Articles dans l’index : {count}",
        "en": "Articles in the index: {count}",
    },
    "by_lang": {"ar": "حسب اللغة", "fr": "Par langue", "en": "By language"},
    "latest": {"ar": "أحدث المقالات", "fr": "Derniers articles", "en": "Latest articles"},
    "empty_index": {
        "ar": "الفهرس فارغ: أضف مقالات بالأمر ‎bahith index‎.",
        "fr": "L’index est vide : ajoutez des articles avec bahith index.",
        "en": "The index is empty: add articles with bahith index.",
    },
    "examples": {"ar": "أمثلة على البحث", "fr": "Exemples de recherche", "en": "Search examples"},
    "source": {"ar": "المصدر", "fr": "Source", "en": "Source"},
    "date": {"ar": "التاريخ", "fr": "Date", "en": "Date"},
    "language": {"ar": "اللغة", "fr": "Langue", "en": "Language"},
    "path": {"ar": "الملف", "fr": "Fichier", "en": "File"},
    "original": {"ar": "المقال الأصلي", "fr": "Article original", "en": "Original article"},
    "related": {"ar": "مقالات ذات صلة", "fr": "Articles similaires", "en": "Related articles"},
    "exact": {"ar": "مطابقة حرفية", "fr": "Mots exacts", "en": "Exact words"},
    "across_languages": {
        "ar": "مطابقة عبر اللغتين",
        "fr": "trouvé dans l’autre langue",
        "en": "matched across languages",
    },
    "no_related": {
        "ar": "لا توجد مقالات مشابهة في الفهرس.",
        "fr": "Aucun article similaire dans l’index.",
        "en": "No similar article in the index.",
    },
    "back": {"ar": "العودة إلى النتائج", "fr": "Retour aux résultats", "en": "Back to the results"},
    "untitled": {"ar": "(بلا عنوان)", "fr": "(sans titre)", "en": "(untitled)"},
    "lang_ar": {"ar": "العربية", "fr": "Arabe", "en": "Arabic"},
    "lang_fr": {"ar": "الفرنسية", "fr": "Français", "en": "French"},
    "ui_language": {"ar": "لغة الواجهة", "fr": "Langue de l’interface", "en": "Interface language"},
    "error_400": {"ar": "طلب غير صالح", "fr": "Requête invalide", "en": "Bad request"},
    "error_404": {"ar": "الصفحة غير موجودة", "fr": "Page introuvable", "en": "Page not found"},
    "error_404_text": {
        "ar": "لا توجد صفحة أو مقالة بهذا العنوان في الفهرس.",
        "fr": "Aucune page ni aucun article de l’index ne se trouve à cette adresse.",
        "en": "No page or article of the index is at this address.",
    },
    "error_405": {"ar": "طريقة غير مسموحة", "fr": "Méthode non autorisée", "en": "Method not allowed"},
    "error_other": {"ar": "تعذّر عرض الصفحة", "fr": "Page indisponible", "en": "Page unavailable"},
    "error_500": {"ar": "خطأ في الخادم", "fr": "Erreur du serveur", "en": "Server error"},
    "error_other_text": {
        "ar": "تعذّر عرض هذه الصفحة. جرّب البحث من الصفحة الرئيسية.",
        "fr": "Cette page n’a pas pu être affichée. Reprenez la recherche depuis l’accueil.",
        "en": "This page could not be shown. Try searching from the home page.",
    },
    "home": {"ar": "الصفحة الرئيسية", "fr": "Accueil", "en": "Home"},
}

UI_NAMES = {"ar": "العربية", "fr": "Français", "en": "English"}
"""Each interface language named in itself, for the language switcher."""


def text_dir(lang: str) -> str:
    """The writing direction of text in ``lang``: "rtl", "ltr", or "auto" when unknown."""
    if lang in RTL_LANGS:
        return "rtl"
    return "ltr" if lang else "auto"


@dataclass(frozen=True)
class UI:
    """The interface language of one request, and its translations."""

    lang: str

    @property
    def dir(self) -> str:
        """Direction of the page chrome."""
        return text_dir(self.lang)

    def __call__(self, key: str, **values: object) -> str:
        """The message ``key`` in this language, with ``{placeholders}`` filled."""
        message = MESSAGES[key][self.lang]
        return message.format(**values) if values else message


def choose_ui_lang() -> str:
    """``?ui=``, else the cookie, else the best ``Accept-Language`` match, else English."""
    for candidate in (request.args.get("ui"), request.cookies.get(COOKIE)):
        if candidate in UI_LANGS:
            return candidate
    return request.accept_languages.best_match(UI_LANGS, default=DEFAULT_UI) or DEFAULT_UI


def init_app(app: Flask) -> None:
    """Choose each request's interface language and remember an explicit choice."""

    @app.before_request
    def _choose() -> None:
        g.ui = UI(choose_ui_lang())

    @app.after_request
    def _remember(response: Response) -> Response:
        chosen = request.args.get("ui")
        if chosen in UI_LANGS:
            response.set_cookie(COOKIE, chosen, max_age=COOKIE_MAX_AGE, httponly=True, samesite="Lax")
        return response

    @app.context_processor
    def _inject() -> dict[str, object]:
        ui = g.get("ui") or UI(choose_ui_lang())
        return {"t": ui, "ui": ui, "ui_names": UI_NAMES, "text_dir": text_dir}
