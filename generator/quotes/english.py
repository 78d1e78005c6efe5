"""English extraction: group interrupted quotations, find each one's attribution and speaker.
"""
from __future__ import annotations

import re
from dataclasses import replace

from generator.models import Quote
from generator.quotes.patterns import (
    _Attribution,
    _COLON_END_RE,
    _CONTEXT,
    _JOIN,
    _SPEECH_RE,
    _SPEECH_VERBS,
    _Span,
    _WORD_RE,
)
from generator.quotes.marks import _first_mark
from generator.quotes.people import _People
from generator.quotes.cues import (
    _BARE_CUE_RE,
    _CLOSING_MARK_RE,
    _post_attribution,
    _pre_attribution,
    _sentence_start,
    _sentence_subject,
    _split_sentences,
    _subject_before,
)
from generator.quotes.direct import _LOWER_START_RE, _is_direct, _is_title_case, _starts_sentence
from generator.quotes.woven import _final_cue, _lacks_comma, _sentence_pieces, _woven_attribution


def _english_quotes(paras, spans, transcript, title: str | None = None) -> list[Quote]:
    spans = _with_headless(paras, spans)
    masks = _quote_masks(paras, spans)
    people = _People(paras, masks, headline=title)
    merged = _merge_interrupted(paras, spans)
    results: list[Quote] = []
    previous: tuple[int, str | None, str | None] | None = None
    ordered = [sorted(m) for m in masks]
    extended = own_cue = False
    taken = -1  # the last group already used as a piece of a woven quotation
    for k, group in enumerate(merged):
        if k <= taken or _digest_item(paras, group):
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
        was_extended, extended = extended, False
        attributed, own_cue = own_cue, attribution is not None and attribution.phrase is not None
        credit = _credit_line(paras, last) if attribution is None else None
        if credit is not None:  # a pull quote and its credit line: “...” / - Ana Ruiz, mayor.
            attribution = _Attribution(credit, (last.end_paragraph + 1, 0))
        if attribution is not None and attribution.phrase is not None:
            speaker, role = people.resolve(attribution.phrase, attribution.position)
        elif attribution is None and (cue := _cue_sentence_before(paras, first)) is not None:
            speaker, role = people.resolve(cue[0], cue[1])
        elif attribution is None and previous is not None and first.paragraph - previous[0] <= 1:
            speaker, role = previous[1], previous[2]
            if attributed and not was_extended and _continues_paragraph(paras, results, group):
                # “A,” Ruiz said. ¶ “B.” -- B, a paragraph that is only a quotation, goes on A
                results[-1] = replace(results[-1], text=results[-1].text + " " + _clean_piece(first.text),
                                      end=last.end, end_paragraph=last.end_paragraph)
                previous = (last.end_paragraph, speaker, role)
                extended = True
                continue
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


# “Title,” by the Ledger's Ana Ruiz: “Excerpt ...” http://...  -- a digest's item: a headline credited to
# its writer, then the story's opening; neither is anybody's speech
_DIGEST_BYLINE_RE = re.compile(
    r"^[ \u00a0]*,?[ \u00a0]*by[ \u00a0]+(?:the[ \u00a0]+)?[A-Z][^,:;“”\"«».!?]{0,60}"
    r"(?::|[ \u00a0]*\.?[ \u00a0]*\(?https?://)")


def _digest_item(paras, group: list[_Span]) -> bool:
    """A digest's headline credited with a byline (``“Title,” by X's Ana Ruiz:``), and the excerpt
    after it."""
    for span in group:
        if span.closed and _DIGEST_BYLINE_RE.match(paras[span.end_paragraph][span.after:span.after + 120]):
            return True
    head = paras[group[0].paragraph][max(0, group[0].start - 120):group[0].start]
    closing = None
    for closing in re.finditer(r"(?:''|[”\"»])", head):
        pass
    return closing is not None and _DIGEST_BYLINE_RE.match(head[closing.end():]) is not None \
        and head.rstrip().endswith(":")


def _with_headless(paras, spans: list[_Span]) -> list[_Span]:
    """Add the quotations whose opening mark was left out: a paragraph that opens with the words
    and closes them with a curly mark and a cue (``Well bowled, we needed that,” he said.``)."""
    first_span: dict[int, int] = {}
    for s in spans:
        first_span.setdefault(s.paragraph, s.start)
        for k in range(s.paragraph + 1, s.end_paragraph + 1):
            first_span.setdefault(k, -1)  # inside a quotation running on from an earlier paragraph
    added = []
    for index, text in enumerate(paras):
        close = text.find("”")
        if close < 0 or first_span.get(index, close + 1) <= close or _OPEN_MARK_RE.search(text, 0, close):
            continue
        lead = len(text) - len(text.lstrip())
        body = text[lead:close]
        if not body[:1].isupper() or len(_WORD_RE.findall(body)) < 4 or body[-1:] not in ",!?":
            continue
        found = _post_attribution(text[close + 1:close + 1 + _CONTEXT])
        if found is None or found[0] is None:
            continue
        added.append(_Span(index, lead, lead, index, close, close, True, body, after=close + 1, pieces=[body]))
    if not added:
        return spans
    return sorted(spans + added, key=lambda s: (s.paragraph, s.start))


def _continues_paragraph(paras, results: list[Quote], group: list[_Span]) -> bool:
    """``group`` is a paragraph that is nothing but one quotation, right after a paragraph whose
    last quotation has its own cue and stands in that paragraph alone: the speaker goes on
    (``“A,” Ruiz said. ¶ “B.”``), one quotation in two paragraphs.  Only one such paragraph is
    joined: a run of quotation paragraphs (a transcript, a press conference) stays apart."""
    span = group[0]
    if len(group) > 1 or not results or not span.closed or span.paragraph != span.end_paragraph:
        return False
    before = results[-1]
    if before.fragment or before.end_paragraph is not None or before.paragraph != span.paragraph - 1:
        return False
    if span.start != _first_mark(paras[span.paragraph]) or paras[span.paragraph][span.after:].strip():
        return False
    # “A,” Ruiz said. He then turned to the crowd. ¶ “B?” -- the writer went on after the cue
    tail = paras[before.paragraph][before.end:].lstrip("”\"’'» \u00a0")
    return len([p for p in _split_sentences(tail) if p.strip()]) <= 1


_INLINE_CREDIT_RE = re.compile(
    r"^[ \u00a0]*[-–—―][ \u00a0]*(?P<name>[A-Z][\w.’'\-]*(?:[ \u00a0]+[A-Z][\w.’'\-]*){1,3})"
    r"(?:,[ \u00a0]*(?P<role>[^,;:!?“”\"]{1,60}?))?[ \u00a0.]*$")
_OPEN_MARK_RE = re.compile(r"''|[“”\"«»„]")
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


def _cue_sentence_before(paras, span: _Span) -> tuple[str, tuple[int, int]] | None:
    """The speaker of the sentence right before ``span`` in its paragraph when that sentence ends
    in a cue after a closing mark: ``X is “a mess,” said Ana Ruiz, an analyst. “B.”`` -- B, with no
    cue of its own, is Ruiz's (the woven fragment before it is no quotation of its own)."""
    text = paras[span.paragraph]
    lo = max(0, span.start - _CONTEXT)
    head = text[lo:span.start]
    closing = None
    for closing in _CLOSING_MARK_RE.finditer(head):
        pass
    if closing is None:
        return _bare_cue_sentence(head, span, lo)
    gap = head[closing.end():]
    body = gap.rstrip()
    if not body.endswith((".", ":")) or _OPEN_MARK_RE.search(gap) or _sentence_start(body[:-1] + " ") != 0:
        return None
    if not re.match(r"[ \u00a0]*[,—–-]", gap) \
            and head[:closing.start()].rstrip(" '’‘\"\u00a0")[-1:] not in (",", "?", "!", "—", "-"):
        # X “felt an obligation to act on” climate change, Ruiz said. “B.”: the cue closes the
        # sentence after the writer's words; the words right after the mark are no speaker
        final = _final_cue(head, closing.end(), len(head))
        if final is not None:
            return final[0], (span.paragraph, lo + final[1])
    found = _post_attribution(gap)
    if found is None or found[0] is None:
        return None
    return found[0], (span.paragraph, lo + closing.end())


_BARE_CUE_SENTENCE_RE = re.compile(
    rf"[ \u00a0]+(?:{_SPEECH_VERBS})(?:[ \u00a0]+(?:in|on|at|via|during|through|after|before)[ \u00a0]"
    rf"[^.!?:;“”\"]{{1,50}})?[.:][ \u00a0]*$", re.IGNORECASE)


def _bare_cue_sentence(head: str, span: _Span, lo: int) -> tuple[str, tuple[int, int]] | None:
    """``Ana Ruiz, the party's spokeswoman, said in a statement. “B.”``: a sentence that is only a
    speaker and a cue verb (with where or how) introduces the quotation after it."""
    cue = _BARE_CUE_SENTENCE_RE.search(head)
    if cue is None:
        return _reported_speech_before(head, span, lo)
    sentence_start = _sentence_start(head[:cue.start()])
    sentence = head[sentence_start:cue.start()]
    subject = _subject_before(sentence)  # "Or maybe Jeb Bush, consultant Phil Musser says."
    words = subject[0].split() if subject is not None else []
    if len(words) < 2 or not all(w[:1].isupper() for w in words[-2:]) \
            or any(w.lower() in ("the", "a", "an", "of", "for", "at", "in", "and") for w in words):
        subject = _sentence_subject(sentence + " ")  # "Sam Lau, the director for the Party said"
    if subject is None or not subject[0].split()[-1][:1].isupper():
        return None
    return subject[0], (span.paragraph, lo + sentence_start + subject[1])


_SAYS_RE = re.compile(r"\b(?:says|said|adds|added|argues|argued|explains|explained|insists|insisted|"
                      r"notes|noted|told|tells|warns|warned|writes|wrote)\b")


def _reported_speech_before(head: str, span: _Span, lo: int) -> tuple[str, tuple[int, int]] | None:
    """``Ana Ruiz says the valley will recover. “We will rebuild.”``: a quotation opening a sentence
    right after a sentence of reported speech, in the same paragraph, is the reporting subject's."""
    body = head.rstrip()
    if not body.endswith(".") or _OPEN_MARK_RE.search(head) or not re.match(r"[A-Z]", span.text.lstrip()):
        return None
    sentence_start = _sentence_start(body[:-1] + " ")
    sentence = body[sentence_start:]
    verb = _SAYS_RE.search(sentence)
    if verb is None or verb.start() == 0:
        return None
    subject = _sentence_subject(sentence[:verb.start()])
    if subject is None or not subject[0][:1].isupper() or subject[0].lower() in ("he", "she", "they") \
            or len(sentence[:verb.start()].split()) > 8:
        return None
    return subject[0], (span.paragraph, lo + sentence_start + subject[1])


def _narrative_subject(paras, span: _Span, people: "_People") -> tuple[str | None, str | None]:
    """A quotation opening its own paragraph, with no cue: the named person the paragraph
    before is about (the subject of its last sentence), if that person is known."""
    if span.paragraph == 0 or span.start != _first_mark(paras[span.paragraph]):
        return None, None
    before = paras[span.paragraph - 1][-_CONTEXT:]
    sentence = before[_sentence_start(before):]
    subject = _sentence_subject(sentence)
    if subject is not None and subject[0].lower() in ("he", "she") and _SPEECH_RE.search(sentence):
        # "He said that the inquiry goes on. ¶ “The patients are stable.”": the pronoun's person
        return people.resolve(subject[0], (span.paragraph - 1, len(paras[span.paragraph - 1])))
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
    if _SECOND_CUE_RE.search(gap) or _PARTICIPLE_CUE_END_RE.search(gap):
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
# “A,” said X, who also praised the squad, stating, “B.”: a participle cue closing the gap
_PARTICIPLE_CUE_END_RE = re.compile(rf",[ \u00a0]+(?=[a-z]+ing\b)(?:{_SPEECH_VERBS})[ \u00a0]*[,:][ \u00a0]*$")
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
        credit = _INLINE_CREDIT_RE.match(tail)
        if credit is not None and first.start == _first_mark(paras[first.paragraph]):
            # a vox pop: “We need jobs” ― Tom Okafor / "..." - Maria Lopez, nurse
            return _Attribution(credit.group("name") + (", " + credit.group("role") if credit.group("role") else ""),
                                (last.end_paragraph, last.after))
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
