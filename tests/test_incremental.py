"""Incremental site builds (generator.mkbuild): a rebuild renders only the pages whose output can
have changed, and its site is byte for byte the site a full build of the same inputs gives."""
import shutil
from pathlib import Path

import pytest

from generator import engine, mkbuild, site
from tests.conftest import REPO

FIXTURES = REPO / "tests" / "fixtures" / "articles"

pytestmark = pytest.mark.slow


@pytest.fixture
def rendered(monkeypatch):
    """The pages rendered (not reused) by each build, in order."""
    from mkdocs.commands import build as mk

    log: list[list[str]] = []

    real = mk._build_page

    def spy(page, *a, **k):
        log[-1].append(page.file.src_uri)
        return real(page, *a, **k)

    real_build = engine._build

    def build(*a, **k):
        log.append([])
        return real_build(*a, **k)

    monkeypatch.setattr(mk, "_build_page", spy)
    monkeypatch.setattr(engine, "_build", build)
    return log


def _project(root: Path, seeds: Path) -> site.Paths:
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "about.md").write_text("# About\n\nHand-written.\n", encoding="utf-8")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "theme", root / "theme")
    return site.Paths(seeds, root / "docs", root / "site", root / "mkdocs.yml")


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _same_as_full_build(paths: site.Paths, tmp_path: Path) -> None:
    """The incremental result equals a full build (no cache) of the same seeds, file for file."""
    fresh = _project(tmp_path / "fresh", paths.seeds)
    (fresh.docs / "about.md").unlink()
    for page in paths.docs.glob("*.md"):  # the hand-written pages
        if page.name != "index.md":
            shutil.copy(page, fresh.docs / page.name)
    site.build(fresh, use_cache=False)
    got, want = _tree(paths.site), _tree(fresh.site)
    assert sorted(got) == sorted(want)
    different = [name for name in want if got[name] != want[name]]
    assert different == []
    assert _tree(paths.docs) == _tree(fresh.docs)


@pytest.fixture
def seeds(tmp_path):
    folder = tmp_path / "seeds"
    shutil.copytree(FIXTURES, folder)
    return folder


def _insert_paragraph(path: Path, paragraph: str) -> None:
    text = path.read_text(encoding="utf-8")
    cut = text.index("\n\n", len(text) // 3)
    path.write_text(text[:cut] + "\n\n" + paragraph + text[cut:], encoding="utf-8")


def test_one_edit_renders_few_pages_and_equals_a_full_build(tmp_path, seeds, rendered, monkeypatch):
    from generator import sitepages

    paths = _project(tmp_path / "p", seeds)
    site.build(paths)
    total = len(rendered[0])
    written: list[str] = []
    real = sitepages.render_briefing
    monkeypatch.setattr(sitepages, "render_briefing", lambda b, *a: written.append(b.slug) or real(b, *a))
    # a briefing processed in this build comes with its own part of the page: its related ones are added
    real_with = sitepages.with_related
    monkeypatch.setattr(sitepages, "with_related", lambda own, rel: written.append(own) or real_with(own, rel))
    assert total > 60  # briefings, topics, people, archive ...
    edited = sorted(seeds.glob("*.md"))[0]
    _insert_paragraph(edited, "Council member Rania Odeh said the review would be published in full. "
                              "\u201cPeople deserve to see every figure,\u201d she said.")
    keyed: list[str] = []
    real_key = mkbuild.page_key
    monkeypatch.setattr(mkbuild, "page_key", lambda c, src, b: keyed.append(src) or real_key(c, src, b))
    read: list[Path] = []
    real_read = Path.read_text
    monkeypatch.setattr(Path, "read_text", lambda self, *a, **k: read.append(self) or real_read(self, *a, **k))
    site.build(paths)
    assert not [p for p in read if paths.docs in p.parents and p.suffix == ".md"]  # kept pages: linked, unread
    again = rendered[1]
    assert 1 < len(again) < total // 3
    assert 0 < len(keyed) < total // 3  # pages linked from the last build are known by their file id, not read
    assert "people/rania-odeh.md" in again  # a new person's page
    assert 1 <= len(written) <= 6  # the edited briefing, and those whose related list changed
    assert "people/index.md" in again  # a listing that changed
    assert "about.md" not in again  # in the navigation, unchanged
    _same_as_full_build(paths, tmp_path)


def test_added_and_deleted_articles_equal_a_full_build(tmp_path, seeds, rendered):
    paths = _project(tmp_path / "p", seeds)
    victim = sorted(seeds.glob("*.txt"))[2]
    site.build(paths)
    page = next(p for p in (paths.docs / "briefings").glob("*.md") if victim.name in p.read_text(encoding="utf-8"))
    # a hand-written page linking to it: once it is gone, that link is no longer resolved
    (paths.docs / "links.md").write_text(f"# Links\n\n[A briefing](briefings/{page.name})\n", encoding="utf-8")
    site.build(paths)
    assert f'href="../briefings/{page.stem}/"' in (paths.site / "links" / "index.html").read_text(encoding="utf-8")
    victim.unlink()
    victim.with_suffix(".yml").unlink(missing_ok=True)
    shutil.copy(REPO / "tests" / "fixtures" / "articles" / sorted(p.name for p in FIXTURES.glob("*.md"))[0],
                seeds / "copy-of-an-article.md")
    site.build(paths)
    assert "links.md" in rendered[2] and len(rendered[2]) < len(rendered[0])
    assert f'href="briefings/{page.name}"' in (paths.site / "links" / "index.html").read_text(encoding="utf-8")
    _same_as_full_build(paths, tmp_path)


def test_theme_change_renders_every_page(tmp_path, seeds, rendered):
    paths = _project(tmp_path / "p", seeds)
    site.build(paths)
    template = paths.config.parent / "theme" / "main.html"
    template.write_text(template.read_text(encoding="utf-8") + "\n{# edited #}\n", encoding="utf-8")
    site.build(paths)
    assert len(rendered[1]) == len(rendered[0])


def test_a_hand_edited_site_is_not_reused(tmp_path, seeds, rendered):
    paths = _project(tmp_path / "p", seeds)
    site.build(paths)
    page = next((paths.site / "briefings").glob("*/index.html"))
    page.write_text("defaced", encoding="utf-8")
    _insert_paragraph(sorted(seeds.glob("*.md"))[0], "Officials said the figures would be checked again "
                                                     "before the end of the month.")
    site.build(paths)
    assert len(rendered[1]) == len(rendered[0])
    assert page.read_text(encoding="utf-8") != "defaced"


@pytest.mark.parametrize("change, reason", [
    ({"plugins": ["search"]}, "plugins"),
    ({"plugins": None}, "search plugin"),
    ({"nav": None}, "no explicit nav"),
    ({"nav": ["index.md", {"About": "about.md"}]}, "no title"),
    ({"hooks": ["hooks.py"]}, "hooks"),
    ({"markdown_extensions": [{"pymdownx.snippets": {}}]}, "reads other files"),
])
def test_configurations_where_pages_depend_on_each_other_render_everything(change, reason):
    config = {"nav": [{"Latest": "index.md"}], "plugins": []}
    config.update(change)
    config = {k: v for k, v in config.items() if v is not None}
    assert reason in mkbuild.reuse_blocker(config)
    assert mkbuild.reuse_blocker({"nav": [{"Latest": "index.md"}, {"More": [{"About": "about.md"}]}],
                                  "plugins": [], "markdown_extensions": ["toc", {"attr_list": {}}]}) is None


def test_a_page_of_the_navigation_that_goes_renders_everything_again(tmp_path, seeds, rendered):
    """Every page shows the navigation: when a file it names comes or goes, no page can be reused."""
    paths = _project(tmp_path / "p", seeds)
    site.build(paths)
    (paths.docs / "about.md").unlink()
    site.build(paths)
    assert len(rendered[1]) == len(rendered[0]) - 1
    _same_as_full_build(paths, tmp_path)


def _gone(pattern_root: Path, patterns: tuple[str, ...], wait: float = 60.0) -> bool:
    """Whether no path matches the patterns, waiting up to ``wait`` seconds for a background deletion."""
    import time

    deadline = time.monotonic() + wait
    while any(next(pattern_root.glob(p), None) for p in patterns):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def test_old_trees_deleted_in_the_background_leave_a_correct_site(tmp_path, seeds, monkeypatch):
    monkeypatch.setattr(site, "BACKGROUND_DELETE_MIN", 0)
    paths = _project(tmp_path / "p", seeds)
    site.build(paths)
    old_page = next((paths.site / "briefings").rglob("index.html"))
    old_inode = old_page.stat().st_ino
    _insert_paragraph(sorted(seeds.glob("*.md"))[0], "A paragraph added so that one article changed.")
    site.build(paths)  # swaps in the new trees, hands the old ones to a detached process
    site.build(paths)  # nothing changed: stops early even while the deletion may still run
    assert _gone(paths.docs.parent, (".docs.new-*", ".site.new-*", ".docs.old-*", ".site.old-*"))
    assert old_page.is_file() and old_page.stat().st_ino == old_inode  # reused pages live on in the new tree
    _same_as_full_build(paths, tmp_path)


def _by_inode(folder: Path) -> dict[tuple[int, int], bytes]:
    return {(p.stat().st_dev, p.stat().st_ino): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_the_replaced_site_is_kept_and_its_folders_reused_never_written_through(tmp_path, seeds, rendered):
    paths = _project(tmp_path / "p", seeds)
    spare = site.spare_path(paths.site)
    site.build(paths)
    assert not spare.exists()  # the first build replaced nothing
    _insert_paragraph(sorted(seeds.glob("*.md"))[0], "Officials said the review would end in the spring.")
    site.build(paths)
    assert spare.is_dir()  # the site it replaced, kept beside it (a hidden folder)
    before = _tree(paths.site)
    live_inodes = _by_inode(paths.site)
    victim = sorted(seeds.glob("*.txt"))[1]
    gone = next(p.stem for p in (paths.docs / "briefings").glob("*.md")
                if f"file: {victim.name}" in p.read_text(encoding="utf-8"))
    folders = {p.relative_to(spare).as_posix(): p.stat().st_ino for p in spare.rglob("*") if p.is_dir()}
    assert f"briefings/{gone}" in folders
    victim.unlink()
    victim.with_suffix(".yml").unlink(missing_ok=True)
    _insert_paragraph(sorted(seeds.glob("*.md"))[1], "\u201cWe will publish every figure,\u201d said Rania Odeh, "
                                                     "a council member.")
    site.build(paths)  # into the recycled spare
    assert 1 < len(rendered[2]) < len(rendered[0])
    # the folders are the spare's own
    now = {p.relative_to(paths.site).as_posix(): p.stat().st_ino for p in paths.site.rglob("*") if p.is_dir()}
    kept = [rel for rel in now if folders.get(rel) == now[rel]]
    assert len(kept) > len(now) * 0.9
    # nothing was written through a link into the site being replaced: it is intact, as the spare now
    assert _tree(spare) == before
    assert all(_by_inode(spare).get(k) == v for k, v in live_inodes.items())
    # the deleted article's folder went with it, and no empty folder is left
    assert not (paths.site / "briefings" / gone).exists()
    assert all(any(p.iterdir()) for p in paths.site.rglob("*") if p.is_dir())
    _same_as_full_build(paths, tmp_path)
    assert site.build(paths).up_to_date  # the stamp holds: nothing of the new site moved since


def test_with_plugins_no_site_is_kept(tmp_path, seeds):
    paths = _project(tmp_path / "p", seeds)
    site.build(paths)
    site.build(paths, use_cache=False)
    assert site.spare_path(paths.site).is_dir()
    paths.config.write_text(paths.config.read_text(encoding="utf-8").replace("plugins: []", "plugins:\n  - search"),
                            encoding="utf-8")
    site.build(paths, use_cache=False)
    assert _gone(paths.site.parent, (".site.spare",))


def test_topic_and_person_pages_are_rendered_only_when_what_they_show_changed(tmp_path, seeds, monkeypatch):
    from generator import sitepages

    paths = _project(tmp_path / "p", seeds)
    calls: list[str] = []
    for name in ("render_topic", "render_person"):
        real = getattr(sitepages, name)
        monkeypatch.setattr(sitepages, name, lambda *a, _real=real, _name=name, **k: calls.append(_name) or _real(*a, **k))
    site.build(paths)
    total = len(calls)
    assert total > 40
    calls.clear()
    site.build(paths, use_cache=True)  # nothing changed: stops before rendering
    assert calls == []
    # The listings show each briefing's title, date, reading time and summary: changing the
    # opening of one article changes its summary, so the pages that list it are rendered again.
    article = seeds / "2026-04-02-water-tariffs.md"
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("Households that use the most water will pay",
                                    "Households that use the most water in the capital will pay"), encoding="utf-8")
    site.build(paths)
    assert 0 < len(calls) < total // 3
    _same_as_full_build(paths, tmp_path)


def test_outlet_pages_are_rendered_only_when_what_they_show_changed(tmp_path, seeds, monkeypatch):
    """An article moves to another outlet: the old outlet's page and the new one are rendered
    (the others are kept), and the site is the one a full build gives."""
    from generator import sitepages

    paths = _project(tmp_path / "p", seeds)
    calls: list[str] = []
    real = sitepages.render_outlet
    monkeypatch.setattr(sitepages, "render_outlet",
                        lambda outlet, *a, **k: calls.append(outlet.slug) or real(outlet, *a, **k))
    site.build(paths)
    outlets = sorted(set(calls))
    assert "harbour-ledger" in outlets and len(outlets) >= 5
    calls.clear()
    site.build(paths, use_cache=True)
    assert calls == []
    meta = seeds / "2026-03-18-dock-strike-ends.yml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("source: The Harbour Ledger", "source: Port Weekly"),
                    encoding="utf-8")
    site.build(paths)
    assert sorted(calls) == ["harbour-ledger", "port-weekly"]
    page = (paths.site / "outlets" / "port-weekly" / "index.html").read_text(encoding="utf-8")
    assert "Dock Strike Ends" in page
    card = (paths.site / "briefings" / "dock-strike-ends-after-port-authority-offers-7-percent-raise" / "index.html")
    assert 'href="../../outlets/port-weekly/"' in card.read_text(encoding="utf-8")
    _same_as_full_build(paths, tmp_path)
