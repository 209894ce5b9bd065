"""The one form of an id the kit accepts: documents, passages, exercises, saved work."""

from __future__ import annotations

import re

ID_RE = re.compile(r"[a-z0-9][a-z0-9_-]{0,79}\Z")
ID_RULE = (
    "use lowercase letters, digits, '-' and '_', starting with a letter or digit, "
    "at most 80 characters"
)


def id_problem(value: object) -> str:
    """The sentence that says why ``value`` is not an id."""
    return f"{value!r} is not a valid id ({ID_RULE})"


def is_id(value: object) -> bool:
    """True when ``value`` is a string in the kit's id form (at most 80 characters)."""
    return isinstance(value, str) and ID_RE.match(value) is not None
