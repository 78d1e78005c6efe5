"""Tests for generator.quotes.extract_quotes."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.quotes import extract_quotes

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_fbda28e532f9d5ad.txt"


def _texts(paragraphs, language="en"):
    return [q.text for q in extract_quotes(paragraphs, language)]


def _one(paragraphs, language="en"):
    quotes = extract_quotes(paragraphs, language)
    assert len(quotes) == 1, quotes
    return quotes[0]


# ----------------------------------------------------------------------------- the seed


def _seed_body() -> list[str]:
    text = SEED.read_text(encoding="utf-8")
    body = text.split("The article is a translation of the original Arabic.")[0]
    paragraphs = [p.strip() for p in body.split("\n\n") if p.strip()]
    return paragraphs[1:]  # drop the headline


@pytest.mark.skipif(not SEED.exists(), reason="seed article not present")
def test_seed_article_exact_quotes():
    quotes = extract_quotes(_seed_body())
    expected = [
        ("Alaa al-Nashoua", "Iraqi strategic expert",
         "Iran considers the Iraqi arena part of its national security … given the political",
         "equations in the region."),
        ("Rafid al-Atwani", "Iraqi political researcher",
         "The shift we’ve seen", "with the United States … This is extremely serious. This time,"),
        ("Amer al-Sabayleh", "International strategic expert",
         "The idea of shifting the crisis", "only remaining front in this confrontation."),
        ("Amer al-Sabayleh", "International strategic expert",
         "Iran knows the coming confrontation is decisive.", "an arsenal that could be deployed."),
        ("Mohammed Shia’ al-Sudani", "Iraqi Prime Minister",
         "Iraq will not be an arena for any country’s influence",
         "and we respect our relations with all states."),
        ("Talha al-Dosari", "director of the Iraq Center for Future Studies (ICFS)",
         "The elevation of Iran’s Iraqi proxies", "in the context of a potential war"),
    ]
    assert len(quotes) == 6, [q.text[:40] for q in quotes]
    for quote, (speaker, role, start, end) in zip(quotes, expected):
        assert quote.speaker == speaker
        assert quote.role == role
        assert quote.text.startswith(start)
        assert end in quote.text
    assert "effectively ended … All arenas adjacent" in quotes[2].text
    assert "‘unity of fronts’" in quotes[2].text
    assert "to play … That’s why" in quotes[3].text
    assert quotes[1].text.endswith("operating outside state control.")
    texts = [q.text for q in quotes]
    for term in ("mujahideen", "Awliya al-Dam", "missile city", "The Islamic Resistance in Iraq",
                 "unity of fronts"):
        assert all(t.strip(",") != term for t in texts)
    assert [q.paragraph for q in quotes] == sorted(q.paragraph for q in quotes)


# ----------------------------------------------------------------------------- marks


def test_straight_and_curly_marks():
    assert _texts(['"We will rebuild the bridge," the mayor said.']) == ["We will rebuild the bridge"]
    assert _texts(["“We will rebuild the bridge,” the mayor said."]) == ["We will rebuild the bridge"]


def test_mismatched_marks_pair():
    assert _texts(['“Prices will keep rising," the economist warned.']) == ["Prices will keep rising"]
    assert _texts(['"Prices will keep rising,” the economist warned.']) == ["Prices will keep rising"]


def test_single_marks_and_apostrophes():
    text = "‘We don’t negotiate with anyone’s proxies,’ the minister said."
    assert _texts([text]) == ["We don’t negotiate with anyone’s proxies"]


def test_apostrophes_are_not_quotes():
    assert _texts(["Iran’s leaders didn’t comment on the voters’ concerns about Shia’ parties."]) == []


def test_doubled_apostrophes():
    text = "''We are not going anywhere,'' Mr. Hale said on Tuesday."
    quote = _one([text])
    assert quote.text == "We are not going anywhere"
    assert quote.speaker == "Mr. Hale"


def test_guillemets():
    assert _texts(["«Nous resterons ici», a déclaré le ministre."], "fr") == ["Nous resterons ici,"] or \
        _texts(["«Nous resterons ici», a déclaré le ministre."], "fr") == []


# ----------------------------------------------------------------------------- structure


def test_interrupted_quote_joined():
    quote = _one(["“The talks failed,” she said, “but we will try again next week.”"])
    assert quote.text == "The talks failed … but we will try again next week."


def test_interrupted_quote_after_full_stop():
    paragraphs = [
        "Maria Lopez, a spokeswoman for the port authority, spoke after the storm.",
        "“The docks are closed,” Lopez said. “Nobody will work there until the inspection ends.”",
    ]
    quote = _one(paragraphs)
    assert quote.text == "The docks are closed … Nobody will work there until the inspection ends."
    assert quote.speaker == "Maria Lopez"
    assert quote.role == "a spokeswoman for the port authority"


def test_two_speakers_in_one_paragraph_stay_separate():
    paragraph = "“We won,” said coach Paul Reyes. “They cheated,” said rival coach Dan Moss."
    quotes = extract_quotes([paragraph])
    assert [q.speaker for q in quotes] == ["Paul Reyes", "Dan Moss"]


def test_multi_paragraph_quote():
    paragraphs = [
        "Union leader Joan Park said: “We asked for a fair wage and got nothing.",
        "“We will strike on Monday unless the company returns to the table.”",
        "The company declined to comment.",
    ]
    quote = _one(paragraphs)
    assert quote.paragraph == 0 and quote.end_paragraph == 1
    assert quote.text.startswith("We asked for a fair wage")
    assert quote.text.endswith("returns to the table.")
    assert quote.speaker == "Joan Park"
    assert paragraphs[1][quote.end] == "”"


def test_unclosed_quote_runs_to_paragraph_end():
    paragraphs = ["Senator Ann Cole said: “We will not support this budget in its current form."]
    quote = _one(paragraphs)
    assert quote.text == "We will not support this budget in its current form."
    assert quote.speaker == "Ann Cole"


def test_offsets_point_at_marks():
    paragraph = "The mayor added, “We will rebuild every home that was lost.”"
    quote = _one([paragraph])
    assert paragraph[quote.start] == "“"
    assert paragraph[quote.end] == "”"
    assert quote.end_paragraph is None


# ----------------------------------------------------------------------------- speakers


def test_speaker_after_quote_verb_first_with_role():
    quote = _one(["“The economy is slowing,” said Canadian economist Lena Hart."])
    assert quote.speaker == "Lena Hart"
    assert quote.role == "Canadian economist"


def test_speaker_before_quote_with_colon():
    quote = _one(["Defense Minister Karl Braun said: “Our troops will stay.”"])
    assert quote.speaker == "Karl Braun"
    assert quote.role == "Defense Minister"


def test_speaker_with_that_clause():
    paragraphs = ["Foreign Minister Ali Rahimi spoke on Sunday, when he stressed that “Our borders are closed to smugglers.”"]
    quote = _one(paragraphs)
    assert quote.speaker == "Ali Rahimi"
    assert quote.role == "Foreign Minister"


def test_apposition_role_and_surname_resolution():
    paragraphs = [
        "Sen. Tom Baker, a Democrat from Ohio, said the bill was flawed.",
        "“It punishes the wrong people,” Baker told reporters.",
    ]
    quote = _one(paragraphs)
    assert quote.speaker == "Tom Baker"
    assert quote.role == "a Democrat from Ohio"


def test_apposition_role_preferred_over_title_after_quote():
    quote = _one(["“It punishes the wrong people,” said Sen. Tom Baker, a Democrat from Ohio."])
    assert (quote.speaker, quote.role) == ("Tom Baker", "a Democrat from Ohio")


def test_pre_name_phrase_is_the_role_without_apposition():
    quote = _one(["Former Ohio Sen. Tom Baker said: “It punishes the wrong people.”"])
    assert (quote.speaker, quote.role) == ("Tom Baker", "Former Ohio Sen.")


def test_pronoun_resolves_to_last_named_person():
    paragraphs = [
        "Analyst Rosa Diaz argues that the ceasefire will not hold.",
        "“Both sides are rearming,” she added.",
    ]
    quote = _one(paragraphs)
    assert quote.speaker == "Rosa Diaz"
    assert quote.role == "Analyst"


def test_pronoun_after_non_quote_mention():
    paragraphs = [
        "Trade expert Omar Haddad considers the tariffs a mistake.",
        "Haddad argues that exporters will suffer first.",
        "“Farmers will pay the price,” he said.",
    ]
    assert _one(paragraphs).speaker == "Omar Haddad"


def test_organisation_speaker():
    quote = _one(["“We will continue our operations,” the militia said in a statement."])
    assert quote.speaker == "the militia"


def test_anonymous_speaker_is_not_a_name():
    paragraphs = [
        "President Maria Santos met the delegation on Monday.",
        "“Nothing was agreed,” a senior official said.",
    ]
    assert _one(paragraphs).speaker is None


def test_description_resolves_to_matching_role():
    paragraphs = [
        "Finance Minister Hugo Brandt presented the budget on Monday.",
        "“The deficit will shrink,” the minister said.",
    ]
    assert _one(paragraphs).speaker == "Hugo Brandt"


def test_according_to():
    quote = _one(["“The vote was rigged,” according to opposition leader Sam Okoro."])
    assert quote.speaker == "Sam Okoro"


def test_transcript_label():
    paragraphs = ["Moderator Chris Wallace opened the debate.", "WALLACE: Let me begin with the economy tonight."]
    quote = _one(paragraphs)
    assert quote.speaker == "Chris Wallace"
    assert quote.text == "Let me begin with the economy tonight."


# ----------------------------------------------------------------------------- terms


def test_scare_quotes_are_not_quotations():
    paragraphs = [
        "The group urged those it called “volunteers” to gather near the “green zone” at dawn.",
        "Fighters operating under the banner “The Southern Shield,” later claimed the attack.",
        "A faction calling itself “Sons of the River” posted a video.",
    ]
    assert _texts(paragraphs) == []


def test_nested_quote_stays_inside():
    quote = _one(["“They call it the ‘axis of resistance’ but it is collapsing,” the analyst said."])
    assert "‘axis of resistance’" in quote.text


def test_full_sentence_quote_without_cue_is_kept():
    # a paragraph that is only a quotation, right after an attributed one, goes on it (the
    # speaker goes on; PolNeAR's annotators make it one quotation)
    paragraphs = [
        "“We are prepared for every scenario,” said army spokesman Idris Salem.",
        "“Nobody should doubt our resolve.”",
    ]
    quotes = extract_quotes(paragraphs)
    assert [(q.text, q.speaker, q.paragraph, q.end_paragraph) for q in quotes] == [
        ("We are prepared for every scenario Nobody should doubt our resolve.", "Idris Salem", 0, 1)]
    # after a quotation with no cue of its own, or after one continuation, paragraphs stay apart
    paragraphs += ["“We will hold the line.”", "The army did not say more.", "“Calm is returning,” he said.",
                   "“Shops are open.”"]
    quotes = extract_quotes(paragraphs)
    assert [q.text for q in quotes] == [
        "We are prepared for every scenario Nobody should doubt our resolve.", "We will hold the line.",
        "Calm is returning Shops are open."]
    assert [q.speaker for q in quotes] == ["Idris Salem"] * 3


# ----------------------------------------------------------------------------- other languages


def test_arabic_attribution():
    quote = _one(["وقال وزير الخارجية أحمد سالم: «لن نسمح بأي تدخل في شؤوننا الداخلية»."], "ar")
    assert quote.text == "لن نسمح بأي تدخل في شؤوننا الداخلية"
    assert quote.speaker == "أحمد سالم"
    assert quote.role == "وزير الخارجية"


def test_arabic_name_then_role_in_apposition():
    quote = _one(["قال أحمد سالم، وزير الخارجية، إن «الحكومة لن تتراجع عن قرارها»."], "ar")
    assert (quote.speaker, quote.role) == ("أحمد سالم", "وزير الخارجية")
    assert quote.text == "الحكومة لن تتراجع عن قرارها"


def test_arabic_cue_after_quotation_and_curly_marks():
    quote = _one(["“سنواصل العمل حتى النهاية”، قالت سارة علي، المتحدثة باسم الوزارة."], "ar")
    assert (quote.speaker, quote.role) == ("سارة علي", "المتحدثة باسم الوزارة")


def test_arabic_added_and_description_resolve_to_last_speaker():
    paragraphs = ["وقال رئيس الوزراء محمد كريم في مؤتمر صحفي: «لن يكون بلدنا ساحة لأحد».",
                  "وأضاف: «سنحمي حدودنا بكل الوسائل المتاحة».",
                  "وأكد رئيس الوزراء أن «الحوار هو الطريق الوحيد»."]
    quotes = extract_quotes(paragraphs, "ar")
    assert [(q.speaker, q.role) for q in quotes] == [("محمد كريم", "رئيس الوزراء")] * 3


def test_arabic_verbs_pointing_out_and_stressing():
    quote = _one(["وأشار الباحث السياسي رافد سعيد إلى أن «التحول خطير جدا هذه المرة»."], "ar")
    assert (quote.speaker, quote.role) == ("رافد سعيد", "الباحث السياسي")
    quote = _one(["وصرّح المحلل عمر ناصر: «الأزمة ستطول»."], "ar")
    assert (quote.speaker, quote.role) == ("عمر ناصر", "المحلل")


def test_arabic_anonymous_source_and_term():
    assert _one(["وقال مسؤول كبير: «المفاوضات متعثرة منذ أسابيع»."], "ar").speaker is None
    assert _texts(["أطلقت الجماعة على نفسها اسم «أبناء النهر» في بيان مصور."], "ar") == []


def test_other_language_has_no_speaker():
    quotes = extract_quotes(["Der Minister sagte: „Wir werden die Brücke wieder aufbauen.“"], "de")
    assert all(q.speaker is None for q in quotes)


# ----------------------------------------------------------------------------- robustness


def test_long_paragraph_is_fast():
    paragraph = ("“Word after word,” he said, and " * 20000) + "“" + "x " * 200000
    quotes = extract_quotes([paragraph, "'" * 100000, '"' * 100000, "a ’ b ‘ " * 50000])
    # every “Word after word” is one quotation of the first paragraph; the unclosed tail and
    # the runs of bare marks are not quotations
    assert len(quotes) == 20000
    assert {(q.paragraph, q.text) for q in quotes} == {(0, "Word after word")}
    assert [q.start for q in quotes] == [32 * i for i in range(20000)]


@pytest.mark.parametrize("paragraph", [
    "قال في الوزارة، وزير الخارجية: «سنعمل على إنهاء الأزمة في أقرب وقت ممكن».",
    "وقال في المؤتمر، المتحدث باسم الحكومة: «لن نقبل بأي شروط مسبقة على الإطلاق».",
])
def test_arabic_speaker_phrase_with_no_name_gives_no_speaker(paragraph):
    quote = _one([paragraph], "ar")
    assert quote.speaker is None


def test_no_quotation_has_an_empty_speaker():
    paragraphs = ["قال في الوزارة، وزير الخارجية: «سنعمل على إنهاء الأزمة في أقرب وقت ممكن».",
                  "“We will rebuild,” said , the mayor.", "“Not now,” , said."]
    for language in ("en", "ar", "fr"):
        for quote in extract_quotes(paragraphs, language):
            assert quote.speaker is None or quote.speaker.strip()


@pytest.mark.parametrize("paragraph, speaker", [
    ("Ruiz said on Twitter on Monday, in reference to her first child, a girl born in 2014, "
     "“Next summer, Lina is going to be a big sister!”", "Ruiz"),
    ("Lund wrote in a letter to the board, dated June 3, “We will not sell the harbour.”", "Lund"),
])
def test_cue_object_may_contain_commas(paragraph, speaker):
    assert _one(["Intro line.", paragraph]).speaker == speaker


def test_capitalised_word_after_the_mark_is_not_a_verb_first_cue():
    # "State" is also a speech verb ("state"), but capitalised it opens the speaker's title
    quote = _one(["Intro line.", "“We take our duties very seriously,” State spokesman Carl Lund said Friday."])
    assert quote.speaker == "Carl Lund"


def test_and_after_an_abbreviated_title_does_not_end_the_speaker_phrase():
    quote = _one(["Intro line.", "“He is reprising that role,” said former Vermont Gov. and Harbour Club "
                  "Chairman Carl Lund."])
    assert quote.speaker == "Carl Lund"


def test_relative_clause_before_the_verb_does_not_hide_the_speaker():
    quote = _one(["Intro line.", "\"We need more boats,\" Carl Lund, 30, of Dayton, who was among those polled, "
                  "said in an interview."])
    assert quote.speaker == "Carl Lund"
    quote = _one(["Intro line.", "\"We need more boats,\" Carl Lund, 30, of Dover, N.H., who was among those "
                  "polled, said in an interview."])
    assert quote.speaker == "Carl Lund"


def test_show_title_with_small_words_in_the_gap_is_not_a_quotation():
    quotes = extract_quotes(["Intro line.", "\"The board should be working to change it,\" Lund said on NBC's "
                             "\"Evenings with Ana Ruiz.\" \"And the mayor is not going to give in.\""])
    assert len(quotes) == 1
    assert quotes[0].speaker == "Lund"
    assert "Evenings" not in quotes[0].text and "give in" in quotes[0].text


def test_stray_space_after_a_curly_opening_mark():
    quote = _one(["Intro line.", "Ruiz said: “ You know, the harbour is closed.”"])
    assert (quote.text, quote.speaker) == ("You know, the harbour is closed.", "Ruiz")
    quotes = extract_quotes(["Intro line.", "“I think he is right,” Ruiz said. “ You know, the tide is turning.”"])
    assert len(quotes) == 1 and quotes[0].text.endswith("the tide is turning.")


@pytest.mark.parametrize("paragraph", [
    "The crowd marched to the harbour, chanting, “Open the docks,” and “Bring back the ferry.”",
    "Ruiz told the board, “We are ready to vote,” and, “Nobody here is afraid of the result.”",
    "The questions ranged from polite to hostile: \"Is it time to sell the boats?\" . . . \"Have you lost the port?\"",
    "The callers were blunt: “Why is the ferry late?” … “Who pays for the new dock?”",
])
def test_list_of_quotations_after_one_cue_is_one_quotation(paragraph):
    quote = _one(["Intro line.", paragraph])
    assert " … " in quote.text


@pytest.mark.parametrize("paragraph, speaker", [
    ("Senator Ana Ruiz, Republican of Vermont, called over her shoulder, ''His comments are not helping.''",
     "Ana Ruiz"),
    ("“This is fantastic!” beamed Carl Lund, a delegate from Dayton.", "Carl Lund"),
    ("Lund advised, “Never sail alone after dark.”", "Lund"),
])
def test_manner_of_speaking_verbs_are_cues(paragraph, speaker):
    assert _one(["Intro line.", paragraph]).speaker == speaker


@pytest.mark.parametrize("paragraph, speaker", [
    ("At a rally in Dayton, Ohio, on Saturday, fans pushed a protester, with Lund reportedly yelling: "
     "“Get him out of here!”", "Lund"),
    ("Ever since she endorsed Mr. Lund, Ms. Ruiz has been a busy surrogate, visiting offices with a "
     "simple message: ''Don't mess this up!''", "Ms. Ruiz"),
    ("The debate was so calm that Mr. Lund was prompted to say, ''So far, I cannot believe how civil it is.''",
     "Mr. Lund"),
])
def test_speaker_of_a_participle_or_infinitive_cue(paragraph, speaker):
    assert _one(["Intro line.", paragraph]).speaker == speaker


@pytest.mark.parametrize("paragraph, speaker", [
    ("But Ruiz pushed back at the hearing: “We will never sell.”", "Ruiz"),
    ("And Mr. Lund shrugged: “We will never sell.”", "Mr. Lund"),
])
def test_leading_conjunction_is_not_part_of_the_subject(paragraph, speaker):
    assert _one(["Intro line.", paragraph]).speaker == speaker


@pytest.mark.parametrize("paragraph", [
    "\"I think Lund would be the best pick, but he has no chance,\" Ruiz said on NBC's \"Morning Talk,\" adding, "
    "\"Lund is an insider in an outsider year.\"",
    "\"If she picks the judges, nothing you can do,\" Lund said before adding: \"Though the harbour people, maybe.\"",
    "“Too forced?” she wrote after the debate, remarking, “Thank you, and may the tide be with you.”",
])
def test_second_speech_act_in_the_gap_keeps_two_quotations(paragraph):
    assert len(extract_quotes(["Intro line.", paragraph])) == 2


def test_second_quotation_after_said_may_run_into_the_writers_words():
    quote = _one(["Intro line.", "\"There are a lot of quiet harbour voters,\" said Ana Ruiz, a pollster. "
                  "\"They agree with him on issues, but they aren't there yet\" to support him."])
    assert quote.speaker == "Ana Ruiz"
    assert quote.text.endswith("they aren't there yet")


def test_name_before_two_appositions_is_the_speaker():
    quote = _one(["Intro line.", "But Carl Lund, the president of Harbour Watch, a group that has sued to obtain "
                  "records, said that ''the damage is done and cannot be undone.''"])
    assert quote.speaker == "Carl Lund"


def test_empty_input():
    assert extract_quotes([]) == ()
    assert extract_quotes(["", "   "]) == ()


_PIECES = st.sampled_from(list("ab A B.,:;!?'\"“”‘’«»„ —\u00a0é") + ["said", " he said", "al-", "''",
                                                                      "Sen. ", "WALLACE: ", "قال "])
_PARAGRAPH = st.one_of(st.lists(_PIECES, max_size=40).map("".join), st.text(max_size=60))


@settings(max_examples=300, deadline=None)
@given(st.lists(_PARAGRAPH, max_size=6), st.sampled_from(["en", "ar", "fr"]))
def test_never_raises_and_indices_valid(paragraphs, language):
    quotes = extract_quotes(paragraphs, language)
    assert isinstance(quotes, tuple)
    for q in quotes:
        assert 0 <= q.paragraph < len(paragraphs)
        assert 0 <= q.start <= len(paragraphs[q.paragraph])
        last = q.end_paragraph if q.end_paragraph is not None else q.paragraph
        assert q.paragraph <= last < len(paragraphs)
        assert 0 <= q.end <= len(paragraphs[last])
        if last == q.paragraph:
            assert q.start <= q.end
        assert q.text
    assert extract_quotes(paragraphs, language) == quotes


# ----------------------------------------------------------------------------- sentence subjects


def test_participle_cue_gives_sentence_subject():
    paragraphs = ["Hours later, Governor Dana Price toured the flooded district, telling reporters, "
                  "“We will rebuild every street.”"]
    assert _one(paragraphs).speaker == "Dana Price"


def test_second_verb_of_the_sentence():
    paragraphs = ["Mayor Luis Ortega said the budget was tight and added, “Nobody will lose a job this year.”"]
    assert _one(paragraphs).speaker == "Luis Ortega"


def test_colon_after_a_clause_without_speech_verb():
    paragraphs = ["Councilwoman Ruth Abara", "Ruth Abara pushed back at the hearing:",
                  "“This plan ignores the families who live by the river.”"]
    assert extract_quotes(paragraphs)[0].speaker == "Ruth Abara"


def test_time_words_are_not_the_speaker():
    paragraphs = ["Senator Paul Irving spoke twice this week.",
                  "Irving later Thursday told local radio: “The vote will happen before the recess.”"]
    assert _one(paragraphs).speaker == "Paul Irving"


def test_passive_cue_gives_no_speaker():
    paragraphs = ["Candidate Mia Stone toured the factory.",
                  "Stone was asked, “Will you raise taxes on small firms?”"]
    assert _one(paragraphs).speaker is None


def test_interrupted_quote_across_programme_title():
    paragraph = ("“We will publish the records,” Mayor Ana Ruiz said on Channel 5’s “Morning Report” Sunday. "
                 "“There is nothing to hide.”")
    quote = _one([paragraph])
    assert quote.text == "We will publish the records … There is nothing to hide."
    assert quote.speaker == "Ana Ruiz"


def test_interrupted_quote_with_short_second_piece():
    quote = _one(["“This plan is a gift to developers,” Tom Reyes wrote on his blog. “Surprised?”"])
    assert quote.text == "This plan is a gift to developers … Surprised?"


def test_new_speaker_with_colon_is_a_new_quotation():
    paragraph = "“We are farmers,” Ms. Alvi said. “We are not smugglers.” Mr. Dorr said: “The border is closed.”"
    quotes = extract_quotes(["Nadia Alvi and Karl Dorr arrived on Monday.", paragraph])
    assert [q.text for q in quotes] == ["We are farmers … We are not smugglers.", "The border is closed."]
    assert [q.speaker for q in quotes] == ["Nadia Alvi", "Karl Dorr"]  # honorific + surname -> full name


def test_woven_fragment_does_not_absorb_next_quote():
    paragraph = "He was blunt about what he called “our hard year.” But, Mr. Lund said, “voters reward honesty.”"
    texts = _texts(["Governor Erik Lund spoke on Friday.", paragraph])
    assert "our hard year." not in " ".join(texts)


def test_one_word_answer_with_attribution():
    paragraphs = ["Coach Dana Reyes was asked who would win the final.", "“Lisbon,” she answered."]
    quote = _one(paragraphs)
    assert quote.text == "Lisbon"
    assert quote.speaker == "Dana Reyes"


def test_chant_is_a_quotation_of_the_crowd():
    quotes = extract_quotes(["Hundreds of marchers crossed the bridge on Monday, chanting “No more cuts!” and waving flags."])
    assert [q.text for q in quotes] == ["No more cuts!"]
    assert quotes[0].speaker is None


def test_lowercase_quotation_right_after_says():
    quote = _one(["Mayor Ines Gray says “the new line will open before the winter.”"])
    assert quote.text == "the new line will open before the winter."
    assert quote.speaker == "Ines Gray"


def test_partial_quote_woven_into_sentence_is_not_a_quotation():
    assert _texts(["Mayor Ines Gray says “the new line” will open before the winter."]) == []


def test_headline_line_is_not_a_quotation():
    paragraphs = ["Mayor Lund: ‘We Will Rebuild Every Bridge In The City’",
                  "Mayor Erik Lund spoke to residents in the harbour district on Tuesday night."]
    assert _texts(paragraphs) == []


def test_titles_operations_and_single_terms_are_not_quotations():
    paragraphs = [
        "The documentary “The Long Road Home” opened in Lagos on Friday.",
        "Troops began Operation “Northern Shield” in August, officials said.",
        "She read “War and Peace” twice during the trial.",
        "Critics called the plan “reckless” and the rollout “chaotic.”",
    ]
    assert _texts(paragraphs) == []


def test_arabic_spaced_guillemets():
    quote = _one(["وقال الوزير أحمد سالم: « لن نسمح بأي تدخل في شؤوننا »."], "ar")
    assert quote.text == "لن نسمح بأي تدخل في شؤوننا"


def test_as_name_apposition_put_it():
    paragraphs = ["As Lena Ortiz, a historian at the state university, put it, “Nobody wins a trade war.”"]
    assert _one(paragraphs).speaker == "Lena Ortiz"


def test_free_standing_quote_after_paragraph_about_a_named_person():
    paragraphs = [
        "Union organiser Carl Wendt has led the strike since March.",
        "Wendt is confident that the company will return to the table.",
        "“They cannot run the plant without us, and they know it.”",
    ]
    assert _one(paragraphs).speaker == "Carl Wendt"


def test_free_standing_quote_after_unrelated_narrative_has_no_speaker():
    paragraphs = [
        "Union organiser Carl Wendt has led the strike since March.",
        "The plant has been idle for six weeks.",
        "“They cannot run the plant without us, and they know it.”",
    ]
    assert _one(paragraphs).speaker is None


def test_interrupted_quote_after_title_ending_in_a_full_stop():
    paragraph = ("''We are not done yet,'' Ms. Kane said on ''Face the Voters.'' "
                 "''The count will take another week.''")
    quote = _one(["Election official Rita Kane spoke on Sunday.", paragraph])
    assert quote.text == "We are not done yet … The count will take another week."
    assert quote.speaker == "Rita Kane"


# ----------------------------------------------------------------------------- every mention registers a person


def _speakers(paragraphs):
    return [(q.speaker, q.role) for q in extract_quotes(paragraphs)]


def test_name_before_relative_clause_resolves_surname():
    paragraphs = [
        "Residents welcomed the ruling. Nadia Karam, who heads the Shore Alliance, said the study was rushed.",
        "“Nobody is against the plant,” Karam said, “but this one is not a solution.”",
    ]
    assert _speakers(paragraphs) == [("Nadia Karam", None)]


def test_apposition_with_possessive_gives_role_and_full_name():
    paragraphs = [
        "Tomas Reyes, its general secretary, said the union was not against new machines.",
        "\"We signed an agreement in March,\" Reyes said.",
    ]
    assert _speakers(paragraphs) == [("Tomas Reyes", "general secretary")]


def test_apposition_with_possessive_noun_is_kept_as_written():
    paragraphs = [
        "Helena Brandt, the authority's chief executive, defended the plan on Monday.",
        "“The tariffs will rise,” Brandt said.",
    ]
    assert _speakers(paragraphs) == [("Helena Brandt", "the authority's chief executive")]


def test_sentence_subject_registers_the_person():
    paragraphs = ["Camille Durand leads the fishermen's cooperative.", "“We will not sail,” Durand said."]
    assert _speakers(paragraphs) == [("Camille Durand", None)]


def test_title_and_surname_resolve_to_full_name():
    paragraphs = [
        "Workers cheered as Omar Haddad arrived at the gate.",
        "“This is a good day,” Mr Haddad said.",
        "Later, Dr. Ingrid Sole spoke to reporters.",
        "“We are ready,” Ms. Sole said.",
    ]
    assert _speakers(paragraphs) == [("Omar Haddad", None), ("Ingrid Sole", None)]


def test_shared_surname_resolves_to_most_recent():
    paragraphs = [
        "Maria Lopez, a nurse, spoke first. Later Carlos Lopez, a farmer, joined her.",
        "“The wells are dry,” Lopez said.",
        "Maria Lopez returned to the microphone.",
        "“We need water,” Lopez said.",
    ]
    assert _speakers(paragraphs) == [("Carlos Lopez", "a farmer"), ("Maria Lopez", "a nurse")]


def test_anonymous_speaker_between_two_named_ones():
    paragraphs = [
        "Mayor Peter Quist, who opened the session, spoke first.",
        "“It starts today,” Quist said.",
        "“We will not sign,” a union official said.",
        "“It is over,” said Mr. Quist.",
    ]
    assert _speakers(paragraphs) == [("Peter Quist", "Mayor"), (None, None), ("Peter Quist", "Mayor")]


def test_role_from_an_earlier_mention():
    paragraphs = [
        "The port's director, Lena Voss, signed the order. Lena Voss, the port director, then left.",
        "“It was necessary,” Voss said later.",
    ]
    speaker, role = _speakers(paragraphs)[0]
    assert speaker == "Lena Voss" and role


def test_honorific_kept_without_a_full_name():
    assert _speakers(["“We are staying,” Mr. Hale said."]) == [("Mr. Hale", None)]


def test_description_before_a_name_in_commas_is_the_role():
    paragraphs = [
        "The port authority’s chief executive, Helena Brandt, called the deal fair. Its president, Jamil Awad, agreed.",
        "“The port is open,” Brandt said.",
        "“So are the gates,” Awad said.",
    ]
    assert _speakers(paragraphs) == [("Helena Brandt", "The port authority’s chief executive"),
                                     ("Jamil Awad", "president")]


def test_name_after_a_sentence_ending_in_a_capitalised_word():
    paragraphs = [
        "Critics worry about the bay near Port Lira. Nadia Karam, who heads the Shore Alliance, agreed.",
        "“It was rushed,” Karam said.",
    ]
    assert _speakers(paragraphs) == [("Nadia Karam", None)]


def test_arabic_reported_speech_registers_the_speaker():
    paragraphs = [
        "وقالت وزيرة المياه ليلى منصور في مؤتمر صحفي إن المناقصة مفتوحة. وأضافت: «لن يوقع أي عقد في غرفة مغلقة».",
        "وأوضحت منصور أن المحطة ستعمل بالطاقة الشمسية.",
        "وقال رئيس تعاونية الصيادين سليم حداد: «البحر رزقنا الوحيد ولن نتركه».",
    ]
    quotes = extract_quotes(paragraphs, "ar")
    assert [(q.speaker, q.role) for q in quotes] == [("ليلى منصور", "وزيرة المياه"),
                                                     ("سليم حداد", "رئيس تعاونية الصيادين")]


# ----------------------------------------------------------------------------- recall on introduced quotations


def test_second_speech_act_starts_a_new_quotation():
    quotes = extract_quotes(["“The port is open,” Ana Ruiz said, adding: “We will reopen the gates at dawn.”"])
    assert [q.text for q in quotes] == ["The port is open", "We will reopen the gates at dawn."]
    assert {q.speaker for q in quotes} == {"Ana Ruiz"}


def test_quotation_after_a_sentence_initial_conjunction_continues():
    paragraph = "“It is not decisive,” he said. But “The vote matters a great deal to the union. It helps.”"
    assert _texts(["Intro line.", paragraph]) == ["It is not decisive … The vote matters a great deal to the union. It helps."]


def test_that_clause_quote_is_not_taken_by_the_next_sentence():
    quote = _one(["Intro line.", "Lena Voss tells the workers that “the gates will open.” She says the ships are waiting."])
    assert (quote.text, quote.speaker) == ("the gates will open.", "Lena Voss")


def test_colon_introduced_quote_that_the_sentence_goes_on_from():
    quote = _one(["The senator emailed supporters saying: “The struggle continues today” and vowing to go on."])
    assert quote.text == "The struggle continues today"


def test_affiliation_apposition_registers_the_person_for_a_later_pronoun():
    paragraphs = [
        "Okafor said the new line was the key. “Without the line the sun shines on empty land,” he said.",
        "Grace Mbeki, of the Institute for Energy Transition, said the inclusion of batteries was the most "
        "important change. “For the first time the auction pays for power,” she said.",
    ]
    quotes = extract_quotes(paragraphs)
    assert [q.speaker for q in quotes] == ["Okafor", "Grace Mbeki"]
    assert quotes[1].role == "of the Institute for Energy Transition"


def test_woven_term_in_the_attribution_does_not_break_an_interrupted_quotation():
    paragraph = ("“The harbour is busy again,” said Mr. Lind, who noted that rents had “cratered” last year. "
                 "“Things are moving in the right direction.”")
    quote = _one(["Intro line.", paragraph])
    assert quote.text == "The harbour is busy again … Things are moving in the right direction."
    assert quote.speaker == "Mr. Lind"
    paragraph = ("“Everything is on the table,” Ruiz told the radio on Monday after hinting that "
                 "“staff changes” could come. “Every single thing is on the table.”")
    assert _texts(["Intro line.", paragraph]) == ["Everything is on the table … Every single thing is on the table."]


def test_abbreviation_or_party_tag_in_the_attribution_does_not_end_the_sentence():
    paragraph = ("“The budget is a mess,” said Army Capt. Lena Ortiz, who said she would not vote. "
                 "“Nobody reads it anymore.”")
    quote = _one(["Intro line.", paragraph])
    assert quote.text == "The budget is a mess … Nobody reads it anymore."
    assert quote.speaker == "Lena Ortiz"
    paragraph = "“The plan is a gift to lobbyists,” Sen. Tom Hale (D-Nev.) said in a statement. “It has to go.”"
    assert _texts(["Intro line.", paragraph]) == ["The plan is a gift to lobbyists … It has to go."]


def test_doubled_apostrophes_closing_a_nested_single_quotation():
    paragraph = "''People tell me, 'Go back home,''' said Mr. Rojas, who was born abroad. ''This is my home.''"
    quote = _one(["Intro line.", paragraph])
    assert quote.text == "People tell me, 'Go back home,' … This is my home."
    assert quote.speaker == "Mr. Rojas"


def test_more_attribution_shapes_after_the_quotation():
    paragraph = "“Keep the levy in place for now,” it recommended. “Review it after the decade ends.”"
    assert _texts(["Intro line.", paragraph]) == ["Keep the levy in place for now … Review it after the decade ends."]
    paragraph = ("“Mayor Ruiz, let me help you out, the answer is no,” the visiting governor riffed on the "
                 "mayor's reply. “And that is why we need a change!”")
    assert _texts(["Intro line.", paragraph]) == [
        "Mayor Ruiz, let me help you out, the answer is no … And that is why we need a change!"]
    quote = _one(["Intro line.", "“The count was 699 to 695,” The Harbour Ledger reported. “It was close.”"])
    assert quote.text == "The count was 699 to 695 … It was close."
    assert quote.speaker.endswith("Harbour Ledger")


@pytest.mark.parametrize("paragraph, speaker", [
    ("In a statement to the paper, her senior policy adviser, Jon Sully, said: “The alliance is essential.”",
     "Jon Sully"),
    ("“We need him because life is hard here,” his wife, Mara Lazo, wrote in a letter to the court.", "Mara Lazo"),
    ("Speaker of the Assembly Rep. Dan Royce (R-Wis.) said “those images have no place in a campaign.”",
     "Dan Royce"),
    ("“Big tax cuts do not work in an age of debt,” Jim Peller of the Harbour Policy Institute wrote.",
     "Jim Peller"),
    ("“He should retract his comments,” former Gov. Ted Marsh of Vermont said on the radio.", "Ted Marsh"),
    ("The Ledger technology columnist Dave Orr went so far as to say: “The network as we know it is over.”",
     "Dave Orr"),
    ("Republican presidential candidate Ana Ruiz took to the radio, saying: “Another attack. When will we learn?”",
     "Ana Ruiz"),
    ("Appearing before cheering supporters on Monday, Lin Aye, 70, said it was early but added, "
     "“I think you all know the results.”", "Lin Aye"),
    ("“I just do not trust her,” Cora Penn, 67, a retired clerk in Dayton, Ohio., said in an interview.",
     "Cora Penn"),
])
def test_speaker_behind_descriptions_tags_affiliations_and_ages(paragraph, speaker):
    assert _one(["Intro line.", paragraph]).speaker == speaker


def test_a_new_cue_after_a_full_stop_starts_a_new_quotation():
    paragraph = "Asked about the port, Ruiz said, “It is open.” Pressed on the cost, Ruiz replied, “We will pay it.”"
    assert _texts(["Intro line.", paragraph]) == ["It is open.", "We will pay it."]
    paragraph = "“The levy works,” Ruiz said on the radio. On television, she went further: “It saved the town.”"
    assert _texts(["Intro line.", paragraph]) == ["The levy works", "It saved the town."]


def test_attribution_with_a_comma_left_out():
    paragraph = "“The caucus is a battle of niches” Lopez said. “Fuel is a strong niche in the state.”"
    quote = _one(["Intro line.", paragraph])
    assert quote.text == "The caucus is a battle of niches … Fuel is a strong niche in the state."
    assert quote.speaker == "Lopez"
    paragraph = "“They are trying to defeat the plan,” she said “The campaign is telling families to wait.”"
    assert _texts(["Intro line.", paragraph]) == [
        "They are trying to defeat the plan … The campaign is telling families to wait."]
    # a quoted phrase followed by the rest of the sentence is no comma-less attribution; the cue
    # closing the sentence makes it a woven quotation (most of the attributed words are quoted)
    quotes = extract_quotes(["Intro line.", "“We are alive, unlike the robots” at the convention, he said."])
    assert [(q.text, q.fragment) for q in quotes] == [("We are alive, unlike the robots", True)]


def test_headlines_with_bylines_subheads_and_markup_are_not_quotations():
    paragraphs = [
        "NOW OPEN—“Pop-up art show confronts the rents,” by the Ledger's Ana Ruiz: http://example.com/a.",
        "‘A change warrior.’",
        'Cruz posted. <tweet tweet-author="@someone" tweet-date="January 19, 2016">I love the town.<tweet/>.',
    ]
    assert extract_quotes(paragraphs) == ()
    # a single-quoted paragraph with its own cue is still speech
    assert _texts(["‘We will rebuild every bridge,’ the mayor said."]) == ["We will rebuild every bridge"]


def test_quotation_nested_inside_a_quotation_with_double_marks():
    paragraph = ('Dr. Ruiz stated: "The department is not about “Equal Justice” anymore. '
                 'It is about control of the harbour."')
    quote = _one(["Intro line.", paragraph])
    assert quote.text.startswith("The department is not about “Equal Justice” anymore.")
    assert quote.speaker == "Dr. Ruiz"
    paragraph = ("“The mayor’s claim that the port “has to close” shows he has no plan at all,” "
                 "wrote Ana Ruiz, head of the dock union.")
    quote = _one(["Intro line.", paragraph])
    assert quote.text == "The mayor’s claim that the port “has to close” shows he has no plan at all"
    assert quote.speaker == "Ana Ruiz"


@pytest.mark.parametrize("paragraph, text, speaker", [
    ("Asked whether he would fire the writer, Lopez said, “Probably.”", "Probably.", "Lopez"),
    ("Soon after the vote, Ruiz wrote to his 20,000 followers, “It is time to end her career for good,” "
     "and shared a link.", "It is time to end her career for good", "Ruiz"),
    ("Ruiz told the Harbour Post in a written statement, “I really do not want his endorsement.”",
     "I really do not want his endorsement.", "Ruiz"),
    ("Said Dora Penn, who grew up with him in the neighborhood, “We were all so proud of him.”",
     "We were all so proud of him.", "Dora Penn"),
    ("Stated Lopez: “I think the stakes are so high for the town.”",
     "I think the stakes are so high for the town.", "Lopez"),
    ("Lopez acknowledged, however, “As they say, past results are no guide.”",
     "As they say, past results are no guide.", "Lopez"),
    ("Ruiz told Ben Hale of Radio Nine, that “you have to look at it very seriously, of course.”",
     "you have to look at it very seriously, of course.", "Ruiz"),
    ("After the attack, Ruiz issued a statement, “Last night, our town was attacked.”",
     "Last night, our town was attacked.", "Ruiz"),
])
def test_more_cue_shapes_before_the_quotation(paragraph, text, speaker):
    quote = _one(["Intro line.", paragraph])
    assert (quote.text, quote.speaker) == (text, speaker)


def test_title_after_a_description_is_not_an_utterance():
    assert _texts(["Intro line.", "She wrote about it in her memoir, “Tough Choices.”"]) == []


def test_abbreviation_in_the_object_and_a_quotation_opening_with_an_ellipsis():
    paragraph = "''We have started the talks,'' Mr. Lopez said, adding of Mr. Hale, ''He cares about the team.''"
    quotes = extract_quotes(["Intro line.", paragraph])
    assert [q.text for q in quotes] == ["We have started the talks", "He cares about the team."]
    assert {q.speaker for q in quotes} == {"Mr. Lopez"}
    quote = _one(["Intro line.", "As the Harbour Post reported, “ … if the vote were held tonight, Ruiz would win.”"])
    assert quote.text == "… if the vote were held tonight, Ruiz would win."


def test_boilerplate_labels_are_not_transcript_speakers():
    paragraphs = ["CORRECTION: An earlier version of this story misstated the date of the vote.",
                  "EMAIL: desk@example.com.", "STAT OF THE WEEK: 43 million dollars for the new pier.",
                  "RUIZ: We will rebuild every bridge in this county."]
    quotes = extract_quotes(paragraphs)
    assert [(q.speaker, q.text) for q in quotes] == [("Ruiz", "We will rebuild every bridge in this county.")]


def test_digest_lead_in_credited_after_a_dash():
    paragraphs = ["HARBOUR POLLS WERE NOT WRONG, JUST EARLY - Ana Ruiz and Tom Hale: “The polls caught the shift late.”",
                  "Turnout surprised everyone - More from Ruiz: “We will publish the full data next week.”"]
    quotes = extract_quotes(paragraphs)
    assert "Tom Hale" in quotes[0].speaker  # the last of the two names
    assert quotes[1].speaker == "Ana Ruiz"


def test_pull_quote_with_a_credit_line():
    paragraphs = ["The fact-checker looked at three claims.",
                  "“The harbour lost half of its jobs in a single year.”", "- Ana Ruiz.",
                  "The figure is out of date."]
    quote = _one(paragraphs)
    assert (quote.text, quote.speaker) == ("The harbour lost half of its jobs in a single year.", "Ana Ruiz")


@pytest.mark.parametrize("paragraph, speaker", [
    ("Lin did not stay long after prayers, Omar Nefzi said, adding, “He was not very religious.”", "Omar Nefzi"),
    ("Ruiz said the club would still meet, but said, “It is time we change how we do it,” promising "
     "the Friends of the Harbour a return to its roots.", "Ruiz"),
    ("HARBOUR TURNOUT DOES NOT RAISE HOPES IN OTHER STATES - Ana Ruiz: “At long last the contests have started.”",
     "Ana Ruiz"),
])
def test_speaker_of_participle_cues_and_digest_lines(paragraph, speaker):
    assert _one(["Intro line.", paragraph]).speaker == speaker


def test_time_adverb_after_a_quotation_starts_a_new_sentence_not_an_attribution():
    paragraph = ("Ruiz said in the spring, when the story broke, “I did not send any secret files.” "
                 "Later in the summer, she revised her statement.")
    assert all(q.speaker != "Later in the summer" for q in extract_quotes(["Intro line.", paragraph]))


# ----------------------------------------------------------------------------- work grows linearly
# No timings here (project rule).  The big inputs below take well under a second each when the
# work is linear in the paragraph length and minutes when it is quadratic, so a regression
# shows as a suite that suddenly crawls; the counting test pins the per-quotation work of the
# sentence-boundary check, which no duration would show.


@pytest.mark.parametrize("paragraph", [
    "Mr. " * 60000,  # one capitalised run with 60,000 periods that never end it
    "“a” " * 1500, "''a''' " * 1500, "“a " * 1500, "‘a’ " * 1500, "« a » " * 1500, "'" * 100000,
])
def test_thousands_of_tiny_marks_in_one_paragraph_give_no_quotation(paragraph):
    assert extract_quotes([paragraph]) == ()


def test_thousands_of_attributed_quotations_in_one_paragraph():
    quotes = extract_quotes(["“We will win,” Ana Ruiz said. " * 3000])
    assert len(quotes) == 3000
    assert {(q.text, q.speaker) for q in quotes} == {("We will win", "Ana Ruiz")}
    assert [q.start for q in quotes[:3]] == [0, 30, 60]


def test_thousands_of_arabic_cues_in_one_paragraph():
    quotes = extract_quotes(["قال أحمد سالم: «نعم» وقال سالم: «لا» " * 10000], "ar")
    assert len(quotes) == 20000
    assert {q.speaker for q in quotes} == {"أحمد سالم"}  # the surname alone is the same person


def test_arabic_speaker_phrase_without_a_name_does_not_break_later_surnames():
    quotes = extract_quotes(["قال في الوزارة، وزير الخارجية: «نص طويل هنا جدا اليوم»",
                             "وقال سالم: «نص آخر طويل هنا جدا»"], "ar")
    assert [q.speaker for q in quotes][-1] == "سالم"


def test_sentence_start_checks_only_the_last_boundaries(monkeypatch):
    import generator.quotes.cues as quotes_module

    calls = []
    real = quotes_module._real_boundary
    monkeypatch.setattr(quotes_module, "_real_boundary", lambda text, m: calls.append(1) or real(text, m))
    assert extract_quotes(["“a” " * 2000]) == ()
    # Each of the 2,000 quotations has ~75 candidate boundaries in its 300 characters of
    # context; only the last real one is checked, not all of them.
    assert 0 < len(calls) <= 3 * 2000
