"""Class agreement: character-level matrix, Krippendorff's alpha, where the class disagrees."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from propaganda_kit import load_corpus
from propaganda_kit.analysis.agreement import (
    annotations_to_matrix,
    class_alpha,
    disagreement_by_char,
    disagreement_regions,
)
from propaganda_kit.charts.agreement import plot_disagreement
from propaganda_kit.data.annotations import Annotation, load_annotations, load_sample_class
from propaganda_kit.html.reports import disagreement_html
from propaganda_kit.text.errors import CorpusError

TEXT = "abcd"


def test_matrix_labels_every_character_for_every_student():
    matrix = annotations_to_matrix(
        [
            Annotation("b", 0, 2, "x"),
            Annotation("a", 1, 3, "y"),
            Annotation("a", 2, 4, "x"),
            Annotation("c", 0, 0, ""),
        ],
        TEXT,
    )
    assert list(matrix.index) == ["a", "b", "c"]
    assert matrix.loc["a"].tolist() == ["", "y", "x+y", "x"]
    assert matrix.loc["b"].tolist() == ["x", "x", "", ""]
    assert matrix.loc["c"].tolist() == ["", "", "", ""]


def test_perfect_agreement_is_one():
    same = [Annotation(s, 1, 3, "x") for s in ("a", "b", "c")]
    assert class_alpha(annotations_to_matrix(same, TEXT)) == pytest.approx(1.0)


def test_hand_computed_alpha():
    # Units: (x,x) (x,none) (none,none) (none,none). Coincidences: o_xx=2, o_x-=o_-x=1,
    # o_--=4; n_x=3, n_-=5, n=8. D_o = 2/8, D_e = 2*3*5/(8*7); alpha = 1 - 7/15 = 8/15.
    matrix = annotations_to_matrix([Annotation("a", 0, 2, "x"), Annotation("b", 0, 1, "x")], TEXT)
    assert class_alpha(matrix) == pytest.approx(8 / 15)


def test_same_place_different_technique_is_disagreement():
    matrix = annotations_to_matrix([Annotation("a", 0, 2, "x"), Annotation("b", 0, 2, "y")], TEXT)
    # o_xy=o_yx=2 (units 0,1), o_--=4; n_x=n_y=2, n_-=4, n=8.
    # D_o = 4/8; D_e = (2*2 + 2*4 + 2*4)*2 / (8*7) = 40/56; alpha = 1 - 0.5*56/40 = 0.3
    assert class_alpha(matrix) == pytest.approx(0.3)


def test_systematic_disagreement_is_negative():
    matrix = annotations_to_matrix([Annotation("a", 0, 2, "x"), Annotation("b", 2, 4, "x")], TEXT)
    assert class_alpha(matrix) < 0


def test_alpha_undefined_cases_are_explained():
    nobody = annotations_to_matrix([Annotation("a", 0, 0, ""), Annotation("b", 0, 0, "")], TEXT)
    with pytest.raises(ValueError, match="same label"):
        class_alpha(nobody)
    with pytest.raises(ValueError, match="at least two students"):
        class_alpha(annotations_to_matrix([Annotation("a", 0, 1, "x")], TEXT))
    with pytest.raises(ValueError, match="no student"):
        annotations_to_matrix([], TEXT)
    with pytest.raises(ValueError, match="outside the passage"):
        annotations_to_matrix([Annotation("a", 2, 9, "x")], TEXT)


def test_disagreement_by_char_hand_checked():
    matrix = annotations_to_matrix(
        [Annotation("a", 0, 2, "x"), Annotation("b", 0, 1, "x"), Annotation("c", 0, 1, "y")], TEXT
    )
    table = disagreement_by_char(matrix, TEXT)
    assert table["char"].tolist() == list(TEXT)
    assert table["majority"].tolist() == ["x", "", "", ""]
    assert table["marked"].tolist() == [3, 1, 0, 0]
    # char 0: x,x,y -> 1 agreeing pair of 3; char 1: x,-,- -> 1 of 3; chars 2-3: all agree
    assert table["agreement"].tolist() == pytest.approx([1 / 3, 1 / 3, 1.0, 1.0])
    assert table["disagreement"].tolist() == pytest.approx([2 / 3, 2 / 3, 0.0, 0.0])
    regions = disagreement_regions(table, TEXT)
    assert regions.to_dict("records") == [
        {"start": 0, "end": 2, "text": "ab", "lowest_agreement": 0.333, "most_students_marking": 3}
    ]


def test_disagreement_html_escapes_and_marks_levels():
    text = "<b>&</b> ok"
    matrix = annotations_to_matrix(
        [Annotation("a", 0, 3, "x"), Annotation("b", 0, 1, "x"), Annotation("c", 0, 0, "")], text
    )
    page = disagreement_html(disagreement_by_char(matrix, text), text)
    assert "<b>" not in page.split("</style>", 1)[1]
    assert html.escape("<") in page
    assert "kit-hl-some_disagreement" in page and "kit-hl-strong_disagreement" in page


def test_plot_has_both_panels_and_sentence_ticks():
    text = "One two three. Four five six. Seven."
    matrix = annotations_to_matrix([Annotation("a", 0, 3, "x"), Annotation("b", 15, 19, "x")], text)
    fig = plot_disagreement(disagreement_by_char(matrix, text), text)
    top, bottom = fig.axes
    assert [t.get_text() for t in bottom.get_xticklabels()] == [
        "One two three. …",
        "Four five six. …",
        "Seven.",
    ]
    assert bottom.get_ylim() == (0, 1.05)


def write(tmp_path: Path, content: str) -> Path:
    path = tmp_path / "class.csv"
    path.write_text(content, encoding="utf-8")
    return path


PASSAGE = "They said it. They said it again, loudly."


def test_load_offsets_quotes_and_empty_students(tmp_path: Path):
    path = write(
        tmp_path,
        "student,start,end,quote,technique\n"
        "ana,34,40,,loaded_language\n"
        "ben,,,loudly,loaded_language\n"
        "ben,14,32,They said it again,repetition\n"
        "cy,,,,\n",
    )
    assert load_annotations(path, PASSAGE) == [
        Annotation("ana", 34, 40, "loaded_language"),
        Annotation("ben", 34, 40, "loaded_language"),
        Annotation("ben", 14, 32, "repetition"),
        Annotation("cy", 0, 0, ""),
    ]


@pytest.mark.parametrize(
    ("content", "row", "field", "words"),
    [
        ("student,start,end,technique\n,1,2,x\n", 2, "student", "empty"),
        ("student,start,end,technique\nana,one,2,x\n", 2, "start", "not a whole number"),
        ("student,start,end,technique\nana,1,-2,x\n", 2, "end", "not a whole number"),
        ("student,start,end,technique\nana,1,²,x\n", 2, "end", "not a whole number"),
        ("student,start,end,technique\nana,1,999,x\n", 2, "end", "beyond the passage"),
        ("student,start,end,technique\nana,5,5,x\n", 2, "end", "after start"),
        ("student,start,end,technique\nana,1,2,\n", 2, "technique", "technique is empty"),
        ("student,quote,technique\nana,shouted,x\n", 2, "quote", "does not occur"),
        ("student,quote,technique\nana,,x\n", 2, "quote", "not where"),
        ("student,quote,technique\nana,They said it,x\n", 2, "quote", "occurs 2 times"),
        ("student,start,end,quote,technique\nana,0,4,They said,x\n", 2, "quote", "not the quote"),
        ("student,start,technique\nana,1,x\n", 1, None, "'start' and 'end'"),
        ("student,start,end,technique,grade\nana,1,2,x,A\n", 1, "grade", "unexpected column"),
        ("student,start,end\nana,1,2\n", 1, "technique", "missing column"),
        ("student,start,end,technique\nana,1,2\n", 2, None, "has 3 values"),
    ],
)
def test_malformed_annotation_files_name_row_and_field(tmp_path, content, row, field, words):
    with pytest.raises(CorpusError) as caught:
        load_annotations(write(tmp_path, content), PASSAGE)
    err = caught.value
    assert (err.file, err.row, err.field) == ("class.csv", row, field)
    assert words in str(err)


def test_missing_and_binary_files(tmp_path: Path):
    with pytest.raises(CorpusError, match="file not found"):
        load_annotations(tmp_path / "none.csv", PASSAGE)
    (tmp_path / "bin.csv").write_bytes(b"\xff\xfe\x00")
    with pytest.raises(CorpusError, match="UTF-8"):
        load_annotations(tmp_path / "bin.csv", PASSAGE)


def test_sample_class_is_a_real_passage_with_eight_students():
    text, annotations = load_sample_class()
    assert any(text in doc.text for doc in load_corpus())
    matrix = annotations_to_matrix(annotations, text)
    assert len(matrix.index) == 8
    assert 0.0 < class_alpha(matrix) < 0.8
