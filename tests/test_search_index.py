"""The Pagefind search: what is indexed, and a real query in headless Chromium under a subpath."""
import gzip
import json
import re
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from generator import site
from generator import search
from generator.search import html_path, material_search_enabled, shard_count, shard_of
from tests.conftest import ARTICLE, REPO, retold

pytestmark = pytest.mark.slow


def test_pages_and_globs():
    assert html_path("about.md") == "about/index.html"
    assert html_path("index.md") == "index.html"
    assert html_path("notes/index.md") == "notes/index.html"
    assert html_path("notes/method.md", use_directory_urls=False) == "notes/method.html"
    assert material_search_enabled({"plugins": ["search"]})
    assert material_search_enabled({"plugins": [{"search": {"separator": "x"}}]})
    assert not material_search_enabled({"plugins": [{"search": {"enabled": False}}]})
    assert not material_search_enabled({"plugins": []})
    assert material_search_enabled({})  # MkDocs' default


def test_shards_grow_by_splitting():
    assert [shard_count(n) for n in (0, 1, 800, 801, 1600, 1601, 5000)] == [1, 1, 1, 2, 2, 4, 8]
    pages = [f"briefings/b{i}/index.html" for i in range(4000)]
    for page in pages:  # doubling the count splits a shard in two: a page stays or moves to shard + count
        assert shard_of(page, 8) in (shard_of(page, 4), shard_of(page, 4) + 4)
    sizes = [sum(1 for p in pages if shard_of(p, 8) == k) for k in range(8)]
    assert min(sizes) > 400 and max(sizes) < 600


def _project(root: Path) -> site.Paths:
    seeds = root / "seeds"
    seeds.mkdir()
    (seeds / "port.txt").write_text(ARTICLE, encoding="utf-8")
    (seeds / "rail.txt").write_text(retold(ARTICLE.replace("Port Workers", "Rail Workers").replace("Maria Lopez", "Ana Ruiz")),
                                    encoding="utf-8")
    (root / "docs").mkdir()
    (root / "docs" / "about.md").write_text("# About\n\nWritten by the Zanzibar desk.\n", encoding="utf-8")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "theme", root / "theme")
    return site.Paths(seeds, root / "docs", root / "site", root / "mkdocs.yml")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    paths = _project(tmp_path_factory.mktemp("search"))
    site.build(paths, site_url="https://example.github.io/bench-repo/")
    return paths.site


@pytest.fixture(scope="module")
def sharded(tmp_path_factory):
    """The same site with one page per shard: four bundles, the first one listing the others."""
    paths = _project(tmp_path_factory.mktemp("sharded"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search, "SHARD_PAGES", 1)
        site.build(paths, site_url="https://example.github.io/bench-repo/")
    return paths

def _fragments(out: Path, bundle: str = "pagefind") -> dict[str, dict]:
    result = {}
    for path in (out / bundle / "fragment").glob("*.pf_fragment"):
        data = json.loads(gzip.decompress(path.read_bytes())[len(b"pagefind_dcd"):])
        result[data["url"]] = data
    return result


def test_briefings_and_own_pages_are_indexed_listings_are_not(built):
    fragments = _fragments(built)
    assert set(fragments) == {"/about/", "/briefings/port-workers-strike-over-pay-as-shipping-delays-grow/",
                              "/briefings/rail-workers-strike-over-pay-as-shipping-delays-grow/"}
    port = fragments["/briefings/port-workers-strike-over-pay-as-shipping-delays-grow/"]
    assert port["meta"]["title"] == "Port Workers Strike Over Pay as Shipping Delays Grow"  # no ¶
    for text in ("Maria Lopez", "general secretary", "feed their families on promises"):  # person, role, quote
        assert text in port["content"]
    assert "Zanzibar" in fragments["/about/"]["content"]
    assert not (built / "search" / "search_index.json").exists()


def test_search_box_is_on_every_page(built):
    for page in ("index.html", "about/index.html", "topics/index.html", "404.html"):
        html = (built / page).read_text(encoding="utf-8")
        assert "data-bf-search" in html and "assets/search.js" in html, page
    assert 'data-bundle="/bench-repo/pagefind/pagefind.js"' in (built / "404.html").read_text(encoding="utf-8")


def _search(site_dir: Path, page: str, query: str) -> dict:
    """A query typed into the search box of ``page`` in headless Chromium (skips without it)."""
    pytest.importorskip("playwright.sync_api")
    from generator.bench import CHROMIUM, search_in_browser

    if not CHROMIUM.exists():
        pytest.skip("Chromium is not installed")
    # In a thread of its own: the browser suite's session may already hold Playwright's event loop
    # in this one, and the synchronous API refuses to start inside a running loop.
    with ThreadPoolExecutor(1) as pool:
        result = pool.submit(search_in_browser, site_dir, page, query).result()
    assert result is not None
    return result


@pytest.mark.browser
def test_first_result_in_chromium_links_under_the_subpath(built):
    result = _search(built, "briefings/port-workers-strike-over-pay-as-shipping-delays-grow/", "Ana Ruiz")
    assert result["href"] == "/bench-repo/briefings/rail-workers-strike-over-pay-as-shipping-delays-grow/"
    assert result["title"].startswith("Rail Workers Strike")
    assert result["search_bytes"] < 2 * 2**20


def test_shards_hold_every_page_once_and_are_listed(sharded):
    out = sharded.site
    listed = json.loads((out / "pagefind" / "shards.json").read_text(encoding="utf-8"))["bundles"]
    bundles = ["pagefind", *(name.rstrip("/") for name in listed)]
    assert len(bundles) >= 2 and all((out / b / "pagefind-entry.json").is_file() for b in bundles)
    urls = [url for b in bundles for url in _fragments(out, b)]
    assert sorted(urls) == sorted(set(urls)) and len(urls) == 3
    assert "/about/" in _fragments(out, "pagefind")  # the user's pages are in the first bundle


@pytest.mark.browser
def test_a_query_finds_pages_in_every_shard(sharded):
    for query, expected in (("Ana Ruiz", "rail-workers"), ("Maria Lopez", "port-workers"), ("Zanzibar", "about")):
        result = _search(sharded.site, "about/", query)
        assert expected in result["href"], (query, result)


def test_one_edit_reindexes_only_its_shard(tmp_path, monkeypatch):
    paths = _project(tmp_path)
    monkeypatch.setattr(search, "SHARD_PAGES", 1)
    site.build(paths, site_url="https://example.github.io/bench-repo/")
    indexed = []
    real = search._index_pages
    monkeypatch.setattr(search, "_index_pages", lambda s, rels, out: indexed.append(rels) or real(s, rels, out))
    before = {p: p.stat().st_ino for p in paths.site.glob("pagefind*/pagefind-entry.json")}
    (paths.seeds / "rail.txt").write_text((paths.seeds / "rail.txt").read_text(encoding="utf-8").replace(
        "Ana Ruiz", "Ana Ruiz Vidal"), encoding="utf-8")
    site.build(paths, site_url="https://example.github.io/bench-repo/")
    assert indexed == [["briefings/rail-workers-strike-over-pay-as-shipping-delays-grow/index.html"]]
    after = {p: p.stat().st_ino for p in paths.site.glob("pagefind*/pagefind-entry.json")}
    assert sorted(after) == sorted(before) and sum(after[p] != before[p] for p in after) == 1
    assert any("Ana Ruiz Vidal" in d["content"] for b in after for d in _fragments(paths.site, b.parent.name).values())


def test_indexed_digest_covers_what_pagefind_reads_only():
    page = (b'<html lang="en"><head><title>Rail - Briefings</title></head><body><nav>menu</nav>'
            b'<article class="md-content__inner"><h1>Rail</h1><p id="p-1">Strike.</p><ul>'
            b'<li class="briefing-related" data-pagefind-ignore data-search-exclude><a href="../a/">A</a> \xc2\xb7 2024</li>'
            b'</ul></article><footer><a href="../b/">Next</a></footer></body></html>')
    same = [page.replace(b"menu", b"other menu"), page.replace(b"Next", b"Previous"),
            page.replace(b'<a href="../a/">A</a> \xc2\xb7 2024', b'<a href="../c/">C, quite another</a>')]
    for other in same:
        assert search.indexed_digest(other) == search.indexed_digest(page)
    different = [page.replace(b"Strike.", b"Strike!"), page.replace(b'lang="en"', b'lang="fr"'),
                 page.replace(b"<title>Rail", b"<title>Rails"), page.replace(b'id="p-1"', b'id="p-2"'),
                 page.replace(b"</ul>", b"<li>a reader's own list</li></ul>")]
    assert len({search.indexed_digest(p) for p in [page, *different]}) == len(different) + 1
    # a page without the content element: all of it counts
    assert search.indexed_digest(b"<p>a</p>") != search.indexed_digest(b"<p>b</p>")


def test_pagefind_output_ignores_what_the_digest_leaves_out(built, tmp_path):
    """The digest's promise, checked against Pagefind itself: pages changed only outside the content
    and in their related briefings index to byte-identical bundles."""
    rels = [p.relative_to(built).as_posix() for p in sorted((built / "briefings").rglob("index.html"))]
    changed = tmp_path / "changed"
    for rel in rels:
        html = (built / rel).read_text(encoding="utf-8")
        assert 'class="briefing-related"' in html
        html = html.replace("</footer>", "<p>a new footer line</p></footer>", 1)
        html = re.sub(r'(<li class="briefing-related"[^>]*>).*?</li>',
                      r'\1<a href="../elsewhere/">Another related title, 1 January 2020</a></li>', html, flags=re.S)
        (changed / rel).parent.mkdir(parents=True, exist_ok=True)
        (changed / rel).write_text(html, encoding="utf-8")
        assert search.indexed_digest((changed / rel).read_bytes()) == search.indexed_digest((built / rel).read_bytes())
    search._index_pages(built, rels, tmp_path / "a")
    search._index_pages(changed, rels, tmp_path / "b")
    tree = lambda root: {p.relative_to(root): p.read_bytes() for p in root.rglob("*") if p.is_file()}  # noqa: E731
    assert tree(tmp_path / "a") == tree(tmp_path / "b") and len(tree(tmp_path / "a")) > 5


def test_an_edit_that_changes_other_pages_related_lists_reindexes_only_its_shard(tmp_path, monkeypatch):
    paths = _project(tmp_path)
    (paths.seeds / "rail.yml").write_text("published: 2024-03-01\n", encoding="utf-8")
    monkeypatch.setattr(search, "SHARD_PAGES", 1)
    site.build(paths, site_url="https://example.github.io/bench-repo/")
    port = paths.site / "briefings/port-workers-strike-over-pay-as-shipping-delays-grow/index.html"
    port_before = port.read_bytes()
    assert b"2024-03-01" in port_before  # the port page lists the rail briefing, with its date
    indexed = []
    real = search._index_pages
    monkeypatch.setattr(search, "_index_pages", lambda s, rels, out: indexed.append(rels) or real(s, rels, out))
    (paths.seeds / "rail.yml").write_text("published: 2024-03-02\n", encoding="utf-8")
    site.build(paths, site_url="https://example.github.io/bench-repo/")
    assert b"2024-03-02" in port.read_bytes() and port.read_bytes() != port_before
    assert indexed == [["briefings/rail-workers-strike-over-pay-as-shipping-delays-grow/index.html"]]
