"""Showing the passage an exercise is about, with where it comes from."""

from __future__ import annotations

import html

from IPython.display import display

from propaganda_kit.checks.registry import EXERCISES
from propaganda_kit.data.corpus import load_corpus
from propaganda_kit.html.highlight import highlight_html


def source_line(doc_id: str) -> str:
    """'From "title" (perspective, N words)', or 'source unknown'."""
    corpus = load_corpus()
    if doc_id not in corpus.ids:
        return "From: unknown source"
    doc = corpus[doc_id]
    return f"From: “{doc.title}” ({doc.perspective}, {doc.word_count:,} words)"


def show_passage(exercise_id: str) -> None:
    """Display the passage of an exercise as escaped HTML, with its source."""
    exercise = EXERCISES.get(exercise_id)
    if exercise is None or not exercise.passage:
        print(f"There is no passage for an exercise called '{exercise_id}'.")
        return
    source = source_line(exercise.key.get("document", ""))
    body = highlight_html(exercise.passage, [])
    display(
        {
            "text/html": f'<div class="kit-passage"><p><em>{html.escape(source)}</em></p>'
            f"{body}</div>",
            "text/plain": f"{source}\n\n{exercise.passage}",
        },
        raw=True,
    )
