"""Poll news feeds and index their new and changed entries.

A feed shows only its latest entries, so what it held yesterday is gone from
it today. Each entry fetched is therefore kept as a JSON record in a folder of
the feed's own beside the index (``<index>.feeds/<site>-<hash>/``), one file
per entry, named after the entry's id: the folder grows into the feed's
archive, an entry that leaves the feed stays searchable, and indexing the
folder is an ordinary incremental run (new entries added, changed ones
updated, the rest left alone by their content hash).

Polls are conditional requests: the feed's ``ETag`` and ``Last-Modified`` are
kept (in the folder's hidden ``.state.json``) and sent back, so an unchanged
feed costs one "304 Not Modified" and no work. A feed that is down, slow,
malformed or not a feed at all is reported in words and polled again next
time; it never stops the watch.
"""

from __future__ import annotations

import hashlib
import json
import re
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from indexer.ingest.feeds import FeedError, entry_key, entry_page, parse_feed
from indexer.ingest.reading import MAX_FILE_BYTES
from indexer.store import IndexUnavailable
from indexer.update import RunSummary, update_index

TIMEOUT_SECONDS = 30.0
"""A feed that has not answered in full by then is reported as too slow."""

USER_AGENT = "Bahith feed reader (+https://github.com/bahith)"
_STATE_FILE = ".state.json"
_INTERVAL = re.compile(r"^\s*(?P<number>\d+(?:\.\d+)?)\s*(?P<unit>[smh]?)\s*$", re.IGNORECASE)
_UNIT_SECONDS = {"": 1, "s": 1, "m": 60, "h": 3600}
_READ_CHUNK = 64 * 1024


class FeedProblem(Exception):
    """A feed that could not be fetched or read this time; the message says why, for the user."""


@dataclass(frozen=True)
class Poll:
    """What one poll of a feed did: ``summary`` is None when the feed had not changed."""

    url: str
    summary: RunSummary | None
    entries: int = 0


def parse_interval(text: str) -> float:
    """Seconds in "30s", "10m", "1h" or "90"; raises ``ValueError`` with a message otherwise."""
    match = _INTERVAL.match(text)
    seconds = float(match["number"]) * _UNIT_SECONDS[match["unit"].lower()] if match else 0.0
    if seconds <= 0:
        raise ValueError(f"'{text}' is not a poll interval: write it like 30s, 10m or 1h")
    return seconds


def check_feed_url(url: str) -> str:
    """``url`` if it is an http or https address; raises ``ValueError`` saying what is wrong."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise ValueError(f"'{url}' is not a feed address: it must start with http:// or https://")
    return url.strip()


def feed_folder(index_dir: Path, url: str) -> Path:
    """Where the entries of the feed at ``url`` are kept for the index at ``index_dir``."""
    host = re.sub(r"[^\w.-]", "_", urlsplit(url).hostname or "feed")
    digest = hashlib.sha1(url.encode("utf-8")).hexdigest()[:10]
    return index_dir.parent / f"{index_dir.name}.feeds" / f"{host}-{digest}"


def poll_feed(index_dir: Path, url: str, timeout: float = TIMEOUT_SECONDS) -> Poll:
    """Fetch the feed at ``url`` if it changed, keep its entries and index them.

    Raises ``FeedProblem`` when the feed cannot be had or read, and
    ``IndexUnavailable`` when the index cannot be written; either way nothing
    is recorded as fetched, so the next poll asks for the feed in full again.
    """
    folder = feed_folder(index_dir, url)
    state = _load_state(folder)
    fetched = fetch_feed(url, state, timeout)
    if fetched is None:
        return Poll(url, None)
    data, validators = fetched
    try:
        parsed = parse_feed(data)
    except FeedError as error:
        raise FeedProblem(str(error)) from None
    entries = keep_entries(parsed, folder)
    summary = update_index(index_dir, [folder])
    _save_state(folder, validators)
    return Poll(url, summary, entries)


def fetch_feed(
    url: str, state: dict[str, str], timeout: float = TIMEOUT_SECONDS
) -> tuple[bytes, dict[str, str]] | None:
    """The feed's bytes and its new validators, or None if it answers "not modified".

    ``state`` holds the ``etag`` and ``last_modified`` of the previous fetch.
    ``timeout`` bounds the whole download, not only each network read, so a
    server trickling a byte at a time is stopped too.
    """
    headers = {"User-Agent": USER_AGENT, "Accept": "application/rss+xml, application/atom+xml, */*"}
    if state.get("etag"):
        headers["If-None-Match"] = state["etag"]
    if state.get("last_modified"):
        headers["If-Modified-Since"] = state["last_modified"]
    deadline = time.monotonic() + timeout
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=timeout) as answer:
            data = _read_within(answer, deadline, timeout)
            validators = {
                "etag": answer.headers.get("ETag", ""),
                "last_modified": answer.headers.get("Last-Modified", ""),
            }
    except urllib.error.HTTPError as error:
        if error.code == 304:
            return None
        raise FeedProblem(f"the feed answered HTTP {error.code} ({error.reason})") from None
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, TimeoutError | socket.timeout):
            raise FeedProblem(_too_slow(timeout)) from None
        raise FeedProblem(f"cannot reach the feed: {_network_reason(reason)}") from None
    except TimeoutError:
        raise FeedProblem(_too_slow(timeout)) from None
    except (OSError, ValueError) as error:
        raise FeedProblem(f"cannot reach the feed: {_network_reason(error)}") from None
    return data, validators


def keep_entries(parsed: Any, folder: Path) -> int:
    """Write each entry of ``parsed`` as a JSON record in ``folder``; returns how many it holds.

    A file is rewritten only when its entry changed, so an unchanged entry keeps
    its file as it was. Entries with no text are left out.
    """
    folder.mkdir(parents=True, exist_ok=True)
    channel = parsed.feed
    kept = 0
    for number, entry in enumerate(parsed.entries, start=1):
        page = entry_page(entry, source=channel.get("title", ""), lang=channel.get("language", ""))
        if page is None:
            continue
        key = entry_key(entry) or f"{page.url} {page.title} {number}"
        record = {
            "title": page.title,
            "body": page.body,
            "url": page.url,
            "source": page.source,
            "lang": page.lang,
            "date": page.date.isoformat() if page.date else None,
        }
        text = json.dumps(record, ensure_ascii=False, indent=1) + "\n"
        path = folder / f"{hashlib.sha1(key.encode('utf-8')).hexdigest()[:16]}.json"
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        kept += 1
    return kept


def watch_feeds(
    index_dir: Path,
    urls: Sequence[str],
    *,
    every: float,
    on_poll: Callable[[Poll], None],
    on_error: Callable[[str], None],
    stop: threading.Event,
    timeout: float = TIMEOUT_SECONDS,
) -> None:
    """Poll every feed in ``urls`` now and then every ``every`` seconds, until ``stop`` is set.

    ``on_poll`` is told what each successful poll did; ``on_error`` gets a
    message naming the feed when a poll failed. The watch goes on either way.
    """
    while not stop.is_set():
        for url in urls:
            if stop.is_set():
                return
            try:
                on_poll(poll_feed(index_dir, url, timeout))
            except (FeedProblem, IndexUnavailable) as problem:
                on_error(f"feed {url}: {problem}")
        stop.wait(every)


def _read_within(answer: Any, deadline: float, timeout: float) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while chunk := answer.read(_READ_CHUNK):
        size += len(chunk)
        if size > MAX_FILE_BYTES:
            raise FeedProblem(f"the feed is over the {MAX_FILE_BYTES // (1024 * 1024)} MB limit")
        if time.monotonic() > deadline:
            raise FeedProblem(_too_slow(timeout))
        chunks.append(chunk)
    return b"".join(chunks)


def _too_slow(timeout: float) -> str:
    return f"the feed did not answer in full within {timeout:g} seconds"


def _network_reason(reason: object) -> str:
    """The network error in the system's own short words ("connection refused")."""
    text = getattr(reason, "strerror", None) or str(reason)
    return text.lower()


def _load_state(folder: Path) -> dict[str, str]:
    try:
        state = json.loads((folder / _STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return state if isinstance(state, dict) else {}


def _save_state(folder: Path, validators: dict[str, str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / _STATE_FILE).write_text(json.dumps(validators) + "\n", encoding="utf-8")
