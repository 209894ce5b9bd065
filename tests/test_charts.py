"""Charts: rates per 1,000 words, intervals, colours, determinism, friendly errors."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from matplotlib.figure import Figure
from tidy_tables import evidence

from propaganda_kit.analysis.loaded_language import rates_table
from propaganda_kit.analysis.rates import poisson_interval
from propaganda_kit.charts import rates as charts
from propaganda_kit.charts import style

SIDES = ("side A", "side B")


def tidy_table() -> pd.DataFrame:
    """A small table shaped like loaded_language_table's: doc × category × voice."""
    docs = {  # id: (perspective, author words, quoted words)
        "a1": (SIDES[0], 500, 100),
        "a2": (SIDES[0], 250, 0),
        "b1": (SIDES[1], 1000, 50),
    }
    counts = {
        ("a1", "fear", "author"): 5,
        ("a1", "fear", "quoted"): 2,
        ("a1", "label", "author"): 1,
        ("a2", "label", "author"): 3,
        ("b1", "fear", "author"): 4,
        ("b1", "label", "quoted"): 1,
    }
    rows = []
    for doc, (side, author_words, quoted_words) in docs.items():
        for category in ("fear", "label"):
            for voice, words in (("author", author_words), ("quoted", quoted_words)):
                count = counts.get((doc, category, voice), 0)
                rows.append(
                    {
                        "document": doc,
                        "title": doc.upper(),
                        "perspective": side,
                        "category": category,
                        "voice": voice,
                        "count": count,
                        "words": words,
                        **evidence(count, words, f"{category} word"),
                    }
                )
    return pd.DataFrame(rows)


def png(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()


def test_rates_per_document_sum_voices_and_categories():
    rates = rates_table(tidy_table()).set_index("document")
    assert list(rates.index) == ["a1", "a2", "b1"]
    assert rates.loc["a1", "count"] == 8
    assert rates.loc["a1", "words"] == 600
    assert rates.loc["a1", "rate_per_1000"] == pytest.approx(13.33, abs=0.01)
    assert rates.loc["b1", "rate_per_1000"] == pytest.approx(5 / 1050 * 1000, abs=0.01)


def test_rates_by_voice_use_the_words_in_that_voice():
    quoted = rates_table(tidy_table(), voice="quoted").set_index("document")
    assert quoted.loc["a1", "rate_per_1000"] == 20.0  # 2 cues in 100 quoted words
    assert quoted.loc["a2", "words"] == 0
    assert quoted.loc["a2", ["rate_per_1000", "rate_low", "rate_high"]].isna().all()


def test_choosing_categories_keeps_the_whole_word_count():
    rates = rates_table(tidy_table(), categories=["label"]).set_index("document")
    assert rates.loc["a2", "count"] == 3
    assert rates.loc["a2", "words"] == 250
    assert rates.loc["a2", "rate_per_1000"] == 12.0


def test_every_perspective_is_shown_even_when_none_of_its_documents_is_chosen():
    rates = rates_table(tidy_table(), by="perspective", documents=["b1"])
    assert list(rates["perspective"]) == list(SIDES)
    side_a = rates.set_index("perspective").loc[SIDES[0]]
    assert (side_a["words"], side_a["count"]) == (0, 0)
    assert pd.isna(side_a["rate_per_1000"])


def test_perspective_rates_pool_words_and_counts():
    rates = rates_table(tidy_table(), by="perspective").set_index("perspective")
    assert rates.loc[SIDES[0], "words"] == 850
    assert rates.loc[SIDES[0], "count"] == 11
    assert rates.loc[SIDES[0], "documents"] == 2


@pytest.mark.parametrize(
    ("count", "low", "high"), [(0, 0.0, 3.6889), (1, 0.0253, 5.5716), (10, 4.7954, 18.3904)]
)
def test_poisson_interval_matches_published_values(count, low, high):
    got = poisson_interval(count)
    assert got == pytest.approx((low, high), abs=1e-3)


def test_interval_contains_the_rate_and_narrows_with_more_text():
    rates = rates_table(tidy_table())
    assert (rates["rate_low"] <= rates["rate_per_1000"]).all()
    assert (rates["rate_per_1000"] <= rates["rate_high"]).all()
    short = poisson_interval(5)
    long = poisson_interval(50)
    assert (short[1] - short[0]) / 5 > (long[1] - long[0]) / 50


def test_bars_carry_the_one_word_check():
    shown = texts(charts.plot_loaded_rates(tidy_table(), documents=["a1"]))
    assert "a1\n600 words, 8 cues\nwithout 'fear word' (7 uses): 1.7" in shown
    assert charts.MARK_NOTE in shown
    raw = texts(charts.plot_loaded_rates(tidy_table(), documents=["a1"], normalise=False))
    assert "without 'fear word' (7 uses): 1\n" in raw + "\n"


def test_one_word_note_is_plain():
    note = charts.one_word_note("regime", 37, 99, 32.16)
    assert note == "without its most frequent word, 'regime' (37 uses), the rate would be 32.2"
    assert charts.one_word_note("", 0, 0, 0.0) == "no cues, so no most frequent word"


def test_colours_are_stable_and_distinct():
    colours = style.PERSPECTIVE_COLOURS.mapping(["x", "y", "z", "x"])
    assert len(set(colours.values())) == 3
    assert style.PERSPECTIVE_COLOURS.mapping(["x"])["x"] == style.PERSPECTIVE_COLOURS["x"]
    assert style.PerspectiveColours()["x"] == style.PERSPECTIVE_COLOURS["x"]


def test_colour_clash_is_resolved():
    palette = style.PerspectiveColours(("red", "blue"))
    clash = [p for p in ("p0", "p1", "p2", "p3", "p4") if palette.slot(p) == palette.slot("p0")]
    assert len(clash) >= 2
    assert len(set(palette.mapping(clash[:2]).values())) == 2


@pytest.mark.parametrize(
    "plot", [charts.plot_voice_rates, charts.plot_rate_uncertainty, charts.plot_category_rates]
)
def test_charts_draw_rows_without_words(plot):
    """a2 quotes nobody: its quoted-voice row is drawn, and said to have no words."""
    kwargs = {"voice": "quoted"} if plot is not charts.plot_voice_rates else {}
    fig = plot(tidy_table(), documents=["a2"], **kwargs)
    assert png(fig).startswith(b"\x89PNG")
    shown = texts(fig) + "\n" + "\n".join(t.get_text() for t in fig.axes[0].texts)
    expected = {
        charts.plot_voice_rates: ["250 w", "no words"],
        charts.plot_rate_uncertainty: ["a2", "no words: no rate"],
        charts.plot_category_rates: ["side A (0 words)"],
    }[plot]
    for words in expected:
        assert words in shown, (words, shown)


@pytest.mark.parametrize(
    "plot",
    [
        charts.plot_loaded_rates,
        charts.plot_category_rates,
        charts.plot_voice_rates,
        charts.plot_rate_uncertainty,
    ],
)
def test_every_chart_is_a_deterministic_figure(plot):
    first, second = plot(tidy_table()), plot(tidy_table())
    assert isinstance(first, Figure)
    assert tuple(first.get_size_inches()) == tuple(second.get_size_inches())
    assert first.get_size_inches()[0] >= style.FIGSIZE[0]
    assert png(first) == png(second)


def test_loaded_rates_chart_grows_with_its_bars():
    one = charts.plot_loaded_rates(tidy_table(), documents=["a1"]).get_size_inches()
    three = charts.plot_loaded_rates(tidy_table()).get_size_inches()
    assert one[0] == three[0] == style.FIGSIZE[0]
    assert three[1] > one[1]


def texts(fig: Figure) -> str:
    """The chart's words: titles, axis labels, tick labels (secondary axes too), legends."""
    axes = [*fig.axes, *fig.axes[0].child_axes]
    parts = [fig.axes[0].get_title(), fig.axes[0].get_xlabel(), fig.axes[0].get_ylabel()]
    for ax in axes:
        parts += [t.get_text() for t in ax.get_xticklabels() + ax.get_yticklabels()]
    legends = [ax.get_legend() for ax in axes if ax.get_legend()] + list(fig.legends)
    parts += [t.get_text() for legend in legends for t in legend.get_texts()]
    return "\n".join(parts)


def test_loaded_rates_chart_says_per_thousand_words_and_shows_word_counts():
    shown = texts(charts.plot_loaded_rates(tidy_table(), documents=["b1"]))
    assert "per 1,000 words" in shown
    assert "b1\n1,050 words, 5 cues\n" in shown
    assert SIDES[0] in shown and SIDES[1] in shown  # both sides named, even unselected
    assert "no words in this selection" in shown
    quoted = texts(charts.plot_loaded_rates(tidy_table(), voice="quoted"))
    assert "a2\nno words here: no rate" in quoted


def test_raw_counts_are_labelled_as_counts():
    fig = charts.plot_loaded_rates(tidy_table(), normalise=False)
    assert fig.axes[0].get_xlabel() == charts.COUNT_LABEL
    assert [p.get_width() for p in fig.axes[0].patches] == [8, 3, 5]


def test_bars_follow_the_rates():
    fig = charts.plot_loaded_rates(tidy_table(), by="perspective")
    expected = rates_table(tidy_table(), by="perspective")["rate_per_1000"]
    assert expected.notna().all()
    assert [round(p.get_width(), 2) for p in fig.axes[0].patches] == list(expected)


def test_category_chart_by_document_names_each_document_with_words():
    shown = texts(charts.plot_category_rates(tidy_table(), by="document"))
    assert "a2 (250 words)" in shown and "fear" in shown and "label" in shown


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"by": "colour"}, "by should be one of"),
        ({"voice": "narrator"}, "voice should be one of"),
        ({"documents": []}, "Nothing is selected"),
        ({"categories": ["nonsense"]}, "Unknown category"),
    ],
)
def test_bad_choices_get_friendly_errors(kwargs, message):
    with pytest.raises(ValueError, match=message):
        charts.plot_loaded_rates(tidy_table(), **kwargs)


@pytest.mark.parametrize(
    ("table", "message"),
    [
        (tidy_table().iloc[0:0], "empty"),
        (tidy_table().drop(columns=["words"]), "lacks the column"),
        ("not a table", "loaded_language_table"),
    ],
)
def test_unusable_tables_get_friendly_errors(table, message):
    for plot in (
        charts.plot_loaded_rates,
        charts.plot_category_rates,
        charts.plot_voice_rates,
        charts.plot_rate_uncertainty,
    ):
        with pytest.raises(ValueError, match=message):
            plot(table)


def test_negative_count_is_refused():
    with pytest.raises(ValueError, match="negative"):
        poisson_interval(-1)


def test_one_id_given_as_a_string_is_one_id():
    from propaganda_kit import load_corpus, loaded_language_table
    from propaganda_kit.analysis.loaded_language import rates_table

    table = loaded_language_table(load_corpus())
    doc = table["document"].iloc[0]
    as_string = rates_table(table, documents=doc, categories="emotive_anger")
    as_list = rates_table(table, documents=[doc], categories=["emotive_anger"])
    assert len(as_string) == 1
    assert as_string.equals(as_list)
