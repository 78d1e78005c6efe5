"""People as one identity and topics worth clicking (issue 18), on the built site in a browser.

The fixtures quote "Salim" in one article and "Salim Haddad" in another: one person, one page;
the Arabic fixture quotes its speakers in Arabic: they have person pages too. The topic index
lists topics of two briefings or more with their counts.
"""
from __future__ import annotations

import re
from collections import Counter

import pytest

from generator.render import name_slug
from tests.browser.helpers import assert_accessible, content, heading, visit

pytestmark = pytest.mark.browser

FARM_FILE = "articles/2026-04-20-farmers-drought.txt"
FISH_FILE = "articles/2026-08-03-fishing-quotas.md"
ARABIC_FILE = "articles/2026-05-21-desalination-arabic.txt"
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}


def _record(site, file: str) -> dict:
    try:
        return site.record(source_file=file)
    except LookupError:
        pytest.skip(f"the fixture {file} is not in tests/fixtures/articles/")


def _topic_counts(site) -> Counter:
    """Briefings per topic slug, copies left out (their canonical briefing stands for them)."""
    return Counter(s for r in site.records if not r.get("same_as")
                   for s in dict.fromkeys(name_slug(k, "topic") for k in r["keywords"]))


def test_a_first_name_and_the_full_name_are_one_person_with_one_page(page, site):
    farm, fish = _record(site, FARM_FILE), _record(site, FISH_FILE)
    assert "Salim" in farm["people"] and "Salim Haddad" in fish["people"]
    assert (site.out / "people" / "salim-haddad" / "index.html").is_file()
    assert not (site.out / "people" / "salim").exists()
    visit(page, site.url(farm["path"]))
    content(page).locator(".key-quote__speaker", has_text=re.compile(r"^\s*Salim\s*$")).first.click()
    visit(page)
    assert page.url.endswith("/people/salim-haddad/")
    assert heading(page) == "Salim Haddad"
    text = content(page).inner_text()
    assert "Also written Salim." in text and "Quoted 4 times in 2 briefings" in text
    # the people index lists the person once
    visit(page, site.url("people/"))
    names = content(page).locator("li a").all_inner_texts()
    assert names.count("Salim Haddad") == 1 and "Salim" not in names


def test_an_arabic_speaker_has_a_right_to_left_person_page(page, site):
    arabic = _record(site, ARABIC_FILE)
    assert arabic["people"], "the Arabic briefing lists its speakers as people"
    visit(page, site.url(arabic["path"]))
    speaker = content(page).locator(".key-quote__speaker").first
    name = speaker.inner_text().strip()
    speaker.click()
    visit(page)
    assert re.search(r"/people/person-[0-9a-f]{10}/$", page.url)
    assert heading(page) == name
    h1 = page.locator("article h1").first
    assert h1.evaluate("h => getComputedStyle(h).direction") == "rtl"
    assert page.title().startswith(name)


def test_the_topic_index_shows_counts_and_leaves_single_briefing_topics_out(page, site):
    counts = _topic_counts(site)
    visit(page, site.url("topics/"))
    assert heading(page) == "Topics"
    items = content(page).locator("li").all_inner_texts()
    assert items, "the topic index lists topics"
    listed = {}
    for item in items:
        match = re.fullmatch(r"(.+) · (\d+) briefings", item.strip())
        assert match, item
        listed[match.group(1)] = int(match.group(2))
    assert all(n >= 2 for n in listed.values())
    hrefs = content(page).locator("li a").evaluate_all("links => links.map(a => new URL(a.href).pathname)")
    slugs = {h.rstrip("/").rsplit("/", 1)[1] for h in hrefs}
    singles = {s for s, n in counts.items() if n == 1}
    assert singles and not slugs & singles
    assert "appear in a single briefing" in content(page).inner_text()
    # a single-briefing topic keeps its page
    single = sorted(s for s in singles if (site.out / "topics" / s / "index.html").is_file())[0]
    visit(page, site.url(f"topics/{single}/"))


def test_a_topic_page_opens_with_its_overview(page, site):
    visit(page, site.url("topics/water/"))
    headings = content(page).locator("h2").evaluate_all(
        "hs => hs.map(h => h.firstChild.textContent.trim())")  # the text, not its permalink sign
    assert headings[:2] == ["Overview", "Briefings"]
    overview = content(page).locator("h2:has-text('Overview') + ul").inner_text()
    assert "People quoted most" in overview and "Leila Mansour" in overview
    first = content(page).locator("p").first.inner_text()
    assert re.fullmatch(r"\d+ briefings on this topic, from \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d\.", first), first
    content(page).get_by_role("link", name="Leila Mansour").first.click()
    visit(page)
    assert heading(page) == "Leila Mansour"


def test_a_keyword_naming_a_quoted_person_leads_to_their_page(page, site):
    record = next((r for r in site.records if "Daniel Okafor" in r["keywords"]), None)
    if record is None:
        pytest.skip("no briefing has a quoted person's name among its keywords")
    assert not (site.out / "topics" / "daniel-okafor").exists()  # no page, and no feed
    visit(page, site.url(record["path"]))
    page.locator("nav[aria-label='Topics']").get_by_role("link", name="Daniel Okafor").click()
    visit(page)
    assert page.url.endswith("/people/daniel-okafor/")


def _pages(site) -> dict[str, str]:
    arabic = next(p.parent.name for p in sorted((site.out / "people").glob("person-*/index.html")))
    return {"topic index": "topics/", "topic": "topics/water/", "people index": "people/",
            "merged person": "people/salim-haddad/", "arabic person": f"people/{arabic}/"}


@pytest.mark.parametrize("kind", ["topic index", "topic", "people index", "merged person", "arabic person"])
def test_no_serious_accessibility_violations_on_people_and_topic_pages(page_factory, site, kind):
    for scheme in ("light", "dark"):
        page = page_factory(color_scheme=scheme)
        visit(page, site.url(_pages(site)[kind]))
        assert_accessible(page)


def test_people_and_topic_pages_do_not_scroll_sideways_on_a_phone(page_factory, site):
    page = page_factory(**PHONE)
    for rel in _pages(site).values():
        visit(page, site.url(rel))
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{rel} is {overflow}px wider than the phone"
