"""The home page and the archive."""
from __future__ import annotations

import re
from collections.abc import Sequence

from generator import feeds
from generator.models import Briefing
from generator.render import dump_front_matter, escape_md, page_title
from generator.sitepages.common import HOME_LATEST, MONTHS, _feed_link, _listing, _plural, sort_newest_first

def render_home(briefings: Sequence[Briefing], site_name: str, site_url: str | None = None,
                latest: int = HOME_LATEST) -> str:
    ordered = sort_newest_first(briefings)
    front = dump_front_matter({"title": page_title(site_name), "template": "home.html", "hide": ["toc"]})
    count = len(ordered)
    if count > latest:
        intro = (f"The latest {latest} of {_plural(count, 'briefing')}, newest first; all of them are in the "
                 "[archive](archive/index.md). Browse by [story](stories/index.md), [topic](topics/index.md) or "
                 "[person](people/index.md), or use the search.")
    else:
        intro = (f"{_plural(count, 'briefing')}, newest first. Browse by [story](stories/index.md), "
                 "[topic](topics/index.md), [person](people/index.md) or [date](archive/index.md), "
                 "or use the search.")
    base = feeds.site_base(site_url)
    if base and ordered:
        intro += (f"\n\nFollow the briefings: {_feed_link(base + feeds.ALL_RSS, 'RSS feed')} · "
                  f"{_feed_link(base + feeds.ALL_JSON, 'JSON Feed')}")
    body = _listing(ordered[:latest], "") if ordered else "No briefings yet: add articles to `seeds/` and rebuild.\n"
    more = f"\n[All {_plural(count, 'briefing')} in the archive](archive/index.md)\n" if count > latest else ""
    return f"{front}\n# Latest briefings\n\n{intro}\n\n{body}{more}"


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
