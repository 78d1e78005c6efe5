"""One identity per person across the site: which person page each quoted name stands for.

The quote stage gives each quotation's speaker as the article names them: in full ("Salim
Haddad"), by surname or first name alone ("Haddad", "Salim"), with a title ("Dr. Okafor",
"President Lula"). Here the names of the whole archive are read together (``resolve``):

- a **full name** is a name of two words or more once titles are left out (``Mr``, ``Dr.``,
  ``President``, ``Prime Minister``, Arabic ``الوزيرة``; titles are left out for matching only, a
  page shows the name as the articles wrote it). Full names that slugify alike once their
  titles are left out are one person ("Dr. Daniel Okafor" and "Daniel Okafor");
- a **one-word name** ("Haddad", "Mr Haddad", "Salim") is the person of the same briefing whose
  full name ends or begins with that word, when exactly one of the briefing's speakers does;
  else (the briefing names nobody so) the one person on the site whose full name ends or
  begins with it, when there is exactly one. Two or more (two Khans) and it stays as written,
  a person of its own: two people are never merged on a guess. Name particles (``al-``,
  ``von der``) and accents do not count in the comparison ("Sabayleh", "al-Sabayleh");
- **organisations** (``is_organisation``: "Amnesty International", "Ministry of Health",
  "UNICEF", "وزارة المياه") are not people: the pipeline leaves them out of a briefing's
  ``people``, so they get no person page; their quotations keep their speaker as written.

People written in different scripts ("Leila Mansour", "ليلى منصور") are not merged: nothing
here transliterates. Work grows linearly with the number of names (dictionaries by word, no
comparison of every name with every other); the result is deterministic (sorted where a set
is read).
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from generator.models import Briefing
from generator.newslang import AR_ROLE_NOUNS, HONORIFICS, SUFFIXES, TITLE_WORDS
from generator.render import name_slug as _name_slug

# Titles and honorifics before a name, compared without their final period ("Dr." = "Dr").
_TITLES = frozenset(w.rstrip(".") for w in HONORIFICS | TITLE_WORDS) | {"mme", "mlle", "herr", "frau", "sheikh",
                                                                     "shaikh", "hon", "dame", "lady"}
_SUFFIXES = frozenset(w.rstrip(".") for w in SUFFIXES)
# Particles written before a family name; not counted when names are compared ("al-Sudani" = "Sudani").
# Kinship words (bin, ibn, abu, bint) are part of the name: "Abu Salim" is not "Salim".
_PARTICLES = frozenset({"al", "el", "van", "von", "de", "da", "di", "du", "del", "della", "der", "den", "la", "le",
                        "dos", "das", "ter", "ten", "af"})
_PARTICLE_PREFIX = re.compile(r"^(?:al|el|ad|ar|as|at|az|an|ash|ud)[-‐‑]", re.I)
_APOSTROPHES = re.compile(r"[’'ʼ‘`.]")
_AR_ARTICLE = "ال"
_AR_TITLES = frozenset(AR_ROLE_NOUNS) | {"سيد", "آنسة", "أستاذ", "حاج", "د."}

# Organisations: a name ending in one of these words, or opening with one of them before "of"
# ("Ministry of Health"), or one upper-case acronym ("UNICEF"). Words that are also common
# family names (House, Street, Church, Court, Post, Bay, Press...) are not among them.
_ORG_LAST = frozenset({
    "ministry", "department", "agency", "authority", "association", "commission", "committee", "company",
    "corporation", "corp", "inc", "ltd", "llc", "plc", "council", "federation", "foundation", "institute",
    "organisation", "organization", "university", "union", "party", "police", "army", "navy", "forces",
    "coalition", "alliance", "bureau", "group", "league", "movement", "network", "society", "board", "office",
    "service", "services", "airlines", "airways", "news", "campaign", "government", "cabinet", "parliament",
    "international", "watch", "mission", "embassy", "secretariat", "directorate", "administration", "command",
    "guard", "bank", "fund", "trust", "centre", "center", "cooperative", "co-operative", "club", "team",
    "newspaper", "agencies", "ministries", "unions", "groups", "organisations", "organizations", "companies",
})
_ORG_FIRST = _ORG_LAST | {"bank", "house", "court", "state", "republic", "kingdom", "city", "school", "college"}
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,7}$")
# Arabic: the first word of an organisation's name, with or without the article.
_AR_ORG = frozenset({"وزارة", "هيئة", "منظمة", "جمعية", "شركة", "حزب", "مجلس", "جامعة", "وكالة", "اتحاد", "تحالف",
                     "لجنة", "مؤسسة", "مركز", "جيش", "حركة", "حكومة", "شرطة", "رئاسة", "سفارة", "نقابة", "تعاونية",
                     "مديرية", "بلدية", "محكمة", "بنك", "مصرف", "صندوق", "دائرة", "قوات", "الحكومة", "الوزارة",
                     "الشرطة", "الرئاسة"})


def _ar_base(word: str) -> str:
    """An Arabic word without its article and feminine ending (الوزيرة -> وزير)."""
    if word.startswith(_AR_ARTICLE) and len(word) > 3:
        word = word[2:]
    return word[:-1] if word.endswith("ة") and len(word) > 2 else word


def _bare(word: str) -> str:
    return word.strip(",;:()[]\"“”«»").rstrip(".").casefold()


def is_organisation(name: str) -> bool:
    """Whether a speaker's name names an organisation rather than a person."""
    words = name.split()
    if not words:
        return False
    if len(words) == 1 and _ACRONYM.match(words[0].strip(".,")):
        return True
    bare = [_bare(w) for w in words]
    if not words[0][:1].isupper() and not words[0][:1].islower():  # a script without capitals
        first = words[0]
        return first in _AR_ORG or _ar_base(first) in _AR_ORG or ("ال" + first) in _AR_ORG
    if len(words) >= 2 and bare[-1] in _ORG_LAST:
        return True
    return len(words) >= 3 and bare[0] in _ORG_FIRST and bare[1] in {"of", "for", "de", "du", "des"}


def is_description(name: str) -> bool:
    """In a script without capitals (Arabic), a speaker opening with a role noun is a description
    of someone ("المتحدث باسم الوزارة", the ministry's spokesman), not a name."""
    words = name.split()
    return bool(words) and _ar_base(words[0]) in AR_ROLE_NOUNS


def _strip_titles(words: list[str]) -> list[str]:
    """The name's words without titles before it and suffixes after it; never all of them."""
    start = 0
    while start < len(words) - 1 and (_bare(words[start]) in _TITLES or _ar_base(words[start]) in _AR_TITLES):
        start += 1
    end = len(words)
    while end - 1 > start and _bare(words[end - 1]) in _SUFFIXES:
        end -= 1
    return [w.rstrip(",") for w in words[start:end]]


def _key(word: str) -> str:
    """A word as names are compared: no accents, case, apostrophes or particle prefix."""
    word = unicodedata.normalize("NFKD", word)
    word = "".join(c for c in word if not unicodedata.combining(c) and c != "\u0640")  # and no tatweel
    return _APOSTROPHES.sub("", _PARTICLE_PREFIX.sub("", word)).casefold()


@lru_cache(maxsize=1 << 16)
def name_slug(name: str, prefix: str) -> str:
    return _name_slug(name, prefix)


@lru_cache(maxsize=1 << 16)
def name_parts(name: str) -> tuple[str, tuple[str, ...]]:
    """(the name without its titles, as written; the words it is compared by)."""
    words = _strip_titles(name.split())
    keys = tuple(k for w in words if (k := _key(w)) and k not in _PARTICLES)
    return " ".join(words), keys


@dataclass
class Identities:
    """Who each quoted name is: ``of[(briefing slug, name as written)]`` is the slug of the
    person's page; ``names[slug]`` the name the page shows (their most used full spelling, as
    written); ``spellings[slug]`` every spelling with how many quotations use it."""

    of: dict[tuple[str, str], str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    spellings: dict[str, dict[str, int]] = field(default_factory=dict)
    full: dict[str, str] = field(default_factory=dict)  # slug of a full name -> person slug

    def person(self, b: Briefing, speaker: str | None) -> str | None:
        """The slug of the page of ``speaker`` quoted in ``b`` (None when not a person of ``b``)."""
        if not speaker:
            return None
        return self.of.get((b.slug, speaker))

    def people_of(self, b: Briefing) -> list[tuple[str, str]]:
        """(page slug, name shown) of each person quoted in ``b``, once each, in order of appearance."""
        return list(dict.fromkeys((slug, self.names[slug]) for s in b.people
                                  if (slug := self.of.get((b.slug, s))) is not None))

    def links(self, b: Briefing) -> tuple[tuple[str, str], ...]:
        """The speakers of ``b`` whose page is not the one their own spelling names (a surname
        resolved to a full name), with that page's slug, sorted."""
        return tuple(sorted((s, slug) for s in dict.fromkeys(b.people)
                            if (slug := self.of.get((b.slug, s))) and slug != name_slug(s, "person")))

    def keyword_person(self, b: Briefing, keyword: str) -> str | None:
        """The person a keyword of ``b`` names, if any: the full name of a person quoted on the
        site, or the surname or first name of exactly one person quoted in ``b``."""
        written, keys = name_parts(keyword)
        if len(keys) >= 2:
            return self.full.get(name_slug(written, "person"))
        if len(keys) != 1 or keyword[:1].islower():  # a common word ("power"), not a name
            return None
        found = {self.of[(b.slug, s)] for s in b.people if (b.slug, s) in self.of
                 and len(parts := name_parts(s)[1]) >= 2 and keys[0] in (parts[0], parts[-1])}
        return found.pop() if len(found) == 1 else None


def resolve(briefings: Iterable[Briefing]) -> Identities:
    """The identities of everyone quoted in ``briefings`` (see the module's docstring). A
    speaker is a person of a briefing when the briefing lists them in ``people``."""
    items = sorted(briefings, key=lambda b: b.slug)
    ids = Identities()
    parsed: dict[str, tuple[str, tuple[str, ...]]] = {}
    # full names first: each one's slug, and the people by first and by last word
    by_word: dict[str, set[str]] = {}
    for b in items:
        for s in b.people:
            if s not in parsed:
                parsed[s] = name_parts(s)
            written, keys = parsed[s]
            if len(keys) >= 2:
                slug = name_slug(written, "person")
                ids.of[(b.slug, s)] = slug
                ids.full[slug] = slug
                by_word.setdefault(keys[0], set()).add(slug)
                by_word.setdefault(keys[-1], set()).add(slug)
    # then one-word names: the briefing's own person, else the site's only one
    for b in items:
        own: dict[str, set[str]] | None = None
        for s in b.people:
            if (b.slug, s) in ids.of:
                continue
            written, keys = parsed[s]
            if len(keys) != 1:  # nothing left to compare (a name of particles only)
                ids.of[(b.slug, s)] = name_slug(written, "person")
                continue
            if own is None:
                own = {}
                for other in b.people:
                    o_keys = parsed[other][1]
                    if len(o_keys) >= 2:
                        for k in {o_keys[0], o_keys[-1]}:
                            own.setdefault(k, set()).add(ids.of[(b.slug, other)])
            local = own.get(keys[0], set())
            site = by_word.get(keys[0], set())
            if len(local) == 1:
                ids.of[(b.slug, s)] = next(iter(local))
            elif not local and len(site) == 1:
                ids.of[(b.slug, s)] = next(iter(site))
            else:
                ids.of[(b.slug, s)] = name_slug(written, "person")
    # each page's name: its most used full spelling (else its most used spelling), as written
    for b in items:
        for q in b.quotes:
            slug = ids.of.get((b.slug, q.speaker)) if q.speaker else None
            if slug:
                counts = ids.spellings.setdefault(slug, {})
                counts[q.speaker] = counts.get(q.speaker, 0) + 1
        for s in b.people:  # a person listed without a quotation of their own still has a spelling
            ids.spellings.setdefault(ids.of[(b.slug, s)], {}).setdefault(s, 0)
    for slug, counts in ids.spellings.items():
        ids.names[slug] = min(counts, key=lambda s: (len(parsed[s][1]) < 2, -counts[s], s))
    return ids


def person_links(ids: Identities, briefings: Sequence[Briefing]) -> dict[str, tuple[tuple[str, str], ...]]:
    """Briefing slug -> ``ids.links(b)``, for the briefings that have any."""
    return {b.slug: links for b in briefings if (links := ids.links(b))}
