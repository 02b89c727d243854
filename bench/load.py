"""Load test: concurrent clients and a writer against a real ``bahith serve`` on loopback.

``python -m bench.load`` starts the server on the seeds plus generated articles
(``bench.corpus``; 2,000 by default), then for a fixed time runs ``--clients``
threads sending a mix of searches (Arabic, French, phrases, filters, prefixes,
``*``, bad queries), search pages, article pages and health checks, while a
writer uploads one article a second through the API. It prints requests per
second, latency percentiles, how many answers were 5xx, and whether every
uploaded article is found exactly once at the end (none lost, none doubled).
One upload is a 200 KB article of one word repeated, which the mix searches
for, so snippets over many matches are measured under load too.

``python -m bench.load --scaling`` measures instead how the server scales with
its processes (``bahith serve --workers``): for each worker count and each number
of concurrent clients, the clients send only ``/api/search``, each query new to
the server (drawn from ``bench.queries``, as ``python -m bench`` does, so the
result cache is not what is timed), for ``--step-seconds``. Then, for each worker
count, two search clients run beside one client opening article pages with their
related articles (``/article/<id>?q=…``, the slowest page), to see whether the
searches' p99 stays under a second meanwhile. It prints one table and writes the
figures to ``bench/results/load.json``.

The run is bounded in time (``--seconds``, ``--step-seconds``) and in requests
(``--max-requests``, per step with ``--scaling``). The generated corpus is cached
under ``--work`` (shared with ``python -m bench``), and so is the index built
from it, for as long as the analysis version holds.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import cycle
from pathlib import Path

from bench.corpus import corpus_paths, ensure_corpus
from bench.queries import build_queries
from bench.runner import REPO_ROOT, progress
from indexer.analysis import ANALYSIS_VERSION
from indexer.update import update_index
from tests.serving import free_port
from web.server import THREADS

TOKEN = "bench-load-token"
MARKER = "zqxload{:05d}"
"""A word in each uploaded article and in no other: searching it must find exactly one."""

BIG_WORD = "Soleimani"
BIG_ARTICLE_BYTES = 200_000
START_TIMEOUT = 60.0
REQUEST_TIMEOUT = 30.0
SCALING_RESULTS = REPO_ROOT / "bench" / "results" / "load.json"
SCALING_QUERIES = 20_000
"""Queries drawn for ``--scaling``: more than its steps send, so none is answered from the cache."""
WARM_UP_SECONDS = 3.0
SLOW_PAGE_SEARCH_CLIENTS = 2
INTERACTIVE_SECONDS = 1.0
"""The p99 the other requests must stay under while article pages are opened."""

SEARCHES = [
    "سليماني",
    "سليماني موسكو",
    '"قاسم سليماني"',
    "موسك*",
    "سليماني -بوتين",
    "Soleimani",
    "Soleimani OR سليماني",
    "lang:fr Russie",
    "date:[2015 TO 2025] سليماني",
    "*",
    "lang:ar *",
    "بوتين~",
]
BAD_SEARCHES = ["<b>", "date:banana", "[a TO z]", "a*"]
"""Refused with 400 and a message: they must stay cheap under load."""


@dataclass
class Tally:
    """What the clients saw, shared by their threads."""

    latencies: dict[str, list[float]] = field(default_factory=dict)
    statuses: Counter[int] = field(default_factory=Counter)
    failures: Counter[str] = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, status: int, seconds: float) -> None:
        """Count one answered request of ``kind``."""
        with self.lock:
            self.latencies.setdefault(kind, []).append(seconds)
            self.statuses[status] += 1


def fetch(url: str, data: bytes | None = None, headers: dict[str, str] | None = None) -> tuple[int, bytes]:
    """(status, body) of one request; HTTP errors are answers too."""
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=REQUEST_TIMEOUT) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def prepared_index(work: Path, articles: int, seed: int, seeds_dir: Path) -> Path:
    """A copy, for this run, of the cached index of the seeds and ``articles`` generated ones."""
    ensure_corpus(work / f"corpus-seed{seed}", articles, seed, seeds_dir)
    cached = work / f"load-index-n{articles}-seed{seed}-analysis{ANALYSIS_VERSION}"
    if not (cached / "done").exists():
        shutil.rmtree(cached, ignore_errors=True)
        progress(f"indexing the seeds and {articles} generated articles into {cached}")
        update_index(cached, [seeds_dir, *corpus_paths(work / f"corpus-seed{seed}", articles)])
        (cached / "done").write_text("", encoding="utf-8")
    run = work / "load-run"
    shutil.rmtree(run, ignore_errors=True)
    shutil.copytree(cached, run / "index", ignore=shutil.ignore_patterns("done", "*WRITELOCK"))
    return run / "index"


class Server:
    """``bahith serve`` in a child process, uploads on, on a free loopback port."""

    def __init__(self, index_dir: Path, workers: int | None = None) -> None:
        """Start it and wait until it answers; ``workers`` processes (the server's default if None)."""
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        env = {
            **os.environ,
            "BAHITH_API_TOKEN": TOKEN,
            "BAHITH_ARTICLES": str(index_dir.parent / "uploads"),
            "PYTHONPATH": os.pathsep.join(filter(None, [os.environ.get("PYTHONPATH"), str(REPO_ROOT)])),
        }
        command = [
            sys.executable,
            "-m",
            "bahith",
            "--index",
            str(index_dir),
            "serve",
            "--port",
            str(self.port),
            *(["--workers", str(workers)] if workers else []),
        ]
        self.process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"bahith serve exited with {self.process.returncode}")
            try:
                if fetch(f"{self.base}/healthz")[0] == 200:
                    return
            except OSError:
                time.sleep(0.1)
        raise SystemExit(f"bahith serve did not answer within {START_TIMEOUT:g} s")

    def stop(self) -> None:
        """Stop the server and wait for it."""
        self.process.terminate()
        self.process.wait(timeout=30)


def upload(base: str, record: dict[str, str]) -> int:
    """Upload one JSON article; the HTTP status."""
    body = json.dumps(record, ensure_ascii=False).encode("utf-8")
    headers = {"Content-Type": "application/json", "Authorization": f"Bearer {TOKEN}"}
    return fetch(f"{base}/api/articles", body, headers)[0]


def client_request(base: str, article_ids: list[str], rng: random.Random) -> tuple[str, str]:
    """One request of the mix, (kind, URL): mostly API searches, then pages, bad queries, health."""
    draw = rng.random()
    if draw < 0.55:
        query = {"q": rng.choice(SEARCHES), "page": rng.choice(["1", "1", "2"])}
        return "api search", f"{base}/api/search?{urllib.parse.urlencode(query)}"
    if draw < 0.75:
        return "search page", f"{base}/?{urllib.parse.urlencode({'q': rng.choice(SEARCHES)})}"
    if draw < 0.85:
        query = urllib.parse.urlencode({"q": rng.choice(SEARCHES)})
        return "article page", f"{base}/article/{rng.choice(article_ids)}?{query}"
    if draw < 0.93:
        return "bad query", f"{base}/api/search?{urllib.parse.urlencode({'q': rng.choice(BAD_SEARCHES)})}"
    return ("health", f"{base}/healthz") if draw < 0.97 else ("home page", f"{base}/")


class Allowance:
    """How many requests the clients may still send, in all."""

    def __init__(self, requests: int) -> None:
        self._left = requests
        self._lock = threading.Lock()

    def take(self) -> bool:
        """Whether one more request may be sent (and count it)."""
        with self._lock:
            self._left -= 1
            return self._left >= 0


def run_client(
    base: str, article_ids: list[str], seed: int, stop: threading.Event, allowance: Allowance, tally: Tally
) -> None:
    """Send requests until ``stop`` or until the run's request budget is spent."""
    rng = random.Random(seed)
    send_until(lambda: client_request(base, article_ids, rng), stop, allowance, tally)


def send_until(
    next_request: Callable[[], tuple[str, str]], stop: threading.Event, allowance: Allowance, tally: Tally
) -> None:
    """Fetch ``next_request``'s (kind, url) one after the other, timing each into ``tally``,
    until ``stop`` or until the request budget is spent; a failed connection is counted."""
    while not stop.is_set() and allowance.take():
        kind, url = next_request()
        started = time.perf_counter()
        try:
            status, _ = fetch(url)
        except OSError as error:
            with tally.lock:
                tally.failures[type(error).__name__] += 1
            continue
        tally.add(kind, status, time.perf_counter() - started)


@dataclass
class Writes:
    """What the writer sent and how it was answered."""

    sent: int = 0
    acknowledged: list[int] = field(default_factory=list)
    statuses: Counter[int] = field(default_factory=Counter)


def run_writer(base: str, every: float, stop: threading.Event, writes: Writes) -> None:
    """Upload one article every ``every`` seconds until ``stop``, each with its own marker word."""
    while not stop.wait(every):
        number = writes.sent
        writes.sent += 1
        record = {
            "title": f"Dépêche de contrôle {number}",
            "body": f"Contrôle de charge {MARKER.format(number)} : une dépêche ajoutée pendant la mesure.",
            "lang": "fr",
            "date": "2024-06-01",
        }
        status = upload(base, record)
        writes.statuses[status] += 1
        if status == 201:
            writes.acknowledged.append(number)


def found_once(base: str, numbers: list[int]) -> tuple[list[int], list[int]]:
    """(lost, doubled): acknowledged articles found by their marker zero times, or more than once."""
    lost, doubled = [], []
    for number in numbers:
        status, body = fetch(f"{base}/api/search?{urllib.parse.urlencode({'q': MARKER.format(number)})}")
        total = json.loads(body)["total"] if status == 200 else 0
        if total == 0:
            lost.append(number)
        elif total > 1:
            doubled.append(number)
    return lost, doubled


def percentile(sorted_values: list[float], share: float) -> float:
    """The value below which ``share`` of ``sorted_values`` lie (nearest rank)."""
    if not sorted_values:
        return float("nan")
    return sorted_values[min(len(sorted_values) - 1, int(share * len(sorted_values)))]


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.load", description="Load test of bahith serve.")
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients")
    parser.add_argument("--seconds", type=float, default=60.0, help="how long the clients run")
    parser.add_argument("--max-requests", type=int, default=200_000, help="requests in all, at most")
    parser.add_argument("--articles", type=int, default=2000, help="generated articles beside the seeds")
    parser.add_argument("--write-every", type=float, default=1.0, help="seconds between uploads")
    parser.add_argument("--seed", type=int, default=1, help="corpus and request-mix seed")
    parser.add_argument("--seeds", type=Path, default=REPO_ROOT.parent / "shared" / "corpus" / "seeds")
    parser.add_argument("--work", type=Path, default=REPO_ROOT / "bench" / ".work", help="caches")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    scaling = parser.add_argument_group("scaling with the server's processes (--scaling)")
    scaling.add_argument("--scaling", action="store_true", help="measure /api/search by workers and clients")
    scaling.add_argument("--workers", type=_counts, default=[1, 2], help="worker counts, comma-separated")
    scaling.add_argument("--client-counts", type=_counts, default=[1, 2, 4], help="concurrent clients")
    scaling.add_argument("--step-seconds", type=float, default=10.0, help="how long each measurement runs")
    return parser.parse_args(argv)


def _counts(text: str) -> list[int]:
    try:
        counts = [int(part) for part in text.split(",")]
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected counts separated by commas, got {text!r}") from None
    if not counts or min(counts) < 1:
        raise argparse.ArgumentTypeError("every count must be at least 1")
    return counts


def _big_article(base: str) -> tuple[int, float, list[str]]:
    """Upload the one-word 200 KB article; (upload status, ms to search its word, ids of hits)."""
    status = upload(base, {"title": "Un seul mot", "body": f"{BIG_WORD} " * (BIG_ARTICLE_BYTES // 10)})
    started = time.perf_counter()
    found, body = fetch(f"{base}/api/search?q={BIG_WORD}&limit=100")
    took = round((time.perf_counter() - started) * 1000, 1)
    if found != 200 or not json.loads(body)["hits"]:
        raise SystemExit(f"searching {BIG_WORD} answered {found}: nothing to load-test")
    return status, took, [hit["id"] for hit in json.loads(body)["hits"]]


def _load(base: str, args: argparse.Namespace, article_ids: list[str]) -> tuple[Tally, Writes, float]:
    """Run the clients and the writer for ``args.seconds``; what they saw, and for how long."""
    tally, writes, stop = Tally(), Writes(), threading.Event()
    allowance = Allowance(args.max_requests)
    threads = [
        threading.Thread(
            target=run_client, args=(base, article_ids, args.seed * 1000 + n, stop, allowance, tally)
        )
        for n in range(args.clients)
    ]
    threads.append(threading.Thread(target=run_writer, args=(base, args.write_every, stop, writes)))
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    stop.wait(args.seconds)
    stop.set()
    for thread in threads:
        thread.join(timeout=REQUEST_TIMEOUT + 5)
    return tally, writes, time.perf_counter() - started


class Queries:
    """The search texts the clients of every step share, handed out once each, in turn."""

    def __init__(self, texts: list[str]) -> None:
        self._texts: Iterator[str] = cycle(texts)
        self._lock = threading.Lock()

    def next(self) -> str:
        """The next text (the list starts over when spent)."""
        with self._lock:
            return next(self._texts)


def _timings(seconds: list[float]) -> dict[str, float]:
    ordered = sorted(seconds)
    return {f"p{share}_ms": round(percentile(ordered, share / 100) * 1000, 1) for share in (50, 95, 99)}


def run_step(clients: dict[str, tuple[int, Callable[[], str]]], seconds: float, requests: int) -> Tally:
    """Run ``clients`` (kind: (how many, a function giving the next URL)) for ``seconds`` or until
    ``requests`` are sent; what they saw."""
    tally, stop, allowance = Tally(), threading.Event(), Allowance(requests)

    def client(kind: str, next_url: Callable[[], str]) -> None:
        send_until(lambda: (kind, next_url()), stop, allowance, tally)

    threads = [
        threading.Thread(target=client, args=(kind, next_url))
        for kind, (count, next_url) in clients.items()
        for _ in range(count)
    ]
    for thread in threads:
        thread.start()
    stop.wait(seconds)
    stop.set()
    for thread in threads:
        thread.join(timeout=REQUEST_TIMEOUT + 5)
    return tally


def _step_figures(tally: Tally, seconds: float) -> dict[str, object]:
    searches = tally.latencies.get("api search", [])
    figures: dict[str, object] = {
        "searches": len(searches),
        "searches_per_second": round(len(searches) / seconds, 1),
        **_timings(searches),
        "status_5xx": sum(count for status, count in tally.statuses.items() if status >= 500),
        "connection_failures": dict(tally.failures),
    }
    if "article page" in tally.latencies:
        pages = tally.latencies["article page"]
        figures["article_pages"] = {"requests": len(pages), **_timings(pages)}
        figures["searches_p99_under_1s"] = percentile(sorted(searches), 0.99) < INTERACTIVE_SECONDS
    return figures


def scaling(args: argparse.Namespace) -> dict[str, object]:
    """Search latency and throughput by worker count and concurrent clients, then with article
    pages opened beside the searches; the figures, as written to ``load.json``."""
    index_dir = prepared_index(args.work, args.articles, args.seed, args.seeds)
    generated = corpus_paths(args.work / f"corpus-seed{args.seed}", args.articles)
    texts = [query.text for query in build_queries(generated, SCALING_QUERIES, args.seed)]
    queries = Queries(list(dict.fromkeys(texts)))
    rng, rng_lock = random.Random(args.seed), threading.Lock()
    load_before = os.getloadavg()[0]  # other work on the machine skews every figure: say how much
    rows, beside_pages = [], []
    for workers in args.workers:
        server = Server(index_dir, workers)
        try:
            ids = _article_ids(server.base)

            def search_url(base: str = server.base) -> str:
                return f"{base}/api/search?{urllib.parse.urlencode({'q': queries.next()})}"

            def page_url(base: str = server.base, ids: list[str] = ids) -> str:
                with rng_lock:
                    article_id = rng.choice(ids)
                return f"{base}/article/{article_id}?{urllib.parse.urlencode({'q': queries.next()})}"

            warm_up = {"api search": (THREADS * workers, search_url)}  # every thread opens its engine
            run_step(warm_up, WARM_UP_SECONDS, args.max_requests)
            for clients in args.client_counts:
                progress(f"--workers {workers}: {clients} search clients for {args.step_seconds:g} s")
                tally = run_step({"api search": (clients, search_url)}, args.step_seconds, args.max_requests)
                rows.append(
                    {"workers": workers, "clients": clients, **_step_figures(tally, args.step_seconds)}
                )
            progress(f"--workers {workers}: {SLOW_PAGE_SEARCH_CLIENTS} search clients beside article pages")
            mix = {"api search": (SLOW_PAGE_SEARCH_CLIENTS, search_url), "article page": (1, page_url)}
            tally = run_step(mix, args.step_seconds, args.max_requests)
            beside_pages.append(
                {
                    "workers": workers,
                    "clients": SLOW_PAGE_SEARCH_CLIENTS,
                    **_step_figures(tally, args.step_seconds),
                }
            )
        finally:
            server.stop()
    return {
        "articles": args.articles + len(list(args.seeds.iterdir())),
        "cores": os.cpu_count(),
        "load_average_before_and_after": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        "step_seconds": args.step_seconds,
        "search": rows,
        "search_beside_article_pages": beside_pages,
    }


def _article_ids(base: str) -> list[str]:
    """Ids of articles to open: the hits of a few broad searches."""
    ids: list[str] = []
    for text in ("سليماني", "Russie", "موسكو", "الرئيس"):
        status, body = fetch(f"{base}/api/search?{urllib.parse.urlencode({'q': text, 'limit': 100})}")
        if status == 200:
            ids += [hit["id"] for hit in json.loads(body)["hits"]]
    if not ids:
        raise SystemExit("the broad searches found no article to open")
    return ids


def print_scaling(figures: dict[str, object]) -> None:
    """One table: a row per (workers, clients), then the rows with article pages beside."""
    header = f"{'workers':>7} {'clients':>7} {'beside':>13} {'searches/s':>10} {'p50 ms':>8} {'p95 ms':>8} "
    print(header + f"{'p99 ms':>8} {'5xx':>4}  article page p50/p99 ms")
    for row, beside in [(row, "") for row in figures["search"]] + [  # type: ignore[attr-defined]
        (row, "article pages")
        for row in figures["search_beside_article_pages"]  # type: ignore[attr-defined]
    ]:
        pages = row.get("article_pages")
        shown = f"{pages['p50_ms']:g} / {pages['p99_ms']:g}" if pages else ""
        print(
            f"{row['workers']:>7} {row['clients']:>7} {beside:>13} {row['searches_per_second']:>10} "
            f"{row['p50_ms']:>8} {row['p95_ms']:>8} {row['p99_ms']:>8} {row['status_5xx']:>4}  {shown}"
        )
    for row in figures["search_beside_article_pages"]:  # type: ignore[attr-defined]
        verdict = "stays" if row["searches_p99_under_1s"] else "does NOT stay"
        print(f"--workers {row['workers']}: search p99 {verdict} under 1 s while article pages are opened")


def main(argv: list[str] | None = None) -> None:
    """Run the load test, print its figures; exit 1 on any 5xx, lost or doubled write."""
    args = _arguments(argv)
    if args.scaling:
        figures = scaling(args)
        print_scaling(figures)
        (args.json or SCALING_RESULTS).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
        failed = any(row["status_5xx"] or row["connection_failures"] for row in figures["search"])  # type: ignore[attr-defined]
        sys.exit(1 if failed else 0)
    server = Server(prepared_index(args.work, args.articles, args.seed, args.seeds))
    try:
        big_status, big_ms, article_ids = _big_article(server.base)
        progress(
            f"load on {server.base}: {args.clients} clients, {args.seconds:g} s, "
            f"one write every {args.write_every:g} s"
        )
        tally, writes, elapsed = _load(server.base, args, article_ids)
        lost, doubled = found_once(server.base, writes.acknowledged)
    finally:
        server.stop()
    latencies = sorted(seconds for kind in tally.latencies.values() for seconds in kind)
    figures = {
        "clients": args.clients,
        "seconds": round(elapsed, 1),
        "articles": args.articles + 5,
        "requests": len(latencies),
        "requests_per_second": round(len(latencies) / elapsed, 1),
        "p50_ms": round(percentile(latencies, 0.50) * 1000, 1),
        "p95_ms": round(percentile(latencies, 0.95) * 1000, 1),
        "p99_ms": round(percentile(latencies, 0.99) * 1000, 1),
        "max_ms": round(latencies[-1] * 1000, 1) if latencies else None,
        "status_5xx": sum(count for status, count in tally.statuses.items() if status >= 500),
        "statuses": dict(sorted(tally.statuses.items())),
        "connection_failures": dict(tally.failures),
        "writes_sent": writes.sent,
        "writes_acknowledged": len(writes.acknowledged),
        "write_statuses": dict(sorted(writes.statuses.items())),
        "writes_lost": len(lost),
        "writes_duplicated": len(doubled),
        "big_article_upload_status": big_status,
        "big_article_search_ms": big_ms,
        "p50_p99_ms_by_kind": {
            kind: [round(percentile(sorted(seconds), share) * 1000, 1) for share in (0.5, 0.99)]
            for kind, seconds in sorted(tally.latencies.items())
        },
    }
    width = max(len(name) for name in figures)
    for name, value in figures.items():
        print(f"{name:<{width}}  {value}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    sys.exit(0 if figures["status_5xx"] == 0 and not lost and not doubled and not tally.failures else 1)


if __name__ == "__main__":
    main()
