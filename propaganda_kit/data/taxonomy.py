"""The technique taxonomy: SemEval-2020 Task 11 techniques and the IPA's seven devices.

``data/taxonomy.csv`` holds one row per technique with a plain paraphrase of its published
definition (the SemEval-2020 Task 11 task description; the IPA's 1937 list), every technique
of the other list it maps to, and (where the corpus has one) an example quote from a
document of each perspective, copied verbatim and with the document's id.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from propaganda_kit.data.paths import DEFAULT_DATA_DIR
from propaganda_kit.data.tables import read_table
from propaganda_kit.text.errors import CorpusError

TAXONOMY_FILE = "taxonomy.csv"
TAXONOMY_COLUMNS = [
    "id",
    "label",
    "framework",
    "source_label",
    "definition",
    "maps_to",
    "supportive_example",
    "supportive_doc",
    "hostile_example",
    "hostile_doc",
]
FRAMEWORKS = {
    "semeval2020": "SemEval-2020 Task 11 (Da San Martino et al.)",
    "ipa1937": "Institute for Propaganda Analysis (1937)",
}
SIDES = ("supportive", "hostile")
TECHNIQUE_ID_RE = re.compile(r"[a-z][a-z0-9_]*\Z")
NO_MATCH = "(no close match)"


def _check_row(number: int, row: dict[str, str], ids: set[str]) -> None:
    for field in ("id", "label", "framework", "source_label", "definition"):
        if not row[field]:
            raise CorpusError(TAXONOMY_FILE, "is empty", row=number, field=field)
    if not TECHNIQUE_ID_RE.match(row["id"]):
        raise CorpusError(
            TAXONOMY_FILE, f"'{row['id']}' is not a snake_case id", row=number, field="id"
        )
    if row["id"] in ids:
        raise CorpusError(TAXONOMY_FILE, f"duplicate id '{row['id']}'", row=number, field="id")
    if row["framework"] not in FRAMEWORKS:
        raise CorpusError(
            TAXONOMY_FILE,
            f"'{row['framework']}' is not one of " + ", ".join(FRAMEWORKS),
            row=number,
            field="framework",
        )
    for side in SIDES:
        example, doc = row[f"{side}_example"], row[f"{side}_doc"]
        if bool(example) != bool(doc):
            missing = f"{side}_doc" if example else f"{side}_example"
            raise CorpusError(
                TAXONOMY_FILE,
                "an example needs both the quote and the document id",
                row=number,
                field=missing,
            )


def load_taxonomy(path: str | Path | None = None) -> pd.DataFrame:
    """The taxonomy table, indexed by technique id (default: the kit's ``data/taxonomy.csv``).

    ``maps_to`` lists the ids of the other framework's techniques, separated by ';'.
    Raises CorpusError naming the file, row and field of the first problem.
    """
    path = Path(path) if path is not None else DEFAULT_DATA_DIR / TAXONOMY_FILE
    rows = read_table(path, TAXONOMY_FILE, TAXONOMY_COLUMNS)
    ids: set[str] = set()
    for number, row in rows:
        _check_row(number, row, ids)
        ids.add(row["id"])
    for number, row in rows:
        for target in filter(None, row["maps_to"].split(";")):
            if target not in ids:
                raise CorpusError(
                    TAXONOMY_FILE,
                    f"'{target}' is not an id in this table",
                    row=number,
                    field="maps_to",
                )
    frame = pd.DataFrame([row for _, row in rows], columns=TAXONOMY_COLUMNS)
    return frame.set_index("id")


def semeval_label_map(taxonomy: pd.DataFrame | None = None) -> dict[str, str]:
    """SemEval-2020 label (e.g. ``Loaded_Language``) -> our technique id."""
    table = load_taxonomy() if taxonomy is None else taxonomy
    semeval = table[table["framework"] == "semeval2020"]
    return dict(zip(semeval["source_label"], semeval.index, strict=True))


def mapped_labels(taxonomy: pd.DataFrame | None = None) -> pd.Series:
    """Technique id -> the labels of every technique it maps to, joined by '; '."""
    table = load_taxonomy() if taxonomy is None else taxonomy
    labels = table["label"]
    return table["maps_to"].map(
        lambda ids: "; ".join(labels[t] for t in filter(None, ids.split(";"))) or NO_MATCH
    )
