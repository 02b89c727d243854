"""Text-level building blocks of ingestion: encodings, normalisation, language, dates."""

from __future__ import annotations

from datetime import date

import pytest

from indexer.ingest.dates import parse_date
from indexer.ingest.encoding import BINARY, UNDECODABLE, NotTextError, decode
from indexer.ingest.language import detect_language, resolve_language
from indexer.ingest.normalize import fold, normalize_text

ARABIC = (
    "وزير الزراعة يفتتح معرض التمور السنوي\n\n"
    "افتتح وزير الزراعة صباح اليوم معرض التمور بمشاركة مئتي مزارع، "
    "وقال إن الإنتاج زاد هذا الموسم؛ فهل يستمر ذلك؟"
)
FRENCH = (
    "À Lyon, le festival du livre ouvre ses portes\n\n"
    "L'État a salué dès vendredi la fréquentation, déjà très forte grâce à "
    "une programmation « variée », selon les organisateurs de l'Île-de-France."
)
ENCODINGS = {
    ARABIC: ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1256"),
    FRENCH: ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252", "latin-1"),
}


@pytest.mark.parametrize(
    ("text", "codec"),
    [(text, codec) for text, codecs in ENCODINGS.items() for codec in codecs],
)
def test_every_supported_encoding_decodes_back_exactly(text: str, codec: str) -> None:
    assert decode(text.encode(codec)) == text


def test_arabic_in_windows_1256_is_not_read_as_windows_1252_mojibake() -> None:
    data = ARABIC.encode("cp1256")
    assert data.decode("cp1252") != ARABIC  # both decodings succeed; only one is right
    assert decode(data) == ARABIC


@pytest.mark.parametrize("text", [FRENCH, "À Lyon, Texte.", "ÉTÉ"])
def test_french_capitals_in_windows_1252_are_not_read_as_arabic_letters(text: str) -> None:
    data = text.encode("cp1252")
    assert data.decode("cp1256") != text
    assert decode(data) == text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", BINARY),
        (b"\x00\x00\x00\x00\x01\x02\x00\x00", BINARY),
        (bytes(range(1, 32)) * 8, BINARY),
        (b"\xff\xfe" + "UTF-32 looks like UTF-16 full of NULs".encode("utf-32-le"), BINARY),
        (bytes(range(0x80, 0x100)) * 4, UNDECODABLE),
        (b"\xef\xbb\xbf" + b"\xc3\x28 invalid after a UTF-8 BOM", UNDECODABLE),
    ],
)
def test_bytes_that_are_not_text_are_refused_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(NotTextError, match=reason):
        decode(data)


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("ligne un\r\nligne deux\rligne trois", "ligne un\nligne deux\nligne trois"),
        ("nul\x00 et bip\x07 ôtés, tab\tgardé", "nul et bip ôtés, tab\tgardé"),
        ("e\u0301te\u0301", "été"),  # NFC composes a decomposed accent
        ("سَيُعقَد الاجتماع", "سَيُعقَد الاجتماع"),  # diacritics kept
        ("\u200fالعنوان\u200e (AFP)", "\u200fالعنوان\u200e (AFP)"),  # bidi marks kept
        ("lone \ud800 surrogate", "lone  surrogate"),
    ],
)
def test_normalize_text_cleans_without_losing_what_the_author_wrote(raw: str, stored: str) -> None:
    assert normalize_text(raw) == stored


@pytest.mark.parametrize(
    ("text", "key"),
    [("Décembre", "decembre"), ("أيضاً", "ايضاً"), ("إقرأ", "اقرا"), ("ÎLE", "ile")],
)
def test_fold_keeps_one_character_per_character(text: str, key: str) -> None:
    assert fold(text) == key
    assert len(fold(text)) == len(text)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("تسليم صواريخ أرض جو من طراز S-300 إلى طهران", "ar"),
        ("Un porte-parole du Kremlin (الكرملين) a démenti la rencontre", "fr"),
        (ARABIC, "ar"),
        (FRENCH, "fr"),
        ("2022 - 300 / 14", "fr"),
    ],
)
def test_detect_language_goes_by_the_share_of_letters(text: str, lang: str) -> None:
    assert detect_language(text) == lang


@pytest.mark.parametrize(
    ("declared", "text", "lang"),
    [
        ("fr", ARABIC, "fr"),
        ("ar-SA", FRENCH, "ar"),
        ("FR_ca", ARABIC, "fr"),
        ("arabic", FRENCH, "ar"),
        ("en", ARABIC, "ar"),
        ("", FRENCH, "fr"),
    ],
)
def test_a_declared_arabic_or_french_wins_over_detection(declared: str, text: str, lang: str) -> None:
    assert resolve_language(declared, text) == lang


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("vendredi, décembre 9, 2022", date(2022, 12, 9)),
        ("9 décembre 2022", date(2022, 12, 9)),
        ("le 1er mars 2021", date(2021, 3, 1)),
        ("9 déc. 2022", date(2022, 12, 9)),
        ("9 aout 2022", date(2022, 8, 9)),
        ("Friday, December 9, 2022", date(2022, 12, 9)),
        ("Dec 9 2022", date(2022, 12, 9)),
        ("9 ديسمبر 2022", date(2022, 12, 9)),
        ("9 كانون الأول 2022", date(2022, 12, 9)),
        ("الجمعة 9 أيار 2022", date(2022, 5, 9)),
        ("3 جوان 2021", date(2021, 6, 3)),
        ("٩ ديسمبر ٢٠٢٢", date(2022, 12, 9)),
        ("2022-12-09", date(2022, 12, 9)),
        ("2022-12-09T23:30:00-05:00", date(2022, 12, 9)),
        ("2022-12-09 08:00", date(2022, 12, 9)),
        ("09/12/2022", date(2022, 12, 9)),
        ("2022/12/09", date(2022, 12, 9)),
        ("31 février 2022", None),
        ("في 14 يوليو", None),
        ("hier soir", None),
        ("", None),
    ],
)
def test_parse_date_reads_the_ways_news_sites_write_dates(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected
