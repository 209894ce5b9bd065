"""The ``handouts`` command: a clean, printable HTML file per lesson and exercise."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest

from propaganda_kit.instructor.apps.handouts import (
    EXERCISES_DIR,
    NOTEBOOKS_DIR,
    first_heading,
    widget_html,
)
from propaganda_kit.instructor.cli import main


class PageParser(HTMLParser):
    """Collects the title, the visible text and the scripts of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.title, self.text, self.scripts, self._in_title = "", [], [], False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.scripts.append(dict(attrs))
        self._in_title = tag == "title"

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        self.text.append(data)


def assert_clean_handout(page: Path, notebook: Path) -> None:
    """The handout parses, has a title and the first heading, and no prompts, reprs or CDN."""
    parser = PageParser()
    parser.feed(page.read_text(encoding="utf-8"))
    parser.close()
    text = " ".join(" ".join(parser.text).split())
    heading = first_heading(nbformat.read(notebook, as_version=4))
    assert parser.title.strip() == heading
    assert heading in text
    assert "In [" not in text and not re.search(r"In\s*\[\d*\]", page.read_text("utf-8"))
    assert "VBox(children=" not in text
    assert not [s for s in parser.scripts if s.get("src")], "a script loads from outside"


def lesson_with_widget() -> Path:
    """The first lesson whose stored outputs include a widget."""
    for path in sorted(NOTEBOOKS_DIR.glob("*.ipynb")):
        if "application/vnd.jupyter.widget-view+json" in path.read_text(encoding="utf-8"):
            return path
    raise AssertionError("no lesson with a widget output")


def test_one_lesson_and_an_unreadable_notebook(tmp_path: Path, capsys):
    lessons, exercises, out = tmp_path / "lessons", tmp_path / "exercises", tmp_path / "out"
    lessons.mkdir()
    exercises.mkdir()
    lesson = shutil.copy(lesson_with_widget(), lessons)
    (lessons / "98_list.ipynb").write_text("[1, 2]", encoding="utf-8")
    (lessons / "99_broken.ipynb").write_text("{not json", encoding="utf-8")
    glossary = tmp_path / "glossary.md"
    glossary.write_text("# Glossary\n\n**Bootstrap.** Resampling the data.\n", encoding="utf-8")
    status = main(
        [
            "handouts",
            "--out",
            str(out),
            "--notebooks",
            str(lessons),
            "--exercises",
            str(exercises),
            "--glossary",
            str(glossary),
        ]
    )
    printed = capsys.readouterr().out
    assert status == 1
    assert "98_list.ipynb: not a readable notebook (JSON, but not in notebook format)" in printed
    assert "99_broken.ipynb: not a readable notebook (not valid JSON)" in printed
    assert "Traceback" not in printed
    page = out / "lessons" / f"{Path(lesson).stem}.html"
    assert f"Wrote {page}" in printed
    assert_clean_handout(page, Path(lesson))
    body = page.read_text(encoding="utf-8")
    assert "Interactive widget, shown as it was saved" in body
    assert "Propaganda analysis: a JupyterLab teaching kit" in body
    assert "@page { size: A4" in body
    assert "Resampling the data." in (out / "glossary.html").read_text(encoding="utf-8")


def test_an_unwritable_folder_gives_a_message(tmp_path: Path, capsys):
    blocker = tmp_path / "a_file"
    blocker.write_text("", encoding="utf-8")
    status = main(["handouts", "--out", str(blocker / "out"), "--exercises", str(tmp_path)])
    printed = capsys.readouterr().out
    assert status == 1
    assert f"Problem found: cannot write the handouts to {blocker / 'out'}" in printed


def test_setup_code_is_hidden_but_its_output_kept(tmp_path: Path):
    nb = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_markdown_cell("# A lesson"),
            nbformat.v4.new_code_cell(
                "x = 'set-up marker'\nprint(x)",
                outputs=[nbformat.v4.new_output("stream", text="loaded ok\n")],
            ),
            nbformat.v4.new_code_cell("import math"),
            nbformat.v4.new_code_cell("visible_marker = 1"),
        ]
    )
    lessons = tmp_path / "lessons"
    lessons.mkdir()
    nbformat.write(nb, lessons / "01_a.ipynb")
    main(
        [
            "handouts",
            "--out",
            str(tmp_path / "out"),
            "--notebooks",
            str(lessons),
            "--exercises",
            str(tmp_path / "none"),
            "--glossary",
            str(tmp_path / "none.md"),
        ]
    )
    body = (tmp_path / "out" / "lessons" / "01_a.html").read_text(encoding="utf-8")
    assert "loaded ok" in body
    assert "set-up marker" not in body and "import math" not in body
    assert "visible_marker" in body


@pytest.mark.slow
def test_every_lesson_and_exercise_has_a_handout(tmp_path: Path, capsys):
    assert main(["handouts", "--out", str(tmp_path)]) == 0
    printed = capsys.readouterr().out
    sources = [(p, "lessons") for p in sorted(NOTEBOOKS_DIR.glob("*.ipynb"))] + [
        (p, "exercises") for p in sorted(EXERCISES_DIR.glob("*.ipynb"))
    ]
    assert len(sources) >= 13
    assert NOTEBOOKS_DIR / "07_lateral_reading.ipynb" in [path for path, _ in sources]
    for notebook, folder in sources:
        page = tmp_path / folder / f"{notebook.stem}.html"
        assert f"Wrote {page}" in printed
        assert_clean_handout(page, notebook)
    assert (tmp_path / "glossary.html").is_file()


def test_the_lateral_reading_lesson_has_a_handout(tmp_path: Path, capsys):
    lessons, out = tmp_path / "lessons", tmp_path / "out"
    lessons.mkdir()
    lesson = Path(shutil.copy(NOTEBOOKS_DIR / "07_lateral_reading.ipynb", lessons))
    args = ["--exercises", str(tmp_path / "none"), "--glossary", str(tmp_path / "none.md")]
    main(["handouts", "--out", str(out), "--notebooks", str(lessons), *args])
    page = out / "lessons" / "07_lateral_reading.html"
    assert f"Wrote {page}" in capsys.readouterr().out
    assert_clean_handout(page, lesson)
    body = page.read_text(encoding="utf-8")
    assert "Leaving the page" in body and "Summer Lantern Festival" in body
    assert "import load_corpus" not in body  # the set-up code is hidden


def test_a_widget_is_shown_by_its_saved_html_and_controls():
    state = {
        "box": {"model_name": "VBoxModel", "state": {"children": ["IPY_MODEL_h", "IPY_MODEL_c"]}},
        "h": {"model_name": "HTMLModel", "state": {"value": "<b>saved view</b>"}},
        "c": {"model_name": "CheckboxModel", "state": {"value": True, "description": "A & B"}},
    }
    assert widget_html("box", state) == "<b>saved view</b><p>[x] A &amp; B</p>"
    assert widget_html("missing", state) == ""
