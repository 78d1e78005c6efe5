"""People: everyone quoted, with an index and a page (or pages) each."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from generator.identity import Identities, resolve
from generator import feeds
from generator.models import Briefing
from generator.render import dump_front_matter, escape_md, page_title
from generator.sitepages.charts import coverage_chart
from generator.sitepages.common import (
    PERSON_PAGE_SIZE,
    ROLE_LINKS,
    _feed_link,
    _page_count,
    page_path,
    _pager,
    _plural,
    _slug,
    sort_newest_first,
)


@dataclass
class Person:
    """Someone quoted on the site: every spelling generator.identity finds to be them is one
    person (and one page)."""

    name: str  # the most used full spelling, as written
    slug: str
    spellings: dict[str, int] = field(default_factory=dict)
    briefings: list[Briefing] = field(default_factory=list)  # newest first, each once
    quotes: int = 0
    written: dict[str, tuple[str, ...]] = field(default_factory=dict)  # briefing slug -> their spellings there


def people_index(briefings: Sequence[Briefing], ids: Identities | None = None) -> dict[str, Person]:
    """Person slug -> Person, sorted by name. A speaker is a person when the briefing lists them
    in ``people``; ``ids`` (generator.identity.resolve of the same briefings, made here when not
    given) says who each one is."""
    if ids is None:
        ids = resolve(briefings)
    found: dict[str, Person] = {}
    for b in sort_newest_first(briefings):
        for s in dict.fromkeys(b.people):
            slug = ids.person(b, s)
            if slug is None:
                continue
            person = found.get(slug)
            if person is None:
                person = found[slug] = Person(ids.names[slug], slug)
            if b.slug not in person.written:
                person.briefings.append(b)
            person.written[b.slug] = (*person.written.get(b.slug, ()), s)
        for q in b.quotes:
            slug = ids.person(b, q.speaker) if q.speaker in b.people else None
            if slug is not None:
                person = found[slug]
                person.spellings[q.speaker] = person.spellings.get(q.speaker, 0) + 1
                person.quotes += 1
    return dict(sorted(found.items(), key=lambda kv: (kv[1].name.casefold(), kv[0])))


def _quotes_of(person: Person, b: Briefing):
    spoken = person.written.get(b.slug, ())
    return [q for q in b.quotes if q.speaker and q.speaker in spoken]


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


def render_person(person: Person, page: int = 1, page_size: int = PERSON_PAGE_SIZE,
                  site_url: str | None = None) -> str:
    """One page of a person: page 1 is people/<slug>.md (with the roles and, when the site's
    address is known, a link to the person's feed), page N people/<slug>/page-N.md.

    Each page holds the quotations of ``page_size`` briefings, newest first, so that a person quoted
    in hundreds of briefings does not get one page the size of all of them.
    """
    pages = _page_count(len(person.briefings), page_size)
    shown = person.briefings[(page - 1) * page_size: page * page_size]
    title = person.name if page == 1 else f"{person.name} (page {page} of {pages})"
    front = dump_front_matter({"title": page_title(title), "person": person.name})
    up = "" if page == 1 else "../"  # numbered pages are one folder deeper
    heading = f"# {escape_md(person.name)}" + ("" if page == 1 else f" (page {page})") + " {: dir=\"auto\" }\n"
    summary = f"Quoted {_plural(person.quotes, 'time')} in {_plural(len(person.briefings), 'briefing')}, newest first"
    if pages > 1:
        first = (page - 1) * page_size + 1
        summary += f"; these are {first} to {first + len(shown) - 1}"
    lines = [heading, f"{summary}. [All people]({up}index.md)\n"]
    base = feeds.site_base(site_url)
    if base and page == 1:
        lines.append(f"Follow this person: {_feed_link(base + feeds.person_feed_path(person.slug), 'RSS feed')}\n")
    if page == 1:
        others = [s for s in person.spellings if s != person.name]
        if others:
            lines.append("Also written " + ", ".join(_bdi(s) for s in sorted(others)) + ".\n")
        lines.extend(_roles_section(person))
    if page == 1:  # coverage over time (outlets round: sitepages/charts.py)
        lines.append(coverage_chart(b.source.published for b in person.briefings))
    lines.append("## Quotations\n")
    for b in shown:
        facts = [x for x in (b.source.published, b.source.name or b.source.publisher) if x]
        lines.append(f"### [{escape_md(b.title)}]({up}../briefings/{b.slug}.md)\n")
        lines.append(f"{escape_md(', '.join(facts)) if facts else 'Date not given'}\n{{: .briefing-listing__meta }}\n")
        for q in _quotes_of(person, b):
            lines.append(f"> {escape_md(q.text)}\n> {{: dir=\"auto\" }}\n")
            role = f" · {_bdi(q.role)}" if q.role else ""
            if q.speaker != person.name:  # a surname or another spelling: say how the article named them
                role = f" · as {_bdi(q.speaker)}" + role
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
        lines.append(f"- {_bdi(role)}: in {where}")
    lines.append("")
    return lines


def _bdi(text: str) -> str:
    """Text from an article, escaped, isolated from the text around it (an Arabic name in an
    English line keeps its own direction without reordering the line)."""
    return f"<bdi>{escape_md(text)}</bdi>"


def person_pages(people: dict[str, Person], page_size: int = PERSON_PAGE_SIZE) -> dict[str, str]:
    """Every person's pages, keyed by path relative to docs/."""
    return {path: render_person(people[slug], page, page_size)
            for path, slug, page in _person_page_list(people, page_size)}


def render_people_index(people: dict[str, Person]) -> str:
    front = dump_front_matter({"title": "People"})
    if not people:
        return f"{front}\n# People\n\nNo one is quoted yet.\n"
    lines = [f"- [{_bdi(p.name)}]({p.slug}.md): {_plural(p.quotes, 'quote')} in "
             f"{_plural(len(p.briefings), 'briefing')}" for p in people.values()]
    who = "1 person" if len(people) == 1 else f"{len(people):,} people"
    return (f"{front}\n# People\n\n{who} quoted in the briefings, by name. Someone an article names by "
            "surname or first name alone is listed under their full name when the article, or else the whole "
            "site, names only one person so.\n\n" + "\n".join(lines) + "\n")


def _person_page_list(people: dict[str, Person], page_size: int = PERSON_PAGE_SIZE):
    """(path, person slug, page number) of every person page."""
    for slug, person in people.items():
        for page in range(1, _page_count(len(person.briefings), page_size) + 1):
            yield page_path("people", slug, page), slug, page
