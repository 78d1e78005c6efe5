"""Direct or term: whether a quoted span is reported speech (a full clause, or a span with a cue)
or a name, title or fragment; transcript turns (``NAME: ...``).
"""
from __future__ import annotations

import re

from dataclasses import replace

from generator.models import Quote
from generator.newslang import BOILERPLATE_LABELS, FUNCTION_WORDS
from generator.quotes.patterns import (
    _Attribution,
    _COLON_END_RE,
    _CONTEXT,
    _SINGLE_OPEN,
    _SPEECH_VERBS,
    _Span,
    _TRANSCRIPT_RE,
    _WORD_RE,
)
from generator.quotes.marks import _first_mark
from generator.quotes.cues import _post_attribution


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
    # A label opening the article's first paragraph, with no other turn after it, is a dateline
    # ("WASHINGTON: The Senate voted ..."), not a speaker's words.
    return found if len(found) >= 2 or not found or found[0][0] > 0 else []


def _to_quote(span: _Span, speaker, role) -> Quote:
    return Quote(text=span.text.strip(), speaker=speaker, role=role, paragraph=span.paragraph,
                 start=span.start, end=span.end,
                 end_paragraph=span.end_paragraph if span.end_paragraph != span.paragraph else None)
