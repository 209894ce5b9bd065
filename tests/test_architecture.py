"""The package's layers: each sub-package imports only the layers below it (ARCHITECTURE.md)."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "propaganda_kit"
LAYERS = ["text", "data", "analysis", "charts", "html", "checks", "widgets", "instructor"]
ALLOWED = {
    "text": set(),
    "data": {"text"},
    "analysis": {"text", "data"},
    "charts": {"text", "data", "analysis"},
    "html": {"text", "data", "analysis"},
    "checks": {"text", "data", "analysis", "html"},
    "widgets": {"text", "data", "analysis", "charts", "html", "checks"},
    "instructor": {"text", "data", "analysis", "charts", "html", "checks", "widgets"},
}
HEAVY = {"ipywidgets", "matplotlib", "IPython"}
LOWER_LAYERS_WITHOUT = {
    "ipywidgets": {"text", "data", "analysis", "charts", "html", "checks"},
    "matplotlib": {"text", "data", "analysis", "html", "checks"},
}


def kit_imports(path: Path) -> set[str]:
    """The top-level names imported by a module: 'propaganda_kit.<layer>' as '<layer>'."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        for name in names:
            parts = name.split(".")
            if parts[0] == "propaganda_kit":
                found.add(parts[1] if len(parts) > 1 else "propaganda_kit")
            else:
                found.add("external:" + parts[0])
    return found


MODULES = sorted(p for layer in LAYERS for p in (PACKAGE / layer).rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=[str(p.relative_to(PACKAGE)) for p in MODULES])
def test_module_imports_only_lower_layers(path: Path):
    layer = path.relative_to(PACKAGE).parts[0]
    imported = kit_imports(path)
    kit_layers = {name for name in imported if not name.startswith("external:")}
    assert "propaganda_kit" not in kit_layers, "import from the layer's own module, not the top"
    assert kit_layers - {layer} <= ALLOWED[layer], (
        f"{layer} may import only {sorted(ALLOWED[layer])}; it imports {sorted(kit_layers)}"
    )
    for library, layers in LOWER_LAYERS_WITHOUT.items():
        if layer in layers:
            assert "external:" + library not in imported, f"{layer} must not need {library}"


def test_every_module_is_in_a_layer():
    loose = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert loose == ["__init__.py", "__main__.py"]
    assert sorted(
        p.name for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__"
    ) == sorted(LAYERS)


def test_importing_the_kit_has_no_side_effects():
    code = (
        "from IPython.core.interactiveshell import InteractiveShell\n"
        "shell = InteractiveShell.instance()\n"
        "import propaganda_kit, propaganda_kit.widgets, propaganda_kit.checks\n"
        "assert shell.custom_exceptions == (), 'handler installed'\n"
        "import propaganda_kit.checks.registry as r\n"
        "assert not r.EXERCISES.loaded, 'answer keys were read at import'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


NOTEBOOK_IMPORT_RE = re.compile(r"^\s*(?:from|import) (propaganda_kit[\w.]*)", re.MULTILINE)
NOTEBOOKS = sorted(
    p
    for folder in ("notebooks", "solutions", "exercises")
    for p in (PACKAGE.parent / folder).glob("*.ipynb")
)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebooks_import_only_the_public_api(path: Path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    used = set(NOTEBOOK_IMPORT_RE.findall(code))
    assert used <= {"propaganda_kit", "propaganda_kit.widgets", "propaganda_kit.checks"}, used


def test_every_public_name_exists():
    code = "import propaganda_kit as k; missing = [n for n in k.__all__ if not hasattr(k, n)]; "
    code += "assert not missing, missing"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
