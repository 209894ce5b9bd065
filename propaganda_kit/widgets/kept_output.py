"""``KeptOutput``: the output below a widget that keeps its answer in the notebook file.

It displays the answer record (``data/notebook_answers``) with a quiet one-line summary and
updates that same output (a display id) whenever the answer changes, so saving the notebook
saves the answer. ``restore`` finds the newest kept record (memory, notebook file, my_work).
"""

from __future__ import annotations

import html
from typing import Any

from IPython.display import display

from propaganda_kit.checks.kept_answers import keep, kept_record, new_record
from propaganda_kit.data.notebook_answers import ANSWER_MIME


class KeptOutput:
    """One answer record shown below a widget and kept up to date."""

    def __init__(self, name: str, notebook: str = "") -> None:
        self.name = name
        self.notebook = notebook
        self.record: dict[str, Any] = {"exercise": name, "answer": None, "saved_at": None}
        self.summary = "Not answered yet."
        self.extra: dict[str, Any] = {}
        self._handles: list = []

    def restore(self) -> dict[str, Any] | None:
        """The newest kept record with an answer (now this output's record), or None."""
        record = kept_record(self.name, self.notebook)
        if record is None or record.get("answer") is None:
            return None
        self.record = record
        return record

    def keep(self, answer: Any) -> str:
        """Keep a new answer (memory, my_work/, this output); '' or a note if the copy failed."""
        self.record = new_record(self.name, answer)
        return keep(self.record)

    def show(self, summary: str, extra: dict[str, Any] | None = None) -> None:
        """Set the summary line and any more data (e.g. a check result), and update the output."""
        self.summary = summary
        self.extra = dict(extra or {})
        for handle in self._handles:
            handle.update(self.bundle(), raw=True)

    def bundle(self) -> dict[str, Any]:
        """The output's data: the record, the extra data and the summary line."""
        note = f"Answer kept in this notebook: {self.summary}"
        return {
            "text/plain": note,
            "text/html": f'<p class="kit-kept-answer" style="color:#555">{html.escape(note)}</p>',
            ANSWER_MIME: self.record,
            **self.extra,
        }

    def display(self) -> None:
        """Display the output (each display is updated from now on)."""
        self._handles.append(display(self.bundle(), raw=True, display_id=True))
