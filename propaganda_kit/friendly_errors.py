"""In a notebook, errors raised by the kit's own code appear as a plain message, not a traceback.

The kit's functions refuse bad input with a ValueError (or KeyError) whose message says what
is wrong. When the error comes from inside ``propaganda_kit``, the student sees that message
in a box; errors in the student's own code keep IPython's usual traceback. The cell still
counts as failed, so a grader or a test notices it.
"""

from __future__ import annotations

import html
from pathlib import Path
from types import TracebackType

PACKAGE_DIR = Path(__file__).resolve().parent
KIT_ERRORS = (ValueError, KeyError)


def raised_in_kit(tb: TracebackType | None) -> bool:
    """True when the innermost frame of ``tb`` is in the kit's own code."""
    last = None
    while tb is not None:
        last, tb = tb, tb.tb_next
    return last is not None and Path(last.tb_frame.f_code.co_filename).resolve().is_relative_to(
        PACKAGE_DIR)


def message_bundle(error: BaseException) -> dict[str, str]:
    """The friendly message as HTML and plain text."""
    detail = str(error.args[0]) if isinstance(error, KeyError) and error.args else str(error)
    plain = f"The kit could not do that: {detail}"
    return {"text/plain": plain,
            "text/html": f'<div class="kit-error" style="color: #8a1f11; background: #fdecea; '
                         f'border-left: 4px solid #c0392b; padding: 6px 10px">'
                         f"<b>The kit could not do that.</b> {html.escape(detail)}</div>"}


def _handler(shell, etype, value, tb, tb_offset=None):  # IPython's custom-exception signature
    if raised_in_kit(tb):
        from IPython.display import display

        display(message_bundle(value), raw=True)
        return None
    return shell.showtraceback((etype, value, tb), tb_offset=tb_offset)


def install() -> bool:
    """Register the handler in the running IPython shell, if any; True when installed."""
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    if shell is None:
        return False
    shell.set_custom_exc(KIT_ERRORS, _handler)
    return True
