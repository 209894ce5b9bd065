"""Every lesson 0-6: its feedback items sit in widget cells, after a warm-up, set up once."""

from __future__ import annotations

import re

import nbformat
import pytest
from lesson_items import NOTEBOOKS, item, items, widget_cells

from propaganda_kit.data.corpus import load_corpus

LESSONS = sorted(p.name for p in NOTEBOOKS.glob("0[0-6]_*.ipynb"))


def test_every_lesson_0_to_6_is_covered():
    assert len(LESSONS) == 7


@pytest.mark.parametrize("lesson", LESSONS)
def test_the_warm_up_is_invented_and_comes_before_the_first_corpus_item(lesson):
    warmup = item(lesson, "warmup")
    assert "document" not in warmup.key and not warmup.control
    assert not any(warmup.passage in d.text for d in load_corpus())
    cells = widget_cells(lesson)
    from_corpus = [cells[e.id][0] for e in items(lesson) if "document" in e.key]
    assert from_corpus and cells[warmup.id][0] < min(from_corpus)


@pytest.mark.parametrize("lesson", LESSONS)
def test_every_item_has_exactly_one_widget_cell_after_its_question(lesson):
    nb = nbformat.read(NOTEBOOKS / lesson, as_version=4)
    cells = widget_cells(lesson)
    assert set(cells) == {e.id for e in items(lesson)}
    for ex_id, indexes in cells.items():
        assert len(indexes) == 1, ex_id
        cell = nb.cells[indexes[0]]
        assert cell.source.strip() == f'exercise_widget("{ex_id}")'
        assert "nbval-ignore-output" in cell.metadata.get("tags", [])
        assert nb.cells[indexes[0] - 1].cell_type == "markdown", ex_id


@pytest.mark.parametrize("lesson", LESSONS)
def test_the_collapsed_set_up_cell_imports_the_widget_before_any_item(lesson):
    nb = nbformat.read(NOTEBOOKS / lesson, as_version=4)
    setup = next(i for i, c in enumerate(nb.cells) if c.cell_type == "code")
    cell = nb.cells[setup]
    assert cell.metadata["jupyter"]["source_hidden"] is True
    widget_import = r"^from propaganda_kit\.widgets import .*\bexercise_widget\b"
    assert re.search(widget_import, cell.source, re.M)
    assert setup < min(i for found in widget_cells(lesson).values() for i in found)
