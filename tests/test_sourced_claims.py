"""Which claims name a source: table per document/perspective and its chart."""

from __future__ import annotations

import pandas as pd
import pytest
from lesson_corpus import make_corpus, make_doc
from matplotlib.figure import Figure

from propaganda_kit.analysis.claims import claims_ledger, sourced_claims_table
from propaganda_kit.charts.claims import plot_sourced_claims


@pytest.fixture
def corpus():
    return make_corpus(
        make_doc(
            "named",
            "side A",
            "According to the Oxford Survey, 300 people came. Reports indicate that more came.",
        ),
        make_doc("plain", "side A", "The weather was fine and people walked home."),
        make_doc("other", "side B", "Officials said that 40 buses were late."),
    )


def test_counts_and_rates_per_document(corpus):
    table = sourced_claims_table(claims_ledger(corpus), corpus)
    assert table.index.tolist() == ["named", "plain", "other"]  # every document, in order
    named = table.loc["named"]
    assert named["Claims"] >= 2 and named["Source named"] >= 1
    assert named["No source named"] == named["Claims"] - named["Source named"]
    assert named["Claims per 1,000 words"] == round(1000 * named["Claims"] / named["Words"], 1)
    assert table.loc["plain", ["Claims", "Source named (%)"]].tolist() == [0, 0]


def test_perspective_totals_keep_both_sides(corpus):
    ledger = claims_ledger(corpus)
    by_doc = sourced_claims_table(ledger, corpus)
    by_side = sourced_claims_table(ledger, corpus, by="perspective")
    assert by_side.index.tolist() == ["side A", "side B"]
    assert by_side.loc["side A", "Words"] == by_doc.loc[["named", "plain"], "Words"].sum()
    assert by_side.loc["side A", "Documents"] == 2
    assert by_side["Claims"].sum() == len(ledger)


def test_bad_input_is_refused_kindly(corpus):
    with pytest.raises(ValueError, match="claims_ledger"):
        sourced_claims_table(pd.DataFrame({"x": [1]}), corpus)
    with pytest.raises(ValueError, match="by should be"):
        sourced_claims_table(claims_ledger(corpus), corpus, by="colour")
    with pytest.raises(ValueError, match="sourced_claims_table"):
        plot_sourced_claims(pd.DataFrame())


def test_chart_states_words_and_rates(corpus):
    fig = plot_sourced_claims(sourced_claims_table(claims_ledger(corpus), corpus))
    assert isinstance(fig, Figure)
    ax = fig.axes[0]
    assert "per 1,000 words" in ax.get_ylabel()
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    assert any("words)" in t for t in ticks) and len(ticks) == 3
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert any(t.startswith("side A (") for t in legend)
    assert any(t.startswith("side B (") for t in legend)


def test_chart_of_the_perspective_table(corpus):
    table = sourced_claims_table(claims_ledger(corpus), corpus, by="perspective")
    assert "Perspective" not in table.columns and table.index.name == "Perspective"
    ticks = [t.get_text() for t in plot_sourced_claims(table).axes[0].get_xticklabels()]
    assert ticks[0].startswith("side A\n(")
