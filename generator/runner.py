"""Runs the per-article pipeline over many seeds: from the cache, in parallel, in input order.

Kept apart from site.py so that how the work is scheduled can change without touching what is
written. Results always come back in the order of ``files``, whatever the number of processes,
so the output of a parallel run is byte-identical to a serial one.

- **Cache** (:class:`generator.cache.BriefingCache`): each article's key is computed in this
  process from its bytes; hits are served from disk, only misses are processed.
- **Processes**: misses are handed, an article or two at a time, to ``jobs`` worker processes
  forked from this one (so YAKE and the language data are imported once, before the fork). Each
  worker has its own pipe and processes what it holds in order; the parent always knows which
  article a worker is on, so a worker that dies (a segfault in a C extension, the out-of-memory
  killer) becomes that article's error line and a fresh worker takes over the rest.
- An unexpected exception while processing one article becomes that article's error line too,
  in serial and parallel runs alike.
"""
from __future__ import annotations

import gc
import logging
import os
import pickle
import signal
import traceback
from collections import deque
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from dataclasses import replace

from generator.cache import BriefingCache, cacheable, seed_digest
from generator.ingest import SeedFile
from generator.models import Outcome
from generator.warmpool import active as active_warm_pool
from generator.warmpool import default_jobs, stop_with_parent

Progress = Callable[[int, int, str], None]

PREFETCH = 2  # articles a worker holds at once while enough wait (_parallel)

log = logging.getLogger(__name__)


def process_seed(seed: SeedFile) -> Outcome:
    """generator.pipeline.process_seed, imported when first needed: a build served wholly from the
    cache never loads the analysis (YAKE, NumPy, the quote patterns)."""
    from generator.pipeline import process_seed as process

    return process(seed)


def process_one(seed: SeedFile) -> Outcome:
    """process_seed, with an unexpected exception turned into the article's error."""
    try:
        return process_seed(seed)
    except Exception as exc:  # noqa: BLE001 - a bug on one article must not stop the others
        log.debug("unexpected error on %s:\n%s", seed.rel, traceback.format_exc())
        return Outcome(seed.rel, None, f"unexpected error while processing ({type(exc).__name__}: {exc}); "
                                       "please report it with this file")


def process_all(files: Sequence[SeedFile], progress: Progress | None = None, *, jobs: int | None = 1,
                cache: BriefingCache | None = None, digests: Sequence[str | None] | None = None,
                take_page: Callable[[Outcome], None] | None = None) -> list[Outcome]:
    """The Outcome of every seed, in the order of ``files``.

    ``jobs``: worker processes (None: one per CPU; 1: in this process). ``digests``: the
    :func:`generator.cache.seed_digest` of each file, when the caller has them already.
    ``take_page``: called with each outcome that has a page (Outcome.page) as soon as it arrives;
    the outcome is then kept without it. Held until the end in thousands of outcomes, the pages
    would leave as many holes in the heap when freed.
    """
    total = len(files)
    results: list[Outcome | None] = [None] * total
    keys: list[str | None] = [None] * total
    todo: list[int] = []
    done = 0
    for i, seed in enumerate(files):
        if cache is not None:
            keys[i] = cache.key(digests[i] if digests is not None else seed_digest(seed))
            hit = cache.get(keys[i])
            if hit is not None and hit.path == seed.rel:
                results[i] = hit
                done += 1
                if progress:
                    progress(done, total, seed.rel)
                continue
        todo.append(i)

    def finished(i: int, outcome: Outcome) -> None:
        nonlocal done
        if outcome.page is not None and take_page is not None:
            take_page(outcome)
            outcome = replace(outcome, page=None)
        results[i] = outcome
        if cache is not None and keys[i] is not None and cacheable(outcome):
            # the file may have changed while it was processed: store only if it still has this key
            if cache.key(seed_digest(files[i])) == keys[i]:
                cache.put(keys[i], outcome)
        done += 1
        if progress:
            progress(done, total, files[i].rel)

    jobs = default_jobs() if jobs is None or jobs < 1 else jobs
    warm = active_warm_pool() if jobs > 1 else None
    if warm is not None:  # forked by the command line, it imports the analysis meanwhile (generator.warmpool)
        if todo:
            left = set(todo)
            for i, outcome in warm.process([(i, files[i]) for i in todo]):
                if i in left:
                    left.discard(i)
                    finished(i, outcome)
            if left:
                log.debug("the warm process stopped with %d articles left; processing them here", len(left))
            todo = [i for i in todo if i in left]
        warm.close(wait=False)
    if not todo:
        return results  # type: ignore[return-value]
    from generator.pipeline import load

    load()  # once, before the workers fork
    with frozen_heap():
        if jobs > 1 and len(todo) > 1 and _can_fork():
            _parallel(files, todo, min(jobs, len(todo)), finished)
        else:
            _serial(files, todo, finished, results)
    return results  # type: ignore[return-value]


def _serial(files: Sequence[SeedFile], todo: list[int], finished: Callable[[int, Outcome], None],
            results: list[Outcome | None]) -> None:
    # Outcomes are kept pickled until the end: as live objects, every full collection of the
    # cyclic garbage collector (the analysis triggers many) would walk all of them again, and
    # a long serial run would slow down as it goes. (Workers' outcomes arrive pickled anyway.)
    kept: dict[int, bytes] = {}
    for i in todo:
        finished(i, process_one(files[i]))
        kept[i] = pickle.dumps(results[i], protocol=pickle.HIGHEST_PROTOCOL)
        results[i] = None
    for i, data in kept.items():
        results[i] = pickle.loads(data)


@contextmanager
def frozen_heap():
    """Keep every object alive now out of the cyclic garbage collector's passes until the block ends.

    The analysis allocates enough to set off well over a thousand collections per hundred
    articles, and each full one walked every object the imports made (YAKE, NumPy, NetworkX, the
    quote patterns), which never become garbage: 10-13% of a serial run. Frozen, they are skipped
    (gc.freeze). A forked worker inherits the freeze, which matters more there: a collection
    writes into the header of each object it walks, so walking the inherited ones would copy the
    parent's memory page by page into every worker.
    """
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


# ---------------------------------------------------------------------------------------------
# The worker pool (multiprocessing is imported only when there is one: a serial run never uses it)

def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def run_tasks(tasks: Sequence[tuple[int, SeedFile]], jobs: int, emit: Callable[[int, Outcome | bytes], None], *,
              close: Sequence[int] = ()) -> None:
    """Process ``(index, seed)`` tasks, handing each result to ``emit`` as it finishes: in this
    process when there is one task, else by ``jobs`` forked workers, whose results are handed on
    still pickled (the bytes of ``(index, outcome)``). The workers close the file descriptors
    ``close`` first. (Run by the warm process, generator.warmpool.)"""
    files = dict(tasks)
    todo = [i for i, _ in tasks]
    with frozen_heap():
        if jobs > 1 and len(todo) > 1 and _can_fork():
            _parallel(files, todo, min(jobs, len(todo)), emit, raw=True, close=close)
        else:
            for i in todo:
                emit(i, process_one(files[i]))


def _worker(conn, parent: int, close: Sequence[int] = ()) -> None:
    """Receive (index, seed), send (index, outcome), until told to stop with None or the parent dies."""
    stop_with_parent()  # the parent handles Ctrl-C and stops us; we end with it
    for fd in close:  # e.g. the warm process's line to its parent: ends with the warm process, not with us
        try:
            os.close(fd)
        except OSError:
            pass
    while True:
        try:
            # A sibling forked later holds a copy of our pipe's other end, so a killed parent does
            # not always show as EOF: check that the parent is still there.
            while not conn.poll(1.0):
                if os.getppid() != parent:
                    return
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        index, seed = task
        outcome = process_one(seed)
        try:
            conn.send((index, outcome))
        except Exception as exc:  # noqa: BLE001 - e.g. a result that can't be pickled
            conn.send((index, Outcome(seed.rel, None, f"unexpected error while processing ({type(exc).__name__}: "
                                                      f"{exc}); please report it with this file")))


class _Slot:
    def __init__(self, ctx, close: Sequence[int] = ()):
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker, args=(child, os.getpid(), close), daemon=True)
        self.process.start()
        child.close()
        self.tasks: deque[int] = deque()  # sent to this worker, in the order it processes them

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except OSError:
            pass
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


def _parallel(files: Sequence[SeedFile] | dict[int, SeedFile], todo: list[int], jobs: int,
              finished: Callable[[int, Outcome], None], *, raw: bool = False, close: Sequence[int] = ()) -> None:
    """Process ``files[i]`` for each i in ``todo`` by ``jobs`` workers, calling ``finished(i, outcome)``
    as each is done; with ``raw``, a worker's result is passed as received: the pickled (i, outcome).

    While more articles wait than there are workers, each worker holds a second one, queued in its
    pipe: it starts on it as soon as it has sent a result, instead of idling while this process
    receives the result and sends the next article (half a millisecond an article, 2-3% of a
    parallel run of 100). The last ones are handed out one at a time, to whichever worker is free.
    A worker that dies was processing the first article it held; the others go back in the queue.
    """
    import multiprocessing
    from multiprocessing.connection import wait

    ctx = multiprocessing.get_context("fork")
    pending = list(reversed(todo))  # pop() from the end: input order
    slots = [_Slot(ctx, close) for _ in range(jobs)]
    try:
        def feed(slot: _Slot) -> None:
            while pending and (not slot.tasks or (len(slot.tasks) < PREFETCH and len(pending) > jobs)):
                slot.tasks.append(pending.pop())
                slot.conn.send((slot.tasks[-1], files[slot.tasks[-1]]))

        for slot in slots:
            feed(slot)
        while any(slot.tasks for slot in slots):
            busy = [slot for slot in slots if slot.tasks]
            ready = wait([s.conn for s in busy] + [s.process.sentinel for s in busy])
            for n, slot in enumerate(slots):
                if not slot.tasks or (slot.conn not in ready and slot.process.sentinel not in ready):
                    continue
                try:
                    if raw:
                        outcome = slot.conn.recv_bytes()
                        index = slot.tasks.popleft()
                    else:
                        index, outcome = slot.conn.recv()
                        slot.tasks.popleft()
                except (EOFError, OSError):  # the worker died holding these articles, processing the first
                    slot.process.join(timeout=5)
                    code = slot.process.exitcode
                    how = (f"signal {signal.Signals(-code).name}" if code is not None and code < 0
                           else f"exit status {code}")
                    index = slot.tasks.popleft()
                    pending.extend(reversed(slot.tasks))  # the queued ones: next, in their order
                    outcome = Outcome(files[index].rel, None,
                                      f"processing crashed ({how}); the article was skipped, please report it "
                                      "with this file")
                    slot.conn.close()
                    slots[n] = slot = _Slot(ctx, close)
                finished(index, outcome)
                feed(slot)
    finally:
        for slot in slots:
            slot.stop()


# ---------------------------------------------------------------------------------------------
# A pure function over many items, shared with forked copies of this process

def fork_map(func: Callable, items: Sequence, jobs: int | None = 1, *, min_items: int = 2) -> list:
    """``[func(x) for x in items]``, computed by ``jobs`` processes when that is worth it.

    Forked child k computes items k, k + jobs, k + 2 * jobs, ... (interleaved, so that costly runs
    of items are shared out) and sends its results back; this process computes its own share
    meanwhile. The children are forks, so ``func`` and the items reach them without being pickled;
    only the results are. ``func`` must be pure: the results are the same as a serial run's, in
    the same order. A child that fails in any way has its share computed here instead (an
    exception ``func`` raises then surfaces here, as in a serial run).
    """
    jobs = default_jobs() if jobs is None or jobs < 1 else jobs
    jobs = min(jobs, len(items) // max(1, min_items))
    if jobs < 2 or not _can_fork():
        return [func(x) for x in items]
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    children = []
    for k in range(1, jobs):
        receive, send = ctx.Pipe(duplex=False)
        process = ctx.Process(target=_map_share, args=(send, func, items, k, jobs), daemon=True)
        process.start()
        send.close()
        children.append((receive, process, k))
    results: list = [None] * len(items)
    results[0::jobs] = [func(x) for x in items[0::jobs]]
    for receive, process, k in children:
        part = None
        try:
            part = receive.recv()
        except (EOFError, OSError, pickle.UnpicklingError):
            pass
        except BaseException:  # Ctrl-C: nobody wants the children's shares now; don't wait for them
            for _, other, _ in children:
                other.kill()
            raise
        finally:
            receive.close()
            process.join(timeout=5)
            if process.is_alive():
                process.kill()
                process.join()
        if not isinstance(part, list) or len(part) != len(range(k, len(items), jobs)):
            log.debug("a forked worker failed on its share (every %dth item from %d); computing it here", jobs, k)
            part = [func(x) for x in items[k::jobs]]
        results[k::jobs] = part
    return results


def _map_share(send, func: Callable, items: Sequence, start: int, step: int) -> None:
    stop_with_parent()  # the parent handles Ctrl-C; we end with it
    gc.freeze()  # what the parent made is not ours to collect: walking it would copy its pages (frozen_heap)
    try:
        part = [func(x) for x in items[start::step]]
    except BaseException:  # noqa: BLE001 - the parent computes the share again and sees the error itself
        part = None
    send.send(part)
    send.close()
