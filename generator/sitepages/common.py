"""What the site pages share: slugs, order, plurals, listing entries, pagers."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

from generator.models import Briefing
from generator.render import escape_md, name_slug

HOME_LATEST = 50  # briefings on the home page; the archive has them all
TOPIC_PAGE_SIZE = 50  # briefings per topic page
PERSON_PAGE_SIZE = 25  # briefings (with their quotations) per person page
ROLE_LINKS = 3  # briefings linked for each role a person is given
RELATED = 5  # related briefings at the foot of a briefing
PERSON_WEIGHT, TOPIC_WEIGHT = 2.0, 1.0  # a shared person says more than a shared topic
RELATED_WINDOW = 100  # per shared topic or person, the candidates looked at on either side in time
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


@lru_cache(maxsize=65536)
def _slug(name: str, prefix: str) -> str:
    return name_slug(name, prefix)


def sort_newest_first(briefings: Iterable[Briefing]) -> list[Briefing]:
    """Dated briefings newest first, then undated ones by title; ties broken by slug."""
    items = list(briefings)
    dated = sorted((b for b in items if b.source.published), key=lambda b: (b.source.published, b.slug), reverse=True)
    undated = sorted((b for b in items if not b.source.published), key=lambda b: (b.title.casefold(), b.slug))
    return dated + undated


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


# While docs_pages runs: (id of a briefing, link prefix) -> its listing entry. A briefing is listed
# on its topics' pages, its people's pages, the home page and the archive: render it once.
_entries: dict[tuple[int, str], str] | None = None


def _listing(briefings: Sequence[Briefing], prefix: str) -> str:
    return "\n".join(_listing_entry(b, prefix) for b in briefings)


def _listing_entry(b: Briefing, prefix: str) -> str:
    if _entries is not None and (id(b), prefix) in _entries:
        return _entries[id(b), prefix]
    facts = [x for x in (b.source.published, b.source.name or b.source.publisher) if x]
    lines = [f"### [{escape_md(b.title)}]({prefix}briefings/{b.slug}.md)\n",
             f"{escape_md(', '.join(facts)) if facts else 'Date not given'}"
             f"{' · ' + str(b.reading_time) + ' min read'}\n{{: .briefing-listing__meta }}\n"]
    if b.summary:
        lines.append(f"{escape_md(b.summary)}\n{{: dir=\"auto\" }}\n")
    entry = "\n".join(lines)
    if _entries is not None:
        _entries[id(b), prefix] = entry
    return entry


def _feed_link(url: str, label: str) -> str:
    """A Markdown link to an absolute feed URL (the URL is ours: base from the config, slug ASCII)."""
    return f"[{label}](<{url}>)"


def _page_count(items: int, page_size: int) -> int:
    return max(1, -(-items // page_size))


def page_path(folder: str, slug: str, page: int) -> str:
    """A paged listing's page: ``folder/slug.md`` first, then ``folder/slug/page-N.md``."""
    return f"{folder}/{slug}.md" if page == 1 else f"{folder}/{slug}/page-{page}.md"


def _pager(slug: str, page: int, pages: int, up: str, back: str = "← Newer", on: str = "Older →") -> str:
    """Links to the previous (``back``) and next (``on``) pages of a paged listing."""
    def link(n: int) -> str:
        return f"{up}{slug}.md" if n == 1 else (f"page-{n}.md" if page > 1 else f"{slug}/page-{n}.md")

    parts = []
    if page > 1:
        parts.append(f"[{back}]({link(page - 1)})")
    parts.append(f"Page {page} of {pages}")
    if page < pages:
        parts.append(f"[{on}]({link(page + 1)})")
    return " · ".join(parts) + "\n{: .briefing-pager }\n"


def _listed(b: Briefing) -> str:
    """What a listing shows of a briefing (_listing_entry, and the headings of person pages), as a
    string; made once per briefing while docs_pages runs (a briefing is listed on many pages)."""
    if _entries is not None and (id(b), "key") in _entries:
        return _entries[id(b), "key"]
    shown = repr((b.title, b.slug, b.source.published, b.source.name, b.source.publisher, b.reading_time, b.summary))
    if _entries is not None:
        _entries[id(b), "key"] = shown
    return shown
