"""The few measuring helpers every system shares, so all are timed and summarised alike."""

from __future__ import annotations

import resource
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def timed_ms(action: Callable[[], T]) -> tuple[T, float]:
    """``action()``'s result and its wall-clock duration in milliseconds."""
    start = time.perf_counter()
    result = action()
    return result, (time.perf_counter() - start) * 1000


def latency_summary(samples_ms: Sequence[float]) -> dict[str, float]:
    """p50/p95/p99 and mean of latency samples, in milliseconds, rounded to 0.01 ms.

    The "inclusive" method interpolates between observed samples, so a percentile never exceeds
    the slowest query actually seen.
    """
    cuts = statistics.quantiles(samples_ms, n=100, method="inclusive")
    return {
        "p50": round(cuts[49], 2),
        "p95": round(cuts[94], 2),
        "p99": round(cuts[98], 2),
        "mean": round(statistics.fmean(samples_ms), 2),
    }


def peak_rss_mb() -> float:
    """Peak resident memory of this process or any child it waited for, in MiB.

    Counting children too keeps a system honest if it indexes in worker processes. Linux
    reports ``ru_maxrss`` in KiB.
    """
    kib = max(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    )
    return round(kib / 1024, 1)


def directory_mb(path: Path) -> float:
    """Bytes on disk of all files under ``path``, in MiB: the size of an index."""
    total = sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
    return round(total / 2**20, 2)
