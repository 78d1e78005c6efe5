"""Normalise article text and strip web boilerplate by its shape.

Scraped articles carry the furniture of the page they came from: logo and image URLs, share and
social lines, newsletter and subscribe prompts, comment forms, "Related posts" lists, copyright
lines, "Continue reading". None of it is matched by one site's wording; each rule describes a
*shape* that such lines have on any site: short, no sentence punctuation, a call to action, a bare
URL, a copyright sign. Body paragraphs are long, punctuated sentences and never match.

``clean(text)`` returns the headline, the body paragraphs and what it learnt from the boilerplate
on the way (a translation note, the outlet's and publisher's names), all as a CleanText.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

from generator.models import CleanText

# Characters that are invisible or reorder text: removed. ZWJ/ZWNJ (U+200C/D) are kept because
# Persian, Arabic and emoji sequences need them; they cannot reorder anything.
_INVISIBLE = dict.fromkeys(
    [0x00, 0x200B, 0x2060, 0xFEFF, 0x00AD, 0x200E, 0x200F, 0x061C,
     *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
    + [c for c in range(0x01, 0x20) if c not in (0x09, 0x0A)] + list(range(0x7F, 0xA0)),
    None,
)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
# The same two steps as searches, which cost time only where text changes: the invisible
# characters (str.translate looks up every character), and the runs of spaces that are not
# already one plain space. INVISIBLE_RE finds any character that normalise() removes.
INVISIBLE_RE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_INVISIBLE)) + "]+")
_SPACES_TO_FOLD = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]{2,}|[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_last_normalised: tuple[str, str] = ("", "")  # the raw text is normalised by clean() and by metadata


def normalise(text: str) -> str:
    """Unify line endings and spaces, drop control and bidi characters, compose to NFC."""
    global _last_normalised
    last_text, last_result = _last_normalised
    if text is last_text or text == last_text:
        return last_result
    original = text
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    if INVISIBLE_RE.search(text):
        text = INVISIBLE_RE.sub("", text)
    text = unicodedata.normalize("NFC", text)
    text = _SPACES_TO_FOLD.sub(" ", text)  # as _SPACES.sub on each line: no run crosses a line break
    result = "\n".join(line.strip() for line in text.split("\n"))
    _last_normalised = (original, result)
    return result


# ---------------------------------------------------------------------------------------------
# Boilerplate shapes

_URL_ONLY = re.compile(r"^(?:<?(?:https?://|www\.)\S+>?|\S+\.(?:png|jpe?g|gif|webp|svg|avif)(?:\?\S*)?)$", re.I)
_COPYRIGHT = re.compile(r"^(?:©|\(c\)\s|copyright\b|all rights reserved)|\ball rights reserved\b|"
                        r"جميع الحقوق محفوظة", re.I)
_COPYRIGHT_OWNER = re.compile(
    r"^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?P<owner>[^\d©|.,]{2,60}?)"
    r"\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*(?:[.,|].*)?$", re.I)

# Calls to action and page furniture. Matched only on short lines (see _is_furniture).
_CTA = re.compile(
    r"\b(?:subscribe|sign[ -]?up|sign in|log ?in|newsletter|unsubscribe|inbox|"
    r"continue reading|keep reading|read more|read also|also read|see also|more from|discover more|"
    r"related (?:posts?|articles?|stories|news|content|coverage)|you may (?:also )?like|"
    r"recommended (?:for you|stories|articles)|most (?:read|popular|viewed)|trending|"
    r"leave a (?:reply|comment)|post (?:a )?comment|comments?(?: \(\d+\))?$|\d+ comments?|"
    r"required fields|email address will not be published|cancel reply|"
    r"share (?:this|on|via|the article|article)|share$|follow us|social (?:links|media)|"
    r"click here|tap here|download (?:the|our) app|get (?:the|our) app|advertisement|sponsored|"
    r"cookie|privacy policy|terms of (?:use|service)|all rights reserved|skip to (?:main )?content|"
    r"back to top|print this|listen to (?:this|the) article|full archive|get access|our standards|"
    r"\d+[ -]min(?:ute)?s?(?: read|$)|(?:updated|published|posted)\s+\d+\s+(?:second|minute|hour|day|week)s?\s+ago|"
    r"tags?:|filed under|photo:|image:|caption:|credit:|source:|logo\b|getty images|reuters/|"
    r"whatsapp|facebook|twitter|telegram|linkedin|instagram|youtube|tiktok|pinterest|reddit|email this|"
    # the same furniture on Arabic sites: read also/more, subscribe, newsletter, follow us, share, related
    r"اقرأ أيضا|اقرأ أيضاً|اقرأ المزيد|إقرأ أيضا|اشترك|النشرة البريدية|تابعونا|تابعنا|شارك|مشاركة|"
    r"ذات صلة|اضغط هنا|جميع الحقوق محفوظة|أضف تعليق|اترك تعليقا)\b",
    re.I,
)
_SOCIAL_WORDS = re.compile(r"^(?:(?:facebook|twitter|x|whatsapp|telegram|linkedin|instagram|youtube|"
                           r"tiktok|pinterest|reddit|email|print|copy link|share)[\s,|•·/]*)+$", re.I)
# "Reporting by X; Editing by Y", "(Additional reporting by X)": the wire's credits, not the story.
_CREDIT = re.compile(r"^[(\[]?(?:(?:additional\s+)?reporting|writing|written|editing|edited|compiled|produced|"
                     r"graphics|photos?|research|fact-checking)\s+by\s+(?P<names>[^;)\]]{3,120})", re.I)
_BREADCRUMB = re.compile(r"^[^.!?]{1,80}(?:\s*[>»›/|]\s*[^.!?>»›/|]{1,40}){2,}$")
_SENTENCE_END = re.compile(r"[.!?…]['\"’”»)]?$|[.!?][’”\"]\s")
_COMMENT_SECTION = re.compile(r"^(?:\d+\s+)?(?:comments?|responses?|replies|leave a (?:reply|comment)|"
                              r"join the (?:discussion|conversation)|add a comment)\b", re.I)
_LIST_HEADING = re.compile(r"^(?:related(?: posts| articles| stories| news| content)?|you may (?:also )?like|"
                           r"more (?:stories|news|from [^.]{1,40}|on this topic)|read (?:more|also|next)|"
                           r"recommended|most (?:read|popular|viewed)|trending(?: now)?|latest (?:news|stories)|"
                           r"see also|also read|editor'?s picks?|"
                           r"اقرأ أيضا|اقرأ أيضاً|مواضيع ذات صلة|أخبار ذات صلة|الأكثر قراءة)\s*:?$", re.I)

# "Discover more from X", "Subscribe to X", "More from X" name the outlet.
_OUTLET_PROMPT = re.compile(
    r"^(?i:discover more from|more from|subscribe to|sign up for|follow|welcome to)\s+"
    r"(?:(?i:the)\s+)?(?P<name>[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3}?)"
    r"(?:(?:'s|’s)?\s+(?:newsletters?|on \w+|news|updates))?\s*[.!:]?$")

# ---------------------------------------------------------------------------------------------
# Translation notes

LANGUAGE_NAMES = {
    "afrikaans": "af", "albanian": "sq", "amharic": "am", "arabic": "ar", "armenian": "hy",
    "azerbaijani": "az", "basque": "eu", "belarusian": "be", "bengali": "bn", "bosnian": "bs",
    "bulgarian": "bg", "burmese": "my", "catalan": "ca", "chinese": "zh", "mandarin": "zh",
    "cantonese": "zh", "croatian": "hr", "czech": "cs", "danish": "da", "dari": "fa", "dutch": "nl",
    "english": "en", "estonian": "et", "farsi": "fa", "persian": "fa", "filipino": "tl",
    "finnish": "fi", "french": "fr", "georgian": "ka", "german": "de", "greek": "el",
    "gujarati": "gu", "hausa": "ha", "hebrew": "he", "hindi": "hi", "hungarian": "hu",
    "icelandic": "is", "indonesian": "id", "irish": "ga", "italian": "it", "japanese": "ja",
    "kazakh": "kk", "khmer": "km", "korean": "ko", "kurdish": "ku", "kyrgyz": "ky", "lao": "lo",
    "latvian": "lv", "lithuanian": "lt", "macedonian": "mk", "malay": "ms", "malayalam": "ml",
    "maltese": "mt", "marathi": "mr", "mongolian": "mn", "nepali": "ne", "norwegian": "no",
    "pashto": "ps", "polish": "pl", "portuguese": "pt", "punjabi": "pa", "romanian": "ro",
    "russian": "ru", "serbian": "sr", "sinhala": "si", "slovak": "sk", "slovenian": "sl",
    "somali": "so", "spanish": "es", "swahili": "sw", "swedish": "sv", "tagalog": "tl",
    "tajik": "tg", "tamil": "ta", "telugu": "te", "thai": "th", "tigrinya": "ti", "turkish": "tr",
    "turkmen": "tk", "ukrainian": "uk", "urdu": "ur", "uzbek": "uz", "vietnamese": "vi",
    "welsh": "cy", "yoruba": "yo", "zulu": "zu",
}
_LANG = r"([A-Z][a-z]+)"
_TRANSLATION_NOTE = re.compile(
    r"^[(\[*_]*(?:"
    # "The article is a translation of the original Arabic." / "This is a translation from French"
    r"(?:this|the)\s+(?:article|report|story|piece|text|interview|column|op-ed|editorial|post)?\s*"
    r"(?:is|was|has been)\s+(?:an?\s+)?(?:(?:edited|abridged|partial|english|full)\s+)?"
    r"(?:translat(?:ion|ed))\s+(?:of|from)\s+(?:the\s+)?(?:original\s+)?(?:in\s+)?" + _LANG +
    r"|(?:this|the)\s+(?:article|report|story|piece|text|interview|column|op-ed|editorial|post)\s+"
    r"(?:is|was|has been)\s+(?:originally\s+)?(?:published|written)\s+in\s+" + _LANG +
    r"(?:\s+and\s+(?:has been\s+|was\s+)?translated)"
    # "Translated from the Arabic by ..." / "Translation from Arabic: ..." / "Translated by X from French"
    r"|translat(?:ed|ion)\s+(?:by\s+[^.]{1,60}?\s+)?from\s+(?:the\s+)?(?:original\s+)?" + _LANG +
    r"|(?:original(?:ly)?\s+(?:published\s+)?in\s+)" + _LANG + r"[;,.]?\s+translated"
    r")\b[^\n]{0,120}$",
    re.I,
)
_MACHINE_TRANSLATION = re.compile(r"\b(?:automatic(?:ally)?|machine|google translate|auto-?translat|"
                                  r"select (?:a )?language|powered by)\b", re.I)


def translation_note(line: str, words: int | None = None) -> str | None:
    """The language a translator's note names ("Arabic"), or None if the line is not such a note.

    ``words``: the line's word count, when the caller has it."""
    if (len(line.split()) if words is None else words) > 30 or _MACHINE_TRANSLATION.search(line):
        return None
    match = _TRANSLATION_NOTE.match(line)
    if not match:
        return None
    lang = next(g for g in match.groups() if g).lower()
    return lang.capitalize() if lang in LANGUAGE_NAMES else None


# ---------------------------------------------------------------------------------------------

def _words(line: str) -> int:
    return len(line.split())


def _is_sentence(line: str) -> bool:
    return bool(_SENTENCE_END.search(line))


def is_boilerplate(line: str, words: int | None = None) -> bool:
    """True when a line has the shape of page furniture rather than article prose.

    ``words``: the line's word count (:func:`_words`), when the caller has it."""
    if words is None:
        words = _words(line)
    if _URL_ONLY.match(line) or _SOCIAL_WORDS.match(line):
        return True
    if words <= 40 and _CREDIT.match(line):
        return True
    if words <= 25 and _COPYRIGHT.search(line):
        return True
    if words <= 16 and _CTA.search(line):
        # A quoted sentence or a long statement that mentions "subscribe" is prose, not a prompt.
        return not (words >= 10 and _is_sentence(line) and not line.lower().startswith(("subscribe", "sign up")))
    if words <= 12 and _BREADCRUMB.match(line) and not _is_sentence(line):
        return True
    return False


def _is_list_item_like(line: str) -> bool:
    """A short unpunctuated line: a headline in a related-articles list, a label, a button."""
    return _words(line) <= 20 and not _is_sentence(line)


def _split_blocks(text: str) -> list[str]:
    """Blocks are paragraphs. Hard-wrapped paragraphs are joined; one-line-per-paragraph text kept."""
    raw_blocks = [b for b in re.split(r"\n\s*\n", text) if b.strip()]
    multi = [b for b in raw_blocks if "\n" in b.strip()]
    lines_total = sum(len(b.strip().split("\n")) for b in raw_blocks)
    blocks: list[str] = []
    # Text is hard-wrapped when most blocks span several lines that are all of similar, short width.
    wrapped = bool(multi) and len(multi) >= len(raw_blocks) / 2 and lines_total > len(raw_blocks)
    if wrapped:
        lengths = [len(x) for b in multi for x in b.strip().split("\n")[:-1]]
        wrapped = bool(lengths) and max(lengths) <= 100 and sum(lengths) / len(lengths) >= 40
    for block in raw_blocks:
        lines = [x.strip() for x in block.strip().split("\n") if x.strip()]
        if wrapped:
            blocks.append(" ".join(lines))
        else:
            blocks.extend(lines)
    return blocks


_DATE_LINE = re.compile(
    r"^(?:(?:published|updated|posted|last updated)\s*:?\s*)?(?:on\s+)?"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?"
    r"(?:\d{1,2}\s+[A-Za-z]{3,9}\.?,?\s+\d{4}|[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2}|"
    r"\d{1,2}/\d{1,2}/\d{4})(?:[\s,|-]+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?"
    r"(?:\s*(?:[A-Z]{2,5}|GMT|UTC)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?)?)?\s*$",
    re.I,
)
_BYLINE = re.compile(r"^(?:by|written by|words by|reporting by)\s+(?P<name>[^\d:|]{3,80})$", re.I)


def is_dateline(line: str) -> bool:
    """A line that only dates the article: "March 4, 2025", "Politics | June 30, 2026 | 10:00"."""
    if _DATE_LINE.match(line):
        return True
    parts = [p.strip() for p in re.split(r"\s[|•·]\s|\s[-–—]\s", line) if p.strip()]
    return (len(parts) >= 2 and any(_DATE_LINE.match(p) for p in parts)
            and all(_words(p) <= 4 or _DATE_LINE.match(p) for p in parts))


def is_byline(line: str) -> bool:
    return bool(_BYLINE.match(line)) and _words(line) <= 10 and not _is_sentence(line.rstrip(".") + "x")


def _headline_candidate(line: str) -> bool:
    words = _words(line)
    if not 2 <= words <= 30 or len(line) > 250:
        return False
    if is_boilerplate(line) or is_dateline(line) or is_byline(line) or _BREADCRUMB.match(line):
        return False
    if line.endswith((".", ",", ";", ":")) and not line.endswith("..."):
        return words <= 14 and not re.search(r"[.!?]\s", line[:-1])  # "Headline." still allowed if short
    return True


def clean(text: str, *, title_hint: str | None = None, outlet: str | None = None) -> CleanText:
    """Split normalised text into headline and body, removing boilerplate.

    ``title_hint`` is a title the input gave explicitly (front matter, sidecar, HTML <title>): when
    present, a first line repeating it is removed from the body rather than taken as body text.
    """
    blocks = _split_blocks(normalise(text))
    removed: list[str] = []
    outlets: list[str] = []
    publishers: list[str] = []
    translated_from: str | None = None
    kept: list[str] = []
    in_list = in_comments = False
    for index, line in enumerate(blocks):
        words = _words(line)
        if not in_comments and _starts_comments(line, index, len(blocks), len(kept), words):
            in_comments = True  # reader comments follow; furniture after them still names the outlet
        lang = translation_note(line, words)
        if lang:
            translated_from = translated_from or lang
            removed.append(line)
            continue
        if words <= 10:
            prompt = _OUTLET_PROMPT.match(line)
            if prompt:
                outlets.append(prompt.group("name").rstrip(".’'"))
        if words <= 25 and _COPYRIGHT.search(line):
            owner = _COPYRIGHT_OWNER.match(line)
            if owner and owner.group("owner").strip(" -–|").strip():
                publishers.append(owner.group("owner").strip(" -–|"))
        if in_comments:
            removed.append(line)
            continue
        if _LIST_HEADING.match(line):
            in_list = True
            removed.append(line)
            continue
        if in_list and _is_list_item_like(line):
            removed.append(line)
            continue
        in_list = False
        if is_boilerplate(line, words):
            removed.append(line)
            continue
        kept.append(line)

    title, body = _take_headline(kept, title_hint, removed, outlet or _first(outlets))
    body = _trim_tail(body, removed)
    body = _drop_repeats(body, removed)
    return CleanText(
        title=title,
        paragraphs=tuple(body),
        removed=tuple(removed),
        translated_from=translated_from,
        outlet_hints=tuple(dict.fromkeys(outlets)),
        publisher_hints=tuple(dict.fromkeys(publishers)),
    )


def _starts_comments(line: str, index: int, total: int, kept: int, words: int) -> bool:
    """A "N Comments" / "Leave a Reply" heading in the second half, after the article's body."""
    return kept >= 2 and index >= total * 0.5 and words <= 6 and bool(_COMMENT_SECTION.match(line))


def _take_headline(lines: list[str], title_hint: str | None, removed: list[str],
                   outlet: str | None = None) -> tuple[str | None, list[str]]:
    if title_hint:
        hint = _fold(title_hint)
        for index, line in enumerate(lines[:6]):
            if _fold(line) == hint:
                removed.extend(lines[:index])  # logo lines, breadcrumbs before the headline
                rest = lines[index + 1:]
                while rest and _fold(rest[0]) == hint:  # a page repeating its title (<title> and <h1>)
                    removed.append(rest.pop(0))
                return title_hint, _drop_leading_furniture(rest, removed)
        return title_hint, _drop_leading_furniture(lines, removed)
    # The headline is the first line that looks like one, within the first few lines: what comes
    # before it (logo text, a masthead, a breadcrumb, a date line, a caption) is not body text.
    # Once the body has started (a paragraph of prose), there is no headline to find.
    candidates = []
    for index, line in enumerate(lines[:6]):
        if _is_sentence_paragraph(line) or _words(line) > 30:
            break
        if _headline_candidate(line):
            candidates.append(index)
    masthead = {_fold(outlet)} if outlet else set()
    for index in candidates:
        line = lines[index]
        if (_fold(line) in masthead or _is_shouted(line)) and index != candidates[-1]:
            continue  # a masthead ("THE COASTAL COURIER") above the real headline
        removed.extend(lines[:index])
        return line.rstrip(" .:"), _drop_leading_furniture(lines[index + 1:], removed)
    return None, lines


def _is_shouted(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) / len(letters) > 0.9


def _is_sentence_paragraph(line: str) -> bool:
    """A body paragraph: several sentences, or one long one ending in a full stop."""
    core = line.rstrip("\"”’»)] ")
    ends = core.endswith((".", "!", "?", "…", ",")) and not core.endswith("...")
    return _words(line) > 30 or (ends and len(re.findall(r"[.!?,][\"”’]?\s", core)) >= 1)


def _drop_leading_furniture(lines: list[str], removed: list[str]) -> list[str]:
    """Date lines and bylines right under the headline are metadata, not body text."""
    index = 0
    while index < len(lines) and index < 4 and (is_dateline(lines[index]) or is_byline(lines[index])):
        index += 1
    removed.extend(lines[:index])
    return lines[index:]


def _trim_tail(lines: list[str], removed: list[str]) -> list[str]:
    """Short unpunctuated lines at the very end (button labels, section names) are furniture."""
    end = len(lines)
    while end > 1 and _words(lines[end - 1]) <= 6 and not _is_sentence(lines[end - 1]):
        end -= 1
    removed.extend(lines[end:])
    return lines[:end]


def _drop_repeats(lines: list[str], removed: list[str]) -> list[str]:
    """Pull quotes and repeated widgets: a short paragraph that repeats text found elsewhere."""
    if len(lines) < 3:
        return lines
    folded = [_fold(line) for line in lines]
    joined = "\n".join(folded) if len(lines) <= 400 else ""  # pull quotes: checked on article-sized text
    exact = Counter(folded)
    seen: set[str] = set()
    kept = []
    for line, key in zip(lines, folded):
        if key in seen:
            removed.append(line)
            continue
        seen.add(key)
        # Found inside another, different paragraph (exact repeats are handled above).
        if joined and 4 <= _words(line) <= 40 and joined.count(key) > exact[key]:
            removed.append(line)
            continue
        kept.append(line)
    return kept


def _first(values):
    return values[0] if values else None


_NON_WORD = re.compile(r"\W+")


def _fold(text: str) -> str:
    return _NON_WORD.sub(" ", text).strip().casefold()


# "BAGHDAD, June 12 (Reuters) - ", "WASHINGTON (AP) — ", "LONDON — ": where the story was filed.
_LEDE_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3})(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"\s*(?:\((?P<agency>[A-Z][\w.&' -]{1,30})\))?\s*[-–—]{1,2}\s+(?=\S)")


def split_lede_dateline(paragraph: str) -> tuple[str | None, str]:
    """('Reuters', rest) for "BAGHDAD (Reuters) - rest"; (None, paragraph) when there is none."""
    match = _LEDE_DATELINE.match(paragraph)
    if not match:
        return None, paragraph
    return match.group("agency"), paragraph[match.end():]


def credits(text: str) -> list[str]:
    """Names in "Reporting by X and Y; Editing by Z" lines: the story's reporters."""
    names = []
    for line in normalise(text).split("\n"):
        match = _CREDIT.match(line.strip())
        if match and re.match(r"[(\[]?(?:additional\s+)?(?:reporting|writing|written)", line.strip(), re.I):
            names.append(match.group("names").strip(" .;"))
    return names


def datelines(text: str) -> list[str]:
    """Date lines of the raw text (before cleaning): publication dates are often given this way."""
    lines = [line for line in normalise(text).split("\n") if line]
    return [line for line in lines[:12] + lines[-8:] if is_dateline(line)]


def bylines(text: str) -> list[str]:
    return [m.group("name").strip() for line in normalise(text).split("\n")[:12]
            if line and is_byline(line) for m in [_BYLINE.match(line)]]
