"""Mark scanning: find the quotations of each paragraph with a small left-to-right state machine
over quote marks, and join quotations that run on across paragraphs.
"""
from __future__ import annotations

import re

from typing import Sequence

from generator.quotes.patterns import (
    _DOUBLE_MARKS,
    _MARK_RE,
    _OPENING_SHAPES,
    _SINGLE_CLOSE,
    _SINGLE_OPEN,
    _Span,
)


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
        if (mark in "“„" or mark == '"' and text[:i].rstrip()[-1:] in (":", "")) \
                and _prev_char(text, i).isspace() and text[i + 1:i + 2] == " " \
                and _next_char(text, i + 2)[:1].isupper():
            # a stray space after an opening mark: Ruiz said. “ You know, ...” / Ruiz said: " Türkiye ..."
            return True
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
            if mark == "’" and text[i + 1:i + 2] == "’" and i >= open_at + open_len and _can_close(text, i + 1, mark):
                # “A,’’ Ruiz said: two single closing marks used as a double one
                spans.append(_make_span(text, index, open_at, open_len, i, 2, closed=True))
                skip_until = i + 2
                state = None
                continue
            if mark not in _DOUBLE_MARKS or i < open_at + open_len:
                continue
            if mark == '"' and text[open_at:open_at + open_len] == '"' and _reopens_after_cue(text, i):
                # "A. The judge cut in and said: "B ...: the first quotation was left unclosed; it
                # ends with the sentence before the one that introduces the new quotation
                cut = _last_sentence_end(text, open_at + open_len, i)
                if cut:
                    spans.append(_make_span(text, index, open_at, open_len, cut, 0, closed=False, end=cut))
                    open_at, open_len = i, len(mark)
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
                close_len = 2 if text[i + 1:i + 2] == mark else 1  # ‘A,’’ Ruiz said: a doubled closing mark
                spans.append(_make_span(text, index, open_at, open_len, i, close_len, closed=True))
                skip_until = i + close_len
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


_COLON_BEFORE_RE = re.compile(r":[ \u00a0]+$")
_SENTENCE_END_RE = re.compile(r"[.!?](?=[ \u00a0]+[A-Z])")


def _reopens_after_cue(text: str, i: int) -> bool:
    """A straight mark that can only open (after ``said: ``, before a letter)."""
    return text[i + 1:i + 2].isalpha() and bool(_COLON_BEFORE_RE.search(text, max(0, i - 3), i))


def _last_sentence_end(text: str, lo: int, hi: int) -> int:
    """Offset just after the last sentence end in ``text[lo:hi]`` (0 when none)."""
    cut = 0
    for m in _SENTENCE_END_RE.finditer(text, lo, hi):
        cut = m.end()
    return cut


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
