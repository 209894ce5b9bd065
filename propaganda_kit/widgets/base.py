"""What every kit widget shares: its CSS element, the safe-callback rule, and displaying."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import ipywidgets as widgets
from IPython.display import display

from propaganda_kit.html.errors import error_html
from propaganda_kit.html.page import style_html


def style_widget(
    colours: dict[str, str] | None = None, underlined: Iterable[str] = ()
) -> widgets.HTML:
    """An invisible HTML widget that injects the kit's CSS (put one in each container)."""
    box = widgets.HTML(style_html(colours, underlined), layout=widgets.Layout(display="none"))
    box.add_class("kit-style")
    return box


def run_safely(action: Callable[..., Any], show: widgets.HTML, *args: Any, **kwargs: Any) -> Any:
    """Call ``action``; on any exception put a friendly message in ``show`` and return None."""
    try:
        return action(*args, **kwargs)
    except Exception as err:  # a student must never see a traceback
        show.value = error_html(err)
        return None


def safe_callback(action: Callable[..., Any], show: widgets.HTML) -> Callable[..., Any]:
    """``action`` wrapped for ``on_click``/``observe``: errors appear in ``show``, never raise."""

    def callback(*args: Any, **kwargs: Any) -> Any:
        return run_safely(action, show, *args, **kwargs)

    callback.__name__ = getattr(action, "__name__", "callback")
    callback.__doc__ = action.__doc__
    return callback


class KitWidget:
    """Base for the kit's widgets: ``.widget`` is the container; displaying shows it."""

    widget: widgets.Box

    def _ipython_display_(self) -> None:
        display(self.widget)

    def display(self) -> None:
        """Show the widget in the notebook."""
        display(self.widget)
