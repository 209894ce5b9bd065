"""Provenance tables show what the texts state and name what is unknown, the same way for all."""

from lesson_corpus import make_doc

from propaganda_kit import load_corpus, words_by_perspective
from propaganda_kit.analysis.provenance import (
    PROVENANCE_LABELS,
    QUESTIONS,
    provenance_rows,
    provenance_table,
    unknowns,
    unknowns_table,
)
from propaganda_kit.data.corpus import METADATA_COLUMNS


def test_provenance_table_has_a_row_per_document():
    corpus = load_corpus()
    table = provenance_table(corpus)
    assert list(table.index) == corpus.ids
    for heading in ("Author", "Outlet", "Audience", "Calls itself", "Date as stated"):
        assert heading in table.columns


def test_unknowns_are_listed_not_guessed():
    corpus = load_corpus()
    dated = [d for d in corpus if d.metadata["date_iso"] != "unknown"]
    for doc in dated:
        assert "On exactly which day?" not in unknowns(doc)
    untitled = [d for d in corpus if d.title == "untitled"]
    assert untitled and all("What is it called?" in unknowns(d) for d in untitled)
    assert len(unknowns_table(corpus)) == len(corpus)


def test_one_question_per_unknown_field():
    for doc in load_corpus():
        expected = [
            q for field, q in QUESTIONS.items() if doc.metadata[field] in ("unknown", "untitled")
        ]
        assert unknowns(doc) == expected


def test_the_rule_is_the_same_for_every_perspective():
    text = "An invented text. It names nobody."
    supportive = make_doc("invented-a", "supportive of a group", text)
    hostile = make_doc("invented-b", "hostile to a group", text)
    assert unknowns(supportive) == unknowns(hostile)
    assert "Who wrote it?" in unknowns(hostile)


def test_a_self_description_is_not_an_author():
    corpus = load_corpus()
    described = [d for d in corpus if d.metadata["self_description"] != "unknown"]
    assert described
    for doc in described:
        assert doc.metadata["author"] != doc.metadata["self_description"]
    hostile = [d for d in corpus if d.perspective.startswith("hostile")]
    assert hostile
    for doc in hostile:
        if doc.metadata["author"] == "unknown":
            assert "Who wrote it?" in unknowns(doc)


def test_anonymous_texts_get_the_same_authorship_question_on_both_sides():
    corpus = load_corpus()
    anonymous = [d for d in corpus if d.metadata["author"] == "unknown"]
    perspectives = {d.perspective for d in anonymous}
    assert len(perspectives) == 2
    assert all("Who wrote it?" in unknowns(d) for d in anonymous)


def test_provenance_card_rows_cover_the_structured_fields():
    doc = load_corpus()["censor-rally-2020"]
    rows = dict(provenance_rows(doc))
    assert rows["Author"] == "PMOI/MEK" and rows["Outlet"] == "unknown"
    fields = {field for field, _ in PROVENANCE_LABELS}
    assert set(QUESTIONS) <= fields <= set(METADATA_COLUMNS)


def test_words_by_perspective_adds_up():
    corpus = load_corpus()
    table = words_by_perspective(corpus)
    assert table["Words"].sum() == sum(d.word_count for d in corpus)
    assert table["Documents"].sum() == len(corpus)
