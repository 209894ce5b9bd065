"""The same yardstick for every side: labels, mirror sentences, taxonomy examples, controls."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from propaganda_kit import find_loaded_language, load_corpus, load_taxonomy
from propaganda_kit.analysis.loaded_language import (
    find_charged_topic_words,
    loaded_language_table,
    scare_quote_candidates,
)
from propaganda_kit.analysis.techniques import cue_techniques, find_techniques

CONTROLS = Path(__file__).parent / "data" / "neutral_controls.txt"

# How each side of the first corpus's conflict commonly labels the other, in general terms.
LABELS_FOR_THE_GOVERNMENT = ["the regime", "the mullahs", "a dictatorship", "the tyrant", "thugs"]
LABELS_FOR_THE_OPPOSITION = [
    "terrorists",
    "hypocrites",
    "a cult",
    "traitors",
    "mercenaries",
    "a propaganda network",
    "foreign agents",
    "rioters",
]


@pytest.mark.parametrize("label", LABELS_FOR_THE_GOVERNMENT + LABELS_FOR_THE_OPPOSITION)
def test_each_sides_labels_for_the_other_are_name_calling_cues(label: str) -> None:
    found = find_techniques(f"Speakers called them {label} again.", "name_calling")
    assert len(found) == 1, label


def test_both_sides_labels_are_marked_alike() -> None:
    def marked(labels: list[str]) -> float:
        hits = [bool(find_techniques(f"They are {x}.", "name_calling")) for x in labels]
        return sum(hits) / len(labels)

    assert marked(LABELS_FOR_THE_GOVERNMENT) == marked(LABELS_FOR_THE_OPPOSITION) == 1.0


# Mirror sentences: {A} and {B} swap; the counts must not change.
MIRROR_TEMPLATES = [
    "The brutal crackdown by {A} shocked {B}.",
    "{A} spewed lies about {B} on television.",
    "{A} fearlessly stood firm against {B}.",
    "The vile campaign of {A} targeted {B}.",
    "{A} called {B} a cult of traitors.",
    "{A} described {B} as a regime of thugs.",
    "Critics say {A} has blood on their hands after clashes with {B}.",
    "{A} shed crocodile tears over the suffering caused by {B}.",
    "The so-called reforms of {A} were rejected by {B}.",
    "{A} always lies, and {B} never does.",
    "{A} hailed its heroic members, while {B} was silent.",
    "The botched operation by {A} was a fiasco, {B} said.",
    "{A} waged psychological warfare against {B}.",
    "{A} accused {B} of manipulation and coercion.",
    "Three people were killed when {A} attacked {B}, police said.",
    "{A} turned a blind eye to abuses by {B}.",
    "The heavy-handed response of {A} angered {B}.",
    "{A} praised the courageous and selfless work of its supporters against {B}.",
    "Experts say {A} is losing ground to {B}.",
    "The “reforms” announced by {A} were dismissed by {B}.",
    "{A} is a beacon of hope; {B} is a house of cards.",
    "{A} peddles propaganda, according to {B}.",
    "Countless people support {A}, not {B}.",
    "{A} arrested members of {B} and held them in prison.",
]
SIDES = [
    ("the government", "the opposition group"),
    ("the Iranian government", "the exiled opposition"),
    ("state media", "the People's Mojahedin"),
]


def profile(text: str) -> tuple[Counter, Counter, int]:
    """What the yardstick counts in a sentence: loaded cues, technique cues, topic words."""
    loaded = Counter(s.cue for s in find_loaded_language(text))
    techniques = Counter(s.technique for s in find_techniques(text))
    return loaded, techniques, len(find_charged_topic_words(text))


@pytest.mark.parametrize(("a", "b"), SIDES)
@pytest.mark.parametrize("template", MIRROR_TEMPLATES)
def test_mirror_sentences_get_the_same_counts(template: str, a: str, b: str) -> None:
    first = template.format(A=a, B=b)
    mirror = template.format(A=b, B=a)
    first, mirror = (s[0].upper() + s[1:] for s in (first, mirror))
    assert profile(first) == profile(mirror)


def test_there_are_enough_mirror_pairs_and_they_find_something() -> None:
    assert len(MIRROR_TEMPLATES) >= 20
    found = [profile(t.format(A="one side", B="the other")) for t in MIRROR_TEMPLATES]
    assert sum(bool(loaded) or bool(techniques) for loaded, techniques, _ in found) >= 20


def taxonomy_examples() -> list[tuple[str, str, str]]:
    taxonomy, available = load_taxonomy(), set(cue_techniques())
    return [
        (technique, column, row[column])
        for technique, row in taxonomy.iterrows()
        if technique in available
        for column in ("supportive_example", "hostile_example")
        if row[column].strip()
    ]


@pytest.mark.parametrize(("technique", "column", "example"), taxonomy_examples())
def test_every_taxonomy_example_is_found_by_its_techniques_cues(
    technique: str, column: str, example: str
) -> None:
    assert find_techniques(example, technique), f"{technique} {column}: {example}"


def test_taxonomy_examples_cover_both_sides() -> None:
    columns = {column for _, column, _ in taxonomy_examples()}
    assert columns == {"supportive_example", "hostile_example"}


def neutral_controls() -> list[str]:
    lines = CONTROLS.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def test_neutral_controls_get_no_loaded_language_mark() -> None:
    controls = neutral_controls()
    assert len(controls) >= 40
    false_alarms = {s: [x.text for x in find_loaded_language(s)] for s in controls}
    false_alarms = {s: marks for s, marks in false_alarms.items() if marks}
    assert false_alarms == {}, f"{len(false_alarms)} false alarms: {false_alarms}"


def test_literal_violence_in_neutral_controls_is_not_an_appeal_to_fear() -> None:
    alarms = [
        (span.text, sentence)
        for sentence in neutral_controls()
        for span in find_techniques(sentence, ["appeal_to_fear"])
    ]
    assert alarms == []


def test_neutral_controls_include_violent_subjects_as_charged_topic_words() -> None:
    topical = [s for s in neutral_controls() if find_charged_topic_words(s)]
    assert len(topical) >= 15


def test_a_groups_own_name_in_quotes_is_not_scare_quotes_on_any_side() -> None:
    for name in ("“Resistance Units”", "“Revolutionary Guards”", "“Popular Front”"):
        for side in ("Supporters of", "Opponents of"):
            assert scare_quote_candidates(f"{side} the {name} met.") == []
    assert len(scare_quote_candidates("the “resistance” and the “elections”")) == 2


def test_find_loaded_language_is_exactly_what_the_rates_count() -> None:
    corpus = load_corpus()
    table = loaded_language_table(corpus)
    for doc in corpus:
        counted = int(table.loc[table["document"] == doc.id, "count"].sum())
        assert counted == len(find_loaded_language(doc.text)), doc.id
    assert "charged_topic" not in set(table["category"])
