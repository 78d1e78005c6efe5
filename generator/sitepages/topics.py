"""Topics: every keyword of every briefing is a topic, with an index and a page (or pages) each."""
from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence

from generator import feeds
from generator.models import Briefing
from generator.render import dump_front_matter, escape_md, page_title
from generator.sitepages.charts import coverage_chart
from generator.sitepages.common import (
    TOPIC_PAGE_SIZE,
    _feed_link,
    _listing,
    _page_count,
    page_path,
    _pager,
    _plural,
    _slug,
    sort_newest_first,
)

CASING_SAMPLE = 8  # briefings of a topic (newest first) whose text is read for the topic's casing
MOST_COVERED = 8  # topics in the index's "most covered" band
LETTER_GROUPS = 40  # listed topics above which the index is grouped by initial
OVERVIEW_PEOPLE = OVERVIEW_STORIES = 5
_SENTENCE_START = frozenset(".!?…:;\"“”«»‘’'([—–-")


def topic_index(briefings: Sequence[Briefing],
                skip: Mapping[str, frozenset[str]] | None = None) -> dict[str, list[Briefing]]:
    """Topic name -> its briefings, newest first; ``skip`` (briefing slug -> keywords) leaves
    out keywords that are no topic there (they name a person with a page: generator.identity).

    A topic's name is its spellings' most frequent casing in the running text of its briefings
    (not at the start of a sentence, where any word is capitalised, and not in headlines, which
    are often in title case): "Strait of Hormuz", "climate change". A topic its text never
    writes so is named by its most used spelling; ties go to the first in code-point order."""
    by_key: dict[str, list[Briefing]] = {}
    spellings: dict[str, dict[str, int]] = {}
    for b in briefings:
        left_out = skip.get(b.slug, ()) if skip else ()
        for k in b.keywords:
            if k in left_out:
                continue
            key = _slug(k, "topic")
            by_key.setdefault(key, []).append(b)
            spellings.setdefault(key, {}).setdefault(k, 0)
            spellings[key][k] += 1
    texts: dict[str, tuple[str, str]] = {}
    result = {}
    for key, items in by_key.items():
        items = sort_newest_first(items)
        result[_casing(spellings[key], items[:CASING_SAMPLE], texts)] = items
    return dict(sorted(result.items(), key=lambda kv: (kv[0].casefold(), kv[0])))


def _casing(spellings: dict[str, int], sample: Sequence[Briefing], texts: dict[str, tuple[str, str]]) -> str:
    """The name of a topic written ``spellings`` (with their counts) in ``sample`` (see topic_index)."""
    seen: dict[str, int] = {}
    for needle in dict.fromkeys(s.lower() for s in spellings):
        for b in sample:
            text, lower = _text_of(b, texts)
            at = lower.find(needle)
            while at >= 0:
                end = at + len(needle)
                if ((at == 0 or not lower[at - 1].isalnum()) and (end == len(lower) or not lower[end].isalnum())
                        and not _starts_sentence(text, at)):
                    written = text[at:end]
                    seen[written] = seen.get(written, 0) + 1
                at = lower.find(needle, end)
    if seen:
        return min(seen, key=lambda w: (-seen[w], -spellings.get(w, 0), w))
    return min(spellings, key=lambda w: (-spellings[w], w))


def _text_of(b: Briefing, texts: dict[str, tuple[str, str]]) -> tuple[str, str]:
    """A briefing's paragraphs as one text (paragraphs apart by a newline) and its lower case,
    when lowering keeps every character at its place (else no text: nothing to compare)."""
    if b.slug not in texts:
        text = "\n".join(b.paragraphs)
        lower = text.lower()
        texts[b.slug] = (text, lower) if len(lower) == len(text) else ("", "")
    return texts[b.slug]


def _starts_sentence(text: str, at: int) -> bool:
    i = at - 1
    while i >= 0 and text[i] in " \u00a0\t":
        i -= 1
    return i < 0 or text[i] == "\n" or text[i] in _SENTENCE_START


def render_topic_index(topics: dict[str, list[Briefing]], *, people: int = 0) -> str:
    """Topics of two briefings or more, by name with their counts, after the most covered ones;
    topics of a single briefing are counted, not listed (their pages stay, linked from their
    briefing, and the search finds them), unless no topic has two briefings yet (then all are
    listed). ``people``: how many people have pages (their names are no topics)."""
    front = dump_front_matter({"title": "Topics"})
    if not topics:
        return f"{front}\n# Topics\n\nNo topics yet.\n"
    listed = {name: items for name, items in topics.items() if len(items) > 1}
    single = len(topics) - len(listed)
    lines = [f"{front}\n# Topics\n"]
    intro = (f"{_plural(len(listed), 'topic')} of two briefings or more, by name, with how many briefings "
             "each has.")
    if not listed:  # a new site: nothing to weigh yet, so nothing is left out
        listed, single = topics, 0
        intro = "No topic has two briefings yet: every topic is listed, by name."
    if single:
        intro += (f" {'One topic appears' if single == 1 else f'{single:,} topics appear'} in a single briefing: "
                  "not listed here, but linked from that briefing, and found by the search.")
    if people:
        intro += " People quoted in the briefings have their own pages: [People](../people/index.md)."
    lines.append(intro + "\n")

    def item(name: str, items: Sequence[Briefing]) -> str:
        return f"- [<bdi>{escape_md(name)}</bdi>]({_slug(name, 'topic')}.md) · {_plural(len(items), 'briefing')}"

    if len(listed) > 2 * MOST_COVERED:  # a short list is its own overview
        top = sorted(listed.items(), key=lambda kv: (-len(kv[1]), kv[0].casefold(), kv[0]))[:MOST_COVERED]
        lines.append("## Most covered\n")
        lines.append("\n".join(item(name, items) for name, items in top) + "\n")
        lines.append("## All topics\n")
    if len(listed) > LETTER_GROUPS:
        groups: dict[str, list[str]] = {}
        for name, items in listed.items():
            groups.setdefault(_initial(name), []).append(item(name, items))
        for initial in sorted(groups):
            lines.append(f"### {escape_md(initial)}\n")
            lines.append("\n".join(groups[initial]) + "\n")
    elif listed:
        lines.append("\n".join(item(name, items) for name, items in listed.items()) + "\n")
    return "\n".join(lines)


def _initial(name: str) -> str:
    first = unicodedata.normalize("NFKD", name[:1])[:1].upper()
    return first if first.isalpha() else "#"


def _topic_page_list(topics: dict[str, list[Briefing]], page_size: int = TOPIC_PAGE_SIZE):
    """(path, topic name, page number) of every topic page."""
    for name, items in topics.items():
        slug = _slug(name, "topic")
        for page in range(1, _page_count(len(items), page_size) + 1):
            yield page_path("topics", slug, page), name, page


def _co_topics(name: str, items: Sequence[Briefing], canonical: dict[str, str]) -> list[tuple[str, int]]:
    """The ten topics most often among the keywords of ``items``, in two of them or half of them
    (keywords that are no topic, like a quoted person's name, left out), with how many of ``items``
    have each."""
    own = _slug(name, "topic")
    counts: dict[str, int] = {}
    for b in items:
        for k in dict.fromkeys(_slug(k, "topic") for k in b.keywords):
            if k != own and k in canonical:
                counts[k] = counts.get(k, 0) + 1
    # "often": in two of its briefings, or in half of them (a topic of two briefings)
    named = [(canonical[k], n) for k, n in counts.items() if n > 1 or 2 * n >= len(items)]
    return sorted(named, key=lambda kv: (-kv[1], kv[0].casefold(), kv[0]))[:10]


Overview = tuple  # what topic_overview gives: plain values, so that a page key can hold it


def topic_overview(name: str, items: Sequence[Briefing], canonical: dict[str, str],
                   people: Callable[[Briefing], Iterable[tuple[str, str]]] | None = None,
                   stories: Mapping[str, str] | None = None) -> Overview:
    """What a topic's first page opens with: (briefings, first date, last date, people quoted in
    most of them as (slug, name, briefings), co-topics as (name, briefings), stories as (slug,
    title, briefings)). ``people(b)`` gives the (slug, name) of each person quoted in ``b``;
    ``stories`` the title of each story by slug."""
    days = [b.source.published for b in items if b.source.published]
    quoted: dict[tuple[str, str], int] = {}
    told: dict[str, int] = {}
    for b in items:
        if people is not None:
            for who in dict.fromkeys(people(b)):
                quoted[who] = quoted.get(who, 0) + 1
        if stories and b.story in stories:
            told[b.story] = told.get(b.story, 0) + 1
    top_people = sorted(quoted.items(), key=lambda kv: (-kv[1], kv[0][1].casefold(), kv[0]))[:OVERVIEW_PEOPLE]
    top_stories = sorted(told.items(), key=lambda kv: (-kv[1], kv[0]))[:OVERVIEW_STORIES]
    return (len(items), min(days, default=None), max(days, default=None),
            tuple((slug, who, n) for (slug, who), n in top_people),
            tuple(_co_topics(name, items, canonical)),
            tuple((slug, stories[slug], n) for slug, n in top_stories))


def _overview_lines(overview: Overview) -> list[str]:
    _, _, _, people, co_topics, stories = overview
    lines = []
    if people:
        lines.append("- People quoted most (in how many of these briefings): " + ", ".join(
            f"[<bdi>{escape_md(who)}</bdi>](../people/{slug}.md) ({n})" for slug, who, n in people))
    if co_topics:
        lines.append("- Often appears with (in how many of these briefings): " + ", ".join(
            f"[<bdi>{escape_md(t)}</bdi>]({_slug(t, 'topic')}.md) ({n})" for t, n in co_topics))
    if stories:
        lines.append("- Stories: " + ", ".join(
            f"[<bdi>{escape_md(title)}</bdi>](../stories/{slug}.md) ({_plural(n, 'briefing')} here)"
            for slug, title, n in stories))
    return ["## Overview\n", "\n".join(lines) + "\n"] if lines else []


def render_topic(name: str, items: Sequence[Briefing], topics: dict[str, list[Briefing]], *,
                 page: int = 1, site_url: str | None = None, canonical: dict[str, str] | None = None,
                 page_size: int = TOPIC_PAGE_SIZE, overview: Overview | None = None) -> str:
    """One page of a topic: page 1 is topics/<slug>.md, opening with its ``overview``
    (topic_overview: made here, without people and stories, when not given); page N is
    topics/<slug>/page-N.md."""
    if canonical is None:
        canonical = {_slug(t, "topic"): t for t in topics}
    slug = _slug(name, "topic")
    pages = _page_count(len(items), page_size)
    shown = items[(page - 1) * page_size: page * page_size]
    title = f"Topic: {name}" if page == 1 else f"Topic: {name} (page {page} of {pages})"
    front = dump_front_matter({"title": page_title(title), "topic": name})
    up = "" if page == 1 else "../"  # numbered pages are one folder deeper
    count = _plural(len(items), "briefing")
    body = [f"# {escape_md(name)}" + ("" if page == 1 else f" (page {page})") + " {: dir=\"auto\" }\n"]
    if page == 1:
        if overview is None:
            overview = topic_overview(name, items, canonical)
        first, last = overview[1], overview[2]
        span = "" if first is None else (f", on {first}" if first == last else f", from {first} to {last}")
        body.append(f"{count} on this topic{span}.\n")
        base = feeds.site_base(site_url)
        if base:
            body.append(f"Follow this topic: {_feed_link(base + feeds.topic_feed_path(slug), 'RSS feed')}\n")
        body.append(coverage_chart(b.source.published for b in items))  # coverage over time (charts.py)
        if len(items) > 1:  # the overview of one briefing would repeat it
            body.extend(_overview_lines(overview))
            body.append("## Briefings\n")
            body.append("Newest first" + (f"; these are 1 to {len(shown)}." if pages > 1 else ".") + "\n")
    else:
        first_n, last_n = (page - 1) * page_size + 1, (page - 1) * page_size + len(shown)
        body.append(f"{count} on this topic, newest first; these are {first_n} to {last_n}.\n")
    body.append(_listing(shown, f"{up}../"))
    if pages > 1:
        body.append(_pager(slug, page, pages, up))
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
