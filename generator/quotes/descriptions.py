"""Definite descriptions of people (``the Italian manager``, ``the 28-year-old``, ``the young
captain``): which named person of the article they stand for.

News writers vary the name of the person in focus with a description of them: their role,
age or nationality.  A description resolves, in this order, to

1. the person introduced with that age (``Ana Ruiz, 28,`` ... ``the 28-year-old``);
2. the most recent person whose role contains the description's noun; a role qualified as past
   (``former``/``previous``/``ex-``/``late`` captain) only matches a description that says so too
   (``the young captain`` is not ``previous captain X``);
3. for an age, or a described role (a modifier before the noun: ``the Italian manager``, not
   ``the spokesman``), the one person the headline names when the text never names them; for
   an age or a personal attribute (``the young captain``, not ``the American ambassador``), else
   the most recent named speaker before it.

Otherwise the description stays as written (``the spokesman``, ``the company``).
"""
from __future__ import annotations

import re

from generator.newslang import ROLE_NOUNS, TITLE_WORDS

_AGE_RE = re.compile(r"^(\d{1,3})-year-old$")
_PAST = frozenset({"former", "previous", "late", "outgoing", "past", "ex", "erstwhile"})


def _is_past_word(word: str) -> bool:
    """``former``, ``ex-captain``, ``then-governor`` (not ``pastor``, ``later``)."""
    return word in _PAST or word.startswith(("ex-", "then-"))


def resolve_description(people, words: list[str], position):
    """The person (a ``_Person``) the description ``words`` (``the``/``his``... first) stands for,
    or None.  ``people`` is the article's :class:`~generator.quotes.people._People`."""
    low = [w.lower().strip(".,") for w in words]
    noun = low[-1]
    age = _AGE_RE.match(noun)
    if age is not None:
        found = people.with_age(int(age.group(1)), position)
        return found if found is not None else people.in_focus(position, speaker=True)
    past = any(_is_past_word(w) for w in low[1:-1])
    found = people.last_with_role(noun, position, past)
    if found is not None:
        return found
    described = len(low) >= 3 and low[0] == "the" and (noun in ROLE_NOUNS or noun in TITLE_WORDS) \
        and not any(re.search(r"[’']s?$", w) for w in words[1:]) and not past
    if not described:
        return None
    return people.in_focus(position, speaker=any(w in _PERSONAL for w in low[1:-1]))


# modifiers that describe the person rather than the post: used of the person in focus
_PERSONAL = frozenset({"young", "veteran", "elderly", "embattled", "outspoken", "defiant", "beleaguered",
                       "charismatic", "seasoned", "youthful"})


def is_past_role(role: str) -> bool:
    """``previous captain``, ``former Gov.``: a role the person no longer holds."""
    return any(_is_past_word(w.strip(",.")) for w in role.lower().split())
