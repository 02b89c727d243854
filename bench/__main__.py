"""``python -m bench``: generate the corpus, benchmark the systems, write and print the results.

Example: ``python -m bench --n 1000 --n 10000 --systems bahith,whoosh,fts5,lucene``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bench.corpus import ensure_corpus
from bench.report import latency_svg, markdown_report, write_json
from bench.runner import REPO_ROOT, RunConfig, benchmark, progress
from bench.seeds import default_seeds_dir
from bench.systems import SYSTEMS


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line; see ``--help``."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument(
        "--n", type=int, action="append", help="corpus size; repeat for several (default 10000)"
    )
    parser.add_argument("--seed", type=int, default=1, help="corpus and query seed (default 1)")
    parser.add_argument(
        "--systems",
        default=",".join(SYSTEMS),
        help=f"comma-separated, from {', '.join(SYSTEMS)} (default: all)",
    )
    parser.add_argument("--queries", type=int, default=200, help="query set size (default 200)")
    parser.add_argument(
        "--out", type=Path, default=REPO_ROOT / "bench" / "results", help="bench-N<n>.json, latency.svg"
    )
    parser.add_argument(
        "--work", type=Path, default=REPO_ROOT / "bench" / ".work", help="corpus cache, indexes"
    )
    parser.add_argument("--seeds", type=Path, default=default_seeds_dir(), help="seed articles")
    parser.add_argument("--corpus-only", action="store_true", help="only generate the corpus, then stop")
    args = parser.parse_args(argv)
    args.n = sorted(set(args.n or [10_000]))
    args.systems = tuple(s.strip() for s in args.systems.split(",") if s.strip())
    unknown = set(args.systems) - set(SYSTEMS)
    if unknown:
        parser.error(f"unknown system(s) {', '.join(sorted(unknown))}; choose from {', '.join(SYSTEMS)}")
    if min(args.n) < 1:
        parser.error("--n must be positive")
    return args


def main(argv: list[str] | None = None) -> int:
    """Run every requested corpus size; print one markdown report per size."""
    args = parse_args(argv)
    config = RunConfig(args.seed, args.queries, args.systems, args.work.resolve(), args.seeds.resolve())
    if args.corpus_only:
        paths = ensure_corpus(config.corpus_root, max(args.n), config.seed, config.seeds_dir)
        progress(f"{len(paths)} articles under {config.corpus_root}")
        return 0
    results = []
    for n in args.n:
        result = benchmark(n, config)
        results.append(result)
        progress(f"wrote {write_json(result, args.out)}")
        print(markdown_report(result), end="\n\n", flush=True)
    if len(results) > 1:
        svg = args.out / "latency.svg"
        svg.write_text(latency_svg(results), encoding="utf-8")
        progress(f"wrote {svg}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
