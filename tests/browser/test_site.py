"""The built site in a real browser, used the way a reader uses it.

One site is built from seeds/ and tests/fixtures/articles/ and served under /briefings-repo/.
Every page visited must load without console errors or failed requests and carry social preview
metadata. Screenshots go to test-artifacts/ (light, dark, phone).
"""
from __future__ import annotations

import re

import pytest

from tests.browser.helpers import (
    assert_accessible,
    content,
    heading,
    open_search,
    related_links,
    save_screenshot,
    search_result_link,
    visit,
)

pytestmark = pytest.mark.browser

USER_SLUG = "iran-plays-its-last-card-in-the-region"
ARABIC_FILE = "2026-05-21-desalination-arabic.txt"
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}


def _user(site) -> dict:
    try:
        return site.record(slug=USER_SLUG)
    except LookupError:
        pytest.skip("the user's seed article is not in seeds/")


def _person_pages(site) -> bool:
    return (site.out / "people").is_dir()


# ---------------------------------------------------------------------------------------------
# Reading

def test_home_lists_every_briefing_newest_first(page, site):
    visit(page, site.url())
    assert heading(page) == "Latest briefings"
    listed = page.locator("article a[href*='briefings/']").evaluate_all(
        "links => links.map(a => new URL(a.href).pathname)")
    # a copy of another briefing (same_as) is not listed again: its canonical briefing stands for it
    expected = [f"/briefings-repo/{r['path']}" for r in site.records if not r.get("same_as")]
    assert sorted(set(listed)) == sorted(expected)
    dated = [r for r in site.records if r["source"]["published"] and not r.get("same_as")]
    newest = max(dated, key=lambda r: r["source"]["published"])
    assert listed[0] == f"/briefings-repo/{newest['path']}"


def test_reader_opens_a_briefing_and_follows_a_topic_back(page, site):
    record = _user(site)
    visit(page, site.url())
    content(page).get_by_role("link", name=record["title"], exact=True).first.click()
    visit(page)  # checks the page the click led to
    assert page.url == site.url(record["path"])
    assert heading(page) == record["title"]

    card = page.locator(".briefing-card")
    assert card.is_visible()
    assert record["source"]["name"] in card.inner_text()

    quotes = page.locator("ol.key-quotes > li")
    assert quotes.count() == len(record["quotes"])
    for item, quote in zip(quotes.all(), record["quotes"], strict=True):
        assert item.locator(".key-quote__speaker").inner_text() == (quote["speaker"] or "Unattributed")
        if quote["role"]:
            assert item.locator(".key-quote__role").inner_text() == quote["role"]
    quotes.first.get_by_role("link", name=re.compile("in context")).click()
    assert page.url.endswith(f"#p-{record['quotes'][0]['paragraph']}")
    assert page.locator(f"#p-{record['quotes'][0]['paragraph']}").is_visible()

    topic = record["keywords"][0]
    page.get_by_role("navigation", name="Topics").get_by_role("link", name=topic, exact=True).click()
    visit(page)
    assert "/topics/" in page.url
    assert heading(page) == topic
    content(page).get_by_role("link", name=record["title"], exact=True).first.click()
    visit(page)
    assert page.url == site.url(record["path"])


def test_reader_follows_a_person_to_their_page(page, site):
    if not _person_pages(site):
        pytest.xfail("people pages (docs/people/) are not generated yet: another engineer is adding them")
    record = site.record(slug="water-bills-to-rise-for-heavy-users-under-new-tariff")
    visit(page, site.url(record["path"]))
    person = page.locator("article a[href*='people/']").filter(has_text="Leila Mansour").first
    person.click()
    visit(page)
    assert "/people/" in page.url
    assert "Leila Mansour" in heading(page)
    quoted_in = {r["path"] for r in site.records if "Leila Mansour" in r["people"]}
    assert len(quoted_in) >= 3
    linked = set(page.locator("article a[href*='briefings/']").evaluate_all(
        "links => links.map(a => new URL(a.href).pathname)"))
    assert {f"/briefings-repo/{p}" for p in quoted_in} <= linked
    content(page).get_by_role("link", name=record["title"], exact=True).first.click()
    visit(page)
    assert page.url == site.url(record["path"])


def test_reader_follows_a_related_briefing(page, site):
    record = site.record(slug="water-bills-to-rise-for-heavy-users-under-new-tariff")
    visit(page, site.url(record["path"]))
    links = related_links(page)
    if not links and not any("related" in p.read_text(encoding="utf-8").lower()
                             for p in (site.out / "briefings").rglob("index.html")):
        pytest.xfail("related briefings are not generated yet: another engineer is adding them")
    assert links, "the briefing shows no related briefings"
    target = links[0]
    title = target.inner_text().strip()
    target.click()
    visit(page)
    assert "/briefings/" in page.url and page.url != site.url(record["path"])
    assert heading(page) == title


@pytest.mark.parametrize("query, slug", [
    ("Leila Mansour", "water-bills-to-rise-for-heavy-users-under-new-tariff"),
    ("cannot pray for rain", None),  # a quote's words: the desalination briefing (titled by its text)
    ("Nujaba", USER_SLUG),
])
def test_search_finds_a_briefing(page, site, query, slug):
    if slug is None:
        slug = next(r["slug"] for r in site.records
                    if any("cannot pray for rain" in q["text"] for q in r["quotes"]))
    if slug == USER_SLUG:
        _user(site)
    visit(page, site.url("about/"))
    open_search(page, query)
    hit = search_result_link(page, f"briefings/{slug}/")
    hit.click()
    visit(page)
    assert f"/briefings/{slug}/" in page.url


def test_deep_missing_url_gets_the_styled_404_page(page, site):
    url = site.url("briefings/no/such/deep/page/")
    page.watch.allowed_404.add(url)
    response = visit(page, url, status=404)
    assert response.status == 404
    assert "not found" in heading(page).lower()
    # the stylesheets loaded from the deep URL: Material's header is laid out and coloured
    header = page.locator(".md-header")
    assert header.evaluate("e => getComputedStyle(e).position") == "sticky"
    assert header.evaluate("e => getComputedStyle(e).backgroundColor") not in ("rgba(0, 0, 0, 0)", "transparent")
    assert page.evaluate("[...document.styleSheets].filter(s => s.href && s.cssRules.length > 0).length") >= 2
    page.get_by_role("link", name=re.compile("Latest|home", re.I)).first.click()
    visit(page)


def test_arabic_briefing_reads_right_to_left(page, site):
    record = site.record(source_file=f"articles/{ARABIC_FILE}")
    visit(page, site.url(record["path"]))
    article = page.locator("article.briefing")
    assert article.get_attribute("lang") == "ar"
    assert article.evaluate("e => getComputedStyle(e).direction") == "rtl"
    right, left = page.locator("ol.key-quotes > li").first.evaluate(
        "e => [parseFloat(getComputedStyle(e).borderRightWidth), parseFloat(getComputedStyle(e).borderLeftWidth)]")
    assert right > left  # the quote bar is on the side the reading starts


def test_social_preview_metadata(page, site):
    record = _user(site)
    visit(page, site.url(record["path"]))
    meta = page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('meta[property], meta[name]')]
        .map(m => [m.getAttribute('property') || m.getAttribute('name'), m.content]))""")
    assert meta["og:title"] == record["title"]
    assert meta["og:description"] == record["summary"]
    assert meta["og:type"] == "article"
    assert meta["og:url"] == site.url(record["path"])
    assert meta["twitter:title"] == record["title"]
    assert meta["description"] == record["summary"]
    visit(page, site.url())
    assert page.locator("meta[property='og:type']").get_attribute("content") == "website"


# ---------------------------------------------------------------------------------------------
# Accessibility

def _pages_for_axe(site):
    pages = {"home": "", "briefing": f"briefings/{USER_SLUG}/", "topic": "topics/",
             "arabic briefing": site.record(source_file=f"articles/{ARABIC_FILE}")["path"]}
    first_topic = sorted(p.parent.name for p in (site.out / "topics").glob("*/index.html"))[0]
    pages["topic"] = f"topics/{first_topic}/"
    if _person_pages(site):
        person = sorted(p.parent.name for p in (site.out / "people").glob("*/index.html"))[0]
        pages["person"] = f"people/{person}/"
    return pages


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", ["home", "briefing", "topic", "arabic briefing", "person"])
def test_no_serious_accessibility_violations(page_factory, site, kind, scheme):
    pages = _pages_for_axe(site)
    if kind == "person" and kind not in pages:
        pytest.xfail("people pages (docs/people/) are not generated yet: another engineer is adding them")
    if kind == "briefing" and not (site.out / pages[kind]).is_dir():
        _user(site)
    page = page_factory(color_scheme=scheme)
    visit(page, site.url(pages[kind]))
    assert_accessible(page)
    open_search(page, "water")  # the open search dialog and its results too
    search_result_link(page, "briefings/")
    page.wait_for_timeout(800)  # until the results have faded in: axe reads colours mid-transition
    assert_accessible(page)


# ---------------------------------------------------------------------------------------------
# Looks: phone, dark, print; screenshots for people to look at

def test_phone_layout_does_not_scroll_sideways(page_factory, site, artifacts):
    page = page_factory(**PHONE)
    for rel in ["", f"briefings/{USER_SLUG}/", site.record(source_file=f"articles/{ARABIC_FILE}")["path"]]:
        visit(page, site.url(rel))
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{rel or 'home'} is {overflow}px wider than the phone"


def test_print_stylesheet_prints_a_clean_briefing(page, site, artifacts):
    _user(site)
    visit(page, site.url(f"briefings/{USER_SLUG}/"))
    page.emulate_media(media="print")
    for selector in [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".md-search"]:
        for element in page.locator(selector).all():
            assert not element.is_visible(), f"{selector} is printed"
    assert page.locator("ol.key-quotes").is_visible()
    assert page.locator(".briefing-card").is_visible()
    quote_box = page.locator("ol.key-quotes > li").first
    assert quote_box.evaluate("e => getComputedStyle(e).breakInside") == "avoid"
    save_screenshot(page, artifacts / "print-briefing.png", full_page=True)
    pdf = page.pdf(format="A4", print_background=True)
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    (artifacts / "briefing.pdf").write_bytes(pdf)


SHOTS = {
    "home": "",
    "briefing": f"briefings/{USER_SLUG}/",
    "topic": "topics/",
    "arabic": None,
    "person": None,
}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_screenshots(page_factory, site, artifacts, scheme, device):
    page = page_factory(color_scheme=scheme, **(PHONE if device == "phone" else {}))
    pages = dict(SHOTS)
    pages["arabic"] = site.record(source_file=f"articles/{ARABIC_FILE}")["path"]
    topics = sorted(p.parent.name for p in (site.out / "topics").glob("*/index.html"))
    pages["topic"] = "topics/" + ("water" if "water" in topics else topics[0]) + "/"
    if _person_pages(site):
        people = sorted(p.parent.name for p in (site.out / "people").glob("*/index.html"))
        pages["person"] = "people/" + ("leila-mansour" if "leila-mansour" in people else people[0]) + "/"
    for name, rel in pages.items():
        if rel is None or (name == "briefing" and not (site.out / rel).is_dir()):
            continue
        visit(page, site.url(rel))
        expected_scheme = "slate" if scheme == "dark" else "default"
        assert page.locator("body").get_attribute("data-md-color-scheme") == expected_scheme
        save_screenshot(page, artifacts / f"{name}-{scheme}-{device}.png")
        if name == "briefing" and device == "desktop":
            save_screenshot(page, artifacts / f"{name}-{scheme}-{device}-full.png", full_page=True)
            if scheme == "light":  # for the README (.github/briefing.png): card, topics, summary, quotes
                page.set_viewport_size({"width": 1280, "height": 1360})
                save_screenshot(page, artifacts / "readme-briefing.png")
                page.set_viewport_size({"width": 1280, "height": 900})
    if device == "desktop":
        visit(page, site.url("about/"))
        open_search(page, "water minister")
        search_result_link(page, "briefings/")
        save_screenshot(page, artifacts / f"search-{scheme}-{device}.png")
