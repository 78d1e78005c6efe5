"""Feeds of the briefings: RSS 2.0 of all briefings and of each topic, person and story, a JSON
Feed 1.1 of all briefings, and an OPML 2.0 list of every RSS feed (``feeds.opml``) for a feed
reader to import at once. A copy of another briefing (``same_as``) is left out of a feed that has
its canonical briefing, as it is left out of the site's lists: the same text comes once.

Feeds need absolute links, so they are only made when the site's public address is known
(``--site-url`` or ``site_url`` in mkdocs.yml). Strings only; writes nothing.

Article text is untrusted. The XML is built with ``xml.etree`` (never by concatenating strings)
after removing the characters XML 1.0 cannot hold; RSS ``description`` is HTML by convention, so
the text put there is HTML-escaped first and then XML-escaped by the serialiser. The JSON Feed is
written by ``json.dumps``, with ``<``, ``>`` and ``&`` as \\u escapes. Titles are plain text, as
the article wrote them (RSS and JSON Feed titles are text, not HTML).
"""
from __future__ import annotations

import datetime as _dt
import html
import json
import re
from collections.abc import Sequence
from email.utils import format_datetime
from urllib.parse import quote, urlsplit
from xml.etree import ElementTree as ET

from generator.models import Briefing
from generator.render import json_text, page_title

FEED_ITEMS = 50  # newest items per feed; older briefings are on the site (archive, topic pages)
ALL_RSS = "feed.xml"
ALL_JSON = "feed.json"
OPML = "feeds.opml"
ATOM_NS = "http://www.w3.org/2005/Atom"
DC_NS = "http://purl.org/dc/elements/1.1/"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"

ET.register_namespace("atom", ATOM_NS)
ET.register_namespace("dc", DC_NS)

# Characters XML 1.0 allows (https://www.w3.org/TR/xml/#charsets); the rest are dropped.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def clean_text(text: str | None) -> str:
    """Text that XML and UTF-8 can hold: no control characters or lone surrogates, one line."""
    return " ".join(_NOT_XML.sub("", text or "").split())


def site_base(site_url: str | None) -> str | None:
    """The site's address ending in '/', or None when it is not an absolute http(s) URL."""
    if not site_url or not isinstance(site_url, str):
        return None
    url = site_url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or re.search(r"\s", url):
        return None
    return url if url.endswith("/") else url + "/"


def page_url(base: str, slug: str) -> str:
    return f"{base}briefings/{quote(slug)}/"


def topic_url(base: str, topic_slug: str) -> str:
    return f"{base}topics/{quote(topic_slug)}/"


def topic_feed_path(topic_slug: str) -> str:
    """Where a topic's RSS feed is written, relative to the site: beside the topic's page."""
    return f"topics/{topic_slug}/feed.xml"


def person_feed_path(person_slug: str) -> str:
    """Where a person's RSS feed (the briefings quoting them) is written: beside their page."""
    return f"people/{person_slug}/feed.xml"


def story_feed_path(story_slug: str) -> str:
    """Where a story's RSS feed (its briefings, newest first) is written: beside its page."""
    return f"stories/{story_slug}/feed.xml"


def person_url(base: str, person_slug: str) -> str:
    return f"{base}people/{quote(person_slug)}/"


def story_url(base: str, story_slug: str) -> str:
    return f"{base}stories/{quote(story_slug)}/"


def without_copies(items: Sequence[Briefing]) -> list[Briefing]:
    """``items`` less the copies whose canonical briefing is among them (order kept)."""
    present = {b.slug for b in items}
    return [b for b in items if not (b.same_as and b.same_as in present)]


def _date(published: str | None) -> _dt.datetime | None:
    match = _DATE.fullmatch(published or "")
    if not match:
        return None
    try:
        return _dt.datetime(int(match[1]), int(match[2]), int(match[3]), tzinfo=_dt.timezone.utc)
    except ValueError:
        return None


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrib: str) -> ET.Element:
    el = ET.SubElement(parent, tag, attrib)
    if text is not None:
        el.text = clean_text(text)
    return el


def _description_html(b: Briefing) -> str:
    """The item's description: HTML with every value escaped (feed readers render it as HTML)."""
    parts = []
    if b.summary:
        parts.append(f"<p>{html.escape(clean_text(b.summary))}</p>")
    outlet = b.source.name or b.source.publisher
    url = b.source.url if b.source.url and re.match(r"https?://", b.source.url, re.I) else None
    if url:
        label = html.escape(clean_text(outlet or url))
        parts.append(f'<p>Source: <a href="{html.escape(clean_text(url), quote=True)}">{label}</a></p>')
    elif outlet:
        parts.append(f"<p>Source: {html.escape(clean_text(outlet))}</p>")
    return "".join(parts) or html.escape(clean_text(b.title))


def rss(items: Sequence[Briefing], *, base: str, title: str, description: str, home_url: str,
        feed_url: str, limit: int = FEED_ITEMS, made: dict[str, str] | None = None) -> str:
    """An RSS 2.0 feed (https://www.rssboard.org/rss-specification) of ``items``, already newest first.

    ``made``: the items already serialised, by slug (each briefing's item is the same in every
    feed: with thousands of topic, person and story feeds, it is made once)."""
    shown = list(items[:limit])
    # the dc namespace of the items' authors is declared once here (after atom's, as ElementTree would)
    root = ET.Element("rss", {"xmlns:dc": DC_NS, "version": "2.0"} if any(b.source.author for b in shown)
                      else {"version": "2.0"})
    channel = _sub(root, "channel")
    _sub(channel, "title", title)
    _sub(channel, "link", home_url)
    _sub(channel, "description", description)
    _sub(channel, f"{{{ATOM_NS}}}link", href=feed_url, rel="self", type="application/rss+xml")
    _sub(channel, "docs", "https://www.rssboard.org/rss-specification")
    _sub(channel, "generator", "briefings")
    dates = [d for d in (_date(b.source.published) for b in shown) if d]
    if dates:  # derived from the items, so the same briefings always give the same feed
        _sub(channel, "pubDate", format_datetime(max(dates)))
    ET.indent(root, space=" ")
    head, tail = ET.tostring(root, encoding="unicode", xml_declaration=True).rsplit("\n </channel>", 1)
    made = {} if made is None else made
    parts = [head]
    for b in shown:
        if b.slug not in made:
            made[b.slug] = _item(b, base)
        parts.append("\n  " + made[b.slug])
    return "".join(parts) + "\n </channel>" + tail + "\n"


_DC_DECLARATION = f' xmlns:dc="{DC_NS}"'


def _item(b: Briefing, base: str) -> str:
    """A briefing's RSS <item>, indented for its place in the channel (the dc namespace is declared
    on the feed's root)."""
    item = ET.Element("item")
    link = page_url(base, b.slug)
    _sub(item, "title", page_title(clean_text(b.title)))  # plain text, as written
    _sub(item, "link", link)
    _sub(item, "guid", link, isPermaLink="true")
    _sub(item, "description", _description_html(b))
    when = _date(b.source.published)
    if when:
        _sub(item, "pubDate", format_datetime(when))
    if b.source.author:
        _sub(item, f"{{{DC_NS}}}creator", b.source.author)
    for keyword in b.keywords:
        _sub(item, "category", keyword)
    ET.indent(item, space=" ", level=2)
    text = ET.tostring(item, encoding="unicode")
    start = "<item" + _DC_DECLARATION
    return "<item" + text[len(start):] if text.startswith(start) else text


def json_feed(items: Sequence[Briefing], *, base: str, title: str, description: str, home_url: str,
              feed_url: str, limit: int = FEED_ITEMS) -> str:
    """A JSON Feed 1.1 (https://jsonfeed.org/version/1.1) of ``items``, already newest first."""
    entries = []
    for b in items[:limit]:
        link = page_url(base, b.slug)
        entry: dict = {"id": link, "url": link, "title": page_title(clean_text(b.title)),
                       "content_text": clean_text(b.summary or b.description or b.title)}
        if b.summary:
            entry["summary"] = clean_text(b.summary)
        if b.source.url and re.match(r"https?://", b.source.url, re.I):
            entry["external_url"] = clean_text(b.source.url)
        when = _date(b.source.published)
        if when:
            entry["date_published"] = when.strftime("%Y-%m-%dT%H:%M:%SZ")  # RFC 3339
        if b.source.author:
            entry["authors"] = [{"name": clean_text(b.source.author)}]
        if b.keywords:
            entry["tags"] = [clean_text(k) for k in b.keywords]
        if b.source.language:
            entry["language"] = clean_text(b.source.language)
        entries.append(entry)
    feed = {"version": JSON_FEED_VERSION, "title": clean_text(title), "home_page_url": home_url,
            "feed_url": feed_url, "description": clean_text(description), "items": entries}
    return json_text(json.dumps(feed, ensure_ascii=False, indent=1)) + "\n"


Listed = dict[str, tuple[str, Sequence[Briefing]]]  # slug -> (name, briefings newest first)


def feed_files(newest_first: Sequence[Briefing], topics: Listed, base: str, site_name: str,
               limit: int = FEED_ITEMS, *, people: Listed | None = None, stories: Listed | None = None) -> dict[str, str]:
    """Every feed, keyed by its path in the site, and the OPML list of them."""
    newest_first = without_copies(newest_first)
    made: dict[str, str] = {}  # each briefing's <item>, made once for every feed it is in
    files = {
        ALL_RSS: rss(newest_first, base=base, title=site_name, description=f"The latest briefings of {site_name}",
                     home_url=base, feed_url=base + ALL_RSS, limit=limit, made=made),
        ALL_JSON: json_feed(newest_first, base=base, title=site_name,
                            description=f"The latest briefings of {site_name}", home_url=base,
                            feed_url=base + ALL_JSON, limit=limit),
    }
    groups: list[tuple[str, list[tuple[str, str, str]]]] = []  # OPML: (heading, [(title, feed, page)])
    kinds = (("Stories", stories or {}, story_feed_path, story_url, "The briefings of the story: {}"),
             ("People", people or {}, person_feed_path, person_url, "The latest briefings quoting {}"),
             ("Topics", topics, topic_feed_path, topic_url, "The latest briefings on {}"))
    for heading, listed, feed_path, page_of, description in kinds:
        outlines = []
        for slug, (name, items) in listed.items():
            path, page = feed_path(slug), page_of(base, slug)
            files[path] = rss(without_copies(items), base=base, title=f"{site_name}: {name}",
                              description=description.format(name), home_url=page, feed_url=base + path,
                              limit=limit, made=made)
            outlines.append((f"{site_name}: {name}", base + path, page))
        if outlines:
            groups.append((heading, outlines))
    files[OPML] = opml(site_name, [(f"{site_name}: all briefings", base + ALL_RSS, base)], groups)
    return files


def opml(site_name: str, top: list[tuple[str, str, str]], groups: list[tuple[str, list[tuple[str, str, str]]]]) -> str:
    """An OPML 2.0 subscription list (http://opml.org/spec2.opml): ``top`` outlines, then a folder
    of outlines per group; each outline is (title, RSS feed URL, page URL). RSS only: feed.json
    holds the items of feed.xml, and a reader importing both would show each briefing twice."""
    root = ET.Element("opml", {"version": "2.0"})
    head = _sub(root, "head")
    _sub(head, "title", f"{site_name}: feeds")
    _sub(head, "docs", "http://opml.org/spec2.opml")
    body = _sub(root, "body")

    def outline(parent: ET.Element, title: str, feed: str, page: str) -> None:
        text = clean_text(title)
        ET.SubElement(parent, "outline", {"type": "rss", "text": text, "title": text, "xmlUrl": feed,
                                          "htmlUrl": page, "version": "RSS2"})

    for item in top:
        outline(body, *item)
    for heading, outlines in groups:
        folder = ET.SubElement(body, "outline", {"text": clean_text(heading), "title": clean_text(heading)})
        for item in outlines:
            outline(folder, *item)
    ET.indent(root, space=" ")
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"
