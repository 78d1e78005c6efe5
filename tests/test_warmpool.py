"""The warm process (generator.warmpool) and the frozen heap of the processes that analyse articles.

The warm process is forked by the command line; here it is forked from the test process, with
``runner.process_seed`` replaced before the fork so that each outcome says which process made it.
"""
import gc
import os
import signal
import subprocess
import sys

import pytest

from generator import runner, warmpool
from generator.cache import BriefingCache
from generator.ingest import discover
from generator.pipeline import Outcome
from tests.conftest import ARTICLE, REPO
from tests.test_parallel import _tree, _variants

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the warm process needs os.fork")


def _who(seed):
    """An outcome naming the process that made it, its parent, and whether its heap was frozen."""
    return Outcome(seed.rel, None, f"{os.getpid()} {os.getppid()} {gc.get_freeze_count() > 0}")


def _pids(outcomes):
    return [tuple(int(x) for x in o.error.split()[:2]) for o in outcomes]


def test_the_warm_process_forks_the_workers_and_results_come_back_in_order(seeds_dir, monkeypatch):
    files, _ = discover(seeds_dir(_variants(9)))
    monkeypatch.setattr(runner, "process_seed", _who)
    with warmpool.WarmPool(2) as warm:
        warm_pid = warm.pid
        assert warmpool.active() is warm
        seen = []
        outcomes = runner.process_all(files, lambda done, total, name: seen.append(done), jobs=2)
        assert warmpool.active() is None  # used once
        # every outcome was in, so it was not stopped: it stops its workers and exits by itself
        _, status = os.waitpid(warm_pid, 0)
        assert os.waitstatus_to_exitcode(status) == 0
    assert warm.pid is None
    assert [o.path for o in outcomes] == [f.rel for f in files]
    assert seen == list(range(1, 10))
    workers = {pid for pid, _ in _pids(outcomes)}
    assert len(workers) == 2 and os.getpid() not in workers
    assert {parent for _, parent in _pids(outcomes)} == {warm_pid}
    assert all(o.error.endswith("True") for o in outcomes)  # the inherited heap is frozen in the workers
    with pytest.raises(ChildProcessError):
        os.waitpid(warm_pid, os.WNOHANG)  # nothing left to reap


def test_one_article_is_processed_by_the_warm_process_itself(seeds_dir, monkeypatch):
    files, _ = discover(seeds_dir(_variants(1)))
    monkeypatch.setattr(runner, "process_seed", _who)
    with warmpool.WarmPool(2) as warm:
        warm_pid = warm.pid
        [outcome] = runner.process_all(files, jobs=2)
    assert _pids([outcome]) == [(warm_pid, os.getpid())]


def test_an_unused_warm_process_is_stopped(tmp_path, seeds_dir):
    files, _ = discover(seeds_dir(_variants(3)))
    first = runner.process_all(files, jobs=1, cache=BriefingCache(tmp_path / "cache"))
    assert all(o.briefing is not None for o in first)
    warm = warmpool.WarmPool(2)
    pid = warm.pid
    again = runner.process_all(files, jobs=2, cache=BriefingCache(tmp_path / "cache"))  # all from the cache
    assert again == first
    assert warm.pid is None and warmpool.active() is None
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


def _kill_the_warm_process(test_pid: int):
    def process(seed):
        if os.getpid() != test_pid and os.getppid() != test_pid and "07-" in seed.rel:  # a worker of the warm one
            os.kill(os.getppid(), signal.SIGKILL)
            os.kill(os.getpid(), signal.SIGKILL)
        return _who(seed)
    return process


def test_a_dead_warm_process_costs_nothing(seeds_dir, monkeypatch):
    files, _ = discover(seeds_dir(_variants(8)))
    monkeypatch.setattr(runner, "process_seed", _kill_the_warm_process(os.getpid()))
    with warmpool.WarmPool(2) as warm:
        warm_pid = warm.pid
        outcomes = runner.process_all(files, jobs=2)
    assert [o.path for o in outcomes] == [f.rel for f in files]
    # made by this process itself (one article left) or by a worker it forked, or by the warm one's
    made = [pid if pid == os.getpid() else parent for pid, parent in _pids(outcomes)]
    # what the warm process did not send back (the killed article among it) was processed here
    assert made[7] == os.getpid()
    # and what it sent before it died was kept: the last article is handed out alone, to a worker
    # that has just sent its previous result, which the warm process passed on before feeding it
    assert warm_pid in made and set(made) == {warm_pid, os.getpid()}


def _generate(seeds, docs, jobs: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", "generate", "--seeds", str(seeds), "--docs", str(docs),
                           "--no-cache", "--jobs", jobs], capture_output=True, text=True, timeout=300,
                          env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"})


@pytest.mark.slow
def test_the_command_line_with_two_processes_writes_what_one_process_writes(tmp_path, seeds_dir):
    seeds = seeds_dir({**_variants(6), "empty.txt": "", "sub/dup.txt": ARTICLE})
    one = _generate(seeds, tmp_path / "one" / "docs", "1")
    two = _generate(seeds, tmp_path / "two" / "docs", "2")
    assert one.returncode == two.returncode == 1  # empty.txt is rejected, the rest built
    problems = [sorted(line for line in r.stderr.splitlines() if line.startswith(("error:", "warning:")))
                for r in (one, two)]
    assert problems[0] == problems[1] and len(problems[0]) == 1
    assert f"error: {seeds}/empty.txt: the file is empty" in two.stderr
    tree = _tree(tmp_path / "one" / "docs")
    assert len(tree) > 10 and _tree(tmp_path / "two" / "docs") == tree
