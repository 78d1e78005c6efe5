"""Topics: every keyword of every briefing is a topic, with an index and a page (or pages) each."""
from __future__ import annotations

from collections.abc import Sequence

from generator import feeds
from generator.models import Briefing
from generator.render import dump_front_matter, escape_md, page_title
from generator.sitepages.charts import coverage_chart
from generator.sitepages.common import (
    TOPIC_PAGE_SIZE,
    _feed_link,
    _listing,
    _page_count,
    _pager,
    _plural,
    _slug,
    sort_newest_first,
)

def topic_index(briefings: Sequence[Briefing]) -> dict[str, list[Briefing]]:
    """Topic name -> its briefings, newest first. A topic's name is its most used spelling."""
    by_key: dict[str, list[Briefing]] = {}
    spellings: dict[str, dict[str, int]] = {}
    for b in briefings:
        for k in b.keywords:
            key = _slug(k, "topic")
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
    lines = [f"- [{escape_md(name)}]({_slug(name, 'topic')}.md) ({len(items)})" for name, items in topics.items()]
    return f"{front}\n# Topics\n\nEvery keyword of every briefing is a topic.\n\n" + "\n".join(lines) + "\n"


def _topic_page_path(slug: str, page: int) -> str:
    return f"topics/{slug}.md" if page == 1 else f"topics/{slug}/page-{page}.md"


def _topic_page_list(topics: dict[str, list[Briefing]], page_size: int = TOPIC_PAGE_SIZE):
    """(path, topic name, page number) of every topic page."""
    for name, items in topics.items():
        slug = _slug(name, "topic")
        for page in range(1, _page_count(len(items), page_size) + 1):
            yield _topic_page_path(slug, page), name, page


def _co_topics(name: str, items: Sequence[Briefing], canonical: dict[str, str]) -> list[tuple[str, int]]:
    own = _slug(name, "topic")
    counts: dict[str, int] = {}
    for b in items:
        for k in dict.fromkeys(_slug(k, "topic") for k in b.keywords):
            if k != own:
                counts[k] = counts.get(k, 0) + 1
    named = [(canonical.get(k, k), n) for k, n in counts.items()]
    return sorted(named, key=lambda kv: (-kv[1], kv[0].casefold()))[:10]


def render_topic(name: str, items: Sequence[Briefing], topics: dict[str, list[Briefing]], *,
                 page: int = 1, site_url: str | None = None, canonical: dict[str, str] | None = None,
                 page_size: int = TOPIC_PAGE_SIZE) -> str:
    """One page of a topic: page 1 is topics/<slug>.md, page N is topics/<slug>/page-N.md."""
    if canonical is None:
        canonical = {_slug(t, "topic"): t for t in topics}
    slug = _slug(name, "topic")
    pages = _page_count(len(items), page_size)
    shown = items[(page - 1) * page_size: page * page_size]
    title = f"Topic: {name}" if page == 1 else f"Topic: {name} (page {page} of {pages})"
    front = dump_front_matter({"title": page_title(title), "topic": name})
    up = "" if page == 1 else "../"  # numbered pages are one folder deeper
    count = _plural(len(items), "briefing")
    if pages == 1:
        intro = f"{count} on this topic, newest first."
    else:
        first, last = (page - 1) * page_size + 1, (page - 1) * page_size + len(shown)
        intro = f"{count} on this topic, newest first; these are {first} to {last}."
    body = [f"# {escape_md(name)}" + ("" if page == 1 else f" (page {page})") + "\n", intro + "\n"]
    base = feeds.site_base(site_url)
    if base and page == 1:
        body.append(f"Follow this topic: {_feed_link(base + feeds.topic_feed_path(slug), 'RSS feed')}\n")
    if page == 1:  # coverage over time (outlets round: sitepages/charts.py)
        body.append(coverage_chart(b.source.published for b in items))
    body.append(_listing(shown, f"{up}../"))
    if pages > 1:
        body.append(_pager(slug, page, pages, up))
    top = _co_topics(name, items, canonical) if page == 1 else []
    if top:
        body.append("## Often appears with\n")
        body.append("\n".join(f"- [{escape_md(t)}]({up}{_slug(t, 'topic')}.md) ({n})" for t, n in top) + "\n")
    return front + "\n" + "\n".join(body)


def topic_pages(topics: dict[str, list[Briefing]], site_url: str | None = None,
                page_size: int = TOPIC_PAGE_SIZE) -> dict[str, str]:
    """Every topic page, keyed by its path relative to docs/."""
    canonical = {_slug(t, "topic"): t for t in topics}
    out = {"topics/index.md": render_topic_index(topics)}
    for path, name, page in _topic_page_list(topics, page_size):
        out[path] = render_topic(name, topics[name], topics, page=page, site_url=site_url, canonical=canonical,
                                 page_size=page_size)
    return out
