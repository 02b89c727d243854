"""The Arabic dictionary the analysis decides with: arramooz's nouns, verbs and word frequencies.

Whether "لجنة" is ل + "جنة" or a word of its own cannot be told from its letters, and
telling it from the archive's own counts fails on small archives and whenever both
words occur. A dictionary tells: arramooz lists about 30,000 nouns (with their roots
and broken plurals), 14,000 verbs and a frequency table of 37,000 words and names
counted over a large news corpus. Its proper nouns ("لبنان", "بوتين", "عدنان") are what
keeps names whole.

Keys are written as the analysis sees a word before its last two folds: diacritics,
tatweel and hamza-on-alef are normalized (``ARABIC_LEXICAL_CHAIN``), but ة and ى are
kept, because "كتابة" (writing) and "كتابه" (his book) are different words.

Reading the SQLite files and normalizing every key takes about half a second; the
result is kept as a marshal file in the user's cache folder (``$XDG_CACHE_HOME/bahith``),
which loads in a few tens of milliseconds, and is built again when arramooz or this
module's format changes. Nothing is loaded until the first Arabic word is analysed.
"""

from __future__ import annotations

import marshal
import os
import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from indexer.analysis.arabic.normalize import ARABIC_LEXICAL_CHAIN

FORMAT = 6
"""Bumped when what is derived from arramooz changes, so old cache files are rebuilt."""

NOUN, VERB, NAME, WORD = "noun", "verb", "name", "word"
"""What a dictionary word is: a noun or adjective, or a verb, of the dictionary proper; a proper
noun of the frequency table; or any other word of the frequency table (which calls "بيروت" a noun)."""

_FREQUENCY_KINDS = {"noun_prop": NAME, "verb": VERB}
"""Word types of the frequency table that say more than "a word"."""

_BROKEN_PLURAL = "جمع تكسير"

RARE_SINGULAR = 50
"""Of a plural's singulars, one this many times rarer than the commonest is a reading of
the unvocalized letters no writer means ("مشاكل" is the plural of "مشكلة", not of "ماكل")."""


class LexiconUnavailable(RuntimeError):
    """arramooz is not installed or its data cannot be read: the message says which."""


@dataclass(frozen=True)
class ArabicLexicon:
    """Dictionary words by their lexical key, with what the analysis asks of them.

    ``kinds`` maps a word to the kinds it has (a word can be a noun and a verb);
    ``roots`` to its root, for ``bahith analyze``; ``frequency`` to its count in the
    frequency table (0 when it has none); ``singulars`` maps a broken plural to its
    singulars; ``nisba`` holds the adjectives in ي whose feminine in ية is the same
    word ("أمريكي", "قوي"; not "هدي", guidance, beside "هدية", a gift).
    """

    kinds: dict[str, str]
    roots: dict[str, str]
    frequency: dict[str, int]
    singulars: dict[str, tuple[str, ...]]
    nisba: frozenset[str]

    def knows(self, word: str) -> bool:
        """Whether ``word`` is a dictionary word (noun, verb or name)."""
        return word in self.kinds

    def is_name(self, word: str) -> bool:
        """A proper noun and nothing else: its endings are its own ("عدنان" is not "عدن" + ان)."""
        return self.kinds.get(word) == NAME

    def is_common(self, word: str) -> bool:
        """A noun or verb of the dictionary proper, which has no spelling variants the way
        foreign names do ("حكومة" is not another spelling of "هجمة")."""
        kinds = self.kinds.get(word, "").split(",")
        return NOUN in kinds or VERB in kinds

    def kind_of(self, word: str) -> str:
        """The kinds of ``word``, comma-separated ("" when it is not a dictionary word)."""
        return self.kinds.get(word, "")


def _key(word: str) -> str:
    return ARABIC_LEXICAL_CHAIN.run(word.strip()).text


def _add_kind(kinds: dict[str, set[str]], word: str, kind: str) -> None:
    if word:
        kinds.setdefault(word, set()).add(kind)


def _kind_names(kinds: set[str]) -> str:
    """A name that is also a noun or verb of the dictionary ("سمير", "أمل") counts as that
    word: only names keep their endings whatever they look like."""
    if kinds & {NOUN, VERB}:
        kinds = kinds - {NAME, WORD}
    elif NAME in kinds:
        kinds = {NAME}
    return ",".join(sorted(kinds))


_NISBA_CATEGORY, _ADJECTIVE = "منسوب", "adj"


def _read_arramooz(
    data: Path,
) -> tuple[dict[str, str], dict[str, str], dict[str, int], dict[str, list[str]], list[str]]:
    """Everything the analysis needs from arramooz's three SQLite files."""
    nisba: set[str] = set()
    kinds: dict[str, set[str]] = {}
    roots: dict[str, str] = {}
    frequency: dict[str, int] = {}
    singulars: dict[str, list[str]] = {}
    with sqlite3.connect(f"file:{data / 'arabicdictionary.sqlite'}?mode=ro", uri=True) as db:
        feminines: dict[str, str] = {}
        for word, root, number, single, broken, feminable, category in db.execute(
            "SELECT unvocalized, root, number, single, broken_plural, feminable, category FROM nouns"
        ):
            key = _key(word)
            if category == _NISBA_CATEGORY:
                nisba.add(key)
            _add_kind(kinds, key, NOUN)
            roots.setdefault(key, root or "")
            if feminable and not key.endswith(("ة", "ى", "ا")):
                feminines.setdefault(key + "ة", root or "")
            if number == _BROKEN_PLURAL and single:
                singulars.setdefault(key, []).append(_key(single))
            for plural in (broken or "").split(";"):
                plural_key = _key(plural)
                if plural_key and plural_key != key:
                    _add_kind(kinds, plural_key, NOUN)
                    roots.setdefault(plural_key, root or "")
                    singulars.setdefault(plural_key, []).append(key)
        # The dictionary lists "حليف" as taking a feminine; "حليفة" is then a word too, and
        # its own: a feminine is never read as its masculine ("سميرة" is not "سمير").
        for feminine, root in feminines.items():
            if feminine not in kinds:
                _add_kind(kinds, feminine, NOUN)
                roots[feminine] = root
        for word, root in db.execute("SELECT unvocalized, root FROM verbs"):
            key = _key(word)
            _add_kind(kinds, key, VERB)
            roots.setdefault(key, root or "")
    with sqlite3.connect(f"file:{data / 'wordfreq.sqlite'}?mode=ro", uri=True) as db:
        for word, word_type, count in db.execute("SELECT unvocalized, word_type, freq FROM wordfreq"):
            key = _key(word)
            if " " in key or not key:
                continue
            _add_kind(kinds, key, _FREQUENCY_KINDS.get(word_type, WORD))
            if word_type == _ADJECTIVE:
                nisba.add(key)
            frequency[key] = max(frequency.get(key, 0), int(count))
    plurals = {}
    for plural, singles in singulars.items():
        # The dictionary writes a plural's singular without its ة ("قواعد" -> "قاعد" for
        # "قاعدة"): the feminine is taken where it is the commoner word.
        forms = {_commoner(frequency, kinds, single) for single in singles} - {plural}
        # Unvocalized, a broken plural is often also a word of its own, and the commoner
        # one: "كتاب" is a book far more often than the plural of "كاتب".
        kept = sorted(s for s in forms if frequency.get(plural, 0) <= frequency.get(s, 0))
        top = max((frequency.get(s, 0) for s in kept), default=0)
        kept = [s for s in kept if frequency.get(s, 0) * RARE_SINGULAR >= top]
        if kept:
            plurals[plural] = kept
    kinds_named = {k: _kind_names(v) for k, v in kinds.items()}
    return kinds_named, roots, frequency, plurals, sorted(w for w in nisba if w.endswith("ي"))


def _commoner(frequency: dict[str, int], kinds: dict[str, set[str]], single: str) -> str:
    feminine = single + "ة"
    if feminine in kinds and frequency.get(feminine, 0) > frequency.get(single, 0):
        return feminine
    return single


def _arramooz_data() -> tuple[Path, str]:
    try:
        version = metadata.version("arramooz-pysqlite")
        import arramooz
    except (metadata.PackageNotFoundError, ImportError) as error:
        raise LexiconUnavailable(
            "the Arabic dictionary arramooz-pysqlite is not installed: pip install 'arramooz-pysqlite>=0.4.2'"
        ) from error
    return Path(arramooz.__file__).resolve().parent / "data", version


def _cache_file(version: str) -> Path:
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "bahith" / f"arabic-lexicon-arramooz{version}-format{FORMAT}.marshal"


@lru_cache(maxsize=1)
def arabic_lexicon() -> ArabicLexicon:
    """The dictionary, read once per process (from the cache file when there is one)."""
    data, version = _arramooz_data()
    cache = _cache_file(version)
    try:
        kinds, roots, frequency, singulars, nisba = marshal.loads(cache.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        try:
            kinds, roots, frequency, plural_lists, nisba = _read_arramooz(data)
        except sqlite3.Error as error:
            raise LexiconUnavailable(f"cannot read the Arabic dictionary in {data}: {error}") from error
        singulars = {k: tuple(v) for k, v in plural_lists.items()}
        _write_cache(cache, (kinds, roots, frequency, singulars, nisba))
    return ArabicLexicon(kinds, roots, frequency, singulars, frozenset(nisba))


def _write_cache(cache: Path, value: tuple[object, ...]) -> None:
    """Keep the derived tables for the next process, and drop those of other versions; an
    unwritable cache only costs time."""
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        partial = cache.with_suffix(f".{os.getpid()}.partial")
        partial.write_bytes(marshal.dumps(value))
        partial.replace(cache)
        for stale in cache.parent.glob("arabic-lexicon-*.marshal"):
            if stale != cache:
                stale.unlink(missing_ok=True)
    except OSError:
        pass
