"""Shared patterns of quotation extraction: quote marks, cue-verb regular expressions (built once, as
prefix tries), sentence boundaries, and the small records passed between the modules.
"""
from __future__ import annotations

import bisect
import re

from dataclasses import dataclass, field

from generator.newslang import (
    ABBREVIATIONS,
    ADVERBS,
    AR_SPEECH_VERBS,
    COGNITION_VERBS,
    PARTICLES,
    SPEECH_VERBS,
)


# --------------------------------------------------------------------------- marks

_DOUBLE_MARKS = {'"', "“", "”", "„", "«", "»", "''", "``", "‟"}
_SINGLE_OPEN = {"‘", "'", "‹"}
_SINGLE_CLOSE = {"’", "'", "›"}
_MARK_RE = re.compile(r"''|``|[\"“”„‟«»‘’'‹›]")
_OPENING_SHAPES = {"“", "„", "«", "``", "‟"}
_JOIN = " … "

# --------------------------------------------------------------------------- patterns


def _word_trie(alternation: str) -> str:
    """The word list ``a|b|c`` as an equivalent regular expression that shares prefixes.

    ``re`` tries the alternatives of ``said|says|...`` one by one at every position it scans,
    which for the ~300 speech verbs under IGNORECASE costs microseconds per character.  The
    trie (``sa(?:id|ys|y)|...``) tries only the words that share the text's first letters.  It
    matches exactly what the list matches, in the same order of preference: two words can both
    match at one position only when one is a prefix of the other (``say``/``says``), and such
    a pair keeps its relative order (a group is never merged across a word that ends at its
    node).  Lists with anything but lower-case letters, spaces, hyphens and apostrophes (a
    regular expression, an upper-case letter that IGNORECASE could fold) are returned as they are.
    """
    words = list(dict.fromkeys(alternation.split("|")))  # a repeated word can never be reached
    if not all(w and re.fullmatch(r"[a-z\u0600-\u06ff \-'’]+", w) for w in words):
        return alternation
    return "|".join(_trie_alternatives(words))


def _trie_alternatives(words: list[str]) -> list[str]:
    groups: list[tuple[str, list[str]]] = []  # (first character, the rests) in order; "" ends a word
    for word in words:
        head = word[:1]
        last = next((k for k in range(len(groups) - 1, -1, -1) if groups[k][0] in (head, "")), None)
        if head and last is not None and groups[last][0] == head:
            groups[last][1].append(word[1:])  # no word ending here lies between: merge
        else:
            groups.append((head, [word[1:]]))
    parts = []
    for head, rests in groups:
        if not head:
            parts.append("")
        elif len(rests) == 1:
            parts.append(re.escape(head + rests[0]))
        else:
            inner = _trie_alternatives(rests)
            parts.append(re.escape(head) + (inner[0] if len(inner) == 1 else "(?:" + "|".join(inner) + ")"))
    return parts


# base forms after an auxiliary ("he did underline that “...”", "would stress"): verbs no noun shares
_BASE_FORMS = "underline|emphasize|emphasise|acknowledge|concede|declare|reiterate|predict|insist"
_SPEECH_VERBS = _word_trie(SPEECH_VERBS + "|" + _BASE_FORMS)
_COGNITION_VERBS = _word_trie(COGNITION_VERBS)
_AR_SPEECH_VERBS = _word_trie(AR_SPEECH_VERBS)

_SPEECH_RE = re.compile(rf"\b(?:{_SPEECH_VERBS})\b", re.IGNORECASE)
_NAME_TOKEN = r"(?:(?:[Aa]l|[Ee]l|[Aa]d|[Aa]s|[Aa]sh|[Aa]t|[Aa]z)-)?[A-Z][\w’'\-]*\.?(?:\([A-Z-]+\))?"
_NAME_RUN_RE = re.compile(
    rf"(?<![\w’'\-]){_NAME_TOKEN}(?:[ \u00a0]+(?:{PARTICLES}[ \u00a0]+)?{_NAME_TOKEN})*"
)
_ABBREV_RE = re.compile(rf"^\(?(?:[A-Z]\.|(?:[A-Z]\.){{2,}}|(?:{ABBREVIATIONS})\.)\)?$")

_WORD_RE = re.compile(r"[\w’'\-]+")
_SENT_BOUNDARY_RE = re.compile(  # the lookahead first: the lookbehinds run only at punctuation
    r"(?=[.!?;])(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bSen)(?<!\bRep)(?<!\bGov)(?<!\bGen)"
    r"(?<!\bLt)(?<!\bCol)(?<!\bJr)(?<!\bSr)(?<!\bSgt)(?<!\bProf)(?<!\bRev)(?<!\bNo)(?<!\bvs)"
    r"(?<!\b[A-Z])[.!?;]['\"”’)\]]*\s+|[\"”]\s+(?=[A-Z“\"])|—\s*$"
)
_TRANSCRIPT_RE = re.compile(r"^([A-Z][A-Z.'’\- ]{1,40}[A-Z.]):\s+(?=\S)")
_ACCORDING_RE = re.compile(r"\baccording to\s+(.{1,120}?)\s*(?:[,.;]|$)", re.IGNORECASE)
_CONTEXT = 300  # characters of context looked at on either side of a quotation

# Post-attribution: after the closing mark.
_NP = r"(?P<np>[^\s,.;:!?“”\"«»—()][^,;:!?“”\"«»—]{0,110}?)"
_APPOSITION = r"(?:,\s*(?P<app>[^,;:!?“”\"«»—]{1,120}?(?:\([^()]{0,60}\)[^,;:!?“”\"«»—]{0,60}?)?),?)?"
_POST_VERB_FIRST_RE = re.compile(
    rf"^[\s,—–-]*(?P<verb>{_SPEECH_VERBS})\s+(?:{ADVERBS}\s+)?{_NP}"
    r"(?P<rest>(?:\s*\([^()]{0,60}\))?\s*(?:[,.;:!?“\"—]|$|\s+(?:in|on|at|during|after|before|while|when|of|on|to|about|who|from|last|this|earlier|later|told|via|as|recently|yesterday|today|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b))",
    re.IGNORECASE,
)
_POST_NP_FIRST_RE = re.compile(
    rf"^[\s,—–-]*{_NP}{_APPOSITION}\s+(?:{ADVERBS}\s+)*(?P<verb>{_SPEECH_VERBS})\b"
    r"(?P<rest>[^,.;:!?“”\"«»]{0,70}?(?:[,.;:!?“\"—]|$))?",
    re.IGNORECASE,
)
_POST_GENERIC_RE = re.compile(  # ,” Moss questioned.  — any past-tense verb closing the clause
    r"^\s*,?\s*(?P<np>(?:he|she|they|it|we|(?:[A-Z][\w’'.\-]*|(?:al|el)-[A-Z][\w’'\-]*)(?:\s+[A-Z][\w’'.\-]*){0,3}"
    r"|the(?:\s+[\w’'\-]+){1,4}?))"
    r"\s+(?P<verb>[a-z]{3,}ed)(?=\s*[.,;]|\s+(?:in|at|on|to|during|after|before|while|as|and|from|with)\b)"
)
_APPOSITION_AFTER_RE = re.compile(r"^\s*,\s*([^,;:!?“”\"«»—]{1,120}?)\s*(?:[,.;]|$)")
_POST_ACCORDING_RE = re.compile(r"^[\s,—–-]*according to\s+" + _NP + r"\s*(?:[,.;:!?]|$)", re.IGNORECASE)
# Pre-attribution: the sentence before the opening mark ends with one of these.
_PRE_TAIL_RE = re.compile(
    r"^(?P<obj>[^,:;“”\"«».!?]{0,70}?)\s*(?P<punct>[,:]|—|,?\s*\bthat|\bas follows:?|)\s*$",
    re.IGNORECASE,
)
_PRE_TAIL_COMMAS_RE = re.compile(r"^(?P<obj>[^:;“”\"«».!?]{0,120}?)\s*(?P<punct>,)\s*$")
_COLON_END_RE = re.compile(r":\s*$")

_ARABIC_VERBS_RE = re.compile(rf"(?:^|\s)(?:و|ف)?(?:{_AR_SPEECH_VERBS})(?=\s|$|[،,:])")


@dataclass
class _Span:
    """One quotation found by the scanner (offsets into the paragraph texts)."""

    paragraph: int
    start: int  # offset of the opening mark
    inner_start: int
    end_paragraph: int
    inner_end: int  # offset just after the last character of the text
    end: int  # offset of the closing mark (== inner_end; len(paragraph) when unclosed)
    closed: bool
    text: str
    after: int = 0  # offset just after the closing mark in end_paragraph
    pieces: list[str] = field(default_factory=list)


@dataclass
class _Person:
    name: str
    role: str | None
    age: int | None = None  # "Ana Ruiz, 28," -> 28
    gender: str | None = None  # "m"/"f" when the text says so (Mr./Ms., spokeswoman), else None


@dataclass
class _Attribution:
    phrase: str | None  # speaker phrase as written ("al-Nashoua", "he", "the militia")
    position: tuple[int, int]
    length: int = 0  # characters of the attribution after the closing mark (post only)
    strong: bool = True
    lead_in: str | None = None  # a woven quotation's lead-in: the writer's words before it


def _latest_before(entries, position):
    """In (position, value) entries sorted by position: the last value before ``position``, else
    the first one; None when there are none."""
    if not entries:
        return None
    k = bisect.bisect_left(entries, position, key=lambda item: item[0])
    return entries[k - 1][1] if k > 0 else entries[0][1]
_VERB_OPENING_RE = re.compile(
    r"^(?:Said|Says|Added|Adds|Stated|Continued|Continues|Wrote|Writes|Explained|Recalled|Asked|Replied)$")


_PARTY_TAGS_RE = re.compile(  # "(D-N.Y.)", "(R-OH)", and a party or a state alone: "(D)", "(Tex.)"
    r"\s*\((?:(?:[A-Z]{1,2}|Ind)-[A-Z][\w.\- ]{0,15}(?:\)|$)|(?:[DRI]|Ind|[A-Z][a-z]{1,4}\.)\))")
