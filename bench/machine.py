"""What machine and software produced a result: figures mean little without it."""

from __future__ import annotations

import os
import platform
import sqlite3
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import whoosh


def machine_info(repo_root: Path) -> dict[str, object]:
    """CPU model, cores, RAM, Python, Whoosh and SQLite versions, repository commit and date."""
    return {
        "cpu": _proc_value("/proc/cpuinfo", "model name") or platform.processor(),
        "cores": os.cpu_count(),
        "ram_gib": round(int((_proc_value("/proc/meminfo", "MemTotal") or "0 kB").split()[0]) / 2**20, 1),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "whoosh": whoosh.versionstring(),
        "sqlite": sqlite3.sqlite_version,
        "commit": _git_commit(repo_root),
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def _proc_value(path: str, key: str) -> str | None:
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    for line in lines:
        name, _, value = line.partition(":")
        if name.strip() == key:
            return value.strip()
    return None


def _git_commit(repo_root: Path) -> str | None:
    completed = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],
        cwd=repo_root,
        capture_output=True,
        text=True,
        check=False,
    )
    return completed.stdout.strip() or None
