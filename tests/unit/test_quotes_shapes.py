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
