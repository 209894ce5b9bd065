"""In a notebook, errors raised by the kit's own code appear as a plain message, not a traceback.

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

PACKAGE_DIR = Path(__file__).resolve().parent
KIT_ERRORS = (ValueError, LookupError, TypeError, AttributeError)


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
    return all(name.startswith("<frozen") or any(_in(lib, name) for lib in libraries)
               for name in files[kit_frames[-1] + 1:])


def message_bundle(error: BaseException) -> dict[str, str]:
    """The friendly message as HTML and plain text."""
    detail = str(error.args[0]) if isinstance(error, KeyError) and error.args else str(error)
    if isinstance(error, (TypeError, AttributeError)):  # a value of the wrong kind reached the kit
        detail = ("one of the values given is not of the kind this function expects "
                  f"({type(error).__name__}: {detail}). Check what you passed in.")
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
