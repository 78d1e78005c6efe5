"""Keywords of an article, readable as topic names.

YAKE (the only user of the ``yake`` package in this project) proposes ranked candidate phrases;
this module turns them into a short list of the article's real subjects:

1. **Prepare the text.** Typography is normalised (curly quotes, dashes, Arabic and CJK
   punctuation become ASCII, which is what YAKE splits on), and the title and every line that
   does not end a sentence get a full stop: YAKE replaces line breaks with spaces, so without it
   the headline is glued to the first sentence ("Region The continued ...").
2. **Candidates.** YAKE runs with n=3 and *its own de-duplication turned off*: in yake 0.7.3 it
   compares strings, not meanings, rarely fires, and the constructor silently ignores the old
   ``dedupLim`` spelling anyway (it reads ``dedup_lim``). We get every valid candidate, ranked.
3. **Filter** each candidate: characters (letters, digits, spaces, hyphens, apostrophes, periods
   only), excluded names as whole words (and any run of their words alone), stopwords at either
   end, phrases found only in the headline (headline verbs: "Opens"), phrases of common words
   found once (sentence fragments; names are exempt), names always followed by another name
   word (truncated: "Minority Leader Nancy"); and, in English only: phrases with no topical
   word (numbers, dates, generic news nouns such as "report" or "year", bare roles such as
   "president"), reporting verbs and attribution ("told", "said", "according"), function words
   inside other than "of" ("Milan and Paris"), adverbs, adjectives and participles at the edges
   ("regional", "Iraqi armed"), verb-led fragments ("keeping Iraqi militias") and clause
   fragments ("Iran views Iraq"). A role before a name is cut ("coach John Fox" -> "John Fox").
   A common word alone must be a real subject (English): event, change and amount words
   ("cut", "record", "cost") and verb forms ("built", "left", "-ed") never are; others need
   three body mentions as a noun, or the headline and the body (less in a very short text), and
   are dropped when the body mostly uses them in verb position ("will pay", "he left", "the
   authority cut the quota"). A word seen only at sentence starts or in a Title Case headline is
   dropped, and so is a place in capitals seen only in wire datelines ("LOS ANGELES -"). In
   Arabic, function words with a clitic prefix ("وإن") are stopwords too.
4. **Group near-duplicates.** Each candidate maps to the set of stems of its content words;
   stems fold plurals and possessives (snowball stemmer of the language) and, in English,
   demonyms ("Iranian" -> "Iran" when the article names Iran). Two candidates are
   near-duplicates when one stem set is a subset of the other ("Israel" / "Israeli strikes").
   In rank order, a candidate joins the first group whose head (best-ranked member) it
   near-duplicates, else starts a group.
5. **Label** each group with its member that occurs most often in the text, each mention
   counted once, for the longest member that covers it ("Iraqi militias" is not also counted as
   "militias"); ties go to the better YAKE rank. The label takes the casing it has mid-sentence
   in the article (sentence starts and Title Case headlines are no evidence of a proper noun);
   a word alone is lower case when it is capitalised only inside longer names, and a word in
   capitals takes the casing used elsewhere. When the keyword's first mention in the body ends a
   longer proper name, that name is the label: news writing names in full first and shortens
   afterwards ("Nadia Karam" then "Karam", "Fisheries Authority" then "the authority").
6. **Select** labels in group order, skipping any that near-duplicates a label already chosen.
   When one member names two chosen subjects at once and holds most mentions of the second
   ("Iraq" + "militias", mostly written "Iraqi militias"), it replaces both and frees a slot.
   At most two labels are people's names (next to a reporting verb, "who", or "an economist";
   never after an article): people have their own pages.

Languages other than English get only the language-neutral rules (characters, exclusions,
YAKE's stopwords for that language, numbers, the snowball stemmer of that language or exact
matching when there is none); no English word list is applied to them.
"""
from __future__ import annotations

from typing import Iterable, Sequence

from generator.keywords.language import (YAKE_NGRAM, _SNOWBALL, _extractor, _joined_text, _language, load, normalize_typography, prepare_text)  # noqa: F401
from generator.keywords.document import (Vocabulary, _Candidate, _document_of, _stem_set, content_stems, document_vocabulary, is_near_duplicate)  # noqa: F401
from generator.keywords.filters import (_acceptable, _exclusions, is_valid_keyword)  # noqa: F401
from generator.keywords.names import (MAX_PEOPLE, _is_person, names_quoted_person, person_names)  # noqa: F401
from generator.keywords.labels import (_Choice, _candidate_words, _fits, _group, _labels, _merge_compounds)  # noqa: F401

# yake (with NumPy and NetworkX) and snowballstemmer are imported when first used (load()): a
# process that only cleans articles and finds their quotations never pays for them.

__all__ = [
    "extract_keywords",
    "raw_yake",
    "content_stems",
    "is_near_duplicate",
    "document_vocabulary",
    "Vocabulary",
    "is_valid_keyword",
]

MAX_CANDIDATES = 60  # filtered YAKE candidates considered for grouping (YAKE ranks thousands)


# --------------------------------------------------------------------------- public API

def extract_keywords(title: str | None, paragraphs: Sequence[str], language: str = "en", *,
                     top: int = 8, exclude: Iterable[str] = (),
                     people: Iterable[str] = ()) -> tuple[str, ...]:
    """The article's main subjects, best first: at most ``top``, pairwise not near-duplicates.

    Deterministic and free of I/O once the language's YAKE stopwords are loaded (first call).
    Fewer than ``top`` only when the text offers fewer acceptable candidates. ``exclude``: names
    never to give (the outlet's); ``people``: the article's quoted speakers, who have person
    pages: their names are not topics (other people are, two at most).
    """
    top = max(1, int(top))
    paragraphs = [p for p in paragraphs if p and p.strip()]
    normal_title = normalize_typography(title) if title else ""
    normal_blocks = [normalize_typography(p) for p in paragraphs]
    text = _joined_text(normal_title, normal_blocks)
    if not text.strip():
        return ()
    lang = _language(language)
    doc = _document_of(title, normal_title, normal_blocks, lang.english)
    excluded = _exclusions(exclude, lang)
    quoted = person_names(people, lang, doc)

    candidates = []
    memo: dict[str, str] = {}
    for rank, (keyword, _score) in enumerate(_extractor(lang.yake_code, 10**9, False).extract_keywords(text)):
        words = _candidate_words(keyword, lang, doc)
        if not _acceptable(words, lang, doc, excluded) or names_quoted_person(words, quoted, lang.english):
            continue
        stems = _stem_set(words, lang, doc.vocabulary, memo)
        if stems:
            candidates.append(_Candidate(words, stems, rank))
            if len(candidates) >= MAX_CANDIDATES:
                break

    groups = _group(candidates)
    chosen: list[_Choice] = []
    next_group = 0
    while next_group < len(groups):
        while len(chosen) < top and next_group < len(groups):
            people = sum(1 for c in chosen if _is_person(c.cand, c.label, lang, doc))
            for label, cand in _labels(groups[next_group], lang, doc):
                if excluded.pattern is not None and excluded.pattern.search(normalize_typography(label).lower()):
                    continue  # a label widened to a full name may take an excluded name back in
                if names_quoted_person(label.split(), quoted, lang.english):
                    continue
                if _fits(label, cand.stems, chosen):
                    if people < MAX_PEOPLE or not _is_person(cand, label, lang, doc):
                        chosen.append(_Choice(label, cand, next_group))
                    break
            next_group += 1
        if not _merge_compounds(chosen, groups, lang, doc):
            break
    while _merge_compounds(chosen, groups, lang, doc):
        pass
    return tuple(choice.label for choice in chosen)


def raw_yake(text: str, language: str = "en", top: int = 10) -> list[str]:
    """Plain YAKE (n=3, its default de-duplication) on ``text`` as given: the baseline."""
    if not text or not text.strip():
        return []
    lang = _language(language)
    return [kw for kw, _score in _extractor(lang.yake_code, top, True).extract_keywords(text)]
