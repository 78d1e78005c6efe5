"""Copies and stories across the archive: which briefings carry the same text, and which report
the same event.

Pure functions of the briefings; the site stage calls :func:`annotate` once every briefing is
made, so a briefing's ``same_as`` and ``story`` always reflect the whole archive (adding one
article regroups everything: no story page can go stale).

- **Copies**: two briefings are copies when at least half of the shorter one's word 5-grams,
  quotations left out, occur in the other (a wire story republished under another headline,
  trimmed, wrapped in other furniture). Quotations are left out because independent articles
  quoting the same statement at length share them without sharing a text. Each group of copies
  has one canonical briefing (the earliest published, then the longest, then the first by
  slug); the others point at it with ``same_as``.
- **Stories**: briefings about the same happening share rare words: names, places, numbers and
  the words of the event ("spire", "refloat"), weighed by how rare they are in the archive
  (tf-idf, cosine). Briefings are grouped by average linkage: two groups merge while the mean
  similarity between their members is at least ``STORY_SIMILARITY``, and never when two of their
  members were published more than ``STORY_DAYS`` apart or in different years (the same team's
  next match, the next summit, another earthquake weeks later are other stories). Copies are
  always in one story. A story of two or more briefings gets a slug and a page.

The cost is near-linear: candidate pairs come from an inverted index of the rarer words (and of
the 5-grams, for copies), so two briefings that share nothing rare are never compared.
"""
from __future__ import annotations

import math
import re
import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from datetime import date
from typing import Sequence

from generator.models import Briefing, Signature

COPY_CONTAINMENT = 0.5  # share of the shorter text's 5-grams found in the other
COPY_COSINE = 0.3  # copies are looked for among pairs at least this similar in words
SHINGLE = 5
SHINGLE_SAMPLE = 4  # one 5-gram in this many is kept in a signature (chosen by its CRC-32)
MIN_SHINGLES = 8  # fewer sampled 5-grams than this (a text of some 30 words) is too little to call a copy
SIGNATURE_TERMS = 100  # the most frequent words and names a signature keeps
STORY_SIMILARITY = 0.28  # mean tf-idf cosine between two groups' members to merge them
STORY_DAYS = 7  # members published further apart than this are never one story
MAX_POSTING = 60  # a word or 5-gram in more briefings than this proposes no candidate pairs
HASHED = 2048  # dimensions of the hashed vectors the similarities are computed on
CANDIDATES = 20  # the briefings each is compared with: those sharing most of its telling words
CANDIDATE_WORDS = 20  # a briefing's heaviest words, by which it meets the others it may be compared with
MAX_STORY = 200  # a story never grows past this many briefings

_WORD = re.compile(r"[^\W_]+(?:[’'-][^\W_]+)*")
_QUOTED = re.compile(r"[\"“”„«][^\"“”„«»]{0,800}[\"“”»]")
_NAME = re.compile(r"\b[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*")
_YEAR = re.compile(r"\b(?:19[5-9]\d|20\d\d)\b")
_STOP = frozenset("""
a about after again against all also am an and any are as at be because been before being between both but by
can could did do does doing down during each few for from further had has have having he her here hers herself
him himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only
or other our ours out over own same she should so some such than that the their theirs them themselves then there
these they this those through to too under until up very was we were what when where which while who whom why
will with would you your yours said says say told tells according also new one two three first last year years
time people day days week weeks month months mr mrs ms monday tuesday wednesday thursday friday saturday sunday
""".split())


@dataclass(frozen=True)
class Story:
    slug: str
    title: str  # the headline of its first briefing (the first that is no copy, on the first day)
    members: tuple[str, ...]  # briefing slugs, oldest first
    shared: tuple[str, ...]  # the words that tie it together, most telling first


def annotate(briefings: Sequence[Briefing]) -> tuple[list[Briefing], dict[str, Story]]:
    """The briefings with ``same_as`` and ``story`` set (in the same order), and the stories by slug."""
    items = sorted(briefings, key=lambda b: b.slug)
    if len(items) < 2:
        return [replace(b, same_as=None, story=None) for b in briefings], {}
    signatures = [b.signature or signature(b.title, b.paragraphs, b.source.published) for b in items]
    weights = _weights(signatures)
    matrix = _hashed(weights, len(items))
    sims = _similarities(matrix, _candidates(weights, len(items)))
    canonical = _copies(items, signatures, sims)
    groups, shared = _stories(items, signatures, weights, matrix, sims, canonical)
    stories: dict[str, Story] = {}
    story_of: dict[str, str] = {}
    for members in groups:
        if len(members) < 2:
            continue
        # by date, a copy after the briefing it copies: the story is named after an original text
        ordered = sorted(members, key=lambda i: (items[i].source.published or "9999", items[i].slug in canonical,
                                                 items[i].slug))
        first = items[ordered[0]]
        slug = first.slug
        stories[slug] = Story(slug, first.title, tuple(items[i].slug for i in ordered), shared[tuple(members)])
        for i in members:
            story_of[items[i].slug] = slug
    out = [replace(b, same_as=canonical.get(b.slug), story=story_of.get(b.slug)) for b in briefings]
    return out, dict(sorted(stories.items()))


# ---------------------------------------------------------------------------------------------
# A briefing's signature (made with the briefing, in parallel)

def signature(title: str | None, paragraphs: Sequence[str], published: str | None) -> Signature:
    text = " ".join(paragraphs)
    terms = Counter(w for w in (w.lower() for w in _WORD.findall(text)) if w not in _STOP and len(w) > 2
                    and not w.isdigit())
    for name in _NAME.findall(text):
        if name.lower() not in _STOP:
            terms["\0" + name.lower()] += 1  # a name as a whole ("Notre Dame") beside its words
    for w in _WORD.findall(title or ""):
        if w.lower() not in _STOP and len(w) > 2:
            terms[w.lower()] += 2
    kept = sorted(terms.items(), key=lambda kv: (-kv[1], kv[0]))[:SIGNATURE_TERMS]
    words = [w.lower() for w in _WORD.findall(_QUOTED.sub(" ", text))]
    return Signature(tuple(sorted(kept)), _shingles(words), _year(published, paragraphs))


def _shingles(words: list[str]) -> tuple[int, ...]:
    """The hashes of the word 5-grams (a polynomial over the words' CRC-32s, 32 bits) that fall in
    the sample: one in SHINGLE_SAMPLE, chosen by the hash, so two texts keep the same ones."""
    import numpy

    n = len(words) - SHINGLE + 1
    if n <= 0:
        return ()
    crcs = numpy.fromiter((zlib.crc32(w.encode("utf-8", "surrogatepass")) for w in words), dtype=numpy.uint64,
                          count=len(words))
    h = numpy.zeros(n, dtype=numpy.uint64)
    for k in range(SHINGLE):  # wraps around modulo 2**64, as meant
        h = h * numpy.uint64(1_000_003) + crcs[k:k + n]
    h = (h ^ (h >> numpy.uint64(32))) & numpy.uint64(0xFFFFFFFF)
    return tuple(sorted(set(h[h % numpy.uint64(SHINGLE_SAMPLE) == 0].tolist())))


def _published(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _year(published: str | None, paragraphs: Sequence[str]) -> int | None:
    """The year it was published, or else the one its first paragraphs name most (ties: the latest)."""
    day = _published(published)
    if day:
        return day.year
    years = Counter(_YEAR.findall(" ".join(paragraphs[:6])))
    if not years:
        return None
    return int(max(years.items(), key=lambda kv: (kv[1], kv[0]))[0])


# ---------------------------------------------------------------------------------------------
# Similarity (NumPy arrays: at 5,000 briefings there are a million words to weigh)

@dataclass
class _Weights:
    """The tf-idf vectors of unit length of every briefing, over the words more than one of them
    has, as parallel arrays: entry k is word ``terms[cols[k]]`` in briefing ``rows[k]``."""

    terms: list[str]
    rows: "numpy.ndarray"
    cols: "numpy.ndarray"
    values: "numpy.ndarray"

    def of(self, i: int) -> dict[str, float]:
        lo, hi = (int(x) for x in self.rows.searchsorted([i, i + 1]))  # rows are in briefing order
        return {self.terms[c]: float(x) for c, x in zip(self.cols[lo:hi].tolist(), self.values[lo:hi].tolist())}


def _weights(signatures: Sequence[Signature]) -> _Weights:
    import numpy

    ids: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    counts: list[int] = []
    for i, sig in enumerate(signatures):
        for w, c in sig.terms:
            cols.append(ids.setdefault(w, len(ids)))
            rows.append(i)
            counts.append(c)
    terms = list(ids)
    r, c, n = numpy.array(rows, dtype=numpy.int64), numpy.array(cols, dtype=numpy.int64), numpy.array(counts)
    df = numpy.bincount(c, minlength=len(terms))
    keep = df[c] > 1
    r, c, n = r[keep], c[keep], n[keep]
    w = (1 + numpy.log(n)) * numpy.log(1 + len(signatures) / df[c])
    norms = numpy.sqrt(numpy.bincount(r, weights=w * w, minlength=len(signatures)))
    norms[norms == 0] = 1.0
    return _Weights(terms, r, c, w / norms[r])


def _hashed(weights: _Weights, n: int) -> "numpy.ndarray":
    """The vectors as rows of a dense matrix, by the hashing trick (a stable hash picks a word's
    column and its sign, so that the few words sharing a column cancel out on average), each row
    of unit length: their dot products are the cosines, within a small noise."""
    import numpy

    hashes = numpy.array([zlib.crc32(t.encode("utf-8", "surrogatepass")) for t in weights.terms], dtype=numpy.int64)
    column = hashes % HASHED
    sign = numpy.where(hashes & 0x80000000, 1.0, -1.0)
    matrix = numpy.zeros((n, HASHED), dtype=numpy.float32)
    numpy.add.at(matrix, (weights.rows, column[weights.cols]), (sign[weights.cols] * weights.values).astype(numpy.float32))
    norms = numpy.linalg.norm(matrix, axis=1)
    norms[norms == 0] = 1.0
    return matrix / norms[:, None]


def _candidates(weights: _Weights, n: int) -> list[tuple[int, int]]:
    """Pairs worth comparing: each briefing with the ``CANDIDATES`` others that share most of its
    ``CANDIDATE_WORDS`` heaviest words (words in more than ``MAX_POSTING`` briefings left out)."""
    import numpy

    order = numpy.lexsort((weights.cols, -weights.values, weights.rows))  # by briefing, heaviest first
    rows, cols = weights.rows[order], weights.cols[order]
    starts = numpy.searchsorted(rows, rows, "left")
    top = (numpy.arange(len(rows)) - starts) < CANDIDATE_WORDS
    rows, cols = rows[top], cols[top]
    by_word = numpy.lexsort((rows, cols))
    rows, cols = rows[by_word], cols[by_word]
    starts = numpy.flatnonzero(numpy.r_[True, numpy.diff(cols) != 0])
    sizes = numpy.diff(numpy.r_[starts, len(cols)])
    firsts, lasts = [], []
    for size in range(2, MAX_POSTING + 1):  # the words in `size` briefings, all at once
        at = starts[sizes == size]
        if not len(at):
            continue
        docs = rows[at[:, None] + numpy.arange(size)]  # one row of briefings per word
        a, b = numpy.triu_indices(size, 1)
        firsts.append(docs[:, a].ravel())
        lasts.append(docs[:, b].ravel())
    if not firsts:
        return []
    a, b = numpy.concatenate(firsts), numpy.concatenate(lasts)
    codes, shared = numpy.unique(a * n + b, return_counts=True)
    a, b = codes // n, codes % n
    # both ways round: each briefing keeps the CANDIDATES others it shares most with
    x, y, s = numpy.concatenate((a, b)), numpy.concatenate((b, a)), numpy.concatenate((shared, shared))
    order = numpy.lexsort((y, -s, x))
    x, y = x[order], y[order]
    rank = numpy.arange(len(x)) - numpy.searchsorted(x, x, "left")
    x, y = x[rank < CANDIDATES], y[rank < CANDIDATES]
    pairs = numpy.unique(numpy.minimum(x, y) * n + numpy.maximum(x, y))
    return list(zip((pairs // n).tolist(), (pairs % n).tolist()))


def _similarities(matrix, pairs) -> dict[tuple[int, int], float]:
    import numpy

    sims: dict[tuple[int, int], float] = {}
    for start in range(0, len(pairs), 4096):
        chunk = pairs[start:start + 4096]
        a = numpy.array([p[0] for p in chunk])
        b = numpy.array([p[1] for p in chunk])
        values = numpy.einsum("ij,ij->i", matrix[a], matrix[b])
        sims.update(zip(chunk, numpy.round(values.astype(numpy.float64), 6).tolist()))
    return sims


# ---------------------------------------------------------------------------------------------
# Copies

def _copies(items: list[Briefing], signatures, sims) -> dict[str, str]:
    """slug -> canonical slug, for every briefing that is a copy of another. Copies are similar
    briefings first: only candidate pairs with a cosine of ``COPY_COSINE`` or more are compared."""
    parent = list(range(len(items)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    sets: dict[int, frozenset[int]] = {}
    for (a, b), s in sorted(sims.items()):
        if s < COPY_COSINE:
            continue
        for i in (a, b):
            if i not in sets:
                sets[i] = frozenset(signatures[i].shingles)
        smaller = min(len(sets[a]), len(sets[b]))
        if smaller >= MIN_SHINGLES and len(sets[a] & sets[b]) / smaller >= COPY_CONTAINMENT:
            ra, rb = root(a), root(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(items)):
        groups[root(i)].append(i)
    canonical: dict[str, str] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        best = min(members, key=lambda i: (items[i].source.published or "9999", -items[i].word_count, items[i].slug))
        for i in members:
            if i != best:
                canonical[items[i].slug] = items[best].slug
    return canonical


# ---------------------------------------------------------------------------------------------
# Stories

def _conflict(a: Briefing, b: Briefing, ya: int | None, yb: int | None) -> bool:
    """Known dates that cannot belong to one story: different years, or days too far apart."""
    if ya is not None and yb is not None and ya != yb:
        return True
    da, db = _published(a.source.published), _published(b.source.published)
    return bool(da and db and abs((da - db).days) > STORY_DAYS)


def _stories(items, signatures, weights, matrix, sims, canonical):
    index = {b.slug: i for i, b in enumerate(items)}
    years = [sig.year for sig in signatures]
    group = list(range(len(items)))  # briefing -> group id
    members: dict[int, list[int]] = {i: [i] for i in range(len(items))}

    def merge(x: int, y: int) -> None:
        x, y = min(x, y), max(x, y)
        for i in members[y]:
            group[i] = x
        members[x].extend(members.pop(y))

    for slug, target in sorted(canonical.items()):  # copies are one story whatever their words
        gx, gy = group[index[slug]], group[index[target]]
        if gx != gy:
            merge(gx, gy)
    # Average linkage over the candidate pairs, best pair first; a merge changes the mean
    # similarities of the merged group, so candidates are re-checked when they come up.
    for (a, b), s in sorted(sims.items(), key=lambda kv: (-kv[1], kv[0])):
        if s < STORY_SIMILARITY:
            break
        gx, gy = group[a], group[b]
        if gx == gy or len(members[gx]) + len(members[gy]) > MAX_STORY:
            continue
        xs, ys = members[gx], members[gy]
        if any(_conflict(items[i], items[j], years[i], years[j]) for i in xs for j in ys):
            continue
        mean = float((matrix[xs] @ matrix[ys].T).mean())
        if mean >= STORY_SIMILARITY:
            merge(gx, gy)
    groups = [sorted(m) for _, m in sorted(members.items())]
    shared = {tuple(g): _shared_words(g, weights) for g in groups if len(g) > 1}
    return groups, shared


def _shared_words(group: list[int], weights: _Weights, limit: int = 8) -> tuple[str, ...]:
    """The words that weigh most in the members' vectors, among those at least half of them share."""
    weight: Counter = Counter()
    count: Counter = Counter()
    for i in group:
        for w, x in weights.of(i).items():
            weight[w] += x
            count[w] += 1
    need = max(2, (len(group) + 1) // 2)
    ranked = sorted((w for w in weight if count[w] >= need), key=lambda w: (-weight[w], w))
    names = [w[1:] for w in ranked if w.startswith("\0")][:limit // 2]
    in_names = {part for name in names for part in name.split()}
    plain = [w for w in ranked if not w.startswith("\0") and w not in in_names]
    return tuple((names + plain)[:limit])
