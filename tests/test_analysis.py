"""What words become: each normalization and stemming phenomenon as a table."""

from __future__ import annotations

import pytest

from indexer.analysis import Script, analyze_text, analyze_word
from indexer.analysis.arabic.clitics import Split, splits
from indexer.analysis.arabic.normalize import (
    fold_alef,
    fold_alef_maqsura,
    fold_persian_letters,
    fold_presentation_forms,
    fold_teh_marbuta,
    strip_tashkeel,
    strip_tatweel,
)
from indexer.analysis.chars import CharStep, Normalized
from indexer.analysis.common import fold_digits, join_hyphens, strip_invisibles
from indexer.analysis.french.normalize import fold_accents, lowercase
from indexer.analysis.french.stem import light_stem
from indexer.analysis.tokenizer import iter_words


def run(step: CharStep, text: str) -> str:
    return step(Normalized.of(text)).text


@pytest.mark.parametrize(
    ("step", "written", "normalized"),
    [
        (strip_tashkeel, "اجتماعاً", "اجتماعا"),
        (strip_tashkeel, "توجّه", "توجه"),
        (strip_tashkeel, "مُوسْكُو", "موسكو"),
        (strip_tashkeel, "كِتَابٌ", "كتاب"),
        (strip_tatweel, "مـوسـكـو", "موسكو"),
        (strip_invisibles, "موس\u200cكو", "موسكو"),
        (strip_invisibles, "\u200fموسكو\u200e", "موسكو"),
        (strip_invisibles, "\u2067Moscou\u2069", "Moscou"),
        (fold_alef, "أحمد", "احمد"),
        (fold_alef, "إيران", "ايران"),
        (fold_alef, "آخر", "اخر"),
        (fold_alef, "ٱلله", "الله"),
        (fold_alef_maqsura, "على", "علي"),
        (fold_teh_marbuta, "زيارة", "زياره"),
        (fold_persian_letters, "کیری", "كيري"),
        (fold_persian_letters, "ۀ", "ه"),
        (fold_digits, "٢٠٠٧", "2007"),
        (fold_digits, "۱۳۹۵", "1395"),
        (fold_presentation_forms, "ﻻ", "لا"),
        (fold_presentation_forms, "ﻣﻮﺳﻜﻮ", "موسكو"),
        (join_hyphens, "إس-300", "إس300"),
        (lowercase, "ÉTATS", "états"),
        (fold_accents, "choïgou", "choigou"),
        (fold_accents, "états", "etats"),
        (fold_accents, "cœur", "coeur"),
        (fold_accents, "l’onu", "l'onu"),
    ],
)
def test_each_normalization_step_maps_what_its_name_says(
    step: CharStep, written: str, normalized: str
) -> None:
    assert run(step, written) == normalized


@pytest.mark.parametrize(
    ("surface", "term"),
    [
        ("اجتماعاً", "اجتماعا"),
        ("توجّه", "توجه"),
        ("مُوسْكُو", "موسكو"),
        ("مـوسـكو", "موسكو"),
        ("إس-300", "اس300"),
        ("الروسية", "الروسيه"),
        ("٢٠٠٧", "2007"),
        ("l’ONU", "onu"),
        ("d'Alep", "alep"),
        ("jusqu’Alep", "alep"),
        ("lorsqu’Assad", "assad"),
        ("États", "etat"),
        ("Choïgou", "choigou"),
        ("missiles", "missil"),
        ("missile", "missil"),
        ("déclarée", "declare"),
        ("déclaré", "declare"),
        ("declaree", "declare"),
        ("sécurité", "securit"),
        ("securite", "securit"),
        ("iraniennes", "iranien"),
        ("généraux", "general"),
        ("générale", "general"),
        ("généralement", "generalement"),
        ("S-300", "s300"),
    ],
)
def test_index_terms(surface: str, term: str) -> None:
    assert analyze_word(surface).term == term


@pytest.mark.parametrize("word", ["في", "إلى", "على", "وفي", "فإن", "الذي", "le", "des", "qu’il", "Les"])
def test_stop_words_give_no_term(word: str) -> None:
    analysis = analyze_word(word)
    assert analysis.stop
    assert analysis.term == ""


@pytest.mark.parametrize("word", ["سليماني", "موسكو", "لبنان", "Soleimani", "Moscou", "président"])
def test_content_words_are_not_stop_words(word: str) -> None:
    assert not analyze_word(word).stop


@pytest.mark.parametrize(
    ("pair"),
    [("général", "généralement"), ("rapport", "rapide"), ("état", "étage")],
)
def test_french_stemming_keeps_different_words_apart(pair: tuple[str, str]) -> None:
    first, second = pair
    assert analyze_word(first).term != analyze_word(second).term


@pytest.mark.parametrize(
    ("plural", "singular"),
    [("missiles", "missile"), ("déclarées", "déclaré"), ("iraniens", "iranien"), ("Russes", "russe")],
)
def test_french_plural_and_gender_share_a_stem(plural: str, singular: str) -> None:
    assert analyze_word(plural).term == analyze_word(singular).term


@pytest.mark.parametrize(
    ("word", "stem"), [("idee", "ide"), ("idees", "ide"), ("bus", "bus"), ("generaux", "general")]
)
def test_light_stem_leaves_enough_of_the_word(word: str, stem: str) -> None:
    assert light_stem(word) == stem


@pytest.mark.parametrize(
    ("word", "split"),
    [
        ("لموسكو", Split("ل", "موسكو", "")),
        ("بسليماني", Split("ب", "سليماني", "")),
        ("وبالزيارة", Split("وبال", "زيارة", "")),
        ("فبالرئيس", Split("فبال", "رئيس", "")),
        ("وال", None),
        ("زيارته", Split("", "زيارة", "ه")),
        ("بزيارتهم", Split("ب", "زيارة", "هم")),
        ("الايرانيين", Split("ال", "ايراني", "ين")),
        ("زيارات", Split("", "زيارة", "ات")),
        ("قراراتها", Split("", "قرار", "اتها")),
        ("لحكوماتهم", Split("ل", "حكومة", "اتهم")),
        ("قوتين", Split("", "قوة", "تين")),
        ("مستواه", Split("", "مستوى", "ه")),
        ("لقائه", Split("", "لقاء", "ه")),
        ("للحرس", Split("لل", "حرس", "")),
        ("والكرملين", Split("وال", "كرملين", "")),
    ],
)
def test_splits_include_the_right_one(word: str, split: Split | None) -> None:
    if split is None:
        assert splits(word) == (Split("", word, ""),)
    else:
        assert split in splits(word)


@pytest.mark.parametrize("word", ["سليماني", "ايراني", "روسي"])
def test_a_final_yeh_is_never_a_suffix(word: str) -> None:
    assert all(split.stem != word[:-1] for split in splits(word))


def test_the_identity_split_comes_first() -> None:
    assert splits("لبنان")[0].is_identity


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("سليماني، موسكو؛ لماذا؟", ["سليماني", "موسكو", "لماذا"]),
        ("“رويترز″ «موسكو»", ["رويترز", "موسكو"]),
        ("اجتماعاً توجّه", ["اجتماعاً", "توجّه"]),
        ("مـوسـكو", ["مـوسـكو"]),
        ("موس\u200cكو \u200fبوتين\u200f", ["موس\u200cكو", "\u200fبوتين\u200f"]),
        ("l’ONU, d'Alep.", ["l’ONU", "d'Alep"]),
        ("États-Unis", ["États-Unis", "États", "Unis"]),
        ("صواريخ إس-300", ["صواريخ", "إس-300", "إس", "300"]),
    ],
)
def test_tokenizer_keeps_words_whole_and_splits_on_punctuation(text: str, words: list[str]) -> None:
    assert [w.surface for w in iter_words(text)] == words


def test_compound_parts_follow_the_whole_at_its_position() -> None:
    whole, first, second = iter_words("États-Unis")
    assert whole.compound and whole.position == first.position == 0
    assert second.position == 1


def test_query_side_tokenizer_gives_only_the_parts() -> None:
    assert [w.surface for w in iter_words("États-Unis", compounds=False)] == ["États", "Unis"]


@pytest.mark.parametrize(
    ("text", "word", "highlight"),
    [
        ("قالت لموسكو", "لموسكو", "لموسكو"),
        ("selon l’ONU.", "l’ONU", "ONU"),
        ("اجتماعاً", "اجتماعاً", "اجتماعاً"),
    ],
)
def test_offsets_cover_the_written_word(text: str, word: str, highlight: str) -> None:
    token = next(t for t in analyze_text(text) if t.word.surface == word)
    assert text[token.start : token.end] == highlight


def test_script_router_handles_latin_inside_arabic_and_arabic_inside_french() -> None:
    tokens = {t.word.surface: t.analysis for t in analyze_text("صواريخ S-300 selon le الكرملين")}
    assert tokens["صواريخ"].script is Script.ARABIC
    assert tokens["S-300"].script is Script.LATIN
    assert tokens["الكرملين"].script is Script.ARABIC
    assert tokens["الكرملين"].term == "الكرملين"


def test_forcing_a_chain_overrides_the_router() -> None:
    token = analyze_text("Moscou", script=Script.ARABIC)[0]
    assert token.analysis.script is Script.ARABIC
