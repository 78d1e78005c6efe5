"""The whole product on the maintained engines: ProperDocs, MkDocs NG and Zensical build the same site.

Each engine pins other versions of shared packages than MkDocs 1.6.1, so each is installed in a
virtualenv of its own, with this project's requirements, in ``.venv-ENGINE`` of this tree (the one
place ``.ci/run`` and ``make ENGINE=...`` install it; see the README, "When Material for MkDocs 9 ends"):

    .ci/install-engine properdocs .venv-properdocs

The generator of this tree runs in that virtualenv (``python -m generator build --engine E``, with
this tree on PYTHONPATH): articles in, site out, as a site owner runs it. An engine not installed
there is skipped, saying so.

ProperDocs and MkDocs NG render with MkDocs' own page-by-page build (generator.engine), so their
sites are compared with MkDocs' file by file, byte for byte, except where they differ by design:

- the ``generator`` meta tag names the engine;
- MkDocs NG ships its own fork of Material (mkdocs-ng-material 9.7.7): its bundled JavaScript and
  CSS (``assets/javascripts/``, ``assets/stylesheets/``, named by their hashes) differ, so do the
  references to them and the "Made with" link of the footer. Everything else is the same bytes.

Zensical renders every page itself, with its own templates: its pages are compared with MkDocs' by
structure (titles, one search box, the styled search dialog, the 404 page's links, canonical links,
the article's text and links), and each breakage listed in issue 19 fails one assertion here.
Peak memory printed for each build is the child's own peak resident set (VmHWM, read while it runs).
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from lxml import html as lxml_html

from generator.engine import venv_dir
from tests.conftest import ARTICLE, REPO

pytestmark = pytest.mark.slow

FIXTURES = REPO / "tests" / "fixtures" / "articles"
SITE_URL = "https://example.org/news/"
DISTRIBUTIONS = {"properdocs": "properdocs", "mkdocs-ng": "mkdocs-ng", "zensical": "zensical"}
GENERATED = ("briefings", "topics", "people", "archive", "index.md", ".generated.json")
STAT = re.compile(r"site: (\d+) pages rendered, (\d+) reused")


def engine_python(name: str) -> str:
    """The Python of the engine's virtualenv, or skip saying how to install it."""
    if name == "mkdocs":
        return sys.executable
    venv = venv_dir(name, REPO)
    python = venv / "bin" / "python"
    hint = f"(see this file's docstring; .ci/run installs it into {venv})"
    if not python.is_file():
        pytest.skip(f"{name} is not installed: no virtualenv at {venv} {hint}")
    probe = subprocess.run([str(python), "-c", f"import importlib.metadata as m; print(m.version({DISTRIBUTIONS[name]!r}))"],
                           capture_output=True, text=True, check=False)
    if probe.returncode != 0:
        pytest.skip(f"{name} is not installed in {venv} {hint}")
    return str(python)


def make_project(root: Path, extra: dict[str, str] | None = None) -> Path:
    """A site owner's folder: seeds (the fixture articles), mkdocs.yml, theme/ and docs/about.md."""
    root.mkdir(parents=True)
    shutil.copytree(FIXTURES, root / "seeds")
    (root / "seeds" / "port.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "seeds" / "port.yml").write_text("source: The Ledger\npublished: 2025-03-04\n", encoding="utf-8")
    for name, text in (extra or {}).items():
        (root / "seeds" / name).write_text(text, encoding="utf-8")
    shutil.copytree(REPO / "docs", root / "docs", ignore=shutil.ignore_patterns(*GENERATED))
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "theme", root / "theme")
    return root


def run_build(engine: str, project: Path, *extra: str, site_url: str | None = SITE_URL) -> tuple[int, str]:
    """``python -m generator build --engine ENGINE`` in the project, in the engine's virtualenv.
    Returns (peak RSS in MB, output)."""
    python = engine_python(engine)
    command = [python, "-m", "generator", "build", "--engine", engine, "--verbose", *extra]
    if site_url:
        command += ["--site-url", site_url]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("BRIEFINGS_ENGINE", None)
    log = project / f".build-{engine}.log"
    with open(log, "wb") as handle:
        child = subprocess.Popen(command, cwd=project, env=env, stdout=handle, stderr=subprocess.STDOUT,
                                 stdin=subprocess.DEVNULL)
        peak_kb = 0
        # The child's own high-water mark (VmHWM), read until it exits: getrusage's ru_maxrss would
        # carry over this test process's size, which Linux keeps across fork and exec.
        while child.poll() is None:
            peak_kb = max(peak_kb, _vm_hwm_kb(child.pid))
            time.sleep(0.02)
    output = log.read_text(encoding="utf-8", errors="replace")
    log.unlink()
    assert child.returncode == 0, output[-3000:]
    return peak_kb // 1024, output


def _vm_hwm_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def report(capsys, name: str, peak_mb: int) -> None:
    with capsys.disabled():  # the number belongs in the test output
        print(f"\n{name} build: peak memory {peak_mb} MB (child's max RSS)")  # noqa: T201


def tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def mkdocs_site(tmp_path_factory) -> Path:
    """The reference: the project built with MkDocs 1.6.1, then again after editing one article."""
    project = make_project(tmp_path_factory.mktemp("ref") / "project")
    run_build("mkdocs", project)
    first = project.parent / "site-first"
    shutil.copytree(project / "site", first)
    edit_one_article(project)
    run_build("mkdocs", project)
    return project


def edit_one_article(project: Path) -> None:
    path = project / "seeds" / "port.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\nThe talks resume on Thursday, officials said.\n",
                    encoding="utf-8")


# --- ProperDocs and MkDocs NG: the same bytes ------------------------------------------------------

_ASSET = re.compile(rb"assets/(?:javascripts|stylesheets)/(?:workers/)?[\w.-]+?\.[0-9a-f]{8}\.min\.(?:js|css)")
_GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')
_MADE_WITH = re.compile(rb'href="https://[\w.-]+/mkdocs-material/"')


def normalise(rel: str, data: bytes, engine: str) -> bytes:
    if not rel.endswith(".html"):
        return data
    data = _GENERATOR.sub(b'<meta name="generator">', data)
    if engine == "mkdocs-ng":
        data = _ASSET.sub(b"assets/THEME-ASSET", data)
        data = _MADE_WITH.sub(b'href="MATERIAL"', data)
    return data


def compare_with_mkdocs(engine: str, got: Path, want: Path) -> None:
    mine, theirs = tree(got), tree(want)
    theme_assets = ("assets/javascripts/", "assets/stylesheets/")
    if engine == "mkdocs-ng":  # its fork of Material's bundle: other files, other hashes
        mine = {k: v for k, v in mine.items() if not k.startswith(theme_assets)}
        theirs = {k: v for k, v in theirs.items() if not k.startswith(theme_assets)}
    assert sorted(mine) == sorted(theirs)
    differ = [rel for rel in theirs if normalise(rel, mine[rel], engine) != normalise(rel, theirs[rel], engine)]
    assert differ == [], f"{len(differ)} files differ from MkDocs' build, e.g. {differ[:5]}"


@pytest.mark.parametrize("engine", ["properdocs", "mkdocs-ng"])
def test_engine_runs_the_whole_product_like_mkdocs(engine, mkdocs_site, tmp_path, capsys):
    python = engine_python(engine)
    assert python
    project = make_project(tmp_path / "project")
    peak, _ = run_build(engine, project)
    report(capsys, f"{engine} (whole product, {len(list((project / 'seeds').glob('*.*')))} seed files)", peak)
    compare_with_mkdocs(engine, project / "site", mkdocs_site.parent / "site-first")
    # the product's own files are there: search index, feeds, data
    for rel in ("pagefind/pagefind.js", "feed.xml", "feed.json", "briefings.json", "sitemap.xml"):
        assert (project / "site" / rel).is_file(), rel

    # one article edited: an incremental rebuild renders few pages, reuses the rest, and its site is
    # MkDocs' site of the edited articles, byte for byte
    edit_one_article(project)
    _, output = run_build(engine, project)
    stats = STAT.findall(output)
    assert stats, output[-2000:]
    rendered, reused = map(int, stats[-1])
    assert reused > rendered > 0, (rendered, reused)
    compare_with_mkdocs(engine, project / "site", mkdocs_site / "site")


def test_engine_flag_refuses_an_engine_that_is_not_installed(tmp_path):
    """--engine names what builds the site; one missing here is a usage error (exit 2), not a crash."""
    from generator import engine as engines

    missing = [name for name, e in engines.ENGINES.items() if e.missing()]
    if not missing:
        pytest.skip("every engine is installed in this environment")
    project = make_project(tmp_path / "project")
    done = subprocess.run([sys.executable, "-m", "generator", "build", "--engine", missing[0]], cwd=project,
                          env={**os.environ, "PYTHONPATH": str(REPO)}, capture_output=True, text=True, check=False)
    assert done.returncode == 2, done.stderr
    assert missing[0] in done.stderr and "install" in done.stderr
    assert not (project / "site").exists()


# --- Zensical: the same structure ------------------------------------------------------------------

def page(site: Path, rel: str):
    return lxml_html.parse(str(site / rel)).getroot()


def text(node) -> str:
    return " ".join(node.text_content().split()) if node is not None else ""


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory) -> Path:
    engine_python("zensical")
    project = make_project(tmp_path_factory.mktemp("zensical") / "project")
    run_build("zensical", project)
    return project


@pytest.fixture(scope="module")
def mkdocs_first(mkdocs_site) -> Path:
    return mkdocs_site.parent / "site-first"


def html_pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if not p.relative_to(site).as_posix().startswith(("assets/", "pagefind/")))


def test_zensical_builds_every_page_mkdocs_builds(zensical_site, mkdocs_first):
    assert html_pages(zensical_site / "site") == html_pages(mkdocs_first)


def test_zensical_pages_have_mkdocs_titles(zensical_site, mkdocs_first):
    """The home page is "Briefings", not "Latest - Briefings"; every other title as MkDocs'."""
    for rel in html_pages(mkdocs_first):
        assert text(page(zensical_site / "site", rel).find(".//title")) == text(page(mkdocs_first, rel).find(".//title")), rel


def test_zensical_header_has_one_search_box_and_no_search_json(zensical_site):
    site = zensical_site / "site"
    for rel in ("index.html", "topics/index.html", "404.html"):
        root = page(site, rel)
        assert len(root.xpath('//*[contains(concat(" ", @class, " "), " md-search ")]')) == 1, rel
        assert len(root.xpath("//*[@data-bf-search]")) == 1, rel  # the box is Pagefind's
    assert not (site / "search.json").exists()  # the full text of every page, for its own search
    assert (site / "pagefind" / "pagefind.js").is_file()


def _stylesheets(site: Path, rel: str) -> str:
    root = page(site, rel)
    css = "".join(s.text or "" for s in root.xpath("//style"))
    for href in root.xpath('//link[@rel="stylesheet"]/@href'):
        target = (site / rel).parent / unquote(urlsplit(href).path)
        if target.is_file():
            css += target.read_text(encoding="utf-8", errors="replace")
    return css


def test_zensical_search_dialog_is_styled(zensical_site, mkdocs_first):
    """The dialog borrows Material's md-search classes: every one it uses has rules on the page."""
    site = zensical_site / "site"
    root = page(site, "index.html")
    used = sorted({c for cls in root.xpath('//*[@data-bf-search]/descendant-or-self::*/@class') for c in cls.split()
                   if c.startswith("md-search")})
    assert used
    css = _stylesheets(site, "index.html")
    assert [c for c in used if f".{c}" not in css] == []
    assert [c for c in used if f".{c}" not in _stylesheets(mkdocs_first, "index.html")] == []


def test_zensical_uses_materials_classic_look(zensical_site):
    hrefs = page(zensical_site / "site", "index.html").xpath('//link[@rel="stylesheet"]/@href')
    assert any("/stylesheets/classic/" in h for h in hrefs), hrefs
    assert not any("/stylesheets/modern/" in h for h in hrefs), hrefs


def test_zensical_404_links_to_every_section(zensical_site, mkdocs_first):
    def links(site: Path) -> list[tuple[str, str]]:
        return [(text(a), a.get("href")) for a in page(site, "404.html").xpath('//*[@class="bf-notfound__links"]//a')]

    want = links(mkdocs_first)
    assert len(want) == 7  # Latest, Stories, Topics, People, Outlets, Archive, About
    got = links(zensical_site / "site")
    assert [t for t, _ in got] == [t for t, _ in want]
    # served at any depth: both give site-rooted links (MkDocs /news/..., Zensical /...)
    assert [h.removeprefix(urlsplit(SITE_URL).path).strip("/.") for _, h in got] == \
           [h.removeprefix(urlsplit(SITE_URL).path).strip("/.") for _, h in want]


def test_zensical_canonical_links_are_mkdocs(zensical_site, mkdocs_first):
    for rel in ("index.html", "topics/index.html", "about/index.html"):
        z, m = page(zensical_site / "site", rel), page(mkdocs_first, rel)
        for xpath in ('//link[@rel="canonical"]/@href', '//meta[@property="og:url"]/@content'):
            assert z.xpath(xpath) == m.xpath(xpath), (rel, xpath)
            assert all(u.startswith(SITE_URL) for u in z.xpath(xpath)), (rel, xpath)


def test_zensical_without_a_site_url_writes_no_root_absolute_canonical(tmp_path):
    engine_python("zensical")
    project = make_project(tmp_path / "project")
    run_build("zensical", project, site_url=None)
    for rel in ("index.html", "topics/index.html"):
        root = page(project / "site", rel)
        assert root.xpath('//link[@rel="canonical"]') == [] and root.xpath('//meta[@property="og:url"]') == [], rel


def test_zensical_articles_match_mkdocs(zensical_site, mkdocs_first):
    """The article of every content page: the same text, and links that resolve."""
    site = zensical_site / "site"
    checked = 0
    for rel in html_pages(mkdocs_first):
        if rel == "404.html":
            continue
        z, m = page(site, rel).find(".//article"), page(mkdocs_first, rel).find(".//article")
        assert text(z) == text(m), rel
        for href in z.xpath(".//a/@href"):
            parts = urlsplit(href)
            if parts.scheme or not parts.path or href.startswith("mailto:"):
                continue
            target = (site / rel).parent / unquote(parts.path)
            assert (target / "index.html" if target.is_dir() else target).exists(), (rel, href)
        checked += 1
    assert checked > 20


def test_zensical_clean_leaves_the_generators_article_cache(tmp_path):
    """Zensical keeps its cache in .cache/ of the project folder and ``zensical build --clean``
    deletes that folder whole; the generator's articles are in .briefings-cache/, so they survive
    it, and the next build processes no article again."""
    from generator.engine import zensical_config

    python = engine_python("zensical")
    project = make_project(tmp_path / "project")
    run_build("zensical", project)
    ours = project / ".briefings-cache"
    before = {p: p.read_bytes() for p in sorted(ours.rglob("*.json"))}
    assert before
    assert (project / ".cache").is_dir()  # Zensical's own, beside it
    marker = project / ".cache" / "marker"
    marker.write_text("deleted by --clean", encoding="utf-8")
    # the site owner's own Zensical build, with --clean, of the same project (into another folder)
    root, text = zensical_config(project / "mkdocs.yml", project / "docs", project / "own-site", None)
    (root / "own.yml").write_text(text, encoding="utf-8")
    done = subprocess.run([str(Path(python).parent / "zensical"), "build", "--clean", "-f", "own.yml"], cwd=root,
                          capture_output=True, text=True, stdin=subprocess.DEVNULL, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert not marker.exists()  # --clean did delete .cache/
    assert {p: p.read_bytes() for p in before if p.is_file()} == before
    edit_one_article(project)
    _, output = run_build("zensical", project)
    counts = [line for line in output.splitlines() if line.startswith("cache: ")]
    assert counts and counts[-1].startswith(f"cache: {len(before) - 1} hits, 1 misses"), output[-2000:]


# --- briefings serve: the preview with each engine ----------------------------------------------

def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, bytes]:
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


@pytest.mark.parametrize("engine", ["properdocs", "mkdocs-ng", "zensical"])
def test_serve_previews_the_site_with_pagefind_search_on_each_engine(engine, tmp_path):
    """``briefings serve --engine E``: the address, the generated pages, one search box (Pagefind's,
    its index in the preview; no search.json of Zensical's own search), a navigation without dead
    links (the fresh docs folder has no about.md), and a seed edited while it runs shows up."""
    import json
    import signal
    import threading

    python = engine_python(engine)
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "port.txt").write_text(ARTICLE, encoding="utf-8")
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("BRIEFINGS_ENGINE", None)
    proc = subprocess.Popen([python, "-m", "generator", "serve", "--engine", engine, "--seeds", str(seeds), "--docs",
                             str(tmp_path / "fresh-docs"), "--config", str(REPO / "mkdocs.yml"), "--dev-addr",
                             f"127.0.0.1:{port}"], cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True, env=env, start_new_session=True)
    lines: list[str] = []
    threading.Thread(target=lambda: lines.extend(proc.stderr), daemon=True).start()
    address = f"http://127.0.0.1:{port}/"

    def wait_for(condition, what: str, seconds: float = 180) -> None:
        deadline = time.monotonic() + seconds
        while not condition():
            assert proc.poll() is None, f"serve ended (exit {proc.returncode}):\n" + "".join(lines)
            assert time.monotonic() < deadline, f"no {what} within {seconds} s:\n" + "".join(lines)
            time.sleep(0.5)

    try:
        wait_for(lambda: any(f"Serving on {address}" in line for line in lines), "address")
        wait_for(lambda: b"Port Workers Strike" in _get(address)[1], "home page")
        root = lxml_html.fromstring(_get(address)[1])
        assert len(root.xpath('//*[contains(concat(" ", @class, " "), " md-search ")]')) == 1
        assert len(root.xpath("//*[@data-bf-search]")) == 1  # the box is Pagefind's
        assert not [h for h in root.xpath("//a/@href") if "about" in h]  # no link to the missing page
        assert any("navigation names about.md, which is not in the docs folder" in line for line in lines)
        status, body = _get(address + "pagefind/pagefind-entry.json")
        assert status == 200 and sum(lang["page_count"] for lang in json.loads(body)["languages"].values()) >= 1
        assert _get(address + "pagefind/pagefind.js")[0] == 200
        assert _get(address + "search.json")[0] == 404  # no index of Zensical's own search
        (seeds / "port.txt").write_text(ARTICLE.replace("Port Workers Strike", "Harbour Crews Strike"), encoding="utf-8")
        wait_for(lambda: b"Harbour Crews Strike" in _get(address)[1], "rebuilt preview after a seed edit")
    finally:
        os.killpg(proc.pid, signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert not (tmp_path / ".site.preview").exists()  # the preview's folder goes with it


def test_zensical_configuration_is_the_sites_with_pagefind_search_and_a_resolvable_navigation(tmp_path, caplog):
    """What Zensical is given (no Zensical needed): the folders relative to the project, its own
    search off (Pagefind's is the site's), the theme folder absolute, and the navigation without
    the pages the docs folder lacks, as MkDocs' build leaves them out."""
    import yaml

    from generator.engine import zensical_config

    project = tmp_path / "project"
    (project / "fresh-docs").mkdir(parents=True)
    (project / "fresh-docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    root, text = zensical_config(project / "mkdocs.yml", project / "fresh-docs", project / "out" / "site",
                                 "https://example.org/news/")
    config = yaml.safe_load(text)
    assert root == project.resolve()
    assert (config["docs_dir"], config["site_dir"], config["site_url"]) == ("fresh-docs", "out/site",
                                                                           "https://example.org/news/")
    assert config["plugins"] == [{"search": {"enabled": False}}]
    assert config["theme"]["custom_dir"] == str((project / "theme").resolve())
    assert config["nav"] == [{"Latest": "index.md"}]  # stories/, topics/, ... and about.md are not there
    assert any("navigation names about.md, which is not in the docs folder" in r.getMessage() for r in caplog.records)
    assert config["site_name"] == "Briefings" and config["theme"]["variant"] == "classic"  # the rest as it was
