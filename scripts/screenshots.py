"""Screenshots of every lesson and exercise, run in a real JupyterLab, for docs/screenshots/.

Usage: .venv/bin/python scripts/screenshots.py [--out DIR] [NAME ...]

Starts JupyterLab on 127.0.0.1 on a temporary copy of the kit (the browser tests' server,
tests/browser/lab_server.py), then in headless Chromium opens each notebook in notebooks/ and
exercises/ (or only those whose file name starts with a NAME given), clears its outputs,
runs all its cells, waits for the kernel to go idle and the widgets to render, and writes one
full-page PNG, 1400 px wide, per notebook: DIR/<notebook name>.png (DIR is docs/screenshots
unless --out says otherwise). Everything it started is stopped at the end.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "browser"))  # the browser tests' helpers

from browser_setup import CHROMIUM, CHROMIUM_ARGS, missing_requirement  # noqa: E402
from lab_page import LabPage  # noqa: E402
from lab_server import LabServer, start_lab, stop_lab  # noqa: E402

VIEWPORT = {"width": 1400, "height": 1000}
DEFAULT_TIMEOUT_MS = 30_000


def kit_notebooks(names: list[str]) -> list[str]:
    """The lessons, then the exercises (paths from the kit's root), filtered by ``names``."""
    paths = [
        path.relative_to(ROOT).as_posix()
        for folder in ("notebooks", "exercises")
        for path in sorted((ROOT / folder).glob("*.ipynb"))
    ]
    return [p for p in paths if not names or any(Path(p).name.startswith(n) for n in names)]


def new_lab(browser: Any, server: LabServer) -> LabPage:
    """JupyterLab in a fresh browser context at the screenshots' width."""
    context = browser.new_context(viewport=VIEWPORT)
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    return LabPage(context.new_page(), server.url, server.root_dir)


def shoot(lab: LabPage, notebook: str, out_dir: Path) -> list[str]:
    """Run ``notebook`` and save its full-page screenshot; the problems the page shows."""
    lab.open(notebook)
    lab.clear_and_run_all()
    lab.wait_for_widgets()
    lab.page.evaluate("() => window.jupyterapp.shell.collapseRight()")  # the notebook only
    lab.screenshot(out_dir / f"{Path(notebook).stem}.png")
    return lab.report().problems


def shoot_all(server: LabServer, notebooks: list[str], out_dir: Path) -> int:
    """Screenshot each notebook; 0 when every one ran cleanly, 1 otherwise."""
    from playwright.sync_api import sync_playwright

    failed = 0
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        lab = new_lab(browser, server)
        for notebook in notebooks:
            print(f"{notebook} ...", flush=True)
            try:
                problems = shoot(lab, notebook, out_dir)
            except Exception as err:  # say which notebook failed, then carry on with a new page
                problems = [f"{type(err).__name__}: {err}"]
                lab.page.context.close()
                lab = new_lab(browser, server)
            else:
                lab.close_all()
            server.shutdown_all_kernels()
            if problems:
                failed += 1
                print("  problems:\n  " + "\n  ".join(problems), flush=True)
        browser.close()
    print(f"{len(notebooks) - failed} of {len(notebooks)} notebooks ran cleanly; PNGs in {out_dir}")
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="only notebooks whose file name starts so")
    parser.add_argument(
        "--out", type=Path, default=ROOT / "docs" / "screenshots", help="folder for the PNGs"
    )
    args = parser.parse_args(argv)
    reason = missing_requirement()
    if reason:
        print(f"Cannot take screenshots: {reason}", file=sys.stderr)
        return 2
    notebooks = kit_notebooks(args.names)
    if not notebooks:
        print(f"No notebook matches {args.names}", file=sys.stderr)
        return 2
    out_dir = args.out.resolve()
    with tempfile.TemporaryDirectory(prefix="kit-screenshots-") as workdir:
        server = start_lab(Path(workdir))
        try:
            return shoot_all(server, notebooks, out_dir)
        finally:
            stop_lab(server)


if __name__ == "__main__":
    sys.exit(main())
