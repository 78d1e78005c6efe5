"""Typography normalisation, languages (YAKE stopwords, snowball stemmers) and Arabic function words."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence


YAKE_NGRAM = 3

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


# --------------------------------------------------------------------------- Arabic function words

# Arabic writes conjunctions, prepositions and the article as prefixes ("وإن" = "and that"): a
# function word with a clitic is still a function word. Compared without hamza on the alef, as
# YAKE's Arabic list is written.
_AR_CLITICS = ("وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك")
_AR_FUNCTION_WORDS = frozenset("""
    ان انه انها لان كان لكن بل ام اذ اذا اذن هل لو ليس ليست عن الى على في من مع قد لقد سوف كي
    لكي ما لا لم لن ثم او اي التي الذي الذين هذا هذه ذلك تلك هو هي هم هن نحن انا انت بين عند
    حتى حيث كما مثل دون غير بعد قبل كل بعض ايضا منذ خلال نحو لدى عليه عليها فيه فيها منه منها
    بينما عندما حين حينما لما ربما الا لاجل اثناء
""".split())
_AR_ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي"})


@lru_cache(maxsize=4)
def _arabic_stopwords(stopwords: frozenset[str]) -> frozenset[str]:
    return _AR_FUNCTION_WORDS | {w.translate(_AR_ALEF) for w in stopwords}


# Particles and subject pronouns a verb follows: "لا نرى" (we do not see), "لن يعود", "نحن نرى",
# "كما نرى" (as we see). Compared without hamza on the alef, like the function words.
_AR_VERB_BEFORE = frozenset("لم لن لا سوف قد لقد كي لكي كما نحن هو هي هم انا انت انتم".split())


def _arabic_verb_before(word: str) -> bool:
    """Whether ``word`` is a particle or pronoun after which Arabic puts a verb."""
    plain = word.translate(_AR_ALEF)
    return plain in _AR_VERB_BEFORE or plain[:1] in "وف" and plain[1:] in _AR_VERB_BEFORE


def _arabic_function_word(word: str, lang: _Language) -> bool:
    """A stopword, alone or behind one clitic ("وإن", "فإن", "بأن", "لهذا")."""
    plain = word.translate(_AR_ALEF)
    stop = _arabic_stopwords(lang.stopwords)
    if plain in stop:
        return True
    return any(plain.startswith(c) and plain[len(c):] in stop for c in _AR_CLITICS if len(plain) > len(c) + 1)
