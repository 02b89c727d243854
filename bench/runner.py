"""One benchmark run at one corpus size: corpus, queries, then each system in its own processes.

All systems see the same files and the same queries. Indexes are built in a fresh work folder
and deleted once measured, since at 100,000 articles they are large.
"""

from __future__ import annotations

import json
import os
import shutil
import string
import subprocess
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from bench.corpus import CorpusGenerator, ensure_corpus
from bench.machine import machine_info
from bench.measure import directory_mb, latency_summary, timed_ms
from bench.queries import Query, build_queries
from bench.systems import SELF_TIMED, system_class

REPO_ROOT = Path(__file__).resolve().parents[1]
PROBES = 3  # articles added one by one to time "searchable after adding"
PROBE_WORD = "zqxprobe{}"  # a word no generated article contains
FRESH_CALLS = 10  # searches timed one new process each


@dataclass(frozen=True)
class RunConfig:
    """The command-line choices that apply to every corpus size."""

    seed: int
    query_count: int
    systems: tuple[str, ...]
    work_dir: Path
    seeds_dir: Path

    @property
    def corpus_root(self) -> Path:
        """Where the corpus of this seed is cached; every N of the seed shares it."""
        return self.work_dir / f"corpus-seed{self.seed}"


def progress(message: str) -> None:
    """A line on stderr, keeping stdout for the tables."""
    print(message, file=sys.stderr, flush=True)


def benchmark(n: int, config: RunConfig) -> dict[str, object]:
    """Every figure of the run at ``n`` articles, ready to be written as JSON."""
    machine = machine_info(REPO_ROOT)  # before the run: the commit whose code is measured
    progress(f"N={n}: preparing the corpus under {config.work_dir}")
    paths, corpus_ms = timed_ms(lambda: ensure_corpus(config.corpus_root, n, config.seed, config.seeds_dir))
    queries = build_queries(paths, config.query_count, config.seed)
    run_dir = config.work_dir / f"run-n{n}"
    shutil.rmtree(run_dir, ignore_errors=True)
    run_dir.mkdir(parents=True)
    paths_file = run_dir / "paths.txt"
    paths_file.write_text("".join(f"{p}\n" for p in paths), encoding="utf-8")
    generator = CorpusGenerator(config.seeds_dir, config.seed)
    systems = {}
    for name in config.systems:
        system_dir = run_dir / name
        system_dir.mkdir()
        plan_file = system_dir / "plan.json"
        plan = {
            "queries": [asdict(q) for q in queries],
            "probes": [
                _probe(generator, n + k, system_dir / "probes" / f"probe-{k}.txt") for k in range(PROBES)
            ],
        }
        plan_file.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
        if name in SELF_TIMED:
            progress(f"N={n}: {name}: indexing and querying")
            systems[name] = system_class(name).benchmark(n, system_dir, paths_file, plan_file)
        else:
            systems[name] = _benchmark_system(name, n, system_dir / "index", paths_file, plan_file)
        shutil.rmtree(system_dir, ignore_errors=True)
    return {
        "n": n,
        "seed": config.seed,
        "machine": machine,
        "corpus": {
            "articles": n,
            "megabytes": round(sum(p.stat().st_size for p in paths) / 2**20, 1),
            "prepare_seconds": round(corpus_ms / 1000, 2),
        },
        "queries": [q.text for q in queries],
        "systems": systems,
    }


def _probe(generator: CorpusGenerator, index: int, path: Path) -> dict[str, str]:
    """A new article, not in the corpus, carrying a word found nowhere else."""
    word = PROBE_WORD.format(string.ascii_lowercase[index % 26])
    title, _, body = generator.article(index).partition("\n\n")
    return {"path": str(path), "word": word, "text": f"{title}\n\n{word} {body}"}


def _benchmark_system(
    name: str, n: int, index_dir: Path, paths_file: Path, plan_file: Path
) -> dict[str, object]:
    progress(f"N={n}: {name}: indexing")
    figures = _run_worker("index", name, index_dir, paths_file)
    if "error" in figures:
        return figures
    figures["articles_per_second"] = round(n / figures["index_seconds"], 1)
    figures["index_mb"] = directory_mb(index_dir)
    progress(f"N={n}: {name}: querying ({figures['index_seconds']} s to index)")
    figures.update(_run_worker("query", name, index_dir, plan_file))
    command = getattr(system_class(name), "command", None)
    if command is not None:
        progress(f"N={n}: {name}: {FRESH_CALLS} searches, each in a new process")
        figures["fresh_process_ms"] = _fresh_processes(command, index_dir, plan_file)
    return figures


def _fresh_processes(
    command: Callable[[Path, Query], list[str]], index_dir: Path, plan_file: Path
) -> dict[str, float]:
    """Wall time of a search run as a script runs it, one new process per query (import,
    open, search, print): what a shell loop over ``bahith search`` pays per call."""
    plan = json.loads(plan_file.read_text(encoding="utf-8"))
    queries = [Query(q["lang"], tuple(q["terms"]), q["phrase"]) for q in plan["queries"][:FRESH_CALLS]]
    samples = [
        timed_ms(
            lambda q=query: subprocess.run(
                command(index_dir, q), cwd=REPO_ROOT, capture_output=True, check=False
            )
        )[1]
        for query in queries
    ]
    return latency_summary(samples)


def _run_worker(phase: str, system: str, index_dir: Path, input_file: Path) -> dict[str, object]:
    """Run ``bench.worker`` in a new interpreter; its JSON figures, or ``{"error": why}``."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")])),
    }
    completed = subprocess.run(
        [sys.executable, "-m", "bench.worker", phase, system, str(index_dir), str(input_file)],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        reason = completed.stderr.strip().splitlines()[-1:] or [f"exit {completed.returncode}"]
        progress(f"  {system} {phase} failed: {completed.stderr.strip()}")
        return {"error": reason[0]}
    return json.loads(completed.stdout.strip().splitlines()[-1])
