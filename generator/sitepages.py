"""Site pages around the briefings, and the files written beside the built site. Strings only;
writes nothing.

Pages (paths relative to docs/):

- ``index.md``: the latest ``HOME_LATEST`` briefings with their summaries, and a link to the archive;
- ``archive/index.md``: every briefing by year and month, newest first; undated ones at the end
  (past ``ARCHIVE_ONE_PAGE`` briefings, an index of months with a page for each month);
- ``topics/index.md`` and ``topics/<slug>.md``: every keyword is a topic; a topic page lists its
  newest ``TOPIC_PAGE_SIZE`` briefings and the topics it most often appears with; older briefings
  are on numbered pages ``topics/<slug>/page-2.md``, ... so that every page stays small;
- ``people/index.md`` and ``people/<slug>.md``: everyone quoted, with the roles the articles gave
  them and every quotation, linked to its paragraph; the quotations of ``PERSON_PAGE_SIZE``
  briefings per page, older ones on ``people/<slug>/page-2.md``, ...;
- each briefing ends with up to ``RELATED`` related briefings (shared people and topics, rare
  ones weighing more; see ``related_briefings``).

Files beside the site (``site_files``): ``briefings.json``, and the feeds of ``generator.feeds``
when the site's address is known.

Everything shown from an article passes through ``escape_md`` or ``escape_html`` (see render.py);
titles are kept as written (``page_title``) and escaped by the theme where it prints them. Work and output grow linearly with the number of briefings.
"""
from __future__ import annotations

import hashlib
import heapq
import json
import logging
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from generator import feeds
from generator.models import Briefing
from generator.render import (
    briefing_front_matter,
    dump_front_matter,
    escape_md,
    json_text,
    name_slug,
    page_title,
    render_briefing,
    render_briefing_own,
    with_related,
)
from generator.stories import Story, annotate
from generator.storypages import briefing_section, copies_of, story_pages

log = logging.getLogger(__name__)

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


# ---------------------------------------------------------------------------------------------
# Home and archive

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


# ---------------------------------------------------------------------------------------------
# Topics

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


def _page_count(items: int, page_size: int) -> int:
    return max(1, -(-items // page_size))


def _person_page_path(slug: str, page: int) -> str:
    return f"people/{slug}.md" if page == 1 else f"people/{slug}/page-{page}.md"


def _topic_page_path(slug: str, page: int) -> str:
    return f"topics/{slug}.md" if page == 1 else f"topics/{slug}/page-{page}.md"


def _topic_page_list(topics: dict[str, list[Briefing]], page_size: int = TOPIC_PAGE_SIZE):
    """(path, topic name, page number) of every topic page."""
    for name, items in topics.items():
        slug = _slug(name, "topic")
        for page in range(1, _page_count(len(items), page_size) + 1):
            yield _topic_page_path(slug, page), name, page


def _person_page_list(people: dict[str, Person], page_size: int = PERSON_PAGE_SIZE):
    """(path, person slug, page number) of every person page."""
    for slug, person in people.items():
        for page in range(1, _page_count(len(person.briefings), page_size) + 1):
            yield _person_page_path(slug, page), slug, page


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
    body.append(_listing(shown, f"{up}../"))
    if pages > 1:
        body.append(_pager(slug, page, pages, up))
    top = _co_topics(name, items, canonical) if page == 1 else []
    if top:
        body.append("## Often appears with\n")
        body.append("\n".join(f"- [{escape_md(t)}]({up}{_slug(t, 'topic')}.md) ({n})" for t, n in top) + "\n")
    return front + "\n" + "\n".join(body)


def _pager(slug: str, page: int, pages: int, up: str) -> str:
    def link(n: int) -> str:
        return f"{up}{slug}.md" if n == 1 else (f"page-{n}.md" if page > 1 else f"{slug}/page-{n}.md")

    parts = []
    if page > 1:
        parts.append(f"[← Newer]({link(page - 1)})")
    parts.append(f"Page {page} of {pages}")
    if page < pages:
        parts.append(f"[Older →]({link(page + 1)})")
    return " · ".join(parts) + "\n{: .briefing-pager }\n"


def topic_pages(topics: dict[str, list[Briefing]], site_url: str | None = None,
                page_size: int = TOPIC_PAGE_SIZE) -> dict[str, str]:
    """Every topic page, keyed by its path relative to docs/."""
    canonical = {_slug(t, "topic"): t for t in topics}
    out = {"topics/index.md": render_topic_index(topics)}
    for path, name, page in _topic_page_list(topics, page_size):
        out[path] = render_topic(name, topics[name], topics, page=page, site_url=site_url, canonical=canonical,
                                 page_size=page_size)
    return out


# ---------------------------------------------------------------------------------------------
# People

@dataclass
class Person:
    """Someone quoted on the site. Spellings that slugify alike are one person (and one page)."""

    name: str  # the most used spelling
    slug: str
    spellings: dict[str, int] = field(default_factory=dict)
    briefings: list[Briefing] = field(default_factory=list)  # newest first, each once
    quotes: int = 0


def people_index(briefings: Sequence[Briefing]) -> dict[str, Person]:
    """Person slug -> Person, sorted by name. A speaker is a person when the briefing lists them
    in ``people``."""
    found: dict[str, Person] = {}
    for b in sort_newest_first(briefings):
        people = set(b.people)
        seen: set[str] = set()
        for q in b.quotes:
            if not q.speaker or q.speaker not in people:
                continue
            slug = _slug(q.speaker, "person")
            person = found.setdefault(slug, Person(q.speaker, slug))
            person.spellings[q.speaker] = person.spellings.get(q.speaker, 0) + 1
            person.quotes += 1
            if slug not in seen:
                seen.add(slug)
                person.briefings.append(b)
    for person in found.values():
        person.name = sorted(person.spellings.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    return dict(sorted(found.items(), key=lambda kv: (kv[1].name.casefold(), kv[0])))


def _quotes_of(person: Person, b: Briefing):
    return [q for q in b.quotes if q.speaker and q.speaker in b.people and _slug(q.speaker, "person") == person.slug]


def _roles(person: Person) -> list[tuple[str, list[Briefing]]]:
    """Distinct roles as the articles gave them (newest first), each with the briefings that gave it."""
    roles: dict[str, tuple[str, list[Briefing]]] = {}
    for b in person.briefings:
        for q in _quotes_of(person, b):
            if not q.role:
                continue
            role = " ".join(q.role.split())
            entry = roles.setdefault(role.casefold(), (role, []))
            if not entry[1] or entry[1][-1] is not b:
                entry[1].append(b)
    return list(roles.values())


def render_person(person: Person, page: int = 1, page_size: int = PERSON_PAGE_SIZE) -> str:
    """One page of a person: page 1 is people/<slug>.md (with the roles), page N people/<slug>/page-N.md.

    Each page holds the quotations of ``page_size`` briefings, newest first, so that a person quoted
    in hundreds of briefings does not get one page the size of all of them.
    """
    pages = _page_count(len(person.briefings), page_size)
    shown = person.briefings[(page - 1) * page_size: page * page_size]
    title = person.name if page == 1 else f"{person.name} (page {page} of {pages})"
    front = dump_front_matter({"title": page_title(title), "person": person.name})
    up = "" if page == 1 else "../"  # numbered pages are one folder deeper
    heading = f"# {escape_md(person.name)}" + ("" if page == 1 else f" (page {page})") + "\n"
    summary = f"Quoted {_plural(person.quotes, 'time')} in {_plural(len(person.briefings), 'briefing')}, newest first"
    if pages > 1:
        first = (page - 1) * page_size + 1
        summary += f"; these are {first} to {first + len(shown) - 1}"
    lines = [heading, f"{summary}. [All people]({up}index.md)\n"]
    if page == 1:
        others = [s for s in person.spellings if s != person.name]
        if others:
            lines.append("Also written " + ", ".join(escape_md(s) for s in sorted(others)) + ".\n")
        lines.extend(_roles_section(person))
    lines.append("## Quotations\n")
    for b in shown:
        facts = [x for x in (b.source.published, b.source.name or b.source.publisher) if x]
        lines.append(f"### [{escape_md(b.title)}]({up}../briefings/{b.slug}.md)\n")
        lines.append(f"{escape_md(', '.join(facts)) if facts else 'Date not given'}\n{{: .briefing-listing__meta }}\n")
        for q in _quotes_of(person, b):
            lines.append(f"> {escape_md(q.text)}\n> {{: dir=\"auto\" }}\n")
            role = f" · {escape_md(q.role)}" if q.role else ""
            lines.append(f"[in context ¶{q.paragraph + 1}]({up}../briefings/{b.slug}.md#p-{q.paragraph + 1}){role}\n")
    if pages > 1:
        lines.append(_pager(person.slug, page, pages, up))
    return front + "\n" + "\n".join(lines)


def _roles_section(person: Person) -> list[str]:
    """The roles as the articles gave them, each with the newest ``ROLE_LINKS`` briefings that gave it."""
    roles = _roles(person)
    if not roles:
        return ["## Roles\n", "The articles give no role.\n"]
    lines = ["## Roles\n"]
    for role, given_by in roles:
        where = ", ".join(f"[{escape_md(b.title)}](../briefings/{b.slug}.md)" for b in given_by[:ROLE_LINKS])
        if len(given_by) > ROLE_LINKS:
            where += f" and {_plural(len(given_by) - ROLE_LINKS, 'more briefing')}"
        lines.append(f"- {escape_md(role)}: in {where}")
    lines.append("")
    return lines


def person_pages(people: dict[str, Person], page_size: int = PERSON_PAGE_SIZE) -> dict[str, str]:
    """Every person's pages, keyed by path relative to docs/."""
    return {path: render_person(people[slug], page, page_size)
            for path, slug, page in _person_page_list(people, page_size)}


def render_people_index(people: dict[str, Person]) -> str:
    front = dump_front_matter({"title": "People"})
    if not people:
        return f"{front}\n# People\n\nNo one is quoted yet.\n"
    lines = [f"- [{escape_md(p.name)}]({p.slug}.md): {_plural(p.quotes, 'quote')} in "
             f"{_plural(len(p.briefings), 'briefing')}" for p in people.values()]
    who = "1 person" if len(people) == 1 else f"{len(people):,} people"
    return f"{front}\n# People\n\n{who} quoted in the briefings, by name.\n\n" + "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------
# Related briefings

def related_briefings(briefings: Sequence[Briefing], limit: int = RELATED,
                      window: int = RELATED_WINDOW, jobs: int | None = 1) -> dict[str, list[Briefing]]:
    """Slug -> up to ``limit`` other briefings sharing the most people and topics, best first.

    Each shared person or topic (compared by slug) adds its weight, PERSON_WEIGHT or TOPIC_WEIGHT
    times 1 + ln(N / df) (N briefings, df of them with that person or topic): sharing a rare topic
    says more than sharing one that is everywhere. Ties go to the briefing nearer in time, then to
    the newer one. Candidates come from inverted indexes (topic or person -> briefings, in time
    order); for a topic or person with very many briefings only the ``window`` nearest in time on
    either side are looked at, so the work is O(n * k * window) for n briefings with k topics and
    people each, never O(n^2).
    """
    ordered = sort_newest_first(briefings)
    postings: dict[tuple[str, str], list[int]] = {}
    keys_of: list[list[tuple[tuple[str, str], int]]] = []
    for i, b in enumerate(ordered):
        keys = {("p", _slug(p, "person")) for p in b.people} | {("t", _slug(k, "topic")) for k in b.keywords}
        mine = []
        for key in sorted(keys):
            posting = postings.setdefault(key, [])
            mine.append((key, len(posting)))
            posting.append(i)
        keys_of.append(mine)
    n = len(ordered)
    # integer weights (in millionths): sums are exact, so equal scores tie whatever the order of adding
    weights = {key: round(1e6 * (PERSON_WEIGHT if key[0] == "p" else TOPIC_WEIGHT) * (1 + math.log(n / len(posting))))
               for key, posting in postings.items()}

    def best(i: int) -> list[int]:
        scores: dict[int, int] = {}
        get = scores.get
        for key, pos in keys_of[i]:
            weight = weights[key]
            for j in postings[key][max(0, pos - window): pos + window + 1]:
                scores[j] = get(j, 0) + weight
        scores.pop(i, None)
        if len(scores) > limit:  # only candidates scoring at least the limit-th best can make it
            floor = heapq.nlargest(limit, scores.values())[-1]
            candidates = [(-score, abs(j - i), j) for j, score in scores.items() if score >= floor]
        else:
            candidates = [(-score, abs(j - i), j) for j, score in scores.items()]
        return [j for _, _, j in sorted(candidates)[:limit]]

    from generator.runner import fork_map

    chosen = fork_map(best, range(n), jobs, min_items=PARALLEL_RELATED_MIN)
    return {b.slug: [ordered[j] for j in chosen[i]] for i, b in enumerate(ordered)}


# ---------------------------------------------------------------------------------------------
# All pages

class OwnPages(Mapping[str, str]):
    """Briefing pages without their related briefings (render.render_briefing_own), made by the
    processes that made the briefings, until docs_pages adds the related ones.

    Kept as UTF-8 in one buffer: as separate strings, 5,000 of them took 160 MB (a page with one
    curly quote is stored at two bytes a character) and, once freed, left as many holes in the
    heap, which stayed resident for the rest of the build (its peak memory grew by 200 MB).
    """

    def __init__(self) -> None:
        self._buffer = bytearray()
        self._spans: dict[str, tuple[int, int]] = {}

    def add(self, key: str, page: bytes) -> None:
        self._spans[key] = (len(self._buffer), len(page))
        self._buffer += page

    def rekeyed(self, keys: Mapping[str, str]) -> OwnPages:
        """The same pages (same buffer) under new keys: ``keys`` maps each new key to an old one."""
        other = OwnPages()
        other._buffer = self._buffer
        other._spans = {new: self._spans[old] for new, old in keys.items() if old in self._spans}
        return other

    def __getitem__(self, key: str) -> str:
        start, size = self._spans[key]
        return str(memoryview(self._buffer)[start:start + size], "utf-8", "surrogatepass")

    def __contains__(self, key: object) -> bool:
        return key in self._spans

    def __iter__(self):
        return iter(self._spans)

    def __len__(self) -> int:
        return len(self._spans)


PARALLEL_RENDER_MIN = 100  # pages per process below which forking costs more than it saves
PARALLEL_RELATED_MIN = 500  # briefings per process, likewise, for related briefings and page keys


def docs_pages(briefings: Sequence[Briefing], site_name: str, site_url: str | None = None, *,
               keys: dict[str, str] | None = None,
               reuse: Callable[[str, str], bool] | None = None, jobs: int | None = 1,
               own_pages: Mapping[str, str] | None = None,
               stories: Mapping[str, Story] | None = None) -> dict[str, str | None]:
    """Every generated page, keyed by its path relative to docs/, in a stable order.

    With ``keys``, the key of each briefing, topic and person page (everything it is rendered
    from) is recorded there; ``reuse(path, key)`` may then say that the page a previous build
    rendered from the same key is still in place: it is kept as it is, neither rendered nor read
    (None in the result; at 5,000 briefings, reading the 7,600 kept pages took 0.3 s).

    ``own_pages`` holds, by slug, briefing pages already rendered without their related
    briefings (render.render_briefing_own); only the related briefings are added to them. The
    pages left to render, and the related briefings, are shared among ``jobs`` processes (None:
    one per CPU) when there are enough of them.

    ``stories`` are the stories of ``briefings`` as generator.stories.annotate made them (with the
    briefings it returned); without them, the briefings are annotated here.
    """
    global _entries
    if stories is None:
        briefings, stories = annotate(briefings)
    _entries = {}
    try:
        return _docs_pages(briefings, site_name, site_url, keys, reuse, jobs, own_pages or {}, stories)
    finally:
        _entries = None


# While docs_pages runs: the indexes its pages are rendered from (read by _render_item, in this
# process or in the forked ones that share the rendering).
_context: dict | None = None


def _render_item(item: tuple) -> str:
    kind = item[0]
    if kind == "briefing":
        _, b, related, story = item
        return with_related(render_briefing_own(b) + story, related) if story else render_briefing(b, related)
    if kind == "topic":
        _, name, page = item
        return render_topic(name, _context["topics"][name], _context["topics"], page=page,
                            site_url=_context["site_url"], canonical=_context["canonical"])
    _, slug, page = item
    return render_person(_context["people"][slug], page)


def _docs_pages(briefings, site_name, site_url, keys, reuse, jobs, own_pages, stories) -> dict[str, str | None]:
    from generator.runner import fork_map

    global _context
    out: dict[str, str | None] = {}
    related = related_briefings(briefings, jobs=jobs)
    salt = _render_salt() if keys is not None else ""
    todo: list[tuple[str, tuple]] = []

    def reuse_or_queue(pages: list[tuple[str, tuple]], key_of: Callable[[tuple], str], min_items: int) -> None:
        """Each (path, item) page: kept from a previous build that rendered it from the same key
        (None), made from its own page (``own_pages``), or queued in ``todo`` to be rendered. The
        keys are computed by ``jobs`` processes."""
        page_keys = (fork_map(key_of, [item for _, item in pages], jobs, min_items=min_items)
                     if keys is not None else None)
        for n, (rel, item) in enumerate(pages):
            if page_keys is not None:
                keys[rel] = key = page_keys[n]
                if reuse is not None and reuse(rel, key):
                    out[rel] = None
                    continue
            # A page rendered with its briefing knows nothing of the archive's stories and copies
            # (its front matter says null): one that has them is rendered again.
            if item[0] == "briefing" and item[1].slug in own_pages and not (item[1].story or item[1].same_as):
                out[rel] = with_related(own_pages[item[1].slug] + item[3], item[2])
            else:
                todo.append((rel, item))

    by_slug = {b.slug: b for b in briefings}
    copies = copies_of(briefings)

    def section(b: Briefing) -> str:
        return briefing_section(b, stories, by_slug, copies, "../")

    reuse_or_queue([(f"briefings/{b.slug}.md", ("briefing", b, related.get(b.slug, ()), section(b)))
                    for b in briefings],
                   lambda item: briefing_page_key(item[1], item[2], salt, item[3]), PARALLEL_RELATED_MIN)
    # A copy keeps its page (old links work, and it says where the text first ran) but is not
    # listed again where its canonical briefing is: that one stands for it.
    listed = [b for b in briefings if not b.same_as]
    topics = {name: _without_copies(items) for name, items in topic_index(briefings).items()}
    people = people_index(briefings)
    for person in people.values():
        person.briefings = _without_copies(person.briefings)
    out["index.md"] = render_home(listed, site_name, site_url)
    out.update(archive_pages(listed))
    out.update(story_pages(stories, briefings))
    out["topics/index.md"] = render_topic_index(topics)
    out["people/index.md"] = render_people_index(people)
    listings = [(path, ("topic", name, page)) for path, name, page in _topic_page_list(topics)]
    listings += [(path, ("person", slug, page)) for path, slug, page in _person_page_list(people)]
    _context = {"topics": topics, "canonical": {_slug(t, "topic"): t for t in topics}, "site_url": site_url,
                "people": people}
    try:
        reuse_or_queue(listings, lambda item: _listing_page_key(item, salt), PARALLEL_RENDER_MIN)
        pages = fork_map(_render_item, [item for _, item in todo], jobs, min_items=PARALLEL_RENDER_MIN)
    finally:
        _context = None
    out.update(zip((rel for rel, _ in todo), pages, strict=True))
    return dict(sorted(out.items()))


def _without_copies(items: list[Briefing]) -> list[Briefing]:
    """``items`` less the copies whose canonical briefing is among them."""
    present = {b.slug for b in items}
    return [b for b in items if not (b.same_as and b.same_as in present)]


def _render_salt() -> str:
    from generator.cache import generator_fingerprint

    return generator_fingerprint()


def briefing_page_key(b: Briefing, related: Sequence[Briefing], salt: str, story: str = "") -> str:
    """A digest of everything a briefing page reads (the briefing, what it shows of its related
    briefings, its story section), and of the code that renders it."""
    shown = [(o.title, o.slug, o.source.published, o.source.name, o.source.publisher) for o in related]
    return hashlib.sha256(f"{salt}\0{b!r}\0{shown!r}\0{story}".encode("utf-8", "surrogatepass")).hexdigest()


def _listed(b: Briefing) -> str:
    """What a listing shows of a briefing (_listing_entry, and the headings of person pages), as a
    string; made once per briefing while docs_pages runs (a briefing is listed on many pages)."""
    if _entries is not None and (id(b), "key") in _entries:
        return _entries[id(b), "key"]
    shown = repr((b.title, b.slug, b.source.published, b.source.name, b.source.publisher, b.reading_time, b.summary))
    if _entries is not None:
        _entries[id(b), "key"] = shown
    return shown


def _listing_page_key(item: tuple, salt: str) -> str:
    """A digest of everything a topic or person page (``item``, as _render_item takes it) is
    rendered from, read from ``_context`` as _render_item reads it: a page whose key is the one it
    had in the previous build is that build's page, and is not rendered again. At 5,000 briefings
    their 2,560 pages (49 MB of Markdown) took 1.1 s to render; their keys take a fraction of that."""
    kind, name, page = item
    if kind == "topic":
        items = _context["topics"][name]
        shown = items[(page - 1) * TOPIC_PAGE_SIZE: page * TOPIC_PAGE_SIZE]
        inputs = (name, page, len(items), TOPIC_PAGE_SIZE, _context["site_url"] if page == 1 else None,
                  [_listed(b) for b in shown], _co_topics(name, items, _context["canonical"]) if page == 1 else None)
    else:
        person = _context["people"][name]
        shown = person.briefings[(page - 1) * PERSON_PAGE_SIZE: page * PERSON_PAGE_SIZE]
        quotes = [(_listed(b), [(q.text, q.role, q.paragraph) for q in _quotes_of(person, b)]) for b in shown]
        roles = [(role, [_listed(b) for b in given]) for role, given in _roles(person)] if page == 1 else None
        inputs = (name, page, person.name, sorted(person.spellings), person.quotes, len(person.briefings),
                  PERSON_PAGE_SIZE, ROLE_LINKS, quotes, roles)
    return hashlib.sha256(f"{salt}\0{kind}\0{inputs!r}".encode("utf-8", "surrogatepass")).hexdigest()


def records(briefings: Sequence[Briefing]) -> list[dict]:
    """The briefings.json records: the front matter of each briefing, plus its page's path."""
    items = []
    for b in sorted(briefings, key=lambda b: b.slug):
        record = briefing_front_matter(b)
        record.pop("template", None)
        record["path"] = f"briefings/{b.slug}/"
        items.append(record)
    return items


def records_json(items: list[dict]) -> str:
    """A JSON array with one record per line: diffable, and written by json's C encoder (which an
    ``indent`` turns off: indenting 5,000 records took most of a one-article rebuild's 0.4 s here)."""
    if not items:
        return "[]\n"
    return json_text("[\n" + ",\n".join(json.dumps(item, ensure_ascii=False) for item in items) + "\n]\n")


def site_files(briefings: Sequence[Briefing], site_url: str | None, site_name: str) -> dict[str, str]:
    """Files written into the built site beside MkDocs' output, keyed by path relative to it:
    briefings.json always; the feeds only when the site's absolute address is known."""
    files = {"briefings.json": records_json(records(briefings))}
    base = feeds.site_base(site_url)
    if base is None:
        log.info("Feeds not written: the site's address is not known (pass --site-url or set site_url "
                 "in mkdocs.yml)")
        return files
    topics = {_slug(name, "topic"): (name, items) for name, items in topic_index(briefings).items()}
    files.update(feeds.feed_files(sort_newest_first(briefings), topics, base, site_name))
    log.info("Feeds written: %s, %s and %d topic feeds", feeds.ALL_RSS, feeds.ALL_JSON, len(topics))
    return files
