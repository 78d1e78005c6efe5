"""The home page and the archive.

The home page opens with an overview band (the latest stories; the topics and people most present
in the latest ``HOME_PERIOD_DAYS`` days up to the newest briefing's date), then a compact card
per briefing (headline, date, outlet, a few topics and speakers, the summary clamped to one line
by the stylesheet), so that a phone does not scroll through full summaries."""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from generator import feeds
from generator.models import Briefing
from generator.render import dump_front_matter, escape_md, outlet_slug, page_title, plain
from generator.sitepages.common import HOME_LATEST, MONTHS, _feed_link, _plural, _slug, sort_newest_first

HOME_PERIOD_DAYS = (30, 90, 365)  # "this period": the days up to the newest briefing's date (not the
HOME_PERIOD_MIN = 5  # clock's); the next, longer one when fewer than this many briefings fall in it
HOME_STORIES = 5  # latest stories in the overview band
HOME_TOPICS = 10  # most active topics in it
HOME_PEOPLE = 8  # most active people in it
CARD_TOPICS = 4  # topics on a briefing's card
CARD_SPEAKERS = 3  # speakers on a briefing's card

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def period_start(briefings: Sequence[Briefing], periods: Sequence[int] = HOME_PERIOD_DAYS,
                 least: int = HOME_PERIOD_MIN) -> str | None:
    """The first day of the latest period, as YYYY-MM-DD: the first of ``periods`` (in days, up
    to the newest dated briefing's date) that holds at least ``least`` briefings, else the
    longest. None when no briefing has a full date. Read from the briefings, never the clock, so
    that the same briefings give the same page."""
    days = sorted((b.source.published[:10] for b in briefings if _DAY.match(b.source.published or "")),
                  reverse=True)
    try:
        newest = date.fromisoformat(days[0]) if days else None
    except ValueError:
        return None
    if newest is None:
        return None
    start = ""
    for length in periods:
        start = (newest - timedelta(days=length - 1)).isoformat()
        if sum(1 for d in days[:least] if d >= start) >= least:
            break
    return start


def _recent(items: Sequence[Briefing], since: str) -> int:
    """How many of ``items`` (newest first) were published on or after ``since``."""
    n = 0
    for b in items:
        if (b.source.published or "")[:10] < since:
            break
        n += 1
    return n


def active_topics(topics: Mapping[str, Sequence[Briefing]], since: str,
                  limit: int = HOME_TOPICS) -> list[tuple[str, int]]:
    """The topics with the most briefings since ``since``, most first, then by name."""
    counts = [(name, _recent(items, since), len(items)) for name, items in topics.items()]
    ranked = sorted((c for c in counts if c[1]), key=lambda c: (-c[1], -c[2], c[0].casefold(), c[0]))
    return [(name, n) for name, n, _ in ranked[:limit]]


def active_people(people: Mapping[str, object], since: str, limit: int = HOME_PEOPLE) -> list[tuple[object, int]]:
    """The people quoted in the most briefings since ``since``, most first, then by name."""
    counts = [(p, _recent(p.briefings, since)) for p in people.values()]
    ranked = sorted((c for c in counts if c[1]),
                    key=lambda c: (-c[1], -len(c[0].briefings), c[0].name.casefold(), c[0].slug))
    return ranked[:limit]


def latest_stories(stories: Mapping, by_slug: Mapping[str, Briefing], limit: int = HOME_STORIES) -> list[tuple]:
    """(story, its briefings) of the ``limit`` stories with the newest briefings, newest first."""
    found = []
    for story in stories.values():
        members = [by_slug[s] for s in story.members if s in by_slug]
        newest = max((b.source.published or "" for b in members), default="")
        found.append((newest, story.slug, story, members))
    found.sort(key=lambda t: (t[0], t[1]), reverse=True)
    return [(story, members) for _, _, story, members in found[:limit]]


def _overview(ordered: Sequence[Briefing], stories: Mapping | None, topics: Mapping | None,
              people: Mapping | None, by_slug: Mapping[str, Briefing] | None = None) -> str:
    """The band above the cards: the latest stories, and the topics (in two briefings or more)
    and people most present in the latest period. '' when there is nothing to show."""
    parts = []
    if stories:
        items = []
        for story, members in latest_stories(stories, by_slug or {b.slug: b for b in ordered}):
            days = sorted(b.source.published for b in members if b.source.published)
            span = "" if not days else f", {days[0]}" if days[0] == days[-1] else f", {days[0]} to {days[-1]}"
            meta = escape_md(_plural(len(members), "briefing") + span)
            items.append(f'- [{escape_md(story.title)}](stories/{story.slug}.md) '
                         f'<span class="home-overview__meta">{meta}</span>')
        if items:
            parts.append(_group("Latest stories", "\n".join(items), "stories"))
    since = period_start(ordered)
    newest = max((b.source.published[:10] for b in ordered if _DAY.match(b.source.published or "")), default="")
    active = []
    if since and topics:
        top = [(t, n) for t, n in active_topics(topics, since) if n > 1]
        if top:
            active.append(_group("Most active topics", "\n".join(
                f"- [{escape_md(t)}](topics/{_slug(t, 'topic')}.md) ({n})" for t, n in top), "chips"))
    if since and people:
        top = active_people(people, since)
        if top:
            active.append(_group("Most quoted", "\n".join(
                f"- [{escape_md(p.name)}](people/{p.slug}.md) ({n})" for p, n in top), "chips"))
    if active:
        parts.append(f"From {since} to {newest}, by number of briefings:\n{{: .home-overview__period }}\n")
        parts.extend(active)
    if not parts:
        return ""
    return '<div class="home-overview" markdown="block">\n\n' + "\n".join(parts) + "\n</div>\n"


def _group(title: str, items: str, kind: str) -> str:
    return (f'<div class="home-overview__group home-overview__group--{kind}" markdown="block">\n\n'
            f"## {title}\n\n{items}\n\n</div>\n")


def _card(b: Briefing) -> str:
    """A compact card: headline, date, outlet, reading time; a few topics and speakers; the
    summary on one line (the stylesheet clamps it)."""
    outlet = b.source.name or b.source.publisher
    facts = [escape_md(b.source.published) if b.source.published else "Date not given"]
    if plain(outlet):
        facts.append(f"[{escape_md(outlet)}](outlets/{outlet_slug(outlet)}.md)")
    facts.append(f"{b.reading_time} min read")
    lines = [f"### [{escape_md(b.title)}](briefings/{b.slug}.md)\n",
             " · ".join(facts) + "\n{: .briefing-listing__meta }\n"]
    tags = []
    shown_topics = list(dict.fromkeys(b.keywords))[:CARD_TOPICS]
    if shown_topics:
        tags.append("Topics: " + ", ".join(escape_md(k) for k in shown_topics))
    quoted = set(b.people)
    speakers = list(dict.fromkeys(q.speaker for q in b.quotes if q.speaker and q.speaker in quoted))[:CARD_SPEAKERS]
    if speakers:
        tags.append("Quoted: " + ", ".join(escape_md(p) for p in speakers))
    if tags:
        lines.append(" · ".join(tags) + "\n{: .home-card__tags dir=\"auto\" }\n")
    if b.summary:
        lines.append(f"{escape_md(b.summary)}\n{{: .home-card__summary dir=\"auto\" }}\n")
    return "\n".join(lines)


def render_home(briefings: Sequence[Briefing], site_name: str, site_url: str | None = None,
                latest: int = HOME_LATEST, *, stories: Mapping | None = None,
                topics: Mapping[str, Sequence[Briefing]] | None = None, people: Mapping | None = None,
                by_slug: Mapping[str, Briefing] | None = None) -> str:
    """The home page: an overview band (the latest ``stories``, and the ``topics`` and ``people``
    most present in the latest period, each given as docs_pages indexes them; ``by_slug``: every
    briefing by slug, copies included, to count a story's briefings), then compact cards
    of the latest ``latest`` briefings, and links to the archive and the feeds."""
    ordered = sort_newest_first(briefings)
    front = dump_front_matter({"title": page_title(site_name), "template": "home.html", "hide": ["toc"]})
    count = len(ordered)
    browse = ("Browse by [story](stories/index.md), [topic](topics/index.md), [person](people/index.md), "
              "[outlet](outlets/index.md) or [date](archive/index.md), or use the search.")
    if count > latest:
        intro = (f"The latest {latest} of {_plural(count, 'briefing')}, newest first; all of them are in the "
                 f"[archive](archive/index.md). {browse}")
    else:
        intro = f"{_plural(count, 'briefing')}, newest first. {browse}"
    base = feeds.site_base(site_url)
    if base and ordered:
        intro += (f"\n\nFollow the briefings: {_feed_link(base + feeds.ALL_RSS, 'RSS feed')} · "
                  f"{_feed_link(base + feeds.ALL_JSON, 'JSON Feed')} · "
                  f"{_feed_link(base + feeds.OPML, 'every feed (OPML)')}")
    if not ordered:
        return f"{front}\n# Latest briefings\n\n{intro}\n\nNo briefings yet: add articles to `seeds/` and rebuild.\n"
    overview = _overview(ordered, stories, topics, people, by_slug)
    cards = "\n".join(_card(b) for b in ordered[:latest])
    more = f"\n[All {_plural(count, 'briefing')} in the archive](archive/index.md)\n" if count > latest else ""
    heading = "## Briefings\n\n" if overview else ""
    return f"{front}\n# Latest briefings\n\n{intro}\n\n{overview}\n{heading}{cards}{more}"


def render_archive(briefings: Sequence[Briefing]) -> str:
    """Every briefing, one line each: by year and month, newest first; undated ones at the end."""
    front = dump_front_matter({"title": "Archive"})
    ordered = sort_newest_first(briefings)
    dated, undated = [], []
    for b in ordered:
        (dated if re.match(r"\d{4}-\d{2}", b.source.published or "") else undated).append(b)
    lines = [f"{front}\n# Archive\n"]
    if not ordered:
        return lines[0] + "\nNo briefings yet.\n"
    summary = f"{_plural(len(ordered), 'briefing')}"
    summary += ": by month of publication, newest first" if dated else ""
    summary += f"; {_plural(len(undated), 'briefing')} without a date at the end." if undated and dated else "."
    lines.append(summary + "\n")
    year = month = None
    for b in dated:
        y, m = b.source.published[:4], b.source.published[5:7]
        if y != year:
            year, month = y, None
            lines.append(f"\n## {y}\n")
        if m != month:
            month = m
            name = MONTHS[int(m) - 1] if 1 <= int(m) <= 12 else m
            lines.append(f"\n### {name} {y}\n")
        lines.append(_archive_line(b, show_date=True))
    if undated:
        lines.append("\n## Date not given\n")
        for b in undated:
            lines.append(_archive_line(b, show_date=False))
    return "\n".join(lines)


ARCHIVE_ONE_PAGE = 300  # up to this many briefings the archive is one page; past it, a page a month


def archive_pages(briefings: Sequence[Briefing]) -> dict[str, str]:
    """The archive: one page for a small site; for a large one an index of months and a page for
    each month (and one for undated briefings), so that no page grows with the whole archive."""
    if len(briefings) <= ARCHIVE_ONE_PAGE:
        return {"archive/index.md": render_archive(briefings)}
    months: dict[tuple[str, str], list[Briefing]] = {}
    undated: list[Briefing] = []
    for b in sort_newest_first(briefings):
        if re.match(r"\d{4}-\d{2}", b.source.published or ""):
            months.setdefault((b.source.published[:4], b.source.published[5:7]), []).append(b)
        else:
            undated.append(b)
    pages: dict[str, str] = {}
    index = [dump_front_matter({"title": "Archive"}), "# Archive\n",
             f"{_plural(len(briefings), 'briefing')} by month of publication, newest first.\n"]
    year = None
    for (y, m), items in months.items():
        name = f"{MONTHS[int(m) - 1] if 1 <= int(m) <= 12 else m} {y}"
        if y != year:
            year = y
            index.append(f"\n## {y}\n")
        index.append(f"- [{name}]({y}-{m}.md) ({len(items)})")
        lines = [dump_front_matter({"title": page_title(f"Archive: {name}")}), f"# {name}\n",
                 f"{_plural(len(items), 'briefing')}, newest first. [All months](index.md)\n"]
        lines.extend(_archive_line(b, show_date=True) for b in items)
        pages[f"archive/{y}-{m}.md"] = "\n".join(lines) + "\n"
    if undated:
        index.append(f"\n## Date not given\n\n- [Briefings without a date](undated.md) ({len(undated)})")
        lines = [dump_front_matter({"title": "Archive: date not given"}), "# Date not given\n",
                 f"{_plural(len(undated), 'briefing')}. [All months](index.md)\n"]
        lines.extend(_archive_line(b, show_date=False) for b in undated)
        pages["archive/undated.md"] = "\n".join(lines) + "\n"
    pages["archive/index.md"] = "\n".join(index) + "\n"
    return pages


def _archive_line(b: Briefing, show_date: bool) -> str:
    outlet = b.source.name or b.source.publisher
    date = f"{escape_md(b.source.published)} · " if show_date and b.source.published else ""
    tail = f" · {escape_md(outlet)}" if outlet else ""
    return f"- {date}[{escape_md(b.title)}](../briefings/{b.slug}.md){tail}"
