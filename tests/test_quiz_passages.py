"""The quiz passages: verbatim, balanced between perspectives, and checked row by row."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from propaganda_kit import CorpusError, load_corpus
from propaganda_kit.data.passages import (
    OPTIONAL_COLUMNS,
    PASSAGE_COLUMNS,
    load_quiz_passages,
    normalise_passage,
)
from propaganda_kit.data.paths import DEFAULT_DATA_DIR
from propaganda_kit.data.taxonomy import load_taxonomy

CORPUS = load_corpus()
PASSAGES = load_quiz_passages(corpus=CORPUS)


def test_size_and_answer_kinds() -> None:
    assert 16 <= len(PASSAGES) <= 20
    with_technique = [p for p in PASSAGES if p.techniques]
    plain = [p for p in PASSAGES if not p.techniques]
    assert len(plain) >= 4 and len(with_technique) >= len(PASSAGES) // 2
    assert {p.source for p in plain} == {"document", "invented"}


@pytest.mark.parametrize(
    "passage", [p for p in PASSAGES if p.source == "document"], ids=lambda p: p.id
)
def test_document_passages_are_verbatim(passage) -> None:
    assert passage.text in CORPUS[passage.document_id].text


def test_both_perspectives_supply_passages_with_techniques() -> None:
    perspectives = [
        CORPUS[p.document_id].perspective
        for p in PASSAGES
        if p.source == "document" and p.techniques
    ]
    counts = {side: perspectives.count(side) for side in set(perspectives)}
    assert set(counts) == {"supportive of the MEK", "hostile to the MEK"}
    assert min(counts.values()) >= 4


def test_keys_use_taxonomy_ids_and_every_passage_has_a_reason() -> None:
    known = set(load_taxonomy().index)
    for passage in PASSAGES:
        assert set(passage.techniques) <= known
        assert passage.reason and passage.reason[-1] in ".)"


@pytest.mark.parametrize("passage", [p for p in PASSAGES if p.techniques], ids=lambda p: p.id)
def test_every_technique_points_at_verbatim_words(passage) -> None:
    assert set(passage.words) == set(passage.techniques) | set(passage.defensible)
    for words in passage.words.values():
        assert words and all(w in passage.text for w in words)


def test_arguable_techniques_are_explained_and_drawn_from_both_sides() -> None:
    arguable = [p for p in PASSAGES if p.defensible]
    for passage in arguable:
        assert not set(passage.defensible) & set(passage.techniques)
        why = passage.defensible_why
        assert why.endswith(".") and why.count(". ") == 0, passage.id  # one sentence
    assert all(not p.defensible_why for p in PASSAGES if not p.defensible)
    sides = {CORPUS[p.document_id].perspective for p in arguable if p.source == "document"}
    assert sides == {"supportive of the MEK", "hostile to the MEK"}


def test_arguable_here_is_acceptable_in_exercise_1_for_the_same_passage() -> None:
    key = json.loads(
        (DEFAULT_DATA_DIR / "answer_keys/ex01_spot_techniques.json").read_text(encoding="utf-8")
    )
    for item in key["exercises"]:
        for passage in PASSAGES:
            if normalise_passage(passage.text) in normalise_passage(item["passage"]):
                assert set(passage.defensible) <= set(item.get("acceptable", [])), passage.id


def write(tmp_path: Path, rows: list[dict[str, str]], columns: list[str] | None = None) -> Path:
    path = tmp_path / "quiz_passages.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(
            handle, fieldnames=columns or PASSAGE_COLUMNS + list(OPTIONAL_COLUMNS)
        )
        writer.writeheader()
        writer.writerows(rows)
    return path


GOOD = {
    "id": "a1",
    "source": "invented",
    "document_id": "",
    "text": "It rained.",
    "techniques": "none",
    "reason": "Plain.",
    "words": "",
    "defensible": "",
    "defensible_why": "",
}
KEYED = {"techniques": "doubt", "words": "doubt: rained"}
ARGUABLE = {**KEYED, "defensible": "slogans", "defensible_why": "Why."}


@pytest.mark.parametrize(
    "change, row, field, words",
    [
        ({"techniques": "mind_control"}, 2, "techniques", "not a SemEval-2020 technique id"),
        ({"techniques": "ipa_transfer"}, 2, "techniques", "not a SemEval-2020 technique id"),
        ({"techniques": "none;doubt"}, 2, "techniques", "not a SemEval"),
        ({"techniques": "doubt;doubt"}, 2, "techniques", "listed twice"),
        ({"source": "website"}, 2, "source", "should be one of"),
        ({"source": "document"}, 2, "document_id", "needs its document id"),
        ({"document_id": "censor-rally-2020"}, 2, "document_id", "has no document id"),
        ({"source": "document", "document_id": "nope"}, 2, "document_id", "no document"),
        ({"source": "document", "document_id": "censor-rally-2020"}, 2, "text", "verbatim"),
        ({"reason": ""}, 2, "reason", "is empty"),
        ({"id": "Bad Id"}, 2, "id", "not a valid id"),
        ({"defensible": "doubt", "defensible_why": "Why."}, 2, "defensible", "keyed 'none'"),
        ({**ARGUABLE, "defensible": "mind_control"}, 2, "defensible", "not a SemEval-2020"),
        ({**ARGUABLE, "defensible": "doubt"}, 2, "defensible", "already in the key"),
        ({**ARGUABLE, "defensible": "slogans;slogans"}, 2, "defensible", "listed twice"),
        ({**ARGUABLE, "defensible_why": ""}, 2, "defensible_why", "is empty; write one"),
        ({**KEYED, "defensible_why": "Why."}, 2, "defensible_why", "explains techniques"),
        ({"words": "doubt: rained"}, 2, "words", "keyed 'none' has no words"),
        ({**KEYED, "words": "doubt rained"}, 2, "words", "should read 'technique: words"),
        ({**KEYED, "words": "doubt: rained |"}, 2, "words", "should read"),
        ({**KEYED, "words": "doubt: rained; slogans: It"}, 2, "words", "neither in the key"),
        ({**KEYED, "words": "doubt: snowed"}, 2, "words", "'snowed' is not found verbatim"),
        ({**KEYED, "words": "doubt: rained; doubt: It"}, 2, "words", "given twice"),
        ({**ARGUABLE, "words": "doubt: rained"}, 2, "words", "no words for 'slogans'"),
    ],
)
def test_bad_rows_are_named(tmp_path: Path, change, row, field, words) -> None:
    path = write(tmp_path, [{**GOOD, **change}])
    with pytest.raises(CorpusError, match=words) as caught:
        load_quiz_passages(path, corpus=CORPUS)
    assert (caught.value.file, caught.value.row, caught.value.field) == (
        "quiz_passages.csv",
        row,
        field,
    )


def test_duplicate_ids_and_empty_files(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="duplicate id") as caught:
        load_quiz_passages(write(tmp_path, [GOOD, GOOD]))
    assert caught.value.row == 3
    with pytest.raises(CorpusError, match="no passages"):
        load_quiz_passages(write(tmp_path, []))
    (tmp_path / "quiz_passages.csv").write_text("id,text\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="missing column"):
        load_quiz_passages(tmp_path / "quiz_passages.csv")


def test_the_optional_columns_may_be_left_out_or_filled(tmp_path: Path) -> None:
    old = {k: v for k, v in GOOD.items() if k in PASSAGE_COLUMNS}
    (passage,) = load_quiz_passages(write(tmp_path, [old], PASSAGE_COLUMNS))
    assert (passage.words, passage.defensible, passage.defensible_why) == ({}, (), "")
    row = {**GOOD, **ARGUABLE, "words": "doubt: rained | It; slogans: It rained."}
    (passage,) = load_quiz_passages(write(tmp_path, [row]))
    assert passage.words == {"doubt": ("rained", "It"), "slogans": ("It rained.",)}
    assert (passage.defensible, passage.defensible_why) == (("slogans",), "Why.")
