"""Provenance tables show what the texts state and name what is unknown."""

from propaganda_kit import load_corpus, words_by_perspective
from propaganda_kit.analysis.provenance import (
    provenance_table,
    unknowns,
    unknowns_table,
)


def test_provenance_table_has_a_row_per_document():
    corpus = load_corpus()
    table = provenance_table(corpus)
    assert list(table.index) == corpus.ids
    assert "Origin as stated" in table.columns


def test_unknowns_are_listed_not_guessed():
    corpus = load_corpus()
    dated = [d for d in corpus if d.metadata["date_iso"] != "unknown"]
    for doc in dated:
        assert "On exactly which day?" not in unknowns(doc)
    untitled = [d for d in corpus if d.title == "untitled"]
    assert untitled and all("What is it called?" in unknowns(d) for d in untitled)
    assert len(unknowns_table(corpus)) == len(corpus)


def test_words_by_perspective_adds_up():
    corpus = load_corpus()
    table = words_by_perspective(corpus)
    assert table["Words"].sum() == sum(d.word_count for d in corpus)
    assert table["Documents"].sum() == len(corpus)
