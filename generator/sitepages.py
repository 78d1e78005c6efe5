"""Site pages around the briefings: home, topic index and topic pages, and the files written
beside the built site (``briefings.json``). Strings only; writes nothing.

Everything shown from an article passes through ``escape_md`` or ``escape_html`` (see render.py).
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from generator.models import Briefing
from generator.render import (
    briefing_front_matter, dump_front_matter, escape_md, name_slug, render_briefing, safe_title,
)


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


def docs_pages(briefings: Sequence[Briefing], site_name: str) -> dict[str, str]:
    """Every generated page, keyed by its path relative to docs/, in a stable order."""
    out: dict[str, str] = {}
    for b in briefings:
        out[f"briefings/{b.slug}.md"] = render_briefing(b)
    out["index.md"] = render_home(briefings, site_name)
    topics = topic_index(briefings)
    out["topics/index.md"] = render_topic_index(topics)
    for name, items in topics.items():
        out[f"topics/{name_slug(name, 'topic')}.md"] = render_topic(name, items, topics)
    return dict(sorted(out.items()))


def records(briefings: Sequence[Briefing]) -> list[dict]:
    """The briefings.json records: the front matter of each briefing, plus its page's path."""
    items = []
    for b in sorted(briefings, key=lambda b: b.slug):
        record = briefing_front_matter(b)
        record.pop("template", None)
        record["path"] = f"briefings/{b.slug}/"
        items.append(record)
    return items


def site_files(briefings: Sequence[Briefing], site_url: str | None, site_name: str) -> dict[str, str]:
    """Files written into the built site beside MkDocs' output, keyed by path relative to it."""
    import json

    return {"briefings.json": json.dumps(records(briefings), ensure_ascii=False, indent=1) + "\n"}
