"""Shapes of news page furniture: headlines, outlets, translation notes and leaks.

Each example is short and self-written, one per shape, in the forms news pages take on any site.
"""
import pytest

from generator.clean import clean, is_boilerplate, translation_note
from generator.clean.notes import UNNAMED_LANGUAGE

from tests.unit.volcano import LEDE, MORE, LAST, page


# ---------------------------------------------------------------------------------- outlets

@pytest.mark.parametrize("lede, outlet", [
    ("ISLAMABAD, Nov 16 (APP): " + LEDE, "APP"),
    ("Vladivostok [Russia], January 28 (Interfax): " + LEDE, "Interfax"),
    ("(RSF/IFEX) – " + LEDE, "RSF/IFEX"),
    ("BAGHDAD, June 12 (Reuters) - " + LEDE, "Reuters"),
    ("BEIJING, XINHUA — " + LEDE, "Xinhua"),
    ("ISMAILIA, Egypt (AP) — " + LEDE, "AP"),
    ("LONDON, UK — " + LEDE, None),  # a country after the city is no agency
    ("BUENOS AIRES, Argentina — " + LEDE, None),
    ("LONDON — " + LEDE, None),  # a dateline without an agency names no outlet
    ("Nairobi (Kenya) is a city where " + LEDE, None),
])
def test_outlet_from_the_wire_dateline(lede, outlet):
    cleaned = clean(page("Volcano erupts on island", lede, MORE, LAST))
    assert cleaned.outlet == outlet


def test_outlet_from_a_sign_off_and_the_next_story_is_dropped():
    cleaned = clean(page(LEDE, MORE, LAST, "- REUTERS", "Floods hit the northern coast", "Advertise with us"))
    assert cleaned.outlet == "Reuters"
    assert cleaned.paragraphs == (LEDE, MORE, LAST)


def test_a_capitalised_list_item_is_no_sign_off():
    items = ["Members include:", "- NATO", "- EU", "- UN"]
    cleaned = clean(page("Volcano erupts on island", LEDE, MORE, *items, LAST, "Leave a Reply", "Reply"))
    assert cleaned.outlet is None
    assert cleaned.paragraphs[-1] == LAST


def test_outlet_from_the_agency_closing_the_story():
    cleaned = clean(page("Volcano erupts on island", LEDE, MORE, LAST + " (dpa)"))
    assert cleaned.outlet == "dpa"


def test_source_line_above_the_story_names_the_outlet_but_not_one_below_it():
    top = clean(page("top of page", "Source: Washington Post", "Sep 15, 2023", "Volcano erupts on island",
                     "By Jane Roe", LEDE, MORE, LAST))
    assert top.outlet == "Washington Post"
    assert top.title == "Volcano erupts on island"
    assert top.paragraphs == (LEDE, MORE, LAST)
    below = clean(page("Volcano erupts on island", LEDE, MORE, LAST, "Source: El Diario (sp)", "Politics",
                       "Ministers meet over the budget", "0", "The finance ministers of the region met again "
                       "on Monday to discuss the budget for next year and the years after.", "Leave a Reply",
                       "Your email address will not be published."))
    assert below.outlet is None  # the source of the material, not the publisher of this page
    assert below.paragraphs == (LEDE, MORE, LAST)


@pytest.mark.parametrize("line, outlet", [
    ("• Kyodo", "Kyodo"),
    ("By Ana Ruiz, La Voz Reporter", "La Voz"),
    ("The Valley Courier Logo", "The Valley Courier"),
    ("Daily Ledger masthead", "Daily Ledger"),
    ("Stay informed with VNN's newsletters", "VNN"),
    ("Northern Herald17-03-2025", "Northern Herald"),
    ("By Jane Doe, Associated Press", "Associated Press"),
    ("By Jane Doe, Washington", None),
])
def test_outlet_from_credit_logo_byline_and_prompt_lines(line, outlet):
    cleaned = clean(page(line, LEDE, MORE, LAST))
    assert cleaned.outlet == outlet
    assert line not in cleaned.paragraphs


def test_credit_for_an_agency_names_it():
    cleaned = clean(page("Volcano erupts on island", LEDE, MORE, "Reporting by Jane Doe for Reuters; Editing by Al Roe"))
    assert cleaned.outlet == "Reuters"
    assert cleaned.paragraphs == (LEDE, MORE)
    assert clean(page(LEDE, MORE, "Reporting by Jane Doe for the ministry in Paris")).outlet is None


def test_page_title_with_an_outlet_suffix_is_the_headline():
    cleaned = clean(page("Volcano erupts on the island | Valley Times", LEDE, MORE))
    assert cleaned.title == "Volcano erupts on the island"
    assert cleaned.outlet == "Valley Times"
    assert clean(page("Home | World | Asia", "Volcano erupts on island", LEDE)).title == "Volcano erupts on island"


def test_a_dash_suffix_is_cut_only_when_it_names_the_outlet():
    cleaned = clean(page("Volcano erupts on the island - The Valley Times", LEDE, MORE))
    assert (cleaned.title, cleaned.outlet) == ("Volcano erupts on the island", "The Valley Times")
    known = clean(page("Volcano erupts on the island – VNN", LEDE, MORE, "© 2026 VNN"))
    assert known.title == "Volcano erupts on the island"
    kept = clean(page("Volcano erupts - thousands flee their homes", LEDE, MORE))
    assert kept.title == "Volcano erupts - thousands flee their homes"


def test_a_highlights_box_above_the_story_goes():
    cleaned = clean(page("Volcano erupts on island", "Highlights", "• Thousands flee", "• No one was hurt",
                         "Airport stays open", LEDE, MORE))
    assert cleaned.title == "Volcano erupts on island"
    assert cleaned.paragraphs == (LEDE, MORE)


def test_page_title_suffix_gives_headline_and_outlet_and_the_h1_repeat_goes():
    cleaned = clean(page("Farmers still waiting for drought aid | News | DW | 13.08.2018",
                         "We use cookies to improve our service for you. You can find more information in our "
                         "data protection declaration.", "More info OK", "News",
                         "Farmers still waiting for drought aid", LEDE, MORE))
    assert cleaned.title == "Farmers still waiting for drought aid"
    assert cleaned.outlet == "DW"
    assert cleaned.paragraphs == (LEDE, MORE)


@pytest.mark.parametrize("line, owner", [
    ("© 2024 Bloomberg L.P. All rights reserved.", "Bloomberg L.P."),
    ("Copyright © 2017 Coast FM. All rights reserved. Distributed by Example Media (example.com). "
     "To contact the copyright holder directly for corrections, click here.", "Coast FM"),
    ("Copyright: Star Daily Inc. 2016", "Star Daily Inc."),
])
def test_copyright_owner_is_kept_whole_and_named_when_nothing_else_is(line, owner):
    cleaned = clean(page(LEDE, MORE, LAST, line))
    assert cleaned.outlet == owner
    assert cleaned.publisher_hints == (owner,)
    assert cleaned.paragraphs == (LEDE, MORE, LAST)


def test_the_footer_starts_at_a_full_copyright_notice():
    cleaned = clean(page(LEDE, MORE, LAST, "© 2017 Coast FM. All rights reserved.",
                         "Example Media publishes around 900 reports a day from more than 150 news organizations "
                         "and over 500 other institutions, representing a diversity of positions.",
                         "Articles that name the site as the publisher are produced"))
    assert cleaned.paragraphs == (LEDE, MORE, LAST)


def test_a_prompt_outranks_the_copyright_owner_and_two_agencies_name_none():
    assert clean(page(LEDE, MORE, LAST, "Discover more from The Ledger", "© Ledger Media 2026")).outlet == "The Ledger"
    assert clean(page("(AFP) – " + LEDE, MORE, LAST + " (Reuters)")).outlet is None


# ---------------------------------------------------------------------------------- translation notes

@pytest.mark.parametrize("line, language", [
    ("Translated by Staff", UNNAMED_LANGUAGE),
    ("Edited and translated by Mira Sohn", UNNAMED_LANGUAGE),
    ("Valley News: Translation by Dana Reyes", UNNAMED_LANGUAGE),
    ("- Farsi2English (translation)", UNNAMED_LANGUAGE),
    ("This is the translation of a post my friend wrote on her page.", UNNAMED_LANGUAGE),
    ("[Translator's note: the author wrote this in prison.]", UNNAMED_LANGUAGE),
    ("The original Chinese-language post follows:", "Chinese"),
    ("Translated from the Persian by Dana Reyes", "Persian"),
    ("The following article was translated from Persian.", "Persian"),
    ("The letter was translated from Russian by volunteers.", None),  # a story's sentence about a letter
    ("Translation: Dana Reyes", UNNAMED_LANGUAGE),
    ("English translation by Dana Reyes", UNNAMED_LANGUAGE),
    ("Translation: the story of a word", None),
    ("Powered by automated translation", None),
    ("Select a language to translate this page", None),
    ("The novel was translated by three scholars and sold a million copies across the region.", None),
])
def test_translation_notes(line, language):
    assert translation_note(line) == language


def test_a_long_bracketed_translators_note_at_the_top_is_metadata():
    note = "[Translator's note: " + " ".join(["The author wrote this essay in prison and it was smuggled out."] * 5) + "]"
    cleaned = clean(page(note, "Letter from prison", LEDE, MORE))
    assert cleaned.translated_from == UNNAMED_LANGUAGE
    assert cleaned.title == "Letter from prison"
    assert cleaned.paragraphs == (LEDE, MORE)


def test_translation_credit_is_metadata_and_names_the_outlet():
    cleaned = clean(page("Guards raid prison ward", "Valley News: Translation by Dana Reyes", LEDE, MORE))
    assert cleaned.translated_from == UNNAMED_LANGUAGE
    assert cleaned.outlet == "Valley News"
    assert cleaned.paragraphs == (LEDE, MORE)


def test_translator_sentence_in_the_intro_is_a_note_but_stays_text():
    intro = ("This post by a newspaper editor was shared widely. CDN translator Li Wen has rendered some "
             "replies into English.")
    cleaned = clean(page(intro, LEDE, MORE))
    assert cleaned.translated_from == UNNAMED_LANGUAGE
    assert cleaned.outlet == "CDN"
    assert cleaned.paragraphs[0] == intro


def test_credit_prefix_of_a_teaser_is_removed_and_marks_a_translation():
    cleaned = clean(page("You are reading about: rule of law",
                         "Xu Ming, translated by Ann Lee, April 2, 2024 " + LEDE,
                         "Xu Ming, translated by Bo Chen, February 20, 2024 " + LEDE))
    assert cleaned.translated_from == UNNAMED_LANGUAGE
    assert cleaned.paragraphs == (LEDE,)


def test_a_story_about_translation_is_not_a_note():
    text = ("The book, first written in Arabic, was translated into English last year and the translator "
            "said the work took three years.")
    assert clean(page("Translator wins prize", text, LEDE)).translated_from is None


# ---------------------------------------------------------------------------------- headlines

@pytest.mark.parametrize("furniture", [
    "date 2017-09-04 4 September 2017",
    "Please view the main text area of the page by skipping the main menu.",
    "Skip to main content",
    "top of page",
    "Tag Archives: #fossil",
    "News | Analysis",
    "Most recent videos",
    "Discover the new! Take a tour of the site.",
])
def test_page_furniture_above_the_headline_is_not_the_headline(furniture):
    cleaned = clean(page(furniture, "Volcano erupts on island", LEDE, MORE))
    assert cleaned.title == "Volcano erupts on island"
    assert cleaned.paragraphs == (LEDE, MORE)


def test_a_deck_between_headline_and_byline_is_not_the_headline():
    cleaned = clean(page("Volcano erupts on island", "Thousands flee their homes. No one was hurt.", "By Jane Roe",
                         LEDE, MORE))
    assert cleaned.title == "Volcano erupts on island"
    assert cleaned.paragraphs[-2:] == (LEDE, MORE)


def test_a_masthead_or_kicker_above_the_headline_is_not_the_headline():
    for top in ("Valley Mail", "Africa news"):
        cleaned = clean(page(top, "Former president dies in hospital at 95", LEDE, MORE))
        assert cleaned.title == "Former president dies in hospital at 95"
    # a short headline over a one-sentence deck stays the headline
    assert clean(page("Budget Approved", "Parliament approved a record budget on Monday.", LEDE)).title == \
        "Budget Approved"


def test_the_line_above_the_byline_is_the_headline_even_as_sentences():
    cleaned = clean(page("The Valley's Oldest and Largest Weekly", "Since 1989", "Upcoming Events",
                         "Their homes were lost. Then the ash came for them.", "By Jane Roe", LEDE, MORE))
    assert cleaned.title == "Their homes were lost. Then the ash came for them"
    assert cleaned.paragraphs == (LEDE, MORE)


@pytest.mark.parametrize("line, headline", [
    ("../../etc/passwd", "../../etc/passwd"), ("..", ".."), ("...", "..."), ("# ../../etc/passwd", "../../etc/passwd"),
    ("# ..", ".."), ("## Volcano erupts on island ##", "Volcano erupts on island"),
])
def test_path_or_punctuation_headline_over_an_article_is_a_headline(line, headline):
    from generator.metadata import article_slug

    cleaned = clean(page(line, LEDE, MORE, LAST))
    assert cleaned.title == headline
    assert cleaned.paragraphs == (LEDE, MORE, LAST)
    slug = article_slug(cleaned.title, "world/" + "note.txt")
    assert slug and "/" not in slug and ".." not in slug


@pytest.mark.parametrize("title", ["../../etc/passwd", "..", "..."])
def test_path_or_punctuation_title_given_by_metadata_makes_a_briefing(title):
    from generator.models import RawArticle
    from generator.pipeline import process

    for kind, text in (("md", page(LEDE, "* * *", MORE, LAST)), ("txt", page(title, LEDE, MORE, LAST))):
        briefing, _ = process(RawArticle(path="world/x." + kind, kind=kind, text=text,
                                         meta={"title": title} if kind == "md" else {}))
        assert briefing.title == title
        assert briefing.paragraphs[0] == LEDE and briefing.paragraphs[-1] == LAST
        assert briefing.slug and "/" not in briefing.slug and "." not in briefing.slug


# ---------------------------------------------------------------------------------- leaks

@pytest.mark.parametrize("line", [
    "We use cookies to improve our service for you. You can find more information in our data protection "
    "declaration.",
    "(article continues below image)",
    "2015412image.gif (305×170)",
    "image of CT scan of a rodent molar",
    "illustration of position of the teeth in a model skull",
    "(This story has not been edited by Example staff and is auto-generated from a syndicated feed.)",
    "This story was provided by the Example Press Agency and has not been edited by Ledger staff.",
    "This article is supplied by Example Wire.",
    "folder_openLebanon access_timeone month ago",
    "Watch video 02:43",
    "02:43 mins.",
    "More info OK",
    "You are reading about: rule of law",
    "Stay informed with VNN's newsletters",
    "Powered by automated translation",
    "Source: Philippine Star (Philippines)",
    "To contact the reporter on this story: Jane Doe in London at jdoe@example.net",
    "Follow AP’s coverage of the elections at https://example.com/hub/elections",
    "The Associated Press receives support from several private foundations to enhance its coverage. "
    "AP is solely responsible for all content.",
    "This story was produced in partnership with the Example Center.",
    "Read our comment policy before posting.",
    "Deja un comentario",
    "Laisser un commentaire",
    "Tu dirección de correo electrónico no será publicada.",
    "Download the free Valley News app",
    "Ask Alexa to play the news",
    "Related: Floods hit the north",
    "READ MORE | Floods hit the north",
])
def test_furniture_lines(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", [
    "This report was provided to lawmakers by the inspector general's office, which found the agency had "
    "overspent by $4 million.",
    "The data was provided by the health ministry.",
])
def test_sentences_about_what_was_provided_stay(line):
    assert not is_boilerplate(line)


def test_inline_furniture_glued_to_a_paragraph_is_cut_out():
    cleaned = clean(page("Volcano erupts on island", LEDE,
                         "Article continues after this advertisement" + MORE, "AdvertisementAdvertise with us."))
    assert cleaned.paragraphs == (LEDE, MORE)


def test_teaser_and_labels_after_the_story_go():
    cleaned = clean(page("Volcano erupts on island", LEDE, MORE, LAST, "Kenya", "Poll Date Now, Leaders Say",
                         "Jubilee leaders have asked the commission to announce the date for a fresh… Read more »"))
    assert cleaned.paragraphs == (LEDE, MORE, LAST)


def test_other_stories_listed_at_the_end_of_the_page_go():
    links = ["World Cup fans gather for finals viewing party", "Orioles make progress in trade talks",
             "Slow start by Nola as Phillies lose 2-0", "More Sports", "Child alerts family to house fire"]
    assert clean(page("Volcano erupts on island", LEDE, MORE, *links)).paragraphs == (LEDE, MORE)
    # a reading list of the article's own, each item with its source, stays
    items = ["-Jane Roe dissects why the outcome differed from the polls. [Medium.]",
             "-John Doe finds that the race is tighter than it looks. [Post]",
             "-Ann Lee offers pollsters tips to improve their accuracy. [Post.]",
             "-Bo Chen looks at whether search trends predict votes. [Vox]"]
    assert clean(page("Volcano erupts on island", LEDE, MORE, *items)).paragraphs == (LEDE, MORE, *items)


@pytest.mark.parametrize("line, outlet", [
    ("KATHMANDU – Reuters", "Reuters"),
    ("MOSCOW --", None),
])
def test_a_dateline_alone_on_its_line_is_furniture(line, outlet):
    cleaned = clean(page("Volcano erupts on island", line, LEDE, MORE))
    assert cleaned.outlet == outlet
    assert cleaned.paragraphs == (LEDE, MORE)


@pytest.mark.parametrize("line", [
    "Kim and the president both called it a historic occasion. Photo / AP",
    "(Jane Roe/AFP/Getty Images)",
    "Scroll down to read the complete text",
    "More: Boys rescued from cave to be discharged from hospital",
    "c. 2015 Valley News Service",
    ":: Brexit timetable: Your guide to the next two years",
    "Media caption,",
    "Jane Roe-Smith/AFP",
    "Live updates",
    "Posted in: Politics, World",
    "Categories: Asia, Disasters",
])
def test_captions_credits_and_pointers(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize("line, is_date", [
    ("/ 12 June 2018", True), ("July 10, 2018 Updated: July 10, 2018", True),
    ("Posted at 9:10 AM, Mar 10, 2019", True), ("and last updated 2019-03-10 19:00:11-04", True),
    ("Published April 25, 2015 12:08PM (EDT)", True),
    ("The vote on June 12, 2018 was held at noon", False), ("Born on March 3, 2001 in Paris", False),
])
def test_more_date_lines(line, is_date):
    from generator.clean import is_dateline

    assert is_dateline(line) is is_date


def test_a_slash_in_a_headline_is_no_photo_credit():
    assert not is_boilerplate("Trump/Kim Summit Ends Early")


def test_foreign_widget_lines_and_menus_go_on_a_latin_script_page():
    cleaned = clean(page("Volcano erupts on island", "이 글자크기로 변경됩니다.", "1. Inhalt", "2. Navigation",
                         "3. Suche", LEDE, MORE))
    assert cleaned.title == "Volcano erupts on island"
    assert cleaned.paragraphs == (LEDE, MORE)


@pytest.mark.parametrize("prose", [
    "He said the company receives support from the state and would keep its plants open.",
    "Related to the case, police said three men were held on Monday night in the capital.",
    "Watch the skies tonight, the agency said in a statement to residents of the region.",
])
def test_prose_that_shares_words_with_notices_is_not_furniture(prose):
    assert not is_boilerplate(prose)


def test_body_prose_mentioning_furniture_words_stays():
    prose = ("The minister said the site uses cookies made by local bakers as gifts, and the article continues "
             "to be read widely by people who want to know what the source of the story was.")
    assert not is_boilerplate(prose)
    assert clean(page("Volcano erupts on island", LEDE, prose)).paragraphs == (LEDE, prose)


@pytest.mark.parametrize("line, name", [
    ("By Ana Ruiz, La Voz Reporter", "Ana Ruiz"),
    ("By Jane Doe, Associated Press", "Jane Doe"),
    ("Author: Janet Mateo", "Janet Mateo"),
    ("By Reuters News Service00", "Reuters News Service"),
    ("By Jane Doe and John Roe", "Jane Doe and John Roe"),
])
def test_byline_names(line, name):
    from generator.clean import bylines

    assert bylines(line) == [name]


@pytest.mark.parametrize("line, crumb", [
    ("Home > World > Asia", True),
    ("News | Politics | Europe", True),
    ("Home»World»Asia", True),
    ("Editors Say <b>Bold</b> Tags {{ Break }} Sites", False),  # markup in a headline
    ("Rates at 3/4 of 2024 levels/forecast", False),
])
def test_breadcrumb_separators_need_spaces_except_guillemets(line, crumb):
    from generator.clean.shapes import BREADCRUMB

    assert bool(BREADCRUMB.match(line)) == crumb


def test_unspaced_scripts_count_their_words_and_end_sentences_with_their_own_marks():
    from generator.clean.shapes import is_sentence, words

    assert words("北京市政府星期一宣布，将在未来五年内投资两百亿元扩建天津港的集装箱码头。") > 20
    assert is_sentence("政府は月曜日、拡張すると発表した。") and is_sentence("他说：“这很重要。”")
    assert not is_sentence("北京宣布新的港口扩建计划")
