"""Where the kit's data folder is: one answer for every way the kit is installed.

In order: the folder named by the ``PROPAGANDA_KIT_DATA`` environment variable; the
``data/`` folder of the checkout the package was imported from (run from the repository,
or installed editable); the copy shipped inside the installed package
(``propaganda_kit/kit_data``, for ``pip install .``, Binder and repo2docker).
"""

from __future__ import annotations

import os
from importlib.util import find_spec
from pathlib import Path

DATA_ENV = "PROPAGANDA_KIT_DATA"
CHECKOUT = Path(__file__).resolve().parents[2]  # the repository, when run from one
CHECKOUT_DATA = CHECKOUT / "data"
MARKER = "metadata.csv"


def data_dir() -> Path:
    """The kit's data folder (see the module docstring for the order it is looked for in)."""
    chosen = os.environ.get(DATA_ENV)
    if chosen:
        return Path(chosen)
    if (CHECKOUT_DATA / MARKER).is_file():
        return CHECKOUT_DATA
    shipped = find_spec("propaganda_kit.kit_data")  # a folder without __init__.py
    if shipped is None or not shipped.submodule_search_locations:
        raise FileNotFoundError(
            f"The kit's data folder was not found; set {DATA_ENV} to the folder that holds "
            f"{MARKER}."
        )
    return Path(next(iter(shipped.submodule_search_locations)))


DEFAULT_DATA_DIR = data_dir()
