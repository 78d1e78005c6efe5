"""Feeds: RSS 2.0 (all briefings and per topic) and JSON Feed 1.1, checked against their specs."""
import datetime as dt
import json
import logging
import re
from email.utils import parsedate_to_datetime

import pytest
from lxml import etree
from lxml import html as lxml_html

from generator import feeds
from generator.models import Briefing, Source
from generator.render import name_slug
from generator.sitepages import site_files

BASE = "https://example.org/news/"
NASTY = 'A <b>bold</b> & "quoted" ]]> title\x00\x07\ud800 {{x}}'


def make(slug: str, published: str | None = "2025-03-04", **over) -> Briefing:
    base = dict(
        title=f"Briefing {slug}", slug=slug,
        source=Source(name="The Ledger", published=published, url="https://ledger.example/a", author="Jane Doe",
                      language="en", file=f"{slug}.txt"),
        keywords=("port strike", "wages"), quotes=(), people=(), summary="Dock workers walked off the job.",
        paragraphs=("First paragraph.",), word_count=3, reading_time=1,
    )
    base.update(over)
    return Briefing(**base)


def many(n: int) -> list[Briefing]:
    start = dt.date(2024, 1, 1)
    return [make(f"b{i:03d}", (start + dt.timedelta(days=i)).isoformat()) for i in range(n)]


def parse_rss(text: str) -> etree._Element:
    root = etree.fromstring(text.encode("utf-8"))
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    for required in ("title", "link", "description"):  # RSS 2.0: required channel elements
        assert (channel.findtext(required) or "").strip(), required
    self_link = channel.find(f"{{{feeds.ATOM_NS}}}link")
    assert self_link.get("rel") == "self" and self_link.get("href").startswith("https://")
    for item in channel.findall("item"):
        for required in ("title", "link", "guid", "description"):
            assert (item.findtext(required) or "").strip(), required
        assert item.findtext("link").startswith(BASE)
        assert item.find("guid").get("isPermaLink") == "true" and item.findtext("guid") == item.findtext("link")
    return channel


def rfc822(text: str) -> dt.datetime:
    assert re.fullmatch(r"(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}", text)
    return parsedate_to_datetime(text)


def test_rss_of_all_briefings_is_valid_newest_first_and_capped():
    files = site_files(many(80), BASE, "Briefings")
    channel = parse_rss(files["feed.xml"])
    items = channel.findall("item")
    assert len(items) == feeds.FEED_ITEMS == 50
    dates = [rfc822(item.findtext("pubDate")) for item in items]
    assert dates == sorted(dates, reverse=True) and dates[0] == dt.datetime(2024, 3, 20, tzinfo=dt.timezone.utc)
    assert items[0].findtext("link") == f"{BASE}briefings/b079/"
    assert [c.text for c in items[0].findall("category")] == ["port strike", "wages"]
    assert items[0].findtext(f"{{{feeds.DC_NS}}}creator") == "Jane Doe"
    assert rfc822(channel.findtext("pubDate")) == dates[0]
    assert channel.findtext("link") == BASE


def test_undated_items_have_no_pubdate_and_come_last():
    files = site_files([make("undated", None), make("dated", "2025-01-01")], BASE, "Briefings")
    items = parse_rss(files["feed.xml"]).findall("item")
    assert [i.findtext("link") for i in items] == [f"{BASE}briefings/dated/", f"{BASE}briefings/undated/"]
    assert items[1].find("pubDate") is None  # optional in RSS 2.0; never guessed


def test_feed_text_from_articles_is_well_formed_and_inert():
    b = make("nasty", title=NASTY, summary=NASTY + " <script>alert(1)</script>", keywords=(NASTY,),
             source=Source(name=NASTY, url="javascript:alert(1)", author=NASTY, published="2025-01-01"))
    files = site_files([b], BASE, "Briefings")
    item = parse_rss(files["feed.xml"]).find("item")
    assert "\x00" not in files["feed.xml"] and "\ud800" not in files["feed.xml"]
    # the title as written (plain text in RSS), only the characters XML cannot hold dropped
    assert item.findtext("title") == 'A <b>bold</b> & "quoted" ]]> title {{x}}'
    assert "<b>" not in files["feed.xml"] and "&lt;b&gt;bold&lt;/b&gt; &amp;" in files["feed.xml"]
    # description is HTML for readers: the article's markup is text in it, never elements
    description = lxml_html.fragment_fromstring(item.findtext("description"), create_parent="div")
    assert not description.xpath("//script | //b | //a[starts-with(@href, 'javascript')]")
    assert "<script>alert(1)</script>" in description.text_content()
    topic_feed = files[feeds.topic_feed_path(name_slug(NASTY, "topic"))]
    parse_rss(topic_feed)
    feed = json.loads(files["feed.json"])
    assert feed["items"][0]["title"] == 'A <b>bold</b> & "quoted" ]]> title {{x}}'
    assert feed["items"][0]["content_text"].endswith("<script>alert(1)</script>")  # plain text field
    assert not any(c in files["feed.json"] for c in "<>&")  # as \u escapes: inert if a page embeds it
    assert "external_url" not in feed["items"][0]
    files["feed.json"].encode("utf-8")  # no lone surrogates


def test_one_rss_feed_per_topic_with_its_briefings_only():
    a = make("a", "2025-01-01", keywords=("Iran", "oil"))
    b = make("b", "2025-02-01", keywords=("iran", "sanctions"))
    files = site_files([a, b], BASE, "Site")
    assert {p for p in files if p.startswith("topics/")} == {
        "topics/iran/feed.xml", "topics/oil/feed.xml", "topics/sanctions/feed.xml"}
    iran = parse_rss(files["topics/iran/feed.xml"])
    assert [i.findtext("link") for i in iran.findall("item")] == [f"{BASE}briefings/b/", f"{BASE}briefings/a/"]
    assert iran.findtext("link") == f"{BASE}topics/iran/"
    assert iran.find(f"{{{feeds.ATOM_NS}}}link").get("href") == f"{BASE}topics/iran/feed.xml"
    oil = parse_rss(files["topics/oil/feed.xml"])
    assert [i.findtext("link") for i in oil.findall("item")] == [f"{BASE}briefings/a/"]


def test_json_feed_follows_version_1_1():
    feed = json.loads(site_files(many(60) + [make("undated", None)], BASE, "Briefings")["feed.json"])
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["title"] == "Briefings" and feed["home_page_url"] == BASE and feed["feed_url"] == BASE + "feed.json"
    items = feed["items"]
    assert len(items) == 50
    for item in items:
        assert isinstance(item["id"], str) and item["url"] == item["id"] and item["url"].startswith(BASE)
        assert isinstance(item.get("content_text"), str) and item["content_text"]
        published = dt.datetime.fromisoformat(item["date_published"].replace("Z", "+00:00"))  # RFC 3339
        assert published.tzinfo is not None
        assert item["authors"] == [{"name": "Jane Doe"}] and item["tags"] == ["port strike", "wages"]
        assert item["external_url"] == "https://ledger.example/a"
    stamps = [item["date_published"] for item in items]
    assert stamps == sorted(stamps, reverse=True)


def test_no_site_address_means_no_feeds_and_says_so(caplog):
    caplog.set_level(logging.INFO, logger="generator.sitepages")
    for url in (None, "", "/relative/", "ftp://example.org/", "https://exa mple.org/"):
        files = site_files([make("a")], url, "Briefings")
        assert set(files) == {"briefings.json"}, url
    assert "Feeds not written" in caplog.text


@pytest.mark.parametrize("url,base", [("https://x.org", "https://x.org/"), ("https://x.org/a/b", "https://x.org/a/b/"),
                                      ("http://x.org/a/", "http://x.org/a/")])
def test_site_base_ends_with_a_slash(url, base):
    assert feeds.site_base(url) == base
    files = site_files([make("a")], url, "Briefings")
    assert json.loads(files["feed.json"])["feed_url"] == base + "feed.json"


def test_same_briefings_give_identical_feeds():
    items = many(10)
    assert site_files(items, BASE, "B") == site_files(list(reversed(items)), BASE, "B")


def quoted(slug: str, published: str, speaker: str, **over) -> Briefing:
    from generator.models import Quote

    return make(slug, published, quotes=(Quote(text="We will not move.", speaker=speaker, role=None, paragraph=1, start=0, end=19),),
                people=(speaker,), **over)


def test_one_rss_feed_per_person_with_the_briefings_quoting_them():
    a = quoted("a", "2025-01-01", "Ana Ruiz")
    b = quoted("b", "2025-02-01", "Ana Ruiz")
    c = quoted("c", "2025-03-01", "Omar Faris")
    files = site_files([a, b, c], BASE, "Site")
    assert {p for p in files if p.startswith("people/")} == {feeds.person_feed_path("ana-ruiz"),
                                                          feeds.person_feed_path("omar-faris")}
    assert feeds.person_feed_path("ana-ruiz") == "people/ana-ruiz/feed.xml"
    ana = parse_rss(files["people/ana-ruiz/feed.xml"])
    assert [i.findtext("link") for i in ana.findall("item")] == [f"{BASE}briefings/b/", f"{BASE}briefings/a/"]
    assert ana.findtext("link") == f"{BASE}people/ana-ruiz/" and ana.findtext("title") == "Site: Ana Ruiz"
    assert ana.find(f"{{{feeds.ATOM_NS}}}link").get("href") == f"{BASE}people/ana-ruiz/feed.xml"


def test_one_rss_feed_per_story_newest_first_and_none_for_a_lone_briefing():
    a = make("a", "2025-01-01", story="a", title="Bridge falls")
    b = make("b", "2025-01-03", story="a", title="Minister orders checks")
    lone = make("lone", "2025-01-02", story=None)
    files = site_files([lone, b, a], BASE, "Site")
    assert {p for p in files if p.startswith("stories/")} == {feeds.story_feed_path("a")} == {"stories/a/feed.xml"}
    story = parse_rss(files["stories/a/feed.xml"])
    assert story.findtext("title") == "Site: Bridge falls"  # the story is named after its first briefing
    assert story.findtext("link") == f"{BASE}stories/a/"
    assert [i.findtext("link") for i in story.findall("item")] == [f"{BASE}briefings/b/", f"{BASE}briefings/a/"]


def test_a_copy_comes_once_in_each_feed():
    wire = make("wire", "2025-01-01", story="copy", keywords=("ferry",))
    copy = make("copy", "2025-01-01", same_as="wire", story="copy", keywords=("ferry", "reef"))
    files = site_files([wire, copy], BASE, "Site")
    links = lambda path: [i.findtext("link") for i in parse_rss(files[path]).findall("item")]  # noqa: E731
    assert links("feed.xml") == links("topics/ferry/feed.xml") == links("stories/copy/feed.xml") == [f"{BASE}briefings/wire/"]
    assert [i["url"] for i in json.loads(files["feed.json"])["items"]] == [f"{BASE}briefings/wire/"]
    # where its canonical briefing is not, the copy stands for the text
    assert links("topics/reef/feed.xml") == [f"{BASE}briefings/copy/"]


def test_opml_lists_every_rss_feed_once_with_its_page():
    a = quoted("a", "2025-01-01", "Ana Ruiz", story="a", keywords=("port strike",))
    b = quoted("b", "2025-01-02", 'Ana "<Ruiz>" & Co', story="a", keywords=("port strike", NASTY))
    files = site_files([a, b], BASE, "Site & <Co>")
    root = etree.fromstring(files[feeds.OPML].encode("utf-8"))
    assert root.tag == "opml" and root.get("version") == "2.0"
    assert root.findtext("head/title") == "Site & <Co>: feeds"
    outlines = root.findall(".//outline[@xmlUrl]")
    listed = [o.get("xmlUrl") for o in outlines]
    rss_files = sorted(BASE + p for p in files if p.endswith(".xml"))
    assert sorted(listed) == rss_files and len(set(listed)) == len(listed)  # every RSS feed, once
    for o in outlines:
        assert o.get("type") == "rss" and o.get("text") and o.get("htmlUrl").startswith(BASE)
        assert "\x00" not in o.get("text")
    folders = [o.get("text") for o in root.find("body") if o.get("xmlUrl") is None]
    assert folders == ["Stories", "People", "Topics"]
    assert root.find("body")[0].get("xmlUrl") == BASE + "feed.xml"
    assert feeds.OPML == "feeds.opml" and "feeds.opml" not in site_files([a], None, "Site")


def test_an_item_is_the_same_in_every_feed_and_text_like_markup_is_kept():
    sneaky = 'A title with xmlns:dc="http://purl.org/dc/elements/1.1/" in it'
    a = make("a", "2025-01-01", title=sneaky, keywords=("ferry",))
    b = make("b", "2025-01-02", keywords=("ferry",),
             source=Source(name="L", published="2025-01-02", url=None, author=None, language="en", file="b.txt"))
    files = site_files([a, b], BASE, "Site")
    for path in ("feed.xml", "topics/ferry/feed.xml"):
        channel = parse_rss(files[path])
        assert channel.find("item").findtext(f"{{{feeds.DC_NS}}}creator") is None  # b, newest: no author
        assert channel.findall("item")[1].findtext("title") == sneaky
        assert channel.findall("item")[1].findtext(f"{{{feeds.DC_NS}}}creator") == "Jane Doe"
    item = re.search(r"<item>.*?</item>", files["feed.xml"], re.S).group(0)
    assert item in files["topics/ferry/feed.xml"]
