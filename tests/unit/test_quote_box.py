"""The key-quotes box and front-matter record of a quotation woven into the writer's sentence."""
import markdown
import yaml
from lxml import html as lxml_html

from generator.models import Briefing, Quote, Source
from generator.render import render_briefing


def _page(quote: Quote) -> tuple[dict, object]:
    b = Briefing(title="Budget Vote", slug="budget", source=Source(language="en", file="b.txt"),
                 keywords=(), people=("Ana Ruiz",), quotes=(quote,), summary="s",
                 paragraphs=("First.", "Second."), word_count=2, reading_time=1)
    front, body = render_briefing(b)[4:].split("\n---\n", 1)
    html = markdown.markdown(body, extensions=["attr_list", "md_in_html", "toc"])
    return yaml.safe_load(front), lxml_html.fragment_fromstring(html, create_parent="div")


def test_fragment_is_marked_in_front_matter_and_shown_after_its_lead_in():
    q = Quote("a reckless gamble that will cost lives.", "Ana Ruiz", None, 1, 22, 64,
              fragment=True, lead_in="Ruiz said the plan was")
    front, page = _page(q)
    assert front["quotes"] == [{"text": "a reckless gamble that will cost lives.", "speaker": "Ana Ruiz",
                                "role": None, "paragraph": 2, "fragment": True,
                                "lead_in": "Ruiz said the plan was"}]
    box = page.xpath('//li[contains(@class, "key-quote")]//blockquote')[0]
    assert " ".join(box.text_content().split()) == "Ruiz said the plan was “a reckless gamble that will cost lives.”"
    assert box.xpath('.//span[@class="key-quote__lead"]')[0].text_content() == "Ruiz said the plan was"


def test_stand_alone_quote_record_is_unchanged():
    front, page = _page(Quote("We will rebuild", "Ana Ruiz", "mayor", 1, 0, 10))
    assert front["quotes"] == [{"text": "We will rebuild", "speaker": "Ana Ruiz", "role": "mayor", "paragraph": 2}]
    assert not page.xpath('//span[@class="key-quote__lead"]')


def test_hostile_lead_in_renders_inert():
    evil = "<script>alert(1)</script> [x](javascript:alert(1)) **b**"
    front, page = _page(Quote("words of the quotation here", None, None, 0, 0, 5, fragment=True, lead_in=evil))
    assert front["quotes"][0]["lead_in"] == evil
    assert not page.xpath("//script | //a[starts-with(@href, 'javascript')] | //strong")
    assert page.xpath('//span[@class="key-quote__lead"]')[0].text_content() == evil
