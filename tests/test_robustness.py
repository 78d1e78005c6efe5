"""A build survives anything a folder can hold, reports what it skipped, and never loses work."""
import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from generator import site
from tests.conftest import ARTICLE, REPO

pytestmark = pytest.mark.slow

ENV = {"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin", "HOME": "/tmp"}


def digest(root: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        h.update(str(path.relative_to(root)).encode())
        if path.is_file() and not path.is_symlink():
            h.update(path.read_bytes())
    return h.hexdigest()


def variant(n: int) -> str:
    """A distinct, realistic article: the fixture with its headline and numbers changed."""
    return ARTICLE.replace("Port Workers Strike", f"Port Workers Strike in District {n}").replace(
        "4,000", f"{4000 + n:,}")


def front(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("\n---\n", 1)[0][4:])


def run_cli(*args, cwd: Path):
    return subprocess.run([sys.executable, "-m", "generator", *map(str, args)], cwd=cwd, env=ENV,
                          capture_output=True, text=True, timeout=600)


def test_mixed_folder_reports_each_problem_and_builds_the_rest(tmp_path, seeds_dir):
    cp1252 = ("Minister Warns of Fuel Shortage\r\n\r\n" + ARTICLE.split("\n\n", 1)[1].replace("\n", "\r\n")).encode("cp1252")
    seeds = seeds_dir({
        "good.txt": ARTICLE,
        "windows.TXT": cp1252,
        "utf16.txt": variant(1).encode("utf-16"),
        "bom.txt": b"\xef\xbb\xbf" + variant(2).encode("utf-8"),
        "lone-cr.txt": variant(3).replace("\n", "\r").encode("utf-8"),
        "nul.txt": variant(4).replace("dispute", "dis\x00pute").encode("utf-8"),
        "invisible.txt": variant(5).replace("Monday", "Mon\u200bday\u202e"),
        "sub/folder/nested.md": "---\nsource: Harbour News\npublished: 2025-04-01\n---\n" + variant(6),
        "typed.txt": variant(7),
        "typed.yml": "source: [a, list]\npublished: 2025-04-02\n",
        "empty.txt": "",
        "blank.txt": " \n\t\n ",
        "title-only.txt": "Port Workers Strike Over Pay\n",
        "boilerplate.txt": "Subscribe now\n\nLeave a Reply\n\nShare this article\n\n© Example News 2026\n",
        "image.txt": b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4,
        "noarticle.html": "<html><body><nav><a href='/'>Home</a> <a href='/a'>About</a></nav></body></html>",
        "list.md": "---\n- a\n- b\n---\nText\n",
        "unclosed.md": "---\ntitle: x\n\nText of the article.\n",
        "tagged.md": "---\ntitle: !!python/object/apply:os.system [echo hi]\n---\nText\n",
        "badside.txt": variant(8),
        "badside.yml": "{{{{ not yaml",
        "notes.docx": b"PK\x03\x04",
    })
    os.symlink("/etc/passwd", seeds / "link.txt")
    os.mkfifo(seeds / "fifo.txt")
    before = digest(seeds)
    result = run_cli("generate", "--seeds", seeds, "--docs", tmp_path / "docs", cwd=tmp_path)
    assert result.returncode == 1
    assert digest(seeds) == before
    errors = {line.split(": ", 2)[1].rsplit("/", 1)[-1]: line for line in result.stderr.splitlines()
              if line.startswith("error: ")}
    assert sorted(errors) == sorted(["empty.txt", "blank.txt", "title-only.txt", "boilerplate.txt", "image.txt",
                                     "noarticle.html", "list.md", "unclosed.md", "tagged.md", "badside.txt",
                                     "link.txt", "fifo.txt"])
    for name, line in errors.items():
        assert line.startswith(f"error: {seeds}/"), line  # names the file
        assert any(w in line for w in ("remove", "add", "fix", "write", "save", "move")), line  # says what to do
    assert "Traceback" not in result.stderr
    # a link or a FIFO in the place of an article is a rejected input: one error line, never followed or read
    assert f"error: {seeds}/link.txt: symbolic link, not followed" in result.stderr
    assert f"error: {seeds}/fifo.txt: not a regular file (a FIFO)" in result.stderr
    assert "root:" not in result.stderr
    assert "notes.docx: unsupported file type '.docx'" in result.stderr
    assert "typed.txt" in result.stderr and "'source' should be text" in result.stderr
    briefings = {front(p)["source"]["file"]: front(p) for p in (tmp_path / "docs" / "briefings").glob("*.md")}
    assert sorted(briefings) == sorted(["good.txt", "windows.TXT", "utf16.txt", "bom.txt", "lone-cr.txt", "nul.txt",
                                        "invisible.txt", "sub/folder/nested.md", "typed.txt"])
    windows = briefings["windows.TXT"]
    assert windows["title"] == "Minister Warns of Fuel Shortage"
    assert windows["quotes"][0]["text"].startswith("We have been patient for months")
    assert briefings["typed.txt"]["source"]["name"] is None and briefings["typed.txt"]["source"]["published"] == "2025-04-02"
    assert briefings["sub/folder/nested.md"]["source"]["name"] == "Harbour News"
    texts = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "docs" / "briefings").glob("*.md"))
    assert "\x00" not in texts and "\u200b" not in texts and "\u202e" not in texts and "\r" not in texts


def test_names_give_safe_short_unique_slugs(tmp_path, seeds_dir):
    names = ["with space.txt", "ünïcödé.txt", "-leading-dash.txt", "$(touch pwned);`x`&.txt", "..dots...txt",
             "x" * 200 + ".txt"]
    titles = ["Port Strike", "Port Strike!", "../../etc/passwd", "<script>alert(1)</script>", "!!! ??? ...",
              "word " * 400]
    files = {name: title.strip() + "\n\n" + ARTICLE.split("\n\n", 1)[1] for name, title in zip(names, titles)}
    seeds = seeds_dir(files)
    docs = tmp_path / "out" / "docs"
    report = site.generate(site.Paths(seeds, docs))
    assert report.errors == []
    slugs = [b.slug for b in report.briefings]
    assert len(set(slugs)) == len(names)
    for slug in slugs:
        assert 3 <= len(slug) <= 80 and set(slug) <= set("abcdefghijklmnopqrstuvwxyz0123456789-")
        assert not slug.startswith("-")
    written = {p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file()}
    # Only the docs folder (and the generator's own processing cache beside it) is written.
    assert all(str(p).startswith(("out/docs/", "out/.briefings-cache/", "seeds/")) for p in written), written
    assert not (tmp_path / "pwned").exists()


def test_huge_article_and_huge_line_build_with_a_warning(tmp_path, seeds_dir):
    body = ARTICLE.split("\n\n", 1)[1]
    huge = "Huge Archive Dump of Port Coverage\n\n" + "\n\n".join([body] * 40000)  # about 30 MB
    line = "One Line Article About Port Strike\n\n" + ("The strike goes on and the port is closed. " * 120000)
    seeds = seeds_dir({"huge.txt": huge, "line.txt": line})
    assert (seeds / "huge.txt").stat().st_size > 25_000_000
    result = run_cli("generate", "--seeds", seeds, "--docs", tmp_path / "docs", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "only the first 8 million were read" in result.stderr
    assert "the briefing keeps the first 100,000" in result.stderr
    pages = {front(p)["source"]["file"]: p for p in (tmp_path / "docs" / "briefings").glob("*.md")}
    for name, page in pages.items():
        data = front(page)
        # the metadata states the article's true length; the page and the front matter say it was cut
        assert data["word_count"] > 1_000_000 and data["words_shown"] <= 100_000, name
        assert data["reading_time"] == -(-data["word_count"] // 230), name
        assert page.stat().st_size < 2_000_000
        assert f"The text is shortened: the first {data['words_shown']:,} of the article's " \
               f"{data['word_count']:,} words are shown." in page.read_text(encoding="utf-8")
    assert front(pages["line.txt"])["word_count"] == 9 * 120000


def test_file_over_the_size_limit_is_rejected(tmp_path, seeds_dir, monkeypatch):
    from generator import ingest

    monkeypatch.setattr(ingest, "MAX_BYTES", 1000)
    seeds = seeds_dir({"big.txt": ARTICLE * 3, "ok.txt": "Short Headline Here\n\n" + "Word " * 50 + "."})
    report = site.collect(seeds)
    assert report.errors == [("big.txt", report.errors[0][1])]
    assert "over the 0 MB limit" in report.errors[0][1] or "limit" in report.errors[0][1]


def _start_build(tmp_path: Path, seeds: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "generator", "build", "--seeds", str(seeds), "--docs", str(tmp_path / "docs"),
         "--site", str(tmp_path / "site"), "--config", str(tmp_path / "mkdocs.yml")],
        cwd=tmp_path, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _prepare(tmp_path: Path, seeds_dir) -> Path:
    seeds = seeds_dir({"a.txt": ARTICLE})
    config = (REPO / "mkdocs.yml").read_text().replace("custom_dir: theme", f"custom_dir: {REPO / 'theme'}")
    (tmp_path / "mkdocs.yml").write_text(config)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "about.md").write_text("# About\n\nHand-written.\n")
    assert run_cli("build", "--seeds", seeds, "--docs", tmp_path / "docs", "--site", tmp_path / "site",
                   "--config", tmp_path / "mkdocs.yml", cwd=tmp_path).returncode == 0
    for n in range(300):  # enough work to be caught in the middle of it
        (seeds / f"more-{n}.txt").write_text(variant(n + 10))
    return seeds


@pytest.mark.parametrize("moment", ["generation", "site build"])
def test_sigkill_leaves_previous_output_intact(tmp_path, seeds_dir, moment):
    seeds = _prepare(tmp_path, seeds_dir)
    before = (digest(tmp_path / "docs"), digest(tmp_path / "site"))
    proc = _start_build(tmp_path, seeds)
    started = time.monotonic()
    killed_at = None
    staged = False
    while time.monotonic() < started + 120 and proc.poll() is None:
        staged = staged or bool(list(tmp_path.glob(".docs.new-*")))
        if moment == "site build" and [p for p in tmp_path.glob(".site.new-*") if any(p.iterdir())]:
            killed_at = "site build"
        elif moment == "generation" and not staged and time.monotonic() > started + 1.5:
            killed_at = "generation"  # imports done, articles being processed, nothing staged yet
        if killed_at:
            proc.send_signal(signal.SIGKILL)
            break
        time.sleep(0.005)
    proc.wait()
    assert killed_at == moment, "the build finished before it could be interrupted"
    assert (digest(tmp_path / "docs"), digest(tmp_path / "site")) == before
    assert (tmp_path / "site" / "index.html").is_file()
    # The next build recovers: leftovers removed, the new articles in.
    result = run_cli("build", "--seeds", seeds, "--docs", tmp_path / "docs", "--site", tmp_path / "site",
                     "--config", tmp_path / "mkdocs.yml", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert not list(tmp_path.glob(".docs.new-*")) and not list(tmp_path.glob(".site.new-*"))
    assert len(json.loads((tmp_path / "site" / "briefings.json").read_text())) == 301
    assert (tmp_path / "docs" / "about.md").read_text() == "# About\n\nHand-written.\n"


def _long_article(n: int) -> str:
    """A distinct article that takes seconds to process (some 14,000 words, many quotations)."""
    paragraphs = [f"The port authority said on day {i} that {i * 7 + n} containers were moved by crane {i % 13}, "
                  f"while union leader number {i} asked for {i % 9} more hours. \"We will keep working on shift "
                  f"{i},\" said inspector {i + n}." for i in range(400)]
    return f"Port Strike Enters Week {n}\n\n" + "\n\n".join(paragraphs) + "\n"


def test_ctrl_c_in_generation_stops_every_process_at_once(tmp_path, seeds_dir):
    seeds = seeds_dir({f"long-{n}.txt": _long_article(n) for n in range(6)})
    for folder in ("docs", "site"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "previous.txt").write_text("the previous build")
    before = (digest(tmp_path / "docs"), digest(tmp_path / "site"))
    # as from a terminal: its own process group, which Ctrl-C signals as a whole; stderr is a pipe
    # that stays open as long as any process of the build holds it
    proc = subprocess.Popen([sys.executable, "-m", "generator", "build", "--seeds", str(seeds), "--docs",
                             str(tmp_path / "docs"), "--site", str(tmp_path / "site"), "--config",
                             str(REPO / "mkdocs.yml"), "--jobs", "2", "--no-cache"], cwd=tmp_path, env=ENV,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    time.sleep(3.0)  # started, the workers in the middle of an article (each takes seconds)
    assert proc.poll() is None, "the build ended before it could be interrupted"
    interrupted = time.monotonic()
    os.killpg(proc.pid, signal.SIGINT)
    try:
        err = proc.communicate(timeout=30)[1]  # until every process of the build has let go of stderr
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        pytest.fail("processes of the interrupted build were still running 30 s later")
    took = time.monotonic() - interrupted
    assert proc.returncode == 130, err
    assert err.strip().splitlines()[-1] == "interrupted: the previous docs/ and site/ were left as they were"
    assert took < 1.5, f"the build took {took:.1f} s to stop"
    assert (digest(tmp_path / "docs"), digest(tmp_path / "site")) == before


SHORT_BODY = "The council approved the harbour budget on Monday, officials said."


def test_a_short_titled_article_is_an_article_and_a_stub_is_not(tmp_path, seeds_dir):
    seeds = seeds_dir({
        "notes/front.md": f"---\ntitle: Council Approves Harbour Budget\n---\n\n{SHORT_BODY}\n",
        "notes/heading.md": f"# Council Approves <Harbour> Budget\n\n{SHORT_BODY}\n",
        "notes/plain.txt": f"Council Approves Harbour Budget\n\n{SHORT_BODY}\n",
        "notes/caption.txt": "A man walks past the harbour on Monday\n",
        "notes/label.txt": "Harbour budget\n\nPhoto gallery and more pictures\n",
    })
    report = site.generate(site.Paths(seeds, tmp_path / "docs"))
    assert sorted(report.built) == ["notes/front.md", "notes/heading.md", "notes/plain.txt"]
    assert sorted(p for p, _ in report.errors) == ["notes/caption.txt", "notes/label.txt"]
    titles = sorted(b.title for b in report.briefings)
    # a Markdown page's heading is its title as written, without the '#'
    assert titles == ["Council Approves <Harbour> Budget", "Council Approves Harbour Budget",
                      "Council Approves Harbour Budget"]
    assert all(b.word_count == 10 and b.paragraphs == (SHORT_BODY,) for b in report.briefings)


CHINESE = """北京宣布新的港口扩建计划

北京市政府星期一宣布，将在未来五年内投资两百亿元扩建天津港的集装箱码头，以应对不断增长的贸易需求。

官员表示，新码头将于二零二八年投入使用，预计每年可增加五百万标准箱的吞吐能力。

“这个项目对整个华北地区的经济发展至关重要，”市交通委员会主任王明说。
"""
THAI = """รัฐบาลประกาศแผนขยายท่าเรือแหลมฉบัง

รัฐบาลไทยประกาศเมื่อวันจันทร์ว่าจะลงทุนสองหมื่นล้านบาทเพื่อขยายท่าเรือแหลมฉบังภายในห้าปีข้างหน้า เพื่อรองรับความต้องการทางการค้าที่เพิ่มขึ้น

เจ้าหน้าที่กล่าวว่าท่าเทียบเรือใหม่จะเปิดใช้งานในปี 2571 และคาดว่าจะเพิ่มความสามารถในการขนส่งตู้สินค้าได้ปีละห้าล้านตู้
"""
JAPANESE = """政府、港湾拡張計画を発表

政府は月曜日、今後五年間で二兆円を投じて横浜港のコンテナターミナルを拡張すると発表した。

当局者によると、新しいターミナルは二〇二八年に運用を開始する見込みだ。
"""


def test_articles_in_scripts_without_spaces_are_built_whole(tmp_path, seeds_dir):
    seeds = seeds_dir({"zh.txt": CHINESE, "th.txt": THAI, "ja.txt": JAPANESE})
    report = site.generate(site.Paths(seeds, tmp_path / "docs"))
    assert not report.errors, report.errors
    by_file = {b.source.file: b for b in report.briefings}
    assert by_file["zh.txt"].title == "北京宣布新的港口扩建计划" and len(by_file["zh.txt"].paragraphs) == 3
    assert by_file["th.txt"].title == "รัฐบาลประกาศแผนขยายท่าเรือแหลมฉบัง" and len(by_file["th.txt"].paragraphs) == 2
    assert by_file["ja.txt"].title == "政府、港湾拡張計画を発表" and len(by_file["ja.txt"].paragraphs) == 2
    assert by_file["zh.txt"].word_count > 60
