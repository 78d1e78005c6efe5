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

**Shards.** Pagefind holds the whole index in memory while it writes it (about 2 GB for 5,000
briefings) and has no incremental mode. So the pages are split into shards of at most
``SHARD_PAGES`` (by a hash of their path; the number of shards is a power of two, so a growing site
splits each shard in two) and Pagefind indexes each shard on its own, into its own bundle:
``pagefind/`` and ``pagefind-1/`` ... ``pagefind/shards.json`` names the others, and the search
box merges them in (Pagefind's ``mergeIndex``), so a query still fetches only the chunks for its
words, once per shard. A shard whose pages are, in everything Pagefind reads of them, those of the
previous build is linked from the previous site instead of indexed again (:func:`indexed_digest`):
editing one article re-indexes its own shard, not those of the pages whose related briefings changed.

The Pagefind binary comes from the pinned ``pagefind[bin]`` Python package. The search box that
queries it is ``theme/partials/search.html`` with ``theme/assets/search.js``.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from generator.errors import BuildError
from generator.mkbuild import file_id, link_or_copy

log = logging.getLogger(__name__)

BUNDLE = "pagefind"  # folder of the (first) index bundle inside the site
SHARDS = "shards.json"  # in BUNDLE: the other bundles, which the search box merges in
SHARD_PAGES = 800  # pages per shard, at most (on average, between half and all of it)
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


def indexed_pages(site_dir: Path, pages: Iterable[str], use_directory_urls: bool = True) -> list[str]:
    """The built pages to index (relative to the site): every briefing and the given hand-written pages."""
    found = {p.relative_to(site_dir).as_posix() for p in (site_dir / "briefings").rglob("*.html")}
    for rel in pages:
        path = html_path(rel, use_directory_urls)
        if (site_dir / path).is_file():
            found.add(path)
    return sorted(found)


def shard_count(pages: int) -> int:
    """How many bundles the index is split into: a power of two, so that growing splits each shard in two."""
    count = 1
    while pages > count * SHARD_PAGES:
        count *= 2
    return count


def shard_of(rel: str, count: int) -> int:
    """A page's shard: stable for a page, whatever else is on the site."""
    return int(hashlib.sha256(rel.encode("utf-8", "surrogateescape")).hexdigest()[:8], 16) % count


def bundle_name(shard: int) -> str:
    return BUNDLE if shard == 0 else f"{BUNDLE}-{shard}"


# What Pagefind reads of a page: the <html> tag (its lang picks the index's language), the <title>
# (used when the content has no <h1>) and the content element, ROOT_SELECTOR: the first <article>,
# which holds Material's page content (and the briefing's own <article> inside it) and closes last.
_HEAD_READ = re.compile(rb"<html[^>]*>|<title[^>]*>.*?</title>", re.S)
# Related briefings (generator.render._related) and the story section (generator.storypages):
# data-pagefind-ignore'd links to other pages, which change when those pages come, go or change,
# and add nothing to the index.
_RELATED_ITEM = re.compile(rb'<li class="briefing-related"[^>]*>.*?</li>|<p class="briefing-story"[^>]*>.*?</p>', re.S)


def indexed_digest(html: bytes) -> bytes:
    """A digest of what Pagefind indexes of a page: pages with the same digest (and path) give the
    same index. Everything outside the content element (navigation, header, footer, previous and
    next links) and the related-briefings items are left out, so a page whose only change is there
    does not cause its shard to be indexed again."""
    start, end = html.find(b"<article"), html.rfind(b"</article>")
    if start < 0 or end < start:
        return hashlib.sha256(html).digest()
    h = hashlib.sha256()
    for part in _HEAD_READ.findall(html, 0, start):
        h.update(part + b"\0")
    h.update(b"\1")
    h.update(_RELATED_ITEM.sub(b"", html[start:end]))
    return h.digest()


def _shard_key(site_dir: Path, rels: list[str], known: dict[str, list], digests: dict[str, list]) -> str:
    """The key of a shard. ``known``: page -> file_id + digest from the previous build, for pages
    that may still be links to its files (see generator.mkbuild.file_id); ``digests`` gets this
    build's."""
    h = hashlib.sha256()
    h.update(json.dumps([ROOT_SELECTOR, EXCLUDE, _pagefind_version(), 2]).encode())
    for rel in rels:
        h.update(rel.encode("utf-8", "surrogateescape") + b"\0")
        path = site_dir / rel
        ident = file_id(path.stat())
        old = known.get(rel)
        if isinstance(old, list) and len(old) == 5 and old[:4] == ident and isinstance(old[4], str):
            digest = old[4]
        else:
            digest = indexed_digest(path.read_bytes()).hex()
        digests[rel] = [*ident, digest]
        h.update(digest.encode())
    return h.hexdigest()


def _pagefind_version() -> str | None:
    try:
        from importlib.metadata import version

        return version("pagefind-bin")
    except Exception:  # noqa: BLE001 - no version: keys still cover the options and pages
        return None


def index_site(site_dir: Path, pages: Iterable[str], use_directory_urls: bool = True, *,
               previous: dict[str, str] | None = None, previous_site: Path | None = None,
               previous_pages: dict[str, list] | None = None, pages_out: dict[str, list] | None = None
               ) -> dict[str, str]:
    """Write the Pagefind index of ``site_dir``, split in shards; returns each shard's key.

    A shard whose pages read, to Pagefind, as those of the previous build (same key in ``previous``) is
    linked from ``previous_site`` instead of indexed again. BuildError on failure.

    ``pages_out`` receives each page's file id and digest; given back as ``previous_pages`` (while
    ``previous_site`` is still in place and untouched), pages linked from it are not read again.
    """
    rels = indexed_pages(site_dir, pages, use_directory_urls)
    count = shard_count(len(rels))
    shards: list[list[str]] = [[] for _ in range(count)]
    for rel in rels:
        shards[0 if not rel.startswith("briefings/") else shard_of(rel, count)].append(rel)
    if rels and not shards[0]:  # the first bundle carries Pagefind's script: never empty
        donor = next(members for members in shards if members)
        shards[0].append(donor.pop(0))
    keys: dict[str, str] = {}
    for number, members in enumerate(shards):
        if not members:
            continue  # Pagefind refuses an empty index; the search box merges only the bundles listed
        name = bundle_name(number)
        keys[name] = key = _shard_key(site_dir, members, (previous_pages or {}) if previous_site else {},
                                      pages_out if pages_out is not None else {})
        old = previous_site / name if previous_site is not None else None
        if previous and previous.get(name) == key and old is not None and (old / "pagefind-entry.json").is_file():
            _link_tree(old, site_dir / name)
            log.debug("search: %s reused (%d pages)", name, len(members))
        else:
            _index_pages(site_dir, members, site_dir / name)
            log.debug("search: %s indexed (%d pages)", name, len(members))
    if not rels:
        return keys
    others = [bundle_name(n) + "/" for n in range(1, count) if shards[n]]
    manifest = site_dir / BUNDLE / SHARDS
    manifest.unlink(missing_ok=True)  # never write through a link into the previous site
    manifest.write_text(json.dumps({"bundles": others}) + "\n", encoding="utf-8")
    return keys


def _index_pages(site_dir: Path, rels: list[str], output: Path) -> None:
    """Run Pagefind over exactly these pages of the site (linked into a scratch folder, same URLs)."""
    scratch = Path(tempfile.mkdtemp(prefix=".pagefind-", dir=site_dir.parent))
    try:
        for rel in rels:
            link_or_copy(site_dir / rel, scratch / rel)
        cmd = [*pagefind_command(), "--site", str(scratch), "--output-path", str(output),
               "--root-selector", ROOT_SELECTOR, "--exclude-selectors", EXCLUDE, "--silent"]
        try:
            result = subprocess.run(cmd, capture_output=True, text=True, timeout=3600, stdin=subprocess.DEVNULL)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise BuildError(f"the search index could not be built: {exc}") from None
        if result.returncode != 0:
            detail = (result.stderr or result.stdout).strip().splitlines()
            raise BuildError("the search index could not be built (pagefind: "
                             f"{detail[-1] if detail else 'exit status ' + str(result.returncode)})")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _link_tree(old: Path, new: Path) -> None:
    for root, _dirs, files in os.walk(old):
        target_root = new / Path(root).relative_to(old)
        target_root.mkdir(parents=True, exist_ok=True)
        for name in files:
            if root == str(old) and name == SHARDS:
                continue
            link_or_copy(Path(root) / name, target_root / name)
