"""What every kit widget shares: its CSS element, the safe-callback rule, and displaying."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from typing import Any

import ipywidgets as widgets
from IPython.display import HTML, display

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


RUN_NOTE = "Run this notebook's cells (Run > Run All Cells) to use this widget."


class KitWidget:
    """Base for the kit's widgets: ``.widget`` is the container; displaying shows it.

    The display carries the widget, a static HTML view of it and a plain note, so a
    notebook opened before it runs (or not trusted) shows the static view, never a repr.
    """

    widget: widgets.Box

    def static_html(self) -> str:
        """The static view as HTML, for a notebook not yet run (each widget says what)."""
        raise NotImplementedError

    def static_view(self) -> HTML:
        """The static view, displayable."""
        return HTML(self.static_html())

    def mimebundle(self) -> dict:
        """The widget view, its static HTML view and a plain note, for one display."""
        data = self.widget._repr_mimebundle_()
        data["text/plain"] = RUN_NOTE
        try:
            static = self.static_html()
        except Exception:  # the static view is a courtesy: the widget itself still shows
            static = ""
        data["text/html"] = static or html.escape(RUN_NOTE)
        return data

    def _ipython_display_(self) -> None:
        display(self.mimebundle(), raw=True)

    def display(self) -> None:
        """Show the widget in the notebook."""
        self._ipython_display_()
