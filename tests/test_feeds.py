"""RSS and Atom: feed files indexed entry by entry, and feeds polled from a real server on loopback."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import date
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from bahith.cli import cli
from indexer.article import Article, Skipped
from indexer.feed_watch import (
    FeedProblem,
    Poll,
    check_feed_url,
    feed_folder,
    parse_interval,
    poll_feed,
    watch_feeds,
)
from indexer.ingest import read_articles
from indexer.ingest.feeds import NO_ENTRIES, NOT_A_FEED
from indexer.update import update_index
from search.engine import SearchEngine


def item(number: int, title: str, body: str, day: int = 3) -> str:
    return (
        f"<item><title>{title}</title><link>https://journal.example/articles/{number}</link>"
        f"<guid>https://journal.example/articles/{number}</guid>"
        f"<pubDate>Mon, {day:02d} Apr 2023 08:15:00 +0200</pubDate>"
        "<author>redaction@journal.example</author><description><![CDATA["
        f"<p>{body}</p><p>Second <b>paragraphe</b> &amp; fin.</p>]]></description></item>"
    )


def rss(*items: str) -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        "<title>Le Journal du Port</title><link>https://journal.example/</link><language>fr</language>"
        + "".join(items)
        + "</channel></rss>"
    )


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ar">
  <title>صحيفة الوادي</title>
  <entry>
    <id>tag:alwadi.example,2022:qamh</id>
    <title>الحكومة ترفع سعر شراء القمح</title>
    <link href="https://alwadi.example/news/qamh"/>
    <published>2022-09-10T09:00:00+03:00</published>
    <author><name>محمود الشريف</name></author>
    <content type="html">&lt;p&gt;أعلنت وزارة الزراعة رفع سعر شراء القمح من المزارعين.&lt;/p&gt;</content>
  </entry>
</feed>
"""

FIRST = item(1, "Le port s'agrandit", "Les travaux du quai nord commencent lundi.")
SECOND = item(2, "Grève des dockers", "Les dockers cessent le travail mardi.", day=4)


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_each_rss_item_is_an_article_with_its_title_text_link_date_and_the_channel_as_source(
    tmp_path: Path,
) -> None:
    path = write(tmp_path / "journal.rss", rss(FIRST, SECOND))
    first, second = read_articles(path)
    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.title, first.url, first.date, first.source, first.lang) == (
        "Le port s'agrandit",
        "https://journal.example/articles/1",
        date(2023, 4, 3),
        "Le Journal du Port",
        "fr",
    )
    assert first.body == "Les travaux du quai nord commencent lundi.\n\nSecond paragraphe & fin."
    assert second.date == date(2023, 4, 4)


def test_an_atom_entry_gives_its_content_and_the_date_as_written(tmp_path: Path) -> None:
    (entry,) = read_articles(write(tmp_path / "alwadi.atom", ATOM))
    assert isinstance(entry, Article)
    assert (entry.title, entry.url, entry.date, entry.source, entry.lang) == (
        "الحكومة ترفع سعر شراء القمح",
        "https://alwadi.example/news/qamh",
        date(2022, 9, 10),
        "صحيفة الوادي",
        "ar",
    )
    assert entry.body == "أعلنت وزارة الزراعة رفع سعر شراء القمح من المزارعين."


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("<html><body><p>Une page, pas un flux.</p></body></html>", NOT_A_FEED),
        ("du texte sans balises", NOT_A_FEED),
        ('<?xml version="1.0"?><rss version="2.0"><channel><title>Vide</title></channel></rss>', NO_ENTRIES),
        ("<rss version='2.0'><channel><title>Coupé</title><", "malformed feed: unclosed token"),
    ],
)
def test_a_file_that_holds_no_feed_entries_is_one_skip_saying_why(
    tmp_path: Path, text: str, reason: str
) -> None:
    path = write(tmp_path / "feed.xml", text)
    assert list(read_articles(path)) == [Skipped(str(path), reason)]


def test_a_truncated_feed_still_gives_the_entries_before_the_cut(tmp_path: Path) -> None:
    path = write(tmp_path / "feed.xml", rss(FIRST, SECOND)[:-40])
    titles = [a.title for a in read_articles(path) if isinstance(a, Article)]
    assert titles[0] == "Le port s'agrandit"


def test_an_entry_keeps_its_id_when_new_entries_are_put_above_it(tmp_path: Path) -> None:
    index_dir, path = tmp_path / "index", tmp_path / "journal.rss"
    write(path, rss(FIRST))
    assert update_index(index_dir, [path]).added == 1
    write(path, rss(SECOND, FIRST))
    summary = update_index(index_dir, [path])
    assert (summary.added, summary.updated, summary.unchanged, summary.removed) == (1, 0, 1, 0)


class FeedServer:
    """A feed on loopback that answers with ETag and Last-Modified, and can be changed, broken or slowed."""

    def __init__(self) -> None:
        self.body = rss(FIRST).encode("utf-8")
        self.content_type = "application/rss+xml"
        self.status = 200
        self.delay = 0.0
        self.requests: list[dict[str, str]] = []
        self.modified = formatdate(time.time() - 3600, usegmt=True)
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.requests.append(dict(self.headers))
                etag = f'"{hash(server.body) & 0xFFFFFF:x}"'
                time.sleep(server.delay)
                if server.status != 200:
                    self.send_error(server.status)
                    return
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", server.content_type)
                self.send_header("ETag", etag)
                self.send_header("Last-Modified", server.modified)
                self.send_header("Content-Length", str(len(server.body)))
                self.end_headers()
                self.wfile.write(server.body)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/rss.xml"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> FeedServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer() as running:
        yield running


def total(index_dir: Path, query: str) -> int:
    with SearchEngine(index_dir) as engine:
        return engine.search(query).total


def test_a_poll_indexes_the_feed_then_asks_with_its_etag_and_last_modified(
    tmp_path: Path, server: FeedServer
) -> None:
    index_dir = tmp_path / "index"
    first = poll_feed(index_dir, server.url)
    assert first.summary is not None and (first.entries, first.summary.added) == (1, 1)
    assert total(index_dir, "quai") == 1
    assert poll_feed(index_dir, server.url) == Poll(server.url, None)
    sent = server.requests[-1]
    assert sent["If-None-Match"] and sent["If-Modified-Since"] == server.modified


def test_new_and_changed_entries_are_indexed_and_those_gone_from_the_feed_stay(
    tmp_path: Path, server: FeedServer
) -> None:
    index_dir = tmp_path / "index"
    poll_feed(index_dir, server.url)
    server.body = rss(SECOND).encode("utf-8")
    summary = poll_feed(index_dir, server.url).summary
    assert summary is not None and (summary.added, summary.removed) == (1, 0)
    server.body = rss(SECOND.replace("mardi", "mercredi")).encode("utf-8")
    summary = poll_feed(index_dir, server.url).summary
    assert summary is not None and (summary.added, summary.updated, summary.unchanged) == (0, 1, 1)
    assert (total(index_dir, "quai"), total(index_dir, "mercredi"), total(index_dir, "mardi")) == (1, 1, 0)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"status": 503}, "the feed answered HTTP 503 (Service Unavailable)"),
        ({"status": 404}, "the feed answered HTTP 404 (Not Found)"),
        ({"body": b"<html><body>Maintenance</body></html>", "content_type": "text/html"}, NOT_A_FEED),
        ({"body": b"<rss version='2.0'><channel><item><", "content_type": "text/xml"}, "malformed feed"),
        ({"delay": 1.5}, "the feed did not answer in full within 0.5 seconds"),
    ],
)
def test_a_feed_that_is_down_broken_or_slow_is_a_clear_problem_and_nothing_is_lost(
    tmp_path: Path, server: FeedServer, change: dict[str, object], message: str
) -> None:
    index_dir = tmp_path / "index"
    poll_feed(index_dir, server.url)
    for name, value in change.items():
        setattr(server, name, value)
    server.body = server.body if "body" in change else rss(FIRST, SECOND).encode("utf-8")
    with pytest.raises(FeedProblem, match=message.replace("(", r"\(").replace(")", r"\)")):
        poll_feed(index_dir, server.url, timeout=0.5)
    assert total(index_dir, "quai") == 1


def test_a_feed_nobody_answers_at(tmp_path: Path) -> None:
    with FeedServer() as gone:
        url = gone.url
    with pytest.raises(FeedProblem, match="cannot reach the feed: connection refused"):
        poll_feed(tmp_path / "index", url)


def test_the_watch_goes_on_after_a_failed_poll(tmp_path: Path, server: FeedServer) -> None:
    index_dir, stop = tmp_path / "index", threading.Event()
    polls: list[Poll] = []
    errors: list[str] = []
    server.status = 503
    watcher = threading.Thread(
        target=watch_feeds,
        args=(index_dir, [server.url]),
        kwargs={"every": 0.1, "on_poll": polls.append, "on_error": errors.append, "stop": stop},
        daemon=True,
    )
    watcher.start()
    deadline = time.monotonic() + 20
    while not errors and time.monotonic() < deadline:
        time.sleep(0.05)
    server.status = 200
    while not polls and time.monotonic() < deadline:
        time.sleep(0.05)
    stop.set()
    watcher.join(5)
    assert errors[0] == f"feed {server.url}: the feed answered HTTP 503 (Service Unavailable)"
    assert polls[0].summary is not None and polls[0].summary.added == 1


def test_entries_are_kept_beside_the_index_in_the_feeds_own_folder(
    tmp_path: Path, server: FeedServer
) -> None:
    index_dir = tmp_path / "index"
    poll_feed(index_dir, server.url)
    folder = feed_folder(index_dir, server.url)
    assert folder.parent == tmp_path / "index.feeds"
    assert len(list(folder.glob("[!.]*.json"))) == 1


@pytest.mark.parametrize(
    ("text", "seconds"), [("30s", 30), ("10m", 600), ("1h", 3600), ("90", 90), ("1.5m", 90)]
)
def test_poll_intervals(text: str, seconds: float) -> None:
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["0", "10 minutes", "-5m", "m", ""])
def test_a_bad_interval_says_how_to_write_one(text: str) -> None:
    with pytest.raises(ValueError, match="write it like 30s, 10m or 1h"):
        parse_interval(text)


@pytest.mark.parametrize("url", ["ftp://journal.example/rss", "journal.example/rss", "file:///etc/passwd"])
def test_only_web_addresses_are_feeds(url: str) -> None:
    with pytest.raises(ValueError, match="must start with http:// or https://"):
        check_feed_url(url)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["watch"], "give FOLDERS to watch, or --feed URL"),
        (["watch", "--feed", "journal.example/rss"], "must start with http:// or https://"),
        (
            ["watch", "--feed", "https://journal.example/rss", "--every", "soon"],
            "write it like 30s, 10m or 1h",
        ),
    ],
)
def test_watch_usage_errors_are_messages(tmp_path: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(cli, ["--index", str(tmp_path / "index"), *args])
    assert result.exit_code == 2
    assert message in result.output
