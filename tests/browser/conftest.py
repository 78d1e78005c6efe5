"""Fixtures of the browser suite: one site built from seeds/ and the fixture articles, served
under /briefings-repo/ on 127.0.0.1 like GitHub Pages, and one headless Debian Chromium.

Everything here is skipped, with the reason, when Chromium or Playwright is missing.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.browser.helpers import ARTIFACTS, CHROMIUM, FIXTURE_ARTICLES, REPO, PageWatch, SiteServer, build_site, launch

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - depends on the machine
    sync_playwright = None

SKIP_REASON = None
if sync_playwright is None:
    SKIP_REASON = "Playwright is not installed (pip install -r requirements-test.lock)"
elif not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
    SKIP_REASON = f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)"


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    if not SKIP_REASON:
        return
    for item in items:
        if Path(str(item.fspath)).is_relative_to(here):
            item.add_marker(pytest.mark.skip(reason=SKIP_REASON))


def pytest_unconfigure(config):
    """Say loudly, last (after pytest's own summary line), that the browser tests did not run, why,
    and how to make them run: a skipped browser test is not a passed one, and a newcomer's
    `make test` should not hide it."""
    terminalreporter = config.pluginmanager.get_plugin("terminalreporter")
    if terminalreporter is None:
        return
    here = Path(__file__).parent
    skipped = [r for r in terminalreporter.stats.get("skipped", [])
               if Path(str(getattr(r, "fspath", "") or r.nodeid.split("::")[0])).resolve().is_relative_to(here)
               or r.nodeid.startswith("tests/browser/")]
    if not skipped:
        return
    reasons = sorted({_reason(r) for r in skipped})
    write = terminalreporter.write_line
    terminalreporter.write_sep("!", f"{len(skipped)} BROWSER TESTS WERE SKIPPED: NOT RUN, NOT PASSED", red=True, bold=True)
    for reason in reasons:
        write(f"  reason: {reason}", yellow=True, bold=True)
    write("  To run them, install Debian's Chromium and the test requirements, then run `make test` again:", bold=True)
    write("      sudo apt-get install chromium        # Debian/Ubuntu; Playwright drives /usr/bin/chromium")
    write("      .venv/bin/pip install -r requirements-test.lock   # Playwright and axe-core (make test does this)")


def _reason(report) -> str:
    longrepr = report.longrepr
    if isinstance(longrepr, tuple) and len(longrepr) == 3:
        return str(longrepr[2]).removeprefix("Skipped: ")
    return str(longrepr)


@pytest.fixture(scope="session")
def playwright_instance():
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright_instance):
    try:
        b = launch(playwright_instance)
    except Exception as exc:  # a broken install (missing libraries), not a fault of the site
        pytest.skip(f"Chromium at {CHROMIUM} does not start: {str(exc).splitlines()[0]}")
    yield b
    b.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


class Site:
    """A built and served site: where it is, and what was built."""

    def __init__(self, server: SiteServer, root: Path, report, docs: Path, out: Path):
        self.server, self.root, self.report, self.docs, self.out = server, root, report, docs, out
        self.base_url = server.base_url
        self.records = json.loads((out / "briefings.json").read_text(encoding="utf-8"))

    def url(self, rel: str = "") -> str:
        return self.base_url + rel.lstrip("/")

    def record(self, **match) -> dict:
        """The briefings.json record whose fields (source.* as source_*) match."""
        for r in self.records:
            flat = {**r, **{f"source_{k}": v for k, v in r["source"].items()}}
            if all(flat.get(k) == v for k, v in match.items()):
                return r
        raise LookupError(f"no briefing with {match}")


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Site:
    server = SiteServer()
    root = tmp_path_factory.mktemp("browser-site")
    report, docs, out = build_site(root, [REPO / "seeds", FIXTURE_ARTICLES], server.base_url)
    server.serve(out)
    yield Site(server, root, report, docs, out)
    server.close()


@pytest.fixture
def page_factory(browser, site):
    """New pages, each in its own browser context (``browser.new_context`` options, e.g.
    color_scheme or viewport), with their problems (console errors, failed requests, dialogs)
    collected in ``page.watch``. A test that ends with problems left unread fails."""
    pages = []

    def make(**options):
        options.setdefault("viewport", {"width": 1280, "height": 900})
        pg = browser.new_context(**options).new_page()
        pg.watch = PageWatch(site.base_url).attach(pg)
        pages.append(pg)
        return pg

    yield make
    leftover = [p for pg in pages for p in pg.watch.take()]
    for pg in pages:
        pg.context.close()
    assert not leftover, "problems in the browser:\n" + "\n".join(leftover)


@pytest.fixture
def page(page_factory):
    return page_factory()
