"""Quotations woven into the writer's sentence (``Ruiz said the plan was “a reckless gamble that
will cost lives.”``): kept when the sentence attributes them and most of the attributed words are
the quotation's own.
"""
from __future__ import annotations

import bisect
import re

from generator.quotes.patterns import (
    _Attribution,
    _COGNITION_VERBS,
    _CONTEXT,
    _SENT_BOUNDARY_RE,
    _SPEECH_VERBS,
    _Span,
    _WORD_RE,
)
from generator.quotes.cues import (
    _in_name,
    _BARE_CUE_RE,
    _PASSIVE_RE,
    _cue_subject,
    _post_attribution,
    _real_boundary,
    _sentence_start,
)
from generator.quotes.direct import _is_title_case, _starts_sentence


# Verbs of judging that carry words of the subject's own (``thanked him for “stepping up when
# Congress won’t.”``, ``condemned “such a murderous attack”``): cues of a woven quotation only.
_JUDGING_VERBS = (
    "praised|praises|praising|thanked|thanks|thanking|credited|credits|crediting|condemned|condemns|"
    "condemning|criticized|criticised|criticizes|criticises|criticizing|criticising|blamed|blames|blaming|"
    "accused|accuses|accusing|hailed|hails|hailing|lauded|lauds|lauding|pledged|pledges|pledging|"
    "slammed|slams|slamming|attacked|attacks|attacking|denounced|denounces|denouncing|decried|decries|"
    "derided|derides|dismissed|dismisses|dismissing|touted|touts|touting|welcomed|welcomes|welcoming|"
    "applauded|applauds|commended|commends|blasted|blasts|blasting|rebuked|rebukes|faulted|faults|"
    "referred to|refers to|referring to"
)
_WOVEN_CUE_RE = re.compile(
    rf"\b(?:{_SPEECH_VERBS}|{_COGNITION_VERBS}|call|calls|called|describes|described|describing|labels|labeled|"
    r"labelled|labeling|branded|brands|dubbed|dubs|termed|terms|characterized|characterised|characterizing|"
    rf"{_JUDGING_VERBS})\b",
    re.IGNORECASE)
_NOT_WOVEN_CUES = {"read", "reads"}  # signs that read “...”: the words of a sign, not of a speaker
_CLAUSE_COLON_RE = re.compile(r"[:;][ \u00a0]+(?=[A-Z])")
_THAT_RE = re.compile(r"\bthat\b")
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
    # a sentence ending right before the opening mark is not the quotation's: the quotation opens its own
    lead_at = min(len(head), _sentence_start(head + "x"))
    for clause in _CLAUSE_COLON_RE.finditer(head, lead_at):  # "sounded equivocal: Former Rep. X called it “"
        lead_at = clause.end()
    sentence = head[lead_at:]
    end = _sentence_end(text, max(last.inner_start, last.inner_end - 1))
    verbs = [v for v in _WOVEN_CUE_RE.finditer(sentence)
             if not _in_name(sentence, v.start()) and v.group().lower() not in _NOT_WOVEN_CUES]
    verb = verbs[-1] if verbs else None
    if verb is not None and not re.search(r"''|[“”\"«»]", sentence[verb.end():]) \
            and len(sentence[verb.end():].split()) <= _WOVEN_MAX_OBJECT:
        content = verb.end()
        that = None
        for that in _THAT_RE.finditer(sentence, verb.end()):
            pass
        if that is not None:  # "told Politico on Monday that he ... “...”": the content is the that-clause
            content = that.end()
        if _inside_share(text, masks[first.paragraph], window + lead_at + content, last.after) < _WOVEN_SHARE:
            return None
        if _PASSIVE_RE.search(sentence[:verb.start()]):
            return None
        subject = _cue_subject(sentence, verb)
        for earlier in reversed(verbs[:-1]):
            # "X said he expects “...”": the subject of the last cue holds an earlier cue; the
            # speaker is that earlier cue's subject
            if subject is None or not _WOVEN_CUE_RE.search(subject[0]):
                break
            subject = _cue_subject(sentence, earlier)
        phrase = subject[0] if subject else None
        at = window + lead_at + (subject[1] if subject else 0)
        return _Attribution(phrase, (first.paragraph, at), lead_in=_lead_in(sentence))
    if not last.closed:
        return None
    tail = text[last.after:last.after + _CONTEXT]
    if not (re.match(r"\s*[,—–-]", tail) or re.search(r"[,?!]\s*$", last.text)):
        # “...” at the convention, he said: the cue closes the sentence after a few words of the writer's
        final = _final_cue(text, last.after, end)
        if final is None or _inside_share(text, masks[first.paragraph], window + lead_at, final[2]) < _WOVEN_SHARE:
            return None
        return _Attribution(final[0], (first.paragraph, final[1]), lead_in=_lead_in(sentence))
    post = _post_attribution(tail)
    if post is None or post[0] is None:
        return None
    if _inside_share(text, masks[first.paragraph], window + lead_at, last.after) < _WOVEN_SHARE:
        return None
    return _Attribution(post[0], (last.end_paragraph, last.after), post[1], lead_in=_lead_in(sentence))


_FINAL_GAP_WORDS = 12  # the writer's words between the closing mark and the comma of the cue
_FINAL_REST_WORDS = 8  # words after the cue's speaker up to the sentence end (in a statement ...)


def _final_cue(text: str, after: int, end: int) -> tuple[str, int, int] | None:
    """``“I think the evidence is strong” than that of the chief, Ruiz said.``: a comma, a cue and
    its speaker closing the sentence that the quotation opens.  Returns (speaker phrase, its
    offset, offset of the comma)."""
    segment = text[after:end]
    if re.search(r"''|[“”\"«»]", segment):
        return None
    for comma in reversed(list(re.finditer(r",", segment))):
        if len(_WORD_RE.findall(segment[:comma.start()])) > _FINAL_GAP_WORDS:
            return None
        found = _post_attribution(segment[comma.start():])
        if found is None or found[0] is None:
            continue
        rest = segment[comma.start() + found[1]:]
        if len(_WORD_RE.findall(rest)) > _FINAL_REST_WORDS:
            return None
        return found[0], after + comma.start(), after + comma.start()
    return None


_MAX_PIECES = 12  # quoted pieces of one sentence looked at: a run of marks with no sentence end stays linear


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
                or span.start >= end or not pieces[-1].closed or len(pieces) >= _MAX_PIECES:
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
