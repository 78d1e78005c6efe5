"""Site pages around the briefings: people, related briefings, archive, home, paginated topics."""
import json
import re

import markdown
import pytest
import yaml
from lxml import html as lxml_html

from generator import sitepages
from generator.models import Briefing, Quote, Source
from generator.render import name_slug, render_briefing, render_briefing_own
from generator.sitepages import (
    docs_pages,
    people_index,
    related_briefings,
    render_archive,
    render_home,
    render_people_index,
    render_person,
    render_topic,
    topic_index,
    topic_pages,
)

HOSTILE = '<script>alert(1)</script> [x](javascript:alert(1)) {: onclick="alert(1)" } **b** # h'


def make(slug: str, *, published: str | None = "2025-03-04", keywords=("port strike", "wages"),
         quotes=(), people=None, title=None, summary="Dock workers walked off the job.", name="The Ledger"):
    quotes = tuple(quotes)
    if people is None:
        people = tuple(dict.fromkeys(q.speaker for q in quotes if q.speaker))
    return Briefing(
        title=title or f"Briefing {slug}", slug=slug,
        source=Source(name=name, published=published, language="en", file=f"{slug}.txt"),
        keywords=tuple(keywords), quotes=quotes, people=tuple(people), summary=summary,
        paragraphs=("First paragraph.", "Second paragraph.", "Third paragraph."), word_count=6, reading_time=1,
    )


def q(text: str, speaker: str | None, role: str | None = None, paragraph: int = 0) -> Quote:
    return Quote(text, speaker, role, paragraph, 0, 5)


def to_html(md: str) -> lxml_html.HtmlElement:
    body = md.split("\n---\n", 1)[1] if md.startswith("---\n") else md
    out = markdown.markdown(body, extensions=["attr_list", "md_in_html", "toc"])
    return lxml_html.fragment_fromstring(out, create_parent="div")


def front(md: str) -> dict:
    return yaml.safe_load(md[4:].split("\n---\n", 1)[0])


def assert_inert(tree: lxml_html.HtmlElement) -> None:
    assert not tree.xpath("//script | //iframe | //form | //img | //input | //strong")
    for el in tree.iter():
        assert not [a for a in el.attrib if a.startswith("on")], lxml_html.tostring(el)
        assert not el.get("href", "").lower().startswith("javascript")


# ---------------------------------------------------------------------------------------------
# People

def test_a_person_page_lists_roles_with_their_briefings_and_links_every_quote_to_its_paragraph():
    old = make("old", published="2024-05-01", quotes=[q("We will not back down", "Maria Lopez", "union leader", 1)])
    new = make("new", published="2025-01-02", quotes=[
        q("Talks have failed", "Maria Lopez", "general secretary of the union", 0),
        q("We are ready", "Maria Lopez", "general secretary of the union", 2),
        q("No comment", "John Smith", None, 1),
    ])
    people = people_index([old, new])
    assert list(people) == ["john-smith", "maria-lopez"]  # sorted by name
    maria = people["maria-lopez"]
    assert (maria.name, maria.quotes, [b.slug for b in maria.briefings]) == ("Maria Lopez", 3, ["new", "old"])
    page = render_person(maria)
    assert front(page) == {"title": "Maria Lopez", "person": "Maria Lopez"}
    tree = to_html(page)
    roles = [li.text_content() for li in tree.xpath("//h2[@id='roles']/following-sibling::ul[1]/li")]
    assert roles == ["general secretary of the union: in Briefing new", "union leader: in Briefing old"]
    role_links = tree.xpath("//h2[@id='roles']/following-sibling::ul[1]/li/a/@href")
    assert role_links == ["../briefings/new.md", "../briefings/old.md"]
    quotes = [bq.text_content().strip() for bq in tree.xpath("//blockquote")]
    assert quotes == ["Talks have failed", "We are ready", "We will not back down"]  # newest briefing first
    context = [a.get("href") for a in tree.xpath("//a") if "in context" in a.text_content()]
    assert context == ["../briefings/new.md#p-1", "../briefings/new.md#p-3", "../briefings/old.md#p-2"]
    assert "No comment" not in page  # someone else's quotation


def test_only_speakers_listed_in_people_are_persons():
    b = make("a", quotes=[q("It is over", "a senior official"), q("It is not", "Ana Ruiz")], people=("Ana Ruiz",))
    assert list(people_index([b])) == ["ana-ruiz"]
    box = to_html(render_briefing(b))
    speakers = box.xpath("//*[contains(@class, 'key-quote__speaker')]")
    assert [(s.tag, s.get("href"), s.text_content()) for s in speakers] == [
        ("span", None, "a senior official"), ("a", "../people/ana-ruiz.md", "Ana Ruiz")]


def test_spellings_that_slugify_alike_share_one_page_named_by_the_most_used():
    a = make("a", quotes=[q("One", "José Pérez"), q("Two", "José Pérez")])
    b = make("b", quotes=[q("Three", "Jose Perez")])
    people = people_index([a, b])
    assert list(people) == ["jose-perez"]
    person = people["jose-perez"]
    assert person.name == "José Pérez" and person.quotes == 3
    assert "Also written <bdi>Jose Perez</bdi>." in render_person(person)


def test_people_index_is_sorted_by_name_with_quote_counts():
    a = make("a", quotes=[q("One", "zoe Adams"), q("Two", "Ben Ortiz"), q("Three", "Ben Ortiz")])
    b = make("b", quotes=[q("Four", "Ben Ortiz")])
    page = render_people_index(people_index([a, b]))
    items = [li.text_content() for li in to_html(page).xpath("//li")]
    assert items == ["Ben Ortiz: 3 quotes in 2 briefings", "zoe Adams: 1 quote in 1 briefing"]
    assert "2 people quoted" in page
    assert "No one is quoted yet" in render_people_index({})


def test_person_named_index_does_not_replace_the_index_page():
    assert name_slug("Index", "person") == "person-index" and name_slug("index", "topic") == "topic-index"
    pages = docs_pages([make("a", keywords=("Index",), quotes=[q("Hello there", "Index")])], "Briefings")
    assert "people/person-index.md" in pages and "topics/topic-index.md" in pages
    assert front(pages["people/index.md"])["title"] == "People" and front(pages["topics/index.md"])["title"] == "Topics"


def test_hostile_people_roles_and_quotes_stay_inert():
    b = make("a", title=HOSTILE, quotes=[q(HOSTILE, "Ana <b>Ruiz</b>", HOSTILE)], keywords=(HOSTILE,))
    pages = docs_pages([b, make("b", keywords=(HOSTILE,), quotes=[q("Hi there", "Ana <b>Ruiz</b>")])], "Briefings",
                       "https://example.org/")
    for path, page in pages.items():
        tree = to_html(page)
        assert_inert(tree)
        if path.startswith("people/") and path != "people/index.md":
            assert "<script>alert(1)</script>" in tree.text_content()  # shown literally
            assert front(page)["title"] == "Ana <b>Ruiz</b>"  # as written; the theme escapes it


# ---------------------------------------------------------------------------------------------
# Related briefings

def test_related_briefings_weigh_shared_people_over_shared_topics():
    base = make("base", keywords=("port strike", "wages", "inflation"), quotes=[q("Enough", "Maria Lopez")])
    topics2 = make("topics2", keywords=("port strike", "wages"))  # 2 shared topics: 2
    person = make("person", keywords=("harbour",), quotes=[q("Still enough", "Maria Lopez")])  # 1 person: 2
    both = make("both", keywords=("wages",), quotes=[q("Really", "Maria Lopez")])  # 1 person + 1 topic: 3
    one = make("one", keywords=("inflation",))  # 1
    unrelated = make("unrelated", keywords=("football",))
    related = related_briefings([base, topics2, person, both, one, unrelated])
    # person (1 person, df 3) outweighs a topic of the same frequency, e.g. "wages" (df 3) alone
    assert [b.slug for b in related["base"]] == ["both", "topics2", "person", "one"]
    alone = related_briefings([base, make("w", keywords=("wages",)), make("p", keywords=(), quotes=[
        q("Yes", "Maria Lopez")])])
    assert [b.slug for b in alone["base"]] == ["p", "w"]
    assert related["unrelated"] == []


def test_related_briefings_are_top_five_nearest_in_time_on_ties_and_deterministic():
    items = [make(f"b{i:02d}", published=f"2025-01-{i:02d}", keywords=("port strike",)) for i in range(1, 21)]
    related = related_briefings(items)
    assert [b.slug for b in related["b10"]] == ["b11", "b09", "b12", "b08", "b13"]  # nearer first, newer on ties
    assert all(len(v) == 5 for v in related.values())
    assert related_briefings(list(reversed(items))) == related


def test_related_briefings_look_only_at_a_window_of_each_long_posting_list():
    items = [make(f"b{i:03d}", published=f"2025-{1 + i // 28:02d}-{1 + i % 28:02d}", keywords=("common",))
             for i in range(300)]
    rare = make("rare", published="2025-01-01", keywords=("rare", "common"))
    partner = make("partner", published="2025-12-31", keywords=("rare", "common"))
    related = related_briefings([*items, rare, partner], window=10)
    # The shared rare topic is found however far apart in time; the common one only nearby.
    assert related["rare"][0].slug == "partner" and related["partner"][0].slug == "rare"
    newest = sitepages.sort_newest_first(items)
    assert {b.slug for b in related[newest[0].slug]} <= {b.slug for b in newest[:12]} | {"partner"}


def test_related_section_at_the_foot_of_a_briefing_is_escaped_and_left_out_of_search():
    other = make("other", title=HOSTILE)
    page = render_briefing(make("a"), related=[other, make("third", published=None, name=None)])
    tree = to_html(page)
    assert_inert(tree)
    items = tree.xpath("//h2[@id='related-briefings']/following-sibling::ul[1]/li")
    assert [li.xpath("./a/@href") for li in items] == [["other.md"], ["third.md"]]  # Markdown links: checked
    assert items[0].text_content() == " ".join(HOSTILE.split()) + " · 2025-03-04, The Ledger"
    assert items[1].text_content() == "Briefing third"
    for li in items:
        assert li.get("data-search-exclude") is not None and li.get("data-pagefind-ignore") is not None
    assert page.index("## Text") < page.index("## Related briefings")
    assert "## Related briefings" not in render_briefing(make("a"))


def test_docs_pages_link_related_briefings():
    a = make("a", quotes=[q("One two", "Ana Ruiz")])
    b = make("b", keywords=("football",), quotes=[q("Three four", "Ana Ruiz")])
    pages = docs_pages([a, b], "Briefings")
    assert "](b.md)" in pages["briefings/a.md"] and "](a.md)" in pages["briefings/b.md"]


def test_pages_rendered_with_their_briefings_become_the_same_pages():
    """A worker renders a briefing's own page (render_briefing_own) and sends it as UTF-8; docs_pages
    adds the related briefings. The result is the page docs_pages renders without it."""
    a = make("a", title="\u201cRates\u201d rise \u00e9t\u00e9 \U0001f4c8", quotes=[q("One \u2014 two", "Ana Ruiz")])
    b = make("b", quotes=[q("Three four", "Ana Ruiz")])
    c = make("c", keywords=("football",))
    expected = docs_pages([a, b, c], "Briefings")
    own = sitepages.OwnPages()
    for x in (a, b, c):
        own.add(x.source.file, render_briefing_own(x).encode("utf-8", "surrogatepass"))
    by_slug = own.rekeyed({"a": "a.txt", "b": "b.txt", "gone": "gone.txt"})
    assert sorted(by_slug) == ["a", "b"] and "gone" not in by_slug and "c" not in by_slug
    assert by_slug["a"] == render_briefing_own(a)
    assert docs_pages([a, b, c], "Briefings", own_pages=by_slug) == expected
    assert "](b.md)" in expected["briefings/a.md"]  # the related briefings were added to the own page


# ---------------------------------------------------------------------------------------------
# Home, archive, topics

def test_home_shows_the_latest_fifty_and_links_to_the_archive():
    items = [make(f"b{i:03d}", published=f"2024-{1 + i // 28:02d}-{1 + i % 28:02d}") for i in range(120)]
    page = render_home(items, "Briefings")
    listed = re.findall(r"\]\(briefings/(b\d+)\.md\)", page)
    assert listed == [b.slug for b in sitepages.sort_newest_first(items)][:50]
    assert "(archive/index.md)" in page and "120 briefings" in page
    assert "feed.xml" not in page  # no site address: no feeds


def test_home_links_feeds_when_the_site_address_is_known():
    page = render_home([make("a")], "Briefings", "https://example.org/sub")
    links = to_html(page).xpath("//a/@href")
    assert "https://example.org/sub/feed.xml" in links and "https://example.org/sub/feed.json" in links


def test_archive_groups_by_year_and_month_newest_first_with_undated_last():
    items = [make("mar", published="2025-03-04"), make("jan", published="2025-01-31"),
             make("old", published="2023-12-01"), make("undated", published=None), make("mar2", published="2025-03-20")]
    page = render_archive(items)
    tree = to_html(page)
    headings = [(h.tag, h.text_content()) for h in tree.xpath("//h2 | //h3")]
    assert headings == [("h2", "2025"), ("h3", "March 2025"), ("h3", "January 2025"), ("h2", "2023"),
                        ("h3", "December 2023"), ("h2", "Date not given")]
    assert re.findall(r"\(\.\./briefings/([a-z0-9]+)\.md\)", page) == ["mar2", "mar", "jan", "old", "undated"]
    assert "5 briefings" in page and "1 briefing without a date at the end" in page


def test_topic_pages_are_paginated_and_keep_their_related_topics():
    items = [make(f"b{i:03d}", published=f"2024-{1 + i // 28:02d}-{1 + i % 28:02d}",
                  keywords=("port strike", "wages" if i % 2 else "pay")) for i in range(120)]
    topics = topic_index(items)
    pages = topic_pages(topics, "https://example.org/")
    assert {p for p in pages if p.startswith("topics/port-strike")} == {
        "topics/port-strike.md", "topics/port-strike/page-2.md", "topics/port-strike/page-3.md"}
    newest = [b.slug for b in sitepages.sort_newest_first(items)]
    first, second, third = (pages[p] for p in ("topics/port-strike.md", "topics/port-strike/page-2.md",
                                               "topics/port-strike/page-3.md"))
    assert re.findall(r"\]\(\.\./briefings/(b\d+)\.md\)", first) == newest[:50]
    assert re.findall(r"\]\(\.\./\.\./briefings/(b\d+)\.md\)", second) == newest[50:100]
    assert re.findall(r"\]\(\.\./\.\./briefings/(b\d+)\.md\)", third) == newest[100:]
    assert "[Older →](port-strike/page-2.md)" in first
    assert "[← Newer](../port-strike.md)" in second and "[Older →](page-3.md)" in second
    assert "[← Newer](page-2.md)" in third and "Older" not in third
    assert "- Often appears with" in first and "[<bdi>pay</bdi>](pay.md) (60)" in first
    assert "[<bdi>wages</bdi>](wages.md) (60)" in first and "Often appears" not in second
    assert "https://example.org/topics/port-strike/feed.xml" in first
    assert "Page 2 of 3" in second and front(second)["title"] == "Topic: port strike (page 2 of 3)"


def test_person_pages_are_paginated_with_roles_on_the_first():
    items = [make(f"b{i:03d}", published=f"2024-{1 + i // 28:02d}-{1 + i % 28:02d}",
                  quotes=[q(f"Statement number {i}", "Ana Ruiz", "minister" if i % 2 else "union leader", i % 3)])
             for i in range(60)]
    people = people_index(items)
    pages = sitepages.person_pages(people)
    assert set(pages) == {"people/ana-ruiz.md", "people/ana-ruiz/page-2.md", "people/ana-ruiz/page-3.md"}
    newest = [b.slug for b in sitepages.sort_newest_first(items)]
    first, second, third = (pages[p] for p in sorted(pages))
    assert re.findall(r"### \[Briefing (b\d+)\]\(\.\./briefings/\1\.md\)", first) == newest[:25]
    assert re.findall(r"### \[Briefing (b\d+)\]\(\.\./\.\./briefings/\1\.md\)", second) == newest[25:50]
    assert re.findall(r"### \[Briefing (b\d+)\]\(\.\./\.\./briefings/\1\.md\)", third) == newest[50:]
    quoted = lambda page: re.findall(r"> Statement number (\d+)", page)  # noqa: E731
    assert len(quoted(first)) + len(quoted(second)) + len(quoted(third)) == 60  # every quotation once
    assert "Quoted 60 times in 60 briefings, newest first; these are 26 to 50. [All people](../index.md)" in second
    assert "(../../briefings/b" in second and "#p-" in second
    assert "[Older →](ana-ruiz/page-2.md)" in first and "[← Newer](../ana-ruiz.md)" in second
    assert front(third)["title"] == "Ana Ruiz (page 3 of 3)" and front(third)["person"] == "Ana Ruiz"
    # roles on the first page only, each with its newest three briefings and a count of the rest
    assert "## Roles" in first and "## Roles" not in second
    roles = [li.text_content() for li in to_html(first).xpath("//h2[@id='roles']/following-sibling::ul[1]/li")]
    assert roles == [f"minister: in Briefing {newest[0]}, Briefing {newest[2]}, Briefing {newest[4]} and 27 more briefings",
                     f"union leader: in Briefing {newest[1]}, Briefing {newest[3]}, Briefing {newest[5]} and 27 more "
                     "briefings"]


def test_small_topic_is_one_page_with_no_pager():
    topics = topic_index([make("a"), make("b")])
    page = render_topic("port strike", topics["port strike"], topics)
    assert "Page 1" not in page and "2 briefings on this topic" in page


def test_docs_pages_has_every_kind_of_page():
    pages = docs_pages([make("a", quotes=[q("One two", "Ana Ruiz")])], "Briefings")
    assert set(pages) == {"briefings/a.md", "index.md", "archive/index.md", "topics/index.md",
                          "topics/port-strike.md", "topics/wages.md", "people/index.md", "people/ana-ruiz.md",
                          "stories/index.md", "outlets/index.md", "outlets/ledger.md"}


@pytest.mark.parametrize("n", [0, 1])
def test_empty_and_tiny_sites_render(n):
    pages = docs_pages([make("a")][:n], "Briefings")
    for page in pages.values():
        to_html(page)
    assert ("No briefings yet" in pages["index.md"]) == (n == 0)


# ---------------------------------------------------------------------------------------------
# End to end: seeds -> site.build -> people, archive, related, feeds, search

def _config_with_material_search(tmp_path):
    """The repository's mkdocs.yml with Material's search plugin on (its JSON index is easy to read)."""
    from tests.conftest import REPO

    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8").replace("custom_dir: theme",
                                                                      f"custom_dir: {REPO / 'theme'}")
    text = re.sub(r"(?ms)^plugins:.*?(?=^\S|\Z)", "plugins:\n  - search\n", text)
    config = tmp_path / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    return config


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from generator import site
    from tests.conftest import ARTICLE, retold

    root = tmp_path_factory.mktemp("e2e")
    seeds = root / "seeds"
    seeds.mkdir()
    rail = retold(ARTICLE.replace("Port Workers", "Rail Workers"))
    (seeds / "port.txt").write_text(ARTICLE, encoding="utf-8")
    (seeds / "port.yml").write_text("source: The Ledger\npublished: 2025-03-04\n", encoding="utf-8")
    (seeds / "rail.txt").write_text(rail, encoding="utf-8")
    (seeds / "rail.yml").write_text("source: The Ledger\npublished: 2024-11-20\n", encoding="utf-8")
    (seeds / "undated.txt").write_text(retold(ARTICLE.replace("Port Workers", "Ferry Crews"), 1), encoding="utf-8")
    (root / "docs").mkdir()
    (root / "docs" / "about.md").write_text("# About\n", encoding="utf-8")
    report = site.build(site.Paths(seeds, root / "docs", root / "site", _config_with_material_search(root)),
                        site_url="https://example.org/news/")
    assert report.errors == []
    return report, root / "docs", root / "site"


PORT = "port-workers-strike-over-pay-as-shipping-delays-grow"
RAIL = "rail-workers-strike-over-pay-as-shipping-delays-grow"
FERRY = "ferry-crews-strike-over-pay-as-shipping-delays-grow"


@pytest.mark.slow
def test_built_site_has_people_archive_related_and_working_links(built):
    from urllib.parse import unquote, urlsplit

    _, docs, out = built
    page = lxml_html.parse(str(out / "briefings" / PORT / "index.html")).getroot()
    speaker = page.xpath("//a[contains(@class, 'key-quote__speaker')]")[0]
    assert speaker.text_content() == "Maria Lopez" and speaker.get("href") == "../../people/maria-lopez/"
    related = page.xpath("//li[contains(@class, 'briefing-related')]/a/@href")
    assert set(related) == {f"../{RAIL}/", f"../{FERRY}/"}
    person = lxml_html.parse(str(out / "people" / "maria-lopez" / "index.html")).getroot()
    contexts = [a.get("href") for a in person.xpath("//a") if "in context" in a.text_content()]
    assert len(contexts) == 3  # her (interrupted) quotation in each of the three briefings
    for href in contexts:  # each goes to the paragraph the quotation starts in
        path, anchor = href.split("#")
        target = lxml_html.parse(str((out / "people" / "maria-lopez" / path / "index.html").resolve())).getroot()
        assert target.get_element_by_id(anchor).text_content()
    archive = lxml_html.parse(str(out / "archive" / "index.html")).getroot().xpath("//article")[0]
    order = [el.text_content().strip("¶ ") if el.tag == "h2" else el.get("href")
             for el in archive.xpath(".//h2 | .//li/a")]
    assert order == ["2025", f"../briefings/{PORT}/", "2024", f"../briefings/{RAIL}/", "Date not given",
                     f"../briefings/{FERRY}/"]
    nav = [a.text_content().strip() for a in page.xpath("//nav[contains(@class, 'md-tabs')]//a | "
                                                         "//nav[contains(@class, 'md-nav--primary')]//a")]
    assert {"Latest", "Topics", "People", "Archive", "About"} <= set(nav)
    broken = []
    for html_file in out.rglob("*.html"):
        if html_file.name == "404.html":
            continue
        tree = lxml_html.parse(str(html_file)).getroot()
        for url in tree.xpath("//a/@href | //link/@href | //script/@src | //img/@src"):
            parts = urlsplit(url)
            if parts.scheme or url.startswith(("#", "mailto:")):
                continue
            target = (html_file.parent / unquote(parts.path)).resolve()
            if not (target / "index.html" if target.is_dir() else target).exists():
                broken.append(f"{html_file.relative_to(out)} -> {url}")
    assert broken == []


@pytest.mark.slow
def test_built_site_has_valid_feeds_linked_from_home_and_topics(built):
    import json

    from lxml import etree

    _, _, out = built
    rss = etree.parse(str(out / "feed.xml")).getroot()
    links = [item.findtext("link") for item in rss.find("channel").findall("item")]
    assert links == [f"https://example.org/news/briefings/{s}/" for s in (PORT, RAIL, FERRY)]
    feed = json.loads((out / "feed.json").read_text(encoding="utf-8"))
    assert [i["url"] for i in feed["items"]] == links
    for topic_dir in (out / "topics").iterdir():
        if topic_dir.is_dir():
            etree.parse(str(topic_dir / "feed.xml"))  # a feed beside every topic page, well-formed
    home = lxml_html.parse(str(out / "index.html")).getroot()
    assert "https://example.org/news/feed.xml" in home.xpath("//a/@href")
    assert "https://example.org/news/feed.json" in home.xpath("//a/@href")
    topic = next(p for p in (out / "topics").iterdir() if p.is_dir())
    assert f"https://example.org/news/topics/{topic.name}/feed.xml" in lxml_html.parse(
        str(topic / "index.html")).getroot().xpath("//a/@href")


@pytest.mark.slow
def test_search_finds_briefings_by_people_topics_and_quotes(built):
    import json

    report, _, out = built
    index = json.loads((out / "search" / "search_index.json").read_text(encoding="utf-8"))
    port = next(b for b in report.briefings if b.slug == PORT)

    def pages_with(words: str) -> set[str]:
        return {d["location"].split("#")[0] for d in index["docs"] if words.casefold() in
                (d["title"] + " " + d["text"]).casefold() and d["location"].startswith("briefings/")}

    assert f"briefings/{PORT}/" in pages_with("Maria Lopez")  # person
    assert f"briefings/{PORT}/" in pages_with(port.keywords[0])  # topic
    assert f"briefings/{PORT}/" in pages_with("Our members cannot feed their families")  # quotation
    assert f"briefings/{PORT}/" in pages_with("supply chains")  # body
    # the related list is left out of the index: another briefing's title is not found on this page
    assert f"briefings/{PORT}/" not in pages_with("Rail Workers Strike")


def test_a_large_archive_is_a_page_a_month(monkeypatch):
    monkeypatch.setattr(sitepages.home, "ARCHIVE_ONE_PAGE", 4)
    items = [make("mar", published="2025-03-04"), make("jan", published="2025-01-31"),
             make("old", published="2023-12-01"), make("undated", published=None), make("mar2", published="2025-03-20")]
    pages = sitepages.archive_pages(items)
    assert set(pages) == {"archive/index.md", "archive/2025-03.md", "archive/2025-01.md", "archive/2023-12.md",
                          "archive/undated.md"}
    index = pages["archive/index.md"]
    assert re.findall(r"\]\((\d{4}-\d{2}|undated)\.md\) \((\d+)\)", index) == [
        ("2025-03", "2"), ("2025-01", "1"), ("2023-12", "1"), ("undated", "1")]
    assert re.findall(r"\(\.\./briefings/([a-z0-9]+)\.md\)", pages["archive/2025-03.md"]) == ["mar2", "mar"]
    assert front(pages["archive/2025-03.md"])["title"] == "Archive: March 2025"
    assert sitepages.archive_pages(items[:4]).keys() == {"archive/index.md"}


def test_records_json_is_one_record_per_line_and_round_trips():
    items = [{"title": "A\nline break", "people": ["Zoë", "قاسم"], "n": 1, "x": None}, {"title": "B \u2028 sep"}, {}]
    text = sitepages.records_json(items)
    assert json.loads(text) == items
    lines = text.rstrip("\n").split("\n")  # (U+2028 stays raw: valid JSON, and not a "\n")
    assert lines[0] == "[" and lines[-1] == "]" and len(lines) == len(items) + 2
    assert [json.loads(line.rstrip(",")) for line in lines[1:-1]] == items
    assert "Zoë" in text  # not \u-escaped
    assert json.loads(sitepages.records_json([])) == []


# ---------------------------------------------------------------------------------------------
# Issue 18: one identity per person, topics worth clicking

from dataclasses import replace  # noqa: E402


def test_a_surname_and_a_first_name_share_the_full_names_page_and_every_link_lands_there():
    fishing = make("fishing", published="2026-08-03",
                   quotes=[q("The bay is being asked to carry too much", "Salim Haddad"),
                           q("Both numbers are going down", "Haddad", paragraph=2)])
    farm = make("farm", published="2026-04-20", quotes=[q("The wheat knows before we do", "Salim", paragraph=1)])
    pages = docs_pages([fishing, farm], "Briefings")
    assert [p for p in pages if p.startswith("people/")] == ["people/index.md", "people/salim-haddad.md"]
    person = pages["people/salim-haddad.md"]
    tree = to_html(person)
    assert tree.xpath("string(//h1)") == "Salim Haddad"
    assert "Also written Haddad, Salim." in tree.text_content()
    assert "Quoted 3 times in 2 briefings" in person
    assert "[in context ¶2](../briefings/farm.md#p-2) · as <bdi>Salim</bdi>" in person
    for slug, spelling in (("fishing", "Haddad"), ("farm", "Salim")):
        links = to_html(pages[f"briefings/{slug}.md"]).xpath(f"//a[normalize-space()='{spelling}']/@href")
        assert links == ["../people/salim-haddad.md"]
    assert "1 person quoted" in pages["people/index.md"]


def test_two_people_of_one_surname_keep_two_pages_and_the_surname_alone_its_own():
    a = make("a", quotes=[q("One", "Imran Khan")])
    b = make("b", quotes=[q("Two", "Sadiq Khan")])
    c = make("c", quotes=[q("Three", "Khan")])
    people = people_index([a, b, c])
    assert list(people) == ["imran-khan", "khan", "sadiq-khan"]


def test_an_arabic_speaker_has_a_person_page_like_an_english_one():
    b = make("ar", title="الحكومة تطرح مناقصة", name="مرصد الرافدين",
             quotes=[q("لن يوقع أي عقد في غرفة مغلقة", "ليلى منصور", "وزيرة المياه", 1)])
    pages = docs_pages([b], "Briefings")
    slug = name_slug("ليلى منصور", "person")
    assert slug.startswith("person-") and f"people/{slug}.md" in pages
    page = pages[f"people/{slug}.md"]
    assert front(page) == {"title": "ليلى منصور", "person": "ليلى منصور"}
    tree = to_html(page)
    assert tree.xpath("//h1/@dir") == ["auto"] and tree.xpath("string(//h1)") == "ليلى منصور"
    assert tree.xpath("//li/bdi/text()") == ["وزيرة المياه"]  # the role isolated in its English line
    speaker_links = to_html(pages["briefings/ar.md"]).xpath("//a[normalize-space()='ليلى منصور']/@href")
    assert speaker_links == [f"../people/{slug}.md"]
    assert to_html(pages["people/index.md"]).xpath("//li/a/bdi/text()") == ["ليلى منصور"]


def test_the_topic_index_counts_briefings_and_leaves_single_ones_out_with_a_note():
    items = [make("a", keywords=("water", "tariff")), make("b", keywords=("water", "drought")),
             make("c", keywords=("water", "drought", "heat"))]
    pages = docs_pages(items, "Briefings")
    tree = to_html(pages["topics/index.md"])
    assert [li.text_content() for li in tree.xpath("//li")] == ["drought · 2 briefings", "water · 3 briefings"]
    assert "2 topics appear in a single briefing: not listed here" in tree.text_content()
    assert "topics/tariff.md" in pages and "topics/heat.md" in pages  # their pages stay, linked from the briefing
    assert "(../topics/tariff.md)" in pages["briefings/a.md"]


def test_a_long_topic_index_has_a_most_covered_band_and_letter_groups():
    items = [make(f"b{i:03d}", keywords=tuple(f"topic {chr(97 + j % 26)}{j}" for j in range(i % 50, i % 50 + 3)))
             for i in range(150)]
    page = sitepages.render_topic_index(topic_index(items))
    tree = to_html(page)
    headings = [h.text_content() for h in tree.xpath("//h2")]
    assert headings == ["Most covered", "All topics"]
    band = [li.text_content() for li in tree.xpath("//h2[.='Most covered']/following-sibling::ul[1]/li")]
    assert len(band) == 8 and all(" · " in x for x in band)
    counts = [int(x.split(" · ")[1].split()[0]) for x in band]
    assert counts == sorted(counts, reverse=True)
    assert tree.xpath("//h3/text()") == ["T"]


def test_a_keyword_naming_a_quoted_person_is_no_topic_and_links_to_their_page():
    quoted = make("a", quotes=[q("We will hold", "Daniel Okafor")], keywords=("grid", "power"))
    mention = make("b", keywords=("grid", "Daniel Okafor"))
    pages = docs_pages([quoted, mention], "Briefings")
    assert "topics/daniel-okafor.md" not in pages
    chips = to_html(pages["briefings/b.md"]).xpath("//nav[@aria-label='Topics']//a/@href")
    assert chips == ["../topics/grid.md", "../people/daniel-okafor.md"]
    assert "Daniel Okafor" not in to_html(pages["topics/index.md"]).text_content()


def test_a_topic_page_opens_with_an_overview_before_its_list():
    items = [make(f"b{i}", published=f"2026-0{i + 1}-10", keywords=("water", "drought" if i else "tariff"),
                  quotes=[q("We need rain", "Leila Mansour")] + ([q("Cut", "Omar Faris")] if i == 2 else []))
             for i in range(3)]
    items = [replace(b, story="water-crisis") if b.slug != "b0" else b for b in items]
    from generator.stories import Story

    stories = {"water-crisis": Story(slug="water-crisis", title="Water crisis", members=("b2", "b1"), shared=())}
    pages = docs_pages(items, "Briefings", stories=stories)
    page = pages["topics/water.md"]
    tree = to_html(page)
    text = tree.text_content()
    assert "3 briefings on this topic, from 2026-01-10 to 2026-03-10." in text
    overview = [li.text_content() for li in tree.xpath("//h2[.='Overview']/following-sibling::ul[1]/li")]
    assert overview == ["People quoted most (in how many of these briefings): Leila Mansour (3), Omar Faris (1)",
                        "Often appears with (in how many of these briefings): drought (2)",
                        "Stories: Water crisis (2 briefings here)"]
    assert tree.xpath("//h2/text()") == ["Overview", "Briefings"]
    assert page.index("## Overview") < page.index("### [Briefing b2]")
    assert "(../people/leila-mansour.md)" in page and "(../stories/water-crisis.md)" in page


def test_a_topic_is_named_as_its_articles_write_it_in_running_text():
    def with_text(b, *paragraphs):
        return replace(b, paragraphs=paragraphs)

    items = [
        with_text(make("a", keywords=("Climate Change",)), "Leaders met to discuss climate change on Monday."),
        with_text(make("b", keywords=("Climate Change",)), "Climate Change is a headline-cased phrase here."),
        with_text(make("c", keywords=("strait of hormuz",)), "Tankers crossing the Strait of Hormuz slowed."),
        with_text(make("d", keywords=("Blue Moon",)), "Blue Moon opens a sentence only."),
    ]
    assert list(topic_index(items)) == ["Blue Moon", "climate change", "Strait of Hormuz"]


def test_person_topic_and_briefing_page_keys_follow_what_the_pages_show():
    """Adding a briefing that quotes "Haddad" changes the merged person's page key; one that quotes
    the person a keyword names changes the key of the briefing whose chip now links to them."""
    fishing = make("fishing", quotes=[q("One", "Salim Haddad")], keywords=("water", "boats"))
    mention = make("mention", keywords=("water", "Salim Haddad"))
    before: dict[str, str] = {}
    docs_pages([fishing, mention], "Briefings", keys=before)
    after: dict[str, str] = {}
    docs_pages([fishing, mention, make("later", published="2026-01-01", quotes=[q("Two", "Haddad")],
                                       keywords=("water", "fish"))], "Briefings", keys=after)
    assert before["people/salim-haddad.md"] != after["people/salim-haddad.md"]
    assert before["topics/water.md"] != after["topics/water.md"]  # its count and overview changed
    again: dict[str, str] = {}
    docs_pages([fishing, mention], "Briefings", keys=again)
    assert again == before  # same input, same keys
    # the keyword "Salim Haddad" of 'mention' links to the person's page only while someone quotes them
    alone: dict[str, str] = {}
    docs_pages([replace(fishing, quotes=(), people=()), mention], "Briefings", keys=alone)
    assert alone["briefings/mention.md"] != before["briefings/mention.md"]


def test_hostile_names_in_the_overview_and_index_stay_inert():
    items = [make(f"b{i}", keywords=(HOSTILE, "water"), quotes=[q("x", "Ana " + HOSTILE.replace("<", "&lt;"))])
             for i in range(2)]
    pages = docs_pages(items, "Briefings")
    for path in ("topics/index.md", "topics/water.md"):
        assert_inert(to_html(pages[path]))


def test_a_new_site_with_no_topic_of_two_briefings_lists_every_topic():
    page = docs_pages([make("a", keywords=("water", "tariff"))], "Briefings")["topics/index.md"]
    tree = to_html(page)
    assert [li.text_content() for li in tree.xpath("//li")] == ["tariff · 1 briefing", "water · 1 briefing"]
    assert "No topic has two briefings yet: every topic is listed" in tree.text_content()


def test_a_topic_of_one_briefing_has_no_overview_to_repeat_it():
    pages = docs_pages([make("a", keywords=("water", "tariff"), quotes=[q("x", "Ana Ruiz")]),
                        make("b", keywords=("water",))], "Briefings")
    assert "## Overview" not in pages["topics/tariff.md"] and "## Overview" in pages["topics/water.md"]
    assert "1 briefing on this topic, on 2025-03-04." in pages["topics/tariff.md"]


# Outlets, coverage charts on listing pages, the home page's overview band and cards

def _with(b: Briefing, **source) -> Briefing:
    from dataclasses import replace

    return replace(b, source=replace(b.source, **source))


def test_outlets_group_spellings_and_fall_back_to_the_publisher():
    from generator.sitepages import outlet_index

    items = [make("a", name="The Harbour Ledger"), make("b", name="Harbour Ledger", published="2025-03-05"),
             make("c", name="The Harbour Ledger", published="2025-03-06"),
             _with(make("d", name=None), publisher="Plains Gazette"), make("e", name=None)]
    outlets = outlet_index(items)
    assert list(outlets) == ["harbour-ledger", "plains-gazette"]  # by name; "e" names no outlet
    ledger = outlets["harbour-ledger"]
    assert ledger.name == "The Harbour Ledger"  # the most used spelling
    assert [b.slug for b in ledger.briefings] == ["c", "b", "a"]  # newest first
    assert [b.slug for b in outlets["plains-gazette"].briefings] == ["d"]


def test_outlet_page_lists_briefings_newest_first_paged_with_coverage_and_stories():
    from generator.sitepages import OUTLET_PAGE_SIZE, outlet_index, outlet_pages
    from generator.stories import Story

    items = [make(f"b{i:03d}", published=f"2025-{1 + i // 28:02d}-{1 + i % 28:02d}")
             for i in range(OUTLET_PAGE_SIZE + 7)]
    from dataclasses import replace
    items[-1] = replace(items[-1], story="strike")
    items[-2] = replace(items[-2], story="strike")
    stories = {"strike": Story("strike", "Dock strike *spreads*", (items[-2].slug, items[-1].slug), ())}
    pages = outlet_pages(outlet_index(items), stories)
    assert set(pages) == {"outlets/index.md", "outlets/ledger.md", "outlets/ledger/page-2.md"}
    assert "- [The Ledger](ledger.md) (57)" in pages["outlets/index.md"]
    first, second = pages["outlets/ledger.md"], pages["outlets/ledger/page-2.md"]
    newest = [b.slug for b in sitepages.sort_newest_first(items)]
    assert re.findall(r"\]\(\.\./briefings/(b\d+)\.md\)", first) == newest[:OUTLET_PAGE_SIZE]
    assert re.findall(r"\]\(\.\./\.\./briefings/(b\d+)\.md\)", second) == newest[OUTLET_PAGE_SIZE:]
    assert front(first) == {"title": "Outlet: The Ledger", "outlet": "The Ledger"}
    tree = to_html(first)
    svg = tree.xpath("//figure[@class='coverage']/svg")
    assert len(svg) == 1 and svg[0].get("role") == "img"
    assert svg[0].get("aria-label") == ("57 briefings from 2025-01-01 to 2025-03-01, "
                                           "never more than one a day")
    assert tree.xpath("//a[@href='../stories/strike.md']/text()") == ["Dock strike *spreads*"]
    assert "(2 briefings here)" in first
    assert "[Older →](ledger/page-2.md)" in first and "[← Newer](../ledger.md)" in second
    assert not to_html(second).xpath("//figure")  # the chart is on the first page only


def test_an_outlet_that_ran_only_copies_has_a_page_listing_them():
    from generator.sitepages import docs_pages as pages_of

    original = make("orig", name="Wire Service", published="2025-03-01")
    copy_one = _with(make("copy1", name="Town Crier", published="2025-03-02"), name="Town Crier")
    from dataclasses import replace
    copy_one = replace(copy_one, same_as="orig")
    again = replace(make("copy2", name="Wire Service", published="2025-03-03"), same_as="orig")
    pages = pages_of([original, copy_one, again], "Briefings", stories={})
    crier = pages["outlets/town-crier.md"]
    assert "](../briefings/copy1.md)" in crier
    assert "first in [Wire Service](../briefings/orig.md)" in crier
    wire = pages["outlets/wire-service.md"]  # ran the text twice: listed once, as the canonical briefing
    assert "](../briefings/orig.md)" in wire and "copy2.md" not in wire
    assert "- [Town Crier](town-crier.md) (1)" in pages["outlets/index.md"]
    # the canonical briefing lists the outlets that ran the text; the topic pages list it alone
    assert "[Town Crier](copy1.md)" in pages["briefings/orig.md"]
    assert "copy1.md" not in pages["topics/wages.md"]


def test_hostile_outlet_names_stay_inert_and_the_card_links_the_outlet_page():
    from generator.sitepages import outlet_index, outlet_pages

    b = _with(make("a", name=HOSTILE), publisher=HOSTILE + " Group")
    for page in outlet_pages(outlet_index([b, make("b", name=HOSTILE, published="2025-04-01")])).values():
        assert_inert(to_html(page))
    html = to_html(render_briefing(b))
    assert_inert(html)
    link = html.xpath("//dl[@class='briefing-card']//dd/a")
    assert len(link) == 1 and link[0].text_content() == " ".join(HOSTILE.split())
    assert re.fullmatch(r"\.\./outlets/[a-z0-9-]+\.md", link[0].get("href"))
    card = to_html(render_briefing(make("c", name="The Ledger")))
    assert card.xpath("//dl[@class='briefing-card']//dd/a/@href") == ["../outlets/ledger.md"]
    assert not to_html(render_briefing(make("d", name=None))).xpath("//dl[@class='briefing-card']//a")


def test_topic_person_and_story_pages_show_coverage():
    from generator.stories import Story
    from generator.storypages import render_story

    items = [make("a", quotes=[q("One", "Ana Ruiz")], published="2025-03-01"),
             make("b", quotes=[q("Two", "Ana Ruiz")], published="2025-03-09"), make("c", published=None)]
    topics = topic_index(items)
    label = "2 briefings from 2025-03-01 to 2025-03-09, never more than one a day"
    for page in (render_topic("wages", topics["wages"], topics), render_person(people_index(items)["ana-ruiz"]),
                 render_story(Story("s", "S", ("a", "b", "c"), ()), {b.slug: b for b in items})):
        assert to_html(page).xpath("//svg[@role='img']/@aria-label") == [label]
    assert "<svg" not in render_topic("wages", topics["wages"][:1], topics)  # one dated briefing: no chart


def test_listing_page_keys_cover_the_chart_and_outlet_pages():
    from dataclasses import replace

    items = [make(f"b{i:03d}", published=f"2025-{1 + i // 28:02d}-{1 + i % 28:02d}", quotes=[q("Yes", "Ana Ruiz")])
             for i in range(60)]

    def keys_of(briefings):
        keys: dict[str, str] = {}
        docs_pages(briefings, "Briefings", keys=keys, stories={})
        return keys

    before = keys_of(items)
    assert "outlets/ledger.md" in before and "outlets/ledger/page-2.md" in before
    # the oldest briefing moves a day earlier: it is listed on page 2 only, but page 1's chart changes
    moved = keys_of([_with(items[0], published="2024-12-31")] + items[1:])
    for path in ("topics/wages.md", "people/ana-ruiz.md", "outlets/ledger.md", "outlets/ledger/page-2.md"):
        assert moved[path] != before[path], path
    # a briefing of another outlet changes: the Ledger's pages are kept
    other = make("other", name="Plains Gazette", keywords=("drought",), published="2025-06-01")
    with_other = keys_of(items + [other])
    changed = keys_of(items + [replace(other, title="Drought deepens")])
    assert with_other["outlets/ledger.md"] == changed["outlets/ledger.md"] == before["outlets/ledger.md"]
    assert with_other["outlets/plains-gazette.md"] != changed["outlets/plains-gazette.md"]


def test_home_opens_with_an_overview_of_the_latest_period_then_compact_cards():
    from generator.sitepages.home import period_start
    from generator.stories import Story

    old = [make(f"old{i}", keywords=("harvest",), published=f"2024-0{1 + i}-10") for i in range(3)]
    recent = [make(f"new{i}", keywords=("port strike", "wages") if i % 2 else ("port strike",),
                   quotes=[q("We stay out.", "Ana Ruiz")] if i < 3 else [], published=f"2025-03-{10 + i:02d}",
                   summary="A long summary. " * 30) for i in range(6)]
    items = old + recent
    stories = {"s1": Story("s1", "Strike spreads", ("new0", "new1"), ()),
               "s0": Story("s0", "Harvest fails", ("old0", "old1"), ())}
    assert period_start(items) == "2025-02-14"  # 30 days to the newest date, whatever the clock says
    page = render_home(items, "Briefings", stories=stories, topics=topic_index(items), people=people_index(items))
    assert page == render_home(list(reversed(items)), "Briefings", stories=stories, topics=topic_index(items),
                               people=people_index(items))
    tree = to_html(page)
    band = tree.xpath("//div[@class='home-overview']")[0]
    assert [h.text_content() for h in band.xpath(".//h2")] == ["Latest stories", "Most active topics", "Most quoted"]
    assert "From 2025-02-14 to 2025-03-15" in band.text_content()
    assert band.xpath(".//a/@href")[:2] == ["stories/s1.md", "stories/s0.md"]  # newest story first
    groups = band.xpath("div")
    topics = [(a.text_content(), a.tail) for a in groups[1].xpath(".//li/a")]
    assert topics == [("port strike", " (6)"), ("wages", " (3)")]  # "harvest" is older than the period
    assert groups[2].xpath(".//li/a/@href") == ["people/ana-ruiz.md"]
    # cards: headline, date, outlet (linked), topics, speakers; the summary on one clamped line
    first = tree.xpath("//h3")[0]
    assert first.xpath("a/@href") == ["briefings/new5.md"]
    meta = first.getnext()
    assert meta.get("class") == "briefing-listing__meta" and meta.xpath("a/@href") == ["outlets/ledger.md"]
    assert "2025-03-15" in meta.text_content()
    assert tree.xpath("//p[@class='home-card__tags']")[-1].text_content() == "Topics: harvest"
    assert "Quoted: Ana Ruiz" in tree.xpath("//p[@class='home-card__tags']")[3].text_content()
    summaries = [p for p in tree.xpath("//p") if "long summary" in p.text_content()]
    assert len(summaries) == 6 and all(p.get("class") == "home-card__summary" for p in summaries)


def test_the_latest_period_widens_when_it_holds_few_briefings():
    from generator.sitepages.home import period_start

    sparse = [make(f"m{i}", published=f"2025-{i:02d}-01") for i in range(1, 13)]
    assert period_start(sparse) == "2024-12-02"  # 30 and 90 days hold 1 and 3 briefings: a year
    assert period_start([make("u", published=None)]) is None
    assert period_start(sparse, least=1) == "2025-11-02"


def test_home_counts_a_storys_copies_and_escapes_the_band():
    from dataclasses import replace

    from generator.stories import Story

    a = make("a", title=HOSTILE, published="2025-03-01")
    copy = replace(make("copy", published="2025-03-02"), same_as="a")
    stories = {"s": Story("s", HOSTILE, ("a", "copy"), ())}
    page = render_home([a], "Briefings", stories=stories, topics=topic_index([a]), people={},
                       by_slug={"a": a, "copy": copy})
    tree = to_html(page)
    assert_inert(tree)
    band = tree.xpath("//div[@class='home-overview']")[0]
    assert "2 briefings, 2025-03-01 to 2025-03-02" in band.text_content()
    assert band.xpath(".//a[@href='stories/s.md']")[0].text_content() == " ".join(HOSTILE.split())
    assert "home-overview" not in render_home([a], "Briefings")  # nothing given: no band


# Feed links on person and story pages, and the OPML list on the home page

def test_person_story_and_home_pages_link_their_feeds_only_when_the_address_is_known():
    from generator.sitepages.people import render_person
    from generator.stories import Story
    from generator.storypages import render_story

    ruiz = Quote(text="We will not go back to work until the pay offer changes.", speaker="Ana Ruiz",
                 role="union leader", paragraph=1, start=0, end=10)
    items = [make("a", quotes=[ruiz]), make("b", quotes=[ruiz], published="2025-03-05")]
    person = people_index(items)["ana-ruiz"]
    story = Story("a", "Dock strike", ("a", "b"), ())
    by_slug = {b.slug: b for b in items}
    base = "https://example.org/news/"
    assert "Follow this person: [RSS feed](<https://example.org/news/people/ana-ruiz/feed.xml>)" \
        in render_person(person, site_url=base)
    assert "Follow this story: [RSS feed](<https://example.org/news/stories/a/feed.xml>)" \
        in render_story(story, by_slug, site_url=base)
    assert "[every feed (OPML)](<https://example.org/news/feeds.opml>)" in render_home(items, "Site", base)
    # without the site's address there are no feeds, so no links to them
    assert "feed.xml" not in render_person(person) + render_story(story, by_slug)
    assert "feeds.opml" not in render_home(items, "Site")
    # a later page of a person's quotations does not repeat the link
    assert "Follow this person" not in render_person(person, page=2, page_size=1, site_url=base)
