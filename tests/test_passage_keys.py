"""A passage keyed in two places (quiz, exercise key, taxonomy) carries one set of techniques."""

from propaganda_kit.data.passages import (
    LabelledPassage,
    key_conflicts,
    labelled_passages,
    normalise_passage,
)


def test_every_passage_has_one_key_wherever_it_appears():
    assert key_conflicts(labelled_passages()) == []


def test_the_kit_has_passages_in_more_than_one_place():
    places = {p.place.split()[0] for p in labelled_passages()}
    assert places == {"quiz", "ex01", "taxonomy"}


def test_whitespace_quotes_and_dashes_do_not_hide_a_match():
    assert normalise_passage("“A  plan”—now") == normalise_passage('"a plan"-now')


def test_differing_keys_for_one_passage_are_found():
    quiz = LabelledPassage("quiz x", "It is “so-called”.", frozenset({"doubt"}), True)
    key = LabelledPassage("ex01 y", 'It is  "so-called".', frozenset({"name_calling"}), True)
    assert len(key_conflicts([quiz, key])) == 1


def test_a_taxonomy_example_inside_a_passage_must_be_in_its_key():
    longer = LabelledPassage("quiz x", "Unlike real groups, this one is fake.", frozenset(), True)
    technique = frozenset({"black_and_white"})
    example = LabelledPassage("taxonomy t", "Unlike real groups", technique, False)
    assert len(key_conflicts([longer, example])) == 1
    agreed = LabelledPassage("quiz z", longer.text, technique, True)
    assert key_conflicts([agreed, example]) == []


def test_unrelated_passages_are_not_compared():
    a = LabelledPassage("quiz a", "One thing.", frozenset({"doubt"}), True)
    b = LabelledPassage("quiz b", "Another thing.", frozenset({"slogans"}), True)
    assert key_conflicts([a, b]) == []
