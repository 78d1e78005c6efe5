"""Evaluate keyword extraction on the 500N-KPCrowd news corpus (Marujo et al., LREC 2012).

The corpus is research-use only: it is never stored in this repository. Get it from
https://github.com/LIAAD/KeywordExtractor-Datasets (``datasets/500N-KPCrowd-v1.1.zip``), unpack it
anywhere, and point ``--kpcrowd`` at the folder that holds ``docsutf8/`` and ``keys/``::

    python -m generator evaluate keywords --kpcrowd /tmp/kpcrowd/500N-KPCrowd-v1.1

That release has no train/test split, so every document with a key file is used (500).
Each ``docsutf8/<id>.txt`` is a headline line followed by the body; ``keys/<id>.key`` lists the
gold keyphrases, one a line.

Two systems are compared on the same documents:

* ``raw``: :func:`generator.keywords.raw_yake` on the file as it is (YAKE n=3, top 10);
* ``cleaned``: :func:`generator.keywords.extract_keywords` with the first line as the title and
  the remaining non-empty lines as paragraphs, ``top=10``.

Metrics, averaged over documents (macro): precision, recall and F1 at 10 by exact match after
normalisation (lower case, every word stemmed with the snowball English stemmer, words joined
by one space; duplicates after normalisation count once). ``near_duplicate_rate`` is the share
of all returned keywords that are a near-duplicate of a higher-ranked keyword of the same list
(stem-subset definition of :func:`generator.keywords.is_near_duplicate` on
:func:`generator.keywords.content_stems`, demonyms and plurals folded with the document's own
vocabulary; the same function for both systems).
"""
from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path
from statistics import mean
from typing import Callable, Sequence

import snowballstemmer

from generator.keywords import (content_stems, extract_keywords, is_near_duplicate,
                                Vocabulary, document_vocabulary, raw_yake)

_STEMMER = snowballstemmer.stemmer("english")
_WORD_RE = re.compile(r"[^\s]+")
_EDGE_PUNCT = "\"'“”‘’()[]{},;:!?.-"


@dataclass(frozen=True)
class Document:
    name: str
    text: str  # the file as it is
    title: str | None
    paragraphs: tuple[str, ...]
    gold: tuple[str, ...]


def normalize_phrase(phrase: str) -> str:
    """Lower case, each word stemmed, joined by single spaces: the unit of exact matching."""
    words = (w.strip(_EDGE_PUNCT) for w in _WORD_RE.findall(phrase.lower().replace("’", "'")))
    return " ".join(_STEMMER.stemWord(w) for w in words if w)


def load_kpcrowd(root: Path) -> list[Document]:
    """Documents that have both a text and a key file, sorted by name."""
    root = Path(root)
    docs = []
    for key_path in sorted((root / "keys").glob("*.key")):
        text_path = root / "docsutf8" / (key_path.stem + ".txt")
        if not text_path.exists():
            continue
        text = text_path.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n")
        lines = [line.strip() for line in text.split("\n")]
        nonempty = [line for line in lines if line]
        gold = tuple(g.strip() for g in key_path.read_text(encoding="utf-8", errors="replace")
                     .splitlines() if g.strip())
        docs.append(Document(key_path.stem, text, nonempty[0] if nonempty else None,
                             tuple(nonempty[1:]), gold))
    return docs


def score_document(predicted: Sequence[str], gold: Sequence[str]) -> tuple[float, float, float]:
    """Precision, recall and F1 of one document's predictions against its gold keyphrases."""
    pred = list(dict.fromkeys(p for p in map(normalize_phrase, predicted) if p))
    gold_set = {g for g in map(normalize_phrase, gold) if g}
    hits = sum(1 for p in pred if p in gold_set)
    precision = hits / len(pred) if pred else 0.0
    recall = hits / len(gold_set) if gold_set else 0.0
    f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
    return precision, recall, f1


def near_duplicates(keywords: Sequence[str], vocabulary: Vocabulary) -> int:
    """How many keywords near-duplicate a keyword ranked above them."""
    stems = [content_stems(k, "en", vocabulary) for k in keywords]
    return sum(1 for i, s in enumerate(stems) if any(is_near_duplicate(s, t) for t in stems[:i]))


def _evaluate_system(docs: Sequence[Document], system: Callable[[Document], Sequence[str]]) -> dict:
    scores, dup_count, total, seconds = [], 0, 0, 0.0
    for doc in docs:
        start = time.perf_counter()
        keywords = list(system(doc))
        seconds += time.perf_counter() - start
        scores.append(score_document(keywords, doc.gold))
        dup_count += near_duplicates(keywords, document_vocabulary(doc.text))
        total += len(keywords)
    return {
        "precision": mean(s[0] for s in scores) if scores else 0.0,
        "recall": mean(s[1] for s in scores) if scores else 0.0,
        "f1": mean(s[2] for s in scores) if scores else 0.0,
        "near_duplicate_rate": dup_count / total if total else 0.0,
        "keywords_per_doc": total / len(docs) if docs else 0.0,
        "ms_per_doc": 1000 * seconds / len(docs) if docs else 0.0,
    }


def evaluate_kpcrowd(root: Path, top: int = 10) -> dict:
    """Raw YAKE versus extract_keywords on every 500N-KPCrowd document under ``root``."""
    docs = load_kpcrowd(root)
    if not docs:
        raise FileNotFoundError(f"no KPCrowd documents (docsutf8/*.txt with keys/*.key) under {root}")
    raw = _evaluate_system(docs, lambda d: raw_yake(d.text, "en", top))
    cleaned = _evaluate_system(docs, lambda d: extract_keywords(d.title, d.paragraphs, "en", top=top))
    return {
        "dataset": "500N-KPCrowd v1.1 (all documents; the release has no test split)",
        "documents": len(docs),
        "top": top,
        "gold_per_doc": mean(len(d.gold) for d in docs),
        "raw_yake": raw,
        "cleaned": cleaned,
        "f1_ratio": cleaned["f1"] / raw["f1"] if raw["f1"] else float("inf"),
    }


def format_report(result: dict) -> str:
    """A small plain-text table of both systems' figures."""
    top = result["top"]
    header = f"{'system':<10} {'P@' + str(top):>7} {'R@' + str(top):>7} {'F1@' + str(top):>7} " \
             f"{'near-dup':>9} {'kw/doc':>7} {'ms/doc':>7}"
    lines = [f"{result['dataset']}: {result['documents']} documents, "
             f"{result['gold_per_doc']:.1f} gold keyphrases per document", header]
    for name, key in (("raw YAKE", "raw_yake"), ("cleaned", "cleaned")):
        r = result[key]
        lines.append(f"{name:<10} {r['precision']:>7.4f} {r['recall']:>7.4f} {r['f1']:>7.4f} "
                     f"{r['near_duplicate_rate']:>8.1%} {r['keywords_per_doc']:>7.2f} {r['ms_per_doc']:>7.1f}")
    lines.append(f"F1 ratio cleaned / raw: {result['f1_ratio']:.2f}")
    return "\n".join(lines)
