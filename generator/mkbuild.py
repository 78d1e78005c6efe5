"""Which pages of MkDocs' build can be reused from the previous build, and how.

MkDocs has no correct incremental build: ``mkdocs build --dirty`` decides by file times, leaves
pages stale whose inputs changed elsewhere, and drops every other page from the search index.
generator.engine runs the same steps as ``mkdocs.commands.build.build`` (MkDocs 1.6 or a fork
that keeps its build internals: ProperDocs, MkDocs NG) into an empty folder, with one difference: a
page whose *render key* is the one it had in the previous build is not read, converted or rendered
again; its previous output file is linked (or copied) into the new site instead. This module holds
the engine-free part: the keys, the conditions, and the file operations.

A page's render key is a SHA-256 of its Markdown bytes, its path, and the *context key* that stands
for everything else its HTML depends on: the MkDocs configuration, the theme and its overrides,
the site address, the engine and the versions of MkDocs (or its fork), Material, Markdown and the
generator. The output of a
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
    if [item for item in plugins if not _switched_off(item, config)]:
        return "plugins are configured"
    if config.get("hooks"):
        return "hooks are configured"
    for ext in config.get("markdown_extensions") or []:
        name = ext if isinstance(ext, str) else next(iter(ext), "") if isinstance(ext, dict) else ""
        if any(word in str(name).lower() for word in _READS_FILES):
            return f"the Markdown extension {name} reads other files"
    return None


def _switched_off(item, config: dict) -> bool:
    """A search plugin entry with ``enabled: false`` under Material (whose search plugin MkDocs takes
    "search" for, and which then does nothing): it is there to switch Zensical's search off."""
    theme = config.get("theme")
    theme_name = theme.get("name") if isinstance(theme, dict) else theme
    if theme_name != "material" or not isinstance(item, dict) or len(item) != 1:
        return False
    name, options = next(iter(item.items()))
    return name in ("search", "material/search") and isinstance(options, dict) and options.get("enabled") is False


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


def resolvable_nav(nav, docs: Path, config_file: Path):
    """The navigation without the pages it names that are not in ``docs`` (e.g. about.md when
    --docs is a fresh folder), each left out with a warning, so that no page of the site links to
    a page that does not exist. A section left empty goes too; links to other sites stay."""
    def keep(item):
        if isinstance(item, str):
            if nav_files(item) and not (docs / item).is_file():
                log.warning("warning: %s: the navigation names %s, which is not in the docs folder; it is left "
                            "out of the navigation (add the page to the docs folder to show it)", config_file, item)
                return None
            return item
        if isinstance(item, list):
            kept = [k for k in (keep(i) for i in item) if k is not None]
            return kept or None
        if isinstance(item, dict):
            kept = {key: k for key, value in item.items() if (k := keep(value)) is not None}
            return kept or None
        return item

    return keep(nav) or None
