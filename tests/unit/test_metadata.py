import pytest

from generator.clean import clean
from generator.metadata import (
    article_slug, build_source, detect_language, language_code, parse_date, reading_time, slugify, word_count,
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
