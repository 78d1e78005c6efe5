"""Which YAKE candidates can be keywords: characters, exclusions, English shape rules, support."""
from __future__ import annotations

import re
import unicodedata
from typing import Iterable, NamedTuple, Sequence

from generator.keywords.language import (_Language, _arabic_function_word, _arabic_verb_before, normalize_typography)
from generator.keywords.wordlists import (_FOREIGN_DATES, _FOREIGN_INNER_WORDS, _ADJECTIVE_RE, _ADVERB_RE, _COPULAS, _DETERMINERS, _EDGE_REJECTS, _EVENT_WORDS, _GERUND_RE, _INNER_WORDS, _IRREGULAR_VERB_FORMS, _LY_NOUNS, _LY_RE, _NON_TOPICAL, _NUMBER_RE, _PARTICIPLE_RE, _REPORTING, _VERB_BEFORE)
from generator.keywords.document import (_ALLOWED_PUNCT, _ASCII_KEYWORD_RE, _Document, _WORD_RE, _occurrences, _token_key, _trim)


# --------------------------------------------------------------------------- candidate filters

def is_valid_keyword(keyword: str) -> bool:
    """Only letters (with their combining marks), digits, spaces, hyphens, apostrophes, periods."""
    if not keyword or keyword != keyword.strip() or "  " in keyword:
        return False
    if _ASCII_KEYWORD_RE.match(keyword):
        return True
    return any(c.isalnum() for c in keyword) and all(
        c.isalnum() or c in _ALLOWED_PUNCT or _is_mark(c) for c in keyword)


def _is_mark(char: str) -> bool:
    return unicodedata.category(char).startswith("M")


class _Exclusions(NamedTuple):
    pattern: re.Pattern | None  # any excluded name, as whole words
    fragments: frozenset[tuple[str, ...]]  # runs of words of a name ("courier" of "Daily Courier")

    def reject(self, words: Sequence[str]) -> bool:
        return tuple(words) in self.fragments or (
            self.pattern is not None and self.pattern.search(" ".join(words)) is not None)


def _exclusions(exclude: Iterable[str], lang: _Language) -> _Exclusions:
    names = sorted({normalize_typography(n).strip().lower() for n in exclude if n and n.strip()},
                   key=len, reverse=True)
    if not names:
        return _Exclusions(None, frozenset())
    alternatives = "|".join(re.escape(n) for n in names)
    fragments = set()
    for name in names:
        parts = [_token_key(_trim(w), lang.english) for w in _WORD_RE.findall(name) if _trim(w)]
        fragments.update(tuple(parts[i:j]) for i in range(len(parts))
                         for j in range(i + 1, len(parts) + 1))
    return _Exclusions(re.compile(rf"(?<![^\W_])(?:{alternatives})(?![^\W_])"), frozenset(fragments))


def _english_rejects(words: Sequence[str], lang: _Language, doc: _Document) -> bool:
    """English rules: attribution, nothing topical, function words inside, verbs and modifiers
    at the edges."""
    parts = {p for w in words for p in w.split("-")} if "-" in "".join(words) else set(words)
    if not parts.isdisjoint(_REPORTING):
        return True
    stopwords = lang.stopwords
    if all(_NUMBER_RE.match(p) for p in parts - _NON_TOPICAL - stopwords):
        return True  # nothing topical: numbers, dates, generic news words
    if len(words) > 2 and any(w in stopwords and w not in _INNER_WORDS for w in words[1:-1]):
        return True  # "Milan and Paris", "falls to two-year", "visited the Sindh"

    proper = doc.proper  # a word not in it is common: not a proper noun of this text
    first, last = words[0], words[-1]
    if first in _EDGE_REJECTS or last in _EDGE_REJECTS:
        return True
    if _ADJECTIVE_RE.match(last) or first not in proper and _ADVERB_RE.match(first):
        return True  # "regional", "South Dakota National", "wrongly convicted"
    if last not in proper and (_PARTICIPLE_RE.match(last) or _LY_RE.match(last) and last not in _LY_NOUNS):
        return True  # "Iraqi armed", "man wrongly"
    if len(words) > 1 and first not in proper and _GERUND_RE.match(first) and words[1] in proper:
        return True  # "keeping Iraqi militias", "activating Hezbollah"
    middle = words[1:-1]
    if any(w not in proper and (_ADVERB_RE.match(w) or _LY_RE.match(w) and w not in _LY_NOUNS) for w in middle):
        return True  # an adverb inside: a clause, not a name ("Turkey abruptly ended")
    if len(words) == 3 and first in proper and last in proper and words[1] not in proper \
            and words[1] not in _INNER_WORDS:
        return True  # "Iran views Iraq": subject, verb, object
    return False


def _foreign_rejects(words: Sequence[str], lang: _Language, doc: _Document) -> bool:
    """Other languages: a date at either end ("juin", "15 mai"), a function word other than a
    complement's link inside a phrase of three words ("bord à Lagos", "Canaveral en Floride")."""
    for edge in (words[0], words[-1]):
        if edge in _FOREIGN_DATES and edge not in doc.proper:
            return True
    return len(words) > 2 and any(w in lang.stopwords and w not in _FOREIGN_INNER_WORDS for w in words[1:-1])


def _verbal(index: int, doc: _Document, lang: _Language) -> bool:
    """Whether the token at ``index`` stands where English puts a verb.

    After a subject pronoun, a modal or an auxiliary ("he left", "will pay", "had cut"); a
    participle after a copula ("was built"); before a determiner or object pronoun after a noun
    ("the authority cut the quota"), or any -ing form before one ("keeping the militias").
    """
    token = doc.tokens[index]
    prev = doc.tokens[index - 1].key if index > 0 and token.joined else None
    after = doc.tokens[index + 1] if index + 1 < len(doc.tokens) else None
    nxt = after.key if after is not None and after.joined else None
    if prev in _VERB_BEFORE:
        return True
    participle = _PARTICIPLE_RE.match(token.key) is not None or token.key.endswith("ing") \
        or token.key in _IRREGULAR_VERB_FORMS
    if prev in _COPULAS and participle:
        return True
    return nxt in _DETERMINERS and (participle or prev is not None and prev not in lang.stopwords)


def _word_family(word: str, doc: _Document) -> list[int]:
    """Positions of the word and of its plural or singular ("stock", "stocks")."""
    forms = {word, word + "s", word + "es"}
    if word.endswith("s"):
        forms.add(word[:-1])
    if word.endswith("es"):
        forms.add(word[:-2])
    return sorted(i for form in forms for i in doc.positions.get(form, ()))


# Support a common word needs to stand alone: its body mentions not as a verb, plus 2 for the
# headline. Three in a full article (~250 words and more); less in a short one.
SINGLE_WORD_SUPPORT = 3
SHORT_BODY = (60, 200)  # body lengths (tokens) under which 1, then 2, suffice


def _support_needed(body_length: int) -> int:
    if body_length < SHORT_BODY[0]:
        return 1
    if body_length < SHORT_BODY[1]:
        return min(2, SINGLE_WORD_SUPPORT)
    return SINGLE_WORD_SUPPORT


def _weak_single_word(word: str, lang: _Language, doc: _Document) -> bool:
    """A common word alone is a topic only when the article is about it.

    Event, change and amount words ("cut", "record", "cost") and verb forms ("built", "left",
    "announced") name no subject on their own. Any other common word must be a real subject:
    mentioned at least three times in the body as a noun, or in the headline and in the body;
    a word the body uses mostly as a verb ("will pay", "he left") is not a noun topic.
    """
    if word in _EVENT_WORDS or word in _IRREGULAR_VERB_FORMS or _PARTICIPLE_RE.match(word):
        return True
    key = ("weak", word)
    if key not in doc.memo:
        family = _word_family(word, doc)
        body = [i for i in family if i >= doc.title_length]
        verbal = sum(1 for i in body if _verbal(i, doc, lang))
        body_length = len(doc.tokens) - doc.title_length
        support = len(body) - verbal + (2 if len(family) > len(body) else 0)
        doc.memo[key] = bool(body) and 2 * verbal >= len(body) \
            or support < _support_needed(body_length)
    return doc.memo[key]


def _continues_name(index: int, doc: _Document) -> bool:
    """Whether the token at ``index`` carries on a name: capitalised, right after the previous."""
    if index >= len(doc.tokens):
        return False
    token = doc.tokens[index]
    return token.joined and token.surface[:1].isupper()


def _arabic_verb(word: str, doc: _Document) -> bool:
    """Whether the text mostly writes ``word`` after a particle or pronoun that a verb follows."""
    key = ("ar-verb", word)
    if key not in doc.memo:
        tokens, where = doc.tokens, doc.positions.get(word, ())
        verbal = sum(1 for i in where if i > 0 and tokens[i].joined and _arabic_verb_before(tokens[i - 1].key))
        doc.memo[key] = bool(where) and 2 * verbal >= len(where)
    return doc.memo[key]


def _acceptable(words: Sequence[str], lang: _Language, doc: _Document,
                excluded: _Exclusions) -> bool:
    if not words:
        return False
    phrase = " ".join(words)
    if not is_valid_keyword(phrase):
        return False
    if tuple(words) in excluded.fragments or excluded.pattern is not None and excluded.pattern.search(phrase):
        return False  # excluded.reject(words)
    if words[0] in lang.stopwords or words[-1] in lang.stopwords:
        return False
    if _NUMBER_RE.match(words[0]) and all(_NUMBER_RE.match(w) for w in words):
        return False
    if lang.code == "ar" and (_arabic_function_word(words[0], lang) or _arabic_function_word(words[-1], lang)):
        return False
    if lang.code == "ar" and (_arabic_verb(words[0], doc) or _arabic_verb(words[-1], doc)):
        return False  # a verb at an edge: "نرى" (we see), "نرى الحرب"
    if lang.english and _english_rejects(words, lang, doc):
        return False
    if not lang.english and _foreign_rejects(words, lang, doc):
        return False
    if doc.datelines and all(0 < len(doc.positions.get(w, ())) <= doc.datelines[w] for w in words):
        return False  # only ever the place of a wire dateline ("LOS ANGELES -")
    if len(words) == 1 and doc.positions.get(words[0]):
        word = words[0]
        if word not in doc.forms and doc.title_length < len(doc.tokens) \
                and not doc.tokens[doc.positions[word][0]].surface.isupper():
            return False  # only at sentence starts or in a Title Case headline: no evidence it is a name
        if lang.english and word not in doc.proper and _weak_single_word(word, lang, doc):
            return False
    starts = _occurrences(words, doc)
    if not starts:
        return True  # our tokens differ from YAKE's here: no evidence either way
    if starts[-1] < doc.title_length < len(doc.tokens):
        return False  # only in the headline, never in the body: usually a headline verb ("Opens")
    if words[-1] in doc.proper and all(_continues_name(start + len(words), doc) for start in starts):
        return False  # always followed by another name word: truncated ("Minority Leader Nancy")
    # A phrase of common words used once is a fragment of a sentence, not a subject; names are
    # exempt ("Ralph Vaughan Williams").
    return len(words) == 1 or len(starts) > 1 or all(
        w in doc.proper for w in words if w not in lang.stopwords)
