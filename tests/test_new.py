"""`briefings new`: add an article to seeds/ from a file or standard input."""
import io
import os
import subprocess
import sys

import pytest
import yaml

from generator import cli, site
from tests.conftest import ARTICLE, REPO

SLUG = "port-workers-strike-over-pay-as-shipping-delays-grow"


def run(argv, stdin: str | bytes | None = None, monkeypatch=None, capsys=None):
    if stdin is not None:
        data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    code = cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def listing(folder):
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))


def test_new_from_a_file_writes_text_and_sidecar_and_prints_the_path(tmp_path, seeds_dir, monkeypatch, capsys):
    seeds = seeds_dir()
    article = tmp_path / "story.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    code, out, err = run(["new", "--seeds", str(seeds), str(article), "--source", "The Ledger", "--published",
                          "4 March 2025", "--url", "https://ledger.example/strike", "--author", "Jane Doe",
                          "--language", "English", "--translated-from", "es"], monkeypatch=monkeypatch, capsys=capsys)
    assert code == 0, err
    assert out == f"{seeds / (SLUG + '.txt')}\n"
    assert (seeds / f"{SLUG}.txt").read_bytes() == article.read_bytes()
    meta = yaml.safe_load((seeds / f"{SLUG}.yml").read_text(encoding="utf-8"))
    assert meta == {"source": "The Ledger", "url": "https://ledger.example/strike", "published": "4 March 2025",
                    "author": "Jane Doe", "language": "English", "translated_from": "es"}
    report = site.collect(seeds)  # the build reads it back as given
    assert report.errors == [] and len(report.briefings) == 1
    source = report.briefings[0].source
    assert (source.name, source.published, source.url, source.author, source.language, source.translated_from) == (
        "The Ledger", "2025-03-04", "https://ledger.example/strike", "Jane Doe", "en", "es")


def test_new_from_stdin_never_overwrites_and_names_by_title(seeds_dir, monkeypatch, capsys):
    seeds = seeds_dir({f"{SLUG}.txt": "someone else's article", f"{SLUG}-2.yml": "source: X\n"})
    before = (seeds / f"{SLUG}.txt").read_bytes()
    code, out, err = run(["new", "--seeds", str(seeds)], stdin=ARTICLE, monkeypatch=monkeypatch, capsys=capsys)
    assert code == 0, err
    assert out == f"{seeds / (SLUG + '-3.txt')}\n"  # -2 is taken by a sidecar
    assert f"another article is already named {SLUG}; this one was saved as {SLUG}-3.txt" in err
    assert (seeds / f"{SLUG}.txt").read_bytes() == before
    assert not (seeds / f"{SLUG}-3.yml").exists()  # no metadata given, no sidecar
    other = ARTICLE.replace("4,000", "5,000")
    code, out, err = run(["new", "--seeds", str(seeds), "-", "--title", "A: Title / of ours!"], stdin=other,
                         monkeypatch=monkeypatch, capsys=capsys)
    assert code == 0 and out == f"{seeds / 'a-title-of-ours.txt'}\n"
    assert yaml.safe_load((seeds / "a-title-of-ours.yml").read_text()) == {"title": "A: Title / of ours!"}
    assert not [p for p in seeds.iterdir() if p.name.startswith(".")]  # no temporary files left


def test_new_refuses_an_article_already_in_the_seeds(tmp_path, seeds_dir, monkeypatch, capsys):
    seeds = seeds_dir({"sub/older-name.txt": ARTICLE + "\n\n"})  # the same text, saved earlier (or by hand)
    before = listing(seeds)
    code, out, err = run(["new", "--seeds", str(seeds), "--source", "The Ledger"], stdin=ARTICLE,
                         monkeypatch=monkeypatch, capsys=capsys)
    assert code == 1 and out == ""
    assert err.strip() == (f"error: <stdin>: this article is already in the seeds folder as {seeds / 'sub/older-name.txt'}; "
                           "nothing was written (edit that file, or its .yml metadata file, to change it)")
    assert listing(seeds) == before
    article = tmp_path / "story.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert run(["new", "--seeds", str(seeds), str(article)], monkeypatch=monkeypatch, capsys=capsys)[0] == 1
    assert listing(seeds) == before


def test_new_reads_an_ambiguous_date_by_the_language_or_says_why_not(seeds_dir, monkeypatch, capsys):
    seeds = seeds_dir()
    code, out, err = run(["new", "--seeds", str(seeds), "--published", "12/09/2026"], stdin=ARTICLE,
                         monkeypatch=monkeypatch, capsys=capsys)
    assert code == 1 and listing(seeds) == []
    assert err.strip() == ("error: <stdin>: --published '12/09/2026' is ambiguous: 12 September 2026 (day first) or "
                           "December 9, 2026 (month first); give it as YYYY-MM-DD, or add --language with its region "
                           "(en-GB reads it day first, en-US month first)")
    code, out, err = run(["new", "--seeds", str(seeds), "--published", "12/09/2026", "--language", "en-GB"],
                         stdin=ARTICLE, monkeypatch=monkeypatch, capsys=capsys)
    assert code == 0, err
    assert site.collect(seeds).briefings[0].source.published == "2026-09-12"


def test_new_keeps_markdown_and_html_as_they_are(tmp_path, seeds_dir, monkeypatch, capsys):
    seeds = seeds_dir()
    md = tmp_path / "story.md"
    md.write_text("---\nsource: Front Matter Times\n---\n" + ARTICLE, encoding="utf-8")
    code, out, err = run(["new", "--seeds", str(seeds), str(md)], monkeypatch=monkeypatch, capsys=capsys)
    assert code == 0, err
    assert out.strip().endswith(f"{SLUG}.md")
    report = site.collect(seeds)
    assert report.briefings[0].source.name == "Front Matter Times"


@pytest.mark.parametrize("args,stdin,reason", [
    ([], "Just a headline\n", "has a headline but no article text"),
    ([], "", "the input is empty"),
    ([], b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "not text"),
    (["--url", "javascript:alert(1)"], ARTICLE, "--url 'javascript:alert(1)' is not understood"),
    (["--published", "someday"], ARTICLE, "--published 'someday' is not understood"),
    (["--language", "Klingonese"], ARTICLE, "--language 'Klingonese' is not understood"),
    (["--source", "  "], ARTICLE, "--source is empty"),
])
def test_new_rejects_with_one_line_and_writes_nothing(seeds_dir, monkeypatch, capsys, args, stdin, reason):
    seeds = seeds_dir({"other.txt": ARTICLE})
    before = listing(seeds)
    code, out, err = run(["new", "--seeds", str(seeds), *args], stdin=stdin, monkeypatch=monkeypatch, capsys=capsys)
    assert code == 1 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: <stdin>: ") and reason in lines[0], err
    assert listing(seeds) == before


def test_new_usage_errors_exit_2(tmp_path, seeds_dir, monkeypatch, capsys):
    seeds = seeds_dir()
    code, _, err = run(["new", "--seeds", str(seeds), str(tmp_path / "missing.txt")], monkeypatch=monkeypatch,
                       capsys=capsys)
    assert code == 2 and "is not a file" in err
    code, _, err = run(["new", "--seeds", str(tmp_path / "nowhere")], stdin=ARTICLE, monkeypatch=monkeypatch,
                       capsys=capsys)
    assert code == 2 and "does not exist" in err and not (tmp_path / "nowhere").exists()


def test_new_sidecar_is_plain_yaml_even_for_hostile_values(seeds_dir, monkeypatch, capsys):
    seeds = seeds_dir()
    hostile = "!!python/object/apply:os.system ['echo hi'] \n--- {a: b} # c"
    code, out, err = run(["new", "--seeds", str(seeds), "--author", hostile, "--title", "Quoted: 'it' \"is\""],
                         stdin=ARTICLE, monkeypatch=monkeypatch, capsys=capsys)
    assert code == 0, err
    sidecar = seeds / "quoted-it-is.yml"
    assert yaml.safe_load(sidecar.read_text(encoding="utf-8")) == {
        "title": "Quoted: 'it' \"is\"", "author": " ".join(hostile.split())}
    report = site.collect(seeds)
    assert report.errors == [] and report.briefings[0].title == "Quoted: 'it' \"is\""


def test_new_help_describes_every_option():
    result = subprocess.run([sys.executable, "-m", "generator", "new", "--help"], capture_output=True, text=True,
                            cwd=REPO, env={**os.environ, "COLUMNS": "120"})
    assert result.returncode == 0
    for option in ("--seeds", "--title", "--source", "--url", "--published", "--author", "--language",
                   "--translated-from", "FILE", "standard input", "never overwritten", "Exit status"):
        assert option in result.stdout, option
