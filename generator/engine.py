"""The site engine: the one module that calls into MkDocs' internals (or a maintained fork's), or
runs Zensical.

Four engines read the same ``mkdocs.yml`` and ``docs/``:

- ``mkdocs``: MkDocs 1.6.1 with Material for MkDocs 9 (the default);
- ``properdocs``: ProperDocs, the fork of MkDocs 1.x that keeps its build internals under the
  module name ``properdocs`` (its ``replacement`` module makes ``mkdocs.*`` imports, Material's
  among them, resolve to it);
- ``mkdocs-ng``: MkDocs NG with mkdocs-ng-material, which keep the module names ``mkdocs`` and
  ``material``;
- ``zensical``: Material's successor, a program of its own: it builds every page itself, so the
  generator's page reuse (generator.mkbuild) does not apply; it runs as a child process.

The first three run in this process, page by page (:func:`build_pages`, the same steps as
``mkdocs.commands.build.build``). Which engine is installed is a matter of the environment: each
needs its own virtualenv (their pins differ); see the README, "When Material for MkDocs 9 ends".
"""
from __future__ import annotations

import importlib
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from generator.errors import BuildError, UsageError
from generator import mkbuild
from generator.mkbuild import Previous, Result, resolvable_nav

log = logging.getLogger(__name__)

DEFAULT = "mkdocs"
ENV = "BRIEFINGS_ENGINE"  # the engine when --engine is not given


def venv_dir(name: str, root: Path) -> Path:
    """Where an engine other than MkDocs is installed for the project in ``root``: its own virtualenv,
    ``root/.venv-NAME``, the one place ``make ENGINE=NAME``, ``.ci/run``, the bench and the tests use
    (not under ``.cache/``, which is Zensical's own and which ``zensical build --clean`` deletes)."""
    return root / f".venv-{name}"


@dataclass(frozen=True)
class Engine:
    name: str
    distributions: tuple[str, ...]  # PyPI names whose versions identify it (render keys include them)
    package: str | None  # the Python package of its build internals; None: a program of its own
    install: str  # what to install, for the error saying it is missing
    logger: str = "mkdocs"

    @property
    def in_process(self) -> bool:
        return self.package is not None

    def versions(self) -> dict[str, str | None]:
        result = {}
        for name in self.distributions:
            try:
                result[name] = metadata.version(name)
            except metadata.PackageNotFoundError:
                result[name] = None
        return result

    def missing(self) -> str | None:
        """Why this engine cannot run here, or None."""
        if self.name == "mkdocs" and _installed("mkdocs-ng"):
            return "this environment has MkDocs NG in place of MkDocs: use --engine mkdocs-ng"
        found = self.versions()
        absent = [name for name, version in found.items() if version is None]
        if absent:
            return (f"the {self.name} engine needs {', '.join(absent)}, not installed in this environment "
                    f"({sys.prefix}): it needs {self.install} in a virtualenv of its own; `make ENGINE={self.name}` "
                    f"installs it into {venv_dir(self.name, Path('.'))} (README, 'When Material for MkDocs 9 ends')")
        if self.name == "zensical" and zensical_command() is None:
            return "the zensical program is not found (set BRIEFINGS_ZENSICAL, or put it on PATH)"
        return None

    def reuse_blocker(self) -> str | None:
        """Why this engine's pages are never reused from the previous build, or None."""
        return None if self.in_process else f"{self.name} builds every page itself"


ENGINES = {
    "mkdocs": Engine("mkdocs", ("mkdocs", "mkdocs-material"), "mkdocs",
                     "mkdocs==1.6.1 mkdocs-material==9.8.1 (requirements.lock)"),
    "properdocs": Engine("properdocs", ("properdocs", "mkdocs-material"), "properdocs",
                         "properdocs==1.6.7 with requirements.lock", logger="properdocs"),
    "mkdocs-ng": Engine("mkdocs-ng", ("mkdocs-ng", "mkdocs-ng-material"), "mkdocs",
                        "mkdocs-ng==1.8.0 mkdocs-ng-material==9.7.7 (requirements.lock without mkdocs and "
                        "mkdocs-material)"),
    "zensical": Engine("zensical", ("zensical", "zensical-ui"), None,
                       "zensical==0.1.1 zensical-ui==0.0.42 with requirements.lock"),
}


def _installed(name: str) -> bool:
    try:
        metadata.version(name)
    except metadata.PackageNotFoundError:
        return False
    return True


def get(name: str | None = None) -> Engine:
    """The engine called ``name`` (default: $BRIEFINGS_ENGINE, else MkDocs), checked to be installed."""
    name = name or os.environ.get(ENV) or DEFAULT
    engine = ENGINES.get(name)
    if engine is None:
        raise UsageError(f"unknown engine {name!r}; one of: {', '.join(ENGINES)}")
    reason = engine.missing()
    if reason:
        raise UsageError(reason)
    return engine


def _module(engine: Engine, name: str):
    if engine.package == "properdocs":
        importlib.import_module("properdocs.replacement")  # Material's mkdocs.* imports -> properdocs.*
    return importlib.import_module(f"{engine.package}.{name}" if name else engine.package)


def yaml_load(handle, engine: Engine | None = None):
    """Read mkdocs.yml as the engine does (!ENV, INHERIT, !!python/name tags).

    Zensical reads the same file; MkDocs' loader (installed beside it, requirements.lock) reads it."""
    engine = engine if engine is not None and engine.in_process else ENGINES[DEFAULT]
    return _module(engine, "utils.yaml").yaml_load(handle)


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def build(engine: Engine, config_file: Path, docs_dir: Path, site_dir: Path, site_url: str | None,
          previous: Previous | None = None, context: str | None = None,
          recycled: bool = False) -> tuple[list[str], Result]:
    """Build the site of ``config_file`` from ``docs_dir`` into the empty ``site_dir`` (or a recycled
    one, in process only: see :func:`build_pages`). Returns the warnings and the render keys of the
    pages; raises BuildError."""
    if not engine.in_process:
        return _build_zensical(config_file, docs_dir, site_dir, site_url), Result()
    config_mod = _module(engine, "config")
    exceptions = _module(engine, "exceptions")
    handler = _Collect()
    eng_log = logging.getLogger(engine.logger)
    eng_log.addHandler(handler)
    try:
        # absolute: the engine reads relative folders as relative to the configuration file
        cfg = config_mod.load_config(str(config_file), docs_dir=str(Path(docs_dir).resolve()),
                                     site_dir=str(Path(site_dir).resolve()), site_url=site_url or None)
        if cfg["nav"]:
            cfg["nav"] = resolvable_nav(cfg["nav"], Path(docs_dir), config_file)
        built = build_pages(engine, cfg, previous, context, recycled)
    except exceptions.MkDocsException as exc:
        raise BuildError(f"the site could not be built: {exc}") from None
    except SystemExit as exc:  # MkDocs aborts on config errors via click
        raise BuildError(f"the site could not be built ({engine.name} exited with status {exc.code})") from None
    finally:
        eng_log.removeHandler(handler)
    return handler.messages, built


def serve(engine: Engine, config: Path, dev_addr: str, **options) -> None:
    """Serve the site with live reload until interrupted. ``options`` override the configuration
    (docs_dir, nav, hooks) for the engines that run in this process; Zensical reads its own."""
    if not engine.in_process:
        command = zensical_command()
        subprocess.run([*command, "serve", "-f", str(config), "-a", dev_addr], check=False)
        return
    _module(engine, "commands.serve").serve(str(config), dev_addr=dev_addr, livereload=True, **options)


def build_pages(engine: Engine, cfg, previous: Previous | None, context: str | None,
                recycled: bool = False) -> Result:
    """Build the site of a loaded config (``cfg``) into its empty ``site_dir``.

    As ``mkdocs build`` does: warnings abort a ``strict`` build, and plugins hear of errors.
    ``recycled``: ``site_dir`` is not empty but an old site whose folders are reused (only when
    :func:`generator.mkbuild.reuse_blocker` finds nothing, so no plugin writes into it): before
    anything is written, every file in it is deleted but the pages that are already what this build
    would link there (see :func:`generator.mkbuild.clear_tree`).
    """
    exceptions = _module(engine, "exceptions")
    utils = _module(engine, "utils")

    counter = utils.CountHandler()
    counter.setLevel(logging.WARNING)
    if cfg.strict:
        logging.getLogger(engine.logger).addHandler(counter)
    try:
        result = _build(engine, cfg, previous, context, recycled)
        if counts := counter.get_counts():
            raise exceptions.Abort("Aborted with " + ", ".join(f"{v} {k.lower()}s" for k, v in counts)
                                   + " in strict mode!")
        return result
    except Exception as exc:
        cfg.plugins.on_build_error(error=exc)
        if isinstance(exc, exceptions.BuildError):
            raise exceptions.Abort(str(exc)) from None
        raise
    finally:
        logging.getLogger(engine.logger).removeHandler(counter)


def _build(engine: Engine, cfg, previous: Previous | None, context: str | None, recycled: bool = False) -> Result:
    commands = _module(engine, "commands.build")
    _build_extra_template, _build_page = commands._build_extra_template, commands._build_page
    _build_theme_template, _populate_page = commands._build_theme_template, commands._populate_page
    files_mod = _module(engine, "structure.files")
    InclusionLevel, get_files, set_exclusions = files_mod.InclusionLevel, files_mod.get_files, files_mod.set_exclusions
    get_navigation = _module(engine, "structure.nav").get_navigation
    Page = _module(engine, "structure.pages").Page

    result = Result()
    config = cfg.plugins.on_config(cfg)
    config.plugins.on_pre_build(config=config)
    files = get_files(config)
    env = config.theme.get_env()
    files.add_files_from_theme(env, config)
    files = config.plugins.on_files(files, config=config)
    set_exclusions(files, config)
    nav = get_navigation(files, config)
    nav = config.plugins.on_nav(nav, config=config, files=files)

    doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
    # With no plugin to see all pages at once, each page is read, rendered, written and let go in
    # turn: memory stays flat however many pages there are (MkDocs holds every page's HTML).
    stream = mkbuild.reuse_blocker(cfg) is None
    reusable = previous is not None and context is not None and previous.context == context
    sources: dict[str, bytes] = {}

    def source(file) -> bytes:
        if file.src_uri not in sources:
            with open(file.abs_src_path, "rb") as handle:
                sources[file.src_uri] = handle.read()
        return sources[file.src_uri]

    if context is not None:
        known = previous.ids if reusable else {}
        for file in doc_files:
            src = file.src_uri
            result.ids[src] = ident = mkbuild.file_id(os.stat(file.abs_src_path))
            if known.get(src) == ident and src in previous.pages:  # the same file: the same bytes
                result.pages[src] = previous.pages[src]
            else:
                result.pages[src] = mkbuild.page_key(context, src, source(file))
    changed_names: set[bytes] = set()
    if reusable:
        appeared = set(result.pages).symmetric_difference(previous.pages)
        for src in appeared:
            changed_names.update(n.encode("utf-8") for n in mkbuild._names(src))

    def reuse_from(file) -> Path | None:
        if not reusable:
            return None
        if previous.pages.get(file.src_uri) != result.pages.get(file.src_uri):
            return None
        if changed_names and mkbuild._mentions_any(source(file), changed_names):
            return None
        old = previous.site / file.dest_uri
        return old if old.is_file() else None

    plan: dict[str, Path | None] = {}
    for file in doc_files:
        if file.page is None and file.inclusion.is_not_in_nav():
            Page(None, file, config)
        plan[file.src_uri] = reuse_from(file)
        if plan[file.src_uri] is None and not stream:
            _populate_page(file.page, config, files)
    sources.clear()

    kept: set[str] = set()
    if recycled:
        for file in doc_files:
            old = plan[file.src_uri]
            if old is not None and mkbuild._same_file(Path(file.abs_dest_path), old):
                kept.add(file.dest_uri)  # a POSIX path relative to site_dir, as clear_tree takes them
        result.emptied = mkbuild.clear_tree(Path(config.site_dir), kept)

    env = config.plugins.on_env(env, config=config, files=files)
    files.copy_static_files(inclusion=InclusionLevel.is_included)
    for template in config.theme.static_templates:
        _build_theme_template(template, env, files, config, nav)
    for template in config.extra_templates:
        _build_extra_template(template, files, config, nav)

    for file in doc_files:
        old = plan[file.src_uri]
        if old is None:
            if stream:
                _populate_page(file.page, config, files)
            _build_page(file.page, config, doc_files, nav, env, excluded=file.inclusion.is_excluded())
            if stream:  # written: let its text go, keep what anchor validation needs
                file.page.markdown = file.page.content = None
                file.page.toc = []
            result.rendered += 1
        else:
            if file.dest_uri not in kept:
                mkbuild.link_or_copy(old, Path(file.abs_dest_path))
            result.reused += 1
    level = config.validation.links.anchors
    for file in doc_files:
        if plan[file.src_uri] is None:
            file.page.validate_anchor_links(files=files, log_level=level)
    config.plugins.on_post_build(config=config)
    log.debug("site: %d pages rendered, %d reused from the previous build", result.rendered, result.reused)
    return result


# --- Zensical ---------------------------------------------------------------------------------

def zensical_command() -> list[str] | None:
    """The zensical program: $BRIEFINGS_ZENSICAL, else beside this interpreter, else on PATH."""
    path = os.environ.get("BRIEFINGS_ZENSICAL")
    if path:
        return [path] if Path(path).is_file() else None
    beside = Path(sys.executable).parent / "zensical"
    if beside.is_file():
        return [str(beside)]
    found = shutil.which("zensical")
    return [found] if found else None


def zensical_config(config_file: Path, docs_dir: Path, site_dir: Path, site_url: str | None) -> tuple[Path, str]:
    """The project folder Zensical runs in, and the text of the configuration it reads there.

    A copy of ``config_file`` naming ``docs_dir`` and ``site_dir``; with ``plugins: []`` the copy
    switches Zensical's search off, which it turns on unless told: search is Pagefind's
    (generator.search). Zensical wants ``docs_dir`` and ``site_dir`` relative to its project folder
    (the configuration's) and inside it: the folder is the one that holds both (the project
    folder, as the generator lays them out), and the theme's ``custom_dir`` is made absolute."""
    import yaml

    config_file = Path(config_file).resolve()
    site_dir = Path(site_dir).resolve()
    docs_dir = Path(docs_dir).resolve()
    root = Path(os.path.commonpath([docs_dir, site_dir]))
    with open(config_file, "rb") as handle:
        text = handle.read().decode("utf-8")
    overrides = {"docs_dir": docs_dir.relative_to(root).as_posix(), "site_dir": site_dir.relative_to(root).as_posix()}
    if site_url:
        overrides["site_url"] = site_url
    with open(config_file, "rb") as handle:
        nav = (yaml_load(handle) or {}).get("nav")
    if nav:  # as for MkDocs: pages the docs folder lacks are left out, with a warning (no dead links)
        overrides["nav"] = resolvable_nav(nav, docs_dir, config_file) or []
    lines = []
    skipping = False
    for line in text.splitlines():
        if skipping and (not line.strip() or line[0] in " \t#-"):
            continue  # the rest of an overridden block (nav:)
        skipping = False
        if any(line.startswith(f"{key}:") for key in overrides):
            skipping = True
            continue
        if line.split("#")[0].strip() == "plugins: []":  # no plugins: Zensical's search off too (Pagefind's)
            lines += ["plugins:", "  - search:", "      enabled: false"]
            continue
        stripped = line.lstrip()
        if stripped.startswith("custom_dir:"):
            value = yaml.safe_load(stripped[len("custom_dir:"):]) or ""
            line = line[:len(line) - len(stripped)] + "custom_dir: " + json.dumps(
                str((config_file.parent / str(value)).resolve()))
        lines.append(line)
    lines += [f"{key}: {json.dumps(value)}" for key, value in overrides.items()]
    return root, "\n".join(lines) + "\n"


def _build_zensical(config_file: Path, docs_dir: Path, site_dir: Path, site_url: str | None) -> list[str]:
    """``zensical build`` of the configuration :func:`zensical_config` writes, in a temporary file
    of the project folder. Zensical keeps its own cache in ``.cache/`` of that folder, which it
    deletes only with ``--clean`` (this never passes it; the generator's cache is elsewhere)."""
    config_file = Path(config_file).resolve()
    site_dir = Path(site_dir).resolve()
    root, text = zensical_config(config_file, docs_dir, site_dir, site_url)
    fd, tmp = tempfile.mkstemp(prefix=".zensical-", suffix=".yml", dir=root)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        done = subprocess.run([*zensical_command(), "build", "-f", tmp], capture_output=True, text=True,
                              stdin=subprocess.DEVNULL, check=False, cwd=root)
    finally:
        os.unlink(tmp)
    output = (done.stdout or "") + (done.stderr or "")
    if done.returncode != 0:
        raise BuildError(f"the site could not be built: zensical exited with status {done.returncode}: "
                         f"{output.strip()[-2000:]}")
    # Zensical writes its search index even with its search off; Pagefind serves search then.
    search_json = site_dir / "search.json"
    if search_json.is_file() and not _zensical_search_on(config_file):
        search_json.unlink()
    return [line.strip() for line in output.splitlines() if "warning" in line.lower()]


def _zensical_search_on(config_file: Path) -> bool:
    with open(config_file, "rb") as handle:
        config = yaml_load(handle) or {}
    for item in config.get("plugins") or []:
        name, options = (item, {}) if isinstance(item, str) else next(iter(item.items()), ("", {}))
        if name in ("search", "material/search"):
            return (options or {}).get("enabled", True) is not False
    return bool(config.get("plugins", True))  # on unless told, but the build switches it off for plugins: []
