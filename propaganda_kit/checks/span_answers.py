"""Span answers: mark the loaded language in a passage, scored against an instructor's key.

A student gives quotes (strings) or ``(start, end)`` offsets into the passage (Span objects
work too); an empty list marks nothing, the right answer for a control item (a plain
passage whose key has no spans, where every mark is a false alarm). A quote is found
forgivingly (case, punctuation and spacing around it, simple inflections). A marked
stretch matches a key span when their overlap covers at least half of each, so a slightly
longer or shorter span still counts.
"""

from __future__ import annotations

import math
import re

from propaganda_kit.checks.answers import AnswerProblem, describe, reject_unfinished
from propaganda_kit.checks.base import (
    Checker,
    Key,
    KeyProblem,
    join_quoted,
    optional_text,
    plural,
    require_fields,
)
from propaganda_kit.checks.matching import find_phrase, short
from propaganda_kit.checks.result import Counts, Verdict

MIN_SHARE = 0.5
CONTROL_HINT = (
    "Look again: is any word doing more than reporting? If not, there is nothing to mark."
)
FALSE_ALARM_HINT = "Is the word loaded, or just specific?"
SENTENCE_END_RE = re.compile(r"[.!?]+[\"'”’)]*\s+")
EXAMPLE = "['first phrase', 'second phrase'] or [(10, 25), (40, 52)]"


def key_spans(key: Key) -> list[tuple[int, int]]:
    """(start, end) of each key span in the passage, in order."""
    spans = []
    for entry in key["spans"]:
        start = key["passage"].find(entry["text"])
        spans.append((start, start + len(entry["text"])))
    return sorted(spans)


def allowed_false_alarms(key: Key) -> int:
    """False alarms allowed: the key's ``max_false_alarms``; default 1, or 0 for a control."""
    return key.get("max_false_alarms", 0 if key.get("control") else 1)


def validate_spans(key: Key) -> None:
    """A spans key: the passage and its spans, each quoted once, verbatim, and an optional
    ``false_alarm_hint`` (the question after the false alarms).

    A control item (``"control": true``) has no spans, and a key without spans is a control.
    """
    require_fields(key, {"passage": str, "spans": list})
    optional_text(key, "false_alarm_hint")
    allowed = allowed_false_alarms(key)
    if isinstance(allowed, bool) or not isinstance(allowed, int) or allowed < 0:
        raise KeyProblem("'max_false_alarms' must be a whole number, 0 or more")
    if (not key["spans"]) != bool(key.get("control")):
        raise KeyProblem(
            "'spans' is empty only for a control item (\"control\": true), and a control "
            "item has no spans"
        )
    if not key["spans"]:
        if "min_hits" in key:
            raise KeyProblem("a control item has no 'min_hits': there is nothing to hit")
        return
    for entry in key["spans"]:
        text = entry.get("text") if isinstance(entry, dict) else None
        if not isinstance(text, str) or not text:
            raise KeyProblem("every span needs a 'text'")
        if key["passage"].count(text) != 1:
            raise KeyProblem(f"span {text!r} must occur exactly once in the passage")
    min_hits = key.get("min_hits", len(key["spans"]))
    if not isinstance(min_hits, int) or not 0 < min_hits <= len(key["spans"]):
        raise KeyProblem("'min_hits' must be between 1 and the number of spans")


def sentence_number(passage: str, offset: int) -> int:
    """1-based number of the sentence that holds ``offset``."""
    return 1 + sum(1 for m in SENTENCE_END_RE.finditer(passage) if m.end() <= offset)


def overlap_matches(marked: tuple[int, int], target: tuple[int, int]) -> bool:
    """True when the overlap covers at least half of both stretches."""
    shared = min(marked[1], target[1]) - max(marked[0], target[0])
    return (
        shared > 0
        and shared >= MIN_SHARE * (marked[1] - marked[0])
        and shared >= MIN_SHARE * (target[1] - target[0])
    )


def as_offsets(item: object, length: int) -> tuple[int, int] | None:
    """(start, end) from a pair or an object with ``start``/``end``; None if neither."""
    if hasattr(item, "start") and hasattr(item, "end"):
        pair = (item.start, item.end)
    elif isinstance(item, (tuple, list)) and len(item) == 2:
        pair = tuple(item)
    else:
        return None
    if not all(isinstance(x, int) and not isinstance(x, bool) for x in pair):
        raise AnswerProblem(f"The offsets {pair!r} should be two whole numbers (start, end).")
    if not 0 <= pair[0] < pair[1] <= length:
        raise AnswerProblem(
            f"The offsets {pair!r} are outside the passage, which has {length} "
            "characters (start must be smaller than end)."
        )
    return pair


def candidates(answer: object, passage: str) -> tuple[list[list[tuple[int, int]]], list[str]]:
    """For each marked item, where it may sit in the passage; plus quotes not found."""
    reject_unfinished(answer, "a list of quotes or (start, end) pairs")
    if isinstance(answer, (str, bytes)):
        raise AnswerProblem(f"You gave one string; a list is expected, for example {EXAMPLE}.")
    if isinstance(answer, dict) or not hasattr(answer, "__iter__"):
        raise AnswerProblem(
            f"You gave {describe(answer)}; a list is expected, for example {EXAMPLE}."
        )
    items = list(answer)
    found, missing = [], []
    for item in items:
        if isinstance(item, str):
            if not item.strip():
                raise AnswerProblem("One entry is an empty string; remove it or fill it in.")
            places = find_phrase(item, passage)
            if places:
                found.append(places)
            else:
                missing.append(item)
            continue
        pair = as_offsets(item, len(passage))
        if pair is None:
            raise AnswerProblem(
                f"Each entry should be a quote in quotes or a (start, end) pair; "
                f"{item!r} is {describe(item)}."
            )
        found.append([pair])
    return found, missing


def not_found_line(missing: list[str]) -> str:
    """The feedback line for quotes that are not in the passage."""
    return (
        f"Not found in the passage: {join_quoted([s.strip() for s in missing])}. "
        "Copy the words as they appear."
    )


def enough_hits_line(too_many_false_alarms: bool, near: bool, missing: bool) -> str:
    """Why an answer with enough hits is not right yet."""
    reasons = []
    if too_many_false_alarms:
        reasons.append("more false alarms than allowed")
    if near:
        reasons.append("a mark much longer or shorter than a key span")
    if missing:
        reasons.append("a quote not found in the passage")
    return "That is enough hits. Still to fix: " + " and ".join(reasons) + "."


def grade_control_spans(
    found: list[list[tuple[int, int]]], missing: list[str], key: Key
) -> Verdict:
    """A plain passage: every mark is a false alarm; beyond the allowed ones, no points.

    The feedback does not say that the passage is plain; it asks the student to look again.
    """
    passage, allowed = key["passage"], allowed_false_alarms(key)
    marks = sorted({places[0] for places in found})
    if not marks and not missing:
        return Verdict(
            True,
            1.0,
            "Right: the key marks nothing in this passage either; its words report "
            "without an emotional charge.",
            Counts(0, 0, 0),
        )
    lines = []
    if marks:
        quoted = ", ".join(short(passage[start:end]) for start, end in marks)
        limit = f"Up to {allowed} allowed here." if allowed else "None are allowed here."
        lines.append(f"False alarms (not in the key): {quoted}. {limit}")
        lines.append(key.get("false_alarm_hint", CONTROL_HINT))
    if missing:
        lines.append(not_found_line(missing))
    excess = max(0, len(marks) - allowed)
    fraction = 0.0 if excess else 1.0
    correct = excess == 0 and not missing
    return Verdict(correct, fraction, "\n".join(lines), Counts(0, 0, len(marks)))


def grade_spans(answer: object, key: Key) -> Verdict:
    """Hits, misses and false alarms of the marked stretches against the key spans."""
    passage = key["passage"]
    found, missing = candidates(answer, passage)
    if not key["spans"]:
        return grade_control_spans(found, missing, key)
    targets = key_spans(key)
    matched: set[int] = set()
    false_alarms: list[str] = []
    near: list[str] = []
    for places in found:
        hit = next(
            (
                i
                for p in places
                for i, t in enumerate(targets)
                if i not in matched and overlap_matches(p, t)
            ),
            None,
        )
        if hit is not None:
            matched.add(hit)
        elif any(overlap_matches(p, t) for p in places for t in targets):
            continue  # the same key span marked twice
        elif any(min(p[1], t[1]) > max(p[0], t[0]) for p in places for t in targets):
            near.append(short(passage[places[0][0] : places[0][1]]))
        else:
            false_alarms.append(short(passage[places[0][0] : places[0][1]]))
    need = key.get("min_hits", len(targets))
    allowed = allowed_false_alarms(key)
    lines = [
        f"Hits: {len(matched)} of the {plural(len(targets), 'span')} in the key "
        f"(at least {need} wanted)."
    ]
    missed = [t for i, t in enumerate(targets) if i not in matched]
    if missed:
        where = [str(n) for n in sorted({sentence_number(passage, t[0]) for t in missed})]
        label = (
            f"sentence {where[0]}"
            if len(where) == 1
            else f"sentences {', '.join(where[:-1])} and {where[-1]}"
        )
        lines.append(f"Missed: {len(missed)}, in {label} of the passage.")
    if near:
        lines.append(
            f"Close but much longer or shorter than a key span: {', '.join(near)}. "
            "Mark just the loaded words."
        )
    if false_alarms:
        hint = key.get("false_alarm_hint", FALSE_ALARM_HINT)
        lines.append(
            f"False alarms (not in the key): {', '.join(false_alarms)}. "
            f"Up to {allowed} allowed. {hint}"
        )
    if missing:
        lines.append(not_found_line(missing))
    wrong = len(false_alarms) + len(near)
    precision = len(matched) / (len(matched) + wrong) if matched else 0.0
    fraction = len(matched) / len(targets) * (1.0 if wrong <= allowed else precision)
    correct = len(matched) >= need and len(false_alarms) <= allowed and not missing and not near
    if len(matched) >= need and not correct:
        lines.insert(1, enough_hits_line(len(false_alarms) > allowed, bool(near), bool(missing)))
    counts = Counts(len(matched), len(missed), len(false_alarms))
    return Verdict(correct, math.floor(fraction * 100) / 100, "\n".join(lines), counts)


CHECKERS = {"spans": Checker(validate_spans, grade_spans)}
