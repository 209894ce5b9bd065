"""The kit's interactive widgets (ipywidgets 8): each has ``.widget`` and ``static_view()``."""

from __future__ import annotations

import importlib

_HOMES = {
    "DocumentReader": ".reader",
    "SpottingQuiz": ".quiz",
    "LoadedLanguageExplorer": ".explorer",
    "RewriteBox": ".rewrite",
}

__all__ = sorted(_HOMES)


def __getattr__(name: str) -> object:
    """Import each widget on first use (some modules are still being written)."""
    if name in _HOMES:
        return getattr(importlib.import_module(_HOMES[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
