"""The generated docs/ and mkdocs.yml also build with ProperDocs and Zensical.

ProperDocs (PyPI ``properdocs``, the maintained fork of MkDocs 1.x) and Zensical (PyPI ``zensical``,
which reads mkdocs.yml) pin other versions of shared packages than this project, so they are
installed in virtualenvs of their own, e.g.:

    python3 -m venv /tmp/venv-properdocs && /tmp/venv-properdocs/bin/pip install -r requirements.lock properdocs==1.6.7
    python3 -m venv /tmp/venv-zensical && /tmp/venv-zensical/bin/pip install -r requirements.lock zensical==0.0.73

and found through ``BRIEFINGS_PROPERDOCS`` / ``BRIEFINGS_ZENSICAL`` (paths of their executables), else
on PATH, else as modules of this interpreter. A tool that is not found is skipped, saying so.

The site is generated here (not by MkDocs plugins): a few real articles through the pipeline plus
``BRIEFINGS_ALT_COUNT`` (default 300) variants of them, so that the peak memory printed for each
build means something. Memory is the child's own peak resident set (its VmHWM, read while it runs).
"""
from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from lxml import html as lxml_html

from generator import site
from generator.render import name_slug
from generator.sitepages import docs_pages
from tests.conftest import ARTICLE, REPO

pytestmark = pytest.mark.slow

PORT = "port-workers-strike-over-pay-as-shipping-delays-grow"
TOOLS = {"properdocs": "BRIEFINGS_PROPERDOCS", "zensical": "BRIEFINGS_ZENSICAL", "mkdocs": "BRIEFINGS_MKDOCS"}
TOPIC_POOL = ["shipping", "inflation", "trade unions", "supply chains", "elections", "energy prices", "housing",
              "public transport", "interest rates", "farming", "tourism", "fisheries"]
PEOPLE_POOL = ["Maria Lopez", "Ana Ruiz", "John Smith", "Li Wei", "Omar Haddad", "Eva Novak"]


def tool_command(name: str) -> list[str] | None:
    path = os.environ.get(TOOLS[name])
    if path:
        return [path] if Path(path).is_file() else None
    found = shutil.which(name)
    if found:
        return [found]
    if importlib.util.find_spec(name) is not None:
        return [sys.executable, "-m", name]
    return None


def require(name: str) -> list[str]:
    command = tool_command(name)
    if command is None:
        pytest.skip(f"{name} is not installed (set {TOOLS[name]} to its executable, put it on PATH, or install "
                    f"it in this environment; see this file's docstring)")
    return command


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A folder with mkdocs.yml and a generated docs/ (real briefings plus variants)."""
    root = tmp_path_factory.mktemp("alt")
    seeds = root / "seeds"
    seeds.mkdir()
    (seeds / "port.txt").write_text(ARTICLE, encoding="utf-8")
    (seeds / "port.yml").write_text("source: The Ledger\npublished: 2025-03-04\n", encoding="utf-8")
    (seeds / "rail.txt").write_text(ARTICLE.replace("Port Workers", "Rail Workers"), encoding="utf-8")
    report = site.collect(seeds)
    assert report.errors == [] and len(report.briefings) == 2
    briefings = list(report.briefings)
    template = briefings[0]
    for i in range(int(os.environ.get("BRIEFINGS_ALT_COUNT", "300"))):
        speaker = PEOPLE_POOL[i % len(PEOPLE_POOL)]
        quotes = tuple(replace(q, speaker=speaker) for q in template.quotes)
        briefings.append(replace(
            template, slug=f"variant-{i:04d}", title=f"Variant {i}: {template.title}",
            source=replace(template.source, published=f"{2020 + i % 6}-{1 + i % 12:02d}-{1 + i % 28:02d}",
                           file=f"variant-{i}.txt"),
            keywords=tuple(TOPIC_POOL[(i + k) % len(TOPIC_POOL)] for k in range(0, 8, 2)),
            quotes=quotes, people=(speaker,)))
    docs = root / "docs"
    for rel, text in docs_pages(briefings, "Briefings", "https://example.org/news/").items():
        target = docs / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    shutil.copy(REPO / "docs" / "about.md", docs / "about.md")
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8").replace("custom_dir: theme",
                                                                     f"custom_dir: {REPO / 'theme'}")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return root


def build(command: list[str], project: Path, out: str, extra: list[str]) -> tuple[Path, int, str]:
    """Run one build in a child process; returns (site folder, peak RSS in MB, output)."""
    config = project / f"{out}.yml"
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config.write_text(re.sub(r"(?m)^site_dir:.*$", f"site_dir: {out}", text), encoding="utf-8")
    log = project / f"{out}.log"
    with open(log, "wb") as handle:
        child = subprocess.Popen([*command, "build", "-f", str(config), *extra], cwd=project,
                                 stdout=handle, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        peak_kb = 0
        # The child's own high-water mark (VmHWM), read until it exits: getrusage's ru_maxrss would
        # carry over this test process's size, which Linux keeps across fork and exec.
        while child.poll() is None:
            peak_kb = max(peak_kb, _vm_hwm_kb(child.pid))
            time.sleep(0.02)
    output = log.read_text(encoding="utf-8", errors="replace")
    assert child.returncode == 0, output[-3000:]
    return project / out, peak_kb // 1024, output


def _vm_hwm_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def check_pages(site_dir: Path) -> None:
    for rel in (f"briefings/{PORT}", "briefings/variant-0000", "people", "people/maria-lopez", "topics",
                f"topics/{name_slug('shipping', 'topic')}", "topics/shipping/page-2", "archive", "about"):
        assert (site_dir / rel / "index.html").is_file(), rel
    person = lxml_html.parse(str(site_dir / "people" / "maria-lopez" / "index.html")).getroot()
    assert "Maria Lopez" in person.xpath("string(//h1)")


def broken_links(site_dir: Path, xpath: str = "//a/@href | //link/@href | //script/@src | //img/@src",
                 pages: str = "**/*.html") -> list[str]:
    broken = []
    for page in sorted(site_dir.glob(pages)):
        if page.name == "404.html":
            continue
        for url in lxml_html.parse(str(page)).getroot().xpath(xpath):
            parts = urlsplit(url)
            if parts.scheme or not parts.path or url.startswith("mailto:"):
                continue
            target = (page.parent / unquote(parts.path)).resolve()
            if not (target / "index.html" if target.is_dir() else target).exists():
                broken.append(f"{page.relative_to(site_dir)} -> {url}")
    return broken


def report(capsys, name: str, peak_mb: int, output: str) -> None:
    with capsys.disabled():  # the brief asks for the number in the test output
        print(f"\n{name} build: peak memory {peak_mb} MB (child's max RSS)")  # noqa: T201


def test_properdocs_builds_the_generated_docs(project, capsys):
    command = require("properdocs")
    out, peak, output = build(command, project, "site-properdocs", [])
    report(capsys, "ProperDocs", peak, output)
    check_pages(out)
    assert broken_links(out) == []  # a fork of MkDocs 1.6: every link resolves as with MkDocs


def test_zensical_builds_the_generated_docs_and_reports_its_memory(project, capsys):
    command = require("zensical")
    out, peak, output = build(command, project, "site-zensical", [])
    report(capsys, "Zensical", peak, output)
    check_pages(out)
    # Every link the generator writes resolves, the quote box's people links and the topic chips
    # included: they are Markdown links, which each tool maps to its own URLs. (Zensical's own
    # navigation uses root-absolute links, which are its business.)
    assert broken_links(out, "//article//a/@href") == []


def test_mkdocs_memory_for_comparison(project, capsys):
    command = require("mkdocs")
    out, peak, output = build(command, project, "site-mkdocs", [])
    report(capsys, "MkDocs", peak, output)
    check_pages(out)
    assert broken_links(out) == []
