"""nbgrader settings for a course that uses the propaganda kit's exercise notebooks.

Copy this file into your nbgrader course folder (INSTRUCTORS.md, "Using nbgrader") and run
nbgrader from that folder, with the kit's environment active. The notebooks in the kit's
``solutions/`` are the sources, one assignment per notebook: ``source/<name>/<name>.ipynb``.
"""

from nbgrader.converters import GenerateAssignment
from nbgrader.preprocessors import NbGraderPreprocessor


class ClearWidgetState(NbGraderPreprocessor):
    """Drop the widget state a run of the solution saved in the notebook: it holds the answers."""

    def preprocess(self, nb, resources):
        nb.metadata.pop("widgets", None)
        return nb, resources


c = get_config()  # noqa: F821 (nbgrader provides get_config when it reads this file)

c.CourseDirectory.course_id = "propaganda-kit"

# Students answer in the exercise widgets: nbgrader puts the same line as the kit's
# build-exercises where each solution was (and its usual text where a written answer goes).
c.ClearSolutions.code_stub = {
    "python": "# Give your answer in the widget below, then press 'Check my answer'."
}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"
c.GenerateAssignment.preprocessors = [
    *GenerateAssignment.class_traits()["preprocessors"].default(),
    ClearWidgetState,
]

# A widget keeps its answer in the notebook's outputs (an answer record), and the hidden
# test cell, points_for("..."), grades the answer kept there. So autograde must not clear
# the outputs of the submitted file before it runs it (its usual first step); every cell
# still runs afresh, and only the answer records are read from the saved outputs.
c.Autograde.sanitize_preprocessors = [
    "nbgrader.preprocessors.DeduplicateIds",
    "nbgrader.preprocessors.OverwriteKernelspec",
    "nbgrader.preprocessors.OverwriteCells",
    "nbgrader.preprocessors.CheckCellMetadata",
]

# Only the handed-in notebook counts: a copy of the kit's saved-work folder that comes with
# a submission is neither released, collected nor graded.
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback", "my_work"]
