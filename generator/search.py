"""Site search that stays small: a Pagefind index built over the finished site.

Material's own search ships one JSON index of every page's full text (about 14 KB per briefing),
downloaded whole before the first result: 70 MB at 5,000 briefings. Pagefind splits its index into
chunks and each page's text into its own fragment, so a reader downloads only the chunks for the
words typed and the fragments of the results shown (tens of kilobytes, whatever the site's size).

The index covers the briefing pages and the user's own pages. Listing pages (home, topics,
people, archive) are left out: their text is made of the briefings' titles and summaries, which are
found on the briefings themselves, and their fragments grow with the number of briefings. Only the
page's content (``<article>``) is indexed, not the header, navigation or footer, so every title,
topic, person and quotation of a briefing is searchable.

The Pagefind binary comes from the pinned ``pagefind[bin]`` Python package. The search box that
queries it is ``theme/partials/search.html`` with ``theme/assets/search.js``.
"""
from __future__ import annotations

import logging
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from generator.errors import BuildError

log = logging.getLogger(__name__)

BUNDLE = "pagefind"  # folder of the index inside the site
ROOT_SELECTOR = "article"  # Material's page content
EXCLUDE = ".headerlink"  # the ¶ of permalinks


def pagefind_command() -> list[str]:
    try:
        from pagefind_bin import get_executable

        return [str(get_executable())]
    except (ImportError, FileNotFoundError):
        return [sys.executable, "-m", "pagefind_bin"]


def material_search_enabled(config: dict) -> bool:
    """Whether the MkDocs configuration builds Material's own search index instead."""
    for item in config.get("plugins") or []:
        name, options = (item, {}) if isinstance(item, str) else next(iter(item.items()), ("", {}))
        if name in ("search", "material/search"):
            return (options or {}).get("enabled", True) is not False
    return "plugins" not in config  # MkDocs enables its search plugin when no plugins are listed


def html_path(md_rel: str, use_directory_urls: bool = True) -> str:
    """The built page of a Markdown file: ``a/b.md`` -> ``a/b/index.html``."""
    p = PurePosixPath(md_rel)
    stem = p.with_suffix("")
    if not use_directory_urls:
        return stem.as_posix() + ".html"
    if p.stem in ("index", "README"):
        return (p.parent / "index.html").as_posix()
    return (stem / "index.html").as_posix()


def indexed_glob(pages: Iterable[str], use_directory_urls: bool = True) -> str:
    """A Pagefind glob for the briefings and the given (hand-written) Markdown pages."""
    parts = ["briefings/**/*.html"]
    for rel in sorted(pages):
        path = html_path(rel, use_directory_urls)
        if not path.startswith("briefings/") and not any(c in path for c in "{},*?[]\\"):
            parts.append(path)
    return "{" + ",".join(parts) + "}"


def index_site(site_dir: Path, pages: Iterable[str], use_directory_urls: bool = True) -> None:
    """Write the Pagefind index of ``site_dir`` into ``site_dir/pagefind``; BuildError on failure."""
    cmd = [*pagefind_command(), "--site", str(site_dir), "--output-subdir", BUNDLE,
           "--glob", indexed_glob(pages, use_directory_urls), "--root-selector", ROOT_SELECTOR,
           "--exclude-selectors", EXCLUDE, "--silent"]
    try:
        result = subprocess.run(cmd, capture_output=True, text=True, timeout=3600, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise BuildError(f"the search index could not be built: {exc}") from None
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()
        raise BuildError("the search index could not be built (pagefind: "
                         f"{detail[-1] if detail else 'exit status ' + str(result.returncode)})")
