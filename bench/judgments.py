"""Queries on the seed paragraphs, and which paragraphs answer them: the relevance judgments.

Each query is what a reader of Arabic or French news would type, written the way people type:
with or without hamza, with a clitic glued on, fully vowelled when pasted, on a Persian keyboard,
without French accents. Each comes with the information need it stands for, and the grade of
every paragraph that meets that need, judged by reading the paragraphs (``bench.evalindex``
numbers them; print them with ``python -m bench.relevance --paragraphs``):

* 2: the paragraph is about the need (it reports the meeting, the ban, the alliance...);
* 1: it touches it (mentions it in passing, or answers it without naming it);
* unlisted paragraphs are not relevant.

Paragraphs are judged by what they say, not by which words they use, so a paragraph that
answers the need in other words ("التقى" for a meeting) is relevant. Queries are judged against
the paragraphs of their own language only: neither system translates, and a reader searching in
Arabic reads Arabic results.
"""

from __future__ import annotations

from typing import NamedTuple

S000 = "000_c702f7f9dfb4c964"
S001 = "001_c0ae6a364a51f729"
S002 = "002_b5eb0e16c5939d1c"
S003 = "003_79bfeafe8a57ecdb"
S004 = "004_dbd9bcf69bd90304"


class Judged(NamedTuple):
    """A query, the need it stands for, and the grade of each relevant paragraph."""

    query: str
    need: str
    grades: dict[str, int]


JUDGMENTS: tuple[Judged, ...] = (
    Judged(
        "سليماني بوتين",
        "meetings and contacts between Soleimani and Putin",
        {
            f"{S000}:2": 1,
            f"{S000}:5": 2,
            f"{S000}:6": 2,
            f"{S000}:7": 2,
            f"{S001}:6": 2,
            f"{S002}:1": 2,
            f"{S002}:4": 2,
            f"{S002}:7": 2,
            f"{S002}:8": 2,
            f"{S002}:9": 2,
            f"{S002}:10": 2,
            f"{S002}:11": 2,
            f"{S002}:13": 2,
            f"{S003}:1": 1,
            f"{S003}:2": 2,
            f"{S003}:3": 2,
            f"{S003}:4": 2,
        },
    ),
    Judged(
        "رويترز",
        "what Reuters reported (the seeds write لرويترز and رويترز)",
        {
            f"{S000}:7": 2,
            f"{S001}:5": 2,
            f"{S001}:15": 2,
            f"{S001}:18": 1,
            f"{S002}:3": 2,
            f"{S002}:4": 2,
            f"{S002}:5": 1,
        },
    ),
    Judged(
        "نفى الكرملين",
        "the Kremlin denying the meeting",
        {f"{S000}:6": 2, f"{S001}:6": 2, f"{S002}:8": 2, f"{S002}:9": 2},
    ),
    Judged(
        "صواريخ إس-300",
        "the S-300 missile deliveries",
        {
            f"{S000}:4": 2,
            f"{S000}:20": 1,
            f"{S001}:1": 1,
            f"{S001}:2": 1,
            f"{S001}:3": 2,
            f"{S001}:5": 2,
            f"{S001}:11": 2,
            f"{S001}:13": 2,
            f"{S002}:5": 2,
            f"{S002}:6": 2,
        },
    ),
    Judged(
        '"حظر السفر"',
        "the UN travel ban on Soleimani (an exact phrase the seeds also write لحظر سفر)",
        {
            f"{S000}:1": 2,
            f"{S000}:2": 2,
            f"{S000}:3": 2,
            f"{S000}:8": 2,
            f"{S000}:15": 1,
            f"{S001}:8": 1,
            f"{S001}:9": 2,
            f"{S001}:17": 2,
            f"{S002}:2": 2,
        },
    ),
    Judged(
        "العقوبات على سليماني",
        "the sanctions Soleimani is under",
        {
            f"{S000}:2": 1,
            f"{S000}:3": 1,
            f"{S000}:8": 1,
            f"{S000}:13": 2,
            f"{S000}:14": 2,
            f"{S000}:15": 1,
            f"{S001}:8": 2,
            f"{S001}:9": 1,
            f"{S001}:17": 1,
            f"{S002}:2": 2,
        },
    ),
    Judged(
        "فيلق القدس",
        "the Quds Force itself, not only Soleimani's title",
        {
            f"{S000}:2": 1,
            f"{S000}:3": 1,
            f"{S000}:14": 2,
            f"{S000}:15": 2,
            f"{S000}:16": 2,
            f"{S000}:17": 2,
            f"{S001}:17": 2,
            f"{S002}:1": 1,
            f"{S003}:2": 1,
        },
    ),
    Judged(
        "الاتِّفاق النَّوَوِيّ",
        "the nuclear agreement (a vowelled query, as pasted from a vowelled text)",
        {
            f"{S000}:9": 2,
            f"{S000}:10": 2,
            f"{S000}:13": 2,
            f"{S001}:11": 2,
            f"{S001}:17": 2,
        },
    ),
    Judged(
        "دعم الاسد",
        "support for Assad (typed without hamza; the seeds write الأسد)",
        {
            f"{S000}:9": 2,
            f"{S001}:4": 2,
            f"{S001}:12": 2,
            f"{S001}:14": 2,
            f"{S001}:15": 1,
            f"{S001}:16": 2,
            f"{S002}:7": 2,
            f"{S002}:13": 2,
            f"{S003}:4": 1,
        },
    ),
    Judged(
        "ايران وروسيا",
        "the Iranian-Russian alliance and cooperation",
        {
            f"{S000}:9": 2,
            f"{S000}:10": 2,
            f"{S000}:18": 2,
            f"{S000}:19": 2,
            f"{S000}:20": 2,
            f"{S001}:4": 2,
            f"{S001}:5": 2,
            f"{S001}:10": 2,
            f"{S001}:11": 2,
            f"{S001}:12": 2,
            f"{S001}:13": 1,
            f"{S001}:15": 2,
            f"{S002}:7": 1,
            f"{S003}:3": 2,
            f"{S003}:5": 1,
        },
    ),
    Judged(
        "وزير الدفاع الروسي",
        "the Russian defence minister (Shoigu, spelled شويجو and شويغو)",
        {
            f"{S000}:5": 2,
            f"{S000}:18": 1,
            f"{S001}:6": 2,
            f"{S002}:4": 2,
            f"{S002}:13": 2,
        },
    ),
    Judged(
        "مسؤول أمريكي",
        "what US officials said",
        {
            f"{S000}:7": 2,
            f"{S000}:8": 2,
            f"{S000}:12": 2,
            f"{S000}:13": 2,
            f"{S000}:14": 2,
            f"{S001}:7": 2,
            f"{S001}:8": 2,
            f"{S001}:9": 2,
        },
    ),
    Judged(
        "تنظيم الدولة الإسلامية",
        "the fight against the Islamic State",
        {f"{S000}:17": 2, f"{S000}:18": 2, f"{S000}:19": 2, f"{S003}:3": 1},
    ),
    Judged(
        "حزب الله",
        "Hezbollah",
        {f"{S001}:15": 2, f"{S002}:6": 2, f"{S002}:14": 2, f"{S003}:4": 2, f"{S003}:6": 2},
    ),
    Judged(
        "صديقي",
        "Putin calling Soleimani his friend",
        {f"{S002}:11": 2, f"{S003}:4": 2},
    ),
    Judged(
        "اجتماعات موسكو",
        "the meetings held in Moscow",
        {
            f"{S000}:2": 2,
            f"{S000}:5": 2,
            f"{S000}:6": 1,
            f"{S000}:7": 2,
            f"{S000}:11": 1,
            f"{S000}:12": 2,
            f"{S000}:19": 1,
            f"{S001}:6": 2,
            f"{S002}:1": 2,
            f"{S002}:4": 1,
            f"{S002}:9": 2,
            f"{S002}:10": 2,
            f"{S003}:2": 2,
            f"{S003}:5": 2,
        },
    ),
    Judged(
        "زيارة سرية",
        "the secrecy of the visit",
        {
            f"{S002}:1": 2,
            f"{S002}:2": 1,
            f"{S002}:12": 1,
            f"{S003}:1": 2,
            f"{S003}:2": 2,
            f"{S003}:3": 2,
        },
    ),
    Judged(
        "إسرائيل",
        "Israel's part in the story",
        {f"{S000}:16": 2, f"{S002}:6": 2, f"{S002}:12": 2, f"{S002}:14": 1, f"{S003}:6": 2},
    ),
    Judged(
        "جون کیری",
        "John Kerry (typed on a Persian keyboard: ک and ی)",
        {f"{S001}:7": 2},
    ),
    Judged(
        "لبنان",
        "Lebanon",
        {f"{S001}:15": 1, f"{S002}:11": 2, f"{S002}:14": 1, f"{S003}:5": 2, f"{S003}:6": 2},
    ),
    Judged(
        "تحالف",
        "the alliances (regional, tactical, Iranian-Russian)",
        {f"{S000}:17": 2, f"{S000}:18": 1, f"{S001}:10": 2, f"{S001}:12": 2, f"{S002}:7": 1},
    ),
    Judged(
        "زيارة سليماني لموسكو",
        "Soleimani's visit to Moscow",
        {
            f"{S000}:1": 2,
            f"{S000}:2": 2,
            f"{S000}:4": 2,
            f"{S000}:5": 2,
            f"{S000}:6": 1,
            f"{S000}:12": 1,
            f"{S000}:17": 2,
            f"{S000}:18": 2,
            f"{S001}:1": 2,
            f"{S001}:2": 2,
            f"{S001}:3": 2,
            f"{S001}:5": 2,
            f"{S001}:7": 2,
            f"{S001}:8": 1,
            f"{S001}:10": 1,
            f"{S001}:12": 2,
            f"{S002}:1": 2,
            f"{S002}:2": 2,
            f"{S002}:3": 2,
            f"{S002}:5": 2,
            f"{S002}:7": 1,
            f"{S002}:9": 1,
            f"{S002}:10": 1,
            f"{S002}:13": 1,
            f"{S003}:1": 2,
            f"{S003}:2": 2,
            f"{S003}:3": 2,
            f"{S003}:5": 1,
            f"{S003}:6": 1,
        },
    ),
    Judged(
        "sanctions de l'ONU",
        "the UN sanctions (the text writes l’ONU with a typographic apostrophe)",
        {f"{S004}:2": 1, f"{S004}:6": 2, f"{S004}:7": 1, f"{S004}:9": 2},
    ),
    Judged(
        "Etats-Unis",
        "the United States' position (typed without the accent of États)",
        {f"{S004}:5": 2, f"{S004}:6": 2, f"{S004}:7": 2, f"{S004}:8": 1},
    ),
    Judged(
        "missile russe",
        "Russian missile deliveries (the text writes missiles russes)",
        {f"{S004}:1": 1, f"{S004}:2": 2, f"{S004}:3": 2},
    ),
    Judged(
        "interdiction de voyager",
        "the travel ban",
        {f"{S004}:2": 2, f"{S004}:6": 1, f"{S004}:7": 2, f"{S004}:9": 2},
    ),
    Judged(
        "Choigou",
        "Sergei Shoigu (the text writes Choïgou)",
        {f"{S004}:4": 2},
    ),
    Judged(
        "ministre russe",
        "the Russian ministers Soleimani met or who spoke",
        {f"{S004}:2": 1, f"{S004}:4": 2, f"{S004}:5": 2},
    ),
)
