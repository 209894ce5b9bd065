"""The document reader: contract classes, provenance, toggles, counts and friendly errors."""

from __future__ import annotations

import csv
import html
import re
from pathlib import Path

import ipywidgets as widgets
import pytest

from propaganda_kit import load_corpus
from propaganda_kit.analysis.loaded_language import find_loaded_language
from propaganda_kit.html.page import (
    NOTHING_HIGHLIGHTED,
    legend_group_html,
    legends_html,
    swatch_html,
)
from propaganda_kit.text.words import per_thousand_words
from propaganda_kit.widgets import DocumentReader

CORPUS = load_corpus()


def classes(widget: widgets.Widget) -> set[str]:
    return set(widget._dom_classes)


def plain(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]*>", "", markup))


@pytest.fixture(scope="module")
def reader() -> DocumentReader:
    return DocumentReader()


def test_contract_classes(reader: DocumentReader) -> None:
    assert "kit-reader" in classes(reader.widget)
    assert "kit-reader-doc-picker" in classes(reader.picker)
    for name, toggle in [
        ("loaded", reader.show_loaded),
        ("techniques", reader.show_techniques),
        ("quotes", reader.show_quotes),
    ]:
        assert isinstance(toggle, widgets.ToggleButton)
        assert f"kit-reader-toggle-{name}" in classes(toggle)
    assert "kit-reader-provenance" in classes(reader.provenance)
    assert "kit-reader-text" in classes(reader.text)
    assert "kit-reader-legend" in classes(reader.legend)


def test_dropdown_lists_every_document_with_title_or_untitled(reader: DocumentReader) -> None:
    assert [value for _, value in reader.picker.options] == CORPUS.ids
    for (label, doc_id), doc in zip(reader.picker.options, CORPUS, strict=True):
        assert label.endswith(f"[{doc_id}]")
        if doc.title == "untitled":
            assert label.startswith("untitled [")


@pytest.mark.parametrize("doc_id", CORPUS.ids)
def test_each_document_shows_its_text_provenance_and_counts(
    reader: DocumentReader, doc_id: str
) -> None:
    doc = CORPUS[doc_id]
    reader.picker.value = doc_id
    assert plain(reader.text.value) == doc.text
    card = reader.provenance.value
    for label in [
        "Title",
        "Date as stated",
        "Date (ISO)",
        "Date note",
        "Author",
        "Outlet",
        "Audience",
        "Calls itself",
        "Origin note",
        "Perspective",
        "Words",
        "Raw file",
    ]:
        assert f"<th>{label}</th>" in card
    assert html.escape(doc.perspective) in card and doc.metadata["raw_file"] in card
    unknown_fields = sum(v == "unknown" for v in doc.metadata.values())
    assert card.count('<span class="kit-unknown">unknown</span>') == unknown_fields
    found = len(find_loaded_language(doc.text))
    rate = per_thousand_words(found, doc.word_count)
    cue = "cue" if found == 1 else "cues"
    assert (
        f"{found} loaded-language {cue} in {doc.word_count:,} words = {rate:.1f} per 1,000 words"
    ) in reader.counts.value
    assert "does not make the text false" in reader.counts.value


def test_toggles_change_the_highlights(reader: DocumentReader) -> None:
    doc = next(d for d in CORPUS if d.quotes)
    reader.picker.value = doc.id
    reader.show_loaded.value, reader.show_techniques.value, reader.show_quotes.value = (
        True,
        False,
        True,
    )
    assert "<mark" in reader.text.value and 'class="kit-quoted"' in reader.text.value
    assert "quoted voice" in reader.legend.value
    reader.show_quotes.value = False
    assert 'class="kit-quoted"' not in reader.text.value
    assert "quoted voice" not in reader.legend.value
    reader.show_loaded.value = False
    assert "<mark" not in reader.text.value
    assert "nothing highlighted" in reader.legend.value
    reader.show_techniques.value = True
    technique_marks = set(re.findall(r'class="kit-hl kit-hl-([a-z_]+)"', reader.text.value))
    assert technique_marks and technique_marks <= set(reader.labels)
    assert all(reader.labels[k] in reader.legend.value for k in technique_marks)
    assert plain(reader.text.value) == doc.text
    reader.show_loaded.value, reader.show_techniques.value, reader.show_quotes.value = (
        True,
        False,
        True,
    )


def legend_rows(legend: str) -> list[tuple[str, str]]:
    """(swatch classes, label) of each legend row."""
    return re.findall(
        r'<div class="kit-legend-row"><(?:mark|span) class="([^"]*)"[^>]*></(?:mark|span)>'
        r'<span class="kit-legend-label">([^<]*)</span></div>',
        legend,
    )


def test_legend_colours_are_stable_and_labelled(reader: DocumentReader) -> None:
    reader.picker.value = CORPUS.ids[0]
    marks = set(re.findall(r'class="kit-hl kit-hl-([a-z_]+)"', reader.text.value))
    assert marks
    rows = legend_rows(reader.legend.value)
    for key in marks:
        assert (f"kit-hl kit-hl-{key} kit-swatch", html.escape(reader.labels[key])) in rows
    assert DocumentReader().colours == reader.colours


def test_legend_has_one_style_a_row_per_kind_under_short_headings() -> None:
    reader = DocumentReader()
    reader.show_techniques.value = reader.show_charged.value = True
    doc_id = max(CORPUS.ids, key=lambda i: len(reader.analysis(i).techniques))
    reader.picker.value = doc_id
    legend = reader.legend.value
    rows = legend_rows(legend)
    # Every row is one empty swatch of the same shape, then a plain label: no highlighted
    # label text, no second style of item.
    assert len(rows) == legend.count("kit-legend-row") == legend.count("kit-swatch")
    assert all("kit-swatch" in swatch.split() for swatch, _ in rows)
    assert "kit-legend-item" not in legend
    assert not re.search(r"<mark[^>]*>[^<]", legend)
    headings = re.findall(r'<div class="kit-legend-heading">([^<]*)</div>', legend)
    assert headings[0].startswith("Loaded language") and headings[-1] == "Voices"
    assert any(h.startswith("Technique cues") for h in headings)
    assert all(len(h) <= 40 for h in headings)
    found = reader.analysis(doc_id)
    kinds = {s.category for s in found.loaded + found.charged} | {
        s.technique for s in found.techniques
    }
    assert len(rows) == len(kinds) + 1  # and the quoted voice
    assert len({label for _, label in rows}) == len(rows)


def test_colours_are_distinct_and_each_kind_has_a_line_style(reader: DocumentReader) -> None:
    css = reader.widget.children[0].value
    rules = dict(re.findall(r"mark\.kit-hl-([a-z_]+) \{ ([^}]*)\}", css))
    assert set(rules) == {k for k in reader.colours}
    backgrounds = {k: v for k, v in rules.items() if k not in reader.underlined}
    underlines = {k: v for k, v in rules.items() if k in reader.underlined}
    for group, line in ((backgrounds, "border-top"), (underlines, "border-bottom")):
        looks = [re.search(rf"{line}: (\S+ \S+ \S+);", rule) for rule in group.values()]
        assert all(looks), group
        styles = [look.group(1).split()[1] for look in looks]
        assert set(styles) >= {"solid", "dashed"}  # colour is not the only cue
        colours = [reader.colours[k] for k in group]
        assert len(set(colours)) == len(colours)  # colours are distinct within a group
        pairs = {(s, c) for s, c in zip(styles, colours, strict=True)}
        assert len(pairs) == len(group)
    assert all("dotted" not in rule for rule in underlines.values())  # dotted: quoted voices


def test_toggles_say_their_state_in_words_and_icons(reader: DocumentReader) -> None:
    names = {
        reader.show_loaded: "Loaded language",
        reader.show_techniques: "Technique cues",
        reader.show_charged: "Charged topic words",
        reader.show_quotes: "Quoted voices",
    }
    for toggle, name in names.items():
        start = toggle.value
        for value in (not start, start):
            toggle.value = value
            state = "on" if value else "off"
            assert toggle.description == f"{name}: {state}"
            assert toggle.icon == ("check-square" if value else "square-o")
        assert toggle.layout.width == "auto"


def test_controls_are_laid_out_for_their_labels(reader: DocumentReader) -> None:
    assert reader.picker.layout.width == "auto"
    assert reader.picker.style.description_width == "initial"
    assert "kit-fit" in classes(reader.widget)
    (row,) = [c for c in reader.widget.children if reader.show_loaded in getattr(c, "children", ())]
    assert row.layout.flex_flow == "row wrap"
    css = reader.widget.children[0].value
    assert ".kit-fit select { flex: 0 0 auto; width: auto;" in css


def test_two_readers_show_identical_outputs() -> None:
    first, second = DocumentReader(), DocumentReader()
    assert [w.value for w in (first.text, first.counts, first.legend, first.provenance)] == [
        w.value for w in (second.text, second.counts, second.legend, second.provenance)
    ]


def test_static_view_is_a_provenance_table_of_all_documents(reader: DocumentReader) -> None:
    view = reader.static_view().data
    assert "kit-provenance-table" in view
    assert all(f"<code>{doc_id}</code>" in view for doc_id in CORPUS.ids)
    assert '<span class="kit-unknown">unknown</span>' in view
    assert view.count("<tr>") == len(CORPUS) + 1


def test_titles_from_metadata_are_escaped(data_copy: Path) -> None:
    table = data_copy / "metadata.csv"
    with table.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    rows[0]["title"] = "<img src=x onerror=alert(1)>"
    with table.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    reader = DocumentReader(data_copy)
    assert "<img" not in reader.provenance.value and "&lt;img" in reader.provenance.value
    assert "<img" not in reader.static_view().data


def test_a_broken_corpus_is_shown_not_raised(tmp_path: Path) -> None:
    reader = DocumentReader(tmp_path / "nowhere")
    assert "kit-error" in reader.message.value and "is not a folder" in reader.message.value
    assert reader.picker.options == ()
    assert "is not a folder" in reader.static_view().data


def test_an_error_while_rendering_is_shown_plainly(monkeypatch) -> None:
    reader = DocumentReader()

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(reader, "_render", broken)
    reader.picker.value = CORPUS.ids[1]
    assert "Something unexpected went wrong" in reader.message.value
    assert "Traceback" not in reader.message.value


def test_technique_cues_are_underlined_so_they_show_over_loaded_words(
    reader: DocumentReader,
) -> None:
    css = reader.widget.children[0].value
    assert "kit-style" in classes(reader.widget.children[0])
    assert re.search(
        r"mark\.kit-hl-doubt \{ background: transparent; border-bottom: 4px \w+ #", css
    )
    assert "mark.kit-hl-emotive_anger { background: #" in css
    assert "mark.kit-hl-charged_topic { background: #dddddd;" in css
    technique_colours = [reader.colours[k] for k in reader.underlined if k in reader.colours]
    assert len(set(technique_colours)) == len(technique_colours)


def test_charged_topic_words_are_off_by_default_and_shown_on_request(
    reader: DocumentReader,
) -> None:
    assert reader.show_charged.value is False
    assert "kit-charged-note" not in reader.counts.value
    assert 'kit-hl-charged_topic"' not in reader.text.value
    reader.show_charged.value = True
    assert "kit-charged-note" in reader.counts.value
    assert "not loaded language" in reader.counts.value
    doc = reader.corpus[reader.picker.value]
    found = reader.analysis(doc.id)
    assert not {s.cue for s in found.charged} & {s.cue for s in found.loaded}
    if found.charged:
        assert "kit-hl-charged_topic" in reader.text.value


def test_legend_labels_and_headings_are_escaped() -> None:
    group = legend_group_html("<b>kinds</b>", [(swatch_html("x<y"), "<img src=x>")])
    assert "<img" not in group and "&lt;img src=x&gt;" in group
    assert "<b>" not in group and "&lt;b&gt;kinds" in group
    assert 'class="kit-hl kit-hl-x-y kit-swatch"' in group
    assert legends_html(["", legend_group_html("empty", [])]) == NOTHING_HIGHLIGHTED
