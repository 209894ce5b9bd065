"""The placeholder a student replaces, and the shape checks every checker shares."""

from __future__ import annotations

from collections.abc import Iterable


class _NotAnswered:
    """The type of ``NOT_ANSWERED``: one instance, with a readable repr."""

    _instance: _NotAnswered | None = None

    def __new__(cls) -> _NotAnswered:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "NOT_ANSWERED"

    def __bool__(self) -> bool:
        return False


NOT_ANSWERED = _NotAnswered()


class AnswerProblem(ValueError):
    """The answer has the wrong shape; the message is a hint for the student."""


def describe(value: object) -> str:
    """A short plain name for what the student gave ('a string', 'None', ...)."""
    if value is None:
        return "None"
    if value is Ellipsis:
        return "... (a placeholder)"
    names = {
        str: "a string",
        int: "a whole number",
        float: "a number",
        bool: "True/False",
        list: "a list",
        tuple: "a tuple",
        set: "a set",
        dict: "a dictionary",
    }
    for kind, name in names.items():
        if type(value) is kind:
            return name
    return f"a {type(value).__name__}"


def reject_unfinished(answer: object, expected: str) -> None:
    """Refuse None and ``...`` (``string_items`` refuses a list still holding NOT_ANSWERED)."""
    if answer is None or answer is Ellipsis:
        raise AnswerProblem(f"Your answer is {describe(answer)}. Replace it with {expected}.")


def string_items(answer: object, expected: str, example: str) -> list[str]:
    """The answer as a list of non-empty strings, or AnswerProblem with a hint."""
    reject_unfinished(answer, expected)
    if isinstance(answer, (str, bytes)):
        raise AnswerProblem(
            f"You gave a single string; {expected} is expected, for example {example}."
        )
    if isinstance(answer, dict) or not isinstance(answer, Iterable):
        raise AnswerProblem(
            f"You gave {describe(answer)}; {expected} is expected, for example {example}."
        )
    items = list(answer)
    if not items:
        raise AnswerProblem(f"Your answer is empty; {expected} is expected, for example {example}.")
    for item in items:
        if item is NOT_ANSWERED or item is Ellipsis or item is None:
            raise AnswerProblem(f"Your list still holds {item!r}; replace it with your own entry.")
        if not isinstance(item, str):
            raise AnswerProblem(
                f"Every entry should be a string in quotes; {item!r} is {describe(item)}."
            )
        if not item.strip():
            raise AnswerProblem("One entry is an empty string; remove it or fill it in.")
    return items
