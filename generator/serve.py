"""Live preview: regenerate the briefings when a seed changes, and let MkDocs serve and reload."""
from __future__ import annotations

import logging
import os
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
    logging.getLogger("mkdocs.livereload").setLevel(logging.INFO)  # "Serving on http://...": the address
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
