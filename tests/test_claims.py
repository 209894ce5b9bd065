"""The claims ledger: numbers with what they count, attributions with their sources."""

from __future__ import annotations

import pytest

from propaganda_kit import load_corpus
from propaganda_kit.analysis.claims import NO_SOURCE, claims_ledger, find_claims, split_sentences


def _texts(text: str, kind: str) -> list[str]:
    return [c.text for c in find_claims(text) if c.kind == kind]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They sent 20,000 messages to 102 countries.", ["20,000 messages", "102 countries"]),
        ("Searches rose by 1,000% in a week.", ["1,000%"]),
        ("There was a 40 percent rise.", ["40 percent rise"]),
        ("It carried out thousands of acts of protest.", ["thousands of acts"]),
        (
            "For four decades and 45 years, over 3.5 million people waited.",
            ["four decades", "45 years", "over 3.5 million people"],
        ),
        ("Thousands have been arrested.", ["Thousands"]),
    ],
)
def test_number_claims(text, expected):
    assert _texts(text, "number") == expected


@pytest.mark.parametrize(
    "text",
    [
        "In summer 2024 the 1980s ended on July 17, 2020.",
        "Dated 03.06.2025, room 3, Albania.",
        "Section Two: the plan.",
        "One of them came.",
    ],
)
def test_years_dates_and_bare_numbers_are_not_claims(text):
    assert _texts(text, "number") == []


@pytest.mark.parametrize(
    ("text", "claim", "source", "named"),
    [
        (
            "According to a Google report, searches rose.",
            "According to a Google report",
            "a Google report",
            True,
        ),
        (
            "However, available evidence shows that it failed.",
            "available evidence shows",
            "available evidence",
            False,
        ),
        (
            "Reports and testimonies from former members indicate that it failed.",
            "Reports and testimonies from former members indicate",
            "Reports and testimonies from former members",
            False,
        ),
        ("He said: “We won.”", "He said", "He", False),
        ("They wrote: the plan failed.", "They wrote", "They", False),
        (
            "Even the news agency Tehran Press wrote about the plan.",
            "the news agency Tehran Press wrote",
            "the news agency Tehran Press",
            True,
        ),
        (
            "Minister Jane Roe said that taxes would fall.",
            "Minister Jane Roe said",
            "Minister Jane Roe",
            True,
        ),
    ],
)
def test_attributions_and_named_sources(text, claim, source, named):
    [found] = [c for c in find_claims(text) if c.kind == "attribution"]
    assert (found.text, found.source, found.named) == (claim, source, named)
    assert text[found.start : found.end] == found.text


def test_not_every_verb_is_an_attribution():
    text = (
        "They wrote for the papers. The effort only proves that it failed. "
        "We can say that it rained."
    )
    assert _texts(text, "attribution") == []


def test_a_number_takes_the_source_stated_in_its_sentence():
    text = "According to a Google report, there was a 1,000% increase. Then 20 people left."
    first, second = [c for c in find_claims(text) if c.kind == "number"]
    assert (first.source, first.named) == ("a Google report", True)
    assert (second.source, second.named) == ("", False)


def test_sentences_respect_abbreviations_and_line_breaks():
    text = "Mrs. Roe spoke at 3 p.m. today. Then she left!\nA new line  \n\nEnd"
    pieces = [text[a:b] for a, b in split_sentences(text)]
    assert pieces == ["Mrs. Roe spoke at 3 p.m. today.", "Then she left!", "A new line", "End"]


def test_ledger_covers_every_document_with_voice_and_exact_offsets():
    corpus = load_corpus()
    ledger = claims_ledger(corpus)
    assert set(ledger.document) == set(corpus.ids)
    assert set(ledger.kind) == {"number", "attribution"}
    assert set(ledger.voice) <= {"author", "quoted"}
    assert set(ledger.perspective) == {"supportive of the MEK", "hostile to the MEK"}
    for row in ledger.itertuples():
        text = corpus[row.document].text
        assert text[row.start : row.end] == row.claim
        assert row.claim in row.sentence
    unsourced = ledger[ledger.source == NO_SOURCE]
    assert not unsourced.named.any()
    assert ledger.equals(claims_ledger(corpus))


def test_bad_input_is_refused():
    with pytest.raises(ValueError, match="string of text"):
        find_claims(None)
    assert find_claims("") == []
