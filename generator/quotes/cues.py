"""Attribution cues: the speaker phrase of ``, X said`` after a quotation and of ``X said: “``
before one, sentence subjects and sentence boundaries.
"""
from __future__ import annotations

import re

from generator.newslang import (
    ABBREVIATIONS,
    ADVERBS,
    INTRO_WORDS,
    NOT_SPEECH,
    NP_STOP,
    PARTICLES,
    PRONOUNS,
    ROLE_NOUNS,
    SENTENCE_START_WORDS,
    SUBJECT_STOP,
    TITLE_WORDS,
)
from generator.quotes.patterns import (
    _ABBREV_RE,
    _ACCORDING_RE,
    _APPOSITION_AFTER_RE,
    _COLON_END_RE,
    _CONTEXT,
    _PARTY_TAGS_RE,
    _POST_ACCORDING_RE,
    _POST_GENERIC_RE,
    _POST_NP_FIRST_RE,
    _POST_VERB_FIRST_RE,
    _PRE_TAIL_COMMAS_RE,
    _PRE_TAIL_RE,
    _SENT_BOUNDARY_RE,
    _SPEECH_RE,
    _SPEECH_VERBS,
)
from generator.quotes.people import _is_bare_name, _is_description
from generator.quotes.naming import (
    _LEADING_ACCORDING_RE,
    _QUOTED_SAYING_RE,
    _WHILE_DOING_RE,
    ed_verb_first,
    named_as,
)


_BARE_CUE_RE = re.compile(  # a name or pronoun and a speech verb, or a speech verb and a name
    rf"^[ \u00a0]+(?:(?:(?:[A-Z][\w’'.\-]*|the|a)[ \u00a0]+){{1,5}}|(?:he|she|they)[ \u00a0]+)"
    rf"(?:{ADVERBS}[ \u00a0]+)*(?:{_SPEECH_VERBS})\b|^[ \u00a0]+(?:said|says|wrote|added)[ \u00a0]+[A-Z]")


def _post_attribution(tail: str) -> tuple[str | None, int] | None:
    """Speaker phrase of ``, X said`` / ``, said X`` right after a closing mark.

    The phrase may carry an apposition after a comma (``Ana Ruiz, a strategist``).
    """
    tail = _PLACE_COMMA_RE.sub(" ", tail[:_CONTEXT])  # "of Dayton, Ohio., said" keeps one apposition
    tail = _AGE_RE.sub(_blank_age, tail)  # "Ana Ruiz, 67, a nurse, said" keeps one apposition
    # "Ana Ruiz, of Dayton, who was among those polled, said": the relative clause right
    # before the verb is blanked (same length), keeping one apposition
    tail = _RELATIVE_BEFORE_VERB_RE.sub(lambda m: " " * len(m.group()), tail)
    m = _POST_ACCORDING_RE.match(tail)
    if m:
        return m.group("np"), m.end()
    # “...” in the 2008 primary, said X: a prepositional phrase set off before the verb-first cue
    tail = _LEAD_PREP_RE.sub(lambda m: " " * len(m.group()), tail)
    m = _POST_VERB_FIRST_RE.match(tail)
    if m and m.group("verb")[:1].isupper():
        m = None  # “...,” State spokesman X said: a capitalised word after the mark is a name, not the cue
    if m and m.group("verb").lower().endswith("ing"):
        return None, m.start("np")  # “...,” promising the club will return: not "said X"
    if m and (named := named_as(tail[m.start("np"):])) is not None:
        return named[0], m.start("np") + named[1]  # said a man calling himself Tom Reed
    if m and not _looks_like_clause(m.group("np")):
        np = _np_after(tail[m.start("np"):]) or m.group("np")
        first = np.split()[0].lower()
        if first not in {"that", "it", "this", "there"} and (first != "the" or len(np.split()) <= 6):
            last = np.split()[-1]
            np_end = max(m.end("np"), tail.find(last, m.start("np")) + len(last))
            app = _APPOSITION_AFTER_RE.match(tail[np_end:])
            if app and _is_role_phrase(app.group(1)):
                return np + ", " + app.group(1), np_end
            return np, np_end
    if m is None and (exhorted := ed_verb_first(tail)) is not None:
        return exhorted
    m = _POST_GENERIC_RE.match(tail)
    if m and m.group("verb").lower() not in NOT_SPEECH:
        return m.group("np"), m.end("verb")
    m = _QUOTED_SAYING_RE.match(tail)  # ,” Ruiz was quoted by the agency as saying: the subject spoke
    if m and _subject_like(m.group("np")):
        return m.group("np"), m.end("np")
    m = _POST_NP_FIRST_RE.match(tail)
    if m and m.group("np").split()[0] in _NEW_SENTENCE_OPENERS:
        m = None  # “...” Later in the summer, she revised it: a new sentence, not an attribution
    if m and _subject_like(m.group("np")):
        np, app = m.group("np"), m.group("app")
        short = len(np.split()) <= 4 and (np[:1].isupper() or np.lower() in PRONOUNS or np[:3].lower() in {"al-", "el-"}) \
            or _role_and_name(np)
        if m.group("rest") is None and not short and app is None:
            return None
        if app is not None:
            if not (_is_role_phrase(app) or _is_role_phrase(np)):
                return None
            return np + ", " + app, m.end("verb")
        return np, m.end("verb")
    return None


_LEAD_PREP_RE = re.compile(
    rf"^[ \u00a0]+(?:in|on|at|during|after|before|for|of|about)[ \u00a0][^,;:!?“”\"«»—.]{{1,60}},(?=[ \u00a0]+(?:{_SPEECH_VERBS})[ \u00a0]+\w)")
_PLACE_COMMA_RE = re.compile(r",(?=\s+(?:[A-Z][a-z]{1,4}|[A-Z]\.[A-Z])\.,)")
_AGE_RE = re.compile(r"(?<=[a-z.]),[ \u00a0]+\d{1,3},(?=\s+(?P<verb>(?:(?:" + ADVERBS + r")\s+)*(?:"
                     + _SPEECH_VERBS + r")\b)?)", re.IGNORECASE)


_RELATIVE_BEFORE_VERB_RE = re.compile(  # "X, wearing a “Vote Lund” pin, said": a participle clause too
    r"(?<=[\w.]),[ \u00a0]+(?:(?:who|which)\b[^,;:!?“”\"«»—()]{1,100}|[a-z]{3,}ing\b[^,;:!?—()]{1,100}),(?=[ \u00a0]+(?:(?:" + ADVERBS + r")\s+)*(?!\w+ing\b)(?:"
    + _SPEECH_VERBS + r")\b)")  # not before a participle: "said X, who ..., stating," is X's second cue


def _blank_age(m: re.Match) -> str:
    """``, 67,`` after a name: blanked (same length), keeping a comma before a further apposition."""
    return " " * len(m.group()) if m.group("verb") else "," + " " * (len(m.group()) - 1)


def _np_after(text: str) -> str:
    """Noun phrase at the start of ``text``; periods of initials and titles do not end it."""
    picked: list[str] = []
    tokens = text[:160].split()
    for k, token in enumerate(tokens):
        if picked and token.lower() in NP_STOP and not (
                token.lower() == "and" and picked[-1].lower() in TITLE_WORDS and picked[-1].endswith(".")) \
                and not _office_of(picked, tokens, k):
            break  # "former Vermont Gov. and Club Chairman Carl Lund": a title does not end a name
        bare = token.rstrip(",;:!?.)”\"")
        if token[-1:] in ",;:!?”\"" or (token.endswith(".") and not _ABBREV_RE.match(token)):
            if bare:
                picked.append(bare)
            break
        picked.append(token)
        if len(picked) >= 12:
            break
    return " ".join(picked)


def _is_role_phrase(text: str) -> bool:
    """``a Democrat from Ohio``, ``senior strategist for X``, ``Ana Ruiz``."""
    words = text.split()
    if not words or len(words) > 16:
        return False
    low = words[0].lower()
    if low in {"who", "which", "referring", "adding", "noting", "saying", "according", "and", "but",
               "though", "although", "because", "when", "while", "as", "in", "on", "at", "during"}:
        return False
    if low.endswith("ing") and words[0][:1].islower():
        return False
    return True


def _looks_like_clause(np: str) -> bool:
    words = np.split()
    return len(words) > 12 or (bool(words) and words[0].lower() in {"that", "if", "whether", "it", "so", "to"})


def _role_and_name(np: str) -> bool:
    """``Clinton campaign Chairman John Podesta``: a capitalised phrase ending in a two-word name,
    the subject of a cue whatever object follows the verb (``told The Huffington Post in ...``)."""
    words = np.split()
    return 2 <= len(words) <= 7 and all(w[:1].isupper() for w in (words[0], words[-2], words[-1])) \
        and not any(w.lower() in _CLAUSE_WORDS for w in words)


_CLAUSE_WORDS = frozenset({"is", "was", "are", "were", "has", "have", "had", "will", "would", "not", "be",
                           "and", "or", "but", "that", "which", "who", "the", "this", "if", "when"})
# "Jeffrey Lewis of the James Martin Center for Nonproliferation Studies wrote": a name and its affiliation
_NAME_AFFILIATION_RE = re.compile(r"^[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){1,3}\s+(?:of|at|from|with)\s+(?:the\s+)?[A-Z]")


def _subject_like(np: str) -> bool:
    """True when ``np`` can be the subject of an attribution verb (short noun phrase)."""
    words = np.split()
    if not words or len(words) > (14 if _NAME_AFFILIATION_RE.match(np) else 9):
        return False
    low = [w.lower() for w in words]
    if low[0] in {"and", "but", "or", "which", "that", "if", "when", "because", "so", "to", "as"}:
        return False
    if len(words) == 1:
        return low[0] in PRONOUNS or words[0][:1].isupper() or bool(re.match(r"(?:al|el)-", words[0]))
    if low[0] in PRONOUNS:
        return False
    if any(w in {"is", "was", "are", "were", "has", "have", "had", "will", "would", "not", "be"} for w in low):
        return False
    return True


def _pre_attribution(before: str, quote: str) -> tuple[str | None, int] | None:
    """Speaker phrase of ``X said: “`` / ``X stressed that “`` (text up to the mark).

    When the cue is a participle or a second verb of the sentence (``X met voters, saying, “``;
    ``X ... and added, “``; ``X interjected to say: “``) the speaker is the sentence's subject.
    """
    start = _sentence_start(before)
    sentence = before[start:]
    if not sentence.strip():
        return None
    credit = _CREDIT_RE.search(sentence)
    if credit is not None:  # "POLLS WERE EARLY - Ana Ruiz: “...", "More from Ruiz: “..."
        return credit.group("name"), start + credit.start("name")
    first = _VERB_FIRST_RE.match(sentence)  # "Said Ana Ruiz, who grew up here, “..." / "Stated Ruiz: “"
    if first is not None and first.group("np").strip()[:1].isupper():
        return first.group("np").strip(), start + first.start("np")
    late = _LATE_VERB_FIRST_RE.search(sentence)  # "In other words, explained CBS moderator Ana Ruiz: “"
    if late is not None and _role_words_and_name(late.group("np").split()):
        return late.group("np"), start + late.start("np")
    # Same-length rewrites keep offsets: "20,000 followers" and ", however," do not end the object.
    original = sentence
    sentence = _THOUSANDS_RE.sub("0", sentence)
    sentence = _ABBREV_DOT_RE.sub(lambda m: m.group()[:-1] + " ", sentence)  # "adding of Mr. Hale,"
    sentence = _ASIDE_RE.sub(lambda m: " " * len(m.group()), sentence)
    verb = None
    for found in _SPEECH_RE.finditer(sentence):
        if not _in_name(sentence, found.start()):
            verb = found
    according = None
    for according in _ACCORDING_RE.finditer(sentence):
        pass
    if according is not None and according.end() >= len(sentence.rstrip()) - 1:
        return according.group(1), start + according.start(1)
    leading = _LEADING_ACCORDING_RE.match(sentence)  # "According to Ana Ruiz, the mayor, “..."
    if leading is not None:
        return leading.group("np") + (", " + leading.group("app") if leading.group("app") else ""), \
            start + leading.start("np")
    if verb is None:
        if _COLON_END_RE.search(sentence):  # "Ruiz pushed back at the hearing: “..."
            subject = _sentence_subject(sentence) if quote[:1].isupper() else None
            return (subject[0], start + subject[1]) if subject else (None, start)
        return None
    tail = _PRE_TAIL_RE.match(sentence[verb.end():])
    comma_object = False
    if tail is None and quote[:1].isupper():
        # "said on Monday, in reference to her child, a girl born in 2014, “...": an object
        # with commas, when the quotation opens a sentence of its own after the last comma
        tail = _PRE_TAIL_COMMAS_RE.match(sentence[verb.end():])
        if tail is not None and len(tail.group("obj").split()) > 16:
            tail = None
        comma_object = tail is not None
    # "X explained that the flats are not only for migrants: “It is a mixed residence.”": a cue
    # whose long object ends in a colon introduces the quotation
    colon_cue = quote[:1].isupper() and bool(_COLON_END_RE.search(sentence)) \
        and len(sentence[verb.end():].split()) <= 40 and not _PASSIVE_RE.search(original[:verb.start()])
    if tail is None and not colon_cue:
        return None
    if tail is None or (colon_cue and len(tail.group("obj").split()) > 10):
        subject = _cue_subject(original, verb)
        return (subject[0], start + subject[1]) if subject else (None, start)
    punct = tail.group("punct").lower()
    obj = tail.group("obj").strip()
    ends_sentence = bool(re.search(r"[.!?]['’]?\s*$", quote))
    if not punct and not quote[:1].isupper() and not (not obj and ends_sentence and len(quote.split()) >= 4):
        return None  # 'He says “the plan works.”' is speech; 'called it “a mess”' is not
    if punct == "that" and not (quote[:1].isupper() or len(quote.split()) >= 5
                                or (ends_sentence and len(quote.split()) >= 3)):
        return None
    if obj and not comma_object and len(obj.split()) > (10 if punct.endswith("that") or (punct and quote[:1].isupper()) else 6):
        return None  # "told the Post in a written statement, “I ..." is a cue; a long clause is not
    head = original[:verb.start()]
    if _PASSIVE_RE.search(head):
        return None, start  # "Trump was asked, “...": the speaker is not the subject
    subject = _cue_subject(original, verb)
    if subject is None:
        return None, start
    return subject[0], start + subject[1]


_LATE_VERB_FIRST_RE = re.compile(
    r",[ \u00a0]+(?:said|says|explained|added|adds|asked|wrote|noted|continued|recalled|replied)[ \u00a0]+"
    r"(?P<np>[\w.’'\-]+(?:[ \u00a0]+[\w.’'\-]+){1,6})[ \u00a0]*[:,][ \u00a0]*$")


def _role_words_and_name(words: list[str]) -> bool:
    """``CBS moderator Ana Ruiz``: capitalised words and role words, ending in a two-word name."""
    return len(words) >= 2 and all(w[:1].isupper() for w in words[-2:]) and all(
        w[:1].isupper() or w.lower() in ROLE_NOUNS or w.lower() in TITLE_WORDS for w in words)


def _cue_subject(original: str, verb: re.Match) -> tuple[str, int] | None:
    """The speaker of the cue ``verb`` in the sentence ``original`` and its offset there."""
    head = original[:verb.start()]
    # "Justice X while adjourning the hearing noted": a participle clause between subject and verb
    head = _WHILE_DOING_RE.sub("", head)
    subject = None if _SECONDARY_CUE_RE.search(head) or verb.group().lower().endswith("ing") \
        else _subject_before(head)
    main = _MAIN_CUE_RE.search(head) if verb.group().lower().endswith("ing") else None
    if main is not None:  # "..., Nefzi said, adding, “" -- the subject of the verb before the participle
        subject = _subject_before(head[:main.start()])
    if subject is None and verb.group().lower().endswith("ing"):
        with_np = _WITH_SUBJECT_RE.search(head)  # "..., with Ruiz reportedly yelling: “"
        if with_np is not None:
            subject = _subject_before(head[:with_np.end("np")])
    if subject is None:
        to_verb = _CONTROL_TO_RE.search(head)  # "Ruiz was prompted to say, “" / "Ruiz went on to say"
        if to_verb is not None:
            subject = _subject_before(head[:to_verb.start()])
    if subject is None:
        subject = _sentence_subject(head)
    if subject is None:
        # “A,” Ruiz said, adding, “B.” -- B is Ruiz's too; else (verb-first or passive: "Said
        # X, “...", "told by X") no subject
        return _quote_then_cue(head)
    return subject


def _in_name(text: str, i: int) -> bool:
    """A capitalised cue word after a capitalised word is part of a name (``United States``)."""
    if not text[i:i + 1].isupper():
        return False
    before = text[max(0, i - 40):i].split()
    return bool(before) and before[-1][:1].isupper() and not before[-1].endswith((".", ":", ",")) \
        and not re.match(r"^(?:''|[“”\"])", before[-1])


def _quote_then_cue(head: str) -> tuple[str, int] | None:
    """The speaker of ``“A,” X said,`` at the start of ``head`` (text after a closing mark)."""
    closing = None
    for closing in _CLOSING_MARK_RE.finditer(head):
        pass
    if closing is None:
        return None
    found = _post_attribution(head[closing.end():])
    if found is None or found[0] is None:
        return None
    return found[0], closing.end() + max(0, head.find(found[0], closing.end()) - closing.end())


_PASSIVE_RE = re.compile(r"\b(?:was|were|been|being|is|are|be|get|got)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_VERB_FIRST_RE = re.compile(  # a sentence that opens with the speech verb, the speaker after it
    r"^\s*(?:Said|Says|Added|Adds|Stated|Continued|Continues|Wrote|Writes|Explained|Recalled|Asked|Replied)"
    r"\s+(?P<np>[A-Z][^,:;“”\"«».!?]{0,60}?(?:\.[^,:;“”\"«»!?]{0,40}?)?)\s*(?:,[^,:;“”\"«»]{0,100})?[,:]\s*$")
_NEW_SENTENCE_OPENERS = {"Later", "Earlier", "Afterward", "Afterwards", "Meanwhile", "Still", "However"}
_THOUSANDS_RE = re.compile(r"(?<=\d),(?=\d{3}\b)")
_MAIN_CUE_RE = re.compile(rf"\s(?:{_SPEECH_VERBS})\s*,\s*$", re.IGNORECASE)
_CREDIT_RE = re.compile(  # a digest's lead-in credited to its source after a dash: "... - Ana Ruiz:"
    r"(?:\s[-–—]\s*(?:More from\s+)?|^\s*More from\s+)"
    r"(?P<name>[A-Z][\w.’'\-]*(?:\s+(?:and\s+)?[A-Z][\w.’'\-]*){0,5})\s*:\s*$")
_CLOSING_MARK_RE = re.compile(r"(?:''|[”\"»])(?=[\s,—–-])")
_ABBREV_DOT_RE = re.compile(rf"(?=[A-Z])(?<![\w.])(?:{ABBREVIATIONS}|[A-Z])\.(?=\s)")  # all start with A-Z
_ASIDE_RE = re.compile(r",\s*(?:however|though|too|also|again|then|later|meanwhile|in turn|in response|"
                       r"for (?:his|her|their|its) part)\s*(?=,)", re.IGNORECASE)
_WITH_SUBJECT_RE = re.compile(r"\bwith\s+(?P<np>[A-Z][^,;:“”\"«».!?]{0,60}?)\s+(?:\w+ly\s+)?$")
_CONTROL_TO_RE = re.compile(
    r"(?:\s+(?:was|were|is|are|has|have|had|seemed|appeared))?\s+[a-z]+\s+(?:on\s+)?to\s*$")
_SECONDARY_CUE_RE = re.compile(
    rf"\b(?:and|but|to|then|before|after|by|while|when|in|without|of|for)\s+(?:{ADVERBS}\s+)*$",
    re.IGNORECASE,
)
_TIME_TAIL_RE = re.compile(
    r"(?:\s+(?:later|earlier|also|then|on|last|this|late|early|again|again,|previously|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|"
    r"morning|afternoon|evening|night|week|month|year))+\s*$",
    re.IGNORECASE,
)


_LEADING_CONJUNCTION_RE = re.compile(r"\s*(?:And|But|So|Yet|Or|Still)\s+(?=[A-Z]|(?:he|she|they)\b)")


def _sentence_subject(head: str) -> tuple[str, int] | None:
    """Subject noun phrase of the clause ``head`` (introductory phrases skipped).

    ``Hours later, Ruiz toured the site, telling reporters`` -> ``Ruiz``;
    ``Sen. Ana B. Ruiz (D-Ore.), noting the cost of ...,`` -> ``Sen. Ana B. Ruiz``;
    ``The Green candidate appeared to ...`` -> ``The Green candidate``.
    """
    offset = k = 0
    parts = _split_top_level_commas(head)
    for part in parts[:-1]:
        words = part.split()
        if words and (words[0].lower().strip(".") in INTRO_WORDS or part.strip().lower() in INTRO_WORDS
                      or _PARTICIPLE_INTRO_RE.match(part)):
            offset += len(part) + 1
            k += 1
            continue
        break
    if k + 1 < len(parts) - 1 and parts[k].split()[:1] and parts[k].split()[0].lower() in {"one", "a", "an", "another"} \
            and parts[k + 1].strip()[:1].isupper():
        offset += len(parts[k]) + 1  # "One early supporter, Rep. Ana Ruiz, gave ...": the name in the apposition
    rest = head[offset:]
    conjunction = _LEADING_CONJUNCTION_RE.match(rest)  # "But Ruiz pushed back: “"
    if conjunction is not None:
        offset += conjunction.end()
        rest = head[offset:]
    lead = len(rest) - len(rest.lstrip())
    tokens = re.findall(r"\S+", rest)
    picked: list[str] = []
    for k, tok in enumerate(tokens):
        bare = tok.strip(",;:")
        low = bare.lower()
        if picked and bare[:1].islower() and _role_then_name(tokens, k):
            picked.append(bare)  # "Republican presidential candidate Ana Ruiz", "The Slate technology columnist X"
            continue
        if not picked:
            if low in {"he", "she", "they"}:
                return bare, offset + lead
            if not (bare[:1].isupper() or low in {"the", "his", "her", "their", "its"}
                    or re.match(r"^(?:al|el)-", low) or re.match(r"^\d+-year-old$", low)):
                return None
        elif low in SUBJECT_STOP or (bare[:1].islower() and (low.endswith("ed") or low.endswith("ing"))
                                      and low not in ROLE_NOUNS):
            break
        elif low in ("of", "for") and _office_of(picked, tokens, k):
            pass  # "Former Secretary of State Ana Ruiz said"
        elif bare[:1].islower() and low not in ROLE_NOUNS and low not in TITLE_WORDS \
                and not re.match(rf"^{PARTICLES}$", low) and (
                    any(w[:1].isupper() for w in picked[1:]) or
                    (picked[0].lower() not in {"the", "his", "her", "their", "its"}
                     and not re.match(r"^\d+-year-old$", picked[0].lower()))):
            break  # a lower-case word after a name ends the noun phrase ("The X Foundation describes")
        picked.append(bare)
        if tok.endswith((",", ";", ":")) or len(picked) >= 8:
            break
    if not picked:
        return None
    phrase = " ".join(picked)
    phrase = _TIME_TAIL_RE.sub("", phrase).strip()
    low_first = phrase.split()[0].lower() if phrase else ""
    if not phrase or low_first in SENTENCE_START_WORDS - {"the", "his", "her", "their", "its"}:
        return None
    if low_first in {"the", "his", "her", "their", "its"}:
        if len(phrase.split()) < 2:
            return None
        last = phrase.split()[-1]
        if not (last[:1].isupper() or last.lower() in ROLE_NOUNS):
            return None
    return phrase, offset + lead


def _office_of(picked: list[str], tokens: list[str], k: int) -> bool:
    """``tokens[k]`` is the ``of``/``for`` of an office held by the name that follows it:
    ``Secretary of State Ana Ruiz``, ``minister for foreign affairs Ana Ruiz`` (not ``the mayor of
    the city``): after a title, a few words up to a two-word capitalised name."""
    if tokens[k].lower() not in ("of", "for") or not picked:
        return False
    head = picked[-1].lower().strip(",.")
    if head not in TITLE_WORDS and head not in ROLE_NOUNS:
        return False
    rest: list[str] = []
    for tok in tokens[k + 1:k + 8]:
        bare = tok.rstrip(",;:.!?”\"")
        capital = any(t[:1].isupper() for t in rest)
        if not bare[:1].isupper() and (capital and bare.lower() not in ("the", "and", "of", "for")
                                       or not bare[:1].isalpha() or bare.lower() in NP_STOP - {"and"}):
            break  # "... Ana Ruiz recently urged"; "of state Ana Ruiz" may start lower-case
        rest.append(bare)
        if tok != bare:
            break
    return len(rest) >= 3 and all(t[:1].isupper() for t in rest[-2:])


# "Appearing before supporters on Monday, X said": a participle phrase opening the sentence.
_PARTICIPLE_INTRO_RE = re.compile(  # not a name ending in -ing before its verb: "Boreing said the"
    r"^\s*[A-Z][a-z]{2,}(?:ing|ed)\s+(?!(?:said|says|told|added|wrote|asked|explained)\b)(?:[a-z][\w’'\-]*\s+){1,}")


def _role_then_name(tokens: list[str], k: int) -> bool:
    """Lower-case words from ``tokens[k]`` that end in a role noun followed by a capitalised name."""
    for j in range(k, min(k + 3, len(tokens) - 1)):
        word = tokens[j]
        if not word[:1].islower() or word[-1:] in ",;:":
            return False
        low = word.lower()
        if low in SUBJECT_STOP:
            return False
        if (low in ROLE_NOUNS or low in TITLE_WORDS) and tokens[j + 1][:1].isupper():
            return True
    return False


def _sentence_start(text: str) -> int:
    """Offset of the last sentence of ``text``: the end of its last sentence boundary.

    The candidate boundaries are found left to right (matches do not overlap), then checked
    for abbreviations from the last one back, so only the last real boundary is checked."""
    for m in reversed(list(_SENT_BOUNDARY_RE.finditer(text))):
        if m.end() < len(text) and _real_boundary(text, m):
            return m.end()
    return 0


def _sentence_boundaries(text: str):
    """Sentence boundaries of ``text``; a period that ends an abbreviation (``Capt.``, ``Calif.``)
    or a party tag (``(D-Nev.)``) does not end the sentence."""
    for m in _SENT_BOUNDARY_RE.finditer(text):
        if _real_boundary(text, m):
            yield m


def _real_boundary(text: str, m: re.Match) -> bool:
    if text[m.start()] == ".":
        window = text[max(0, m.start() - 24):m.start() + 1].split()
        token = window[-1] if window else ""
        if _ABBREV_RE.match(token) or _PARTY_TAG_RE.match(token):
            return False
    return True


def _split_sentences(text: str) -> list[str]:
    pieces, cursor = [], 0
    for m in _sentence_boundaries(text):
        pieces.append(text[cursor:m.start()])
        cursor = m.end()
    pieces.append(text[cursor:])
    return pieces
_PARTY_TAG_RE = re.compile(r"^\((?:[A-Z]{1,2}|Ind)-[A-Z][\w.\- ]{0,15}\.$")


_CLAUSE_BREAK_RE = re.compile(
    r"(?:[,;(—–]|\b(?:when|while|as|and|but|after|before|because|since|where|which|who|that|then|so|if|although|though)\b)",
    re.IGNORECASE,
)


def _subject_before(text: str) -> tuple[str, int] | None:
    """Noun phrase immediately before a verb (``when he`` -> ``he``)."""
    text = _PARTY_TAGS_RE.sub(lambda m: " " * len(m.group()), text)  # "Rep. X (R-Wis.) said"
    stripped = re.sub(rf"(?:\s+{ADVERBS})+\s*$", "", text.rstrip(), flags=re.IGNORECASE)
    if not stripped:
        return None
    # Name, apposition, verb: "Sen. X, a Democrat from Ohio, said"
    if stripped.endswith(","):
        parts = _split_top_level_commas(stripped[:-1])
        if len(parts) >= 2 and _is_bare_name(parts[-1].strip()):
            # "her senior policy adviser, Jon Sully, said": a description, then the name
            described = _sentence_subject(parts[-2])
            if described is not None and _is_description(described[0]):
                desc_start = sum(len(p) + 1 for p in parts[:-2]) + described[1]
                return described[0] + ", " + parts[-1].strip(), desc_start
            if re.match(r"^\s*(?:the|his|her|its|their)\s+[a-z]", parts[-2]):
                # "the head of housing at the town hall, Ian Brossat, explained": the name
                name_start = sum(len(p) + 1 for p in parts[:-1])
                return parts[-1].strip(), name_start + len(parts[-1]) - len(parts[-1].lstrip())
        if len(parts) >= 3 and all(re.match(r"^\s*(?:a|an|the)\s", p) for p in parts[-2:]):
            # "X, the president of Y, a group that has sued, said": the name before the appositions
            first = _subject_before(parts[-3])
            if first is not None and _is_bare_name(first[0]):
                return first[0], sum(len(p) + 1 for p in parts[:-3]) + first[1]
        if len(parts) >= 2:
            head_start = sum(len(p) + 1 for p in parts[:-2])
            head = parts[-2]
            sub = _subject_before(head)
            if sub is not None and sub[0][:1].isupper():
                return sub[0], head_start + sub[1]
        name = parts[-1].strip()
        if len(parts) >= 2 and len(name.split()) >= 2 and _is_bare_name(name) and not _PLACE_BEFORE_RE.search(parts[-2]):
            # "In Berea, after winning Ohio, Gov. John Kasich (R-OH), said": the name after the
            # introductory phrases is the subject
            start = sum(len(p) + 1 for p in parts[:-1])
            return name, start + len(parts[-1]) - len(parts[-1].lstrip())
        return None
    cut = 0
    for m in re.finditer(r"''|[“”\"«»]", stripped):
        cut = m.end()
    for m in _CLAUSE_BREAK_RE.finditer(stripped):
        cut = max(cut, m.end())
    chunk = _TIME_TAIL_RE.sub("", stripped[cut:])
    lead = len(chunk) - len(chunk.lstrip())
    chunk = chunk.strip()
    if not chunk or len(chunk.split()) > 10 or not _subject_like(chunk):
        return None
    low = chunk.lower()
    if low in {"it", "you", "we", "i"}:
        return None
    return chunk, cut + lead


_PLACE_BEFORE_RE = re.compile(r"\b(?:from|in|of|at|near)\s+[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*)?\s*$")


def _split_top_level_commas(text: str) -> list[str]:
    parts, depth, last = [], 0, 0
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch == "," and depth == 0:
            parts.append(text[last:i])
            last = i + 1
    parts.append(text[last:])
    return parts
