"""Arabic extraction: Arabic cue verbs before or after the quotation, speaker phrases split into
role and name.
"""
from __future__ import annotations

import bisect
import itertools
import re

from generator.models import Quote
from generator.newslang import AR_ROLE_LINKS, AR_ROLE_NOUNS, AR_STOP
from generator.quotes.patterns import _ARABIC_VERBS_RE, _CONTEXT, _Span
from generator.quotes.direct import _to_quote


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
