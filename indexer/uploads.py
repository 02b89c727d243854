"""Articles sent over the API, kept as files so a full rebuild reproduces the index.

An upload is written into the articles folder (``uploads/`` inside it) before it
is indexed: the folder, not the index, is the record of what Bahith holds, and
``bahith index --rebuild ARTICLES`` rebuilds everything from it.

A server can die at any moment, so no state a rebuild could misread is ever left
on disk. Each upload is written under a hidden temporary name (the indexer never
reads hidden files), checked, and only then renamed to its real name, so a file
under a real name is always complete and readable. The real name is derived from
the content, so sending the same article again, say after a server died before
answering, lands in the same file and the same article, never in a duplicate.
A file that cannot be read as an article is never given a real name, and the
upload is refused with the reason.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import threading
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from indexer.article import Article, Skipped, article_id
from indexer.ingest import SUPPORTED_SUFFIXES, read_articles
from indexer.ingest.encoding import NotTextError, decode
from indexer.ingest.normalize import normalize_text
from indexer.ingest.reading import file_kind
from indexer.update import RunSummary, apply_changes

ARTICLES_ENV = "BAHITH_ARTICLES"
UPLOADS = "uploads"
RECORD_FIELDS = ("title", "body", "text", "url", "date", "lang", "source")
TEMPORARY_PREFIX = ".upload-"
"""Hidden, so neither a run of ``bahith index`` nor the watcher reads a file being written."""

_rewriting = threading.Lock()
"""Deleting one record rewrites its file; two such deletions must not interleave."""


class UploadRejected(ValueError):
    """An upload that is not a readable article; the message says why."""


def default_articles_dir(index_dir: Path) -> Path:
    """``$BAHITH_ARTICLES``, else an ``articles`` folder beside the index folder."""
    configured = os.environ.get(ARTICLES_ENV)
    return Path(configured).expanduser() if configured else index_dir.parent / "articles"


def _destination(articles_dir: Path, filename: str, data: bytes) -> Path:
    suffix = file_kind(Path(filename))
    if suffix not in SUPPORTED_SUFFIXES:
        kinds = ", ".join(sorted(SUPPORTED_SUFFIXES))
        raise UploadRejected(f"'{filename}' is not an article file; send one of {kinds}")
    stem = re.sub(r"[^\w-]+", "-", Path(filename).name[: -len(suffix)]).strip("-")[:60] or "article"
    folder = articles_dir / UPLOADS / datetime.now(UTC).strftime("%Y-%m")
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{stem}-{hashlib.sha256(data).hexdigest()[:16]}{suffix}"


def _write_complete(path: Path, data: bytes) -> None:
    """Put ``data`` at ``path`` all at once: written and synced under a hidden name, then renamed.

    The bytes are checked as an article under the hidden name (which keeps the
    suffix, so they are read as the format they claim to be); a file that is
    not one is removed and ``UploadRejected`` raised.
    """
    temporary = path.with_name(f"{TEMPORARY_PREFIX}{uuid.uuid4().hex}{path.suffix}")
    try:
        with temporary.open("xb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        problems = [item for item in read_articles(temporary) if isinstance(item, Skipped)]
        if problems:
            raise UploadRejected(problems[0].reason)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` survive a power cut, where the system allows it."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _store_and_index(index_dir: Path, path: Path, data: bytes) -> list[Article]:
    """Write an upload's file and index it; the articles it holds.

    If indexing fails (another writer holds the index too long), a file this
    upload created is removed again, so a refused upload leaves nothing behind.
    """
    existed = path.exists()
    _write_complete(path, data)
    try:
        apply_changes(index_dir, [path], [])
    except BaseException:
        if not existed:
            path.unlink(missing_ok=True)
        raise
    return [item for item in read_articles(path) if isinstance(item, Article)]


def add_file(index_dir: Path, articles_dir: Path, filename: str, data: bytes) -> list[Article]:
    """Keep an uploaded file in the articles folder and index it; the articles it held."""
    return _store_and_index(index_dir, _destination(articles_dir, filename, data), data)


def add_record(index_dir: Path, articles_dir: Path, record: dict[str, Any]) -> Article:
    """Keep a JSON article (title, body, url, date, lang, source) as a file and index it."""
    unknown = sorted(set(record) - set(RECORD_FIELDS))
    if unknown:
        raise UploadRejected(f"unknown field(s) {', '.join(unknown)}; allowed: {', '.join(RECORD_FIELDS)}")
    for name, value in record.items():
        if any(not _is_unicode(text) for text in _strings(value)):
            raise UploadRejected(
                f"field '{name}' holds an escape that is no character (a lone UTF-16 surrogate such "
                "as \\ud800): send the text itself, or both halves of the pair"
            )
    data = json.dumps(record, ensure_ascii=False, indent=2).encode("utf-8")
    title = record.get("title") if isinstance(record.get("title"), str) else ""
    path = _destination(articles_dir, f"{title or 'article'}.json", data)
    return _store_and_index(index_dir, path, data)[0]


def _strings(value: object) -> Iterator[str]:
    """Every string in a JSON value, however nested."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _strings(item)


def _is_unicode(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def is_upload(articles_dir: Path, path: str) -> bool:
    """Whether an indexed article came in through the API (and so may be deleted through it)."""
    return Path(path).resolve().is_relative_to((articles_dir / UPLOADS).resolve())


def remove_upload(index_dir: Path, articles_dir: Path, path: str, doc_id: str) -> RunSummary:
    """Take one uploaded article out of the index, and out of its file.

    A file of one article is deleted. From a JSON Lines or JSON list file of
    several, only that record goes: its line is blanked, or its list entry made
    null, so the other records keep their places and with them their ids. A
    feed or archive of several is refused (``UploadRejected``) rather than
    deleted whole.
    """
    if not is_upload(articles_dir, path):
        raise UploadRejected(f"{path} was not uploaded; delete the file and reindex instead")
    file = Path(path)
    with _rewriting:
        remaining = _without_record(file, doc_id)
        if remaining is None:
            file.unlink(missing_ok=True)
            return apply_changes(index_dir, [], [file])
        _write_complete(file, remaining)
        return apply_changes(index_dir, [file], [])


def _without_record(path: Path, doc_id: str) -> bytes | None:
    """The content of ``path`` without the record ``doc_id``; None if nothing else would remain."""
    suffix = path.suffix.lower()
    if suffix not in (".jsonl", ".json"):
        held = sum(isinstance(item, Article) for item in read_articles(path))
        if held > 1:
            raise UploadRejected(
                f"{path.name} holds {held} articles and only JSON and JSON Lines files can lose one "
                "alone; nothing was deleted"
            )
        return None
    try:
        text = normalize_text(decode(path.read_bytes()))
    except (OSError, NotTextError):
        return None
    if suffix == ".jsonl":
        lines = text.split("\n")
        kept = ["" if article_id(str(path), str(n)) == doc_id else line for n, line in enumerate(lines, 1)]
        return "\n".join(kept).encode("utf-8") if any(line.strip() for line in kept) else None
    try:
        records = json.loads(text, strict=False)
    except (ValueError, RecursionError):
        return None
    if not isinstance(records, list):
        return None
    kept_records = [None if article_id(str(path), str(n)) == doc_id else r for n, r in enumerate(records)]
    if all(record is None for record in kept_records):
        return None
    return json.dumps(kept_records, ensure_ascii=False, indent=2).encode("utf-8")
