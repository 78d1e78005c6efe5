"""Normalise article text and strip web boilerplate by its shape.

Scraped articles carry the furniture of the page they came from: logo and image URLs, share and
social lines, newsletter and subscribe prompts, comment forms, "Related posts" lists, copyright
lines, "Continue reading". None of it is matched by one site's wording; each rule describes a
*shape* that such lines have on any site: short, no sentence punctuation, a call to action, a bare
URL, a copyright sign. Body paragraphs are long, punctuated sentences and never match.

``clean(text)`` returns the headline, the body paragraphs and what it learnt from the boilerplate
on the way (a translation note, the outlet's and publisher's names), all as a CleanText.

Submodules: ``shapes`` (one test per kind of furniture line), ``headline`` (which line is the
headline), ``notes`` (translation notes and the outlet's strong signs: datelines, credits, bylines,
prompts, copyright lines), ``outlet`` (the outlet's weak signs, named in passing).
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

from generator.clean import notes
from generator.clean import outlet as passing
from generator.clean import tail as tail_rules
from generator.clean.headline import _fold, _headline_after_story, _is_sentence_paragraph, _stems, _take_headline
from generator.clean.notes import (LANGUAGE_NAMES, UNNAMED_LANGUAGE, split_lede_dateline,  # noqa: F401
                                   translation_note)
from generator.clean.shapes import (COPYRIGHT, CREDIT, DESK_BYLINE, FOOTER_COPYRIGHT, INLINE_FURNITURE,  # noqa: F401
                                    SHORTCODE,
                                    byline_head, byline_name, copyright_owner, has_inline_furniture, is_boilerplate,
                                    is_byline,
                                    is_dateline, is_foreign_widget, is_latin_page, is_menu_run, is_sentence)
from generator.clean.shapes import words as _words
from generator.models import CleanText

# Characters that are invisible or reorder text: removed. ZWJ/ZWNJ (U+200C/D) are kept because
# Persian, Arabic and emoji sequences need them; they cannot reorder anything.
_INVISIBLE = dict.fromkeys(
    [0x00, 0x200B, 0x2060, 0xFEFF, 0x00AD, 0x200E, 0x200F, 0x061C,
     *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
    + [c for c in range(0x01, 0x20) if c not in (0x09, 0x0A)] + list(range(0x7F, 0xA0)),
    None,
)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
# The same two steps as searches, which cost time only where text changes: the invisible
# characters (str.translate looks up every character), and the runs of spaces that are not
# already one plain space. INVISIBLE_RE finds any character that normalise() removes.
INVISIBLE_RE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_INVISIBLE)) + "]+")
_SPACES_TO_FOLD = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]{2,}|[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_last_normalised: tuple[str, str] = ("", "")  # the raw text is normalised by clean() and by metadata


def normalise(text: str) -> str:
    """Unify line endings and spaces, drop control and bidi characters, compose to NFC."""
    global _last_normalised
    last_text, last_result = _last_normalised
    if text is last_text or text == last_text:
        return last_result
    original = text
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    if INVISIBLE_RE.search(text):
        text = INVISIBLE_RE.sub("", text)
    text = unicodedata.normalize("NFC", text)
    text = _SPACES_TO_FOLD.sub(" ", text)  # as _SPACES.sub on each line: no run crosses a line break
    result = "\n".join(line.strip() for line in text.split("\n"))
    _last_normalised = (original, result)
    return result


# ---------------------------------------------------------------------------------------------
# Page structure: lists, comments, footers, teasers

_COMMENT_SECTION = re.compile(r"^(?:\d+\s+)?(?:comments?|responses?|replies|leave a (?:reply|comment)|"
                              r"join the (?:discussion|conversation)|add a comment|comentarios|commentaires|"
                              r"kommentare|commenti|comentários|(?:deja|deixe|lascia|laisser|laissez) (?:un|una|uma|une) \w+|"
                              r"schreibe einen kommentar|(?:أضف|اترك) (?:تعليق|رد)\w*)\b", re.I)
# A highlights box above the story: "Highlights", "Key points", then short bulleted lines.
_HIGHLIGHTS = re.compile(r"^(?:story\s+)?(?:highlights|key\s+(?:points|takeaways|facts)|in\s+brief|at\s+a\s+glance|"
                         r"what\s+you\s+need\s+to\s+know|the\s+big\s+picture|summary|tl;?dr)\s*:?$", re.I)
_BULLET = re.compile(r"^[•·▪*–-]\s*\S")
# "About us", "About the author": a blurb about the site or the writer, near the end of the page.
_ABOUT_HEADING = re.compile(r"^about (?:us|the authors?|the writer|the site|this site|the publisher)\s*:?$", re.I)
_LIST_HEADING = re.compile(r"^(?:related(?: posts| articles| stories| news| content)?|you may (?:also )?like|"
                           r"more (?:top |latest )?(?:stories|news|headlines|from [^.]{1,40}|on this topic)|read (?:more|also|next)|"
                           r"recommended|most (?:read|popular|viewed|recent)|trending(?: now)?|latest (?:news|stories)|"
                           r"see also|also read|editor'?s picks?|check (?:also|this out)|don'?t miss|"
                           r"اقرأ أيضا|اقرأ أيضاً|مواضيع ذات صلة|أخبار ذات صلة|الأكثر قراءة)\s*:?$", re.I)
# A related article's teaser: its summary cut short and a link, "... a fresh… Read more »".
_TEASER = re.compile(r"(?:…|\.\.\.)\s*(?:read more|continue reading|more|full story)\s*[»›>]*$", re.I)
# The page's own date header before the text: "date 2017-09-04 4 September 2017".
_DATE_HEADER = re.compile(r"^date\s*:?\s*(?P<date>\d{4}-\d{2}-\d{2})\s+(?P<rest>\S.*)$", re.I)
# "Pubdate: Thu, 01 Sep 2016" / "Source: X": an archive's header fields, one a line.
_HEADER_FIELD = re.compile(r"^[A-Z][A-Za-z-]{1,15}:\s+\S")
_NOT_OUTLET_NAMES = {"us", "me", "our", "this", "the", "more", "now", "here"}


def _is_list_item_like(line: str) -> bool:
    """A short unpunctuated line: a headline in a related-articles list, a label, a button."""
    return _words(line) <= 20 and not is_sentence(line)


def _split_blocks(text: str) -> list[str]:
    """Blocks are paragraphs. Hard-wrapped paragraphs are joined; one-line-per-paragraph text kept."""
    raw_blocks = [b for b in re.split(r"\n\s*\n", text) if b.strip()]
    multi = [b for b in raw_blocks if "\n" in b.strip()]
    lines_total = sum(len(b.strip().split("\n")) for b in raw_blocks)
    blocks: list[str] = []
    # Text is hard-wrapped when most blocks span several lines that are all of similar, short width.
    wrapped = bool(multi) and len(multi) >= len(raw_blocks) / 2 and lines_total > len(raw_blocks)
    if wrapped:
        lengths = [len(x) for b in multi for x in b.strip().split("\n")[:-1]]
        wrapped = bool(lengths) and max(lengths) <= 100 and sum(lengths) / len(lengths) >= 40
        # a wrapped paragraph's last line is no longer than the others: a short line over a long
        # one is a headline over its paragraph ("Headline\nLede of 800 characters ...")
        wrapped = wrapped and sum(len(b.strip().split("\n")[-1]) > 160 for b in multi) <= len(multi) // 4
    for block in raw_blocks:
        lines = [x.strip() for x in block.strip().split("\n") if x.strip()]
        if wrapped and not all(_HEADER_FIELD.match(x) for x in lines):
            blocks.append(" ".join(lines))
        else:
            blocks.extend(lines)
    if blocks:
        header = _DATE_HEADER.match(blocks[0])
        if header:
            blocks[0:1] = ["date " + header.group("date"), header.group("rest")]
    return blocks


def _outlet_evidence(line: str, count: int, body_started: bool, evidence: list[tuple[int, str]],
                     after_prose: bool = False, above: str | None = None, early: bool = False) -> bool | None:
    """Adds what the line says about the outlet to ``evidence``; True when the line is a sign-off
    that ends the story ("- REUTERS"), None when it is a credit line to drop ("• Kyodo")."""
    def add(rank: int, name: str | None) -> None:
        name = notes.clean_name(name)
        if name and name.casefold() not in _NOT_OUTLET_NAMES:
            evidence.append((rank, name))

    if count <= 40 and (match := notes.CREDIT_FOR.match(line)):
        add(notes.AGENCY, match.group("name"))
    if count <= 25 and (name := notes.syndication_outlet(line)):
        add(notes.CREDITED, name)
        return None  # the syndication note is furniture
    if count > 12:
        return False
    byline = byline_head(line) or line  # "By X 21 February, 2020 07:02 AM": the byline before the date
    if match := notes.OUTLET_PROMPT.match(line):
        add(notes.PROMPT, match.group("name"))
    elif match := notes.LOGO_LINE.match(line):
        add(notes.CREDITED, match.group("name"))
    elif match := notes.BYLINE_OUTLET.match(byline) or notes.BYLINE_MASTHEAD.match(byline):
        add(notes.CREDITED, match.group("name"))
    elif name := notes.byline_outlet(byline):
        add(notes.CREDITED, name)
    elif not body_started and (match := notes.SOURCE_LINE.match(line)):
        add(notes.SOURCE, match.group("name"))
    elif not body_started and (match := notes.AGENCY_BULLET.match(line)):
        add(notes.AGENCY, match.group("name"))
        return None  # the credit line is furniture
    elif not body_started and (match := notes.NAME_DATE.match(line)):
        add(notes.CREDITED, match.group("name"))
    # Credit lines stand among the page's first lines, under the headline and a deck that may
    # already read as prose ("early"): "Hindustan Times, New Delhi", "AFP - [email protected]".
    elif (not body_started or early) and (match := notes.EMAIL_CREDIT.match(line) or notes.PRINT_MASTHEAD.match(line)):
        add(notes.CREDITED, match.group("name"))
        return None  # the credit line is furniture
    elif (not body_started or early) and (match := notes.SOURCE_CITATION.match(line)):
        add(notes.SOURCE, match.group("name"))
        return None
    elif (not body_started or early) and (credit := notes.masthead_credit(line)) and (
            credit[1] == notes.CREDITED or above is None or not is_sentence(above) and _words(above) >= 3):
        add(credit[1], credit[0])  # a bare name counts right under a headline-shaped line or atop the page
        return None if above is not None else False  # atop the page it may be the headline: the headline decides
    elif (not body_started or early) and (match := DESK_BYLINE.match(line)):
        if not set(match.group("name").casefold().split()) & notes.DESK_WORDS:
            add(notes.DESK, match.group("name"))
    elif not body_started and (match := notes.PLACE_AGENCY_LINE.match(line)) and not notes.is_place(match.group("name")):
        add(notes.AGENCY, match.group("name"))
        return None  # the dateline is furniture
    elif after_prose and (match := notes.SIGN_OFF.match(line)) and match.group("name").isupper():
        add(notes.AGENCY, match.group("name"))
        return True
    if body_started and (match := notes.SOURCE_LINE.match(line)):
        if passing.is_newsroom(match.group("name")):  # "Source: Saudi Press Agency" under the story
            add(notes.SOURCE, match.group("name"))
        return True
    return False


def clean(text: str, *, title_hint: str | None = None, outlet: str | None = None) -> CleanText:
    """Split normalised text into headline and body, removing boilerplate.

    ``title_hint`` is a title the input gave explicitly (front matter, sidecar, HTML <title>): when
    present, a first line repeating it is removed from the body rather than taken as body text.
    """
    blocks = _split_blocks(normalise(text))
    latin = is_latin_page(blocks)
    removed: list[str] = []
    evidence: list[tuple[int, str]] = []
    publishers: list[str] = []
    translated_from: str | None = None
    kept: list[str] = []
    end_mark: int | None = None  # where a sign-off or a source credit ended the story (in ``kept``)
    in_list = list_item = in_comments = in_footer = body_started = False
    highlights = summaries = 0
    total_chars = sum(len(b) for b in blocks) or 1
    chars_before = 0
    for index, line in enumerate(blocks):
        late = chars_before >= total_chars * 0.5  # past the middle of the page's text
        chars_before += len(line)
        if "[" in line and SHORTCODE.search(line):
            removed.extend(m.group(0) for m in SHORTCODE.finditer(line))
            line = SHORTCODE.sub("", line).strip()
            if not line:
                continue
        if has_inline_furniture(line):
            rest = INLINE_FURNITURE.sub("", line).strip()
            removed.append(line if not rest else INLINE_FURNITURE.search(line).group(0))
            if not rest:
                continue
            line = rest
        words = _words(line)
        second_half = index >= len(blocks) * 0.5
        if not in_comments and _starts_comments(line, index, len(blocks), len(kept), words):
            in_comments = True  # reader comments follow; furniture after them still names the outlet
        lang = translation_note(line, words)
        if lang:
            translated_from = translated_from or lang
            name = notes.translation_credit_outlet(line)
            if name:
                evidence.append((notes.CREDITED, name))
            if name := notes.clean_name(notes.original_outlet(line)):
                evidence.append((notes.SOURCE, name))  # "... To read the original in full, visit X."
            removed.append(line)
            if body_started and late:
                end_mark = len(kept)
            continue
        if not body_started and words <= 3 and notes.TRANSLATION_TAG.match(line):
            translated_from = translated_from or UNNAMED_LANGUAGE  # the item's tag: "Translation"
            removed.append(line)
            continue
        prefix = notes.CREDIT_PREFIX.match(line)
        if prefix:  # "Author, translated by X, April 2, 2024 Text ...": the credit is furniture
            translated_from = translated_from or UNNAMED_LANGUAGE
            removed.append(prefix.group(0).strip())
            line = line[prefix.end():]
            words = _words(line)
        said = _outlet_evidence(line, words, body_started, evidence,
                                after_prose=body_started and bool(kept) and is_sentence(kept[-1]),
                                above=kept[-1] if kept else None, early=index < 8)
        if said is None:
            removed.append(line)
            continue
        if said and late:
            end_mark = len(kept)
        if words <= 25 and COPYRIGHT.search(line):
            name = notes.clean_name(copyright_owner(line))
            if name:
                publishers.append(name)
                evidence.append((notes.COPYRIGHT_OWNER, name))
        elif words <= 80 and COPYRIGHT.match(line):
            name = notes.clean_name(copyright_owner(line))
            if name:
                publishers.append(name)
                evidence.append((notes.COPYRIGHT_OWNER, name))
        if in_comments or in_footer:
            removed.append(line)
            continue
        if body_started and late and (_ABOUT_HEADING.match(line) or _about_heading(line, blocks, index)):
            in_footer = True  # "About us", or "About Valley News" over "Valley News is ...": the site's blurb
            removed.append(line)
            continue
        if body_started and second_half and COPYRIGHT.match(line) and FOOTER_COPYRIGHT.search(line):
            in_footer = True  # "© 2026 X. All rights reserved.": the page's footer starts here
            removed.append(line)
            continue
        if not body_started and _HIGHLIGHTS.match(line):
            highlights = 6  # the box's items follow: bulleted or short lines, six at most
            removed.append(line)
            continue
        if highlights:
            if _BULLET.match(line) or words <= 18:
                highlights -= 1
                removed.append(line)
                continue
            highlights = 0
        if _LIST_HEADING.match(line):
            in_list = True
            list_item, summaries = False, 0
            removed.append(line)
            continue
        if in_list and _is_list_item_like(line) and not (
                not body_started and index + 1 < len(blocks) and (
                    _is_sentence_paragraph(blocks[index + 1]) or is_byline(blocks[index + 1])
                    or is_dateline(blocks[index + 1]) and any(  # a teaser's date has another headline under it
                        _is_sentence_paragraph(x) or is_byline(x) for x in blocks[index + 2:index + 5]))):
            removed.append(line)  # before the story, the line above its first paragraph is its headline
            list_item = True
            continue
        if in_list and list_item and words <= 35 and is_sentence(line) and (
                index + 1 < len(blocks) and _is_list_item_like(blocks[index + 1]) and _words(blocks[index + 1]) >= 3
                and not is_boilerplate(blocks[index + 1]) or summaries and index + 1 == len(blocks)
                or line.endswith(("…", "..."))):  # its summary cut short
            removed.append(line)  # a related story's one-sentence summary under its headline, more follow
            list_item = False
            summaries += 1
            continue
        in_list = False
        if is_boilerplate(line, words) or (latin and is_foreign_widget(line)) or (
                not body_started and is_menu_run(blocks, index)):
            removed.append(line)
            continue
        if _TEASER.search(line) and words <= 80:
            removed.append(line)  # a related article's teaser, and its headline just above
            if kept and body_started and _is_list_item_like(kept[-1]):
                removed.append(kept.pop())
            continue
        kept.append(line)
        if _is_sentence_paragraph(line) and words >= 12:
            body_started = True

    if end_mark is None and (start := _next_post_start(kept)) is not None:
        removed.extend(kept[start:])  # a listing page: the next post, its headline over a byline or date
        del kept[start:]
    tail = kept[end_mark:] if end_mark is not None else []
    if tail and _is_list_item_like(tail[0]) and not _BULLET.match(tail[0]):
        removed.extend(tail)  # after the sign-off: a label and the next story's headline
        del kept[end_mark:]
    owners = [n for _, n in sorted(evidence, key=lambda e: e[0])]
    title, body = _take_headline(kept, title_hint, removed, outlet or (owners[0] if owners else None), evidence)
    if title is None and tail and (title := _headline_after_story(tail, body)):
        body = [line for line in body if line is not title]
    if title is None:  # no sign-off either: the headline may close the page, under the story
        title, body = tail_rules.headline_at_end(body, removed)
    body = tail_rules.drop_foreign_tail(body, removed)
    body = _drop_labels(body, removed)
    body = _trim_tail(body, removed)
    body = _drop_repeats(body, removed)
    for paragraph in body[:3]:
        is_note, name = notes.translator_sentence(paragraph)
        if is_note:
            translated_from = translated_from or UNNAMED_LANGUAGE
            if name:
                evidence.append((notes.CREDITED, name))
            break
    for paragraph in body[:3]:  # the lede, under a deck or a caption at most
        agency = split_lede_dateline(paragraph)[0]
        if agency:
            evidence.append((notes.AGENCY, agency))
            break
    if body and _words(body[-1]) >= 8 and (closing := notes.CLOSING_AGENCY.search(body[-1])):
        name = notes.clean_name(closing.group("name") or closing.group("caps"))
        if name and any(c.isupper() for c in name) or name and name.islower() and len(name) <= 4:
            evidence.append((notes.AGENCY, name))
    if body and (word := tail_rules.closing_credit(body, blocks)):
        evidence.append((notes.AGENCY, word))  # "... yesterday afternoon. — Bernama"
    _passing_evidence(blocks, body, evidence)
    return CleanText(
        title=title,
        paragraphs=tuple(body),
        removed=tuple(removed),
        translated_from=translated_from,
        outlet_hints=tuple(dict.fromkeys(n for _, n in sorted(evidence, key=lambda e: e[0]))),
        publisher_hints=tuple(dict.fromkeys(publishers)),
        outlet=notes.pick_outlet(evidence),
    )


def _about_heading(line: str, blocks: list[str], index: int) -> bool:
    """"About Valley News" over "Valley News is an independent ...": the site's blurb starts."""
    match = _ABOUT_NAME.match(line)
    if not match or index + 1 >= len(blocks):
        return False
    return blocks[index + 1].startswith(match.group("name") + " ") and bool(
        _BLURB_VERB.match(blocks[index + 1][len(match.group("name")):]))


_ABOUT_NAME = re.compile(r"^about\s+(?P<name>(?:the\s+)?[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3})\s*:?$", re.I)
_BLURB_VERB = re.compile(r"\s+(?:is|was|are|has\s+been)\s+(?:a|an|the|one)\b")


def _next_post_start(kept: list[str]) -> int | None:
    """On a listing page the next post follows the story: its headline over a byline, or over a date
    line and then its text. Only in the page's second half, after two paragraphs of the story, and
    not a headline sharing the story's words (a timeline's sub-heading over a date)."""
    under = [i for i in range(len(kept) // 2, len(kept) - 2)
             if len(kept[i + 1]) <= 100 and (is_byline(kept[i + 1]) or is_dateline(kept[i + 1]))]
    if not under:
        return None  # a cheap test first: no byline or date line in the page's second half
    prose = [i for i, line in enumerate(kept) if _is_sentence_paragraph(line) and _words(line) >= 12]
    if len(prose) < 3:
        return None
    lede = _stems(" ".join(kept[i] for i in prose[:2]))
    for i in under:
        if i <= prose[1]:
            continue
        line, below = kept[i], kept[i + 1]
        if not (_is_list_item_like(line) and _words(line) >= 3 and not _BULLET.match(line)
                and _is_sentence_paragraph(kept[i - 1])):
            continue
        dated = is_dateline(below) and _is_sentence_paragraph(kept[i + 2])
        if (is_byline(below) or dated) and len(_stems(line) & lede) < 2:
            return i
    return None


def _passing_evidence(blocks: list[str], body: list[str], evidence: list[tuple[int, str]]) -> None:
    """The outlet named in passing (generator.clean.outlet): a note to the readers, the text's own
    reporting voice, a caption's credit. Weakest signs: they count only when nothing else names one."""
    kept = set(body)
    for line in blocks:
        if (name := passing.reader_note_outlet(line)) and line not in kept and _words(line) <= 80 and (
                name := notes.clean_name(name)):
            evidence.append((notes.READER_NOTE, name))
    if name := notes.clean_name(passing.own_reporting_outlet(body)):
        evidence.append((notes.OWN_REPORTING, name))
    last = body[-1] if body else None
    for line in blocks:
        if line is not last and (name := passing.caption_credit(line)) and _words(line) <= 60 and (
                name := notes.clean_name(name)):
            evidence.append((notes.CAPTION, name))


def _starts_comments(line: str, index: int, total: int, kept: int, words: int) -> bool:
    """A "N Comments" / "Leave a Reply" heading in the second half, after the article's body."""
    return kept >= 2 and index >= total * 0.5 and words <= 6 and bool(_COMMENT_SECTION.match(line))


def _drop_labels(lines: list[str], removed: list[str]) -> list[str]:
    """One-word lines in the body ("Kenya", "USAID", "0"): section labels, counters, credits."""
    kept = []
    for line in lines:
        if _words(line) == 1 and not is_sentence(line) and len(lines) > 1:
            removed.append(line)
        else:
            kept.append(line)
    return kept


def _is_link_like(line: str) -> bool:
    """Another story's headline as a link: short, unpunctuated, no bullet or bracketed source."""
    return (_words(line) <= 14 and not is_sentence(line) and line[:1].isalnum()
            and not line.endswith(("]", ")")))


def _trim_tail(lines: list[str], removed: list[str]) -> list[str]:
    """Short unpunctuated lines at the very end (button labels, section names) are furniture, and
    so is a run of four or more headline-shaped lines closing the page (other stories' links)."""
    end = len(lines)
    while end > 1 and _is_link_like(lines[end - 1]):
        end -= 1
    if len(lines) - end < 4:
        end = len(lines)
    while end > 1 and _words(lines[end - 1]) <= 6 and not is_sentence(lines[end - 1]):
        end -= 1
    removed.extend(lines[end:])
    return lines[:end]


def _drop_repeats(lines: list[str], removed: list[str]) -> list[str]:
    """Pull quotes and repeated widgets: a short paragraph that repeats text found elsewhere."""
    if len(lines) < 2:
        return lines
    folded = [_fold(line) for line in lines]
    joined = "\n".join(folded) if len(lines) <= 400 else ""  # pull quotes: checked on article-sized text
    exact = Counter(folded)
    seen: set[str] = set()
    kept = []
    for line, key in zip(lines, folded):
        if key in seen:
            removed.append(line)
            continue
        seen.add(key)
        # Found inside another, different paragraph (exact repeats are handled above).
        if joined and 4 <= _words(line) <= 40 and joined.count(key) > exact[key]:
            removed.append(line)
            continue
        kept.append(line)
    return kept



# ---------------------------------------------------------------------------------------------
# Credits, dates and bylines of the raw text (for metadata)

def credits(text: str) -> list[str]:
    """Names in "Reporting by X and Y; Editing by Z" lines: the story's reporters."""
    names = []
    for line in normalise(text).split("\n"):
        match = CREDIT.match(line.strip())
        if match and re.match(r"[(\[]?(?:additional\s+)?(?:reporting|writing|written)", line.strip(), re.I):
            names.append(match.group("names").strip(" .;"))
    return names


# A date label that opens the page, the text running on after it on the same line: "date 2022-04-25 Twitter
# has agreed ...", "Published: 2019-04-15 PARIS (AP) ...".
_LEADING_DATE = re.compile(r"\s*(?:date|dated|published|posted)\s*:?\s+(\d{4}-\d{2}-\d{2})\b", re.I)


def datelines(text: str) -> list[str]:
    """Date lines of the raw text (before cleaning): publication dates are often given this way."""
    lines = [line for line in normalise(text).split("\n") if line]
    leading = _LEADING_DATE.match(lines[0]) if lines else None
    return ([leading.group(1)] if leading else []) + [line for line in lines[:12] + lines[-8:] if is_dateline(line)]


def bylines(text: str) -> list[str]:
    return [name for line in normalise(text).split("\n")[:12] if line for name in [byline_name(line)] if name]
