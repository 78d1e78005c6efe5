"""The command-line contract: exit codes, one error line per rejected file, nothing changed on usage errors."""
import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ARTICLE, REPO

pytestmark = pytest.mark.slow


def run(*args, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"}, timeout=300)


def tree_digest(root: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        h.update(str(path.relative_to(root)).encode())
        if path.is_file():
            h.update(path.read_bytes())
    return h.hexdigest()


def test_generate_rejects_bad_seeds_with_one_line_each_and_builds_the_rest(tmp_path, seeds_dir):
    seeds = seeds_dir({
        "good.txt": ARTICLE,
        "empty.txt": "   \n",
        "photo.txt": b"\x89PNG\r\n\x1a\n" + bytes(range(256)),
        "bad-front.md": "---\ntitle: [unclosed\n---\nBody text of the article.\n",
        "notes.pdf": b"%PDF-1.4",
    })
    docs = tmp_path / "docs"
    result = run("generate", "--seeds", seeds, "--docs", docs, cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert sorted(errors) == sorted([
        f"error: {seeds}/bad-front.md: front matter is not valid YAML at line 3; fix or remove it",
        f"error: {seeds}/empty.txt: the file is empty; add the article's text or remove the file",
        f"error: {seeds}/photo.txt: this is a PNG image, not text; remove it or save the article as text",
    ])
    assert f"warning: {seeds}/notes.pdf: unsupported file type '.pdf'" in result.stderr
    assert "Traceback" not in result.stderr
    assert (docs / "briefings" / "port-workers-strike-over-pay-as-shipping-delays-grow.md").is_file()


def test_usage_errors_exit_2_and_change_nothing(tmp_path, seeds_dir):
    seeds = seeds_dir({"good.txt": ARTICLE})
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "about.md").write_text("# About\n")
    before_docs, before_seeds = tree_digest(docs), tree_digest(seeds)
    cases = [
        ("generate", "--seeds", tmp_path / "missing", "--docs", docs),
        ("generate", "--seeds", seeds / "good.txt", "--docs", docs),
        ("generate", "--seeds", seeds, "--docs", seeds / "out"),
        ("generate", "--seeds", seeds, "--docs", seeds),
        ("build", "--seeds", seeds, "--docs", docs, "--site", docs / "site"),
        ("build", "--seeds", seeds, "--docs", docs, "--site", seeds / "site"),
        ("generate", "--bogus"),
    ]
    for args in cases:
        result = run(*args, cwd=tmp_path)
        assert result.returncode == 2, (args, result.stderr)
        assert "Traceback" not in result.stderr
        assert result.stderr.strip().splitlines()[-1].startswith("error: ")
    assert tree_digest(docs) == before_docs and tree_digest(seeds) == before_seeds
    assert not (tmp_path / "site").exists()


def test_a_bad_site_address_is_a_configuration_error(tmp_path, seeds_dir):
    seeds = seeds_dir({"good.txt": ARTICLE})
    config = tmp_path / "mkdocs.yml"
    config.write_text((REPO / "mkdocs.yml").read_text(encoding="utf-8").replace(
        "custom_dir: theme", f"custom_dir: {REPO / 'theme'}"), encoding="utf-8")
    common = ("build", "--seeds", seeds, "--docs", tmp_path / "docs", "--site", tmp_path / "site", "--config", config)
    for url in ("not a url", "example.org/briefings/", "ftp://example.org/", "https://", "https://x.org:99999/"):
        result = run(*common, "--site-url", url, cwd=tmp_path)
        assert result.returncode == 2, (url, result.stderr)
        assert result.stderr.strip() == (f"error: --site-url {url!r} is not the site's address; give an absolute "
                                         "http:// or https:// address such as https://USER.github.io/REPO/")
    config.write_text(config.read_text(encoding="utf-8").replace('site_url: ""', "site_url: www.example.org"))
    result = run(*common, cwd=tmp_path)
    assert result.returncode == 2 and result.stderr.startswith(f"error: {config}: site_url 'www.example.org' is not")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mkdocs.yml", "seeds"]


def test_build_into_a_fresh_docs_folder_links_only_to_pages_that_exist(tmp_path, seeds_dir):
    seeds = seeds_dir({"good.txt": ARTICLE})
    site = tmp_path / "site"
    result = run("build", "--seeds", seeds, "--docs", tmp_path / "fresh", "--site", site, "--config",
                 REPO / "mkdocs.yml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (f"warning: {REPO / 'mkdocs.yml'}: the navigation names about.md, which is not in the docs folder; it is "
            "left out of the navigation (add the page to the docs folder to show it)") in result.stderr
    assert "not found in the documentation files" not in result.stderr  # MkDocs' own complaint is gone
    pages = [p for p in site.rglob("*.html") if not p.is_relative_to(site / "assets")]
    assert len(pages) > 5 and not [p for p in pages if 'href="about/"' in p.read_text(encoding="utf-8")
                                   or "/about/" in p.read_text(encoding="utf-8")]
    assert 'href="topics/"' in (site / "index.html").read_text(encoding="utf-8")  # the rest of the nav stays


def test_check_writes_nothing(tmp_path, seeds_dir):
    seeds = seeds_dir({"good.txt": ARTICLE, "empty.txt": ""})
    result = run("check", "--seeds", seeds, cwd=tmp_path)
    assert result.returncode == 1
    assert f"error: {seeds}/empty.txt: the file is empty" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["seeds"]


def test_check_verbose_says_what_was_removed_and_why_without_library_noise(tmp_path, seeds_dir):
    seeds = seeds_dir({"good.txt": ARTICLE.replace("\n\n", "\n\nShare on Facebook\n\n", 1)
                       + "\n\nSubscribe to our newsletter\n\n© The Ledger 2026\n"})
    result = run("check", "-v", "--seeds", seeds, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert f"removed: {seeds}/good.txt: 'Share on Facebook' (page furniture: share and social links)" in lines
    assert f"removed: {seeds}/good.txt: 'Subscribe to our newsletter' (page furniture: a subscribe or read-more " \
           "prompt)" in lines
    assert f"removed: {seeds}/good.txt: '© The Ledger 2026' (page furniture: a copyright line)" in lines
    # only the generator's own lines: no debug output of the libraries it uses
    assert all(line.startswith(("removed: ", "cache: ", "Checked ")) for line in lines), lines


def test_serve_prints_the_address_and_its_preview_has_search_and_only_links_that_resolve(tmp_path, seeds_dir):
    import os
    import signal
    import socket
    import threading
    import time
    import urllib.request

    seeds = seeds_dir({"good.txt": ARTICLE})
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--seeds", str(seeds), "--docs",
                             str(tmp_path / "fresh-docs"), "--config", str(REPO / "mkdocs.yml"), "--dev-addr",
                             f"127.0.0.1:{port}"], cwd=REPO, stderr=subprocess.PIPE, text=True,
                            env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"}, start_new_session=True)
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(proc.stderr), daemon=True)
    reader.start()
    try:
        address = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + 120
        while not any(f"Serving on {address}" in line for line in lines) and time.monotonic() < deadline:
            assert proc.poll() is None, "".join(lines)
            time.sleep(0.2)
        assert any(f"Serving on {address}" in line for line in lines), "".join(lines)  # the address to open
        home = urllib.request.urlopen(address, timeout=30).read().decode()
        assert "Port Workers Strike" in home
        # the navigation links only to pages that exist: the fresh docs folder has no about.md
        assert "about/" not in home
        assert any("navigation names about.md, which is not in the docs folder" in line for line in lines)
        # the preview's search works: the Pagefind index is there, as in a built site
        assert urllib.request.urlopen(address + "pagefind/pagefind.js", timeout=30).status == 200
        assert urllib.request.urlopen(address + "pagefind/pagefind-entry.json", timeout=30).status == 200
    finally:
        os.killpg(proc.pid, signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def test_help_on_every_command(tmp_path):
    for command in ("build", "generate", "check", "serve", "evaluate"):
        result = run(command, "--help", cwd=tmp_path)
        assert result.returncode == 0 and "usage:" in result.stdout and len(result.stdout.splitlines()) > 4


def test_evaluate_names_a_missing_corpus_folder(tmp_path):
    for what, flag in (("quotes", "--polnear"), ("keywords", "--kpcrowd")):
        result = run("evaluate", what, flag, tmp_path / "missing", cwd=tmp_path)
        assert result.returncode == 2, result.stderr
        assert result.stderr.strip().splitlines()[-1].startswith("error: ") and "does not exist" in result.stderr
        assert "Traceback" not in result.stderr


def test_build_with_relative_folders_and_the_configuration_elsewhere(tmp_path, seeds_dir):
    """Relative --docs/--site are relative to where the command runs, not to mkdocs.yml's folder."""
    seeds_dir({"a.txt": ARTICLE})
    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(REPO / "theme", project / "theme")
    result = run("build", "--seeds", "seeds", "--docs", "project/docs", "--site", "project/site",
                 "--config", "project/mkdocs.yml", "-q", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (project / "site" / "index.html").is_file() and (project / "docs" / "index.md").is_file()
    assert not (project / "project").exists()
