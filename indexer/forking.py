"""When a run may hand work to forked processes, and how many cores it has for them.

Forking starts a worker at once, with the analysis already loaded, where spawning would
import everything again (and run ``python -m bahith``'s main module). It is safe only where
the process has no other thread, which a fork would copy in the middle of its work: the
web server's threads, for example, index uploads in their own process. Only Linux is
trusted with it (macOS's system libraries may not survive a fork).
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
from contextlib import suppress
from multiprocessing.context import BaseContext


def cores() -> int:
    """How many cores this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def can_fork() -> bool:
    """Whether work may go to forked processes now: several cores, Linux, no other thread."""
    return cores() > 1 and sys.platform == "linux" and threading.active_count() == 1


def fork_context() -> BaseContext:
    """The multiprocessing context of forked processes."""
    return multiprocessing.get_context("fork")


_PR_SET_PDEATHSIG = 1


def die_with(parent: int) -> None:
    """In a forked process: be killed as soon as ``parent`` (the run that forked it) dies.

    A run killed in the middle must not leave behind a worker still placing stories,
    which would hold the story file's write lock when the next run wants it.
    """
    with suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # it died before the request was made
        os._exit(1)
