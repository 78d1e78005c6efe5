import pytest

from generator.clean import clean
from generator.metadata import (
    article_slug, build_source, declared_language, detect_language, language_code, parse_date, reading_time, slugify,
    word_count,
)
from generator.models import RawArticle


@pytest.mark.parametrize("text,expected", [
    ("2025-11-20", "2025-11-20"),
    ("2025-11-20T08:30:00Z", "2025-11-20"),
    ("November 18, 2025", "2025-11-18"),
    ("Nov. 18, 2025", "2025-11-18"),
    ("18 November 2025", "2025-11-18"),
    ("Published: Tue 3 Jun 2025 10:00 GMT", "2025-06-03"),
    ("25/12/2024", "2024-12-25"),
    ("3/4/2025", None),  # March or April: unknown, not guessed
    ("2025-02-30", None),
    ("last week", None),
    ("", None),
])
def test_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("value,code", [("Arabic", "ar"), ("ar", "ar"), ("AR", "ar"), ("en-GB", "en"),
                                        ("Farsi", "fa"), ("Klingonese", None), ("", None)])
def test_language_code(value, code):
    assert language_code(value) == code


@pytest.mark.parametrize("meta,code", [({"language": "Arabic"}, "ar"), ({"language": "en-GB"}, "en"),
                                       ({"language": "Klingonese"}, None), ({"language": ""}, None), ({}, None)])
def test_declared_language_reads_the_metadata_as_build_source_does(meta, code):
    assert declared_language(meta) == code
    text = "Headline Here\n\nThe body says the meeting happened in the capital, officials said on Monday.\n"
    source, _ = build_source(RawArticle(path="a.txt", kind="txt", text=text, meta=meta), clean(text), "xx")
    assert source.language == (code or "xx")  # a stated language wins; otherwise the detected one


def test_detect_language():
    assert detect_language(["The government said on Monday that it would raise taxes on fuel next year."]) == "en"
    assert detect_language(["قال وزير الخارجية إن الحكومة ستعمل على خفض الأسعار في الأشهر المقبلة"]) == "ar"
    assert detect_language(["Le gouvernement a annoncé lundi une hausse des taxes sur le carburant."]) == "fr"
    assert detect_language(["Hi"]) is None


def test_slugs_are_short_safe_and_never_empty():
    assert slugify("Iran Plays Its Last Card in the Region") == "iran-plays-its-last-card-in-the-region"
    assert slugify("Café “déjà vu” — 50% off!") == "cafe-deja-vu-50-off"
    long_slug = slugify("word " * 400)
    assert len(long_slug) <= 72 and not long_slug.endswith("-")
    for title, path in [("...", "---.txt"), ("إيران", "خبر.txt"), ("$(rm -rf /)", "a/../b.txt"), ("", ".txt")]:
        slug = article_slug(title, path)
        assert slug and len(slug) <= 80
        assert set(slug) <= set("abcdefghijklmnopqrstuvwxyz0123456789-")
        assert not slug.startswith("-")


def test_word_count_and_reading_time():
    assert word_count(["Iran’s al-Nashoua said: no.", "Two words"]) == 6
    assert word_count(["北京今天宣布新的经济政策"]) == 8
    assert reading_time(0) == 1 and reading_time(230) == 1 and reading_time(231) == 2


def test_build_source_uses_what_is_given_and_never_guesses():
    text = "Headline Here\n\nThe body says the meeting happened on November 18, 2025 in the capital, officials said.\n"
    cleaned = clean(text)
    raw = RawArticle(path="a.txt", kind="txt", text=text, meta={})
    source, warnings = build_source(raw, cleaned, "en")
    assert source.published is None  # a date in the body is an event, not the publication date
    assert (source.name, source.publisher, source.url, source.author, source.translated_from) == (None,) * 5
    assert source.language == "en" and source.file == "a.txt" and warnings == []

    raw = RawArticle(path="a.txt", kind="txt", text=text,
                     meta={"source": "The Ledger", "published": "20 Nov 2025", "url": "not a url",
                           "translated_from": "Arabic", "language": "English"})
    source, warnings = build_source(raw, cleaned, "en")
    assert source.name == "The Ledger" and source.published == "2025-11-20"
    assert source.translated_from == "ar" and source.language == "en"
    assert source.url is None and len(warnings) == 1 and "url" in warnings[0]


def test_build_source_reads_dateline_and_byline():
    text = "Headline Here\n\nPublished March 4, 2025\n\nBy Jane Doe\n\nThe body of the article is here, and it is long enough.\n"
    raw = RawArticle(path="a.txt", kind="txt", text=text, meta={})
    source, _ = build_source(raw, clean(text), "en")
    assert source.published == "2025-03-04" and source.author == "Jane Doe"


@pytest.mark.parametrize("text, published", [
    # a date label opening the page, the text running on after it on the same line
    ("date 2022-04-25 Twitter has agreed to the offer, the company said in a statement on Monday, "
     "ending weeks of talks.\n\nThe deal is expected to close later this year, the board said.\n", "2022-04-25"),
    ("Published: 2019-04-15 PARIS (AP) - The spire of the cathedral collapsed in flames on Monday evening, "
     "officials said.\n\nCrowds watched from the river banks as the fire spread.\n", "2019-04-15"),
    # a sentence that starts with the word, and a date inside the story, are no label
    ("Date palms grew along the river in 2019-04-15 records, the survey of the valley found, "
     "and farmers said the harvest was good.\n\nThe survey will be repeated next year.\n", None),
])
def test_build_source_reads_a_leading_date_label(text, published):
    raw = RawArticle(path="a.txt", kind="txt", text=text, meta={})
    source, _ = build_source(raw, clean(text), "en")
    assert source.published == published


def test_user_seed_source(user_seed):
    text = user_seed.read_text(encoding="utf-8")
    raw = RawArticle(path=user_seed.name, kind="txt", text=text, meta={})
    cleaned = clean(text)
    source, warnings = build_source(raw, cleaned, detect_language(cleaned.paragraphs))
    assert source.name == "Alhurra"
    assert source.publisher == "MBN"
    assert source.language == "en" and source.translated_from == "ar"
    assert source.published is None and source.url is None and source.author is None
    assert warnings == []


WIRE = """Skip to main content
World
Parliament approves budget after months of delay
By Jane Roe and John Doe
3 minute read
Updated 2 hours ago
June 12, 2025 4:51 PM GMT+3
LISBON, June 12 (Reuters) - Parliament approved a record budget on Monday after months of wrangling between political blocs, clearing the way for spending on roads and public salaries.
The budget is the largest in the country's history, lawmakers said, and it relies heavily on tax revenue.
Advertisement · Scroll to continue
"It is a budget for salaries, not for development," said independent lawmaker Rui Costa.
Reporting by Jane Roe and John Doe; Editing by Alex Poe
Our Standards: The Trust Principles.
"""


def test_wire_story_furniture_dateline_and_credits():
    cleaned = clean(WIRE)
    assert cleaned.title == "Parliament approves budget after months of delay"
    assert [p[:20] for p in cleaned.paragraphs] == ["LISBON, June 12 (Reu", "The budget is the la",
                                                    "\"It is a budget for "]
    raw = RawArticle(path="w.txt", kind="txt", text=WIRE, meta={})
    source, _ = build_source(raw, cleaned, "en")
    assert (source.name, source.published, source.author) == ("Reuters", "2025-06-12", "Jane Roe and John Doe")


def test_credits_give_the_author_when_there_is_no_byline():
    text = ("Budget Approved\n\nParliament approved a record budget on Monday after months of talks.\n\n"
            "The budget is the largest in the country's history, lawmakers said.\n\n"
            "(Reporting by Jane Roe; Editing by Alex Poe)\n")
    cleaned = clean(text)
    assert len(cleaned.paragraphs) == 2
    source, _ = build_source(RawArticle(path="w.txt", kind="txt", text=text, meta={}), cleaned, "en")
    assert source.author == "Jane Roe" and source.name is None


def test_build_source_takes_the_outlet_clean_found_and_the_metadata_wins():
    text = "Volcano erupts\n\nBAGHDAD, June 12 (Reuters) - Hundreds of residents fled on Tuesday after the eruption.\n"
    cleaned = clean(text)
    assert cleaned.outlet == "Reuters"
    source, _ = build_source(RawArticle(path="w.txt", kind="txt", text=text, meta={}), cleaned, "en")
    assert source.name == "Reuters"
    given, _ = build_source(RawArticle(path="w.txt", kind="txt", text=text, meta={"source": "Daily Post"}),
                            cleaned, "en")
    assert given.name == "Daily Post"


def test_a_translation_note_naming_no_language_gives_an_undetermined_code():
    from generator.metadata import language_name

    text = ("Volcano erupts\n\nHundreds of residents fled on Tuesday after the eruption, officials said.\n\n"
            "Translated by Jane Roe\n")
    cleaned = clean(text)
    source, _ = build_source(RawArticle(path="w.txt", kind="txt", text=text, meta={}), cleaned, "en")
    assert source.translated_from == "und"
    assert language_name("und") == "another language"
    assert "Translated by Jane Roe" not in cleaned.paragraphs


def test_copyright_owner_with_company_suffix_is_the_publisher():
    text = ("Volcano erupts\n\nHundreds of residents fled on Tuesday after the eruption, officials said.\n\n"
            "© 2024 Valley Media L.P. All rights reserved.\n")
    cleaned = clean(text)
    source, _ = build_source(RawArticle(path="w.txt", kind="txt", text=text, meta={}), cleaned, "en")
    assert source.publisher == "Valley Media L.P."


@pytest.mark.parametrize("language, published, warned", [("en", None, True), ("fr", "2026-09-12", False)])
def test_an_ambiguous_date_line_is_read_by_the_language_or_left_out_with_a_warning(language, published, warned):
    text = ("Port Rail Link Opens\n\n12/09/2026\n\nThe new rail link to the port opened on Friday, officials said, "
            "after three years of work on the line.\n")
    raw = RawArticle(path="a.txt", kind="txt", text=text, meta={})
    source, warnings = build_source(raw, clean(text), language)
    assert source.published == published
    assert any("reads two ways" in w and "12/09/2026" in w for w in warnings) == warned
