"""Turn the bytes of a text file into text, guessing the encoding it was saved in.

News archives are full of files saved by old Windows tools, so besides UTF-8 and
UTF-16 we must read Windows-1256 (Arabic) and Windows-1252 (French; it also
covers Latin-1). Those two single-byte encodings accept almost any bytes, so
"decodes without error" proves nothing: Arabic read as Windows-1252 comes out as
"ÞÇá ãÓÄæá", valid characters but mojibake. We therefore decode with both and
keep the reading whose non-ASCII characters sit where real text puts them:
Arabic letters in all-Arabic words, or French accents inside Latin words.

Order of the checks, and why:

1. A byte-order mark is the author's own statement of the encoding: obey it.
2. Every ASCII character in UTF-16 has a NUL high byte (spaces and digits at
   least, even in Arabic text), so NULs at only even or only odd offsets mean
   BOM-less UTF-16 (big- or little-endian), if that reading is plausible text.
   Otherwise a few stray NULs (a copy-paste accident in a UTF-8 file) are no
   sign of anything: the file is read as the text it is, without them. Many
   NULs anywhere else mean binary data.
3. Valid UTF-8 is almost never an accident for non-ASCII text, so it wins next.
4. Otherwise Windows-1256 against Windows-1252, judged by plausibility (see
   ``_plausibility``) and, between two plausible readings, by which one keeps
   the text in one script (see ``_script_unity``). That reading is a guess,
   and ``decode_bytes`` says so, for the user to check.

Whatever was decoded must then look like text: a file with many control
characters is binary data that happened to decode.
"""

from __future__ import annotations

import codecs
import contextlib
import re
from dataclasses import dataclass

from indexer.analysis.script import is_arabic_char

BINARY = "binary file, not text"
UNDECODABLE = "not UTF-8, UTF-16, Windows-1256 or Windows-1252 text"

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_CODEC_NAMES = {"cp1256": "Windows-1256", "cp1252": "Windows-1252"}

_STRAY_NUL_SHARE = 0.05
"""NULs tolerated on the other side: in UTF-16 a NUL low byte means a rare code point (U+0600)."""

_STRAY_NULS_IN_TEXT = 0.05
"""Up to one byte in twenty may be a NUL in a text file that is not UTF-16; they are dropped."""

_CONTROL_SHARE_LIMIT = 0.01
"""More control characters than this (1 in 100) and it is not a text file."""

_MIN_PLAUSIBILITY = 0.5
"""Below this share of plausible non-ASCII characters, neither reading is text."""

_FRENCH_LETTERS = frozenset("àâäçéèêëîïôöùûüÿœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ")
_TYPOGRAPHY = frozenset("«»‘’‚“”„–—…•·°€\u00a0\u200e\u200f،؛؟")
_WORD = re.compile(r"(?:[^\W\d_]|[\u064b-\u065f\u0670])+")
"""Letters, plus the Arabic vowel marks that sit inside words."""


class NotTextError(ValueError):
    """The bytes are not text in an encoding we read; the message says why."""


@dataclass(frozen=True)
class Decoded:
    """A file's text, and the encoding it was guessed to be in when nothing stated it."""

    text: str
    guessed: str | None = None
    """ "Windows-1256" or "Windows-1252" when chosen by plausibility; None when certain."""


def decode(data: bytes) -> str:
    """Decode a text file's bytes, or raise ``NotTextError`` with a short reason."""
    return decode_bytes(data).text


def decode_bytes(data: bytes) -> Decoded:
    """Decode a text file's bytes and say whether the encoding was guessed.

    Never returns mojibake silently: when no encoding gives plausible text the
    file is refused (``NotTextError``) instead of being indexed as garbage.
    """
    text = _decode_by_bom(data)
    if text is not None:
        decoded = Decoded(text)
    elif b"\x00" in data:
        decoded = _decode_with_nuls(data)
    else:
        decoded = _decode_8bit(data)
    if _control_share(decoded.text) > _CONTROL_SHARE_LIMIT:
        raise NotTextError(BINARY)
    return decoded


def _decode_with_nuls(data: bytes) -> Decoded:
    """BOM-less UTF-16 if it reads as plausible text, else text with stray NULs, else binary.

    The plausibility check matters: UTF-8 text with a NUL often has its NULs on
    one side too, and would read as UTF-16 made of Chinese characters.
    """
    text = _decode_utf16_by_nuls(data)
    if text is not None and _plausibility(text) >= _MIN_PLAUSIBILITY:
        return Decoded(text)
    if data.count(0) > _STRAY_NULS_IN_TEXT * len(data):
        raise NotTextError(BINARY)
    return _decode_8bit(data.replace(b"\x00", b""))


def _decode_by_bom(data: bytes) -> str | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                raise NotTextError(UNDECODABLE) from None
    return None


def _decode_utf16_by_nuls(data: bytes) -> str | None:
    """UTF-16 without a BOM, told apart from other bytes by where its NULs are; None if not."""
    at_even = data[0::2].count(0)
    at_odd = data[1::2].count(0)
    if len(data) % 2 or min(at_even, at_odd) > _STRAY_NUL_SHARE * max(at_even, at_odd):
        return None
    # ASCII "A" is 41 00 in little-endian: the NULs are the odd bytes.
    codec = "utf-16-le" if at_odd > at_even else "utf-16-be"
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _decode_8bit(data: bytes) -> Decoded:
    try:
        return Decoded(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    readings = {"cp1256": data.decode("cp1256")}
    with contextlib.suppress(UnicodeDecodeError):  # bytes 81, 8D, 8F, 90, 9D are not cp1252
        readings["cp1252"] = data.decode("cp1252")
    codec = max(readings, key=lambda name: _plausibility(readings[name]) * _script_unity(readings[name]))
    if readings.get("cp1252") == readings[codec]:  # French accents read alike in both: say the Latin one
        codec = "cp1252"
    if _plausibility(readings[codec]) < _MIN_PLAUSIBILITY:
        raise NotTextError(UNDECODABLE)
    return Decoded(readings[codec], guessed=_CODEC_NAMES[codec])


def _plausibility(text: str) -> float:
    """Share of the non-ASCII characters that are where Arabic or French text has them.

    ASCII reads the same in every candidate encoding, so only non-ASCII
    characters can tell readings apart. They count as plausible inside an
    all-Arabic word, inside a Latin word whose non-ASCII letters are French
    accents and at most half its letters (mojibake like "ÇáÓáÇã" is all
    accents), or as common punctuation outside words.
    """
    non_ascii = sum(1 for ch in text if not ch.isascii())
    if not non_ascii:
        return 1.0
    plausible = sum(1 for ch in _WORD.sub("", text) if ch in _TYPOGRAPHY)
    for word in _WORD.findall(text):
        if _is_arabic_word(word) or _is_french_word(word):
            plausible += sum(1 for ch in word if not ch.isascii())
    return plausible / non_ascii


def _script_unity(text: str) -> float:
    """Share of the letters that belong to the text's main script (Arabic or not).

    Breaks ties between two plausible readings: "À Lyon" is also plausible as
    "ہ Lyon" (an Arabic letter), but a news text is not one Arabic letter among
    Latin words, nor the reverse.
    """
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 1.0
    arabic = sum(1 for ch in letters if is_arabic_char(ch))
    return max(arabic, len(letters) - arabic) / len(letters)


def _is_arabic_word(word: str) -> bool:
    return all(is_arabic_char(ch) for ch in word)


def _is_french_word(word: str) -> bool:
    accents = [ch for ch in word if not ch.isascii()]
    return all(ch in _FRENCH_LETTERS for ch in accents) and 2 * len(accents) <= len(word) + 1


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    return len(_STRAY_CONTROL.findall(text)) / len(text)


_STRAY_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
"""Control characters that text files do not contain (tab, newlines and form feeds aside)."""
