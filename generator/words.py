"""Counting words in any script. Imports nothing of the generator, so every stage can use it
(generator.metadata.word_count for the briefing's length; the cleaning stage may use it for the
length of a line).

Scripts that put spaces between words (Latin, Cyrillic, Greek, Arabic, Hebrew, Korean, ...) are
counted by their words. Scripts written without spaces are counted by letters per average word:
Chinese characters and Japanese kana about 1.5; Thai, Lao, Khmer, Myanmar and Tibetan letters about
3 (vowel and tone marks, which sit on a letter, are not counted).
"""
from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[^\W_](?:[\w'’\-]*[^\W_])?")
_CJK = re.compile("[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9d"
                  "\U00020000-\U0003134f]")
_SOUTHEAST = re.compile("[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u0f00-\u0fff]")
_CHARS_PER_WORD = ((_CJK, 1.5), (_SOUTHEAST, 3.0))


def word_units(text: str) -> float:
    """The words of ``text``; a fraction for letters of an unspaced script (sum, then round)."""
    total = 0.0
    for script, per_word in _CHARS_PER_WORD:
        letters = [c for c in script.findall(text) if unicodedata.category(c) != "Mn"]
        if letters:
            total += len(letters) / per_word
            text = script.sub(" ", text)
    return total + len(_WORD.findall(text))


def count_words(text: str) -> int:
    """The number of words of one line or paragraph, in any script."""
    return round(word_units(text))
