"""Cue-based technique finders: general cues, exact offsets, no overlaps, friendly errors."""

from __future__ import annotations

import pytest

import propaganda_kit.analysis.techniques as techniques_module
from propaganda_kit import CorpusError, load_corpus
from propaganda_kit.analysis.techniques import TECHNIQUE_CUE_NOTE, cue_techniques, find_techniques
from propaganda_kit.data.cues import load_cues

CUE_ONLY = [t for t in cue_techniques() if t != "loaded_language"]


@pytest.mark.parametrize(
    ("technique", "sentence", "expected"),
    [
        ("name_calling", "The council called its rivals a gang of traitors.", ["gang", "traitors"]),
        (
            "exaggeration",
            "Nobody has ever seen such an unprecedented, totally new plan.",
            ["Nobody", "unprecedented", "totally"],
        ),
        ("exaggeration", "It was a merely minor delay.", ["merely", "minor"]),
        (
            "doubt",
            "The so-called reform is a sham, its supporters allegedly paid.",
            ["so-called", "sham", "allegedly"],
        ),
        ("doubt", "They called it a “success” again.", ["“success”"]),
        (
            "flag_waving",
            "We must defend our country and the Danish people.",
            ["our country", "the Danish people"],
        ),
        (
            "appeal_to_fear",
            "This poses a threat; disaster will follow before it is too late.",
            ["threat", "disaster", "before it is too late"],
        ),
        (
            "bandwagon",
            "Everyone knows the plan is widely popular with millions of voters.",
            ["Everyone", "widely popular", "millions of"],
        ),
        ("slogans", "Long live the republic! #Vote", ["Long live the republic!", "#Vote"]),
        (
            "appeal_to_authority",
            "According to experts, recent studies clearly show a change.",
            ["According to", "experts", "studies clearly show"],
        ),
    ],
)
def test_general_english_cues_fire(technique, sentence, expected):
    spans = find_techniques(sentence, [technique])
    assert [s.text for s in spans] == expected
    assert all(s.technique == technique and s.category and s.cue for s in spans)


def test_one_technique_id_may_be_given_as_a_string():
    sentence = "The so-called reform is a sham."
    assert find_techniques(sentence, "doubt") == find_techniques(sentence, ["doubt"])
    with pytest.raises(ValueError, match="list of technique ids"):
        find_techniques(sentence, 5)  # type: ignore[arg-type]


def test_a_neutral_sentence_fires_nothing():
    assert find_techniques("The committee met on Tuesday to read the minutes.", CUE_ONLY) == []


def test_spans_are_exact_sorted_and_never_overlap_within_a_technique():
    for doc in load_corpus():
        spans = find_techniques(doc.text, CUE_ONLY)
        assert spans, doc.id
        assert spans == sorted(spans)
        assert spans == find_techniques(doc.text, CUE_ONLY)
        for span in spans:
            assert doc.text[span.start : span.end] == span.text
        for technique in CUE_ONLY:
            mine = [s for s in spans if s.technique == technique]
            assert all(a.end <= b.start for a, b in zip(mine, mine[1:], strict=False))


def test_overlapping_cues_keep_the_leftmost_longest():
    spans = find_techniques("It is widely popular.", ["bandwagon"])
    assert [(s.text, s.start, s.end) for s in spans] == [("widely popular", 6, 20)]


def test_cues_match_whole_words_only():
    assert find_techniques("The regimental band played.", ["name_calling"]) == []


def test_note_says_cues_are_not_verdicts():
    assert "not verdicts" in TECHNIQUE_CUE_NOTE
    assert "not verdicts" in find_techniques.__doc__
    assert "not a verdict" in techniques_module.__doc__


def test_bytes_are_decoded_and_bad_input_is_refused():
    assert find_techniques("a façade".encode(), ["doubt"])[0].text == "façade"
    with pytest.raises(ValueError, match="string of text"):
        find_techniques(42)
    with pytest.raises(ValueError, match="No cue finder for 'glittering'"):
        find_techniques("text", ["glittering"])


def test_loaded_language_comes_from_its_own_module():
    text = "The regime's brutal, sinister crackdown failed."
    spans = find_techniques(text, ["loaded_language"])
    assert spans and all(s.technique == "loaded_language" for s in spans)
    assert all(text[s.start : s.end] == s.text for s in spans)


@pytest.mark.parametrize(
    ("row", "field", "message"),
    [
        ("doubt,x,bad,(unclosed", "pattern", "not a valid regular expression"),
        ("no_such,x,bad,word", "technique", "not a technique id"),
        ("doubt,x,empty,a?", "pattern", "matches empty text"),
        ("doubt,,nameless,word", "category", "is empty"),
    ],
)
def test_bad_cue_rows_are_named(tmp_path, row, field, message):
    path = tmp_path / "technique_cues.csv"
    path.write_text(
        "technique,category,cue,pattern\ndoubt,x,ok,word\n" + row + "\n", encoding="utf-8"
    )
    with pytest.raises(CorpusError, match=message) as err:
        load_cues(str(path))
    assert (err.value.row, err.value.field) == (3, field)
