"""Site search that stays small: a Pagefind index built over the finished site.

Material's own search ships one JSON index of every page's full text (about 14 KB per briefing),
downloaded whole before the first result: 70 MB at 5,000 briefings. Pagefind splits its index into
chunks and each page's text into its own fragment, so a reader downloads only the chunks for the
words typed and the fragments of the results shown (tens of kilobytes, whatever the site's size).

The index covers the briefing pages and the user's own pages. Listing pages (home, archive, the
indexes of topics, people, stories and outlets) are left out: their text is made of the briefings'
titles and summaries, which are found on the briefings themselves, and their fragments grow with
the number of briefings. Only the page's content (``<article>``) is indexed, not the header,
navigation or footer, so every title, topic, person and quotation of a briefing is searchable.

**Name pages.** The page of each person, topic, story and outlet (``<folder>/<slug>/``, for the
folders of ``NAME_FOLDERS``; their numbered pages left out) is found by its name: Pagefind indexes,
at its URL, a stub holding only the page's ``<h1>`` (weighted up) and its kind as metadata
(:func:`name_stub`), not its lists, which are the briefings' text again and change with every new
briefing. A name page's entry therefore changes only when its name does. The stubs have bundles of
their own (after the briefings' shards, ``NAME_SHARD_PAGES`` stubs each): a new article that brings
a new topic or person re-indexes its own shard and one small bundle of names, never the shards of
other briefings. The rule is by path, so a new kind of page under one of these folders is included
without naming it anywhere else.

**Filters and sort.** A briefing page carries, hidden in its content (``theme/briefing.html``),
Pagefind filters for its outlet, topics, people, language and year, and its date as a sort key and
as metadata; the search box shows them as filter and sort controls (``theme/assets/search.js``).

**Shards.** Pagefind holds the whole index in memory while it writes it (about 2 GB for 5,000
briefings) and has no incremental mode. So the pages are split into shards of at most
``SHARD_PAGES`` pages (name pages apart, above), by a hash of their path; the number of shards is a power of two, so a growing site splits each shard in two.
Pagefind indexes each shard on its own, into its own bundle: ``pagefind/`` and ``pagefind-1/``
... ``pagefind/shards.json`` names the others, and the search box merges them in (Pagefind's
``mergeIndex``, which also adds up their filter counts), so a query still fetches only the chunks
for its words, once per shard. A shard whose pages are, in everything Pagefind reads of them, those of the
previous build is linked from the previous site instead of indexed again (:func:`indexed_digest`):
editing one article re-indexes its own shard, not those of the pages whose related briefings changed.

The Pagefind binary comes from the pinned ``pagefind[bin]`` Python package. The search box that
queries it is ``theme/partials/search.html`` with ``theme/assets/search.js``.
"""
from __future__ import annotations

import hashlib
import html as _html
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
# Folders whose pages, one per name (``<folder>/<slug>/``), are indexed by their name: the kind of
# page each holds, shown beside the result.
NAME_FOLDERS = {"people": "Person", "topics": "Topic", "stories": "Story", "outlets": "Outlet"}
NAME_WEIGHT = 10  # Pagefind's weight of a name page's name (a <h1> weighs 7 by default)
NAME_SHARD_PAGES = 2000  # name pages per bundle, at most (a stub is a few words; Pagefind takes ~1 ms each)


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
    """The built pages to index (relative to the site): every briefing, the given hand-written
    pages, and the name pages (see :func:`name_kind`)."""
    found = {p.relative_to(site_dir).as_posix() for p in (site_dir / "briefings").rglob("*.html")}
    for rel in pages:
        path = html_path(rel, use_directory_urls)
        if (site_dir / path).is_file():
            found.add(path)
    for folder in sorted(NAME_FOLDERS):
        top = site_dir / folder
        if not top.is_dir():
            continue
        with os.scandir(top) as entries:  # one level: a name page is <folder>/<slug>/index.html
            for entry in entries:
                rel = f"{folder}/{entry.name}/index.html" if entry.is_dir() else f"{folder}/{entry.name}"
                if name_kind(rel) and (site_dir / rel).is_file():
                    found.add(rel)
    return sorted(found)


def name_kind(rel: str) -> str | None:
    """The kind of name page at ``rel`` (a path in the site), or None: a page of its own directly
    under one of ``NAME_FOLDERS`` (``people/ana-ruiz/index.html``, or ``people/ana-ruiz.html``
    without directory URLs), not the folder's index nor a numbered page of a long one."""
    parts = rel.split("/")
    if parts[0] not in NAME_FOLDERS:
        return None
    if len(parts) == 3 and parts[2] == "index.html" and parts[1] not in ("", "index"):
        return NAME_FOLDERS[parts[0]]
    if len(parts) == 2 and parts[1].endswith(".html") and parts[1] not in ("index.html", "404.html"):
        return NAME_FOLDERS[parts[0]]
    return None


_H1 = re.compile(rb"<h1[^>]*>(.*?)</h1>", re.S)
_TAG = re.compile(r"<[^>]*>")
_HEADERLINK = re.compile(rb'<a class="headerlink"[^>]*>.*?</a>', re.S)
_HTML_LANG = re.compile(rb"<html[^>]*\slang=\"([A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*)\"")


def name_stub(page: bytes, kind: str) -> bytes:
    """What Pagefind indexes of a name page: its ``<h1>`` (the name, weighted up) in the page's
    language, and its kind as metadata. The name is the page's own text, unescaped and escaped again."""
    start = page.find(b"<article")
    match = _H1.search(page, max(start, 0))
    raw = _HEADERLINK.sub(b"", match.group(1)) if match else b""
    name = " ".join(_html.unescape(_TAG.sub("", raw.decode("utf-8", "replace"))).split())
    lang = _HTML_LANG.search(page)
    text = _html.escape(name)
    return ("<!DOCTYPE html>\n"
            f'<html lang="{lang.group(1).decode() if lang else "en"}"><head><meta charset="utf-8"><title>{text}</title></head>\n'
            f'<body><article><h1 data-pagefind-weight="{NAME_WEIGHT}">{text}</h1>'
            f'<p data-pagefind-ignore hidden><span data-pagefind-meta="kind">{_html.escape(kind)}</span></p>'
            "</article></body></html>\n").encode("utf-8")


def _indexed_bytes(site_dir: Path, rel: str) -> bytes:
    """The page as Pagefind is given it: a name page's stub, any other page as it is."""
    kind = name_kind(rel)
    data = (site_dir / rel).read_bytes()
    return name_stub(data, kind) if kind else data


def shard_count(pages: int, per: int | None = None) -> int:
    """How many bundles ``pages`` are split into, at most ``per`` (SHARD_PAGES) each: a power of
    two, so that growing splits each shard in two."""
    per = per or SHARD_PAGES
    count = 1
    while pages > count * per:
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
    h.update(json.dumps([ROOT_SELECTOR, EXCLUDE, _pagefind_version(), 3, NAME_WEIGHT]).encode())
    for rel in rels:
        h.update(rel.encode("utf-8", "surrogateescape") + b"\0")
        path = site_dir / rel
        ident = file_id(path.stat())
        old = known.get(rel)
        if isinstance(old, list) and len(old) == 5 and old[:4] == ident and isinstance(old[4], str):
            digest = old[4]
        else:
            digest = indexed_digest(_indexed_bytes(site_dir, rel)).hex()
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
    full = [rel for rel in rels if not name_kind(rel)]
    names = [rel for rel in rels if name_kind(rel)]
    count = shard_count(len(full))
    name_count = shard_count(len(names), NAME_SHARD_PAGES) if names else 0
    shards: list[list[str]] = [[] for _ in range(count + name_count)]
    for rel in full:  # the user's own pages in the first bundle
        shards[shard_of(rel, count) if rel.startswith("briefings/") else 0].append(rel)
    for rel in names:  # in bundles of their own, after the others
        shards[count + shard_of(rel, name_count)].append(rel)
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
    others = [bundle_name(n) + "/" for n in range(1, len(shards)) if shards[n]]
    manifest = site_dir / BUNDLE / SHARDS
    manifest.unlink(missing_ok=True)  # never write through a link into the previous site
    manifest.write_text(json.dumps({"bundles": others}) + "\n", encoding="utf-8")
    return keys


def _index_pages(site_dir: Path, rels: list[str], output: Path) -> None:
    """Run Pagefind over exactly these pages of the site (linked into a scratch folder, same URLs)."""
    scratch = Path(tempfile.mkdtemp(prefix=".pagefind-", dir=site_dir.parent))
    try:
        for rel in rels:
            kind = name_kind(rel)
            if kind:
                (scratch / rel).parent.mkdir(parents=True, exist_ok=True)
                (scratch / rel).write_bytes(name_stub((site_dir / rel).read_bytes(), kind))
            else:
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
    canonical_filters(output)


# ---------------------------------------------------------------------------------------------
# Pagefind writes its filter files, and their list in each language's metadata file, in the order
# of a Rust HashMap, which changes from run to run: the same pages gave different bytes. They are
# rewritten in sorted order (their content, CBOR after a signature, gzipped, is otherwise kept) and
# renamed after their new content, and the files that name them are rewritten and renamed in turn.

_SIGNATURE = b"pagefind_dcd"


def canonical_filters(bundle: Path) -> None:
    """Sort the filter files of a Pagefind bundle, so that the same pages give the same bytes."""
    entry_path = bundle / "pagefind-entry.json"
    try:
        entry = json.loads(entry_path.read_text(encoding="utf-8"))
        languages = entry["languages"]
        for lang, info in sorted(languages.items()):
            meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
            meta = _read_pf(meta_path)
            filters = []
            for name, old in meta[3]:
                data = _read_pf(bundle / "filter" / f"{old}.pf_filter")
                data[1] = sorted(data[1], key=lambda value: value[0])
                filters.append([name, _write_pf(bundle / "filter", old, ".pf_filter", data, 7)])
            meta[3] = sorted(filters)
            meta[4] = sorted(meta[4], key=lambda sort: sort[0])
            info["hash"] = _write_pf(bundle, old=info["hash"], suffix=".pf_meta", data=meta, digits=10, prefix="pagefind.")
    except (OSError, KeyError, IndexError, TypeError, ValueError) as exc:  # another layout: leave it as it is
        log.debug("search: filters of %s left in Pagefind's order (%s)", bundle.name, exc)
        return
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _read_pf(path: Path):
    import gzip

    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(_SIGNATURE):
        raise ValueError(f"{path.name}: not a Pagefind file")
    value, end = _cbor_decode(raw, len(_SIGNATURE))
    if end != len(raw):
        raise ValueError(f"{path.name}: trailing bytes")
    return value


def _write_pf(folder: Path, old: str, suffix: str, data, digits: int, prefix: str = "") -> str:
    """Write ``data`` in place of ``prefix + old + suffix``, named after its content; the new hash."""
    import gzip

    raw = _SIGNATURE + _cbor_encode(data)
    lang = old.rsplit("_", 1)[0]
    new = f"{lang}_{hashlib.sha256(raw).hexdigest()[:digits]}"
    (folder / f"{prefix}{old}{suffix}").unlink()
    (folder / f"{prefix}{new}{suffix}").write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))
    return new


def _cbor_decode(b: bytes, i: int):
    """The CBOR value at ``b[i:]`` and where it ends: unsigned integers, text, byte strings and
    arrays (all that Pagefind's metadata and filter files hold); anything else raises ValueError."""
    head = b[i]
    major, info = head >> 5, head & 31
    i += 1
    if info < 24:
        n = info
    elif info <= 27:
        size = 1 << (info - 24)
        n = int.from_bytes(b[i:i + size], "big")
        i += size
    else:
        raise ValueError(f"CBOR item {head:#x} not read here")
    if major == 0:
        return n, i
    if major == 2:
        return bytes(b[i:i + n]), i + n
    if major == 3:
        return b[i:i + n].decode("utf-8"), i + n
    if major == 4:
        items = []
        for _ in range(n):
            value, i = _cbor_decode(b, i)
            items.append(value)
        return items, i
    raise ValueError(f"CBOR major type {major} not read here")


def _cbor_head(major: int, n: int) -> bytes:
    if n < 24:
        return bytes([major << 5 | n])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if n < 1 << (8 * size):
            return bytes([major << 5 | info]) + n.to_bytes(size, "big")
    raise ValueError("integer too large for CBOR")


def _cbor_encode(value) -> bytes:
    if isinstance(value, bool):
        raise ValueError("CBOR booleans not written here")
    if isinstance(value, int) and value >= 0:
        return _cbor_head(0, value)
    if isinstance(value, bytes):
        return _cbor_head(2, len(value)) + value
    if isinstance(value, str):
        data = value.encode("utf-8")
        return _cbor_head(3, len(data)) + data
    if isinstance(value, list):
        return _cbor_head(4, len(value)) + b"".join(_cbor_encode(v) for v in value)
    raise ValueError(f"CBOR value {type(value).__name__} not written here")


def _link_tree(old: Path, new: Path) -> None:
    for root, _dirs, files in os.walk(old):
        target_root = new / Path(root).relative_to(old)
        target_root.mkdir(parents=True, exist_ok=True)
        for name in files:
            if root == str(old) and name == SHARDS:
                continue
            link_or_copy(Path(root) / name, target_root / name)
