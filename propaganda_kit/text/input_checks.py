"""Checks on text handed to the kit by a student, an instructor or a file."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

MAX_TEXT_CHARS = 50_000_000


def require_text(text: object, what: str = "text") -> str:
    """Return ``text`` if it is a usable string, else raise a friendly ValueError.

    Accepts any ``str`` (empty included: callers decide what empty means).
    Bytes are decoded as UTF-8; undecodable bytes, NUL characters and
    non-strings are refused with a message that names the problem.
    Offsets computed on the returned string index the text as given.
    """
    if isinstance(text, (bytes, bytearray)):
        try:
            text = decode_utf8(bytes(text))
        except ValueError as err:
            raise ValueError(f"The {what} {err}.") from None
    if not isinstance(text, str):
        raise ValueError(f"The {what} should be a string of text, not {type(text).__name__}.")
    if "\x00" in text:
        raise ValueError(
            f"The {what} contains a NUL character (position {text.index(chr(0))}); "
            "it looks like binary data rather than text."
        )
    if len(text) > MAX_TEXT_CHARS:
        raise ValueError(
            f"The {what} is too long ({len(text):,} characters; the limit is {MAX_TEXT_CHARS:,})."
        )
    return text


def require_choice(value: str, allowed: Sequence[str], what: str) -> str:
    """``value`` if it is one of ``allowed``, else a friendly ValueError naming ``what``."""
    if value not in allowed:
        raise ValueError(f"{what} should be one of {', '.join(allowed)} (got {value!r}).")
    return value


def as_ids(chosen: str | Iterable[str] | None) -> list[str] | None:
    """A selection as a list of ids: one id given as a string is one id, not its letters."""
    if chosen is None:
        return None
    return [chosen] if isinstance(chosen, str) else list(chosen)


def decode_utf8(raw: bytes) -> str:
    """``raw`` as text: UTF-8, a leading byte-order mark dropped, newlines made ``\\n``.

    Raises ValueError with a phrase that completes "The file ...": undecodable bytes or
    NUL characters (a binary file) are named, with the position of the first bad byte.
    """
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise ValueError(
            f"is not valid UTF-8 text (undecodable byte at position {err.start}); save it as UTF-8"
        ) from None
    if "\x00" in text:
        raise ValueError("contains NUL bytes; it looks like a binary file, not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def require_table(
    table: object, columns: Iterable[str], maker: str, allow_empty: bool = True
) -> pd.DataFrame:
    """``table`` if it is a DataFrame with ``columns``, else a friendly ValueError.

    ``maker`` names the call that makes the right table, e.g. ``naming_map(corpus)``.
    """
    if not isinstance(table, pd.DataFrame):
        raise ValueError(f"This needs the table from {maker}.")
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise ValueError(
            f"This needs the table from {maker}: this one lacks the column(s) {', '.join(missing)}."
        )
    if table.empty and not allow_empty:
        raise ValueError(f"The table from {maker} is empty: there is nothing to chart.")
    return table
