"""Role phrases around a person's name (``Iraqi strategic expert`` + name; ``The port's director,
X,``; ``X, director of the Y Center,``) and the splitting of capitalised runs into names.
"""
from __future__ import annotations

import re

from generator.newslang import (
    FUNCTION_WORDS,
    HONORIFICS,
    INDEFINITE,
    PARTY_WORDS,
    ROLE_NOUNS,
    SENTENCE_START_WORDS,
    TITLE_WORDS,
)
from generator.quotes.patterns import _ABBREV_RE, _SPEECH_RE

_VERBISH_RE = re.compile(r"\b(?:is|was|are|were|has|had|have|will|would|said|says|told)\b", re.IGNORECASE)


def _role_before(before: str) -> str | None:
    """Role phrase ending right before a name: ``Iraqi strategic expert`` + Name."""
    words = before.rstrip().split()
    if not before.endswith((" ", "\u00a0")) or not words:
        return None
    picked: list[str] = []
    for w in reversed(words):
        clean = w.strip()
        low = clean.lower()
        if not clean or clean[-1:] in ",;:)(”“\"!?" or low in FUNCTION_WORDS or _SPEECH_RE.fullmatch(low):
            break
        if clean.endswith(".") and not _ABBREV_RE.match(clean) and low not in TITLE_WORDS:
            break  # "... their efforts. Regional official X": the role does not cross a sentence end
        if re.search(r"[’']s$", clean):
            picked.append(clean)
            break
        picked.append(clean)
        if len(picked) >= 6:
            break
    picked.reverse()
    while picked and picked[0].lower() in SENTENCE_START_WORDS:
        picked.pop(0)
    if not picked:
        return None
    last = picked[-1].lower()
    if last not in ROLE_NOUNS and last not in TITLE_WORDS:
        return None
    return " ".join(picked)


class _SubRun:
    """A piece of a capitalised run (``Port Salem. Nadia Karam`` holds two names)."""

    def __init__(self, text: str, start: int) -> None:
        self._text, self._start = text, start

    def group(self) -> str:
        return self._text

    def start(self) -> int:
        return self._start


# a period after a word (not an initial: "J. Ruiz", "U.S. Sen.") ends the sentence: "Ruiz told AFP. Ana Lee"
_RUN_PERIOD_RE = re.compile(r"(?:(?<=[a-z\u00e0-\u024f’'])|(?<=[A-Za-z\u00c0-\u024f][A-Z]))\.\s+(?=[A-Z])")


def _sub_runs(run: re.Match):
    """Split a capitalised run at sentence-final periods (not after initials or titles)."""
    text, start = run.group(), run.start()
    cut = 0
    for m in _RUN_PERIOD_RE.finditer(text):
        word = _last_word(text, cut, m.start() + 1)
        if _ABBREV_RE.match(word) or word.lower() in HONORIFICS:
            continue
        yield _SubRun(text[cut:m.start() + 1], start + cut)
        cut = m.end()
    yield _SubRun(text[cut:], start + cut) if cut else run


def _last_word(text: str, lo: int, hi: int) -> str:
    """``text[lo:hi].split()[-1]`` for a slice ending in a non-space, found from the end: a run of
    ``Mr. Mr. Mr. ...`` that is never cut would otherwise split ever longer slices."""
    k = hi - 1
    while k > lo and not text[k - 1].isspace():
        k -= 1
    return text[k:hi]


_DESCRIPTION_BEFORE_RE = re.compile(r"(?:^|[.;:!?“”\"]\s+|,\s+(?:and|but)\s+)([^,.;:!?“”\"()]{2,80}?)\s*,\s*$")


def _role_before_comma(before: str, after: str) -> str | None:
    """``The port authority’s chief executive, Helena Brandt, said``: the description before a
    name that is itself set off by commas."""
    if not after.lstrip(" ").startswith(","):
        return None
    m = _DESCRIPTION_BEFORE_RE.search(before)
    if m is None:
        return None
    phrase = m.group(1).strip()
    words = phrase.split()
    if not words or len(words) > 8:
        return None
    last = words[-1].lower()
    if last not in ROLE_NOUNS and last not in TITLE_WORDS:
        return None
    if words[0].lower() in SENTENCE_START_WORDS - {"the", "his", "her", "their", "its", "our"}:
        return None
    if words[0].lower() in INDEFINITE:
        return None
    return phrase


def _apposition_after(after: str, loose: bool = False, at_end: bool = False) -> str | None:
    """``, director of the X Center (XC),`` right after a name -> the role text; when ``at_end``
    (``after`` runs to the end of its paragraph) the paragraph's end closes it too (a speaker's
    card: ``Ana Ruiz, the head of the regional police``)."""
    if not after.startswith(","):
        return None
    body = after[1:]
    depth = 0
    for i, ch in enumerate(body):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and ch in ",;.":
            phrase = body[:i].strip()
            break
    else:
        if not at_end:
            return None
        phrase = body.strip()
    if not phrase or len(phrase.split()) > 14:
        return None
    first = phrase.split()[0]
    low = first.lower()
    if low in {"a", "an", "the", "its", "his", "her", "their", "our"}:
        rest = phrase.split()
        if len(rest) > 1 and any(w.lower().strip("()") in ROLE_NOUNS or w.lower().strip("()") in PARTY_WORDS
                                 for w in rest[1:]):
            return phrase
        if loose and 1 < len(rest) <= 8 and rest[1][:1].islower() and not _VERBISH_RE.search(phrase):
            return phrase  # "Maria Lopez, a nurse," -- a description after a full name
        return None
    if first[:1].islower() and (low in ROLE_NOUNS or low in TITLE_WORDS or low in {"former", "then", "now", "who"}):
        return None if low == "who" else phrase
    if loose and low in {"of", "from", "at"}:  # an affiliation: "Grace Mbeki, of the Institute for ...,"
        rest = phrase.split()
        head = rest[2] if len(rest) > 2 and rest[1].lower() == "the" else (rest[1] if len(rest) > 1 else "")
        if head[:1].isupper() and len(rest) <= 10:
            return phrase
    if first[:1].isupper() and low in TITLE_WORDS:
        return phrase
    return None
