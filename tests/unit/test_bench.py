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


def test_bench_runs_an_engine_from_its_own_virtualenv(tmp_path, monkeypatch):
    """An engine not installed here is run from .venv-ENGINE of the tree (where make and .ci/run put
    it); a virtualenv left in the old place, .cache/alternatives/ (Zensical's folder, deleted by
    `zensical build --clean`), is not looked for."""
    from dataclasses import replace

    import pytest

    from generator import bench, engine
    from generator.errors import UsageError

    monkeypatch.setattr(bench, "REPO", tmp_path)
    absent = replace(engine.ENGINES["properdocs"], distributions=("no-such-distribution-here",))
    monkeypatch.setitem(engine.ENGINES, "properdocs", absent)
    old = tmp_path / ".cache" / "alternatives" / "properdocs" / "bin" / "python"
    old.parent.mkdir(parents=True)
    old.write_text("")
    with pytest.raises(UsageError, match=r"\.venv-properdocs"):
        bench.engine_python("properdocs")
    python = tmp_path / ".venv-properdocs" / "bin" / "python"
    python.parent.mkdir(parents=True)
    python.write_text("")
    assert bench.engine_python("properdocs") == str(python)


def test_ci_make_and_workflow_install_engines_in_one_place():
    """.ci/run, the GitHub workflow and the Makefile install each engine where the bench and
    tests/test_alternatives.py look (generator.engine.venv_dir), a folder git ignores."""
    from pathlib import Path

    from generator.engine import venv_dir
    from tests.conftest import REPO

    assert venv_dir("zensical", Path(".")) == Path(".venv-zensical")
    for path in (".ci/run", ".github/workflows/tests.yml"):
        text = (REPO / path).read_text(encoding="utf-8")
        assert '.ci/install-engine "$engine" ".venv-$engine"' in text, path
        assert ".cache/alternatives" not in text, path
    assert "VENV ?= $(if $(filter mkdocs,$(ENGINE)),.venv,.venv-$(ENGINE))" in (REPO / "Makefile").read_text()
    assert "/.venv-*/" in (REPO / ".gitignore").read_text().splitlines()
