"""Runs the per-article pipeline over many seeds.

Kept apart from site.py so that how the work is scheduled (in order, in parallel, from a cache)
can change without touching what is written. Results always come back in the order of ``files``.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from generator.ingest import SeedFile
from generator.pipeline import Outcome, process_seed

Progress = Callable[[int, int, str], None]


def process_all(files: Sequence[SeedFile], progress: Progress | None = None) -> list[Outcome]:
    outcomes: list[Outcome] = []
    for index, seed in enumerate(files, start=1):
        outcomes.append(process_seed(seed))
        if progress:
            progress(index, len(files), seed.rel)
    return outcomes
