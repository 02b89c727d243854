"""Read one file into articles, turning every problem into a ``Skipped``.

Indexing runs over folders nobody has checked, so a bad file is the normal
case, not an exceptional one: it must be reported in words the user can act on
("file is 52.4 MB, over the 20 MB limit") and must never stop the run.
"""

from __future__ import annotations

import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from indexer.article import Article, Skipped
from indexer.ingest.encoding import NotTextError, decode_bytes
from indexer.ingest.feeds import read_feed
from indexer.ingest.html import MalformedHtmlError, parse_html
from indexer.ingest.json_records import read_json, read_jsonl
from indexer.ingest.markdown import parse_markdown
from indexer.ingest.news_text import parse_page
from indexer.ingest.normalize import normalize_text
from indexer.ingest.page import MAX_ARTICLE_CHARS, Page, to_article, too_long
from indexer.ingest.warc import read_warc

MAX_FILE_BYTES = 10 * 1024 * 1024
"""Bigger files are not news articles but dumps or mistakes. Reading one costs
several times its size: its text takes up to 4 bytes a character in Python, and
parsing JSON copies it again; at 10 MB the worst file peaks near 120 MB, at 20 MB
it passed 250 MB."""

MAX_PAGE_CHARS = 5 * MAX_ARTICLE_CHARS
"""A one-article file (text, Markdown, HTML) longer than this, markup and page
furniture included, cannot hold an article within ``MAX_ARTICLE_CHARS``; it is
refused before parsing, which would cost several times its size in memory."""

_PAGE_PARSERS: dict[str, Callable[[str], Page]] = {
    ".txt": parse_page,
    ".md": parse_markdown,
    ".html": parse_html,
    ".htm": parse_html,
}
_RECORD_READERS: dict[str, Callable[[str, str], Iterator[Article | Skipped]]] = {
    ".json": read_json,
    ".jsonl": read_jsonl,
    ".xml": read_feed,
    ".rss": read_feed,
    ".atom": read_feed,
}
_ARCHIVE_READERS = {".warc": read_warc, ".warc.gz": read_warc}
"""Archives are streamed from the file, record by record, whatever their size."""
SUPPORTED_SUFFIXES: frozenset[str] = (
    frozenset(_PAGE_PARSERS) | frozenset(_RECORD_READERS) | frozenset(_ARCHIVE_READERS)
)

UNSUPPORTED = "unsupported file type, expected one of " + ", ".join(sorted(SUPPORTED_SUFFIXES))
EMPTY = "empty file"
FOLDER = "is a folder, not a file"
_MEGABYTE = 1024 * 1024


GUESSED = "not UTF-8: read as {codec} by guessing; check that it reads right, or save it as UTF-8"


@dataclass(frozen=True)
class Notice:
    """Something to check about a file that was indexed all the same."""

    path: str
    message: str


class _Unreadable(Exception):
    """The file's bytes could not be had or are not text; the message says why."""


def read_articles(
    path: Path, on_notice: Callable[[Notice], None] | None = None
) -> Iterator[Article | Skipped]:
    """The articles in the file at ``path``, and a ``Skipped`` for each problem.

    Never raises for bad input. A one-article file gives one ``Article`` or one
    ``Skipped(str(path), reason)``; a JSON Lines file gives one item per line,
    so a broken line is reported while the good ones are still indexed. A file
    read in an encoding chosen by guessing is still read, and ``on_notice`` is
    told, since a wrong guess would index mojibake nobody can find.
    """
    path = Path(path)
    name = str(path)
    suffix = file_kind(path)
    if suffix not in SUPPORTED_SUFFIXES:
        yield Skipped(name, UNSUPPORTED)
        return
    if suffix in _ARCHIVE_READERS:
        tell = (lambda message: on_notice(Notice(name, message))) if on_notice else None
        yield from _ARCHIVE_READERS[suffix](path, name, tell)
        return
    try:
        decoded = decode_bytes(_read_bytes(path))
    except (_Unreadable, NotTextError) as problem:
        yield Skipped(name, str(problem))
        return
    if suffix in _PAGE_PARSERS and len(decoded.text) > MAX_PAGE_CHARS:
        yield Skipped(name, too_long("page", len(decoded.text), MAX_PAGE_CHARS))
        return
    if decoded.guessed and on_notice:
        on_notice(Notice(name, GUESSED.format(codec=decoded.guessed)))
    text = normalize_text(decoded.text)
    del decoded  # one copy of a large file's text at a time
    if not text.strip():
        yield Skipped(name, EMPTY)
    elif suffix in _RECORD_READERS:
        yield from _RECORD_READERS[suffix](text, name)
    else:
        try:
            page = _PAGE_PARSERS[suffix](text)
        except MalformedHtmlError as problem:
            yield Skipped(name, str(problem))
            return
        yield to_article(page, name)


def file_kind(path: Path) -> str:
    """The suffix that says a file's format, lowercase: ".warc.gz" for a compressed archive."""
    name = path.name.lower()
    return ".warc.gz" if name.endswith(".warc.gz") else Path(name).suffix


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, refusing early what we cannot or should not read.

    The size is checked before reading, so a 5 GB dump costs nothing; a FIFO or
    device is refused before opening, since reading it could block forever.
    """
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise _Unreadable(FOLDER)
        if not stat.S_ISREG(info.st_mode):
            raise _Unreadable("not a regular file")
        if info.st_size > MAX_FILE_BYTES:
            raise _Unreadable(_too_large(info.st_size))
        with path.open("rb") as file:
            data = file.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise _Unreadable("file vanished before it could be read") from None
    except PermissionError:
        raise _Unreadable("permission denied") from None
    except OSError as error:
        raise _Unreadable(f"could not be read: {os_error_text(error)}") from None
    if len(data) > MAX_FILE_BYTES:  # it grew after we looked at its size
        raise _Unreadable(_too_large(len(data)))
    return data


def os_error_text(error: OSError) -> str:
    """The operating system's own short words for an error, e.g. "input/output error"."""
    return (error.strerror or "unknown error").lower()


def _too_large(size: int) -> str:
    return f"file is {size / _MEGABYTE:.1f} MB, over the {MAX_FILE_BYTES // _MEGABYTE} MB limit"
