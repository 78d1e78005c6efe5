"""Read ``seeds/`` into RawArticles.

This stage does the file I/O of the input side and nothing else: it finds the seed files, refuses
what is not a regular file, detects the character set, splits Markdown front matter, reads the
optional YAML sidecar of a text file, and lets a real article extractor (trafilatura) take the
text and metadata out of a saved HTML page. It does not interpret the article's text.
"""
from __future__ import annotations

import codecs
import datetime as _dt
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.errors import BadInput
from generator.models import RawArticle

ARTICLE_SUFFIXES = {".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}
SIDECAR_SUFFIXES = (".yml", ".yaml")
MAX_BYTES = 64 * 1024 * 1024  # larger inputs are refused with a clear message

# Keys an input may give about its source, with the type each must have.
META_KEYS = {
    "title": str,
    "source": str,
    "publisher": str,
    "url": str,
    "published": str,
    "author": str,
    "language": str,
    "translated_from": str,
    "description": str,
}
_SOURCE_SUBKEYS = {"name": "source", "publisher": "publisher", "url": "url", "published": "published",
                   "author": "author", "language": "language", "translated_from": "translated_from"}


@dataclass(frozen=True)
class Skipped:
    """A path found in seeds/ that is not read, and why.

    ``rejected``: it is in the place of an input (a symbolic link, a FIFO, a socket, a device) but
    was not built, so it is reported like a rejected article (``error: FILE: REASON``, exit 1);
    otherwise (a file of a type we do not read, an orphan metadata file) a warning.
    """

    path: str
    reason: str
    rejected: bool = False


@dataclass(frozen=True)
class SeedFile:
    path: Path  # absolute path of the article file
    rel: str  # POSIX path relative to the seeds folder
    sidecar: Path | None


def discover(seeds: Path) -> tuple[list[SeedFile], list[Skipped]]:
    """List the article files below ``seeds``, sorted by path, without following links.

    Symlinks, FIFOs, sockets and devices are never opened (so the build can't block or escape the
    folder); they are returned as rejected Skipped entries, files with an extension we do not read
    as ordinary ones.
    """
    found: list[SeedFile] = []
    skipped: list[Skipped] = []
    sidecars: dict[str, Path] = {}
    articles: list[tuple[str, Path]] = []

    def walk(folder: Path, prefix: str) -> None:
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            skipped.append(Skipped(prefix or ".", f"cannot list folder ({exc.strerror})"))
            return
        for entry in entries:
            rel = f"{prefix}{entry.name}"
            if entry.name.startswith(".") and Path(entry.name).suffix.lower() not in ARTICLE_SUFFIXES:
                continue  # hidden files and folders (.DS_Store, .git, editor swap files) are not articles
            try:
                st = entry.stat(follow_symlinks=False)
            except OSError as exc:
                skipped.append(Skipped(rel, f"cannot read ({exc.strerror})"))
                continue
            if stat.S_ISLNK(st.st_mode):
                skipped.append(Skipped(rel, "symbolic link, not followed (a link could lead out of the seeds "
                                            "folder); copy the article itself into the seeds folder or remove "
                                            "the link", rejected=True))
            elif stat.S_ISDIR(st.st_mode):
                walk(Path(entry.path), rel + "/")
            elif not stat.S_ISREG(st.st_mode):
                skipped.append(Skipped(rel, f"not a regular file ({_special_kind(st.st_mode)}), not read; "
                                            "save the article as an ordinary file or remove this one",
                                       rejected=True))
            else:
                suffix = Path(entry.name).suffix.lower()
                if suffix in ARTICLE_SUFFIXES:
                    articles.append((rel, Path(entry.path)))
                elif suffix in SIDECAR_SUFFIXES:
                    sidecars[rel] = Path(entry.path)
                else:
                    skipped.append(Skipped(rel, f"unsupported file type '{suffix or entry.name}' "
                                                "(expected .txt, .md or .html), ignored"))

    walk(seeds, "")
    used: set[str] = set()
    for rel, path in articles:
        base = rel[: len(rel) - len(Path(rel).suffix)]
        sidecar = None
        for suffix in SIDECAR_SUFFIXES:
            for candidate in (base + suffix, base + suffix.upper()):
                if candidate in sidecars:
                    sidecar = sidecars[candidate]
                    used.add(candidate)
                    break
            if sidecar:
                break
        found.append(SeedFile(path, rel, sidecar))
    for rel in sorted(set(sidecars) - used):
        skipped.append(Skipped(rel, "metadata file with no article of the same name, ignored"))
    return found, skipped


def _special_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a file or folder"


def read_seed(seed: SeedFile) -> RawArticle:
    """Read one seed file (and its sidecar) into a RawArticle, or raise BadInput."""
    data = _read_bytes(seed.path, seed.rel)
    kind = ARTICLE_SUFFIXES[seed.path.suffix.lower()]
    warnings: list[str] = []
    meta: dict = {}
    if seed.sidecar is not None:
        meta.update(read_sidecar(seed.sidecar, seed.rel, warnings))
    if kind == "html":
        text, page_meta = _read_html(data, seed.rel)
        for key, value in page_meta.items():
            meta.setdefault(key, value)
    else:
        text = decode(data, seed.rel)
        if kind == "md":
            front, text = split_front_matter(text, seed.rel)
            if front:
                fm = validate_meta(front, seed.rel, "front matter", warnings)
                fm.update(meta)  # a sidecar, when both exist, has the last word
                meta = fm
            if "title" not in meta and (heading := _MD_TITLE.match(text)):
                # the page's title is its first-level heading: the text as written, without the '#'
                meta["title"] = (heading.group(1) or heading.group(2)).strip()
                text = text[heading.end():]
    if not text.strip():
        raise BadInput(seed.rel, "the file is empty; add the article's text or remove the file")
    settle_date(meta, seed.rel, warnings)
    return RawArticle(path=seed.rel, kind=kind, text=text, meta=meta, warnings=tuple(warnings))


def _read_bytes(path: Path, rel: str) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise BadInput(rel, f"file is {size / 2**20:.0f} MB, over the {MAX_BYTES // 2**20} MB limit "
                                "for one article; split it or remove it")
        # O_NONBLOCK: if the file was swapped for a FIFO since discovery, don't hang on it.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise BadInput(rel, "not a regular file, not read")
            return handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise BadInput(rel, f"cannot read the file ({exc.strerror or exc})") from None


# ---------------------------------------------------------------------------------------------
# Character sets

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"RIFF", "a RIFF media file"),
    (b"\x7fELF", "an executable"),
    (b"BZh", "a bzip2 archive"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
)


def decode(data: bytes, rel: str) -> str:
    """Decode bytes of unknown encoding to text, repairing mojibake; BadInput for binary data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _repair(data[len(bom):].decode(encoding, errors="replace"))
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise BadInput(rel, f"this is {what}, not text; remove it or save the article as text")
    sample = data[:65536]
    if sample and _binary_ratio(sample) > 0.10:
        raise BadInput(rel, "binary data, not text; remove it or save the article as text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _detect(data)
    return _repair(text)


def _binary_ratio(sample: bytes) -> float:
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 0))
    nul = sample.count(0)
    # A few stray NULs happen in scraped text; many mean UTF-16 without BOM or binary data.
    return (control + (nul if nul > 8 else 0)) / len(sample)


def _detect(data: bytes) -> str:
    from charset_normalizer import from_bytes

    # Mostly-valid UTF-8 with a few broken bytes: keep UTF-8 and replace only the broken bytes,
    # rather than read every character in a legacy codepage (which turns each curly quote into
    # mojibake). In a legacy file the high bytes stand alone and almost none form a valid UTF-8
    # sequence, so the share of valid sequences tells the two apart.
    as_utf8 = data.decode("utf-8", errors="replace")
    if _mostly_utf8(data, as_utf8):
        return as_utf8
    best = from_bytes(data).best()
    western = _western(data)
    if best is not None and best.encoding:
        encoding = best.encoding
        # Windows-1252 is the superset browsers use for "Latin-1" labelled text (curly quotes).
        if encoding in ("latin_1", "iso8859_1", "ascii"):
            encoding = "cp1252"
        # On short texts the detector often picks a sibling single-byte codepage (cp1250, ...):
        # when Windows-1252 reads the bytes as the common Western letters, it is the likelier one.
        if encoding != "cp1252" and western is not None and _is_single_byte_latin(encoding):
            return western
        return data.decode(encoding, errors="replace")
    return western if western is not None else data.decode("cp1252", errors="replace")


_WESTERN_LETTERS = set("àáâãäåæçèéêëìíîïñòóôõöøùúûüýÿßœšžÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝŒŠŽ"
                       "‘’“”–—…€•«»°£¡¿·´¨ª º")


def _western(data: bytes) -> str | None:
    """The Windows-1252 reading of the bytes if nearly all its non-ASCII characters are common."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    high = [c for c in text if ord(c) > 127]
    if high and sum(c in _WESTERN_LETTERS for c in high) / len(high) >= 0.9:
        return text
    return None


def _is_single_byte_latin(encoding: str) -> bool:
    name = encoding.lower().replace("-", "_")
    return name.startswith(("cp125", "iso8859", "latin", "mac_", "windows_125")) and name not in (
        "cp1251", "cp1253", "cp1255", "cp1256", "windows_1251", "windows_1253", "windows_1255", "windows_1256",
        "iso8859_5", "iso8859_6", "iso8859_7", "iso8859_8")


def _mostly_utf8(data: bytes, as_utf8: str) -> bool:
    """True when the bytes' non-ASCII characters are overwhelmingly valid UTF-8: at least two valid
    multi-byte characters for each invalid byte (or run of bytes). Legacy text has next to none:
    a valid sequence needs a letter like Â-ß followed by a byte in 0x80-0xBF, which its letters
    and punctuation seldom form."""
    bad = as_utf8.count("\ufffd") - data.count("\ufffd".encode("utf-8"))
    valid = sum(1 for c in as_utf8 if c > "\x7f") - as_utf8.count("\ufffd")
    return valid >= 2 * max(bad, 1)


def _repair(text: str) -> str:
    """Fix mojibake (UTF-8 read as Windows-1252, "â€œ") without touching anything else."""
    if not _MOJIBAKE_HINT.search(text):
        return text
    import ftfy

    config = ftfy.TextFixerConfig(
        unescape_html=False, fix_latin_ligatures=False, fix_character_width=False,
        uncurl_quotes=False, fix_line_breaks=False, fix_surrogates=True, remove_control_chars=False,
        normalization=None, explain=False,
    )
    return ftfy.fix_text(text, config)


_MOJIBAKE_HINT = re.compile("[ÃÂâØÙ][\u0080-\u00ff\u0152-\u017e\u2018-\u203a\u20ac\u2122]")


# ---------------------------------------------------------------------------------------------
# Metadata: sidecars and front matter

class _SafeLoader(yaml.SafeLoader):
    """SafeLoader that keeps dates as text, so "2025-11-20" and 2025-11-20 read alike."""


_SafeLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml(text: str, rel: str, what: str, first_line: int = 1):
    """Parse YAML safely; errors name the file's own line number (``first_line`` is where it starts)."""
    try:
        return yaml.load(text, Loader=_SafeLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.constructor.ConstructorError as exc:
        tag = getattr(exc, "problem", "") or "an unsupported YAML tag"
        raise BadInput(rel, f"{what} uses a YAML tag that is not allowed ({tag}); "
                            "write plain keys and values") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + first_line}" if mark is not None else ""
        raise BadInput(rel, f"{what} is not valid YAML{where}; fix or remove it") from None


def read_sidecar(path: Path, rel: str, warnings: list[str]) -> dict:
    sidecar_rel = rel.rsplit(".", 1)[0] + path.suffix
    data = _read_bytes(path, sidecar_rel)
    text = decode(data, sidecar_rel)
    value = load_yaml(text, rel, f"metadata file {path.name}")
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise BadInput(rel, f"metadata file {path.name} must be a mapping of keys to values, not a "
                            f"{_type_name(value)}; write it as 'key: value' lines (source, url, published, ...)")
    return validate_meta(value, rel, f"metadata file {path.name}", warnings)


def validate_meta(value: dict, rel: str, what: str, warnings: list[str]) -> dict:
    """Keep the known keys with values of the right type; drop the rest with a warning."""
    flat = dict(value)
    source = flat.get("source")
    if isinstance(source, dict):  # the briefing's own shape: source: {name, url, ...}
        del flat["source"]
        for sub, key in _SOURCE_SUBKEYS.items():
            if sub in source and key not in flat:
                flat[key] = source[sub]
    clean: dict = {}
    for key, raw in flat.items():
        key_text = str(key)
        if key_text not in META_KEYS:
            continue  # unknown keys are the user's own business (tags, notes, ...)
        if raw is None:
            continue
        if isinstance(raw, (_dt.date, _dt.datetime)):
            raw = raw.isoformat()
        if isinstance(raw, bool) or not isinstance(raw, (str, int, float)):
            warnings.append(f"{rel}: {what}: '{key_text}' should be text, not a {_type_name(raw)}; ignored")
            continue
        text = str(raw).strip()
        if text:
            clean[key_text] = text
    return clean


# A numeric date whose day and month could be either way round: "12/09/2026", "3-4-2025".
_DAY_OR_MONTH = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$")
# Where the month comes first in numeric dates (United States English and its neighbours' usage).
_MONTH_FIRST = {"us", "ph", "fm", "mh", "pw", "as", "gu", "mp", "pr", "vi", "um"}


def settle_date(meta: dict, rel: str, warnings: list[str]) -> None:
    """Read an ambiguous numeric ``published`` date ("12/09/2026") by the language the metadata
    states: month first for United States English (en-US), day first for every other stated
    language or region (en-GB, fr, de, ar, ...). Without a stated language or region to tell (a
    bare "en" is used both ways), the date is dropped with a warning saying why and how to fix it.
    Any other value is left for generator.metadata.parse_date."""
    match = _DAY_OR_MONTH.match(str(meta.get("published", "")))
    if not match:
        return
    a, b, year = int(match[1]), int(match[2]), int(match[3])
    if a > 12 or b > 12 or a == b:
        return  # only one reading (or none): parse_date decides
    language = str(meta.get("language", "")).strip().lower().replace("_", "-")
    region = language.partition("-")[2]
    if region[:2] in _MONTH_FIRST:
        month, day = a, b
    elif region or _language_code(language) not in (None, "en"):
        month, day = b, a
    else:
        warnings.append(f"{rel}: 'published' {meta['published']!r} is ambiguous: {a} {_MONTH_NAMES[b - 1]} {year} "
                        f"(day first) or {_MONTH_NAMES[a - 1]} {b}, {year} (month first); ignored. Write it as "
                        "YYYY-MM-DD, or state the language with its region (language: en-GB reads it day first, "
                        "en-US month first)")
        del meta["published"]
        return
    meta["published"] = f"{year:04d}-{month:02d}-{day:02d}"


_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December")


def _language_code(value: str) -> str | None:
    from generator.metadata import language_code

    return language_code(value)


def _type_name(value) -> str:
    return {dict: "mapping", list: "list", bool: "true/false value", int: "number",
            float: "number", str: "text"}.get(type(value), type(value).__name__)


# A Markdown page's title: a first-level heading on its first line ("# Title", "# Title #", or the
# title underlined with "===").
_MD_TITLE = re.compile(r"\A\s*(?:#[ \t]+(\S[^\n]*?)(?:[ \t]+#+)?|(\S[^\n]*?)[ \t]*\r?\n=+)[ \t]*(?:\r?\n|\Z)")
_FRONT_OPEN = re.compile(r"\A\ufeff?---[ \t]*\r?\n")
_FRONT_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)


def split_front_matter(text: str, rel: str) -> tuple[dict | None, str]:
    opening = _FRONT_OPEN.match(text)
    if not opening:
        return None, text
    closing = _FRONT_CLOSE.search(text, opening.end())
    if not closing:
        raise BadInput(rel, "front matter is not closed: add a line '---' after the metadata")
    value = load_yaml(text[opening.end(): closing.start()], rel, "front matter", first_line=2)
    body = text[closing.end():].lstrip("\r\n")
    if value is None:
        return {}, body
    if not isinstance(value, dict):
        raise BadInput(rel, f"front matter must be a mapping of keys to values, not a {_type_name(value)}; "
                            "write it as 'key: value' lines (title, source, published, ...)")
    return value, body


# ---------------------------------------------------------------------------------------------
# HTML

def _read_html(data: bytes, rel: str) -> tuple[str, dict]:
    import trafilatura

    html = decode(data, rel)
    try:
        doc = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False,
            include_images=False, include_links=False, favor_precision=True, deduplicate=False,
        )
    except Exception as exc:  # the extractor's own failure on odd markup: report, don't crash
        raise BadInput(rel, f"the HTML page could not be read ({type(exc).__name__})") from None
    if doc is None or len((getattr(doc, "text", None) or "").split()) < 15:
        raise BadInput(rel, "no article text found in this HTML page (only navigation or page furniture); "
                            "save the article's own page")
    meta: dict = {}
    for attr, key in (("title", "title"), ("author", "author"), ("date", "published"),
                      ("sitename", "source"), ("url", "url"), ("description", "description"),
                      ("language", "language")):
        value = getattr(doc, attr, None)
        if isinstance(value, str) and value.strip():
            meta[key] = value.strip()
    # trafilatura keeps paragraphs on separate lines; make them blank-line separated blocks.
    text = "\n\n".join(line.strip() for line in doc.text.splitlines() if line.strip())
    title = meta.get("title")
    if title:
        text = f"{title}\n\n{text}"
    return text, meta
