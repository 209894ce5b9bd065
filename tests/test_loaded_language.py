"""find_loaded_language: matching rules, offsets, overlaps, the scare-quote rule and bad input."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from propaganda_kit import Span, find_loaded_language
from propaganda_kit.analysis.loaded_language import (
    find_charged_topic_words,
    scare_quote_candidates,
)
from propaganda_kit.analysis.techniques import find_techniques


def cues(text: str) -> list[str]:
    return [s.cue for s in find_loaded_language(text)]


def scare_quoted(text: str) -> list[str]:
    return [text[start:end] for start, end, _, _ in scare_quote_candidates(text)]


def check_offsets(text: str, spans: list[Span]) -> None:
    for span in spans:
        assert text[span.start : span.end] == span.text
    assert spans == sorted(spans)
    for first, second in zip(spans, spans[1:], strict=False):
        assert first.end <= second.start


def test_spans_have_exact_offsets_and_fields() -> None:
    text = "The callous official and his vile aides mocked the protest."
    spans = find_loaded_language(text)
    check_offsets(text, spans)
    assert [(s.text, s.category, s.technique, s.cue) for s in spans] == [
        ("callous", "emotive_anger", "loaded_language", "callous"),
        ("vile", "emotive_anger", "loaded_language", "vile"),
    ]


def test_case_is_ignored() -> None:
    assert cues("VILE Vile vile") == ["vile", "vile", "vile"]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Atrocious", "atrocious"),
        ("atrocities", "atrocity"),
        ("brutally", "brutal"),
        ("terrified", "terrify"),
        ("annihilated", "annihilate"),
        ("massacred", "massacre"),
        ("crocodile tears", "crocodile tears"),
        ("turned a blind eye", "turn a blind eye"),
        ("heavy-handed", "heavy-handed"),
    ],
)
def test_inflections_and_variants_match(text: str, cue: str) -> None:
    assert cues(f"They wrote: {text}.") == [cue]


def test_word_boundaries() -> None:
    assert cues("He won an award for his reporting.") == []
    assert cues("a scaredy cat") == []
    assert cues("The cultural festival was a warm affair.") == []
    assert cues("vile") == ["vile"]
    assert cues("anti-chaos") == ["chaos"]
    assert [s.cue for s in find_charged_topic_words("anti-war")] == ["war"]
    assert cues("They were heavy handed.") == []
    assert cues("a heavy-handed raid") == ["heavy-handed"]


def test_combining_mark_does_not_end_a_word() -> None:
    assert cues("cult\u0301ure of cult\u0301") == []


def test_phrase_wins_over_word_inside_it() -> None:
    spans = find_loaded_language("It was a reign of terror.")
    assert [(s.text, s.cue) for s in spans] == [("reign of terror", "reign of terror")]
    assert cues("psychological warfare") == ["psychological warfare"]


def test_curly_and_straight_apostrophes() -> None:
    text = "The council’s cruelty and the council's greed"
    spans = find_loaded_language(text)
    check_offsets(text, spans)
    assert [s.text for s in spans] == ["cruelty", "greed"]
    assert [s.text for s in find_loaded_language("The mob’s vile and the mob's vile")] == [
        "vile",
        "vile",
    ]


def test_crlf_lone_cr_and_emoji_offsets() -> None:
    text = "😀 brutal\r\nvile\rcallous 👍🏽 heinous"
    spans = find_loaded_language(text)
    check_offsets(text, spans)
    assert [s.text for s in spans] == ["brutal", "vile", "callous", "heinous"]


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
    assert scare_quoted(text) == ["“elections”", '"reforms"', '"liberation front"']
    doubt = [s.text for s in find_techniques(text, "doubt")]
    assert doubt == ["“elections”", '"reforms"', "so-called", '"liberation front"']


def test_scare_quotes_are_not_loaded_language() -> None:
    """Scare quotes are a doubt cue, counted under doubt, never as loaded language."""
    assert find_loaded_language("the “heroes” of the day") == []
    assert cues("the “vile” plan") == ["vile"]


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
        "the group known as “Resistance Units” met",
        "supporters of the “National Front” marched",
    ],
)
def test_not_scare_quotes(text: str) -> None:
    assert scare_quoted(text) == []


def test_unbalanced_straight_quote_does_not_hide_a_later_pair() -> None:
    text = 'He said "we will win. Then the "reforms" came.'
    assert scare_quoted(text) == ['"reforms"']


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
        "reign of terror",
        "brave",
        "stood firm",
        "barbaric",
        "onslaught",
    ]
    assert {s.category for s in spans} >= {
        "emotive_anger",
        "violence_threat",
        "emotive_pride",
        "evaluative_praise",
    }
    assert [s.text for s in find_charged_topic_words(text)] == ["innocent civilians"]


def test_neutral_news_sentence_gives_nothing() -> None:
    text = (
        "The committee met on Tuesday to discuss the budget. The minister said the "
        "proposal would be published next month after a public consultation."
    )
    assert find_loaded_language(text) == []


def test_large_text_is_handled() -> None:
    unit = "A calm report on trade. The brutal council’s vile “reforms” failed.\r\n"
    text = unit * (10_000_000 // len(unit))
    spans = find_loaded_language(text)
    assert len(spans) == 2 * (10_000_000 // len(unit))
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
