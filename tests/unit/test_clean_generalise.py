"""More shapes of page furniture, each in the variants that sites in several languages write.

Self-written examples: skip-links and navigation widgets, page titles with a site suffix, decks,
a headline given only below the story, and leaks (related pointers, next-post links, trust and
funding notes, app prompts, comment forms) next to prose that must stay.
"""
import pytest

from generator.clean import clean, is_boilerplate, translation_note
from generator.clean.notes import UNNAMED_LANGUAGE

from tests.unit.volcano import LEDE, MORE, LAST, HEADLINE, page


@pytest.mark.parametrize("furniture", [
    "Skip navigation", "Jump to main content", "Skip to footer", "Accessibility links", "Accessibility help",
    "Toggle navigation", "Open menu", "Main menu", "Text size A A A", "You are here: Home » World",
    "Aller au contenu principal", "Zum Inhalt springen", "Ir al contenido", "Saltar al contenido",
    "انتقل إلى المحتوى", "Español | English", "EN | FR | AR", "Latest News",
])
def test_navigation_widgets_above_the_headline_are_not_the_headline(furniture):
    cleaned = clean(page(furniture, HEADLINE, LEDE, MORE, LAST))
    assert cleaned.title == HEADLINE
    assert cleaned.paragraphs == (LEDE, MORE, LAST)


@pytest.mark.parametrize("line, outlet", [
    ("Volcano erupts on island | News | Valley Times", "Valley Times"),
    ("Volcano erupts on island | World news | The Valley Guardian", "The Valley Guardian"),
])
def test_a_page_title_with_section_and_site_is_no_breadcrumb(line, outlet):
    for text in (page(line, LEDE, MORE), page(line, "Menu", HEADLINE, LEDE, MORE)):
        cleaned = clean(text)
        assert (cleaned.title, cleaned.outlet) == (HEADLINE, outlet)
        assert cleaned.paragraphs == (LEDE, MORE)
    assert is_boilerplate("Home | World | Volcano erupts on island")  # a breadcrumb ending in the headline


def test_the_headline_over_a_deck_and_byline_wins_and_the_byline_goes():
    deck = "Thousands flee as ash covers the villages"
    cleaned = clean(page(HEADLINE, deck, "By Jane Roe", "March 4, 2025", LEDE, MORE))
    assert cleaned.title == HEADLINE
    assert cleaned.paragraphs == (deck, LEDE, MORE)


def test_a_headline_below_the_sign_off_is_the_storys_when_it_matches_the_lede():
    story = ("JAKARTA - " + LEDE, MORE, LAST)
    cleaned = clean(page(*story, "- REUTERS", "Residents evacuated as volcano erupts on island", "Advertisement"))
    assert cleaned.title == "Residents evacuated as volcano erupts on island"
    assert cleaned.paragraphs == story
    # the next story's headline, with its own text under it, is not this story's
    other = clean(page(*story, "- REUTERS", "Floods cut roads on the northern coast",
                       "BANGKOK - Floods cut roads on the northern coast on Monday and left thousands of "
                       "families without power, officials said."))
    assert other.title is None
    # a line after the sign-off that shares no words with the story is no headline
    assert clean(page(*story, "- REUTERS", "Markets rally on strong earnings")).title is None


@pytest.mark.parametrize("line", [
    "You might also like", "Don't miss", "Also on Valley News", "Lire aussi : Un volcan entre en éruption",
    "Lire la suite", "Leer más", "Te puede interesar", "Noticias relacionadas", "Vous aimerez aussi",
    "Weiterlesen", "Mehr zum Thema", "Lesen Sie auch: Vulkan bricht aus", "Das könnte Sie auch interessieren",
    "Next post", "Previous article", "Next: Floods hit northern coast", "Trust Statement", "Fact checked",
    "This article is more than 2 years old",
    "The views expressed in this article are the author's own and do not reflect the site's stance.",
    "Have a news tip? Email us at tips@example.com", "(With inputs from agencies)", "With inputs from PTI",
    "This content was funded by the Example Foundation.", "Support for this reporting comes from the Example Fund.",
    "For more coverage of the eruption, follow Valley News on Twitter.", "Follow our live coverage of the eruption here.",
    "Open in app", "Listen to this story", "Accept cookies", "Cookie settings",
    "By using this site you agree to our Terms of Use.", "Please enable JavaScript to view the comments.",
    "Scroll to top",
])
def test_more_furniture_shapes(line):
    assert is_boilerplate(line)
    assert clean(page(HEADLINE, LEDE, MORE, line, LAST)).paragraphs == (LEDE, MORE, LAST)


@pytest.mark.parametrize("form", [
    ["Leave a Reply", "Your email address will not be published. Required fields are marked *", "Comment *",
     "Name *", "Email *", "Website", "Save my name, email, and website in this browser for the next time I comment."],
    ["Dejar una respuesta", "Tu dirección de correo electrónico no será publicada. Los campos obligatorios están "
     "marcados con *", "Comentario *", "Nombre *", "Guardar mi nombre, correo electrónico y web en este navegador."],
    ["Schreibe einen Kommentar", "Deine E-Mail-Adresse wird nicht veröffentlicht.", "Kommentar *", "Name *",
     "Meinen Namen, meine E-Mail-Adresse und meine Website in diesem Browser speichern."],
    ["أضف تعليقاً", "لن يتم نشر عنوان بريدك الإلكتروني."],
    ["Les commentaires sont fermés."], ["Los comentarios están cerrados."], ["Kommentare sind geschlossen."],
    ["Notify me of follow-up comments by email.", "This site uses Akismet to reduce spam."],
    ["Diese Website verwendet Cookies."], ["Ce site utilise des cookies."], ["Este sitio web utiliza cookies."],
    ["This material may not be published, broadcast, rewritten or redistributed."],
    ["A version of this article appears in print on March 5, 2025, Section A, Page 6."],
    ["Listen to Valley News briefings on your smart speaker."],
])
def test_comment_forms_cookie_and_syndication_notices_after_the_story_go(form):
    assert clean(page(HEADLINE, LEDE, MORE, LAST, *form)).paragraphs == (LEDE, MORE, LAST)


@pytest.mark.parametrize("prose", [
    "About us, he said, the government has forgotten everything.",
    "\"Share it with your neighbours,\" he said.",
    "Advertisements for the evacuation buses were posted in every village, residents said.",
    "\"We will continue reading the signs of the mountain,\" the chief scientist said on Tuesday.",
    "The app, which residents downloaded to get alerts, crashed on Monday night, officials said.",
    "Related cases were reported in two other provinces, the health ministry said.",
    "\"Don't miss your chance to leave,\" the governor told the crowd.",
])
def test_prose_with_furniture_words_stays(prose):
    assert clean(page(HEADLINE, LEDE, prose, MORE, LAST)).paragraphs == (LEDE, prose, MORE, LAST)


# ---------------------------------------------------------------------------------- outlets

@pytest.mark.parametrize("lede, outlet", [
    ("BERLIN (dpa) - " + LEDE, "dpa"),
    ("Berlin (dpa) - " + LEDE, "dpa"),
    ("New York (AFP) – " + LEDE, "AFP"),
    ("PARIS, 4 mars (AFP) - " + LEDE, "AFP"),
    ("MADRID, 4 Mar. (EUROPA PRESS) - " + LEDE, "EUROPA PRESS"),
    ("LAGOS, Nigeria, March 4 (NAN) – " + LEDE, "NAN"),
    ("NEW DELHI, March 4 (IANS) " + LEDE, "IANS"),
    ("DES MOINES, Iowa, Aug. 10 (UPI) — " + LEDE, "UPI"),
    ("Kyiv (Ukraine) – " + LEDE, None),  # a country in brackets is no agency
    ("Tokyo (Kyodo) -- " + LEDE, "Kyodo"),  # a capitalised agency after a city
    ("Moscow (Interfax) — " + LEDE, "Interfax"),
    ("Columbus (Ohio) — " + LEDE, None),  # a state in brackets is no agency either
    ("Sen. Ted Cruz (R-Texas) — " + LEDE, None),  # nor a party and state after a name
    ("KARACHI: " + LEDE, None),
])
def test_more_wire_datelines(lede, outlet):
    assert clean(page(HEADLINE, lede, MORE, LAST)).outlet == outlet


@pytest.mark.parametrize("line, owner", [
    ("Copyright 2025 Dow Jones & Company, Inc. All Rights Reserved.", "Dow Jones & Company, Inc."),
    ("© Copyright 2025 Bloomberg L.P.", "Bloomberg L.P."),
    ("© 2025 Valley News, LLC", "Valley News, LLC"),
    ("Copyright (c) 2025 Valley Post Co., Ltd.", "Valley Post Co., Ltd."),
    ("© 2025 Valley Media GmbH", "Valley Media GmbH"),
])
def test_copyright_owner_keeps_its_company_suffix(line, owner):
    cleaned = clean(page(HEADLINE, LEDE, MORE, LAST, line))
    assert cleaned.outlet == owner
    assert cleaned.paragraphs == (LEDE, MORE, LAST)


@pytest.mark.parametrize("line, outlet", [
    ("By Jane Roe | AFP", "AFP"),
    ("By Jane Roe (AFP)", "AFP"),
    ("By Jane Roe and John Doe, AP", "AP"),
    ("By The Associated Press", "The Associated Press"),
    ("By AFP", "AFP"),
    ("By Reuters Staff", "Reuters"),
    ("By Jane Roe, Valley Times Staff Writer", "Valley Times"),
    ("By Jane Roe", None),
    ("By Jane Roe, UK", None),
])
def test_bylines_naming_an_organisation(line, outlet):
    cleaned = clean(page(HEADLINE, line, LEDE, MORE, LAST))
    assert cleaned.outlet == outlet
    assert cleaned.paragraphs == (LEDE, MORE, LAST)


def test_a_prompt_names_the_outlet_with_its_article():
    assert clean(page(HEADLINE, LEDE, MORE, "Discover more from The Valley Ledger")).outlet == "The Valley Ledger"


# ---------------------------------------------------------------------------------- outlets named in passing

SAID = "The ministry said the figure was wrong and that the post had been shared widely online."


@pytest.mark.parametrize("paragraph, outlet", [
    ("Contacted by Valley Check, the ministry said the figure was wrong.", "Valley Check"),
    ("A resident told RFA's Uyghur Service that the village was empty.", "RFA"),
    ("The video could not be verified. But VNN could not independently verify the claims.", "VNN"),
    ("Reached by Valley News reporters, the mayor declined to comment.", "Valley News"),
    # what people told other newsrooms is no sign of whose page this is
    ("The governor told Reuters on Monday that the airport would stay open.", None),
    ("When contacted by Reuters, the ministry declined to comment.", None),
    ("In an interview with CNN, the mayor said the village was empty.", None),
    ("Contacted by telephone, the mayor declined to comment.", None),
    ("Contacted by the ministry, residents said they would leave.", None),
])
def test_the_outlets_own_reporting_voice_names_it(paragraph, outlet):
    assert clean(page(HEADLINE, LEDE, paragraph, MORE)).outlet == outlet


def test_own_voice_is_no_sign_when_another_newsroom_is_named_so():
    text = page(HEADLINE, LEDE, "Contacted by Valley Check, the ministry said the figure was wrong.",
                "The minister also told CNN that the post had been shared widely.", MORE)
    assert clean(text).outlet is None


def test_any_stronger_sign_outranks_the_passing_ones():
    text = page(HEADLINE, "BERLIN (dpa) - " + LEDE, "Contacted by Valley Check, the ministry said no.", MORE)
    assert clean(text).outlet == "dpa"


@pytest.mark.parametrize("caption, outlet", [
    ("Firefighters search a house in the town on July 10, 2018. (Valley Shimbun)", "Valley Shimbun"),
    ("A woman walks past the ash-covered market on Tuesday. (AP Photo/Jane Roe)", "AP"),
    ("A woman walks past the ash-covered market on Tuesday. (Getty Images)", None),
    ("A woman walks past the ash-covered market on Tuesday. (File photo)", None),
])
def test_a_caption_credit_names_the_outlet_when_nothing_else_does(caption, outlet):
    assert clean(page(HEADLINE, caption, LEDE, MORE, LAST)).outlet == outlet


def test_a_note_to_readers_names_the_site():
    note = ("Dear readers! We want to know what you think. Please fill out this form about what you would like "
            "to see more on Valley Voice. Many thanks for your time!")
    cleaned = clean(page(HEADLINE, LEDE, MORE, LAST, "Your opinion matters!", note))
    assert cleaned.outlet == "Valley Voice"
    # a story's sentence with the same words is no note
    assert clean(page(HEADLINE, LEDE, "Dear readers of Valley Voice, the mayor wrote, please leave now.", MORE)).outlet is None


# ---------------------------------------------------------------------------------- translation notes

@pytest.mark.parametrize("line, language", [
    ("Translated into English by Jane Roe", UNNAMED_LANGUAGE),
    ("Translation by our staff", UNNAMED_LANGUAGE),
    ("Translated by the Valley Voice team", UNNAMED_LANGUAGE),
    ("Translator: Jane Roe", UNNAMED_LANGUAGE),
    ("Translation and editing: Jane Roe", UNNAMED_LANGUAGE),
    ("The following is a translation of an article published in a weekly.", UNNAMED_LANGUAGE),
    ("Traducción: Jane Roe", UNNAMED_LANGUAGE),
    ("Traduit de l’espagnol par Jane Roe", UNNAMED_LANGUAGE),
    ("Übersetzung: Jane Roe", UNNAMED_LANGUAGE),
    ("ترجمة: جين رو", UNNAMED_LANGUAGE),
    ("This article was originally published in Spanish.", "Spanish"),
    ("This article was first published in Arabic by a weekly in Beirut.", "Arabic"),
    ("The text below has been translated from German.", "German"),
    ("Read the original in Spanish", "Spanish"),
    ("(Editor's note: This is a translation of an interview first published in Italian.)", "Italian"),
    # not notes: a story about translation, a widget, a sentence about another text
    ("The poem was translated into English by her son and read aloud at the funeral.", None),
    ("This page has been automatically translated.", None),
    ("Translation services are booming in the city, officials said.", None),
    ("The report was originally published in March by the ministry.", None),
    ("Read the original report in full on the ministry's website.", None),
])
def test_more_translation_notes(line, language):
    assert translation_note(line) == language
    cleaned = clean(page(HEADLINE, LEDE, MORE, LAST, line))
    assert (cleaned.translated_from is not None) == (language is not None)
    if language:
        assert line not in cleaned.paragraphs  # the note is metadata, never body text


# ---------------------------------------------------------------------------------- what follows the story

def test_related_stories_with_one_line_summaries_go():
    related = ["Related", "Floods hit northern coast", "Heavy rain cut roads and left thousands without power.",
               "Earthquake shakes capital", "A 5.6 magnitude quake shook buildings but caused no damage."]
    assert clean(page(HEADLINE, LEDE, MORE, LAST, *related)).paragraphs == (LEDE, MORE, LAST)
    # a related list inside the story: the story's next paragraph, long prose, stays
    inside = ["Related", "Floods hit northern coast", LAST]
    assert clean(page(HEADLINE, LEDE, MORE, *inside)).paragraphs == (LEDE, MORE, LAST)
    assert clean(page(HEADLINE, LEDE, MORE, *inside, "Tags: volcano, island")).paragraphs == (LEDE, MORE, LAST)


@pytest.mark.parametrize("under", ["By John Doe", "March 5, 2025"])
def test_the_next_post_on_a_listing_page_goes(under):
    nxt = ["Floods cut roads on the northern coast", under,
           "Heavy rain cut roads and left thousands of families without power on Monday, officials said, as "
           "rivers burst their banks.", "Rescue teams were sent to the worst-hit villages by boat, the agency said."]
    assert clean(page(HEADLINE, LEDE, MORE, LAST, *nxt)).paragraphs == (LEDE, MORE, LAST)


def test_a_timeline_sub_heading_over_a_date_stays():
    entry = ("Scientists raised the alert level after the mountain swelled and small quakes shook the "
             "villages on its slopes for three days.")
    text = page(HEADLINE, LEDE, MORE, LAST, "How the volcano erupted on the island", "March 1, 2025", entry)
    assert entry in clean(text).paragraphs


def test_an_about_heading_over_the_sites_blurb_goes_but_not_an_about_sub_heading():
    blurb = ["About Valley News", "Valley News is an independent news site founded in 2010 that covers the region."]
    assert clean(page(HEADLINE, LEDE, MORE, LAST, *blurb)).paragraphs == (LEDE, MORE, LAST)
    sub = ("The island is home to about 40,000 people, most of whom farm the fertile slopes of the "
           "mountain and sell their crops in the town.")
    assert sub in clean(page(HEADLINE, LEDE, MORE, "About the island", sub)).paragraphs


@pytest.mark.parametrize("headline", [
    "Twitter Accepts Musk's Offer to Buy the Company",
    "As Its Rivals Pair Up, Will Twitter Be Next?",
    "Saudi prince mocks minister on Twitter",
])
def test_a_headline_naming_a_social_network_or_written_with_commas_is_the_headline(headline):
    cleaned = clean(page(headline, LEDE, MORE))
    assert cleaned.title == headline.rstrip(".")
    assert cleaned.paragraphs == (LEDE, MORE)


@pytest.mark.parametrize("line, furniture", [
    ("Follow us on Twitter", True), ("Share on Facebook", True), ("Twitter: @valleynews", True),
    ("TWITTER.", True), ("Facebook/Jane Roe.", True), (".bio-text, .twitter-bio {", True),
    ("Trump took to Twitter to fire back at the senator:", False),
    ("During his attack, the gunman also posted messages on Facebook.", False),
])
def test_social_network_prompts_are_furniture_but_sentences_about_networks_are_not(line, furniture):
    assert is_boilerplate(line) is furniture


@pytest.mark.parametrize("line, furniture", [
    ('[caption id="attachment_12" align="alignnone" width="640"]', True), ("[/caption]", True),
    ("Image via Wikimedia Commons", True), ("Click to enlarge", True), ("toggle caption", True),
    ("Read the full story here", True), ("Sources: AFP, Reuters", True), ("Photos by Jane Roe", True),
    ("Photos by the ministry show the damage to the roads, officials said.", False),
    ("Read the full report, the minister said, before judging the plan.", False),
])
def test_image_widgets_and_credits_but_not_prose_about_photos(line, furniture):
    assert is_boilerplate(line) is furniture


def test_a_local_papers_page_furniture_all_goes():
    lines = ["Skip to main content", "Español", "English", "Menu", "Search", "Valley Herald",
             "Volcano erupts on island | Valley Herald", "Updated March 4, 2025 - 10:45 am", "By Jane Roe",
             "Special to the Valley Herald", LEDE, MORE, LAST, "Have a news tip? Email us at tips@example.com",
             "© 2025 Valley Herald. All rights reserved.", "Privacy Policy", "Terms of Service"]
    cleaned = clean(page(*lines))
    assert (cleaned.title, cleaned.outlet) == (HEADLINE, "Valley Herald")
    assert cleaned.paragraphs == (LEDE, MORE, LAST)


def test_a_blog_posts_widgets_all_go():
    lines = ["Home » Asia » Indonesia", "Video PlayerClose", HEADLINE, "Posted by admin on March 4, 2025",
             "Filed under: Asia, Disasters", LEDE, MORE, LAST, "Share this:", "Twitter", "Facebook", "Like this:",
             "Like Loading...", "Related"]
    cleaned = clean(page(*lines))
    assert cleaned.title == HEADLINE
    assert cleaned.paragraphs == (LEDE, MORE, LAST)
    assert not is_boilerplate("Meet YouTube")  # a brand's capitals are no glued widget labels


@pytest.mark.parametrize("line, outlet", [
    ("This article was originally published by The Conversation.", "The Conversation"),
    ("This article first appeared on Valley Voice.", "Valley Voice"),
    ("Republished with permission from Valley Voice.", "Valley Voice"),
    ("This article is republished from The Conversation under a Creative Commons license.", "The Conversation"),
])
def test_a_syndication_note_names_the_original_publisher_and_goes(line, outlet):
    cleaned = clean(page(HEADLINE, LEDE, MORE, LAST, line))
    assert cleaned.outlet == outlet
    assert cleaned.paragraphs == (LEDE, MORE, LAST)


@pytest.mark.parametrize("prose", [
    "The report was published by Human Rights Watch on Tuesday and found that dozens had died.",
    "This article was first published in March and has been updated.",
])
def test_sentences_about_other_publications_stay(prose):
    cleaned = clean(page(HEADLINE, LEDE, MORE, prose, LAST))
    assert prose in cleaned.paragraphs and cleaned.outlet is None


@pytest.mark.parametrize("line", ["By Web Desk", "By Admin", "By Staff Reporter", "By Our Correspondent"])
def test_a_desk_or_role_in_a_byline_is_no_outlet(line):
    assert clean(page(HEADLINE, line, LEDE, MORE, LAST)).outlet is None


def test_a_trending_list_above_the_headline_goes_and_the_headline_over_its_byline_stays():
    cleaned = clean(page("Trending", "Floods hit northern coast", "Markets rally on strong earnings", HEADLINE,
                         "By Jane Roe", LEDE, MORE))
    assert cleaned.title == HEADLINE
    assert cleaned.paragraphs == (LEDE, MORE)
