"""A student's answers, kept as JSON in ``my_work/`` next to the notebook.

Writes are atomic (temporary file, fsync, ``os.replace``): a crash mid-write leaves the
previous file whole. A missing or unreadable file gives ``{}`` and a plain note, never a crash.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from propaganda_kit.text.ids import ID_RULE, is_id

WORK_FOLDER = "my_work"
WORK_VARIABLE = "PROPAGANDA_KIT_WORK"  # another folder for saved work (the tests use one)


def work_folder(folder: str | Path | None = None) -> Path:
    """``folder``, else ``$PROPAGANDA_KIT_WORK``, else ``my_work/`` in the working folder."""
    if folder is not None:
        return Path(folder)
    return Path(os.environ.get(WORK_VARIABLE) or Path.cwd() / WORK_FOLDER)


def work_path(name: str, folder: str | Path | None = None) -> Path:
    """The JSON file that holds the answers called ``name``."""
    if not is_id(name):
        raise ValueError(f"{name!r} is not a usable name for saved work ({ID_RULE}).")
    return work_folder(folder) / f"{name}.json"


def save_answers(name: str, data: dict, folder: str | Path | None = None) -> Path:
    """Write ``data`` (a JSON-able dict) as ``<folder>/<name>.json`` atomically; return the path."""
    path = work_path(name, folder)
    if not isinstance(data, dict):
        raise ValueError(f"Saved work must be a dict, not {type(data).__name__}.")
    try:
        payload = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
    except (TypeError, ValueError) as err:
        raise ValueError(f"These answers cannot be saved as JSON ({err}).") from None
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as temp:
            temp.write(payload)
            temp.flush()
            os.fsync(temp.fileno())
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    _fsync_folder(path.parent)
    return path


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable where the platform allows it."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@dataclass(frozen=True)
class SavedWork:
    """What was found on disk: the answers, a plain note when there are none, and why."""

    answers: dict = field(default_factory=dict)
    note: str = ""
    unreadable: bool = False


def read_answers(name: str, folder: str | Path | None = None) -> SavedWork:
    """The saved answers, or empty answers and a plain note saying why there are none.

    An unreadable file is moved aside to ``<name>.unreadable.json`` so that nothing is
    lost when the next answer is saved.
    """
    path = work_path(name, folder)
    if not path.exists():
        return SavedWork(note=f"No saved work called '{name}' yet.")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        data = None
    if isinstance(data, dict):
        return SavedWork(answers=data)
    aside = path.with_name(f"{name}.unreadable.json")
    try:
        os.replace(path, aside)
        kept = f"; it was kept as {aside.name}"
    except OSError:
        kept = ""
    return SavedWork(
        note=f"Your saved work in {path.name} could not be read{kept}. "
        "Starting afresh; your next answer will be saved normally.",
        unreadable=True,
    )


def load_answers(name: str, folder: str | Path | None = None) -> dict:
    """The answers saved as ``name``, or ``{}``; prints a plain note if the file was unreadable."""
    found = read_answers(name, folder)
    if found.unreadable:
        print(found.note)
    return found.answers
