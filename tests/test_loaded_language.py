"""find_loaded_language: matching rules, offsets, overlaps, scare quotes and bad input."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from propaganda_kit import Span, find_loaded_language
from propaganda_kit.analysis.loaded_language import SCARE_QUOTES


def cues(text: str) -> list[str]:
    return [s.cue for s in find_loaded_language(text)]


def check_offsets(text: str, spans: list[Span]) -> None:
    for span in spans:
        assert text[span.start : span.end] == span.text
    assert spans == sorted(spans)
    for first, second in zip(spans, spans[1:], strict=False):
        assert first.end <= second.start


def test_spans_have_exact_offsets_and_fields() -> None:
    text = "The tyrant and his thugs mocked the protest."
    spans = find_loaded_language(text)
    check_offsets(text, spans)
    assert [(s.text, s.category, s.technique, s.cue) for s in spans] == [
        ("tyrant", "pejorative_label", "loaded_language", "tyrant"),
        ("thugs", "pejorative_label", "loaded_language", "thug"),
    ]


def test_case_is_ignored() -> None:
    assert cues("TYRANT Tyrant tyrant") == ["tyrant", "tyrant", "tyrant"]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Terrorists", "terrorist"),
        ("atrocities", "atrocity"),
        ("brutally", "brutal"),
        ("terrified", "terrify"),
        ("annihilated", "annihilate"),
        ("massacred", "massacre"),
        ("freedom fighters", "freedom fighter"),
        ("so called", "so-called"),
        ("self-styled", "self-styled"),
    ],
)
def test_inflections_and_variants_match(text: str, cue: str) -> None:
    assert cues(f"They wrote: {text}.") == [cue]


def test_word_boundaries() -> None:
    assert cues("He won an award for his reporting.") == []
    assert cues("a scaredy cat") == []
    assert cues("The cultural festival was a warm affair.") == []
    assert cues("war") == ["war"]
    assert cues("anti-war") == ["war"]
    assert cues("They would be late.") == []
    assert cues("a would-be leader") == ["would-be"]


def test_combining_mark_does_not_end_a_word() -> None:
    assert cues("cult\u0301ure of cult\u0301") == []


def test_phrase_wins_over_word_inside_it() -> None:
    spans = find_loaded_language("They called him a freedom fighter.")
    assert [(s.text, s.cue) for s in spans] == [("freedom fighter", "freedom fighter")]
    assert cues("so-called experts") == ["so-called experts"]


def test_curly_and_straight_apostrophes() -> None:
    text = "The regime’s lies and the regime's thugs"
    spans = find_loaded_language(text)
    check_offsets(text, spans)
    assert [s.text for s in spans] == ["regime", "lies", "regime", "thugs"]


def test_crlf_lone_cr_and_emoji_offsets() -> None:
    text = "😀 brutal\r\nregime\rthugs 👍🏽 tyrant"
    spans = find_loaded_language(text)
    check_offsets(text, spans)
    assert [s.text for s in spans] == ["brutal", "regime", "thugs", "tyrant"]


def test_dotted_capital_i_keeps_offsets() -> None:
    text = "İİİ brutal İstanbul"
    spans = find_loaded_language(text)
    check_offsets(text, spans)
    assert [s.text for s in spans] == ["brutal"]


def test_persian_gives_nothing() -> None:
    assert find_loaded_language("مجاهدین خلق یک گروه تروریستی است") == []


def test_bytes_are_decoded_and_bad_bytes_refused() -> None:
    assert cues(b"brutal") == ["brutal"]
    with pytest.raises(ValueError, match="not valid UTF-8"):
        find_loaded_language(b"brutal \xff regime")


def test_empty_whitespace_nul_and_non_text() -> None:
    assert find_loaded_language("") == []
    assert find_loaded_language(" \n\t ") == []
    with pytest.raises(ValueError, match="NUL character"):
        find_loaded_language("brutal\x00regime")
    with pytest.raises(ValueError, match="should be a string of text, not int"):
        find_loaded_language(42)  # type: ignore[arg-type]


def test_scare_quotes() -> None:
    text = 'The “elections” and the "reforms" of the so-called "liberation front"'
    spans = find_loaded_language(text)
    check_offsets(text, spans)
    assert [(s.text, s.cue) for s in spans] == [
        ("“elections”", SCARE_QUOTES),
        ('"reforms"', SCARE_QUOTES),
        ("so-called", "so-called"),
        ('"liberation front"', SCARE_QUOTES),
    ]
    assert {s.category for s in spans} == {"doubt_marker"}


def test_scare_quote_wins_over_term_inside_it() -> None:
    spans = find_loaded_language("the “heroes” of the day")
    assert [(s.text, s.cue) for s in spans] == [("“heroes”", SCARE_QUOTES)]


@pytest.mark.parametrize(
    "text",
    [
        "He said “we will never forget what happened here today”.",
        'She told reporters, "Enough."',
        'He said "freedom" twice.',
        "Protesters were chanting “Down with them”.",
        "The quote “Stop.” ended the meeting.",
        "The year was “2020”.",
        'an odd " mark and " another',
    ],
)
def test_not_scare_quotes(text: str) -> None:
    assert SCARE_QUOTES not in cues(text)


def test_unbalanced_straight_quote_does_not_hide_a_later_pair() -> None:
    text = 'He said "we will win. Then the "reforms" came.'
    assert [s.text for s in find_loaded_language(text)] == ['"reforms"']


def test_semeval_like_sentences() -> None:
    text = (
        "The despicable mob unleashed a reign of terror on innocent civilians. "
        "Sources say the so-called reforms are nothing more than a smokescreen. "
        "Our brave heroes stood firm in the face of this barbaric onslaught."
    )
    spans = find_loaded_language(text)
    check_offsets(text, spans)
    assert [s.text for s in spans] == [
        "despicable",
        "mob",
        "reign of terror",
        "innocent civilians",
        "Sources say",
        "so-called",
        "nothing more than",
        "smokescreen",
        "brave",
        "heroes",
        "stood firm",
        "barbaric",
        "onslaught",
    ]
    assert {s.category for s in spans} >= {
        "emotive_anger",
        "pejorative_label",
        "violence_threat",
        "emotive_pity",
        "vague_attribution",
        "doubt_marker",
        "glorifying_label",
        "emotive_pride",
    }


def test_neutral_news_sentence_gives_nothing() -> None:
    text = (
        "The committee met on Tuesday to discuss the budget. The minister said the "
        "proposal would be published next month after a public consultation."
    )
    assert find_loaded_language(text) == []


def test_large_text_is_handled() -> None:
    unit = "A calm report on trade. The brutal regime’s “reforms” failed.\r\n"
    text = unit * (10_000_000 // len(unit))
    spans = find_loaded_language(text)
    assert len(spans) == 3 * (10_000_000 // len(unit))
    check_offsets(text, spans[-6:])


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "brutal",
                "regime",
                "so-called",
                "freedom fighter",
                "“x”",
                '"y z"',
                "’s",
                " ",
                "\r\n",
                "award",
                "é",
                "\u0301",
                "😀",
                "reign of",
                "terror",
                "-",
                ".",
                "İ",
                "war",
            ]
        ),
        max_size=30,
    )
)
def test_spans_are_exact_sorted_and_disjoint(pieces: list[str]) -> None:
    text = "".join(pieces)
    check_offsets(text, find_loaded_language(text))
