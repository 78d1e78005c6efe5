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

# Paragraphs other outlets might have written instead of ARTICLE's first, second, fourth and fifth
# (retold() uses them): other articles on a like dispute, not copies of the first.
_RETOLD = ((
    "Thousands of transport employees stayed away from work on Monday after talks with management "
    "collapsed late on Sunday night, union officials and managers confirmed.",
    "Negotiators for both sides had met twice over the weekend without agreeing on the size of an increase, "
    "according to people briefed on the talks who asked not to be named.",
    "Managers insisted that their latest offer was generous and warned that services might be cut further "
    "if staff did not return by the end of the week.",
    "Business groups urged the government to appoint a mediator, saying each day of disruption cost "
    "member companies millions in lost orders and overtime.",
), (
    "Crews walked out at dawn across several terminals, stranding commuters and holiday travellers who "
    "had booked crossings weeks in advance.",
    "Their representatives say a decade of below-inflation settlements has pushed experienced staff to "
    "leave for better-paid jobs elsewhere in the industry.",
    "Operators published a timetable of reduced sailings and advised passengers to check before setting "
    "out, while offering refunds on cancelled trips.",
    "Opposition lawmakers called for an emergency debate, accusing ministers of standing aside while the "
    "dispute worsened.",
))


def retold(article: str, version: int = 0) -> str:
    """``article`` (ARTICLE with other names) as another outlet would tell it: the same headline and
    quotation paragraph, its other paragraphs written differently, so that it is another article on
    the same subject rather than a copy of it (generator.stories)."""
    paragraphs = article.strip("\n").split("\n\n")
    others = iter(_RETOLD[version])
    return "\n\n".join(p if i in (0, 3) else next(others, p) for i, p in enumerate(paragraphs)) + "\n"
