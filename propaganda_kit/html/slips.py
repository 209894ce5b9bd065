"""One-sentence hints for the likeliest slips in a cell: a bare word, a missing bracket.

``name_hint`` explains a NameError (a technique id typed without quotes, a name from a cell
not yet run, a misspelling); ``syntax_hint`` says what to add where for a missing bracket,
quote mark, comma or colon (or a line indented wrongly), or returns None for any other
SyntaxError.
"""

from __future__ import annotations

import difflib
import io
import keyword
import linecache
import re
import tokenize
from collections.abc import Iterable

OPENERS = {"(": ")", "[": "]", "{": "}"}
CLOSERS = {close: open_ for open_, close in OPENERS.items()}
VALUE_WORDS = {"True", "False", "None"}
LONGEST_SHOWN = 80  # a corrected line longer than this is not repeated in the hint


def known_ids() -> set[str]:
    """Words a student types as text: technique ids of the taxonomy, and ``none``."""
    ids = {"none"}
    try:
        from propaganda_kit.data.taxonomy import load_taxonomy

        ids |= set(load_taxonomy().index)
    except Exception:  # a hint must never fail: without the taxonomy, only 'none'
        pass
    return ids


def _tokens(line: str) -> list[tokenize.TokenInfo]:
    """The tokens of one line (as far as they can be read)."""
    found = []
    try:
        for token in tokenize.generate_tokens(io.StringIO(line).readline):
            found.append(token)
    except (tokenize.TokenError, SyntaxError, IndentationError):
        pass
    return found


def quote_ids(line: str, ids: set[str]) -> str:
    """``line`` with every bare word in ``ids`` put in double quotes."""
    tokens = _tokens(line)
    out, last = [], 0
    for previous, token in zip([None, *tokens], tokens, strict=False):
        after_dot = previous is not None and previous.string == "."
        if token.type == tokenize.NAME and token.string in ids and not after_dot:
            start, end = token.start[1], token.end[1]
            out.append(line[last:start] + f'"{token.string}"')
            last = end
    return "".join(out) + line[last:]


def name_hint(name: str, line: str = "", defined: Iterable[str] = ()) -> str:
    """One sentence for a NameError on ``name``, raised in ``line`` of a cell."""
    ids = known_ids()
    if name in ids:
        fixed = quote_ids(line.strip(), ids) if line.strip() else ""
        shown = fixed if fixed and len(fixed) <= LONGEST_SHOWN else f'"{name}"'
        several = len(re.findall(r'"[a-z0-9_]+"', shown)) > 1
        what = "each technique id" if several else "the technique id"
        return f"Put quotes around {what}: {shown}"
    close = difflib.get_close_matches(name, [d for d in defined if not d.startswith("_")], 1)
    if close:
        return (
            f"Python does not know the name {name}: check the spelling (did you mean "
            f"{close[0]}?), or run the cells above this one first."
        )
    return (
        f"Python does not know the name {name}: run the cells above this one first, or, "
        f'if you meant it as text, put it in quotes: "{name}".'
    )


def _ends_value(token: tokenize.TokenInfo) -> bool:
    if token.type == tokenize.NAME:
        return not keyword.iskeyword(token.string) or token.string in VALUE_WORDS
    return token.type in (tokenize.NUMBER, tokenize.STRING) or token.string in CLOSERS


def _starts_value(token: tokenize.TokenInfo) -> bool:
    if token.type == tokenize.NAME:
        return not keyword.iskeyword(token.string) or token.string in VALUE_WORDS
    return token.type in (tokenize.NUMBER, tokenize.STRING) or token.string in OPENERS


def _short(text: str) -> str:
    return text if len(text) <= 30 else text[:29] + "…"


def _missing_comma(err: SyntaxError, lo: int, hi: int) -> str | None:
    """The hint for two values side by side, the second starting in columns ``lo``–``hi``."""
    tokens = [t for t in _tokens(err.text or "") if t.type not in (tokenize.NL, tokenize.NEWLINE)]
    for a, b in zip(tokens, tokens[1:], strict=False):
        if lo <= b.start[1] <= hi and _ends_value(a) and _starts_value(b):
            return (
                f"Add a comma between {_short(a.string)} and {_short(b.string)} "
                f"on line {err.lineno}."
            )
    return None


def _precise(err: SyntaxError) -> SyntaxError:
    """For IPython's 'incomplete input', the error plain Python gives for the same cell."""
    source = "".join(linecache.getlines(err.filename or ""))
    try:
        compile(source, err.filename or "<cell>", "exec", dont_inherit=True)
    except SyntaxError as precise:
        return precise
    return err


def syntax_hint(err: SyntaxError) -> str | None:
    """One sentence saying what to add where, for the likeliest slips; else None.

    IPython compiles a cell allowing incomplete input, so an unclosed bracket or text
    reads "incomplete input"; the cell (kept in ``linecache``) is then compiled again.
    """
    if err.msg == "incomplete input":
        precise = _precise(err)
        if precise.msg != "incomplete input":
            return syntax_hint(precise)
        return f"Add the closing bracket or quote mark that is missing by line {err.lineno}."
    msg, line, text = err.msg or "", err.lineno, err.text or ""
    offset = err.offset or 1
    if match := re.fullmatch(r"'(.)' was never closed", msg):
        opener = match.group(1)
        return (
            f"Add the closing {OPENERS.get(opener, '')} that matches the {opener} on line {line}."
        )
    if msg.startswith("unterminated triple-quoted string"):
        quote = text[offset - 1 : offset] if text[offset - 1 : offset] in "\"'" else '"'
        return f"Add the closing {quote * 3} to end the text that starts on line {line}."
    if msg.startswith("unterminated string literal"):
        quote = text[offset - 1 : offset] or '"'
        start = _short(text[offset - 1 :].rstrip())
        return f"Add a closing quote mark {quote} at the end of the text {start} on line {line}."
    if match := re.match(
        r"closing parenthesis '(.)' does not match opening parenthesis '(.)'", msg
    ):
        closer, opener = match.groups()
        return (
            f"Add the closing {OPENERS.get(opener, '')} for the {opener} before the {closer} on "
            f"line {line}."
        )
    if match := re.fullmatch(r"unmatched '(.)'", msg):
        closer = match.group(1)
        return (
            f"Remove the {closer} on line {line}, or add an opening {CLOSERS.get(closer, '')} "
            "before it."
        )
    if msg.startswith("expected an indented block"):
        return f"Add four spaces at the start of line {line}, to put it inside the line above."
    if msg == "unexpected indent":
        return f"Remove the spaces at the start of line {line}."
    if msg.startswith("unindent does not match"):
        return f"Line up the start of line {line} with the lines above it."
    if msg == "expected ':'":
        return f"Add a colon : at the end of line {line}."
    if msg.endswith("Perhaps you forgot a comma?"):
        end = err.end_offset if err.end_lineno == line and err.end_offset else len(text)
        return _missing_comma(err, offset, end - 1) or f"Add the missing comma on line {line}."
    if msg == "invalid syntax":
        return _missing_comma(err, offset - 1, offset - 1)
    return None
