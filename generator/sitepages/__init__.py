"""Site pages around the briefings, and the files written beside the built site. Strings only;
writes nothing.

Pages (paths relative to docs/):

- ``index.md``: an overview band (latest stories, the most active topics and people of the latest
  period), then compact cards of the latest ``HOME_LATEST`` briefings, and a link to the archive;
- ``archive/index.md``: every briefing by year and month, newest first; undated ones at the end
  (past ``ARCHIVE_ONE_PAGE`` briefings, an index of months with a page for each month);
- ``topics/index.md`` and ``topics/<slug>.md``: every keyword is a topic, except one naming a
  person quoted on the site (it links to their page); the index lists topics of two briefings or
  more with their counts; a topic page opens with an overview (count, dates, people, co-topics,
  stories) and lists its newest ``TOPIC_PAGE_SIZE`` briefings; older briefings are on numbered
  pages ``topics/<slug>/page-2.md``, ... so that every page stays small;
- ``people/index.md`` and ``people/<slug>.md``: everyone quoted, one page per person
  (generator.identity: a surname alone is the full name), with the roles the articles gave
  them and every quotation, linked to its paragraph; the quotations of ``PERSON_PAGE_SIZE``
  briefings per page, older ones on ``people/<slug>/page-2.md``, ...;
- ``outlets/index.md`` and ``outlets/<slug>.md``: every outlet (``source.name``, else the
  publisher; see ``outlets``) with its briefings, newest first, ``OUTLET_PAGE_SIZE`` a page, and on
  its first page its coverage over time and the stories it took part in;
- story, topic, person and outlet pages show their coverage over time as a small inline SVG
  chart (``charts``);
- each briefing ends with up to ``RELATED`` related briefings (shared people and topics, rare
  ones weighing more; see ``related_briefings``).

Files beside the site (``site_files``): ``briefings.json``, and the feeds of ``generator.feeds``
(all briefings, each topic, person and story, and ``feeds.opml`` listing them) when the site's
address is known.

Everything shown from an article passes through ``escape_md`` or ``escape_html`` (see render.py);
titles are kept as written (``page_title``) and escaped by the theme where it prints them. Work and output grow linearly with the number of briefings.

Modules: ``common`` (slugs, order, listing entries, pagers), ``home`` (home page, archive),
``topics``, ``people``, ``outlets``, ``charts`` (coverage charts), ``related``; this one puts
every page together (``docs_pages``) and keys them for reuse by incremental builds.
"""
from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Mapping, Sequence

from generator import feeds
from generator.models import Briefing
from generator.render import briefing_front_matter, json_text, render_briefing, render_briefing_own, with_related
from generator.sitepages import common
from generator.sitepages.common import (  # noqa: F401  (the package's interface)
    HOME_LATEST,
    PERSON_PAGE_SIZE,
    RELATED,
    ROLE_LINKS,
    TOPIC_PAGE_SIZE,
    _listed,
    _slug,
    sort_newest_first,
)
from generator.sitepages.home import archive_pages, render_archive, render_home  # noqa: F401
from generator.sitepages.outlets import (  # noqa: F401
    OUTLET_PAGE_SIZE,
    Outlet,
    outlet_index,
    outlet_page_inputs,
    outlet_page_list,
    outlet_pages,
    render_outlet,
    render_outlets_index,
)
from generator.sitepages.people import (  # noqa: F401
    Person,
    _person_page_list,
    _quotes_of,
    _roles,
    people_index,
    person_pages,
    render_people_index,
    render_person,
)
from generator.sitepages.related import related_briefings
from generator.identity import resolve
from generator.sitepages.topics import (  # noqa: F401
    _co_topics,
    topic_overview,
    _topic_page_list,
    render_topic,
    render_topic_index,
    topic_index,
    topic_pages,
)
from generator.stories import Story, annotate
from generator.storypages import briefing_section, copies_of, story_pages

log = logging.getLogger(__name__)

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
    if stories is None:
        briefings, stories = annotate(briefings)
    common._entries = {}
    try:
        return _docs_pages(briefings, site_name, site_url, keys, reuse, jobs, own_pages or {}, stories)
    finally:
        common._entries = None


# While docs_pages runs: the indexes its pages are rendered from (read by _render_item, in this
# process or in the forked ones that share the rendering).
_context: dict | None = None


def _render_item(item: tuple) -> str:
    kind = item[0]
    if kind == "briefing":
        _, b, related, story, links = item
        return with_related(render_briefing_own(b, links) + story, related)
    if kind == "topic":
        _, name, page = item
        return render_topic(name, _context["topics"][name], _context["topics"], page=page,
                            site_url=_context["site_url"], canonical=_context["canonical"],
                            overview=_topic_overview(name) if page == 1 else None)
    if kind == "outlet":
        _, slug, page = item
        return render_outlet(_context["outlets"][slug], page, _context["stories"], _context["by_slug"])
    _, slug, page = item
    return render_person(_context["people"][slug], page, site_url=_context["site_url"])


def _docs_pages(briefings, site_name, site_url, keys, reuse, jobs, own_pages, stories) -> dict[str, str | None]:
    from generator.runner import fork_map

    global _context
    out: dict[str, str | None] = {}
    related = related_briefings(briefings, jobs=jobs, min_items=PARALLEL_RELATED_MIN)
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
            if (item[0] == "briefing" and item[1].slug in own_pages
                    and not (item[1].story or item[1].same_as or item[4] != ((), ()))):
                out[rel] = with_related(own_pages[item[1].slug] + item[3], item[2])
            else:
                todo.append((rel, item))

    by_slug = {b.slug: b for b in briefings}
    copies = copies_of(briefings)
    # One identity per person (generator.identity): the page each quoted name links to, and the
    # keywords that name a person with a page (no topics: they link to the person).
    ids = resolve(briefings)
    person_topics = _person_keywords(briefings, ids)

    def links(b: Briefing) -> tuple:
        return (ids.links(b), person_topics.get(b.slug, ()))

    story_facts: dict[str, tuple[int, str]] = {}  # per story, once: its size and dates (briefing_section)

    def section(b: Briefing) -> str:
        return briefing_section(b, stories, by_slug, copies, "../", story_facts)

    reuse_or_queue([(f"briefings/{b.slug}.md", ("briefing", b, related.get(b.slug, ()), section(b), links(b)))
                    for b in briefings],
                   lambda item: briefing_page_key(item[1], item[2], salt, item[3], item[4]), PARALLEL_RELATED_MIN)
    # A copy keeps its page (old links work, and it says where the text first ran) but is not
    # listed again where its canonical briefing is: that one stands for it.
    listed = [b for b in briefings if not b.same_as]
    topics = {name: _without_copies(items)
              for name, items in topic_index(briefings, _topic_skips(person_topics)).items()}
    people = people_index(briefings, ids)
    for person in people.values():
        person.briefings = _without_copies(person.briefings)
    outlets = outlet_index(briefings)  # copies included: an outlet that ran only copies has a page
    out["index.md"] = render_home(listed, site_name, site_url, stories=stories, topics=topics, people=people,
                                   by_slug=by_slug)
    out.update(archive_pages(listed))
    out.update(story_pages(stories, briefings, ids.people_of, site_url))
    out["topics/index.md"] = render_topic_index(topics, people=len(people))
    out["people/index.md"] = render_people_index(people)
    out["outlets/index.md"] = render_outlets_index(outlets)
    listings = [(path, ("topic", name, page)) for path, name, page in _topic_page_list(topics)]
    listings += [(path, ("person", slug, page)) for path, slug, page in _person_page_list(people)]
    listings += [(path, ("outlet", slug, page)) for path, slug, page in outlet_page_list(outlets)]
    _context = {"topics": topics, "canonical": {_slug(t, "topic"): t for t in topics}, "site_url": site_url,
                "people": people, "ids": ids, "outlets": outlets, "stories": stories, "by_slug": by_slug,
                "story_titles": {slug: story.title for slug, story in sorted(stories.items())}}
    try:
        reuse_or_queue(listings, lambda item: _listing_page_key(item, salt), PARALLEL_RENDER_MIN)
        pages = fork_map(_render_item, [item for _, item in todo], jobs, min_items=PARALLEL_RENDER_MIN)
    finally:
        _context = None
    out.update(zip((rel for rel, _ in todo), pages, strict=True))
    return dict(sorted(out.items()))


def _person_keywords(briefings: Sequence[Briefing], ids) -> dict[str, tuple[tuple[str, str], ...]]:
    """Briefing slug -> its keywords that name a person with a page, with the page's slug
    (generator.identity.Identities.keyword_person), for the briefings that have any."""
    found = {}
    for b in briefings:
        pairs = tuple(sorted((k, slug) for k in b.keywords if (slug := ids.keyword_person(b, k))))
        if pairs:
            found[b.slug] = pairs
    return found


def _topic_skips(person_keywords: Mapping[str, tuple[tuple[str, str], ...]]) -> dict[str, frozenset[str]]:
    return {slug: frozenset(k for k, _ in pairs) for slug, pairs in person_keywords.items()}


def _without_copies(items: list[Briefing]) -> list[Briefing]:
    """``items`` less the copies whose canonical briefing is among them."""
    present = {b.slug for b in items}
    return [b for b in items if not (b.same_as and b.same_as in present)]


def _render_salt() -> str:
    from generator.cache import generator_fingerprint

    return generator_fingerprint()


def briefing_page_key(b: Briefing, related: Sequence[Briefing], salt: str, story: str = "",
                      links: tuple = ((), ())) -> str:
    """A digest of everything a briefing page reads (the briefing, what it shows of its related
    briefings, its story section, the person pages its names link to), and of the code that
    renders it."""
    shown = [(o.title, o.slug, o.source.published, o.source.name, o.source.publisher) for o in related]
    return hashlib.sha256(f"{salt}\0{b!r}\0{shown!r}\0{story}\0{links!r}".encode("utf-8", "surrogatepass")).hexdigest()


def _topic_overview(name: str) -> tuple:
    """The overview of a topic's first page (topics.topic_overview), from ``_context``."""
    return topic_overview(name, _context["topics"][name], _context["canonical"], _context["ids"].people_of,
                          _context["story_titles"])


def _listing_page_key(item: tuple, salt: str) -> str:
    """A digest of everything a topic or person page (``item``, as _render_item takes it) is
    rendered from, read from ``_context`` as _render_item reads it: a page whose key is the one it
    had in the previous build is that build's page, and is not rendered again. At 5,000 briefings
    their 2,560 pages (49 MB of Markdown) took 1.1 s to render; their keys take a fraction of that."""
    kind, name, page = item
    if kind == "outlet":
        outlet = _context["outlets"][name]
        shown = outlet.briefings[(page - 1) * OUTLET_PAGE_SIZE: page * OUTLET_PAGE_SIZE]
        inputs = (outlet_page_inputs(outlet, page, _context["stories"], _context["by_slug"]),
                  [_listed(b) for b in shown])
    elif kind == "topic":
        items = _context["topics"][name]
        shown = items[(page - 1) * TOPIC_PAGE_SIZE: page * TOPIC_PAGE_SIZE]
        inputs = (name, page, len(items), TOPIC_PAGE_SIZE, _context["site_url"] if page == 1 else None,
                  [_listed(b) for b in shown], _topic_overview(name) if page == 1 else None)
        if page == 1:  # the coverage chart (charts.py)
            inputs += ([b.source.published for b in items],)
    else:
        person = _context["people"][name]
        shown = person.briefings[(page - 1) * PERSON_PAGE_SIZE: page * PERSON_PAGE_SIZE]
        quotes = [(_listed(b), [(q.text, q.role, q.paragraph, q.speaker) for q in _quotes_of(person, b)])
                  for b in shown]
        roles = [(role, [_listed(b) for b in given]) for role, given in _roles(person)] if page == 1 else None
        inputs = (name, page, person.name, sorted(person.spellings), person.quotes, len(person.briefings),
                  PERSON_PAGE_SIZE, ROLE_LINKS, quotes, roles)
        if page == 1:  # the coverage chart (charts.py) and the feed link
            inputs += ([b.source.published for b in person.briefings], _context["site_url"])
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
    ids = resolve(briefings)
    skip = _topic_skips(_person_keywords(briefings, ids))  # a person's name has no topic feed
    topics = {_slug(name, "topic"): (name, items) for name, items in topic_index(briefings, skip).items()}
    people = {slug: (person.name, person.briefings) for slug, person in people_index(briefings, ids).items()}
    stories = story_feeds(briefings)
    files.update(feeds.feed_files(sort_newest_first(briefings), topics, base, site_name, people=people, stories=stories))
    log.info("Feeds written: %s, %s, %d topic, %d person and %d story feeds, listed in %s", feeds.ALL_RSS,
             feeds.ALL_JSON, len(topics), len(people), len(stories), feeds.OPML)
    return files


def story_feeds(briefings: Sequence[Briefing]) -> dict[str, tuple[str, list[Briefing]]]:
    """Story slug -> (its title, its briefings newest first), from the briefings' ``story`` (set by
    generator.stories.annotate across the archive; a story's slug is its first briefing's, and its
    title that briefing's headline)."""
    members: dict[str, list[Briefing]] = {}
    for b in briefings:
        if b.story:
            members.setdefault(b.story, []).append(b)
    by_slug = {b.slug: b for b in briefings}
    out = {}
    for slug, items in sorted(members.items()):
        if len(items) < 2:
            continue
        first = by_slug.get(slug) or min(items, key=lambda b: (b.source.published or "9999", b.slug))
        out[slug] = (first.title, sort_newest_first(items))
    return out
