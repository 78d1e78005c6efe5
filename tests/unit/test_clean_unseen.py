"""Shapes of page furniture found on outlets the development corpus does not have.

Self-written examples of each shape, with prose that must stay: wire notes to editors, breaking-news
notices, widget errors, print mastheads, weather headers, desk bylines, credits under the headline,
closing credits, headlines closing the page, translation tags and widgets in another language.
"""
import pytest

from generator.clean import clean, is_boilerplate
from generator.clean.notes import UNNAMED_LANGUAGE

from tests.unit.volcano import LEDE, MORE, LAST, HEADLINE, page


@pytest.mark.parametrize("furniture", [
    "(ATTN: ADDS photo, more info in paras 7-10)",
    "(EDS: Updates with quotes from the governor)",
    "THIS IS A BREAKING NEWS UPDATE. Check back soon for further information. The earlier story is below.",
    "Join the conversation in our comments section below. Share your own views and",
    "This block is broken or missing. You may be missing content or you might need to enable the original module.",
    "Your browser does not support the video tag.",
    "Read in Russian here", "Read this article in Spanish",
    "(To receive our e-paper on WhatsApp daily, please click here. We permit sharing of the PDF.)",
    "Never miss a local story.", "Get daily National news", "Get breaking news alerts",
    "We’re only here thanks to you.",
    "/ On : 5:34 PM/ Thank you for visiting my small blog here. If you have a question, e-mail me.",
    "About Us . Get the Channel? . Contact Us . Valley Daily . Hill Times . Radio .",
    "Tu suscripción se está usando en otro dispositivo",
])
def test_notices_prompts_and_widgets_are_furniture(furniture):
    assert is_boilerplate(furniture)
    cleaned = clean(page(HEADLINE, LEDE, MORE, furniture, LAST))
    assert cleaned.paragraphs == (LEDE, MORE, LAST)


@pytest.mark.parametrize("prose", [
    "The mayor said he would join the conversation about the budget on Monday, and read the report in full.",
    "Residents who read in Russian can ask the city for a translated leaflet, the council said on Friday.",
    "Thank you for visiting our town, the mayor told the delegation, before showing them the flooded roads.",
])
def test_prose_with_the_same_words_stays(prose):
    assert not is_boilerplate(prose)
    assert prose in clean(page(HEADLINE, LEDE, prose, MORE)).paragraphs


@pytest.mark.parametrize("above", [
    "38.6c New Delhi, India, Wednesday, November 26, 2025",
    "21°C Springfield, Monday, March 3, 2025",
    "flood photo-1666964682755",
    "Nation & World", "Arts and Culture",
    "美国无码免费视频一区二区_亚洲最新国产无码AV_国产精品黄大片在线播放",
    "Ostankino tower at night. Photo courtesy of example.org",
])
def test_headers_file_names_section_labels_and_captions_are_not_the_headline(above):
    cleaned = clean(page(above, HEADLINE, LEDE, MORE, LAST))
    assert cleaned.title == HEADLINE
    assert cleaned.paragraphs == (LEDE, MORE, LAST)


@pytest.mark.parametrize("line", [
    "(LEAD) Volcano erupts on island", "(2nd LD) Volcano erupts on island", "UPDATE 2-Volcano erupts on island",
    "Volcano erupts on island 03-06-2004 13:26", "Volcano erupts on island [Read Order]",
    "Volcano erupts on island [VIDEO]",
])
def test_wire_tags_link_labels_and_date_stamps_are_not_part_of_the_headline(line):
    assert clean(page(line, LEDE, MORE, LAST)).title == HEADLINE


def test_a_headline_keeps_brackets_that_are_its_own_words():
    line = "Volcano (and ash) hits island"
    assert clean(page(line, LEDE, MORE, LAST)).title == line


def test_a_print_masthead_is_furniture_and_names_the_outlet():
    cleaned = clean(page("- Valley Voices - https://valleyvoices.org -", HEADLINE, LEDE, MORE))
    assert (cleaned.title, cleaned.outlet, cleaned.paragraphs) == (HEADLINE, "Valley Voices", (LEDE, MORE))


def test_a_desk_byline_under_a_deck_marks_the_headline_above_a_breaking_ticker():
    deck = "The ash cloud had sparked fears in the villages around the crater."
    cleaned = clean(page("BREAKING NEWS", "Storm hits coast, says weather officeFloods close schools in the north",
                         "India", "Updated on: Wednesday, January 19, 2022, 03:36 PM IST",
                         HEADLINE, deck, "VT Web Desk", LEDE, MORE))
    assert cleaned.title == HEADLINE
    assert cleaned.outlet == "VT"
    assert cleaned.paragraphs[-2:] == (LEDE, MORE)


def test_a_byline_with_the_date_and_a_comment_count_marks_the_headline_under_menus():
    cleaned = clean(page("Top Stories Supreme Court", "Political NEWS Legislative Corner Videos", HEADLINE,
                         "By Valley News Network 21 February, 2020 07:02 AM 1 Comments", LEDE, MORE, LAST))
    assert (cleaned.title, cleaned.outlet) == (HEADLINE, "Valley News Network")
    assert cleaned.paragraphs == (LEDE, MORE, LAST)


@pytest.mark.parametrize("credit, outlet", [
    ("Valley Times, Springfield", "Valley Times"),
    ("Valley News Agency WORLD", "Valley News Agency"),
    ("The Valley Press", "The Valley Press"),
    ("AFP - [email protected]", "AFP"),
    ("VNA - desk@vna.example.com", "VNA"),
    ("(Valley Shimbun: January 7, 2016 – p.22)", "Valley Shimbun"),
])
def test_a_credit_line_under_the_headline_names_the_outlet(credit, outlet):
    cleaned = clean(page(HEADLINE, credit, LEDE, MORE, LAST))
    assert (cleaned.title, cleaned.outlet) == (HEADLINE, outlet)
    assert cleaned.paragraphs == (LEDE, MORE, LAST)


def test_a_sister_papers_name_in_the_menu_does_not_outweigh_the_byline():
    text = page("Valley Radio", "Directory of businesses", HEADLINE, "By Jane Roe, Valley Courier Reporter", LEDE, MORE)
    assert clean(text).outlet == "Valley Courier"


def test_a_city_and_its_country_are_no_agency():
    cleaned = clean(page(HEADLINE, "The Associated Press", "MANILA, Philippines", LEDE, MORE, LAST))
    assert cleaned.outlet == "The Associated Press"


@pytest.mark.parametrize("end, outlet", [
    ("• VNA", "VNA"), ("— VNA", "VNA"),
])
def test_a_closing_credit_line_names_the_agency(end, outlet):
    assert clean(page(HEADLINE, LEDE, MORE, LAST, end)).outlet == outlet


def test_a_closing_dash_and_word_names_the_agency_unless_the_story_names_it():
    assert clean(page(HEADLINE, LEDE, MORE, LAST[:-1] + ". — Vanews")).outlet == "Vanews"
    quoted = "Ahmed said the villages were safe, and the road would open soon, he told the crowd. — Ahmed"
    assert clean(page(HEADLINE, LEDE, MORE, quoted)).outlet is None


def test_a_translated_excerpt_note_names_the_language_and_the_original_publisher():
    note = "This story excerpt was translated from Portuguese. To read the original story in full, visit Folha de Lisboa."
    cleaned = clean(page(note, LEDE, MORE, LAST))
    assert (cleaned.translated_from, cleaned.outlet) == ("Portuguese", "Folha de Lisboa")
    assert cleaned.paragraphs == (LEDE, MORE, LAST)


def test_a_translation_tag_above_the_story_marks_a_translation():
    cleaned = clean(page("print PRINT", HEADLINE, "• 2016-01-07 15:00:00", "• Translation", LEDE, MORE))
    assert cleaned.translated_from == UNNAMED_LANGUAGE
    assert clean(page(HEADLINE, LEDE, "Translation", MORE)).translated_from is None  # only above the story


def test_a_headline_closing_the_page_with_highlights_under_it():
    text = page("MANILA: " + LEDE, MORE, LAST, "Residents evacuated as volcano erupts on island",
                "Residents evacuated as volcano erupts on island",
                "- The mountain had last erupted twelve years ago", "- Airlines were told to be careful")
    cleaned = clean(text)
    assert cleaned.title == "Residents evacuated as volcano erupts on island"
    assert cleaned.paragraphs == ("MANILA: " + LEDE, MORE, LAST)


def test_a_closing_line_of_other_words_is_no_headline():
    cleaned = clean(page(LEDE, MORE, LAST, "Parliament approves the new budget"))
    assert cleaned.title is None


def test_a_widget_in_another_language_closing_an_english_page_goes():
    widget = ("Tu cuenta se está usando en otro dispositivo y solo puedes leer desde un dispositivo a la vez.",
              "Si quieres compartir tu cuenta, cambia a la modalidad que te permite leer en otro dispositivo.")
    cleaned = clean(page(HEADLINE, LEDE, MORE, LAST, *widget))
    assert cleaned.paragraphs == (LEDE, MORE, LAST)


def test_one_quotation_in_another_language_stays():
    quote = "“No es justo que se vayan sin nada y que la ciudad no haga nada por ellos”, dijo una vecina."
    cleaned = clean(page(HEADLINE, LEDE, MORE, LAST, quote))
    assert cleaned.paragraphs[-1] == quote


def test_a_related_teaser_cut_with_an_ellipsis_goes():
    cleaned = clean(page(HEADLINE, LEDE, MORE, LAST, "Check Also", "Storm hits the coast",
                         "Springfield, VNA-Ten people were injured when a storm hit the …"))
    assert cleaned.paragraphs == (LEDE, MORE, LAST)


def test_a_drop_cap_shortcode_goes_and_its_letter_stays():
    cleaned = clean(page(HEADLINE, "[dropcap]H[/dropcap]" + LEDE[1:], MORE))
    assert cleaned.paragraphs == (LEDE, MORE)


def test_a_credit_line_under_a_quoted_deck_still_names_the_outlet():
    deck = "“Two suspects have been held and brought to a police station,” the agency said, quoting the police."
    cleaned = clean(page(HEADLINE, deck, "HT Correspondent", "Valley Times, Springfield", LEDE, MORE))
    assert cleaned.outlet == "Valley Times"
    assert "Valley Times, Springfield" not in cleaned.paragraphs


def test_a_language_service_reporting_is_the_outlets_own_voice():
    lede = "Police in the capital have detained an opposition activist, VRL's Russian Service reports."
    assert clean(page("MOSCOW --", lede, MORE, LAST)).outlet == "VRL"
    told = "Police in the capital have detained an opposition activist, a lawyer told VRL's Russian Service."
    assert clean(page(lede, told, MORE)).outlet == "VRL"


@pytest.mark.parametrize("furniture", [
    "165 total views today", "1,204 views", "Close this search box.", "English Edition", "Bandera inglesa", "English flag",
    "Breaking News, readers can now work from home and get paid in dollars, click hereto apply today.",
])
def test_counters_search_boxes_edition_switches_flags_and_click_here_ads_are_furniture(furniture):
    assert is_boilerplate(furniture)
    assert clean(page(HEADLINE, LEDE, MORE, furniture, LAST)).paragraphs == (LEDE, MORE, LAST)


@pytest.mark.parametrize("prose", [
    "The paper launched its English edition in 2010 and now sells in six countries, the editor said.",
    "“Just click here and the form is sent,” the minister said, showing the new website to reporters.",
])
def test_prose_about_editions_and_clicks_stays(prose):
    assert not is_boilerplate(prose)


def test_a_byline_of_initials_with_dates_without_spaces_names_the_outlet():
    cleaned = clean(page("You are here", HEADLINE, "By VT - Oct 19,2020 - Last updated at Oct 20,2020", LEDE, MORE))
    assert (cleaned.title, cleaned.outlet, cleaned.paragraphs) == (HEADLINE, "VT", (LEDE, MORE))


def test_a_date_line_with_an_ordinal_and_a_link_label_is_furniture():
    cleaned = clean(page(HEADLINE, "11th Sunday, September 2022 - 23:59 UTC Full article", LEDE, MORE))
    assert cleaned.paragraphs == (LEDE, MORE)


@pytest.mark.parametrize("masthead, outlet", [
    ("NEWS AGENCY OF VALLEYLAND", "News Agency of Valleyland"), ("Valley Times", "Valley Times"),
])
def test_a_masthead_atop_the_page_names_the_outlet_and_is_not_the_headline(masthead, outlet):
    cleaned = clean(page(masthead, HEADLINE, "165 total views today", "By Jane Roe", LEDE, MORE))
    assert (cleaned.title, cleaned.outlet, cleaned.paragraphs) == (HEADLINE, outlet, (LEDE, MORE))


def test_a_headline_shaped_like_a_masthead_stays_the_headline():
    assert clean(page("Rising Tennis Star", LEDE, MORE)).title == "Rising Tennis Star"


@pytest.mark.parametrize("lede, outlet", [
    ("Valley News - " + LEDE, "Valley News"),
    ("Springfield, Mar 30 (Valley Latina) " + LEDE, "Valley Latina"),
    ("Valleyday gathered that " + LEDE[0].lower() + LEDE[1:], "Valleyday"),
])
def test_the_lede_names_the_outlet(lede, outlet):
    assert clean(page(HEADLINE, lede, MORE, LAST)).outlet == outlet


def test_a_city_and_a_country_in_brackets_after_a_date_are_no_agency():
    assert clean(page(HEADLINE, "Springfield, Mar 30 (Ukraine) " + LEDE, MORE)).outlet is None


@pytest.mark.parametrize("furniture", [
    "0 seconds of 0 secondsVolume 0%", "Press shift question mark to access a list of keyboard shortcuts",
    "The above images are all from the Associated Press.",
])
def test_video_player_text_and_image_credits_are_furniture(furniture):
    assert is_boilerplate(furniture)


def test_a_closing_source_line_naming_a_newsroom_names_the_outlet():
    assert clean(page(HEADLINE, LEDE, MORE, LAST, "Source: Valley Press Agency")).outlet == "Valley Press Agency"
    assert clean(page(HEADLINE, LEDE, MORE, LAST, "Source: Jane Roe")).outlet is None  # a person, not a newsroom


def test_a_teaser_over_its_date_in_a_related_list_is_not_the_headline():
    cleaned = clean(page("More Top Stories", "National", "Athletics", "Storm hits the coast", "11 November 2022",
                         HEADLINE, "Thursday 15 February 2018 | Published in Regional", "Share", LEDE, MORE))
    assert cleaned.title == HEADLINE
    assert cleaned.paragraphs == (LEDE, MORE)


@pytest.mark.parametrize("kicker", ["ICC T20 World Cup", "Africa news", "Exclusive"])
def test_a_label_above_a_longer_headline_is_a_kicker(kicker):
    headline = "Residents evacuated as volcano erupts on island"
    assert clean(page(kicker, headline, LEDE, MORE)).title == headline


def test_a_short_headline_written_as_a_phrase_is_kept_over_its_deck():
    deck = "Police urge residents to leave the villages below the crater"
    assert clean(page("No backing down", deck, LEDE, MORE)).title == "No backing down"


def test_a_headline_line_over_a_long_paragraph_is_no_hard_wrap():
    lede = " ".join([LEDE, MORE, LAST])
    cleaned = clean(HEADLINE + "\n" + lede)
    assert cleaned.title == HEADLINE
    assert cleaned.paragraphs == (lede,)


def test_hard_wrapped_paragraphs_are_still_joined():
    wrapped = ("Hundreds of residents were evacuated on Tuesday after a volcano\non the island erupted, "
               "officials said, but no casualties were\nreported in the nearby villages.")
    more = ("The mountain had last erupted twelve years ago, and experts\nsaid a team had been sent to "
            "watch the crater and warn the\nvillages if the ash column grew any higher.")
    cleaned = clean(page(HEADLINE, wrapped, more))
    assert cleaned.paragraphs == (LEDE, MORE)
