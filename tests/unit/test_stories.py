"""Copies and stories across briefings (generator.stories) and their pages (generator.storypages)."""
from __future__ import annotations

from generator.models import Briefing, Quote, Source
from generator.stories import annotate
from generator.storypages import briefing_section, copies_of, story_pages

WIRE = [
    "The magnitude 7.1 earthquake struck the mountain province of Kaldera before dawn on Saturday, "
    "flattening mud-brick homes in a dozen villages and cutting the only road to the provincial capital Tesh.",
    "Rescue teams from the capital reached the worst-hit district of Varno by helicopter and began pulling "
    "survivors from the rubble, the interior ministry said, putting the toll at 212 dead.",
    "Aftershocks rattled the valley through the morning, and hospitals in Tesh asked for blood donations "
    "as the wounded arrived in trucks and on tractors along the damaged road.",
    "The quake was the strongest to hit the region in half a century, seismologists at the national "
    "observatory said, and its epicentre lay ten kilometres beneath the Varno valley.",
]
REPORT = [
    "Villagers in the Varno valley dug with their hands through collapsed houses on Sunday as the death toll "
    "from Saturday's earthquake in Kaldera province rose to 340.",
    "Helicopters ferried the injured to Tesh, where doctors worked through the night in tents pitched outside "
    "the provincial hospital, whose walls cracked in the aftershocks.",
    "Engineers said the road to the valley could reopen within two days; until then food and blankets were "
    "being dropped from the air.",
]
OTHER = [
    "The central bank of Norland raised its main interest rate by half a point on Thursday, its third increase "
    "this year, as inflation reached its highest level since the currency was floated.",
    "Governor Pia Sand said the bank would keep raising rates until prices were under control, and markets "
    "pushed the krona to a two-month high against the euro.",
    "Economists had expected a smaller rise, and mortgage lenders said they would pass it on to borrowers.",
]


def make(slug, paragraphs, published=None, outlet=None, title=None, people=(), quotes=()):
    return Briefing(title=title or slug.replace("-", " ").title(), slug=slug,
                    source=Source(name=outlet, published=published, file=f"{slug}.txt"),
                    keywords=("earthquake",), quotes=tuple(quotes), people=tuple(people), summary="",
                    paragraphs=tuple(paragraphs), word_count=sum(len(p.split()) for p in paragraphs),
                    reading_time=1)


def by_slug(briefings):
    return {b.slug: b for b in briefings}


def test_a_republished_wire_text_is_a_copy_of_the_earliest_and_in_its_story():
    original = make("quake-kills-212", WIRE, "2024-05-04", "Wire Daily")
    # republished a day later: other headline, furniture before it, its last paragraph trimmed
    copy = make("deadly-quake-in-kaldera", ["Advertisement", *WIRE[:3]], "2024-05-05", "The Courier")
    other = make("rates-rise", OTHER, "2024-05-04", "Money Times")
    out, stories = annotate([copy, other, original])
    got = by_slug(out)
    assert got["deadly-quake-in-kaldera"].same_as == "quake-kills-212"
    assert got["quake-kills-212"].same_as is None and got["rates-rise"].same_as is None
    assert got["deadly-quake-in-kaldera"].story == got["quake-kills-212"].story == "quake-kills-212"
    assert got["rates-rise"].story is None
    assert [b.slug for b in out] == ["deadly-quake-in-kaldera", "rates-rise", "quake-kills-212"]  # order kept
    assert stories["quake-kills-212"].members == ("quake-kills-212", "deadly-quake-in-kaldera")


def test_a_story_is_named_after_the_original_when_a_copy_ran_the_same_day():
    # the copy's slug sorts first and both are dated alike: the story still takes the original's name
    original = make("quake-kills-212", WIRE, "2024-05-04", "Wire Daily")
    copy = make("a-deadly-quake", ["Advertisement", *WIRE[:3]], "2024-05-04", "The Courier")
    report = make("villagers-dig", REPORT, "2024-05-05", "Valley News")
    out, stories = annotate([copy, original, report])
    assert by_slug(out)["a-deadly-quake"].same_as == "quake-kills-212"
    assert list(stories) == ["quake-kills-212"]
    assert stories["quake-kills-212"].title == "Quake Kills 212"
    assert stories["quake-kills-212"].members[:2] == ("quake-kills-212", "a-deadly-quake")


def test_independent_reports_of_one_event_are_one_story_not_copies():
    a = make("quake-kills-212", WIRE, "2024-05-04")
    b = make("toll-rises-in-kaldera", REPORT, "2024-05-05")
    out, stories = annotate([a, b, make("rates-rise", OTHER, "2024-05-04")])
    got = by_slug(out)
    assert got["toll-rises-in-kaldera"].same_as is None
    assert got["toll-rises-in-kaldera"].story == got["quake-kills-212"].story == "quake-kills-212"
    assert "varno" in stories["quake-kills-212"].shared or "Varno".lower() in " ".join(stories["quake-kills-212"].shared)


def test_the_same_kind_of_event_weeks_apart_is_another_story():
    a = make("quake-kills-212", WIRE, "2024-05-04")
    later = make("new-quake-in-kaldera", REPORT, "2024-05-30")  # same places and words, 26 days on
    out, stories = annotate([a, later])
    assert all(b.story is None for b in out) and stories == {}


def test_a_copy_under_another_date_year_is_still_a_copy_but_quotations_alone_make_none():
    statement = ('"We will rebuild every home in the valley, and no family will be left without shelter '
                 'this winter, whatever it costs the treasury," the prime minister said in a televised address.')
    a = make("pm-pledges", [statement, OTHER[0]], "2024-05-06")
    b = make("rebuild-promise", [statement, OTHER[2]], "2024-05-06")
    out, _ = annotate([a, b])
    assert all(x.same_as is None for x in out)  # sharing a long quotation does not make a copy


def test_annotate_is_deterministic_and_order_independent():
    items = [make("quake-kills-212", WIRE, "2024-05-04"), make("toll-rises-in-kaldera", REPORT, "2024-05-05"),
             make("deadly-quake-in-kaldera", WIRE[:3], "2024-05-05"), make("rates-rise", OTHER)]
    first = by_slug(annotate(items)[0])
    second = by_slug(annotate(list(reversed(items)))[0])
    assert first == second


def test_one_briefing_or_none_has_no_story():
    assert annotate([]) == ([], {})
    out, stories = annotate([make("quake-kills-212", WIRE)])
    assert out[0].story is None and out[0].same_as is None and stories == {}


def test_story_page_has_timeline_people_and_why_and_escapes_article_text():
    quote = Quote("Everything <script>alert(1)</script> is gone, the school and the clinic too",
                  "Ana *Ruiz*", "a farmer", 1, 0, 10)
    a = make("quake-kills-212", WIRE, "2024-05-04", "Wire <b>Daily</b>", title="Quake [kills] 212",
             people=("Ana *Ruiz*",), quotes=(quote,))
    b = make("toll-rises-in-kaldera", REPORT, "2024-05-05", "The Courier")
    out, stories = annotate([a, b])
    pages = story_pages(stories, out)
    page = pages["stories/quake-kills-212.md"]
    timeline = page.split("## Timeline", 1)[1]
    assert timeline.index("2024-05-04") < timeline.index("2024-05-05")
    assert "(../briefings/toll-rises-in-kaldera.md)" in page
    assert "<script>" not in page and "<b>" not in page and r"Quake \[kills\] 212" in page
    assert "Ana \\*Ruiz\\*" in page and "Grouped because they share" in page
    assert "quake-kills-212.md" in pages["stories/index.md"]


def test_briefing_section_names_the_story_and_the_outlets_that_ran_the_text():
    original = make("quake-kills-212", WIRE, "2024-05-04", "Wire Daily")
    copy = make("deadly-quake-in-kaldera", WIRE[:3], "2024-05-05", "The Courier")
    out, stories = annotate([original, copy])
    index = by_slug(out)
    copies = copies_of(out)
    on_original = briefing_section(index["quake-kills-212"], stories, index, copies, "../")
    on_copy = briefing_section(index["deadly-quake-in-kaldera"], stories, index, copies, "../")
    assert "[The Courier](deadly-quake-in-kaldera.md)" in on_original
    assert "The same text ran in Wire Daily" in on_copy and "(quake-kills-212.md)" in on_copy
    assert "(../stories/quake-kills-212.md)" in on_original
    assert briefing_section(make("rates-rise", OTHER), {}, {}, {}) == ""


def test_a_long_story_is_paged_so_no_page_grows_with_it():
    from generator.stories import Story
    from generator.storypages import STORY_PAGE_SIZE

    items = [make(f"day-{i:03d}", REPORT, f"2024-05-{1 + i % 28:02d}", f"Outlet {i % 7}", people=(f"Person {i}",))
             for i in range(2 * STORY_PAGE_SIZE + 5)]
    story = Story("day-000", "Quake aftermath", tuple(b.slug for b in items), ())
    pages = story_pages({"day-000": story}, items)
    assert {"stories/day-000.md", "stories/day-000/page-2.md", "stories/day-000/page-3.md"} <= set(pages)
    first, last = pages["stories/day-000.md"], pages["stories/day-000/page-3.md"]
    assert first.count("](../briefings/") == STORY_PAGE_SIZE
    assert last.count("](../../briefings/") == 5  # a numbered page is one folder deeper
    assert "[Later →](day-000/page-2.md)" in first and "[← Earlier](page-2.md)" in last
    # the people quoted are the most quoted few, the rest counted
    assert "and 75 more" in first and "People quoted" not in last
    # every member is on exactly one page
    listed = [s for text in pages.values() if text.startswith("---") for s in items if f"briefings/{s.slug}.md" in text]
    assert sorted(b.slug for b in listed) == sorted(b.slug for b in items)


def test_briefing_sections_sharing_story_facts_name_each_story_with_its_own_size_and_dates():
    """docs_pages passes one ``facts`` dict to every briefing's section (each story's size and dates
    made once, not once per member): two stories must not take each other's figures."""
    from dataclasses import replace

    from generator.stories import Story

    quake = [replace(make(f"quake-{n}", WIRE, f"2024-05-0{n}", "Wire Daily"), story="quake-1") for n in (1, 2, 3)]
    rates = [replace(make(f"rates-{n}", OTHER, f"2024-06-1{n}", "Norland Post"), story="rates-1") for n in (1, 2)]
    stories = {"quake-1": Story("quake-1", "Quake", ("quake-1", "quake-2", "quake-3"), ()),
               "rates-1": Story("rates-1", "Rates", ("rates-1", "rates-2"), ())}
    index = by_slug(quake + rates)
    facts: dict = {}
    shared = [briefing_section(b, stories, index, {}, "../", facts) for b in quake + rates]
    alone = [briefing_section(b, stories, index, {}, "../") for b in quake + rates]
    assert shared == alone
    assert "3 briefings, 2024-05-01 to 2024-05-03" in shared[2]
    assert "2 briefings, 2024-06-11 to 2024-06-12" in shared[4]
    assert facts == {"quake-1": (3, "2024-05-01 to 2024-05-03"), "rates-1": (2, "2024-06-11 to 2024-06-12")}
