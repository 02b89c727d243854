"""One story across languages and spellings: the pairs a query word must find, and must not.

Each pair is a ``MatchCase`` (query word, document word, whether the query must find the
document, kind), run like the matching cases (``bench.matching``): one real index holds the seed
paragraphs and one small document per pair, and a search for the query word must return, or
must not return, that pair's document. ``python -m bench.crosslang`` scores them.

What a pair checks depends on the whole index, as the names are told from common words by it
(``search.plan.names``): a French word is a name when the index writes it capitalized inside a
sentence (the French frame sentence does, for a capitalized document word); an Arabic word is
one when it is not also written with the article, nor, ending in ي, with a feminine ة. So a
must-not pair whose Arabic word is a common noun or adjective gets as ``evidence`` the form any
real archive writes ("الباطن" beside "باطن"); must-match pairs get no evidence.

Seed words are quoted one at a time; the seed text itself is never copied here.
"""

from __future__ import annotations

from tests.matching_cases import MatchCase

VARIANT = "Arabic spellings of a foreign name"
ACROSS = "a name across scripts"
MONTH = "month names"
DIGITS = "digits"
PEOPLE = "different people or places with similar names"
COMMON = "common words sharing a key with a name"

SHORT_VOWEL = (
    "a vowel-only difference is trusted in a name with two long vowels only, "
    "since verb forms differ the same way (يقول, يقال)"
)
EXONYM = "an exonym: French and Arabic do not name it alike, no transliteration links them"
SHORT_KEY = "two consonants make too short a key to tell a name from common words"


def _both_ways(pairs: list[tuple[str, str]], should_match: bool, kind: str) -> list[MatchCase]:
    return [MatchCase(a, b, should_match, kind) for a, b in pairs] + [
        MatchCase(b, a, should_match, kind) for a, b in pairs
    ]


PAIRS: tuple[MatchCase, ...] = (
    # A g is ج, غ or ك; t is ت or ط; s is س or ص; long vowels are written or not.
    *_both_ways([("شويغو", "شويجو"), ("سيرغي", "سيرجي")], True, VARIANT),  # both in the seeds
    *_both_ways(
        [("غوتيريش", "جوتيريش"), ("غوغل", "جوجل"), ("طوكيو", "توكيو"), ("فيسبوك", "فايسبوك")], True, VARIANT
    ),
    MatchCase("بوتين", "بوتن", True, VARIANT),
    MatchCase("أردوغان", "أردوجان", True, VARIANT),
    MatchCase("هامبورغ", "هامبورج", True, VARIANT),
    MatchCase("بلغراد", "بلجراد", True, VARIANT),
    MatchCase("إنجلترا", "انكلترا", True, VARIANT),
    MatchCase("كيسنجر", "كيسنغر", True, VARIANT),
    MatchCase("ستراسبورغ", "ستراسبورج", True, VARIANT),
    MatchCase("طهران", "تهران", True, VARIANT),
    MatchCase("أنطاليا", "انتاليا", True, VARIANT),
    MatchCase("صوفيا", "سوفيا", True, VARIANT),
    MatchCase("بوسطن", "بوستن", True, VARIANT),
    MatchCase("إنستغرام", "انستجرام", True, VARIANT),
    MatchCase("نتنياهو", "نتانياهو", True, VARIANT),
    MatchCase("زيلينسكي", "زيلنسكي", True, VARIANT),
    MatchCase("كلينتون", "كلنتون", True, VARIANT),
    MatchCase("تيلرسون", "تيلرسن", True, VARIANT),
    MatchCase("بايدن", "بايدين", True, VARIANT),
    MatchCase("جنيف", "جينيف", True, VARIANT),
    MatchCase("لافروف", "لافروڤ", True, VARIANT),
    MatchCase("هوليوود", "هوليود", True, VARIANT),
    MatchCase("يوتيوب", "يوتوب", True, VARIANT),
    MatchCase("فرانسوا", "فرنسوا", True, VARIANT),
    MatchCase("ماتيس", "ماتس", True, VARIANT),
    MatchCase("ترامب", "ترمب", True, VARIANT, limitation=SHORT_VOWEL),
    MatchCase("شولتز", "شولتس", True, VARIANT, limitation="ز and س are kept apart, as z and s are"),
    # A name in Latin script finds it in Arabic script, and the reverse.
    *_both_ways(
        [
            ("Soleimani", "سليماني"),  # the seeds' names, each in the seeds
            ("Poutine", "بوتين"),
            ("Moscou", "موسكو"),
            ("Lavrov", "لافروف"),
            ("Choïgou", "شويغو"),
            ("Sergueï", "سيرجي"),
            ("Kerry", "كيري"),
            ("Téhéran", "طهران"),
            ("Reuters", "رويترز"),
            ("Vladimir", "فلاديمير"),
            ("Qassem", "قاسم"),
            ("Erdogan", "أردوغان"),
            ("Macron", "ماكرون"),
            ("Khamenei", "خامنئي"),
            ("Bruxelles", "بروكسل"),
            ("Gaza", "غزة"),
            ("Kremlin", "الكرملين"),
            ("Paris", "باريس"),
            ("Trump", "ترامب"),
        ],
        True,
        ACROSS,
    ),
    MatchCase("Choïgou", "شويجو", True, ACROSS),
    MatchCase("Sergueï", "سيرغي", True, ACROSS),
    MatchCase("Kirby", "كيربي", True, ACROSS),
    MatchCase("Bachar", "بشار", True, ACROSS),
    MatchCase("Washington", "واشنطن", True, ACROSS),
    MatchCase("Obama", "أوباما", True, ACROSS),
    MatchCase("Hollande", "هولاند", True, ACROSS),
    MatchCase("Netanyahou", "نتنياهو", True, ACROSS),
    MatchCase("Rohani", "روحاني", True, ACROSS),
    MatchCase("Zarif", "ظريف", True, ACROSS),
    MatchCase("Beyrouth", "بيروت", True, ACROSS),
    MatchCase("Ankara", "أنقرة", True, ACROSS),
    MatchCase("Bagdad", "بغداد", True, ACROSS),
    MatchCase("Genève", "جنيف", True, ACROSS),
    MatchCase("Merkel", "ميركل", True, ACROSS),
    MatchCase("Tokyo", "طوكيو", True, ACROSS),
    MatchCase("soleimani", "سليماني", True, ACROSS),  # typed in lower case: the index knows the name
    MatchCase("Moscou", "لموسكو", True, ACROSS),  # the Arabic name with a clitic
    MatchCase("Poutine", "وبوتين", True, ACROSS),
    MatchCase("لموسكو", "Moscou", True, ACROSS),  # the query with a clitic
    MatchCase("بسليماني", "Soleimani", True, ACROSS),
    MatchCase("Alep", "حلب", True, ACROSS, limitation=EXONYM),
    MatchCase("Syrie", "سوريا", True, ACROSS, limitation=EXONYM),
    MatchCase("Russie", "روسيا", True, ACROSS, limitation=EXONYM),
    MatchCase("Iran", "إيران", True, ACROSS, limitation=SHORT_KEY),
    MatchCase(
        "Hassan",
        "حسن",
        True,
        ACROSS,
        limitation="a three-letter Arabic word is no name to Bahith: most are verbs and nouns",
    ),
    MatchCase("Assad", "الأسد", True, ACROSS, limitation=SHORT_KEY),
    MatchCase(
        "Qods",
        "القدس",
        True,
        ACROSS,
        limitation="French stemming reads Qods as a plural and indexes qod, whose key is too short",
    ),
    MatchCase(
        "Mossoul",
        "الموصل",
        True,
        ACROSS,
        limitation="a name written with the article needs a key of four: short ones are mostly adjectives",
    ),
    MatchCase("Hezbollah", "حزب الله", True, ACROSS, limitation="one word in French, two in Arabic"),
    # Egyptian, Levantine and French month names are one month.
    *_both_ways(
        [
            ("juillet", "يوليو"),  # the seeds write "يوليو تموز"
            ("juillet", "تموز"),
            ("يوليو", "تموز"),
            ("janvier", "كانون الثاني"),
            ("يناير", "كانون الثاني"),
            ("décembre", "كانون الأول"),
        ],
        True,
        MONTH,
    ),
    MatchCase("Juillet", "يوليه", True, MONTH),
    MatchCase("janvier", "يناير", True, MONTH),
    MatchCase("février", "شباط", True, MONTH),
    MatchCase("شباط", "فبراير", True, MONTH),
    MatchCase("mars", "آذار", True, MONTH),
    MatchCase("آذار", "مارس", True, MONTH),
    MatchCase("avril", "نيسان", True, MONTH),
    MatchCase("نيسان", "أبريل", True, MONTH),
    MatchCase("mai", "أيار", True, MONTH),
    MatchCase("أيار", "مايو", True, MONTH),
    MatchCase("juin", "حزيران", True, MONTH),
    MatchCase("حزيران", "يونيو", True, MONTH),
    MatchCase("يونيه", "يونيو", True, MONTH),
    MatchCase("août", "أغسطس", True, MONTH),
    MatchCase("aout", "أغسطس", True, MONTH),
    MatchCase("أغسطس", "août", True, MONTH),
    MatchCase("septembre", "أيلول", True, MONTH),
    MatchCase("أيلول", "سبتمبر", True, MONTH),
    MatchCase("octobre", "تشرين الأول", True, MONTH),
    MatchCase("تشرين الأول", "أكتوبر", True, MONTH),
    MatchCase("novembre", "تشرين الثاني", True, MONTH),
    MatchCase("تشرين الثاني", "نوفمبر", True, MONTH),
    MatchCase("ديسمبر", "décembre", True, MONTH),
    MatchCase("بتموز", "يوليو", True, MONTH),  # a clitic on the query
    MatchCase("juillet", "وتموز", True, MONTH),  # and on the document word
    MatchCase(
        "آب",
        "أغسطس",
        True,
        MONTH,
        limitation="آب is written like أب (father) once hamza is folded, so it is no month name here",
    ),
    # Arabic-Indic and Persian digits are ASCII digits.
    *_both_ways([("٢٤", "24"), ("٢٠١٥", "2015")], True, DIGITS),
    MatchCase("2016", "۲۰۱۶", True, DIGITS),
    MatchCase("300", "إس-300", True, DIGITS),
    MatchCase("اس-300", "إس-300", True, DIGITS),
    MatchCase("S-300", "إس-300", True, DIGITS),  # a model name: the letter as Arabic says it
    # Different people and places whose names look alike stay apart.
    *_both_ways(
        [
            ("سليمان", "سليماني"),  # a final ي is part of a name
            ("Soleimani", "سليمان"),
            ("Hassan", "حسين"),  # the ي written inside حسين is no a
            ("Kerry", "كيربي"),
            ("Poutine", "بوتان"),  # Bhutan: its ا is no i
            ("Bachar", "بشير"),
            ("سيرجي", "سيرجيو"),  # Sergei, Sergio
            ("سيرغي", "صاروخي"),  # Sergei, a missile's: the ي and the ا are different vowels
        ],
        False,
        PEOPLE,
    ),
    MatchCase("Salman", "سليمان", False, PEOPLE),
    MatchCase("Kirby", "كيري", False, PEOPLE),
    MatchCase("Lavrov", "لافروفا", False, PEOPLE),
    # Arabic leaves short vowels unwritten, so nothing in حسن says it is not Hussein; but a
    # three-letter word is no name to Bahith, which keeps Hussein from it (and Hassan).
    MatchCase("Hussein", "حسن", False, PEOPLE, evidence="Hussein"),
    # A French common word and an Arabic name with one key, both ways.
    *_both_ways(
        [
            ("port", "بيروت"),
            ("bouton", "بوتين"),
            ("musique", "موسكو"),
            ("chaque", "شويغو"),
            ("macaron", "ماكرون"),
            ("trompe", "ترامب"),
            ("miracle", "ميركل"),
            ("carie", "كيري"),
            ("tique", "طوكيو"),
            ("canif", "جنيف"),
            ("rater", "رويترز"),
            ("bâcher", "بشار"),
        ],
        False,
        COMMON,
    ),
    MatchCase("masque", "موسكو", False, COMMON),
    MatchCase("surgi", "سيرغي", False, COMMON),
    MatchCase("crépi", "كيربي", False, COMMON),
    MatchCase("angora", "أنقرة", False, COMMON),
    MatchCase("bastion", "بوسطن", False, COMMON),
    # A French name and an Arabic common word with one key.
    MatchCase("Poutine", "باطن", False, COMMON, evidence="الباطن"),
    MatchCase("Poutine", "بطين", False, COMMON, evidence="البطين"),
    MatchCase("Kerry", "جرى", False, COMMON),  # a verb, too short to tell
    MatchCase("Kerry", "جاري", False, COMMON, evidence="جارية"),  # an adjective: it has a feminine
    MatchCase("Kirby", "غربي", False, COMMON, evidence="غربية"),
    MatchCase("Syrie", "سري", False, COMMON, evidence="السري"),
    MatchCase("Russie", "روسي", False, COMMON, evidence="روسية"),
    MatchCase("Russie", "الرئيسي", False, COMMON, evidence="الرئيسية"),
    MatchCase("Qassem", "خصوم", False, COMMON, evidence="الخصوم"),
    MatchCase("Merkel", "مرجل", False, COMMON, evidence="المرجل"),
    MatchCase("Boston", "بستان", False, COMMON, evidence="البستان"),
    MatchCase("Gaza", "جزاء", False, COMMON, evidence="الجزاء"),
    MatchCase("Tokyo", "تجاوز", False, COMMON),
    MatchCase("Zarif", "ظروف", False, COMMON),  # its و is no i
    # Two Arabic common words with one key are no spellings of one name.
    *_both_ways([("يقول", "يقال"), ("يقوم", "يقام")], False, COMMON),  # verbs: active and passive
    MatchCase("كتاب", "كاتب", False, COMMON, evidence="الكتاب الكاتب"),
    MatchCase("جامعة", "جماعة", False, COMMON, evidence="الجامعة الجماعة"),
    MatchCase("حاكم", "حكيم", False, COMMON, evidence="الحاكم الحكيم"),
    MatchCase("مواطن", "موطن", False, COMMON, evidence="المواطن الموطن"),
    MatchCase("روسيا", "رئاسة", False, COMMON, evidence="الرئاسة"),
    MatchCase("سوريا", "سارية", False, COMMON, evidence="السارية"),
    MatchCase("قلب", "كلب", False, COMMON),
    MatchCase("سيف", "صيف", False, COMMON),
    # Months stay apart from each other and from words inside their names.
    MatchCase("تشرين الأول", "تشرين الثاني", False, MONTH),
    MatchCase("كانون الثاني", "كانون الأول", False, MONTH),
    MatchCase("كانون", "يناير", False, MONTH),  # "hearth" alone is no month
    MatchCase("janvier", "فبراير", False, MONTH),
    MatchCase("juin", "يوليو", False, MONTH),
    MatchCase("أب", "أغسطس", False, MONTH),  # "father" is no August
    MatchCase("أغسطس", "أب", False, MONTH),
    MatchCase("2015", "٢٠١٦", False, DIGITS),
)
