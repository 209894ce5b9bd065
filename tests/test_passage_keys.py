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


def exercises_by_notebook() -> dict[str, list]:
    from propaganda_kit.checks import EXERCISES

    found: dict[str, list] = {}
    for exercise in EXERCISES.values():
        found.setdefault(exercise.notebook, []).append(exercise)
    return found


def test_items_from_the_corpus_come_from_both_sides_in_each_notebook():
    from propaganda_kit import load_corpus
    from propaganda_kit.checks.scores import CONTROL_SIDE, NO_SIDE, exercise_side

    perspectives = {d.perspective for d in load_corpus()}
    with_sides = 0
    for notebook, exercises in exercises_by_notebook().items():
        sides = {exercise_side(e) for e in exercises} - {CONTROL_SIDE, NO_SIDE}
        if sides:
            with_sides += 1
            assert sides == perspectives, notebook
    assert with_sides >= 5


def test_a_control_names_its_document_exactly_when_it_quotes_the_corpus():
    from propaganda_kit import load_corpus
    from propaganda_kit.checks import EXERCISES

    corpus = load_corpus()
    controls = [e for e in EXERCISES.values() if e.control]
    assert controls
    for exercise in controls:
        document = exercise.key.get("document")
        if document:
            assert exercise.passage in corpus[document].text, exercise.id
        else:
            assert not any(
                normalise_passage(exercise.passage) in normalise_passage(d.text) for d in corpus
            ), exercise.id


def test_the_spotting_controls_are_keyed_no_technique_and_agree_with_the_other_keys():
    controls = [p for p in labelled_passages() if p.techniques == frozenset({"none"})]
    assert {p.place for p in controls} == {"ex01 spot-techniques-5", "ex01 spot-techniques-6"}
    assert key_conflicts(labelled_passages()) == []


def lesson_items() -> list:
    """The exercises answered inside the lessons (their notebook is in notebooks/)."""
    from pathlib import Path

    from propaganda_kit.checks import EXERCISES

    lessons = Path(__file__).resolve().parent.parent / "notebooks"
    return [e for e in EXERCISES.values() if (lessons / e.notebook).is_file()]


def test_lesson_items_quote_their_documents_and_agree_with_the_other_keys():
    from propaganda_kit import load_corpus

    corpus = load_corpus()
    items = lesson_items()
    assert items
    for exercise in items:
        if "document" in exercise.key:
            assert exercise.passage in corpus[exercise.key["document"]].text, exercise.id
    keyed = [
        LabelledPassage(f"lesson {e.id}", e.passage, frozenset(e.key["required"]), True)
        for e in items
        if e.kind == "choice" and e.key["vocabulary"] == "taxonomy"
    ]
    assert keyed
    assert key_conflicts(labelled_passages() + keyed) == []


def test_a_lesson_passage_without_a_document_is_not_copied_from_the_corpus():
    from propaganda_kit import load_corpus

    texts = [normalise_passage(d.text) for d in load_corpus()]
    written = [e for e in lesson_items() if e.passage and "document" not in e.key]
    assert written
    for exercise in written:
        assert not any(normalise_passage(exercise.passage) in t for t in texts), exercise.id


def test_a_lesson_control_reusing_a_keyed_passage_finds_no_technique_there_either():
    controls = [e for e in lesson_items() if e.control and "document" in e.key]
    assert controls
    for exercise in controls:
        text = normalise_passage(exercise.passage)
        for keyed in labelled_passages():
            other = normalise_passage(keyed.text)
            if text in other or other in text:
                assert keyed.techniques <= {"none"}, (exercise.id, keyed.place)
