"""Property-based tests: any text, any bytes, never an unhandled exception; pages always parse."""
import markdown
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html

from generator.clean import clean
from generator.errors import BadInput
from generator.ingest import decode, split_front_matter
from generator.models import Briefing, Quote, Source
from generator.pipeline import process
from generator.models import RawArticle
from generator.render import plain, render_briefing

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text that mixes news prose with the characters that break parsers: quotes, markup, controls, RTL.
news_text = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8", exclude_categories=("Cs",)),
        st.sampled_from(list("\"'“”‘’«»<>&{}[]()*_`#!|-=:\n\r\t\x00\u200b\u202e\u2066 .,;?")),
    ),
    max_size=400,
)
words = st.lists(st.sampled_from(["the", "minister", "said", "Iran", "“We", "will", "fight,”", "he", "added",
                                  "<script>", "{{x}}", "---", "!!!", "\n\n", "al-Nashoua", "told", "Reuters."]),
                 max_size=80).map(" ".join)


@SETTINGS
@given(st.binary(max_size=2000))
def test_decode_any_bytes(data):
    try:
        text = decode(data, "x.txt")
    except BadInput as exc:
        assert exc.path == "x.txt" and exc.reason
    else:
        assert isinstance(text, str)


@SETTINGS
@given(news_text)
def test_front_matter_any_text(text):
    try:
        meta, body = split_front_matter("---\n" + text, "x.md")
    except BadInput as exc:
        assert exc.reason
    else:
        assert meta is None or isinstance(meta, dict)
        assert isinstance(body, str)


@SETTINGS
@given(st.one_of(news_text, words))
def test_clean_any_text(text):
    cleaned = clean(text)
    for paragraph in cleaned.paragraphs:
        assert paragraph and "\n" not in paragraph and "\r" not in paragraph
        assert "\x00" not in paragraph and "\u202e" not in paragraph and "\u200b" not in paragraph
    assert cleaned.title is None or "\n" not in cleaned.title


@SETTINGS
@given(st.one_of(news_text, words))
def test_process_any_text_gives_a_briefing_or_a_reason(text):
    try:
        briefing, _ = process(RawArticle(path="x.txt", kind="txt", text=text))
    except BadInput as exc:
        assert exc.path == "x.txt" and exc.reason
    else:
        assert briefing.slug and briefing.paragraphs
        for q in briefing.quotes:
            assert 0 <= q.paragraph < len(briefing.paragraphs)


def _split(page: str):
    assert page.startswith("---\n")
    front, body = page[4:].split("\n---\n", 1)
    return yaml.safe_load(front), body


@SETTINGS
@given(title=news_text, summary=news_text, paragraphs=st.lists(news_text, min_size=1, max_size=5),
       speaker=st.one_of(st.none(), news_text), keyword=news_text, url=news_text)
def test_render_any_briefing_parses_with_intact_front_matter(title, summary, paragraphs, speaker, keyword, url):
    paragraphs = [p for p in paragraphs if plain(p)] or ["text"]  # the pipeline never makes empty paragraphs
    b = Briefing(
        title=title or "t", slug="s", source=Source(name=title, url=url, author=summary, file="x.txt"),
        keywords=(keyword,) if keyword.strip() else (), quotes=(Quote(summary or "q", speaker, title, 0, 0, 1),),
        people=(speaker,) if speaker else (), summary=summary, paragraphs=tuple(paragraphs), word_count=1,
        reading_time=1,
    )
    page = render_briefing(b)
    front, body = _split(page)
    assert front["slug"] == "s" and front["summary"] == plain(summary) and front["source"]["url"] == plain(url)
    assert front["quotes"][0]["speaker"] == (plain(speaker) if speaker is not None else None)
    assert front["title"] == (plain(title or "t") or "Untitled")  # as written; the theme escapes it
    html = markdown.markdown(body, extensions=["attr_list", "md_in_html", "toc"])
    tree = lxml_html.fragment_fromstring(html, create_parent="div")
    assert not tree.xpath("//script | //iframe | //form | //img | //input | //style | //object | //embed")
    for el in tree.iter():
        assert not any(name.lower().startswith("on") for name in el.attrib)
        assert not el.get("href", "").strip().lower().startswith(("javascript", "data", "vbscript"))
    # every paragraph of the text is on the page, as text, under its anchor
    for index, paragraph in enumerate(paragraphs, start=1):
        anchor = tree.xpath(f'//*[@id="p-{index}"]')
        assert len(anchor) == 1 and anchor[0].text_content() == plain(paragraph)
