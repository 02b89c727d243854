"""The child process that benchmarks one system: ``python -m bench.worker index|query ...``.

Each phase of each system runs in a fresh interpreter, so peak memory (``ru_maxrss``) is that
system's own, and the query phase starts cold from disk as a freshly started server would. The
result is one JSON object on stdout; a system that cannot run exits with status 2 and says why
on stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bench.measure import latency_summary, peak_rss_mb, timed_ms
from bench.queries import Query
from bench.systems import SystemUnavailable, load_system

WARMUP_SHARE = 10  # one query in WARMUP_SHARE is run once untimed first, to fill caches


def index_phase(system_name: str, index_dir: Path, paths_file: Path) -> dict[str, float]:
    """Build the index from the listed files; report the time and the peak memory."""
    paths = [Path(line) for line in paths_file.read_text(encoding="utf-8").splitlines()]
    system = load_system(system_name)
    _, elapsed_ms = timed_ms(lambda: system.build(index_dir, paths))
    return {"index_seconds": round(elapsed_ms / 1000, 3), "index_peak_rss_mb": peak_rss_mb()}


def query_phase(system_name: str, index_dir: Path, plan_file: Path) -> dict[str, object]:
    """Time every query without, then with snippets; then time adding articles one by one."""
    plan = json.loads(plan_file.read_text(encoding="utf-8"))
    queries = [Query(q["lang"], tuple(q["terms"]), q["phrase"]) for q in plan["queries"]]
    system = load_system(system_name)
    system.open(index_dir)
    for query in queries[::WARMUP_SHARE]:
        system.search(query, snippets=True)
    result: dict[str, object] = {}
    for label, snippets in (("latency_ms", False), ("latency_snippets_ms", True)):
        timings = [timed_ms(lambda q=q, s=snippets: system.search(q, snippets=s)) for q in queries]
        result[label] = latency_summary([ms for _, ms in timings])
        if not snippets:
            result["zero_hit_queries"] = sum(1 for hits, _ in timings if hits == 0)
    system.close()
    result["search_peak_rss_mb"] = peak_rss_mb()
    add_ms, found = [], []
    for probe in plan["probes"]:
        path = Path(probe["path"])
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(probe["text"], encoding="utf-8")
        hits, elapsed_ms = timed_ms(lambda p=path, w=probe["word"]: system.add_and_find(index_dir, p, w))
        add_ms.append(round(elapsed_ms, 2))
        found.append(hits == 1)
    result["add_one_ms"] = add_ms
    result["add_one_found"] = all(found)
    return result


def main(argv: list[str] | None = None) -> int:
    """Run one phase and print its figures as JSON."""
    parser = argparse.ArgumentParser(prog="python -m bench.worker", description=__doc__)
    parser.add_argument("phase", choices=("index", "query"))
    parser.add_argument("system")
    parser.add_argument("index_dir", type=Path)
    parser.add_argument("input", type=Path, help="list of article files, or the query plan")
    args = parser.parse_args(argv)
    phase = index_phase if args.phase == "index" else query_phase
    try:
        figures = phase(args.system, args.index_dir, args.input)
    except SystemUnavailable as error:
        print(error, file=sys.stderr)
        return 2
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
