"""The pages made from generator.stories: a page per story, the stories index, and the section a
briefing page shows about its story and its copies.

- ``stories/index.md``: every story, newest first, with its size and date range;
- ``stories/<slug>.md``: the story's timeline (date, outlet, headline, the first key quote of
  each briefing), the people quoted across it, its topics, and why its briefings are together;
- on a briefing page, before its related briefings: the story it belongs to, and the outlets that
  ran the same text (on the canonical briefing) or the briefing it copies (on a copy).

Every text from an article is escaped with render.escape_md, like the briefing pages.
"""
from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Callable, Iterable, Mapping, Sequence

from generator import feeds
from generator.models import Briefing
from generator.render import dump_front_matter, escape_md, page_title
from generator.stories import Story


def _outlet(b: Briefing) -> str:
    return b.source.name or b.source.publisher or "Unknown outlet"


def _dates(items: Sequence[Briefing]) -> str:
    days = sorted(b.source.published for b in items if b.source.published)
    if not days:
        return ""
    return days[0] if days[0] == days[-1] else f"{days[0]} to {days[-1]}"


def briefing_section(b: Briefing, stories: Mapping[str, Story], by_slug: Mapping[str, Briefing],
                     copies: Mapping[str, Sequence[str]], prefix: str = "",
                     facts: dict[str, tuple[int, str]] | None = None) -> str:
    """What a briefing page says about its story and copies ('' when it has neither). ``copies``
    maps a canonical briefing's slug to the slugs of its copies; ``prefix`` leads from the page to
    the briefings folder's parent ('../' from briefings/).

    ``facts``: a dict shared by the calls for one archive, filled here with each story's member
    count and date span the first time one of its briefings asks; without it, every member of a
    story of S briefings reads all S of them again (at 5,000 synthetic briefings, stories of
    hundreds made this 25 million steps: most of a one-article rebuild)."""
    lines: list[str] = []
    if b.same_as and b.same_as in by_slug:
        original = by_slug[b.same_as]
        lines.append(f"The same text ran in {escape_md(_outlet(original))}: "
                     f"[{escape_md(original.title)}]({original.slug}.md).")
    elif copies.get(b.slug):
        outlets = [by_slug[s] for s in copies[b.slug] if s in by_slug]
        runs = ", ".join(f"[{escape_md(_outlet(o))}]({o.slug}.md)" for o in outlets)
        lines.append(f"The same text also ran in {runs}.")
    story = stories.get(b.story) if b.story else None
    if story:
        known = facts.get(story.slug) if facts is not None else None
        if known is None:
            members = [by_slug[s] for s in story.members if s in by_slug]
            known = (len(members), _dates(members))
            if facts is not None:
                facts[story.slug] = known
        count, span = known
        lines.append(f"Part of the story [{escape_md(story.title)}]({prefix}stories/{story.slug}.md): "
                     f"{count} briefings" + (f", {span}" if span else "") + ".")
    if not lines:
        return ""
    # Left out of search indexes, like the related briefings: these words belong to other pages.
    mark = "{: .briefing-story data-search-exclude data-pagefind-ignore }"
    return "\n## Story\n\n" + "\n\n".join(f"{line}\n{mark}" for line in lines) + "\n"


STORY_PAGE_SIZE = 50  # timeline entries per story page: a story of hundreds of briefings gets several pages
STORY_PEOPLE = 30  # people listed under "People quoted" (the most quoted); the rest are counted


def render_story(story: Story, by_slug: Mapping[str, Briefing],
                 people: Callable[[Briefing], Iterable[tuple[str, str]]] | None = None,
                 site_url: str | None = None, page: int = 1, page_size: int = STORY_PAGE_SIZE,
                 facts: tuple | None = None) -> str:
    """One page of a story: page 1 is stories/<slug>.md, page N (the timeline's entries past the
    first ``page_size``, in time order) stories/<slug>/page-N.md. ``people(b)`` gives the (page
    slug, name) of each person quoted in ``b`` (generator.identity: a surname is the person's full
    name, with a link to their page). With the site's address, page 1 links the story's feed
    (generator.feeds)."""
    from generator.sitepages.charts import coverage_chart  # here: generator.sitepages imports this module
    from generator.sitepages.common import _page_count, _pager

    members, outlets, span = facts if facts is not None else _story_facts(story, by_slug)
    pages = _page_count(len(members), page_size)
    shown = members[(page - 1) * page_size: page * page_size]
    up = "" if page == 1 else "../"  # numbered pages are one folder deeper
    title = "Story: " + story.title + ("" if page == 1 else f" (page {page} of {pages})")
    parts = [dump_front_matter({"title": page_title(title), "story": story.slug}),
             f"# {escape_md(story.title)}" + ("" if page == 1 else f" (page {page})") + "\n",
             f"{len(members)} briefings from {len(outlets)} outlet{'s' if len(outlets) != 1 else ''}"
             + (f", {span}" if span else "") + "."
             + ("" if pages == 1 else f" The timeline's entries {(page - 1) * page_size + 1} to "
                f"{(page - 1) * page_size + len(shown)} are on this page.") + "\n"]
    base = feeds.site_base(site_url)
    if base and page == 1:
        parts.append(f"Follow this story: [RSS feed](<{base + feeds.story_feed_path(story.slug)}>)\n")
    if page == 1:
        parts.append(coverage_chart(b.source.published for b in members))
        why = _why(story, members)
        if why:
            parts.append(f"{why}\n{{: .story-why }}\n")
    parts.append("## Timeline\n")
    for b in shown:
        when = b.source.published or "Undated"
        line = (f"- {escape_md(when)} · {escape_md(_outlet(b))}: "
                f"[{escape_md(b.title)}]({up}../briefings/{b.slug}.md)")
        if b.same_as:
            line += " (the same text as another briefing here)"
        parts.append(line)
        quote = next((q for q in b.quotes if q.speaker), None)
        if quote:
            words = quote.text.split()
            text = " ".join(words[:40]) + ("…" if len(words) > 40 else "")
            parts.append(f"    > {escape_md(text)} ({escape_md(quote.speaker)})")
    parts.append("")
    if pages > 1:
        parts.append(_pager(story.slug, page, pages, up, "← Earlier", "Later →"))  # the timeline runs oldest first
    if page > 1:
        return "\n".join(parts)
    if people is None:
        quoted = Counter((None, p) for b in members for p in b.people)
    else:
        quoted = Counter(who for b in members for who in dict.fromkeys(people(b)))
    if quoted:
        ranked = sorted(quoted.items(), key=lambda kv: (-kv[1], kv[0][1], kv[0]))
        parts.append("## People quoted\n")
        listed = ", ".join((f"[{escape_md(p)}](../people/{slug}.md)" if slug else escape_md(p))
                           + (f" ({n})" if n > 1 else "") for (slug, p), n in ranked[:STORY_PEOPLE])
        more = len(ranked) - STORY_PEOPLE
        parts.append(listed + (f", and {more:,} more" if more > 0 else "") + "\n")
    topics = Counter(k for b in members for k in b.keywords)
    common = [t for t, n in sorted(topics.items(), key=lambda kv: (-kv[1], kv[0])) if n > 1][:12]
    if common:
        parts.append("## Topics\n")
        parts.append(", ".join(escape_md(t) for t in common) + "\n")
    return "\n".join(parts)


def _story_facts(story: Story, by_slug: Mapping[str, Briefing]) -> tuple[list[Briefing], list[str], str]:
    """A story's briefings (in its order), its outlets (sorted) and its date span: what every page
    of it shows, made once per story by story_pages (a story of S briefings has S / 50 pages)."""
    members = [by_slug[s] for s in story.members if s in by_slug]
    return members, sorted({_outlet(b) for b in members}), _dates(members)


def _why(story: Story, members: Sequence[Briefing]) -> str:
    """Why these briefings are one story: the topics and people most of them share (else the words
    the grouping weighed most), and how close in time those with a date are."""
    need = max(2, (len(members) + 1) // 2)
    topics = Counter(k for b in members for k in dict.fromkeys(b.keywords))
    people = Counter(p for b in members for p in dict.fromkeys(b.people))
    shared = [t for t, n in sorted(topics.items(), key=lambda kv: (-kv[1], kv[0])) if n >= need][:6]
    shared += [p for p, n in sorted(people.items(), key=lambda kv: (-kv[1], kv[0])) if n >= need][:3]
    if not shared:
        shared = list(story.shared)
    days = sorted(b.source.published for b in members if b.source.published)
    when = ""
    if len(days) > 1:
        span = (date.fromisoformat(days[-1]) - date.fromisoformat(days[0])).days
        when = " and were published the same day" if span == 0 else f" and were published within {span + 1} days"
    if not shared:
        return ""
    return "Grouped because they share " + ", ".join(escape_md(w) for w in shared) + when + "."


def render_story_index(stories: Mapping[str, Story], by_slug: Mapping[str, Briefing]) -> str:
    parts = [dump_front_matter({"title": "Stories"}), "# Stories\n"]
    if not stories:
        parts.append("No story yet: a story is two or more briefings reporting the same event.\n")
        return "\n".join(parts)
    parts.append("Events reported by two or more briefings, newest first.\n")

    def newest(story: Story) -> str:
        return max((by_slug[s].source.published or "" for s in story.members if s in by_slug), default="")

    for story in sorted(stories.values(), key=lambda s: (newest(s), s.slug), reverse=True):
        members = [by_slug[s] for s in story.members if s in by_slug]
        span = _dates(members)
        parts.append(f"- [{escape_md(story.title)}]({story.slug}.md) · {len(members)} briefings"
                     + (f", {span}" if span else ""))
    return "\n".join(parts) + "\n"


def story_pages(stories: Mapping[str, Story], briefings: Sequence[Briefing],
                people: Callable[[Briefing], Iterable[tuple[str, str]]] | None = None,
                site_url: str | None = None) -> dict[str, str]:
    from generator.sitepages.common import _page_count, page_path  # here: generator.sitepages imports this module

    by_slug = {b.slug: b for b in briefings}
    pages = {"stories/index.md": render_story_index(stories, by_slug)}
    for slug, story in stories.items():
        facts = _story_facts(story, by_slug)
        for page in range(1, _page_count(len(facts[0]), STORY_PAGE_SIZE) + 1):
            pages[page_path("stories", slug, page)] = render_story(story, by_slug, people, site_url, page,
                                                                   facts=facts)
    return pages


def copies_of(briefings: Sequence[Briefing]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for b in sorted(briefings, key=lambda b: b.slug):
        if b.same_as:
            found.setdefault(b.same_as, []).append(b.slug)
    return found

