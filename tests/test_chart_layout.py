"""Charts that read at a glance: legends clear of the data and labels, nothing cut off at the
figure's edge, text of at least 10 pt, a mark on rates from few words, and perspectives that
stay apart for colour-blind readers (colour plus hatching or marker shape).

Every public chart function of ``propaganda_kit.charts`` must have a case here, drawn on the
kit's corpus and on a small invented one; a new chart without a case fails
``test_every_chart_function_has_a_case``.
"""

from __future__ import annotations

import importlib
import inspect
import itertools
import pkgutil
import typing
from collections.abc import Callable
from functools import cache

import numpy as np
import pytest
from lesson_corpus import make_corpus, make_doc
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.transforms import Bbox

import propaganda_kit.charts as chart_package
from propaganda_kit import (
    annotations_to_matrix,
    claims_ledger,
    class_scores,
    disagreement_by_char,
    discernment_change,
    distinctive_words,
    load_corpus,
    load_sample_class,
    loaded_language_table,
    naming_map,
    read_discernment_class,
    sourced_claims_table,
)
from propaganda_kit.analysis.loaded_language import rates_table
from propaganda_kit.charts import agreement, claims, discernment, framing, rates, style
from propaganda_kit.data.annotations import Annotation

TOLERANCE = 1.0  # pixels two boxes may share before they count as overlapping

# Public functions of the charts package that do not draw a chart.
NOT_CHARTS = {
    "framing.label_rates",
    "rates.category_names",
    "rates.one_word_note",
    "style.few_words",
    "style.few_words_handle",
    "style.few_words_mark",
    "style.legend_below",
    "style.legend_right",
    "style.new_figure",
    "style.side_marker",
    "style.side_patch",
    "style.style_axes",
    "style.words_text",
}

LONG_TEXT = (
    "The brave people of the town stood up to a cruel and corrupt regime. According to the "
    "City Survey, 300 people came to the square. The MEK and the PMOI were named in reports. "
    "Officials said that the march was peaceful and proud. Critics called the plan a "
    "disgraceful waste, and a shameful stunt. The council said that 40 buses were late. The "
    "people deserve freedom and hope."
)
SHORT_TEXT = "Officials said that 40 buses were late. The MEK staged a shameful stunt, a cruel lie."
MIXED_TEXT = (
    "Residents have mixed views. Some praise the plan; some fear it. A report indicates that "
    "12 shops closed. The organization behind the plan, the MEK, did not reply to questions "
    "from the paper this week. Neighbours will meet again on Friday to talk about the "
    "terrible traffic and the heroic volunteers."
)


# The corpora -----------------------------------------------------------------------------


@cache
def kit_corpus():
    return load_corpus()


@cache
def tiny_corpus():
    """Three invented perspectives; 'short-against' has fewer than 50 words."""
    return make_corpus(
        make_doc("long-for", "for the plan", LONG_TEXT),
        make_doc("short-against", "against the plan", SHORT_TEXT),
        make_doc("mixed", "undecided", MIXED_TEXT, quoted=(0, 26)),
    )


CORPORA = {"kit": kit_corpus, "tiny": tiny_corpus}


@cache
def loaded(corpus: str):
    return loaded_language_table(CORPORA[corpus]())


@cache
def naming(corpus: str):
    return naming_map(CORPORA[corpus]())


def used_actors(corpus: str) -> list[str]:
    names = naming(corpus)
    return list(dict.fromkeys(names.loc[names["count"] > 0, "actor"]))


def sources(corpus: str, by: str = "document"):
    chosen = CORPORA[corpus]()
    return sourced_claims_table(claims_ledger(chosen), chosen, by=by)


def sample_disagreement() -> Figure:
    text, annotations = load_sample_class()
    table = disagreement_by_char(annotations_to_matrix(annotations, text), text)
    return agreement.plot_disagreement(table, text, title="The sample class")


def small_disagreement() -> Figure:
    text = SHORT_TEXT
    marks = [
        Annotation("ann", 40, 60, "x"),
        Annotation("bo", 45, 85, "y"),
        Annotation("cy", 0, 8, "x"),
    ]
    table = disagreement_by_char(annotations_to_matrix(marks, text), text)
    return agreement.plot_disagreement(table, text)


def explorer_figure(**choices) -> Figure:
    """The chart the explorer widget draws (through ``plot_loaded_rates``) for some choices."""
    from propaganda_kit.widgets.explorer import LoadedLanguageExplorer

    explorer = LoadedLanguageExplorer(table=loaded("kit"))
    for name, value in choices.items():
        getattr(explorer, name).value = value
    return explorer.figure()


def first_of_each(corpus: str) -> list[str]:
    """The first document of each perspective, one category: a small explorer choice."""
    table = rates_table(loaded(corpus))
    return list(table.drop_duplicates("perspective")["document"])


def sample_change(measure: str = "discernment"):
    """The invented class's pre/post change in one measure."""
    return discernment_change(class_scores(read_discernment_class()), measure)


CASES: dict[str, dict[str, Callable[[], Figure]]] = {
    "discernment.plot_discernment_change": {
        "sample-class": lambda: discernment.plot_discernment_change(sample_change()),
        "sample-false-alarms": lambda: discernment.plot_discernment_change(
            sample_change("false_alarm_rate"), measure="false-alarm rate", title="False alarms"
        ),
    },
    "rates.plot_loaded_rates": {
        "kit-document": lambda: rates.plot_loaded_rates(loaded("kit"), by="document"),
        "kit-perspective": lambda: rates.plot_loaded_rates(loaded("kit"), by="perspective"),
        "kit-raw": lambda: rates.plot_loaded_rates(loaded("kit"), normalise=False),
        "kit-quoted": lambda: rates.plot_loaded_rates(loaded("kit"), voice="quoted"),
        "kit-two-documents": lambda: rates.plot_loaded_rates(
            loaded("kit"), documents=first_of_each("kit"), categories=["emotive_anger"]
        ),
        "explorer-default": lambda: explorer_figure(),
        "explorer-raw-quoted": lambda: explorer_figure(norm="raw", voice="quoted"),
        "explorer-one-document": lambda: explorer_figure(docs=first_of_each("kit")[:1]),
        "tiny-document": lambda: rates.plot_loaded_rates(loaded("tiny")),
        "tiny-perspective": lambda: rates.plot_loaded_rates(loaded("tiny"), by="perspective"),
    },
    "rates.plot_category_rates": {
        "kit-perspective": lambda: rates.plot_category_rates(loaded("kit")),
        "kit-document": lambda: rates.plot_category_rates(loaded("kit"), by="document"),
        "kit-author": lambda: rates.plot_category_rates(loaded("kit"), voice="author"),
        "tiny-perspective": lambda: rates.plot_category_rates(loaded("tiny")),
        "tiny-document": lambda: rates.plot_category_rates(loaded("tiny"), by="document"),
    },
    "rates.plot_voice_rates": {
        "kit": lambda: rates.plot_voice_rates(loaded("kit")),
        "tiny": lambda: rates.plot_voice_rates(loaded("tiny")),
    },
    "rates.plot_rate_uncertainty": {
        "kit-document": lambda: rates.plot_rate_uncertainty(loaded("kit")),
        "kit-perspective": lambda: rates.plot_rate_uncertainty(loaded("kit"), by="perspective"),
        "kit-quoted": lambda: rates.plot_rate_uncertainty(loaded("kit"), voice="quoted"),
        "tiny-document": lambda: rates.plot_rate_uncertainty(loaded("tiny")),
    },
    "framing.plot_actor_labels": {
        **{
            f"kit-actor-{i}": (lambda actor=actor: framing.plot_actor_labels(naming("kit"), actor))
            for i, actor in enumerate(used_actors("kit"))
        },
        "tiny": lambda: framing.plot_actor_labels(naming("tiny"), used_actors("tiny")[0]),
    },
    "framing.plot_distinctive_words": {
        "kit": lambda: framing.plot_distinctive_words(distinctive_words(kit_corpus(), top=15)),
        "tiny": lambda: framing.plot_distinctive_words(distinctive_words(tiny_corpus(), top=5)),
    },
    "claims.plot_sourced_claims": {
        "kit-document": lambda: claims.plot_sourced_claims(sources("kit")),
        "kit-perspective": lambda: claims.plot_sourced_claims(sources("kit", "perspective")),
        "tiny-document": lambda: claims.plot_sourced_claims(sources("tiny")),
    },
    "agreement.plot_disagreement": {
        "kit-sample-class": sample_disagreement,
        "tiny": small_disagreement,
    },
}
SLOW_CASES = {  # more of the same: the explorer's other choices, the kit's other actors
    ("rates.plot_loaded_rates", "explorer-raw-quoted"),
    ("rates.plot_loaded_rates", "explorer-one-document"),
    *(("framing.plot_actor_labels", f"kit-actor-{i}") for i in range(1, len(used_actors("kit")))),
}
ALL_CASES = [
    pytest.param(chart, case, marks=[pytest.mark.slow] if (chart, case) in SLOW_CASES else [])
    for chart, cases in CASES.items()
    for case in cases
]


@cache
def drawn(chart: str, case: str) -> Figure:
    """The case's figure, drawn once on an Agg canvas (so every extent is final)."""
    fig = CASES[chart][case]()
    FigureCanvasAgg(fig)
    fig.canvas.draw()
    return fig


# What is on show ------------------------------------------------------------------------------


def public_functions() -> dict[str, Callable]:
    """'module.function' for every public function defined in the charts package."""
    found = {}
    for info in pkgutil.iter_modules(chart_package.__path__):
        module = importlib.import_module(f"{chart_package.__name__}.{info.name}")
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if function.__module__ == module.__name__ and not name.startswith("_"):
                found[f"{info.name}.{name}"] = function
    return found


def every_axes(fig: Figure) -> list:
    """The figure's axes and their child axes (secondary axes)."""
    found, waiting = [], list(fig.axes)
    while waiting:
        ax = waiting.pop(0)
        found.append(ax)
        waiting.extend(ax.child_axes)
    return found


def legends(fig: Figure) -> list:
    return [ax.get_legend() for ax in every_axes(fig) if ax.get_legend()] + list(fig.legends)


def hidden_tick_labels(fig: Figure) -> set[int]:
    """ids of tick labels that are not drawn: their tick is off, or outside the view."""
    hidden = set()
    for ax in every_axes(fig):
        for axis in (ax.xaxis, ax.yaxis):
            low, high = sorted(axis.get_view_interval())
            span = (high - low) * 1e-9
            for tick in axis.get_major_ticks() + axis.get_minor_ticks():
                if not (tick.get_visible() and low - span <= tick.get_loc() <= high + span):
                    hidden.update({id(tick.label1), id(tick.label2)})
    return hidden


def shown_texts(fig: Figure) -> list[Text]:
    """Every text the figure draws: titles, labels, tick labels, annotations, legend entries."""
    hidden = hidden_tick_labels(fig)
    return [
        t
        for t in fig.findobj(Text)
        if t.get_visible() and t.get_text().strip() and id(t) not in hidden
    ]


def legend_texts(fig: Figure) -> set[int]:
    return {id(t) for legend in legends(fig) for t in legend.findobj(Text)}


def extent(artist, fig: Figure) -> Bbox:
    """The artist's box on the drawn canvas, in pixels (worked out once per artist)."""
    key = id(artist)
    if key not in EXTENTS:
        EXTENTS[key] = (artist, artist.get_window_extent(fig.canvas.get_renderer()))
    return EXTENTS[key][1]


EXTENTS: dict[int, tuple[object, Bbox]] = {}  # the artist is kept so its id stays its own


def inside(box: Bbox, frame: Bbox) -> bool:
    return frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1


def overlap(a: Bbox, b: Bbox, tolerance: float = TOLERANCE) -> bool:
    """Whether two boxes share more than ``tolerance`` pixels each way."""
    return (
        a.x0 < b.x1 - tolerance
        and b.x0 < a.x1 - tolerance
        and a.y0 < b.y1 - tolerance
        and b.y0 < a.y1 - tolerance
    )


def obstacles(fig: Figure) -> list[tuple[str, Bbox]]:
    """What a legend must keep clear of: bars and other patches, lines and markers,
    collections (interval lines, filled areas) and every text that is not the legend's."""
    found = []
    for ax in every_axes(fig):
        for kind, artists in (
            ("patch", ax.patches),
            ("line", ax.lines),
            ("collection", ax.collections),
        ):
            found += [(kind, extent(a, fig)) for a in artists if a.get_visible()]
    mine = legend_texts(fig)
    found += [
        (f"text {t.get_text()!r}", extent(t, fig)) for t in shown_texts(fig) if id(t) not in mine
    ]
    return found


# Every chart has a case ----------------------------------------------------------------------


def returns_figure(function: Callable) -> bool:
    return typing.get_type_hints(function).get("return") is Figure


def test_every_chart_function_has_a_case():
    public = public_functions()
    missing = set(public) - set(CASES) - NOT_CHARTS
    assert not missing, f"public chart functions without a layout case: {sorted(missing)}"
    assert set(CASES) <= set(public), "a case names a function the charts package lacks"
    assert set(public) >= NOT_CHARTS, "NOT_CHARTS names a function the charts package lacks"
    assert all(returns_figure(public[name]) for name in CASES)
    assert not any(returns_figure(public[name]) for name in NOT_CHARTS)


def test_the_explorer_draws_through_the_charts_layer():
    fig = explorer_figure()
    expected = rates.plot_loaded_rates(loaded("kit"))
    assert [p.get_width() for p in fig.axes[0].patches] == [
        p.get_width() for p in expected.axes[0].patches
    ]


# Layout ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("chart", "case"), ALL_CASES)
def test_legends_keep_clear_of_bars_points_and_labels(chart, case):
    fig = drawn(chart, case)
    blocked = [
        (i, what)
        for i, legend in enumerate(legends(fig))
        for what, box in obstacles(fig)
        if overlap(extent(legend, fig), box)
    ]
    assert not blocked, f"the legend covers: {blocked}"


@pytest.mark.parametrize(("chart", "case"), ALL_CASES)
def test_nothing_is_cut_off_at_the_figure_edge(chart, case):
    fig = drawn(chart, case)
    frame = fig.bbox.padded(TOLERANCE)
    outside = [repr(t.get_text()) for t in shown_texts(fig) if not inside(extent(t, fig), frame)]
    outside += [
        f"legend {i}" for i, lg in enumerate(legends(fig)) if not inside(extent(lg, fig), frame)
    ]
    assert not outside, f"outside the figure: {outside}"


@pytest.mark.parametrize(("chart", "case"), ALL_CASES)
def test_labels_and_counts_do_not_cover_one_another(chart, case):
    """Texts drawn level (not rotated) never overlap, and bar counts sit beside the bars."""
    fig = drawn(chart, case)
    level = [t for t in shown_texts(fig) if t.get_rotation() == 0]
    clashes = [
        (a.get_text(), b.get_text())
        for a, b in itertools.combinations(level, 2)
        if overlap(extent(a, fig), extent(b, fig))
    ]
    for ax in every_axes(fig):
        bars = [extent(p, fig) for p in ax.patches]
        clashes += [
            (t.get_text(), "a bar")
            for t in ax.texts
            if any(overlap(extent(t, fig), bar) for bar in bars)
        ]
    assert not clashes, clashes


# Fonts -------------------------------------------------------------------------------------


def test_the_style_sets_readable_sizes():
    assert style.TEXT_SIZE >= 10
    assert style.TITLE_SIZE >= style.TEXT_SIZE


@pytest.mark.parametrize(("chart", "case"), ALL_CASES)
def test_every_text_is_at_least_10_points(chart, case):
    fig = drawn(chart, case)
    small = [(t.get_text(), t.get_fontsize()) for t in shown_texts(fig) if t.get_fontsize() < 10]
    assert not small, small


# Rates from few words ------------------------------------------------------------------------


def test_few_words_threshold():
    assert style.few_words(style.FEW_WORDS - 1)
    assert not style.few_words(style.FEW_WORDS)
    assert not style.few_words(0)  # no words: no rate at all, said in words
    assert style.words_text(12) == f"12 words {style.FEW_WORDS_MARK}"
    assert style.words_text(1200) == "1,200 words"


def all_text(fig: Figure) -> str:
    return "\n".join(t.get_text() for t in shown_texts(fig))


def shows_rates(fig: Figure) -> bool:
    return "per 1,000 words" in all_text(fig)


TINY_CASES = [
    (chart, case)
    for chart, cases in CASES.items()
    for case in cases
    if case == "tiny" or case.startswith("tiny-")
]


@pytest.mark.parametrize(("chart", "case"), TINY_CASES)
def test_rates_from_a_tiny_document_are_marked_and_explained(chart, case):
    fig = drawn(chart, case)
    if not shows_rates(fig):
        return  # z-scores or agreement: no rate per 1,000 words on show
    shown = all_text(fig)
    assert style.FEW_WORDS_MARK in shown
    legend_words = " ".join(
        t.get_text().replace("\n", " ") for lg in legends(fig) for t in lg.get_texts()
    )
    assert style.FEW_WORDS_NOTE in legend_words


def test_every_rate_chart_has_a_tiny_case_that_shows_the_mark():
    marked = {
        chart for chart, case in TINY_CASES if style.FEW_WORDS_MARK in all_text(drawn(chart, case))
    }
    fast = [p.values for p in ALL_CASES if not p.marks]
    showing_rates = {chart for chart, case in fast if shows_rates(drawn(chart, case))}
    assert showing_rates and showing_rates <= marked


def test_only_the_few_word_rates_are_marked():
    """The kit's quoted voices: exactly the documents quoting fewer than 50 words carry the mark."""
    quoted = rates_table(loaded("kit"), voice="quoted")
    few = set(quoted.loc[[style.few_words(w) for w in quoted["words"]], "document"])
    assert few, "the kit's corpus should have a document quoting only a few words"
    fig = rates.plot_loaded_rates(loaded("kit"), voice="quoted")
    labels = {t.get_text().split("\n")[0]: t.get_text() for t in fig.axes[0].get_yticklabels()}
    assert {doc for doc, label in labels.items() if style.FEW_WORDS_MARK in label} == few
    plain = rates.plot_loaded_rates(loaded("kit"), by="perspective")
    assert style.FEW_WORDS_MARK not in "\n".join(t.get_text() for t in plain.findobj(Text))


# Colours for colour-blind readers ------------------------------------------------------------

# Machado, Oliveira & Fernandes (2009), severity 1.0, applied to linear RGB.
SIMULATIONS = {
    "normal vision": np.eye(3),
    "protanopia": np.array(
        [
            [0.152286, 1.052583, -0.204868],
            [0.114503, 0.786281, 0.099216],
            [-0.003882, -0.048116, 1.051998],
        ]
    ),
    "deuteranopia": np.array(
        [
            [0.367322, 0.860646, -0.227968],
            [0.280085, 0.672501, 0.047413],
            [-0.011820, 0.042940, 0.968881],
        ]
    ),
}
MIN_DIFFERENCE = 20.0  # CIELAB delta E (1976): clearly different at a glance
SRGB_TO_XYZ = np.array(
    [[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]]
)
WHITE_POINT = np.array([0.95047, 1.0, 1.08883])  # D65


def linear(colour: str) -> np.ndarray:
    c = np.array(to_rgb(colour))
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def lab(rgb_linear: np.ndarray) -> np.ndarray:
    xyz = SRGB_TO_XYZ @ np.clip(rgb_linear, 0.0, 1.0) / WHITE_POINT
    f = np.where(xyz > (6 / 29) ** 3, np.cbrt(xyz), xyz / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def difference(a: str, b: str, vision: str) -> float:
    matrix = SIMULATIONS[vision]
    return float(np.linalg.norm(lab(matrix @ linear(a)) - lab(matrix @ linear(b))))


def test_the_simulation_keeps_greys_and_merges_red_with_green():
    for matrix in SIMULATIONS.values():
        assert matrix.sum(axis=1) == pytest.approx(np.ones(3), abs=1e-3)
    red, green = "#E41A1C", "#4DAF4A"
    for vision in ("protanopia", "deuteranopia"):
        assert difference(red, green, vision) < difference(red, green, "normal vision") / 2


@pytest.mark.parametrize("vision", list(SIMULATIONS))
def test_every_pair_of_perspective_colours_stays_apart(vision):
    close = [
        (a, b, round(difference(a, b, vision), 1))
        for a, b in itertools.combinations(style.PALETTE, 2)
        if difference(a, b, vision) < MIN_DIFFERENCE
    ]
    assert not close, close
    on_white = [c for c in style.PALETTE if difference(c, "#FFFFFF", vision) < MIN_DIFFERENCE]
    assert not on_white, on_white


def test_each_perspective_also_has_its_own_hatching_and_marker():
    assert len(set(style.HATCHES)) == len(style.PALETTE)
    assert len(set(style.MARKERS)) == len(style.PALETTE)
    sides = [f"side {i}" for i in range(len(style.PALETTE))]
    looks = list(style.PERSPECTIVE_COLOURS.looks(sides).values())
    for attribute in ("colour", "hatch", "marker"):
        assert len({getattr(look, attribute) for look in looks}) == len(sides), attribute
    assert (
        style.PERSPECTIVE_COLOURS.looks(sides[:1])[sides[0]].colour
        == style.PERSPECTIVE_COLOURS[sides[0]]
    )


def test_charts_draw_the_second_cue():
    by_side = drawn("rates.plot_loaded_rates", "tiny-perspective")
    bars = by_side.axes[0].patches
    assert len({p.get_hatch() or "" for p in bars}) == len(bars) == 3
    points = drawn("rates.plot_rate_uncertainty", "tiny-document")
    markers = {line.get_marker() for line in points.axes[0].lines if line.get_marker() != "None"}
    assert len(markers) == 3
    legend = legends(by_side)[0]
    assert len({h.get_hatch() or "" for h in legend.legend_handles[:3]}) == 3
