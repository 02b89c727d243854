"""Browsing the index without a query: list articles, show one, find what to delete, sum it up.

``bahith list``, ``show``, ``delete`` and ``stats`` read stored fields and the
vocabulary directly, on the engine's latest state of the index; the command line
and the web pass the engine and never see Whoosh. Articles are named by id (or the start of one, as git names
commits) or by the file they came from.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from weakref import WeakKeyDictionary

from whoosh.searching import Searcher

from indexer.analysis import READING_MARK
from indexer.ingest.discovery import real_path
from search.engine import SearchEngine, iso_date

MIN_ID_PREFIX = 4
"""The shortest start of an id accepted for a whole one: shorter would often be ambiguous."""


@dataclass(frozen=True)
class Article:
    """One indexed article as ``list`` and ``show`` give it (its text only when asked)."""

    id: str
    date: str | None
    lang: str
    source: str
    title: str
    url: str
    path: str
    body: str = ""


def _article(stored: dict[str, object], with_body: bool = False) -> Article:
    return Article(
        id=str(stored["id"]),
        date=iso_date(stored.get("date")),  # type: ignore[arg-type]
        lang=str(stored.get("lang", "")),
        source=str(stored.get("source", "")),
        title=str(stored.get("title", "")),
        url=str(stored.get("url", "")),
        path=str(stored.get("path", "")),
        body=str(stored.get("body", "")) if with_body else "",
    )


def list_articles(
    engine: SearchEngine, *, lang: str | None = None, source: str | None = None, since: date | None = None
) -> list[Article]:
    """The articles matching the filters, newest first, undated last (then by title)."""
    found = []
    for _, stored in engine.searcher().reader().iter_docs():
        when: datetime | None = stored.get("date")
        if (lang and stored.get("lang") != lang) or (source and stored.get("source") != source):
            continue
        if since and (when is None or when.date() < since):
            continue
        found.append(_article(stored))
    found.sort(key=lambda a: a.title)
    found.sort(key=lambda a: a.date or "", reverse=True)
    return found


class AmbiguousId(LookupError):
    """The start of an id that several articles share; the message names them."""


def article_by_id(engine: SearchEngine, wanted: str) -> Article | None:
    """The article whose id is ``wanted``, or starts with it; None when none does."""
    return _by_id(engine.searcher(), wanted)


def _by_id(searcher: Searcher, wanted: str) -> Article | None:
    docnum = searcher.document_number(id=wanted)
    if docnum is not None:
        return _article(searcher.stored_fields(docnum), with_body=True)
    if len(wanted) < MIN_ID_PREFIX:
        return None
    ids = [term.decode("utf-8") for term in searcher.reader().expand_prefix("id", wanted)]
    live = [i for i in ids if searcher.document_number(id=i) is not None]
    if len(live) > 1:
        raise AmbiguousId(f"{wanted} starts the ids of {len(live)} articles: {', '.join(live[:5])}")
    return _by_id(searcher, live[0]) if live else None


def articles_from(engine: SearchEngine, path: Path) -> list[Article]:
    """The articles read from the file ``path``, or from files under the folder ``path``."""
    where = str(real_path(Path(os.path.abspath(path.expanduser()))))
    return [
        _article(stored)
        for _, stored in engine.searcher().reader().iter_docs()
        if stored.get("path") == where or str(stored.get("path", "")).startswith(where + os.sep)
    ]


@dataclass(frozen=True)
class Overview:
    """What ``bahith stats`` adds to the counts: who wrote, when, in how many words, in what state."""

    sources: dict[str, int]
    first_date: str | None
    last_date: str | None
    undated: int
    vocabulary: int
    segments: int
    deleted: int


def overview(engine: SearchEngine) -> Overview:
    """Sources by article count, the date range, the vocabulary and the segments.

    The vocabulary counts the distinct words of titles and bodies as indexed,
    not the readings written behind ``READING_MARK``: those are stems, not more
    words. ``deleted`` counts articles removed but still taking room in a
    segment until the next merge.
    """
    reader = engine.searcher().reader()
    sources: Counter[str] = Counter()
    dates: list[datetime] = []
    for _, stored in reader.iter_docs():
        sources[str(stored.get("source", ""))] += 1
        if stored.get("date") is not None:
            dates.append(stored["date"])
    marked = READING_MARK.encode("utf-8")
    words = {
        term for field in ("title", "body") for term in reader.lexicon(field) if not term.startswith(marked)
    }
    leaves = [leaf for leaf, _ in reader.leaf_readers()]
    return Overview(
        sources=dict(sources.most_common()),
        first_date=iso_date(min(dates)) if dates else None,
        last_date=iso_date(max(dates)) if dates else None,
        undated=sum(sources.values()) - len(dates),
        vocabulary=len(words),
        segments=len(leaves),
        deleted=sum(leaf.doc_count_all() - leaf.doc_count() for leaf in leaves),
    )


_roots: WeakKeyDictionary[Searcher, str | None] = WeakKeyDictionary()
"""Each state of the index's archive root: finding it walks every path."""


def archive_root(engine: SearchEngine) -> str | None:
    """The deepest folder holding every file the index was read from; None for an empty index.

    The index stores absolute paths, which tell whoever reads a web page or an
    API answer where the server keeps its files. Shown under this folder, a
    path still says which file an article came from. The paths are indexed
    terms, kept in order, so the first and the last share what all share.
    Worked out once per state of the index.
    """
    searcher = engine.searcher()
    if searcher not in _roots:
        _roots[searcher] = _common_folder(searcher)
    return _roots[searcher]


def _common_folder(searcher: Searcher) -> str | None:
    paths = searcher.reader().lexicon("path")
    first = next(iter(paths), None)
    if first is None:
        return None
    last = first
    for last in paths:  # noqa: B007 - only the last term is wanted
        pass
    common = os.path.commonpath([first.decode("utf-8"), last.decode("utf-8")])
    return os.path.dirname(common) if first == last else common


def shown_path(path: str, root: str | None) -> str:
    """``path`` relative to ``root`` (see ``archive_root``), or only its name when not under it
    or when the root is the file system's own (which would show the whole path)."""
    if not path:
        return ""
    if root and Path(root) != Path(root).parent and Path(path).is_relative_to(root):
        return Path(path).relative_to(root).as_posix()
    return Path(path).name
