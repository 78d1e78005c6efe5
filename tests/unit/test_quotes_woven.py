"""Quotations woven into the writer's sentence (generator.quotes.woven): direct quotations when
the sentence attributes them, kept with fragment=True and their lead-in."""
from generator.quotes import extract_quotes

INTRO = "Senator Ana Ruiz and Governor Erik Lund met in Dayton on Monday."


def _woven(paragraph: str):
    return [q for q in extract_quotes([INTRO, paragraph]) if q.fragment]


def test_quotation_after_said_and_a_clause_is_kept_as_a_fragment():
    quotes = _woven("Ruiz said the plan was “a reckless gamble that will cost lives.”")
    assert [(q.text, q.speaker, q.lead_in) for q in quotes] == [
        ("a reckless gamble that will cost lives.", "Ana Ruiz", "Ruiz said the plan was")]


def test_present_tense_cue_and_that():
    quotes = _woven("Lund says that the state has “always run a lean budget and will continue to do so.”")
    assert [(q.text, q.speaker) for q in quotes] == [
        ("always run a lean budget and will continue to do so.", "Erik Lund")]


def test_called_with_a_long_quotation():
    quotes = _woven("Ruiz called the bill “the worst deal this state has signed in a generation.”")
    assert [q.text for q in quotes] == ["the worst deal this state has signed in a generation."]


def test_pieces_of_one_sentence_are_one_quotation():
    quotes = _woven("Lund said “the whole budget has become a mess” because “the legislature never reads it.”")
    assert [q.text for q in quotes] == ["the whole budget has become a mess … the legislature never reads it."]


def test_cue_after_the_closing_mark():
    quotes = _woven("The plan is “a reckless gamble that will cost lives,” Ruiz said.")
    assert [(q.text, q.speaker) for q in quotes] == [("a reckless gamble that will cost lives", "Ana Ruiz")]


def test_short_or_mostly_paraphrased_fragments_stay_out():
    # under four words: a term, not a quotation
    assert _woven("Ruiz called it “a mess.”") == []
    # the quoted words are a small share of what the sentence attributes to her
    assert _woven("Ruiz said that the budget, which the legislature passed in March after months of "
                  "debate over schools and roads, was “a real mess for everyone.”") == []
    # no cue: the writer's own scare quotes
    assert _woven("The budget passed after what observers saw as “a long and messy fight in the house.”") == []


def test_passive_cue_gives_no_fragment():
    assert _woven("Lund was asked whether the plan was “a reckless gamble that will cost lives.”") == []


def test_stand_alone_quotations_are_not_fragments():
    quotes = extract_quotes([INTRO, "“We will rebuild every bridge,” Ruiz said."])
    assert [(q.text, q.fragment, q.lead_in) for q in quotes] == [("We will rebuild every bridge", False, None)]


def test_content_is_the_that_clause_and_ends_at_the_closing_mark():
    # "told Politico on Wednesday that": the attributed content is the that-clause
    quotes = _woven("Lund told reporters on Wednesday that he backs Ruiz because “we do not need a "
                    "policy wonk as governor. We need a leader.”")
    assert [q.text for q in quotes] == ["we do not need a policy wonk as governor. We need a leader."]
    # the words after the closing mark ("as he faces ...") are the writer's, not the content's
    quotes = _woven("Lund says he is “excited about where we stand” as he faces a critically important "
                    "test in the state's primary next week.")
    assert [q.text for q in quotes] == ["excited about where we stand"]


def test_words_of_a_sign_are_not_a_woven_quotation():
    assert _woven("A woman stands near signs that read “Not one layoff at the labor ministry” at the door.") == []
