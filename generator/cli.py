"""Command-line interface: parse arguments, call the library, report, map errors to exit codes.

Exit status: 0 when everything was built; 1 when some inputs were rejected (one ``error: FILE:
REASON`` line each on stderr; everything else was still built); 2 for a usage or configuration
error, with nothing changed.
"""
from __future__ import annotations

import argparse
import logging
import os
import re
import sys
import time
import traceback
from pathlib import Path

from generator import __version__
from generator.errors import GeneratorError, UsageError

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2

log = logging.getLogger("generator")


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse's own usage errors: exit 2, like ours
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"error: {message}\n")


def _common(p: argparse.ArgumentParser, *, site: bool, speed: bool = True) -> None:
    p.add_argument("--seeds", type=Path, default=Path("seeds"), metavar="DIR",
                   help="folder of input articles (.txt, .md, .html); default: seeds")
    p.add_argument("--docs", type=Path, default=Path("docs"), metavar="DIR",
                   help="folder the Markdown briefings are written to (under DIR/briefings/); default: docs")
    if site:
        p.add_argument("--site", type=Path, default=Path("site"), metavar="DIR",
                       help="folder the static site is built into; default: site")
        p.add_argument("--site-url", metavar="URL", default=None,
                       help="public address of the site, e.g. https://USER.github.io/REPO/ "
                            "(needed for the 404 page and feeds under a subpath)")
        p.add_argument("--config", type=Path, default=Path("mkdocs.yml"), metavar="FILE",
                       help="MkDocs configuration; default: mkdocs.yml")
    if speed:
        _speed(p)
    _output(p)


def _new_parser(sub) -> argparse.ArgumentParser:
    """The ``new`` subcommand's arguments (run by generator.newarticle; its imports wait until then)."""
    p = sub.add_parser(
        "new", help="add an article to the seeds folder",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=(
            "Add one article to SEEDS from FILE, or from standard input when FILE is '-' or left out.\n\n"
            "The article is checked as a build would check it; if it can't become a briefing, the reason\n"
            "is printed and nothing is written. Otherwise the text is saved as SEEDS/NAME.txt (NAME made\n"
            "from the title; .md and .html files keep their type), the options given below go into\n"
            "SEEDS/NAME.yml, and the article's path is printed. Existing files are never overwritten:\n"
            "a name already taken gets -2, -3, ... (and a warning says so); an article already in SEEDS\n"
            "(the same text) is refused and nothing is written."),
        epilog=(
            "examples:\n"
            "  briefings new story.txt --source 'The Ledger' --published 2025-03-04\n"
            "  xclip -o | briefings new --title 'Port Strike Enters Third Week' --url https://example.org/a\n\n"
            "Exit status: 0 written; 1 the article was rejected (nothing written); 2 usage error."),
    )
    p.add_argument("file", nargs="?", default="-", metavar="FILE",
                   help="the article: plain text, Markdown (.md) or a saved web page (.html); "
                        "'-' or nothing reads standard input (plain text)")
    p.add_argument("--seeds", type=Path, default=Path("seeds"), metavar="DIR",
                   help="folder to add the article to; default: seeds")
    p.add_argument("--title", metavar="T", help="the headline (else the article's first headline-like line); "
                                                "also names the file")
    p.add_argument("--source", metavar="S", help="the outlet, e.g. 'The Ledger'")
    p.add_argument("--url", metavar="U", help="address of the original article (http or https)")
    p.add_argument("--published", metavar="D", help="publication date, e.g. 2025-03-04 or '4 March 2025'")
    p.add_argument("--author", metavar="A", help="the author's name")
    p.add_argument("--language", metavar="L", help="language of the text: a code (en) or a name (English)")
    p.add_argument("--translated-from", dest="translated_from", metavar="L",
                   help="language the article was translated from: a code (ar) or a name (Arabic)")
    group = p.add_mutually_exclusive_group()
    group.add_argument("-q", "--quiet", action="store_true", help="print only errors and the path")
    group.add_argument("-v", "--verbose", action="store_true", help="say more about what was done")
    p.add_argument("--debug", action="store_true", help="show tracebacks of unexpected errors")
    return p


def _engine(p: argparse.ArgumentParser) -> None:
    p.add_argument("--engine", choices=["mkdocs", "properdocs", "mkdocs-ng", "zensical"], default=None,
                   help="what builds the site from docs/ (installed in this environment: see the README, "
                        "'When Material for MkDocs 9 ends'); default: $BRIEFINGS_ENGINE, else mkdocs")


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not '{text}'")
    return value


def _speed(p: argparse.ArgumentParser) -> None:
    p.add_argument("--jobs", "-j", type=_positive, default=None, metavar="N",
                   help="articles processed in parallel by N processes; default: one per CPU")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--cache", type=Path, default=None, metavar="DIR", dest="cache_dir",
                       help="folder of processed articles reused by later builds; default: .briefings-cache "
                            "beside the docs folder")
    group.add_argument("--no-cache", action="store_false", dest="use_cache",
                       help="process every article again and rebuild everything")


def _output(p: argparse.ArgumentParser) -> None:
    group = p.add_mutually_exclusive_group()
    group.add_argument("-q", "--quiet", action="store_true", help="print only errors")
    group.add_argument("-v", "--verbose", action="store_true", help="also print what was removed and why")
    p.add_argument("--debug", action="store_true", help="show tracebacks of unexpected errors")


def make_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="briefings",
        description="Turn news articles in seeds/ into Markdown briefings and a searchable static site.",
        epilog="Exit status: 0 all built; 1 some inputs rejected (the rest built); 2 usage or configuration error.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    p = sub.add_parser("build", help="write the briefings and build the site",
                       description="Write a briefing for every article in SEEDS into DOCS/briefings/, "
                                   "then build the static site into SITE with MkDocs.")
    _common(p, site=True)
    _engine(p)

    p = sub.add_parser("generate", help="write the Markdown briefings only",
                       description="Write a briefing for every article in SEEDS into DOCS/briefings/ "
                                   "without building the site.")
    _common(p, site=False)

    p = sub.add_parser("check", help="check the seeds without writing anything",
                       description="Read and process every article in SEEDS and report what would be "
                                   "rejected; nothing is written.")
    p.add_argument("--seeds", type=Path, default=Path("seeds"), metavar="DIR", help="default: seeds")
    _output(p)

    p = sub.add_parser("serve", help="live preview while editing seeds",
                       description="Generate the briefings, serve the site on http://127.0.0.1:8000/ and "
                                   "rebuild when a seed or a page changes.")
    _common(p, site=False, speed=False)
    p.add_argument("--config", type=Path, default=Path("mkdocs.yml"), metavar="FILE", help="default: mkdocs.yml")
    p.add_argument("--dev-addr", default="127.0.0.1:8000", metavar="HOST:PORT", help="default: 127.0.0.1:8000")
    _engine(p)

    _new_parser(sub)

    p = sub.add_parser("evaluate", help="measure extraction on labelled corpora",
                       description="Measure quote and keyword extraction on public labelled corpora, "
                                   "read from a folder you give.")
    esub = p.add_subparsers(dest="what", metavar="WHAT", parser_class=_Parser)
    esub.required = True
    q = esub.add_parser("quotes", help="direct quotations and speakers on PolNeAR",
                        description="Precision, recall, F1 and speaker accuracy on a PolNeAR split.")
    q.add_argument("--polnear", type=Path, required=True, metavar="DIR", help="a checkout of PolNeAR")
    q.add_argument("--split", default="train", choices=["train", "dev", "test"], help="default: train")
    k = esub.add_parser("keywords", help="keywords on 500N-KPCrowd",
                        description="F1@10 and near-duplicate rate of raw YAKE and of the cleaned keywords.")
    k.add_argument("--kpcrowd", type=Path, required=True, metavar="DIR", help="the 500N-KPCrowd folder")

    p = sub.add_parser("bench", help="measure build speed, memory and search size on synthetic articles",
                       description="Synthesise N articles from the seeds, build them in a temporary folder in "
                                   "several ways and print one table of ratios against baselines measured in "
                                   "the same run.")
    p.add_argument("--articles", "-n", type=_positive, default=100, metavar="N", help="default: 100")
    p.add_argument("--seeds", type=Path, default=Path("seeds"), metavar="DIR", help="default: seeds")
    p.add_argument("--config", type=Path, default=Path("mkdocs.yml"), metavar="FILE", help="default: mkdocs.yml")
    p.add_argument("--seed", type=int, default=1, help="random seed of the synthesis; default: 1")
    p.add_argument("--repeat", type=_positive, default=None, metavar="R",
                   help="run the generation scenarios R times, interleaved, and count the fastest run of each "
                        "(default: 9 below 1,000 articles, where a run takes seconds and one noisy second "
                        "decides a ratio; else 2)")
    p.add_argument("--keep", type=Path, default=None, metavar="DIR",
                   help="work in DIR and keep it (default: a temporary folder, removed afterwards)")
    p.add_argument("--site-only", action="store_true",
                   help="leave out the generation scenarios (raw YAKE, 1 against 2 processes), which do not depend "
                        "on the engine: the site's rows only, to compare engines")
    p.add_argument("--cache", type=Path, default=None, metavar="DIR", dest="articles_cache",
                   help="keep the processed articles in DIR across runs (e.g. one per engine) and start each "
                        "build from them: the builds then time the site, not the generation")
    _engine(p)
    _output(p)
    return parser


def _setup_logging(args) -> None:
    """Our messages at INFO (DEBUG with --verbose); the libraries' own only from WARNING up (their
    debug output with --debug), so that --verbose adds what the generator did, not their noise."""
    quiet, verbose = getattr(args, "quiet", False), getattr(args, "verbose", False)  # not every command has them
    debug = getattr(args, "debug", False)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.ERROR if quiet else logging.DEBUG if debug else logging.WARNING)
    log.setLevel(logging.ERROR if quiet else logging.DEBUG if verbose or debug else logging.INFO)
    # MkDocs is chatty at INFO; keep its warnings.
    for engine_log in ("mkdocs", "properdocs"):  # ProperDocs logs under its own name
        logging.getLogger(engine_log).setLevel(logging.DEBUG if debug else logging.WARNING)


def _progress(args):
    """A progress bar on a terminal; nothing in CI or when quiet (the summary says enough)."""
    if getattr(args, "quiet", False) or not sys.stderr.isatty():
        return None

    def show(done: int, total: int, name: str) -> None:
        width = 30
        filled = int(width * done / max(total, 1))
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {name[:40]:<40}")
        if done == total:
            sys.stderr.write("\r" + " " * (width + 60) + "\r")
        sys.stderr.flush()

    return show


def _report(args, report, seeds: Path, what: str, started: float) -> int:
    for warning in report.warnings:
        log.warning("warning: %s", _under(seeds, warning))
    for item in report.skipped:
        log.warning("warning: %s: %s", seeds / item.path, item.reason)
    for path, reason in report.errors:
        sys.stderr.write(f"error: {seeds / path}: {reason}\n")
    if log.isEnabledFor(logging.DEBUG) and args.command in ("check", "generate", "build") and not report.up_to_date:
        _explain_removed(seeds, report)
    took = time.monotonic() - started
    rejected = f", {len(report.errors)} rejected" if report.errors else ""
    skipped = f", {len(report.skipped)} skipped" if report.skipped else ""
    log.info("%s %d briefing%s%s%s in %.1f s", what, len(report.built), "" if len(report.built) == 1 else "s",
             rejected, skipped, took)
    return EXIT_REJECTED if report.errors else EXIT_OK


def _explain_removed(seeds: Path, report) -> None:
    """--verbose: every line the cleaning removed from each article, and why (one line each)."""
    from generator.clean import clean, is_boilerplate, is_byline, is_dateline, translation_note
    from generator.errors import BadInput
    from generator.ingest import discover, read_seed

    for seed in discover(seeds)[0]:
        try:
            raw = read_seed(seed)
        except BadInput:
            continue  # its error line says why
        cleaned = clean(raw.text, title_hint=raw.meta.get("title"), outlet=raw.meta.get("source"))
        title_at = raw.text.find(cleaned.title) if cleaned.title else -1
        seen = set(cleaned.paragraphs)
        for line in cleaned.removed:
            log.debug("removed: %s: %r (%s)", seeds / seed.rel, line if len(line) <= 100 else line[:99] + "…",
                      _why_removed(line, raw.text, title_at, seen, translation_note, is_dateline, is_byline,
                                   is_boilerplate))
            seen.add(line)


# What a line of page furniture is, for --verbose (clean.is_boilerplate decides that it is one).
_FURNITURE = (
    (re.compile(r"^\S*(?:https?://|www\.)\S*$|\.(?:png|jpe?g|gif|webp|svg|avif)\b", re.I), "an image or link address"),
    (re.compile(r"©|\(c\)\s|copyright|all rights reserved", re.I), "a copyright line"),
    (re.compile(r"subscrib|sign up|newsletter|discover more|continue reading|read more|log ?in|register", re.I),
     "a subscribe or read-more prompt"),
    (re.compile(r"share|facebook|twitter|whatsapp|telegram|linkedin|instagram|youtube|tiktok|social|e-?mail|print",
                re.I), "share and social links"),
    (re.compile(r"repl(?:y|ies)|comment", re.I), "the comments section"),
    (re.compile(r"(?:reporting|editing|writing|photos?) by", re.I), "a wire credit"),
)


def _why_removed(line, text, title_at, seen, translation_note, is_dateline, is_byline, is_boilerplate) -> str:
    if translation_note(line):
        return "a translator's note: it gives translated_from"
    if is_dateline(line):
        return "a date line"
    if is_byline(line):
        return "a byline"
    if is_boilerplate(line):
        for shape, what in _FURNITURE:
            if shape.search(line):
                return f"page furniture: {what}"
        return "page furniture: a prompt, credit or breadcrumb line"
    if line in seen:
        return "a repeat of an earlier paragraph"
    if title_at > 0 and 0 <= text.find(line) < title_at:
        return "above the headline: a logo, masthead or section line"
    return "page furniture around the article: a related-articles list, reader comments or a title repeated"


def _under(seeds: Path, message: str) -> str:
    return f"{seeds}/{message}" if not message.startswith(str(seeds)) else message


def run() -> None:
    """The console entry point (``briefings``, ``python -m generator``): :func:`main`, then exit."""
    code = main()
    exit_now(code)


def exit_now(code: int) -> None:
    """Exit with ``code`` without tearing the interpreter down object by object.

    After a build, freeing every module and object one at a time takes longer than the system
    takes to reclaim the whole process (0.06 s even after 100 articles). The exit handlers still
    run and the output is flushed; only when another thread or a child process is still running
    does the exit take the ordinary, waiting way.
    """
    import atexit
    import threading

    children = sys.modules.get("multiprocessing")
    if threading.active_count() > 1 or (children is not None and children.active_children()):
        sys.exit(code)
    atexit._run_exitfuncs()  # logging's flush among them
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            code = code or 1  # e.g. stdout was a pipe that closed: an ordinary exit would fail too
    os._exit(code)


def main(argv: list[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    _setup_logging(args)
    try:
        return _run(args)
    except UsageError as exc:
        sys.stderr.write(f"error: {exc}\n")
        return EXIT_USAGE
    except GeneratorError as exc:  # BuildError among them: the previous output was kept
        sys.stderr.write(f"error: {exc}\n")
        return EXIT_REJECTED
    except KeyboardInterrupt:
        sys.stderr.write("interrupted: the previous docs/ and site/ were left as they were\n")
        return 130
    except Exception as exc:  # a bug: one line, and the traceback only with --debug
        if getattr(args, "debug", False):
            traceback.print_exc()
        sys.stderr.write(f"error: unexpected {type(exc).__name__}: {exc} (run with --debug for details)\n")
        return EXIT_REJECTED


def _run(args) -> int:
    started = time.monotonic()
    with _warm_start(args):
        return _run_command(args, started)


def _warm_start(args):
    """For a build or generation in several processes: the warm process (generator.warmpool),
    importing the analysis while this process gets ready."""
    from contextlib import nullcontext

    from generator import warmpool

    if args.command not in ("build", "generate") or not hasattr(os, "fork"):
        return nullcontext()
    jobs = args.jobs or warmpool.default_jobs()
    return warmpool.WarmPool(jobs) if jobs > 1 else nullcontext()


def _run_command(args, started: float) -> int:
    from generator import site

    if args.command == "build":
        paths = site.Paths(args.seeds, args.docs, args.site, args.config)
        paths.validate()
        if args.site_url is not None:
            _check_site_url(args.site_url, "--site-url")
        else:
            _check_site_url(site.read_site_config(args.config).get("site_url") or None, f"{args.config}: site_url")
        report = site.build(paths, site_url=args.site_url, progress=_progress(args), jobs=args.jobs,
                            cache_dir=args.cache_dir, use_cache=args.use_cache, engine=args.engine)
        code = _report(args, report, args.seeds, "Built", started)
        log.info("Site written to %s", args.site)
        return code
    if args.command == "generate":
        paths = site.Paths(args.seeds, args.docs)
        report = site.generate(paths, progress=_progress(args), jobs=args.jobs, cache_dir=args.cache_dir,
                               use_cache=args.use_cache)
        return _report(args, report, args.seeds, "Generated", started)
    if args.command == "check":
        if not args.seeds.is_dir():
            raise UsageError(f"seeds folder '{args.seeds}' does not exist or is not a folder")
        report = site.collect(args.seeds, _progress(args))
        return _report(args, report, args.seeds, "Checked", started)
    if args.command == "serve":
        from generator.serve import serve

        return serve(args.seeds, args.docs, args.config, args.dev_addr, args.engine)
    if args.command == "new":
        from generator.newarticle import run as run_new

        return run_new(args)
    if args.command == "evaluate":
        return _evaluate(args)
    if args.command == "bench":
        from generator.bench import main as bench

        return bench(args)
    raise UsageError(f"unknown command {args.command}")


def _check_site_url(url, where: str) -> None:
    """--site-url must be the site's absolute http(s) address: a configuration error (exit 2) else,
    found before anything is written."""
    from urllib.parse import urlsplit

    if url is None or url == "":  # no address, as MkDocs reads site_url: ""
        return
    if not isinstance(url, str):
        raise UsageError(f"{where} must be an address (text), not {type(url).__name__}")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number from 0 to 65535
        ok = (parts.scheme in ("http", "https") and bool(parts.hostname) and not parts.query
              and not parts.fragment and not any(c.isspace() or ord(c) < 32 for c in url))
    except ValueError:  # a bad port, brackets that do not close
        ok = False
    if not ok:
        raise UsageError(f"{where} {url!r} is not the site's address; give an absolute http:// or https:// "
                         "address such as https://USER.github.io/REPO/")


def _evaluate(args) -> int:
    if args.what == "quotes":
        from generator.evaluate_quotes import evaluate_polnear, format_report

        if not args.polnear.is_dir():
            raise UsageError(f"PolNeAR folder '{args.polnear}' does not exist")
        try:
            result = evaluate_polnear(args.polnear, args.split)
        except FileNotFoundError as exc:
            raise UsageError(f"{args.polnear}: not a PolNeAR checkout ({exc})") from None
    else:
        from generator.evaluate_keywords import evaluate_kpcrowd, format_report

        if not args.kpcrowd.is_dir():
            raise UsageError(f"500N-KPCrowd folder '{args.kpcrowd}' does not exist")
        try:
            result = evaluate_kpcrowd(args.kpcrowd)
        except FileNotFoundError as exc:
            raise UsageError(f"{args.kpcrowd}: not the 500N-KPCrowd folder ({exc})") from None
    sys.stdout.write(format_report(result) + "\n")
    return EXIT_OK
