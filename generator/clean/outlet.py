"""The outlet where the page names it only in passing: in its own reporting, a photo caption's
credit, or a note to its readers.

These are the weakest signs, used only when no dateline, credit, byline, prompt or copyright line
names the outlet. "X told Reuters" is no sign at all: stories quote what people told other outlets
as often as what they told their own. What marks the outlet as the one doing the reporting is its
own voice: "Contacted by X, the ministry said ...", "told X's Uyghur Service", "X could not
independently verify", "X has learned". Such a sign counts only when no other news organisation is
named in reporting language on the page.
"""
from __future__ import annotations

import re

_NAME = r"(?:[Tt]he\s+)?[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3}?"
# The outlet's own voice: it contacted someone, it has a language service, it could not verify.
_OWN_VOICE = re.compile(
    r"(?:^|[.!?][\"”’]?\s+)(?:Contacted|Reached|Approached)\s+by\s+(?P<contacted>" + _NAME + r")"
    r"(?:\s+(?:reporters?|journalists?|correspondents?|staff))?\s*,|"
    r"\b(?:told|to|with)\s+(?P<service>" + _NAME + r")['’]s\s+(?:[A-Z][a-z]+\s+){1,2}(?:Service|Desk|Bureau)\b|"
    r"(?:^|[.!?][\"”’]?\s+(?:But\s+|However,\s+)?|,\s+(?:but|and)\s+)(?P<verify>" + _NAME + r")\s+(?:could\s+not|cannot|can\s+not|was\s+unable\s+to|"
    r"has\s+not\s+been\s+able\s+to)\s+independently\s+(?:verify|confirm)\b|"
    r"(?:^|[.!?][\"”’]?\s+)(?P<learned>" + _NAME + r")\s+(?:has\s+learned|learnt|gathered|understands)\s+that\b|"
    # "..., RFE/RL's Russian Service reports.": the outlet's language service reporting
    r"\b(?P<reports>[A-Z][\w&'’./-]*(?:\s+[A-Z][\w&'’./-]*){0,2})['’]s\s+(?:[A-Z][a-z]+\s+){1,2}(?:Service|Desk|Bureau)"
    r"\s+(?:reports|reported|has\s+learned)\b")
_OWN_VOICE_HINT = re.compile(r"ed by |['’]s [A-Z][a-z]+ (?:[A-Z][a-z]+ )?(?:Service|Desk|Bureau)|independently|"
                             r"(?:has learned|learnt|gathered|understands) that")
# Any reporting phrase naming whom people spoke to: "told CNN", "said in an interview with X".
_TOLD = re.compile(r"\b(?:told|explained\s+to|clarified\s+to|confirmed\s+to|said\s+to|speaking\s+to|"
                   r"in\s+an\s+interview\s+with|(?:Contacted|contacted|Reached|reached)\s+by)\s+"
                   r"(?P<name>" + _NAME + r")(?=['’]s\b|[\s,.;:!?]|$)")
# A news organisation by its shape: initials ("CNN", "RFA"), or a name with a newsroom word.
_NEWSROOM = re.compile(r"^[A-Z]{2,6}$|\b(?:News|Times|Post|Journal|Herald|Radio|TV|Television|Press|Agency|Tribune|"
                       r"Telegraph|Guardian|Daily|Magazine|Network|Channel|Broadcasting|Service|Wire|Gazette)\b")
def is_newsroom(name: str) -> bool:
    """"AFP", "Saudi Press Agency", "The Valley Times": a news organisation by its name's shape."""
    return bool(_NEWSROOM.search(name.strip()))


_PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "this", "that", "the", "a", "an", "his", "her", "its", "our"}


def _fold(text: str) -> str:
    return re.sub(r"\W+", " ", re.sub(r"^the\s+", "", text.strip(), flags=re.I)).strip().casefold()


def own_reporting_outlet(paragraphs) -> str | None:
    """The outlet whose own reporting voice the text uses, when it names no other newsroom so."""
    own: dict[str, str] = {}
    for paragraph in paragraphs:
        if not _OWN_VOICE_HINT.search(paragraph):
            continue  # a cheap test first: each sign has one of a few words
        for match in _OWN_VOICE.finditer(paragraph):
            name = next(g for g in match.groups() if g).strip()
            if name.split()[0].casefold() not in _PRONOUNS:
                own.setdefault(_fold(name), name)
    if len(own) != 1:
        return None
    named = {_fold(m.group("name")) for paragraph in paragraphs for m in _TOLD.finditer(paragraph)
             if _NEWSROOM.search(m.group("name").strip())}
    key, name = next(iter(own.items()))
    if named - {key}:
        return None  # the page names another newsroom in reporting language: whose voice is unclear
    return name


# "... on July 10, 2018. (Mainichi)", "... in Lima. (AP Photo/Jane Roe)": a caption closing with its credit.
_CAPTION_CREDIT = re.compile(r"[.!?][\"”’]?\s*\((?:(?i:photo|picture|image)\s*:\s*)?(?P<name>[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,2}?)"
                             r"(?:\s+(?i:photo|photos|pictures?)(?:\s*/\s*[^()]{2,40})?)?\)$")
_NOT_A_PUBLISHER = re.compile(r"\b(?:Images?|Photos?|Pictures?|Stock|Handout|File|Illustration|Courtesy|Screenshot|"
                              r"Graphic|Video)\b", re.I)


def caption_credit(paragraph: str) -> str | None:
    """The newsroom credited at the end of a photo caption: "(Mainichi)", "(AP Photo/Jane Roe)"."""
    if not paragraph.endswith(")"):
        return None
    match = _CAPTION_CREDIT.search(paragraph)
    if not match or _NOT_A_PUBLISHER.search(match.group("name")):
        return None
    return match.group("name")


# A note to the readers: "Dear readers! ... what you would like to see more on Valley Voice."
_READER_NOTE = re.compile(r"^(?:dear\s+readers?|your\s+(?:opinion|feedback|support)\s+matters|"
                          r"we\s+(?:want|would\s+like|'d\s+like)\s+to\s+(?:know|hear)\s+what\s+you\s+think)\b", re.I)
_READER_NOTE_NAME = re.compile(r"\b(?:on|to|support|supporting|of|for)\s+(?P<name>(?:The\s+)?[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3})"
                               r"\s*[.!]")


def reader_note_outlet(line: str) -> str | None:
    """The site a note to its readers names: "Dear readers! ... see more on Valley Voice."."""
    if not _READER_NOTE.match(line):
        return None
    names = {m.group("name") for m in _READER_NOTE_NAME.finditer(line)}
    return names.pop() if len(names) == 1 else None
