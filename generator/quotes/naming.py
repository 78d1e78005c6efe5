"""Cue shapes of wire and world news beyond ``X said``: speaker phrases that name their person after
a description (``a man calling himself Tom Reed``, ``the base chief known as Bob``, ``a protester
who gave his name only as Ana``), verb-first cues with any past-tense verb of speaking (``,”
exhorted actress Ana Ruiz.``), ``X was quoted (by Y) as saying``, a leading ``According to X,
role, “...`` and a participle clause between subject and verb (``Justice X while adjourning the
hearing noted``).
"""
from __future__ import annotations

import re

from generator.newslang import NOT_SPEECH

_WHILE_DOING_RE = re.compile(r"(?<=[\w.)])[ \u00a0]+(?:while|when|after|before|upon)[ \u00a0]+[a-z]{2,}ing\b[^,;:!?“”\"«»]{0,80}[ \u00a0]*$")
_QUOTED_SAYING_RE = re.compile(
    r"^[\s,—–-]*(?P<np>[^\s,.;:!?“”\"«»—()][^,;:!?“”\"«»—]{0,80}?)[ \u00a0]+(?:was|were|is|has[ \u00a0]+been)[ \u00a0]+"
    r"(?:\w+ly[ \u00a0]+)?quoted[ \u00a0]+(?:by[ \u00a0]+[^,;:!?“”\"«»]{1,60}?[ \u00a0]+)?(?:as[ \u00a0]+)?saying\b")
_LEADING_ACCORDING_RE = re.compile(
    r"^[ \u00a0]*according to[ \u00a0]+(?P<np>[^,;:“”\"«»]{1,80}?)(?:,[ \u00a0]*(?P<app>[^,;:“”\"«»]{1,80}?))?"
    r"[ \u00a0]*,[ \u00a0]*$", re.IGNORECASE)


# the description, then the naming words, then the name (one to four capitalised words)
_NAMED_AS_RE = re.compile(
    r"^(?P<desc>[^,;:!?“”\"«»]{1,80}?)[ \u00a0]+(?:(?:who[ \u00a0]+(?:is[ \u00a0]+|was[ \u00a0]+)?)?"
    r"(?:(?:known|identified|named|described|referred[ \u00a0]+to)(?:[ \u00a0]+only)?[ \u00a0]+as"
    r"|(?:calling|calls|called)[ \u00a0]+(?:himself|herself|themselves)"
    r"|(?:going|goes|went)[ \u00a0]+by(?:[ \u00a0]+the[ \u00a0]+(?:name|handle|username|nickname))?"
    r"|(?:gave|gives|giving)[ \u00a0]+(?:his|her|their)[ \u00a0]+(?:first[ \u00a0]+)?name(?:[ \u00a0]+only)?[ \u00a0]+as))"
    r"[ \u00a0]+(?P<name>[A-Z][\w’'.\-]*(?:[ \u00a0]+[A-Z][\w’'.\-]*){0,3})")


def named_as(tail: str) -> tuple[str, int] | None:
    """``a man calling himself Tom Reed, said`` -> (``Tom Reed, a man``, offset after the name):
    a description whose person the same phrase names; None when it names nobody."""
    m = _NAMED_AS_RE.match(tail)
    if m is None:
        return None
    desc = m.group("desc").strip()
    if not desc or desc.split()[0][:1].isupper() and len(desc.split()) > 1 and desc.split()[1][:1].isupper():
        return None  # "Ana Ruiz, known as ...": a name already stands first
    name = m.group("name").rstrip(".")
    return name + ", " + desc, m.end("name")


_ED_VERB_FIRST_RE = re.compile(  # ,” exhorted actress Ana Ruiz.  — any past-tense verb, then the speaker
    r"^[ \u00a0]*,?[ \u00a0]*(?P<verb>[a-z]{3,}ed)[ \u00a0]+(?P<np>(?:the[ \u00a0]+|[a-z]+[ \u00a0]+){0,3}"
    r"[A-Z][\w’'.\-]*(?:[ \u00a0]+(?:[A-Z][\w’'.\-]*|[a-z]{1,3}-[A-Z][\w’'\-]*))*"
    r"|(?:the[ \u00a0]+)?[A-Za-z][\w.\-]*['’]s(?:[ \u00a0]+[a-z][\w\-]*){1,3}(?=[ \u00a0]*,))"
    r"(?P<rest>[ \u00a0]*(?:,[ \u00a0]*(?P<app>[^,;:!?“”\"«»—]{1,80}?)[ \u00a0]*)?(?:[.,;!?]|$))")


def ed_verb_first(tail: str) -> tuple[str, int] | None:
    """``,” exhorted Ana Ruiz, an actress.``: a past-tense verb right after the closing mark,
    then a capitalised name (after at most three lower-case role words) that ends the clause."""
    m = _ED_VERB_FIRST_RE.match(tail)
    if m is None or m.group("verb") in NOT_SPEECH:
        return None
    np = m.group("np")
    if len([w for w in (np + " " + (m.group("app") or "")).split() if w[:1].isupper()]) < 2:
        return None  # ,” angered Republicans. -- one capitalised word may be the verb's object
    app = (m.group("app") or "").strip()
    if app and re.search(r"['’]s\s", np) and all(w[:1].isupper() for w in app.split()[-2:]):
        return app + ", " + np, m.end("np")  # exhorted Ruiz's aide, actress Ana Lee: the name is the apposition's
    if app:
        return np + ", " + app, m.end("np")
    return np, m.end("np")
