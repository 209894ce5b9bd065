"""Card stacking: terms and labels one perspective uses and the other never does."""

from __future__ import annotations

import pandas as pd
import pytest
from lesson_corpus import make_corpus, make_doc

from propaganda_kit import load_corpus
from propaganda_kit.analysis.card_stacking import (
    actor_mentions,
    one_sided_labels,
    one_sided_terms,
    term_counts,
)
from propaganda_kit.analysis.log_odds import word_counts
from propaganda_kit.analysis.naming import naming_map

ALIASES = pd.DataFrame(
    {
        "actor": ["Council", "Council", "Gardeners"],
        "alias": ["the council", "town hall", "gardeners"],
        "note": ["", "", ""],
    }
)


@pytest.fixture
def tiny():
    return make_corpus(
        make_doc("a1", "side A", "Gardeners planted beans. Beans grow. The council waits."),
        make_doc("a2", "side A", "Beans again, and gardeners. Town hall waits."),
        make_doc("b1", "side B", "The council owns land. Land rules. The council waits."),
    )


def test_term_counts_per_perspective(tiny):
    counts = term_counts(tiny).set_index(["perspective", "term"])
    assert counts.loc[("side A", "beans"), "count"] == 3
    assert counts.loc[("side A", "beans"), "documents"] == 2
    assert counts.loc[("side B", "land"), "count"] == 2
    assert ("side A", "the") not in counts.index  # stop word


def test_one_sided_terms_hand_checked(tiny):
    table = one_sided_terms(tiny, min_count=2)
    a = table[table["Perspective"] == "side A"]
    b = table[table["Perspective"] == "side B"]
    assert list(a["Term"]) == ["beans", "gardeners"]  # 3 uses, then 2; "waits" is shared
    assert list(b["Term"]) == ["land"]  # "council" is used by side A too
    row = b[b["Term"] == "land"].iloc[0]
    assert row["Count"] == 2 and row["Documents using it"] == "1 of 1"
    assert row["Per 1,000 words"] == round(1000 * 2 / row["Words in this perspective"], 1)


def test_min_count_and_top(tiny):
    assert one_sided_terms(tiny, min_count=3)["Term"].tolist() == ["beans"]
    top = one_sided_terms(tiny, min_count=1, top=2)
    assert top["Term"].tolist() == ["beans", "gardeners", "land", "owns"]


@pytest.mark.parametrize("kwargs", [{"min_count": 0}, {"top": 0}, {"min_count": "2"}])
def test_bad_arguments_are_refused_kindly(tiny, kwargs):
    with pytest.raises(ValueError, match="should be a whole number"):
        one_sided_terms(tiny, **kwargs)


def test_every_one_sided_term_is_absent_from_the_other_side():
    corpus = load_corpus()
    table = one_sided_terms(corpus, min_count=1, top=None)
    for row in table.itertuples(index=False):
        for doc in corpus:
            if doc.perspective != row.Perspective:
                assert word_counts(doc.text)[row.Term] == 0


def test_one_sided_labels_and_quotations(tiny):
    tiny = make_corpus(
        *tiny.documents[:2],
        make_doc("b1", "side B", 'They said "town hall waits" today.', quoted=(10, 27)),
    )
    naming = naming_map(tiny, ALIASES)
    table = one_sided_labels(naming)
    assert table[["Perspective", "Label", "Count"]].values.tolist() == [
        ["side A", "gardeners", 2],
        ["side A", "the council", 1],
    ]
    # "town hall" is used by both sides (side B only in a quotation): not one-sided
    assert "town hall" not in table["Label"].tolist()
    naming_b = naming_map(make_corpus(tiny.documents[2]), ALIASES)
    assert one_sided_labels(naming_b)["Of which in quotations"].tolist() == [1]


def test_actor_mentions_both_perspectives(tiny):
    table = actor_mentions(naming_map(tiny, ALIASES))
    words_a = sum(d.word_count for d in tiny if d.perspective == "side A")
    assert table.loc["Gardeners", f"side A ({words_a} words): uses"] == 2
    assert table.loc["Gardeners", "side B (9 words): uses"] == 0
    assert table.loc["Council", "side B (9 words): per 1,000 words"] == round(2000 / 9, 1)


def test_label_functions_need_the_naming_map():
    with pytest.raises(ValueError, match="naming_map"):
        one_sided_labels(pd.DataFrame({"x": [1]}))
    with pytest.raises(ValueError, match="naming_map"):
        actor_mentions("not a table")
