"""``briefings bench``: speed, memory and search size at N briefings, as ratios to baselines.

Synthesises N articles from the paragraphs of seeds/ (recombined, with varied titles, people,
roles, topics and dates; deterministic for a given ``--seed``), then, in a temporary folder, runs
each scenario as a child process (so its wall time includes start-up and its peak memory is the
child's own, from ``wait4``) and prints one table. Every ratio compares two things measured in
the same run on the same machine:

- raw YAKE over the same articles (one process) vs our generation (one process);
- our generation with 1 process vs 2 (outputs compared byte for byte);
- a plain ``mkdocs build`` of the same docs/ vs our full build;
- a rebuild with nothing changed vs the full build;
- a rebuild after editing one article vs the plain ``mkdocs build``;
- the median briefing page at N vs at 100 briefings, and time and memory per briefing;
- the bytes a reader downloads before the first search result (headless Chromium).
"""
from __future__ import annotations

import hashlib
import http.server
import json
import logging
import os
import random
import shutil
import socketserver
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

log = logging.getLogger(__name__)

REPO = Path(__file__).resolve().parent.parent
SUBPATH = "/bench-repo/"
CHROMIUM = Path("/usr/bin/chromium")

FIRST = ["Amal", "Omar", "Layla", "Samir", "Nadia", "Karim", "Hana", "Yusuf", "Rana", "Tariq", "Mona", "Fadi",
         "Sara", "Ali", "Dina", "Walid", "Leila", "Hassan", "Maya", "Ziad", "Noor", "Bilal", "Reem", "Khalid"]
LAST = ["Haddad", "Mansour", "Khoury", "Saleh", "Nasser", "Rahman", "Aziz", "Farouk", "Hamdan", "Qasim", "Jaber",
        "Suleiman", "Darwish", "Othman", "Yassin", "Barakat", "Halabi", "Tamimi", "Zayed", "Shami"]
ROLES = ["a political analyst", "a former minister", "an economist at the central bank", "a regional security expert",
         "the spokesman of the ministry", "a professor of international relations", "a member of parliament",
         "the director of a research centre", "a senior diplomat", "an energy consultant"]
TOPICS = ["oil exports", "water shortages", "border security", "the drought", "election reform", "the currency",
          "refugee camps", "electricity prices", "the ceasefire", "port traffic", "wheat imports", "the budget",
          "militia funding", "gas pipelines", "youth unemployment", "the judiciary", "drone strikes", "tourism",
          "fishing rights", "the railway", "phone networks", "hospital staff", "teachers' pay", "housing costs",
          "the peace talks", "sanctions", "the harvest", "shipping lanes", "the dam project", "cyber attacks"]
PLACES = ["Baghdad", "Basra", "Amman", "Beirut", "Damascus", "Cairo", "Erbil", "Mosul", "Aqaba", "Tripoli", "Doha",
          "Muscat", "Kuwait City", "Tehran", "Riyadh", "Sanaa"]
VERBS = ["Weighs", "Confronts", "Rethinks", "Bets On", "Delays", "Debates", "Tightens", "Opens Talks on",
         "Struggles With", "Pushes Ahead With"]
OUTLETS = ["Alhurra", "The Daily Courier", "Gulf Observer", "Levant Post", "Regional Monitor"]


# ---------------------------------------------------------------------------------------------
# Synthesis

def source_paragraphs(seeds: Path) -> list[str]:
    """Clean body paragraphs of every article in ``seeds`` (the material recombined)."""
    from generator.clean import clean
    from generator.ingest import discover, read_seed

    pool: list[str] = []
    files, _ = discover(seeds)
    for seed in files:
        try:
            raw = read_seed(seed)
        except Exception:  # noqa: BLE001 - a bad seed is simply not used
            continue
        pool.extend(p for p in clean(raw.text, title_hint=raw.meta.get("title")).paragraphs if len(p.split()) >= 12)
    if not pool:
        raise SystemExit(f"error: no usable article text in {seeds}")
    return pool


def synthesise(pool: list[str], n: int, out: Path, seed: int = 1) -> list[Path]:
    """Write ``n`` articles (Markdown with front matter) into ``out``; the same for the same seed."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for i in range(n):
        place, topic, other = rng.choice(PLACES), rng.choice(TOPICS), rng.choice(TOPICS)
        people = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(rng.randint(2, 4))]
        title = f"{place} {rng.choice(VERBS)} {topic[0].upper() + topic[1:]} as {other.capitalize()} Worries Grow"
        body: list[str] = []
        words = 0
        paragraphs = rng.sample(pool, min(len(pool), 14))
        for k, paragraph in enumerate(paragraphs):
            body.append(paragraph)
            words += len(paragraph.split())
            if k % 3 == 1:
                person = people[(k // 3) % len(people)]
                sentence = (f"\u201cThe question of {rng.choice([topic, other])} in {place} will not wait for "
                            f"another season of promises,\u201d said {person}, {rng.choice(ROLES)}. "
                            f"\u201cWhat happens with {rng.choice(TOPICS)} now decides the rest.\u201d")
                body.append(sentence)
                words += len(sentence.split())
            if words > 1500:
                break
        body.append(f"Officials in {place} said decisions on {topic} and {other} were expected within weeks.")
        date = f"20{rng.randint(23, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        front = {"title": title, "source": rng.choice(OUTLETS), "published": date, "language": "en",
                 "author": f"{rng.choice(FIRST)} {rng.choice(LAST)}"}
        text = "---\n" + "".join(f"{k}: {json.dumps(v)}\n" for k, v in front.items()) + "---\n\n" + "\n\n".join(body)
        path = out / f"{i // 1000:02d}" / f"article-{i:05d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text + "\n", encoding="utf-8")
        written.append(path)
    return written


# ---------------------------------------------------------------------------------------------
# Running and measuring

@dataclass
class Run:
    seconds: float
    peak_mb: float
    code: int
    output: str


def run(cmd: list[str], cwd: Path | None = None) -> Run:
    """A child process: wall time, peak resident memory (its own and its children's) and output."""
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - start
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    return Run(seconds, usage.ru_maxrss / 1024, proc.returncode, text)


def _check(r: Run, what: str) -> Run:
    if r.code not in (0, 1):
        raise SystemExit(f"error: {what} failed (exit {r.code}):\n{r.output[-3000:]}")
    return r


def tree_hash(root: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file():
            h.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def raw_yake_main(seeds: str) -> None:
    """Child process of the baseline: YAKE as our pipeline calls it, over each article's text."""
    from generator.ingest import discover, read_seed

    import yake

    extractor = yake.KeywordExtractor(lan="en", n=3, top=10**9, dedup_lim=1.0)
    files, _ = discover(Path(seeds))
    for seed in files:
        raw = read_seed(seed)
        extractor.extract_keywords(raw.meta.get("title", "") + "\n\n" + raw.text)


def median_page(site: Path) -> int:
    sizes = [p.stat().st_size for p in (site / "briefings").glob("*/index.html")]
    return int(statistics.median(sizes)) if sizes else 0


def listing_sizes(site: Path) -> dict[str, int]:
    pages = {"home page": "index.html", "topics index page": "topics/index.html",
             "people index page": "people/index.html", "outlets index page": "outlets/index.html",
             "stories index page": "stories/index.html",
             "archive page": "archive/index.html"}
    sizes = {name: (site / rel).stat().st_size for name, rel in pages.items() if (site / rel).is_file()}
    for kind, folder_name in (("topic", "topics"), ("person", "people"), ("outlet", "outlets"),
                              ("story", "stories")):
        folder = site / folder_name
        found = [p.stat().st_size for p in folder.rglob("index.html") if p.parent != folder]
        if found:
            sizes[f"largest {kind} page"] = max(found)
    return sizes


# ---------------------------------------------------------------------------------------------
# Search in a browser

class _Handler(http.server.SimpleHTTPRequestHandler):
    site: Path

    def log_message(self, format, *args):  # noqa: A002
        pass

    def translate_path(self, path: str) -> str:
        rel = unquote(urlsplit(path).path)
        if not rel.startswith(SUBPATH):
            return str(self.site / "missing")
        target = (self.site / rel[len(SUBPATH):]).resolve()
        return str(target) if target == self.site or self.site in target.parents else str(self.site / "missing")


def serve(site: Path):
    """Serve ``site`` under SUBPATH on a free local port; returns (server, base URL)."""
    handler = type("Handler", (_Handler,), {"site": site.resolve()})
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{SUBPATH}"


def search_in_browser(site: Path, page: str, query: str) -> dict | None:
    """Open ``page``, type ``query`` in the search box; bytes and milliseconds to the first result."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if not CHROMIUM.exists():
        return None
    server, base = serve(site)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
            try:
                tab = browser.new_page()
                received: list[tuple[str, int]] = []
                tab.on("requestfinished", lambda r: received.append((r.url, r.sizes()["responseBodySize"])))
                tab.goto(base + page)
                tab.wait_for_load_state("networkidle")
                before = len(received)
                page_bytes = sum(size for _, size in received)
                tab.click("[data-bf-search-query]")  # focus: what a reader does first
                # typed in one go; timed inside the page, from the input event to the first result shown
                ms = tab.evaluate("""(query) => new Promise((resolve, reject) => {
                    const input = document.querySelector("[data-bf-search-query]");
                    const list = document.querySelector("[data-bf-search-list]");
                    const start = performance.now();
                    const done = () => {
                      if (list.querySelector(".md-search-result__link")) { observer.disconnect(); resolve(performance.now() - start); }
                    };
                    const observer = new MutationObserver(done);
                    observer.observe(list, {childList: true, subtree: true});
                    setTimeout(() => reject(new Error("no search result within 30 s")), 30000);
                    input.value = query;
                    input.dispatchEvent(new Event("input", {bubbles: true}));
                  })""", query)
                first = tab.query_selector(".md-search-result__link")
                result = {
                    "ms": ms,
                    "search_bytes": sum(size for _, size in received[before:]),
                    "page_bytes": page_bytes,
                    "files": [u for u, _ in received[before:]],
                    "title": first.inner_text().split("\n")[0] if first else "",
                    "href": first.get_attribute("href") if first else "",
                }
                return result
            finally:
                browser.close()
    finally:
        server.shutdown()
        server.server_close()


# ---------------------------------------------------------------------------------------------
# The benchmark

def engine_python(engine: str) -> str:
    """The Python that runs the generator with ``engine``: this one when the engine is installed here,
    else the engine's own virtualenv, .venv-ENGINE of this tree (``make ENGINE=...`` and .ci/run
    install it there)."""
    from generator import engine as engines
    from generator.errors import UsageError

    if engines.ENGINES[engine].missing() is None:
        return sys.executable
    venv = engines.venv_dir(engine, REPO)
    if (venv / "bin" / "python").is_file():
        return str(venv / "bin" / "python")
    raise UsageError(f"the {engine} engine is not installed: make ENGINE={engine} (or .ci/install-engine "
                     f"{engine} {venv}) installs it")


def plain_build(engine: str, py: str, project: Path, out: Path) -> list[str]:
    """The engine's own build of the same docs/, as a site owner would run it without the generator."""
    config = project / "mkdocs.yml"
    if engine == "zensical":
        # no -d: its site_dir, relative to the project, from a copy of the configuration; the copy the
        # generator gives it (its own search off, as with the generator), so that both do the same work
        from generator.engine import zensical_config

        _root, text = zensical_config(config, project / "docs", out, None)
        (project / "plain.yml").write_text(text, encoding="utf-8")
        return [str(Path(py).parent / "zensical"), "build", "-f", str(project / "plain.yml")]
    module = "properdocs" if engine == "properdocs" else "mkdocs"
    return [py, "-m", module, "build", "-q", "-f", str(config), "-d", str(out)]


def bench(n: int, seeds: Path, config: Path, work: Path, seed: int = 1,
          repeat: int = 1, engine: str = "mkdocs", site_only: bool = False,
          articles_cache: Path | None = None) -> list[tuple[str, str, str, str]]:
    """The rows of the table. ``site_only``: without the generation scenarios (raw YAKE, 1 against
    2 processes), which do not depend on the engine: the rows of an engine's comparison.
    ``articles_cache``: a folder of processed articles kept across runs (the synthesis is the same
    for the same N and seed): it is filled first, untimed, and each build starts from a copy of it,
    so the full builds time the pages, the site and the search index, not the generation, which is
    the same with every engine (and the slowest part on a loaded machine)."""
    py = sys.executable
    epy = engine_python(engine)  # builds run with the engine's Python; generation scenarios with this one
    pool = source_paragraphs(seeds)
    art = work / "articles"
    synthesise(pool, n, art, seed)
    small = work / "articles-100"
    if n != 100:
        shutil.copytree(art, small, ignore=lambda d, names: [x for x in names if x.endswith(".md")
                                                              and int(x[8:13]) >= 100])
    else:
        small = art
    project = work / "project"
    project.mkdir()
    shutil.copy(config, project / "mkdocs.yml")
    theme = config.parent / "theme"
    if theme.is_dir():
        shutil.copytree(theme, project / "theme")
    shutil.copytree(config.parent / "docs", project / "docs",
                    ignore=shutil.ignore_patterns("briefings", "stories", "topics", "people", "outlets", "archive",
                                                  "index.md", ".generated.json"))
    gen = [py, "-m", "generator", "generate", "--seeds", str(art), "-q", "--no-cache"]
    rows: list[tuple[str, str, str, str]] = []
    log.info("bench: %d articles in %s", n, work)

    # 1. YAKE vs generation, 1 vs 2 processes
    # Each is run ``repeat`` times, interleaved (YAKE, 1, 2, YAKE, 1, 2, ...), and the fastest run of
    # each counts: on a shared machine a slow run says more about the neighbours than about the code.
    # Each run writes into a folder of its own, and none is deleted before the bench ends: on ext4
    # without a journal (this project's CI machines), creating a file skips every inode freed in
    # the last minutes, so 7,600 pages written just after deleting the previous run's 7,600 took
    # 2.3 s instead of 0.26 s; a run must not pay for the bench's own clean-up.
    # The start-up: a process that starts Python, imports the analysis (YAKE with NumPy and
    # NetworkX, the quote patterns) and exits. Every process that processes articles pays it before
    # its first article, and a second core cannot share it: it bounds the two-process ratio.
    if not site_only:
        rows += _generation_rows(py, gen, art, work, repeat)
    if articles_cache is not None:
        articles_cache.mkdir(parents=True, exist_ok=True)
        _check(run(gen[:-1] + ["--docs", str(work / "warm" / "docs"), "--cache", str(articles_cache)]),
               "processing the articles into --cache")
        for name in ("cache", "cache-100"):  # copies: a build prunes the entries it did not use
            shutil.copytree(articles_cache, work / name)
    _site_rows(rows, n, engine, epy, art, small, project, work, articles_cache is not None)
    return rows


def _generation_rows(py: str, gen: list[str], art: Path, work: Path, repeat: int) -> list[tuple[str, str, str, str]]:
    rows: list[tuple[str, str, str, str]] = []
    runs: dict[str, list[Run]] = {"yake": [], "one": [], "two": [], "start": []}
    for r in range(repeat):
        runs["yake"].append(_check(run([py, "-c", f"from generator.bench import raw_yake_main; "
                                                  f"raw_yake_main({str(art)!r})"]), "raw YAKE"))
        runs["start"].append(_check(run([py, "-c", "from generator.pipeline import load; load()"]), "start-up"))
        for name, jobs in (("one", "1"), ("two", "2")):
            out = work / f"g{jobs}-{r}" / "docs"
            runs[name].append(_check(run(gen + ["--docs", str(out), "--jobs", jobs]), f"generate --jobs {jobs}"))
    yake, one, two = (min(runs[k], key=lambda r: r.seconds) for k in ("yake", "one", "two"))
    same = tree_hash(work / f"g1-{repeat - 1}" / "docs") == tree_hash(work / f"g2-{repeat - 1}" / "docs")
    best = "" if repeat == 1 else f"; fastest of {repeat} interleaved runs each"
    # the ratio of each round's two runs, made within seconds of each other: their median shows how
    # far the load of a shared machine moves the ratio of the fastest runs
    paired = "" if repeat < 3 else "; median of the {} rounds' own ratios {:.2f}".format(
        repeat, statistics.median(a.seconds / b.seconds for a, b in zip(runs["one"], runs["two"], strict=True)))
    rows.append(("raw YAKE, 1 process / our generation, 1 process", f"{yake.seconds:.1f} s / {one.seconds:.1f} s",
                 f"{yake.seconds / one.seconds:.2f}", f"non-YAKE work {100 * (1 - yake.seconds / one.seconds):.0f}% "
                                                       f"of generation (aim < 25%){best}"))
    rows.append(("generation: 1 process / 2 processes", f"{one.seconds:.1f} s / {two.seconds:.1f} s",
                 f"{one.seconds / two.seconds:.2f}",
                 f"aim >= 1.8; output byte-identical: {'yes' if same else 'NO'}{best}{paired}"))
    start = min(r.seconds for r in runs["start"])
    ceiling = one.seconds / (start + (one.seconds - start) / 2)
    rows.append(("start-up (Python + analysis import) / 1-process generation", f"{start:.2f} s / {one.seconds:.1f} s",
                 f"{start / one.seconds:.3f}",
                 f"serial in both: 2 processes can give at most {ceiling:.2f} here, were the rest shared perfectly"))
    return rows


def _site_rows(rows: list, n: int, engine: str, epy: str, art: Path, small: Path, project: Path, work: Path,
               cached: bool = False) -> None:
    # 2. full build, plain mkdocs, no-change and one-edit rebuilds
    build = [epy, "-m", "generator", "build", "--engine", engine, "--seeds", str(art), "--docs",
             str(project / "docs"), "--site", str(project / "site"), "--config", str(project / "mkdocs.yml"),
             "--cache", str(work / "cache"), "-q"]
    full = _check(run(build), "build")
    plain_dir = (project if engine == "zensical" else work) / "plain-site"
    plain = _check(run(plain_build(engine, epy, project, plain_dir), cwd=project), f"{engine} build")
    noop = _check(run(build[:-1]), "rebuild")
    up_to_date = "up to date" in noop.output
    edited = sorted(art.rglob("*.md"))[n // 2]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nA late paragraph was added to this article by the "
                      "benchmark, so that exactly one article changed since the last build.\n", encoding="utf-8")
    edit = _check(run(build), "rebuild after one edit")
    rows.append((f"engine: {engine}", " ".join(f"{k} {v}" for k, v in _engine_versions(engine, epy).items()), "-",
                 "every build below runs with it (--engine)"
                 + ("; it renders every page on every build" if engine == "zensical" else "")))
    rows.append((f"plain {engine} build / our full build", f"{plain.seconds:.1f} s / {full.seconds:.1f} s",
                 f"{plain.seconds / full.seconds:.2f}",
                 "our build: articles from --cache (generation not timed), the pages, the site and Pagefind"
                 if cached else "our build includes generation (2 processes) and Pagefind"))
    rows.append(("no-change rebuild / full build", f"{noop.seconds:.2f} s / {full.seconds:.1f} s",
                 f"{noop.seconds / full.seconds:.3f}", f"aim < 0.05; MkDocs skipped: {'yes' if up_to_date else 'NO'}"))
    rows.append((f"one-article-edit rebuild / plain {engine} build", f"{edit.seconds:.1f} s / {plain.seconds:.1f} s",
                 f"{edit.seconds / plain.seconds:.2f}",
                 f"aim <= 1.2; stretch: {edit.seconds:.1f} s vs ~7 s (Hugo, full build of 5,000)"))

    # 3. linearity: the same scenario at 100
    site = project / "site"
    if n != 100:
        p100 = work / "project-100"
        # not the built trees, nor the replaced ones a detached process may still be deleting (site.discard)
        shutil.copytree(project, p100, ignore=shutil.ignore_patterns("site", "plain-site", "plain.yml", "briefings",
                                                                      "stories", "topics", "people", "outlets",
                                                                      "archive",
                                                                     "index.md", ".generated.json", ".site.*",
                                                                     ".docs.*"))
        b100 = [epy, "-m", "generator", "build", "--engine", engine, "--seeds", str(small), "--docs", str(p100 / "docs"), "--site",
                str(p100 / "site"), "--config", str(p100 / "mkdocs.yml"), "--cache", str(work / "cache-100"), "-q"]
        full100 = _check(run(b100), "build of 100")
        site100 = p100 / "site"
    else:
        full100, site100 = full, site
    m_n, m_100 = median_page(site), median_page(site100)
    rows.append((f"median briefing page at {n} / at 100", f"{m_n / 1024:.1f} KB / {m_100 / 1024:.1f} KB",
                 f"{m_n / m_100:.3f}" if m_100 else "-", "aim within 0.9-1.1"))
    rows.append((f"build time per briefing at {n} / at 100",
                 f"{1000 * full.seconds / n:.1f} ms / {1000 * full100.seconds / 100:.1f} ms",
                 f"{(full.seconds / n) / (full100.seconds / 100):.2f}", "<= 1: grows no faster than N"))
    rows.append((f"peak memory at {n} / at 100 (x{n // 100} briefings)", f"{full.peak_mb:.0f} MB / {full100.peak_mb:.0f} MB",
                 f"{full.peak_mb / full100.peak_mb:.2f}", f"aim < 1 GB at 5,000; plain {engine} {plain.peak_mb:.0f} MB"
                 + ("; the larger of the generator and its zensical child, not their sum" if engine == "zensical"
                    else "")))
    big, small_sizes = listing_sizes(site), listing_sizes(site100)
    for name in big:
        if name in small_sizes:
            rows.append((f"{name} at {n} / at 100", f"{big[name] / 1024:.0f} KB / {small_sizes[name] / 1024:.0f} KB",
                         f"{big[name] / small_sizes[name]:.1f}", "listing page (sitepages.py)"))

    # 4. search
    size_index = sum(p.stat().st_size for bundle in site.glob("pagefind*") for p in bundle.rglob("*") if p.is_file())
    docs = sorted((project / "docs" / "briefings").glob("*.md"))
    query = None
    if docs:
        import yaml

        front = docs[len(docs) // 3].read_text(encoding="utf-8")

        meta = yaml.safe_load(front.split("\n---\n", 1)[0][4:])
        people = meta.get("people") or []
        query = people[0] if people else meta["title"].split()[0]
    result = search_in_browser(site, "briefings/" + docs[0].stem + "/", query) if query else None
    if result:
        rows.append((f"search: bytes before the first result ('{query}')",
                     f"{result['search_bytes'] / 1024:.0f} KB (+ page {result['page_bytes'] / 1024:.0f} KB)",
                     f"{(result['search_bytes'] + result['page_bytes']) / 2**20:.2f} MB",
                     f"aim < 2 MB; whole index {size_index / 2**20:.1f} MB on disk"))
        rows.append(("search: first result after typing", f"{result['ms']:.0f} ms", f"{result['ms'] / 500:.2f}",
                     f"aim < 500 ms (ratio to 500 ms); first hit {result['href']}"))
    else:
        rows.append(("search: bytes before the first result", "n/a", "-",
                     "needs Python playwright and /usr/bin/chromium"))
    versions = _engine_versions(engine, epy)
    rows.append((f"{engine}'s row at {n} (README, 'When Material for MkDocs 9 ends')",
                 " ".join(f"{k} {v}" for k, v in versions.items()), "-",
                 f"full build {full.seconds:.1f} s / {full.peak_mb:.0f} MB (plain {engine} {plain.seconds:.1f} s / "
                 f"{plain.peak_mb:.0f} MB); no-change rebuild {noop.seconds / full.seconds:.3f} of the full build; "
                 f"one-article edit {edit.seconds:.1f} s = {edit.seconds / plain.seconds:.2f} of the plain build; "
                 f"median briefing page {m_n / 1024:.1f} KB"))


def _engine_versions(engine: str, py: str) -> dict[str, str]:
    from generator import engine as engines

    names = engines.ENGINES[engine].distributions
    done = subprocess.run([py, "-c", "import importlib.metadata as m, sys\nfor d in sys.argv[1:]: print(d, m.version(d))",
                           *names], capture_output=True, text=True, check=False)
    return dict(line.split(" ", 1) for line in done.stdout.splitlines() if " " in line)


def default_repeat(n: int) -> int:
    """Runs of each generation scenario: more where they are short (noise on a shared machine
    weighs most on a run of a few seconds) and cheap to repeat. On this project's 2-core CI kind
    of machine, one-process runs of 100 articles ranged from 3.6 to 5.7 s within a quarter of an
    hour: five runs of each too often missed the quiet moments a fastest run stands for."""
    return 9 if n < 1000 else 2


def format_table(n: int, rows: list[tuple[str, str, str, str]]) -> str:
    header = ("scenario", "measured", "ratio", "note")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(4)]
    lines = [f"Benchmark at {n} briefings ({os.cpu_count()} CPUs, Python {sys.version.split()[0]})", "",
             "| " + " | ".join(h.ljust(w) for h, w in zip(header, widths)) + " |",
             "| " + " | ".join("-" * w for w in widths) + " |"]
    lines += ["| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |" for r in rows]
    return "\n".join(lines)


def main(args) -> int:
    from generator.errors import UsageError

    if not args.seeds.is_dir():
        raise UsageError(f"seeds folder '{args.seeds}' does not exist")
    if not args.config.is_file():
        raise UsageError(f"configuration file '{args.config}' does not exist")
    if args.keep is not None:
        work = args.keep.resolve()
        if work.exists() and any(work.iterdir()):
            raise UsageError(f"'{work}' is not empty; give an empty or new folder")
        work.mkdir(parents=True, exist_ok=True)
    else:
        work = Path(tempfile.mkdtemp(prefix="briefings-bench-"))
    try:
        repeat = args.repeat if args.repeat is not None else default_repeat(args.articles)
        rows = bench(args.articles, args.seeds.resolve(), args.config.resolve(), work, args.seed, repeat,
                     getattr(args, "engine", None) or "mkdocs", getattr(args, "site_only", False),
                     args.articles_cache.resolve() if getattr(args, "articles_cache", None) else None)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    sys.stdout.write(format_table(args.articles, rows) + "\n")
    return 0
