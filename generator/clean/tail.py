"""The end of a page: what follows the story's last paragraph.

A headline given only under the story (no headline above it, no sign-off), a closing credit
naming the agency ("... afternoon. — Bernama"), and a run of paragraphs in another language than
the story's (a subscription widget of the site's home edition). Each rule is about the shape of
the page's end, never one site's wording.
"""
from __future__ import annotations

import re

from generator.clean.headline import _headline_after_story, _is_sentence_paragraph
from generator.clean.shapes import words as _words

# "... in the region. — Bernama": a dash and one capitalised word closing the last paragraph.
_CLOSING_WORD = re.compile(r"[.!?\"”’]\s*[-–—]\s*(?P<word>[A-Z][a-z]{2,20})$")


def closing_credit(body: list[str], blocks: list[str]) -> str | None:
    """The agency credited at the end of the story by one capitalised word after a dash, when the
    page names that word nowhere else (a speaker signing a quotation is named in the story)."""
    last = body[-1]
    if _words(last) < 8 or not (match := _CLOSING_WORD.search(last)):
        return None
    word = match.group("word")
    mentions = sum(len(re.findall(r"\b" + re.escape(word) + r"\b", block)) for block in blocks)
    return word if mentions == 1 else None


def headline_at_end(body: list[str], removed: list[str]) -> tuple[str | None, list[str]]:
    """A page with no headline above the story and no sign-off may close with the headline (and a
    highlights box under it): a headline-shaped line after the last paragraph of prose, with no
    story of its own under it, whose words are mostly the lede's."""
    prose = [i for i, line in enumerate(body) if _is_sentence_paragraph(line) and _words(line) >= 12]
    if len(prose) < 2:
        return None, body
    last = prose[-1]
    trailing = body[last + 1:]
    if not trailing or not (title := _headline_after_story(trailing, body[:last + 1])):
        return None, body
    removed.extend(trailing)  # the headline, its repeat and the highlights under it
    return title, body[:last + 1]


# Function words that tell the language of a paragraph written in Latin letters.
_FUNCTION_WORDS = {
    "en": {"the", "and", "of", "to", "is", "that", "for", "with", "was", "his", "her", "are", "this", "from", "have",
           "has", "it", "on", "be", "by", "an", "not", "you", "your", "can", "will", "who"},
    "es": {"el", "los", "las", "del", "que", "y", "se", "por", "con", "para", "una", "tu", "su", "está", "es", "si",
           "puedes", "quieres", "otro", "otra", "pero", "como", "más", "muy", "podrá"},
    "fr": {"le", "les", "des", "du", "et", "est", "une", "pour", "dans", "vous", "votre", "pas", "sur", "avec", "qui",
           "nous", "être", "sont", "cette", "ce", "au", "aux"},
    "de": {"der", "die", "das", "und", "ist", "nicht", "sie", "ein", "eine", "mit", "zu", "den", "von", "ihr", "auf",
           "für", "sich", "dem", "auch", "wird", "wir", "werden"},
    "pt": {"os", "do", "da", "dos", "das", "que", "e", "em", "um", "uma", "para", "com", "não", "você", "seu", "sua",
           "mais", "pelo", "pela", "são", "está"},
}
_TOKEN = re.compile(r"[^\W\d_]+")


def _language(paragraph: str) -> str | None:
    tokens = [t.casefold() for t in _TOKEN.findall(paragraph)]
    if len(tokens) < 6:
        return None
    counts = {lang: sum(t in words for t in tokens) for lang, words in _FUNCTION_WORDS.items()}
    best = max(counts, key=lambda lang: (counts[lang], lang == "en"))
    if counts[best] < 3 or counts[best] < 0.15 * len(tokens):
        return None
    second = max(c for lang, c in counts.items() if lang != best)
    return best if counts[best] >= 2 * second else None


def drop_foreign_tail(body: list[str], removed: list[str]) -> list[str]:
    """An English story's page ending in a run of paragraphs in another language (the site's
    widget in its home edition's language): the run is furniture."""
    if len(body) < 3 or not body[-1].isascii() and _language(body[-1]) in (None, "en"):
        return body
    story = [_language(p) for p in body[:3]]
    if story.count("en") < 2:
        return body
    end = len(body)
    while end > 2 and _language(body[end - 1]) not in (None, "en"):
        end -= 1
    while end < len(body) and _language(body[end]) is None:
        end += 1  # a short line the run starts with stays only if its language is unknown: keep it
    if len(body) - end < 2:
        return body  # one foreign line may be a quotation
    removed.extend(body[end:])
    return body[:end]
