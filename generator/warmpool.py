"""A process that imports the analysis while this one starts up: the head start of a parallel build.

Every process that processes articles must first import the analysis (YAKE with NumPy and
NetworkX, the quote patterns): about 0.2 s, a twentieth of a parallel build of 100 articles. Done
in this process before the workers are forked, it is time in which only one core works. So the
command line forks a *warm process* as soon as it knows a build will run in parallel; it imports
the analysis while this process imports the site code, finds the seeds and reads the cache.
:func:`generator.runner.process_all` then hands it the articles to process, in one message: it
processes a single one itself, or forks the workers from its warm state, and passes each outcome
back as it comes. When nothing needs processing it is stopped unused. If it dies, process_all
processes whatever it did not send back.

This module is imported before the fork, so it imports little (what it imports, both processes
pay for before they part); the warm process loads :mod:`generator.runner` after the fork.
"""
from __future__ import annotations

import os
import pickle
import select
import signal
import socket
import struct
import sys
from collections.abc import Iterator

_HEADER = struct.Struct("!Q")

_active: WarmPool | None = None


def default_jobs() -> int:
    """The number of CPUs this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def active() -> WarmPool | None:
    """The warm process of this build, while it has not been used or stopped."""
    return _active


class WarmPool:
    """Forks the warm process; ``jobs`` is the number of workers it forks for many articles."""

    def __init__(self, jobs: int) -> None:
        global _active
        ours, theirs = socket.socketpair()
        parent = os.getpid()
        pid = os.fork()
        if pid == 0:  # the warm process: never returns into the caller's code
            code = 1
            try:
                ours.close()
                code = _serve(theirs, parent, jobs)
            finally:
                os._exit(code)
        theirs.close()
        self.pid: int | None = pid
        self._sock = ours
        self._in = ours.makefile("rb")
        self._done = False
        _active = self

    def process(self, tasks: list[tuple]) -> Iterator[tuple]:
        """``(index, outcome)`` for each of ``tasks`` (``(index, seed)`` pairs), in the order they
        finish. Stops early, without an error, if the warm process is gone (the caller processes
        what is missing); it can be used once."""
        global _active
        _active = None
        try:
            _send(self._sock, pickle.dumps(tasks, protocol=pickle.HIGHEST_PROTOCOL))
            for _ in tasks:
                data = _receive(self._in)
                if data is None:  # the warm process is gone
                    return
                yield pickle.loads(data)
            # Every outcome is in: the warm process now stops its workers and exits by itself. That
            # takes it a few milliseconds, which this process need not wait for (close(wait=False)).
            self._done = True
        except (OSError, pickle.UnpicklingError, EOFError):
            return

    def close(self, wait: bool = True) -> None:
        """Stop the warm process (at once, unless it sent back every outcome and is exiting) and
        reap it. With ``wait`` false, a warm process that is exiting by itself is left to finish;
        it is reaped by the next close (the command line's, when it ends)."""
        global _active
        if _active is self:
            _active = None
        if self.pid is None:
            return
        for f in (self._in, self._sock):
            try:
                f.close()
            except OSError:
                pass
        try:
            if not self._done:
                os.kill(self.pid, signal.SIGKILL)  # its workers notice and stop (runner._worker)
            elif not wait:
                if os.waitpid(self.pid, os.WNOHANG)[0] == 0:
                    return  # still exiting
                self.pid = None
                return
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        self.pid = None

    def __enter__(self) -> WarmPool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _send(sock: socket.socket, data: bytes) -> None:
    sock.sendall(_HEADER.pack(len(data)) + data)


def _receive(stream) -> bytes | None:
    """One message, or None at the end of the stream (or a message cut short by it)."""
    head = stream.read(_HEADER.size)
    if len(head) < _HEADER.size:
        return None
    size = _HEADER.unpack(head)[0]
    data = stream.read(size)
    return data if len(data) == size else None


def stop_with_parent() -> None:
    """In a forked helper process: leave Ctrl-C to the parent, which decides what stops, but end at
    once when the parent ends (Linux's PR_SET_PDEATHSIG; elsewhere the helpers' own checks of
    their parent remain), so that an interrupted build leaves no process finishing an article
    nobody waits for, holding the terminal's output open."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1: PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass


def _serve(sock: socket.socket, parent: int, jobs: int) -> int:
    """The warm process: import the analysis, wait for the tasks, process them, send the outcomes."""
    stop_with_parent()  # the parent handles Ctrl-C and stops us
    if os.getppid() != parent:  # it ended before we could ask to end with it
        return 0
    try:
        from generator.pipeline import load

        load()  # the reason this process exists
    except Exception:  # noqa: BLE001 - then each article's processing reports the problem
        pass
    from generator.runner import run_tasks

    while not select.select([sock], [], [], 1.0)[0]:
        if os.getppid() != parent:
            return 0
    data = _receive(sock.makefile("rb"))
    if data is None:  # stopped unused
        return 0
    tasks = pickle.loads(data)

    def emit(index: int, outcome) -> None:
        # a worker's message arrives already pickled as (index, outcome): passed on as it is
        _send(sock, outcome if isinstance(outcome, bytes)
              else pickle.dumps((index, outcome), protocol=pickle.HIGHEST_PROTOCOL))

    run_tasks(tasks, jobs, emit, close=(sock.fileno(),))  # the parent counts the outcomes: no end marker
    return 0
