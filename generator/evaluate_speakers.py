"""Which PolNeAR sources are named persons: the judge's heuristic (``polnear_gold.py`` rule 6).

The Source span is split on whitespace into runs of capitalised tokens (``al-Sisi`` style
included; name particles may join a run; a run ends after a token ending in ``, ; : )`` or a
possessive).  A run is a name when, after dropping titles and generic capitalised words
(pronouns, determiners, months, party and group words), a token is left and the run's last token
is not generic; it is not a modifier (a possessive with more tokens after it, or a run followed by
a lower-case content word: ``the Trump campaign``); it is not inside a relative clause; and it is
not after a preposition that follows a lower-case word (``a spokesman for Hillary Clinton``).  The
name is the first such run without an organisation word, else the first run, stripped of leading
titles, a trailing possessive and punctuation.
"""
from __future__ import annotations

import re

__all__ = ["speaker_name"]

_TITLES = set((
    "mr mr. mrs mrs. ms ms. dr dr. sen sen. rep rep. gov gov. gen gen. lt lt. col col. sgt sgt. rev rev. "
    "prof prof. president vice senator sens. reps. representative governor secretary speaker judge justice "
    "mayor chairman chairwoman chair director attorney general former pope king queen prince sheriff chief "
    "commissioner ambassador minister prime leader majority minority house senate state gop presidential "
    "candidate nominee hon. st. jr. sr. jr sr ii iii iv").split())
_GENERIC = set((
    "i he she it we they you his her its our their my your him them us me who which that this these those the "
    "a an some many most several both all each every any no another other others one two three few such q q. "
    "a. and but so yet if when while as in on at for to of by with from after before according u.s. us u.s "
    "american americans america republican republicans democrat democrats democratic gop conservative "
    "conservatives liberal liberals progressive progressives independent independents evangelical "
    "evangelicals muslim muslims christian christians catholic catholics latino latinos hispanic hispanics "
    "black white federal national officials official experts critics supporters voters polls poll aides aide "
    "sources source campaign spokesman spokeswoman spokesperson statement report reports survey analysts "
    "observers people transcript partial excerpt excerpts former retired then then- gopers dems jan. feb. "
    "mar. apr. aug. sept. sep. oct. nov. dec. january february march april may june july august september "
    "october november december monday tuesday wednesday thursday friday saturday sunday").split())
_PARTICLES = set("de van von bin la le du da di der del al el ibn dos das".split())
_PREPOSITIONS = set(("for of to with from at by on about in toward towards against behind under inside "
                     "outside near within among like into over via").split())
_FUNCTION = _PREPOSITIONS | set((
    "and or who whom whose which that said says told wrote added noted himself herself themselves itself "
    "also too both alone later earlier then now again once recently previously during while when as after "
    "before since last this himself,").split())
_PARTY_TAG = re.compile(r"^[rdi]-[a-z.]+$")
_SURNAME_OK = set("king judge prince house young chief price".split())
_ORG_WORDS = set((
    "council committee foundation center centre institute university college party department association "
    "board commission times post news journal network group coalition union organization organisation agency "
    "bureau office administration campaign pac fund inc. corp. company club society league tower register "
    "herald tribune magazine press reuters cnn fox msnbc abc nbc cbs ap afp court church school city state "
    "county ministry government congress senate house watch").split())


def _norm(tok: str) -> str:
    return tok.strip("“”\"‘’'(),:;").lower()


def _is_cap(tok: str) -> bool:
    t = tok.strip("“”\"‘’'")
    if not t or t[0] == "(":
        return False
    return t[0].isupper() or bool(re.match(r"^[a-z]{1,3}-[A-Z]", t))


def _possessive(tok: str) -> bool:
    return bool(re.search(r"['’]s?$", tok.rstrip(",;:")))


def _runs(toks: list[str]) -> list[tuple[int, int]]:
    runs, i = [], 0
    while i < len(toks):
        if not (_is_cap(toks[i]) or (toks[i].lower() in _PARTICLES and i + 1 < len(toks) and _is_cap(toks[i + 1]))):
            i += 1
            continue
        j = i + 1
        while j < len(toks):
            if re.search(r"[,;:)]$", toks[j - 1]) or _possessive(toks[j - 1]):
                break
            if _is_cap(toks[j]) or (toks[j].lower() in _PARTICLES and j + 1 < len(toks) and _is_cap(toks[j + 1])):
                j += 1
            else:
                break
        runs.append((i, j))
        i = j
    return runs


def speaker_name(source: str) -> tuple[bool, str]:
    """(is_name, name) of a Source span's text."""
    toks = source.split()
    in_rel, rel = [], False
    for k, t in enumerate(toks):
        if k > 0 and t.lower() in ("who", "whom", "whose", "which", "that"):
            rel = True
        in_rel.append(rel)
        if re.search(r"[,;:]$", t):
            rel = False
    candidates = []
    for i, j in _runs(toks):
        run = toks[i:j]
        if in_rel[i] or _norm(re.sub(r"['’]s?$", "", run[-1].rstrip(",;:"))) in _GENERIC:
            continue
        core = [t for k, t in enumerate(run)
                if not ((n := _norm(re.sub(r"['’]s?$", "", t.rstrip(",;:")))) in _GENERIC or n in _PARTICLES
                        or _PARTY_TAG.match(n) or (n in _TITLES and not (k == len(run) - 1 and n in _SURNAME_OK)))]
        if not core or (_possessive(run[-1]) and j < len(toks)):
            continue
        if (j < len(toks) and not re.search(r"[,;:]$", run[-1]) and toks[j][:1].islower()
                and _norm(toks[j]) not in _FUNCTION):
            continue
        if i > 0 and toks[i - 1].lower() in _PREPOSITIONS and (i == 1 or toks[i - 2][:1].islower()):
            continue
        k = 0
        while k < len(run) - 1 and (_norm(run[k]) in _TITLES or _norm(run[k]) in _GENERIC):
            k += 1
        name = re.sub(r"['’]s?$", "", " ".join(run[k:]).rstrip(",;:)")).strip("“”\"‘’'(),:; ")
        candidates.append((any(_norm(t) in _ORG_WORDS for t in name.split()), name))
    if not candidates:
        return False, ""
    people = [c for c in candidates if not c[0]]
    return True, (people or candidates)[0][1]
