"""Answer inputs, one module per kind of answer; ``INPUTS`` maps an answer kind to its factory."""

from __future__ import annotations

from propaganda_kit.checks.kept_answers import checker_answer
from propaganda_kit.widgets.answer_inputs.base import AnswerInput, AnswerInputFactory
from propaganda_kit.widgets.answer_inputs.checklist_form import checklist_input
from propaganda_kit.widgets.answer_inputs.name_picker import names_input
from propaganda_kit.widgets.answer_inputs.number_box import number_input
from propaganda_kit.widgets.answer_inputs.rate_grid import rate_table_input
from propaganda_kit.widgets.answer_inputs.rewrite_area import rewrite_input
from propaganda_kit.widgets.answer_inputs.span_input import span_input
from propaganda_kit.widgets.answer_inputs.tick_boxes import tick_boxes_input

INPUTS: dict[str, AnswerInputFactory] = {
    "checklist": checklist_input,
    "choice": tick_boxes_input,
    "names": names_input,
    "number": number_input,
    "rate_table": rate_table_input,
    "rewrite": rewrite_input,
    "spans": span_input,
}

__all__ = ["INPUTS", "AnswerInput", "AnswerInputFactory", "checker_answer"]
