"""Evaluate the quote stage against PolNeAR with the judge's own rule (``../shared/eval``).

The gold, the matching and the speaker check are those of the project's measure
(``polnear_gold.py`` and ``score_quotes.py``), restated here so that ``briefings evaluate quotes``
needs nothing outside this package and prints the same figures as ``measure --only quotes``:

Gold direct quotations (polnear_gold's rule)
    Each line of the article is scanned for double quotation marks (curly “ ”, straight ", and
    the doubled apostrophe ''; a quote left open runs to the end of its line; single marks never
    count).  An attribution's ``Content`` (all its fragments) is a *direct* quotation when at
    least 60% of its word tokens (``\\w+([’'.-]\\w+)*``) start inside quotation marks, wherever
    it stands in the sentence (``Smith said the plan was “a reckless gamble.”`` is one).  Its
    text is the inside-marks part only, pieces of an interrupted quotation joined.  Contents
    under 60% that still have quoted words give *partial* quotes (``called it “a mess”``).
    Articles annotated several times use the annotation that agrees best with the others.

Matching (score_quotes' rule)
    Texts are compared as multisets of lower-cased word tokens (accents stripped, ’ and '
    unified).  A prediction matches a gold quote when their Dice overlap is >= 0.8, one to one,
    greedy by overlap.  Gold quotes under 4 words and partial quotes are optional: a prediction
    matching one is neither a true nor a false positive.

Speaker accuracy
    Over matched gold quotes whose source is a named person: right when the gold surname (the
    last capitalised token of the source's name) is among the predicted speaker's words, or the
    prediction is made only of the gold name's words (two or more, or one of a two-word name).

How it differs from ``measure``
    ``measure`` runs ``briefings generate`` on each article and reads the briefings' front matter;
    this runs the same stages up to the quotes (clean, language, :func:`extract_quotes`) in one
    process, without keywords, summary or rendering, so it is faster and gives the same quotes.
    The source-name heuristic deciding which gold speakers are named persons
    (:mod:`generator.evaluate_speakers`) is polnear_gold's, shortened; the counts agree on PolNeAR
    train.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from itertools import combinations
from pathlib import Path

from generator.evaluate_speakers import speaker_name

__all__ = ["evaluate_polnear", "format_report", "gold_quotes", "score_article", "speaker_correct"]

THRESHOLD = 0.6  # share of a Content's words inside marks that makes it a direct quotation
DICE = 0.8
MIN_WORDS = 4
_WORD = re.compile(r"\w+(?:[’'.\-]\w+)*")
_TOKEN = re.compile(r"\w+(?:['\-]\w+)*")
_MARK = re.compile(r"''|[“”\"]")
_T_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


# --------------------------------------------------------------------------- gold


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges strictly inside double quotation marks (polnear_gold rule 1)."""
    spans = []
    pos = 0
    for par in text.split("\n"):
        base, n = pos, len(par)
        pos += n + 1
        op = fam = None
        for m in _MARK.finditer(par):
            ch, i, k = m.group(), m.start(), m.end()
            prev = par[i - 1] if i > 0 else " "
            nxt = par[k] if k < n else " "
            f = {"\"": "s", "''": "a"}.get(ch, "c")
            if op is not None and f != fam:
                continue  # a nested quotation of another family
            if ch == "“":
                if op is not None:
                    spans.append((base + op, base + i))
                    if not prev.isspace() and nxt.isspace():
                        op = None  # a mis-typed closer
                        continue
                op, fam = k, "c"
            elif ch == "”":
                if op is not None:
                    spans.append((base + op, base + i))
                    op = None
                elif (prev.isspace() and not nxt.isspace()) or not par[:i].strip():
                    op, fam = k, "c"  # a mis-typed opener
            elif op is None:
                if not nxt.isspace():
                    op, fam = k, f
            elif prev.isspace() and not nxt.isspace():
                spans.append((base + op, base + i))
                op = k
            else:
                spans.append((base + op, base + i))
                op = None
        if op is not None:
            spans.append((base + op, base + n))
    return spans


def _parse_ann(ann: str) -> list[dict]:
    spans, events = {}, []
    for line in ann.split("\n"):
        m = _T_LINE.match(line)
        if m:
            spans[m.group(1)] = [tuple(int(x) for x in f.split()) for f in m.group(3).split(";")]
            continue
        m = _E_LINE.match(line)
        if m:
            events.append((int(m.group(1)[1:]), m.group(2).split()))
    out = []
    for _, args in sorted(events):
        ev = {"Content": None, "Source": None}
        for a in args:
            role, _, tid = a.partition(":")
            if role in ev and tid in spans:
                ev[role] = spans[tid]
        out.append(ev)
    return out


def gold_quotes(text: str, ann: str) -> tuple[list[dict], list[dict]]:
    """(direct quotes, partial quotes) of one annotation: each {"text", "speaker", "speaker_is_name",
    "speaker_name", "n_words", "start"}."""
    mask = bytearray(len(text))
    for s, e in quote_spans(text):
        mask[s:e] = b"\x01" * (e - s)
    quotes, partial = [], []
    for ev in _parse_ann(ann):
        if not ev["Content"]:
            continue
        frags = sorted(ev["Content"])
        toks = [s + m.start() for s, e in frags for m in _WORD.finditer(text[s:e])]
        if not toks:
            continue
        share = sum(mask[t] for t in toks) / len(toks)
        segments, chars = [], set()
        for s, e in frags:
            k = s
            while k < e:
                if not mask[k]:
                    k += 1
                    continue
                r = k
                while r < e and mask[r]:
                    r += 1
                a, b = k, r
                while a < b and text[a].isspace():
                    a += 1
                while b > a and text[b - 1].isspace():
                    b -= 1
                if a < b and re.search(r"\w", text[a:b]):
                    segments.append((a, text[a:b]))
                    chars.update(range(a, b))
                k = r
        if not segments:
            continue
        source = " ".join(text[a:b] for a, b in sorted(ev["Source"] or []))
        is_name, name = speaker_name(source) if source else (False, "")
        common = {"speaker": source, "speaker_is_name": is_name, "speaker_name": name,
                  "start": min(chars) if chars else frags[0][0], "chars": chars}
        if share < THRESHOLD:
            partial.extend(dict(common, text=p, start=a, n_words=len(_WORD.findall(p))) for a, p in segments)
            continue
        joined = " ".join(p for _, p in segments)
        quotes.append(dict(common, text=joined, n_words=len(_WORD.findall(joined))))
    quotes.sort(key=lambda q: q["start"])
    partial.sort(key=lambda q: q["start"])
    return quotes, partial


def _choose(annotations: dict[str, list[dict]]) -> str:
    """The annotator whose direct quotes agree best with the others' (ties: lowest id)."""
    names = sorted(annotations)
    if len(names) == 1:
        return names[0]

    def agreement(a: str, b: str) -> float:  # character-level Dice >= 0.8, first fit
        qa, qb = annotations[a], annotations[b]
        used, tp = set(), 0
        for x in qa:
            for k, y in enumerate(qb):
                cx, cy = x["chars"], y["chars"]
                if k not in used and cx and cy and 2 * len(cx & cy) / (len(cx) + len(cy)) >= 0.8:
                    used.add(k)
                    tp += 1
                    break
        n = len(qa) + len(qb)
        return 1.0 if n == 0 else 2 * tp / n

    score = Counter()
    for a, b in combinations(names, 2):
        f = agreement(a, b)
        score[a] += f
        score[b] += f
    return max(names, key=lambda a: (score[a], [-ord(c) for c in a]))


# --------------------------------------------------------------------------- matching


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.replace("’", "'").replace("‘", "'"))
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def tokens(s: str | None) -> Counter:
    return Counter(_TOKEN.findall(_fold(s or "")))


def _dice(a: Counter, b: Counter) -> float:
    na, nb = sum(a.values()), sum(b.values())
    return 2 * sum((a & b).values()) / (na + nb) if na and nb else 0.0


def _match(gold: list[Counter], pred: list[Counter], used_p: set | None = None) -> list[tuple[int, int]]:
    used_p = set() if used_p is None else used_p
    cand = sorted((-o, i, j) for i, g in enumerate(gold) for j, p in enumerate(pred)
                  if j not in used_p and (o := _dice(g, p)) >= DICE)
    used_g, pairs = set(), []
    for _, i, j in cand:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j))
    return pairs


def _surname(name: str) -> str:
    toks = [re.sub(r"['’]s$", "", t.strip(".,;:()\"“”'’")) for t in (name or "").split()]
    caps = [t for t in toks if t and (t[:1].isupper() or re.match(r"^[a-z]{1,3}-[A-Z]", t))
            and t.lower().rstrip(".") not in _SUFFIXES]
    return _fold(caps[-1]) if caps else ""


def speaker_correct(gold: dict, predicted: str | None) -> bool:
    """score_quotes' speaker rule (see the module docstring)."""
    name = gold.get("speaker_name") or gold.get("speaker", "")
    sur = _surname(name)
    if not sur:
        return False
    folded = _fold(predicted or "")
    pred = {re.sub(r"'s$", "", p) for p in _TOKEN.findall(folded)}
    if (sur in pred or any(sur == p.split("-")[-1] for p in pred)
            or any(p == sur.split("-")[-1] and "-" in sur for p in pred)
            or re.search(r"(?<!\w)" + re.escape(sur) + r"(?!\w)", folded)):
        return True
    words = [t for t in _TOKEN.findall(_fold(name)) if t not in _SUFFIXES]
    mine = [p for p in _TOKEN.findall(folded) if p not in _SUFFIXES]
    return bool(mine) and set(mine) <= set(words) and (len(set(mine)) >= 2 or len(words) == 2)


def score_article(quotes: list[dict], partial: list[dict], predicted: list[tuple[str, str | None]]) -> Counter:
    """Counts of one article: gold, pred, tp, ignored, spk_n, spk_ok."""
    ptoks = [tokens(text) for text, _ in predicted]
    req = [q for q in quotes if q["n_words"] >= MIN_WORDS]
    opt = [q for q in quotes if q["n_words"] < MIN_WORDS] + partial
    used_p: set = set()
    pairs = _match([tokens(q["text"]) for q in req], ptoks, used_p)
    ignored = _match([tokens(q["text"]) for q in opt], ptoks, used_p)
    c = Counter(gold=len(req), pred=len(predicted) - len(ignored), tp=len(pairs), ignored=len(ignored))
    for i, j in pairs:
        if req[i]["speaker_is_name"]:
            c["spk_n"] += 1
            c["spk_ok"] += speaker_correct(req[i], predicted[j][1])
    return c


# --------------------------------------------------------------------------- running


def _split_dir(root: Path, split: str) -> Path:
    for candidate in (root / "data" / split, root / split):
        if (candidate / "text").is_dir() and (candidate / "attributions").is_dir():
            return candidate
    raise FileNotFoundError(f"no PolNeAR split {split!r} under {root}")


def _predict(text: str) -> list[tuple[str, str | None]]:
    """The quotes a briefing of ``text`` would carry: the pipeline's stages up to the quotes."""
    from generator.clean import clean
    from generator.metadata import detect_language
    from generator.quotes import extract_quotes

    paragraphs = clean(text).paragraphs
    if not paragraphs:
        return []
    language = detect_language(paragraphs) or "en"
    return [(q.text, q.speaker) for q in extract_quotes(paragraphs, language)]


def evaluate_polnear(root: Path, split: str = "train", predict=_predict) -> dict:
    """Score quote extraction on one PolNeAR split (see the module docstring)."""
    folder = _split_dir(Path(root), split)
    by_article: dict[str, dict[str, Path]] = {}
    for ann in sorted((folder / "attributions").glob("*.ann")):
        base, _, annotator = ann.stem.rpartition("_")
        by_article.setdefault(base, {})[annotator] = ann
    totals, per_outlet = Counter(), {}
    articles = 0
    for base in sorted(by_article):
        text_path = folder / "text" / f"{base}.txt"
        if not text_path.is_file():
            continue
        text = text_path.read_text(encoding="utf-8")
        both = {a: gold_quotes(text, p.read_text(encoding="utf-8")) for a, p in sorted(by_article[base].items())}
        chosen = _choose({a: v[0] for a, v in both.items()})
        counts = score_article(*both[chosen], predict(text))
        totals.update(counts)
        per_outlet.setdefault(base.split("_")[0], Counter()).update(counts)
        articles += 1
    return {"split": split, "articles": articles, **_figures(totals),
            "outlets": {k: _figures(v) for k, v in sorted(per_outlet.items())}}


def _figures(c: Counter) -> dict:
    p = c["tp"] / c["pred"] if c["pred"] else 0.0
    r = c["tp"] / c["gold"] if c["gold"] else 0.0
    return {"gold": c["gold"], "predicted": c["pred"], "matched": c["tp"], "ignored": c["ignored"],
            "precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "speaker_named": c["spk_n"], "speaker_correct": c["spk_ok"],
            "speaker_accuracy": c["spk_ok"] / c["spk_n"] if c["spk_n"] else 0.0}


def format_report(result: dict) -> str:
    rows = [("split", str(result["split"])), ("articles", str(result["articles"])),
            ("gold direct quotes (4+ words)", str(result["gold"])),
            ("predicted quotes", f"{result['predicted']} (+{result['ignored']} matching optional gold)"),
            ("matched", str(result["matched"]))]
    width = max(len(k) for k, _ in rows)
    lines = [f"{k.ljust(width)}  {v}" for k, v in rows]
    for outlet, f in result.get("outlets", {}).items():
        lines.append(f"  {outlet:14s} F1={f['f1']:.3f} P={f['precision']:.3f} R={f['recall']:.3f} "
                     f"speaker_acc={f['speaker_accuracy']:.3f} n_gold={f['gold']}")
    lines.append(f"quotes F1={result['f1']:.3f} P={result['precision']:.3f} R={result['recall']:.3f} "
                 f"speaker_acc={result['speaker_accuracy']:.3f} n_gold={result['gold']}")
    return "\n".join(lines)
