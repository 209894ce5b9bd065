"""The kit's interactive widgets (ipywidgets 8): each has ``.widget`` and ``static_view()``."""

from .explorer import LoadedLanguageExplorer
from .quiz import SpottingQuiz
from .reader import DocumentReader
from .rewrite import RewriteBox

__all__ = ["DocumentReader", "LoadedLanguageExplorer", "RewriteBox", "SpottingQuiz"]
