"""One article, end to end: RawArticle -> Briefing. Pure, apart from the reading done by ingest."""
from __future__ import annotations

import re

from generator.clean import clean, split_lede_dateline
from generator.errors import BadInput
from generator.identity import is_description, is_organisation
from generator.ingest import SeedFile, read_seed
from generator.keywords import extract_keywords
from generator.keywords import load as load_keywords
from generator.metadata import (article_slug, build_source, declared_language, detect_language, reading_time,
                                word_count)
from generator.limits import KEYWORDS, MAX_BODY_WORDS, MAX_KEYWORD_WORDS, MAX_TEXT_CHARS, MIN_WORDS
from generator.models import Briefing, Outcome, RawArticle
from generator.quotes import extract_quotes
from generator.render import render_briefing_own
from generator.stories import signature
from generator.summary import sentences, summarise

MIN_TITLED_WORDS = 3  # a headline (stated or found) over a full sentence is an article from here
_SENTENCE_END = re.compile(r"[.!?。！？…]['\"’”»)]*$")


def load() -> None:
    """Import the whole analysis now (YAKE, NumPy, NetworkX: generator.keywords imports them when
    first needed) and make the English extractor, rather than on the first article."""
    load_keywords()


def process_seed(seed: SeedFile) -> Outcome:
    """Read and process one seed; every expected failure becomes an Outcome with an error."""
    try:
        raw = read_seed(seed)
        briefing, warnings = process(raw)
        return Outcome(seed.rel, briefing, None, tuple(raw.warnings) + tuple(warnings),
                       page=render_briefing_own(briefing).encode("utf-8", "surrogatepass"))
    except BadInput as exc:
        return Outcome(seed.rel, None, exc.reason)
    except RecursionError:
        return Outcome(seed.rel, None, "the file is too deeply nested to read")
    except MemoryError:
        return Outcome(seed.rel, None, "the file is too large to process in memory")


def process(raw: RawArticle) -> tuple[Briefing, list[str]]:
    """Turn one article into a briefing, or raise BadInput saying why it cannot be one."""
    title_hint = raw.meta.get("title")
    warnings: list[str] = []
    text = raw.text
    if len(text) > MAX_TEXT_CHARS:
        cut = text.rfind("\n", 0, MAX_TEXT_CHARS)
        text = text[: cut if cut > MAX_TEXT_CHARS // 2 else MAX_TEXT_CHARS]
        warnings.append(f"{raw.path}: {len(raw.text) / 1e6:.0f} million characters of text; only the first "
                        f"{MAX_TEXT_CHARS / 1e6:.0f} million were read")
    cleaned = clean(text, title_hint=title_hint, outlet=raw.meta.get("source"))
    paragraphs = cleaned.paragraphs
    # word_count states the article's whole length, also what is cut for processing (the page says so)
    words = word_count(paragraphs) + (word_count((raw.text[len(text):],)) if len(text) < len(raw.text) else 0)
    if words > MAX_BODY_WORDS:
        paragraphs = _first_words(paragraphs, MAX_BODY_WORDS)
        warnings.append(f"{raw.path}: {words:,} words of text; the briefing keeps the first {MAX_BODY_WORDS:,}")
    if not paragraphs:
        if cleaned.removed and not cleaned.title:
            raise BadInput(raw.path, "only web boilerplate (menus, share and subscribe lines), no article "
                                     "text; remove the file or paste the article's text into it")
        raise BadInput(raw.path, "has a headline but no article text below it; add the text or remove the file")
    # a headline over a full sentence is a short article; without them, short text is a caption or a stub
    titled = (title_hint or cleaned.title) and any(_SENTENCE_END.search(p) for p in paragraphs)
    if words < (MIN_TITLED_WORDS if titled else MIN_WORDS):
        raise BadInput(raw.path, f"only {words} words of article text, too short for a briefing; "
                                 "add the article's text or remove the file")
    # The metadata's language, when it states one, wins over the detected one (build_source): then
    # detection (and loading its model) would be wasted.
    language = None if declared_language(raw.meta) else detect_language(paragraphs)
    source, source_warnings = build_source(raw, cleaned, language)
    warnings.extend(source_warnings)
    title = cleaned.title or _title_from_text(paragraphs)
    exclude = [x for x in (source.name, source.publisher) if x]
    language_code = source.language or "en"
    quotes = extract_quotes(paragraphs, language_code, title=title)
    people = tuple(dict.fromkeys(q.speaker for q in quotes if q.speaker and _is_person_name(q.speaker)))
    # quotes first: the quoted people have their own pages, so their names are no keywords
    keyword_text = _first_words((split_lede_dateline(paragraphs[0])[1], *paragraphs[1:]), MAX_KEYWORD_WORDS)
    keywords = extract_keywords(title, keyword_text, language_code, top=KEYWORDS, exclude=exclude, people=people)
    briefing = Briefing(
        title=title,
        slug=article_slug(title, raw.path),
        source=source,
        keywords=tuple(keywords),
        quotes=tuple(quotes),
        people=people,
        summary=summarise(paragraphs, keywords, title),
        paragraphs=tuple(paragraphs),
        word_count=words,
        reading_time=reading_time(words),
        description=raw.meta.get("description"),
        signature=signature(title, paragraphs, source.published),
    )
    return briefing, warnings


def _first_words(paragraphs, limit: int) -> tuple[str, ...]:
    """The paragraphs up to ``limit`` words; a paragraph that crosses the limit is cut."""
    kept: list[str] = []
    total = 0
    for paragraph in paragraphs:
        n = len(paragraph.split())
        if total + n > limit:
            rest = limit - total
            if rest > 0:
                kept.append(" ".join(paragraph.split()[:rest]))
            break
        kept.append(paragraph)
        total += n
    return tuple(kept)


def _title_from_text(paragraphs) -> str:
    """The article has no headline: its first sentence stands in, without the lede's dateline
    ("ISLAMABAD, Nov 16 (APP): ..."), cut at 14 words."""
    lede = split_lede_dateline(paragraphs[0])[1] if paragraphs else ""
    first = (sentences(lede) or [""])[0] if lede.strip() else ""
    words = first.split()
    return " ".join(words[:14]).rstrip(".,;:") + ("…" if len(words) > 14 else "")


_NOT_A_NAME = re.compile(r"^(?:the|a|an|one|some|two|three|several|many|his|her|their|its|our)\b", re.I)


def _is_person_name(speaker: str) -> bool:
    """Names start with a capital (or a letter of a script without capitals, like Arabic) and are
    not descriptions ("a senior official", "the ministry", "المتحدث باسم الوزارة") nor the names of
    organisations ("Amnesty International", "وزارة المياه": generator.identity)."""
    if not speaker or len(speaker) > 80 or _NOT_A_NAME.match(speaker):
        return False
    first = speaker[:1]
    if not (first.isupper() or (first.isalpha() and not first.islower())):
        return False
    return not is_organisation(speaker) and not (not first.isupper() and is_description(speaker))
