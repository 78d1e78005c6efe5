"""The headline of a page: which of its first lines a reader takes for it, and what goes with it.

A page gives its headline among logo text, mastheads, breadcrumbs, date lines, section labels and
skip-links; sometimes as a page title with the site's name after it ("Headline | Section | Outlet"),
sometimes with a deck or a byline under it, and on some wire pages only below the story, after the
agency's sign-off. Each rule is about the shape of those lines, never one site's wording.
"""
from __future__ import annotations

import re

from generator.clean import notes
from generator.clean.shapes import BREADCRUMB, SECTION_WORDS, is_boilerplate, is_byline, is_dateline, is_sentence
from generator.clean.shapes import words as _words

def _headline_candidate(line: str) -> bool:
    count = _words(line)
    if not 2 <= count <= 30 or len(line) > 250:
        return False
    if is_boilerplate(line) or is_dateline(line) or is_byline(line):
        return False
    if BREADCRUMB.match(line):  # "Home | World | Asia"; but "A headline of words | Outlet" is a page title
        suffix = notes.title_suffix(line)
        return bool(suffix) and _words(suffix[0]) >= 4 and not is_sentence(suffix[0])
    if line.endswith((".", ",", ";", ":")) and not line.endswith("..."):
        return count <= 14 and not re.search(r"[.!?]\s", line[:-1])  # "Headline." still allowed if short
    return True



def _take_headline(lines: list[str], title_hint: str | None, removed: list[str],
                   outlet: str | None = None,
                   evidence: list[tuple[int, str]] | None = None) -> tuple[str | None, list[str]]:
    lines = [_ATX_HEADING.sub("", line) if index < 10 else line for index, line in enumerate(lines)]
    if title_hint:
        hint = _fold(title_hint)

        def same(line: str) -> bool:  # a title of punctuation only ("...") folds to nothing
            return _fold(line) == hint if hint else line.strip() == title_hint.strip()

        for index, line in enumerate(lines[:6]):
            if same(line):
                removed.extend(lines[:index])  # logo lines, breadcrumbs before the headline
                rest = lines[index + 1:]
                while rest and same(rest[0]):  # a page repeating its title (<title> and <h1>)
                    removed.append(rest.pop(0))
                return title_hint, _drop_leading_furniture(rest, removed)
        return title_hint, _drop_leading_furniture(lines, removed)
    # The headline is the line that looks like one within the first few lines: what comes before
    # it (logo text, a masthead, a breadcrumb, a date line, a caption) is not body text. A line
    # with a byline under it is the headline even when it is written as sentences; otherwise the
    # first candidate wins. Once the body has started (a paragraph of prose), there is none.
    candidates = []
    for index, line in enumerate(lines[:10]):
        if _byline_follows(lines, index) and 2 <= _words(line) <= 30 and len(line) <= 250 and not (
                is_boilerplate(line) or is_dateline(line) or is_byline(line)):
            above = lines[index - 1] if index else ""
            if (candidates and candidates[-1] == index - 1 and 4 <= _words(above)
                    and (_words(above) < _words(line) or is_sentence(line) and not is_sentence(above))
                    and not (_is_shouted(above) or notes.is_masthead_name(above))):
                return _headline_at(lines, index - 1, removed, evidence)  # a deck between headline and byline
            return _headline_at(lines, index, removed, evidence)
        if (_is_sentence_paragraph(line) and not _is_title_case(line)) or _words(line) > 30:
            break
        if _headline_candidate(line) and index < 6:
            candidates.append(index)
    masthead = _fold(outlet) if outlet else None
    for index in candidates:
        line = lines[index]
        if index != candidates[-1] and (
                _is_masthead(line, masthead) or _is_shouted(line) or notes.is_masthead_name(line)
                or (_words(line) <= 4 and index + 1 in candidates and _words(lines[index + 1]) >= 5
                    and not is_sentence(lines[index + 1]) and _is_label(line))):
            continue  # a masthead ("THE COASTAL COURIER", "Valley Times") or a kicker above the headline
        return _headline_at(lines, index, removed, evidence)
    if lines and _is_path_or_punctuation(lines[0]) and len(lines) > 1:
        return _headline_at(lines, 0, removed, evidence)
    return None, _drop_leading_furniture(lines, removed)


_DASH_SUFFIX = re.compile(r"^(?P<headline>.{10,}?\S)\s+[-–—]\s+(?P<name>[^-–—|]{2,40})$")
# "# Headline", "## Headline ##": a Markdown heading's markers are not part of its text.
_ATX_HEADING = re.compile(r"^#{1,6}\s+(?=\S)|\s+#+$")


def _headline_at(lines: list[str], index: int, removed: list[str],
                 evidence: list[tuple[int, str]] | None) -> tuple[str, list[str]]:
    removed.extend(lines[:index])
    line = lines[index]
    suffix = notes.title_suffix(line)
    if suffix:  # "Headline | News | Outlet | 13.08.2018": a page title
        line, name = suffix
        name = notes.clean_name(name)
        if name and evidence is not None:
            evidence.append((notes.CREDITED, name))
    elif evidence is not None and (dash := _DASH_SUFFIX.match(line)):
        name = dash.group("name")
        known = {_fold(n) for _, n in evidence}
        if notes.is_masthead_name(name) or _fold(name) in known:  # "Headline - The Valley Times"
            line = dash.group("headline")
            evidence.append((notes.CREDITED, name))
    line = _strip_headline_tags(line)
    title = line.rstrip(" :") if _is_path_or_punctuation(line) else (line.rstrip(" .:") or line)
    rest = lines[index + 1:]
    key = _fold(title)
    for later in rest[:6]:  # the same headline again (the page title above the <h1>)
        if _fold(later) == key:
            rest = [x for x in rest if x is not later]
            removed.append(later)
            break
    return title, _drop_leading_furniture(rest, removed)


# What a wire or a site adds to a headline's words: a tag for the story's version before it
# ("(LEAD)", "(2nd LD)", "UPDATE 2-"), a link label ("[Read Order]", "[VIDEO]") or the post's date
# and time after it ("... the press 03-06-2004 13:26").
_WIRE_TAG = re.compile(r"^\((?:LEAD|URGENT|\d+(?:st|nd|rd|th)\s+LD|UPDATE(?:\s+\d+)?|CORRECTED|REFILE|WRAPUP(?:\s+\d+)?|"
                       r"BREAKING|FLASH)(?:\s+[^()]{1,20})?\)\s+(?=\S)|^(?:UPDATE|REFILE|CORRECTED|WRAPUP)\s*\d*\s*[-–]\s*(?=\S)")
_LINK_LABEL = re.compile(r"\s*\[(?:(?i:read|watch|view|download|see|listen\s+to)\b[^\[\]]{0,30}|"
                         r"(?i:video|photos?|audio|watch|updated?|live))\]$")
_DATE_STAMP = re.compile(r"\s+\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")


def _strip_headline_tags(line: str) -> str:
    stripped = _LINK_LABEL.sub("", _DATE_STAMP.sub("", _WIRE_TAG.sub("", line)))
    return stripped if _words(stripped) >= 2 else line


_CONTENT_WORD = re.compile(r"[^\W\d_]{4,}")


def _stems(text: str) -> set[str]:
    return {w[:5] for w in _CONTENT_WORD.findall(text.casefold())}


def _headline_after_story(tail: list[str], body: list[str]) -> str | None:
    """A page without a headline above the story may give it below the sign-off ("- REUTERS",
    then "Volcano forces thousands to flee"): a headline-shaped line there, with no story of its
    own under it, whose words are mostly the lede's, is the story's headline and not the next's."""
    lede = _stems(" ".join(body[:2]))
    for index, line in enumerate(tail[:3]):
        if not _headline_candidate(line) or is_sentence(line) or _words(line) < 4:
            continue
        if any(_is_sentence_paragraph(x) and _words(x) >= 12 for x in tail[index + 1:]):
            return None  # the next story: its own text follows its headline
        stems = _stems(line)
        if stems and len(stems & lede) >= max(2, 0.6 * len(stems)):
            return line
    return None


def _byline_follows(lines: list[str], index: int) -> bool:
    """A byline right under the line, or under a date line right under it."""
    following = lines[index + 1:index + 3]
    if following and is_byline(following[0]):
        return True
    return len(following) == 2 and is_dateline(following[0]) and is_byline(following[1])


_PATH_OR_PUNCTUATION = re.compile(r"^(?:[.~]{0,2}/)*[\w.~-]*(?:/[\w.~-]+)+/?$|^[.…!?]{2,}$")


def _is_path_or_punctuation(line: str) -> bool:
    """"../../etc/passwd", "..", "...": a headline's words may be anything; its slug is made safe."""
    return bool(_PATH_OR_PUNCTUATION.match(line))


def _is_masthead(line: str, outlet: str | None) -> bool:
    return bool(outlet) and (_fold(line) == outlet or _fold(line).startswith(outlet + " "))


_SMALL_WORDS = {"a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "by", "with", "from",
                "as", "is", "vs", "via", "per", "up", "off", "out", "into", "over", "after", "amid"}


def _is_title_case(line: str) -> bool:
    """"As Its Rivals Pair Up, Will Twitter Be Next?": a headline in title case, never a sentence of prose."""
    words = [w.strip("\"'“”‘’()[],:;.?!") for w in line.split()]
    words = [w for w in words if w and w[0].isalpha()]
    if not 4 <= len(words) <= 20:
        return False
    big = [w for w in words if w.lower() not in _SMALL_WORDS]
    return len(big) >= 3 and all(w[0].isupper() for w in big)


def _is_label(line: str) -> bool:
    """A kicker or a section label above a headline ("Exclusive", "ICC T20 World Cup", "The Idiot Box"),
    every word capitalised, not a headline written as a phrase ("No backing down")."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line)]
    if _words(line) == 1 or words and words[-1].casefold() in SECTION_WORDS:
        return True  # "Exclusive", "Africa news"
    return bool(words) and all(w[0].isupper() or w.lower() in _SMALL_WORDS for w in words) and words[-1][0].isupper()


def _is_shouted(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 4 and sum(c.isupper() for c in letters) / len(letters) > 0.9


def _is_sentence_paragraph(line: str) -> bool:
    """A body paragraph: several sentences, or one long one ending in a full stop."""
    core = line.rstrip("\"”’»)] ")
    ends = core.endswith((".", "!", "?", "…", ",")) and not core.endswith("...")
    return _words(line) > 30 or (ends and len(re.findall(r"[.!?,][\"”’]?\s", core)) >= 1)


def _drop_leading_furniture(lines: list[str], removed: list[str]) -> list[str]:
    """Date lines and bylines right under the headline are metadata, not body text."""
    index = 0
    while index < len(lines) and index < 4 and (is_dateline(lines[index]) or is_byline(lines[index])):
        index += 1
    removed.extend(lines[:index])
    lines = lines[index:]
    # Under a deck: "Deck line", "By Jane Roe", "March 4, 2025" (a byline or a date line is never prose).
    if len(lines) > 1 and _words(lines[0]) <= 40:
        furniture = [i for i in range(1, min(4, len(lines))) if is_dateline(lines[i]) or is_byline(lines[i])]
        if furniture and furniture == list(range(1, furniture[-1] + 1)):
            removed.extend(lines[i] for i in furniture)
            lines = lines[:1] + lines[furniture[-1] + 1:]
    return lines


_NON_WORD = re.compile(r"\W+")


def _fold(text: str) -> str:
    return _NON_WORD.sub(" ", text).strip().casefold()

