"""The per-document fact sheet behind the analysis checklist."""

from __future__ import annotations

import pytest
from lesson_corpus import make_corpus, make_doc

from propaganda_kit import load_corpus
from propaganda_kit.analysis.checklist import CHECKLIST, fact_sheet, fact_sheet_sections


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


def test_every_document_gets_every_heading(corpus):
    for doc in corpus:
        sections = fact_sheet_sections(corpus, doc.id)
        assert list(sections) == list(CHECKLIST)
        assert all(sections[h] for h in CHECKLIST)
        text = fact_sheet(corpus, doc.id)
        assert f"{doc.word_count:,}" in text
        assert "does not check facts" in text


def test_loaded_language_is_compared_with_every_perspective(corpus):
    doc = corpus.documents[0]
    lines = fact_sheet_sections(corpus, doc.id)["Loaded language"]
    for perspective in {d.perspective for d in corpus}:
        assert any(
            f"All documents {perspective}:" in line and "per 1,000 words" in line for line in lines
        )


def test_hand_checked_small_document():
    corpus = make_corpus(
        make_doc(
            "one",
            "side A",
            'According to the Oxford Survey, 300 people came. The "experts" said so.',
            quoted=(58, 65),
        ),
        make_doc("two", "side B", "Nothing much happened here today."),
    )
    sections = fact_sheet_sections(corpus, "one")
    assert "Open question: Who wrote it?" in sections["What is unknown"]
    assert "Named source: the Oxford Survey" in sections["Claims and sources"]
    assert sections["Voices"][-1] == "Quoted: a speaker"
    quiet = fact_sheet_sections(corpus, "two")
    assert quiet["Voices"][-1] == "Quoted: nobody"
    assert quiet["Claims and sources"][0].startswith("Claims found: 0")


def test_unknown_id_is_a_friendly_error(corpus):
    with pytest.raises(ValueError, match="Known ids"):
        fact_sheet(corpus, "no-such-document")


def test_fact_sheet_is_deterministic_and_wrapped(corpus):
    doc_id = corpus.ids[-1]
    text = fact_sheet(corpus, doc_id)
    assert text == fact_sheet(corpus, doc_id)
    assert max(len(line) for line in text.splitlines()) <= 88
