"""The Arabic readings: what each word is indexed under, decided by the dictionary alone."""

from __future__ import annotations

import marshal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from indexer.analysis import analyze_word, explain_readings, is_common_word
from indexer.analysis.arabic import lexicon as lexicon_module
from indexer.analysis.arabic.stemmer import BROKEN_PLURAL, DICTIONARY, RULE, SPELLING, arabic_readings


def readings(word: str) -> tuple[str, ...]:
    return analyze_word(word).readings


@pytest.mark.parametrize(
    ("word", "reading"),
    [
        ("وبيروت", "بيروت"),  # a proclitic before a place the dictionary knows
        ("وفرنسا", "فرنسا"),
        ("زوجها", "زوج"),  # a pronoun
        ("واغتياله", "اغتيال"),  # proclitic and pronoun
        ("فبالرئيس", "رئيس"),  # stacked proclitics and the article
        ("وبالعام", "عام"),
        ("قراراتها", "قرار"),  # a plural, then a pronoun
        ("لحكوماتهم", "حكومه"),  # ة dropped before ات, a pronoun after it
        ("قوتين", "قوه"),  # ة becomes ت before the dual
        ("خطتان", "خطه"),
        ("مستواه", "مستوي"),  # ى becomes ا before a pronoun
        ("لقائه", "لقاء"),  # the hamza changes seat before a pronoun
        ("صواريخ", "صاروخ"),  # broken plurals read as their singular too
        ("مصادر", "مصدر"),
        ("وزراء", "وزير"),
        ("تقارير", "تقرير"),
        ("بالصواريخ", "صاروخ"),
        ("العراقية", "عراقي"),  # a nisba adjective
        ("الإيرانيين", "ايراني"),
        ("للجنة", "لجنه"),  # ل + the committee, not لل + paradise
        ("ولبنان", "لبنان"),  # و + Lebanon, not ول + fingertips
        ("لبوتين", "بوتين"),  # a name with a proclitic
        ("الحكومه", "حكومه"),  # ه written for ة
        ("لرويترز", "رويترز"),  # unknown to the dictionary: the rule strips the proclitic
        ("وشويغو", "شويغو"),
        ("الكرملين", "كرملين"),
    ],
)
def test_a_word_is_indexed_under_its_stem(word: str, reading: str) -> None:
    assert reading in readings(word)


@pytest.mark.parametrize(
    ("longer", "shorter"),
    [
        ("لجنة", "جنة"),  # the first letter is a root letter of the longer word
        ("فكرة", "كرة"),
        ("كتاب", "تاب"),
        ("فريق", "ريق"),
        ("فساد", "ساد"),
        ("بنية", "نية"),
        ("لبنان", "بنان"),
        ("وزير", "زير"),
        ("سميرة", "سمير"),  # two names
        ("عدنان", "عدن"),
        ("حمدان", "حمد"),
    ],
)
def test_a_root_letter_or_a_name_ending_is_never_stripped(longer: str, shorter: str) -> None:
    assert not set(readings(longer)) & set(readings(shorter))


@pytest.mark.parametrize(
    ("adjective", "place"),
    [
        ("الإسرائيلي", "اسرائيل"),
        ("إسرائيلية", "اسرائيل"),
        ("الإسرائيليين", "اسرائيل"),
        ("الروسية", "روسيا"),  # the place ends in ا: روسي + ا
        ("الأمريكيون", "امريكا"),  # the ي stands for the place's ا
        ("العراقي", "عراق"),  # the place written with the article reads without it
        ("الآسيوية", "اسيا"),  # an irregular adjective
        ("وللبنانيين", "لبنان"),
    ],
)
def test_a_country_adjective_is_indexed_under_its_place_too(adjective: str, place: str) -> None:
    analysis = analyze_word(adjective)
    assert place in analysis.places and "~" + place in analysis.reading_terms
    assert place not in analysis.readings  # typed, the adjective is not looked up as the place


@pytest.mark.parametrize(
    "word",
    [
        "سليماني",  # a family name: not of سليمان
        "الثوري",  # revolutionary: not of ثور (a bull), though that is a name too
        "البغدادي",  # a city's adjective is mostly a family name
        "الكندي",  # Kennedy as often as Canadian
        "الرياضي",  # sporting, not of the Riyadh
    ],
)
def test_other_words_in_i_have_no_place(word: str) -> None:
    assert analyze_word(word).places == ()


def test_writing_is_not_his_book_though_both_fold_to_one_spelling() -> None:
    assert "كتاب" in readings("كتابه")
    assert "كتاب" not in readings("كتابة")


@pytest.mark.parametrize(
    ("word", "source"),
    [
        ("لجنة", DICTIONARY),
        ("وفريق", DICTIONARY),
        ("الحكومه", SPELLING),
        ("وشويغو", RULE),
    ],
)
def test_each_reading_says_where_it_comes_from(word: str, source: str) -> None:
    analysis = analyze_word(word)
    assert arabic_readings(analysis.lexical)[0].source == source


def test_a_broken_plural_explains_its_singular() -> None:
    [(plural, _), (singular, why)] = explain_readings(analyze_word("الصواريخ"))
    assert (plural, singular) == ("صواريخ", "صاروخ")
    assert "broken plural" in why and "صرخ" in why and "ال stripped" in why
    assert any(r.source == BROKEN_PLURAL for r in arabic_readings("صواريخ"))


def test_ali_is_a_word_and_ala_a_stop_word() -> None:
    assert analyze_word("علي").term == "علي"
    assert analyze_word("على").stop


@pytest.mark.parametrize(
    ("word", "common"), [("حكومة", True), ("هجمة", True), ("شويغو", False), ("بوتين", False)]
)
def test_common_words_are_told_from_names(word: str, common: bool) -> None:
    assert is_common_word(analyze_word(word).lexical) is common


def test_the_cached_dictionary_is_the_dictionary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The cache file is a copy: a process that reads it analyses as one that built it."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    lexicon_module.arabic_lexicon.cache_clear()
    try:
        built = lexicon_module.arabic_lexicon()
        [cache] = (tmp_path / "bahith").iterdir()
        lexicon_module.arabic_lexicon.cache_clear()
        loaded = lexicon_module.arabic_lexicon()
        assert loaded == built
        assert marshal.loads(cache.read_bytes())[0] == built.kinds
    finally:
        lexicon_module.arabic_lexicon.cache_clear()


def test_a_damaged_cache_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    lexicon_module.arabic_lexicon.cache_clear()
    try:
        lexicon_module.arabic_lexicon()
        [cache] = (tmp_path / "bahith").iterdir()
        cache.write_bytes(b"not a marshal file")
        lexicon_module.arabic_lexicon.cache_clear()
        assert lexicon_module.arabic_lexicon().knows("لجنة")
    finally:
        lexicon_module.arabic_lexicon.cache_clear()


_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويةىءئؤ"


@given(st.text(alphabet=_LETTERS, min_size=1, max_size=9))
def test_every_word_has_a_reading_and_the_same_one_every_time(word: str) -> None:
    """Readings depend on the word alone: never empty, never different on a second look."""
    analysis = analyze_word(word)
    if analysis.stop:
        return
    assert analysis.readings
    arabic_readings.cache_clear()
    assert analyze_word.__wrapped__(word).readings == analysis.readings
