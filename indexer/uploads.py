"""Articles sent over the API, kept as files so a full rebuild reproduces the index.

An upload is written into the articles folder (``uploads/`` inside it) before it
is indexed: the folder, not the index, is the record of what Bahith holds, and
``bahith index --rebuild ARTICLES`` rebuilds everything from it. A file that
cannot be read as an article is removed again and the upload is refused with
the reason.
"""

from __future__ import annotations

import json
import os
import re
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from indexer.article import Article, Skipped
from indexer.ingest import SUPPORTED_SUFFIXES, read_articles
from indexer.update import RunSummary, apply_changes

ARTICLES_ENV = "BAHITH_ARTICLES"
UPLOADS = "uploads"
RECORD_FIELDS = ("title", "body", "text", "url", "date", "lang", "source")


class UploadRejected(ValueError):
    """An upload that is not a readable article; the message says why."""


def default_articles_dir(index_dir: Path) -> Path:
    """``$BAHITH_ARTICLES``, else an ``articles`` folder beside the index folder."""
    configured = os.environ.get(ARTICLES_ENV)
    return Path(configured).expanduser() if configured else index_dir.parent / "articles"


def _destination(articles_dir: Path, filename: str) -> Path:
    suffix = Path(filename).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        kinds = ", ".join(sorted(SUPPORTED_SUFFIXES))
        raise UploadRejected(f"'{filename}' is not an article file; send one of {kinds}")
    stem = re.sub(r"[^\w-]+", "-", Path(filename).stem).strip("-")[:60] or "article"
    folder = articles_dir / UPLOADS / datetime.now(UTC).strftime("%Y-%m")
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{stem}-{uuid.uuid4().hex[:8]}{suffix}"


def _index_new_file(index_dir: Path, path: Path) -> tuple[list[Article], RunSummary]:
    items = list(read_articles(path))
    problems = [item for item in items if isinstance(item, Skipped)]
    if problems:
        path.unlink(missing_ok=True)
        raise UploadRejected(problems[0].reason)
    return [item for item in items if isinstance(item, Article)], apply_changes(index_dir, [path], [])


def add_file(index_dir: Path, articles_dir: Path, filename: str, data: bytes) -> list[Article]:
    """Keep an uploaded file in the articles folder and index it; the articles it held."""
    path = _destination(articles_dir, filename)
    path.write_bytes(data)
    articles, _ = _index_new_file(index_dir, path)
    return articles


def add_record(index_dir: Path, articles_dir: Path, record: dict[str, Any]) -> Article:
    """Keep a JSON article (title, body, url, date, lang, source) as a file and index it."""
    unknown = sorted(set(record) - set(RECORD_FIELDS))
    if unknown:
        raise UploadRejected(f"unknown field(s) {', '.join(unknown)}; allowed: {', '.join(RECORD_FIELDS)}")
    path = _destination(articles_dir, f"{record.get('title') or 'article'}.json")
    path.write_text(json.dumps(record, ensure_ascii=False, indent=2), encoding="utf-8")
    articles, _ = _index_new_file(index_dir, path)
    return articles[0]


def is_upload(articles_dir: Path, path: str) -> bool:
    """Whether an indexed article came in through the API (and so may be deleted through it)."""
    return Path(path).resolve().is_relative_to((articles_dir / UPLOADS).resolve())


def remove_upload(index_dir: Path, articles_dir: Path, path: str) -> RunSummary:
    """Delete an uploaded article's file and take it out of the index."""
    if not is_upload(articles_dir, path):
        raise UploadRejected(f"{path} was not uploaded; delete the file and reindex instead")
    Path(path).unlink(missing_ok=True)
    return apply_changes(index_dir, [], [Path(path)])
