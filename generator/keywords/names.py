"""People's and organisations' names: full names at first mention, person detection."""
from __future__ import annotations

import re
from typing import Iterable, Sequence

from generator.keywords.language import (_Language, normalize_typography)
from generator.keywords.wordlists import (_NOT_NAME_WORDS, _REPORTING, _ROLES, _words)
from generator.keywords.document import (_Candidate, _Document, _POSSESSIVE_RE, _Token, _WORD_RE, _occurrences, _stem_set,
                                         _token_key, _trim)
from generator.keywords.filters import (is_valid_keyword)


# --------------------------------------------------------------------------- full names

# A speaker with one of these words is an institution, not a person ("Foreign Ministry", "White
# House", "Islamic Resistance in Iraq"): it has no person page and may well be a subject.
_INSTITUTION_WORDS = _words("""
    ministry ministries department office council party army forces force government agency group
    company corporation bank house committee commission court police military authority authorities
    union association organization organisation institute center centre university foundation
    board administration embassy parliament congress senate assembly network service services
    resistance movement front alliance coalition league federation team club school hospital
    palace church museum
""")


# Lower-case words allowed inside a name ("Institute for Energy Transition", "University of the
# South", "Bashar al-Assad" is one token)
_NAME_CONNECTORS = _words("of for the de du des del della da dos van von der den la le al bin")
MAX_NAME_WORDS = 5
MAX_PEOPLE = 2  # people have their own pages: at most two names of people among the keywords
_ARTICLES = _words("the a an")
# Stopwords of YAKE's English list that begin names when capitalised mid-sentence ("New York
# Times", "New Zealand", "Old Bailey", "First Lady"): YAKE never proposes a phrase starting with
# them, so without this the name is cut ("York Times").
_NAME_STOPWORDS = _words("new old first second little best")


def _name_word(token: _Token, lang: _Language, doc: _Document) -> bool:
    """A capitalised token that belongs to a name: capitalised where casing is evidence, or at a
    sentence start when the text never writes it in lower case ("Nadia Karam, who ...")."""
    surface, key = token.surface, token.key
    if not surface[:1].isupper():
        return False
    if key in lang.stopwords and not (lang.english and key in _NAME_STOPWORDS and token.informative):
        return False
    if lang.english and key in _NOT_NAME_WORDS:
        return False
    return token.informative or key in doc.proper or key not in doc.lower


def _begins_name(index: int, doc: _Document) -> bool:
    """A stopword such as "New" begins a name only before a word the text never writes in lower
    case ("New York", not "New Study")."""
    nxt = doc.tokens[index + 1] if index + 1 < len(doc.tokens) else None
    return nxt is not None and nxt.joined and nxt.surface[:1].isupper() and nxt.key not in doc.lower


def _name_runs(lang: _Language, doc: _Document) -> dict[int, tuple[int, int]]:
    """Body token index -> (start, end) of the multi-word proper name it belongs to."""
    if "runs" in doc.memo:
        return doc.memo["runs"]
    runs: dict[int, tuple[int, int]] = {}
    tokens, i, n = doc.tokens, doc.title_length, len(doc.tokens)
    while i < n:
        if not tokens[i].surface[:1].isupper() or not _name_word(tokens[i], lang, doc) \
                or tokens[i].key in lang.stopwords and not _begins_name(i, doc):
            i += 1
            continue
        start, end = i, i + 1
        # a possessive ends a name: "Lebanon's Hezbollah" is two names, not one
        while end < n and not tokens[end - 1].surface.endswith(("'s", "’s")) and not tokens[end - 1].apostrophe:
            j = end
            while j < n and j - end < 2 and tokens[j].joined and tokens[j].surface.islower() \
                    and (tokens[j].key in _NAME_CONNECTORS or tokens[j].key == "and" and lang.english):
                j += 1
            # a sentence start (not informative in the body) begins a name, never continues one
            if j < n and tokens[j].joined and tokens[j].informative and _name_word(tokens[j], lang, doc) \
                    and tokens[j].key not in lang.stopwords:
                end = j + 1
            else:
                break
        # "and" joins the words of an institution's name ("Food and Drug Administration"), not
        # two names ("Iran and Israel"): elsewhere the name ends before it
        joins = [k for k in range(start + 1, end - 1) if tokens[k].key == "and"]
        if joins and (tokens[end - 1].key not in _INSTITUTION_WORDS or len(joins) > 1
                      or tokens[joins[0] - 1].key in _INSTITUTION_WORDS or not tokens[joins[0] + 1].surface[:1].isupper()):
            end = joins[0]
        if 1 < end - start <= MAX_NAME_WORDS + 2:
            for k in range(start, end):
                runs[k] = (start, end)
        i = end
    doc.memo["runs"] = runs
    return runs


def _full_name(cand: _Candidate, lang: _Language, doc: _Document,
               memo: dict[str, str]) -> tuple[str, _Candidate] | None:
    """The longer proper name the article introduces before shortening it.

    News writing gives a name in full at first mention and shortens it afterwards: "Nadia Karam"
    then "Karam", "the Fisheries Authority" then "the authority", "the Institute for Energy
    Transition" then nothing else. When the first mention of a keyword in the body ends a longer
    proper name, that name is the label.
    """
    n = len(cand.words)
    starts = [s for s in _occurrences(cand.words, doc) if s >= doc.title_length]
    if not starts:
        return None
    first = starts[0]
    run = _name_runs(lang, doc).get(first)
    if run is None or run[1] != first + n or run[0] >= first:
        return None
    span = doc.tokens[run[0]:run[1]]
    if sum(1 for t in span if t.key not in _NAME_CONNECTORS) > MAX_NAME_WORDS:
        return None
    surfaces = [t.surface + ("'" if t.apostrophe and k < len(span) - 1 else "") for k, t in enumerate(span)]
    if lang.english:
        surfaces[-1] = _POSSESSIVE_RE.sub("", surfaces[-1]) or surfaces[-1]
    label = " ".join(surfaces)
    words = tuple(t.key for t in span)
    stems = _stem_set(words, lang, doc.vocabulary, memo)
    if not is_valid_keyword(label) or not stems:
        return None
    return label, _Candidate(words, stems, cand.rank)


_PERSON_NOUN_RE = re.compile(r"^[a-z]{3,}(?:ist|er|or|ian|ant|ent|man|woman)s?$")


def _introduces_person(index: int, doc: _Document) -> bool:
    """", who ..." or ", an economist ...": what follows a person's name after a comma."""
    tokens = doc.tokens
    if tokens[index].key == "who":
        return True
    if tokens[index].key not in ("a", "an"):
        return False
    return any(t.key in _ROLES or _PERSON_NOUN_RE.match(t.key) for t in tokens[index + 1:index + 4])


def _is_person(cand: _Candidate, label: str, lang: _Language, doc: _Document) -> bool:
    """A person's name: two or three capitalised words, never after an article, the name or its
    last word next to a reporting verb ("Brandt said", "said Tomas Reyes")."""
    words = cand.words
    if not lang.english or not 2 <= len(words) <= 3 or not all(w[:1].isupper() for w in label.split()):
        return False
    if any(w in _NAME_CONNECTORS for w in words):
        return False
    tokens = doc.tokens
    starts = _occurrences(words, doc)
    if any(s > 0 and tokens[s].joined and tokens[s - 1].key in _ARTICLES for s in starts):
        return False
    ends = [s + len(words) - 1 for s in starts] + list(doc.positions.get(words[-1], ()))
    for end in ends:
        begin = end - len(words) + 1 if end in [s + len(words) - 1 for s in starts] else end
        after = tokens[end + 1] if end + 1 < len(tokens) else None
        before = tokens[begin - 1] if begin > 0 else None
        if after is not None and after.joined and after.key in _REPORTING:
            return True
        if after is not None and not after.joined and _introduces_person(end + 1, doc):
            return True
        if before is not None and tokens[begin].joined and before.key in _REPORTING:
            return True
    return False


# --------------------------------------------------------------------------- quoted people

def _name_parts(text: str, english: bool) -> list[str]:
    """Lower-case parts of a name's words: hyphens split ("al-Atwani" -> "atwani"), connectors,
    roles and titles dropped."""
    parts = []
    for raw in _WORD_RE.findall(normalize_typography(text)):
        surface = _trim(raw)
        if not surface:
            continue
        for part in _token_key(surface, english).split("-"):
            if part and part not in _NAME_CONNECTORS and not (english and part in _NOT_NAME_WORDS):
                parts.append(part)
    return parts


def person_names(people: Iterable[str], lang: _Language, doc: _Document | None = None) -> tuple[tuple[str, ...], ...]:
    """The name parts of each quoted person: two name words at least, and no institution word.
    A speaker named by one word is a person when the text gives that word as the end of a longer
    name ("Babar" after "Babar Azam"): that name is used; otherwise the word may be an
    institution's or a place's ("Hezbollah")."""
    names = []
    for person in people:
        parts = _name_parts(person or "", lang.english)
        if len(parts) == 1 and doc is not None:
            parts = _full_name_ending(parts[0], lang, doc) or parts
        if len(parts) >= 2 and _INSTITUTION_WORDS.isdisjoint(parts):
            names.append(tuple(parts))
    return tuple(dict.fromkeys(names))


def _full_name_ending(word: str, lang: _Language, doc: _Document) -> list[str]:
    """Name parts of the first longer proper name in the body that ends with ``word``."""
    runs = _name_runs(lang, doc)
    for i in doc.positions.get(word, ()):
        run = runs.get(i)
        if run is not None and run[1] == i + 1 and run[0] < i:
            return _name_parts(" ".join(t.surface for t in doc.tokens[run[0]:run[1]]), lang.english)
    return []


def names_quoted_person(words: Sequence[str], names: Sequence[tuple[str, ...]], english: bool) -> bool:
    """Whether a phrase names a quoted person, who has a person page: all its name parts are the
    person's, the surname among them ("Rafid al-Atwani", "Atwani", "Mr. al-Atwani"); "Atwani
    report" or "Rafid" alone are not."""
    if not names:
        return False
    parts = _name_parts(" ".join(words), english)
    return bool(parts) and any(name[-1] in parts and set(parts) <= set(name) for name in names)
