"""Source metadata from what the input states, field by field.

Each field has one small parser (``FIELD_PARSERS``) that normalises a value the input gave (a
sidecar, front matter, an HTML page's metadata) and a rule for what the text itself states (a
translator's note, a "Discover more from X" prompt, a copyright line, a date line under the
headline). A value the input does not give stays None: nothing is guessed.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import math
import re
import unicodedata
from urllib.parse import urlsplit

from generator.clean import LANGUAGE_NAMES, UNNAMED_LANGUAGE, bylines, credits, datelines
from generator.models import CleanText, RawArticle, Source
from generator.words import word_units

WORDS_PER_MINUTE = 230

_CODE_NAMES = {}
for _name, _code in LANGUAGE_NAMES.items():
    _CODE_NAMES.setdefault(_code, _name.capitalize())
_CODE_NAMES.update({"fa": "Persian", "zh": "Chinese", "tl": "Filipino", "no": "Norwegian",
                    UNNAMED_LANGUAGE: "another language"})


def language_code(value: str | None) -> str | None:
    """'Arabic', 'ar', 'AR', 'ar-IQ' -> 'ar'; None for what is not a known language."""
    if not value:
        return None
    text = value.strip().lower().replace("_", "-")
    if text in LANGUAGE_NAMES:
        return LANGUAGE_NAMES[text]
    base = text.split("-")[0]
    if re.fullmatch(r"[a-z]{2,3}", base) and (base in _CODE_NAMES or len(text) <= 8):
        return base
    return None


def declared_language(meta: dict) -> str | None:
    """The language the metadata states, read as :func:`build_source` reads it; None when it
    states none or one that is not understood (then the detected language is used)."""
    return language_code(meta["language"]) if "language" in meta else None


def language_name(code: str | None) -> str | None:
    if not code:
        return None
    return _CODE_NAMES.get(code, code)


_MONTHS = {m: i for i, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
     ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
     ("oct", "october"), ("nov", "november"), ("dec", "december")], start=1) for m in names}
_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?")
_DMY = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})")
_MDY = re.compile(r"([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
_NUMERIC = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def parse_date(value: str | None) -> str | None:
    """A date written in any common way -> 'YYYY-MM-DD'; None when absent, invalid or ambiguous."""
    if not value:
        return None
    text = value.strip()
    candidates: list[tuple[int, int, int]] = []
    if m := _ISO.search(text):
        candidates.append((int(m[1]), int(m[2]), int(m[3])))
    elif m := _DMY.search(text):
        if m[2].lower() in _MONTHS:
            candidates.append((int(m[3]), _MONTHS[m[2].lower()], int(m[1])))
    if not candidates and (m := _MDY.search(text)) and m[1].lower() in _MONTHS:
        candidates.append((int(m[3]), _MONTHS[m[1].lower()], int(m[2])))
    if not candidates and (m := _NUMERIC.search(text)):
        a, b, year = int(m[1]), int(m[2]), int(m[3])
        if a > 12 >= b:
            candidates.append((year, b, a))
        elif b > 12 >= a or a == b:
            candidates.append((year, a, b))
        # 3/4/2025 could be March or April: ambiguous, so unknown.
    for year, month, day in candidates:
        try:
            return _dt.date(year, month, day).isoformat()
        except ValueError:
            return None
    return None


def _text_date(lines: list[str], language: str | None) -> tuple[str | None, str | None]:
    """The publication date a date line of the text gives, and a note when one could not be read.

    A numeric date that reads both ways ("12/09/2026") is read day first in an article whose
    language writes dates so (every language but English, which writes them both ways); in English
    it is left out, with a note saying why and how to give the date."""
    for line in lines:
        if day := parse_date(line):
            return day, None
    for line in lines:
        match = _NUMERIC.search(line)
        if not match:
            continue
        a, b, year = int(match[1]), int(match[2]), int(match[3])
        if language and language_code(language) not in (None, "en"):
            try:
                return _dt.date(year, b, a).isoformat(), None
            except ValueError:
                return None, None
        return None, (f"the date line {line.strip()!r} reads two ways ({a}/{b} as day/month or month/day); no "
                      "publication date was taken: give 'published: YYYY-MM-DD' in a sidecar or front matter")
    return None, None


def parse_url(value: str | None) -> str | None:
    if not value:
        return None
    text = value.strip()
    parts = urlsplit(text)
    if parts.scheme in ("http", "https") and parts.netloc and not re.search(r"\s", text):
        return text
    return None


def parse_name(value: str | None) -> str | None:
    if not value:
        return None
    text = re.sub(r"\s+", " ", str(value)).strip()
    return text[:200] or None


FIELD_PARSERS = {
    "source": parse_name,
    "publisher": parse_name,
    "author": parse_name,
    "url": parse_url,
    "published": parse_date,
    "language": language_code,
    "translated_from": language_code,
}


def build_source(raw: RawArticle, cleaned: CleanText, detected_language: str | None) -> tuple[Source, list[str]]:
    """Merge what the input's metadata says with what its text states. Returns warnings too."""
    warnings: list[str] = []
    given: dict[str, str | None] = {}
    for key, parser in FIELD_PARSERS.items():
        if key in raw.meta:
            value = parser(raw.meta[key])
            if value is None:
                warnings.append(f"{raw.path}: '{key}' value {raw.meta[key]!r} is not understood; ignored")
            given[key] = value
    outlet = given.get("source") or cleaned.outlet
    publisher = given.get("publisher") or _single(cleaned.publisher_hints)
    published = given.get("published")
    if not published:
        published, note = _text_date(datelines(raw.text), given.get("language") or detected_language)
        if note:
            warnings.append(f"{raw.path}: {note}")
    author = given.get("author") or _single(bylines(raw.text)) or _single(credits(raw.text))
    translated = given.get("translated_from") or language_code(cleaned.translated_from)
    language = given.get("language") or detected_language
    if translated and translated == language:
        translated = None
    source = Source(
        name=outlet,
        publisher=publisher,
        url=given.get("url"),
        published=published,
        author=author,
        language=language,
        translated_from=translated,
        file=raw.path,
    )
    return source, warnings


def _single(values) -> str | None:
    """A name stated once, or several times alike; None when the text names several (ambiguous)."""
    distinct = list(dict.fromkeys(v for v in values if v))
    return distinct[0] if len(distinct) == 1 else None


def _first(values) -> str | None:
    return next((v for v in values if v), None)


# ---------------------------------------------------------------------------------------------

def word_count(paragraphs) -> int:
    """Words of the text, counted the way each script needs (generator.words): spaced words in
    scripts that separate them, letters per average word in those that do not (Chinese, Thai, ...)."""
    return round(sum(word_units(paragraph) for paragraph in paragraphs))


def reading_time(words: int) -> int:
    """Minutes at WORDS_PER_MINUTE; for a text without spaces, ``words`` is :func:`word_count`'s
    estimate, which reads Chinese at about 345 characters a minute and Thai at about 690 letters."""
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


MAX_SLUG = 72


def slugify(text: str | None) -> str:
    """An ASCII, lower-case, hyphenated slug of at most MAX_SLUG characters ('' if nothing is left)."""
    if not text:
        return ""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > MAX_SLUG:
            break
        slug = candidate
    if not slug and words:
        slug = words[0][:MAX_SLUG]
    return slug


def article_slug(title: str | None, path: str) -> str:
    """The slug of a briefing: from its title, else its file name, else a hash of its path."""
    slug = slugify(title) or slugify(path.rsplit("/", 1)[-1].rsplit(".", 1)[0])
    if not slug or len(slug) < 3:
        digest = hashlib.sha256(path.encode("utf-8", "surrogatepass")).hexdigest()[:10]
        slug = f"{slug}-{digest}" if slug else f"briefing-{digest}"
    return slug


def detect_language(paragraphs) -> str | None:
    """ISO 639-1 code of the text's language, or None if there is too little text to tell."""
    sample = " ".join(paragraphs[:8])[:1500]  # a few paragraphs tell the language; more only cost time
    if len(re.findall(r"\w+", sample)) < 5:
        return None
    arabic = len(re.findall(r"[\u0600-\u06ff]", sample))
    letters = len(re.findall(r"[^\W\d_]", sample)) or 1
    if arabic / letters > 0.5:
        # Arabic script: Persian and Urdu too. Let the classifier tell them apart, among those.
        return _classify(sample, ("ar", "fa", "ur", "ps", "ku")) or "ar"
    return _classify(sample, None)


_IDENTIFIER = None


def _classify(sample: str, among) -> str | None:
    global _IDENTIFIER
    if _IDENTIFIER is None:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        _IDENTIFIER = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier = _IDENTIFIER
    if among:
        identifier.set_languages(list(among))
    else:
        identifier.set_languages(None)
    code, probability = identifier.classify(sample)
    return code if probability >= 0.5 else None
