"""The cache of processed articles and the build fingerprint: never stale, never trusted when damaged."""
import json
import shutil
from pathlib import Path

import pytest

from generator import cache as cache_mod
from generator import site
from generator.cache import BriefingCache, generator_fingerprint
from generator.ingest import discover
from generator.runner import process_all
from tests.conftest import ARTICLE, REPO

RAIL = ARTICLE.replace("Port Workers", "Rail Workers").replace("port", "railway")


def _run(seeds: Path, folder: Path, **kw) -> tuple[list, BriefingCache]:
    cache = BriefingCache(folder, **kw)
    files, _ = discover(seeds)
    return process_all(files, jobs=1, cache=cache), cache


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.json"))


def test_hits_are_identical_to_fresh_processing(tmp_path, seeds_dir):
    seeds = seeds_dir({"a.txt": ARTICLE, "b.txt": RAIL, "empty.txt": " \n"}, with_user_seed=True)
    first, c1 = _run(seeds, tmp_path / "c")
    second, c2 = _run(seeds, tmp_path / "c")
    assert (c1.hits, c1.misses) == (0, 4) and (c2.hits, c2.misses) == (4, 0)
    assert second == first  # dataclasses, tuples and rejections come back exactly
    assert any(o.error for o in second)


def test_changed_input_is_never_served_stale(tmp_path, seeds_dir):
    seeds = seeds_dir({"a.txt": ARTICLE, "b.txt": RAIL})
    _run(seeds, tmp_path / "c")
    (seeds / "a.txt").write_text(ARTICLE.replace("Maria Lopez", "Ana Ruiz"), encoding="utf-8")
    outcomes, c = _run(seeds, tmp_path / "c")
    assert (c.hits, c.misses) == (1, 1)
    assert outcomes[0].briefing.people == ("Ana Ruiz",)


def test_sidecar_change_invalidates(tmp_path, seeds_dir):
    seeds = seeds_dir({"a.txt": ARTICLE, "a.yml": "source: Daily One\n"})
    first, _ = _run(seeds, tmp_path / "c")
    (seeds / "a.yml").write_text("source: Daily Two\n", encoding="utf-8")
    second, c = _run(seeds, tmp_path / "c")
    assert c.hits == 0 and second[0].briefing.source.name == "Daily Two" != first[0].briefing.source.name


def test_generator_change_invalidates(tmp_path, seeds_dir):
    seeds = seeds_dir({"a.txt": ARTICLE})
    _run(seeds, tmp_path / "c")
    _, same = _run(seeds, tmp_path / "c")
    _, changed = _run(seeds, tmp_path / "c", generator="another version of the code")
    assert same.hits == 1 and changed.hits == 0


def test_generator_fingerprint_covers_every_source_file(tmp_path):
    package = tmp_path / "generator"
    shutil.copytree(REPO / "generator", package, ignore=shutil.ignore_patterns("__pycache__"))
    before = generator_fingerprint(package)
    assert before == generator_fingerprint(package)
    with open(package / "summary.py", "a", encoding="utf-8") as handle:
        handle.write("\n# a comment is a change too\n")
    assert generator_fingerprint(package) != before
    assert generator_fingerprint(REPO / "generator") == generator_fingerprint()


def test_config_change_invalidates(tmp_path, seeds_dir):
    seeds = seeds_dir({"a.txt": ARTICLE})
    base = cache_mod.processing_config()
    _run(seeds, tmp_path / "c", config=base)
    _, same = _run(seeds, tmp_path / "c", config=json.loads(json.dumps(base)))
    other = json.loads(json.dumps(base))
    other["limits"]["KEYWORDS"] = other["limits"].get("KEYWORDS", 8) + 1
    _, changed = _run(seeds, tmp_path / "c", config=other)
    assert same.hits == 1 and changed.hits == 0


@pytest.mark.parametrize("damage", ["flip", "truncate", "garbage", "other-key"])
def test_corrupt_entry_is_rebuilt_not_trusted(tmp_path, seeds_dir, damage):
    seeds = seeds_dir({"a.txt": ARTICLE})
    fresh, _ = _run(seeds, tmp_path / "c")
    [entry] = _entries(tmp_path / "c")
    blob = entry.read_bytes()
    if damage == "flip":  # same length, one word changed: only the checksum can tell
        blob = blob.replace(b"Maria Lopez", b"Mario Lopez")
    elif damage == "truncate":
        blob = blob[: len(blob) // 2]
    elif damage == "garbage":
        blob = b"\x00\xff" * 50
    else:  # a valid entry under the wrong name
        head, _, payload = blob.partition(b"\n")
        data = json.loads(payload)
        data["key"] = "0" * 64
        payload = json.dumps(data).encode()
        import hashlib

        blob = b"briefings-cache 1 " + hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload
    entry.write_bytes(blob)
    again, c = _run(seeds, tmp_path / "c")
    assert c.hits == 0 and c.rejected == 1
    assert again == fresh
    assert _entries(tmp_path / "c")[0].read_bytes() != blob  # rewritten good


def test_deleted_articles_are_pruned_from_the_cache(tmp_path, seeds_dir):
    seeds = seeds_dir({"a.txt": ARTICLE, "b.txt": RAIL})
    docs = tmp_path / "docs"
    site.generate(site.Paths(seeds, docs), cache_dir=tmp_path / "c")
    assert len(_entries(tmp_path / "c")) == 2
    (seeds / "b.txt").unlink()
    site.generate(site.Paths(seeds, docs), cache_dir=tmp_path / "c")
    assert len(_entries(tmp_path / "c")) == 1


def test_no_cache_writes_no_cache(tmp_path, seeds_dir):
    seeds = seeds_dir({"a.txt": ARTICLE})
    site.generate(site.Paths(seeds, tmp_path / "docs"), use_cache=False)
    assert not (tmp_path / ".briefings-cache").exists() and not (tmp_path / ".cache").exists()
    site.generate(site.Paths(seeds, tmp_path / "docs"))
    assert len(_entries(tmp_path / ".briefings-cache")) == 1  # the default: beside docs/
    assert not (tmp_path / ".cache").exists()  # Zensical's folder: not ours


def _cache_counts(caplog) -> str:
    lines = [r.getMessage() for r in caplog.records if r.getMessage().startswith("cache: ")]
    assert lines
    return lines[-1]


def test_the_default_cache_survives_deleting_dot_cache(tmp_path, seeds_dir, caplog):
    """`zensical build --clean` deletes .cache/ of the project folder whole; the generator's
    articles are elsewhere, so the next build still takes every one from the cache."""
    import logging

    caplog.set_level(logging.DEBUG, logger="generator.site")
    seeds = seeds_dir({"a.txt": ARTICLE, "b.txt": RAIL})
    paths = site.Paths(seeds, tmp_path / "docs")
    site.generate(paths, jobs=1)
    assert _cache_counts(caplog).startswith("cache: 0 hits, 2 misses")
    (tmp_path / ".cache" / "zensical").mkdir(parents=True)  # what Zensical keeps there
    shutil.rmtree(tmp_path / ".cache")  # what its --clean does
    caplog.clear()
    site.generate(paths, jobs=1)
    assert _cache_counts(caplog).startswith("cache: 2 hits, 0 misses")
    assert len(_entries(tmp_path / ".briefings-cache")) == 2


def test_the_cache_of_an_earlier_version_is_not_read_and_said_so(tmp_path, seeds_dir, caplog):
    """Before, the cache was .cache/briefings/: its entries are keyed on an older generator, so
    none could be used; the first build says where the cache is now and that the old one can go."""
    import logging

    caplog.set_level(logging.DEBUG, logger="generator.site")
    seeds = seeds_dir({"a.txt": ARTICLE})
    old = tmp_path / ".cache" / "briefings"
    old.mkdir(parents=True)
    (old / "ab").mkdir()
    (old / "ab" / "entry.json").write_bytes(b"briefings-cache 1 0\n{}")
    paths = site.Paths(seeds, tmp_path / "docs")
    site.generate(paths, jobs=1)
    notes = [r.getMessage() for r in caplog.records if "can be deleted" in r.getMessage()]
    assert notes == [f"The article cache is now {tmp_path / '.briefings-cache'}; {old} of an earlier version is "
                     "not read and can be deleted"]
    assert (old / "ab" / "entry.json").is_file()  # left alone
    caplog.clear()
    site.generate(paths, jobs=1)  # said once: the new cache exists now
    assert not [r for r in caplog.records if "can be deleted" in r.getMessage()]
    assert _cache_counts(caplog).startswith("cache: 1 hits")


def test_cache_flag_puts_the_cache_where_it_says(tmp_path, seeds_dir):
    seeds = seeds_dir({"a.txt": ARTICLE})
    site.generate(site.Paths(seeds, tmp_path / "docs"), cache_dir=tmp_path / "elsewhere")
    assert len(_entries(tmp_path / "elsewhere")) == 1
    assert not (tmp_path / ".briefings-cache").exists()


# ---------------------------------------------------------------------------------------------
# Whole builds

@pytest.fixture
def project(tmp_path, seeds_dir):
    seeds = seeds_dir({"a.txt": ARTICLE, "b.txt": RAIL})
    root = tmp_path / "p"
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "about.md").write_text("# About\n\nHand-written.\n", encoding="utf-8")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "theme", root / "theme")
    paths = site.Paths(seeds, root / "docs", root / "site", root / "mkdocs.yml")
    return seeds, root, paths


def _fragments(site_dir: Path) -> dict[str, str]:
    import gzip

    out = {}
    for path in (site_dir / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = json.loads(gzip.decompress(path.read_bytes())[len(b"pagefind_dcd"):])
        out[data["url"]] = data["content"]
    return out


@pytest.mark.slow
def test_unchanged_rebuild_skips_mkdocs_and_any_change_rebuilds(project, monkeypatch):
    seeds, root, paths = project
    first = site.build(paths)
    assert not first.up_to_date and len(first.built) == 2
    calls = []
    real = site.run_mkdocs
    monkeypatch.setattr(site, "run_mkdocs", lambda *a, **k: calls.append(1) or real(*a, **k))
    again = site.build(paths)
    assert again.up_to_date and calls == [] and again.built == first.built
    # each kind of change is noticed: an article, a hand-written page, the site's output, the config
    (seeds / "a.txt").write_text(ARTICLE.replace("Maria Lopez", "Ana Ruiz"), encoding="utf-8")
    assert not site.build(paths).up_to_date and len(calls) == 1
    assert site.build(paths).up_to_date
    (root / "docs" / "about.md").write_text("# About\n\nEdited.\n", encoding="utf-8")
    assert not site.build(paths).up_to_date
    assert "Edited." in (root / "site" / "about" / "index.html").read_text(encoding="utf-8")
    (root / "site" / "index.html").unlink()
    assert not site.build(paths).up_to_date and (root / "site" / "index.html").is_file()
    (root / "mkdocs.yml").write_text((root / "mkdocs.yml").read_text().replace("site_name: Briefings",
                                                                                 "site_name: News"))
    assert not site.build(paths).up_to_date
    assert not site.build(paths, site_url="https://example.org/x/").up_to_date
    assert not site.build(paths, use_cache=False).up_to_date  # --no-cache always rebuilds
    assert len(calls) == 6


@pytest.mark.slow
def test_deleted_article_disappears_everywhere(project):
    seeds, root, paths = project
    site.build(paths)
    out = root / "site"
    slug = "rail-workers-strike-over-pay-as-shipping-delays-grow"
    assert (out / "briefings" / slug / "index.html").is_file()
    assert f"/briefings/{slug}/" in _fragments(out)

    def mentions() -> list[str]:
        found = []
        for path in out.rglob("*"):
            if path.is_file() and path.suffix in (".html", ".json", ".xml") and slug in path.read_text(encoding="utf-8"):
                found.append(str(path.relative_to(out)))
        return found

    assert len(mentions()) > 3  # page, home, topics, feeds, briefings.json ...
    (seeds / "b.txt").unlink()
    report = site.build(paths)
    assert not report.up_to_date and len(report.built) == 1
    assert not (out / "briefings" / slug).exists()
    assert not (root / "docs" / "briefings" / f"{slug}.md").exists()
    assert mentions() == []  # no page, topic, feed, sitemap or briefings.json entry
    assert all("Rail Workers" not in text for text in _fragments(out).values())  # nor the search index
    # a topic only the deleted article had is gone too
    topics = {p.name for p in (root / "docs" / "topics").glob("*.md")}
    assert all("rail" not in t for t in topics)


@pytest.mark.slow
def test_configuration_values_from_the_environment_count(project, monkeypatch):
    """mkdocs.yml's !ENV values are inputs too: a changed variable is no 'nothing changed'."""
    seeds, root, paths = project
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "site_name: Briefings", 'site_name: !ENV [BRIEFINGS_TEST_SITE_NAME, "Briefings"]'), encoding="utf-8")
    monkeypatch.setenv("BRIEFINGS_TEST_SITE_NAME", "Harbour Desk")
    site.build(paths)
    assert site.build(paths).up_to_date
    monkeypatch.setenv("BRIEFINGS_TEST_SITE_NAME", "River Desk")
    assert not site.build(paths).up_to_date
    for page in (root / "site").rglob("index.html"):
        assert "Harbour Desk" not in page.read_text(encoding="utf-8"), page
