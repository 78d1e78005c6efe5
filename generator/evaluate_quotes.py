"""Evaluate :func:`generator.quotes.extract_quotes` against the PolNeAR corpus.

PolNeAR (github.com/networkdynamics/PolNeAR) annotates attributions in brat standoff files:
``Source``, ``Cue`` and ``Content`` spans tied together by ``E`` relation lines.  Only the
split named (``train`` by default) is read.

Gold direct quotations
    A ``Content`` span (its fragments taken in text order) is a *direct* quotation when

    * it is enclosed in quote marks: after dropping a leading complementiser ``that`` or a
      colon, its first character is an opening quote mark (or one stands immediately before
      it), and its last character other than trailing whitespace and ``. , ; : ! ? ] -`` is a
      closing quote mark (or one stands immediately after it); or
    * it opens with a complete quoted utterance, i.e. its first character is a quote mark and
      the first quoted segment ends in ``, . ! ?`` inside the marks (``“It’s settled,”
      [Ruiz said of] the board’s vote on ...``: annotators sometimes take the topic of a
      ``said of`` phrase into the Content); or
    * at least half of its words stand inside quote marks and the first quoted segment is
      introduced by a comma or colon (``The port was quiet, [she added,] ''but the ships
      will be back.''``: a lead-in of the writer's words before a quotation, not a
      fragment woven into the writer's syntax as in ``the mayor ''looked tired''``);
      or
    * it is a transcript turn: it has no quote marks and starts right after an upper-case
      speaker label opening its line (``RUIZ: I think ...``).

    Quote marks are ``" “ ” ‘ ’ ' « » „`` and ``''`` (only double marks delimit quoted
    segments).  The gold's words are the words inside the quote marks (the quotation proper,
    which is what the extractor returns), or all its words for a transcript turn.  Content
    that merely contains a quoted phrase (``said the plan was “a disaster”``) is indirect and
    is not counted.  Spans in the headline (the first line) are ignored, and the headline is
    not passed to the extractor (it receives body paragraphs, as in the pipeline).

Multi-paragraph Contents
    A Content is cut at every line break that follows a closing mark (possibly followed by
    whitespace such as a no-break space): those are separate quotations, each a gold item.
    A line break inside a quotation left open (the news convention of re-opening the next
    paragraph with a mark) does not cut it.  Pieces with no quoted words are dropped.

Paragraphs
    The raw text is split at every line break; blank lines are dropped.

Matching
    A predicted quote matches a gold quotation when their character ranges overlap and at
    least 80 % of the gold's words (multiset, case-insensitive, quote marks ignored) occur in
    the prediction's text.  Matching is one-to-one, greedy by overlap.

Speaker accuracy
    Among matched pairs whose gold ``Source`` is a name, the predicted speaker is right when
    it contains the gold source's last name token (parenthesised party tags, suffixes and
    possessives removed).  The gold source's name is its head phrase: text before the first
    comma or ``who``/``of``/``from``/``at``/``in``/``to`` (``Ana Ruiz of the X Center``
    -> ``Ruiz``), except that a head opening with a determiner or a possessive and followed
    by a capitalised apposition names the person in the apposition (``the city's
    spokesman, Ana Ruiz,`` -> ``Ruiz``; ``Ruiz's son, Carl,`` -> ``Carl``).
    Sources that are descriptions are not counted: those opening with an indefinite
    determiner (``one official involved ...``), those opening with a definite determiner
    or possessive whose head ends in a lower-case word (``The former adviser``), and those
    with no capitalised token other than a pronoun or determiner.  Articles annotated by
    several annotators use the alphabetically first annotation file.
"""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from generator.quotes import extract_quotes

__all__ = ["evaluate_polnear", "format_report"]

_OPEN = set('"“‘\'«„')
_CLOSE = set('"”’\'»“')
_T_LINE = re.compile(r"^(T\d+)\t([\w-]+) ([\d ;]+)(?:\t|$)")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")
_WORD = re.compile(r"[\w]+(?:[’'][\w]+)*")
_PRONOUNS = {"he", "she", "they", "i", "we", "it", "you", "him", "her", "them", "his", "its"}
_SUFFIX = {"jr", "sr", "ii", "iii", "iv"}
_DETERMINERS = {"the", "his", "her", "its", "their", "this", "that", "these", "those", "according"}
_TRAIL = " \t\u00a0\u2009\u200b.,;:!?]-—"
_DOUBLE_RE = re.compile(r"''|[\"“”«»„]")
_LABEL_RE = re.compile(r"^[ \t\u00a0]*[A-Z][A-Z.'’\- ]{1,40}[A-Z.]:[ \t\u00a0]*$")


def _split_dir(root: Path, split: str) -> Path:
    for candidate in (root / "data" / split, root / split):
        if (candidate / "text").is_dir():
            return candidate
    raise FileNotFoundError(f"no PolNeAR split {split!r} under {root}")


def _parse_ann(text: str) -> tuple[dict, list[dict]]:
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    relations: list[dict] = []
    for line in text.splitlines():
        m = _T_LINE.match(line)
        if m:
            frags = [tuple(int(x) for x in part.split()) for part in m.group(3).split(";") if part.strip()]
            spans[m.group(1)] = (m.group(2), sorted(frags))
            continue
        m = _E_LINE.match(line)
        if m:
            rel = {}
            for item in m.group(2).split():
                if ":" in item:
                    key, value = item.split(":", 1)
                    rel[key] = value
            relations.append(rel)
    return spans, relations


def _enclosed(text: str, start: int, end: int) -> bool:
    """The Content is wrapped in quote marks (a leading ``that`` or colon aside)."""
    lead = re.match(r"\s*(?:that\s+|:\s*)?", text[start:end])
    s = start + (lead.end() if lead else 0)
    opens = text[s:s + 1] in _OPEN or text[s:s + 2] == "''" or (s > 0 and text[s - 1] in _OPEN)
    body = text[start:end].rstrip(_TRAIL)
    after = text[end:end + 3].lstrip(".,?!")
    closes = body[-1:] in _CLOSE or after[:1] in _CLOSE
    return bool(body) and opens and closes


def _quoted_segments(text: str, frags: list[tuple[int, int]]) -> list[tuple[int, str]]:
    """(offset, text) of each stretch inside double quote marks within the fragments."""
    start = frags[0][0]
    inside = start > 0 and text[start - 1] in "“«„\""
    if start > 0 and text[start - 1:start + 1] == "''" and text[start + 1:start + 2] != "'":
        inside = True  # the Content starts on the second apostrophe of an opening ''
        frags = [(start + 1, frags[0][1])] + list(frags[1:])
    segments: list[tuple[int, str]] = []
    for a, b in frags:
        cursor = a
        for m in _DOUBLE_RE.finditer(text, a, b):
            mark = m.group()
            if inside:
                segments.append((cursor, text[cursor:m.start()]))
            if mark in "“«„":
                inside = True
            elif mark in "”»":
                inside = False
            else:
                inside = not inside
            cursor = m.end()
        if inside:
            segments.append((cursor, text[cursor:b]))
    return [(at, seg) for at, seg in segments if _WORD.search(seg)]


def _is_transcript_turn(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    return bool(_LABEL_RE.match(text[line_start:start]))


def _gold_words(text: str, frags: list[tuple[int, int]]) -> Counter | None:
    """Words of a direct quotation (see the module docstring), or None when indirect."""
    start, end = frags[0][0], frags[-1][1]
    all_words = _words(" ".join(text[a:b] for a, b in frags))
    segments = _quoted_segments(text, frags)
    if not segments:
        if _enclosed(text, start, end) or _is_transcript_turn(text, start):
            return all_words or None  # single quote marks only, or a transcript turn
        return None
    quoted = _words(" ".join(seg for _, seg in segments))
    if _enclosed(text, start, end):
        return quoted
    first_at, first = segments[0]
    opens_at_start = not text[start:first_at].strip(" \t\u00a0\"“«„'")
    if opens_at_start and re.search(r"[,.!?][’']?\s*$", first):
        return quoted
    introduced = text[:first_at].rstrip(" \t\u00a0\"“«„'")[-1:] in (",", ":")
    if introduced and 2 * sum(quoted.values()) >= sum(all_words.values()):
        return quoted
    return None


def _split_closed_paragraphs(text: str, frags: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Cut a Content at line breaks that follow a closing mark (separate quotations)."""
    pieces: list[tuple[int, int]] = []
    for a, b in frags:
        cursor = a
        for m in re.finditer(r"\n+", text[a:b]):
            pieces.append((cursor, a + m.start()))
            cursor = a + m.end()
        pieces.append((cursor, b))
    parts: list[list[tuple[int, int]]] = [[]]
    for a, b in pieces:
        if a >= b:
            continue
        if parts[-1]:
            prev_end = parts[-1][-1][1]
            closed = text[parts[-1][0][0]:prev_end].rstrip(_TRAIL)[-1:] in _CLOSE
            if "\n" in text[prev_end:a] and closed:
                parts.append([])
        parts[-1].append((a, b))
    return [p for p in parts if p]


def _words(text: str) -> Counter:
    return Counter(w.lower() for w in _WORD.findall(text))


def _last_name_token(source: str) -> str | None:
    """Last capitalised token of the source's head phrase (see the module docstring)."""
    source = re.sub(r"\([^)]*\)", " ", source).replace("\u00a0", " ")
    parts = [part.strip() for part in source.split(",")]
    head = parts[0]
    first = head.lower().split()[:1]
    if len(parts) > 1 and parts[1] and (first and first[0] in _DETERMINERS or re.search(r"[’']s\b", head)) \
            and all(w[:1].isupper() for w in parts[1].split()):
        head = parts[1]  # "the city's spokesman, Ana Ruiz," / "Ruiz's son, Carl,"
    head = re.split(r"\s(?:who|of|from|at|in|playing|whose|which|to)\s", head + " ")[0]
    words = head.strip().lower().split()
    if not words or words[0] in ("a", "an", "one", "another", "some", "several"):
        return None
    tokens = [t for t in re.findall(r"[A-Za-z][\w’'\-.]*", head)]
    tokens = [re.sub(r"[’']s$", "", t).strip(".") for t in tokens]
    if words[0] in _DETERMINERS and not (tokens and tokens[-1][:1].isupper()):
        return None  # a description ("The former adviser"), not a name
    caps = [t for t in tokens if t[:1].isupper() and t.lower() not in _PRONOUNS
            and t.lower() not in _SUFFIX and t.lower() not in _DETERMINERS]
    if not caps:
        return None
    last = caps[-1].lower()
    return re.sub(r"^(?:al|el)-", "", last)


def _paragraphs(text: str) -> tuple[list[str], list[int]]:
    paras, offsets, pos = [], [], 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            paras.append(stripped)
            offsets.append(pos + lead)
        pos += len(line) + 1
    return paras, offsets


def _evaluate_article(text: str, ann: str) -> dict:
    spans, relations = _parse_ann(ann)
    paras, offsets = _paragraphs(text)
    body_start = offsets[1] if len(offsets) > 1 else len(text)
    gold = []
    for rel in relations:
        content = spans.get(rel.get("Content", ""))
        if not content or content[0] != "Content" or not content[1]:
            continue
        frags = content[1]
        if frags[0][0] < body_start or _gold_words(text, frags) is None:
            continue
        source = spans.get(rel.get("Source", ""))
        source_text = " ".join(text[a:b] for a, b in source[1]) if source else ""
        for part in _split_closed_paragraphs(text, frags):
            words = _gold_words(text, part)
            if words:
                gold.append((part[0][0], part[-1][1], words, source_text))
    quotes = extract_quotes(paras[1:])
    predicted = []
    for q in quotes:
        p_start = offsets[q.paragraph + 1] + q.start
        p_end = offsets[(q.end_paragraph if q.end_paragraph is not None else q.paragraph) + 1] + q.end + 1
        predicted.append((p_start, p_end, _words(q.text), q))
    pairs = []
    for gi, (gs, ge, gw, _) in enumerate(gold):
        total = sum(gw.values())
        for pi, (ps, pe, pw, _) in enumerate(predicted):
            if ps < ge and gs < pe:
                score = sum((gw & pw).values()) / total
                if score >= 0.8:
                    pairs.append((score, gi, pi))
    used_g, used_p, matched = set(), set(), []
    for score, gi, pi in sorted(pairs, key=lambda x: (-x[0], x[1], x[2])):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            matched.append((gi, pi))
    named = correct = 0
    wrong = []
    for gi, pi in matched:
        token = _last_name_token(gold[gi][3])
        if token is None:
            continue
        named += 1
        speaker = predicted[pi][3].speaker or ""
        pred_tokens = {re.sub(r"^(?:al|el)-", "", t.lower().strip(".")) for t in re.findall(r"[\w’'\-.]+", speaker)}
        pred_tokens |= {re.sub(r"[’']s$", "", t) for t in pred_tokens}
        correct += token in pred_tokens
        if token not in pred_tokens:
            wrong.append((gold[gi][3], speaker, predicted[pi][3].role, gold[gi][0], gold[gi][1]))
    return {"gold": len(gold), "predicted": len(predicted), "matched": len(matched),
            "speaker_named": named, "speaker_correct": correct,
            "missed": [gold[g][:2] for g in range(len(gold)) if g not in used_g],
            "spurious": [predicted[p][3] for p in range(len(predicted)) if p not in used_p],
            "wrong_speakers": wrong}


def evaluate_polnear(root: Path, split: str = "train") -> dict:
    """Score direct-quotation extraction on one PolNeAR split (see the module docstring)."""
    folder = _split_dir(Path(root), split)
    totals = Counter()
    articles = 0
    for text_path in sorted((folder / "text").glob("*.txt")):
        anns = sorted((folder / "attributions").glob(text_path.stem + "_*.ann"))
        if not anns:
            continue
        text = text_path.read_text(encoding="utf-8")
        result = _evaluate_article(text, anns[0].read_text(encoding="utf-8"))
        articles += 1
        for key in ("gold", "predicted", "matched", "speaker_named", "speaker_correct"):
            totals[key] += result[key]
    precision = totals["matched"] / totals["predicted"] if totals["predicted"] else 0.0
    recall = totals["matched"] / totals["gold"] if totals["gold"] else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    speaker = totals["speaker_correct"] / totals["speaker_named"] if totals["speaker_named"] else 0.0
    return {"split": split, "articles": articles, "gold": totals["gold"],
            "predicted": totals["predicted"], "matched": totals["matched"],
            "precision": precision, "recall": recall, "f1": f1,
            "speaker_named": totals["speaker_named"], "speaker_correct": totals["speaker_correct"],
            "speaker_accuracy": speaker}


def format_report(result: dict) -> str:
    rows = [
        ("split", str(result["split"])),
        ("articles", str(result["articles"])),
        ("gold direct quotes", str(result["gold"])),
        ("predicted quotes", str(result["predicted"])),
        ("matched", str(result["matched"])),
        ("precision", f"{result['precision']:.3f}"),
        ("recall", f"{result['recall']:.3f}"),
        ("F1", f"{result['f1']:.3f}"),
        ("speaker accuracy", f"{result['speaker_accuracy']:.3f} "
                             f"({result['speaker_correct']}/{result['speaker_named']} named)"),
    ]
    width = max(len(k) for k, _ in rows)
    return "\n".join(f"{k.ljust(width)}  {v}" for k, v in rows)
