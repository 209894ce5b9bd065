"""Answer inputs, one module per kind of answer; ``INPUTS`` maps an answer kind to its factory."""

from __future__ import annotations

from propaganda_kit.checks.kept_answers import checker_answer
from propaganda_kit.widgets.answer_inputs.base import AnswerInput, AnswerInputFactory

INPUTS: dict[str, AnswerInputFactory] = {}

__all__ = ["INPUTS", "AnswerInput", "AnswerInputFactory", "checker_answer"]
