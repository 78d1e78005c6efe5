"""Tests of generator.pipeline: what it computes and what it leaves out."""
from __future__ import annotations

import pytest

from generator import pipeline
from generator.models import RawArticle

TEXT = ("Port Workers Return as Strike Ends\n\n"
        "Dock workers at the northern container terminal returned to work on Monday after a ten-day strike "
        "over pay ended with a new agreement, the port authority said.\n\n"
        "The agreement raises wages by six percent over two years, union leader Omar Haddad told reporters.\n")


def test_a_stated_language_is_not_detected(monkeypatch):
    def never(paragraphs):
        raise AssertionError("language detection ran although the metadata states the language")

    monkeypatch.setattr(pipeline, "detect_language", never)
    briefing, _ = pipeline.process(RawArticle(path="a.txt", kind="txt", text=TEXT, meta={"language": "English"}))
    assert briefing.source.language == "en"


@pytest.mark.parametrize("meta", [{}, {"language": "Klingonese"}])
def test_the_language_is_detected_when_the_metadata_states_none(monkeypatch, meta):
    calls = []

    def detect(paragraphs):
        calls.append(paragraphs)
        return "en"

    monkeypatch.setattr(pipeline, "detect_language", detect)
    briefing, _ = pipeline.process(RawArticle(path="a.txt", kind="txt", text=TEXT, meta=meta))
    assert len(calls) == 1 and briefing.source.language == "en"


def test_yake_is_imported_when_first_needed():
    """Importing the pipeline is cheap (no YAKE, NumPy, NetworkX); load() does the rest ahead of the
    first article, so that forked workers share it."""
    import subprocess
    import sys

    from tests.conftest import REPO

    code = ("import sys, generator.pipeline as p; before = 'yake' in sys.modules; p.load(); "
            "from generator.keywords import _extractor; "
            "print(before, 'yake' in sys.modules, _extractor.cache_info().currsize)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                            env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"})
    assert result.stdout.split() == ["False", "True", "2"], result.stderr


def test_a_title_made_from_the_lede_leaves_its_dateline_out():
    from generator.pipeline import _title_from_text

    assert _title_from_text(["ISLAMABAD, Nov 16 (APP): The prime minister said on Monday that the talks "
                             "would resume next week. More follows."]) == \
        "The prime minister said on Monday that the talks would resume next week"
    assert _title_from_text(["KATHMANDU, Nepal (AP) -- A powerful earthquake struck Nepal on Saturday."]) == \
        "A powerful earthquake struck Nepal on Saturday"
