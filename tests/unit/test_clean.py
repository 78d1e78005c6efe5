import pytest

from generator.clean import clean, is_boilerplate, normalise, translation_note

BODY = (
    "The central bank raised interest rates by half a percentage point on Thursday, its fourth "
    "increase this year, as policymakers tried to slow inflation that has reached a two-decade high."
)
BODY2 = (
    "Economists had expected a smaller move, and shares of banks and builders fell sharply in "
    "afternoon trading after the announcement was made public by the bank's governor."
)


@pytest.mark.parametrize("line", [
    "Leave a Reply",
    "Leave a comment",
    "Subscribe now to keep reading and get access to the full archive.",
    "Sign up to be the first to know our newest updates.",
    "Sign up for our daily newsletter",
    "Continue reading",
    "Read more: Markets slide as oil prices jump",
    "Share this article",
    "Share on Facebook",
    "Facebook Twitter WhatsApp Email",
    "Follow us on Instagram",
    "Social Links",
    "Related posts",
    "You may also like",
    "https://cdn.example.com/wp-content/uploads/2025/08/logo.png?fit=203%2C53&ssl=1",
    "www.example.com/news/world",
    "© Example Media Group 2026",
    "Copyright 2025 The Daily Planet. All rights reserved.",
    "Your email address will not be published. Required fields are marked *",
    "Home > World > Middle East",
])
def test_boilerplate_shapes(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", [
    BODY,
    "Readers who subscribe to the paper's print edition will see prices rise next month, the company said in a statement on Monday.",
    "The minister told reporters that the government would share more details about the plan after the cabinet meets next week.",
    "Subscriptions to streaming services fell for the first time in a decade, according to an industry survey published on Tuesday.",
])
def test_prose_is_not_boilerplate(line):
    assert not is_boilerplate(line)


@pytest.mark.parametrize("line,language", [
    ("The article is a translation of the original Arabic.", "Arabic"),
    ("This article was translated from French.", "French"),
    ("Translated from the Russian by Anna Petrova.", "Russian"),
    ("Translated by Jane Smith from the original Persian", "Persian"),
    ("This story was originally published in Spanish and translated by our staff.", "Spanish"),
    ("(Translation from Turkish)", "Turkish"),
])
def test_translation_notes(line, language):
    assert translation_note(line) == language


@pytest.mark.parametrize("line", [
    "This page has been automatically translated from English.",
    "Select a language to read an automated translation of this page.",
    "The translation of the treaty from Arabic took the team three years, the ministry said in a statement on Sunday.",
    "The article is a translation of the original.",
])
def test_not_translation_notes(line):
    assert translation_note(line) is None


def test_normalise_line_endings_controls_and_bidi():
    text = "Title\r\n\r\nA\u200bB\u202eC\u2066D\x00E\rF\u200dG"
    assert normalise(text) == "Title\n\nABCDE\nF\u200dG"


@pytest.mark.parametrize("text,expected", [
    ("  a \t\u00a0 b  \n\u3000c\u2029d ", "a b\nc\n\nd"),  # runs of spaces of any kind -> one, lines stripped
    ("one space only", "one space only"),
    ("a\tb\x0bc\x1cd\x85e\u2028f", "a bcde\nf"),  # a tab is a space; other controls are removed
    ("e\u0301 \u212b", "\u00e9 \u00c5"),  # composed (NFC)
    ("", ""),
])
def test_normalise_spaces_and_composition(text, expected):
    assert normalise(text) == expected
    assert normalise(text) == expected  # again: the last result is reused, and must be the same
    assert normalise("x" + text) != expected or not expected  # a different text is not served the last result


def test_clean_takes_headline_after_logo_and_breadcrumb_and_drops_date_and_byline():
    text = "\n\n".join([
        "https://example.com/static/logo.svg", "Home > Business > Economy",
        "Central Bank Raises Rates Again", "March 4, 2025", "By Jane Doe", BODY, BODY2,
    ])
    cleaned = clean(text)
    assert cleaned.title == "Central Bank Raises Rates Again"
    assert cleaned.paragraphs == (BODY, BODY2)


def test_clean_records_translation_outlet_and_publisher_and_drops_tail():
    text = "\n\n".join([
        "Central Bank Raises Rates Again", BODY, BODY2,
        "The article is a translation of the original German.",
        "Discover more from The Ledger", "Subscribe now to keep reading.", "Leave a Reply",
        "© Ledger Media 2026", "Continue reading",
    ])
    cleaned = clean(text)
    assert cleaned.paragraphs == (BODY, BODY2)
    assert cleaned.translated_from == "German"
    assert cleaned.outlet == "The Ledger"  # the prompt outranks the copyright owner
    assert cleaned.outlet_hints == ("The Ledger", "Ledger Media")
    assert cleaned.publisher_hints == ("Ledger Media",)


def test_clean_removes_related_list_in_the_middle_and_comment_section():
    text = "\n\n".join([
        "Central Bank Raises Rates Again", BODY,
        "Related articles", "Markets slide as oil jumps", "Five things to know about inflation",
        BODY2,
        "A third paragraph explains that mortgage holders will feel the increase first, as most loans in the country carry variable rates tied to the bank's benchmark.",
        "3 Comments", "John says:", "This is outrageous, rates are far too high for ordinary families already.",
    ])
    cleaned = clean(text)
    assert cleaned.paragraphs[:2] == (BODY, BODY2)
    assert len(cleaned.paragraphs) == 3
    assert not any("outrageous" in p for p in cleaned.paragraphs)


def test_clean_joins_hard_wrapped_paragraphs():
    wrapped = (
        "Central Bank Raises Rates Again\n\n"
        "The central bank raised interest rates by half a percentage point on\n"
        "Thursday, its fourth increase this year, as policymakers tried to slow\n"
        "inflation that has reached a two-decade high.\n\n"
        "Economists had expected a smaller move, and shares of banks and builders\n"
        "fell sharply in afternoon trading after the announcement was made public.\n"
    )
    cleaned = clean(wrapped)
    assert cleaned.title == "Central Bank Raises Rates Again"
    assert len(cleaned.paragraphs) == 2
    assert cleaned.paragraphs[0].startswith("The central bank raised") and "on Thursday" in cleaned.paragraphs[0]


def test_user_seed_cleaning(user_seed):
    cleaned = clean(user_seed.read_text(encoding="utf-8"))
    assert cleaned.title == "Iran Plays Its Last Card in the Region"
    assert cleaned.paragraphs[0].startswith("The continued recruitment of volunteers")
    assert cleaned.paragraphs[-1].startswith("He added that Tehran is attempting")
    assert len(cleaned.paragraphs) == 28
    assert cleaned.translated_from == "Arabic"
    assert cleaned.outlet == "Alhurra"
    assert cleaned.outlet_hints == ("Alhurra", "MBN")
    assert cleaned.publisher_hints == ("MBN",)
    body = "\n".join(cleaned.paragraphs)
    for junk in ("Leave a Reply", "Subscribe", "footer_logo", "Social Links", "©", "Continue reading",
                 "translation of the original"):
        assert junk not in body


def test_pull_quotes_and_repeated_paragraphs_are_dropped():
    text = "\n\n".join([
        "Central Bank Raises Rates Again", BODY,
        "its fourth increase this year",  # a pull-quote widget repeating the text
        BODY2, BODY2,
    ])
    assert clean(text).paragraphs == (BODY, BODY2)


@pytest.mark.parametrize("top", [
    ["THE DAILY LEDGER", "Home > Business > Economy", "Wednesday, March 4, 2026"],
    ["Logo: Daily Ledger", "Home / Business / Economy"],
    ["Business | June 30, 2026"],
    ["Daily Ledger"],  # the outlet's own name, given by the metadata
])
def test_headline_below_mastheads_logos_and_section_lines(top):
    text = "\n".join(top) + "\n\nCentral Bank Raises Rates Again\n\n" + BODY + "\n\n" + BODY2
    cleaned = clean(text, outlet="Daily Ledger")
    assert cleaned.title == "Central Bank Raises Rates Again"
    assert cleaned.paragraphs == (BODY, BODY2)


def test_question_headline_and_quoted_headline():
    assert clean(f"Will Rates Rise Again?\n\n{BODY}\n\n{BODY2}").title == "Will Rates Rise Again?"
    quoted = "“The Grid Was Built for Another Century”: An Interview with an Engineer"
    assert clean(f"{quoted}\n\n{BODY}\n\n{BODY2}").title == quoted


def test_a_title_repeated_by_the_page_is_dropped_from_the_body():
    text = f"Central Bank Raises Rates Again\n\nCentral Bank Raises Rates Again\n\n{BODY}\n\n{BODY2}"
    cleaned = clean(text, title_hint="Central Bank Raises Rates Again")
    assert cleaned.paragraphs == (BODY, BODY2)


def test_no_headline_when_the_text_starts_with_prose():
    cleaned = clean(f"{BODY}\n\n{BODY2}")
    assert cleaned.title is None and cleaned.paragraphs == (BODY, BODY2)


def test_arabic_furniture_is_removed_and_prose_kept():
    body = ("طرحت وزارة المياه يوم الخميس مناقصة دولية لبناء محطة تحلية مياه البحر على الساحل الجنوبي، "
            "بعد شهرين من موافقة مجلس الوزراء على المشروع.")
    body2 = "وقالت الوزيرة إن العقود ستنشر كاملة على الموقع الرسمي للوزارة قبل التوقيع عليها."
    text = "\n\n".join(["الحكومة تطرح مناقصة محطة التحلية", body, "اقرأ أيضاً: الجفاف يضرب السهل الشرقي", body2,
                       "اشترك في النشرة البريدية", "شارك المقال", "جميع الحقوق محفوظة © 2026"])
    cleaned = clean(text)
    assert cleaned.title == "الحكومة تطرح مناقصة محطة التحلية"
    assert cleaned.paragraphs == (body, body2)
