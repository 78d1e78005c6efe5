"""Grouping near-duplicate candidates, labelling each group as the article writes it, compounds."""
from __future__ import annotations

import re
from collections import Counter
from typing import Iterable, Iterator, NamedTuple, Sequence

from generator.keywords.language import (_Language)
from generator.keywords.wordlists import (_ROLES)
from generator.keywords.document import (_Candidate, _Document, _POSSESSIVE_RE, _Token, _WORD_INFO, _demonym_base, _occurrences, _word_info, is_near_duplicate)
from generator.keywords.filters import (is_valid_keyword)
from generator.keywords.names import (_full_name)


# --------------------------------------------------------------------------- grouping and labels

_POSSESSIVE = re.compile(r"['’]s$", re.I)


def _candidate_words(keyword: str, lang: _Language, doc: _Document) -> tuple[str, ...]:
    """YAKE's candidate as token keys, reduced to the subject it names (English)."""
    english = lang.english
    cache = _WORD_INFO[english]
    words = tuple((cache.get(w) or _word_info(w, english))[1] for w in keyword.split())
    if not lang.english:
        return words
    if len(words) == 1:  # a bare demonym stands for its place: "Iranian" -> "Iran"
        base = _demonym_base(words[0], doc.vocabulary)
        if base != words[0]:
            return (base,)
    elif (words[0] not in doc.proper or words[0] in _ROLES) and all(w in doc.proper for w in words[1:]):
        return words[1:]  # a role before a name: "coach John Fox", "President Barack Obama"
    elif all(w in doc.proper for w in words[1:]) and _possessor_first(words, doc):
        return words[1:]  # a possessor before a name: "Lebanon's Hezbollah" is Hezbollah
    return words


def _possessor_first(words: tuple[str, ...], doc: _Document) -> bool:
    """True when the text writes the phrase with a possessive first word ("Lebanon's Hezbollah")."""
    starts = _occurrences(words, doc)
    return bool(starts) and all(_POSSESSIVE.search(doc.tokens[i].surface) for i in starts)


def _group(candidates: Iterable[_Candidate]) -> list[list[_Candidate]]:
    """Near-duplicates together: a candidate joins the first group whose head it near-duplicates."""
    groups: list[list[_Candidate]] = []
    by_stem: dict[str, list[int]] = {}  # stem -> indexes of the groups whose head has it
    seen: set[tuple[str, ...]] = set()
    for cand in candidates:
        if cand.words in seen:
            continue
        seen.add(cand.words)
        sharing = sorted({i for stem in cand.stems for i in by_stem.get(stem, ())})
        home = next((i for i in sharing if is_near_duplicate(groups[i][0].stems, cand.stems)), None)
        if home is not None:
            groups[home].append(cand)
        else:
            for stem in cand.stems:
                by_stem.setdefault(stem, []).append(len(groups))
            groups.append([cand])
    return groups


def _mention_counts(group: Sequence[_Candidate], doc: _Document) -> dict[tuple[str, ...], int]:
    """Mentions of each member, each text position counted for the longest member covering it."""
    used: set[int] = set()
    counts: dict[tuple[str, ...], int] = {}
    for cand in sorted(group, key=lambda c: (-len(c.words), c.rank)):
        n = 0
        for start in _occurrences(cand.words, doc):
            span = range(start, start + len(cand.words))
            if not used.intersection(span):
                used.update(span)
                n += 1
        counts[cand.words] = n
    return counts


def _word_form(word: str, token: _Token | None, lang: _Language, doc: _Document) -> tuple[str, bool]:
    """One word's written form and whether the text gives evidence for its casing."""
    if token is not None and token.informative:
        return token.surface, True
    if word in doc.forms:
        return doc.forms[word], True
    if token is None:
        return word, False
    surface = token.surface
    if not lang.english or (surface.isupper() and len(surface) > 1) or any(c.isupper() for c in surface[1:]):
        return surface, False  # no English casing rule elsewhere; acronyms, "iPhone"
    return surface.lower(), False


def _natural_form(words: tuple[str, ...], lang: _Language, doc: _Document) -> str:
    """The phrase as the article writes it mid-sentence, word by word where it must."""
    n = len(words)
    spans = [doc.tokens[s:s + n] for s in _occurrences(words, doc)]
    def as_written(span: Sequence[_Token]) -> tuple[str, ...]:  # "authority's" counts as "authority"
        surfaces = [t.surface for t in span]
        if lang.english:
            surfaces[-1] = _POSSESSIVE_RE.sub("", surfaces[-1]) or surfaces[-1]
        return tuple(surfaces)

    written = Counter(as_written(span) for span in spans if all(t.informative for t in span))
    if written:
        surfaces = list(written.most_common(1)[0][0])
    else:
        template: Sequence[_Token | None] = spans[0] if spans else (None,) * n
        forms = [_word_form(w, t, lang, doc) for w, t in zip(words, template)]
        surfaces = [form for form, _ in forms]
        content = [k for k, w in enumerate(words) if w not in lang.stopwords]
        for k, (token, (form, evidence)) in enumerate(zip(template, forms)):
            # no evidence, but written capitalised beside a known capitalised word: a name
            # ("Meet the Press", "Chuck Schumer" at the start of a sentence)
            if token is None or evidence or not token.surface[:1].isupper():
                continue
            position = content.index(k) if k in content else None
            neighbours = [] if position is None else [
                content[j] for j in (position - 1, position + 1) if 0 <= j < len(content)]
            if any(forms[j][1] and forms[j][0][:1].isupper() for j in neighbours):
                surfaces[k] = token.surface
    if lang.english:
        surfaces[-1] = _POSSESSIVE_RE.sub("", surfaces[-1]) or surfaces[-1]
        if n == 1:
            surfaces[0] = _single_word_case(words[0], surfaces[0], doc)
    return " ".join(surfaces)


def _single_word_case(word: str, surface: str, doc: _Document) -> str:
    """A word alone is lower case when the text writes it so mid-sentence and capitalises it only
    inside a longer name ("the terminal" beside "Northern Container Terminal") or in a headline;
    a word in capitals ("BAGHDAD") takes the casing the text uses elsewhere."""
    if surface.isupper() and len(surface) > 3:
        form = doc.forms.get(word)
        if form and not form.isupper():
            return form
        return word if word in doc.lower else surface
    if not surface[:1].isupper() or word not in doc.lower:
        return surface
    tokens = doc.tokens
    for i in doc.positions.get(word, ()):
        token = tokens[i]
        if not token.informative or not token.surface[:1].isupper() or i < doc.title_length:
            continue
        before = i > 0 and token.joined and tokens[i - 1].surface[:1].isupper()
        after = i + 1 < len(tokens) and tokens[i + 1].joined and tokens[i + 1].surface[:1].isupper()
        if not (before or after):
            return surface  # capitalised on its own mid-sentence: a name ("Turkey")
    return surface.lower()


class _Choice(NamedTuple):
    label: str
    cand: _Candidate
    group: int  # index of the group it labels


def _labels(group: Sequence[_Candidate], lang: _Language, doc: _Document) -> Iterator[tuple[str, _Candidate]]:
    """Members of the group with their labels, best first (lazily: usually one is used)."""
    counts = _mention_counts(group, doc) if len(group) > 1 else {group[0].words: 0}
    memo: dict[str, str] = {}
    for cand in sorted(group, key=lambda c: (-counts[c.words], c.rank)):
        if lang.english:
            full = _full_name(cand, lang, doc, memo)
            if full is not None:
                yield full
        label = _natural_form(cand.words, lang, doc)
        if is_valid_keyword(label):
            yield label, cand


def _fits(label: str, stems: frozenset[str], chosen: Sequence[_Choice]) -> bool:
    return all(not is_near_duplicate(stems, c.cand.stems) and label.lower() != c.label.lower()
               for c in chosen)


def _compound(a: _Choice, b: _Choice, groups: Sequence[Sequence[_Candidate]],
              doc: _Document) -> _Candidate | None:
    """A member naming both subjects at once, when ``b`` is mostly mentioned inside it.

    "Iraq" and "militias" become "Iraqi militias" when most militias in the text are Iraqi ones.
    """
    union = a.cand.stems | b.cand.stems
    mentions_b = len(_occurrences(b.cand.words, doc))
    for cand in (*groups[a.group], *groups[b.group]):
        if cand.stems == union:
            mentions = len(_occurrences(cand.words, doc))
            if mentions >= 2 and 2 * mentions >= mentions_b:
                return cand
    return None


def _merge_compounds(chosen: list[_Choice], groups: Sequence[Sequence[_Candidate]],
                     lang: _Language, doc: _Document) -> bool:
    """Replace the first pair of labels that one compound names (see :func:`_compound`)."""
    for i, a in enumerate(chosen):
        for j in range(i + 1, len(chosen)):
            cand = _compound(a, chosen[j], groups, doc)
            if cand is None:
                continue
            others = [c for k, c in enumerate(chosen) if k not in (i, j)]
            label = _natural_form(cand.words, lang, doc)
            if is_valid_keyword(label) and _fits(label, cand.stems, others):
                chosen[i] = _Choice(label, cand, a.group)
                del chosen[j]
                return True
    return False
