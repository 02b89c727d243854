"""The word-pair matching set (``bench.pairs``) is what it says it is.

These tests check the set, not Bahith: its size per class, that no pair is there twice, that
every must-not pair is written by hand and none comes from the lexicon Bahith analyses with,
that the inflection rules spell forms as Arabic and French do, that the set and its shards are
the same on every run, and that the harness, on ten pairs whose answer does not depend on any
analysis, finds and misses what it should in every setting.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from bench import light10
from bench.evalindex import seed_paragraphs
from bench.pairs import arabic_false_friends as friends
from bench.pairs import model
from bench.pairs.__main__ import parse_args
from bench.pairs.arabic_forms import attach_prefix, attach_suffix
from bench.pairs.evaluate import evaluate
from bench.pairs.french_forms import participle_forms, without_accents
from bench.pairs.model import Pair
from bench.pairs.pairset import pair_set
from bench.pairs.shards import SETTINGS, deal

REPO = Path(__file__).resolve().parents[1]
PAIRS = pair_set()


@pytest.mark.parametrize(("lang", "minimum"), [("ar", 1500), ("fr", 500)])
def test_each_language_has_enough_pairs(lang: str, minimum: int) -> None:
    assert sum(p.lang == lang for p in PAIRS) >= minimum


@pytest.mark.parametrize(
    ("lang", "cls", "must_match", "minimum"),
    [
        ("ar", model.PROCLITIC, True, 150),
        ("ar", model.ARTICLE, True, 150),
        ("ar", model.STACKED, True, 150),
        ("ar", model.PRONOUN, True, 150),
        ("ar", model.PLURAL_DUAL, True, 200),
        ("ar", model.BROKEN_PLURAL, True, 300),
        ("ar", model.PLURAL_PRONOUN, True, 150),
        ("ar", model.NISBA, True, 200),
        ("ar", model.NAMES, True, 200),
        ("ar", model.NAME_NOT_STOPWORD, True, 2),
        ("ar", model.CLITIC_LOOKALIKE, False, 200),
        ("ar", model.SUFFIX_LOOKALIKE, False, 50),
        ("ar", model.DISTINCT_NAMES, False, 50),
        ("ar", model.STOPWORD_LOOKALIKE, False, 8),
        ("ar", model.NOT_SPELLINGS, False, 40),
        ("fr", model.FR_PLURAL, True, 250),
        ("fr", model.FR_GENDER, True, 200),
        ("fr", model.FR_PARTICIPLE, True, 200),
        ("fr", model.FR_ELISION, True, 60),
        ("fr", model.FR_ACCENTS, True, 50),
        ("fr", model.FR_SAME_STEM, False, 90),
    ],
)
def test_each_class_has_enough_pairs_and_one_direction(
    lang: str, cls: str, must_match: bool, minimum: int
) -> None:
    members = [p for p in PAIRS if p.cls == cls]
    assert len(members) >= minimum
    assert {(p.lang, p.must_match) for p in members} == {(lang, must_match)}


def test_no_pair_is_in_the_set_twice() -> None:
    repeated = [key for key, count in Counter((p.query, p.document) for p in PAIRS).items() if count > 1]
    assert not repeated


def test_only_the_name_ali_is_paired_with_itself() -> None:
    same = [p for p in PAIRS if p.query == p.document]
    assert [(p.query, p.cls) for p in same] == [("علي", model.NAME_NOT_STOPWORD)]


def test_every_must_not_pair_is_written_by_hand() -> None:
    assert {p.source for p in PAIRS if not p.must_match} == {model.HAND}
    assert {p.source for p in PAIRS} <= set(model.SOURCES)


def test_building_the_set_loads_no_lexicon() -> None:
    lexicons = ("arramooz", "qalsadi", "alyahmor", "spylls")
    script = (
        "import sys\nfrom bench.pairs.pairset import pair_set\npair_set()\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {lexicons!r}))"
    )
    out = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def _bare(word: str) -> str:
    return light10.normalize(word)


@pytest.mark.parametrize(
    ("table", "prefixes"),
    [(friends.CLITIC_LETTER_LOOKALIKES, ("و", "ف", "ب", "ل", "ك")), (friends.ARTICLE_LOOKALIKES, ("ال",))],
)
def test_a_clitic_lookalike_is_its_letters_before_the_other_word(
    table: tuple[tuple[str, str], ...], prefixes: tuple[str, ...]
) -> None:
    wrong = [
        (long, short) for long, short in table if not any(_bare(long) == p + _bare(short) for p in prefixes)
    ]
    assert not wrong


@pytest.mark.parametrize(
    ("table", "endings"),
    [(friends.SUFFIX_LOOKALIKES, ("ان", "ين", "ون", "ة")), (friends.DISTINCT_NAMES, ("ة", "ان", "ي"))],
)
def test_a_suffix_lookalike_is_the_other_word_and_an_ending(
    table: tuple[tuple[str, str], ...], endings: tuple[str, ...]
) -> None:
    wrong = [(long, short) for long, short in table if not any(long == short + e for e in endings)]
    assert not wrong


@pytest.mark.parametrize(
    ("prefix", "word", "written"),
    [
        ("و", "بيروت", "وبيروت"),
        ("بال", "رئيس", "بالرئيس"),
        ("لل", "حكومة", "للحكومة"),
        ("لل", "لجنة", "للجنة"),
        ("ولل", "لجنة", "وللجنة"),
        ("فبال", "عام", "فبالعام"),
    ],
)
def test_prefixes_are_written_as_arabic_writes_them(prefix: str, word: str, written: str) -> None:
    assert attach_prefix(prefix, word) == written


@pytest.mark.parametrize(
    ("word", "suffix", "written"),
    [
        ("قرار", "ها", "قرارها"),
        ("قوة", "ين", "قوتين"),
        ("خطة", "ان", "خطتان"),
        ("حكومة", "هم", "حكومتهم"),
        ("مستوى", "ه", "مستواه"),
    ],
)
def test_endings_are_written_as_arabic_writes_them(word: str, suffix: str, written: str) -> None:
    assert attach_suffix(word, suffix) == written


@pytest.mark.parametrize(
    ("participle", "forms"),
    [
        ("déclaré", ["déclarée", "déclarés", "déclarées"]),
        ("pris", ["prise", "prises"]),
        ("mort", ["morte", "morts", "mortes"]),
    ],
)
def test_participles_agree_as_french_writes_them(participle: str, forms: list[str]) -> None:
    assert participle_forms(participle) == forms


@pytest.mark.parametrize(("word", "typed"), [("État", "etat"), ("Noël", "noel"), ("français", "francais")])
def test_accents_are_dropped_as_a_hasty_reader_types(word: str, typed: str) -> None:
    assert without_accents(word) == typed


def _digest_in_fresh_process(hash_seed: str) -> str:
    script = (
        "import hashlib\nfrom bench.pairs.pairset import pair_set\nfrom bench.pairs.shards import deal\n"
        "ps = pair_set()\nprint(hashlib.sha256(repr((ps, deal(ps))).encode()).hexdigest())"
    )
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, env=env, capture_output=True, text=True, check=True
    )
    return out.stdout.strip()


def test_the_set_and_its_shards_are_the_same_on_every_run() -> None:
    here = hashlib.sha256(repr((PAIRS, deal(PAIRS))).encode()).hexdigest()
    assert _digest_in_fresh_process("1") == _digest_in_fresh_process("2") == here


def _shard_of(shards: list[list[int]], query: str, document: str) -> int:
    number = PAIRS.index(next(p for p in PAIRS if (p.query, p.document) == (query, document)))
    return next(k for k, shard in enumerate(shards) if number in shard)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (("جنة", "لجنة"), ("لجنة", "جنة")),
        (("قصف", "فبالقصف"), ("قصف", "وبالقصف")),
        (("بيروت", "وبيروت"), ("بيروت", "لبيروت")),
        (("صاروخ", "صواريخ"), ("صواريخ", "صاروخ")),
        (("missile", "missiles"), ("missiles", "missile")),
        (("port", "porte"), ("porte", "port")),
    ],
)
def test_pairs_of_one_word_family_never_share_an_index(
    first: tuple[str, str], second: tuple[str, str]
) -> None:
    shards = deal(PAIRS)
    assert _shard_of(shards, *first) != _shard_of(shards, *second)


def test_no_index_writes_the_query_word_of_another_of_its_pairs() -> None:
    def key(word: str) -> str:
        return light10.normalize(word).lower()

    clashes = []
    for shard in deal(PAIRS):
        written = Counter(key(PAIRS[n].document) for n in shard)
        for n in shard:
            own = key(PAIRS[n].document) == key(PAIRS[n].query)
            if written[key(PAIRS[n].query)] > own:
                clashes.append(PAIRS[n].label())
    assert not clashes


SMOKE = [
    Pair("موسكو", "موسكو", True, "smoke", model.HAND, "ar"),
    Pair("طهران", "طهران", True, "smoke", model.HAND, "ar"),
    Pair("رويترز", "رويترز", True, "smoke", model.HAND, "ar"),
    Pair("بغداد", "نيويورك", False, "smoke", model.HAND, "ar"),
    Pair("صاروخ", "سفينة", False, "smoke", model.HAND, "ar"),
    Pair("missile", "missile", True, "smoke", model.HAND, "fr"),
    Pair("sanctions", "sanctions", True, "smoke", model.HAND, "fr"),
    Pair("drone", "Drone", True, "smoke", model.HAND, "fr"),
    Pair("pétrole", "frontière", False, "smoke", model.HAND, "fr"),
    Pair("avion", "navire", False, "smoke", model.HAND, "fr"),
]
"""Ten pairs whose answer needs no analysis: a word finds itself, and not an unrelated word."""


def test_the_harness_finds_a_word_and_misses_an_unrelated_one_in_every_setting() -> None:
    verdicts, leaks, _ = evaluate(SMOKE, SETTINGS, ["Bahith"], seed_paragraphs())
    expected = [p.must_match for p in SMOKE]
    assert {setting: verdicts[setting]["Bahith"] for setting in SETTINGS} == dict.fromkeys(SETTINGS, expected)
    assert leaks == {setting: {"Bahith": []} for setting in SETTINGS}


@pytest.mark.parametrize(
    ("argv", "settings", "systems"),
    [
        ([], list(SETTINGS), ["Bahith", "Lucene", "light10", "Snowball"]),
        (["--setting", "bare", "--systems", "snowball,BAHITH"], ["bare"], ["Bahith", "Snowball"]),
    ],
)
def test_the_command_line_chooses_settings_and_systems(
    argv: list[str], settings: list[str], systems: list[str]
) -> None:
    args = parse_args(argv)
    assert (args.settings, args.systems) == (settings, systems)


def test_an_unknown_system_is_refused_in_plain_words(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        parse_args(["--systems", "elastic"])
    assert "--systems takes names from Bahith, Lucene, light10, Snowball" in capsys.readouterr().err
