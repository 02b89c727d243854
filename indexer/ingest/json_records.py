"""Read articles from JSON files (one object, or a list of them) and JSON Lines.

Such files come from feeds and scrapers and hold many articles, so one bad
record must never cost the others: each broken line or unusable record becomes
its own ``Skipped``, naming where it is ("file.jsonl:7", "file.json[3]").

A record needs ``body`` (or ``text``); ``title``, ``url``, ``date``, ``lang`` and
``source`` are optional. A body given as a list of strings is read as paragraphs.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any

from indexer.article import Article, Skipped
from indexer.ingest.dates import parse_date
from indexer.ingest.news_text import clean_body, first_sentence
from indexer.ingest.page import MAX_ARTICLE_CHARS, Page, to_article, too_long

NO_BODY = "record has no body or text"
_MILLISECOND_TIMESTAMPS_FROM = 10**11
"""Epoch seconds reach 10**11 in the year 5138, so bigger numbers are milliseconds."""


class RecordError(ValueError):
    """A record that cannot become an article; the message says why."""


def read_json(text: str, path: str) -> Iterator[Article | Skipped]:
    """The articles of a .json file: one object, or a list of objects.

    A file that is not valid JSON as a whole is one ``Skipped``: unlike JSON
    Lines, there is no way to tell where the next good record starts. A null in
    a list is a deleted record that keeps the later records' places (and ids).
    """
    try:
        data = json.loads(text, strict=False)
    except (ValueError, RecursionError) as error:
        yield Skipped(path, _invalid_json(error, with_line=True))
        return
    if isinstance(data, dict):
        yield _article(data, path, part="", where=path)
    elif isinstance(data, list):
        if not data:
            yield Skipped(path, "empty list, no records")
        for index, record in enumerate(data):
            if record is not None:  # a record deleted in place (see ``indexer.uploads``)
                yield _article(record, path, part=str(index), where=f"{path}[{index}]")
    else:
        yield Skipped(path, f"holds {_kind(data)}, expected an object or a list of objects")


def read_jsonl(text: str, path: str) -> Iterator[Article | Skipped]:
    """The articles of a .jsonl file, one JSON object per line; blank lines are ignored."""
    for lineno, line in enumerate(_lines(text), start=1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            record = json.loads(line, strict=False)
        except (ValueError, RecursionError) as error:
            yield Skipped(where, _invalid_json(error, with_line=False))
            continue
        yield _article(record, path, part=str(lineno), where=where)


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text`` one at a time: a list of them all would be a second copy of the file."""
    start = 0
    while start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        yield text[start:end]
        start = end + 1


def page_from_record(record: dict[str, Any]) -> Page:
    """The ``Page`` a JSON record describes; raises ``RecordError`` if it has no usable body.

    The body gets the same boilerplate clean-up as a text page, since scrapers
    copy share counters and "Lire aussi" lists just the same. Without a title,
    the body's first sentence is used. An unreadable date is dropped, not fatal.
    """
    body = _text_field(record, "body") or _text_field(record, "text")
    if not body.strip():
        raise RecordError(NO_BODY)
    if len(body) > MAX_ARTICLE_CHARS:  # refused before the clean-up copies it
        raise RecordError(too_long("article", len(body), MAX_ARTICLE_CHARS))
    body = clean_body(body.split("\n"))
    return Page(
        title=_text_field(record, "title") or first_sentence(body.split("\n", 1)[0]),
        body=body,
        source=_text_field(record, "source"),
        url=_text_field(record, "url"),
        date=_date_field(record.get("date")),
        lang=_text_field(record, "lang"),
    )


def _article(record: object, path: str, part: str, where: str) -> Article | Skipped:
    if not isinstance(record, dict):
        return Skipped(where, f"record is {_kind(record)}, expected an object")
    try:
        page = page_from_record(record)
    except RecordError as error:
        return Skipped(where, str(error))
    return to_article(page, path, part, where)


def _text_field(record: dict[str, Any], name: str) -> str:
    """A field as text: numbers are written out, a list of strings is paragraphs."""
    value = record.get(name)
    if value is None or isinstance(value, str):
        return value or ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return "\n\n".join(value)
    raise RecordError(f"field '{name}' is {_kind(value)}, expected text")


def _date_field(value: object) -> date | None:
    """A date from an ISO or written-out string, or from a Unix timestamp."""
    if isinstance(value, str):
        return parse_date(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        seconds = value / 1000 if abs(value) >= _MILLISECOND_TIMESTAMPS_FROM else value
        try:
            return datetime.fromtimestamp(seconds, tz=UTC).date()
        except (OverflowError, OSError, ValueError):
            return None
    return None


def _kind(value: object) -> str:
    """What a JSON value is, in words a user of JSON knows."""
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bool):
        return "true or false"
    if value is None:
        return "null"
    return "a number"


def _invalid_json(error: ValueError | RecursionError, with_line: bool) -> str:
    if isinstance(error, RecursionError):
        return "invalid JSON: nested too deeply"
    if not isinstance(error, json.JSONDecodeError):
        return "invalid JSON: number too long"
    message = error.msg[0].lower() + error.msg[1:]
    where = f"line {error.lineno}, column {error.colno}" if with_line else f"column {error.colno}"
    return f"invalid JSON: {message} ({where})"
