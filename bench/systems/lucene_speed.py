"""Real Lucene 9.5 in the speed benchmark: its indexing and search figures on the same corpus
and the same queries as the Python systems.

Lucene runs in a JVM, so it cannot sit behind the worker's one-call-per-query interface:
timing each query from Python would measure the pipe, and a JVM per query would measure Java's
start. The anchor's own commands are used instead (``../shared/tools/lucene``): ``index`` is
timed from outside, wall clock, so its figure includes starting the JVM as a user pays it;
``bench`` times each query inside the JVM. Peak memory is the JVM's own, read from the kernel
when the child exits. What the anchor cannot measure is named in ``NOT_MEASURED``, which the
report prints as "n/a" with the reason.
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.measure import directory_mb
from bench.queries import Query
from bench.systems.lucene import LuceneUnavailable, lucene_classpath
from bench.worker import WARMUP_SHARE

ANCHOR_CLASS = "LuceneAnchor"
NOT_MEASURED = {
    "p99 ms": "the anchor's in-JVM bench reports p50, p95, mean and max, not p99",
    "p95 snippets ms": "the anchor has no highlighter, so no search with snippets",
    "add-one ms": "the anchor's index command always builds a new index; it cannot add one article",
}
NOTE = (
    "index figures are the wall time of `LuceneAnchor index`, JVM start included, one thread; "
    "search latencies are timed inside the JVM (no process start, no pipe), over the same 200 "
    "queries after the same one-in-ten warm-up (so Java's JIT compiler is still warming up, as in a "
    "freshly started server); a quoted phrase is searched as an OR of its words "
    "(the anchor's query builder makes no phrase query); peak RSS is the JVM's"
)


class LuceneFailed(RuntimeError):
    """A Lucene command exited with an error; the message is the last line it printed."""


@dataclass(frozen=True)
class JavaRun:
    """What one JVM printed, how long it ran (wall clock) and its peak resident memory."""

    stdout: str
    seconds: float
    peak_rss_mb: float


class LuceneSpeed:
    """The anchor's commands over an on-disk index of ``.txt`` articles, title on the first line."""

    def __init__(self) -> None:
        self.classpath = lucene_classpath()

    def build(self, index_dir: Path, paths: Sequence[Path], corpus_dir: Path) -> dict[str, object]:
        """Index ``paths`` into a new index at ``index_dir``; its timing, memory and versions.

        The anchor indexes the ``.txt`` files of one folder, and the cached corpus is sharded
        into sub-folders and holds more articles than one N; ``corpus_dir`` receives a link to
        each of ``paths``, numbered so that Lucene reads them in the given order.
        """
        corpus_dir.mkdir(parents=True)
        for number, path in enumerate(paths):
            (corpus_dir / f"{number:07d}.txt").symlink_to(path.resolve())
        index_dir.mkdir(parents=True)
        run = self._java("index", str(corpus_dir), str(index_dir))
        reported = json.loads(run.stdout.strip().splitlines()[-1])
        return {
            "index_seconds": round(run.seconds, 3),
            "index_peak_rss_mb": run.peak_rss_mb,
            "jvm_index_seconds": reported["index_s"],
            "lucene": reported["lucene"],
            "java": reported["java"],
        }

    def search(self, index_dir: Path, text: str) -> list[Path]:
        """The articles Lucene ranks first for ``text``, best first, as the files given to build."""
        run = self._java("search", str(index_dir), text)
        found = [line.partition("\t")[0] for line in run.stdout.splitlines() if not line.startswith("#")]
        return [Path(path).resolve() for path in found if path]

    def latencies(self, index_dir: Path, queries: Sequence[Query], work_dir: Path) -> dict[str, object]:
        """In-JVM latency of each query, top 10, after warming up on one query in WARMUP_SHARE.

        The anchor runs the last WARMUP lines of its file untimed first, then times the rest, so
        the warm-up queries follow the timed ones in the file.
        """
        warmup = [query.text for query in queries[::WARMUP_SHARE]]
        lines = [query.text for query in queries] + warmup
        queries_file = work_dir / "queries.txt"
        queries_file.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
        run = self._java("bench", str(index_dir), str(queries_file), str(len(warmup)))
        reported = json.loads(run.stdout.strip().splitlines()[-1])
        return {
            "latency_ms": {
                "p50": round(reported["p50_ms"], 2),
                "p95": round(reported["p95_ms"], 2),
                "mean": round(reported["mean_ms"], 2),
                "max": round(reported["max_ms"], 2),
            },
            "timed_queries": reported["timed"],
            "hits": reported["hits"],
            "search_peak_rss_mb": run.peak_rss_mb,
        }

    def _java(self, *arguments: str) -> JavaRun:
        """Run one anchor command; wait for it with ``wait4`` to read its own peak memory.

        Output goes to files rather than pipes, so a chatty JVM can never block on a full pipe
        while this process waits for it to exit.
        """
        command = ["java", "-cp", self.classpath, ANCHOR_CLASS, *arguments]
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            start = time.perf_counter()
            process = subprocess.Popen(command, stdout=out, stderr=err)
            _, status, usage = os.wait4(process.pid, 0)
            seconds = time.perf_counter() - start
            process.returncode = os.waitstatus_to_exitcode(status)
            out.seek(0)
            err.seek(0)
            stdout, stderr = out.read().decode("utf-8"), err.read().decode("utf-8", "replace")
        if process.returncode != 0:
            last = (stderr.strip().splitlines() or [f"exit status {process.returncode}"])[-1]
            raise LuceneFailed(f"LuceneAnchor {arguments[0]} failed: {last}")
        return JavaRun(stdout, seconds, round(usage.ru_maxrss / 1024, 1))  # Linux: KiB

    @classmethod
    def benchmark(cls, n: int, system_dir: Path, paths_file: Path, plan_file: Path) -> dict[str, object]:
        """Every figure of Lucene at ``n`` articles, or ``{"error": why}`` when it cannot run."""
        paths = [Path(line) for line in paths_file.read_text(encoding="utf-8").splitlines()]
        plan = json.loads(plan_file.read_text(encoding="utf-8"))
        queries = [Query(q["lang"], tuple(q["terms"]), q["phrase"]) for q in plan["queries"]]
        index_dir = system_dir / "index"
        try:
            lucene = cls()
            figures = lucene.build(index_dir, paths, system_dir / "corpus")
            figures["articles_per_second"] = round(n / figures["index_seconds"], 1)
            figures["index_mb"] = directory_mb(index_dir)
            figures.update(lucene.latencies(index_dir, queries, system_dir))
        except (LuceneUnavailable, LuceneFailed) as error:
            return {"error": str(error)}
        note = f"Lucene {figures['lucene']} on Java {figures['java']}; {NOTE}"
        return {**figures, "not_measured": NOT_MEASURED, "note": note}
