"""A two- or three-sentence extractive summary.

News is written as an inverted pyramid: the lede states the gist and the next sentences widen
it. The summary therefore takes the lede, then the sentences that best cover the article's
keywords, with a preference for early ones, skipping sentences that are mostly a quotation or too
short to stand alone, and keeps them in the article's order. Every word comes from the article.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

MAX_SENTENCES = 3
MAX_WORDS = 90
MIN_WORDS = 8

_QUOTE_CHARS = "\"“”«»"
# A sentence that opens by pointing back ("Even so, ...", "He said ...", "This ...") needs the one
# before it to make sense, so it can't stand in a summary without it.
_ANAPHORIC_START = re.compile(
    r"^(?:even so|however|but|and|yet|still|also|moreover|meanwhile|instead|nevertheless|nonetheless|"
    r"in turn|as a result|that|this|these|those|it|its|he|she|they|his|her|their|him|them|there)\b",
    re.I,
)
_ENDS_SENTENCE = re.compile(r"[.!?؟。…][\"”’»)]*$")  # a heading or label is not a sentence
_SPLIT_FALLBACK = re.compile(r"(?<=[.!?؟。])[\"”’»)]?\s+(?=[\"“‘«(]?[^\W\d_])")


def sentences(paragraph: str) -> list[str]:
    """Split a paragraph into sentences (segtok knows abbreviations such as "U.S." and "Sen.")."""
    try:
        from segtok.segmenter import split_single

        parts = [s.strip() for s in split_single(paragraph) if s.strip()]
    except Exception:  # segtok is robust, but a summary is never worth a crash
        parts = [s.strip() for s in _SPLIT_FALLBACK.split(paragraph) if s.strip()]
    return parts


_QUOTE_MARK = re.compile("[" + re.escape(_QUOTE_CHARS) + "]")


def _quoted_share(sentence: str) -> float:
    """Share of the sentence's characters inside quotation marks (each mark opens or closes)."""
    pieces = _QUOTE_MARK.split(sentence)  # pieces[1], pieces[3], ... are inside
    inside = sum(len(piece) for piece in pieces[1::2])
    return inside / max(1, len(sentence))


def summarise(paragraphs: Sequence[str], keywords: Sequence[str] = ()) -> str:
    """Two or three sentences from the article that give its gist ('' for an empty article)."""
    from generator.clean import split_lede_dateline

    candidates: list[tuple[int, str]] = []
    for number, paragraph in enumerate(paragraphs[:12]):
        if number == 0:
            paragraph = split_lede_dateline(paragraph)[1]  # "BAGHDAD (Reuters) - " is not the gist
        for sentence in sentences(paragraph):
            candidates.append((len(candidates), sentence))
    usable = [
        (i, s) for i, s in candidates
        if len(s.split()) >= MIN_WORDS and _quoted_share(s) < 0.4 and _ENDS_SENTENCE.search(s)
        and not (i > 0 and _ANAPHORIC_START.match(s))
    ]
    if not usable:
        return " ".join(s for _, s in candidates[:2])[:600].strip()
    terms = [k.lower() for k in keywords]

    def score(item: tuple[int, str]) -> float:
        index, sentence = item
        lower = sentence.lower()
        coverage = sum(1 for t in terms if t in lower)
        return coverage / (1 + 0.25 * index)

    chosen = [usable[0]]  # the lede
    words = len(usable[0][1].split())
    for item in sorted(usable[1:], key=lambda it: (-score(it), it[0])):
        if len(chosen) >= MAX_SENTENCES:
            break
        length = len(item[1].split())
        if words + length > MAX_WORDS and len(chosen) >= 2:
            continue
        if words + length > MAX_WORDS * 1.3:
            continue
        chosen.append(item)
        words += length
    chosen.sort()
    return " ".join(s for _, s in chosen)
