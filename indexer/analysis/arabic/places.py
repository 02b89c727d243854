"""The countries and regions whose nisba adjective is indexed under the place as well.

A reader looking for "إسرائيل" wants the article on "الغارات الإسرائيلية" too: news writes a
country as often through its adjective as by its name. Yet a final ي cannot be cut by rule,
because it ends names as often ("سليماني" is not "سليمان"), and the dictionary cannot tell a
place from a person: its proper nouns hold "سليمان" as well as "إسرائيل", and the adjectives of
common words ("الحرس الثوري": "ثوري" is not of "ثور", a bull). So the places are listed here,
each with its adjective as news writes it (the irregular ones too: "آسيوي", "إماراتي",
"أفغاني"), and only these adjectives gain the place as a reading. Cities are left out: their
adjective is mostly a family name ("البغدادي", "الدمشقي"), and so are the countries whose
adjective is a name too ("كندي", Kennedy).

The table is in ordinary spelling, each line a place and its adjective; the analysis
normalizes both as it does any word.
"""

from __future__ import annotations

from functools import lru_cache

from indexer.analysis.arabic.normalize import ARABIC_LEXICAL_CHAIN

_WRITTEN = """
إسرائيل إسرائيلي
إيران إيراني
روسيا روسي
سوريا سوري
لبنان لبناني
العراق عراقي
مصر مصري
تركيا تركي
أمريكا أمريكي
أميركا أميركي
فلسطين فلسطيني
الأردن أردني
اليمن يمني
الكويت كويتي
قطر قطري
البحرين بحريني
الإمارات إماراتي
عمان عماني
ليبيا ليبي
تونس تونسي
الجزائر جزائري
المغرب مغربي
موريتانيا موريتاني
السودان سوداني
الصومال صومالي
إثيوبيا إثيوبي
أفغانستان أفغاني
باكستان باكستاني
الهند هندي
الصين صيني
اليابان ياباني
كوريا كوري
فرنسا فرنسي
بريطانيا بريطاني
ألمانيا ألماني
إيطاليا إيطالي
إسبانيا إسباني
البرتغال برتغالي
اليونان يوناني
قبرص قبرصي
أوكرانيا أوكراني
بولندا بولندي
السويد سويدي
النرويج نرويجي
هولندا هولندي
بلجيكا بلجيكي
سويسرا سويسري
النمسا نمساوي
أرمينيا أرميني
أذربيجان أذربيجاني
كازاخستان كازاخستاني
أوزبكستان أوزبكي
البرازيل برازيلي
الأرجنتين أرجنتيني
المكسيك مكسيكي
فنزويلا فنزويلي
كوبا كوبي
أستراليا أسترالي
إندونيسيا إندونيسي
ماليزيا ماليزي
نيجيريا نيجيري
الشيشان شيشاني
كردستان كردستاني
أوروبا أوروبي
أفريقيا أفريقي
إفريقيا إفريقي
آسيا آسيوي
"""


def _lexical(word: str) -> str:
    return ARABIC_LEXICAL_CHAIN.run(word).text


@lru_cache(maxsize=1)
def places_by_nisba() -> dict[str, tuple[str, ...]]:
    """Each listed nisba adjective (lexical form) -> the places (lexical form, as written) it is of."""
    found: dict[str, tuple[str, ...]] = {}
    for line in _WRITTEN.strip().splitlines():
        place, nisba = map(_lexical, line.split())
        found[nisba] = (*found.get(nisba, ()), place)
    return found
