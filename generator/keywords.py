"""Keywords of an article, readable as topic names.

YAKE (the only user of the ``yake`` package in this project) proposes ranked candidate phrases;
this module turns them into a short list of the article's real subjects:

1. **Prepare the text.** Typography is normalised (curly quotes, dashes, Arabic and CJK
   punctuation become ASCII, which is what YAKE splits on), and the title and every line that
   does not end a sentence get a full stop: YAKE replaces line breaks with spaces, so without it
   the headline is glued to the first sentence ("Region The continued ...").
2. **Candidates.** YAKE runs with n=3 and *its own de-duplication turned off*: in yake 0.7.3 it
   compares strings, not meanings, rarely fires, and the constructor silently ignores the old
   ``dedupLim`` spelling anyway (it reads ``dedup_lim``). We get every valid candidate, ranked.
3. **Filter** each candidate: characters (letters, digits, spaces, hyphens, apostrophes, periods
   only), excluded names as whole words (and any run of their words alone), stopwords at either
   end, phrases found only in the headline (headline verbs: "Opens"), phrases of common words
   found once (sentence fragments; names are exempt), names always followed by another name
   word (truncated: "Minority Leader Nancy"); and, in English only: phrases with no topical
   word (numbers, dates, generic news nouns such as "report" or "year", bare roles such as
   "president"), reporting verbs and attribution ("told", "said", "according"), function words
   inside other than "of" ("Milan and Paris"), adverbs, adjectives and participles at the edges
   ("regional", "Iraqi armed"), verb-led fragments ("keeping Iraqi militias") and clause
   fragments ("Iran views Iraq"). A role before a name is cut ("coach John Fox" -> "John Fox").
4. **Group near-duplicates.** Each candidate maps to the set of stems of its content words;
   stems fold plurals and possessives (snowball stemmer of the language) and, in English,
   demonyms ("Iranian" -> "Iran" when the article names Iran). Two candidates are
   near-duplicates when one stem set is a subset of the other ("Israel" / "Israeli strikes").
   In rank order, a candidate joins the first group whose head (best-ranked member) it
   near-duplicates, else starts a group.
5. **Label** each group with its member that occurs most often in the text, each mention
   counted once, for the longest member that covers it ("Iraqi militias" is not also counted as
   "militias"); ties go to the better YAKE rank. The label takes the casing it has mid-sentence
   in the article (sentence starts and Title Case headlines are no evidence of a proper noun).
6. **Select** labels in group order, skipping any that near-duplicates a label already chosen.
   When one member names two chosen subjects at once and holds most mentions of the second
   ("Iraq" + "militias", mostly written "Iraqi militias"), it replaces both and frees a slot.

Languages other than English get only the language-neutral rules (characters, exclusions,
YAKE's stopwords for that language, numbers, the snowball stemmer of that language or exact
matching when there is none); no English word list is applied to them.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Iterator, NamedTuple, Sequence

import snowballstemmer
import yake

__all__ = [
    "extract_keywords",
    "raw_yake",
    "content_stems",
    "is_near_duplicate",
    "document_vocabulary",
    "Vocabulary",
    "is_valid_keyword",
]

YAKE_NGRAM = 3
MAX_CANDIDATES = 60  # filtered YAKE candidates considered for grouping (YAKE ranks thousands)

# --------------------------------------------------------------------------- text preparation

_TYPOGRAPHY = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2014": " - ", "\u2013": " - ", "\u2015": " - ", "\u2212": "-",
    "\u2026": "...", "\u00a0": " ", "\u200b": "", "\u200f": "", "\u200e": "",
    "\u060c": ",", "\u061b": ";", "\u061f": "?", "\u066a": "%", "\u06d4": ".",
    "\u3002": ".", "\uff0c": ",", "\u3001": ",", "\uff01": "!", "\uff1f": "?",
    "\uff1a": ":", "\uff1b": ";", "\u0964": ".",
})
_SPACES_RE = re.compile(r"[ \t\r\f\v]+")
_ENDS_SENTENCE_RE = re.compile(r"""[.!?;:]['")\]]*$""")


def normalize_typography(text: str) -> str:
    """Map quotes, dashes and non-Latin punctuation to the ASCII marks YAKE treats as punctuation."""
    return _SPACES_RE.sub(" ", text.translate(_TYPOGRAPHY))


def _terminated(line: str) -> str:
    line = line.strip()
    if line and not _ENDS_SENTENCE_RE.search(line):
        line += "."
    return line


def prepare_text(title: str | None, paragraphs: Sequence[str]) -> str:
    """Title and paragraphs as one text in which every line ends a sentence."""
    blocks = [title or ""] + list(paragraphs)
    lines = (_terminated(line) for block in blocks for line in normalize_typography(block).split("\n"))
    return "\n\n".join(line for line in lines if line)


# --------------------------------------------------------------------------- languages

# ISO 639-1 code -> snowball algorithm (snowballstemmer 3.x)
_SNOWBALL = {
    "ar": "arabic", "hy": "armenian", "eu": "basque", "ca": "catalan", "cs": "czech",
    "da": "danish", "nl": "dutch", "en": "english", "eo": "esperanto", "et": "estonian",
    "fi": "finnish", "fr": "french", "de": "german", "el": "greek", "hi": "hindi",
    "hu": "hungarian", "id": "indonesian", "ga": "irish", "it": "italian", "lt": "lithuanian",
    "ne": "nepali", "no": "norwegian", "nb": "norwegian", "nn": "norwegian", "fa": "persian",
    "pl": "polish", "pt": "portuguese", "ro": "romanian", "ru": "russian", "sr": "serbian",
    "st": "sesotho", "es": "spanish", "sv": "swedish", "ta": "tamil", "tr": "turkish",
    "yi": "yiddish",
}
# ISO code -> YAKE's stopword file code, where they differ
_YAKE_CODES = {"cs": "cz", "nb": "no", "nn": "no"}


def _iso_code(language: str) -> str:
    return (language or "en").strip().lower().replace("_", "-").split("-")[0] or "en"


@dataclass(frozen=True)
class _Language:
    code: str  # ISO 639-1
    yake_code: str
    stopwords: frozenset[str]
    stemmer: object | None  # snowballstemmer stemmer, or None: exact matching

    @property
    def english(self) -> bool:
        return self.code == "en"

    def stem(self, word: str) -> str:
        return _stem(self, word)


@lru_cache(maxsize=None)
def _extractor(yake_code: str, top: int, dedup: bool) -> yake.KeywordExtractor:
    # dedup_lim >= 1.0 makes yake return every valid candidate, sorted, without its string dedup.
    return yake.KeywordExtractor(lan=yake_code, n=YAKE_NGRAM, top=top,
                                 dedup_lim=0.9 if dedup else 1.0)


@lru_cache(maxsize=None)
def _language(language: str) -> _Language:
    code = _iso_code(language)
    yake_code = _YAKE_CODES.get(code, code)
    algorithm = _SNOWBALL.get(code)
    return _Language(
        code=code,
        yake_code=yake_code,
        stopwords=frozenset(_extractor(yake_code, 10, True).stopword_set - {""}),
        stemmer=snowballstemmer.stemmer(algorithm) if algorithm else None,
    )


@lru_cache(maxsize=65536)
def _stem(lang: _Language, word: str) -> str:
    return lang.stemmer.stemWord(word) if lang.stemmer is not None else word


# --------------------------------------------------------------------------- English word lists

def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_REPORTING = _words("""
    say says said saying tell tells told telling add adds added adding according accordingly
    report reports reported reporting reportedly argue argues argued arguing believe believes
    believed claim claims claimed claiming stated note notes noted noting explain explains
    explained explaining warn warns warned warning stress stresses stressed emphasize
    emphasizes emphasized emphasise emphasises emphasised insist insists insisted announce
    announces announced confirm confirms confirmed deny denies denied suggest suggests
    suggested describe describes described assert asserts asserted acknowledge acknowledges
    acknowledged admit admits admitted reveal reveals revealed indicate indicates indicated
    ask asks asked asking quote quoted quoting cite cites cited write writes wrote written
    consider considers considered think thinks comment comments commented remark remarks
    remarked reply replies replied respond responds responded urge urges urged conclude
    concludes concluded spoke speaking spokesman spokeswoman spokesperson allegedly
    editing edited interview interviews interviewed via
""")
_GENERIC = _words("""
    report reports statement statements people person persons year years time times week
    weeks month months day days today yesterday tomorrow tonight morning afternoon evening
    night nights hour hours minute minutes moment moments official officials source sources
    percent news article articles story stories comment comments press update updates photo
    photos picture pictures image images video videos thing things way ways part parts number
    numbers lot lots end start place places point points issue issues group groups region
    regions area areas country countries side sides term terms kind type fact facts matter
    reason reasons question questions member members level levels role use effort efforts
    man men woman women situation example information details detail case cases world
    recent past future current latest term
""")
_TEMPORAL = _words("""
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday mon tue tues wed thu thur thurs fri sat sun weekend weekday decade decades
    century centuries season seasons quarter
""")
_NUMBER_WORDS = _words("""
    zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty
    ninety hundred hundreds thousand thousands million millions billion billions trillion
    dozen dozens half first second third fourth fifth sixth seventh eighth ninth tenth once
    twice several many numerous
""")
# Titles and abbreviations written with a period that does not end the sentence ("Gen. James")
_ABBREVIATIONS = _words("""
    mr mrs ms dr gen sen sens rep reps gov govs lt col sgt capt cmdr st jr sr prof rev hon pres
    adm maj cpl pvt supt det insp gov no vs etc inc corp co ltd bros dept univ
""")
# Common English words ending in -ly that are not adverbs
_LY_NOUNS = _words("""
    family supply assembly rally ally anomaly monopoly reply jelly belly bully lily butterfly
    melancholy italy july sicily homily fly firefly oligopoly
""")
# Roles that name no subject on their own
_ROLES = _words("""
    president vice minister prime governor senator sen representative congressman
    congresswoman mayor secretary chairman chairwoman chair director chief ceo executive
    leader head manager coach spokesman spokeswoman adviser advisor commander officer
    expert experts analyst analysts researcher specialist specialists professor mr ms mrs
""")
# The only function word kept inside an English keyword ("Walk of Fame", "Bank of America")
_INNER_WORDS = frozenset({"of"})
_NON_TOPICAL = _ROLES | _REPORTING | _GENERIC | _TEMPORAL | _NUMBER_WORDS | _ABBREVIATIONS

# English demonyms that suffix rules cannot derive (adjective -> place)
_IRREGULAR_DEMONYMS = {
    "british": "britain", "turkish": "turkey", "spanish": "spain", "polish": "poland",
    "french": "france", "dutch": "netherlands", "swiss": "switzerland", "greek": "greece",
    "german": "germany", "danish": "denmark", "swedish": "sweden", "finnish": "finland",
    "irish": "ireland", "scottish": "scotland", "welsh": "wales", "english": "england",
    "norwegian": "norway", "filipino": "philippines", "thai": "thailand",
    "afghan": "afghanistan", "peruvian": "peru", "belgian": "belgium", "emirati": "emirates",
    "argentine": "argentina", "argentinian": "argentina", "portuguese": "portugal",
    "icelandic": "iceland", "haitian": "haiti", "cypriot": "cyprus", "czech": "czechia",
}
# (suffix, replacement): Iraqi->Iraq, Iranian->Iran, Syrian->Syria, Canadian->Canada,
# Ukrainian->Ukraine, Italian->Italy, American->America, Mexican->Mexico, European->Europe,
# Japanese->Japan, Chinese->China, Lebanese->Lebanon, Kurdish->Kurd, Somali->Somalia
_DEMONYM_SUFFIXES = (
    ("i", ""), ("i", "ia"), ("ian", ""), ("ian", "ia"), ("ian", "a"), ("ian", "e"), ("ian", "y"),
    ("an", "a"), ("an", "o"), ("ean", "e"), ("ese", ""), ("ese", "a"), ("ese", "on"),
    ("ish", ""),
)

_ADVERB_RE = re.compile(r"^[a-z]{3,}(?:ally|ently|antly|ately|ously|ively|edly|ibly|ably|ingly)$")
_PARTICIPLE_RE = re.compile(r"^[a-z]{3,}[^e]ed$")
_GERUND_RE = re.compile(r"^[a-z]{2,}ing$")
_ADJECTIVE_RE = re.compile(r"^[a-z]{3,}(?:ional|ical|ous)$")
_LY_RE = re.compile(r"^[a-z]{3,}ly$")
_NUMBER_RE = re.compile(r"^[\d.,:/%-]+(?:st|nd|rd|th|s)?$")

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


def _tokenize(block: str, english: bool, case_informative: bool) -> list[_Token]:
    tokens: list[_Token] = []
    prev_end = 0
    sentence_start = True
    for match in _WORD_RE.finditer(block):
        start = match.start()
        gap = block[prev_end:start]
        joined = gap == " " or not gap.strip()
        if not joined and _SENTENCE_GAP_RE.search(gap):
            sentence_start = True
        raw = match.group()
        prev_end = match.end()
        surface = _trim(raw)
        if surface:
            tokens.append(_Token(surface, _token_key(surface, english),
                                 case_informative and not sentence_start, joined and bool(tokens)))
            sentence_start = _ends_sentence(raw, surface, english)
        else:
            sentence_start = sentence_start or _ends_sentence(raw, raw, english)
    return tokens


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


def _document(title: str | None, text_blocks: Sequence[str], english: bool) -> _Document:
    tokens: list[_Token] = []
    if title:
        tokens += _tokenize(normalize_typography(title), english, not _is_title_case(title))
    title_length = len(tokens)
    for block in text_blocks:
        for line in normalize_typography(block).split("\n"):
            tokens += _tokenize(line, english, True)
    positions: dict[str, list[int]] = {}
    written: Counter = Counter()  # (key, surface) of informative tokens
    for i, token in enumerate(tokens):
        positions.setdefault(token.key, []).append(i)
        if token.informative:
            surface = token.surface
            if english and len(surface) != len(token.key):  # "Iran's" -> "Iran"
                surface = surface[:len(token.key)]
            written[token.key, surface] += 1
    forms: dict[str, str] = {}
    best: dict[str, int] = {}
    for (key, surface), count in written.items():  # ties: the first written wins
        if count > best.get(key, 0):
            forms[key], best[key] = surface, count
    proper = frozenset(key for key, form in forms.items() if form[:1].isupper())
    return _Document(tuple(tokens), positions, proper, forms, title_length,
                     Vocabulary(frozenset(positions), proper))


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
    parts = {p for w in words for p in w.split("-")}
    if not parts.isdisjoint(_REPORTING):
        return True
    if all(_NUMBER_RE.match(p) for p in parts - _NON_TOPICAL - lang.stopwords):
        return True  # nothing topical: numbers, dates, generic news words
    if any(w in lang.stopwords and w not in _INNER_WORDS for w in words[1:-1]):
        return True  # "Milan and Paris", "falls to two-year", "visited the Sindh"

    def common(word: str) -> bool:  # not a proper noun of this text
        return word not in doc.proper

    first, last = words[0], words[-1]
    if {first, last} & (_TEMPORAL | _ABBREVIATIONS):
        return True
    if _ADJECTIVE_RE.match(last) or common(first) and _ADVERB_RE.match(first):
        return True  # "regional", "South Dakota National", "wrongly convicted"
    if common(last) and (_PARTICIPLE_RE.match(last) or _LY_RE.match(last) and last not in _LY_NOUNS):
        return True  # "Iraqi armed", "man wrongly"
    if len(words) > 1 and common(first) and _GERUND_RE.match(first) and not common(words[1]):
        return True  # "keeping Iraqi militias", "activating Hezbollah"
    if len(words) == 3 and not common(first) and not common(last) and common(words[1]) \
            and words[1] not in _INNER_WORDS:
        return True  # "Iran views Iraq": subject, verb, object
    return False


def _continues_name(index: int, doc: _Document) -> bool:
    """Whether the token at ``index`` carries on a name: capitalised, right after the previous."""
    if index >= len(doc.tokens):
        return False
    token = doc.tokens[index]
    return token.joined and token.surface[:1].isupper()


def _acceptable(words: Sequence[str], lang: _Language, doc: _Document,
                excluded: _Exclusions) -> bool:
    if not words or not is_valid_keyword(" ".join(words)):
        return False
    if excluded.reject(words):
        return False
    if words[0] in lang.stopwords or words[-1] in lang.stopwords:
        return False
    if all(_NUMBER_RE.match(w) for w in words):
        return False
    if lang.english and _english_rejects(words, lang, doc):
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


# --------------------------------------------------------------------------- grouping and labels

@dataclass
class _Candidate:
    words: tuple[str, ...]  # lower-case keys, as YAKE gives them
    stems: frozenset[str]
    rank: int


def _candidate_words(keyword: str, lang: _Language, doc: _Document) -> tuple[str, ...]:
    """YAKE's candidate as token keys, reduced to the subject it names (English)."""
    words = tuple(_token_key(_trim(w), lang.english) for w in keyword.split())
    if not lang.english:
        return words
    if len(words) == 1:  # a bare demonym stands for its place: "Iranian" -> "Iran"
        base = _demonym_base(words[0], doc.vocabulary)
        if base != words[0]:
            return (base,)
    elif (words[0] not in doc.proper or words[0] in _ROLES) and all(w in doc.proper for w in words[1:]):
        return words[1:]  # a role before a name: "coach John Fox", "President Barack Obama"
    return words


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


def _occurrences(words: tuple[str, ...], doc: _Document) -> list[int]:
    """Start indexes where the token keys spell ``words`` without punctuation in between."""
    n = len(words)
    if n == 1:
        return doc.positions.get(words[0], [])
    found = []
    for start in doc.positions.get(words[0], ()):
        end = start + n
        if end <= len(doc.tokens) and all(
                doc.tokens[start + k].key == words[k] and (k == 0 or doc.tokens[start + k].joined)
                for k in range(n)):
            found.append(start)
    return found


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
    written = Counter(tuple(t.surface for t in span) for span in spans if all(t.informative for t in span))
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
    return " ".join(surfaces)


class _Choice(NamedTuple):
    label: str
    cand: _Candidate
    group: int  # index of the group it labels


def _labels(group: Sequence[_Candidate], lang: _Language, doc: _Document) -> Iterator[tuple[str, _Candidate]]:
    """Members of the group with their labels, best first (lazily: usually one is used)."""
    counts = _mention_counts(group, doc) if len(group) > 1 else {group[0].words: 0}
    for cand in sorted(group, key=lambda c: (-counts[c.words], c.rank)):
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


# --------------------------------------------------------------------------- public API

def extract_keywords(title: str | None, paragraphs: Sequence[str], language: str = "en", *,
                     top: int = 8, exclude: Iterable[str] = ()) -> tuple[str, ...]:
    """The article's main subjects, best first: at most ``top``, pairwise not near-duplicates.

    Deterministic and free of I/O once the language's YAKE stopwords are loaded (first call).
    Fewer than ``top`` only when the text offers fewer acceptable candidates.
    """
    top = max(1, int(top))
    paragraphs = [p for p in paragraphs if p and p.strip()]
    text = prepare_text(title, paragraphs)
    if not text.strip():
        return ()
    lang = _language(language)
    doc = _document(title, paragraphs, lang.english)
    excluded = _exclusions(exclude, lang)

    candidates = []
    memo: dict[str, str] = {}
    for rank, (keyword, _score) in enumerate(_extractor(lang.yake_code, 10**9, False).extract_keywords(text)):
        words = _candidate_words(keyword, lang, doc)
        if not _acceptable(words, lang, doc, excluded):
            continue
        stems = _stem_set(words, lang, doc.vocabulary, memo)
        if stems:
            candidates.append(_Candidate(words, stems, rank))
            if len(candidates) >= MAX_CANDIDATES:
                break

    groups = _group(candidates)
    chosen: list[_Choice] = []
    next_group = 0
    while next_group < len(groups):
        while len(chosen) < top and next_group < len(groups):
            for label, cand in _labels(groups[next_group], lang, doc):
                if _fits(label, cand.stems, chosen):
                    chosen.append(_Choice(label, cand, next_group))
                    break
            next_group += 1
        if not _merge_compounds(chosen, groups, lang, doc):
            break
    while _merge_compounds(chosen, groups, lang, doc):
        pass
    return tuple(choice.label for choice in chosen)


def raw_yake(text: str, language: str = "en", top: int = 10) -> list[str]:
    """Plain YAKE (n=3, its default de-duplication) on ``text`` as given: the baseline."""
    if not text or not text.strip():
        return []
    lang = _language(language)
    return [kw for kw, _score in _extractor(lang.yake_code, top, True).extract_keywords(text)]
