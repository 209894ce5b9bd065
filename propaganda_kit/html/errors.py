"""Friendly errors: one rule for what a person is told, in notebook cells and in widgets.

The kit's functions refuse bad input with a ValueError (or KeyError) whose message says what
is wrong; a value of the wrong type may surface as a TypeError or AttributeError. When the
error comes from inside ``propaganda_kit``, the student sees a message in a box; errors in the
student's own code keep IPython's usual traceback. The cell still counts as failed, so a
grader or a test notices it.
"""

from __future__ import annotations

import html
import sys
from pathlib import Path
from types import TracebackType

PACKAGE_DIR = Path(__file__).resolve().parent.parent  # the whole propaganda_kit package
KIT_ERRORS = (ValueError, LookupError, OSError, TypeError, AttributeError)
ERROR_STYLE = (
    "color: #8a1f11; background: #fdecea; border-left: 4px solid #c0392b; padding: 6px 10px"
)


def _frame_files(tb: TracebackType | None) -> list[str]:
    files = []
    while tb is not None:
        files.append(tb.tb_frame.f_code.co_filename)
        tb = tb.tb_next
    return files


def _in(folder: Path, filename: str) -> bool:
    return Path(filename).resolve().is_relative_to(folder)


def raised_in_kit(tb: TracebackType | None) -> bool:
    """True when the error arose inside a call into the kit, not in the student's own code.

    That is: some frame is the kit's, and every frame after the last kit frame belongs to
    Python or an installed library (the student's code, such as a callback, does not).
    """
    files = _frame_files(tb)
    kit_frames = [i for i, name in enumerate(files) if _in(PACKAGE_DIR, name)]
    if not kit_frames:
        return False
    libraries = {Path(sys.prefix).resolve(), Path(sys.base_prefix).resolve()}
    return all(
        name.startswith("<frozen") or any(_in(lib, name) for lib in libraries)
        for name in files[kit_frames[-1] + 1 :]
    )


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


def _handler(shell, etype, value, tb, tb_offset=None):  # IPython's custom-exception signature
    if raised_in_kit(tb):
        from IPython.display import display

        display(message_bundle(value), raw=True)
        return None
    return shell.showtraceback((etype, value, tb), tb_offset=tb_offset)


def enable_friendly_errors() -> bool:
    """In a notebook, show errors raised inside the kit as a plain message, not a traceback.

    A lesson's first cell calls this. Errors in the student's own code keep IPython's usual
    traceback, and the cell still counts as failed. Returns True when the handler is on
    (False outside IPython).
    """
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    if shell is None:
        return False
    shell.set_custom_exc(KIT_ERRORS, _handler)
    return True
