"""Agreement with Lucene's own stemmers on the inflections they are built for.

Lucene's ArabicStemFilter removes the article with ال وال بال كال فال لل, the conjunction و, and
the endings ها ان ات ون ين يه ية ه ة ي; its FrenchLightStemmer removes plural, feminine and
participle endings. The groups below are inflections of that kind, written here by hand from
lemmas not used elsewhere in the pair set (none is taken from Lucene's tests). Within each
group, every ordered pair of words (a, b) is asked two questions: does Lucene's analyzer give
a and b a common term, and does a Bahith search for a find the one-word article that writes b?
Agreement is the share of pairs where the two answers are the same. Pairs of words from two
different groups are counted too: neither system should group them.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.evalindex import Doc
from bench.pairs.arabic_forms import attach_prefix, attach_suffix
from bench.pairs.engines import BahithIndex
from bench.pairs.tables import word_rows, words

SEPARATOR = "777777"
"""A number between the words of the one text Lucene analyses: both analyzers keep it whole,
so the terms of each word are the ones between two separators (a stop word leaves none)."""

ARABIC_PREFIXES = ("ال", "وال", "بال", "كال", "فال", "لل", "و")

ARABIC_MASCULINE = words("معهد مصنع مستقبل تاريخ مجتمع مسرح ملعب مشهد مخزن مرفق")
ARABIC_FEMININE_SOUND = words("جلسة مسابقة مقالة حافلة شاشة رحلة ندوة محطة")
ARABIC_HUMAN = words("مدرب مصور مترجم منتج مخرج مستخدم")
ARABIC_NISBA = words("زراعي صناعي تجاري ثقافي رياضي طبي مالي سياحي")

FRENCH_GROUPS = word_rows(
    """
    voiture voitures voiture voitures
    métal métaux métal métaux
    local locale locaux locales
    légal légale légaux légales
    royal royale royaux royales
    couteau couteaux couteau couteaux
    tableau tableaux tableau tableaux
    joli jolie jolis jolies
    vert verte verts vertes
    court courte courts courtes
    léger légère légers légères
    fier fière fiers fières
    neuf neuve neufs neuves
    sportif sportive sportifs sportives
    créatif créative créatifs créatives
    curieux curieuse curieux curieuses
    joyeux joyeuse joyeux joyeuses
    généreux généreuse généreux généreuses
    moyen moyenne moyens moyennes
    italien italienne italiens italiennes
    formel formelle formels formelles
    annuel annuelle annuels annuelles
    chanté chantée chantés chantées
    aimé aimée aimés aimées
    fermé fermée fermés fermées
    servi servie servis servies
    choqué choquée choqués choquées
    inscrit inscrite inscrits inscrites
    """,
    4,
)
"""Four forms per line; a noun's line repeats its two forms, and repeats are dropped."""


def arabic_groups() -> list[list[str]]:
    """Each lemma with the prefixes and endings Lucene's Arabic stemmer removes."""
    groups = []
    for noun in ARABIC_MASCULINE:
        forms = [attach_prefix(p, noun) for p in ARABIC_PREFIXES]
        groups.append([noun, *forms, *(attach_suffix(noun, s) for s in ("ه", "ها", "ان", "ين"))])
    for noun in ARABIC_FEMININE_SOUND:
        plural = noun[:-1] + "ات"
        groups.append([noun, *(attach_prefix(p, noun) for p in ARABIC_PREFIXES), plural, "وال" + plural])
    for noun in ARABIC_HUMAN:
        groups.append([noun, noun + "ون", noun + "ين", "ال" + noun + "ون", "وال" + noun + "ين"])
    for adjective in ARABIC_NISBA:
        groups.append(
            [adjective, adjective + "ة", adjective + "ون", adjective + "ين", "ال" + adjective + "ة"]
        )
    return groups


def french_groups() -> list[list[str]]:
    """The French lines, each word once."""
    return [list(dict.fromkeys(row)) for row in FRENCH_GROUPS]


def lucene_terms(lucene: Any, vocabulary: Sequence[str], field: str) -> list[set[str]]:
    """The terms Lucene's ``field`` analyzer ("ar" or "fr") makes of each word, in one call."""
    text = f" {SEPARATOR} ".join(vocabulary)
    terms = lucene.analyze(text)[field]
    chunks: list[set[str]] = [set()]
    for term in terms:
        if term == SEPARATOR:
            chunks.append(set())
        else:
            chunks[-1].add(term)
    if len(chunks) != len(vocabulary):
        raise RuntimeError(f"Lucene analysed {len(vocabulary)} words into {len(chunks)} groups")
    return chunks


def agreement(lucene: Any) -> dict[str, Any]:
    """Per language: ordered pairs, how many each system groups, and the share they agree on.

    Disagreements are listed with the side that groups the two words, since either side can
    be the one that is wrong (Lucene's light stemmer leaves légère apart from léger).
    """
    report: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="bahith-agreement-") as tmp:
        for lang, field, groups in (("ar", "ar", arabic_groups()), ("fr", "fr", french_groups())):
            vocabulary = [w for group in groups for w in group]
            terms = dict(zip(vocabulary, lucene_terms(lucene, vocabulary, field), strict=True))
            ids = {w: f"word:{n}" for n, w in enumerate(vocabulary)}
            index = BahithIndex(Path(tmp) / lang, [Doc(ids[w], w, lang) for w in vocabulary])
            try:
                found = {w: index.found(w) for w in vocabulary}
            finally:
                index.close()
            pairs = [(a, b) for group in groups for a in group for b in group if a != b]
            lucene_same = [bool(terms[a] & terms[b]) for a, b in pairs]
            bahith_same = [ids[b] in found[a] for a, b in pairs]
            agree = sum(x == y for x, y in zip(lucene_same, bahith_same, strict=True))
            group_of = {w: k for k, group in enumerate(groups) for w in group}
            across = [(a, b) for a in vocabulary for b in vocabulary if group_of[a] != group_of[b]]
            report[lang] = {
                "groups": len(groups),
                "ordered pairs": len(pairs),
                "Lucene groups": sum(lucene_same),
                "Bahith groups": sum(bahith_same),
                "both group": sum(x and y for x, y in zip(lucene_same, bahith_same, strict=True)),
                "agreement": round(agree / len(pairs), 4),
                "across groups": len(across),
                "Lucene groups across": sum(bool(terms[a] & terms[b]) for a, b in across),
                "Bahith groups across": sum(ids[b] in found[a] for a, b in across),
                "disagreements": [
                    [a, b, "only Lucene groups them" if x else "only Bahith groups them"]
                    for (a, b), x, y in zip(pairs, lucene_same, bahith_same, strict=True)
                    if x != y
                ],
            }
    return report
