"""What every checker module provides: a key validator and a grader, by kind of answer."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from propaganda_kit.checks.result import Verdict

Key = dict[str, Any]


class KeyProblem(ValueError):
    """An answer key is malformed (an instructor's problem, reported in plain words)."""


class Checker(NamedTuple):
    """``validate(key)`` raises KeyProblem for a malformed key; ``grade(answer, key)`` judges."""

    validate: Callable[[Key], None]
    grade: Callable[[object, Key], Verdict]


def require_fields(key: Key, fields: dict[str, type | tuple[type, ...]]) -> None:
    """Raise KeyProblem unless ``key`` has each field with the given type."""
    for name, kind in fields.items():
        if name not in key:
            raise KeyProblem(f"the key needs a '{name}' field")
        if not isinstance(key[name], kind) or isinstance(key[name], bool) and kind is not bool:
            raise KeyProblem(f"the key's '{name}' field has the wrong type")


def optional_text(key: Key, name: str) -> None:
    """Raise KeyProblem when the optional field ``name`` is present but not filled-in text."""
    if name in key and (not isinstance(key[name], str) or not key[name].strip()):
        raise KeyProblem(f"the key's '{name}' field must be a non-empty text")


def join_quoted(items: list[str]) -> str:
    """'a', 'b' and 'c' (for feedback lines)."""
    quoted = [f"'{i}'" for i in items]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


def plural(count: int, word: str) -> str:
    """'1 span', '2 spans'."""
    return f"{count} {word}{'' if count == 1 else 's'}"
