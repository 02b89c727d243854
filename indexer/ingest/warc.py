"""Read WARC web archives: every archived HTML page is an article.

WARC is how the Internet Archive, national libraries and newsroom crawlers keep
the web. An archive holds many records of which only some are pages: the
requests the crawler sent, "revisit" records that point back at an earlier
copy, images, scripts and style sheets. Only HTML ``response`` records are
read, through the same reader as a saved page; the others are counted and
reported once per archive, not one by one.

Archives run to gigabytes, so one is read as a stream, one record at a time,
and never as a whole; a record's page is read only up to the size a page may
have. An archive cut short or damaged (a crawl stopped mid-write, a bad copy)
keeps what came before the damage, and the report says where it stopped.
"""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from indexer.article import Article, Skipped
from indexer.ingest.dates import parse_date
from indexer.ingest.encoding import NotTextError, decode_bytes
from indexer.ingest.html import MalformedHtmlError, parse_html
from indexer.ingest.normalize import normalize_text
from indexer.ingest.page import MAX_ARTICLE_CHARS, Page, to_article

MAX_RECORD_BYTES = 5 * MAX_ARTICLE_CHARS
"""A page bigger than this cannot hold an article within ``MAX_ARTICLE_CHARS``."""

NOT_WARC = "not a WARC archive"
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_READ_CHUNK = 64 * 1024


def read_warc(
    path: Path, name: str, tell: Callable[[str], None] | None = None
) -> Iterator[Article | Skipped]:
    """The articles of a ``.warc`` or ``.warc.gz`` file at ``path``, shown to the user as ``name``.

    Each article's url is the record's target URI, its date the page's own or
    else the capture date, its id the record's WARC-Record-ID within the file.
    ``tell`` gets one line saying how many records were skipped and of which
    kinds. A damaged archive ends with one ``Skipped`` naming the last good
    record and the byte offset where reading stopped.
    """
    skipped: Counter[str] = Counter()
    pages = 0
    end = 0  # where the last record read whole ends
    try:
        with path.open("rb") as stream:
            records = ArchiveIterator(stream)
            for record in records:
                if record.format != "warc" or not record.rec_type:
                    raise ValueError(NOT_WARC)
                kind = _kind(record)
                data = _payload(record) if kind == "page" else b""
                offset = records.get_record_offset()
                if getattr(record.raw_stream, "limit", 0):  # bytes its header promised, never read
                    raise EOFError
                end = offset + records.get_record_length()
                if kind != "page":
                    skipped[kind] += 1
                    continue
                pages += 1
                yield _article(record, data, path=name, where=f"{name} record at byte {offset}")
        size = path.stat().st_size
    except OSError as error:
        yield Skipped(name, f"could not be read: {(error.strerror or str(error)).lower()}")
        return
    except (ArchiveLoadFailed, zlib.error, EOFError, ValueError) as error:
        yield Skipped(name, _damaged(end, _reason(error)))
    else:
        if not size:
            yield Skipped(name, "empty file")
        elif end < size and not _only_line_breaks_after(path, end):
            yield Skipped(name, _damaged(end, _reason(EOFError())))
        elif not pages:
            yield Skipped(name, f"no HTML pages in the archive, only {_counts(skipped) or 'blank lines'}")
            return
    if tell and skipped:
        tell(f"{pages} HTML pages read; skipped {_counts(skipped)}")


def _counts(skipped: Counter[str]) -> str:
    return ", ".join(f"{count} {kind}" for kind, count in sorted(skipped.items()))


def _only_line_breaks_after(path: Path, end: int) -> bool:
    """True when the file holds nothing but line breaks after ``end``.

    An uncompressed archive ends with the blank lines that close its last
    record, which the record's length does not count.
    """
    with path.open("rb") as stream:
        stream.seek(end)
        rest = stream.read(_READ_CHUNK)
    return not rest.strip(b"\r\n")


def _damaged(end: int, why: str) -> str:
    """The reason for an archive that could not be read to its end, saying where it stopped."""
    where = f"at byte {end:,}, after the last whole record" if end else "at its start"
    return f"damaged or truncated archive, reading stopped {where}: {why}"


def _kind(record: Any) -> str:
    """What a record is, in the words of the report: "page" for an HTML response."""
    if record.rec_type != "response":
        return {"request": "requests", "revisit": "revisits"}.get(record.rec_type, "other records")
    if not record.http_headers:
        return "non-HTTP responses"
    content_type = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if content_type not in HTML_TYPES:
        return "non-HTML responses"
    if record.http_headers.get_statuscode() != "200":
        return "error or redirect responses"
    return "page"


def _article(record: Any, data: bytes | None, path: str, where: str) -> Article | Skipped:
    target = record.rec_headers.get_header("WARC-Target-URI") or ""
    if data is None:
        return Skipped(where, f"page is over the {MAX_RECORD_BYTES:,} bytes limit")
    try:
        page = parse_html(_html_text(data, record), url=target)
    except (MalformedHtmlError, NotTextError) as error:
        return Skipped(where, str(error))
    captured = parse_date(record.rec_headers.get_header("WARC-Date") or "")
    page = Page(
        title=page.title,
        body=page.body,
        source=page.source,
        url=page.url or target,
        date=page.date or captured,
        lang=page.lang,
    )
    part = record.rec_headers.get_header("WARC-Record-ID") or target
    return to_article(page, path, part=part, where=where)


def _payload(record: Any) -> bytes | None:
    """The decoded HTTP body, or None when it is over ``MAX_RECORD_BYTES``."""
    stream = record.content_stream()
    chunks: list[bytes] = []
    size = 0
    while chunk := stream.read(_READ_CHUNK):
        size += len(chunk)
        if size > MAX_RECORD_BYTES:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def _html_text(data: bytes, record: Any) -> str:
    """The page's text in the charset its HTTP header names, else as Bahith guesses it."""
    content_type = record.http_headers.get_header("Content-Type") or ""
    charset = content_type.partition("charset=")[2].split(";")[0].strip().strip("\"'")
    if charset:
        try:
            return normalize_text(data.decode(charset))
        except (LookupError, UnicodeDecodeError):
            pass
    return normalize_text(decode_bytes(data).text)


def _reason(error: Exception) -> str:
    if isinstance(error, EOFError | zlib.error):
        return "the file ends in the middle of a record"
    if isinstance(error, ArchiveLoadFailed):
        return NOT_WARC if "Unknown archive format" in str(error) else "a record is not WARC"
    return str(error).split("\n")[0] or "unreadable record"
