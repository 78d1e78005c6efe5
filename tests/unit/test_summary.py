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
