"""Several server processes on one listening socket, and the parent that keeps them running.

Python runs one thread at a time per process (the GIL), so a process of threads
uses one core however many the machine has. ``bahith serve --workers N`` binds
the listening socket in the parent, then forks N workers that inherit it and
accept from it: the kernel hands each connection to exactly one of them. One
shared queue of connections was preferred to SO_REUSEPORT, where each process
has its own: there, connections waiting for a worker that dies are reset, here
the others take them.

The parent serves nothing. It starts the workers, starts another when one dies,
and stops them all on SIGINT or SIGTERM. Each worker opens the index itself,
after the fork, so no Whoosh reader or file position is shared between
processes; two workers that write take the index's write lock in turn, like any
two writers. A worker whose parent is gone, even by kill -9, exits at once: it
holds the reading end of a pipe that only the parent writes to, and sees its end.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable
from typing import NoReturn

STOP_GRACE_SECONDS = 10.0
"""How long stopped workers may finish the requests they hold (waitress waits 5 s) before being killed."""

FIRST_RETRY_SECONDS = 1.0
LAST_RETRY_SECONDS = 30.0
"""A worker that cannot start is tried again after a pause, doubled each time up to this."""

READY = b"ready"
_FAILED_TO_START = 3


class WorkerFailed(Exception):
    """A worker that could not start, with the reason in the product's words."""


class _Stop(Exception):
    """SIGTERM reached the parent."""


Prepare = Callable[[], Callable[[], None]]
"""Run in each worker: opens what it serves and returns the call that serves until SIGTERM.
It raises ``WorkerFailed`` when the worker cannot serve."""


def fork_available() -> bool:
    """Whether this system can run workers (it needs ``os.fork``; Windows has none)."""
    return hasattr(os, "fork")


def default_workers() -> int:
    """One worker per core, so every core serves; one where processes cannot be forked."""
    return (os.cpu_count() or 1) if fork_available() else 1


def describe_exit(status: int) -> str:
    """How a worker ended, from its wait status: 'exited with code 1', 'was killed by SIGKILL'."""
    code = os.waitstatus_to_exitcode(status)
    return f"was killed by {signal.Signals(-code).name}" if code < 0 else f"exited with code {code}"


def _raise_stop(signum: int, frame: object) -> NoReturn:
    raise _Stop


def _stop_serving(signum: int, frame: object) -> NoReturn:
    raise SystemExit(0)  # waitress ends its loop on SystemExit and lets running requests finish


def _exit_with_parent(parent_pipe: int) -> None:
    """Block until the parent's end of the pipe closes (the parent is gone), then exit at once."""
    while os.read(parent_pipe, 1):
        pass
    os._exit(0)


def _worker(prepare: Prepare, ready_pipe: int, parent_pipe: int) -> NoReturn:
    """The body of a forked worker; it never returns into the parent's code."""
    code = 0
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C reaches every process: the parent decides
        signal.signal(signal.SIGTERM, _stop_serving)
        threading.Thread(target=_exit_with_parent, args=(parent_pipe,), daemon=True).start()
        try:
            serve = prepare()
        except WorkerFailed as error:
            os.write(ready_pipe, " ".join(str(error).split()).encode("utf-8"))
            code = _FAILED_TO_START
        else:
            os.write(ready_pipe, READY)
            os.close(ready_pipe)
            serve()
    except SystemExit:
        pass
    except BaseException:  # a bug: show it, and let the parent start another worker
        traceback.print_exc()
        code = 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


class Workers:
    """N forked workers serving with ``prepare``, started, replaced and stopped by this process."""

    def __init__(self, prepare: Prepare, count: int) -> None:
        self._prepare = prepare
        self._count = count
        self._pids: set[int] = set()
        self._parent_pipe: tuple[int, int] | None = None

    def run(self, on_ready: Callable[[], None]) -> None:
        """Start the workers, call ``on_ready`` once all serve, and keep them running until
        SIGINT or SIGTERM; then stop them all. Raises ``WorkerFailed`` if one cannot start."""
        self._parent_pipe = os.pipe()
        previous = (
            signal.signal(signal.SIGINT, signal.default_int_handler),
            signal.signal(signal.SIGTERM, _raise_stop),
        )
        try:
            starting = [self._fork() for _ in range(self._count)]
            for pid, ready_pipe in starting:
                self._await_ready(pid, ready_pipe)
            on_ready()
            self._supervise()
        except (KeyboardInterrupt, _Stop):
            pass
        finally:
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            self._stop_all()
            for end in self._parent_pipe:
                os.close(end)
            signal.signal(signal.SIGINT, previous[0])
            signal.signal(signal.SIGTERM, previous[1])

    def _fork(self) -> tuple[int, int]:
        """Fork one worker; its pid and the pipe it says it is ready on."""
        assert self._parent_pipe is not None
        parent_read, parent_write = self._parent_pipe
        ready_read, ready_write = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(parent_write)
            os.close(ready_read)
            _worker(self._prepare, ready_write, parent_read)
        os.close(ready_write)
        self._pids.add(pid)
        return pid, ready_read

    def _await_ready(self, pid: int, ready_pipe: int) -> None:
        """Wait until worker ``pid`` serves; ``WorkerFailed`` with its reason if it cannot."""
        said = b""
        try:
            while chunk := os.read(ready_pipe, 4096):
                said += chunk
                if said == READY:
                    return
        finally:
            os.close(ready_pipe)
        _, status = os.waitpid(pid, 0)
        self._pids.discard(pid)
        raise WorkerFailed(
            said.decode("utf-8", "replace") or f"a worker {describe_exit(status)} while starting"
        )

    def _supervise(self) -> None:
        """Replace each worker that ends, for as long as this process runs."""
        while True:
            pid, status = os.wait()
            if pid not in self._pids:
                continue
            self._pids.discard(pid)
            print(
                f"bahith: worker {pid} {describe_exit(status)}; starting another", file=sys.stderr, flush=True
            )
            self._replace()

    def _replace(self) -> None:
        """Start one worker, trying again after longer and longer pauses while it cannot start."""
        pause = FIRST_RETRY_SECONDS
        while True:
            try:
                self._await_ready(*self._fork())
                return
            except WorkerFailed as error:
                print(f"bahith: {error}; trying again in {pause:g} s", file=sys.stderr, flush=True)
            time.sleep(pause)
            pause = min(pause * 2, LAST_RETRY_SECONDS)

    def _stop_all(self) -> None:
        """SIGTERM every worker, wait for them to finish what they hold, kill those that do not."""
        for pid in self._pids:
            os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + STOP_GRACE_SECONDS
        while self._pids and time.monotonic() < deadline:
            for pid in list(self._pids):
                if os.waitpid(pid, os.WNOHANG)[0] == pid:
                    self._pids.discard(pid)
            time.sleep(0.05)
        for pid in self._pids:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        self._pids.clear()
