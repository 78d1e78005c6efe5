from generator.summary import sentences, summarise

PARAS = [
    "The government announced a sweeping overhaul of the national rail network on Monday, promising faster trains and lower fares within five years.",
    "It said the plan would cost about 40 billion dollars. Critics said the timetable was unrealistic.",
    "Under the plan, three new high-speed lines would connect the capital with the country's largest ports and industrial cities.",
    "“This is the biggest investment in rail in a century,” the transport minister said.",
    "Unions welcomed the investment but warned that jobs in maintenance depots could be cut as the network is modernised.",
]


def test_summary_starts_with_the_lede_and_keeps_article_order():
    summary = summarise(PARAS, ["rail network", "high-speed lines", "ports"])
    parts = sentences(summary)
    assert 2 <= len(parts) <= 3
    assert parts[0] == PARAS[0]
    text = " ".join(PARAS)
    positions = [text.index(p) for p in parts]
    assert positions == sorted(positions)  # every sentence is the article's own, in order


def test_summary_skips_quotes_and_sentences_that_point_back():
    summary = summarise(PARAS, ["rail", "century"])
    assert "biggest investment" not in summary
    assert "It said the plan" not in summary


def test_summary_of_user_seed(user_seed):
    from tests.conftest import seed_paragraphs

    _, paragraphs = seed_paragraphs(user_seed)
    summary = summarise(paragraphs, ["Iraqi militias", "Iran", "Tehran"])
    assert summary.startswith("The continued recruitment of volunteers by Iraqi militias")
    assert 2 <= len(sentences(summary)) <= 3
    assert len(summary.split()) <= 120
    assert "“" not in summary


# A page without a headline is titled with its first sentence (generator.pipeline._title_from_text).
HEADLESS = [
    "Drought does not discriminate between continents, borders, or people.",
    "The effects of a hotter climate have tied together the lives of farmers thousands of kilometres apart.",
    "Two growers, one in the north of the country and one on the southern plain, lost half of their harvest within five years.",
    "Both now plant hardier seed and share what they learn with their neighbours in a cooperative.",
]


def test_summary_does_not_repeat_a_headline_made_of_its_first_sentence():
    title = "Drought does not discriminate between continents, borders, or people"
    summary = summarise(HEADLESS, ["drought", "farmers", "harvest"], title=title)
    assert not summary.startswith("Drought does not discriminate")
    assert sentences(summary)[0] == HEADLESS[1]
    # without the title the lede leads, as before
    assert summarise(HEADLESS, ["drought", "farmers", "harvest"]).startswith("Drought does not discriminate")


def test_a_headline_cut_from_a_longer_lede_leaves_the_lede_in():
    lede = ("Among those affected by the quakes that hit the northern prefecture on Saturday were many elderly "
            "residents of farming villages, many of whom live alone in sparsely populated valleys.")
    paras = [lede, *HEADLESS[1:]]
    title = "Among those affected by the quakes that hit the northern prefecture on Saturday…"
    assert summarise(paras, ["quakes", "residents"], title=title).startswith("Among those affected")


def test_an_article_with_nothing_else_to_say_keeps_its_headline_sentence():
    paras = ["Port workers walked off the job on Monday over unpaid wages.", "“We want our money,” one said."]
    summary = summarise(paras, ["port workers"], title="Port workers walked off the job on Monday over unpaid wages")
    assert summary.startswith("Port workers walked off the job")


def test_summary_skips_a_sentence_that_restates_one_it_has():
    paras = [
        "A meeting of officials on the drought ended without the decision farmers had hoped for.",
        "The ministry said it was still too early to decide on financial aid for the farmers.",
        "After the meeting of state and federal officials, a ministry secretary said it was still too early to decide on aid for farmers.",
        "Farmers can already draw on several aid programmes run by the regions, the secretary pointed out.",
    ]
    summary = summarise(paras, ["drought", "aid", "farmers", "ministry"])
    assert summary.count("too early to decide") == 1
    assert "aid programmes run by the regions" in summary
