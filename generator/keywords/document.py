"""The article as tokens (casing evidence, positions, datelines), stems and near-duplicates."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple, Sequence

from generator.keywords.language import (_Language, _language, normalize_typography)
from generator.keywords.wordlists import (_ABBREVIATIONS, _DEMONYM_SUFFIXES, _IRREGULAR_DEMONYMS, _NUMBER_RE, _NUMBER_WORDS)


# --------------------------------------------------------------------------- tokens of the text

# A word: a run of characters that are neither whitespace nor punctuation (apostrophes,
# hyphens and periods stay inside words: "al-Assad", "Iran's", "U.S.").
_WORD_RE = re.compile(r"""[^\s!"#$%&()*+,/:;<=>?@\[\\\]^_`{|}~]+""")
_SENTENCE_GAP_RE = re.compile(r"""[.!?:"]""")
_ACRONYM_RE = re.compile(r"^(?:[^\W\d_]\.){2,}$")
_POSSESSIVE_RE = re.compile(r"(?:'s|')$")
_ALLOWED_PUNCT = frozenset(" -'.")
_ASCII_KEYWORD_RE = re.compile(r"^(?=.*[A-Za-z0-9])[A-Za-z0-9 .'-]+$")


class _Token(NamedTuple):
    surface: str  # as written, trimmed of edge punctuation ("Iran's", "U.S.")
    key: str  # lower case, possessive removed in English: what YAKE's candidate words look like
    informative: bool  # its capitalisation is evidence (not a sentence start, not a Title Case headline)
    joined: bool  # follows the previous token with nothing but spaces between them
    apostrophe: bool = False  # written with a trailing apostrophe ("Dockers'")


def _trim(raw: str) -> str:
    if raw[0] not in ".-'" and raw[-1] not in ".-'" or _ACRONYM_RE.match(raw):
        return raw
    return raw.strip(".-'")


def _token_key(surface: str, english: bool) -> str:
    key = surface.lower()
    if english and len(key) > 2:
        if key.endswith("'s"):
            return key[:-2]
        if key.endswith("'"):
            return key[:-1]
    return key


def _ends_sentence(raw: str, surface: str, english: bool) -> bool:
    ends = raw.rstrip("'\"")
    if not ends.endswith((".", "!", "?")):
        return False
    if ends.endswith("."):
        return not (_ACRONYM_RE.match(raw) or english and surface.lower() in _ABBREVIATIONS)
    return True


# A gap (whitespace and punctuation, perhaps empty) and the word after it: findall gives both.
_GAP_WORD_RE = re.compile(r"""([\s!"#$%&()*+,/:;<=>?@\[\\\]^_`{|}~]*)([^\s!"#$%&()*+,/:;<=>?@\[\\\]^_`{|}~]+)""")
# raw word -> (surface, key, whether it ends a sentence, trailing apostrophe trimmed, the surface
# as counted for casing evidence), per ``english``: the same words recur in every article;
# cleared when it grows large
_WORD_INFO: tuple[dict, dict] = ({}, {})
_WORD_INFO_MAX = 50_000  # about 10 MB; a news vocabulary mostly fits
_new_token = tuple.__new__


def _word_info(raw: str, english: bool) -> tuple[str, str, bool, bool, str]:
    cache = _WORD_INFO[english]
    info = cache.get(raw)
    if info is None:
        if len(cache) >= _WORD_INFO_MAX:
            cache.clear()
        surface = _trim(raw)
        if surface:
            key = _token_key(surface, english)
            form = surface[:len(key)] if english and len(surface) != len(key) else surface  # "Iran's" -> "Iran"
            info = (surface, key, _ends_sentence(raw, surface, english),
                    raw.endswith("'") and not surface.endswith("'"), form)
        else:
            info = ("", "", _ends_sentence(raw, raw, english), False, "")
        cache[raw] = info
    return info


class _Tokens:
    """The tokens of a document as they are read, line by line, with their indexes."""

    def __init__(self, english: bool):
        self.english = english
        self.tokens: list[_Token] = []
        self.keys: list[str] = []
        self.joins: list[bool] = []
        self.positions: dict[str, list[int]] = {}  # key -> indexes in tokens
        self.written: dict[tuple[str, str], int] = {}  # (key, form) of informative tokens -> count, in order

    def read(self, line: str, case_informative: bool) -> None:
        """Tokens of one line: its first token is never joined to the one before."""
        english = self.english
        tokens, keys, joins, positions, written = self.tokens, self.keys, self.joins, self.positions, self.written
        cache = _WORD_INFO[english]
        sentence_start = True
        first = True
        for gap, raw in _GAP_WORD_RE.findall(line):
            # joined: nothing but spaces before it (the gap is empty only before a line's first word)
            joined = gap == " " or not gap or gap.isspace()
            if not joined and _SENTENCE_GAP_RE.search(gap):
                sentence_start = True
            surface, key, ends, apostrophe, form = cache.get(raw) or _word_info(raw, english)
            if surface:
                informative = case_informative and not sentence_start
                joined = joined and not first
                first = False
                where = positions.get(key)
                if where is None:
                    positions[key] = [len(tokens)]
                else:
                    where.append(len(tokens))
                tokens.append(_new_token(_Token, (surface, key, informative, joined, apostrophe)))
                keys.append(key)
                joins.append(joined)
                if informative:
                    pair = (key, form)
                    written[pair] = written.get(pair, 0) + 1
                sentence_start = ends
            else:
                sentence_start = sentence_start or ends


# A wire dateline: a place in capitals, perhaps a date or an agency, then a dash ("LOS ANGELES -",
# "BAGHDAD, March 3 (Reuters) -"), at the start of a line or glued after a headline.
_DATELINE_RE = re.compile(
    r"(?:^|(?<=\s))(?P<place>(?:[A-Z][A-Z.'-]+ ){0,3}[A-Z][A-Z.'-]+)(?:,[^\n(-]{1,30})?"
    r"\s*(?:\([^)\n]{1,40}\)\s*)?\s-\s", re.MULTILINE)


def _is_title_case(title: str) -> bool:
    words = [w for w in _WORD_RE.findall(title) if len(w) > 3 and w[0].isalpha()]
    return len(words) >= 2 and all(w[0].isupper() for w in words)


class Vocabulary(NamedTuple):
    """Words of one document, lower case: all of them, and those written capitalised mid-sentence."""

    words: frozenset[str]
    proper: frozenset[str]


_EMPTY_VOCABULARY = Vocabulary(frozenset(), frozenset())


@dataclass(frozen=True)
class _Document:
    tokens: tuple[_Token, ...]
    positions: dict[str, list[int]]  # key -> indexes in tokens
    proper: frozenset[str]  # keys seen capitalised mid-sentence (proper-noun evidence)
    forms: dict[str, str]  # key -> its most common mid-sentence surface
    title_length: int  # tokens[:title_length] are the title's
    vocabulary: Vocabulary
    lower: frozenset[str] = frozenset()  # keys written in lower case mid-sentence somewhere
    datelines: Counter = field(default_factory=Counter)  # key -> mentions inside a dateline
    memo: dict = field(default_factory=dict)  # per-document caches of the rules below
    keys: tuple[str, ...] = ()  # tokens[i].key
    joins: tuple[bool, ...] = ()  # tokens[i].joined
    occurrences: dict = field(default_factory=dict)  # words -> _occurrences(words), two words and more


def _document(title: str | None, text_blocks: Sequence[str], english: bool) -> _Document:
    return _document_of(title, normalize_typography(title) if title else "",
                        [normalize_typography(block) for block in text_blocks], english)


def _document_of(title: str | None, normal_title: str, normal_blocks: Sequence[str], english: bool) -> _Document:
    """The document of ``title`` and text blocks, given as normalize_typography leaves them."""
    reader = _Tokens(english)
    if title:
        reader.read(normal_title, not _is_title_case(title))
    title_length = len(reader.tokens)
    for block in normal_blocks:
        for line in block.split("\n"):
            reader.read(line, True)
    tokens, positions, written = reader.tokens, reader.positions, reader.written
    forms: dict[str, str] = {}
    best: dict[str, int] = {}
    for (key, surface), count in written.items():  # ties: the first written wins
        if count > best.get(key, 0):
            forms[key], best[key] = surface, count
    proper = frozenset(key for key, form in forms.items() if form[:1].isupper())
    lower = frozenset(key for key, surface in written if surface[:1].islower())
    datelines: Counter = Counter()
    for block in normal_blocks:
        if "-" not in block:  # every dateline ends in " - "
            continue
        for match in _DATELINE_RE.finditer(block):
            datelines.update(_token_key(w, english) for w in match.group("place").split())
    return _Document(tuple(tokens), positions, proper, forms, title_length,
                     Vocabulary(frozenset(positions), proper), lower, datelines,
                     keys=tuple(reader.keys), joins=tuple(reader.joins))


def document_vocabulary(text: str, language: str = "en") -> Vocabulary:
    """The vocabulary of ``text`` that :func:`content_stems` uses to fold plurals and demonyms."""
    return _document(None, [text], _language(language).english).vocabulary


# --------------------------------------------------------------------------- stems and near-duplicates

def _demonym_base(word: str, vocabulary: Vocabulary) -> str:
    """Place named by an English demonym ("iraqis" -> "iraq") when the text names that place.

    The demonym must be written capitalised mid-sentence somewhere in the text (a proper noun);
    the place may appear anywhere, a sentence start included.
    """
    proper, known = vocabulary.proper, vocabulary.words
    singular = word[:-1] if word.endswith("s") and word[:-1] in proper else word
    if singular not in proper:
        return word
    irregular = _IRREGULAR_DEMONYMS.get(singular)
    if irregular and irregular in known:
        return irregular
    for suffix, replacement in _DEMONYM_SUFFIXES:
        if singular.endswith(suffix) and len(singular) > len(suffix) + 2:
            base = singular[: -len(suffix)] + replacement
            if base != singular and base in known:
                return base
    return word


def _content_words(words: Sequence[str], lang: _Language) -> list[str]:
    parts = [part for word in words for part in word.split("-") if part]
    return [p for p in parts
            if p not in lang.stopwords and not _NUMBER_RE.match(p)
            and not (lang.english and p in _NUMBER_WORDS)]


def _word_stem(word: str, lang: _Language, vocabulary: Vocabulary) -> str:
    if lang.english:
        word = _demonym_base(_token_key(word, True), vocabulary)
        singular = word[:-1]
        if word.endswith("s") and len(singular) > 2 and singular in vocabulary.words \
                and singular not in lang.stopwords:
            word = singular  # plurals the stemmer keeps: "menus" -> "menu"
    return lang.stem(word)


def _stem_set(words: Sequence[str], lang: _Language, vocabulary: Vocabulary,
              memo: dict[str, str] | None = None) -> frozenset[str]:
    """Stems of the content words; ``memo`` caches word -> stem for one document."""
    if memo is None:
        memo = {}
    stems = set()
    for word in _content_words(words, lang):
        stem = memo.get(word)
        if stem is None:
            stem = memo[word] = _word_stem(word, lang, vocabulary)
        stems.add(stem)
    return frozenset(stems)


def content_stems(phrase: str, language: str = "en",
                  vocabulary: Vocabulary | None = None) -> frozenset[str]:
    """Stems of the content words of ``phrase``: the identity used for near-duplicates.

    ``vocabulary`` is the document's (:func:`document_vocabulary`); with it, English demonyms
    fold into the place the document names ("Iranian proxies" -> {"iran", "proxi"}) and plurals
    the stemmer leaves alone fold into a singular the document uses ("menus" -> "menu").
    """
    lang = _language(language)
    words = [_token_key(w, lang.english) for w in _WORD_RE.findall(normalize_typography(phrase))]
    return _stem_set([w for w in words if w], lang, vocabulary or _EMPTY_VOCABULARY)


def is_near_duplicate(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two stem sets are near-duplicates when one is a (non-empty) subset of the other."""
    return bool(a) and bool(b) and (a <= b or b <= a)



def _occurrences(words: tuple[str, ...], doc: _Document) -> list[int]:
    """Start indexes where the token keys spell ``words`` without punctuation in between."""
    n = len(words)
    if n == 1:
        return doc.positions.get(words[0], [])
    found = doc.occurrences.get(words)
    if found is None:  # computed once per phrase and document; callers only read it
        keys, joins, total = doc.keys, doc.joins, len(doc.keys)
        rest = tuple(words[1:])
        found = [start for start in doc.positions.get(words[0], ())
                 if start + n <= total and keys[start + 1:start + n] == rest and all(joins[start + 1:start + n])]
        doc.occurrences[words] = found
    return found



# --------------------------------------------------------------------------- candidates

@dataclass
class _Candidate:
    words: tuple[str, ...]  # lower-case keys, as YAKE gives them
    stems: frozenset[str]
    rank: int
