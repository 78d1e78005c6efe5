"""Live preview: regenerate the briefings when a seed changes, and let MkDocs serve and reload.

Zensical's own ``zensical serve`` cannot index the preview for Pagefind (it takes no hooks) and
turns its own search on: with Zensical the preview is built as ``briefings build`` builds a site,
into ``.site.preview/`` beside docs/, and served from there (see :func:`serve_built`).
"""
from __future__ import annotations

import hashlib
import http.server
import logging
import os
import shutil
import socketserver
import threading
from pathlib import Path

from generator import site
from generator.errors import GeneratorError

log = logging.getLogger(__name__)


def _snapshot(seeds: Path) -> dict[str, tuple[int, int]]:
    state = {}
    for path in seeds.rglob("*"):
        try:
            st = path.lstat()
        except OSError:
            continue
        state[path.as_posix()] = (st.st_mtime_ns, st.st_size)
    return state


def _regenerate(paths: site.Paths) -> None:
    try:
        report = site.generate(paths)
    except GeneratorError as exc:
        log.error("error: %s", exc)
        return
    for path, reason in report.errors:
        log.error("error: %s: %s", paths.seeds / path, reason)
    log.info("Regenerated %d briefings", len(report.built))


def serve(seeds: Path, docs: Path, config: Path, dev_addr: str, engine: str | None = None) -> int:
    """Generate once, then serve; a watcher thread regenerates docs/ when seeds/ changes.

    The engine prints the address to open ("Serving on http://127.0.0.1:8000/") once the preview
    is built; with MkDocs and its forks the preview has the same navigation (pages the docs folder
    lacks left out) and the same Pagefind search as a built site (generator.servehooks indexes each
    preview build)."""
    from generator import engine as engines

    site_engine = engines.get(engine)
    if not site_engine.in_process:
        return serve_built(seeds, docs, config, dev_addr, site_engine.name)

    from generator.search import material_search_enabled

    paths = site.Paths(seeds, docs, None, config)
    paths.validate()
    raw_config = site.read_site_config(config)
    _regenerate(paths)
    options: dict = {"docs_dir": str(docs.resolve())}
    if raw_config.get("nav"):
        options["nav"] = site.resolvable_nav(raw_config["nav"], docs, config)
    if not material_search_enabled(raw_config):
        hooks = [str(Path(h)) for h in raw_config.get("hooks") or []]
        options["hooks"] = [*hooks, str(Path(__file__).with_name("servehooks.py"))]
    # "Serving on http://...": the address (ProperDocs logs as "properdocs")
    logging.getLogger(f"{site_engine.logger}.livereload").setLevel(logging.INFO)
    log.info("Building the preview of %s; its address follows when it is ready (Ctrl-C stops it)", docs)
    stop = threading.Event()

    def watch() -> None:
        before = _snapshot(seeds)
        while not stop.wait(1.0):
            now = _snapshot(seeds)
            if now != before:
                before = now
                _regenerate(paths)
                # docs/ was swapped for a new folder: touching the config makes MkDocs rebuild from it.
                os.utime(config)

    watcher = threading.Thread(target=watch, name="seed-watcher", daemon=True)
    watcher.start()
    try:
        engines.serve(site_engine, config, dev_addr, **options)
    finally:
        stop.set()
    return 0


# --- Engines that build every page themselves (Zensical) -------------------------------------

PREVIEW = ".site.preview"  # beside docs/: Zensical wants the site inside the project folder


def _inputs(seeds: Path, docs: Path, config: Path) -> dict[str, tuple]:
    """What a preview is built from: the seeds, the configuration, the theme and the pages of
    docs/ the generator does not write (by content: each build puts a new copy of them in place)."""
    state: dict[str, tuple] = {f"seeds:{k}": v for k, v in _snapshot(seeds).items()}
    try:
        raw = site.read_site_config(config)
    except GeneratorError:
        raw = {}
    state["config"] = _snapshot_file(config)
    for theme in site._theme_dirs(raw, config):
        state.update({f"theme:{k}": v for k, v in _snapshot(theme).items()})
    owned = site._owned(docs) | {site.MANIFEST}
    for rel in sorted(site._own_pages(docs, owned)) if docs.is_dir() else []:
        try:
            state[f"docs:{rel}"] = (hashlib.sha256((docs / rel).read_bytes()).hexdigest(),)
        except OSError:
            continue
    return state


def _snapshot_file(path: Path) -> tuple:
    try:
        st = path.stat()
    except OSError:
        return ()
    return (st.st_mtime_ns, st.st_size)


def _build_preview(paths: site.Paths, engine: str) -> None:
    try:
        report = site.build(paths, engine=engine)
    except GeneratorError as exc:
        log.error("error: %s", exc)
        return
    for path, reason in report.errors:
        log.error("error: %s: %s", paths.seeds / path, reason)
    for warning in report.warnings:
        log.warning("warning: %s", warning)
    log.info("Built the preview of %d briefings", len(report.built))


class _Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - requests are not news
        pass

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        return None


class _Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def serve_built(seeds: Path, docs: Path, config: Path, dev_addr: str, engine: str) -> int:
    """Build the preview as ``briefings build`` does (the engine's pages, Pagefind's index, feeds),
    into ``.site.preview/site`` beside docs/ without a site address, serve it on ``dev_addr`` and
    build it again whenever a seed, the configuration, the theme or a page of yours in docs/
    changes (reload the page in the browser to see it). The preview folder is removed on exit."""
    host, _, port = dev_addr.rpartition(":")
    try:
        address = (host or "127.0.0.1", int(port))
    except ValueError:
        from generator.errors import UsageError

        raise UsageError(f"--dev-addr must be HOST:PORT, not '{dev_addr}'") from None
    preview = docs.parent / PREVIEW
    paths = site.Paths(seeds, docs, preview / "site", config)
    paths.validate()
    site.read_site_config(config)  # a configuration error stops here (exit 2)
    log.info("Building the preview of %s with %s; its address follows when it is ready (Ctrl-C stops it)",
             docs, engine)
    before = _inputs(seeds, docs, config)
    _build_preview(paths, engine)
    handler = type("Handler", (_Handler,), {})
    handler.extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                              ".js": "text/javascript", ".json": "application/json"}
    server = _Server(address, lambda *a, **kw: handler(*a, directory=str(paths.site), **kw))
    threading.Thread(target=server.serve_forever, name="preview-server", daemon=True).start()
    log.info("Serving on http://%s:%d/", *server.server_address[:2])
    try:
        while True:
            threading.Event().wait(1.0)
            now = _inputs(seeds, docs, config)
            if now != before:
                before = now
                log.info("A change: building the preview again")
                _build_preview(paths, engine)
                before = _inputs(seeds, docs, config)
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
        server.server_close()
        shutil.rmtree(preview, ignore_errors=True)
    return 0
