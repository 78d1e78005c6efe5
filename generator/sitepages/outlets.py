"""Outlets: every outlet that ran a briefing (its ``source.name``, else its publisher), with an
index and a page (or pages) each.

Spellings that slugify alike ("The Harbour Ledger", "the harbour ledger") are one outlet, shown
under its most used spelling, as people are. An outlet's page lists its briefings newest first,
``OUTLET_PAGE_SIZE`` a page (older ones on ``outlets/<slug>/page-2.md``, ...), and its first page
opens with the outlet's coverage over time and the stories its briefings took part in. A copy
(``same_as``) is listed on its own outlet's page (that outlet ran the text) unless the same outlet
also ran the canonical briefing, which then stands for it.
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from generator.models import Briefing
from generator.render import dump_front_matter, escape_md, outlet_slug, page_title
from generator.sitepages.charts import coverage_chart
from generator.sitepages.common import _listing, _page_count, _pager, _plural, page_path, sort_newest_first

OUTLET_PAGE_SIZE = 50  # briefings per outlet page
OUTLET_STORIES = 20  # stories linked on an outlet's first page, newest first


def outlet_name(b: Briefing) -> str:
    """The outlet a briefing is filed under: its source's name, else its publisher ('' if neither)."""
    return " ".join((b.source.name or b.source.publisher or "").split())


@dataclass
class Outlet:
    name: str  # the most used spelling
    slug: str
    spellings: dict[str, int] = field(default_factory=dict)
    briefings: list[Briefing] = field(default_factory=list)  # newest first


def outlet_index(briefings: Sequence[Briefing]) -> dict[str, Outlet]:
    """Outlet slug -> Outlet, sorted by name; a copy is left out of its outlet's list when that
    outlet also ran its canonical briefing."""
    found: dict[str, Outlet] = {}
    for b in sort_newest_first(briefings):
        name = outlet_name(b)
        if not name:
            continue
        slug = outlet_slug(name)
        outlet = found.setdefault(slug, Outlet(name, slug))
        outlet.spellings[name] = outlet.spellings.get(name, 0) + 1
        outlet.briefings.append(b)
    for outlet in found.values():
        outlet.name = sorted(outlet.spellings.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        present = {b.slug for b in outlet.briefings}
        outlet.briefings = [b for b in outlet.briefings if not (b.same_as and b.same_as in present)]
    return dict(sorted(found.items(), key=lambda kv: (_sort_name(kv[1].name), kv[0])))


def _sort_name(name: str) -> str:
    """An outlet's name as it is sorted: "The Harbour Ledger" with the Hs."""
    return re.sub(r"^the\s+", "", name, flags=re.I).casefold()


def outlet_stories(outlet: Outlet, stories: Mapping) -> list[tuple[object, int]]:
    """The stories the outlet's briefings took part in, newest first (by the outlet's newest
    briefing in each), each with how many of its briefings the outlet ran."""
    counts: dict[str, int] = {}
    for b in outlet.briefings:  # newest first: the first seen is the newest
        if b.story and b.story in stories:
            counts[b.story] = counts.get(b.story, 0) + 1
    return [(stories[slug], n) for slug, n in counts.items()]


def render_outlets_index(outlets: Mapping[str, Outlet]) -> str:
    front = dump_front_matter({"title": "Outlets"})
    if not outlets:
        return f"{front}\n# Outlets\n\nNo outlet yet: the articles name none.\n"
    lines = [f"- [{escape_md(o.name)}]({o.slug}.md) ({len(o.briefings)})" for o in outlets.values()]
    what = _plural(len(outlets), "outlet")
    return (f"{front}\n# Outlets\n\n{what} that ran the briefings' articles, by name, with how many "
            "briefings each.\n\n" + "\n".join(lines) + "\n")


def outlet_page_list(outlets: Mapping[str, Outlet], page_size: int = OUTLET_PAGE_SIZE):
    """(path, outlet slug, page number) of every outlet page."""
    for slug, outlet in outlets.items():
        for page in range(1, _page_count(len(outlet.briefings), page_size) + 1):
            yield page_path("outlets", slug, page), slug, page


def outlet_page_inputs(outlet: Outlet, page: int, stories: Mapping, by_slug: Mapping[str, Briefing] | None,
                       page_size: int = OUTLET_PAGE_SIZE) -> tuple:
    """Everything an outlet page shows besides the listing entries of its briefings (which the
    caller adds to its key): render_outlet reads nothing else."""
    shown = outlet.briefings[(page - 1) * page_size: page * page_size]
    copies = [(b.slug, b.same_as, by_slug[b.same_as].title, outlet_name(by_slug[b.same_as]))
              for b in shown if b.same_as and by_slug is not None and b.same_as in by_slug]
    common = (outlet.name, outlet.slug, page, page_size, len(outlet.briefings), copies)
    if page != 1:
        return common
    ran = outlet_stories(outlet, stories)
    return (common, sorted(outlet.spellings), [b.source.published for b in outlet.briefings],
            [(s.slug, s.title, n) for s, n in ran[:OUTLET_STORIES]], len(ran))


def render_outlet(outlet: Outlet, page: int = 1, stories: Mapping | None = None,
                  by_slug: Mapping[str, Briefing] | None = None, page_size: int = OUTLET_PAGE_SIZE) -> str:
    """One page of an outlet: page 1 is outlets/<slug>.md, page N is outlets/<slug>/page-N.md."""
    stories = stories or {}
    pages = _page_count(len(outlet.briefings), page_size)
    shown = outlet.briefings[(page - 1) * page_size: page * page_size]
    title = f"Outlet: {outlet.name}" if page == 1 else f"Outlet: {outlet.name} (page {page} of {pages})"
    front = dump_front_matter({"title": page_title(title), "outlet": outlet.name})
    up = "" if page == 1 else "../"  # numbered pages are one folder deeper
    count = _plural(len(outlet.briefings), "briefing")
    intro = f"{count} from this outlet, newest first"
    if pages > 1:
        first = (page - 1) * page_size + 1
        intro += f"; these are {first} to {first + len(shown) - 1}"
    body = [f"# {escape_md(outlet.name)}" + ("" if page == 1 else f" (page {page})") + "\n",
            f"{intro}. [All outlets]({up}index.md)\n"]
    if page == 1:
        others = [s for s in outlet.spellings if s != outlet.name]
        if others:
            body.append("Also written " + ", ".join(escape_md(s) for s in sorted(others)) + ".\n")
        chart = coverage_chart(b.source.published for b in outlet.briefings)
        if chart:
            body.append(chart)
        ran = outlet_stories(outlet, stories)
        if ran:
            body.append("## Stories\n")
            items = [f"- [{escape_md(s.title)}](../stories/{s.slug}.md) ({_plural(n, 'briefing')} here)"
                     for s, n in ran[:OUTLET_STORIES]]
            if len(ran) > OUTLET_STORIES:
                items.append(f"- and {_plural(len(ran) - OUTLET_STORIES, 'older story')}: see the "
                             f"[stories](../stories/index.md)")
            body.append("\n".join(items) + "\n")
        body.append("## Briefings\n")
    body.append(_listing(shown, f"{up}../"))
    copies = [b for b in shown if b.same_as and by_slug is not None and b.same_as in by_slug]
    if copies:
        body.append("Ran the same text as an earlier briefing: "
                    + ", ".join(f"[{escape_md(b.title)}]({up}../briefings/{b.slug}.md) (first in "
                                f"[{escape_md(outlet_name(by_slug[b.same_as]) or 'another outlet')}]"
                                f"({up}../briefings/{b.same_as}.md))" for b in copies) + ".\n")
    if pages > 1:
        body.append(_pager(outlet.slug, page, pages, up))
    return front + "\n" + "\n".join(body)


def outlet_pages(outlets: Mapping[str, Outlet], stories: Mapping | None = None,
                 by_slug: Mapping[str, Briefing] | None = None, page_size: int = OUTLET_PAGE_SIZE) -> dict[str, str]:
    """Every outlet page and the index, keyed by path relative to docs/."""
    out = {"outlets/index.md": render_outlets_index(outlets)}
    for path, slug, page in outlet_page_list(outlets, page_size):
        out[path] = render_outlet(outlets[slug], page, stories, by_slug, page_size)
    return out
