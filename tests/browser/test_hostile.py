# ruff: noqa: E501 - the hostile articles are data, kept one paragraph a line
"""Hostile articles in a real browser: markup, scripts, links and template syntax in every field
an article can carry must reach the reader as text, never as code.

A site is built from articles whose title, body, quotes, sidecar or front matter (source, author,
url) and repeated words (which become keywords, topic pages and people pages) carry payloads.
Every payload that runs sets ``window.__pwned`` or opens a dialog; every generated page is opened
in Chromium and checked for both, for active elements and attributes inside the content, and for
failed requests (an ``<img src=x>`` that became a real element would fetch ``x``).
"""
from __future__ import annotations

import json
import re
from urllib.parse import unquote

import pytest

from tests.browser.helpers import SiteServer, build_site, content, heading, open_search, visit

pytestmark = pytest.mark.browser

WORD = "xsszebra"  # a made-up word repeated so that it becomes a keyword and can be searched for
IMG = '<img src=x onerror="window.__pwned=1">'
SCRIPT = "<script>window.__pwned=1</script>"
SVG = '<svg onload="window.__pwned=1"></svg>'
ALERT = "<img src=y onerror=alert(1)>"
IFRAME = '<iframe src="javascript:window.top.__pwned=1"></iframe>'
FORM = '<form action="javascript:window.__pwned=1"><input autofocus onfocus="window.__pwned=1"></form>'
DETAILS = '<details open ontoggle="window.__pwned=1"><summary>x</summary></details>'
JS_LINK = "[read more](javascript:window.__pwned=1)"
ATTR_LIST = '{: onclick="window.__pwned=1" }'
TEMPLATE = "{{ 1234 * 1000 }} {% if true %}jinja-ran{% endif %} {{ config.site_name }}"

TXT = f"""Minister {WORD} Says {IMG} Is {SCRIPT} Fine {{{{ 1234 * 1000 }}}}

The {WORD} ministry said on Monday that {IMG} and {SCRIPT} were harmless, and that {SVG} was too.

"The {WORD} plan {ALERT} will work for everyone {SCRIPT}," said Victor {WORD}, the {WORD} minister. "We have {IFRAME} nothing to hide."

He added: "{FORM} Every {WORD} family will benefit {DETAILS}."

{JS_LINK} and <a href="javascript:window.__pwned=1">this link</a> and <a href="#" onclick="window.__pwned=1">that one</a>.

{TEMPLATE}

---

!!! danger "{WORD} admonition"
    {IMG}

```html
{SCRIPT}

<!-- an unclosed comment {WORD}

# A heading inside the body {WORD}
{ATTR_LIST}

<div markdown="1" onmouseover="window.__pwned=1">raw {WORD} block</div>

| a | {IMG} |
|---|---|
| {SCRIPT} | b |

The {WORD} ministry will publish the {WORD} figures next week, the {WORD} spokesman said.
"""

TXT_SIDECAR = f"""\
source: '<script>window.__pwned=1</script> {WORD} Courier'
publisher: '{IMG}'
url: 'javascript:window.__pwned=1'
author: '<img src=x onerror="window.__pwned=1"> {{{{ 1234 * 1000 }}}}'
published: 2026-02-03
language: en
"""

MD = f"""---
title: '{SCRIPT} {WORD} front matter {{{{ 1234 * 1000 }}}} {{% if true %}}jinja-ran{{% endif %}}'
source: '{IMG}'
url: 'https://example.org/"><script>window.__pwned=1</script>'
author: '" onmouseover="window.__pwned=1'
published: 2026-02-04
---

The {WORD} council voted on Tuesday to {IMG} rebuild the harbour, officials said.

"We will {SCRIPT} rebuild the {WORD} harbour," said Anna <b onmouseover="window.__pwned=1">{WORD}</b>, the council leader.

[x]: javascript:window.__pwned=1
Reference links: [x] and ![image](javascript:window.__pwned=1)

{{% include "partials/footer.html" %}} {{{{ page.meta }}}}

---
title: a second front matter
---

!!! note
    {SCRIPT}

```
an unclosed fence {WORD}
"""

HTML = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{WORD} saved page &lt;script&gt;window.__pwned=1&lt;/script&gt;</title>
<meta name="author" content="&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;">
<meta property="og:site_name" content="&lt;script&gt;window.__pwned=1&lt;/script&gt;">
<script>window.__pwned = 1</script>
</head><body onload="window.__pwned=1">
<article>
<h1>{WORD} saved page &lt;script&gt;window.__pwned=1&lt;/script&gt;</h1>
<p>The {WORD} port reopened on Wednesday &lt;img src=x onerror="window.__pwned=1"&gt; after a week of repairs, the port authority said in a statement.</p>
<p>“Ships are moving again &lt;script&gt;window.__pwned=1&lt;/script&gt;,” said Maria {WORD}, the harbour master. “We expect the {WORD} backlog to clear by Friday.”</p>
<p><img src="x" onerror="window.__pwned=1"> Workers cleared {WORD} debris <script>window.__pwned=1</script> from the quay.</p>
<iframe src="javascript:window.top.__pwned=1"></iframe>
<p>Officials said {WORD} inspections would continue {{{{ 1234 * 1000 }}}} through the month.</p>
</article>
</body></html>
"""

# Titles that look like code are still titles: shown exactly as written, never run or rewritten.
TITLE = 'Why <b onmouseover="window.__pwned=1">{{ config.site_name }}</b> & {% if x %}</title><script>window.__pwned=1</script> Break Templates'
TITLED = f"""---
title: '{TITLE}'
source: Template Weekly
published: 2026-02-05
---

The {WORD} maintainers said on Thursday that template syntax in headlines had broken several sites.

"Headlines are text, and they should be shown as text," said Ines {WORD}, the project's lead maintainer.
"""
# a plain-text headline with markup in it (clean.py must keep it as the headline: see test_titles...)
TXT_TITLE = "Editors Say <b>Bold</b> Tags {{ Break }} Sites"
TXT_TITLED = f"""{TXT_TITLE}

The {WORD} newsroom said on Friday that its editors had been confused by tags in headlines for years.

"We see markup in headlines every week," said Omar {WORD}, the night editor, adding that the tools were improving.
"""

ARTICLES = {
    "hostile/titled.md": TITLED,
    "hostile/markup-headline.txt": TXT_TITLED,
    "hostile/minister.txt": TXT,
    "hostile/minister.yml": TXT_SIDECAR,
    "hostile/council.md": MD,
    "hostile/port.html": HTML,
}

ACTIVE_CONTENT = """root => {
    const found = [];
    for (const el of root.querySelectorAll('*')) {
        const tag = el.tagName.toLowerCase();
        // the generator's own coverage chart (sitepages/charts.py): an svg of a title and paths only
        const chart = tag === 'svg' && el.matches('figure.coverage > svg.coverage__bars')
            && [...el.querySelectorAll('*')].every(c => ['title', 'path'].includes(c.tagName.toLowerCase()));
        if (['script', 'iframe', 'frame', 'object', 'embed', 'form', 'input', 'button', 'details',
             'svg', 'img', 'video', 'audio', 'style', 'link', 'meta', 'base'].includes(tag) && !chart)
            found.push('<' + tag + '>');
        for (const attr of el.attributes) {
            const value = attr.value.replace(/[\\s\\u0000-\\u001f]/g, '').toLowerCase();
            if (attr.name.startsWith('on')) found.push(tag + '[' + attr.name + ']');
            if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data'].includes(attr.name)
                && /^(javascript|data|vbscript):/.test(value))
                found.push(tag + '[' + attr.name + '=' + attr.value + ']');
        }
    }
    return found;
}"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    server = SiteServer()
    root = tmp_path_factory.mktemp("hostile-site")
    report, docs, out = build_site(root, [], server.base_url, extra_seeds=ARTICLES)
    server.serve(out)
    yield server, report, out
    server.close()


def _pages(out):
    for path in sorted(out.rglob("index.html")):
        rel = path.parent.relative_to(out).as_posix()
        if rel.startswith(("assets", "pagefind", "search")):
            continue
        yield "" if rel == "." else rel + "/"


def test_every_hostile_article_is_built(hostile_site):
    _, report, out = hostile_site
    assert not report.errors
    records = json.loads((out / "briefings.json").read_text(encoding="utf-8"))
    assert len(records) == 5
    assert any(WORD in r["title"] for r in records)


@pytest.fixture
def trapped_page(page_factory, hostile_site):
    server, _, _ = hostile_site
    page = page_factory()
    page.watch.base_url = server.base_url
    # A payload that runs in any frame of the page leaves a mark here, even before our check.
    page.add_init_script("window.__pwned = undefined; window.__pwnedTrap = true;")
    return page


def test_no_payload_runs_on_any_generated_page(trapped_page, hostile_site):
    server, _, out = hostile_site
    page = trapped_page
    pages = list(_pages(out))
    kinds = {p.split("/")[0] for p in pages}
    assert {"", "briefings", "topics"} <= kinds, kinds
    for rel in pages:
        visit(page, server.base_url + rel)
        page.mouse.move(300, 300)
        for element in content(page).locator("p, li, h1, h3, td, b").all()[:60]:
            element.hover(timeout=2000, force=True)  # for payloads waiting for the mouse
        assert page.evaluate("window.__pwned") is None, f"{rel}: a payload ran"
        assert not page.watch.dialogs, f"{rel}: a payload opened {page.watch.dialogs}"
        active = content(page).evaluate(ACTIVE_CONTENT)
        assert not active, f"{rel}: active markup from an article: {active}"
        head = page.evaluate("[...document.head.querySelectorAll('script')].map(s => s.src || s.textContent)")
        assert not any("__pwned" in s for s in head), f"{rel}: a payload in a <script> of the head"
        assert "1234000" not in page.content(), f"{rel}: template syntax from an article was evaluated"
        assert "jinja-ran" not in page.inner_text("body").replace("{% if true %}jinja-ran{% endif %}", "").replace(
            "(% if true %)jinja-ran(% endif %)", ""), f"{rel}: a Jinja block from an article ran"


def test_payloads_show_as_text_on_the_briefing(trapped_page, hostile_site):
    server, _, out = hostile_site
    page = trapped_page
    records = json.loads((out / "briefings.json").read_text(encoding="utf-8"))
    minister = next(r for r in records if r["source"]["file"].endswith("minister.txt"))
    visit(page, server.base_url + minister["path"])
    text = content(page).inner_text()
    assert SCRIPT in text and IMG in text and "{{ 1234 * 1000 }}" in text
    assert "!!! danger" in text  # the admonition stayed a line of text
    assert page.locator(".admonition").count() == 0
    # the body after an unclosed fence or comment is still there, as paragraphs
    assert f"The {WORD} ministry will publish the {WORD} figures next week" in text
    # a javascript: URL from the sidecar never became a link; the metadata is shown as text
    card = page.locator(".briefing-card")
    assert "<script>" in card.inner_text()
    # its only link is the generator's own, to the outlet's page
    hrefs = card.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert len(hrefs) == 1 and re.fullmatch(r"\.\./\.\./outlets/[a-z0-9-]+/", hrefs[0]), hrefs
    meta = page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('meta[property], meta[name]')]
        .map(m => [m.getAttribute('property') || m.getAttribute('name'), m.content]))""")
    assert "<script>" in meta["og:description"] or "<img" in meta["og:description"]


def test_briefings_json_and_search_index_hold_the_text_as_data(trapped_page, hostile_site):
    server, _, out = hostile_site
    records = json.loads((out / "briefings.json").read_text(encoding="utf-8"))
    minister = next(r for r in records if r["source"]["file"].endswith("minister.txt"))
    assert minister["source"]["name"].startswith("<script>")
    assert minister["source"]["url"] is None or not minister["source"]["url"].startswith("javascript:")
    assert any(SCRIPT in q["text"] or IMG in q["text"] for q in minister["quotes"]) or IMG in minister["summary"]

    legacy = out / "search" / "search_index.json"
    if legacy.is_file():  # Material's search: the text is in the index, HTML-escaped
        index = json.loads(legacy.read_text(encoding="utf-8"))
        texts = " ".join(d["text"] for d in index["docs"])
        assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in texts
        assert "<script>" not in texts
        return
    if not (out / "pagefind" / "pagefind.js").is_file():
        pytest.fail("the site has no search index")
    page = trapped_page
    visit(page, server.base_url + "about/")
    found = page.evaluate("""async base => {
        const pagefind = await import(base + 'pagefind/pagefind.js');
        await pagefind.options({ baseUrl: new URL(base).pathname });
        const search = await pagefind.search('""" + WORD + """');
        const data = await Promise.all(search.results.map(r => r.data()));
        return data.map(d => ({ url: d.url, content: d.content, excerpt: d.excerpt }));
    }""", server.base_url)
    assert found, f"Pagefind finds no page for {WORD}"
    contents = " ".join(d["content"] for d in found)
    assert SCRIPT in contents or "<script>" in contents  # the payload is searchable text
    assert any("briefings/" in unquote(d["url"]) for d in found)
    assert page.evaluate("window.__pwned") is None


def test_search_results_for_an_injected_word_are_inert(trapped_page, hostile_site):
    server, _, _ = hostile_site
    page = trapped_page
    visit(page, server.base_url + "about/")
    open_search(page, WORD)
    page.locator('a[href*="briefings/"]').locator("visible=true").first.wait_for(timeout=10_000)
    page.wait_for_timeout(500)
    # the results (the search box's own filter and sort controls beside them are not article text)
    results = page.locator(".md-search-result, [data-md-component='search-result']").first
    assert results.is_visible()
    active = results.evaluate(ACTIVE_CONTENT)
    assert not active, f"active markup in the search results: {active}"
    for link in results.locator("a").all()[:10]:
        link.hover(force=True)
    assert page.evaluate("window.__pwned") is None
    assert not page.watch.dialogs
    assert not page.watch.take()


def test_titles_show_exactly_as_written_everywhere_and_stay_inert(trapped_page, hostile_site):
    server, _, out = hostile_site
    page = trapped_page
    records = json.loads((out / "briefings.json").read_text(encoding="utf-8"))
    titled = next(r for r in records if r["source"]["file"].endswith("titled.md"))
    assert titled["title"] == TITLE  # the data, as written
    assert "<" not in (out / "briefings.json").read_text(encoding="utf-8")  # and inert as a file
    visit(page, server.base_url + titled["path"])
    assert heading(page) == TITLE
    assert page.title() == f"{TITLE} - Briefings"  # the <title> MkDocs prints
    assert page.locator("[data-md-component=header-topic]").inner_text().strip() == TITLE
    meta = page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('meta[property], meta[name]')]
        .map(m => [m.getAttribute('property') || m.getAttribute('name'), m.content]))""")
    assert meta["og:title"] == TITLE and meta["twitter:title"] == TITLE
    assert page.evaluate("document.querySelectorAll('script:not([src])').length") == page.evaluate(
        "[...document.querySelectorAll('script:not([src])')].filter(s => !s.textContent.includes('__pwned')).length")
    assert page.locator("header b, .md-header__topic b, article h1 b").count() == 0
    assert page.evaluate("window.__pwned") is None
    # the home page lists it under the same title
    visit(page, server.base_url)
    assert TITLE in content(page).inner_text()


def test_a_plain_text_headline_with_markup_stays_the_headline(hostile_site):
    _, _, out = hostile_site
    records = json.loads((out / "briefings.json").read_text(encoding="utf-8"))
    record = next(r for r in records if r["source"]["file"].endswith("markup-headline.txt"))
    assert record["title"] == TXT_TITLE
