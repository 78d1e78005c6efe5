"""Helpers for the browser tests: build a site for a subpath, serve it like GitHub Pages, drive
Debian's Chromium through Playwright and watch each page for errors.

Usable on its own too (to look at the site by hand):

    python -m tests.browser.helpers [SEEDS ...]   # builds, serves, prints the URL until Ctrl-C
"""
from __future__ import annotations

import http.server
import re
import shutil
import socketserver
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

REPO = Path(__file__).resolve().parents[2]
FIXTURE_ARTICLES = REPO / "tests" / "fixtures" / "articles"
ARTIFACTS = REPO / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
SUBPATH = "/briefings-repo/"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
GENERATED = ("briefings", "topics", "people", "index.md", ".generated.json")


# ---------------------------------------------------------------------------------------------
# Serving

class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves ``site`` under ``SUBPATH`` only; anything else gets the site's 404 page."""

    site: Path

    def log_message(self, format, *args):  # noqa: A002 - keep test output quiet
        pass

    def send_head(self):
        if not urlsplit(self.path).path.startswith(SUBPATH):
            self.send_error(404)
            return None
        return super().send_head()

    def translate_path(self, path: str) -> str:
        rel = unquote(urlsplit(path).path[len(SUBPATH):])
        target = (self.site / rel).resolve()
        if target != self.site and self.site not in target.parents:
            return str(self.site / "404.html") + ".outside"  # never exists: answered with 404
        return str(target)

    def list_directory(self, path):  # GitHub Pages lists no folders
        self.send_error(404)
        return None

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = (self.site / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class _Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


@dataclass
class SiteServer:
    """A threaded HTTP server on 127.0.0.1, bound at once (so the port is known before the
    build) and started with ``serve(site)``."""

    httpd: _Server | None = None
    thread: threading.Thread | None = None
    handler: type | None = None

    def __post_init__(self):
        self.handler = type("Handler", (_Handler,), {})
        self.httpd = _Server(("127.0.0.1", 0), self.handler)

    @property
    def port(self) -> int:
        return self.httpd.server_address[1]

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}{SUBPATH}"

    def serve(self, site: Path) -> SiteServer:
        self.handler.site = site.resolve()
        self.handler.extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                                       ".js": "text/javascript", ".json": "application/json"}
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        return self

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


# ---------------------------------------------------------------------------------------------
# Building

def build_site(root: Path, seed_dirs: list[Path], site_url: str, extra_seeds: dict[str, str] | None = None):
    """Copy the seed folders into ``root/seeds`` and build ``root/site`` for ``site_url``, with
    the repository's mkdocs.yml, theme and hand-written pages. Returns (report, docs, site)."""
    from generator import site as gsite

    seeds, docs, out = root / "seeds", root / "docs", root / "site"
    seeds.mkdir(parents=True, exist_ok=True)
    for folder in seed_dirs:
        shutil.copytree(folder, seeds / folder.name, dirs_exist_ok=True)
    for name, text in (extra_seeds or {}).items():
        path = seeds / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    shutil.copytree(REPO / "docs", docs, ignore=shutil.ignore_patterns(*GENERATED))
    report = gsite.build(gsite.Paths(seeds, docs, out, REPO / "mkdocs.yml"), site_url=site_url)
    return report, docs, out


# ---------------------------------------------------------------------------------------------
# Browsing

def launch(playwright):
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)


@dataclass
class PageWatch:
    """Console errors, page errors, failed requests and dialogs seen by one page."""

    base_url: str
    problems: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    allowed_404: set[str] = field(default_factory=set)

    def attach(self, page) -> PageWatch:
        page.on("console", self._console)
        page.on("pageerror", lambda exc: self.problems.append(f"page error: {exc}"))
        page.on("requestfailed", lambda req: self.problems.append(
            f"request failed: {req.url} ({req.failure})"))
        page.on("response", self._response)
        page.on("dialog", self._dialog)
        return self

    def _console(self, msg):
        if msg.location.get("url") in self.allowed_404 and "404" in msg.text:
            return  # the browser's own note about an expected 404
        if msg.type in ("error", "assert"):
            self.problems.append(f"console {msg.type}: {msg.text} at {msg.location.get('url', '')}")

    def _response(self, response):
        if response.status >= 400 and response.url not in self.allowed_404:
            self.problems.append(f"HTTP {response.status}: {response.url}")

    def _dialog(self, dialog):
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def take(self) -> list[str]:
        problems, self.problems = self.problems, []
        return problems


def visit(page, url: str | None = None, *, status: int = 200):
    """Go to ``url`` (or stay on the page a click led to), wait until the network is quiet, and
    check what every page must have: no console errors or failed requests, and social preview
    metadata. Returns the navigation's response (None when staying)."""
    response = None
    if url is not None:
        response = page.goto(url)
        assert response is not None and response.status == status, f"{url}: HTTP {response and response.status}"
    page.wait_for_load_state("networkidle")
    problems = page.watch.take()
    assert not problems, f"{page.url}:\n" + "\n".join(problems)
    assert not page.watch.dialogs, f"{page.url} opened dialogs: {page.watch.dialogs}"
    for prop in ("og:title", "og:description", "og:site_name"):
        content = page.locator(f'meta[property="{prop}"]').get_attribute("content")
        assert content and content.strip(), f"{page.url} has no {prop}"
    return response


def content(page):
    """The page's main content (not its navigation or table of contents)."""
    return page.locator("article.md-content__inner")


def heading(page) -> str:
    """The text of the page's h1, without its permalink sign."""
    return page.locator("article h1").first.evaluate(
        "h => [...h.childNodes].filter(n => !(n.classList && n.classList.contains('headerlink')))"
        ".map(n => n.textContent).join('').trim()")


_SEARCH_NAME = re.compile("search", re.I)


def search_box(page):
    """The search field, found the way assistive technology finds it."""
    return (page.get_by_role("searchbox")
            .or_(page.get_by_role("textbox", name=_SEARCH_NAME))
            .or_(page.get_by_role("combobox", name=_SEARCH_NAME))).first


def open_search(page, query: str) -> None:
    """Type ``query`` into the search box, opening the search first where it is folded away
    (on a phone, behind its button; anywhere, with the "/" key)."""
    box = search_box(page)
    if not box.is_visible():
        page.keyboard.press("/")
    if not box.is_visible():
        page.get_by_role("button", name=_SEARCH_NAME).or_(page.locator("label[for='__search']")).first.click()
    box.click()
    box.press_sequentially(query, delay=15)


def search_result_link(page, href_part: str, timeout: float = 10_000):
    """The first visible search result linking to ``href_part`` (waits for it). Search from a
    page that has no link to the target itself, so any such link is a result."""
    link = page.locator(f'a[href*="{href_part}"]').locator("visible=true").first
    link.wait_for(state="visible", timeout=timeout)
    return link


def related_links(page) -> list:
    """Links to other briefings under a "Related" heading or in a region named so."""
    handles = page.evaluate_handle("""() => {
        const out = [];
        const named = document.querySelectorAll('[aria-label*="elated" i], .related, .briefing-related');
        for (const region of named) out.push(...region.querySelectorAll('a[href]'));
        for (const h of document.querySelectorAll('article h2, article h3')) {
            if (!/related|see also|more on/i.test(h.textContent)) continue;
            for (let e = h.nextElementSibling; e && !/^H[1-3]$/.test(e.tagName); e = e.nextElementSibling)
                out.push(...e.querySelectorAll('a[href]'));
        }
        const here = location.pathname;
        return [...new Set(out)].filter(a => !a.closest('.md-search')
            && new URL(a.href).pathname.includes('/briefings/') && new URL(a.href).pathname !== here);
    }""")
    return [h for h in (p.as_element() for p in handles.get_properties().values()) if h]


def assert_accessible(page, impacts=("critical", "serious")) -> None:
    """axe-core (bundled by axe-playwright-python) finds no violation of these impacts."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"resultTypes": ["violations"]})
    bad = [v for v in results.response["violations"] if v["impact"] in impacts]
    lines = []
    for v in bad:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']}")
        for node in v["nodes"][:5]:
            summary = node.get("failureSummary", "").replace("\n", " ")
            lines.append(f"    {', '.join(map(str, node['target']))}: {summary}")
    assert not bad, f"{page.url}:\n" + "\n".join(lines)


def save_screenshot(page, path: Path, full_page: bool = False) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path), full_page=full_page, animations="disabled")
    return path


def _main(argv: list[str]) -> int:  # pragma: no cover - a convenience for looking by hand
    import sys
    import tempfile
    import time

    server = SiteServer()
    root = Path(tempfile.mkdtemp(prefix="briefings-look-"))
    dirs = [Path(a) for a in argv] or [REPO / "seeds", FIXTURE_ARTICLES]
    report, _, out = build_site(root, dirs, server.base_url)
    for path, reason in report.errors:
        sys.stderr.write(f"error: {path}: {reason}\n")
    server.serve(out)
    sys.stderr.write(f"{server.base_url}  (site in {out})\n")
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        server.close()
    return 0


if __name__ == "__main__":  # pragma: no cover
    import sys

    raise SystemExit(_main(sys.argv[1:]))
