"""A two- or three-sentence extractive summary.

News is written as an inverted pyramid: the lede states the gist and the next sentences widen
it. The summary therefore takes the lede, then the sentences that best cover the article's
keywords, with a preference for early ones, skipping sentences that are mostly a quotation or too
short to stand alone, and keeps them in the article's order. Every word comes from the article.

It never says the same thing twice, and never what the reader has just read above it:

- a sentence that says no more than the headline (all but a few of its words are the
  headline's) is left out when the article has others to stand for it: a page without a
  headline is titled with its first sentence (generator.pipeline), and a summary opening with
  that sentence repeated it word for word under the title;
- a sentence most of whose words the summary already has (a later paragraph restating the lede
  "the ministry said it was still too early to decide on aid") adds nothing and is skipped.
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
_WORD = re.compile(r"[^\W_]+(?:[’'][^\W_]+)*")
# Words too common to tell two sentences apart (English; other languages keep all their words).
_STOP = frozenset("""a an the and or but of in on at to for from by with as is are was were be been has have had
it its this that these those their there they he she his her we our you your not no than then also about after
over into out up who which what when where while will would could should can may said says say told""".split())
REPEAT_SHARE = 0.6  # a sentence whose words are this much in the summary already repeats it
HEADLINE_SHARE = 0.8  # ... or this much in the headline, repeats the headline
HEADLINE_EXTRA = 3  # ... as does one with no more than this many words besides the headline's
MIN_CONTENT_WORDS = 4  # shorter sentences are not judged as repeats


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


def _words(text: str) -> list[str]:
    return [w for w in (m.casefold() for m in _WORD.findall(text)) if w not in _STOP]


def _covered(words: Sequence[str], known: set[str]) -> float:
    return sum(1 for w in words if w in known) / max(1, len(words))


def repeats_headline(sentence: str, title: str | None) -> bool:
    """Whether ``sentence`` says no more than the headline: all but ``HEADLINE_EXTRA`` of its
    words, or ``HEADLINE_SHARE`` of them, are the headline's. A headline cut from a longer first
    sentence ("… hit Miyagi Prefecture on Saturday…") leaves that sentence more to say: it stays."""
    if not title:
        return False
    content = _words(sentence)
    if len(content) < MIN_CONTENT_WORDS:
        return False
    head = set(_words(title))
    extra = sum(1 for w in content if w not in head)
    return extra <= HEADLINE_EXTRA or _covered(content, head) >= HEADLINE_SHARE


def summarise(paragraphs: Sequence[str], keywords: Sequence[str] = (), title: str | None = None) -> str:
    """Two or three sentences from the article that give its gist ('' for an empty article).
    ``title``: the headline shown above the summary, which the summary does not repeat."""
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
    fresh = [item for item in usable if not repeats_headline(item[1], title)]
    if len(fresh) >= 2:  # else the headline's sentence stays: better said twice than not at all
        usable = fresh
    terms = [k.lower() for k in keywords]

    def score(item: tuple[int, str]) -> float:
        index, sentence = item
        lower = sentence.lower()
        coverage = sum(1 for t in terms if t in lower)
        return coverage / (1 + 0.25 * index)

    chosen = [usable[0]]  # the lede
    words = len(usable[0][1].split())
    known = set(_words(usable[0][1]))
    for item in sorted(usable[1:], key=lambda it: (-score(it), it[0])):
        if len(chosen) >= MAX_SENTENCES:
            break
        length = len(item[1].split())
        if words + length > MAX_WORDS and len(chosen) >= 2:
            continue
        if words + length > MAX_WORDS * 1.3:
            continue
        content = _words(item[1])
        if len(content) >= MIN_CONTENT_WORDS and _covered(content, known) >= REPEAT_SHARE:
            continue  # says again what the summary says
        chosen.append(item)
        words += length
        known.update(content)
    chosen.sort()
    return " ".join(s for _, s in chosen)
