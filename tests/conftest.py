"""Shared fixtures: paths of the repository, its seed, and builders of seed folders."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

# In CI the property tests explore the same examples on every run (derandomize), so a run's
# verdict is reproducible; on a developer's machine each run explores new examples.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
USER_SEED = SEEDS / "000_fbda28e532f9d5ad.txt"
SHARED_SEEDS = REPO.parent / "shared" / "seeds"


def seed_paragraphs(path: Path = USER_SEED) -> tuple[str, tuple[str, ...]]:
    """Headline and cleaned body paragraphs of a seed, through the real cleaning stage."""
    from generator.clean import clean

    cleaned = clean(path.read_text(encoding="utf-8"))
    return cleaned.title, cleaned.paragraphs


@pytest.fixture
def user_seed() -> Path:
    if not USER_SEED.is_file():
        pytest.skip("the user's seed article is not in seeds/")
    return USER_SEED


@pytest.fixture
def seeds_dir(tmp_path: Path):
    """A function writing files into a fresh seeds folder: make({'a.txt': 'text', ...})."""
    root = tmp_path / "seeds"
    root.mkdir()

    def make(files: dict[str, str | bytes] | None = None, *, with_user_seed: bool = False) -> Path:
        if with_user_seed:
            if not USER_SEED.is_file():
                pytest.skip("the user's seed article is not in seeds/")
            shutil.copy(USER_SEED, root / USER_SEED.name)
        for name, content in (files or {}).items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        return root

    return make


ARTICLE = """Port Workers Strike Over Pay as Shipping Delays Grow

Dock workers at the country's largest container port walked off the job on Monday, halting the loading of ships and leaving dozens of vessels waiting offshore as a dispute over wages entered its third week.

The union representing about 4,000 workers said the strike would continue until the port authority agreed to raise wages in line with inflation, which has eroded their pay over the past two years.

"We have been patient for months, and the authority has given us nothing but promises," said Maria Lopez, the union's general secretary. "Our members cannot feed their families on promises."

The port authority said in a statement that it had offered a 4 percent raise and called the strike "irresponsible" at a time when importers were already struggling with delays.

Shipping analysts warned that a long stoppage could ripple through supply chains, raising prices for goods from electronics to fresh produce across the region.
"""
