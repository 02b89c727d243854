"""WARC archives: every HTML response is an article; everything else is counted, damage is located."""

from __future__ import annotations

import io
import zlib
from datetime import date
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from indexer.article import Article, Skipped
from indexer.ingest import discover, read_articles
from indexer.ingest.reading import Notice
from indexer.ingest.warc import MAX_RECORD_BYTES, NOT_WARC
from indexer.update import update_index
from search.engine import SearchEngine

PORT_PAGE = """<!DOCTYPE html><html lang="fr"><head><title>Le port s'agrandit</title></head><body>
<nav><a href="/">Accueil</a> <a href="/monde">Monde</a></nav>
<article><h1>Le port s'agrandit</h1>
<p>Les travaux du quai nord commencent lundi et dureront deux ans, selon la capitainerie du port.</p>
<p>Le chantier doit permettre d'accueillir des navires plus grands dès l'année prochaine.</p>
</article></body></html>"""

DATED_PAGE = """<!DOCTYPE html><html lang="ar" dir="rtl"><head><title>القمح</title>
<meta property="article:published_time" content="2022-09-10T09:00:00+03:00">
<link rel="canonical" href="https://alwadi.example/news/qamh"></head><body>
<article><h1>الحكومة ترفع سعر شراء القمح من المزارعين</h1>
<p>أعلنت وزارة الزراعة رفع السعر الذي تشتري به الدولة القمح المحلي من المزارعين في خطوة لتشجيع زراعته.</p>
</article></body></html>"""

CAPTURED = "2019-05-04T10:00:00Z"


class Archive:
    """A WARC file written with warcio, record by record, as a crawler writes one."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._file = path.open("wb")
        self._writer = WARCWriter(self._file, gzip=path.name.endswith(".gz"))

    def response(
        self,
        url: str,
        body: str | bytes,
        content_type: str = "text/html; charset=utf-8",
        status: str = "200 OK",
    ) -> Archive:
        payload = body.encode("utf-8") if isinstance(body, str) else body
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = self._writer.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(payload),
            http_headers=headers,
            warc_headers_dict={"WARC-Date": CAPTURED},
        )
        self._writer.write_record(record)
        return self

    def request(self, url: str) -> Archive:
        payload = io.BytesIO(f"GET {url} HTTP/1.1\r\nHost: example\r\n\r\n".encode())
        self._writer.write_record(self._writer.create_warc_record(url, "request", payload=payload))
        return self

    def revisit(self, url: str) -> Archive:
        record = self._writer.create_revisit_record(
            url, "sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", url, CAPTURED
        )
        self._writer.write_record(record)
        return self

    def close(self) -> Path:
        self._file.close()
        return self.path


def crawl(path: Path) -> Path:
    return (
        Archive(path)
        .request("https://port.example/quai-nord")
        .response("https://port.example/quai-nord", PORT_PAGE)
        .request("https://alwadi.example/news/qamh?ref=home")
        .response("https://alwadi.example/news/qamh?ref=home", DATED_PAGE)
        .response("https://port.example/logo.png", b"\x89PNG\r\n\x1a\n", content_type="image/png")
        .response("https://port.example/api", '{"ok": true}', content_type="application/json")
        .response(
            "https://port.example/gone", "<html><body>Introuvable</body></html>", status="404 Not Found"
        )
        .revisit("https://port.example/quai-nord")
        .close()
    )


def read(path: Path) -> tuple[list[Article | Skipped], list[Notice]]:
    notices: list[Notice] = []
    return list(read_articles(path, on_notice=notices.append)), notices


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_each_html_response_is_an_article_and_the_rest_is_counted(tmp_path: Path, name: str) -> None:
    items, notices = read(crawl(tmp_path / name))
    port, qamh = items
    assert isinstance(port, Article) and isinstance(qamh, Article)
    assert (port.title, port.url, port.date, port.lang) == (
        "Le port s'agrandit",
        "https://port.example/quai-nord",
        date(2019, 5, 4),
        "fr",
    )
    assert "Accueil" not in port.body and port.body.startswith("Les travaux du quai nord")
    assert (qamh.url, qamh.date, qamh.lang) == ("https://alwadi.example/news/qamh", date(2022, 9, 10), "ar")
    assert notices == [
        Notice(
            str(tmp_path / name),
            "2 HTML pages read; skipped 1 error or redirect responses, 2 non-HTML responses, "
            "2 requests, 1 revisits",
        )
    ]


def test_discovery_finds_archives_by_their_double_suffix(tmp_path: Path) -> None:
    crawl(tmp_path / "crawl.warc.gz")
    (tmp_path / "photos.tar.gz").write_bytes(b"\x1f\x8b")
    assert list(discover([tmp_path])) == [tmp_path / "crawl.warc.gz"]


def test_a_truncated_archive_keeps_the_pages_before_the_cut_and_says_where_it_stopped(tmp_path: Path) -> None:
    whole = crawl(tmp_path / "whole.warc.gz").read_bytes()
    cut = tmp_path / "cut.warc.gz"
    first_page_end = _end_of_record(whole, 2)
    cut.write_bytes(whole[: first_page_end + 40])
    items, _ = read(cut)
    assert [type(item) for item in items] == [Article, Skipped]
    assert items[1] == Skipped(
        str(cut),
        f"damaged or truncated archive, reading stopped at byte {first_page_end:,}, "
        "after the last whole record: the file ends in the middle of a record",
    )


def _end_of_record(data: bytes, count: int) -> int:
    """Where the ``count``-th gzip member of ``data`` ends (each record is its own member)."""
    offset = 0
    for _ in range(count):
        stream = zlib.decompressobj(zlib.MAX_WBITS | 16)
        stream.decompress(data[offset:])
        offset = len(data) - len(stream.unused_data)
    return offset


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (
            b"ceci n'est pas une archive\n",
            f"damaged or truncated archive, reading stopped at its start: {NOT_WARC}",
        ),
        (b"", "empty file"),
    ],
)
def test_a_file_that_is_no_archive_is_one_skip(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "crawl.warc"
    path.write_bytes(content)
    assert read(path)[0] == [Skipped(str(path), reason)]


def test_a_page_too_big_for_an_article_is_skipped_and_the_archive_read_on(tmp_path: Path) -> None:
    huge = "<html><body><p>" + "mot " * (MAX_RECORD_BYTES // 4 + 1) + "</p></body></html>"
    path = (
        Archive(tmp_path / "big.warc.gz")
        .response("https://port.example/huge", huge)
        .response("https://port.example/quai-nord", PORT_PAGE)
        .close()
    )
    items, _ = read(path)
    assert (
        isinstance(items[0], Skipped)
        and items[0].reason == f"page is over the {MAX_RECORD_BYTES:,} bytes limit"
    )
    assert items[0].path.startswith(f"{path} record at byte ")
    assert isinstance(items[1], Article)


def test_reindexing_an_unchanged_archive_changes_nothing_and_damage_loses_nothing(tmp_path: Path) -> None:
    index_dir, path = tmp_path / "index", crawl(tmp_path / "crawl.warc.gz")
    assert update_index(index_dir, [path]).added == 2
    assert update_index(index_dir, [path]).unchanged == 2
    path.write_bytes(path.read_bytes()[: _end_of_record(path.read_bytes(), 2) + 40])
    summary = update_index(index_dir, [path])
    assert (summary.removed, summary.unchanged, len(summary.skipped)) == (0, 1, 1)
    with SearchEngine(index_dir) as engine:
        assert engine.search("القمح").total == 1


def test_an_archive_without_html_pages_is_one_skip_that_counts_what_it_holds(tmp_path: Path) -> None:
    path = (
        Archive(tmp_path / "images.warc.gz")
        .request("https://port.example/logo.png")
        .response("https://port.example/logo.png", b"\x89PNG\r\n\x1a\n", content_type="image/png")
        .close()
    )
    assert read(path)[0] == [
        Skipped(str(path), "no HTML pages in the archive, only 1 non-HTML responses, 1 requests")
    ]
