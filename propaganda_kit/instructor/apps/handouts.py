"""The ``handouts`` command: printable HTML of every lesson and exercise, and the glossary.

Each notebook is exported from its stored outputs with nbconvert; nothing is executed.
What a handout shows:

- no input or output prompts (``In [3]:``);
- set-up cells (a notebook's first code cell, and any cell that only imports) without their
  code, keeping their outputs (the kit's styles, "5 documents loaded");
- every other code cell as it is, since students read it;
- a widget as its saved HTML pieces and a plain-text line per control, in a framed box,
  read from the widget state stored in the notebook (never the ``VBox(children=...)`` repr);
- a print stylesheet (A4, 11 pt, images never cut across pages) and a header with the kit's
  title and the lesson's; no script that loads anything from the network.
"""

from __future__ import annotations

import argparse
import ast
import copy
import html
import re
from pathlib import Path

import nbformat

from propaganda_kit.instructor.build_exercises import CHECKOUT, EXERCISES_DIR

KIT_TITLE = "Propaganda analysis: a JupyterLab teaching kit"
NOTEBOOKS_DIR = CHECKOUT / "notebooks"
GLOSSARY = CHECKOUT / "guide" / "glossary.md"
OUT_DIR = CHECKOUT / "handouts"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
CONTROL_MARKS = {True: "[x]", False: "[ ]"}

PRINT_CSS = """<style>
.kit-handout-header { border-bottom: 2px solid #333; margin: 0 0 1em; padding: 0.3em 0;
  font: 600 10pt/1.3 sans-serif; color: #333; }
.kit-handout-header span { float: right; font-weight: normal; }
.kit-handout-widget { border: 1px dashed #888; padding: 0.5em 0.8em; margin: 0.3em 0; }
.kit-handout-widget > p.kit-handout-note { font: italic 9pt sans-serif; color: #555;
  margin: 0 0 0.4em; }
body { font-size: 11pt; }
a.anchor-link { display: none; }
.jp-InputPrompt, .jp-OutputPrompt { display: none !important; }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { font-size: 11pt; line-height: 1.45; background: #fff; }
  .jp-Notebook, main { padding: 0 !important; }
  .jp-Cell { padding: 0.2em 0 !important; }
  .jp-RenderedImage, img, svg, table, blockquote, pre { break-inside: avoid; }
  img { max-width: 100% !important; height: auto !important; }
  h1, h2, h3 { break-after: avoid; }
  pre { white-space: pre-wrap; word-wrap: break-word; font-size: 9.5pt; }
  a { color: inherit; }
}
</style>"""

# The lab template without its scripts (require.js, MathJax, Mermaid, the widget manager all
# load from the network) and with the print stylesheet.
TEMPLATE = (
    "{%- extends 'lab/index.html.j2' -%}\n"
    "{%- block html_head_js -%}{%- endblock html_head_js -%}\n"
    "{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}\n"
    "{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}\n"
    "{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}\n"
    "{%- block html_head_css -%}" + PRINT_CSS + "{%- endblock html_head_css -%}\n"
)


def is_setup_cell(source: str) -> bool:
    """True when every line of ``source`` is blank, a comment, a magic or an import."""
    try:
        tree = ast.parse("\n".join(ln for ln in source.splitlines() if not ln.startswith("%")))
    except SyntaxError:
        return False
    return all(isinstance(node, ast.Import | ast.ImportFrom) for node in tree.body)


def hide_setup_code(nb: nbformat.NotebookNode) -> None:
    """Hide the code (not the outputs) of the first code cell and of import-only cells."""
    code_cells = [cell for cell in nb.cells if cell.cell_type == "code"]
    for index, cell in enumerate(code_cells):
        if index == 0 or is_setup_cell(cell.source):
            cell.metadata["transient"] = {"remove_source": True}


def widget_html(model_id: str, state: dict) -> str:
    """The saved HTML of a widget and its children, with one plain line per control."""
    model = state.get(model_id)
    if model is None:
        return ""
    name, values = model.get("model_name", ""), model.get("state", {})
    if "children" in values:
        children = [child.removeprefix("IPY_MODEL_") for child in values["children"]]
        return "".join(widget_html(child, state) for child in children)
    if name in ("HTMLModel", "HTMLMathModel"):
        return values.get("value", "")
    return control_line(name, values)


def control_line(name: str, values: dict) -> str:
    """One escaped line saying what a saved control (menu, tick box, button) showed."""
    label = (values.get("description") or values.get("tooltip") or "").rstrip(":")
    prefix = f"{label}: " if label else ""
    if name in ("CheckboxModel", "ToggleButtonModel"):
        text = f"{CONTROL_MARKS[bool(values.get('value'))]} {label}"
    elif "_options_labels" in values:
        chosen = values.get("index")
        picked = chosen if isinstance(chosen, list) else [chosen]
        options = values["_options_labels"]
        shown = ", ".join(options[i] for i in picked if isinstance(i, int) and i < len(options))
        text = f"{prefix}{shown or '(none chosen)'}"
    elif name in ("TextareaModel", "TextModel"):
        text = f"{prefix}[text box] {values.get('value', '')}"
    elif name == "ButtonModel":
        text = f"[button: {label}]"
    else:
        return ""
    return f"<p>{html.escape(text.strip())}</p>" if text.strip() else ""


def replace_widget_outputs(nb: nbformat.NotebookNode) -> None:
    """Swap each widget output for its saved static HTML; drop the widget state."""
    state = nb.metadata.pop("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            view = output.get("data", {}).get(WIDGET_VIEW)
            if view is None:
                continue
            saved = widget_html(view.get("model_id", ""), state)
            note = (
                "Interactive widget, shown as it was saved. Open the notebook in JupyterLab "
                "to use it."
            )
            output.data = {
                "text/html": f'<div class="kit-handout-widget"><p class="kit-handout-note">'
                f"{note}</p>{saved}</div>"
            }


def markdown_heading(text: str) -> str:
    """The first Markdown heading in ``text`` (or "" when it has none)."""
    match = re.search(r"^#+\s+(.+?)\s*$", text, re.MULTILINE)
    return match.group(1) if match else ""


def first_heading(nb: nbformat.NotebookNode) -> str:
    """The text of the notebook's first Markdown heading (or "" when it has none)."""
    headings = (markdown_heading(c.source) for c in nb.cells if c.cell_type == "markdown")
    return next((h for h in headings if h), "")


def add_header(nb: nbformat.NotebookNode, title: str) -> None:
    """Put the kit's title and the lesson's at the top, as a raw HTML cell."""
    header = (
        f'<div class="kit-handout-header">{html.escape(KIT_TITLE)}'
        f"<span>{html.escape(title)}</span></div>"
    )
    nb.cells.insert(0, nbformat.v4.new_raw_cell(header, metadata={"raw_mimetype": "text/html"}))


def notebook_handout(nb: nbformat.NotebookNode, exporter) -> str:
    """The handout HTML of a notebook read from disk (the notebook itself is not changed)."""
    nb = copy.deepcopy(nb)
    title = first_heading(nb) or "Handout"
    hide_setup_code(nb)
    replace_widget_outputs(nb)
    add_header(nb, title)
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title}})
    return body


def glossary_html(markdown_text: str) -> str:
    """A standalone, printable page of the glossary, from its Markdown."""
    from nbconvert.filters.markdown import markdown2html_mistune

    title = markdown_heading(markdown_text) or "Glossary"
    return (
        f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n"
        "<style>body { font-family: Georgia, serif; max-width: 46em; margin: 2em auto; "
        "padding: 0 1em; line-height: 1.5; } h2 { margin-top: 1.5em; } "
        "dt, strong { font-weight: 600; }</style>\n"
        f'{PRINT_CSS}</head>\n<body>\n<div class="kit-handout-header">{html.escape(KIT_TITLE)}'
        f"<span>Glossary</span></div>\n{markdown2html_mistune(markdown_text)}\n</body>\n</html>\n"
    )


def new_exporter():
    """An nbconvert HTML exporter without prompts, embedding everything it shows."""
    # nbconvert takes seconds to import: only this command loads it.
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        extra_loaders=[DictLoader({"handout.html.j2": TEMPLATE})], template_file="handout.html.j2"
    )
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    exporter.embed_images = True
    return exporter


def read_notebook(path: Path) -> tuple[nbformat.NotebookNode | None, str]:
    """The notebook at ``path``, or None and why it cannot be read."""
    try:
        nb = nbformat.read(path, as_version=4)
        nbformat.validate(nb)
    except Exception as err:  # any unreadable file: not UTF-8, not JSON, not a notebook
        if isinstance(err, UnicodeDecodeError):
            return None, "not a readable notebook (not UTF-8 text)"
        if isinstance(err, OSError):
            return None, f"not a readable notebook ({err.strerror or type(err).__name__})"
        if "JSON" in type(err).__name__:
            return None, "not a readable notebook (not valid JSON)"
        return None, "not a readable notebook (JSON, but not in notebook format)"
    return nb, ""


def write_handouts(
    out: Path,
    notebooks_dir: Path = NOTEBOOKS_DIR,
    exercises_dir: Path = EXERCISES_DIR,
    glossary: Path = GLOSSARY,
) -> tuple[list[Path], list[str]]:
    """Write the handouts under ``out``; return the files written and the problems met."""
    exporter = new_exporter()
    written, problems = [], []
    for folder, sub in ((notebooks_dir, "lessons"), (exercises_dir, "exercises")):
        for path in sorted(folder.glob("*.ipynb")):
            nb, problem = read_notebook(path)
            if problem:
                problems.append(f"{path}: {problem}; skipped.")
                continue
            target = out / sub / f"{path.stem}.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(notebook_handout(nb, exporter), encoding="utf-8")
            written.append(target)
    if glossary.is_file():
        target = out / "glossary.html"
        out.mkdir(parents=True, exist_ok=True)
        target.write_text(glossary_html(glossary.read_text(encoding="utf-8")), encoding="utf-8")
        written.append(target)
    else:
        problems.append(f"{glossary}: no glossary found; glossary.html not written.")
    return written, problems


def handouts(args: argparse.Namespace) -> int:
    """Command-line entry: write the handouts and say what was written."""
    try:
        written, problems = write_handouts(
            Path(args.out), Path(args.notebooks), Path(args.exercises), Path(args.glossary)
        )
    except OSError as err:
        print(f"Problem found: cannot write the handouts to {args.out} ({err.strerror or err}).")
        return 1
    for path in written:
        print(f"Wrote {path}")
    for problem in problems:
        print(f"Problem found: {problem}")
    print(f"{len(written)} handout(s) written to {args.out}.")
    return 1 if problems else 0


def register(commands: argparse._SubParsersAction) -> None:
    """Add the handouts command to the command-line parser."""
    p = commands.add_parser(
        "handouts", help="write printable HTML of every lesson and exercise, and the glossary"
    )
    p.add_argument("--out", default=str(OUT_DIR), help="where to write (default: handouts/)")
    p.add_argument("--notebooks", default=str(NOTEBOOKS_DIR), help="the lesson notebooks")
    p.add_argument("--exercises", default=str(EXERCISES_DIR), help="the student exercises")
    p.add_argument("--glossary", default=str(GLOSSARY), help="the glossary in Markdown")
    p.set_defaults(run=handouts)
