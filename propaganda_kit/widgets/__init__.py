"""The kit's interactive widgets (ipywidgets 8): each has ``.widget`` and
``static_view()``; displaying one shows the widget with its static view beside it."""

from propaganda_kit.widgets.discernment import DiscernmentCheck, discernment_check
from propaganda_kit.widgets.exercise import ExerciseWidget, exercise_widget
from propaganda_kit.widgets.explorer import LoadedLanguageExplorer
from propaganda_kit.widgets.fact_sheet import FactSheetViewer
from propaganda_kit.widgets.lateral_reading import LateralReadingLog
from propaganda_kit.widgets.quiz import SpottingQuiz
from propaganda_kit.widgets.reader import DocumentReader
from propaganda_kit.widgets.rewrite import RewriteBox
from propaganda_kit.widgets.score import ScoreWidget, score_widget

__all__ = [
    "DiscernmentCheck",
    "DocumentReader",
    "ExerciseWidget",
    "FactSheetViewer",
    "LateralReadingLog",
    "LoadedLanguageExplorer",
    "RewriteBox",
    "ScoreWidget",
    "SpottingQuiz",
    "discernment_check",
    "exercise_widget",
    "score_widget",
]
