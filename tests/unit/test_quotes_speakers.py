"""Speaker shapes of news attributions (generator.quotes.people / cues / woven)."""
from generator.quotes import extract_quotes


def _speakers(paragraphs):
    return [(q.text, q.speaker) for q in extract_quotes(paragraphs)]


def test_indefinite_description_then_the_name():
    quotes = _speakers(["Voters reacted online within minutes of the news.",
                        "“We are anxious about the border,” said another Twitter user, Johanna Bayer.",
                        "One early supporter, Representative Lee Zeldin, Republican of New York, said: "
                        "“You can easily argue the opposite.”"])
    assert [s for _, s in quotes] == ["Johanna Bayer", "Lee Zeldin"]


def test_a_place_name_ending_in_a_cue_word_is_not_the_cue():
    quotes = _speakers(["Senator Ana Ruiz spoke in Ohio.",
                        "Ruiz said the United States “must stop treating the island like a colony.”"])
    assert [s for _, s in quotes] == ["Ana Ruiz"]


def test_party_or_state_alone_in_parentheses_is_not_the_speaker():
    quotes = _speakers(["Sen. Ted Cruz (Tex.) said the bill “is a disaster for every family in the state.”",
                        "Attorney General Lisa M. Madigan (D) called the ruling “a victory for the people of Illinois.”"])
    assert [s for _, s in quotes] == ["Ted Cruz", "Lisa M. Madigan"]


def test_said_he_expects_gives_the_subject_of_said():
    quotes = _speakers(["Dan Kritenbrink, a senior director at the council, said he expects the leaders to "
                        "“clearly demonstrate their unity and their firm resolve.”"])
    assert [s for _, s in quotes] == ["Dan Kritenbrink"]


def test_first_of_two_surnames_names_the_person():
    quotes = _speakers(["Mayor Luis Alberto Villarreal García spoke to reporters.",
                        "“We never expelled the National Guard from the city,” Villarreal said."])
    assert [s for _, s in quotes] == ["Luis Alberto Villarreal García"]


def test_single_name_after_the_cue_with_an_apposition():
    quotes = _speakers(["Residents left the village, said Jasinta, spokeswoman for the provincial government.",
                        "“We have received no reports of casualties so far,” she said."])
    assert [s for _, s in quotes] == ["Jasinta"]


def test_cue_with_a_long_object_before_a_colon():
    quotes = _speakers(["Contacted by the paper, the head of housing at the town hall, Ian Brossat, explained "
                        "that the flats will not be used only for migrants: “It is a mixed residence.”"])
    assert [s for _, s in quotes] == ["Ian Brossat"]


def test_pronoun_subject_of_reported_speech_before_a_quotation_paragraph():
    quotes = _speakers(["Governor Mike Sonko visited the hospital on Monday.",
                        "He said that investigations are still ongoing to find the source of the infection.",
                        "“The status of all patients is stable and under control.”"])
    assert [s for _, s in quotes] == ["Mike Sonko"]


def test_a_dateline_is_not_a_speaker_label():
    assert extract_quotes(["WASHINGTON: The Senate voted on Tuesday to extend the program for a year.",
                           "The vote was close."]) == ()
    turns = extract_quotes(["WALLACE: Do you accept the result of the vote?", "RUIZ: We accept it and move on."])
    assert [(q.speaker, q.text) for q in turns] == [("Wallace", "Do you accept the result of the vote?"),
                                                   ("Ruiz", "We accept it and move on.")]
