"""Parallel processing: the same output as a serial run, in input order; a crash costs one article."""
import faulthandler
import gc
import os
import signal
from pathlib import Path

import pytest

from generator import runner, site, sitepages
from generator.ingest import discover
from generator.pipeline import Outcome
from tests.conftest import ARTICLE


def _variants(n: int) -> dict[str, str]:
    names = ["Port", "Rail", "Airport", "Postal", "Hospital", "School", "Bus", "Ferry", "Mine", "Farm"]
    return {f"{i:02d}-{names[i % len(names)].lower()}.txt": ARTICLE.replace("Port Workers", f"{names[i % len(names)]} "
                                                                            f"Workers {i}")
            for i in range(n)}


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.slow
def test_parallel_output_is_byte_identical_to_serial(tmp_path, seeds_dir, monkeypatch):
    monkeypatch.setattr(sitepages, "PARALLEL_RENDER_MIN", 3)  # the pages are rendered by 2 processes too
    monkeypatch.setattr(sitepages, "PARALLEL_RELATED_MIN", 3)  # and related briefings scored by 2
    monkeypatch.setattr(site, "PARALLEL_WRITE_MIN", 3)  # and written by 2 threads
    seeds = seeds_dir({**_variants(12), "empty.txt": "", "sub/dup.txt": ARTICLE}, with_user_seed=True)
    serial, parallel = tmp_path / "serial" / "docs", tmp_path / "parallel" / "docs"
    r1 = site.generate(site.Paths(seeds, serial), jobs=1, use_cache=False)
    r2 = site.generate(site.Paths(seeds, parallel), jobs=2, use_cache=False)
    assert r1.built == r2.built and r1.errors == r2.errors and r1.warnings == r2.warnings
    assert r1.briefings == r2.briefings
    tree1, tree2 = _tree(serial), _tree(parallel)
    assert len(tree1) > 20 and tree1 == tree2
    # and from a cache filled by the parallel run
    cached = tmp_path / "cached" / "docs"
    site.generate(site.Paths(seeds, cached), jobs=2, cache_dir=tmp_path / "c")
    site.generate(site.Paths(seeds, cached), jobs=2, cache_dir=tmp_path / "c")
    assert _tree(cached) == tree1


def _pages() -> dict[str, str]:
    pages = {"index.md": "home\n"}
    for folder, n in (("briefings", 7), ("topics", 5), ("people", 4), ("topics/iran", 2), ("archive", 1)):
        pages.update({f"{folder}/p{i}.md": f"{folder} page {i} \u00e9\n" for i in range(n)})
    return pages


def test_pages_written_by_threads_folder_by_folder_are_the_pages_written_by_one(tmp_path, monkeypatch):
    import pathlib
    import threading

    pages = _pages()
    writers: dict[str, set[int]] = {}
    write_text = pathlib.Path.write_text

    def recording(self, *args, **kwargs):
        writers.setdefault(self.parent.name, set()).add(threading.get_ident())
        return write_text(self, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "write_text", recording)
    monkeypatch.setattr(site, "PARALLEL_WRITE_MIN", 3)
    site.write_pages(tmp_path / "one", pages, jobs=1)
    assert len(set().union(*writers.values())) == 1
    writers.clear()
    site.write_pages(tmp_path / "two", pages, jobs=2)
    assert len(set().union(*writers.values())) == 2  # shared out...
    assert all(len(threads) == 1 for threads in writers.values())  # ...folder by folder
    assert _tree(tmp_path / "one") == _tree(tmp_path / "two") == {k: v.encode() for k, v in pages.items()}


def test_parallel_writing_links_unchanged_pages_and_raises_a_failure(tmp_path, monkeypatch):
    monkeypatch.setattr(site, "PARALLEL_WRITE_MIN", 3)
    pages = _pages()
    site.write_pages(tmp_path / "old", pages, jobs=2)
    site.write_pages(tmp_path / "new", pages, tmp_path / "old", {"topics/p1.md", "people/p0.md"}, jobs=2)
    for rel in pages:
        linked = (tmp_path / "new" / rel).stat().st_ino == (tmp_path / "old" / rel).stat().st_ino
        assert linked == (rel in {"topics/p1.md", "people/p0.md"})
    blocked = tmp_path / "blocked"
    blocked.mkdir()
    (blocked / "people").write_text("a file where a folder must go")
    with pytest.raises(OSError):
        site.write_pages(blocked, pages, jobs=2)


def test_results_come_back_in_input_order(seeds_dir):
    seeds = seeds_dir(_variants(9))
    files, _ = discover(seeds)
    seen = []
    outcomes = runner.process_all(files, lambda done, total, name: seen.append(done), jobs=2)
    assert [o.path for o in outcomes] == [f.rel for f in files]
    assert seen == list(range(1, 10))


def _crashing(seed):
    if "03-" in seed.rel:
        faulthandler.disable()  # pytest's, inherited by the worker: no traceback dump for this one
        os.kill(os.getpid(), signal.SIGSEGV)
    if "05-" in seed.rel:
        raise ValueError("a bug")
    return Outcome(seed.rel, None, "fine")


@pytest.mark.parametrize("jobs", [1, 2])
def test_pages_are_taken_as_they_arrive_and_the_outcomes_kept_without_them(seeds_dir, jobs):
    from generator.render import render_briefing_own

    files, _ = discover(seeds_dir({**_variants(5), "empty.txt": ""}))
    taken: dict[str, bytes] = {}
    outcomes = runner.process_all(files, jobs=jobs, take_page=lambda o: taken.__setitem__(o.path, o.page))
    built = {o.path: o.briefing for o in outcomes if o.briefing is not None}
    assert len(built) == 5 and all(o.page is None for o in outcomes)
    assert sorted(taken) == sorted(built)  # one page per briefing, none for the rejected article
    for path, page in taken.items():
        assert page.decode("utf-8") == render_briefing_own(built[path])
    # without take_page, the pages stay in the outcomes
    assert all(o.page is not None for o in runner.process_all(files[:2], jobs=jobs))


def test_a_crashing_worker_costs_one_article(seeds_dir, monkeypatch):
    seeds = seeds_dir(_variants(8))
    files, _ = discover(seeds)
    monkeypatch.setattr(runner, "process_seed", _crashing)
    outcomes = runner.process_all(files, jobs=2)
    assert [o.path for o in outcomes] == [f.rel for f in files]
    errors = {o.path: o.error for o in outcomes}
    assert errors.pop("03-postal.txt").startswith("processing crashed (signal SIGSEGV)")
    assert errors.pop("05-school.txt").startswith("unexpected error while processing (ValueError: a bug)")
    assert set(errors.values()) == {"fine"}


def _crashing_on_the_third(seed):
    if "02-" in seed.rel:
        faulthandler.disable()
        os.kill(os.getpid(), signal.SIGSEGV)
    return Outcome(seed.rel, None, "fine")


def test_a_worker_that_crashes_holding_two_articles_costs_only_the_one_it_was_on(seeds_dir, monkeypatch):
    # with 8 articles and 2 workers, the second worker is handed articles 2 and 3 at once
    files, _ = discover(seeds_dir(_variants(8)))
    monkeypatch.setattr(runner, "process_seed", _crashing_on_the_third)
    outcomes = runner.process_all(files, jobs=2)
    assert [o.path for o in outcomes] == [f.rel for f in files]
    errors = {o.path: o.error for o in outcomes}
    assert errors.pop("02-airport.txt").startswith("processing crashed (signal SIGSEGV)")
    assert set(errors.values()) == {"fine"}  # article 3, queued behind it, went to a fresh worker


# In a worker: whether the next article had been sent to it already when it took one
_next_was_waiting: list[bool] = []


class _Watched:
    def __init__(self, conn):
        self.conn = conn

    def poll(self, timeout):
        return self.conn.poll(timeout)

    def send(self, obj):
        self.conn.send(obj)

    def recv(self):
        task = self.conn.recv()
        _next_was_waiting[:] = [self.conn.poll(1.0)]
        return task


def _watched_worker(conn, parent, close=()):
    return _real_worker(_Watched(conn), parent, close)


_real_worker = runner._worker


def test_workers_hold_a_second_article_until_the_last_ones(seeds_dir, monkeypatch):
    files, _ = discover(seeds_dir(_variants(8)))
    monkeypatch.setattr(runner, "_worker", _watched_worker)
    monkeypatch.setattr(runner, "process_seed", lambda seed: Outcome(seed.rel, None, str(_next_was_waiting[0])))
    waiting = [o.error for o in runner.process_all(files, jobs=2)]
    # each worker is handed two articles at the start: it need not wait for the next
    assert waiting[0] == waiting[2] == "True"
    # the last one is handed out alone, to whichever worker is free first
    assert waiting[7] == "False"


def test_crashes_are_not_cached(tmp_path, seeds_dir, monkeypatch):
    from generator.cache import BriefingCache

    seeds = seeds_dir(_variants(4))
    files, _ = discover(seeds)
    monkeypatch.setattr(runner, "process_seed", _crashing)
    runner.process_all(files, jobs=2, cache=BriefingCache(tmp_path / "c"))
    monkeypatch.undo()
    cache = BriefingCache(tmp_path / "c")
    outcomes = runner.process_all(files, jobs=2, cache=cache)
    assert cache.hits == 3 and outcomes[3].error is None  # the crashed one was processed again


def test_jobs_option_is_validated(tmp_path):
    from generator.cli import main

    with pytest.raises(SystemExit) as exc:
        main(["generate", "--jobs", "0"])
    assert exc.value.code == 2


def _square_unless_child(parent: int):
    def func(x: int) -> int:
        if os.getpid() != parent:
            faulthandler.disable()
            os.kill(os.getpid(), signal.SIGKILL if x % 2 else signal.SIGSEGV)
        return x * x
    return func


def test_fork_map_keeps_order_and_values():
    items = list(range(101))
    for jobs in (1, 2, 3, 7):
        assert runner.fork_map(lambda x: (x, os.getpid()), items, jobs, min_items=1)[50][0] == 50
        assert runner.fork_map(lambda x: x * x, items, jobs, min_items=1) == [x * x for x in items]
    # some of the work really happened in other processes
    pids = {pid for _, pid in runner.fork_map(lambda x: (x, os.getpid()), items, 3, min_items=1)}
    assert os.getpid() in pids and len(pids) == 3
    # too few items for the given minimum: all here
    assert {pid for _, pid in runner.fork_map(lambda x: (x, os.getpid()), items, 2, min_items=60)} == {os.getpid()}


def test_fork_map_recomputes_what_a_dead_child_held():
    items = list(range(40))
    assert runner.fork_map(_square_unless_child(os.getpid()), items, 4, min_items=1) == [x * x for x in items]


def test_fork_map_raises_a_bug_as_a_serial_run_would():
    def bug(x):
        if x == 30:
            raise ValueError("item 30")
        return x
    with pytest.raises(ValueError, match="item 30"):
        runner.fork_map(bug, list(range(40)), 2, min_items=1)


def _frozen(seed):
    """An outcome saying which process made it and whether its heap was frozen."""
    return Outcome(seed.rel, None, f"{os.getpid()} {gc.get_freeze_count() > 0}")


def test_a_serial_run_freezes_the_heap_only_while_it_analyses(seeds_dir, monkeypatch):
    files, _ = discover(seeds_dir(_variants(2)))
    monkeypatch.setattr(runner, "process_seed", _frozen)
    assert gc.get_freeze_count() == 0
    outcomes = runner.process_all(files, jobs=1)
    assert all(o.error.endswith("True") for o in outcomes)
    assert gc.get_freeze_count() == 0  # unfrozen again: what the build keeps can still be collected


def test_fork_map_children_freeze_what_they_inherit():
    parent = os.getpid()
    frozen = runner.fork_map(lambda x: (os.getpid() != parent, gc.get_freeze_count() > 0), list(range(8)), 2,
                             min_items=1)
    assert {f for child, f in frozen if child} == {True}
    assert {f for child, f in frozen if not child} == {False}


def test_workers_collect_only_what_they_made(seeds_dir, monkeypatch):
    files, _ = discover(seeds_dir(_variants(4)))
    monkeypatch.setattr(runner, "process_seed", _frozen)
    outcomes = runner.process_all(files, jobs=2)
    made_by = {o.error.split()[0] for o in outcomes}
    assert {o.error.split()[1] for o in outcomes} == {"True"} and str(os.getpid()) not in made_by
    assert gc.get_freeze_count() == 0
