"""find_loaded_language: matching rules, offsets, overlaps and bad input."""

from __future__ import annotations

import pytest

from propaganda_kit import Span, find_loaded_language


def cues(text: str) -> list[str]:
    return [s.cue for s in find_loaded_language(text)]


def test_spans_have_exact_offsets_and_fields() -> None:
    text = "The tyrant and his thugs mocked the protest."
    spans = find_loaded_language(text)
    assert spans
    for span in spans:
        assert isinstance(span, Span)
        assert text[span.start:span.end] == span.text
        assert span.technique == "loaded_language"
    assert [s.text for s in spans][:2] == ["tyrant", "thugs"]


def test_case_is_ignored() -> None:
    assert cues("TYRANT Tyrant tyrant") == ["tyrant", "tyrant", "tyrant"]


def test_word_boundaries() -> None:
    assert cues("He won an award for his war reporting.") == []
    assert cues("a scaredy cat") == []
    assert cues("The cultural festival") == []


def test_phrase_wins_over_word_inside_it() -> None:
    spans = find_loaded_language("They called him a freedom fighter.")
    assert [(s.text, s.cue) for s in spans] == [("freedom fighter", "freedom fighter")]


def test_empty_and_whitespace_give_nothing() -> None:
    assert find_loaded_language("") == []
    assert find_loaded_language(" \n\t ") == []


def test_nul_is_refused() -> None:
    with pytest.raises(ValueError, match="NUL character"):
        find_loaded_language("brutal\x00regime")
