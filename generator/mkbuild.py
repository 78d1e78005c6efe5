"""MkDocs' build, page by page, reusing the pages whose output cannot have changed.

MkDocs has no correct incremental build: ``mkdocs build --dirty`` decides by file times, leaves
pages stale whose inputs changed elsewhere, and drops every other page from the search index. This
module runs the same steps as ``mkdocs.commands.build.build`` (MkDocs 1.6, whose private page
functions it calls) into an empty folder, with one difference: a page whose *render key* is the one
it had in the previous build is not read, converted or rendered again; its previous output file is
linked (or copied) into the new site instead.

A page's render key is a SHA-256 of its Markdown bytes, its path, and the *context key* that stands
for everything else its HTML depends on: the MkDocs configuration, the theme and its overrides,
the site address, the versions of MkDocs, Material, Markdown and the generator. The output of a
page depends on nothing else when:

- the navigation is an explicit ``nav:`` whose entries all carry their titles, so that it and
  the previous/next links of the pages in it are fixed by the configuration; which of its files
  exist is part of the context key (see :func:`nav_files`);
- no MkDocs plugin or hook is configured (a plugin may make any page depend on any other), and no
  Markdown extension reads other files (snippets, includes);
- the links the page makes resolve to the same files: a page that names a file added or removed
  since the previous build is rendered again.

When any of these does not hold, :func:`reuse_blocker` says why and every page is rendered, as in
a plain ``mkdocs build``. Theme templates (404 page, sitemap) and static files are always written.
"""
from __future__ import annotations

import hashlib
import logging
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import quote

log = logging.getLogger(__name__)

# Markdown extensions that read other files: a page using them depends on more than its own source.
_READS_FILES = ("snippets", "include")


@dataclass
class Previous:
    """What the previous build left: its site folder, context key and each page's render key."""

    site: Path
    context: str
    pages: dict[str, str]
    search: dict[str, str] = field(default_factory=dict)  # search bundle -> key (generator.search)
    # src_uri -> file_id of its Markdown file then; only when docs/ is as that build left it
    ids: dict[str, list[int]] = field(default_factory=dict)
    search_pages: dict[str, list] = field(default_factory=dict)  # site page -> file_id + digest (generator.search)


@dataclass
class Result:
    pages: dict[str, str] = field(default_factory=dict)  # src_uri -> render key, for the next build
    ids: dict[str, list[int]] = field(default_factory=dict)  # src_uri -> file_id of its Markdown file
    rendered: int = 0
    reused: int = 0
    # recycled builds: the folders emptied before the build, deepest first (see remove_empty)
    emptied: list[Path] = field(default_factory=list)


def reuse_blocker(config: dict) -> str | None:
    """Why pages of this configuration cannot be reused, or None when they can."""
    nav = config.get("nav")
    if not nav:
        return "the configuration has no explicit nav: every page lists every other"
    if _untitled(nav):
        return "a nav entry has no title, so the navigation shows a title read from a page"
    plugins = config.get("plugins")
    if plugins is None:
        return "MkDocs' default search plugin is on"
    if plugins:
        return "plugins are configured"
    if config.get("hooks"):
        return "hooks are configured"
    for ext in config.get("markdown_extensions") or []:
        name = ext if isinstance(ext, str) else next(iter(ext), "") if isinstance(ext, dict) else ""
        if any(word in str(name).lower() for word in _READS_FILES):
            return f"the Markdown extension {name} reads other files"
    return None


def nav_files(nav) -> list[str]:
    """The docs-relative paths the navigation names (not external links)."""
    if isinstance(nav, str):
        return [] if "://" in nav or nav.startswith(("/", "#", "mailto:")) else [nav]
    if isinstance(nav, list):
        return [path for item in nav for path in nav_files(item)]
    if isinstance(nav, dict):
        return [path for value in nav.values() for path in nav_files(value)]
    return []


def _untitled(nav) -> bool:
    if isinstance(nav, str):
        return True
    if isinstance(nav, list):
        return any(_untitled(item) for item in nav)
    if isinstance(nav, dict):
        return any(isinstance(v, list) and _untitled(v) for v in nav.values())
    return False


def file_id(st: os.stat_result) -> list[int]:
    """Device, inode, size and modification time of a file.

    A file of the new tree with the file_id a file of the previous tree had *is* that file, linked
    (so its bytes are the same), as long as the previous tree is still there and untouched since its
    build recorded the ids: two live files never share a device and inode. Builds keep the previous
    docs/ and site/ until the new ones are complete, and check them against their stamp.
    """
    return [st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns]


def page_key(context: str, src_uri: str, source: bytes) -> str:
    h = hashlib.sha256()
    for part in (context.encode(), src_uri.encode("utf-8", "surrogateescape"), source):
        h.update(len(part).to_bytes(8, "little"))
        h.update(part)
    return h.hexdigest()


def _names(src_uri: str) -> set[str]:
    """Strings one of which any link MkDocs resolves to this file must contain: its file name."""
    name = PurePosixPath(src_uri).name
    return {name, quote(name)}


def _mentions_any(source: bytes, names: set[bytes]) -> bool:
    return any(n in source for n in names)


def build(cfg, previous: Previous | None, context: str | None, recycled: bool = False) -> Result:
    """Build the site of a loaded MkDocs config (``cfg``) into its empty ``site_dir``.

    As ``mkdocs build`` does: warnings abort a ``strict`` build, and plugins hear of errors.
    ``recycled``: ``site_dir`` is not empty but an old site whose folders are reused (only when
    :func:`reuse_blocker` finds nothing, so no plugin writes into it): before anything is written,
    every file in it is deleted but the pages that are already what this build would link there
    (see :func:`clear_tree`).
    """
    from mkdocs.exceptions import Abort, BuildError
    from mkdocs.utils import CountHandler

    counter = CountHandler()
    counter.setLevel(logging.WARNING)
    if cfg.strict:
        logging.getLogger("mkdocs").addHandler(counter)
    try:
        result = _build(cfg, previous, context, recycled)
        if counts := counter.get_counts():
            raise Abort("Aborted with " + ", ".join(f"{v} {k.lower()}s" for k, v in counts) + " in strict mode!")
        return result
    except Exception as exc:
        cfg.plugins.on_build_error(error=exc)
        if isinstance(exc, BuildError):
            raise Abort(str(exc)) from None
        raise
    finally:
        logging.getLogger("mkdocs").removeHandler(counter)


def _build(cfg, previous: Previous | None, context: str | None, recycled: bool = False) -> Result:
    from mkdocs.commands.build import _build_extra_template, _build_page, _build_theme_template, _populate_page
    from mkdocs.structure.files import InclusionLevel, get_files, set_exclusions
    from mkdocs.structure.nav import get_navigation
    from mkdocs.structure.pages import Page

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
    stream = reuse_blocker(cfg) is None
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
            result.ids[src] = ident = file_id(os.stat(file.abs_src_path))
            if known.get(src) == ident and src in previous.pages:  # the same file: the same bytes
                result.pages[src] = previous.pages[src]
            else:
                result.pages[src] = page_key(context, src, source(file))
    changed_names: set[bytes] = set()
    if reusable:
        appeared = set(result.pages).symmetric_difference(previous.pages)
        for src in appeared:
            changed_names.update(n.encode("utf-8") for n in _names(src))

    def reuse_from(file) -> Path | None:
        if not reusable:
            return None
        if previous.pages.get(file.src_uri) != result.pages.get(file.src_uri):
            return None
        if changed_names and _mentions_any(source(file), changed_names):
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
            if old is not None and _same_file(Path(file.abs_dest_path), old):
                kept.add(file.dest_uri)  # a POSIX path relative to site_dir, as clear_tree takes them
        result.emptied = clear_tree(Path(config.site_dir), kept)

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
                link_or_copy(old, Path(file.abs_dest_path))
            result.reused += 1
    level = config.validation.links.anchors
    for file in doc_files:
        if plan[file.src_uri] is None:
            file.page.validate_anchor_links(files=files, log_level=level)
    config.plugins.on_post_build(config=config)
    log.debug("site: %d pages rendered, %d reused from the previous build", result.rendered, result.reused)
    return result


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samestat(os.stat(a), os.stat(b))
    except OSError:
        return False


def clear_tree(root: Path, keep: set[str]) -> list[Path]:
    """Delete every file under ``root`` except those in ``keep`` (paths relative to it), leaving
    the folders; return the folders left with nothing kept in them, deepest first.

    This is how a site folder is recycled: creating a folder costs far more than keeping one (on
    ext4 without a journal, creating any inode skips over every inode freed in the last minutes;
    1 to 6 minutes after deleting a 5,000-briefing site, its 13,000 folders took 2 s to make
    again), and a site whose pages have their own folders (``use_directory_urls``) has as many
    folders as pages. No file is ever written into: each is deleted first, so a hard link into
    another tree (the live site) is never written through.
    """
    emptied: list[Path] = []
    has_kept: dict[str, bool] = {}
    for top, dirs, files in os.walk(root, topdown=False):
        rel_top = os.path.relpath(top, root)
        prefix = "" if rel_top == "." else rel_top.replace(os.sep, "/") + "/"
        kept_here = False
        for name in files:
            if prefix + name in keep:
                kept_here = True
            else:
                os.unlink(os.path.join(top, name))
        for name in dirs:
            path = os.path.join(top, name)
            if os.path.islink(path):  # a link to a folder: listed among folders, not walked
                os.unlink(path)
            elif has_kept.pop(prefix + name, False):
                kept_here = True
        has_kept[prefix[:-1]] = kept_here
        if not kept_here and top != str(root):
            emptied.append(Path(top))
    return emptied


def remove_empty(folders: list[Path]) -> None:
    """Remove those of ``folders`` (deepest first) that are empty now."""
    for folder in folders:
        try:
            os.rmdir(folder)
        except OSError:  # not empty: the build wrote into it
            pass


def link_or_copy(old: Path, new: Path) -> None:
    """``new`` as a hard link to ``old`` (a copy where links are not possible); its folder is made."""
    new.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(old, new)
    except OSError:
        shutil.copy2(old, new)
