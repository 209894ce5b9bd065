"""The alias table (data/aliases.csv): the names each actor goes by."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from propaganda_kit.data.paths import DEFAULT_DATA_DIR
from propaganda_kit.data.tables import read_table
from propaganda_kit.text.errors import CorpusError

ALIASES_FILE = "aliases.csv"

ALIAS_COLUMNS = ["actor", "alias", "note"]

APOSTROPHES = "'’‘"


def load_aliases(path: str | Path | None = None) -> pd.DataFrame:
    """The alias table (default: the kit's ``data/aliases.csv``), in file order.

    Raises CorpusError naming the row and field of an empty or repeated alias.
    """
    file = Path(path) if path is not None else DEFAULT_DATA_DIR / ALIASES_FILE
    rows, seen = [], {}
    for number, row in read_table(file, ALIASES_FILE, ALIAS_COLUMNS):
        for field in ("actor", "alias"):
            if not row[field]:
                raise CorpusError(ALIASES_FILE, "is empty", row=number, field=field)
        key = normal_alias(row["alias"])
        if key in seen:
            raise CorpusError(
                ALIASES_FILE,
                f"'{row['alias']}' is already listed (row {seen[key]})",
                row=number,
                field="alias",
            )
        seen[key] = number
        rows.append(row)
    return pd.DataFrame(rows, columns=ALIAS_COLUMNS)


def normal_alias(alias: str) -> str:
    """An alias as the matcher sees it: lower case, one kind of apostrophe, single spaces."""
    alias = re.sub(f"[{APOSTROPHES}]", "'", alias.casefold())
    return " ".join(alias.split())
