"""The loaded-language explorer: every control redraws the chart; nothing selected is friendly."""

from __future__ import annotations

import base64

import pandas as pd
import pytest
from tidy_tables import evidence

from propaganda_kit import LEXICON_CATEGORIES, load_corpus
from propaganda_kit.analysis.loaded_language import rates_table
from propaganda_kit.widgets.explorer import (
    MAX_ROWS,
    NOTHING_SELECTED,
    PICK_HINT,
    LoadedLanguageExplorer,
)


def small_table() -> pd.DataFrame:
    rows = []
    for doc, side, words, fear in (("d1", "side A", 400, 3), ("d2", "side B", 900, 1)):
        for category, label, count in (
            ("emotive_fear", "Fear words", fear),
            ("doubt_marker", "Doubt markers", 2),
        ):
            common = {
                "document": doc,
                "title": doc,
                "perspective": side,
                "category": category,
                "category_label": label,
            }
            author = {"voice": "author", "count": count, "words": words}
            quoted = {"voice": "quoted", "count": 0, "words": 0}
            rows.append({**common, **author, **evidence(count, words, f"{category} word")})
            rows.append({**common, **quoted, **evidence(0, 0, "")})
    return pd.DataFrame(rows)


@pytest.fixture
def explorer() -> LoadedLanguageExplorer:
    return LoadedLanguageExplorer(table=small_table())


def chart_png(explorer: LoadedLanguageExplorer) -> bytes:
    (output,) = explorer.chart.outputs
    return base64.b64decode(output["data"]["image/png"])


def test_opens_with_everything_chosen_and_a_png_chart(explorer):
    assert explorer.docs.value == ("d1", "d2")
    assert set(explorer.categories.value) == {"emotive_fear", "doubt_marker"}
    assert chart_png(explorer).startswith(b"\x89PNG")
    assert "Per 1,000 words" in explorer.numbers.value


def test_css_classes_follow_the_contract(explorer):
    classes = {
        explorer.widget: "kit-explorer",
        explorer.docs: "kit-explorer-docs",
        explorer.categories: "kit-explorer-categories",
        explorer.voice: "kit-explorer-voice",
        explorer.norm: "kit-explorer-norm",
        explorer.chart: "kit-explorer-chart",
    }
    for part, css in classes.items():
        assert css in part._dom_classes


def test_options_show_labels_perspectives_and_word_counts(explorer):
    labels = dict((v, k) for k, v in explorer.categories.options)
    assert labels["emotive_fear"] == "Fear words"
    assert dict((v, k) for k, v in explorer.docs.options)["d2"] == "d2 (side B, 900 words)"


@pytest.mark.parametrize(
    ("control", "value"),
    [("docs", ("d2",)), ("categories", ("emotive_fear",)), ("voice", "author"), ("norm", "raw")],
)
def test_every_control_redraws_the_chart(explorer, control, value):
    before = chart_png(explorer)
    getattr(explorer, control).value = value
    assert chart_png(explorer) != before


def test_raw_counts_change_the_numbers_shown_in_the_chart(explorer):
    explorer.norm.value = "raw"
    (output,) = explorer.chart.outputs
    assert "raw counts" in output["data"]["text/plain"]


def chart_message(explorer: LoadedLanguageExplorer) -> str:
    """The plain message shown instead of a chart (fails if a chart is shown)."""
    (output,) = explorer.chart.outputs
    assert "image/png" not in output["data"]
    return output["data"]["text/html"]


@pytest.mark.parametrize("control", ["docs", "categories"])
@pytest.mark.parametrize("norm", ["per_1000", "raw"])
def test_nothing_selected_gives_a_plain_message_not_a_chart(explorer, control, norm):
    explorer.norm.value = norm
    getattr(explorer, control).value = ()
    message = chart_message(explorer)
    assert "kit-note" in message and "kit-error" not in message
    assert NOTHING_SELECTED.split(":")[0] in message
    assert explorer.numbers.value == ""
    explorer.docs.value = ("d1",)
    explorer.categories.value = ("doubt_marker",)
    assert chart_png(explorer).startswith(b"\x89PNG")


def test_quoted_voice_with_no_quoted_words_says_so_instead_of_an_empty_chart(explorer):
    explorer.voice.value = "quoted"
    assert "have no quoted words, so there is no rate" in chart_message(explorer)
    assert "no words" in explorer.numbers.value  # the numbers still say why
    explorer.norm.value = "raw"
    assert "every count is 0 in the quoted words of the chosen" in chart_message(explorer)
    explorer.voice.value = "author"
    assert chart_png(explorer).startswith(b"\x89PNG")


def test_zero_counts_draw_per_1000_words_but_not_as_raw_counts():
    table = small_table()
    table["count"] = 0
    explorer = LoadedLanguageExplorer(table=table)
    assert chart_png(explorer).startswith(b"\x89PNG")  # a rate of 0 has an interval
    explorer.norm.value = "raw"
    assert "every count is 0 in the words of the chosen documents" in chart_message(explorer)
    explorer.voice.value = "author"
    assert "in the author&#x27;s own words of the chosen" in chart_message(explorer)


def test_controls_are_laid_out_for_their_labels(explorer):
    for control in (explorer.docs, explorer.categories, explorer.voice, explorer.norm):
        assert control.layout.width == "auto"
        assert control.layout.flex == "0 0 auto"
        assert control.style.description_width == "initial"
    (controls,) = [
        c for c in explorer.widget.children if explorer.docs in getattr(c, "children", ())
    ]
    assert controls.layout.flex_flow == "row wrap"
    assert "kit-fit" in explorer.widget._dom_classes
    css = explorer.widget.children[0].value
    assert ".kit-fit select { flex: 0 0 auto; width: auto;" in css


def test_lists_show_every_option_and_say_how_to_choose_several(explorer):
    assert explorer.docs.rows == len(explorer.docs.options)
    assert explorer.categories.rows == len(explorer.categories.options)
    assert PICK_HINT in explorer.hint.value and "scroll for more" not in explorer.hint.value
    assert "kit-explorer-hint" in explorer.hint._dom_classes
    assert explorer.widget.children.index(explorer.hint) == 1  # above the lists


def test_a_long_list_says_it_scrolls_for_more():
    rows = []
    for number in range(MAX_ROWS + 3):
        part = small_table().query("document == 'd1'").assign(document=f"doc{number:02}")
        rows.append(part)
    explorer = LoadedLanguageExplorer(table=pd.concat(rows, ignore_index=True))
    assert explorer.docs.rows == MAX_ROWS < len(explorer.docs.options)
    assert f"documents ({MAX_ROWS + 3}; scroll for more)" in explorer.hint.value


def test_redraw_is_deterministic(explorer):
    explorer.voice.value = "author"
    first = chart_png(explorer)
    explorer.voice.value = "all"
    explorer.voice.value = "author"
    assert chart_png(explorer) == first
    assert chart_png(LoadedLanguageExplorer(table=small_table())) != first


def test_static_view_shows_both_perspectives_with_word_counts(explorer):
    markup = explorer.static_view().data
    assert "side A" in markup and "side B" in markup
    assert "400" in markup and "900" in markup


def test_unusable_table_is_refused_with_a_friendly_error():
    with pytest.raises(ValueError, match="empty"):
        LoadedLanguageExplorer(table=small_table().iloc[0:0])


def test_the_real_corpus_is_explored_with_every_document():
    corpus = load_corpus()
    explorer = LoadedLanguageExplorer(corpus)
    assert set(explorer.docs.value) == set(corpus.ids)
    assert chart_png(explorer).startswith(b"\x89PNG")
    rates = rates_table(explorer.table, by="perspective")
    assert set(rates["perspective"]) == {doc.perspective for doc in corpus}
    labels = {label for label, _ in explorer.categories.options}
    assert labels == {category.label for category in LEXICON_CATEGORIES.values()}


def test_numbers_carry_the_one_word_check_and_what_the_interval_assumes(explorer):
    explorer.docs.value = ("d1",)
    markup = explorer.numbers.value
    assert "One-word check" in markup
    assert "'emotive_fear word' (3 uses), the rate would be 5.0" in markup
    assert "other sentences like its own" in markup
    assert "other sentences like its own" in explorer.static_view().data


def test_the_one_word_check_is_escaped():
    table = small_table()
    pairs = zip(table["document"], table["count"], strict=True)
    table["terms"] = [((f"<b>{doc}</b>", count),) if count else () for doc, count in pairs]
    markup = LoadedLanguageExplorer(table=table).numbers.value
    assert "&lt;b&gt;d1&lt;/b&gt;" in markup and "<b>d1" not in markup
