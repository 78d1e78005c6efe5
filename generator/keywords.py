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
   A common word alone must be a real subject (English): event, change and amount words
   ("cut", "record", "cost") and verb forms ("built", "left", "-ed") never are; others need
   three body mentions as a noun, or the headline and the body (less in a very short text), and
   are dropped when the body mostly uses them in verb position ("will pay", "he left", "the
   authority cut the quota"). A word seen only at sentence starts or in a Title Case headline is
   dropped, and so is a place in capitals seen only in wire datelines ("LOS ANGELES -"). In
   Arabic, function words with a clitic prefix ("وإن") are stopwords too.
4. **Group near-duplicates.** Each candidate maps to the set of stems of its content words;
   stems fold plurals and possessives (snowball stemmer of the language) and, in English,
   demonyms ("Iranian" -> "Iran" when the article names Iran). Two candidates are
   near-duplicates when one stem set is a subset of the other ("Israel" / "Israeli strikes").
   In rank order, a candidate joins the first group whose head (best-ranked member) it
   near-duplicates, else starts a group.
5. **Label** each group with its member that occurs most often in the text, each mention
   counted once, for the longest member that covers it ("Iraqi militias" is not also counted as
   "militias"); ties go to the better YAKE rank. The label takes the casing it has mid-sentence
   in the article (sentence starts and Title Case headlines are no evidence of a proper noun);
   a word alone is lower case when it is capitalised only inside longer names, and a word in
   capitals takes the casing used elsewhere. When the keyword's first mention in the body ends a
   longer proper name, that name is the label: news writing names in full first and shortens
   afterwards ("Nadia Karam" then "Karam", "Fisheries Authority" then "the authority").
6. **Select** labels in group order, skipping any that near-duplicates a label already chosen.
   When one member names two chosen subjects at once and holds most mentions of the second
   ("Iraq" + "militias", mostly written "Iraqi militias"), it replaces both and frees a slot.
   At most two labels are people's names (next to a reporting verb, "who", or "an economist";
   never after an article): people have their own pages.

Languages other than English get only the language-neutral rules (characters, exclusions,
YAKE's stopwords for that language, numbers, the snowball stemmer of that language or exact
matching when there is none); no English word list is applied to them.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Iterator, NamedTuple, Sequence

# yake (with NumPy and NetworkX) and snowballstemmer are imported when first used (load()): a
# process that only cleans articles and finds their quotations never pays for them.

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
_TYPOGRAPHY_CHARS = {chr(code): mapped for code, mapped in _TYPOGRAPHY.items()}
# the same mapping as a search: str.translate looks up every character, this only the few it maps
_TYPOGRAPHY_RE = re.compile("[" + "".join(re.escape(c) for c in _TYPOGRAPHY_CHARS) + "]")
_SPACES_RE = re.compile(r"[ \t\r\f\v]+")


def _typography_char(match: re.Match) -> str:
    return _TYPOGRAPHY_CHARS[match.group()]
_ENDS_SENTENCE_RE = re.compile(r"""[.!?;:]['")\]]*$""")


def normalize_typography(text: str) -> str:
    """Map quotes, dashes and non-Latin punctuation to the ASCII marks YAKE treats as punctuation."""
    if text.isascii():  # of the table, only the backquote is ASCII
        if "`" in text:
            text = text.replace("`", "'")
    else:
        text = _TYPOGRAPHY_RE.sub(_typography_char, text)
    if "  " in text or "\t" in text or "\r" in text or "\f" in text or "\v" in text:
        text = _SPACES_RE.sub(" ", text)
    return text


def _terminated(line: str) -> str:
    line = line.strip()
    if line and not _ENDS_SENTENCE_RE.search(line):
        line += "."
    return line


def prepare_text(title: str | None, paragraphs: Sequence[str]) -> str:
    """Title and paragraphs as one text in which every line ends a sentence."""
    return _joined_text(normalize_typography(title or ""), [normalize_typography(p) for p in paragraphs])


def _joined_text(title: str, blocks: Sequence[str]) -> str:
    """:func:`prepare_text` of a title and paragraphs already passed through normalize_typography."""
    lines = (_terminated(line) for block in (title, *blocks) for line in block.split("\n"))
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
    english: bool = False  # code == "en" (a field: read for every candidate and token)

    def stem(self, word: str) -> str:
        return _stem(self, word)


def load(language: str = "en") -> None:
    """Import YAKE and make the extractor for ``language``: what extract_keywords would do on
    its first call, done ahead (before worker processes are forked, so that they share it)."""
    _extractor(_language(language).yake_code, 10**9, False)


@lru_cache(maxsize=None)
def _extractor(yake_code: str, top: int, dedup: bool):
    import yake

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
        stemmer=_stemmer(algorithm) if algorithm else None,
        english=code == "en",
    )


def _stemmer(algorithm: str):
    """The snowball stemmer of ``algorithm``: PyStemmer's (C) where installed, as snowballstemmer
    itself prefers; its pure-Python one otherwise. The stems are the same; the C one is imported
    in a millisecond where the Python one imports every language's module (30 ms)."""
    import snowballstemmer

    return snowballstemmer.stemmer(algorithm)


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
# Words that name a change, an event of the news cycle or an amount, not what it is about: a
# "cut", a "record", an "approval" or a "cost" is a subject only with its noun ("quota cut",
# "record heat"). Kept inside phrases; never a keyword on their own.
_EVENT_WORDS = _words("""
    cut cuts rise rises fall falls increase increases decrease decreases drop drops decline
    declines hike hikes jump jumps surge surges slump boost boosts reduction reductions gain
    gains record records high highs low lows decision decisions move moves plan plans approval
    proposal proposals announcement step steps attempt attempts cost costs amount
    sum total share figure figures rate change changes
""")
# Irregular past tenses and participles of the commonest English verbs: "built", "left", "made"
# are verb forms, almost never topic names on their own.
_IRREGULAR_VERB_FORMS = _words("""
    been was were had did done went gone got gotten made knew known thought took taken saw seen
    came gave given told found felt became left put meant kept let began begun brought held
    stood heard ran run sat lost paid met set led understood spoke spoken read spent grew grown
    won bought sent built fell fallen cut hit hurt shut spread chose chosen wrote written drove
    driven broke broken drew drawn threw thrown caught taught sold rose risen woke woken wore
    worn sought fought shot struck stuck hung dealt fed fled forgot forgotten forgave hid hidden
    laid lent lit quit rode shook shone slept slid sought sank sunk swore sworn swept swam swung
    tore torn withdrew withdrawn
""")
# Words before which a word in verb position stands: subject pronouns, modals and auxiliaries
# ("he left", "will pay", "had cut").
_VERB_BEFORE = _words("""
    i you he she it we they who will would can could shall should may might must do does did
    has have had not never also still already just cannot 'll 'd
""")
# Copulas: a participle after them is a verb ("was built")
_COPULAS = _words("is are was were be been being get gets got")
# Determiners and object pronouns: a word right after a noun and before one of these is a verb
# ("the authority cut the quota", "fruit left to rot")
_DETERMINERS = _words("""
    the a an this that these those his her its their our my your some any every each no all
    him them us me to
""")
# The only function word kept inside an English keyword ("Walk of Fame", "Bank of America")
_INNER_WORDS = frozenset({"of"})
_NON_TOPICAL = _ROLES | _REPORTING | _GENERIC | _TEMPORAL | _NUMBER_WORDS | _ABBREVIATIONS
_EDGE_REJECTS = _TEMPORAL | _ABBREVIATIONS  # never the first or last word of an English keyword
_NOT_NAME_WORDS = _ROLES | _TEMPORAL | _REPORTING | _ABBREVIATIONS  # capitalised, yet no part of a name

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


# --------------------------------------------------------------------------- Arabic function words

# Arabic writes conjunctions, prepositions and the article as prefixes ("وإن" = "and that"): a
# function word with a clitic is still a function word. Compared without hamza on the alef, as
# YAKE's Arabic list is written.
_AR_CLITICS = ("وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك")
_AR_FUNCTION_WORDS = frozenset("""
    ان انه انها لان كان لكن بل ام اذ اذا اذن هل لو ليس ليست عن الى على في من مع قد لقد سوف كي
    لكي ما لا لم لن ثم او اي التي الذي الذين هذا هذه ذلك تلك هو هي هم هن نحن انا انت بين عند
    حتى حيث كما مثل دون غير بعد قبل كل بعض ايضا منذ خلال نحو لدى عليه عليها فيه فيها منه منها
""".split())
_AR_ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي"})


@lru_cache(maxsize=4)
def _arabic_stopwords(stopwords: frozenset[str]) -> frozenset[str]:
    return _AR_FUNCTION_WORDS | {w.translate(_AR_ALEF) for w in stopwords}


def _arabic_function_word(word: str, lang: _Language) -> bool:
    """A stopword, alone or behind one clitic ("وإن", "فإن", "بأن", "لهذا")."""
    plain = word.translate(_AR_ALEF)
    stop = _arabic_stopwords(lang.stopwords)
    if plain in stop:
        return True
    return any(plain.startswith(c) and plain[len(c):] in stop for c in _AR_CLITICS if len(plain) > len(c) + 1)


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
    if len(words) == 3 and first in proper and last in proper and words[1] not in proper \
            and words[1] not in _INNER_WORDS:
        return True  # "Iran views Iraq": subject, verb, object
    return False


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
    if lang.english and _english_rejects(words, lang, doc):
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


# --------------------------------------------------------------------------- full names

# Lower-case words allowed inside a name ("Institute for Energy Transition", "University of the
# South", "Bashar al-Assad" is one token)
_NAME_CONNECTORS = _words("of for the de du des del della da dos van von der den la le al bin")
MAX_NAME_WORDS = 5
MAX_PEOPLE = 2  # people have their own pages: at most two names of people among the keywords
_ARTICLES = _words("the a an")


def _name_word(token: _Token, lang: _Language, doc: _Document) -> bool:
    """A capitalised token that belongs to a name: capitalised where casing is evidence, or at a
    sentence start when the text never writes it in lower case ("Nadia Karam, who ...")."""
    surface, key = token.surface, token.key
    if not surface[:1].isupper() or key in lang.stopwords:
        return False
    if lang.english and key in _NOT_NAME_WORDS:
        return False
    return token.informative or key in doc.proper or key not in doc.lower


def _name_runs(lang: _Language, doc: _Document) -> dict[int, tuple[int, int]]:
    """Body token index -> (start, end) of the multi-word proper name it belongs to."""
    if "runs" in doc.memo:
        return doc.memo["runs"]
    runs: dict[int, tuple[int, int]] = {}
    tokens, i, n = doc.tokens, doc.title_length, len(doc.tokens)
    while i < n:
        if not tokens[i].surface[:1].isupper() or not _name_word(tokens[i], lang, doc):
            i += 1
            continue
        start, end = i, i + 1
        # a possessive ends a name: "Lebanon's Hezbollah" is two names, not one
        while end < n and not tokens[end - 1].surface.endswith(("'s", "’s")) and not tokens[end - 1].apostrophe:
            j = end
            while j < n and j - end < 2 and tokens[j].joined and tokens[j].key in _NAME_CONNECTORS \
                    and tokens[j].surface.islower():
                j += 1
            # a sentence start (not informative in the body) begins a name, never continues one
            if j < n and tokens[j].joined and tokens[j].informative and _name_word(tokens[j], lang, doc):
                end = j + 1
            else:
                break
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


# --------------------------------------------------------------------------- grouping and labels

@dataclass
class _Candidate:
    words: tuple[str, ...]  # lower-case keys, as YAKE gives them
    stems: frozenset[str]
    rank: int


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


# --------------------------------------------------------------------------- public API

def extract_keywords(title: str | None, paragraphs: Sequence[str], language: str = "en", *,
                     top: int = 8, exclude: Iterable[str] = ()) -> tuple[str, ...]:
    """The article's main subjects, best first: at most ``top``, pairwise not near-duplicates.

    Deterministic and free of I/O once the language's YAKE stopwords are loaded (first call).
    Fewer than ``top`` only when the text offers fewer acceptable candidates.
    """
    top = max(1, int(top))
    paragraphs = [p for p in paragraphs if p and p.strip()]
    normal_title = normalize_typography(title) if title else ""
    normal_blocks = [normalize_typography(p) for p in paragraphs]
    text = _joined_text(normal_title, normal_blocks)
    if not text.strip():
        return ()
    lang = _language(language)
    doc = _document_of(title, normal_title, normal_blocks, lang.english)
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
            people = sum(1 for c in chosen if _is_person(c.cand, c.label, lang, doc))
            for label, cand in _labels(groups[next_group], lang, doc):
                if excluded.pattern is not None and excluded.pattern.search(normalize_typography(label).lower()):
                    continue  # a label widened to a full name may take an excluded name back in
                if _fits(label, cand.stems, chosen):
                    if people < MAX_PEOPLE or not _is_person(cand, label, lang, doc):
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
