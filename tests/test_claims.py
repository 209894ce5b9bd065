"""The claims ledger: every checkable sentence, its kinds, its figures and its sources."""

from __future__ import annotations

import pytest

from propaganda_kit import load_corpus
from propaganda_kit.analysis.claims import (
    KINDS,
    NO_SOURCE,
    claims_ledger,
    find_claims,
    split_sentences,
)


def _texts(text: str, kind: str) -> list[str]:
    return [cue.text for c in find_claims(text) for cue in c.cues if cue.kind == kind]


def _kinds(text: str) -> list[tuple[str, ...]]:
    return [c.kinds for c in find_claims(text)]


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
            "“Taxes will fall,” said Minister Jane Roe, who spoke first.",
            "said Minister Jane Roe",
            "Minister Jane Roe",
            True,
        ),
        ("“Taxes will fall,” she said.", "she said", "she", False),
        ("“Taxes will fall,” he said, “soon.”", "he said", "he", False),
        (
            "Minister Jane Roe said that taxes would fall.",
            "Minister Jane Roe said",
            "Minister Jane Roe",
            True,
        ),
    ],
)
def test_attributions_and_named_sources(text, claim, source, named):
    [found] = find_claims(text)
    [cue] = [c for c in found.cues if c.kind == "attribution"]
    assert (cue.text, found.source, found.named) == (claim, source, named)
    assert text[cue.start : cue.end] == cue.text


def test_not_every_verb_is_an_attribution():
    text = (
        "They wrote for the papers. The effort only proves that it failed. "
        "We can say that it rained."
    )
    assert _texts(text, "attribution") == []


def test_a_number_takes_the_source_stated_in_its_sentence():
    text = "According to a Google report, there was a 1,000% increase. Then 20 people left."
    first, second = find_claims(text)
    assert (first.kinds, second.kinds) == (("number", "attribution"), ("number",))
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
    kinds = {k for row in ledger.kind for k in row.split(", ")}
    assert kinds == set(KINDS)
    for doc in corpus:  # every document, hostile or supportive, has claims of several kinds
        assert ledger[ledger.document == doc.id].kind.nunique() >= 2
    assert set(ledger.voice) <= {"author", "quoted"}
    assert set(ledger.perspective) == {"supportive of the MEK", "hostile to the MEK"}
    for row in ledger.itertuples():
        text = corpus[row.document].text
        assert text[row.start : row.end] == row.claim
        assert all(cue in row.claim for cue in row.cues.split(" · "))
    unsourced = ledger[ledger.source == NO_SOURCE]
    assert not unsourced.named.any()
    assert ledger.equals(claims_ledger(corpus))


def test_bad_input_is_refused():
    with pytest.raises(ValueError, match="string of text"):
        find_claims(None)
    assert find_claims("") == []


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("The army carried out raids on the villages.", ("accusation",)),
        ("The ministry is responsible for the shortages.", ("accusation",)),
        ("Police arrested the organisers and banned the march.", ("accusation",)),
        ("The council failed to warn anyone.", ("accusation",)),
        ("They have spread false stories about the mayor.", ("accusation",)),
        ("Prices rose because the port was closed.", ("causal",)),
        ("The strike led to long queues.", ("causal",)),
        ("As a result, the talks ended.", ("causal",)),
        ("The opposition wants to take over the media.", ("intent",)),
        ("Their leaders plan to delay the vote.", ("intent",)),
        ("The group seeks to divide the country.", ("intent",)),
        ("The company aimed at a quick sale.", ("intent",)),
    ],
)
def test_accusations_causes_and_intents_without_numbers_or_sources(text, kinds):
    assert _kinds(text) == [kinds]


MIRRORS = [
    (
        "The {a} government arrested hundreds of {b} activists because they spoke out.",
        "The {b} government arrested hundreds of {a} activists because they spoke out.",
    ),
    (
        "{a} officials said that the {b} militia plans to attack the border.",
        "{b} officials said that the {a} militia plans to attack the border.",
    ),
    (
        "The {a} side is responsible for the blackout, according to the {b} ministry.",
        "The {b} side is responsible for the blackout, according to the {a} ministry.",
    ),
]


@pytest.mark.parametrize(("first", "second"), MIRRORS)
@pytest.mark.parametrize(("a", "b"), [("Northern", "Southern"), ("rebel", "state")])
def test_mirror_sentences_get_the_same_kinds(first, second, a, b):
    one, other = _kinds(first.format(a=a, b=b)), _kinds(second.format(a=a, b=b))
    assert one == other and len(one) == 1 and len(one[0]) >= 2


@pytest.mark.parametrize(
    "text",
    [
        "Good morning, everyone.",
        "Hello and welcome to our newsletter!",
        "Who paid for the survey?",
        "Did the police arrest anyone because of the march?",
        "Join us at the square on Saturday.",
        "Stand with us because together we are strong.",
        "Let's make our voices heard.",
        "Please share this page with your friends.",
        "We plan to meet again next week.",
        "Thank you for reading.",
    ],
)
def test_greetings_questions_and_calls_to_act_are_not_claims(text):
    assert find_claims(text) == []


def test_a_repeated_figure_is_counted_once_and_its_repeats_noted():
    text = (
        "The group sent 20,000 letters. Later, 20000 letters arrived. "
        "Police seized 20,000 letters. Some 20,000 letters remain."
    )
    claims = find_claims(text)
    assert [c.repeat_of for c in claims] == [None, 0, None, 0]
    assert claims[0].repeats == 3
    assert claims[2].kinds == ("number", "accusation")  # a new accusation, though not a new figure
    assert all(c.figures == ("20000",) for c in claims)


def test_the_ledger_links_repeats_and_the_table_counts_them_once():
    from lesson_corpus import make_corpus, make_doc

    from propaganda_kit.analysis.claims import sourced_claims_table

    text = "They sent 300 letters. In all, 300 letters went out. They sent 300 letters."
    corpus = make_corpus(make_doc("one", "side A", "A calm day."), make_doc("two", "side B", text))
    ledger = claims_ledger(corpus)
    assert ledger.repeat_of.tolist()[1:] == [0, 0] and ledger.repeats.tolist() == [2, 0, 0]
    table = sourced_claims_table(ledger, corpus)
    assert table.loc["two", "Claims"] == 1 and table.loc["one", "Claims"] == 0
