"""Speaker and quotation shapes measured as misses on news pages (generator.quotes)."""
from generator.quotes import extract_quotes


def _speakers(paragraphs, **kw):
    return [(q.text, q.speaker) for q in extract_quotes(paragraphs, **kw)]


def test_quote_after_a_sentence_ending_in_its_cue_is_that_speakers():
    # the woven fragment is no quotation of its own; the full one after it has no cue but the
    # sentence before ends in one
    quotes = _speakers(["The budget was debated for a week.",
                        "The cuts are “reckless and unfair,” said Ana Ruiz, a budget analyst at the "
                        "institute. “They leave nothing for the schools. Nothing at all.”"])
    assert quotes == [("They leave nothing for the schools. Nothing at all.", "Ana Ruiz")]


def test_prepositional_phrase_before_a_verb_first_cue():
    quotes = _speakers(["The vote was close.",
                        "Ruiz “won the rural counties easily” in the last primary, said state "
                        "professor Paul Okafor. “That was her base more than his at that time.”"])
    assert quotes[-1] == ("That was her base more than his at that time.", "Paul Okafor")


def test_role_and_name_before_a_verb_with_a_long_object():
    quotes = _speakers(["The party met in the city.",
                        "“We want a person at the head of the party who represents the platform,” Ruiz "
                        "campaign Chairman Tomas Berger told The Evening Courier in an interview Thursday at "
                        "the convention centre downtown."])
    assert [s for _, s in quotes] == ["Tomas Berger"]


def test_name_with_a_long_affiliation_before_the_verb():
    quotes = _speakers(["The test surprised the region.",
                        "“It would seem to be a bit of a stretch for them,” Ana Ruiz of the Center for "
                        "Nonproliferation and Arms Control Studies wrote in December."])
    assert [s for _, s in quotes] == ["Ana Ruiz"]


def test_indefinite_article_before_a_known_name():
    quotes = _speakers(["The host, Trevor Okoye, interviewed the candidate on Tuesday.",
                        "A flabbergasted Okoye quipped, “It is like a lawyer with the dumbest client ever.”"])
    assert [s for _, s in quotes] == ["Trevor Okoye"]


def test_quotation_paragraph_after_a_cue_and_more_narration_is_not_joined():
    quotes = _speakers(["“We are going to build a new bridge,” Ruiz added. She then had a question for the crowd.",
                        "“Who is going to pay for it?”"])
    assert [t for t, _ in quotes] == ["We are going to build a new bridge", "Who is going to pay for it?"]
    joined = _speakers(["“We are going to build a new bridge,” Ruiz added.", "“And the state will pay for all of it.”"])
    assert [t for t, _ in joined] == ["We are going to build a new bridge And the state will pay for all of it."]
