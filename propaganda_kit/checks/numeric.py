"""Numeric and table answers: a rate per 1,000 words, a table of rates with its word counts."""

from __future__ import annotations

import math
import numbers

import pandas as pd

from propaganda_kit.checks.answers import AnswerProblem, describe, reject_unfinished
from propaganda_kit.checks.base import Checker, Key, KeyProblem, require_fields
from propaganda_kit.checks.result import Verdict
from propaganda_kit.data.corpus import Corpus, load_corpus
from propaganda_kit.text.words import per_thousand_words

RATE_COLUMNS = ["document", "perspective", "words", "count", "rate_per_1000"]


def as_number(answer: object) -> float:
    """The answer as a float, or AnswerProblem with a hint."""
    reject_unfinished(answer, "a number")
    if isinstance(answer, bool) or not isinstance(answer, numbers.Real):
        if isinstance(answer, str):
            raise AnswerProblem(
                f"You gave the string {answer!r}; write the number without "
                "quotes, or compute it with Python."
            )
        raise AnswerProblem(f"You gave {describe(answer)}; a single number is expected.")
    value = float(answer)
    if not math.isfinite(value):
        raise AnswerProblem(f"Your number is {value}; check for a division by zero.")
    return value


def validate_number(key: Key) -> None:
    """A number key: the value and the tolerance around it."""
    require_fields(key, {"value": (int, float), "tolerance": (int, float)})
    if key["tolerance"] < 0:
        raise KeyProblem("'tolerance' must not be negative")
    if key.get("control") and key["value"] != 0:
        raise KeyProblem("a control item's 'value' is 0: its passage has nothing to count")


def grade_number(answer: object, key: Key) -> Verdict:
    """Correct within the tolerance; otherwise a hint about the likely slip."""
    value, target, tolerance = as_number(answer), key["value"], key["tolerance"]
    if abs(value - target) <= tolerance:
        return Verdict(True, 1.0, "Right, within the rounding allowed.")
    if target and abs(value * 1000 - target) <= tolerance:
        hint = "That looks like a rate per word: multiply by 1,000 for a rate per 1,000 words."
    elif target and any(abs(value - target * f) <= tolerance * f for f in (10, 0.1, 100, 0.01)):
        hint = "The digits look right but the size is off: check where the decimal point goes."
    else:
        hint = "Too high." if value > target else "Too low."
        hint += " " + key.get("hint", "Check which count and which word count you divided.")
    return Verdict(False, 0.0, hint)


def validate_rate_table(key: Key) -> None:
    """A rate-table key: how many perspectives, and the tolerance on each rate."""
    require_fields(key, {"min_perspectives": int, "tolerance": (int, float)})


def as_rate_frame(answer: object) -> pd.DataFrame:
    """The answer as a DataFrame with the rate columns, or AnswerProblem with a hint."""
    reject_unfinished(answer, "a pandas DataFrame")
    if not isinstance(answer, pd.DataFrame):
        raise AnswerProblem(
            f"You gave {describe(answer)}; a pandas DataFrame with the columns "
            f"{', '.join(RATE_COLUMNS)} is expected."
        )
    frame = answer.reset_index() if answer.index.name in RATE_COLUMNS else answer
    absent = [c for c in RATE_COLUMNS if c not in frame.columns]
    if absent:
        raise AnswerProblem(
            f"Your table lacks the column(s) {', '.join(absent)}. It has: "
            f"{', '.join(map(str, frame.columns))}."
        )
    if frame.empty:
        raise AnswerProblem("Your table has no rows; add one row per document.")
    return frame


def row_problems(row: pd.Series, tolerance: float, corpus: Corpus) -> list[str]:
    """What is wrong with one row of a rate table (empty when it is right)."""
    doc_id = str(row["document"])
    if doc_id not in corpus.ids:
        return [f"'{doc_id}' is not a document id; the ids are {', '.join(corpus.ids)}."]
    doc, problems = corpus[doc_id], []
    if row["perspective"] != doc.perspective:
        problems.append(
            f"{doc_id}: the perspective should be written as the corpus "
            "gives it (document.perspective)."
        )
    words, count = row["words"], row["count"]
    if not isinstance(words, numbers.Integral) or words != doc.word_count:
        problems.append(
            f"{doc_id}: 'words' should be the document's word count (document.word_count)."
        )
    if not isinstance(count, numbers.Integral) or isinstance(count, bool) or count < 0:
        problems.append(f"{doc_id}: 'count' should be a whole number of loaded terms.")
    elif isinstance(words, numbers.Integral):
        rate = row["rate_per_1000"]
        # "not <=" so that a NaN rate (which compares False with everything) is refused.
        if (
            not isinstance(rate, numbers.Real)
            or not abs(rate - per_thousand_words(int(count), int(words))) <= tolerance
        ):
            problems.append(f"{doc_id}: 'rate_per_1000' should be count / words x 1,000.")
    return problems


def grade_rate_table(answer: object, key: Key) -> Verdict:
    """Each row's word count, perspective and rate are checked; both perspectives wanted."""
    frame = as_rate_frame(answer)
    corpus = load_corpus()
    problems = [
        p for _, row in frame.iterrows() for p in row_problems(row, key["tolerance"], corpus)
    ]
    perspectives = frame["perspective"].astype(str).nunique()
    if perspectives < key["min_perspectives"]:
        problems.append(
            f"Your table shows {perspectives} perspective(s); add a document of "
            f"the other perspective so that readers can compare "
            f"(at least {key['min_perspectives']})."
        )
    if problems:
        fraction = max(0.0, 1 - len(problems) / (len(frame) + 1))
        return Verdict(False, round(fraction, 2), "\n".join(problems))
    return Verdict(
        True,
        1.0,
        f"All {len(frame)} rows are consistent, with the word counts behind each rate shown.",
    )


CHECKERS = {
    "number": Checker(validate_number, grade_number),
    "rate_table": Checker(validate_rate_table, grade_rate_table),
}
