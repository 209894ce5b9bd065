"""The fact-sheet viewer: a menu of the corpus's documents and an escaped fact sheet."""

from __future__ import annotations

from lesson_corpus import make_corpus, make_doc

from propaganda_kit import fact_sheet, load_corpus
from propaganda_kit.widgets import FactSheetViewer


def test_picking_a_document_shows_its_fact_sheet():
    corpus = load_corpus()
    viewer = FactSheetViewer(corpus)
    assert list(viewer.picker.options) == list(corpus.ids)
    viewer.picker.value = corpus.ids[-1]
    assert f"FACT SHEET: {corpus.ids[-1]}" in viewer.sheet.value
    assert viewer.static_html() == viewer.sheet.value


def test_document_text_is_escaped():
    corpus = make_corpus(make_doc("odd-doc", "hostile", "The <script>x</script> plan failed."))
    viewer = FactSheetViewer(corpus)
    assert "<script>" not in viewer.sheet.value
    assert fact_sheet(corpus, corpus.ids[0]).splitlines()[0] in viewer.sheet.value
