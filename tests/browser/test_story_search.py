"""Following a story and finding briefings, in a real browser, on the site built from seeds/ and
tests/fixtures/articles/ (see tests/fixtures/README.md): a wire story republished by two other
outlets (the ferry aground off the Marrow Islands) and a story told by three outlets over five
days (the Kessel bridge), with a distractor a month later (the Dunmore viaduct).
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.render import name_slug
from tests.browser.helpers import assert_accessible, content, open_search, search_result_link, visit

pytestmark = pytest.mark.browser

WIRE = "2026-11-20-ferry-aground-wire.md"
COPIES = ("2026-11-20-ferry-aground-ledger.html", "2026-11-21-ferry-aground-courier.txt")
STORY = ("2026-11-03-kessel-bridge-collapse.txt", "2026-11-04-kessel-bridge-inspections.md",
         "2026-11-07-kessel-bridge-report.html")
DISTRACTOR = "2026-12-09-dunmore-viaduct.md"
PHONE = {"viewport": {"width": 360, "height": 740}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}


def _fixture(site, name: str) -> dict:
    return site.record(source_file=f"articles/{name}")


def _path(page) -> str:
    return re.sub(r"^https?://[^/]+", "", page.url)


def _briefing_results(page, site) -> list[dict]:
    """The records of the briefings listed in the search results, in order (once each is shown)."""
    page.wait_for_function("![...document.querySelectorAll('[data-bf-search-list] li')].some(li => li.hidden)")
    hrefs = page.locator("[data-bf-search-list] a.md-search-result__link").evaluate_all(
        "links => links.map(a => new URL(a.href).pathname)")
    by_path = {f"/briefings-repo/{r['path']}": r for r in site.records}
    return [by_path[h] for h in hrefs if h in by_path]


def _wait_results(page, predicate: str, timeout: float = 10_000) -> None:
    """Wait until the result list, every item filled in, satisfies ``predicate`` (JS over the hrefs)."""
    page.wait_for_function(
        "pred => { const items = [...document.querySelectorAll('[data-bf-search-list] li')];"
        " if (items.some(li => li.hidden)) return false;"
        " const hrefs = [...document.querySelectorAll('[data-bf-search-list] a.md-search-result__link')]"
        ".map(a => new URL(a.href).pathname); return new Function('hrefs', 'return ' + pred)(hrefs); }",
        arg=predicate, timeout=timeout)


# ---------------------------------------------------------------------------------------------
# Copies

def test_a_republished_wire_story_is_one_briefing_and_its_copies_say_so(page, site):
    wire = _fixture(site, WIRE)
    copies = [_fixture(site, name) for name in COPIES]
    assert wire["same_as"] is None and [c["same_as"] for c in copies] == [wire["slug"]] * 2
    # each copy keeps its page, which says where the same text ran and links the canonical briefing
    for copy in copies:
        visit(page, site.url(copy["path"]))
        link = content(page).locator(f'a[href*="{wire["slug"]}"]')
        assert link.count() >= 1
        assert "same text" in link.first.locator("xpath=..").inner_text()
    # the canonical briefing names the outlets that ran it, with links to their pages
    visit(page, site.url(wire["path"]))
    for copy in copies:
        assert content(page).locator(f'a[href*="{copy["slug"]}"]').count() >= 1
        assert copy["source"]["name"] in content(page).inner_text()
    # lists show the text once: the home page, and every topic or person page listing the canonical
    visit(page, site.url())
    assert content(page).locator(f'a[href*="briefings/{wire["slug"]}"]').count() >= 1
    for copy in copies:
        assert content(page).locator(f'a[href*="briefings/{copy["slug"]}"]').count() == 0
    listing = 0
    for index in sorted([*site.out.glob("topics/*/index.html"), *site.out.glob("people/*/index.html")]):
        html = index.read_text(encoding="utf-8")
        if f'briefings/{wire["slug"]}/' not in html:
            continue
        listing += 1
        for copy in copies:
            assert f'briefings/{copy["slug"]}/' not in html, f"{index.relative_to(site.out)} lists a copy again"
    assert listing >= 1


# ---------------------------------------------------------------------------------------------
# Stories

def test_the_story_page_shows_its_timeline_from_three_outlets(page, site):
    members = [_fixture(site, name) for name in STORY]
    slugs = {m["story"] for m in members}
    assert len(slugs) == 1 and None not in slugs
    story = slugs.pop()
    distractor = _fixture(site, DISTRACTOR)
    assert distractor["story"] != story
    # a briefing page leads to its story
    visit(page, site.url(members[1]["path"]))
    content(page).locator(f'a[href*="stories/{story}"]').first.click()
    visit(page)
    assert _path(page).endswith(f"/stories/{story}/")
    body = content(page)
    # the timeline: each briefing, oldest first, with its date and outlet
    links = [body.locator(f'a[href*="briefings/{m["slug"]}"]').first for m in members]
    assert all(link.count() for link in links)
    tops = [link.bounding_box()["y"] for link in links]
    assert tops == sorted(tops)
    text = body.inner_text()
    for m in members:
        assert m["source"]["published"] in text and m["source"]["name"] in text
    assert len({m["source"]["name"] for m in members}) == 3
    assert body.locator(f'a[href*="briefings/{distractor["slug"]}"]').count() == 0
    # the people quoted across it
    quoted = {p for m in members for p in m["people"]}
    assert quoted and all(p in text for p in quoted)


# ---------------------------------------------------------------------------------------------
# Search: names, filters, sort

@pytest.mark.parametrize("kind", ["people", "topics", "stories"])
def test_person_topic_and_story_pages_are_found_by_their_names(page, site, kind):
    member = _fixture(site, STORY[0])
    folder = site.out / kind
    pages = sorted(p.parent.name for p in folder.glob("*/index.html")) if folder.is_dir() else []
    if kind == "stories":
        name = member["title"]
        target = f"stories/{member['story']}/"
    elif kind == "people":
        name = member["people"][0]
        target = f"people/{name_slug(name, 'person')}/"
    else:
        name = next(k for k in member["keywords"] if len(k.split()) > 1)
        target = f"topics/{name_slug(name, 'topic')}/"
    assert (site.out / target).is_dir(), (kind, name, pages[:5])
    visit(page, site.url("about/"))
    open_search(page, name)
    first = page.locator("[data-bf-search-list] a.md-search-result__link").first
    search_result_link(page, target)
    _wait_results(page, f"hrefs.slice(0, 3).some(h => h.endsWith({target!r}))")
    assert first.is_visible()


def test_filters_narrow_the_results_and_work_from_the_keyboard(page, site):
    visit(page, site.url("about/"))
    open_search(page, "bridge")
    _wait_results(page, "hrefs.length >= 4")
    before = _briefing_results(page, site)
    outlets = {r["source"]["name"] for r in before}
    assert len(outlets) >= 3 and "Capital Tribune" in outlets
    # the filters open from the keyboard, and their controls are reached with Tab
    toggle = page.get_by_role("button", name="Filters", exact=True)
    toggle.focus()
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    outlet = page.get_by_label("Outlet", exact=True)
    outlet.wait_for(state="visible")
    page.wait_for_function("document.querySelectorAll('#bf-filter-outlet option').length > 2")
    for _ in range(4):
        if page.evaluate("document.activeElement && document.activeElement.id") == "bf-filter-outlet":
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "bf-filter-outlet"
    # the list offers the outlets of the results, with their counts
    options = outlet.locator("option").all_inner_texts()
    assert options[0].startswith("Any") and any(o.startswith("Capital Tribune (") for o in options)
    outlet.select_option("Capital Tribune")
    _wait_results(page, "hrefs.length >= 1 && hrefs.every(h => h.includes('/briefings/'))")
    after = _briefing_results(page, site)
    assert after and {r["source"]["name"] for r in after} == {"Capital Tribune"}
    assert len(after) < len(before)
    assert {r["slug"] for r in after} == {r["slug"] for r in before if r["source"]["name"] == "Capital Tribune"}
    # clearing the filters brings every result back
    page.get_by_role("button", name="Clear filters").click()
    _wait_results(page, f"hrefs.length >= {len(before)}")
    assert {r["slug"] for r in _briefing_results(page, site)} == {r["slug"] for r in before}


def test_newest_first_orders_the_briefings_by_date(page, site):
    visit(page, site.url("about/"))
    open_search(page, "minister")
    _wait_results(page, "hrefs.length >= 4")
    page.get_by_label("Sort by").select_option("newest")
    _wait_results(page, "hrefs.length >= 4 && hrefs.every(h => h.includes('/briefings/'))")
    page.wait_for_timeout(300)
    newest = _briefing_results(page, site)
    dates = [r["source"]["published"] or "0000-00-00" for r in newest]
    assert dates == sorted(dates, reverse=True) and len(set(dates)) > 3
    shown = page.locator("[data-bf-search-list] .bf-search-result__kind").first.inner_text()
    assert shown == dates[0]  # each result shows its date


# ---------------------------------------------------------------------------------------------
# Accessibility and phones

@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_violation_on_the_story_page_and_the_filters(page_factory, site, scheme):
    story = _fixture(site, STORY[0])["story"]
    page = page_factory(color_scheme=scheme)
    visit(page, site.url(f"stories/{story}/"))
    assert_accessible(page)
    open_search(page, "bridge")
    search_result_link(page, "briefings/")
    page.get_by_role("button", name="Filters", exact=True).click()
    page.wait_for_function("document.querySelectorAll('#bf-filter-topic option').length > 1")
    page.get_by_label("Sort by").select_option("newest")
    page.wait_for_timeout(800)  # until the results have faded in: axe reads colours mid-transition
    assert_accessible(page)


def test_nothing_scrolls_sideways_on_a_360_px_phone(page_factory, site, artifacts):
    story = _fixture(site, STORY[0])["story"]
    copy = _fixture(site, COPIES[0])
    page = page_factory(**PHONE)
    for rel in (f"stories/{story}/", "stories/", copy["path"]):
        visit(page, site.url(rel))
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{rel} is {overflow}px wider than the phone"
    # a reader taps the search button in the header (the box is folded away on a phone)
    page.locator("label.md-header__button[for='__search']").first.click()
    box = page.locator("[data-bf-search-query]")
    box.wait_for(state="visible")
    page.wait_for_timeout(400)  # the dialog slides in
    box.press_sequentially("bridge", delay=15)
    search_result_link(page, "briefings/")
    page.get_by_role("button", name="Filters", exact=True).click()
    page.wait_for_function("document.querySelectorAll('#bf-filter-outlet option').length > 1")
    for element in ("[data-bf-filters]", "[data-bf-search-tools]", "[data-bf-search-list]"):
        box = page.locator(element).bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 360, element
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the search with its filters open is {overflow}px wider than the phone"
    page.screenshot(path=str(Path(artifacts) / "phone-search-filters.png"))
