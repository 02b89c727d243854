"""``python -m bench.boilerplate``: how much page furniture reaches the index, and how much article is lost.

Measured on the pages of ``tests/fixtures/pages`` (news pages written for the
purpose in the shapes real sites use: menus, cookie banners, share bars,
related-article blocks, comments, inline ads; semantic and ``<div>`` layouts;
Open Graph, JSON-LD or no metadata). ``expected.json`` says, for each page, its
title and paragraphs and the furniture strings put around them.

For the old reader (Bahith's own HTML parser, as of ``OLD_READER_COMMIT``) and
the current one (``trafilatura``), by word counts over all pages:

- boilerplate in: share of the furniture's words that reach title or body;
- body lost: share of the title's and paragraphs' words missing from them;
- dates, sources and URLs found right, out of those the pages state.

The same pages are then packed into a WARC archive and an RSS feed and read
through those readers, and the real seed articles (``../shared/corpus/seeds``)
are read as the text pages they are, to give dates and sources per format.
Results go to ``bench/results/boilerplate.json``.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import subprocess
import sys
import tempfile
import types
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from bench.runner import REPO_ROOT
from bench.seeds import default_seeds_dir
from indexer.article import Article
from indexer.ingest import read_articles
from indexer.ingest.html import parse_html
from indexer.ingest.normalize import fold
from indexer.ingest.page import Page

FIXTURES = REPO_ROOT / "tests" / "fixtures" / "pages"
RESULTS = REPO_ROOT / "bench" / "results" / "boilerplate.json"
OLD_READER_COMMIT = "e1f0eae"
"""The last commit whose ``indexer/ingest/html.py`` is Bahith's own HTML parser."""

_WORD = re.compile(r"[^\W_]+")


def expected_pages() -> dict[str, dict[str, Any]]:
    """What each fixture page holds, by file name."""
    return json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))


def old_reader() -> Callable[[str], Page] | None:
    """The HTML reader as it was before ``trafilatura``, from git; None if git cannot give it."""
    try:
        source = subprocess.run(
            ["git", "show", f"{OLD_READER_COMMIT}:indexer/ingest/html.py"],
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    module = types.ModuleType("old_html_reader")
    exec(compile(source, f"{OLD_READER_COMMIT}:indexer/ingest/html.py", "exec"), module.__dict__)
    return module.parse_html


def _words(text: str) -> Counter[str]:
    return Counter(_WORD.findall(fold(text)))


def score_reader(read: Callable[[str], Page], pages: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Boilerplate-in and body-lost rates of ``read`` over ``pages``, and metadata found right."""
    body_words = body_lost = furniture_words = furniture_in = 0
    found = Counter[str]()
    stated = Counter[str]()
    for name, expected in pages.items():
        page = read((FIXTURES / name).read_text(encoding="utf-8"))
        out = _words(f"{page.title} {page.body}")
        body = _words(" ".join([expected["title"], *expected["body"]]))
        furniture = _words(" ".join(expected["boilerplate"]))
        body_words += sum(body.values())
        body_lost += sum(max(0, count - out[word]) for word, count in body.items())
        furniture_words += sum(furniture.values())
        furniture_in += sum(min(count, max(0, out[word] - body[word])) for word, count in furniture.items())
        got = {"date": page.date.isoformat() if page.date else "", "source": page.source, "url": page.url}
        for field, value in got.items():
            if expected[field]:
                stated[field] += 1
                found[field] += value == expected[field]
    return {
        "pages": len(pages),
        "boilerplate_in": round(furniture_in / furniture_words, 4),
        "body_lost": round(body_lost / body_words, 4),
        **{f"{field}s_found": f"{found[field]}/{stated[field]}" for field in ("date", "source", "url")},
    }


def _metadata_found(articles: list[Article], pages: dict[str, dict[str, Any]]) -> dict[str, str]:
    """Dates and sources found right for the articles matched to ``pages`` by their url."""
    by_url = {article.url: article for article in articles}
    found = Counter[str]()
    stated = Counter[str]()
    for expected in pages.values():
        article = by_url.get(expected["url"])
        got = {
            "date": article.date.isoformat() if article and article.date else "",
            "source": article.source if article else "",
        }
        for field, value in got.items():
            if expected[field]:
                stated[field] += 1
                found[field] += value == expected[field]
    return {"articles": str(len(articles)), **{f"{f}s_found": f"{found[f]}/{stated[f]}" for f in stated}}


def warc_figures(pages: dict[str, dict[str, Any]], folder: Path) -> dict[str, str]:
    """The fixture pages as HTML responses of a WARC archive, read by the WARC reader."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = folder / "pages.warc.gz"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for name, expected in pages.items():
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], "HTTP/1.1")
            payload = io.BytesIO((FIXTURES / name).read_bytes())
            target = expected["url"] or f"https://archive.example/{name}"  # as _with_urls gives
            writer.write_record(
                writer.create_warc_record(target, "response", payload=payload, http_headers=headers)
            )
    articles = [item for item in read_articles(path) if isinstance(item, Article)]
    return _metadata_found(articles, _with_urls(pages, "https://archive.example/"))


def feed_figures(pages: dict[str, dict[str, Any]], folder: Path) -> dict[str, str]:
    """The fixture pages as the items of an RSS 2.0 feed, read by the feed reader."""
    items = []
    for name, expected in pages.items():
        link = expected["url"] or f"https://feed.example/{name}"  # as _with_urls gives
        when = ""
        if expected["date"]:
            published = datetime.fromisoformat(expected["date"]).replace(hour=8, tzinfo=UTC)
            when = f"<pubDate>{format_datetime(published)}</pubDate>"
        items.append(
            f"<item><title>{escape(expected['title'])}</title><link>{escape(link)}</link>"
            f"<guid>{escape(link)}</guid>{when}"
            f"<description>{escape(''.join(f'<p>{p}</p>' for p in expected['body']))}</description></item>"
        )
    path = folder / "pages.rss"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Revue</title>'
        f"<link>https://feed.example/</link>{''.join(items)}</channel></rss>",
        encoding="utf-8",
    )
    articles = [item for item in read_articles(path) if isinstance(item, Article)]
    with_channel = {name: {**expected, "source": "Revue"} for name, expected in pages.items()}
    return _metadata_found(articles, _with_urls(with_channel, "https://feed.example/"))


def _with_urls(pages: dict[str, dict[str, Any]], base: str) -> dict[str, dict[str, Any]]:
    """``pages`` with the address given to those that state none (where the archive or feed put them)."""
    return {name: {**expected, "url": expected["url"] or base + name} for name, expected in pages.items()}


def warc_memory(size_mb: int, folder: Path) -> dict[str, Any]:
    """Peak memory of indexing-side reading of a WARC of about ``size_mb`` MB, in a fresh process.

    The archive is a crawl's mix: per megabyte, one 0.9 MB image response (read
    past, not kept) and one HTML page from the fixtures (read as an article).
    Memory must not grow with the archive, only with its biggest record.
    """
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = folder / "big.warc"
    names = sorted(expected_pages())
    image = bytes(range(256)) * (900 * 1024 // 256)
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=False)
        for number in range(size_mb):
            for content_type, payload, target in (
                ("image/jpeg", image, f"https://archive.example/{number}.jpg"),
                (
                    "text/html",
                    (FIXTURES / names[number % len(names)]).read_bytes(),
                    f"https://archive.example/{number}",
                ),
            ):
                headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], "HTTP/1.1")
                record = writer.create_warc_record(
                    target, "response", payload=io.BytesIO(payload), http_headers=headers
                )
                writer.write_record(record)
    reader = (
        "import resource, sys; from indexer.ingest import read_articles; "
        "n = sum(1 for _ in read_articles(__import__('pathlib').Path(sys.argv[1]))); "
        "print(n, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    baseline = "import resource, indexer.ingest; print(0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    peaks = []
    for code in (baseline, reader):
        run = subprocess.run(
            [sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True
        )
        peaks.append(run.stdout.split())
    return {
        "archive_mb": round(path.stat().st_size / 2**20),
        "articles": int(peaks[1][0]),
        "peak_rss_mb_after_import": round(int(peaks[0][1]) / 1024),
        "peak_rss_mb_reading": round(int(peaks[1][1]) / 1024),
    }


def seed_figures(seeds: Path) -> list[dict[str, str]]:
    """Date and source of each real seed article, read as the text page it is."""
    rows = []
    for path in sorted(seeds.glob("*.txt")):
        for item in read_articles(path):
            if isinstance(item, Article):
                rows.append(
                    {
                        "seed": path.name,
                        "date": item.date.isoformat() if item.date else "",
                        "source": item.source,
                        "url": item.url,
                    }
                )
    return rows


def main(argv: list[str] | None = None) -> None:
    """Measure, print and write the figures."""
    parser = argparse.ArgumentParser(prog="python -m bench.boilerplate", description=__doc__.split("\n")[0])
    parser.add_argument(
        "--warc-mb", type=int, default=0, help="also measure peak memory reading a WARC of this many MB"
    )
    args = parser.parse_args(argv)
    pages = expected_pages()
    results: dict[str, Any] = {}
    old = old_reader()
    if old is None:
        print(f"old reader: not run (git could not show {OLD_READER_COMMIT}:indexer/ingest/html.py)")
    else:
        results["html_old_reader"] = score_reader(old, pages)
    results["html_trafilatura"] = score_reader(parse_html, pages)
    with tempfile.TemporaryDirectory() as folder:
        results["warc"] = warc_figures(pages, Path(folder))
        results["rss"] = feed_figures(pages, Path(folder))
        if args.warc_mb:
            results["warc_memory"] = warc_memory(args.warc_mb, Path(folder))
    seeds = default_seeds_dir()
    results["seeds_txt"] = seed_figures(seeds) if seeds.is_dir() else []
    for label, figures in results.items():
        if isinstance(figures, dict):
            print(f"{label:18} " + "  ".join(f"{key} {value}" for key, value in figures.items()))
    for row in results["seeds_txt"]:
        print(f"seed {row['seed']:28} date {row['date'] or '-':10}  source {row['source'] or '-'}")
    RESULTS.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"written to {RESULTS.relative_to(REPO_ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
