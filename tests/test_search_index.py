"""The Pagefind search: what is indexed, and a real query in headless Chromium under a subpath."""
import gzip
import json
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from generator import site
from generator.search import html_path, indexed_glob, material_search_enabled
from tests.conftest import ARTICLE, REPO

pytestmark = pytest.mark.slow


def test_pages_and_globs():
    assert html_path("about.md") == "about/index.html"
    assert html_path("index.md") == "index.html"
    assert html_path("notes/index.md") == "notes/index.html"
    assert html_path("notes/method.md", use_directory_urls=False) == "notes/method.html"
    assert indexed_glob(["about.md", "notes/method.md"]) == "{briefings/**/*.html,about/index.html,notes/method/index.html}"
    assert material_search_enabled({"plugins": ["search"]})
    assert material_search_enabled({"plugins": [{"search": {"separator": "x"}}]})
    assert not material_search_enabled({"plugins": [{"search": {"enabled": False}}]})
    assert not material_search_enabled({"plugins": []})
    assert material_search_enabled({})  # MkDocs' default


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("search")
    seeds = root / "seeds"
    seeds.mkdir()
    (seeds / "port.txt").write_text(ARTICLE, encoding="utf-8")
    (seeds / "rail.txt").write_text(ARTICLE.replace("Port Workers", "Rail Workers").replace("Maria Lopez", "Ana Ruiz"),
                                    encoding="utf-8")
    (root / "docs").mkdir()
    (root / "docs" / "about.md").write_text("# About\n\nWritten by the Zanzibar desk.\n", encoding="utf-8")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "theme", root / "theme")
    paths = site.Paths(seeds, root / "docs", root / "site", root / "mkdocs.yml")
    site.build(paths, site_url="https://example.github.io/bench-repo/")
    return root / "site"


def _fragments(out: Path) -> dict[str, dict]:
    result = {}
    for path in (out / "pagefind" / "fragment").glob("*.pf_fragment"):
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


@pytest.mark.browser
def test_first_result_in_chromium_links_under_the_subpath(built):
    pytest.importorskip("playwright.sync_api")
    from generator.bench import CHROMIUM, search_in_browser

    if not CHROMIUM.exists():
        pytest.skip("Chromium is not installed")
    # In a thread of its own: the browser suite's session may already hold Playwright's event loop
    # in this one, and the synchronous API refuses to start inside a running loop.
    with ThreadPoolExecutor(1) as pool:
        result = pool.submit(search_in_browser, built,
                             "briefings/port-workers-strike-over-pay-as-shipping-delays-grow/", "Ana Ruiz").result()
    assert result is not None
    assert result["href"] == "/bench-repo/briefings/rail-workers-strike-over-pay-as-shipping-delays-grow/"
    assert result["title"].startswith("Rail Workers Strike")
    assert result["search_bytes"] < 2 * 2**20
