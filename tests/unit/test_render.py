import markdown
import pytest
import yaml
from lxml import html as lxml_html

from generator.models import Briefing, Quote, Source
from generator.render import escape_md, page_title, plain, render_briefing
from generator.sitepages import render_home, render_topic, topic_index

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "<iframe src='javascript:alert(1)'></iframe>",
    "[click](javascript:alert(1))",
    "<form action=/x><input></form>",
    "**bold** _em_ `code` ~~strike~~",
    "# heading",
    "---",
    "!!! warning \"Admonition\"",
    "> block quote",
    "1. list item",
    "- list item",
    "{: onclick=\"alert(1)\" }",
    "<!-- unclosed comment",
    "```python",
    "{{ config.site_name }} {% raw %}",
    "| a | b |",
    "![img](http://x/y.png)",
    "&lt;script&gt; &amp;",
    "    indented code",
    "<http://example.com>",
]


def to_html(md: str) -> str:
    return markdown.markdown(md, extensions=["attr_list", "md_in_html", "toc"])


@pytest.mark.parametrize("text", HOSTILE)
def test_escape_md_shows_text_literally(text):
    out = to_html(escape_md(text))
    tree = lxml_html.fragment_fromstring(out, create_parent="div")
    assert [el.tag for el in tree.iter()] == ["div", "p"], out  # one paragraph, no other element
    assert tree.text_content() == " ".join(text.split())


def _briefing(**over) -> Briefing:
    base = dict(
        title="Port Strike Enters Third Week", slug="port-strike",
        source=Source(name="The Ledger", published="2025-03-04", language="en", file="port.txt"),
        keywords=("port strike", "wages"), people=("Maria Lopez",),
        quotes=(Quote("We have been patient for months", "Maria Lopez", "general secretary of the union", 1, 0, 10),),
        summary="Dock workers walked off the job.", paragraphs=("First paragraph.", "Second “quoted” paragraph."),
        word_count=5, reading_time=1,
    )
    base.update(over)
    return Briefing(**base)


def _split(page: str) -> tuple[dict, str]:
    assert page.startswith("---\n")
    front, body = page[4:].split("\n---\n", 1)
    return yaml.safe_load(front), body


def test_briefing_front_matter_contract():
    front, body = _split(render_briefing(_briefing()))
    assert front["title"] == "Port Strike Enters Third Week"
    assert front["slug"] == "port-strike"
    assert front["source"] == {"name": "The Ledger", "publisher": None, "url": None, "published": "2025-03-04",
                               "author": None, "language": "en", "translated_from": None, "file": "port.txt"}
    assert front["keywords"] == ["port strike", "wages"]
    assert front["quotes"] == [{"text": "We have been patient for months", "speaker": "Maria Lopez",
                                "role": "general secretary of the union", "paragraph": 2}]
    assert front["people"] == ["Maria Lopez"]
    assert front["summary"] == "Dock workers walked off the job."
    assert (front["word_count"], front["reading_time"]) == (5, 1)
    page = lxml_html.fragment_fromstring(to_html(body), create_parent="div")
    assert page.get_element_by_id("p-2").text_content() == "Second “quoted” paragraph."
    assert page.xpath('//a[contains(@class, "key-quote__context")]')[0].get("href") == "#p-2"
    assert [a.get("href") for a in page.xpath('//a[contains(@class, "briefing-topic")]')] == ["../topics/port-strike.md", "../topics/wages.md"]


def test_hostile_briefing_renders_inert():
    evil = "<script>alert('x')</script> {{ 7*7 }}"
    b = _briefing(
        title=evil, summary=evil, keywords=(), paragraphs=tuple(HOSTILE),
        quotes=(Quote(evil, evil, evil, 0, 0, 1),),
        source=Source(name=evil, url="javascript:alert(1)", author=evil, file="x.txt"),
    )
    page = render_briefing(b)
    front, body = _split(page)
    assert front["summary"] == evil  # data keeps its text
    assert front["title"] == evil  # as written: the theme escapes it where it prints it
    rendered = to_html(body)
    tree = lxml_html.fragment_fromstring(rendered, create_parent="div")
    assert not tree.xpath("//script | //iframe | //form | //img | //input")
    for el in tree.iter():
        assert not [a for a in el.attrib if a.startswith("on")]
        assert not el.get("href", "").lower().startswith("javascript")
    assert "alert('x')" in tree.text_content()


@pytest.mark.parametrize("text,expected", [
    ("  Plain   ASCII\ttext\n", "Plain ASCII text"),
    ("A\u200bB \u202eC\x1cD", "AB CD"),  # invisible and control characters go, joining what they split
    ("caf\u0065\u0301  \u201cquoted\u201d\u00a0\u2028x", "caf\u00e9 \u201cquoted\u201d x"),
    (None, ""), ("", ""),
])
def test_plain_is_one_line_of_visible_text(text, expected):
    assert plain(text) == expected


def test_page_title_is_the_title_as_written_on_one_line():
    assert page_title("<b>Bold</b> {{ config }} {% if x %}\n  ../x") == "<b>Bold</b> {{ config }} {% if x %} ../x"
    assert page_title("  \n ") == "Untitled"


def test_front_matter_title_is_as_written_and_json_text_is_inert():
    import json

    from generator.render import briefing_front_matter, json_text

    title = "Why {{ config }} and <script> tags break templates"
    front, body = _split(render_briefing(_briefing(title=title)))
    assert briefing_front_matter(_briefing(title=title))["title"] == front["title"] == title
    assert "# Why \\{\\{ config \\}\\} and &lt;script&gt; tags break templates" in body
    text = json_text(json.dumps({"title": title + " & more"}))
    assert not any(c in text for c in "<>&") and json.loads(text)["title"] == title + " & more"


def test_home_lists_newest_first_then_undated():
    old = _briefing(slug="old", title="Old", source=Source(published="2024-01-01", file="o.txt"))
    new = _briefing(slug="new", title="New", source=Source(published="2025-01-01", file="n.txt"))
    undated = _briefing(slug="undated", title="Undated", source=Source(file="u.txt"))
    body = render_home([undated, old, new], "Briefings")
    assert body.index("(briefings/new.md)") < body.index("(briefings/old.md)") < body.index("(briefings/undated.md)")


def test_topics_merge_spellings_and_list_related():
    a = _briefing(slug="a", keywords=("Iran", "oil"), source=Source(published="2025-01-01", file="a.txt"))
    b = _briefing(slug="b", keywords=("Iran", "sanctions"), source=Source(published="2025-02-01", file="b.txt"))
    topics = topic_index([a, b])
    assert list(topics) == ["Iran", "oil", "sanctions"]
    assert [x.slug for x in topics["Iran"]] == ["b", "a"]
    page = render_topic("Iran", topics["Iran"], topics)
    assert "- Often appears with" in page and "(oil.md) (1)" in page and "(sanctions.md) (1)" in page
