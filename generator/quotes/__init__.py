"""Direct-quotation extraction with speaker attribution.

The package's modules follow the steps (shared patterns in :mod:`.patterns`; the English flow in
:mod:`.english`).  Algorithm (all steps are linear in the text length; vocabulary lives in
:mod:`generator.newslang`):

1. **Mark scanning** (:mod:`.marks`, :func:`_scan_paragraph`).  Each paragraph is scanned once, left to
   right, with a small state machine over quote marks: straight ``"``, curly ``“ ”``, low
   ``„``, guillemets ``« »`` (which may be spaced), doubled apostrophes ``''`` and single
   ``‘ ’ '``.  Double marks pair with any double mark (so mismatched ``“..."`` still pairs);
   single marks only open where an opening quote can stand (not inside a word, so
   ``Iran’s``/``don’t`` are skipped) and only count when a closing single mark is found in
   the same paragraph.  Marks inside an open quotation are kept as part of its text (nested
   quotes).  A double quotation left open at the end of a paragraph continues into the next
   paragraph when that one re-opens with a mark (news convention); otherwise it ends at the
   paragraph end.

2. **Attribution cues** (:mod:`.cues`: :func:`_post_attribution`, :func:`_pre_attribution`).  The text
   right after the closing mark is matched against ``, SPEAKER VERB`` / ``, VERB SPEAKER``
   (``,” al-Nashoua told Alhurra``; ``,” said researcher Rafid al-Atwani.``) and the text of
   the sentence before the opening mark against ``SPEAKER VERB [words] [,|:|that]``
   (``He added, “``; ``when he stressed that “``), or ``according to X``.  When the cue is
   a participle or a second verb (``X toured the site, telling reporters, “``; ``X ... and
   added, “``) or a clause ending in a colon without a speech verb (``Ruiz pushed back at
   the hearing:``), the speaker is the sentence's subject (:func:`_sentence_subject`); a passive cue
   (``X was asked, “``) gives no speaker.

3. **Direct or term?** (:mod:`.direct`, :func:`_is_direct`).  A span is a direct quotation when it has an
   adjacent cue, or when it is a full clause standing as its own sentence (starts a
   sentence, several words, ends with punctuation inside the marks).  Short spans inside a
   sentence without a cue, fragments woven into the writer's syntax (``called it “a
   mess”``) and title-case spans (names of groups, books, operations) are terms and are
   dropped, unless a cue makes a short capitalised span an utterance (``“Lisbon,” she
   answered``; chants).  Title-case lines (headlines) give no quotations.  Pieces of an
   interrupted quotation (``“A,” she said, “B.”`` or ``“A,” she said on “Show.” “B.”``) are
   joined with `` … ``; a colon cue after a full stop starts a new quotation.

   A quotation woven into the writer's sentence is still a direct quotation when the sentence
   attributes it (:mod:`.woven`): ``Ruiz said the plan was “a reckless gamble that will cost
   lives.”`` -- four words or more, a cue verb before it in its sentence (or a cue right after
   the closing mark), and at least 60% of the attributed words inside the marks.  Such quotes
   carry ``fragment=True`` and their ``lead_in`` (the writer's words before the opening mark),
   so that they are shown with it.  Quoted pieces of one such sentence are joined.

4. **Speakers** (:mod:`.people`, :class:`_People`).  Person mentions are collected from the prose outside
   quotations, in reading order.  Every mention registers its person: names after a role
   (``Iraqi strategic expert Alaa al-Nashoua``) or a title or honorific (``Prime Minister X``,
   ``Ms. X``), names followed by an apposition (``X, director of ...,``; ``X, its general
   secretary,``) or a relative clause (``X, who heads ...``), names after a description set
   off by commas (``The port's director, X,``), sentence subjects (``X leads ...``) and names
   next to a speech/cognition verb (``X argues``).  People are told apart by full name; a
   surname alone or after an honorific resolves to the most recent earlier person with that
   surname (``Maria Lopez ... Carlos Lopez ... Lopez said`` -> Carlos Lopez); other
   capitalised two-word names are weak candidates used only when nobody else has the
   surname.  The role is the apposition's or the pre-name description found at any mention
   of the person (a leading ``the``/``its`` is dropped unless a possessive follows:
   ``general secretary`` but ``the authority's chief executive``).  Pronouns resolve to the
   most recent person mention; definite descriptions (:mod:`.descriptions`) to the person
   introduced with that age (``the 28-year-old``) or the most recent person whose role contains
   the noun (not a past role: ``former captain``), else, for a described role (``the Italian
   manager``), to the one person only the headline names, or, for an age or a personal trait
   (``the young captain``), to the latest named speaker; else they stay as the description;
   indefinite descriptions (``a senior official``) give ``None``.  A quotation opening a
   paragraph with no cue at all goes to the named person the previous sentence is about, if
   known.  Transcript lines (``WALLACE: ...``) are quotations of the labelled speaker.

Arabic (``language="ar"``, :mod:`.arabic`) uses Arabic cue verbs before or after the quotation; the speaker
phrase is split into role and name (``وزير الخارجية أحمد سالم``, ``رئيس تعاونية الصيادين
سليم حداد`` and ``أحمد سالم، وزير الخارجية``), a subjectless verb (``وأضاف``) keeps the
subject of the previous cue verb, reported speech included, a surname alone resolves to the
last person of that name, and indefinite sources (``مسؤول كبير``) are anonymous.  Other languages get speaker ``None``.
"""
from __future__ import annotations


from dataclasses import replace
from typing import Sequence

from generator.models import Quote
from generator.quotes.patterns import _WORD_RE
from generator.quotes.marks import _scan_all
from generator.quotes.direct import _is_full_clause, _to_quote, _transcript_quotes
from generator.quotes.english import _english_quotes
from generator.quotes.arabic import _arabic_quotes

__all__ = ["extract_quotes"]


def extract_quotes(paragraphs: Sequence[str], language: str = "en", title: str | None = None) -> tuple[Quote, ...]:
    """Return every direct quotation of ``paragraphs`` in order of appearance.

    ``title``, the article's headline, names the person its descriptions (``the Italian
    manager``) may stand for when the text itself never names them.

    Never raises for any list of strings; the result is deterministic.
    """
    paras = [p if isinstance(p, str) else str(p) for p in paragraphs]
    lang = (language or "en").lower()[:2]
    single = lang == "en"
    spans = _scan_all(paras, single_marks=single)
    transcript = _transcript_quotes(paras, spans) if lang == "en" else []
    if lang == "en":
        quotes = _english_quotes(paras, spans, transcript, title if isinstance(title, str) else None)
    elif lang == "ar":
        quotes = _arabic_quotes(paras, spans)
    else:
        quotes = [_to_quote(s, None, None) for s in spans if _is_full_clause(s.text, paras[s.paragraph], s.start, True)]
    headlines = {q.paragraph for q in quotes if _is_headline(paras[q.paragraph])}
    quotes = [q for q in quotes if q.paragraph not in headlines]
    # a speaker phrase that trims to nothing (a cue followed only by a role) names nobody
    quotes = [replace(q, speaker=None) if q.speaker is not None and not q.speaker.strip() else q
              for q in quotes]
    return tuple(sorted(quotes, key=lambda q: (q.paragraph, q.start)))


def _is_headline(text: str) -> bool:
    """A title-case line (``Lund: ‘We Will Rebuild Every Bridge’``): a headline, not reported speech."""
    if len(text) > 200:
        return False
    words = [w for w in _WORD_RE.findall(text) if sum(c.isalpha() for c in w) >= 4]
    if len(words) < 3:
        return False
    return all(w[:1].isupper() for w in words)
