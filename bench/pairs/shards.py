"""Which pairs share an index, and the documents each index holds in each setting.

One index per pair would take an hour; one index for all pairs would let the pairs answer
each other's questions: the index would hold "جنة" (another pair's word) when "لجنة" is asked
about alone, and "الرئيس" when "فبالرئيس" is. So the pairs are dealt into shards: a pair goes
into the first shard where no other pair writes a word of its family (the same word up to
clitics, the article and common endings, by a deliberately greedy key). A shard is one index
per setting, holding every one of its pairs' documents. The number of shards is the size of
the largest word family, a few dozen, and each index is small, so the whole run takes minutes.

The settings:

* ``alone``: each document word is a one-word article, and nothing else is indexed;
* ``corpus``: each document word is inside ``bench.matching.FRAMES``' neutral sentence, among
  the seed paragraphs, with the bare frames as controls that no query may find;
* ``bare``: as ``corpus``, plus one more article per pair writing its query word in the frame,
  so that the query's own form is in the index, as in a large archive.
"""

from __future__ import annotations

from collections.abc import Sequence

from bench import light10
from bench.evalindex import Doc
from bench.matching import CONTROL_IDS, FRAMES
from bench.pairs.french_forms import without_accents
from bench.pairs.model import Pair

SETTINGS = ("alone", "corpus", "bare")

ARABIC_PREFIXES = ("وبال", "فبال", "ولل", "فلل", "وال", "فال", "بال", "كال", "ال", "لل")
ARABIC_LETTERS = "وفبلك"
FRENCH_ELISIONS = ("l'", "d'", "qu'", "l’", "d’", "qu’")
FRENCH_ENDINGS = ("es", "s", "x", "e")


def pair_id(number: int) -> str:
    """The id of the article that writes pair ``number``'s document word."""
    return f"pair:{number}"


def bare_id(number: int) -> str:
    """The id of the article that writes pair ``number``'s query word (setting ``bare``)."""
    return f"bare:{number}"


def _arabic_keys(word: str) -> set[str]:
    """The word, its light10 stem, and a harsher stem: any article stack and one letter off."""
    normalized = light10.normalize(word)
    keys = {normalized, light10.stem(normalized)}
    rest = normalized
    for prefix in ARABIC_PREFIXES:
        if rest.startswith(prefix) and len(rest) - len(prefix) >= 2:
            rest = rest[len(prefix) :]
            break
    if rest[:1] in ARABIC_LETTERS and len(rest) > 3:
        keys.add(light10.strip_suffixes(rest[1:]))
    keys.add(light10.strip_suffixes(rest))
    return keys


def _french_keys(word: str) -> set[str]:
    """The word without accents, and without an elision and a plural or feminine ending."""
    folded = without_accents(word).replace("’", "'")
    keys = {folded}
    for elision in FRENCH_ELISIONS:
        if folded.startswith(elision):
            folded = folded[len(elision) :]
            break
    for ending in FRENCH_ENDINGS:
        if folded.endswith(ending) and len(folded) - len(ending) >= 3:
            folded = folded[: -len(ending)]
    keys.add(folded)
    return keys


def family_keys(pair: Pair) -> set[str]:
    """Keys that two pairs share when a word of one could inform the search of the other."""
    keys = _arabic_keys if pair.lang == "ar" else _french_keys
    return keys(pair.query) | keys(pair.document)


def deal(pairs: Sequence[Pair]) -> list[list[int]]:
    """The pair numbers of each shard: no two pairs of one shard share a family key."""
    shards: list[list[int]] = []
    taken: list[set[str]] = []
    for number, pair in enumerate(pairs):
        keys = family_keys(pair)
        for shard, used in zip(shards, taken, strict=True):
            if not keys & used:
                shard.append(number)
                used |= keys
                break
        else:
            shards.append([number])
            taken.append(set(keys))
    return shards


def documents(pairs: Sequence[Pair], numbers: Sequence[int], setting: str, seeds: Sequence[Doc]) -> list[Doc]:
    """The articles of one shard's index in ``setting``."""
    if setting == "alone":
        return [Doc(pair_id(n), pairs[n].document, pairs[n].lang) for n in numbers]
    docs = list(seeds)
    docs += [Doc(pair_id(n), FRAMES[pairs[n].lang].format(pairs[n].document), pairs[n].lang) for n in numbers]
    docs += [Doc(CONTROL_IDS[lang], frame.format(""), lang) for lang, frame in FRAMES.items()]
    if setting == "bare":
        docs += [
            Doc(bare_id(n), FRAMES[pairs[n].lang].format(pairs[n].query), pairs[n].lang) for n in numbers
        ]
    return docs
