"""Briefings and site pages as Markdown strings. Writes nothing.

Article text is untrusted. Everything taken from it reaches the page in one of two ways, both
inert: Markdown text in which every character that Markdown or HTML would interpret is escaped
(``escape_md``), or HTML built here with every value escaped (``html.escape``). Front matter is
written by a YAML emitter, never assembled from strings. Titles also pass ``safe_title`` because
MkDocs themes print ``page.title`` into the page without escaping it.
"""
from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import yaml

from generator.metadata import language_name, slugify
from generator.models import Briefing

# ---------------------------------------------------------------------------------------------
# Escaping

_MD_LINE_START = re.compile(r"^(\s*)([-+=>]|\d+[.)])")


def escape_md(text: str) -> str:
    """Escape one line of text so that Markdown shows it literally.

    HTML is neutralised by entities; Markdown's inline and line-start syntax (emphasis, links,
    code, headings, lists, block quotes, admonitions, attribute lists, tables) by backslashes.
    """
    text = " ".join(text.split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = re.sub(r"([\\`*_\[\]{}!#])", r"\\\1", text)
    match = _MD_LINE_START.match(text)
    if match:
        lead, marker = match.group(1), match.group(2)
        if marker[-1] in "-+.)":
            text = lead + marker[:-1] + "\\" + marker[-1] + text[match.end():]
        elif marker == "=":
            text = lead + "&#61;" + text[match.end():]
    return text


def escape_html(text: str | None) -> str:
    return html.escape(" ".join((text or "").split()), quote=True)


def safe_title(text: str) -> str:
    """A title safe to print unescaped in a template: no markup characters, one line."""
    text = " ".join(text.split())
    return text.replace("<", "‹").replace(">", "›").replace("{", "(").replace("}", ")") or "Untitled"


def dump_front_matter(data: dict) -> str:
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)
    return f"---\n{body}---\n"


# ---------------------------------------------------------------------------------------------
# Slugs of topics and people

def name_slug(name: str, prefix: str) -> str:
    """An ASCII slug for a topic or person; a short hash where the name has no Latin letters."""
    slug = slugify(name)
    if not slug:
        slug = f"{prefix}-{hashlib.sha256(name.encode('utf-8')).hexdigest()[:10]}"
    return slug


@dataclass(frozen=True)
class Links:
    """Where pages live, as seen from a page in a folder one level below docs/."""

    @staticmethod
    def topic(name: str, depth: int = 1) -> str:
        return "../" * (depth + 1) + f"topics/{name_slug(name, 'topic')}/"


# ---------------------------------------------------------------------------------------------
# Briefing page

def briefing_front_matter(b: Briefing) -> dict:
    return {
        "title": safe_title(b.title),
        "slug": b.slug,
        "template": "briefing.html",
        "source": {
            "name": b.source.name,
            "publisher": b.source.publisher,
            "url": b.source.url,
            "published": b.source.published,
            "author": b.source.author,
            "language": b.source.language,
            "translated_from": b.source.translated_from,
            "file": b.source.file,
        },
        "keywords": list(b.keywords),
        "quotes": [
            {"text": q.text, "speaker": q.speaker, "role": q.role, "paragraph": q.paragraph + 1}
            for q in b.quotes
        ],
        "people": list(b.people),
        "summary": b.summary,
        "word_count": b.word_count,
        "reading_time": b.reading_time,
    }


def render_briefing(b: Briefing) -> str:
    parts = [dump_front_matter(briefing_front_matter(b)), f"# {escape_md(b.title)}\n", _card(b)]
    if b.keywords:
        parts.append(_chips(b.keywords))
    parts.append("## Summary\n")
    parts.append(f"{escape_md(b.summary)}\n{{: .briefing-summary dir=\"auto\" }}\n" if b.summary else "")
    if b.quotes:
        parts.append("## Key quotes\n")
        parts.append(_quote_box(b))
    parts.append("## Text\n")
    for index, paragraph in enumerate(b.paragraphs, start=1):
        parts.append(f"{escape_md(paragraph)}\n{{: #p-{index} dir=\"auto\" }}\n")
    return "\n".join(p for p in parts if p)


def _card(b: Briefing) -> str:
    s = b.source
    rows: list[tuple[str, str]] = []
    if s.name or s.publisher:
        outlet = escape_html(s.name or s.publisher)
        if s.name and s.publisher and s.publisher != s.name:
            outlet += f' <span class="briefing-card__publisher">({escape_html(s.publisher)})</span>'
        rows.append(("Outlet", outlet))
    if s.published:
        rows.append(("Published", f'<time datetime="{escape_html(s.published)}">{escape_html(s.published)}</time>'))
    if s.author:
        rows.append(("Author", escape_html(s.author)))
    if s.language:
        language = escape_html(language_name(s.language))
        if s.translated_from:
            language += f", translated from {escape_html(language_name(s.translated_from))}"
        rows.append(("Language", language))
    elif s.translated_from:
        rows.append(("Original language", escape_html(language_name(s.translated_from))))
    rows.append(("Reading time", f"{b.reading_time} min ({b.word_count:,} words)"))
    if s.url and re.match(r"https?://", s.url, re.I):  # never a javascript: or data: link
        rows.append(("Source", f'<a href="{escape_html(s.url)}" rel="nofollow noopener noreferrer">'
                               f"{escape_html(_display_url(s.url))}</a>"))
    items = "".join(f'<div class="briefing-card__row"><dt>{k}</dt><dd>{v}</dd></div>' for k, v in rows)
    return f'<dl class="briefing-card" aria-label="Source">{items}</dl>\n'


def _display_url(url: str) -> str:
    host = re.sub(r"^https?://(?:www\.)?", "", url).split("/")[0]
    return host or url


def _chips(keywords: Sequence[str]) -> str:
    chips = "".join(
        f'<li><a class="md-tag briefing-topic" href="{escape_html(Links.topic(k))}">{escape_html(k)}</a></li>'
        for k in keywords
    )
    return f'<nav class="briefing-topics" aria-label="Topics"><ul class="md-tags">{chips}</ul></nav>\n'


def _quote_box(b: Briefing) -> str:
    items = []
    for q in b.quotes:
        who = escape_html(q.speaker) if q.speaker else "Unattributed"
        role = f'<span class="key-quote__role">{escape_html(q.role)}</span>' if q.role else ""
        items.append(
            f'<li class="key-quote"><blockquote dir="auto"><p>{escape_html(q.text)}</p></blockquote>'
            f'<p class="key-quote__source"><span class="key-quote__speaker">{who}</span>{role}'
            f'<a class="key-quote__context" href="#p-{q.paragraph + 1}">in context ¶{q.paragraph + 1}</a></p></li>'
        )
    return f'<ol class="key-quotes" aria-label="Key quotes">{"".join(items)}</ol>\n'


# ---------------------------------------------------------------------------------------------
# Site pages: home, topics

def sort_newest_first(briefings: Iterable[Briefing]) -> list[Briefing]:
    """Dated briefings newest first, then undated ones by title; ties broken by slug."""
    items = list(briefings)
    dated = sorted((b for b in items if b.source.published), key=lambda b: (b.source.published, b.slug), reverse=True)
    undated = sorted((b for b in items if not b.source.published), key=lambda b: (b.title.casefold(), b.slug))
    return dated + undated


def _listing(briefings: Sequence[Briefing], prefix: str) -> str:
    lines = []
    for b in briefings:
        facts = [x for x in (b.source.published, b.source.name or b.source.publisher) if x]
        lines.append(f"### [{escape_md(b.title)}]({prefix}briefings/{b.slug}.md)\n")
        lines.append(f"{escape_md(', '.join(facts)) if facts else 'Date not given'}"
                     f"{' · ' + str(b.reading_time) + ' min read'}\n{{: .briefing-listing__meta }}\n")
        if b.summary:
            lines.append(f"{escape_md(b.summary)}\n{{: dir=\"auto\" }}\n")
    return "\n".join(lines)


def render_home(briefings: Sequence[Briefing], site_name: str) -> str:
    ordered = sort_newest_first(briefings)
    front = dump_front_matter({"title": safe_title(site_name), "template": "home.html", "hide": ["toc"]})
    count = len(ordered)
    intro = (f"{count} briefing{'s' if count != 1 else ''}, newest first. "
             "Browse by [topic](topics/index.md) or use the search.")
    body = _listing(ordered, "") if ordered else "No briefings yet: add articles to `seeds/` and rebuild.\n"
    return f"{front}\n# Latest briefings\n\n{intro}\n\n{body}"


def topic_index(briefings: Sequence[Briefing]) -> dict[str, list[Briefing]]:
    """Topic name -> its briefings, newest first. A topic's name is its most used spelling."""
    by_key: dict[str, list[Briefing]] = {}
    spellings: dict[str, dict[str, int]] = {}
    for b in briefings:
        for k in b.keywords:
            key = name_slug(k, "topic")
            by_key.setdefault(key, []).append(b)
            spellings.setdefault(key, {}).setdefault(k, 0)
            spellings[key][k] += 1
    result = {}
    for key, items in by_key.items():
        name = sorted(spellings[key].items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        result[name] = sort_newest_first(items)
    return dict(sorted(result.items(), key=lambda kv: kv[0].casefold()))


def render_topic_index(topics: dict[str, list[Briefing]]) -> str:
    front = dump_front_matter({"title": "Topics"})
    if not topics:
        return f"{front}\n# Topics\n\nNo topics yet.\n"
    lines = [f"- [{escape_md(name)}]({name_slug(name, 'topic')}.md) ({len(items)})" for name, items in topics.items()]
    return f"{front}\n# Topics\n\nEvery keyword of every briefing is a topic.\n\n" + "\n".join(lines) + "\n"


def render_topic(name: str, items: Sequence[Briefing], topics: dict[str, list[Briefing]]) -> str:
    front = dump_front_matter({"title": safe_title(f"Topic: {name}"), "topic": name})
    related: dict[str, int] = {}
    own = name_slug(name, "topic")
    for b in items:
        for k in b.keywords:
            if name_slug(k, "topic") != own:
                related[k] = related.get(k, 0) + 1
    canonical = {name_slug(t, "topic"): t for t in topics}
    merged: dict[str, int] = {}
    for k, n in related.items():
        t = canonical.get(name_slug(k, "topic"), k)
        merged[t] = merged.get(t, 0) + n
    top = sorted(merged.items(), key=lambda kv: (-kv[1], kv[0].casefold()))[:10]
    body = [f"# {escape_md(name)}\n", f"{len(items)} briefing{'s' if len(items) != 1 else ''} on this topic, newest first.\n",
            _listing(items, "../")]
    if top:
        body.append("## Often appears with\n")
        body.append("\n".join(f"- [{escape_md(t)}]({name_slug(t, 'topic')}.md) ({n})" for t, n in top) + "\n")
    return front + "\n" + "\n".join(body)
