"""Charts for naming and framing: labels per actor, distinctive words."""

from __future__ import annotations

import pandas as pd
import pytest

from propaganda_kit import load_corpus
from propaganda_kit.analysis.log_odds import distinctive_words
from propaganda_kit.analysis.naming import naming_map
from propaganda_kit.analysis.rates import perspective_words
from propaganda_kit.charts.framing import label_rates, plot_actor_labels, plot_distinctive_words


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


@pytest.fixture(scope="module")
def naming(corpus):
    return naming_map(corpus)


def test_perspective_words_counts_each_document_once(corpus, naming):
    expected = {}
    for doc in corpus:
        expected[doc.perspective] = expected.get(doc.perspective, 0) + doc.word_count
    assert perspective_words(naming) == dict(sorted(expected.items()))


def test_label_rates_keep_both_perspectives(naming):
    rates = label_rates(naming)
    per_label = rates.groupby(["actor", "alias"]).size()
    assert (per_label == naming["perspective"].nunique()).all()
    assert (rates.groupby(["actor", "alias"])["count"].sum() > 0).all()
    row = rates.iloc[0]
    assert row["per_1000_words"] == round(1000 * row["count"] / row["words"], 2)


def test_actor_chart_labels_and_legend(naming):
    actor = naming["actor"].iloc[0]
    fig = plot_actor_labels(naming, actor)
    ax = fig.axes[0]
    assert "per 1,000 words" in ax.get_xlabel()
    assert actor in ax.get_title()
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    assert len(legend) == naming["perspective"].nunique()
    assert all(t.endswith(" words)") for t in legend)


def test_actor_chart_refuses_unknown_actor(naming):
    with pytest.raises(ValueError, match="Unknown actor"):
        plot_actor_labels(naming, "nobody at all")


def test_unused_actor_gets_a_message_not_an_error(naming):
    quiet = naming.copy()
    quiet.loc[quiet["actor"] == quiet["actor"].iloc[0], "count"] = 0
    fig = plot_actor_labels(quiet, quiet["actor"].iloc[0])
    assert "No document uses" in fig.axes[0].texts[0].get_text()


def test_distinctive_chart_one_panel_per_group(corpus):
    table = distinctive_words(corpus, top=5)
    fig = plot_distinctive_words(table)
    panels = [ax for ax in fig.axes if ax.get_yticklabels()]
    assert len(panels) == table["group"].nunique()
    for ax in panels:
        assert "words vs" in ax.get_title() and "z-score" in ax.get_xlabel()


def test_charts_need_their_tables():
    with pytest.raises(ValueError, match="naming_map"):
        plot_actor_labels(pd.DataFrame({"x": [1]}), "a")
    with pytest.raises(ValueError, match="distinctive_words"):
        plot_distinctive_words(
            pd.DataFrame(
                columns=[
                    "group",
                    "word",
                    "count_group",
                    "count_rest",
                    "words_group",
                    "words_rest",
                    "z",
                ]
            )
        )
