"""Direct-quotation extraction with speaker attribution.

Algorithm (all steps are linear in the text length; vocabulary lives in
:mod:`generator.newslang`):

1. **Mark scanning** (:func:`_scan_paragraph`).  Each paragraph is scanned once, left to
   right, with a small state machine over quote marks: straight ``"``, curly ``“ ”``, low
   ``„``, guillemets ``« »`` (which may be spaced), doubled apostrophes ``''`` and single
   ``‘ ’ '``.  Double marks pair with any double mark (so mismatched ``“..."`` still pairs);
   single marks only open where an opening quote can stand (not inside a word, so
   ``Iran’s``/``don’t`` are skipped) and only count when a closing single mark is found in
   the same paragraph.  Marks inside an open quotation are kept as part of its text (nested
   quotes).  A double quotation left open at the end of a paragraph continues into the next
   paragraph when that one re-opens with a mark (news convention); otherwise it ends at the
   paragraph end.

2. **Attribution cues** (:func:`_post_attribution`, :func:`_pre_attribution`).  The text
   right after the closing mark is matched against ``, SPEAKER VERB`` / ``, VERB SPEAKER``
   (``,” al-Nashoua told Alhurra``; ``,” said researcher Rafid al-Atwani.``) and the text of
   the sentence before the opening mark against ``SPEAKER VERB [words] [,|:|that]``
   (``He added, “``; ``when he stressed that “``), or ``according to X``.  When the cue is
   a participle or a second verb (``X toured the site, telling reporters, “``; ``X ... and
   added, “``) or a clause ending in a colon without a speech verb (``Ruiz pushed back at
   the hearing:``), the speaker is the sentence's subject (:func:`_sentence_subject`); a passive cue
   (``X was asked, “``) gives no speaker.

3. **Direct or term?** (:func:`_is_direct`).  A span is a direct quotation when it has an
   adjacent cue, or when it is a full clause standing as its own sentence (starts a
   sentence, several words, ends with punctuation inside the marks).  Short spans inside a
   sentence without a cue, fragments woven into the writer's syntax (``called it “a
   mess”``) and title-case spans (names of groups, books, operations) are terms and are
   dropped, unless a cue makes a short capitalised span an utterance (``“Lisbon,” she
   answered``; chants).  Title-case lines (headlines) give no quotations.  Pieces of an
   interrupted quotation (``“A,” she said, “B.”`` or ``“A,” she said on “Show.” “B.”``) are
   joined with `` … ``; a colon cue after a full stop starts a new quotation.

4. **Speakers** (:class:`_People`).  Person mentions are collected from the prose outside
   quotations, in reading order.  Every mention registers its person: names after a role
   (``Iraqi strategic expert Alaa al-Nashoua``) or a title or honorific (``Prime Minister X``,
   ``Ms. X``), names followed by an apposition (``X, director of ...,``; ``X, its general
   secretary,``) or a relative clause (``X, who heads ...``), names after a description set
   off by commas (``The port's director, X,``), sentence subjects (``X leads ...``) and names
   next to a speech/cognition verb (``X argues``).  People are told apart by full name; a
   surname alone or after an honorific resolves to the most recent earlier person with that
   surname (``Maria Lopez ... Carlos Lopez ... Lopez said`` -> Carlos Lopez); other
   capitalised two-word names are weak candidates used only when nobody else has the
   surname.  The role is the apposition's or the pre-name description found at any mention
   of the person (a leading ``the``/``its`` is dropped unless a possessive follows:
   ``general secretary`` but ``the authority's chief executive``).  Pronouns resolve to the
   most recent person mention; definite descriptions (``the minister``) to the most recent
   person whose role contains the noun, else they stay as the description (organisations);
   indefinite descriptions (``a senior official``) give ``None``.  A quotation opening a
   paragraph with no cue at all goes to the named person the previous sentence is about, if
   known.  Transcript lines (``WALLACE: ...``) are quotations of the labelled speaker.

Arabic (``language="ar"``) uses Arabic cue verbs before or after the quotation; the speaker
phrase is split into role and name (``وزير الخارجية أحمد سالم``, ``رئيس تعاونية الصيادين
سليم حداد`` and ``أحمد سالم، وزير الخارجية``), a subjectless verb (``وأضاف``) keeps the
subject of the previous cue verb, reported speech included, a surname alone resolves to the
last person of that name, and indefinite sources (``مسؤول كبير``) are anonymous.  Other languages get speaker ``None``.
"""
from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field, replace
from typing import Sequence

from generator.models import Quote
from generator.newslang import (
    ABBREVIATIONS,
    ADVERBS,
    AR_ROLE_LINKS,
    AR_ROLE_NOUNS,
    AR_SPEECH_VERBS,
    BOILERPLATE_LABELS,
    AR_STOP,
    COGNITION_VERBS,
    FUNCTION_WORDS,
    HONORIFICS,
    INDEFINITE,
    INTRO_WORDS,
    NOT_SPEECH,
    ORG_WORDS,
    NP_STOP,
    PARTICLES,
    PARTY_WORDS,
    PLACE_HINT,
    PRONOUNS,
    ROLE_NOUNS,
    SENTENCE_START_WORDS,
    SPEECH_VERBS,
    SUBJECT_STOP,
    SUFFIXES,
    TITLE_WORDS,
)

__all__ = ["extract_quotes"]

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


_SPEECH_VERBS = _word_trie(SPEECH_VERBS)
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
    r"\s+(?P<verb>[a-z]{3,}ed)(?=\s*[.,;]|\s+(?:in|at|on|to|during|after|before|while|as|and)\b)"
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


# =========================================================================== public


def extract_quotes(paragraphs: Sequence[str], language: str = "en") -> tuple[Quote, ...]:
    """Return every direct quotation of ``paragraphs`` in order of appearance.

    Never raises for any list of strings; the result is deterministic.
    """
    paras = [p if isinstance(p, str) else str(p) for p in paragraphs]
    lang = (language or "en").lower()[:2]
    single = lang == "en"
    spans = _scan_all(paras, single_marks=single)
    transcript = _transcript_quotes(paras, spans) if lang == "en" else []
    if lang == "en":
        quotes = _english_quotes(paras, spans, transcript)
    elif lang == "ar":
        quotes = _arabic_quotes(paras, spans)
    else:
        quotes = [_to_quote(s, None, None) for s in spans if _is_full_clause(s.text, paras[s.paragraph], s.start, True)]
    headlines = {q.paragraph for q in quotes if _is_headline(paras[q.paragraph])}
    quotes = [q for q in quotes if q.paragraph not in headlines]
    # a speaker phrase that trims to nothing (a cue followed only by a role) names nobody
    quotes = [replace(q, speaker=None) if q.speaker is not None and not q.speaker.strip() else q
              for q in quotes]
    return tuple(sorted(quotes, key=lambda q: (q.paragraph, q.start)))


def _is_headline(text: str) -> bool:
    """A title-case line (``Lund: ‘We Will Rebuild Every Bridge’``): a headline, not reported speech."""
    if len(text) > 200:
        return False
    words = [w for w in _WORD_RE.findall(text) if sum(c.isalpha() for c in w) >= 4]
    if len(words) < 3:
        return False
    return all(w[:1].isupper() for w in words)


# =========================================================================== scanning


def _scan_all(paras: Sequence[str], single_marks: bool) -> list[_Span]:
    """Scan every paragraph, joining quotations that run on across paragraphs."""
    spans: list[_Span] = []
    pending: _Span | None = None
    for index, text in enumerate(paras):
        continues = pending is not None and _opens_with_mark(text)
        if pending is not None and not continues:
            spans.append(_finish(pending))
            pending = None
        found = _scan_paragraph(text, index, single_marks)
        if continues and pending is not None:
            if found and found[0].start == _first_mark(text):
                head = found.pop(0)
                pending.pieces.append(head.text)  # the text is joined once, in _finish
                pending.end_paragraph = index
                pending.inner_end, pending.end = head.inner_end, head.end
                pending.closed, pending.after = head.closed, head.after
                if head.closed:
                    spans.append(_finish(pending))
                    pending = None
            else:
                spans.append(_finish(pending))
                pending = None
        for span in found:
            if pending is not None:
                spans.append(_finish(pending))
                pending = None
            if span.closed or span.end_paragraph != index:
                spans.append(span)
            else:
                pending = span
    if pending is not None:
        spans.append(_finish(pending))
    return spans


def _finish(span: _Span) -> _Span:
    """Join the pieces of a quotation that ran on across paragraphs (linear, done once)."""
    if len(span.pieces) > 1:
        span.text = " ".join(span.pieces)
    return span


def _first_mark(text: str) -> int:
    stripped = len(text) - len(text.lstrip())
    return stripped


def _opens_with_mark(text: str) -> bool:
    body = text.lstrip()
    return bool(body) and (body[0] in "\"“„«‟" or body.startswith(("''", "``")))


def _prev_char(text: str, i: int) -> str:
    return text[i - 1] if i > 0 else " "


def _next_char(text: str, i: int) -> str:
    return text[i] if i < len(text) else " "


def _can_open(text: str, i: int, mark: str) -> bool:
    nxt = _next_char(text, i + len(mark))
    if mark == "«":
        return bool(text[i + 1:i + 3].strip())  # « may be spaced (« texte »)
    if nxt.isspace():
        if mark in "“„" and _prev_char(text, i).isspace() and text[i + 1:i + 2] == " " \
                and _next_char(text, i + 2)[:1].isupper():
            return True  # a stray space after a curly opening mark: Ruiz said. “ You know, ...”
        return bool(_ELLIPSIS_OPEN_RE.match(text, i + len(mark)))  # “ … if the vote were held today”
    prev = _prev_char(text, i)
    if prev == "=" or nxt in "<>":
        return False  # markup left in the text (<tweet tweet-date="...">), not a quotation
    if mark in ("'", "‘", "’", "‹"):
        return not (prev.isalnum() or prev in "’'-")
    if mark == '"' and prev.isalnum():
        return False
    return True


_ELLIPSIS_OPEN_RE = re.compile(r"[ \u00a0]?(?:…|\.\.\.|\. \. \.)[ \u00a0]?\w")


def _can_close(text: str, i: int, mark: str) -> bool:
    prev = _prev_char(text, i)
    if prev.isspace() and i > 0:
        return mark not in _OPENING_SHAPES and not _next_char(text, i + len(mark)).isalnum()
    if mark in ("'", "’", "›", "‘"):
        return not _next_char(text, i + len(mark)).isalnum()
    return True


def _scan_paragraph(text: str, index: int, single_marks: bool) -> list[_Span]:
    """Find quotations in one paragraph; an open double quote may run to the end."""
    spans: list[_Span] = []
    state = None  # None, "double" or "single"
    open_at = open_len = 0
    skip_until = 0
    for match in _MARK_RE.finditer(text):
        mark, i = match.group(), match.start()
        if i < skip_until:
            continue
        if state == "double":
            if mark not in _DOUBLE_MARKS or i < open_at + open_len:
                continue
            if _prev_char(text, i).isspace() and mark in _OPENING_SHAPES and _can_open(text, i, mark):
                nested = _nested_end(text, i, text[open_at:open_at + open_len])
                if nested:
                    skip_until = nested  # "A “B” C" -- a quotation inside the quotation
                    continue
                spans.append(_make_span(text, index, open_at, open_len, i, 0, closed=False, end=i))
                open_at, open_len = i, len(mark)
                continue
            if _can_close(text, i, mark):
                if mark == "''" and text[i + 2:i + 3] == "'" and text[i - 1:i] not in ("'", ""):
                    i += 1  # a nested single quotation closes first, then the doubled one: ,'''
                spans.append(_make_span(text, index, open_at, open_len, i, len(mark), closed=True))
                state = None
        elif state == "single":
            if mark in _SINGLE_CLOSE and i >= open_at + open_len and _can_close(text, i, mark):
                spans.append(_make_span(text, index, open_at, open_len, i, len(mark), closed=True))
                state = None
            elif mark in _DOUBLE_MARKS and mark not in ("''",) and _can_open(text, i, mark):
                state, open_at, open_len = "double", i, len(mark)  # the single was an apostrophe
        else:
            if mark in _DOUBLE_MARKS and _can_open(text, i, mark):
                state, open_at, open_len = "double", i, len(mark)
            elif single_marks and mark in _SINGLE_OPEN and _can_open(text, i, mark):
                state, open_at, open_len = "single", i, len(mark)
    if state == "double":
        spans.append(_make_span(text, index, open_at, open_len, len(text), 0, closed=False))
    return [s for s in spans if s.text.strip()]


_DOUBLE_SEARCH_RE = re.compile(r"''|[\"“”„‟«»]")


def _nested_end(text: str, i: int, outer: str) -> int:
    """End of a quotation nested at ``i`` inside an open one, or 0.

    Nested when the marks differ in style (``"A “B” C``: the outer straight, the inner curly) or
    when the inner closing mark is followed by a second closing mark before any opening one
    (``“A “B” C,” she said``)."""
    inner = _DOUBLE_SEARCH_RE.search(text, i + 1, i + 400)
    if inner is None or inner.group() != "”" or not _can_close(text, inner.start(), "”"):
        return 0
    if outer == '"':
        return inner.end()
    if outer != "“":
        return 0
    after = _DOUBLE_SEARCH_RE.search(text, inner.end(), inner.end() + 400)
    if after is not None and after.group() == "”" and _can_close(text, after.start(), "”"):
        return inner.end()
    return 0


def _make_span(text, index, open_at, open_len, close_at, close_len, closed, end=None) -> _Span:
    inner_start = open_at + open_len
    inner_end = close_at
    if not closed:
        inner_end = len(text.rstrip()) if end is None else len(text[:end].rstrip())
        inner_end = max(inner_end, inner_start)
    body = text[inner_start:inner_end]
    return _Span(index, open_at, inner_start, index, inner_end,
                 close_at if closed else inner_end, closed, body,
                 after=close_at + close_len if closed else inner_end, pieces=[body])


# =========================================================================== English


@dataclass
class _Attribution:
    phrase: str | None  # speaker phrase as written ("al-Nashoua", "he", "the militia")
    position: tuple[int, int]
    length: int = 0  # characters of the attribution after the closing mark (post only)
    strong: bool = True
    lead_in: str | None = None  # a woven quotation's lead-in: the writer's words before it


def _english_quotes(paras, spans, transcript) -> list[Quote]:
    masks = _quote_masks(paras, spans)
    people = _People(paras, masks)
    merged = _merge_interrupted(paras, spans)
    results: list[Quote] = []
    previous: tuple[int, str | None, str | None] | None = None
    ordered = [sorted(m) for m in masks]
    taken = -1  # the last group already used as a piece of a woven quotation
    for k, group in enumerate(merged):
        if k <= taken:
            continue
        attribution = _attribution_for(paras, group)
        fragment = None
        if not _is_direct(paras, group, attribution):
            pieces = _sentence_pieces(paras, merged, k)
            fragment = _woven_attribution(paras, pieces, ordered)
            if fragment is None:
                continue
            attribution, group = fragment, pieces
            taken = k + len(pieces) - 1
        first, last = group[0], group[-1]
        speaker = role = None
        credit = _credit_line(paras, last) if attribution is None else None
        if credit is not None:  # a pull quote and its credit line: “...” / - Ana Ruiz, mayor.
            attribution = _Attribution(credit, (last.end_paragraph + 1, 0))
        if attribution is not None and attribution.phrase is not None:
            speaker, role = people.resolve(attribution.phrase, attribution.position)
        elif attribution is None and previous is not None and first.paragraph - previous[0] <= 1:
            speaker, role = previous[1], previous[2]
        elif attribution is None:
            speaker, role = _narrative_subject(paras, first, people)
        if speaker is not None:
            people.note_speaker(speaker, role, attribution.position if attribution else (first.paragraph, first.start))
        previous = (last.end_paragraph, speaker, role)
        text = _JOIN.join(_clean_piece(s.text) for s in group)
        results.append(Quote(text=text, speaker=speaker, role=role, paragraph=first.paragraph,
                             start=first.start, end=last.end,
                             end_paragraph=last.end_paragraph if last.end_paragraph != first.paragraph else None,
                             fragment=fragment is not None,
                             lead_in=fragment.lead_in if fragment is not None else None))
    for index, start, body, label in transcript:
        speaker, role = people.resolve(label.title(), (index, 0))
        results.append(Quote(text=body, speaker=speaker or label.title(), role=role, paragraph=index,
                             start=start, end=len(paras[index])))
    return results


_CREDIT_LINE_RE = re.compile(r"^[-–—―]\s*(?P<name>[A-Z][\w.’'\-]*(?:[ \u00a0]+[A-Z][\w.’'\-]*){0,4})\s*(?:[,.]|$)")


def _credit_line(paras, span: _Span) -> str | None:
    """The name on a credit line (``- Ana Ruiz.``, ``—Ana Ruiz, tweeting``) right after a
    paragraph that is nothing but the quotation."""
    text = paras[span.end_paragraph]
    if not span.closed or text[span.after:].strip(" .\u00a0") or span.end_paragraph + 1 >= len(paras):
        return None
    if span.start != _first_mark(paras[span.paragraph]):
        return None
    m = _CREDIT_LINE_RE.match(paras[span.end_paragraph + 1].strip())
    return m.group("name").rstrip(".") if m else None


def _narrative_subject(paras, span: _Span, people: "_People") -> tuple[str | None, str | None]:
    """A quotation opening its own paragraph, with no cue: the named person the paragraph
    before is about (the subject of its last sentence), if that person is known."""
    if span.paragraph == 0 or span.start != _first_mark(paras[span.paragraph]):
        return None, None
    before = paras[span.paragraph - 1][-_CONTEXT:]
    sentence = before[_sentence_start(before):]
    subject = _sentence_subject(sentence)
    if subject is None or not people.knows(subject[0]):
        return None, None
    return people.resolve(subject[0], (span.paragraph, 0))


def _clean_piece(text: str) -> str:
    """Strip the comma that belongs to the attribution (“A,” she said) from a piece."""
    stripped = text.strip()
    return stripped[:-1].rstrip() if stripped.endswith(",") and len(stripped) > 1 else stripped


def _quote_masks(paras, spans) -> list[list[tuple[int, int]]]:
    masks: list[list[tuple[int, int]]] = [[] for _ in paras]
    for s in spans:
        if s.paragraph == s.end_paragraph:
            masks[s.paragraph].append((s.start, s.after))
        else:
            masks[s.paragraph].append((s.start, len(paras[s.paragraph])))
            for k in range(s.paragraph + 1, s.end_paragraph):
                masks[k].append((0, len(paras[k])))
            masks[s.end_paragraph].append((0, s.after))
    return masks


def _merge_interrupted(paras, spans) -> list[list[_Span]]:
    """Group “A,” X said, “B.” (and “A,” X said. “B.”) into one quotation.

    Quoted names inside the attribution (``X told Channel 5’s “Morning Report.”``) are part of
    the gap, not a quotation that breaks the run.
    """
    groups: list[list[_Span]] = []
    pending_terms: list[_Span] = []
    for span in spans:
        if groups:
            prev = groups[-1][-1]
            if _is_inline_term(paras, span) and prev.end_paragraph == span.paragraph:
                pending_terms.append(span)
                continue
            if _continues(paras, prev, span):
                groups[-1].append(span)
                pending_terms = []
                continue
        groups.extend([term] for term in pending_terms)
        pending_terms = []
        groups.append([span])
    groups.extend([term] for term in pending_terms)
    groups.sort(key=lambda g: (g[0].paragraph, g[0].start))
    return groups


def _is_inline_term(paras, span: _Span) -> bool:
    """A short title-case name in quotes inside a sentence (``Channel 5’s “Morning Report”``)."""
    if not span.closed or span.paragraph != span.end_paragraph:
        return False
    words = _WORD_RE.findall(span.text)
    if not 0 < len(words) <= 6 or _starts_sentence(paras[span.paragraph], span.start):
        return False
    if _is_title_case(words) and not re.search(r"[!?]\s*$", span.text):
        return True
    # A lower-case phrase woven into the writer's clause (had ''cratered'' lately, after
    # hinting that “personnel changes” could come): part of the attribution, not a quotation.
    return bool(_LOWER_START_RE.match(span.text)) and _woven(paras[span.paragraph], span)


def _continues(paras, prev: _Span, span: _Span) -> bool:
    """True when ``span`` resumes ``prev`` after an attribution: “A,” X said, “B.”"""
    if prev.end_paragraph != span.paragraph or not prev.closed:
        return False
    text = paras[span.paragraph]
    gap = _GAP_CONJUNCTION_RE.sub(" ", text[prev.after:span.start])  # “A,” he said. But “B.”
    if len(gap) > _CONTEXT or not gap.strip():
        return False
    if _LIST_GAP_RE.match(gap) and not _woven(text, prev):
        return True  # a list of quotations after one cue: chanting “A,” and “B.”
    if not re.search(r"[,.:;—–-]['’\"”]*\s*$", gap):
        bare = _BARE_CUE_RE.match(gap)
        if bare is None or gap[bare.end():].strip():
            return False  # “A,” she said “B.” (the comma after the verb left out) continues
    if not re.search(r"[,.!?…—–-]['’\"”]*\s*$", prev.text) and not (
            re.search(r"\w\s*$", prev.text) and _BARE_CUE_RE.match(gap)):
        return False
    if _post_attribution(gap) is None and _pre_attribution(gap, span.text) is None:
        return False
    if _woven(text, prev):
        return False  # what he called “a hard year.” But, he said, “B.”
    if _SECOND_CUE_RE.search(gap):
        return False  # “A,” she said, adding, “B.” -- a second speech act, a second quotation
    if re.search(r"[.!?]['’\"”]*\s*$", prev.text) and gap.rstrip().endswith(":"):
        return False  # “A.” Y said: “B.” -- B is introduced as a new quotation
    pieces = [p for p in _split_sentences(gap.strip()) if p.strip()]
    if len(pieces) > 1 and _SPEECH_RE.search(pieces[-1]):
        return False  # the second quotation has an attribution of its own
    if len(pieces) > 1 and pieces[-1].rstrip().endswith(":"):
        return False  # “A,” X said. Later, X went further: “B.” -- B is introduced anew
    if re.search(r"[.!?]['’\"”]*\s*$", prev.text) and re.match(r"^\s*[A-Z]", gap) \
            and gap.rstrip().endswith(",") and _has_own_cue(paras, prev):
        return False  # He said, “A.” He added, “B.” -- A's cue was before it; B gets a new one
    if len(pieces) > 2:
        return False
    # “A,” X said. “B,” Y added.  -> B has its own attribution: keep separate.
    if span.closed and re.search(r"[,?!]\s*$", span.text):
        tail = text[span.after:span.after + _CONTEXT]
        if _post_attribution(tail) is not None:
            return False
    if re.search(r"\.['’\"”]*\s*$", gap):
        # “A,” X said. “B” and the writer's words: B opens a sentence of its own, X's too
        return bool(re.match(r"^\W*[A-Z0-9]", span.text))
    return True


_LIST_GAP_RE = re.compile(r"^[ \u00a0]*(?:,?[ \u00a0]*(?:and|or)[ \u00a0]*,?|…|\.{3}|\.(?: \.){2})[ \u00a0]*$")
_SECOND_CUE_RE = re.compile(
    r"(?:(?:,|,?[”\"’])\s+(?:adding|noting|continuing|remarking|and added|then added)|,?\s+(?:before|then|and|while|after)\s+(?:adding|noting|remarking))"
    r"\b[^“”\"]{0,40}?[,:]?\s*$")
_GAP_CONJUNCTION_RE = re.compile(r"(?<=[.!?])(\s+)(?:But|And|Yet|Still|So|Or|Now|Plus)\s*$")


def _has_own_cue(paras, span: _Span) -> bool:
    """``span`` is introduced by a cue before it (``He said, “A.”``)."""
    head = paras[span.paragraph]
    pre = _pre_attribution(head[max(0, span.start - _CONTEXT):span.start], span.text)
    return pre is not None and pre[0] is not None


def _woven(paragraph: str, span: _Span) -> bool:
    """A lower-case fragment inside the writer's sentence (not after a comma or colon)."""
    if not _LOWER_START_RE.match(span.text) or _starts_sentence(paragraph, span.start):
        return False
    return not paragraph[max(0, span.start - 40):span.start].rstrip().endswith((",", ":"))


def _attribution_for(paras, group: list[_Span]) -> _Attribution | None:
    first, last = group[0], group[-1]
    if len(group) > 1:
        gap = paras[first.paragraph][first.after:group[1].start]
        found = _post_attribution(gap + " ")
        if found:
            return _Attribution(found[0], (first.paragraph, first.after), found[1])
    if last.closed:
        tail = paras[last.end_paragraph][last.after:last.after + _CONTEXT]
        found = _post_attribution(tail)
        strong = re.search(r"[,?!…—–-]['’\"”]*\s*$", last.text) or re.search(r"^\s*[,—–-]", tail) \
            or _lacks_comma(paras, first, last)  # “We will win” Ruiz said. -- the comma left out
        if found and not strong and re.search(r"\.\s*$", last.text) and len(group) == 1:
            # “... you.” She says ...: a new sentence after a full stop; a cue before the
            # quotation (tells voters that “he loves you.”) comes first.
            head = paras[first.paragraph]
            pre = _pre_attribution(head[max(0, first.start - _CONTEXT):first.start], first.text)
            if pre is not None and pre[0] is not None:
                return _Attribution(pre[0], (first.paragraph, max(0, first.start - _CONTEXT) + pre[1]))
        if found and found[0] is None and strong:
            # “...,” promising to return: a participle after the quotation; its subject is the
            # speaker, named in a cue before the quotation if there is one.
            head = paras[first.paragraph]
            pre = _pre_attribution(head[max(0, first.start - _CONTEXT):first.start], first.text)
            if pre is not None and pre[0] is not None:
                return _Attribution(pre[0], (first.paragraph, max(0, first.start - _CONTEXT) + pre[1]))
            return _Attribution(None, (last.end_paragraph, last.after), found[1])
        if found and (strong or re.search(r"\.\s*$", last.text)):
            return _Attribution(found[0], (last.end_paragraph, last.after), found[1])
    head_text = paras[first.paragraph]
    if first.start == _first_mark(head_text) and first.paragraph > 0 \
            and _COLON_END_RE.search(paras[first.paragraph - 1]):
        pre = _pre_attribution(paras[first.paragraph - 1][-_CONTEXT:], first.text)
        return _Attribution(pre[0] if pre else None, (first.paragraph - 1, len(paras[first.paragraph - 1])))
    pre = _pre_attribution(head_text[max(0, first.start - _CONTEXT):first.start], first.text)
    if pre is not None:
        phrase, offset = pre
        return _Attribution(phrase, (first.paragraph, max(0, first.start - _CONTEXT) + offset))
    return None


_WOVEN_CUE_RE = re.compile(
    rf"\b(?:{_SPEECH_VERBS}|{_COGNITION_VERBS}|call|calls|called|describes|described|describing|labels|labeled|"
    r"labelled|labeling|branded|brands|dubbed|dubs|termed|terms|characterized|characterised|characterizing)\b",
    re.IGNORECASE)
_WOVEN_MIN_WORDS = 4
_WOVEN_MAX_OBJECT = 14  # words between the cue and the opening mark
_WOVEN_SHARE = 0.6  # of the attribution's words inside the marks


def _woven_attribution(paras, group: list[_Span], masks) -> _Attribution | None:
    """A quotation woven into the writer's sentence that the sentence attributes:
    ``Ruiz said the plan was “a reckless gamble that will cost lives.”``.

    It is kept when it has four words or more, a cue verb (said, argued, called ...) stands
    before it in its sentence with at most a short object between, and at least 60% of the
    words from the cue to the sentence's end are inside quotation marks (the attributed
    content is largely the quotation's own words); or, with the cue after it (``the plan was
    “a gamble,” Ruiz said``), 60% of the words from the sentence's start.  The speaker is the
    cue's subject.
    """
    first, last = group[0], group[-1]
    if first.paragraph != last.end_paragraph or not last.closed:
        return None
    text = paras[first.paragraph]
    words = _WORD_RE.findall(" ".join(s.text for s in group))
    if len(words) < _WOVEN_MIN_WORDS or _is_title_case(words):
        return None
    window = max(0, first.start - _CONTEXT)
    head = text[window:first.start]
    lead_at = _sentence_start(head)
    sentence = head[lead_at:]
    end = _sentence_end(text, max(last.inner_start, last.inner_end - 1))
    verb = None
    for verb in _WOVEN_CUE_RE.finditer(sentence):
        pass
    if verb is not None and not re.search(r"''|[“”\"«»]", sentence[verb.end():]) \
            and len(sentence[verb.end():].split()) <= _WOVEN_MAX_OBJECT:
        if _inside_share(text, masks[first.paragraph], window + lead_at + verb.end(), end) < _WOVEN_SHARE:
            return None
        if _PASSIVE_RE.search(sentence[:verb.start()]):
            return None
        subject = _cue_subject(sentence, verb)
        phrase = subject[0] if subject else None
        at = window + lead_at + (subject[1] if subject else 0)
        return _Attribution(phrase, (first.paragraph, at), lead_in=_lead_in(sentence))
    if not last.closed:
        return None
    tail = text[last.after:last.after + _CONTEXT]
    if not (re.match(r"\s*[,—–-]", tail) or re.search(r"[,?!]\s*$", last.text)):
        return None  # “...” at the convention, he said: the cue is not right after the marks
    post = _post_attribution(tail)
    if post is None or post[0] is None:
        return None
    if _inside_share(text, masks[first.paragraph], window + lead_at, last.after) < _WOVEN_SHARE:
        return None
    return _Attribution(post[0], (last.end_paragraph, last.after), post[1], lead_in=_lead_in(sentence))


def _sentence_pieces(paras, merged: list[list[_Span]], k: int) -> list[_Span]:
    """The quoted pieces of the sentence that ``merged[k]`` (one span) opens: ``X said the game
    “has become soft” because “the country has become soft.”`` is one woven quotation."""
    first = merged[k][0]
    if len(merged[k]) > 1 or first.paragraph != first.end_paragraph or not first.closed:
        return merged[k]
    text = paras[first.paragraph]
    end = _sentence_end(text, max(first.inner_start, first.inner_end - 1))
    pieces = [first]
    for group in merged[k + 1:]:
        span = group[0]
        if len(group) > 1 or span.paragraph != first.paragraph or span.end_paragraph != first.paragraph \
                or span.start >= end or not pieces[-1].closed:
            break
        pieces.append(span)
        end = _sentence_end(text, max(span.inner_start, span.inner_end - 1))
    return pieces


def _lead_in(sentence: str) -> str | None:
    lead = sentence.strip()
    return lead or None


def _sentence_end(text: str, position: int) -> int:
    """Offset just after the sentence that runs through ``position`` (looked for within
    ``_CONTEXT`` characters, so that a paragraph of many quotations stays linear)."""
    limit = min(len(text), position + _CONTEXT)
    for m in _SENT_BOUNDARY_RE.finditer(text, position, limit):
        if _real_boundary(text, m):
            return m.start() + 1
    return limit


def _inside_share(text: str, ranges, lo: int, hi: int) -> float:
    """Share of the words of ``text[lo:hi]`` whose first character is inside quotation marks
    (``ranges``: the paragraph's quotations as (opening mark, after closing mark), in order)."""
    total = inside = 0
    starts = [a for a, _ in ranges]
    for m in _WORD_RE.finditer(text, lo, hi):
        total += 1
        p = m.start()
        k = bisect.bisect_left(starts, p) - 1
        inside += k >= 0 and p < ranges[k][1]
    return inside / total if total else 0.0


def _lacks_comma(paras, first: _Span, last: _Span) -> bool:
    """A capitalised clause of several words that ends in a word inside the marks and opens its
    sentence: the comma before the attribution was left out (“We will win” Ruiz said)."""
    return bool(re.search(r"\w\s*$", last.text)) and bool(re.match(r"^\W*[A-Z]", first.text)) \
        and len(_WORD_RE.findall(last.text)) >= 3 and _starts_sentence(paras[first.paragraph], first.start) \
        and bool(_BARE_CUE_RE.match(paras[last.end_paragraph][last.after:last.after + 120]))


_BARE_CUE_RE = re.compile(  # a name or pronoun and a speech verb, or a speech verb and a name
    rf"^[ \u00a0]+(?:(?:(?:[A-Z][\w’'.\-]*|the|a)[ \u00a0]+){{1,5}}|(?:he|she|they)[ \u00a0]+)"
    rf"(?:{ADVERBS}[ \u00a0]+)*(?:{_SPEECH_VERBS})\b|^[ \u00a0]+(?:said|says|wrote|added)[ \u00a0]+[A-Z]")


def _post_attribution(tail: str) -> tuple[str | None, int] | None:
    """Speaker phrase of ``, X said`` / ``, said X`` right after a closing mark.

    The phrase may carry an apposition after a comma (``Ana Ruiz, a strategist``).
    """
    tail = _PLACE_COMMA_RE.sub(" ", tail[:_CONTEXT])  # "of Dayton, Ohio., said" keeps one apposition
    tail = _AGE_RE.sub(_blank_age, tail)  # "Ana Ruiz, 67, a nurse, said" keeps one apposition
    # "Ana Ruiz, of Dayton, who was among those polled, said": the relative clause right
    # before the verb is blanked (same length), keeping one apposition
    tail = _RELATIVE_BEFORE_VERB_RE.sub(lambda m: " " * len(m.group()), tail)
    m = _POST_ACCORDING_RE.match(tail)
    if m:
        return m.group("np"), m.end()
    m = _POST_VERB_FIRST_RE.match(tail)
    if m and m.group("verb")[:1].isupper():
        m = None  # “...,” State spokesman X said: a capitalised word after the mark is a name, not the cue
    if m and m.group("verb").lower().endswith("ing"):
        return None, m.start("np")  # “...,” promising the club will return: not "said X"
    if m and not _looks_like_clause(m.group("np")):
        np = _np_after(tail[m.start("np"):]) or m.group("np")
        first = np.split()[0].lower()
        if first not in {"that", "it", "this", "there"} and (first != "the" or len(np.split()) <= 6):
            last = np.split()[-1]
            np_end = max(m.end("np"), tail.find(last, m.start("np")) + len(last))
            app = _APPOSITION_AFTER_RE.match(tail[np_end:])
            if app and _is_role_phrase(app.group(1)):
                return np + ", " + app.group(1), np_end
            return np, np_end
    m = _POST_GENERIC_RE.match(tail)
    if m and m.group("verb").lower() not in NOT_SPEECH:
        return m.group("np"), m.end("verb")
    m = _POST_NP_FIRST_RE.match(tail)
    if m and m.group("np").split()[0] in _NEW_SENTENCE_OPENERS:
        m = None  # “...” Later in the summer, she revised it: a new sentence, not an attribution
    if m and _subject_like(m.group("np")):
        np, app = m.group("np"), m.group("app")
        short = len(np.split()) <= 4 and (np[:1].isupper() or np.lower() in PRONOUNS or np[:3].lower() in {"al-", "el-"})
        if m.group("rest") is None and not short and app is None:
            return None
        if app is not None:
            if not (_is_role_phrase(app) or _is_role_phrase(np)):
                return None
            return np + ", " + app, m.end("verb")
        return np, m.end("verb")
    return None


_PLACE_COMMA_RE = re.compile(r",(?=\s+(?:[A-Z][a-z]{1,4}|[A-Z]\.[A-Z])\.,)")
_AGE_RE = re.compile(r"(?<=[a-z.]),[ \u00a0]+\d{1,3},(?=\s+(?P<verb>(?:(?:" + ADVERBS + r")\s+)*(?:"
                     + _SPEECH_VERBS + r")\b)?)", re.IGNORECASE)


_RELATIVE_BEFORE_VERB_RE = re.compile(
    r"(?<=[\w.]),[ \u00a0]+(?:who|which)\b[^,;:!?“”\"«»—()]{1,100},(?=[ \u00a0]+(?:(?:" + ADVERBS + r")\s+)*(?:"
    + _SPEECH_VERBS + r")\b)")


def _blank_age(m: re.Match) -> str:
    """``, 67,`` after a name: blanked (same length), keeping a comma before a further apposition."""
    return " " * len(m.group()) if m.group("verb") else "," + " " * (len(m.group()) - 1)


def _np_after(text: str) -> str:
    """Noun phrase at the start of ``text``; periods of initials and titles do not end it."""
    picked: list[str] = []
    for token in text[:160].split():
        if picked and token.lower() in NP_STOP and not (
                token.lower() == "and" and picked[-1].lower() in TITLE_WORDS and picked[-1].endswith(".")):
            break  # "former Vermont Gov. and Club Chairman Carl Lund": a title does not end a name
        bare = token.rstrip(",;:!?.)”\"")
        if token[-1:] in ",;:!?”\"" or (token.endswith(".") and not _ABBREV_RE.match(token)):
            if bare:
                picked.append(bare)
            break
        picked.append(token)
        if len(picked) >= 12:
            break
    return " ".join(picked)


def _is_role_phrase(text: str) -> bool:
    """``a Democrat from Ohio``, ``senior strategist for X``, ``Ana Ruiz``."""
    words = text.split()
    if not words or len(words) > 16:
        return False
    low = words[0].lower()
    if low in {"who", "which", "referring", "adding", "noting", "saying", "according", "and", "but",
               "though", "although", "because", "when", "while", "as", "in", "on", "at", "during"}:
        return False
    if low.endswith("ing") and words[0][:1].islower():
        return False
    return True


def _looks_like_clause(np: str) -> bool:
    words = np.split()
    return len(words) > 12 or (bool(words) and words[0].lower() in {"that", "if", "whether", "it", "so", "to"})


def _latest_before(entries, position):
    """In (position, value) entries sorted by position: the last value before ``position``, else
    the first one; None when there are none."""
    if not entries:
        return None
    k = bisect.bisect_left(entries, position, key=lambda item: item[0])
    return entries[k - 1][1] if k > 0 else entries[0][1]


def _subject_like(np: str) -> bool:
    """True when ``np`` can be the subject of an attribution verb (short noun phrase)."""
    words = np.split()
    if not words or len(words) > 9:
        return False
    low = [w.lower() for w in words]
    if low[0] in {"and", "but", "or", "which", "that", "if", "when", "because", "so", "to", "as"}:
        return False
    if len(words) == 1:
        return low[0] in PRONOUNS or words[0][:1].isupper() or bool(re.match(r"(?:al|el)-", words[0]))
    if low[0] in PRONOUNS:
        return False
    if any(w in {"is", "was", "are", "were", "has", "have", "had", "will", "would", "not", "be"} for w in low):
        return False
    return True


def _pre_attribution(before: str, quote: str) -> tuple[str | None, int] | None:
    """Speaker phrase of ``X said: “`` / ``X stressed that “`` (text up to the mark).

    When the cue is a participle or a second verb of the sentence (``X met voters, saying, “``;
    ``X ... and added, “``; ``X interjected to say: “``) the speaker is the sentence's subject.
    """
    start = _sentence_start(before)
    sentence = before[start:]
    if not sentence.strip():
        return None
    credit = _CREDIT_RE.search(sentence)
    if credit is not None:  # "POLLS WERE EARLY - Ana Ruiz: “...", "More from Ruiz: “..."
        return credit.group("name"), start + credit.start("name")
    first = _VERB_FIRST_RE.match(sentence)  # "Said Ana Ruiz, who grew up here, “..." / "Stated Ruiz: “"
    if first is not None and first.group("np").strip()[:1].isupper():
        return first.group("np").strip(), start + first.start("np")
    # Same-length rewrites keep offsets: "20,000 followers" and ", however," do not end the object.
    original = sentence
    sentence = _THOUSANDS_RE.sub("0", sentence)
    sentence = _ABBREV_DOT_RE.sub(lambda m: m.group()[:-1] + " ", sentence)  # "adding of Mr. Hale,"
    sentence = _ASIDE_RE.sub(lambda m: " " * len(m.group()), sentence)
    verb = None
    for verb in _SPEECH_RE.finditer(sentence):
        pass
    according = None
    for according in _ACCORDING_RE.finditer(sentence):
        pass
    if according is not None and according.end() >= len(sentence.rstrip()) - 1:
        return according.group(1), start + according.start(1)
    if verb is None:
        if _COLON_END_RE.search(sentence):  # "Ruiz pushed back at the hearing: “..."
            subject = _sentence_subject(sentence) if quote[:1].isupper() else None
            return (subject[0], start + subject[1]) if subject else (None, start)
        return None
    tail = _PRE_TAIL_RE.match(sentence[verb.end():])
    comma_object = False
    if tail is None and quote[:1].isupper():
        # "said on Monday, in reference to her child, a girl born in 2014, “...": an object
        # with commas, when the quotation opens a sentence of its own after the last comma
        tail = _PRE_TAIL_COMMAS_RE.match(sentence[verb.end():])
        if tail is not None and len(tail.group("obj").split()) > 16:
            tail = None
        comma_object = tail is not None
    if tail is None:
        return None
    punct = tail.group("punct").lower()
    obj = tail.group("obj").strip()
    ends_sentence = bool(re.search(r"[.!?]['’]?\s*$", quote))
    if not punct and not quote[:1].isupper() and not (not obj and ends_sentence and len(quote.split()) >= 4):
        return None  # 'He says “the plan works.”' is speech; 'called it “a mess”' is not
    if punct == "that" and not (quote[:1].isupper() or len(quote.split()) >= 5
                                or (ends_sentence and len(quote.split()) >= 3)):
        return None
    if obj and not comma_object and len(obj.split()) > (10 if punct.endswith("that") or (punct and quote[:1].isupper()) else 6):
        return None  # "told the Post in a written statement, “I ..." is a cue; a long clause is not
    head = original[:verb.start()]
    if _PASSIVE_RE.search(head):
        return None, start  # "Trump was asked, “...": the speaker is not the subject
    subject = _cue_subject(original, verb)
    if subject is None:
        return None, start
    return subject[0], start + subject[1]


def _cue_subject(original: str, verb: re.Match) -> tuple[str, int] | None:
    """The speaker of the cue ``verb`` in the sentence ``original`` and its offset there."""
    head = original[:verb.start()]
    subject = None if _SECONDARY_CUE_RE.search(head) or verb.group().lower().endswith("ing") \
        else _subject_before(head)
    main = _MAIN_CUE_RE.search(head) if verb.group().lower().endswith("ing") else None
    if main is not None:  # "..., Nefzi said, adding, “" -- the subject of the verb before the participle
        subject = _subject_before(head[:main.start()])
    if subject is None and verb.group().lower().endswith("ing"):
        with_np = _WITH_SUBJECT_RE.search(head)  # "..., with Ruiz reportedly yelling: “"
        if with_np is not None:
            subject = _subject_before(head[:with_np.end("np")])
    if subject is None:
        to_verb = _CONTROL_TO_RE.search(head)  # "Ruiz was prompted to say, “" / "Ruiz went on to say"
        if to_verb is not None:
            subject = _subject_before(head[:to_verb.start()])
    if subject is None:
        subject = _sentence_subject(head)
    if subject is None:
        # “A,” Ruiz said, adding, “B.” -- B is Ruiz's too; else (verb-first or passive: "Said
        # X, “...", "told by X") no subject
        return _quote_then_cue(head)
    return subject


def _quote_then_cue(head: str) -> tuple[str, int] | None:
    """The speaker of ``“A,” X said,`` at the start of ``head`` (text after a closing mark)."""
    closing = None
    for closing in _CLOSING_MARK_RE.finditer(head):
        pass
    if closing is None:
        return None
    found = _post_attribution(head[closing.end():])
    if found is None or found[0] is None:
        return None
    return found[0], closing.end() + max(0, head.find(found[0], closing.end()) - closing.end())


_PASSIVE_RE = re.compile(r"\b(?:was|were|been|being|is|are|be|get|got)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_VERB_FIRST_RE = re.compile(  # a sentence that opens with the speech verb, the speaker after it
    r"^\s*(?:Said|Says|Added|Adds|Stated|Continued|Continues|Wrote|Writes|Explained|Recalled|Asked|Replied)"
    r"\s+(?P<np>[A-Z][^,:;“”\"«».!?]{0,60}?(?:\.[^,:;“”\"«»!?]{0,40}?)?)\s*(?:,[^,:;“”\"«»]{0,100})?[,:]\s*$")
_VERB_OPENING_RE = re.compile(
    r"^(?:Said|Says|Added|Adds|Stated|Continued|Continues|Wrote|Writes|Explained|Recalled|Asked|Replied)$")
_NEW_SENTENCE_OPENERS = {"Later", "Earlier", "Afterward", "Afterwards", "Meanwhile", "Still", "However"}
_THOUSANDS_RE = re.compile(r"(?<=\d),(?=\d{3}\b)")
_MAIN_CUE_RE = re.compile(rf"\s(?:{_SPEECH_VERBS})\s*,\s*$", re.IGNORECASE)
_CREDIT_RE = re.compile(  # a digest's lead-in credited to its source after a dash: "... - Ana Ruiz:"
    r"(?:\s[-–—]\s*(?:More from\s+)?|^\s*More from\s+)"
    r"(?P<name>[A-Z][\w.’'\-]*(?:\s+(?:and\s+)?[A-Z][\w.’'\-]*){0,5})\s*:\s*$")
_CLOSING_MARK_RE = re.compile(r"(?:''|[”\"»])(?=[\s,—–-])")
_ABBREV_DOT_RE = re.compile(rf"(?=[A-Z])(?<![\w.])(?:{ABBREVIATIONS}|[A-Z])\.(?=\s)")  # all start with A-Z
_ASIDE_RE = re.compile(r",\s*(?:however|though|too|also|again|then|later|meanwhile|in turn|in response|"
                       r"for (?:his|her|their|its) part)\s*(?=,)", re.IGNORECASE)
_WITH_SUBJECT_RE = re.compile(r"\bwith\s+(?P<np>[A-Z][^,;:“”\"«».!?]{0,60}?)\s+(?:\w+ly\s+)?$")
_CONTROL_TO_RE = re.compile(
    r"(?:\s+(?:was|were|is|are|has|have|had|seemed|appeared))?\s+[a-z]+\s+(?:on\s+)?to\s*$")
_SECONDARY_CUE_RE = re.compile(
    rf"\b(?:and|but|to|then|before|after|by|while|when|in|without|of|for)\s+(?:{ADVERBS}\s+)*$",
    re.IGNORECASE,
)
_TIME_TAIL_RE = re.compile(
    r"(?:\s+(?:later|earlier|also|then|on|last|this|late|early|again|again,|previously|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|"
    r"morning|afternoon|evening|night|week|month|year))+\s*$",
    re.IGNORECASE,
)


_LEADING_CONJUNCTION_RE = re.compile(r"\s*(?:And|But|So|Yet|Or|Still)\s+(?=[A-Z]|(?:he|she|they)\b)")


def _sentence_subject(head: str) -> tuple[str, int] | None:
    """Subject noun phrase of the clause ``head`` (introductory phrases skipped).

    ``Hours later, Ruiz toured the site, telling reporters`` -> ``Ruiz``;
    ``Sen. Ana B. Ruiz (D-Ore.), noting the cost of ...,`` -> ``Sen. Ana B. Ruiz``;
    ``The Green candidate appeared to ...`` -> ``The Green candidate``.
    """
    offset = 0
    parts = _split_top_level_commas(head)
    for part in parts[:-1]:
        words = part.split()
        if words and (words[0].lower().strip(".") in INTRO_WORDS or part.strip().lower() in INTRO_WORDS
                      or _PARTICIPLE_INTRO_RE.match(part)):
            offset += len(part) + 1
            continue
        break
    rest = head[offset:]
    conjunction = _LEADING_CONJUNCTION_RE.match(rest)  # "But Ruiz pushed back: “"
    if conjunction is not None:
        offset += conjunction.end()
        rest = head[offset:]
    lead = len(rest) - len(rest.lstrip())
    tokens = re.findall(r"\S+", rest)
    picked: list[str] = []
    for k, tok in enumerate(tokens):
        bare = tok.strip(",;:")
        low = bare.lower()
        if picked and bare[:1].islower() and _role_then_name(tokens, k):
            picked.append(bare)  # "Republican presidential candidate Ana Ruiz", "The Slate technology columnist X"
            continue
        if not picked:
            if low in {"he", "she", "they"}:
                return bare, offset + lead
            if not (bare[:1].isupper() or low in {"the", "his", "her", "their", "its"}
                    or re.match(r"^(?:al|el)-", low) or re.match(r"^\d+-year-old$", low)):
                return None
        elif low in SUBJECT_STOP or (bare[:1].islower() and (low.endswith("ed") or low.endswith("ing"))
                                      and low not in ROLE_NOUNS):
            break
        elif bare[:1].islower() and low not in ROLE_NOUNS and low not in TITLE_WORDS \
                and not re.match(rf"^{PARTICLES}$", low) and (
                    any(w[:1].isupper() for w in picked[1:]) or
                    (picked[0].lower() not in {"the", "his", "her", "their", "its"}
                     and not re.match(r"^\d+-year-old$", picked[0].lower()))):
            break  # a lower-case word after a name ends the noun phrase ("The X Foundation describes")
        picked.append(bare)
        if tok.endswith((",", ";", ":")) or len(picked) >= 8:
            break
    if not picked:
        return None
    phrase = " ".join(picked)
    phrase = _TIME_TAIL_RE.sub("", phrase).strip()
    low_first = phrase.split()[0].lower() if phrase else ""
    if not phrase or low_first in SENTENCE_START_WORDS - {"the", "his", "her", "their", "its"}:
        return None
    if low_first in {"the", "his", "her", "their", "its"}:
        if len(phrase.split()) < 2:
            return None
        last = phrase.split()[-1]
        if not (last[:1].isupper() or last.lower() in ROLE_NOUNS):
            return None
    return phrase, offset + lead


# "Appearing before supporters on Monday, X said": a participle phrase opening the sentence.
_PARTICIPLE_INTRO_RE = re.compile(r"^\s*[A-Z][a-z]{2,}(?:ing|ed)\s+(?:[a-z][\w’'\-]*\s+){1,}")


def _role_then_name(tokens: list[str], k: int) -> bool:
    """Lower-case words from ``tokens[k]`` that end in a role noun followed by a capitalised name."""
    for j in range(k, min(k + 3, len(tokens) - 1)):
        word = tokens[j]
        if not word[:1].islower() or word[-1:] in ",;:":
            return False
        low = word.lower()
        if low in SUBJECT_STOP:
            return False
        if (low in ROLE_NOUNS or low in TITLE_WORDS) and tokens[j + 1][:1].isupper():
            return True
    return False


def _sentence_start(text: str) -> int:
    """Offset of the last sentence of ``text``: the end of its last sentence boundary.

    The candidate boundaries are found left to right (matches do not overlap), then checked
    for abbreviations from the last one back, so only the last real boundary is checked."""
    for m in reversed(list(_SENT_BOUNDARY_RE.finditer(text))):
        if m.end() < len(text) and _real_boundary(text, m):
            return m.end()
    return 0



def _sentence_boundaries(text: str):
    """Sentence boundaries of ``text``; a period that ends an abbreviation (``Capt.``, ``Calif.``)
    or a party tag (``(D-Nev.)``) does not end the sentence."""
    for m in _SENT_BOUNDARY_RE.finditer(text):
        if _real_boundary(text, m):
            yield m


def _real_boundary(text: str, m: re.Match) -> bool:
    if text[m.start()] == ".":
        window = text[max(0, m.start() - 24):m.start() + 1].split()
        token = window[-1] if window else ""
        if _ABBREV_RE.match(token) or _PARTY_TAG_RE.match(token):
            return False
    return True


def _split_sentences(text: str) -> list[str]:
    pieces, cursor = [], 0
    for m in _sentence_boundaries(text):
        pieces.append(text[cursor:m.start()])
        cursor = m.end()
    pieces.append(text[cursor:])
    return pieces


_PARTY_TAGS_RE = re.compile(r"\s*\((?:[A-Z]{1,2}|Ind)-[A-Z][\w.\- ]{0,15}(?:\)|$)")
_PARTY_TAG_RE = re.compile(r"^\((?:[A-Z]{1,2}|Ind)-[A-Z][\w.\- ]{0,15}\.$")


_CLAUSE_BREAK_RE = re.compile(
    r"(?:[,;(—–]|\b(?:when|while|as|and|but|after|before|because|since|where|which|who|that|then|so|if|although|though)\b)",
    re.IGNORECASE,
)


def _subject_before(text: str) -> tuple[str, int] | None:
    """Noun phrase immediately before a verb (``when he`` -> ``he``)."""
    text = _PARTY_TAGS_RE.sub(lambda m: " " * len(m.group()), text)  # "Rep. X (R-Wis.) said"
    stripped = re.sub(rf"(?:\s+{ADVERBS})+\s*$", "", text.rstrip(), flags=re.IGNORECASE)
    if not stripped:
        return None
    # Name, apposition, verb: "Sen. X, a Democrat from Ohio, said"
    if stripped.endswith(","):
        parts = _split_top_level_commas(stripped[:-1])
        if len(parts) >= 2 and _is_bare_name(parts[-1].strip()):
            # "her senior policy adviser, Jon Sully, said": a description, then the name
            described = _sentence_subject(parts[-2])
            if described is not None and _is_description(described[0]):
                desc_start = sum(len(p) + 1 for p in parts[:-2]) + described[1]
                return described[0] + ", " + parts[-1].strip(), desc_start
        if len(parts) >= 3 and all(re.match(r"^\s*(?:a|an|the)\s", p) for p in parts[-2:]):
            # "X, the president of Y, a group that has sued, said": the name before the appositions
            first = _subject_before(parts[-3])
            if first is not None and _is_bare_name(first[0]):
                return first[0], sum(len(p) + 1 for p in parts[:-3]) + first[1]
        if len(parts) >= 2:
            head_start = sum(len(p) + 1 for p in parts[:-2])
            head = parts[-2]
            sub = _subject_before(head)
            if sub is not None and sub[0][:1].isupper():
                return sub[0], head_start + sub[1]
        return None
    cut = 0
    for m in re.finditer(r"''|[“”\"«»]", stripped):
        cut = m.end()
    for m in _CLAUSE_BREAK_RE.finditer(stripped):
        cut = max(cut, m.end())
    chunk = _TIME_TAIL_RE.sub("", stripped[cut:])
    lead = len(chunk) - len(chunk.lstrip())
    chunk = chunk.strip()
    if not chunk or len(chunk.split()) > 10 or not _subject_like(chunk):
        return None
    low = chunk.lower()
    if low in {"it", "you", "we", "i"}:
        return None
    return chunk, cut + lead


def _split_top_level_commas(text: str) -> list[str]:
    parts, depth, last = [], 0, 0
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch == "," and depth == 0:
            parts.append(text[last:i])
            last = i + 1
    parts.append(text[last:])
    return parts


def _is_direct(paras, group: list[_Span], attribution: _Attribution | None) -> bool:
    first, last = group[0], group[-1]
    text = " ".join(s.text for s in group).strip()
    words = _WORD_RE.findall(text)
    if not words:
        return False
    if _is_title_case(words) and not _utterance_with_cue(paras, first, text, words, attribution):
        return False
    if last.closed and _BYLINE_RE.match(paras[last.end_paragraph][last.after:last.after + 80]):
        return False  # “Museum opens a new wing,” by the Ledger's Ana Ruiz: a headline and its byline
    if len(group) > 1 or first.paragraph != last.end_paragraph:
        return True
    if attribution is None and _is_single_quoted_subhead(paras[first.paragraph], first, words):
        return False
    if _is_partial(paras, first, attribution):
        return False
    if attribution is not None:
        if len(words) <= 4 and not _starts_sentence(paras[first.paragraph], first.start) and attribution.phrase is None:
            return False
        if len(words) <= 2 and not re.search(r"[.!?,]\s*$", text) and not _starts_sentence(paras[first.paragraph], first.start) \
                and not _COLON_END_RE.search(paras[first.paragraph][:first.start]):
            return False
        return True
    return _is_full_clause(text, paras[first.paragraph], first.start, first.closed)


_BYLINE_RE = re.compile(
    r"^\s*,?\s*by\s+(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
    r"April|May|June|July|August|September|October|November|December)\b)(?:the\s+)?[A-Z]")


def _is_single_quoted_subhead(paragraph: str, span: _Span, words: list[str]) -> bool:
    """A short paragraph that is nothing but a phrase in single marks (‘A change warrior.’): a
    section heading taken from the story, not reported speech."""
    mark = paragraph[span.start:span.start + 2]
    if mark[:1] not in _SINGLE_OPEN or mark == "''" or len(words) > 8:
        return False
    return span.start == _first_mark(paragraph) and not paragraph[span.after:].strip(" '’.\u00a0")


def _utterance_with_cue(paras, first: _Span, text: str, words: list[str], attribution) -> bool:
    """A capitalised quotation that is still speech: “Quiet,” he said; crowds chanted “USA! USA!”"""
    if attribution is None or attribution.phrase is None or not re.search(r"[,.!?]['’]?\s*$", text):
        return False
    post = attribution.position >= (first.end_paragraph, first.after)
    if post and _starts_sentence(paras[first.paragraph], first.start):
        return True
    if not post and re.search(r"[.!?]['’]?\s*$", text) \
            and _VERB_COMMA_RE.search(paras[first.paragraph][max(0, first.start - 40):first.start]):
        return True  # Ruiz said, “Probably.” -- a whole utterance right after its verb
    return bool(re.search(r"[!?]['’]?\s*$", text)) or (len(words) >= 3 and _starts_sentence(paras[first.paragraph], first.start))


_VERB_COMMA_RE = re.compile(rf"\b(?:{_SPEECH_VERBS})\s*[,:]\s*$", re.IGNORECASE)
_LOWER_START_RE = re.compile(r"^\W*[a-z]")
_CONTINUES_RE = re.compile(r"^\s*(?:\(|[a-z])")


def _is_partial(paras, span: _Span, attribution: _Attribution | None) -> bool:
    """A quoted fragment woven into the writer's sentence: Clinton “caused havoc” he said."""
    paragraph = paras[span.paragraph]
    pre_cue = attribution is not None and attribution.position <= (span.paragraph, span.start)
    if _LOWER_START_RE.match(span.text) and not pre_cue and not _starts_sentence(paragraph, span.start):
        return True
    if pre_cue and re.match(r"^\W*[A-Z]", span.text) and paragraph[:span.start].rstrip().endswith((":", ",")) \
            and len(_WORD_RE.findall(span.text)) >= 3:
        return False  # saying: “The struggle continues” and vowing ...: introduced speech
    if span.closed and not re.search(r"[.!?,…—–-]['’\"”]*\s*$", span.text):
        tail = paragraph[span.after:span.after + _CONTEXT]
        if _CONTINUES_RE.match(tail) and _post_attribution(tail) is None:
            return True
    return False


def _is_full_clause(text: str, paragraph: str, start: int, closed: bool) -> bool:
    words = _WORD_RE.findall(text)
    if len(words) < 3:
        return False
    if not _starts_sentence(paragraph, start):
        return False
    if _is_title_case(words):
        return False
    return bool(re.search(r"[.!?…,—–-][’'\"]?\s*$", text)) or (not closed and len(words) >= 6)


def _starts_sentence(paragraph: str, start: int) -> bool:
    before = paragraph[max(0, start - 40):start].rstrip()
    if not before:
        return True
    if before[-1] in ".!?:”\"’)]…—" or before.endswith(("''",)):
        return True
    return bool(_CONJUNCTION_LEAD_RE.search(before))  # But “The plan works.”


_CONJUNCTION_LEAD_RE = re.compile(r"(?:^|[.!?”\"’]\s+|'')(?:But|And|Yet|Still|So|Or|Now|Plus)$")


_SMALL_WORDS = frozenset({"the", "of", "in", "and", "for", "on", "to", "a", "at", "an", "with", "by", "from",
                          "as", "vs"})


def _is_title_case(words: list[str]) -> bool:
    if not words or len(words) > 10:
        return False
    content = [w for w in words if w.lower() not in FUNCTION_WORDS or w[:1].isupper()]
    if not content:
        return False
    caps = sum(1 for w in content if w[:1].isupper() or w[:1].isdigit())
    lowercase_content = [w for w in words if w[:1].islower() and w.lower() not in _SMALL_WORDS]
    return caps >= 1 and not lowercase_content


def _transcript_quotes(paras, spans) -> list[tuple[int, int, str, str]]:
    found = []
    first_mark: dict[int, int] = {}
    for s in spans:
        if s.start < first_mark.get(s.paragraph, len(paras[s.paragraph]) + 1):
            first_mark[s.paragraph] = s.start
    for index, text in enumerate(paras):
        m = _TRANSCRIPT_RE.match(text)
        if not m:
            continue
        label = m.group(1).strip()
        if not any(c.isalpha() for c in label) or len(label.replace(".", "")) < 2:
            continue
        if label.lower().replace("’", "'") in BOILERPLATE_LABELS or "THE" in label.split() or len(label.split()) > 4:
            continue  # "CORRECTION:", "EDITOR'S NOTE:", "STAT OF THE WEEK:" -- not a speaker
        if first_mark.get(index, m.end() + 1) <= m.end():
            continue
        found.append((index, m.end(), text[m.end():].strip(), label))
    return found


def _to_quote(span: _Span, speaker, role) -> Quote:
    return Quote(text=span.text.strip(), speaker=speaker, role=role, paragraph=span.paragraph,
                 start=span.start, end=span.end,
                 end_paragraph=span.end_paragraph if span.end_paragraph != span.paragraph else None)


# =========================================================================== people


class _People:
    """Person mentions in reading order, with surname → full-name resolution.

    Every mention registers its person: a name after a role or title (``union leader Ana
    Ruiz``, ``Ms. Ruiz``), before an apposition (``Ana Ruiz, its general secretary,``) or a
    relative clause (``Ana Ruiz, who heads ...``), as a sentence subject (``Ana Ruiz leads
    ...``) or next to a speech verb.  People are told apart by their full name; a surname
    alone (or an honorific and a surname) means the most recent earlier person with that
    surname, so ``Maria Lopez ... Carlos Lopez ... Lopez said`` is Carlos Lopez.  Other
    capitalised two-word names (``as Omar Haddad arrived``) are kept as weak candidates: they
    only resolve a surname nobody else carries, and are not antecedents of pronouns.
    """

    def __init__(self, paras: Sequence[str], masks) -> None:
        self.mentions: list[tuple[tuple[int, int], _Person]] = []  # antecedents of he/she
        self.by_name: dict[str, _Person] = {}
        self.by_key: dict[str, list[tuple[tuple[int, int], _Person]]] = {}  # in reading order
        self.weak: dict[str, list[tuple[tuple[int, int], str]]] = {}
        for index, text in enumerate(paras):
            ranges = sorted(masks[index])
            starts = [a for a, _ in ranges]
            for run in _NAME_RUN_RE.finditer(text):
                k = bisect.bisect_right(starts, run.start()) - 1
                if k >= 0 and run.start() < ranges[k][1]:
                    continue
                for m in _sub_runs(run):
                    self._consider(text, index, m)
        self.mentions.sort(key=lambda item: item[0])
        self.positions = [pos for pos, _ in self.mentions]

    # -- collection ---------------------------------------------------------
    def _consider(self, text: str, index: int, m: re.Match) -> None:
        tokens = m.group().split()
        tokens = _trim_run(tokens)
        if not tokens:
            return
        role_tokens, name_tokens = _split_title(tokens)
        if not name_tokens:
            return
        honorific = name_tokens[0].lower() in HONORIFICS
        if honorific and (len(name_tokens) < 2 or not name_tokens[1][:1].isupper()):
            return
        run_start = m.start() + max(0, m.group().find(tokens[0]))  # after "Later" / "But" dropped
        run_end = run_start + len(" ".join(tokens))
        before = text[max(0, run_start - 80):run_start]
        after = text[run_end:run_end + 200]
        role = " ".join(role_tokens) or None
        pre_role = _role_before(before) or _role_before_comma(before, after)
        if pre_role and role:
            role = pre_role + " " + role
        elif pre_role:
            role = pre_role
        apposition = _apposition_after(after, loose=len(name_tokens) >= 2 and not _is_place_like(name_tokens))
        speech_after = re.match(rf"^\s+(?:{ADVERBS}\s+)*(?:{_COGNITION_VERBS})\b", after, re.IGNORECASE)
        according = re.search(r"\baccording to\s*$", before, re.IGNORECASE)
        name = " ".join(name_tokens)
        key = _surname_key(name)
        if not key:
            return
        position = (index, m.start())
        bare = name_tokens[1:] if honorific else name_tokens
        full = len(bare) >= 2 and not _is_place_like(bare) and not _is_org_like(bare) and _name_like(bare)
        relative = full and bool(_RELATIVE_AFTER_RE.match(after))
        subject = full and _starts_clause(text, run_start) and bool(_VERB_AFTER_RE.match(after))
        is_person = bool(role) or honorific or relative or subject \
            or (apposition is not None and len(name_tokens) >= 2) or key in self.by_key
        if not is_person and (speech_after or according) and not _is_place_like(name_tokens):
            is_person = True
        if not is_person:
            if full and not _is_sentence_initial_word(text, m.start(), name_tokens):
                self.weak.setdefault(key, []).append((position, name))
            return
        if apposition is not None and (role is None or _is_bare_title(role)):
            role = apposition  # "Sen. X, a Democrat from Ohio," -> the description, not "Sen."
        person = self._register(name, role, position)
        self.mentions.append((position, person))

    def _register(self, name: str, role: str | None, position) -> _Person:
        """The person ``name`` names at ``position`` (created or found), with ``role`` noted.

        A surname alone, or after an honorific (``Ms. Karam``), is the most recent person of that
        surname; it keeps its honorific only while no full name is known (``Mr. Hale``).
        """
        bare = _strip_honorific(name)
        role = _clean_role(role)
        key = _surname_key(bare)
        full = len(bare.split()) >= 2
        person = self.by_name.get(bare.lower())
        if person is None and not full:
            person = self._recent(key, position)
            if person is None and self._weak(key, position):
                bare, full = self._weak(key, position), True  # "as Omar Haddad arrived ... Mr Haddad"
                person = self.by_name.get(bare.lower())
        if person is None and full:
            # An earlier surname-only mention ("Karam said ... Nadia Karam, who") is this person.
            previous = self._recent(key, position)
            if previous is not None and len(_strip_honorific(previous.name).split()) < 2:
                previous.name = bare
                self.by_name[bare.lower()] = previous
                person = previous
        if person is None:
            person = _Person(bare if full else name, role)
            self.by_name[bare.lower()] = person
        elif _better_role(role, person.role):
            person.role = role
        entries = self.by_key.setdefault(key, [])
        bisect.insort(entries, (position, person), key=lambda item: item[0])
        return person

    def _recent(self, key: str, position) -> _Person | None:
        """The most recent person with surname ``key`` before ``position`` (else the first after)."""
        return _latest_before(self.by_key.get(key), position)

    def knows(self, phrase: str) -> bool:
        """True when ``phrase`` names a person already registered (not a pronoun or description)."""
        words = phrase.split()
        return bool(words) and words[-1][:1].isupper() and _surname_key(phrase) in self.by_key

    def note_speaker(self, speaker: str, role: str | None, position: tuple[int, int]) -> None:
        person = self.by_name.get(_strip_honorific(speaker).lower())
        if person is not None:
            k = bisect.bisect_right(self.positions, position)
            self.positions.insert(k, position)
            self.mentions.insert(k, (position, person))
            bisect.insort(self.by_key.setdefault(_surname_key(person.name), []), (position, person),
                          key=lambda item: item[0])

    # -- resolution ----------------------------------------------------------
    def resolve(self, phrase: str, position: tuple[int, int]) -> tuple[str | None, str | None]:
        phrase = _PARTY_TAGS_RE.sub("", phrase).strip(" ,.;:—–-")  # "Ana Ruiz (D-Ore.)" -> "Ana Ruiz"
        if "," in phrase:
            return self._resolve_apposition(phrase, position)
        return self._resolve_simple(phrase, position)

    def _resolve_apposition(self, phrase: str, position) -> tuple[str | None, str | None]:
        head, tail = (part.strip() for part in phrase.split(",", 1))
        if _is_description(head) and _is_bare_name(tail):
            # "the city's spokesman, Ana Ruiz" / "his wife, Ana Ruiz": the name is in the apposition
            name, role = tail, re.sub(r"^the\s+", "", head, flags=re.IGNORECASE)
        else:
            name, role = head, tail
        role = _clean_role(role)
        speaker, known_role = self._resolve_simple(name, position)
        if speaker is None or speaker == name and not name[:1].isupper():
            return speaker, known_role
        if _better_role(role, known_role):
            person = self.by_name.get(_strip_honorific(speaker).lower())
            if person is not None:
                person.role = role
            return speaker, role
        return speaker, known_role

    def _resolve_simple(self, phrase: str, position) -> tuple[str | None, str | None]:
        affiliation = _AFFILIATION_RE.search(phrase)
        affiliated = None
        if affiliation is not None and _affiliated_name(phrase[:affiliation.start()]):
            # "Ana Ruiz of the X Institute" -> Ana Ruiz, with the affiliation as a role
            phrase, affiliated = phrase[:affiliation.start()], phrase[affiliation.start():].strip()
        words = phrase.split()
        if not words:
            return None, None
        low = [w.lower() for w in words]
        if len(words) == 1 and low[0] in PRONOUNS:
            if low[0] in {"he", "she"}:
                person = self._last_before(position)
                return (person.name, person.role) if person else (None, None)
            return None, None
        if low[0] in INDEFINITE:
            return None, None
        if low[0] in {"the", "this", "that", "his", "her", "their", "its"}:
            name_part = _trailing_name(words)
            if name_part is None:
                noun = low[-1].strip(".,")
                person = self._last_with_role(noun, position)
                if person is not None:
                    return person.name, person.role
                return phrase, None
        tokens = _trim_run(_clean_tokens(words))
        if not tokens:
            return phrase, None
        role_tokens, name_tokens = _split_title(tokens)
        if not name_tokens:
            return phrase, None
        lead_role = _leading_role(tokens[:len(tokens) - len(name_tokens) - len(role_tokens)])
        role = _clean_role(" ".join([x for x in (lead_role, " ".join(role_tokens)) if x]) or None)
        if affiliated is not None and (role is None or _is_bare_title(role)):
            role = (role + " " if role else "") + affiliated
        name = " ".join(name_tokens)
        key = _surname_key(name)
        if not any(t[:1].isupper() for t in name_tokens) and key not in self.by_key:
            return phrase, None
        person = self._register(name, role, position)
        return person.name, person.role

    def _weak(self, key: str, position) -> str | None:
        return _latest_before(self.weak.get(key), position)

    def _last_before(self, position) -> _Person | None:
        k = bisect.bisect_left(self.positions, position)
        return self.mentions[k - 1][1] if k > 0 else None

    def _last_with_role(self, noun: str, position) -> _Person | None:
        k = bisect.bisect_left(self.positions, position)
        for _, person in reversed(self.mentions[max(0, k - 200):k]):
            if person.role and noun in person.role.lower():
                return person
        return None


_VERBISH_RE = re.compile(r"\b(?:is|was|are|were|has|had|have|will|would|said|says|told)\b", re.IGNORECASE)
_RELATIVE_AFTER_RE = re.compile(r"^\s*,\s*(?:who|whose)\b")
_VERB_AFTER_RE = re.compile(  # "Ana Ruiz leads the", "Ana Ruiz arrived", "Ana Ruiz is"
    r"^\s+(?:(?:also|then|later|now|has|had|have|will|would|is|was|could|can)\b|[a-z]{2,}ed\b"
    r"|[a-z]{2,}s\s+(?:the|a|an|his|her|their|its|this|that|these|those|to|for|with|on|up|out)\b)")


_DETERMINER_HEADS = {"the", "a", "an", "his", "her", "their", "its", "our", "my", "your"}


def _is_description(phrase: str) -> bool:
    """``the city's spokesman``, ``his wife``, ``Google's chief executive``: a description, not a name."""
    words = phrase.split()
    if not words:
        return False
    if words[0].lower() in _DETERMINER_HEADS:
        return True
    if any(re.search(r"[’']s?$", w) and w[:1].isupper() for w in words[:-1]):
        last = words[-1].lower().strip(".,")
        return last in ROLE_NOUNS or last in TITLE_WORDS or words[-1][:1].islower()
    return False


def _is_bare_name(phrase: str) -> bool:
    """``Ana Ruiz``, ``Carl``, ``Jean-Paul de la Cruz``: capitalised words (and name particles) only."""
    words = phrase.split()
    if not 1 <= len(words) <= 5 or not words[0][:1].isupper():
        return False
    return all(w[:1].isupper() or re.match(rf"^{PARTICLES}$", w.lower()) for w in words)


_AFFILIATION_RE = re.compile(r"\s(?:of|from|at)\s")


def _affiliated_name(before: str) -> bool:
    """``Ana Ruiz`` / ``former Gov. Ana Ruiz`` before ``of the X``: a person's name ends there
    (not ``Secretary`` of State, ``Bank`` of America)."""
    tokens = before.split()
    caps = [t for t in tokens if t[:1].isupper()]
    if not tokens or not tokens[-1][:1].isupper():
        return False
    bare = [t for t in caps if t.lower() not in TITLE_WORDS and t.lower() not in HONORIFICS]
    if len(bare) < 2 and not (bare and any(t.lower() in HONORIFICS or t.lower() in TITLE_WORDS for t in caps)):
        return False
    last = tokens[-1].lower().strip(".,")
    return last not in TITLE_WORDS and last not in ROLE_NOUNS and not _is_org_like(bare) and _name_like(bare)


def _name_like(tokens: list[str]) -> bool:
    """Capitalised tokens that can make a person's name (not ``Activating``, ``Iran-aligned``)."""
    for tok in tokens:
        bare = tok.strip(".,")
        if tok[:1].islower() or bare.lower().endswith("ing") or bare.isupper() and len(bare) > 2:
            return False
        if any(part[:1].islower() for part in bare.split("-")[1:]):
            return False
    return True


def _starts_clause(text: str, start: int) -> bool:
    """The name starts a sentence or a clause after an introductory phrase and a comma."""
    before = text[max(0, start - 40):start].rstrip()
    return not before or before[-1] in ".!?:;,”\"’)" or before.endswith(("''", "—"))


def _is_sentence_initial_word(text: str, start: int, tokens: list[str]) -> bool:
    """A capitalised first word of a sentence that may not be part of the name (``Reporters Ana``)."""
    return False


def _is_org_like(tokens: list[str]) -> bool:
    return any(t.lower().strip(".,") in ORG_WORDS for t in tokens)


def _clean_role(role: str | None) -> str | None:
    """Drop a leading ``the``/``its`` when the rest reads on its own (``its general secretary``
    -> ``general secretary``; ``the authority's chief executive`` stays as written)."""
    if not role:
        return role
    words = role.split()
    role = " ".join(words)
    head = re.split(r"\s(?:of|at|for|in|from|to|on|with)\s", role + " ")[0].split()
    if len(words) >= 2 and words[0].lower() in {"the", "its"} and words[1][:1].islower() \
            and not any(re.search(r"[’']s?$", w) for w in head[1:]):
        return " ".join(words[1:])
    return role


def _is_bare_title(role: str) -> bool:
    """``Sen.``, ``Gov.``, ``President``: a title with no description."""
    tokens = role.lower().split()
    return bool(tokens) and all(t in TITLE_WORDS or t in HONORIFICS for t in tokens)


def _better_role(new: str | None, old: str | None) -> bool:
    """A role replaces a missing one, and an apposition's description replaces a bare title."""
    if not new:
        return False
    return old is None or (_is_bare_title(old) and not _is_bare_title(new))


def _clean_tokens(words: list[str]) -> list[str]:
    out = []
    for w in words:
        w = re.sub(r"[’']s$", "", w) if w[:1].isupper() else w
        out.append(w.strip(",;:"))
    return [w for w in out if w]


def _trim_run(tokens: list[str]) -> list[str]:
    """Cut a capitalised run at a sentence-final period and drop possessives/sentence words."""
    out: list[str] = []
    for tok in tokens:
        if tok.endswith(".") and not _ABBREV_RE.match(tok) and tok.lower() not in HONORIFICS:
            out.append(tok[:-1])
            break
        out.append(tok)
    while out and (out[0].lower() in SENTENCE_START_WORDS or (len(out) > 1 and _VERB_OPENING_RE.match(out[0]))):
        out.pop(0)  # "Later Ana Ruiz", "Stated Ana Ruiz"
    if out and re.search(r"[’']s$", out[-1]):
        return []  # possessive: "Iran’s", "Trump's campaign" -- not a mention of a speaker
    return [t for t in out if t]


def _split_title(tokens: list[str]) -> tuple[list[str], list[str]]:
    """Split ``Iraqi Prime Minister Mohammed Shia’ al-Sudani`` into role and name tokens."""
    cut = 0
    for k, tok in enumerate(tokens):
        low = tok.lower().strip(",")
        if low in TITLE_WORDS or (low in ROLE_NOUNS and k < len(tokens) - 1) or (tok[:1].islower() and not re.match(rf"^{PARTICLES}(?:-|$)", low)):
            cut = k + 1
    role, name = tokens[:cut], tokens[cut:]
    if name and name[0].lower() in HONORIFICS and len(name) > 1:
        pass
    while name and re.match(rf"^{PARTICLES}$", name[0].lower()):
        name = name[1:]
    if role and not name:
        return [], []
    # Adjectives of origin before a title stay in the role ("Iraqi Prime Minister").
    return role, name


def _leading_role(tokens: list[str]) -> str | None:
    text = " ".join(tokens).strip()
    return text or None


def _trailing_name(words: list[str]) -> list[str] | None:
    out = []
    for w in reversed(words):
        if w[:1].isupper():
            out.append(w)
        else:
            break
    return list(reversed(out)) or None


def _role_before(before: str) -> str | None:
    """Role phrase ending right before a name: ``Iraqi strategic expert`` + Name."""
    words = before.rstrip().split()
    if not before.endswith((" ", "\u00a0")) or not words:
        return None
    picked: list[str] = []
    for w in reversed(words):
        clean = w.strip()
        low = clean.lower()
        if not clean or clean[-1:] in ",;:)(”“\"" or low in FUNCTION_WORDS or _SPEECH_RE.fullmatch(low):
            break
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


_RUN_PERIOD_RE = re.compile(r"(?<=[a-z\u00e0-\u024f’'])\.\s+(?=[A-Z])")


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


def _apposition_after(after: str, loose: bool = False) -> str | None:
    """``, director of the X Center (XC),`` right after a name -> the role text."""
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
        return None
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




def _is_place_like(tokens: list[str]) -> bool:
    return any(t.lower().strip(".,") in PLACE_HINT for t in tokens)


def _surname_key(name: str) -> str:
    tokens = [t for t in re.findall(r"[\w’'\-.]+", name) if t.lower() not in SUFFIXES]
    tokens = [t for t in tokens if not t.startswith("(")]
    if not tokens:
        return ""
    last = tokens[-1].strip(".").lower()
    last = re.sub(r"^(?:al|el)-", "", last)
    return last


def _strip_honorific(name: str) -> str:
    words = name.split()
    if len(words) > 1 and words[0].lower() in HONORIFICS:
        return " ".join(words[1:])
    return name


# =========================================================================== Arabic


def _arabic_quotes(paras, spans) -> list[Quote]:
    """Arabic: cue verbs before (``قال وزير الخارجية أحمد سالم: «...»``) or after the quotation.

    The speaker phrase is split into role and name (:func:`_arabic_split`); a cue verb with no
    subject (``وأضاف: «...»``, Arabic drops the pronoun) keeps the previous speaker.  Every cue
    verb of the prose counts, reported speech included (``قالت الوزيرة ليلى منصور إن ...
    وأضافت: «...»``), and a surname alone (``وأوضحت منصور``) is the last person of that name.
    """
    results = []
    people = _ArabicPeople()
    previous: tuple[str | None, str | None] = (None, None)
    prose = _arabic_prose_cues(paras, spans)
    k = 0
    used: set[tuple[int, int]] = set()
    for span in spans:
        found = _arabic_cue(paras, span)
        limit = found[1] if found is not None else (span.paragraph, span.start)
        while k < len(prose) and prose[k][0] < limit:
            if prose[k][0] not in used:
                speaker, role = _arabic_resolve(prose[k][1], people, previous)
                if speaker is not None and prose[k][1]:
                    previous = (speaker, role)
            k += 1
        if found is None and len(span.text.split()) < 4:
            continue
        speaker = role = None
        if found is not None:
            used.add(found[1])
            speaker, role = _arabic_resolve(found[0], people, previous)
        if speaker is not None:
            previous = (speaker, role)
        results.append(_to_quote(span, speaker, role))
    return results


def _arabic_prose_cues(paras, spans) -> list[tuple[tuple[int, int], str]]:
    """(position, speaker phrase) of every cue verb outside quotations, in reading order."""
    inside: dict[int, list[tuple[int, int]]] = {}
    for s in spans:
        inside.setdefault(s.paragraph, []).append((s.start, s.after if s.end_paragraph == s.paragraph else 1 << 60))
    cues = []
    for index, text in enumerate(paras):
        ranges = sorted(inside.get(index, []))
        starts = [a for a, _ in ranges]
        reach = list(itertools.accumulate((b for _, b in ranges), max))  # furthest end so far
        for m in _ARABIC_VERBS_RE.finditer(text):
            k = bisect.bisect_right(starts, m.start()) - 1
            if k >= 0 and m.start() < reach[k]:  # inside some quotation (a bisect, not a scan)
                continue
            phrase = _AR_PHRASE_END_RE.split(text[m.end():m.end() + 200])[0].strip(" ،,")
            cues.append(((index, m.start()), phrase))
    return cues


def _arabic_cue(paras, span: _Span) -> tuple[str, tuple[int, int]] | None:
    """The speaker phrase of the cue verb next to ``span`` ("" when the verb has no subject),
    with the verb's position."""
    text = paras[span.paragraph]
    offset = max(0, span.start - _CONTEXT)
    before = text[offset:span.start]
    verb = None
    for verb in _ARABIC_VERBS_RE.finditer(before):
        pass
    if verb is not None and len(before) - verb.end() < 120:
        return _AR_PHRASE_END_RE.split(before[verb.end():])[0].strip(" ،,"), (span.paragraph, offset + verb.start())
    raw = paras[span.end_paragraph][span.after:span.after + _CONTEXT]
    after = raw.lstrip("،,. ")
    m = _ARABIC_VERBS_RE.match(after)
    if m is None:
        return None
    phrase = re.split(r"[.:؛]|\s(?:إن|إنه|إنها|أن|بأن)(?:\s|$)", after[m.end():])[0].strip(" ،,")
    return phrase, (span.end_paragraph, span.after + len(raw) - len(after) + m.start())


def _arabic_resolve(phrase: str, people, previous) -> tuple[str | None, str | None]:
    if not phrase:
        return previous
    name, role = _arabic_split(phrase)
    if name is not None:
        if len(name.split()) == 1 and name in people.by_surname:  # "منصور" -> the last person of that name
            return people.by_surname[name]
        people.add(name, role)
        return name, role
    if role is None:
        return None, None  # indefinite: "مسؤول كبير", "مصدر مطلع"
    head = _ar_stem(role.split()[0])
    if head in people.by_role_word:  # "الوزير" -> the last named minister
        return people.by_role_word[head]
    return role, None  # a definite description or an organisation ("الوزارة")


class _ArabicPeople:
    """The people named so far, indexed by surname and by (stemmed) role word, each key holding
    the last person who has it: a look-up per cue, not a scan back over everyone named (which
    made an article with thousands of cue verbs quadratic)."""

    def __init__(self) -> None:
        self.by_surname: dict[str, tuple[str, str | None]] = {}
        self.by_role_word: dict[str, tuple[str, str | None]] = {}

    def add(self, name: str, role: str | None) -> None:
        words = name.split()
        if words:
            self.by_surname[words[-1]] = (name, role)
        for word in (role or "").split():
            self.by_role_word[_ar_stem(word)] = (name, role)


def _arabic_split(phrase: str) -> tuple[str | None, str | None]:
    """``وزير الخارجية أحمد سالم`` or ``أحمد سالم، وزير الخارجية`` -> (name, role).

    Returns (None, description) for a description without a name and (None, None) for an
    indefinite one.
    """
    parts = [part.strip() for part in re.split(r"[،,]", phrase) if part.strip()]
    if len(parts) >= 2 and _ar_is_role(parts[1].split()[0]) and not _ar_is_role(parts[0].split()[0]):
        return _ar_trim(parts[0]), _ar_trim(parts[1])  # name، role،
    tokens = _ar_trim(parts[0]).split() if parts else []
    if not tokens:
        return None, None
    if not _ar_is_role(tokens[0]):
        if tokens[0].startswith("ال"):
            return None, " ".join(tokens)  # "الوزارة": an organisation or description
        return " ".join(tokens), None
    # A construct chain ends at its first definite noun: "رئيس تعاونية الصيادين" is definite.
    chain = next((i for i in range(1, min(len(tokens), 4)) if tokens[i].startswith(("ال", "لل"))), None)
    definite = tokens[0].startswith("ال") or chain is not None or (len(tokens) > 1 and tokens[1] in AR_ROLE_LINKS)
    if not definite:
        return None, None  # "مسؤول كبير", "مصدر مطلع": an anonymous source
    cut = chain + 1 if chain is not None and not tokens[0].startswith("ال") else 1
    while cut < len(tokens) and (tokens[cut].startswith(("ال", "لل", "لشؤون")) or tokens[cut] in AR_ROLE_LINKS
                                 or tokens[cut - 1] in AR_ROLE_LINKS):
        cut += 1
    role, name = " ".join(tokens[:cut]), " ".join(tokens[cut:])
    return (name, role) if name else (None, role)


def _ar_trim(text: str) -> str:
    """Cut a speaker phrase at the first word that starts the rest of the clause."""
    out = []
    for token in text.split():
        if token in AR_STOP or token.startswith(("لوكالة", "لصحيفة", "لقناة", "للصحفيين", "لـ")):
            break
        out.append(token)
    return " ".join(out)


def _ar_stem(word: str) -> str:
    word = word[2:] if word.startswith("ال") else word
    return word[:-1] if word.endswith("ة") else word


def _ar_is_role(word: str) -> bool:
    return _ar_stem(word) in AR_ROLE_NOUNS


_AR_PHRASE_END_RE = re.compile(r"[:«\"“]|\s(?:إن|إنه|إنها|أن|بأن)(?:\s|$)")
