"""Plain data passed between the pipeline stages.

ingest -> RawArticle -> clean -> CleanText -> (metadata, keywords, quotes, summary) -> Briefing -> render
Every stage is a pure function of these values; only ingest and site touch files.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePosixPath


@dataclass(frozen=True)
class RawArticle:
    """One input file as read from ``seeds/``: decoded text plus metadata it carried alongside."""

    path: str  # path relative to the seeds folder, POSIX style, e.g. "world/iran.txt"
    kind: str  # "txt", "md" or "html"
    text: str  # decoded body (front matter removed for Markdown, extracted text for HTML)
    meta: dict = field(default_factory=dict)  # sidecar / front matter / HTML metadata, validated keys only
    warnings: tuple[str, ...] = ()  # non-fatal problems met while reading (e.g. a sidecar value dropped)

    @property
    def stem(self) -> str:
        return PurePosixPath(self.path).stem


@dataclass(frozen=True)
class CleanText:
    """Article text after normalisation and boilerplate removal."""

    title: str | None  # headline picked from the text (None when the input has none)
    paragraphs: tuple[str, ...]  # body paragraphs, one string each, no line breaks inside
    removed: tuple[str, ...] = ()  # boilerplate lines that were dropped (for --verbose and tests)
    translated_from: str | None = None  # language named by a translation note, as written ("Arabic")
    outlet_hints: tuple[str, ...] = ()  # outlet names stated by boilerplate ("Discover more from X")
    publisher_hints: tuple[str, ...] = ()  # owners named by copyright lines ("© X 2026")
    outlet: str | None = None  # the outlet the strongest evidence names alone (dateline, credit, prompt)


@dataclass(frozen=True)
class Quote:
    """A direct quotation found in the body.

    ``text`` is verbatim, without the quote marks; the pieces of one interrupted quotation are
    joined with " … ". ``paragraph`` is the 0-based index of the paragraph where the quotation
    starts and ``start``/``end`` are character offsets of its first opening mark and last closing
    mark in that paragraph (``end`` may refer to a later paragraph for multi-paragraph quotes:
    see ``end_paragraph``).
    """

    text: str
    speaker: str | None
    role: str | None
    paragraph: int
    start: int
    end: int
    end_paragraph: int | None = None
    # True for a quotation woven into the writer's sentence (Ruiz said the plan was “a gamble
    # that will cost lives.”); ``lead_in`` is then the writer's words before it in the sentence.
    fragment: bool = False
    lead_in: str | None = None


@dataclass(frozen=True)
class Source:
    name: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: str | None = None  # YYYY-MM-DD
    author: str | None = None
    language: str | None = None  # ISO 639-1 code of the text as given, e.g. "en"
    translated_from: str | None = None  # ISO 639-1 code of the original language, e.g. "ar"
    file: str | None = None  # path of the seed, relative to the seeds folder


@dataclass(frozen=True)
class Signature:
    """What generator.stories compares a briefing by: made with the briefing (by the process that
    made it) and cached with it, so that grouping the archive reads no article text again."""

    terms: tuple[tuple[str, int], ...]  # telling words and names ("\0"-prefixed) with their counts
    shingles: tuple[int, ...]  # a content-chosen sample of its 5-grams outside quotations (CRC-32s)
    year: int | None  # the year it was published, or else the year its text names most


@dataclass(frozen=True)
class Briefing:
    title: str
    slug: str
    source: Source
    keywords: tuple[str, ...]
    quotes: tuple[Quote, ...]
    people: tuple[str, ...]
    summary: str
    paragraphs: tuple[str, ...]
    word_count: int
    reading_time: int  # minutes, at least 1
    description: str | None = None  # standfirst / meta description given by the input, if any
    # Set across the archive by generator.stories once every briefing is made (None until then):
    same_as: str | None = None  # the slug of the canonical briefing this one is a copy of
    story: str | None = None  # the slug of the story (two or more briefings on one event) it belongs to
    signature: Signature | None = field(default=None, compare=False, repr=False)  # generator.stories


@dataclass(frozen=True)
class Outcome:
    """What became of one seed: a briefing (with warnings) or the reason it was rejected."""

    path: str
    briefing: Briefing | None = None
    error: str | None = None  # the reason it was rejected (the path is in ``path``)
    warnings: tuple[str, ...] = ()
    # The briefing's page without its related briefings (render.render_briefing_own), in UTF-8,
    # rendered by the process that made the briefing. Derived from ``briefing``, so it is neither
    # compared nor cached: an outcome served from the cache has none; its page is rendered when needed.
    page: bytes | None = field(default=None, compare=False, repr=False)
