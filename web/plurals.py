"""Counted nouns in the three interface languages: "1 article", "2 articles", "مقالان".

English and French have two forms (French uses the singular for 0 and 1);
Arabic has six, chosen by the number as the CLDR plural rules say: zero, one,
two, few (3–10, and any number ending in 03–10), many (11–99, and any ending
in 11–99), other (100, 101, 102…). The one and two forms carry no figure, as
Arabic writes them ("مقال واحد", "مقالان").
"""

from __future__ import annotations

ARABIC_FORMS = ("zero", "one", "two", "few", "many", "other")

NOUNS: dict[str, dict[str, tuple[str, ...]]] = {
    "article": {
        "en": ("{n} article", "{n} articles"),
        "fr": ("{n} article", "{n} articles"),
        "ar": ("لا مقالات", "مقال واحد", "مقالان", "{n} مقالات", "{n} مقالًا", "{n} مقال"),
    },
    "page": {
        "en": ("{n} page", "{n} pages"),
        "fr": ("{n} page", "{n} pages"),
        "ar": ("لا صفحات", "صفحة واحدة", "صفحتان", "{n} صفحات", "{n} صفحة", "{n} صفحة"),
    },
    "story": {
        "en": ("{n} story", "{n} stories"),
        "fr": ("{n} événement", "{n} événements"),
        "ar": ("لا قصص", "قصة واحدة", "قصتان", "{n} قصص", "{n} قصة", "{n} قصة"),
    },
}


def arabic_form(number: int) -> str:
    """Which of Arabic's six plural forms ``number`` takes."""
    tail = number % 100
    if number in (0, 1, 2):
        return ARABIC_FORMS[number]
    if 3 <= tail <= 10:
        return "few"
    if 11 <= tail <= 99:
        return "many"
    return "other"


def counted(lang: str, noun: str, number: int) -> str:
    """``number`` of ``noun`` (a key of ``NOUNS``) written in the interface language ``lang``."""
    forms = NOUNS[noun][lang]
    if lang == "ar":
        form = forms[ARABIC_FORMS.index(arabic_form(number))]
    elif lang == "fr":
        form = forms[0 if number <= 1 else 1]
    else:
        form = forms[0 if number == 1 else 1]
    return form.format(n=number)
