"""Each kind of checker: what counts as right, as a variant, as a miss or a false alarm."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from propaganda_kit import Span, find_loaded_language, find_techniques, load_corpus
from propaganda_kit.checks import EXERCISES, Counts, evaluate
from propaganda_kit.checks.choice import NONE_OPTION, vocabulary
from propaganda_kit.checks.freetext import ATTRIBUTION
from propaganda_kit.checks.matching import find_phrase, stem
from propaganda_kit.text.words import per_thousand_words


def test_every_key_passage_is_verbatim_in_its_document():
    corpus = load_corpus()
    for exercise in EXERCISES.values():
        if "document" in exercise.key:
            assert exercise.passage in corpus[exercise.key["document"]].text, exercise.id


def test_every_key_name_occurs_in_the_documents_of_its_perspective():
    from propaganda_kit.checks.choice import perspective_texts
    from propaganda_kit.checks.matching import contains_phrase

    for exercise in EXERCISES.values():
        if exercise.kind == "names":
            texts = perspective_texts(exercise.key["perspective"])
            for name in exercise.key["key_names"]:
                assert any(contains_phrase(t, name) for t in texts), (exercise.id, name)


# choice ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "answer",
    [
        ["name_calling", "exaggeration"],
        ["Name calling or labelling", "Exaggeration or minimisation"],
        ("NAME-CALLING", "exaggeration", "loaded language"),
        {"Labeling", "Minimisation"},
    ],
)
def test_choice_accepts_ids_labels_and_source_labels(answer):
    assert evaluate("spot-techniques-1", answer).status == "correct"


def test_choice_reports_misses_and_false_alarms_without_naming_the_missing_one():
    result = evaluate("spot-techniques-1", ["name_calling", "slogans"])
    assert result.status == "incorrect" and 0 < result.points < result.max_points
    assert "Not in the key: 'Slogans'." in result.feedback and "Missing one." in result.feedback
    assert "exaggeration" not in result.feedback.lower()


def test_choice_refuses_none_with_others_and_unknown_names():
    assert "one or the other" in evaluate("spot-techniques-1", ["none", "doubt"]).feedback
    assert "not a name the check knows" in evaluate("spot-techniques-1", ["magic"]).feedback
    assert "single string" in evaluate("spot-techniques-1", "doubt").feedback


# spans ----------------------------------------------------------------------------------

KEY_1 = ["psychological warfare", "manipulation", "coercion", "internal decay", "desperate"]


def offsets(phrase: str) -> tuple[int, int]:
    start = EXERCISES["mark-loaded-1"].passage.index(phrase)
    return start, start + len(phrase)


def test_spans_exact_key_is_correct_and_as_offsets_or_spans_too():
    assert evaluate("mark-loaded-1", KEY_1).status == "correct"
    assert evaluate("mark-loaded-1", [offsets(p) for p in KEY_1]).status == "correct"
    spans = [Span(*offsets(p), p) for p in KEY_1]
    assert evaluate("mark-loaded-1", spans).status == "correct"


@pytest.mark.parametrize(
    "variant",
    [
        "PSYCHOLOGICAL WARFARE",
        " psychological warfare, ",
        "“psychological warfare”",
        "psychological  warfare",
        "Psychological Warfare.",
        "psychological warfare built",
        "psychological",
        "of psychological warfare",
    ],
)
def test_spans_accept_reasonable_variants(variant):
    result = evaluate("mark-loaded-1", [variant, *KEY_1[1:]])
    assert result.status == "correct", (variant, result.feedback)


def test_spans_accept_an_inflected_form_and_a_hyphen_variant():
    assert find_phrase("coerce", "by coercing them") == [(3, 11)]
    assert find_phrase("war", "warfare and wars") == [(12, 16)]  # whole words only
    assert find_phrase("fabricate", "they fabricated scenes") == [(5, 15)]
    assert (
        evaluate(
            "mark-loaded-2", ["remnant", "tone deaf", "comfort of the West", "cruel farces"]
        ).status
        == "correct"
    )


def test_spans_far_too_long_is_a_near_miss_not_a_hit():
    result = evaluate(
        "mark-loaded-1",
        [
            "It is a digital campaign of psychological warfare built "
            "on manipulation, coercion, and foreign backing."
        ],
    )
    assert result.status == "incorrect" and "much longer or shorter" in result.feedback


def test_spans_count_hits_misses_and_false_alarms():
    result = evaluate(
        "mark-loaded-1",
        ["psychological warfare", "coercion", "foreign backing", "national stability", "not in it"],
    )
    feedback = result.feedback
    assert "Hits: 2 of the 5" in feedback and "Missed: 3" in feedback
    assert "'foreign backing'" in feedback and "'national stability'" in feedback
    assert "Not found in the passage: 'not in it'" in feedback
    assert "manipulation" not in feedback and "decay" not in feedback  # never the answer


def test_spans_one_false_alarm_is_allowed_and_duplicates_do_not_count_twice():
    assert evaluate("mark-loaded-1", [*KEY_1, "foreign backing"]).status == "correct"
    result = evaluate("mark-loaded-1", ["coercion"] * 5)
    assert "Hits: 1 of the 5" in result.feedback and "False alarms" not in result.feedback


@pytest.mark.parametrize(
    "answer, hint",
    [
        ([(5, 2)], "outside the passage"),
        ([(0, 10_000)], "outside the passage"),
        ([(1.5, 3)], "two whole numbers"),
        ([3], "a (start, end) pair"),
        ("coercion", "one string"),
    ],
)
def test_spans_bad_items_get_hints(answer, hint):
    result = evaluate("mark-loaded-1", answer)
    assert result.status == "incorrect" and hint in result.feedback


def test_spans_missed_ones_are_located_by_sentence():
    result = evaluate("mark-loaded-1", KEY_1[:3])
    assert "in sentence 3 of the passage" in result.feedback


def test_stem_joins_simple_inflections():
    assert stem("Fabricated") == stem("fabricates") == stem("fabricate") == stem("fabricating")
    assert stem("organisation’s") == stem("organisation")


# numbers and tables ---------------------------------------------------------------------


@pytest.mark.parametrize("answer", [24.87, 1000 * 19 / 764, np.float64(24.9), 24.83])
def test_number_within_tolerance(answer):
    assert evaluate("rate-1", answer).status == "correct"


@pytest.mark.parametrize(
    "answer, hint",
    [
        (19 / 764, "rate per word"),
        (2.487, "decimal point"),
        (30, "Too high"),
        (1.0, "Too low"),
        ("24.87", "without quotes"),
        (float("nan"), "division by zero"),
        (True, "a single number"),
    ],
)
def test_number_hints(answer, hint):
    result = evaluate("rate-1", answer)
    assert result.status == "incorrect" and hint in result.feedback


def rate_rows(ids: list[str], count: int = 7) -> pd.DataFrame:
    corpus = load_corpus()
    return pd.DataFrame(
        [
            {
                "document": i,
                "perspective": corpus[i].perspective,
                "words": corpus[i].word_count,
                "count": count,
                "rate_per_1000": per_thousand_words(count, corpus[i].word_count),
            }
            for i in ids
        ]
    )


def both_sides() -> list[str]:
    corpus = load_corpus()
    firsts = {}
    for doc in corpus:
        firsts.setdefault(doc.perspective, doc.id)
    return list(firsts.values())


def test_rate_table_with_both_perspectives_is_correct_even_indexed_by_document():
    table = rate_rows(both_sides())
    assert evaluate("rate-table-1", table).status == "correct"
    assert evaluate("rate-table-1", table.set_index("document")).status == "correct"


def test_rate_table_needs_both_perspectives_and_true_word_counts():
    one_side = rate_rows(both_sides()[:1])
    assert "other perspective" in evaluate("rate-table-1", one_side).feedback
    wrong = rate_rows(both_sides())
    wrong.loc[0, "words"] = 1000
    assert "document.word_count" in evaluate("rate-table-1", wrong).feedback
    wrong = rate_rows(both_sides())
    wrong.loc[1, "rate_per_1000"] = 7
    assert "count / words" in evaluate("rate-table-1", wrong).feedback
    wrong = rate_rows(both_sides())
    wrong.loc[0, "document"] = "no-such-doc"
    assert "not a document id" in evaluate("rate-table-1", wrong).feedback


def test_rate_table_refuses_a_missing_rate():
    table = rate_rows(both_sides())
    table.loc[0, "rate_per_1000"] = float("nan")
    result = evaluate("rate-table-1", table)
    assert result.status == "incorrect" and "count / words" in result.feedback


def test_rate_table_names_missing_columns():
    table = rate_rows(both_sides()).drop(columns=["words"])
    result = evaluate("rate-table-1", table)
    assert "lacks the column(s) words" in result.feedback


# names ----------------------------------------------------------------------------------


def test_names_match_forgivingly_and_unknown_names_in_the_text_are_not_penalised():
    result = evaluate("naming-map-3", ["The Regime", "regime", "the mullahs", "TEHRAN"])
    assert result.status == "correct"
    result = evaluate("naming-map-1", ["MEK", "the organization", "Iran"])
    assert result.status == "incorrect" and "'Iran'" in result.feedback
    assert "Discuss" in result.feedback


def test_names_absent_from_the_texts_are_false_alarms():
    result = evaluate("naming-map-4", ["Iran", "the ayatollahs' paradise"])
    assert result.status == "incorrect" and "Not found in the documents" in result.feedback


# checklists and rewrites ----------------------------------------------------------------

GOOD_AUDIT = {
    "who_says": "author",
    "source_named": "No",
    "claim_type": " Factual ",
    "uses_loaded_words": "yes",
    "support": "The sentence gives no source at all for this.",
}


def test_checklist_accepts_yes_no_strings_and_case():
    assert evaluate("audit-claim-1", GOOD_AUDIT).status == "correct"


def test_checklist_reports_each_wrong_or_empty_field():
    answer = dict(GOOD_AUDIT, who_says="quoted", support="short")
    result = evaluate("audit-claim-1", answer)
    assert result.status == "incorrect" and result.points == 1.2  # 3 of 5 fields
    assert result.feedback.startswith("3 of 4 checked fields are right.")
    assert "'who_says': not yet" in result.feedback and "at least 6 words" in result.feedback
    assert "author" not in result.feedback.replace("author's", "")


def test_rewrite_is_judged_on_loaded_terms_facts_and_length():
    original = EXERCISES["neutral-rewrite-1"].passage
    assert "original paragraph" in evaluate("neutral-rewrite-1", original.upper()).feedback
    result = evaluate("neutral-rewrite-1", "The regimes were scared. " * 3)
    assert "'regime' and 'scared'" in result.feedback and "keep the length" in result.feedback
    good = (
        "For four decades the government has used censorship to keep control, the author "
        "says, and the MEK now reaches people online in ways the government cannot stop. "
        "The author thinks officials are worried about this and approves."
    )
    assert evaluate("neutral-rewrite-1", good).status == "correct"


def test_a_rewrite_that_drops_the_facts_earns_nothing():
    from propaganda_kit.checks import EXERCISES, evaluate

    key = EXERCISES["neutral-rewrite-1"].key
    for answer in ("x", "رژیم جنایتکار", "<b>hi</b>", "nul\x00byte"):
        assert evaluate("neutral-rewrite-1", answer).points == 0.0
    loaded_but_factual = key["original"] + " " + " ".join(key["keep"])
    assert (
        0
        < evaluate(
            "neutral-rewrite-1", loaded_but_factual.replace(key["loaded_terms"][0], "", 1)
        ).points
        < EXERCISES["neutral-rewrite-1"].max_points
    )


# counts ---------------------------------------------------------------------------------


def test_choice_counts_hits_misses_and_false_alarms():
    result = evaluate("spot-techniques-1", ["name_calling", "slogans", "doubt"])
    assert (result.counts.hits, result.counts.misses, result.counts.false_alarms) == (1, 1, 1)
    assert evaluate("spot-techniques-1", ["none"]).counts == Counts(0, 2, 0)  # 'none' misses


def test_spans_count_matched_missed_and_false_alarm_marks():
    result = evaluate("mark-loaded-1", ["psychological warfare", "coercion", "national stability"])
    assert result.counts == Counts(2, 3, 1)
    assert evaluate("mark-loaded-1", []).counts == Counts(0, 5, 0)  # nothing marked: all missed


def test_names_count_hits_shortfall_and_names_not_in_the_texts():
    result = evaluate("naming-map-3", ["the regime", "the ayatollahs' paradise"])
    assert result.counts == Counts(1, 2, 1)


def test_kinds_that_do_not_count_leave_the_counts_out():
    assert evaluate("rate-1", 24.87).counts is None
    assert "hits" not in evaluate("rate-1", 24.87).as_dict()


# control items --------------------------------------------------------------------------

CONTROLS = [ex for ex in EXERCISES.values() if ex.control]


def nothing_answer(exercise):
    """The right answer of a control item: no technique, nothing marked, kept as it is."""
    if exercise.kind == "choice":
        return ["none"]
    if exercise.kind == "spans":
        return []
    if exercise.kind == "number":
        return 0.0
    if exercise.kind == "rewrite":
        return exercise.passage
    if exercise.kind == "checklist":
        return {
            name: rule["accept"][0]
            if "accept" in rule
            else "The sentence itself offers no support at all."
            for name, rule in exercise.key["fields"].items()
        }
    raise AssertionError(f"no control answer for the kind {exercise.kind}")


def test_every_exercise_notebook_has_a_control_item():
    from propaganda_kit.instructor.build_exercises import solution_paths

    notebooks = {p.name for p in solution_paths()}
    assert notebooks <= {ex.notebook for ex in CONTROLS}


@pytest.mark.parametrize("exercise", CONTROLS, ids=[ex.id for ex in CONTROLS])
def test_the_right_answer_of_a_control_item_is_nothing(exercise):
    result = evaluate(exercise.id, nothing_answer(exercise))
    assert result.status == "correct" and result.points == exercise.max_points, result.feedback
    if result.counts is not None:
        assert result.counts == Counts(0, 0, 0)


@pytest.mark.parametrize("exercise", CONTROLS, ids=[ex.id for ex in CONTROLS])
def test_a_control_passage_has_no_cue_of_the_kits_detector(exercise):
    """The instructor's 'nothing' agrees with the kit's yardstick (attributions aside)."""
    cues = [s.text for s in find_techniques(exercise.passage) if s.technique != ATTRIBUTION]
    assert cues == [] and find_loaded_language(exercise.passage) == []


CHOICE_CONTROLS = [ex for ex in CONTROLS if ex.kind == "choice"]


@pytest.mark.parametrize("exercise", CHOICE_CONTROLS, ids=[ex.id for ex in CHOICE_CONTROLS])
def test_any_option_ticked_on_a_control_is_a_false_alarm(exercise):
    options = sorted(set(vocabulary(exercise.key).values()) - {NONE_OPTION})
    assert options
    for option in options:
        result = evaluate(exercise.id, [option])
        assert result.status == "incorrect", option
        assert result.counts == Counts(0, 0, 1), option
        assert result.points == 0.0, option
    assert evaluate(exercise.id, options[:2]).points == 0.0


def test_every_mark_on_a_control_paragraph_is_a_false_alarm():
    passage = EXERCISES["mark-loaded-3"].passage
    words = [m.group() for m in re.finditer(r"\w+", passage)]
    for word in set(words):
        result = evaluate("mark-loaded-3", [word])
        assert result.status == "incorrect" and result.counts == Counts(0, 0, 1), word
        assert "None are allowed" in result.feedback
    assert evaluate("mark-loaded-3", ["online event", "Photoshop", "2025"]).points == 0.0


def test_a_control_rewrite_that_adds_charge_or_drops_facts_is_not_right():
    original = EXERCISES["neutral-rewrite-3"].passage
    loaded = original.replace("The organisers", "The brutal regime's enemies")
    result = evaluate("neutral-rewrite-3", loaded)
    assert result.status == "incorrect" and "adds loaded words" in result.feedback
    assert 0 < result.points < EXERCISES["neutral-rewrite-3"].max_points
    plain = (
        "Organisers say the Free Iran Global Summit 2020 took place on a video platform, "
        "with people in 30,000 locations in 102 countries. A 2025 article says some videos "
        "shared online by supporters of the group were edited with Photoshop."
    )
    assert evaluate("neutral-rewrite-3", plain).status == "correct"
    assert evaluate("neutral-rewrite-3", "The summit was held online.").status == "incorrect"


def test_a_control_number_is_zero_and_a_checklist_control_wants_no_loaded_words():
    assert evaluate("rate-2", 0).status == "correct"
    assert evaluate("rate-2", 12.5).status == "incorrect"
    answer = dict(nothing_answer(EXERCISES["audit-claim-4"]), uses_loaded_words="yes")
    assert evaluate("audit-claim-4", answer).status == "incorrect"


# feedback wording (student tryout) ------------------------------------------------------

GIVE_AWAY = ("plain", "factual", "nothing in this passage", "marks nothing", "finds nothing")


@pytest.mark.parametrize("exercise", CHOICE_CONTROLS, ids=[ex.id for ex in CHOICE_CONTROLS])
def test_a_false_alarm_on_a_choice_control_scores_nothing_and_does_not_give_the_answer(exercise):
    option = sorted(set(vocabulary(exercise.key).values()) - {NONE_OPTION})[0]
    result = evaluate(exercise.id, [option])
    assert result.points == 0.0 and result.heading() == "Not yet"
    assert result.feedback.startswith("Not in the key: '")
    assert not any(words in result.feedback.casefold() for words in GIVE_AWAY)
    assert "Which words did you point to" not in result.feedback


def test_the_spotting_controls_score_nothing_for_one_wrong_tick_and_use_labels():
    for ex_id in ("spot-techniques-5", "spot-techniques-6"):
        result = evaluate(ex_id, ["loaded_language"])
        assert result.points == 0.0 and result.points_text() == "0 of 2 points"
        assert result.feedback == (
            "Not in the key: 'Loaded language'. Look again: is any word doing more than "
            "reporting? If not, tick the box that says there is none."
        )
        assert "loaded_language" not in result.feedback


def test_a_mark_on_the_spans_control_scores_nothing_and_does_not_give_the_answer():
    result = evaluate("mark-loaded-3", ["Photoshop"])
    assert result.points == 0.0
    assert "nothing to mark" in result.feedback
    assert not any(words in result.feedback.casefold() for words in GIVE_AWAY)


def test_a_false_alarm_names_the_option_by_its_label_with_a_neutral_default_line():
    result = evaluate("spot-techniques-1", ["name_calling", "slogans"])
    assert (
        "Not in the key: 'Slogans'. Read the passage again: what in it supports your choice?"
        in result.feedback
    )
    assert "discuss it with your instructor" not in result.feedback


LESSON_HINTED = [
    ex
    for ex in EXERCISES.values()
    if ex.kind == "choice" and ex.id.split("-")[0] in ("lesson1", "lesson5", "lesson6")
]


@pytest.mark.parametrize("exercise", LESSON_HINTED, ids=[ex.id for ex in LESSON_HINTED])
def test_lessons_1_5_and_6_give_their_own_false_alarm_line(exercise):
    hint = exercise.key["false_alarm_hint"]
    wrong = [o for o in exercise.key["vocabulary"] if o not in exercise.key["required"]]
    wrong = [o for o in wrong if o not in exercise.key.get("acceptable", [])]
    result = evaluate(exercise.id, [wrong[0]])
    assert result.feedback.endswith(hint)
    assert "charged, or just specific" not in result.feedback
    assert "doing more than reporting" not in result.feedback
    assert ".'." not in result.feedback  # a whole-sentence option ends the line once


def test_a_checklist_does_not_call_free_text_right_or_wrong():
    result = evaluate("audit-claim-1", GOOD_AUDIT)
    assert result.status == "correct"
    assert result.feedback.splitlines() == [
        "All 4 checked fields are right.",
        "Your teacher reads what you wrote in 'support': the check only counts the words.",
    ]
    assert "5 fields" not in result.feedback


def test_a_checklist_with_a_wrong_field_counts_only_the_checked_fields():
    result = evaluate("audit-claim-1", dict(GOOD_AUDIT, who_says="quoted"))
    assert result.points == 1.6 and result.heading() == "Partly right"
    assert result.feedback.startswith("3 of 4 checked fields are right.")
    assert "Your teacher reads what you wrote in 'support'" in result.feedback


def test_spans_with_enough_hits_say_what_still_costs_points():
    result = evaluate("mark-loaded-1", [*KEY_1[:4], "foreign backing", "national stability"])
    assert result.status == "incorrect" and result.heading() == "Partly right"
    assert "(at least 4 wanted)" in result.feedback
    assert "That is enough hits. Still to fix: more false alarms than allowed." in (result.feedback)
    assert "enough hits" not in evaluate("mark-loaded-1", KEY_1[:2]).feedback
