"""The benchmark's synthesis and table (the timings themselves are not asserted)."""
from generator.bench import format_table, source_paragraphs, synthesise
from generator.ingest import discover, read_seed
from tests.conftest import ARTICLE


def test_synthesis_is_deterministic_and_varied(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text(ARTICLE, encoding="utf-8")
    pool = source_paragraphs(seeds)
    first = synthesise(pool, 20, tmp_path / "one", seed=7)
    second = synthesise(pool, 20, tmp_path / "two", seed=7)
    other = synthesise(pool, 20, tmp_path / "three", seed=8)
    texts = [p.read_text(encoding="utf-8") for p in first]
    assert texts == [p.read_text(encoding="utf-8") for p in second]
    assert texts != [p.read_text(encoding="utf-8") for p in other]
    files, skipped = discover(tmp_path / "one")
    assert len(files) == 20 and not skipped
    titles = {read_seed(f).meta["title"] for f in files}
    assert len(titles) >= 18  # varied titles
    assert all("said" in t for t in texts)  # quotes with speakers


def test_table_has_one_row_per_measure():
    table = format_table(10, [("a / b", "1 s / 2 s", "0.50", "note"), ("c", "3", "1.00", "")])
    lines = table.splitlines()
    assert lines[2].startswith("| scenario") and len(lines) == 6


def test_site_only_and_engine_reach_the_bench():
    from generator.cli import make_parser

    args = make_parser().parse_args(["bench", "--articles", "1000", "--site-only", "--engine", "zensical"])
    assert (args.articles, args.site_only, args.engine) == (1000, True, "zensical")
    assert make_parser().parse_args(["bench"]).site_only is False
