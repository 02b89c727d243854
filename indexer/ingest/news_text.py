"""Read a news page saved as plain text: headline, metadata, clean body.

Pages copied or scraped from news sites carry the site around the article: a
site header ("- أخبار بووم - https://www.akhbarboom.com -"), a dateline, a
breadcrumb, share counters, "Lire aussi:" link lists. Indexed as is, they would
put the site's name in every title and "Follow" in every body. Each rule below is
a small function recognising one kind of line, so each can be read, tested and
changed on its own; ``parse_page`` puts them together.

The rules look at whole lines because that is how such pages arrive: one
paragraph, heading or widget per line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date
from typing import NamedTuple

from indexer.ingest.dates import find_date
from indexer.ingest.normalize import fold
from indexer.ingest.page import Page

MAX_HEADLINE_WORDS = 25
MAX_TITLE_CHARS = 200

_SITE_HEADER = re.compile(r"^[-–—]?\s*(?P<name>\S.*?)\s+[-–—|]\s+(?P<url>https?://\S+?)\s*[-–—]?$")
_DATELINE_WORDS = frozenset(
    fold(word)
    for words in (
        "lundi mardi mercredi jeudi vendredi samedi dimanche le publié mis à jour h",
        "monday tuesday wednesday thursday friday saturday sunday",
        "mon tue wed thu fri sat sun posted published updated on at am pm",
        "الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد يوم",
        "نشر في بتاريخ تاريخ النشر آخر تحديث",
    )
    for word in words.split()
)
_HOME_CRUMB = re.compile(r"^(?:(?i:accueil|home)|الرئيسية)(?:\s*[>»›/|·•:\-–—]|[A-ZÀ-Ý])")
_GLUED_WORDS = re.compile(r"[a-zà-ÿ][A-ZÀ-Ý]")
_SHARE_COUNTER = re.compile(
    r"^\d[\d,.\s]*[km]?\s*"
    r"(?:fans?|followers?|subscribers?|likes?|shares?|comments?|views?"
    r"|abonnés|partages|commentaires|vues)"
    r"\s*(?:like|follow|subscribe|share)?$",
    re.IGNORECASE,
)
_LABEL_PUNCTUATION = frozenset("&'’-.")
_READ_ALSO = re.compile(
    r"^(?:a\s+)?(?:lire\s+(?:aussi|egalement)|voir\s+aussi|read\s+(?:also|more)|see\s+also"
    r"|اقرا\s+ايضا\u064b?)\s*(?::|$)"
)
_CLAUSE_ENDINGS = tuple(".:;,،؛…")
_CLOSING_MARKS = "\"'”’»)]"
_SENTENCE_END = re.compile(rf"[.!?؟]+(?:\s?[{re.escape(_CLOSING_MARKS)}])*(?=\s|$)")
"""End of sentence, with closing quotes, also French-spaced ones ("« non. »")."""
_TITLE_SEPARATORS = "-–—|:"
_MAX_DATELINE_CHARS = 90
_MAX_PLACE_WORDS = 3
_DATELINE_END = re.compile(r"\s[-–—]\s|:\s")
_AGENCY = re.compile(r"\((?P<name>[^()]{2,30})\)")
_CREDIT_LINES = 3
_CREDIT = re.compile(
    r"^(?:(?:المصدر|مصدر الخبر|(?i:sources?))\s*[:：]\s*(?P<name>\S.{0,40})"
    r"|ساهمت?\s+(?P<name2>\S.{0,40}?)\s+في\s+(?:إعداد\s+)?هذا\s+(?:التقرير|الخبر))$"
)
_AGENCY_WORD = re.compile(r"^وكالة\s+")
_SUBHEADING_MARK = re.compile(r"^[*•■▪◆►]+\s*(?=\w)")
"""A bullet put before a subheading when a page was flattened to text ("*Moscow
meetings"): the subheading is content, the bullet is not."""
_MAX_TITLE_SUFFIX_WORDS = 4


class PageHeader(NamedTuple):
    """What the lines above the headline said about the article."""

    source: str = ""
    url: str = ""
    date: date | None = None


def parse_page(text: str, title: str = "") -> Page:
    """Split a plain-text news page into headline, metadata and clean body.

    ``title`` is given when the format already knows it (a Markdown "# " heading,
    an HTML <h1>); the text rules then only drop a repeat of it. Otherwise the
    title is the first line after the page header when that line is a headline,
    or else the first sentence of that opening paragraph, which then stays in the
    body: a page that starts straight with its story has no other headline.
    """
    header, rest = split_header(text.split("\n"))
    lead = lead_dateline(next((line for line in rest if line.strip()), ""))
    header = PageHeader(
        source=header.source or lead.source or credited_source(rest),
        url=header.url if is_article_address(header.url) else "",
        date=header.date or lead.date,
    )
    if title:
        rest = _drop_repeated_title(rest, title)
    elif rest and is_headline(rest[0]):
        title = rest[0].strip()
        rest = _drop_repeated_title(rest[1:], title)
    elif rest:
        title = first_sentence(rest[0])
    return Page(title=title, body=clean_body(rest), **header._asdict())


def split_header(lines: Sequence[str]) -> tuple[PageHeader, list[str]]:
    """Read the site header, dateline and breadcrumb above the article.

    Returns what they said and the lines from the first real content line on.
    Only the top of the page is searched: further down, a line with a date or a
    URL is part of the story.
    """
    source = url = ""
    published: date | None = None
    for index, raw in enumerate(lines):
        line = raw.strip()
        site = site_header(line)
        dated = dateline_date(line)
        if site:
            source, url = site
        elif dated:
            published = published or dated
        elif line and not is_breadcrumb(line) and not is_boilerplate(line):
            return PageHeader(source, url, published), list(lines[index:])
    return PageHeader(source, url, published), []


def is_article_address(url: str) -> bool:
    """True for the address of a page on a site, False for a site's home page.

    A site banner often gives only "https://www.site.example": that is where the
    source lives, not the article, and a link "to the original article" that
    lands on a home page misleads the reader.
    """
    rest = url.partition("://")[2]
    return bool(rest.partition("/")[2].strip("/"))


def lead_dateline(paragraph: str) -> PageHeader:
    """Date and agency of a wire dateline opening the story: "RABAT, 3 mars 2021 (AFP) - ...".

    Agency copy starts with the place, the date and the agency before a dash;
    only that prefix is read (a date later in the paragraph is part of the
    story), and only when nothing but a place name and "le" surrounds the date.
    """
    prefix = _DATELINE_END.split(paragraph[:_MAX_DATELINE_CHARS], maxsplit=1)
    if len(prefix) < 2:
        return PageHeader()
    agency = _AGENCY.search(prefix[0])
    bare = _AGENCY.sub(" ", prefix[0])
    found = find_date(bare)
    around = bare if found is None else bare[: found.start] + " " + bare[found.end :]
    place = [word for word in re.findall(r"[^\W\d_]+", around) if fold(word) not in _DATELINE_WORDS]
    if len(place) > _MAX_PLACE_WORDS or (found is None and not all(map(_is_place_name, place))):
        return PageHeader()
    return PageHeader(source=agency["name"].strip() if agency else "", date=found and found.value)


def _is_place_name(word: str) -> bool:
    """A wire dateline's place: "PARIS" in capitals, or a word in Arabic script (no capitals)."""
    return word.isupper() or (not word.isascii() and not any(ch.islower() for ch in word))


def credited_source(lines: Sequence[str]) -> str:
    """The agency or paper a closing credit line names: "المصدر : رويترز", "Source : AFP".

    Copied articles end by naming where they come from; that name is the
    article's source when the page header gives none. Only the last lines are
    read, where such credits stand.
    """
    tail = [line.strip() for line in lines if line.strip()][-_CREDIT_LINES:]
    for line in reversed(tail):
        match = _CREDIT.match(line)
        if match:
            return _AGENCY_WORD.sub("", match["name"] or match["name2"]).strip(" .")
    return ""


def site_header(line: str) -> tuple[str, str] | None:
    """The site name and address from a "- NAME - URL -" banner line, else None.

    Saved pages often start with this banner; it names the source, and taking it
    for the headline would title every article of the site alike.
    """
    match = _SITE_HEADER.match(line)
    return (match["name"], match["url"]) if match else None


def dateline_date(line: str) -> date | None:
    """The date of a line that is only a date ("vendredi, décembre 9, 2022"), else None.

    Besides the date, only weekday names, times and words like "publié le" may be
    on the line; a headline that mentions a date ("Vote du 9 mai 2022 : ...") is
    not a dateline.
    """
    found = find_date(line)
    if found is None:
        return None
    around = line[: found.start] + " " + line[found.end :]
    words = re.findall(r"[^\W\d_]+", around)
    return found.value if all(fold(word) in _DATELINE_WORDS for word in words) else None


def is_breadcrumb(line: str) -> bool:
    """True for a navigation trail like "Accueil > Actualités > Iran : Le ...".

    Scraped trails lose their separators and come out glued
    ("AccueilActualitésActualités: ..."), so a start on the home link, or words
    glued lower-to-upper case twice or more, gives them away. A trailing "..."
    alone is not enough: real headlines may end with an ellipsis.
    """
    return bool(_HOME_CRUMB.match(line)) or len(_GLUED_WORDS.findall(line)) >= 2


def is_boilerplate(line: str) -> bool:
    """True for page furniture that is never article text: share counters and labels."""
    return is_share_counter(line) or is_caps_label(line)


def is_share_counter(line: str) -> bool:
    """True for social widgets flattened to text: "16,297FansLike", "377SubscribersSubscribe"."""
    return bool(_SHARE_COUNTER.match(line))


def is_caps_label(line: str) -> bool:
    """True for a one- or two-word line in Latin capitals: "ADVERTISING", "FOLLOW NCRI".

    Such lines are buttons and ad slots. Arabic has no capitals, so Arabic
    lines are never taken for labels, and longer capitalised lines (a shouted
    subheading) are kept.
    """
    if not 1 <= len(line.split()) <= 2:
        return False
    letters = [ch for ch in line if ch.isalpha()]
    return (
        len(letters) >= 2
        and all(ch.isupper() and ch < "\u0250" for ch in letters)
        and all(ch.isalpha() or ch.isspace() or ch in _LABEL_PUNCTUATION for ch in line)
    )


def is_read_also(line: str) -> bool:
    """True for a "Lire aussi:" / "Read also" / "اقرأ أيضا" line.

    It introduces links to other articles, which are not part of this one.
    """
    return bool(_READ_ALSO.match(fold(line)))


def is_headline(line: str) -> bool:
    """True for a line shaped like a headline: short, and not ending like a sentence.

    Paragraphs end with a full stop; headlines do not, and they are short
    (at most 25 words and 200 characters).
    """
    line = line.strip()
    return (
        any(ch.isalpha() for ch in line)
        and len(line) <= MAX_TITLE_CHARS
        and len(line.split()) <= MAX_HEADLINE_WORDS
        and not line.rstrip(_CLOSING_MARKS).endswith(_CLAUSE_ENDINGS)
    )


def is_repeated_title(line: str, title: str) -> bool:
    """True when ``line`` is the title again, either of them maybe with a " – Rapport" tail.

    Pages often print the headline twice (once in the page title, once above the
    story); the body should not start with a copy of the title.
    """
    line_key, title_key = (" ".join(fold(text).split()) for text in (line, title))
    if not line_key or not title_key:
        return False
    shorter, longer = sorted((line_key, title_key), key=len)
    if not longer.startswith(shorter):
        return False
    tail = longer[len(shorter) :].strip()
    return not tail or (tail[0] in _TITLE_SEPARATORS and len(tail.split()) <= _MAX_TITLE_SUFFIX_WORDS)


def first_sentence(paragraph: str) -> str:
    """A title made from the opening sentence of ``paragraph``.

    Used when an article has no headline. The final full stop is dropped (titles
    do not carry one; "?" and "!" are kept, they change the meaning) and a long
    sentence is cut at a word boundary to 200 characters, ending in "…".
    """
    paragraph = " ".join(paragraph.split())
    end = _SENTENCE_END.search(paragraph)
    sentence = paragraph[: end.end()] if end else paragraph
    if sentence.endswith(".") and not sentence.endswith(".."):
        sentence = sentence[:-1]
    return _shorten(sentence)


def clean_body(lines: Iterable[str]) -> str:
    """The article text: paragraphs without page furniture, joined by blank lines.

    Lines inside a paragraph keep their single line breaks, as in the source.
    After a "Lire aussi:" line, the headline-shaped lines that follow are the
    linked articles and are dropped too, up to the next real paragraph.
    """
    kept: list[str] = []
    in_link_list = False
    for raw in lines:
        line = raw.strip()
        if not line:
            kept.append("")
        elif is_read_also(line):
            in_link_list = not line.partition(":")[2].strip()  # "Lire aussi : <headline>" is its own list
        elif is_boilerplate(line) or (in_link_list and is_headline(line)):
            continue
        else:
            in_link_list = False
            kept.append(without_subheading_mark(line))
    paragraphs = "\n".join(kept).split("\n\n")
    return "\n\n".join(p.strip("\n") for p in paragraphs if p.strip())


def without_subheading_mark(line: str) -> str:
    """``line`` without the "*" or "•" a flattened page puts before a subheading.

    Only headline-shaped lines lose it: a "*" opening a sentence may be a
    footnote mark the author meant.
    """
    bare = _SUBHEADING_MARK.sub("", line)
    return bare if bare != line and is_headline(bare) else line


def _drop_repeated_title(lines: list[str], title: str) -> list[str]:
    for index, line in enumerate(lines):
        if line.strip() and not is_repeated_title(line, title):
            return lines[index:]
    return []


def _shorten(text: str) -> str:
    if len(text) <= MAX_TITLE_CHARS:
        return text
    cut = text[: MAX_TITLE_CHARS - 1]
    if not text[len(cut)].isspace() and " " in cut:  # do not end on half a word
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:،؛-–—") + "…"
