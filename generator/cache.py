"""A content-addressed cache of processed articles, and the fingerprint of a whole build.

**Entries.** The key of an article is a SHA-256 over everything its Outcome depends on:

- the bytes of the article file and of its sidecar (and their paths: the slug and
  ``source.file`` come from the path);
- the configuration that affects processing (:func:`processing_config`: the pipeline's limits,
  the Python version and the versions of the libraries that read and analyse the text);
- the generator's version and a hash of every one of its own source files
  (:func:`generator_fingerprint`), so that any change to the code invalidates every entry.

An entry can therefore never be stale: a changed input has another key. Each entry is a JSON
file holding the Outcome (briefing or rejection reason, and warnings), behind a header line with
the format version and the SHA-256 of the payload; an entry that does not verify, or that holds
another key, is deleted and the article processed again. Entries are written atomically
(temporary file + rename) so a killed build leaves no half entry behind.

**Build fingerprint.** :func:`build_fingerprint` hashes every input of ``build`` (the articles'
digests, the MkDocs configuration, the theme folder, the site address, the generator and library
versions); together with a listing (path, size, mtime) of docs/ and site/ it lets a rebuild with
nothing changed stop before running MkDocs.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import os
import stat
import sys
import tempfile
from collections.abc import Iterable
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from generator import __version__, models
from generator.ingest import SeedFile
from generator.models import Outcome

log = logging.getLogger(__name__)

FORMAT = 1
HEADER = b"briefings-cache"
PACKAGE_DIR = Path(__file__).resolve().parent
# Libraries whose behaviour shapes a briefing: a new version may change what they extract.
LIBRARIES = ("yake", "trafilatura", "charset-normalizer", "ftfy", "snowballstemmer", "pystemmer", "py3langid",
             "pyyaml", "segtok", "jellyfish", "numpy", "lxml", "htmldate", "justext", "courlan", "regex")
BUILD_LIBRARIES = ("mkdocs", "mkdocs-material", "pymdown-extensions", "markdown", "jinja2", "pagefind-bin",
                   "pagefind")


def _sha(*parts: bytes) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(len(part).to_bytes(8, "little"))
        h.update(part)
    return h.hexdigest()


def source_files(package_dir: Path = PACKAGE_DIR) -> list[Path]:
    """The generator's own source files, in a stable order."""
    return sorted(p for p in package_dir.rglob("*.py") if "__pycache__" not in p.parts)


def generator_fingerprint(package_dir: Path | None = None) -> str:
    """The generator's version plus a hash of each of its source files (names and bytes)."""
    if package_dir is None:
        return _own_fingerprint()
    return _fingerprint_of(Path(package_dir))


@lru_cache(maxsize=1)
def _own_fingerprint() -> str:
    return _fingerprint_of(PACKAGE_DIR)


def _fingerprint_of(package_dir: Path) -> str:
    parts = [__version__.encode()]
    for path in source_files(package_dir):
        parts.append(path.relative_to(package_dir).as_posix().encode())
        parts.append(path.read_bytes())
    return _sha(*parts)


def _versions(names: Iterable[str]) -> dict[str, str | None]:
    result = {}
    for name in names:
        try:
            result[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            result[name] = None
    return result


@lru_cache(maxsize=1)
def processing_config() -> dict:
    """Everything outside the articles and the generator's code that changes what processing gives."""
    from generator import limits as module

    limits = {name: getattr(module, name) for name in dir(module)
              if name.isupper() and isinstance(getattr(module, name), (int, float, str))}
    return {"python": list(sys.version_info[:2]), "limits": limits, "libraries": _versions(LIBRARIES)}


def config_hash(config: dict) -> str:
    return _sha(json.dumps(config, sort_keys=True, ensure_ascii=True).encode())


# ---------------------------------------------------------------------------------------------
# Digests of inputs

def _read(path: Path) -> bytes | None:
    """The bytes of a regular file, without following links or blocking on FIFOs; None if not readable."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        chunks = []
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError:
        return None
    finally:
        os.close(fd)


def seed_digest(seed: SeedFile) -> str | None:
    """SHA-256 over the article's path and bytes and its sidecar's; None when a file can't be read."""
    data = _read(seed.path)
    if data is None:
        return None
    parts = [seed.rel.encode(), data]
    if seed.sidecar is not None:
        side = _read(seed.sidecar)
        if side is None:
            return None
        parts += [seed.sidecar.name.encode(), side]
    else:
        parts.append(b"\0no-sidecar")
    return _sha(*parts)


# ---------------------------------------------------------------------------------------------
# (De)serialising Outcomes: JSON with the dataclasses and tuples tagged, so they come back exact

_CLASSES = {cls.__name__: cls for cls in vars(models).values()
            if isinstance(cls, type) and dataclasses.is_dataclass(cls)}


def _encode(value):
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {"__dc__": type(value).__name__,
                "f": {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}}
    if isinstance(value, tuple):
        return {"__t__": [_encode(v) for v in value]}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, dict):
        if not all(isinstance(k, str) for k in value):
            raise TypeError("only string keys can be cached")
        return {"__d__": {k: _encode(v) for k, v in value.items()}}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise TypeError(f"cannot cache a {type(value).__name__}")


def _decode(value):
    if isinstance(value, list):
        return [_decode(v) for v in value]
    if isinstance(value, dict):
        if "__dc__" in value:
            cls = _CLASSES[value["__dc__"]]
            return cls(**{k: _decode(v) for k, v in value["f"].items()})
        if "__t__" in value:
            return tuple(_decode(v) for v in value["__t__"])
        return {k: _decode(v) for k, v in value["__d__"].items()}
    return value


def dump_outcome(outcome: Outcome) -> dict:
    return {"path": outcome.path, "briefing": _encode(outcome.briefing), "error": outcome.error,
            "warnings": list(outcome.warnings)}


def load_outcome(data: dict) -> Outcome:
    return Outcome(data["path"], _decode(data["briefing"]), data["error"], tuple(data["warnings"]))


# ---------------------------------------------------------------------------------------------
# The cache

class BriefingCache:
    """Outcomes of processed articles on disk, one JSON file per key under ``folder``."""

    def __init__(self, folder: Path, config: dict | None = None, generator: str | None = None):
        self.folder = Path(folder)
        self.config = processing_config() if config is None else config
        self.generator = generator_fingerprint() if generator is None else generator
        self._prefix = _sha(b"briefings-cache-key", str(FORMAT).encode(), self.generator.encode(),
                            config_hash(self.config).encode())
        self.hits = self.misses = self.rejected = 0
        self.used: set[str] = set()

    def key(self, digest: str | None) -> str | None:
        """The cache key of an article from its :func:`seed_digest` (None: not cacheable)."""
        return None if digest is None else _sha(self._prefix.encode(), digest.encode())

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str | None) -> Outcome | None:
        if key is None:
            return None
        self.used.add(key)
        path = self._path(key)
        try:
            blob = path.read_bytes()
        except OSError:
            self.misses += 1
            return None
        try:
            head, _, payload = blob.partition(b"\n")
            magic, version, checksum = head.split(b" ")
            if magic != HEADER or version != str(FORMAT).encode():
                raise ValueError("another format")
            if hashlib.sha256(payload).hexdigest().encode() != checksum:
                raise ValueError("checksum mismatch")
            data = json.loads(payload)
            if data.get("key") != key:
                raise ValueError("entry for another key")
            outcome = load_outcome(data["outcome"])
        except Exception as exc:  # noqa: BLE001 - any damage: rebuild, never trust
            log.debug("cache: discarding %s (%s)", path, exc)
            self.rejected += 1
            self.misses += 1
            try:
                path.unlink()
            except OSError:
                pass
            return None
        self.hits += 1
        return outcome

    def put(self, key: str | None, outcome: Outcome) -> None:
        if key is None:
            return
        self.used.add(key)
        try:
            payload = json.dumps({"key": key, "outcome": dump_outcome(outcome)}, ensure_ascii=False,
                                 separators=(",", ":")).encode("utf-8")
        except (TypeError, ValueError) as exc:
            log.debug("cache: not storing %s (%s)", outcome.path, exc)
            return
        blob = b"%s %d %s\n" % (HEADER, FORMAT, hashlib.sha256(payload).hexdigest().encode()) + payload
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
            with os.fdopen(fd, "wb") as handle:
                handle.write(blob)
            os.replace(tmp, path)
        except OSError as exc:  # a full disk or read-only cache must not fail the build
            log.debug("cache: cannot write %s (%s)", path, exc)
            try:
                os.unlink(tmp)
            except (OSError, UnboundLocalError):
                pass

    def prune(self) -> int:
        """Delete entries not used by this run (old versions of articles, deleted articles)."""
        removed = 0
        if not self.folder.is_dir():
            return 0
        for sub in self.folder.iterdir():
            if not sub.is_dir() or len(sub.name) != 2:
                continue
            for entry in sub.iterdir():
                key = entry.name[:-5] if entry.name.endswith(".json") else None
                if key not in self.used:
                    try:
                        entry.unlink()
                        removed += 1
                    except OSError:
                        pass
        return removed


def cacheable(outcome: Outcome) -> bool:
    """Rejections for the article's own content are cached; crashes and resource failures are not."""
    if outcome.error is None:
        return True
    return not outcome.error.startswith(TRANSIENT_PREFIXES)


TRANSIENT_PREFIXES = ("cannot read", "the file is too large to process in memory", "processing crashed",
                      "unexpected error")


# ---------------------------------------------------------------------------------------------
# Whole-build fingerprint

def tree_digest(folder: Path, *, contents: bool = False) -> str | None:
    """A digest of a folder's listing: path, size and mtime of every file (or their bytes)."""
    if not folder.is_dir():
        return None
    h = hashlib.sha256()
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        rel_root = os.path.relpath(root, folder)
        for name in sorted(files):
            path = os.path.join(root, name)
            try:
                st = os.lstat(path)
            except OSError:
                return None
            h.update(f"{rel_root}/{name}\0".encode("utf-8", "surrogateescape"))
            if contents and stat.S_ISREG(st.st_mode):
                data = _read(Path(path))
                h.update(data if data is not None else b"\0unreadable")
            else:
                h.update(f"{st.st_size}:{st.st_mtime_ns}:{st.st_mode}\0".encode())
    return h.hexdigest()


def build_fingerprint(digests: Iterable[str | None], skipped: Iterable, config_file: Path, theme_dirs: Iterable[Path],
                      site_url: str | None, extra: dict | None = None) -> str | None:
    """Everything a build reads, hashed; None when some input cannot be read (then always rebuild)."""
    digests = list(digests)
    if any(d is None for d in digests):
        return None
    config_bytes = _read(config_file)
    if config_bytes is None:
        return None
    themes = [tree_digest(Path(d), contents=True) or "missing" for d in theme_dirs]
    data = {
        "format": FORMAT,
        "generator": generator_fingerprint(),
        "processing": processing_config(),
        "build": _versions(BUILD_LIBRARIES),
        "articles": digests,
        "skipped": [[s.path, s.reason] for s in skipped],
        "config": hashlib.sha256(config_bytes).hexdigest(),
        "themes": themes,
        "site_url": site_url,
        "extra": extra or {},
    }
    return config_hash(data)


def render_context(config_file: Path, theme_dirs: Iterable[Path], site_url: str | None,
                   extra: dict | None = None) -> str | None:
    """Everything a page's HTML depends on besides its own Markdown (see generator.mkbuild)."""
    config_bytes = _read(config_file)
    if config_bytes is None:
        return None
    data = {
        "format": FORMAT,
        "generator": generator_fingerprint(),
        "build": _versions(BUILD_LIBRARIES),
        "python": sys.version,
        "config": hashlib.sha256(config_bytes).hexdigest(),
        "themes": [tree_digest(Path(d), contents=True) or "missing" for d in theme_dirs],
        "site_url": site_url,
        "extra": extra or {},
    }
    return config_hash(data)
