"""Outlet pages, coverage charts and the home page in a real browser (issue 18).

The site is the browser suite's one (seeds/ and tests/fixtures/articles/, served under
/briefings-repo/): a reader goes from a briefing's source card to its outlet's page and finds the
outlet's briefings there; coverage charts have an accessible name and fit a phone; the home page
opens with its overview band and compact cards; axe finds no serious violation on the new pages.
"""
from __future__ import annotations

import re
from collections import Counter

import pytest

from tests.browser.helpers import assert_accessible, content, heading, save_screenshot, visit

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
SMALL_PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}


def _outlet(record: dict) -> str:
    return record["source"]["name"] or record["source"]["publisher"] or ""


def _busiest_outlet(site) -> tuple[str, list[dict]]:
    """The outlet with the most briefings (by name, then the name), and those briefings."""
    counts = Counter(_outlet(r) for r in site.records if _outlet(r))
    name = sorted(counts, key=lambda n: (-counts[n], n))[0]
    return name, [r for r in site.records if _outlet(r) == name]


def _outlet_path(page, site, name: str) -> str:
    """The outlet page's path, as the outlets index links it."""
    visit(page, site.url("outlets/"))
    link = content(page).get_by_role("link", name=name, exact=True)
    return re.sub(r"^.*/briefings-repo/", "", link.evaluate("a => a.href"))


def _pages(site) -> dict[str, str]:
    stories = sorted(p.parent.name for p in (site.out / "stories").glob("*/index.html"))
    topics = sorted(p.parent.name for p in (site.out / "topics").glob("*/index.html"))
    people = sorted(p.parent.name for p in (site.out / "people").glob("*/index.html"))
    outlets = sorted(p.parent.name for p in (site.out / "outlets").glob("*/index.html"))
    pages = {"home": "", "outlets index": "outlets/", "outlet": f"outlets/{outlets[0]}/"}
    # a page of each kind that has a chart (two dated briefings or more)
    for kind, folder, names in (("story", "stories", stories), ("topic", "topics", topics),
                                ("person", "people", people), ("charted outlet", "outlets", outlets)):
        for name in names:
            if "coverage__bars" in (site.out / folder / name / "index.html").read_text(encoding="utf-8"):
                pages[kind] = f"{folder}/{name}/"
                break
    return pages


def test_reader_goes_from_a_briefing_to_its_outlet_and_finds_its_briefings(page, site):
    name, records = _busiest_outlet(site)
    assert len(records) >= 2
    record = max(records, key=lambda r: (r["source"]["published"] or "", r["slug"]))
    visit(page, site.url(record["path"]))
    card = page.locator(".briefing-card")
    card.get_by_role("link", name=name, exact=True).click()
    visit(page)
    assert heading(page) == name
    listed = content(page).locator("h3 a[href*='briefings/']").evaluate_all(
        "links => links.map(a => new URL(a.href).pathname)")
    present = {r["slug"] for r in records}
    # a copy is listed by its outlet unless that outlet also ran the canonical briefing
    expected = [r for r in records if not (r.get("same_as") and r["same_as"] in present)]
    expected.sort(key=lambda r: (r["source"]["published"] or "", r["slug"]), reverse=True)
    assert listed == [f"/briefings-repo/{r['path']}" for r in expected]
    # and the outlets index counts them
    visit(page, site.url("outlets/"))
    item = content(page).locator("li").filter(has=page.get_by_role("link", name=name, exact=True))
    assert item.inner_text().strip().endswith(f"({len(expected)})")


def test_an_outlet_that_ran_a_copy_lists_it_and_names_where_the_text_first_ran(page, site):
    by_slug = {r["slug"]: r for r in site.records}
    copies = [r for r in site.records if r.get("same_as") and _outlet(r)
              and _outlet(r) != _outlet(by_slug[r["same_as"]])]
    if not copies:
        pytest.skip("no copy from another outlet among the fixtures (the 'fixtures:' commit of issue 18 adds them)")
    copy = copies[0]
    visit(page, site.url(_outlet_path(page, site, _outlet(copy))))
    main = content(page)
    assert main.locator(f"h3 a[href*='briefings/{copy['slug']}/']").count() == 1
    original = by_slug[copy["same_as"]]
    assert main.locator(f"a[href*='briefings/{original['slug']}/']").count() >= 1


@pytest.mark.parametrize("kind", ["story", "topic", "person", "charted outlet"])
def test_coverage_charts_have_an_accessible_name_and_fit_a_phone(page_factory, site, kind):
    pages = _pages(site)
    if kind not in pages:
        pytest.skip(f"no {kind} page with two dated briefings in this site")
    page = page_factory(**SMALL_PHONE)
    visit(page, site.url(pages[kind]))
    charts = page.get_by_role("img", name=re.compile(r"^\d+ briefings from \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}"))
    assert charts.count() == 1
    box = charts.bounding_box()
    assert box["width"] > 100 and box["height"] >= 30 and box["x"] >= 0 and box["x"] + box["width"] <= 360
    colour = charts.evaluate("svg => getComputedStyle(svg).color")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert colour != background
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0


def test_new_pages_do_not_scroll_sideways_on_a_phone(page_factory, site, artifacts):
    page = page_factory(**SMALL_PHONE)
    for kind, rel in _pages(site).items():
        visit(page, site.url(rel))
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{kind} ({rel or 'home'}) is {overflow}px wider than the phone"
        if kind in ("home", "charted outlet"):
            save_screenshot(page, artifacts / f"phone-{kind.replace(' ', '-')}.png")


def test_home_opens_with_the_overview_band_then_compact_cards(page_factory, site, artifacts):
    page = page_factory(**PHONE)
    visit(page, site.url())
    assert heading(page) == "Latest briefings"
    band = page.locator(".home-overview")
    assert band.is_visible()
    has_stories = any((site.out / "stories").glob("*/index.html"))
    assert band.get_by_role("heading", name="Latest stories").count() == (1 if has_stories else 0)
    # every card's summary is one line: the phone does not scroll through full summaries
    summaries = page.locator(".home-card__summary")
    assert summaries.count() >= 5
    heights = summaries.evaluate_all("ps => ps.map(p => [p.getBoundingClientRect().height, "
                                     "parseFloat(getComputedStyle(p).lineHeight)])")
    assert all(h <= line * 1.2 for h, line in heights), heights
    cards = page.locator("article h3:has(a[href*='briefings/'])").count()
    height = page.evaluate("document.documentElement.scrollHeight")
    (artifacts / "home-height.txt").write_text(f"home page on a 390x844 phone: {height} px for {cards} cards\n",
                                               encoding="utf-8")
    assert height / cards < 330, f"{height} px for {cards} cards"
    # the card names its outlet with a link to the outlet's page
    first = page.locator(".briefing-listing__meta").first
    assert first.locator("a[href*='outlets/']").count() == 1


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", ["home", "outlets index", "outlet", "charted outlet", "story"])
def test_no_serious_accessibility_violations_on_outlet_and_home_pages(page_factory, site, kind, scheme):
    pages = _pages(site)
    if kind not in pages:
        pytest.skip(f"no {kind} page in this site")
    page = page_factory(color_scheme=scheme)
    visit(page, site.url(pages[kind]))
    assert_accessible(page)
