"""Friendly errors: one rule for what a person is told, in notebook cells and in widgets.

The kit's functions refuse bad input with a ValueError (or KeyError) whose message says what
is wrong; a value of the wrong type may surface as a TypeError or AttributeError. When the
error comes from inside ``propaganda_kit``, the student sees a message in a box; errors in the
student's own code keep IPython's usual traceback, except the likeliest slips: a NameError
(a word typed without quotes, a cell not run yet) and a SyntaxError from a missing bracket,
quote mark or comma get a one-sentence hint instead (``html/slips.py``). The cell still
counts as failed, so a grader or a test notices it.
"""

from __future__ import annotations

import html
import linecache
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType

from propaganda_kit.html.slips import name_hint, syntax_hint

PACKAGE_DIR = Path(__file__).resolve().parent.parent  # the whole propaganda_kit package
KIT_ERRORS = (ValueError, LookupError, OSError, TypeError, AttributeError)
SLIP_ERRORS = (NameError, SyntaxError)
ERROR_STYLE = (
    "color: #8a1f11; background: #fdecea; border-left: 4px solid #c0392b; padding: 6px 10px"
)
HINT_STYLE = (
    "color: #1f3d5a; background: #eef3f7; border-left: 4px solid #5d7c99; padding: 6px 10px"
)


def _frame_files(tb: TracebackType | None) -> list[str]:
    files = []
    while tb is not None:
        files.append(tb.tb_frame.f_code.co_filename)
        tb = tb.tb_next
    return files


def _in(folder: Path, filename: str) -> bool:
    return Path(filename).resolve().is_relative_to(folder)


def _library(filename: str) -> bool:
    libraries = {Path(sys.prefix).resolve(), Path(sys.base_prefix).resolve()}
    return filename.startswith("<frozen") or any(_in(lib, filename) for lib in libraries)


def raised_in_kit(tb: TracebackType | None) -> bool:
    """True when the error arose inside a call into the kit, not in the student's own code.

    That is: some frame is the kit's, and every frame after the last kit frame belongs to
    Python or an installed library (the student's code, such as a callback, does not).
    """
    files = _frame_files(tb)
    kit_frames = [i for i, name in enumerate(files) if _in(PACKAGE_DIR, name)]
    if not kit_frames:
        return False
    return all(_library(name) for name in files[kit_frames[-1] + 1 :])


def _last_frame(tb: TracebackType | None) -> TracebackType | None:
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    return tb


def slip_hint(
    err: BaseException, tb: TracebackType | None, defined: Iterable[str] = ()
) -> str | None:
    """A one-sentence hint when ``err`` is a likely slip in a cell, else None.

    A slip is a NameError raised in the student's own code (not in the kit or a library),
    or a SyntaxError met while compiling a cell (no frame outside Python and its libraries)
    that ``syntax_hint`` recognises. ``defined`` are the names the notebook has.
    """
    if isinstance(err, SyntaxError):
        compiling = all(_library(name) for name in _frame_files(tb))
        return syntax_hint(err) if compiling else None
    if not isinstance(err, NameError) or isinstance(err, UnboundLocalError):
        return None
    last = _last_frame(tb)
    if last is None:
        return None
    filename = last.tb_frame.f_code.co_filename
    if _in(PACKAGE_DIR, filename) or _library(filename):
        return None
    name = getattr(err, "name", None) or "".join(re.findall(r"name '(\w+)'", str(err))[:1])
    if not name:
        return None
    line = linecache.getline(filename, last.tb_lineno)
    return name_hint(name, line, defined)


def friendly_message(err: BaseException) -> str:
    """The one rule for telling a person about an error, in a notebook cell or a widget.

    The kit's own refusals (ValueError, LookupError, OSError) are shown as written; a value
    of the wrong kind (TypeError, AttributeError) is named as such; anything else is
    summarised, with a word that the student's work is safe.
    """
    detail = str(err.args[0]) if isinstance(err, KeyError) and err.args else str(err)
    if isinstance(err, (ValueError, LookupError, OSError)) and detail:
        return detail
    if isinstance(err, (TypeError, AttributeError)):
        return (
            "One of the values given is not of the kind this function expects "
            f"({type(err).__name__}: {detail}). Check what you passed in."
        )
    return (
        f"Something unexpected went wrong ({type(err).__name__}: {detail}). "
        "Your work so far is safe; try again, or show this message to your instructor."
    )


def error_html(err: BaseException) -> str:
    """``friendly_message(err)`` as an escaped HTML box (styled inline, so it needs no CSS)."""
    return (
        f'<div class="kit-error" style="{ERROR_STYLE}"><b>The kit could not do that.</b> '
        f"{html.escape(friendly_message(err))}</div>"
    )


def message_bundle(err: BaseException) -> dict[str, str]:
    """The friendly message as HTML and plain text, for a notebook cell's output."""
    return {
        "text/plain": f"The kit could not do that: {friendly_message(err)}",
        "text/html": error_html(err),
    }


def hint_bundle(hint: str) -> dict[str, str]:
    """A slip's one-sentence hint as HTML and plain text, for a notebook cell's output."""
    return {
        "text/plain": f"Hint: {hint}",
        "text/html": (
            f'<div class="kit-hint" style="{HINT_STYLE}"><b>Hint:</b> {html.escape(hint)}</div>'
        ),
    }


def _handler(shell, etype, value, tb, tb_offset=None):  # IPython's custom-exception signature
    hint = slip_hint(value, tb, shell.user_ns)
    if hint is not None:
        from IPython.display import display

        display(hint_bundle(hint), raw=True)
        return None
    if raised_in_kit(tb):
        from IPython.display import display

        display(message_bundle(value), raw=True)
        return None
    return shell.showtraceback((etype, value, tb), tb_offset=tb_offset)


def enable_friendly_errors() -> bool:
    """In a notebook, show errors raised inside the kit as a plain message, not a traceback.

    A lesson's first cell calls this. Errors in the student's own code keep IPython's usual
    traceback, except slips (a NameError, a missing bracket, quote mark or comma), which get
    a one-sentence hint; the cell still counts as failed. IPython passes a SyntaxError met
    while compiling a cell to the handler registered with ``set_custom_exc`` (since IPython
    5), so one handler serves all three. Returns True when the handler is on (False outside
    IPython).
    """
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    if shell is None:
        return False
    shell.set_custom_exc(KIT_ERRORS + SLIP_ERRORS, _handler)
    return True
