"""The story page and the Atom feeds: follow a search or a story from a feed reader.

``/story/<id>`` lists every article of a story in date order, copies folded
under their original with what each adds or drops. ``/feeds/search.atom?q=``
and ``/feeds/story/<id>.atom`` serve the newest matching articles (by when they
were indexed) as Atom feeds (RFC 4287), which any feed reader can poll; the
search feed takes every query feature, plus ``lang`` and ``exact`` as the page
does. The page's own words are kept here, in the three interface languages.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from xml.etree import ElementTree

from flask import Blueprint, Response, abort, g, render_template, request, url_for
from markupsafe import Markup, escape

from search.engine import SearchEngine
from search.errors import QueryError
from search.present.stories import (
    FeedEntry,
    HitGroup,
    Story,
    StoryIndex,
    newest_matches,
    story_entries,
    story_page,
)
from web.library import current_library
from web.params import text_arg
from web.plurals import counted

bp = Blueprint("stories", __name__)

ATOM = "http://www.w3.org/2005/Atom"
ATOM_TYPE = "application/atom+xml; charset=utf-8"
FEED_ENTRIES = 30

WORDS: dict[str, dict[str, str]] = {
    "story": {"ar": "قصة إخبارية", "fr": "Un même événement", "en": "One story"},
    "copies": {"ar": "نسخ من هذا المقال", "fr": "Reprises de cet article", "en": "Copies of this article"},
    "adds": {"ar": "يضيف", "fr": "Ajoute", "en": "Adds"},
    "drops": {"ar": "يحذف", "fr": "Retire", "en": "Drops"},
    "same_text": {"ar": "النص نفسه", "fr": "Même texte", "en": "Same text"},
    "feed": {"ar": "تابع عبر Atom", "fr": "Suivre (Atom)", "en": "Follow (Atom)"},
    "undated": {"ar": "بلا تاريخ", "fr": "non daté", "en": "undated"},
    "also_in": {"ar": "وتنشرها أيضًا: {listed}", "fr": "Aussi dans : {listed}", "en": "Also in: {listed}"},
    "in_lang": {"ar": "بال{lang}", "fr": "en {lang}", "en": "in {lang}"},
    "whole_story": {
        "ar": "القصة كاملة ({articles})",
        "fr": "Tout l’événement ({articles})",
        "en": "The whole story ({articles})",
    },
    "expand": {"ar": "كل المقالات", "fr": "Tous les articles", "en": "Every article"},
    "group": {"ar": "نتيجة لكل قصة", "fr": "Un résultat par événement", "en": "One result per story"},
    "stories_summary": {
        "ar": "القصص {first}–{last} من أصل {articles}",
        "fr": "Événements {first} à {last}, sur {articles}",
        "en": "Stories {first}–{last}, from {articles}",
    },
    "last_page": {
        "ar": "تملأ النتائج {pages}.",
        "fr": "Les résultats tiennent en {pages}.",
        "en": "The results fill {pages}.",
    },
    "sort": {"ar": "الترتيب:", "fr": "Trier :", "en": "Sort:"},
    "sort_relevance": {"ar": "الأقرب", "fr": "pertinence", "en": "relevance"},
    "sort_date": {"ar": "الأحدث أولًا", "fr": "plus récents d’abord", "en": "newest first"},
    "sort_-date": {"ar": "الأقدم أولًا", "fr": "plus anciens d’abord", "en": "oldest first"},
}

LANG_WORDS = {
    "ar": {"ar": "عربية", "fr": "فرنسية"},
    "fr": {"ar": "arabe", "fr": "français"},
    "en": {"ar": "Arabic", "fr": "French"},
}
"""A language as the "also in" line names it, in each interface language."""
LIST_JOINS = {"ar": ("، ", " و"), "fr": (", ", " et "), "en": (", ", ", and ")}
"""How a list is joined: between its items, and before its last."""


def _ui_lang() -> str:
    ui = g.get("ui")
    return ui.lang if ui else "en"


def _words(key: str, **values: object) -> str:
    message = WORDS[key][_ui_lang()]
    return message.format(**values) if values else message


def _counted(noun: str, number: int) -> str:
    return counted(_ui_lang(), noun, number)


def also_in(group: HitGroup) -> Markup:
    """The "also in: source A, source B, and in French" line of a story's result, in the
    interface language, each source isolated in its own direction (an Arabic name in an
    English line); empty when no other source or language carries the story."""
    sources, langs = group.also_in()
    names = LANG_WORDS[_ui_lang()]
    parts = [
        *(Markup('<bdi dir="auto">{}</bdi>').format(source) for source in sources),
        *(escape(_words("in_lang", lang=names.get(lang, lang))) for lang in langs),
    ]
    if not parts:
        return Markup()
    comma, last = LIST_JOINS[_ui_lang()]
    listed = parts[0] if len(parts) == 1 else Markup(comma).join(parts[:-1]) + Markup(last) + parts[-1]
    return escape(_words("also_in", listed="\0")).replace("\0", listed)


@bp.app_context_processor
def _inject() -> dict[str, object]:
    return {"story_words": _words, "counted": _counted, "also_in": also_in}


def _engine() -> SearchEngine:
    return current_library()._engine  # the thread's engine: one set of open segments per thread


def _story(story_id: str) -> Story:
    with StoryIndex(current_library().index_dir) as stories:
        found = stories.story(story_id)
    if found is None:
        abort(404)
    return found


@bp.get("/story/<story_id>")
def story(story_id: str) -> str:
    """Every article of a story, in date order, copies under their original."""
    found = _story(story_id)
    entries = story_page(_engine(), found)
    return render_template("story.html", story=found, entries=entries, query=request.args.get("q", ""))


def _rfc3339(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _add(
    parent: ElementTree.Element, tag: str, text: str | None = None, **attributes: str
) -> ElementTree.Element:
    element = ElementTree.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
    if text is not None:
        element.text = text
    return element


def atom_feed(feed_id: str, title: str, alternate: str, entries: list[FeedEntry]) -> bytes:
    """An Atom document of ``entries``: the elements RFC 4287 requires, and links back to Bahith."""
    ElementTree.register_namespace("", ATOM)
    feed = ElementTree.Element(f"{{{ATOM}}}feed")
    _add(feed, "id", feed_id)
    _add(feed, "title", title, type="text")
    updated = max((entry.added_at for entry in entries), default=datetime.now(UTC))
    _add(feed, "updated", _rfc3339(updated))
    _add(_add(feed, "author"), "name", "Bahith")
    _add(feed, "link", rel="self", type="application/atom+xml", href=request.url)
    _add(feed, "link", rel="alternate", type="text/html", href=alternate)
    _add(feed, "generator", "Bahith")
    for entry in entries:
        item = _add(feed, "entry")
        if entry.lang:
            item.set("{http://www.w3.org/XML/1998/namespace}lang", entry.lang)
        page = url_for("pages.article", article_id=entry.id, _external=True)
        _add(item, "id", page)
        _add(item, "title", entry.title or entry.id, type="text")
        _add(item, "updated", _rfc3339(entry.added_at))
        if entry.date:
            _add(item, "published", f"{entry.date}T00:00:00Z")
        _add(_add(item, "author"), "name", entry.source or "Bahith")
        _add(item, "link", rel="alternate", type="text/html", href=page)
        if entry.url.startswith(("http://", "https://")):
            _add(item, "link", rel="via", href=entry.url)
        if entry.summary:
            _add(item, "summary", entry.summary, type="text")
    return ElementTree.tostring(feed, encoding="utf-8", xml_declaration=True)


def _atom(body: bytes) -> Response:
    return Response(body, status=200, content_type=ATOM_TYPE)


def _refused(message: str) -> Response:
    return Response(f"{message}\n", status=400, content_type="text/plain; charset=utf-8")


@bp.get("/feeds/search.atom")
def search_feed() -> Response:
    """The newest articles matching ``q`` (any query, ``lang``, ``exact``) as an Atom feed."""
    text = request.args.get("q", "").strip()
    if not text:
        return _refused("give a query: /feeds/search.atom?q=…")
    exact = request.args.get("exact") == "1"
    try:
        lang = text_arg(request.args, "lang")
        entries = newest_matches(_engine(), text, limit=FEED_ENTRIES, lang=lang, exact=exact)
    except QueryError as error:
        return _refused(str(error))
    key = hashlib.sha1(f"{text}\x1f{lang}\x1f{exact}".encode()).hexdigest()
    feed_id = f"urn:sha1:{key}"
    alternate = url_for("pages.search", q=text, lang=lang, exact="1" if exact else None, _external=True)
    return _atom(atom_feed(feed_id, f"Bahith: {text}", alternate, entries))


@bp.get("/feeds/story/<story_id>.atom")
def story_feed(story_id: str) -> Response:
    """The newest articles of a story as an Atom feed."""
    found = _story(story_id)
    entries = story_entries(_engine(), found, FEED_ENTRIES)
    alternate = url_for("stories.story", story_id=story_id, _external=True)
    title = next((m.title for m in found.members if m.copy_of is None), story_id)
    return _atom(atom_feed(alternate, f"Bahith: {title}", alternate, entries))
