"""``briefings new``: add one article to seeds/ from a file or standard input.

The article is checked exactly as a build would check it (read, cleaned, turned into a briefing)
before anything is written; a problem is reported as one ``error: INPUT: REASON`` line and nothing
is written. Then the text goes into seeds/ under a new name made from the title, with the
metadata given on the command line in a YAML sidecar beside it (written by ``yaml.safe_dump``).
Existing files are never overwritten: each file is written under a hidden temporary name and
hard-linked to its final name, which fails rather than replace a file that appeared meanwhile.
"""
from __future__ import annotations

import logging
import os
import sys
import tempfile
from pathlib import Path

import yaml

from generator.errors import BadInput, UsageError
from generator.ingest import ARTICLE_SUFFIXES, MAX_BYTES, SIDECAR_SUFFIXES, SeedFile, decode, settle_date
from generator.metadata import FIELD_PARSERS, slugify

log = logging.getLogger(__name__)

# Command-line option -> metadata key (README: "Metadata keys").
OPTIONS = (("title", "title"), ("source", "source"), ("url", "url"), ("published", "published"),
           ("author", "author"), ("language", "language"), ("translated_from", "translated_from"))
MAX_NAME = 60
STDIN = "-"


def run(args) -> int:
    """The ``new`` command: returns 0, or raises BadInput (exit 1) / UsageError (exit 2)."""
    meta = {key: getattr(args, option) for option, key in OPTIONS if getattr(args, option) is not None}
    if args.file == STDIN:
        if sys.stdin.isatty():
            log.info("Reading the article from standard input; end it with Ctrl-D")
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        label, suffix = "<stdin>", None
    else:
        path = Path(args.file)
        if not path.is_file():
            raise UsageError(f"'{path}' is not a file")
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
        label, suffix = str(path), path.suffix.lower()
    article, sidecar, warnings = add_article(args.seeds, data, meta, label=label, suffix=suffix)
    for warning in warnings:
        log.warning("warning: %s", warning)
    if sidecar:
        log.info("Metadata written to %s", sidecar)
    sys.stdout.write(f"{article}\n")
    return 0


def add_article(seeds: Path, data: bytes, meta: dict[str, str], *, label: str = "<stdin>",
                suffix: str | None = None) -> tuple[Path, Path | None, list[str]]:
    """Check an article and write it into ``seeds``. Returns (article path, sidecar path or None,
    warnings). Raises BadInput (named by ``label``) when it can't become a briefing, UsageError
    when the seeds folder is missing; in both cases nothing is written."""
    if not seeds.is_dir():
        raise UsageError(f"seeds folder '{seeds}' does not exist or is not a folder")
    if len(data) > MAX_BYTES:
        raise BadInput(label, f"over the {MAX_BYTES // 2**20} MB limit for one article")
    if not data.strip():
        raise BadInput(label, "the input is empty; give the article's text")
    meta = _check_meta(meta, label)
    kind_suffix = suffix if suffix in ARTICLE_SUFFIXES else _sniff(data, label)
    briefing, warnings = _check(data, meta, kind_suffix, label)
    same = _same_article(seeds, data)
    if same is not None:
        raise BadInput(label, f"this article is already in the seeds folder as {same}; nothing was written "
                              "(edit that file, or its .yml metadata file, to change it)")
    base = slugify(meta.get("title") or briefing.title)[:MAX_NAME].strip("-") or "article"
    article, sidecar = _write(seeds, base, kind_suffix, data, _sidecar_text(meta) if meta else None)
    warnings = [w.replace(f"{label}:", f"{article}:", 1) for w in warnings]
    if article.stem != base:
        warnings.append(f"{article}: another article is already named {base}; this one was saved as {article.name}")
    return article, sidecar, warnings


def _same_article(seeds: Path, data: bytes) -> Path | None:
    """An article in ``seeds`` (any subfolder) with the same text as ``data``, whitespace aside."""
    from generator.ingest import discover

    words = data.split()
    size = len(data)
    for seed in discover(seeds)[0]:
        try:
            if abs(seed.path.stat().st_size - size) > max(64, size // 100):
                continue
            if seed.path.read_bytes().split() == words:
                return seeds / seed.rel
        except OSError:
            continue
    return None


def _check_meta(meta: dict[str, str], label: str) -> dict[str, str]:
    """Every given value must be one the pipeline understands (else it would be dropped silently)."""
    clean: dict[str, str] = {}
    settled: dict[str, str] = dict(meta)
    problems: list[str] = []
    settle_date(settled, label, problems)  # 12/09/2026 read by --language, as a build reads it
    if problems:
        readings = problems[0].split(" is ambiguous: ", 1)[1].split("; ignored.", 1)[0]
        raise BadInput(label, f"--published {meta['published']!r} is ambiguous: {readings}; give it as YYYY-MM-DD, "
                              "or add --language with its region (en-GB reads it day first, en-US month first)")
    for key, value in meta.items():
        text = " ".join(str(value).split())
        if not text:
            raise BadInput(label, f"--{key.replace('_', '-')} is empty")
        parser = FIELD_PARSERS.get(key)
        if parser is not None and parser(" ".join(str(settled.get(key, text)).split())) is None:
            hint = {"url": "an http:// or https:// address", "published": "a date such as 2025-03-04",
                    "language": "a language code or name such as en or English",
                    "translated_from": "a language code or name such as ar or Arabic"}.get(key, "a value")
            raise BadInput(label, f"--{key.replace('_', '-')} {text!r} is not understood; give {hint}")
        clean[key] = text
    return clean


def _sniff(data: bytes, label: str) -> str:
    head = decode(data[:4096], label).lstrip().lower()
    return ".html" if head.startswith(("<!doctype html", "<html")) else ".txt"


def _sidecar_text(meta: dict[str, str]) -> str:
    header = "# Metadata of the article beside this file (see README: Adding an article)\n"
    return header + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, default_flow_style=False)


def _check(data: bytes, meta: dict[str, str], suffix: str, label: str):
    """Process the article as a build would, from a scratch folder outside seeds/."""
    from generator.pipeline import process_seed

    with tempfile.TemporaryDirectory(prefix="briefings-new-") as scratch:
        article = Path(scratch) / f"article{suffix}"
        article.write_bytes(data)
        sidecar = None
        if meta:
            sidecar = Path(scratch) / "article.yml"
            sidecar.write_text(_sidecar_text(meta), encoding="utf-8")
        outcome = process_seed(SeedFile(article, label, sidecar))
    if outcome.error:
        raise BadInput(label, outcome.error)
    return outcome.briefing, list(outcome.warnings)


def _taken(seeds: Path, name: str) -> bool:
    """True when any article or sidecar of this name exists (in any case) in the folder."""
    suffixes = [*ARTICLE_SUFFIXES, *SIDECAR_SUFFIXES]
    return any((seeds / f"{name}{s}").exists() or (seeds / f"{name}{s.upper()}").exists() for s in suffixes)


def _write(seeds: Path, base: str, suffix: str, data: bytes, sidecar_text: str | None) -> tuple[Path, Path | None]:
    """Write under the first free name base, base-2, base-3, ...; never replaces a file."""
    n = 1
    while True:
        name = base if n == 1 else f"{base}-{n}"
        n += 1
        if _taken(seeds, name):
            continue
        article = seeds / f"{name}{suffix}"
        sidecar = seeds / f"{name}.yml" if sidecar_text is not None else None
        # The sidecar first: an article never appears without its metadata.
        if sidecar is not None and not _link_new(sidecar, sidecar_text.encode("utf-8")):
            continue
        if not _link_new(article, data):
            if sidecar is not None:
                sidecar.unlink()
            continue
        return article, sidecar


def _link_new(target: Path, data: bytes) -> bool:
    """Write ``data`` to ``target`` only if it does not exist; False if it does. Atomic: the file
    appears complete or not at all (a hidden temporary file, which builds ignore, is linked)."""
    fd, tmp = tempfile.mkstemp(prefix=".new-", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644 & ~_umask())
        try:
            os.link(tmp, target)
        except FileExistsError:
            return False
        except OSError:  # a file system without hard links: exclusive create, then write
            try:
                out = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:
                return False
            with os.fdopen(out, "wb") as handle:
                handle.write(data)
        return True
    finally:
        os.unlink(tmp)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
