"""``start_lesson()``: what a lesson's first cell switches on."""

from __future__ import annotations

import pandas as pd

from propaganda_kit.html.errors import enable_friendly_errors
from propaganda_kit.html.tables import table_html


def start_lesson() -> None:
    """Friendly errors, and every table shown in the kit's one style (outside a notebook:
    nothing). Returns None, so a set-up cell that ends with it shows nothing."""
    if not enable_friendly_errors():
        return
    from IPython import get_ipython

    get_ipython().display_formatter.formatters["text/html"].for_type(pd.DataFrame, table_html)
