"""Evaluate keyword extraction on 500N-KPCrowd exactly as ``../shared/eval/measure`` does.

The corpus is research-use only: it is never stored in this repository. Get it from
https://github.com/LIAAD/KeywordExtractor-Datasets (``datasets/500N-KPCrowd-v1.1.zip``), unpack it
anywhere, and point ``--kpcrowd`` at the folder that holds ``docsutf8/`` and ``keys/``::

    python -m generator evaluate keywords --kpcrowd /tmp/kpcrowd/500N-KPCrowd-v1.1

The rules are the judge's (``../shared/eval``: ``kp_gold.py`` with its ``500n`` preset,
``run_generate.py``, ``raw_yake.py``, ``score_keywords.py``), so the figures agree with
``measure --only keywords`` on the same archive:

* **Documents**: every ``docsutf8/<id>.txt`` with a ``keys/<id>.key`` (HTML entities decoded,
  line ends and blank runs normalised); the 50 documents under 25 words (headline only: the
  release cut them for copyright) are dropped: 450 remain. Dev = the first 30% by id within each
  category, test = the rest (both are ours; each is reported, and all together).
* **Ours**: the whole pipeline on the file as an article (``pipeline.process`` of the seed, as
  ``generate`` runs it: cleaning, headline, outlet exclusion, quoted people), its briefing's
  keywords. **Raw YAKE**: YAKE n=3, top 10, its own de-duplication, on the file as it is.
* **Matching** (the YAKE paper's, via LIAAD's KEEP): lower case, accents folded, punctuation to
  spaces, whitespace tokens, each token Porter-stemmed (NLTK's mode), exact match of the phrase;
  gold phrases de-duplicated after normalisation; every gold phrase counts in recall.
  P@k = correct in the top k / k, whatever the number returned; a prediction repeating a higher
  one keeps its slot and counts wrong; P, R, F1 per document, averaged over documents (macro).
* **Redundancy**: share of the top 10 that near-duplicate a higher-ranked keyword: same stemmed
  phrase, same stemmed last token, or one phrase inside the other where tokens match when their
  stems are equal or one (4 characters and more) begins the other ("Iran"/"Iranian").

One difference remains: ``measure`` runs ``generate`` in a subprocess over a temporary seeds
folder; this runs the same ``pipeline.process`` in this process (same code, same output).
"""
from __future__ import annotations

import html
import re
import tempfile
import time
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path
from statistics import mean
from typing import Callable, Iterator, Sequence

MIN_WORDS = 25  # kp_gold.py's 500n preset: shorter documents hold only a headline
DEV_SHARE = 0.3  # kp_gold.py: dev = the first 30% by natural id within each category
_CATEGORY_RE = re.compile(r"^[a-z_]+")

# --------------------------------------------------------------------------- Porter stemmer
# Porter (1980) with NLTK's default-mode extensions, as ../shared/eval/score_keywords.py has it.

_VOWELS = frozenset("aeiou")
_IRREGULAR = {
    "skies": "sky", "sky": "sky", "dying": "die", "lying": "lie",
    "tying": "tie", "news": "news", "innings": "inning", "inning": "inning",
    "outings": "outing", "outing": "outing", "cannings": "canning",
    "canning": "canning", "howe": "howe", "proceed": "proceed",
    "exceed": "exceed", "succeed": "succeed",
}


def _cons(w, i):
    c = w[i]
    if c in _VOWELS:
        return False
    if c == "y":
        return True if i == 0 else not _cons(w, i - 1)
    return True


def _measure(s):
    m, prev_v = 0, False
    for i in range(len(s)):
        v = not _cons(s, i)
        if prev_v and not v:
            m += 1
        prev_v = v
    return m


def _has_vowel(s):
    return any(not _cons(s, i) for i in range(len(s)))


def _double_cons(s):
    return len(s) >= 2 and s[-1] == s[-2] and _cons(s, len(s) - 1)


def _cvc(s):
    if len(s) >= 3:
        return (_cons(s, len(s) - 3) and not _cons(s, len(s) - 2)
                and _cons(s, len(s) - 1) and s[-1] not in "wxy")
    if len(s) == 2:
        return not _cons(s, 0) and _cons(s, 1)
    return False


def _rules(word, rules):
    """Apply the first rule whose suffix matches (condition on the stem)."""
    for suf, rep, cond in rules:
        if word.endswith(suf):
            stem = word[:len(word) - len(suf)] if suf else word
            if cond is None or cond(stem):
                return stem + rep
            return word
    return word


def _m_pos(s):
    return _measure(s) > 0


def _m_gt1(s):
    return _measure(s) > 1


def _step1a(w):
    if w.endswith("ies") and len(w) == 4:
        return w[:-3] + "ie"
    return _rules(w, [("sses", "ss", None), ("ies", "i", None),
                      ("ss", "ss", None), ("s", "", None)])


def _step1b(w):
    if w.endswith("ied"):
        return w[:-3] + ("ie" if len(w) == 4 else "i")
    if w.endswith("eed"):
        stem = w[:-3]
        return stem + "ee" if _measure(stem) > 0 else w
    for suf in ("ed", "ing"):
        if w.endswith(suf) and _has_vowel(w[:-len(suf)]):
            s = w[:-len(suf)]
            break
    else:
        return w
    for suf, rep in (("at", "ate"), ("bl", "ble"), ("iz", "ize")):
        if s.endswith(suf):
            return s[:-len(suf)] + rep
    if _double_cons(s):
        return s[:-1] if s[-1] not in "lsz" else s
    if _measure(s) == 1 and _cvc(s):
        return s + "e"
    return s


def _step1c(w):
    if w.endswith("y"):
        stem = w[:-1]
        if len(stem) > 1 and _cons(stem, len(stem) - 1):
            return stem + "i"
    return w


_STEP2 = [
    ("ational", "ate"), ("tional", "tion"), ("enci", "ence"),
    ("anci", "ance"), ("izer", "ize"), ("bli", "ble"), ("alli", "al"),
    ("entli", "ent"), ("eli", "e"), ("ousli", "ous"), ("ization", "ize"),
    ("ation", "ate"), ("ator", "ate"), ("alism", "al"), ("iveness", "ive"),
    ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"),
    ("iviti", "ive"), ("biliti", "ble"), ("fulli", "ful"),
]


def _step2(w):
    if w.endswith("alli") and _m_pos(w[:-4]):
        return _step2(w[:-4] + "al")
    rules = [(s, r, _m_pos) for s, r in _STEP2]
    rules.append(("logi", "log", lambda stem: _m_pos(w[:-3])))
    return _rules(w, rules)


_STEP3 = [("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"),
          ("ical", "ic"), ("ful", ""), ("ness", "")]
_STEP4 = ["al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement",
          "ment", "ent", "ion", "ou", "ism", "ate", "iti", "ous", "ive", "ize"]


def _step3(w):
    return _rules(w, [(s, r, _m_pos) for s, r in _STEP3])


def _step4(w):
    rules = []
    for s in _STEP4:
        if s == "ion":
            rules.append((s, "", lambda st: _measure(st) > 1 and st[-1] in "st"))
        else:
            rules.append((s, "", _m_gt1))
    return _rules(w, rules)


def _step5(w):
    if w.endswith("e"):
        stem = w[:-1]
        m = _measure(stem)
        if m > 1 or (m == 1 and not _cvc(stem)):
            w = stem
    if w.endswith("ll") and _measure(w[:-1]) > 1:
        w = w[:-1]
    return w


_STEM_CACHE = {}


def porter_stem(word):
    """Porter-stem one lower-case token."""
    r = _STEM_CACHE.get(word)
    if r is not None:
        return r
    if word in _IRREGULAR:
        r = _IRREGULAR[word]
    elif len(word) <= 2:
        r = word
    else:
        r = _step5(_step4(_step3(_step2(_step1c(_step1b(_step1a(word)))))))
    _STEM_CACHE[word] = r
    return r


# --------------------------------------------------------------------------- matching rule

_PUNCT = re.compile(r"[^\w\s]|_", re.UNICODE)


def _fold_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def stem_tokens(phrase: str) -> tuple[str, ...]:
    """Lower case, accents folded, punctuation to spaces, split, each token Porter-stemmed."""
    return tuple(porter_stem(t) for t in _PUNCT.sub(" ", _fold_accents(phrase.lower())).split())


def normalize_phrase(phrase: str) -> str:
    """The unit of exact matching."""
    return " ".join(stem_tokens(phrase))


def _token_match(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= 4 and long_.startswith(short)


def _contained(short: tuple[str, ...], long_: tuple[str, ...]) -> bool:
    n, m = len(short), len(long_)
    return 0 < n <= m and any(all(_token_match(short[j], long_[i + j]) for j in range(n))
                              for i in range(m - n + 1))


def near_duplicate(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Stemmed token tuples: the same phrase, the same head (last) token, or one inside the other."""
    if not a or not b:
        return False
    if a == b or a[-1] == b[-1]:
        return True
    return _contained(a, b) if len(a) <= len(b) else _contained(b, a)


def score_document(predicted: Sequence[str], gold: Sequence[str]) -> dict:
    """P, R, F1 at 5 and 10 and the redundancy of the top 10 of one ranked list."""
    gold_set = {normalize_phrase(g) for g in gold} - {""}
    matched: set[str] = set()
    hits = []
    for phrase in map(normalize_phrase, predicted):
        ok = bool(phrase) and phrase in gold_set and phrase not in matched
        if ok:
            matched.add(phrase)
        hits.append(ok)
    result = {"n_gold": len(gold_set), "n_pred": len(hits)}
    for k in (5, 10):
        correct = sum(hits[:k])
        p = correct / k
        r = correct / len(gold_set) if gold_set else 0.0
        result[f"P@{k}"], result[f"R@{k}"] = p, r
        result[f"F1@{k}"] = 2 * p * r / (p + r) if p + r else 0.0
    top = [stem_tokens(p) for p in predicted[:10]]
    result["redundant"] = sum(1 for i in range(1, len(top)) if any(near_duplicate(top[i], top[j]) for j in range(i)))
    result["n_top10"] = len(top)
    return result


def aggregate(scores: Sequence[dict]) -> dict:
    """Macro averages over documents; redundancy over all top-10 keywords."""
    if not scores:
        return {"n": 0}
    out = {key: mean(s[key] for s in scores) for key in ("P@5", "R@5", "F1@5", "P@10", "R@10", "F1@10")}
    top = sum(s["n_top10"] for s in scores)
    out["redundancy"] = sum(s["redundant"] for s in scores) / top if top else 0.0
    out["keywords_per_doc"] = mean(s["n_pred"] for s in scores)
    out["n"] = len(scores)
    return out


def summary_line(agg: dict) -> str:
    """The judge's summary line (score_keywords.py)."""
    return ("kw F1@10=%.3f P@10=%.3f R@10=%.3f F1@5=%.3f redundancy=%.2f n=%d"
            % (agg["F1@10"], agg["P@10"], agg["R@10"], agg["F1@5"], agg["redundancy"], agg["n"]))


# --------------------------------------------------------------------------- the corpus

@dataclass(frozen=True)
class Document:
    name: str
    text: str  # the file, entities decoded and blank runs normalised (kp_gold.py's clean_text)
    gold: tuple[str, ...]
    dev: bool = False


def _natural_key(s: str) -> list:
    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", s)]


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _clean_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = "\n".join(re.sub(r"[ \t]+", " ", line).strip() for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _clean_keys(lines: Sequence[str]) -> tuple[str, ...]:
    out: dict[str, str] = {}
    for line in lines:
        phrase = re.sub(r"\s+", " ", line).strip()
        if phrase and phrase.lower() not in out:
            out[phrase.lower()] = phrase
    return tuple(out.values())


def _files(root: Path) -> Iterator[tuple[str, bytes]]:
    """(relative path, bytes) of a folder's files, or of a zip archive's."""
    if root.is_file() and zipfile.is_zipfile(root):
        with zipfile.ZipFile(root) as archive:
            for info in archive.infolist():
                if not info.is_dir():
                    yield info.filename, archive.read(info)
        return
    for path in sorted(root.rglob("*")):
        if path.is_file():
            yield path.relative_to(root).as_posix(), path.read_bytes()


def load_kpcrowd(root: Path) -> list[Document]:
    """The documents of 500N-KPCrowd (a folder or the release's zip) as the judge reads them."""
    texts: dict[str, str] = {}
    keys: dict[str, tuple[str, ...]] = {}
    for rel, data in _files(Path(root)):
        parts = rel.split("/")
        if len(parts) < 2 or parts[-1].startswith("."):
            continue
        if parts[-2] == "docsutf8" and parts[-1].endswith(".txt"):
            texts[parts[-1][:-4]] = _clean_text(html.unescape(_decode(data)))
        elif parts[-2] == "keys" and parts[-1].endswith(".key"):
            keys[parts[-1][:-4]] = _clean_keys(_decode(data).replace("\r", "\n").split("\n"))
    names = sorted((n for n in texts if n in keys and len(texts[n].split()) >= MIN_WORDS), key=_natural_key)
    by_category: dict[str, list[str]] = {}
    for name in names:
        match = _CATEGORY_RE.match(name)
        by_category.setdefault(match.group(0) if match else "", []).append(name)
    dev = {n for group in by_category.values() for n in group[:int(round(DEV_SHARE * len(group)))]}
    return [Document(n, texts[n], keys[n], n in dev) for n in names]


# --------------------------------------------------------------------------- the systems

def _pipeline_keywords(folder: Path) -> Callable[[Document], Sequence[str]]:
    """Our keywords: the seed file read and processed as ``generate`` does it."""
    from generator.errors import BadInput
    from generator.ingest import SeedFile, read_seed
    from generator.pipeline import process

    def keywords(doc: Document) -> Sequence[str]:
        path = folder / (re.sub(r"[^A-Za-z0-9._-]+", "_", doc.name)[:120] + ".txt")
        path.write_text(doc.text, encoding="utf-8")
        try:
            return process(read_seed(SeedFile(path, path.name, None)))[0].keywords
        except BadInput:
            return ()
        finally:
            path.unlink()
    return keywords


def _run(docs: Sequence[Document], system: Callable[[Document], Sequence[str]]) -> tuple[list[dict], float]:
    scores, seconds = [], 0.0
    for doc in docs:
        start = time.perf_counter()
        keywords = list(system(doc))
        seconds += time.perf_counter() - start
        scores.append(score_document(keywords, doc.gold))
    return scores, 1000 * seconds / len(docs) if docs else 0.0


def evaluate_kpcrowd(root: Path, top: int = 10) -> dict:
    """Raw YAKE versus the pipeline's keywords on 500N-KPCrowd under ``root`` (folder or zip)."""
    from generator.keywords import raw_yake

    docs = load_kpcrowd(root)
    if not docs:
        raise FileNotFoundError(f"no KPCrowd documents (docsutf8/*.txt with keys/*.key) under {root}")
    with tempfile.TemporaryDirectory(prefix="kpcrowd-") as folder:
        ours, ours_ms = _run(docs, _pipeline_keywords(Path(folder)))
    raw, raw_ms = _run(docs, lambda d: raw_yake(d.text, "en", top))
    result = {"dataset": "500N-KPCrowd v1.1", "documents": len(docs), "top": top,
              "gold_per_doc": mean(len({normalize_phrase(g) for g in d.gold} - {""}) for d in docs),
              "ms_per_doc": {"raw_yake": raw_ms, "cleaned": ours_ms}}
    for part, keep in (("all", lambda d: True), ("dev", lambda d: d.dev), ("test", lambda d: not d.dev)):
        idx = [i for i, d in enumerate(docs) if keep(d)]
        result[part] = {"raw_yake": aggregate([raw[i] for i in idx]), "cleaned": aggregate([ours[i] for i in idx])}
    result["f1_ratio"] = (result["all"]["cleaned"]["F1@10"] / result["all"]["raw_yake"]["F1@10"]
                          if result["all"]["raw_yake"]["F1@10"] else float("inf"))
    return result


def format_report(result: dict) -> str:
    """A plain-text table per split, then the judge's summary lines (raw YAKE, then ours)."""
    lines = [f"{result['dataset']}: {result['documents']} documents (under {MIN_WORDS} words dropped), "
             f"{result['gold_per_doc']:.1f} gold keyphrases per document; the rules of ../shared/eval",
             f"{'split':<5} {'system':<9} {'F1@10':>6} {'P@10':>6} {'R@10':>6} {'F1@5':>6} {'redund':>7} {'kw/doc':>6}"]
    for part in ("all", "dev", "test"):
        for name, key in (("raw YAKE", "raw_yake"), ("ours", "cleaned")):
            r = result[part][key]
            lines.append(f"{part:<5} {name:<9} {r['F1@10']:>6.3f} {r['P@10']:>6.3f} {r['R@10']:>6.3f} "
                         f"{r['F1@5']:>6.3f} {r['redundancy']:>7.2f} {r['keywords_per_doc']:>6.2f}")
    ms = result["ms_per_doc"]
    lines.append(f"F1@10 ratio ours / raw YAKE: {result['f1_ratio']:.2f}; ms per document: raw YAKE "
                 f"{ms['raw_yake']:.0f}, ours (whole pipeline) {ms['cleaned']:.0f}")
    lines.append("raw YAKE (n=3, top 10):")
    lines.append(summary_line(result["all"]["raw_yake"]))
    lines.append("ours:")
    lines.append(summary_line(result["all"]["cleaned"]))
    return "\n".join(lines)
