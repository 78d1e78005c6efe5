"""Briefings and site pages as Markdown strings. Writes nothing.

Article text is untrusted. Everything taken from it reaches the page in one of two ways, both
inert: Markdown text in which every character that Markdown or HTML would interpret is escaped
(``escape_md``), or HTML built here with every value escaped (``html.escape``). Front matter is
written by a YAML emitter, never assembled from strings. Titles are kept as written
(``page_title``): the theme escapes ``page.title`` and every front-matter value where it prints
them (theme/main.html, theme/partials/header.html, theme/partials/content.html), feeds are built by
an XML serialiser and ``json``, and JSON files escape ``<``, ``>`` and ``&`` (``json_text``).
"""
from __future__ import annotations

import hashlib
import html
import re
import unicodedata
from collections.abc import Sequence

import yaml

from generator.clean import INVISIBLE_RE, normalise
from generator.limits import MAX_BODY_WORDS
from generator.metadata import language_name, slugify, word_count
from generator.models import Briefing

# ---------------------------------------------------------------------------------------------
# Escaping

_MD_LINE_START = re.compile(r"^(\s*)([-+=>]|\d+[.)])")
# HTML's specials as entities, Markdown's inline syntax behind a backslash: one pass of str.translate
_MD_CHARS = {ord(c): "\\" + c for c in "\\`*_[]{}!#"} | {ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;"}


def escape_md(text: str) -> str:
    """Escape one line of text so that Markdown shows it literally.

    HTML is neutralised by entities; Markdown's inline and line-start syntax (emphasis, links,
    code, headings, lists, block quotes, admonitions, attribute lists, tables) by backslashes.
    """
    text = plain(text).translate(_MD_CHARS)
    match = _MD_LINE_START.match(text)
    if match:
        lead, marker = match.group(1), match.group(2)
        if marker[-1] in "-+.)":
            text = lead + marker[:-1] + "\\" + marker[-1] + text[match.end():]
        elif marker == "=":
            text = lead + "&#61;" + text[match.end():]
    return text


def plain(text: str | None) -> str:
    """One line of text without control, invisible or direction-changing characters."""
    if not text:
        return ""
    if INVISIBLE_RE.search(text) is None and unicodedata.is_normalized("NFC", text):
        # normalise() would change only whitespace, which split() drops anyway
        return " ".join(text.split())
    return " ".join(normalise(text).split())


def escape_html(text: str | None) -> str:
    return html.escape(plain(text), quote=True)


def page_title(text: str | None) -> str:
    """A page's title as the article wrote it, on one line ("Untitled" when it has none).

    Nothing is replaced: every output escapes it in its own way (see the module's docstring)."""
    return plain(text) or "Untitled"


def json_text(text: str) -> str:
    """JSON text with ``<``, ``>`` and ``&`` written as \\u escapes: the same strings for every
    JSON reader, and nothing a browser or an HTML page that embeds the file could take as markup."""
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


# libyaml's safe emitter when PyYAML has it (8 times faster, same output), else the Python one.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _plain_values(value):
    if isinstance(value, str):
        return plain(value)
    if isinstance(value, dict):
        return {k: _plain_values(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain_values(v) for v in value]
    return value


def dump_front_matter(data: dict) -> str:
    """YAML front matter from a real emitter; strings reduced to plain one-line text first."""
    body = yaml.dump(_plain_values(data), Dumper=_DUMPER, sort_keys=False, allow_unicode=True, width=100,
                     default_flow_style=False)
    return f"---\n{body}---\n"


# ---------------------------------------------------------------------------------------------
# Slugs of topics and people

def name_slug(name: str, prefix: str) -> str:
    """An ASCII slug for a topic or person; a short hash where the name has no Latin letters."""
    slug = slugify(name)
    if not slug:
        slug = f"{prefix}-{hashlib.sha256(name.encode('utf-8')).hexdigest()[:10]}"
    elif slug == "index":  # topics/index.md and people/index.md are the index pages
        slug = f"{prefix}-index"
    return slug


_OUTLET_LEAD = re.compile(r"^(?:the\s+|www\.)", re.I)


def outlet_slug(name: str) -> str:
    """The slug of an outlet's page (outlets/<slug>.md): its name's, a leading "The" or "www."
    aside, so that "The Harbour Ledger" and "Harbour Ledger" are one outlet."""
    key = _OUTLET_LEAD.sub("", plain(name))
    return name_slug(key or plain(name), "outlet")


class Links:
    """Markdown link targets (source paths) from a briefing in docs/briefings/.

    Links are written as Markdown links to .md files, never as raw HTML hrefs: MkDocs, ProperDocs
    and Zensical each turn them into the right URL for their own URL scheme, and check them.
    """

    @staticmethod
    def topic(name: str) -> str:
        return f"../topics/{name_slug(name, 'topic')}.md"

    @staticmethod
    def person(name: str) -> str:
        return f"../people/{name_slug(name, 'person')}.md"

    @staticmethod
    def outlet(name: str) -> str:
        return f"../outlets/{outlet_slug(name)}.md"


# ---------------------------------------------------------------------------------------------
# Briefing page

def briefing_front_matter(b: Briefing) -> dict:
    return {
        "title": page_title(b.title),
        "slug": b.slug,
        "template": "briefing.html",
        "source": {
            "name": b.source.name,
            "publisher": b.source.publisher,
            "url": b.source.url,
            "published": b.source.published,
            "author": b.source.author,
            "language": b.source.language,
            "translated_from": b.source.translated_from,
            "file": b.source.file,
        },
        "keywords": list(b.keywords),
        "quotes": [_quote_record(q) for q in b.quotes],
        "people": list(b.people),
        "summary": b.summary,
        "word_count": b.word_count,
        "reading_time": b.reading_time,
        **({"words_shown": shown} if (shown := shown_words(b)) < b.word_count else {}),
        "same_as": b.same_as,
        "story": b.story,
    }


def render_briefing(b: Briefing, related: Sequence[Briefing] = (), links: PersonLinks = ((), ())) -> str:
    """The briefing's page; ``related`` (other briefings, best first) are listed at its foot."""
    return with_related(render_briefing_own(b, links), related)


def with_related(own: str, related: Sequence[Briefing]) -> str:
    """A briefing's page from :func:`render_briefing_own` and the briefings related to it."""
    if not related:
        return own
    return f"{own}\n## Related briefings\n\n{_related(related)}"


# The person pages a briefing's names link to where the archive knows better than the name's own
# slug (generator.identity): ((speaker, person slug), ...) and ((keyword, person slug), ...), sorted.
PersonLinks = tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]


def render_briefing_own(b: Briefing, links: PersonLinks = ((), ())) -> str:
    """The briefing's page without its related briefings: everything on it that comes from the
    briefing alone. Most of a page's rendering, so it is done by the process that made the
    briefing, in parallel with the others (generator.pipeline.process_seed).

    ``links`` sends a speaker named by surname to the person's page under their full name, and a
    topic that names a quoted person to that person's page (the site's pages give them)."""
    speakers, keyword_people = dict(links[0]), dict(links[1])
    parts = [dump_front_matter(briefing_front_matter(b)), f"# {escape_md(b.title)}\n", _card(b)]
    if b.keywords:
        parts.append(_chips(b.keywords, keyword_people))
    parts.append("## Summary\n")
    parts.append(f"{escape_md(b.summary)}\n{{: .briefing-summary dir=\"auto\" }}\n" if b.summary else "")
    if b.quotes:
        parts.append("## Key quotes\n")
        parts.append(_quote_box(b, speakers))
    parts.append("## Text\n")
    for index, paragraph in enumerate(b.paragraphs, start=1):
        parts.append(f"{escape_md(paragraph)}\n{{: #p-{index} dir=\"auto\" }}\n")
    shown = shown_words(b)
    if shown < b.word_count:
        parts.append(f"*The text is shortened: the first {shown:,} of the article's {b.word_count:,} words are "
                     "shown.*\n{: .briefing-shortened }\n")
    return "\n".join(p for p in parts if p)


def shown_words(b: Briefing) -> int:
    """How many of the article's words the briefing's text holds (fewer than ``word_count`` only
    when a huge article was cut for processing: generator.limits)."""
    if b.word_count <= MAX_BODY_WORDS:  # nothing was cut
        return b.word_count
    return min(word_count(b.paragraphs), b.word_count)


def _card(b: Briefing) -> str:
    s = b.source
    rows: list[tuple[str, str]] = []
    outlet_row = ""
    if plain(s.name or s.publisher):
        # A Markdown link (md_in_html) to the outlet's page, so that every MkDocs-like tool resolves it.
        outlet = f"[{escape_md(s.name or s.publisher)}]({Links.outlet(s.name or s.publisher)})"
        if s.name and s.publisher and s.publisher != s.name:
            outlet += f' <span class="briefing-card__publisher">({escape_md(s.publisher)})</span>'
        outlet_row = (f'<div class="briefing-card__row" markdown="block">\n<dt>Outlet</dt>\n'
                      f'<dd dir="auto" markdown="span">{outlet}</dd>\n</div>\n')
    if s.published:
        rows.append(("Published", f'<time datetime="{escape_html(s.published)}">{escape_html(s.published)}</time>'))
    if s.author:
        rows.append(("Author", escape_html(s.author)))
    if s.language:
        language = escape_html(language_name(s.language))
        if s.translated_from:
            language += f", translated from {escape_html(language_name(s.translated_from))}"
        rows.append(("Language", language))
    elif s.translated_from:
        rows.append(("Original language", escape_html(language_name(s.translated_from))))
    rows.append(("Reading time", f"{b.reading_time} min ({b.word_count:,} words)"))
    if s.url and re.match(r"https?://", s.url, re.I):  # never a javascript: or data: link
        rows.append(("Source", f'<a href="{escape_html(s.url)}" rel="nofollow noopener noreferrer">'
                               f"{escape_html(_display_url(s.url))}</a>"))
    items = "".join(f'<div class="briefing-card__row"><dt>{k}</dt> <dd dir="auto">{v}</dd></div>' for k, v in rows)
    if not outlet_row:
        return f'<dl class="briefing-card" aria-label="Source" data-pagefind-ignore>{items}</dl>\n'
    rows_html = "\n".join(f'<div class="briefing-card__row"><dt>{k}</dt> <dd dir="auto">{v}</dd></div>'
                          for k, v in rows)
    return (f'<dl class="briefing-card" aria-label="Source" data-pagefind-ignore markdown="block">\n'
            f'{outlet_row}{rows_html}\n</dl>\n')


def _display_url(url: str) -> str:
    host = re.sub(r"^https?://(?:www\.)?", "", url).split("/")[0]
    return host or url


def _chips(keywords: Sequence[str], people: dict[str, str] | None = None) -> str:
    """Topic chips: Markdown links (md_in_html) in a labelled list; a keyword naming a person
    quoted on the site (``people``: keyword -> person slug) links to the person's page."""
    people = people or {}
    chips = "\n".join(
        f'<li markdown="span">[{escape_md(k)}]'
        f'({f"../people/{people[k]}.md" if k in people else Links.topic(k)}){{ .md-tag .briefing-topic }}</li>'
        for k in keywords
    )
    return (f'<nav class="briefing-topics" aria-label="Topics" markdown="block">\n'
            f'<ul class="md-tags" markdown="block">\n{chips}\n</ul>\n</nav>\n')


def _quote_record(q) -> dict:
    """A quote's front-matter record; a quotation woven into the writer's sentence adds
    ``fragment: true`` and its ``lead_in`` (the writer's words before it in the sentence)."""
    record = {"text": q.text, "speaker": q.speaker, "role": q.role, "paragraph": q.paragraph + 1}
    if q.fragment:
        record["fragment"] = True
        record["lead_in"] = q.lead_in
    return record


def _quote_box(b: Briefing, pages: dict[str, str] | None = None) -> str:
    """The key quotes, each with its speaker (linked to their page), role and paragraph.

    Written with md_in_html so that the links are Markdown links; every text is escape_md'ed.
    """
    people = set(b.people)
    items = []
    for q in b.quotes:
        if q.speaker and q.speaker in people:  # a person: their page lists all their quotes
            target = f"../people/{pages[q.speaker]}.md" if pages and q.speaker in pages else Links.person(q.speaker)
            who = f"[{escape_md(q.speaker)}]({target}){{ .key-quote__speaker }}"
        elif q.speaker:
            who = f'<span class="key-quote__speaker">{escape_md(q.speaker)}</span>'
        else:
            who = '<span class="key-quote__speaker">Unattributed</span>'
        role = f' <span class="key-quote__role">{escape_md(q.role)}</span>' if q.role else ""
        n = q.paragraph + 1
        items.append(
            f'<li class="key-quote" markdown="block">\n'
            f'<blockquote dir="auto" markdown="block">\n{_quote_words(q)}\n</blockquote>\n'
            f'<p class="key-quote__source" dir="auto" markdown="span">{who}{role} '
            f"[in context ¶{n}](#p-{n}){{ .key-quote__context }}</p>\n</li>"
        )
    return f'<ol class="key-quotes" aria-label="Key quotes" markdown="block">\n{chr(10).join(items)}\n</ol>\n'


def _quote_words(q) -> str:
    """The quotation; a woven one after its lead-in, in marks (``Ruiz said the plan was “a gamble.”``)."""
    if not (q.fragment and q.lead_in):
        return escape_md(q.text)
    return (f'<span class="key-quote__lead">{escape_md(q.lead_in)}</span> '
            f'<span class="key-quote__fragment">“{escape_md(q.text)}”</span>')


def _related(related: Sequence[Briefing]) -> str:
    """Markdown links to related briefings (so every MkDocs-like tool resolves them), each item left
    out of search indexes: their words belong to other pages."""
    items = []
    for other in related:
        facts = [x for x in (other.source.published, other.source.name or other.source.publisher) if x]
        meta = f" · {escape_md(', '.join(facts))}" if facts else ""
        items.append(f"- [{escape_md(other.title)}]({other.slug}.md){meta}\n"
                     "  {: .briefing-related data-search-exclude data-pagefind-ignore }")
    return "\n".join(items) + "\n"
