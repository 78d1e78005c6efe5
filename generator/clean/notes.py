"""What page furniture states about the article: translation notes, the outlet, wire credits.

A translator's note ("Translated from the Arabic", "Translated by X", "This is the translation of
...", "The original Chinese-language post follows:") says the article is a translation; the outlet
is named by a wire dateline ("BAGHDAD (Reuters) -", "ISLAMABAD, Nov 16 (APP):"), a sign-off
("- REUTERS", "(dpa)"), a source line ("Source: X"), a prompt ("Discover more from X"), a byline
("By X, Outlet Reporter"), a logo's alt text ("X Logo") or a copyright line. Each rule is about the
shape such lines have on any site, never one site's wording.
"""
from __future__ import annotations

import re

from generator.clean.shapes import SECTION_WORDS


LANGUAGE_NAMES = {
    "afrikaans": "af", "albanian": "sq", "amharic": "am", "arabic": "ar", "armenian": "hy",
    "azerbaijani": "az", "basque": "eu", "belarusian": "be", "bengali": "bn", "bosnian": "bs",
    "bulgarian": "bg", "burmese": "my", "catalan": "ca", "chinese": "zh", "mandarin": "zh",
    "cantonese": "zh", "croatian": "hr", "czech": "cs", "danish": "da", "dari": "fa", "dutch": "nl",
    "english": "en", "estonian": "et", "farsi": "fa", "persian": "fa", "filipino": "tl",
    "finnish": "fi", "french": "fr", "georgian": "ka", "german": "de", "greek": "el",
    "gujarati": "gu", "hausa": "ha", "hebrew": "he", "hindi": "hi", "hungarian": "hu",
    "icelandic": "is", "indonesian": "id", "irish": "ga", "italian": "it", "japanese": "ja",
    "kazakh": "kk", "khmer": "km", "korean": "ko", "kurdish": "ku", "kyrgyz": "ky", "lao": "lo",
    "latvian": "lv", "lithuanian": "lt", "macedonian": "mk", "malay": "ms", "malayalam": "ml",
    "maltese": "mt", "marathi": "mr", "mongolian": "mn", "nepali": "ne", "norwegian": "no",
    "pashto": "ps", "polish": "pl", "portuguese": "pt", "punjabi": "pa", "romanian": "ro",
    "russian": "ru", "serbian": "sr", "sinhala": "si", "slovak": "sk", "slovenian": "sl",
    "somali": "so", "spanish": "es", "swahili": "sw", "swedish": "sv", "tagalog": "tl",
    "tajik": "tg", "tamil": "ta", "telugu": "te", "thai": "th", "tigrinya": "ti", "turkish": "tr",
    "turkmen": "tk", "ukrainian": "uk", "urdu": "ur", "uzbek": "uz", "vietnamese": "vi",
    "welsh": "cy", "yoruba": "yo", "zulu": "zu",
}
UNNAMED_LANGUAGE = "und"  # ISO 639-2 "undetermined": the note says "translated" but not from what
_LANG = r"([A-Z][a-z]+)"
_TRANSLATION_NOTE = re.compile(
    r"^[(\[*_]*(?:"
    # "The article is a translation of the original Arabic." / "This is a translation from French"
    r"(?:this|the(?:\s+following)?)\s+(?:article|report|story|piece|text|interview|column|op-ed|editorial|post)?"
    r"(?:\s+(?:excerpt|extract|transcript|version))?(?:\s+below)?\s*(?:is|was|has been)\s+(?:an?\s+)?(?:(?:edited|abridged|partial|english|full)\s+)?"
    r"(?:translat(?:ion|ed))\s+(?:of|from)\s+(?:the\s+)?(?:original\s+)?(?:in\s+)?" + _LANG +
    r"|(?:this|the)\s+(?:article|report|story|piece|text|interview|column|op-ed|editorial|post)\s+"
    r"(?:is|was|has been)\s+(?:originally\s+|first\s+)?(?:published|written)\s+in\s+" + _LANG +
    r"(?:\s+and\s+(?:has been\s+|was\s+)?translated)"
    # "This article was originally published in Spanish [by X]." (so what is here is a translation)
    r"|(?:this|the)\s+(?:article|report|story|piece|interview|column|op-ed|editorial|post)\s+(?:was|is)\s+"
    r"(?:originally|first)\s+(?:published|written|posted)\s+in\s+" + _LANG + r"(?=\s+(?:by|on|in)\b|\s*[.;,)]|$)"
    # "Read the original in Spanish", "Original article in Russian"
    r"|(?:read\s+(?:the\s+|this\s+)?)?original\s+(?:article|text|version|post|story\s+)?\s*(?:is\s+)?in\s+" + _LANG + r"(?=\s*[.:]?$)"
    # "(Editor's note: This is a translation of an interview first published in Italian.)"
    r"|editor['’]?s\s+note\s*:\s*(?:this|the\s+following)\s+is\s+an?\s+(?:\w+\s+)?translation\b[^\n]{0,100}?\bin\s+" + _LANG +
    # "Translated from the Arabic by ..." / "Translation from Arabic: ..." / "Translated by X from French"
    r"|(?:edited\s+and\s+)?translat(?:ed|ion)\s+(?:by\s+[^.]{1,60}?\s+)?from\s+(?:the\s+)?(?:original\s+)?" + _LANG +
    r"|(?:original(?:ly)?\s+(?:published\s+)?in\s+)" + _LANG + r"[;,.]?\s+translated"
    # "The original Chinese-language post follows:" / "The original Persian text is below"
    r"|the\s+original\s+" + _LANG + r"(?:[- ]language)?\s+(?:post|text|article|version|statement|letter|"
    r"report|story|message)\s+(?:follows|is\s+below|reads|can\s+be\s+found)"
    r")\b[^\n]{0,120}$",
    re.I,
)
# Notes that say "translated" without the language: credits and statements.
_UNNAMED_NOTE = re.compile(
    # "Translated by Staff", "Edited and translated by X", "Iran Press News: Translation by X"
    r"^[(\[*_]*(?:(?P<outlet>[A-Z][\w&'’.-]*(?:\s+[A-Z0-9][\w&'’.-]*){0,4})\s*:\s*)?"
    r"(?:(?:edited|compiled|written|reported)\s+and\s+)?(?:english\s+|our\s+)?(?:translat(?:ed|ion|or)|traducci[oó]n|traducido|"
    r"traduction|traduit|traduzione|tradotto|übersetzung|übersetzt|ترجمة)(?:\s+(?:and|y|et|und)\s+(?:edit(?:ed|ing)|edición|édition))?"
    r"(?:\s+(?:into|to)\s+english)?(?:\s+(?:de\s+l['’]\w+|del\s+\w+|aus\s+dem\s+\w+))?"
    r"(?:\s+(?:by|por|par|von|da)\s*:?|\s*:)\s*(?:(?:(?-i:[A-Z])|[\u0600-\u06ff])[^.]{0,60}|our\s+(?:staff|team|editors)|staff|\w+\s+staff)$|"
    # "Translated by the Valley Voice team": also with the article
    r"^translated\s+by\s+the\s+(?-i:[A-Z])[^.]{0,60}$|"
    # "- Persian2English (translation)": a sign-off with the translator's name
    r"^[-–—]\s*(?P<signoff>[^()\s][^()]{0,40}?)\s*\((?:translation|translated|trans\.)\)$|"
    # "This is the translation of something posted by ...", "What follows is a translation of ..."
    r"^(?:this|what\s+follows|the\s+following|below)\s+is\s+(?:the|a|an|my|our)\s+(?:\w+\s+)?translation\b|"
    # "[Translator's note: ...]" at the top
    r"^[\[(]\s*(?:translator['’]?s|translators['’]|editor['’]?s\s+and\s+translator['’]?s)\s+note\b",
    re.I,
)
_BRACKETED_NOTE = re.compile(r"^[\[(]\s*(?:translator['’]?s|translators['’]|editor['’]?s\s+and\s+translator['’]?s)\s+note\b"
                             r"[^\])]*[\])]\s*$", re.I)
# "CDT translator Deng Bolun has rendered some replies into English.": a note inside a sentence.
_TRANSLATOR_SENTENCE = re.compile(
    r"(?:^|[.!?]\s+)(?:(?P<outlet>[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,3})\s+)?translators?\s+"
    r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}\s+(?:has\s+|have\s+)?(?:rendered|translated)\b[^.]{0,80}"
    r"\binto\s+(?:English|[A-Z][a-z]+)\b")
# "Xu Zhiyong, translated by Leo Timm, April 2, 2024 ...": a credit opening a teaser paragraph.
CREDIT_PREFIX = re.compile(
    r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4},\s+(?:edited\s+and\s+)?translated\s+by\s+"
    r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4},\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}\s+")
_MACHINE_TRANSLATION = re.compile(r"\b(?:automatic(?:ally)?|automated|machine|google translate|auto-?translat|"
                                  r"select (?:a )?language|powered by)\b", re.I)


def translation_note(line: str, words: int | None = None) -> str | None:
    """The language a translator's note names ("Arabic"), UNNAMED_LANGUAGE when the note names
    none ("Translated by X"), or None if the line is not such a note.

    ``words``: the line's word count, when the caller has it."""
    count = len(line.split()) if words is None else words
    if count > 30:
        # a translator's bracketed note may run long: "[Translator's note: ... ]"
        return UNNAMED_LANGUAGE if count <= 120 and _BRACKETED_NOTE.match(line) else None
    if _MACHINE_TRANSLATION.search(line):
        return None
    match = _TRANSLATION_NOTE.match(line)
    if match:
        lang = next(g for g in match.groups() if g).lower()
        if lang in LANGUAGE_NAMES:
            return lang.capitalize()
    if _UNNAMED_NOTE.match(line):
        return UNNAMED_LANGUAGE
    return None


# "Translation" alone, as the item's label among the page's tags above the story.
TRANSLATION_TAG = re.compile(r"^[•·▪*-]?\s*(?:(?:english|unofficial|full|abridged)\s+)?translation$", re.I)
# "To read the original story in full, visit Folha de S.Paulo.": the original's publisher.
_ORIGINAL_AT = re.compile(r"\boriginal\s+(?:story|article|report|version|text|interview)\b[^.]{0,40}?\b(?:visit|at|on|in|from)\s+"
                          r"(?P<name>(?:the\s+)?[A-Z][\w&'’.-]*(?:\s+(?:[A-Z][\w&'’.-]*|de|do|da|del|di|du|la|le|al|el)){0,4})\s*[.!]?$")


def original_outlet(line: str) -> str | None:
    match = _ORIGINAL_AT.search(line)
    if not match or match.group("name").split()[-1][0].islower():
        return None
    return match.group("name")


def translation_credit_outlet(line: str) -> str | None:
    """The outlet a translation credit names: "Iran Press News: Translation by X",
    "- Persian2English (translation)"."""
    match = _UNNAMED_NOTE.match(line)
    if not match:
        return None
    return (match.group("outlet") or match.group("signoff") or "").strip() or None


def translator_sentence(paragraph: str) -> tuple[bool, str | None]:
    """(True, outlet) when a sentence says the outlet's translator rendered the text into English."""
    if _MACHINE_TRANSLATION.search(paragraph):
        return False, None
    match = _TRANSLATOR_SENTENCE.search(paragraph)
    if not match:
        return False, None
    return True, match.group("outlet")


# ---------------------------------------------------------------------------------------------
# Outlets

# How strongly each kind of evidence names the outlet (lower is stronger).
PROMPT, SOURCE, AGENCY, CREDITED, COPYRIGHT_OWNER = 1, 1, 2, 3, 4
DESK = 4  # "FPJ Web Desk": the desk's paper, as weak as a copyright line
# Signs in passing (generator.clean.outlet), used only when nothing above names the outlet.
READER_NOTE, OWN_REPORTING, CAPTION = 5, 6, 7

# "Discover more from X", "Subscribe to X", "Stay informed with X's newsletters" name the outlet.
OUTLET_PROMPT = re.compile(
    r"^(?i:discover more from|more from|subscribe to|sign up for|follow|welcome to|"
    r"stay (?:informed|up to date|updated) with|get|sign up to)\s+"
    r"(?P<name>(?:The\s+)?[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3}?)"
    r"(?:(?:'s|’s)?\s+(?:(?i:newsletters?|on \w+|news|updates|daily|briefing)))?\s*[.!:]?$")
_NAME = r"[A-Z][\w&'’.-]*(?:[ /][A-Z0-9][\w&'’.-]*){0,4}"
# "Source: Washington Post", "Source: Philippine Star (Philippines)"
SOURCE_LINE = re.compile(r"^(?:source|via|courtesy(?: of)?)\s*:\s*(?P<name>" + _NAME + r")(?:\s*\([^)]{2,30}\))?\.?$",
                         re.I)
# "• Kyodo", "— AP": a credit line naming the agency at the top of the page.
AGENCY_BULLET = re.compile(r"^[•·▪]\s*(?P<name>" + _NAME + r")$")
# "- REUTERS", "— AFP": the agency's sign-off under the story.
SIGN_OFF = re.compile(r"^[-–—•·▪]\s*(?P<name>[A-Z][A-Za-z&.]*(?:[ /][A-Z][A-Za-z&.]*){0,2})$")
# "... no casualties were reported. (dpa)", "(ANI/Sputnik)": the agency closing the story.
CLOSING_AGENCY = re.compile(r"(?:[.!?\"”’]\s*|^)\((?P<name>[A-Za-z][\w&.]*(?:[ /][A-Za-z][\w&.]*){0,2})\)$|"
                            r"[.!?\"”’]\s*[-–—]\s*(?P<caps>[A-Z]{2,}(?:/[A-Z]{2,})?)$")
# "KATHMANDU – Reuters", "BEIJING, Xinhua": the dateline alone on its line, with the agency.
PLACE_AGENCY_LINE = re.compile(r"^[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3}\s*[-–—,]\s*"
                               r"(?P<name>[A-Z][\w&.'’-]*(?:[ /][A-Z][\w&.'’-]*){0,2})$")
# "China Change Logo", "Daily Journal masthead": the logo's alt text.
LOGO_LINE = re.compile(r"^(?:the\s+)?(?P<name>" + _NAME + r")\s+(?i:logo|masthead)$")
# "By Teodosio Feliciano, La Prensa Reporter": the outlet in a byline.
BYLINE_OUTLET = re.compile(r"^(?i:by)\s+[^,]{3,50},\s+(?:the\s+)?(?P<name>" + _NAME + r"?)\s+"
                           r"(?i:(?:staff\s+)?(?:reporter|correspondent|writer)|staff(?:\s+writer)?|contributor)$")
# "Reporting by Jane Doe for Reuters; Editing by John Roe": the agency the reporters filed for.
CREDIT_FOR = re.compile(r"^[(\[]?(?i:(?:additional\s+)?reporting|writing|written|compiled)\s+(?i:by)\s+[^;]{3,120}?\s+"
                        r"for\s+(?P<name>(?:the\s+)?[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3})\s*(?:[;.)\]]|$)")
# "Miami Herald17-03-2025", "The Daily Star | 4 March 2025": a masthead name with the date.
_MASTHEAD_WORDS = (r"(?:Herald|Times|Post|News|Journal|Tribune|Gazette|Chronicle|Telegraph|Express|Star|Daily|"
                   r"Agency|Press|Radio|Monitor|Observer|Guardian|Standard|Courier|Record|Review|Mail|Sun|Today|"
                   r"Dispatch|Inquirer|Independent|Wire|Bulletin|Examiner|Sentinel|Register|Shimbun|Network)")
NAME_DATE = re.compile(r"^(?P<name>(?:The\s+)?(?:[A-Z][\w&'’.-]*\s+){0,3}" + _MASTHEAD_WORDS + r")\s*[|•·,-]?\s*"
                       r"(?:\d{1,2}[-/.]\d{1,2}[-/.]\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}|"
                       r"[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4})$")
# Above the story, a line naming the newsroom: "The Associated Press", "Hindustan Times, New Delhi",
# "Anadolu Agency TÜRKIYE" (a section in capitals after it).
MASTHEAD_CREDIT = re.compile(r"^(?P<name>(?:The\s+)?(?:[A-Z][\w&'’.-]*\s+){0,3}" + _MASTHEAD_WORDS +
                             r"(?:\s+of\s+(?:the\s+)?[A-Z][\w'’-]+)?)"
                             r"(?:\s*,\s*[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}|\s+[^\W\d_a-z]{3,}(?:\s+[^\W\d_a-z]{3,})?)?$")
_NOT_A_MASTHEAD = SECTION_WORDS | {"top", "fake", "more", "other", "good", "bad", "breaking", "latest", "daily", "the"}


def masthead_credit(line: str) -> tuple[str, int] | None:
    """(name, rank): a name with the place or section after it credits the story (CREDITED); a bare
    name may as well be a sister paper in the page's menu, so it counts only as much as a desk.
    A masthead in capitals ("NEWS AGENCY OF NIGERIA") is read in title case."""
    if line.isupper() and len(line) <= 60:
        line = " ".join(w.lower() if i and w.lower() in ("of", "the") else w.capitalize()
                        for i, w in enumerate(line.split()))
    match = MASTHEAD_CREDIT.match(line)
    if not match:
        return None
    name = match.group("name")
    if all(w.casefold() in _NOT_A_MASTHEAD for w in name.split()[:-1]):
        return None  # "Breaking News", "Top News", "Daily Star" only with a name before it
    return name, (CREDITED if len(name) < len(line) else DESK)


# "AFP - [email protected]", "Valley Times | news@valleytimes.com": the newsroom's byline with its address.
EMAIL_CREDIT = re.compile(r"^(?P<name>[A-Z]{2,6}|(?:The\s+)?(?:[A-Z][\w&'’.-]*\s+){0,3}" + _MASTHEAD_WORDS + r")\s*[-–—|]\s*"
                          r"(?:\[email\s*protected\]|[\w.+-]+@[\w-]+\.[\w.]+)$")
# "(Tokyo Shimbun: January 7, 2016 – p.22)": a press digest citing the newspaper it translates or sums up.
SOURCE_CITATION = re.compile(r"^\((?P<name>" + _NAME + r")\s*[:,]\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|"
                             r"\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}|\d{4}-\d{2}-\d{2})[^()]{0,30}\)$")
# "- Global Voices - https://globalvoices.org -": a print page's masthead with the site's address.
PRINT_MASTHEAD = re.compile(r"^[-–—|]\s*(?P<name>[A-Z][^.!?|]{1,58}?)\s*[-–—|]\s*(?:https?://|www\.)\S+\s*[-–—|]?$")


# "By Jane Doe, Associated Press", "By Jane Doe | The Daily Star": a byline naming a masthead.
BYLINE_MASTHEAD = re.compile(r"^(?i:by)\s+[^,|]{3,50}\s*[,|]\s*(?P<name>(?:The\s+)?(?:[A-Z][\w&'’.-]*\s+){0,3}"
                             + _MASTHEAD_WORDS + r")$")
# "By Jane Roe, AFP", "By Jane Roe | AP", "By Jane Roe (AFP)": an agency's initials after the name.
BYLINE_INITIALS = re.compile(r"^(?i:by)\s+[^,|()]{3,60}?\s*(?:[,|]\s*|\(\s*)(?P<name>[A-Z]{2,6}(?:/[A-Z]{2,6})?)\s*\)?$")
# "By The Associated Press", "By AFP", "By Reuters Staff", "By Valley News Service": no person, the
# organisation is the author (a single word, initials, a masthead's name, or a name with "Staff").
BYLINE_ORGANISATION = re.compile(
    r"^(?i:by)\s+(?P<name>(?:[A-Z]{2,6}(?:/[A-Z]{2,6})?|[A-Z][a-z]+[A-Za-z]*|(?:The\s+)?(?:[A-Z][\w&'’.-]*\s+){0,3}"
    + _MASTHEAD_WORDS + r"))$|"
    r"^(?i:by)\s+(?P<staff>(?:the\s+)?[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3}?)\s+"
    r"(?i:staff(?:\s+reports?)?|news\s+service|wire\s+services?|newsroom|news\s+desk|desk)$")


# "Special to the Valley Herald": under a byline, the paper the contributor wrote for.
SPECIAL_TO = re.compile(r"^(?i:special\s+to)\s+(?P<name>(?:the\s+|The\s+)?[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3})$")


# "By Admin", "By Web Desk", "By Our Correspondent": a desk or a role, not an organisation.
_DESK_WORDS = {"admin", "administrator", "staff", "desk", "editor", "editors", "team", "newsroom", "correspondent",
               "reporter", "guest", "contributor", "author", "user", "webmaster", "web", "news", "our", "online",
               "digital", "editorial", "sports", "metro", "city", "foreign", "special", "national", "business",
               "moderator", "anonymous", "unknown", "agencies", "agency"}
DESK_WORDS = _DESK_WORDS
# "This article was originally published by The Conversation.", "Republished with permission from X.":
# the publisher a syndicated page names.
SYNDICATED = re.compile(
    r"^(?i:(?:this|a\s+version\s+of\s+this)\s+(?:article|story|piece|post|report|column|interview|essay)\s+"
    r"(?:was\s+|is\s+|has\s+been\s+)?(?:originally\s+|first\s+)?(?:published|appeared|ran|republished|posted)\s+"
    r"(?:by|on|in|from|at)|republished\s+(?:with\s+permission\s+)?(?:from|of|by))\s+"
    r"(?P<name>(?:the\s+|The\s+)?[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,4})(?=\s*[.,;:(]|\s+(?i:under|and|on|in|with)\b|$)")
_MONTH_OR_DAY = re.compile(r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)", re.I)


def syndication_outlet(line: str) -> str | None:
    """The original publisher a syndication note names, not a language ("... published in Spanish")."""
    match = SYNDICATED.match(line)
    if not match:
        return None
    name = match.group("name")
    first = re.sub(r"^the\s+", "", name, flags=re.I).split()[0]
    if first.casefold() in LANGUAGE_NAMES or _MONTH_OR_DAY.match(first):
        return None
    return name


def byline_outlet(line: str) -> str | None:
    """The organisation a byline names: "By Jane Roe, AFP", "By The Associated Press", "By Reuters Staff"."""
    if match := BYLINE_INITIALS.match(line):
        name = match.group("name")
        return None if name in _PLACE_ABBREVIATIONS else name
    if match := BYLINE_ORGANISATION.match(line):
        name = match.group("name") or match.group("staff")
        return None if name.casefold() in _DESK_WORDS else name
    if match := SPECIAL_TO.match(line):
        return re.sub(r"^the\s+", "", match.group("name"))
    return None


# " | News | DW | 13.08.2018": a page title's suffix naming the site.
_WIRE_WORDS = {"photo", "photos", "file", "video", "update", "updated", "ap photo", "afp photo", "reuters photo",
               "translation", "translated", "sic", "map", "graphic", "published", "posted", "share", "comments",
               "live", "news", "advertisement", "sponsored", "opinion", "analysis", "editorial", "exclusive"}


def is_masthead_name(line: str) -> bool:
    """"Cyprus Mail", "The Daily Star": a newspaper's name alone on a line."""
    return bool(_MASTHEAD_NAME.match(line))


_MASTHEAD_NAME = re.compile(r"^(?:The\s+)?(?:[A-Z][\w&'’.-]*\s+){0,3}" + _MASTHEAD_WORDS + r"$")


def title_suffix(line: str) -> tuple[str, str | None] | None:
    """("Headline", "Outlet") for "Headline | Section | Outlet | 13.08.2018"; None for other lines."""
    parts = [p.strip() for p in line.split(" | ")]
    if len(parts) < 2 or len(parts[0].split()) < 3:
        return None
    tail = parts[1:]
    if any(len(p.split()) > 4 or not p for p in tail):
        return None
    names = [p for p in tail if not re.fullmatch(r"[\d./: -]+", p) and p.lower() not in SECTION_WORDS]
    return parts[0], (names[-1] if names else None)


def clean_name(name: str | None) -> str | None:
    if not name:
        return None
    name = re.sub(r"['’]s$", "", name.strip()).strip(" ,:;-–—'’\"")
    if not re.search(r"(?:\b[A-Z]\.|\b(?:Inc|Ltd|Co|Corp)\.)$", name):
        name = name.strip(" .")
    if len(name) < 2 or len(name) > 60 or name.lower() in _WIRE_WORDS or not re.search(r"[^\W\d_]", name):
        return None
    if name.isupper() and len(name) > 5 and "/" not in name and " " not in name:
        name = name.capitalize()  # "REUTERS" -> "Reuters"; "AP", "AFP", "ANI/SPUTNIK" stay
    return name


def pick_outlet(evidence: list[tuple[int, str]]) -> str | None:
    """The name the strongest kind of evidence gives, when that kind names one outlet only."""
    for rank in sorted({r for r, _ in evidence}):
        names = list(dict.fromkeys(n for r, n in evidence if r == rank))
        folded = {_fold(n) for n in names}
        if len(folded) == 1:
            return names[0]
        if len(folded) > 1:
            return None  # the text names several outlets this way: ambiguous, so none
    return None


def _fold(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().casefold()


# "BAGHDAD, June 12 (Reuters) - ", "WASHINGTON (AP) — ", "LONDON — ", "ISLAMABAD, Nov 16 (APP): ",
# "Vladivostok [Russia], January 28 (ANI/Sputnik): ", "(RSF/IFEX) – ": where and by whom it was filed.
# "BEIJING, XINHUA —", "ANKARA, AA –": a city and the agency in capitals.
_CITY_AGENCY = re.compile(r"^(?:[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3}|[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}),\s*"
                          r"(?P<agency>[A-Z]{2,8}(?:/[A-Z]{2,8})?)\s*[-–—]{1,2}\s+(?=\S)")
# Country and place abbreviations that follow a city as "LONDON, UK —": not agencies.
_PLACE_ABBREVIATIONS = {"US", "USA", "UK", "UAE", "DRC", "EU", "UN", "DC", "NY", "KSA", "PRC", "ROK", "DPRK"}
_LEDE_DATELINE = re.compile(
    r"^(?:(?P<place>[A-Z][A-Za-z.'’-]+(?:\s+[A-Z][A-Za-z.'’-]+){0,3})?(?:\s*\[[A-Z][\w ]{1,30}\])?"
    r"(?:,\s*[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}(?=\s*\(|,))?"
    r"(?:,?\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Za-zéû]{3,9}\.?))?\s*)?"
    r"(?:\((?P<agency>[A-Za-z][\w.&'/ -]{1,30})\))?\s*(?P<sep>[-–—]{1,2}|(?<=\)):|(?<=\))(?=\s+[A-Z]))\s+(?=\S)")
_CAPS_PLACE = re.compile(r"^[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3}$")


# Countries, regions and US states: written in brackets after a city ("Kyiv (Ukraine) –",
# "Columbus (Ohio) —") they say where, not who filed the story.
_PLACES = frozenset(w.casefold() for w in """
Afghanistan Albania Algeria Andorra Angola Argentina Armenia Australia Austria Azerbaijan Bahamas Bahrain
Bangladesh Barbados Belarus Belgium Belize Benin Bhutan Bolivia Bosnia Botswana Brazil Brunei Bulgaria Burundi
Cambodia Cameroon Canada Chad Chile China Colombia Comoros Congo Croatia Cuba Cyprus Czechia Denmark Djibouti
Dominica Ecuador Egypt Eritrea Estonia Eswatini Ethiopia Fiji Finland France Gabon Gambia Georgia Germany Ghana
Greece Grenada Guatemala Guinea Guyana Haiti Honduras Hungary Iceland India Indonesia Iran Iraq Ireland Israel
Italy Jamaica Japan Jordan Kazakhstan Kenya Kiribati Kosovo Kuwait Kyrgyzstan Laos Latvia Lebanon Lesotho Liberia
Libya Liechtenstein Lithuania Luxembourg Madagascar Malawi Malaysia Maldives Mali Malta Mauritania Mauritius
Mexico Micronesia Moldova Monaco Mongolia Montenegro Morocco Mozambique Myanmar Burma Namibia Nauru Nepal
Netherlands Holland Nicaragua Niger Nigeria Norway Oman Pakistan Palau Palestine Panama Paraguay Peru Philippines
Poland Portugal Qatar Romania Russia Rwanda Samoa Senegal Serbia Seychelles Singapore Slovakia Slovenia Somalia
Spain Sudan Suriname Sweden Switzerland Syria Taiwan Tajikistan Tanzania Thailand Togo Tonga Tunisia Turkey
Turkiye Türkiye Turkmenistan Tuvalu Uganda Ukraine Uruguay Uzbekistan Vanuatu Venezuela Vietnam Yemen Zambia
Zimbabwe Gaza Crimea Kashmir Tibet Kurdistan Catalonia Scotland Wales England Britain Europe Africa Asia
Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Hawaii Idaho Illinois Indiana
Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota Mississippi Missouri Montana
Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah Vermont Virginia Washington Wisconsin
Wyoming Ontario Quebec Alberta Bavaria Sicily Sardinia Punjab Sindh Kerala Bengal
""".split())


def is_place(name: str) -> bool:
    """A country, region or US state: "Philippines", "Ohio"."""
    return name.casefold() in _PLACES


def _title_case_agency(place: str, agency: str, sep: str) -> bool:
    """"Tokyo (Kyodo) --", "Moscow (Interfax) —": a city, then one capitalised word in brackets
    that names no place, then a dash: the agency that filed the story. A bracket after a title and
    name ("Sen. Ted Cruz (R-Texas) —") or holding a place or a party is not one."""
    return (bool(sep.strip("-–—") == "" and sep) and re.fullmatch(r"[A-Z][a-z]{2,14}", agency) is not None
            and agency.casefold() not in _PLACES and not re.search(r"\.", place))


# "Ammon News - Prime Minister ...": the lede opening with the newsroom's name and a dash.
_MASTHEAD_LEDE = re.compile(r"^(?P<name>(?:The\s+)?(?:[A-Z][\w&'’.-]*\s+){0,3}" + _MASTHEAD_WORDS + r")\s+[-–—]{1,2}\s+(?=[A-Z])")


def split_lede_dateline(paragraph: str) -> tuple[str | None, str]:
    """('Reuters', rest) for "BAGHDAD (Reuters) - rest"; (None, paragraph) when there is none."""
    if (lede := _MASTHEAD_LEDE.match(paragraph)) and not all(
            w.casefold() in _NOT_A_MASTHEAD for w in lede.group("name").split()[:-1]):
        return clean_name(lede.group("name")), paragraph[lede.end():]
    city = _CITY_AGENCY.match(paragraph)
    if city and city.group("agency") not in _PLACE_ABBREVIATIONS:
        return clean_name(city.group("agency")), paragraph[city.end():]
    match = _LEDE_DATELINE.match(paragraph)
    if not match:
        return None, paragraph
    place, agency = match.group("place"), match.group("agency")
    caps = bool(place and _CAPS_PLACE.match(place))
    if not agency and not caps:
        return None, paragraph  # "Nairobi — ..." without an agency is not told from prose by shape
    dated = bool(re.search(r"\d|\[", paragraph[:match.end()]))
    if agency and place and not caps and not dated and not (agency.isupper() or agency.islower()) \
            and not _title_case_agency(place, agency, match.group("sep")):
        return None, paragraph  # "Kyiv (Ukraine) -", "Ted Cruz (R-Texas) —": a place or a party in brackets
    if agency and not match.group("sep").strip() and not (caps and (dated or agency.isupper())) and not (
            place and re.search(r",\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*\(", paragraph[:match.end()])
            and agency.casefold() not in _PLACES):
        return None, paragraph  # "NEW DELHI, March 4 (IANS) Text", "Moscow, Mar 30 (Prensa Latina) Text"
    return clean_name(agency), paragraph[match.end():]
