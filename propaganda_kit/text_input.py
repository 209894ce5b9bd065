"""Checks on text handed to the kit by a student, an instructor or a file."""

from __future__ import annotations

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
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError as err:
            raise ValueError(
                f"The {what} is not valid UTF-8 text (undecodable byte at position "
                f"{err.start}). Save it as UTF-8 and try again."
            ) from None
    if not isinstance(text, str):
        raise ValueError(
            f"The {what} should be a string of text, not {type(text).__name__}."
        )
    if "\x00" in text:
        raise ValueError(
            f"The {what} contains a NUL character (position {text.index(chr(0))}); "
            "it looks like binary data rather than text."
        )
    if len(text) > MAX_TEXT_CHARS:
        raise ValueError(
            f"The {what} is too long ({len(text):,} characters; the limit is "
            f"{MAX_TEXT_CHARS:,})."
        )
    return text
