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
    assert shard_count(2000, search.NAME_SHARD_PAGES) == 1 and shard_count(2001, search.NAME_SHARD_PAGES) == 2
    pages = [f"briefings/b{i}/index.html" for i in range(4000)]
    for page in pages:  # doubling the count splits a shard in two: a page stays or moves to shard + count
        assert shard_of(page, 8) in (shard_of(page, 4), shard_of(page, 4) + 4)
    sizes = [sum(1 for p in pages if shard_of(p, 8) == k) for k in range(8)]
    assert min(sizes) > 400 and max(sizes) < 600


def _project(root: Path) -> site.Paths:
    seeds = root / "seeds"
    seeds.mkdir()
    (seeds / "port.txt").write_text(ARTICLE, encoding="utf-8")
    (seeds / "port.yml").write_text("source: The Harbour Ledger\npublished: 2024-02-27\n", encoding="utf-8")
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

def _fragments(out: Path, bundle: str = "pagefind*") -> dict[str, dict]:
    """The pages of a bundle (by default: of every bundle), by URL."""
    result = {}
    for path in out.glob(f"{bundle}/fragment/*.pf_fragment"):
        data = json.loads(gzip.decompress(path.read_bytes())[len(b"pagefind_dcd"):])
        result[data["url"]] = data
    return result


def test_briefings_and_own_pages_are_indexed_listings_are_not(built):
    fragments = _fragments(built)
    full = {url for url, data in fragments.items() if "kind" not in data["meta"]}
    assert full == {"/about/", "/briefings/port-workers-strike-over-pay-as-shipping-delays-grow/",
                    "/briefings/rail-workers-strike-over-pay-as-shipping-delays-grow/"}
    port = fragments["/briefings/port-workers-strike-over-pay-as-shipping-delays-grow/"]
    assert port["meta"]["title"] == "Port Workers Strike Over Pay as Shipping Delays Grow"  # no ¶
    for text in ("Maria Lopez", "general secretary", "feed their families on promises"):  # person, role, quote
        assert text in port["content"]
    assert "Zanzibar" in fragments["/about/"]["content"]
    assert not (built / "search" / "search_index.json").exists()
    # no index of topics, people or stories, no numbered page of a long listing
    assert not [url for url in fragments if url.rstrip("/").count("/") < 2 and url != "/about/"]


def test_briefings_carry_filters_and_their_date(built):
    port = _fragments(built)["/briefings/port-workers-strike-over-pay-as-shipping-delays-grow/"]
    record = next(r for r in json.loads((built / "briefings.json").read_text(encoding="utf-8"))
                  if r["slug"] == "port-workers-strike-over-pay-as-shipping-delays-grow")
    assert port["filters"]["outlet"] == ["The Harbour Ledger"] == [record["source"]["name"]]
    assert sorted(port["filters"]["topic"]) == sorted(record["keywords"])
    assert port["filters"]["person"] == record["people"] == ["Maria Lopez"]
    assert port["filters"]["language"] == ["en"]
    assert port["filters"]["year"] == ["2024"] and port["meta"]["date"] == "2024-02-27"
    assert "2024-02-27" not in port["content"]  # the hidden block is not in the text searched
    rail = _fragments(built)["/briefings/rail-workers-strike-over-pay-as-shipping-delays-grow/"]
    assert "outlet" not in rail["filters"] and "year" not in rail["filters"]  # unknown: no value made up
    assert rail["meta"]["date"] == "0000-00-00"  # undated: last when the newest come first


def test_people_topics_and_stories_are_found_by_their_names_only(built):
    fragments = _fragments(built)
    kinds = {url: data["meta"]["kind"] for url, data in fragments.items() if "kind" in data["meta"]}
    assert kinds["/people/maria-lopez/"] == "Person" and kinds["/people/ana-ruiz/"] == "Person"
    assert {k for k in kinds.values()} >= {"Person", "Topic"}
    assert all(url.split("/")[1] in search.NAME_FOLDERS for url in kinds)
    maria = fragments["/people/maria-lopez/"]
    assert maria["content"].rstrip(".") == "Maria Lopez" and maria["meta"]["title"] == "Maria Lopez"
    assert not maria["filters"]  # a name page has no filters: a filtered search lists briefings only
    topic = next(url for url, kind in kinds.items() if kind == "Topic")
    assert topic.startswith("/topics/") and len(fragments[topic]["content"].split()) <= 8


def test_name_pages_by_path():
    assert search.name_kind("people/ana-ruiz/index.html") == "Person"
    assert search.name_kind("outlets/the-harbour-ledger/index.html") == "Outlet"
    assert search.name_kind("stories/ferry/index.html") == "Story"
    assert search.name_kind("topics/wages.html") == "Topic"  # without directory URLs
    for rel in ("people/index.html", "topics/index.html", "topics/wages/page-2/index.html", "topics/wages/page-2.html",
                "briefings/x/index.html", "about/index.html", "people/ana-ruiz/feed.xml"):
        assert search.name_kind(rel) is None, rel


def test_name_stub_holds_the_escaped_name_and_kind():
    page = ('<html lang="ar" dir="rtl"><head><title>x &lt;b&gt; - Briefings</title></head><body><nav><h1>Menu</h1></nav>'
            '<article class="md-content__inner"><h1 id="x">Ana &lt;b&gt;Ruiz&lt;/b&gt; &amp; co'
            '<a class="headerlink" href="#x" title="Permanent link">&para;</a></h1><p>Quoted 3 times.</p>'
            '<ul><li>Every quotation</li></ul></article></body></html>').encode()
    stub = search.name_stub(page, "Person").decode()
    assert '<html lang="ar">' in stub
    assert "<title>Ana &lt;b&gt;Ruiz&lt;/b&gt; &amp; co</title>" in stub
    assert 'data-pagefind-weight="10">Ana &lt;b&gt;Ruiz&lt;/b&gt; &amp; co</h1>' in stub
    assert '<span data-pagefind-meta="kind">Person</span>' in stub
    assert "Quoted" not in stub and "quotation" not in stub and "Menu" not in stub and "¶" not in stub
    # its digest follows the name only: the page's lists can change without re-indexing its shard
    other = page.replace(b"Quoted 3 times.", b"Quoted 4 times.").replace(b"Every quotation", b"More")
    assert search.indexed_digest(search.name_stub(other, "Person")) == search.indexed_digest(search.name_stub(page, "Person"))


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
    result = _search(built, "briefings/port-workers-strike-over-pay-as-shipping-delays-grow/", "transport employees")
    assert result["href"] == "/bench-repo/briefings/rail-workers-strike-over-pay-as-shipping-delays-grow/"
    assert result["title"].startswith("Rail Workers Strike")
    assert result["search_bytes"] < 2 * 2**20
    # a person's name finds their page first, above the briefings that quote them
    result = _search(built, "briefings/port-workers-strike-over-pay-as-shipping-delays-grow/", "Ana Ruiz")
    assert result["href"] == "/bench-repo/people/ana-ruiz/" and result["title"].startswith("Ana Ruiz")


def test_shards_hold_every_page_once_and_are_listed(sharded):
    out = sharded.site
    listed = json.loads((out / "pagefind" / "shards.json").read_text(encoding="utf-8"))["bundles"]
    bundles = ["pagefind", *(name.rstrip("/") for name in listed)]
    assert len(bundles) >= 2 and all((out / b / "pagefind-entry.json").is_file() for b in bundles)
    urls = [url for b in bundles for url in _fragments(out, b)]
    assert sorted(urls) == sorted(set(urls))
    assert len([url for url in urls if url.startswith(("/about/", "/briefings/"))]) == 3
    assert listed[-1] == "pagefind-4/"  # four shards for the three pages, then one bundle of name pages
    names = [url for url in _fragments(out, "pagefind-4")]
    assert names and all(url.split("/")[1] in search.NAME_FOLDERS for url in names)
    assert not [url for b in bundles[:-1] for url in _fragments(out, b) if url.split("/")[1] in search.NAME_FOLDERS]
    assert "/about/" in _fragments(out, "pagefind")  # the user's pages are in the first bundle


@pytest.mark.browser
def test_a_query_finds_pages_in_every_shard(sharded):
    for query, expected in (("transport employees", "briefings/rail-workers"), ("supply chains electronics", "briefings/port-workers"),
                            ("Zanzibar", "about"), ("Ana Ruiz", "people/ana-ruiz/"), ("Maria Lopez", "people/maria-lopez/")):
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
    # re-indexed: the shard of the edited briefing, and the bundle of names (the person's page went and came)
    assert len(indexed) == 2
    assert indexed[0] == ["briefings/rail-workers-strike-over-pay-as-shipping-delays-grow/index.html"]
    assert "people/ana-ruiz-vidal/index.html" in indexed[1] and all(search.name_kind(r) for r in indexed[1])
    after = {p: p.stat().st_ino for p in paths.site.glob("pagefind*/pagefind-entry.json")}
    assert sorted(after) == sorted(before) and sum(after[p] != before[p] for p in after) == 2
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


# ---------------------------------------------------------------------------------------------
# Filters and sort across shards: Pagefind merges the shards' filter counts, but orders merged
# results by score, which a sorted search leaves at 0; the search box merges them by date itself.

BRIDGE_FIXTURES = ("2026-11-03-kessel-bridge-collapse.txt", "2026-11-03-kessel-bridge-collapse.yml",
                   "2026-11-04-kessel-bridge-inspections.md", "2026-11-07-kessel-bridge-report.html",
                   "2026-12-09-dunmore-viaduct.md", "2026-09-12-port-rail-link.txt", "2026-09-12-port-rail-link.yml",
                   "2026-06-30-budget-debate.txt", "2026-06-30-budget-debate.yml")


@pytest.fixture(scope="module")
def bridges(tmp_path_factory):
    """Six briefings (three outlets, four of them Capital Tribune's, one undated) in eight shards."""
    root = tmp_path_factory.mktemp("bridges")
    seeds = root / "seeds"
    seeds.mkdir()
    for name in BRIDGE_FIXTURES:
        shutil.copy(REPO / "tests" / "fixtures" / "articles" / name, seeds / name)
    (root / "docs").mkdir()
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "theme", root / "theme")
    paths = site.Paths(seeds, root / "docs", root / "site", root / "mkdocs.yml")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search, "SHARD_PAGES", 1)
        site.build(paths, site_url="https://example.github.io/bench-repo/")
    return paths.site


def _in_search_box(site_dir: Path, steps) -> dict:
    """Run ``steps(tab)`` on the about page of the served site in headless Chromium (skips without it)."""
    pytest.importorskip("playwright.sync_api")
    from generator.bench import CHROMIUM, serve

    if not CHROMIUM.exists():
        pytest.skip("Chromium is not installed")

    def run():
        from playwright.sync_api import sync_playwright

        server, base = serve(site_dir)
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
                try:
                    tab = browser.new_page()
                    errors = []
                    tab.on("pageerror", lambda e: errors.append(str(e)))
                    tab.goto(base)
                    tab.wait_for_load_state("networkidle")
                    out = steps(tab)
                    assert not errors, errors
                    return out
                finally:
                    browser.close()
        finally:
            server.shutdown()
            server.server_close()

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(run).result()


def _hrefs(tab) -> list[str]:
    return [a.get_attribute("href").split("/briefings/")[-1].strip("/")
            for a in tab.locator(".md-search-result__link").all() if "/briefings/" in a.get_attribute("href")]


def _settle(tab, expected: int):
    """Wait until the list shows ``expected`` briefings, each filled in."""
    tab.wait_for_function("n => document.querySelectorAll('[data-bf-search-list] a[href*=\"/briefings/\"]').length === n"
                          " && ![...document.querySelectorAll('[data-bf-search-list] li')].some(li => li.hidden)", arg=expected)


@pytest.mark.browser
def test_filters_and_newest_first_work_across_shards(bridges):
    records = json.loads((bridges / "briefings.json").read_text(encoding="utf-8"))
    assert len(list((bridges / "pagefind").parent.glob("pagefind*"))) >= 4  # really sharded
    dated = {r["slug"]: r["source"]["published"] or "0000-00-00" for r in records}  # undated: last
    tribune = {r["slug"] for r in records if r["source"]["name"] == "Capital Tribune"}
    assert len(tribune) == 4 and len(records) == 6 and "0000-00-00" in dated.values()

    def steps(tab):
        got = {}
        tab.click("[data-bf-search-query]")
        tab.keyboard.type("minister")
        _settle(tab, 6)
        got["relevance"] = _hrefs(tab)
        tab.select_option("[data-bf-sort]", "newest")
        tab.wait_for_timeout(300)
        _settle(tab, 6)
        got["newest"] = _hrefs(tab)
        tab.click("[data-bf-filters-toggle]")
        tab.wait_for_function("document.querySelectorAll('#bf-filter-outlet option').length > 1")
        got["outlets"] = tab.locator("#bf-filter-outlet option").all_inner_texts()
        tab.select_option("#bf-filter-outlet", "Capital Tribune")
        tab.wait_for_timeout(300)
        _settle(tab, 4)
        got["tribune"] = _hrefs(tab)
        return got

    got = _in_search_box(bridges, steps)
    assert sorted(got["relevance"]) == sorted(dated)  # every briefing names a minister
    assert got["newest"] == sorted(dated, key=lambda slug: dated[slug], reverse=True)
    # counts added up over the shards, most frequent first
    assert got["outlets"][:2] == ["Any outlet", "Capital Tribune (4)"]
    assert got["tribune"] == sorted(tribune, key=lambda slug: dated[slug], reverse=True)
