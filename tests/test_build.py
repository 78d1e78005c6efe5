"""End to end: seeds/ -> docs/ -> site/, on the repository's own seeds and on small folders."""
import hashlib
import json
import re
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from lxml import html as lxml_html

from generator import site
from tests.conftest import ARTICLE, REPO, SEEDS, USER_SEED

pytestmark = pytest.mark.slow

EXPECTED_QUOTES = [  # speaker, role, first words, last words
    ("Alaa al-Nashoua", "Iraqi strategic expert", "Iran considers the Iraqi arena", "equations in the region."),
    ("Rafid al-Atwani", "Iraqi political researcher", "The shift we’ve seen", "outside state control."),
    ("Amer al-Sabayleh", "International strategic expert", "The idea of shifting the crisis",
     "the only remaining front in this confrontation."),
    ("Amer al-Sabayleh", "International strategic expert", "Iran knows the coming confrontation is decisive.",
     "an arsenal that could be deployed."),
    ("Mohammed Shia’ al-Sudani", "Iraqi Prime Minister", "Iraq will not be an arena",
     "our relations with all states."),
    ("Talha al-Dosari", "director of the Iraq Center for Future Studies (ICFS)",
     "The elevation of Iran’s Iraqi proxies", "in the context of a potential war"),
]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    if not USER_SEED.is_file():
        pytest.skip("the user's seed article is not in seeds/")
    root = tmp_path_factory.mktemp("build")
    docs, out = root / "docs", root / "site"
    shutil.copytree(REPO / "docs", docs, ignore=shutil.ignore_patterns("briefings", "topics", "people", "index.md",
                                                                         ".generated.json"))
    seeds_before = _digest(SEEDS)
    report = site.build(site.Paths(SEEDS, docs, out, REPO / "mkdocs.yml"),
                        site_url="https://example.github.io/briefings-repo/")
    assert _digest(SEEDS) == seeds_before  # seeds/ is never written to
    return report, docs, out


def _digest(root: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        h.update(str(path.relative_to(root)).encode() + (path.read_bytes() if path.is_file() else b""))
    return h.hexdigest()


def _front(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("\n---\n", 1)[0][4:])


def test_user_briefing_is_right_in_every_detail(built):
    report, docs, _ = built
    assert report.errors == []
    page = docs / "briefings" / "iran-plays-its-last-card-in-the-region.md"
    front = _front(page)
    assert front["title"] == "Iran Plays Its Last Card in the Region"
    assert front["source"] == {"name": "Alhurra", "publisher": "MBN", "url": None, "published": None,
                               "author": None, "language": "en", "translated_from": "ar",
                               "file": "000_fbda28e532f9d5ad.txt"}
    quotes = front["quotes"]
    assert len(quotes) == 6
    for quote, (speaker, role, start, end) in zip(quotes, EXPECTED_QUOTES):
        assert (quote["speaker"], quote["role"]) == (speaker, role)
        assert quote["text"].startswith(start) and quote["text"].endswith(end), quote["text"]
        assert "“" not in quote["text"] and "”" not in quote["text"]
    texts = " ".join(q["text"] for q in quotes)
    for not_a_quote in ("mujahideen", "Awliya al-Dam", "missile city", "The Islamic Resistance in Iraq"):
        assert not any(q["text"] == not_a_quote for q in quotes)
        assert not_a_quote not in texts
    assert front["people"] == ["Alaa al-Nashoua", "Rafid al-Atwani", "Amer al-Sabayleh",
                               "Mohammed Shia’ al-Sudani", "Talha al-Dosari"]
    keywords = front["keywords"]
    assert 5 <= len(keywords) <= 10
    assert "Alhurra" not in " ".join(keywords)
    assert front["summary"].startswith("The continued recruitment of volunteers by Iraqi militias")
    assert front["word_count"] > 1000 and front["reading_time"] == -(-front["word_count"] // 230)
    body = page.read_text(encoding="utf-8")
    for junk in ("Leave a Reply", "Subscribe now", "footer_logo", "Social Links", "© MBN", "Continue reading",
                 "Discover more from", "The article is a translation"):
        assert junk not in body


def test_quotes_link_to_their_paragraphs(built):
    _, _, out = built
    html = (out / "briefings" / "iran-plays-its-last-card-in-the-region" / "index.html").read_text(encoding="utf-8")
    tree = lxml_html.fromstring(html)
    links = tree.xpath('//a[contains(@class, "key-quote__context")]')
    assert len(links) == 6
    for link, (speaker, _, start, _) in zip(links, EXPECTED_QUOTES):
        target = tree.get_element_by_id(link.get("href")[1:])
        assert start[:20] in target.text_content()


def test_search_index_finds_the_briefing(built):
    # Pagefind's index (generator/search.py): one gzipped fragment per indexed page holds its URL
    # and text; tests/test_search_index.py runs the real query in a browser.
    import gzip

    _, _, out = built
    assert not (out / "search" / "search_index.json").exists()  # Material's whole-site index is not built
    fragments = []
    for path in (out / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(b"pagefind_dcd")
        fragments.append(json.loads(data[len(b"pagefind_dcd"):]))
    hits = [f["url"] for f in fragments if re.search(r"\bNujaba\b", f["content"] + f["meta"].get("title", ""))]
    assert "/briefings/iran-plays-its-last-card-in-the-region/" in hits
    assert "/" not in [f["url"] for f in fragments]  # the home page lists every briefing: not indexed


def test_briefings_json_holds_the_front_matter(built):
    _, docs, out = built
    records = json.loads((out / "briefings.json").read_text(encoding="utf-8"))
    assert isinstance(records, list) and len(records) == len(list((docs / "briefings").glob("*.md")))
    record = next(r for r in records if r["slug"] == "iran-plays-its-last-card-in-the-region")
    front = _front(docs / "briefings" / "iran-plays-its-last-card-in-the-region.md")
    for key in ("title", "slug", "source", "keywords", "quotes", "people", "summary", "word_count", "reading_time"):
        assert record[key] == front[key]


def test_every_link_resolves_and_pages_exist(built):
    _, docs, out = built
    assert (out / "index.html").is_file() and (out / "topics" / "index.html").is_file()
    assert (out / "about" / "index.html").is_file()  # the hand-written page survived and was built
    assert (docs / "about.md").is_file()
    broken = []
    for page in out.rglob("*.html"):
        if page.name == "404.html":
            continue
        tree = lxml_html.fromstring(page.read_bytes())
        for el in tree.xpath("//a[@href] | //link[@href] | //script[@src] | //img[@src]"):
            url = el.get("href") or el.get("src")
            parts = urlsplit(url)
            if parts.scheme or url.startswith(("#", "mailto:")):
                continue
            target = (page.parent / unquote(parts.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(out)} -> {url}")
    assert broken == []


def test_404_page_works_under_the_project_subpath(built):
    _, _, out = built
    html = (out / "404.html").read_text(encoding="utf-8")
    assert 'href="/briefings-repo/assets/' in html or 'src="/briefings-repo/assets/' in html
    assert not re.search(r'(?:href|src)="(?:\.\./)*assets/', html)  # relative links break at deep URLs


def test_topic_pages_link_back(built):
    _, docs, out = built
    front = _front(docs / "briefings" / "iran-plays-its-last-card-in-the-region.md")
    from generator.render import name_slug

    for keyword in front["keywords"]:
        topic = out / "topics" / name_slug(keyword, "topic") / "index.html"
        assert topic.is_file(), keyword
        assert "iran-plays-its-last-card-in-the-region" in topic.read_text(encoding="utf-8")


def test_same_seeds_give_byte_identical_docs(tmp_path, seeds_dir):
    seeds = seeds_dir({"b.txt": ARTICLE, "a/c.txt": ARTICLE.replace("Port Workers", "Rail Workers")},
                      with_user_seed=True)
    first, second = tmp_path / "d1", tmp_path / "d2"
    site.generate(site.Paths(seeds, first))
    site.generate(site.Paths(seeds, second))
    site.generate(site.Paths(seeds, second))  # a rebuild over existing output, too
    files1 = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    files2 = sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert files1 == files2 and len(files1) > 5
    for rel in files1:
        assert (first / rel).read_bytes() == (second / rel).read_bytes(), rel


def test_handwritten_pages_survive_and_deleted_articles_disappear(tmp_path, seeds_dir):
    seeds = seeds_dir({"a.txt": ARTICLE, "b.txt": ARTICLE.replace("Port Workers", "Rail Workers")})
    docs = tmp_path / "docs"
    (docs / "notes").mkdir(parents=True)
    (docs / "about.md").write_text("# About\n")
    (docs / "notes" / "method.md").write_text("# Method\n")
    site.generate(site.Paths(seeds, docs))
    assert len(list((docs / "briefings").glob("*.md"))) == 2
    (seeds / "b.txt").unlink()
    site.generate(site.Paths(seeds, docs))
    assert [p.name for p in (docs / "briefings").glob("*.md")] == ["port-workers-strike-over-pay-as-shipping-delays-grow.md"]
    assert (docs / "about.md").read_text() == "# About\n" and (docs / "notes" / "method.md").is_file()
    assert not list(tmp_path.glob(".docs.*"))  # no staging leftovers


def test_titles_that_slugify_alike_both_survive(tmp_path, seeds_dir):
    seeds = seeds_dir({"a.txt": ARTICLE, "b.txt": ARTICLE.replace("Shipping Delays", "Shipping, Delays")})
    report = site.generate(site.Paths(seeds, tmp_path / "docs"))
    assert sorted(b.slug for b in report.briefings) == [
        "port-workers-strike-over-pay-as-shipping-delays-grow",
        "port-workers-strike-over-pay-as-shipping-delays-grow-2",
    ]
    # each page was rendered in the worker under the slug both articles had then; the one whose
    # slug changed is rendered again, so every page names the slug it is published under
    for page in (tmp_path / "docs" / "briefings").glob("*.md"):
        front = yaml.safe_load(page.read_text(encoding="utf-8").split("\n---\n", 1)[0][4:])
        assert front["slug"] == page.stem


def test_a_failed_site_build_leaves_previous_output_intact(tmp_path, seeds_dir):
    seeds = seeds_dir({"a.txt": ARTICLE})
    docs, out = tmp_path / "docs", tmp_path / "site"
    config = tmp_path / "mkdocs.yml"
    config.write_text((REPO / "mkdocs.yml").read_text().replace("custom_dir: theme", f"custom_dir: {REPO / 'theme'}")
                      .replace("  - About: about.md\n", ""))
    site.build(site.Paths(seeds, docs, out, config))
    before = (_digest(docs), _digest(out))
    (seeds / "b.txt").write_text(ARTICLE.replace("Port Workers", "Rail Workers"))
    config.write_text(config.read_text().replace("theme:\n  name: material", "theme:\n  name: no-such-theme"))
    with pytest.raises(Exception):
        site.build(site.Paths(seeds, docs, out, config))
    assert (_digest(docs), _digest(out)) == before
    assert not list(tmp_path.glob(".docs.*")) and not list(tmp_path.glob(".site.*"))
