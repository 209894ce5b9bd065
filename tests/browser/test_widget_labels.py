"""Every kit widget's labels fit at JupyterLab's default width: no clipped button, toggle,
checkbox or description, no dropdown or list narrower than its options, no hidden options.

The lessons that show the reader, the explorer and the rewrite box run in the served copy of
the kit; the quiz and the exercise widgets (``kit-quiz``, ``kit-exercise``, ``kit-answer-*``)
are checked too wherever they are on the page.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lab_page import LabPage, new_notebook

pytestmark = pytest.mark.browser

# Lesson -> the kit widgets it must show (a missing one means the lesson changed).
LESSONS = {
    "notebooks/01_reading_competing_documents.ipynb": ("kit-reader",),
    "notebooks/03_loaded_language.ipynb": ("kit-explorer",),
    "notebooks/06_putting_it_together.ipynb": ("kit-rewrite",),
}

# Every kit widget on the page, the quiz and the exercise widgets included.
KIT_WIDGETS = (
    ".kit-reader, .kit-explorer, .kit-rewrite, .kit-quiz, .kit-exercise, [class*='kit-answer-'], "
    ".kit-discernment, .kit-lateral"
)

# For each control inside a kit widget that a student reads a label on, what is cut off.
# Text (buttons, toggles, checkbox and description labels) is clipped when its element
# scrolls; a <select> is too narrow when its longest option, measured in its own font,
# is wider than its content box; a list hides options when it scrolls without saying so.
JS_CLIPPED_LABELS = """selector => {
  const shown = e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
  const canvas = document.createElement('canvas').getContext('2d');
  const textWidth = (text, style) => {
    canvas.font = style.font ||
      `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    return canvas.measureText(text).width;
  };
  const px = value => parseFloat(value) || 0;
  const text = e => e.textContent.replace(/\u00a0/g, ' ').trim();  // ipywidgets uses nbsp
  const name = e => {
    const widget = e.closest('.jupyter-widgets');
    const own = [...(widget || e).classList].filter(c => c.startsWith('kit-')).join('.');
    return `${e.tagName.toLowerCase()}${own ? ' in .' + own : ''}`;
  };
  const problems = [];
  const seen = new Set();
  for (const root of document.querySelectorAll(selector)) {
    const labels = root.querySelectorAll(
      'button, .widget-label, .widget-label-basic, .widget-checkbox label, ' +
      '.widget-toggle-button, .widget-radio-box label');
    for (const e of labels) {
      if (seen.has(e) || !shown(e)) continue;
      seen.add(e);
      if (e.scrollWidth > e.clientWidth + 1) {
        problems.push(`${name(e)}: "${text(e)}" is cut ` +
          `(needs ${e.scrollWidth} px, has ${e.clientWidth} px)`);
      }
    }
    for (const select of root.querySelectorAll('select')) {
      if (seen.has(select) || !shown(select)) continue;
      seen.add(select);
      const style = getComputedStyle(select);
      const room = select.clientWidth - px(style.paddingLeft) - px(style.paddingRight);
      for (const option of select.options) {
        const padding = select.multiple
          ? px(getComputedStyle(option).paddingLeft) + px(getComputedStyle(option).paddingRight)
          : 0;
        const needed = Math.ceil(textWidth(option.textContent, style) + padding);
        if (needed > room + 1) {
          problems.push(`${name(select)}: option "${text(option)}" is cut ` +
            `(needs ${needed} px, has ${room} px)`);
        }
      }
      if (select.multiple && select.scrollHeight > select.clientHeight + 1 &&
          !/scroll for more/i.test(root.textContent)) {
        problems.push(`${name(select)}: shows ${select.size} of ${select.options.length} ` +
          'options and does not say that it scrolls');
      }
    }
  }
  return {checked: seen.size, problems};
}"""


def clipped_labels(lab: LabPage) -> tuple[int, list[str]]:
    """How many labels and lists were measured on the page, and each one that is cut."""
    found = lab.page.evaluate(JS_CLIPPED_LABELS, KIT_WIDGETS)
    return found["checked"], found["problems"]


@pytest.mark.parametrize("lesson", sorted(LESSONS))
def test_widget_labels_fit_at_the_default_width(lab: LabPage, lesson: str):
    lab.open(lesson)
    lab.clear_and_run_all()
    lab.wait_for_widgets()
    report = lab.report()
    assert not report.problems, "\n".join(report.problems)
    for container in LESSONS[lesson]:
        assert lab.page.locator(f".{container}").count(), f"{lesson} shows no .{container}"
    checked, problems = clipped_labels(lab)
    assert checked, f"no widget labels were found to measure in {lesson}"
    assert not problems, f"{lesson} at {lab.viewport['width']} px:\n" + "\n".join(problems)


# A kit-exercise box whose every control is too narrow for its label, and a list that
# scrolls without saying so: the check must find each one (so a pass means something).
CUT_WIDGETS = """import ipywidgets as widgets

narrow = widgets.Layout(width="70px")
box = widgets.VBox([
    widgets.Button(description="Check my long answer", layout=narrow),
    widgets.ToggleButton(description="Loaded language: on", layout=narrow),
    widgets.Dropdown(options=["the author's own words"], layout=narrow),
    widgets.SelectMultiple(options=[f"option {n}" for n in range(9)], rows=3),
])
box.add_class("kit-exercise")
box"""


def test_the_check_finds_cut_labels(lab: LabPage, scratch_dir: Path):
    lab.open(new_notebook(scratch_dir / "cut_labels.ipynb", [CUT_WIDGETS]))
    lab.clear_and_run_all()
    lab.wait_for_widgets()
    checked, problems = clipped_labels(lab)
    found = "\n".join(problems)
    assert checked >= 4, found
    for cut in (
        '"Check my long answer" is cut',
        '"Loaded language: on" is cut',
        'option "the author\'s own words" is cut',
        "shows 3 of 9 options and does not say that it scrolls",
    ):
        assert cut in found, f"the check missed: {cut}\n{found}"
