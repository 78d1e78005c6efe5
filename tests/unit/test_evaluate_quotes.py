"""briefings evaluate quotes: the judge's PolNeAR rule on a small self-written split."""
from generator.evaluate_quotes import evaluate_polnear, gold_quotes, score_article, speaker_correct
from generator.evaluate_speakers import speaker_name

TEXT = ("Budget fight in Dayton.\n"
        "Ruiz said the plan was “a reckless gamble that will cost lives.”\n"
        "Lund called it “a mess” and said the vote would wait until the budget office reported back.\n"
        "“We will rebuild every bridge,” Sen. Ana Ruiz (D-Ohio) said.\n")


def _span(text, s):
    i = TEXT.index(s)
    return f"{i} {i + len(s)}"


def _ann():
    rows = [("T1", "Content", "the plan was “a reckless gamble that will cost lives.”"), ("T2", "Source", "Ruiz"),
            ("T3", "Content", "it “a mess” and said the vote would wait until the budget office reported back"),
            ("T4", "Source", "Lund"),
            ("T5", "Content", "“We will rebuild every bridge,”"), ("T6", "Source", "Sen. Ana Ruiz (D-Ohio)")]
    lines = [f"{t}\t{kind} {_span(TEXT, s)}\t{s}" for t, kind, s in rows]
    lines += ["E1\tAttribution:T1 Content:T1 Source:T2", "E2\tAttribution:T3 Content:T3 Source:T4",
              "E3\tAttribution:T5 Content:T5 Source:T6"]
    return "\n".join(lines) + "\n"


def test_gold_rule_keeps_woven_and_separates_partial_quotes():
    quotes, partial = gold_quotes(TEXT, _ann())
    assert [q["text"] for q in quotes] == ["a reckless gamble that will cost lives.", "We will rebuild every bridge,"]
    assert [q["speaker_name"] for q in quotes] == ["Ruiz", "Ana Ruiz"]
    assert [p["text"] for p in partial] == ["a mess"]  # 2 of 17 words in marks: a paraphrase


def test_scoring_matches_by_dice_and_ignores_optional_gold():
    quotes, partial = gold_quotes(TEXT, _ann())
    counts = score_article(quotes, partial, [("a reckless gamble that will cost lives", "Ana Ruiz"),
                                             ("a mess", "Lund"),  # a partial quote: neither right nor wrong
                                             ("We will rebuild every bridge", "Erik Lund")])
    assert (counts["gold"], counts["pred"], counts["tp"], counts["ignored"]) == (2, 2, 2, 1)
    assert (counts["spk_n"], counts["spk_ok"]) == (2, 1)


def test_speaker_rules():
    assert speaker_name("a spokesman for Hillary Clinton") == (False, "")
    assert speaker_name("Clinton campaign manager Robby Mook") == (True, "Robby Mook")
    assert speaker_correct({"speaker_name": "Luis Villarreal Garcia"}, "Luis Villarreal")
    assert not speaker_correct({"speaker_name": "Ana Ruiz"}, "Erik Lund")


def test_evaluate_a_split_folder(tmp_path):
    split = tmp_path / "data" / "train"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    (split / "text" / "ledger_2016-01-01_budget.txt").write_text(TEXT, encoding="utf-8")
    (split / "attributions" / "ledger_2016-01-01_budget_ab12.ann").write_text(_ann(), encoding="utf-8")
    result = evaluate_polnear(tmp_path, "train",
                              predict=lambda text: [("a reckless gamble that will cost lives.", "Ruiz")])
    assert (result["gold"], result["matched"], result["predicted"]) == (2, 1, 1)
    assert result["precision"] == 1.0 and result["recall"] == 0.5
    assert result["outlets"]["ledger"]["gold"] == 2
