"""People and coreference: person mentions in reading order, surname -> full-name resolution,
roles from appositions and descriptions, pronouns and definite descriptions.
"""
from __future__ import annotations

import bisect
import re

from typing import Sequence

from generator.newslang import (
    ADVERBS,
    HONORIFICS,
    INDEFINITE,
    ORG_WORDS,
    PARTICLES,
    PARTY_WORDS,
    PLACE_HINT,
    PRONOUNS,
    ROLE_NOUNS,
    SENTENCE_START_WORDS,
    SUFFIXES,
    TITLE_WORDS,
)
from generator.quotes.descriptions import is_past_role, resolve_description
from generator.quotes.roles import _apposition_after, _role_before, _role_before_comma, _sub_runs
from generator.quotes.patterns import (
    _ABBREV_RE,
    _COGNITION_VERBS,
    _NAME_RUN_RE,
    _PARTY_TAGS_RE,
    _Person,
    _VERB_OPENING_RE,
    _latest_before,
)


class _People:
    """Person mentions in reading order, with surname → full-name resolution.

    Every mention registers its person: a name after a role or title (``union leader Ana
    Ruiz``, ``Ms. Ruiz``), before an apposition (``Ana Ruiz, its general secretary,``) or a
    relative clause (``Ana Ruiz, who heads ...``), as a sentence subject (``Ana Ruiz leads
    ...``) or next to a speech verb.  People are told apart by their full name; a surname
    alone (or an honorific and a surname) means the most recent earlier person with that
    surname, so ``Maria Lopez ... Carlos Lopez ... Lopez said`` is Carlos Lopez.  Other
    capitalised two-word names (``as Omar Haddad arrived``) are kept as weak candidates: they
    only resolve a surname nobody else carries, and are not antecedents of pronouns.
    """

    def __init__(self, paras: Sequence[str], masks, headline: str | None = None) -> None:
        self.headline = _headline_names(headline)
        self.headline_only = False  # the headline's person, never named in the text, was registered
        self.speakers: list[tuple[tuple[int, int], _Person]] = []  # named speakers, in reading order
        self.mentions: list[tuple[tuple[int, int], _Person]] = []  # antecedents of he/she
        self.by_name: dict[str, _Person] = {}
        self.by_key: dict[str, list[tuple[tuple[int, int], _Person]]] = {}  # in reading order
        self.inner: dict[str, list[tuple[tuple[int, int], _Person]]] = {}  # first of two surnames
        self.given: dict[str, list[tuple[tuple[int, int], _Person]]] = {}  # first names of full names
        self.weak: dict[str, list[tuple[tuple[int, int], str]]] = {}
        self.weak_given: dict[str, list[tuple[tuple[int, int], str]]] = {}  # the same, by first name
        for index, text in enumerate(paras):
            ranges = sorted(masks[index])
            starts = [a for a, _ in ranges]
            for run in _NAME_RUN_RE.finditer(text):
                k = bisect.bisect_right(starts, run.start()) - 1
                if k >= 0 and run.start() < ranges[k][1]:
                    continue
                for m in _sub_runs(run):
                    self._consider(text, index, m)
        self.mentions.sort(key=lambda item: item[0])
        self.positions = [pos for pos, _ in self.mentions]

    # -- collection ---------------------------------------------------------
    def _consider(self, text: str, index: int, m: re.Match) -> None:
        tokens = m.group().split()
        tokens = _trim_run(tokens)
        if not tokens:
            return
        role_tokens, name_tokens = _split_title(tokens)
        if not name_tokens:
            return
        honorific = name_tokens[0].lower() in HONORIFICS
        if honorific and (len(name_tokens) < 2 or not name_tokens[1][:1].isupper()):
            return
        run_start = m.start() + max(0, m.group().find(tokens[0]))  # after "Later" / "But" dropped
        run_end = run_start + len(" ".join(tokens))
        before = text[max(0, run_start - 80):run_start]
        after = text[run_end:run_end + 200]
        role = " ".join(role_tokens) or None
        pre_role = _role_before(before) or _role_before_comma(before, after)
        if pre_role and role:
            role = pre_role + " " + role
        elif pre_role:
            role = pre_role
        apposition = _apposition_after(after, loose=len(name_tokens) >= 2 and not _is_place_like(name_tokens),
                                       at_end=run_end + 200 >= len(text))
        speech_after = re.match(rf"^\s+(?:{ADVERBS}\s+)*(?:{_COGNITION_VERBS})\b", after, re.IGNORECASE)
        according = re.search(r"\baccording to\s*$", before, re.IGNORECASE)
        name = " ".join(name_tokens)
        key = _surname_key(name)
        if not key:
            return
        position = (index, m.start())
        bare = name_tokens[1:] if honorific else name_tokens
        full = len(bare) >= 2 and not _is_place_like(bare) and not _is_org_like(bare) and _name_like(bare)
        relative = full and bool(_RELATIVE_AFTER_RE.match(after))
        subject = full and _starts_clause(text, run_start) and bool(_VERB_AFTER_RE.match(after))
        is_person = bool(role) or honorific or relative or subject \
            or (apposition is not None and len(name_tokens) >= 2) or key in self.by_key
        if not is_person and (speech_after or according) and not _is_place_like(name_tokens):
            is_person = True
        if not is_person and full and _AGE_AFTER_RE.match(after):
            is_person = True  # "Ana Ruiz, 28, runs the shop": a name and an age
        if not is_person and apposition is not None and _CUE_BEFORE_RE.search(before):
            is_person = True  # "..., said Jasinta, spokeswoman for the province."
        if not is_person:
            if full and not _is_sentence_initial_word(text, m.start(), name_tokens):
                self.weak.setdefault(key, []).append((position, name))
                if name_tokens[0][:1].isupper() and "." not in name_tokens[0]:
                    self.weak_given.setdefault(name_tokens[0].lower(), []).append((position, name))
            return
        if apposition is not None and (role is None or _is_bare_title(role)):
            role = apposition  # "Sen. X, a Democrat from Ohio," -> the description, not "Sen."
        person = self._register(name, role, position)
        _note_gender(person, name_tokens[0] if honorific else None, role)
        age = _AGE_AFTER_RE.match(after)
        if age is not None and person.age is None:
            person.age = int(age.group(1))
        self.mentions.append((position, person))

    def _register(self, name: str, role: str | None, position) -> _Person:
        """The person ``name`` names at ``position`` (created or found), with ``role`` noted.

        A surname alone, or after an honorific (``Ms. Karam``), is the most recent person of that
        surname; it keeps its honorific only while no full name is known (``Mr. Hale``).
        """
        bare = _strip_honorific(name)
        role = _clean_role(role)
        key = _surname_key(bare)
        full = len(bare.split()) >= 2
        person = self.by_name.get(bare.lower())
        if person is None and not full:
            person = self._recent(key, position)
            if person is None and self._weak(key, position):
                bare, full = self._weak(key, position), True  # "as Omar Haddad arrived ... Mr Haddad"
                person = self.by_name.get(bare.lower())
        if person is None and full:
            # An earlier surname-only mention ("Karam said ... Nadia Karam, who") is this person.
            previous = self._recent(key, position)
            if previous is not None and len(_strip_honorific(previous.name).split()) < 2:
                previous.name = bare
                self.by_name[bare.lower()] = previous
                person = previous
        if person is None:
            person = _Person(bare if full else name, role)
            self.by_name[bare.lower()] = person
        elif _better_role(role, person.role):
            person.role = role
        entries = self.by_key.setdefault(key, [])
        bisect.insort(entries, (position, person), key=lambda item: item[0])
        parts = _strip_honorific(person.name).split()
        if len(parts) >= 3 and _INNER_SURNAME_RE.match(parts[-2]):
            # "Luis Alberto Villarreal García": two surnames; "Villarreal" alone names him too
            inner = re.sub(r"^(?:al|el)-", "", parts[-2].lower())
            bisect.insort(self.inner.setdefault(inner, []), (position, person), key=lambda item: item[0])
        if len(parts) >= 2 and parts[0][:1].isupper() and "." not in parts[0]:
            # "Najmul Hossain Shanto ... Najmul said": a first name alone, when no surname matches
            given = parts[0].lower()
            bisect.insort(self.given.setdefault(given, []), (position, person), key=lambda item: item[0])
        return person

    def _recent(self, key: str, position) -> _Person | None:
        """The most recent person with surname ``key`` before ``position`` (else the first after)."""
        found = _latest_before(self.by_key.get(key), position)
        if found is None:
            found = _latest_before(self.inner.get(key), position)
        if found is None and len({id(p) for _, p in self.given.get(key, ())}) == 1:
            found = _latest_before(self.given.get(key), position)  # one person of that first name
        return found

    def knows(self, phrase: str) -> bool:
        """True when ``phrase`` names a person already registered (not a pronoun or description)."""
        words = phrase.split()
        key = _surname_key(phrase)
        return bool(words) and words[-1][:1].isupper() and (key in self.by_key or key in self.inner)

    def note_speaker(self, speaker: str, role: str | None, position: tuple[int, int]) -> None:
        person = self.by_name.get(_strip_honorific(speaker).lower())
        if person is not None:
            bisect.insort(self.speakers, (position, person), key=lambda item: item[0])
            k = bisect.bisect_right(self.positions, position)
            self.positions.insert(k, position)
            self.mentions.insert(k, (position, person))
            bisect.insort(self.by_key.setdefault(_surname_key(person.name), []), (position, person),
                          key=lambda item: item[0])

    # -- resolution ----------------------------------------------------------
    def resolve(self, phrase: str, position: tuple[int, int]) -> tuple[str | None, str | None]:
        phrase = _PARTY_TAGS_RE.sub("", phrase).strip(" ,.;:—–-")  # "Ana Ruiz (D-Ore.)" -> "Ana Ruiz"
        if "," in phrase:
            return self._resolve_apposition(phrase, position)
        return self._resolve_simple(phrase, position)

    def _resolve_apposition(self, phrase: str, position) -> tuple[str | None, str | None]:
        head, tail = (part.strip() for part in phrase.split(",", 1))
        words = head.split()
        if words and words[0].lower() in INDEFINITE and tail[:1].isupper() and not _is_bare_name(head):
            # "another Twitter user, Johanna Bayer" / "one early supporter, Rep. Lee Zeldin,
            # Republican of New York": an indefinite description, then the person's name
            speaker, role = self._resolve_simple(tail.split(",", 1)[0].strip(), position)
            if speaker is not None and speaker[:1].isupper():
                return speaker, role
        if _is_description(head) and _is_bare_name(tail):
            # "the city's spokesman, Ana Ruiz" / "his wife, Ana Ruiz": the name is in the apposition
            name, role = tail, re.sub(r"^the\s+", "", head, flags=re.IGNORECASE)
        else:
            name, role = head, tail
        role = _clean_role(role)
        speaker, known_role = self._resolve_simple(name, position)
        if speaker is None or speaker == name and not name[:1].isupper():
            return speaker, known_role
        if _better_role(role, known_role):
            person = self.by_name.get(_strip_honorific(speaker).lower())
            if person is not None:
                person.role = role
            return speaker, role
        return speaker, known_role

    def _resolve_simple(self, phrase: str, position) -> tuple[str | None, str | None]:
        affiliation = _AFFILIATION_RE.search(phrase)
        affiliated = None
        if affiliation is not None and _affiliated_name(phrase[:affiliation.start()]):
            # "Ana Ruiz of the X Institute" -> Ana Ruiz, with the affiliation as a role
            phrase, affiliated = phrase[:affiliation.start()], phrase[affiliation.start():].strip()
        words = phrase.split()
        if not words:
            return None, None
        low = [w.lower() for w in words]
        if len(words) == 1 and low[0] in PRONOUNS:
            if low[0] in {"he", "she"}:
                person = self._last_before(position, "m" if low[0] == "he" else "f")
                return (person.name, person.role) if person else (None, None)
            return None, None
        if low[0] in INDEFINITE:
            name_part = _trailing_name(words)
            if name_part and len(name_part) < len(words) and self.knows(" ".join(name_part)) \
                    and not any(w.lower() in PARTY_WORDS for w in name_part):
                return self._resolve_simple(" ".join(name_part), position)  # "A flabbergasted Noah"
            return None, None
        if low[0] in {"the", "this", "that", "his", "her", "their", "its"}:
            name_part = _trailing_name(words)
            if name_part is not None and _role_only(name_part):
                name_part = None  # "the Minister", "the DCP": a description written with a capital
            if name_part is None:
                person = resolve_description(self, words, position)
                if person is not None:
                    return person.name, person.role
                return phrase, None
        tokens = _trim_run(_clean_tokens(words))
        if not tokens:
            return phrase, None
        role_tokens, name_tokens = _split_title(tokens)
        if not name_tokens:
            return phrase, None
        lead_role = _leading_role(tokens[:len(tokens) - len(name_tokens) - len(role_tokens)])
        role = _clean_role(" ".join([x for x in (lead_role, " ".join(role_tokens)) if x]) or None)
        if affiliated is not None and (role is None or _is_bare_title(role)):
            role = (role + " " if role else "") + affiliated
        name = " ".join(name_tokens)
        key = _surname_key(name)
        if not any(t[:1].isupper() for t in name_tokens) and key not in self.by_key:
            return phrase, None
        person = self._register(name, role, position)
        return person.name, person.role

    def _weak(self, key: str, position) -> str | None:
        found = _latest_before(self.weak.get(key), position)
        if found is None and len({n for _, n in self.weak_given.get(key, ())}) == 1 \
                and not self.given.get(key):
            found = _latest_before(self.weak_given.get(key), position)  # "Najmul Hossain Shanto ... Najmul"
        return found

    def _last_before(self, position, gender: str | None = None) -> _Person | None:
        """The most recent person mention before ``position``; for a pronoun, the most recent one
        not known to be of the other gender (``Judge Ms. Alexander ... Garcia ... he`` -> Garcia)."""
        k = bisect.bisect_left(self.positions, position)
        for _, person in reversed(self.mentions[max(0, k - 40):k]):
            if gender is None or person.gender in (None, gender):
                return person
        return None  # only people of the other gender: nobody the text names

    def last_with_role(self, noun: str, position, past: bool = False) -> _Person | None:
        """The most recent person whose role holds ``noun``; a past role (``former captain``)
        only when ``past``."""
        k = bisect.bisect_left(self.positions, position)
        nouns = _ROLE_SYNONYMS.get(noun, (noun,))
        for _, person in reversed(self.mentions[max(0, k - 200):k]):
            if person.role and (past or not is_past_role(person.role)) and (
                    any(n in person.role.lower() for n in nouns) or _acronym_of(noun, person.role)):
                return person
        return None

    def with_age(self, age: int, position) -> _Person | None:
        k = bisect.bisect_left(self.positions, position)
        for _, person in reversed(self.mentions[:k]):
            if person.age == age:
                return person
        return None

    def in_focus(self, position, speaker: bool) -> _Person | None:
        """The person an article's descriptions stand for: the one person its headline names when
        the text never names them (``Capello press conference`` ... ``the Italian manager``), else
        (when ``speaker``) the latest named speaker."""
        if len(self.headline) == 1 and (self.headline_only or not self.knows(self.headline[0])):
            self.headline_only = True
            return self._register(self.headline[0], None, (-1, 0))
        if not speaker:
            return None
        k = bisect.bisect_left(self.speakers, position, key=lambda item: item[0])
        return self.speakers[k - 1][1] if k > 0 else None


_FEMALE = frozenset({"ms.", "ms", "mrs.", "mrs", "miss", "dame", "spokeswoman", "chairwoman", "congresswoman",
                     "businesswoman", "councilwoman", "assemblywoman", "mother", "wife", "daughter", "sister",
                     "actress", "queen", "princess", "grandmother", "widow", "girlfriend", "aunt"})
_MALE = frozenset({"mr.", "mr", "sir", "spokesman", "chairman", "congressman", "businessman", "councilman",
                   "assemblyman", "father", "husband", "son", "brother", "king", "prince", "grandfather",
                   "widower", "boyfriend", "uncle"})


_GENDERED = _FEMALE | _MALE
_POSSESSIVE_END_RE = re.compile(r"'s?$")


def _note_gender(person: _Person, honorific: str | None, role: str | None) -> None:
    """Note the gender the text gives a person: an honorific (Mr./Ms.) or a gendered role noun."""
    if not honorific and not role:
        return
    words = ([honorific.lower()] if honorific else []) + (role or "").lower().replace("’", "'").split()
    for word in words:
        if word not in _GENDERED:
            word = _POSSESSIVE_END_RE.sub("", word.strip(",.;:"))
        if word in _GENDERED:
            gender = "f" if word in _FEMALE else "m"
            if person.gender is None:
                person.gender = gender
            elif person.gender != gender:
                person.gender = "?"  # contradicting evidence: "his wife" in a role, say
            return


_AGE_AFTER_RE = re.compile(r"^,[ \u00a0]+(\d{1,3}),")
_HEADLINE_MARKS_RE = re.compile(r"''|[“”\"«»‘’]")


def _headline_names(headline: str | None) -> list[str]:
    """The people a sentence-case headline names outside its quotation marks
    (``Capello press conference: "..."`` -> ``Capello``); none from a title-case headline,
    whose capitals name nothing."""
    if not headline:
        return []
    outside = "".join(part for k, part in enumerate(_HEADLINE_MARKS_RE.split(headline)) if k % 2 == 0)
    words = [w for w in re.findall(r"[\w’'\-]+", outside) if sum(c.isalpha() for c in w) >= 4]
    if sum(1 for w in words if w[:1].islower()) < max(2, len(words) // 3):
        return []  # title case (or too short to tell)
    names: list[str] = []
    for run in _NAME_RUN_RE.finditer(outside):
        tokens = _trim_run(_clean_tokens(run.group().split()))
        role_tokens, name_tokens = _split_title(tokens)
        if not name_tokens or len(name_tokens) > 3 or _is_org_like(name_tokens) or _is_place_like(name_tokens) \
                or not _name_like(name_tokens) or name_tokens[0].lower() in SENTENCE_START_WORDS:
            continue
        name = " ".join(name_tokens)
        if name not in names:
            names.append(name)
    return names


_RELATIVE_AFTER_RE = re.compile(r"^\s*,\s*(?:who|whose)\b")
_VERB_AFTER_RE = re.compile(  # "Ana Ruiz leads the", "Ana Ruiz arrived", "Ana Ruiz is"
    r"^\s+(?:(?:also|then|later|now|has|had|have|will|would|is|was|could|can)\b|[a-z]{2,}ed\b"
    r"|[a-z]{2,}s\s+(?:the|a|an|his|her|their|its|this|that|these|those|to|for|with|on|up|out)\b)")


_DETERMINER_HEADS = {"the", "a", "an", "his", "her", "their", "its", "our", "my", "your"}


def _is_description(phrase: str) -> bool:
    """``the city's spokesman``, ``his wife``, ``Google's chief executive``: a description, not a name."""
    words = phrase.split()
    if not words:
        return False
    if words[0].lower() in _DETERMINER_HEADS:
        return True
    if any(re.search(r"[’']s?$", w) and w[:1].isupper() for w in words[:-1]):
        last = words[-1].lower().strip(".,")
        return last in ROLE_NOUNS or last in TITLE_WORDS or words[-1][:1].islower()
    return False


def _is_bare_name(phrase: str) -> bool:
    """``Ana Ruiz``, ``Carl``, ``Jean-Paul de la Cruz``: capitalised words (and name particles) only."""
    words = phrase.split()
    if not 1 <= len(words) <= 5 or not words[0][:1].isupper():
        return False
    return all(w[:1].isupper() or re.match(rf"^{PARTICLES}$", w.lower()) for w in words)


_AFFILIATION_RE = re.compile(r"\s(?:of|from|at)\s")


def _affiliated_name(before: str) -> bool:
    """``Ana Ruiz`` / ``former Gov. Ana Ruiz`` before ``of the X``: a person's name ends there
    (not ``Secretary`` of State, ``Bank`` of America)."""
    tokens = before.split()
    caps = [t for t in tokens if t[:1].isupper()]
    if not tokens or not tokens[-1][:1].isupper():
        return False
    bare = [t for t in caps if t.lower() not in TITLE_WORDS and t.lower() not in HONORIFICS]
    if len(bare) < 2 and not (bare and any(t.lower() in HONORIFICS or t.lower() in TITLE_WORDS for t in caps)):
        return False
    last = tokens[-1].lower().strip(".,")
    return last not in TITLE_WORDS and last not in ROLE_NOUNS and not _is_org_like(bare) and _name_like(bare)


def _name_like(tokens: list[str]) -> bool:
    """Capitalised tokens that can make a person's name (not ``Activating``, ``Iran-aligned``)."""
    for tok in tokens:
        bare = tok.strip(".,")
        if tok[:1].islower() or bare.lower().endswith("ing") or bare.isupper() and len(bare) > 2:
            return False
        if any(part[:1].islower() for part in bare.split("-")[1:]):
            return False
    return True


def _starts_clause(text: str, start: int) -> bool:
    """The name starts a sentence or a clause after an introductory phrase and a comma."""
    before = text[max(0, start - 40):start].rstrip()
    return not before or before[-1] in ".!?:;,”\"’)" or before.endswith(("''", "—"))


def _is_sentence_initial_word(text: str, start: int, tokens: list[str]) -> bool:
    """A capitalised first word of a sentence that may not be part of the name (``Reporters Ana``)."""
    return False


def _is_org_like(tokens: list[str]) -> bool:
    return any(t.lower().strip(".,") in ORG_WORDS for t in tokens)


def _clean_role(role: str | None) -> str | None:
    """Drop a leading ``the``/``its`` when the rest reads on its own (``its general secretary``
    -> ``general secretary``; ``the authority's chief executive`` stays as written)."""
    if not role:
        return role
    words = role.split()
    role = " ".join(words)
    head = re.split(r"\s(?:of|at|for|in|from|to|on|with)\s", role + " ")[0].split()
    if len(words) >= 2 and words[0].lower() in {"the", "its"} and words[1][:1].islower() \
            and not any(re.search(r"[’']s?$", w) for w in head[1:]):
        return " ".join(words[1:])
    return role


def _is_bare_title(role: str) -> bool:
    """``Sen.``, ``Gov.``, ``President``: a title with no description."""
    tokens = role.lower().split()
    return bool(tokens) and all(t in TITLE_WORDS or t in HONORIFICS for t in tokens)


def _better_role(new: str | None, old: str | None) -> bool:
    """A role replaces a missing one, and an apposition's description replaces a bare title."""
    if not new:
        return False
    return old is None or (_is_bare_title(old) and not _is_bare_title(new))


def _clean_tokens(words: list[str]) -> list[str]:
    out = []
    for w in words:
        w = re.sub(r"[’']s$", "", w) if w[:1].isupper() else w
        out.append(w.strip(",;:"))
    return [w for w in out if w]


def _trim_run(tokens: list[str]) -> list[str]:
    """Cut a capitalised run at a sentence-final period and drop possessives/sentence words."""
    out: list[str] = []
    for tok in tokens:
        if tok.endswith(".") and not _ABBREV_RE.match(tok) and tok.lower() not in HONORIFICS:
            out.append(tok[:-1])
            break
        out.append(tok)
    while out and (out[0].lower() in SENTENCE_START_WORDS or (len(out) > 1 and _VERB_OPENING_RE.match(out[0]))):
        out.pop(0)  # "Later Ana Ruiz", "Stated Ana Ruiz"
    if out and re.search(r"[’']s$", out[-1]):
        return []  # possessive: "Iran’s", "Trump's campaign" -- not a mention of a speaker
    return [t for t in out if t]


def _split_title(tokens: list[str]) -> tuple[list[str], list[str]]:
    """Split ``Iraqi Prime Minister Mohammed Shia’ al-Sudani`` into role and name tokens."""
    cut = 0
    for k, tok in enumerate(tokens):
        low = tok.lower().strip(",")
        if low in TITLE_WORDS or (low in ROLE_NOUNS and k < len(tokens) - 1) or (tok[:1].islower() and not re.match(rf"^{PARTICLES}(?:-|$)", low)):
            cut = k + 1
    role, name = tokens[:cut], tokens[cut:]
    if cut and any(t.lower() in ("of", "for") for t in tokens[:cut]) and len(name) >= 3:
        # "Secretary of State Ana Ruiz": the office's words before the two-word name are the role's
        keep = 3 if len(name) >= 4 and re.match(r"^[A-Z]\.$", name[-2]) else 2
        role, name = tokens[:len(tokens) - keep], tokens[len(tokens) - keep:]
    while name and re.match(rf"^{PARTICLES}$", name[0].lower()):
        name = name[1:]
    if role and not name:
        return [], []
    # Adjectives of origin before a title stay in the role ("Iraqi Prime Minister").
    return role, name


def _leading_role(tokens: list[str]) -> str | None:
    text = " ".join(tokens).strip()
    return text or None


def _role_only(words: list[str]) -> bool:
    """``Minister``, ``Chief Justice``, ``DCP``: capitalised role words or an acronym, no name."""
    return all(w.lower().strip(".,") in ROLE_NOUNS or w.lower().strip(".,") in TITLE_WORDS for w in words) \
        or (len(words) == 1 and bool(re.fullmatch(r"[A-Z]{2,6}", words[0])))


def _trailing_name(words: list[str]) -> list[str] | None:
    out = []
    for w in reversed(words):
        if w[:1].isupper():
            out.append(w)
        else:
            break
    return list(reversed(out)) or None


def _is_place_like(tokens: list[str]) -> bool:
    return any(t.lower().strip(".,") in PLACE_HINT for t in tokens)


_ROLE_SYNONYMS = {"judge": ("judge", "justice"), "justice": ("justice", "judge"),
                  "envoy": ("envoy", "ambassador"), "lawmaker": ("lawmaker", "senator", "representative", "mp"),
                  "legislator": ("legislator", "senator", "representative", "mp")}


def _acronym_of(noun: str, role: str) -> bool:
    """``dcp`` for ``Deputy Commissioner of Police (west)``: the initials of the role's capitalised words."""
    if not 2 <= len(noun) <= 6 or not noun.isalpha():
        return False
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z][\w\-]*", role) if w[0].isupper()).lower()
    return len(initials) >= 2 and initials.startswith(noun)


_INNER_SURNAME_RE = re.compile(r"^(?:(?:al|el)-)?[A-Z][a-z\u00e0-\u024f’'\-]{2,}$")
_CUE_BEFORE_RE = re.compile(rf"\b(?:{_COGNITION_VERBS})\s+$", re.IGNORECASE)


def _surname_key(name: str) -> str:
    tokens = [t for t in re.findall(r"[\w’'\-.]+", name) if t.lower() not in SUFFIXES]
    tokens = [t for t in tokens if not t.startswith("(")]
    if not tokens:
        return ""
    last = tokens[-1].strip(".").lower()
    last = re.sub(r"^(?:al|el)-", "", last)
    return last


def _strip_honorific(name: str) -> str:
    words = name.split()
    if len(words) > 1 and words[0].lower() in HONORIFICS:
        return " ".join(words[1:])
    return name
