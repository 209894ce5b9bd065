"""The discernment check's items: ``data/discernment/items.csv``, read and checked.

Two parallel forms, A and B, of short items written for the kit. Each item is either
``manipulative`` (it uses one SemEval-2020 technique, named in ``technique``) or ``neutral``
(``technique`` is ``none``). Items come in pairs (``pair_id``): a manipulative and a neutral
version of the same content, on the same side and in the same form. ``side`` is
``invented`` (a low-stakes invented topic), ``supportive`` or ``hostile`` (the first
corpus's subject, in the style of each side, framed as a writer's claim).

The forms are parallel by position: the n-th item of form A has the same side, kind and
technique as the n-th item of form B (``a01`` matches ``b01``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from propaganda_kit.data.paths import DEFAULT_DATA_DIR
from propaganda_kit.data.tables import read_table
from propaganda_kit.data.taxonomy import load_taxonomy
from propaganda_kit.text.errors import CorpusError
from propaganda_kit.text.ids import id_problem, is_id

ITEMS_FILE = "discernment/items.csv"
ITEM_COLUMNS = ["form", "item_id", "pair_id", "side", "kind", "technique", "text"]
FORMS = ("A", "B")
SIDES = ("invented", "supportive", "hostile")
SIDE_LABELS = {
    "invented": "invented topics",
    "supportive": "supportive of the MEK",
    "hostile": "hostile to the MEK",
}
KINDS = ("manipulative", "neutral")
NONE = "none"
FRAMEWORK = "semeval2020"


@dataclass(frozen=True)
class DiscernmentItem:
    """One item of a form; ``position`` is its place in the form (1 for the first)."""

    form: str
    item_id: str
    pair_id: str
    side: str
    kind: str
    technique: str
    text: str
    position: int

    @property
    def manipulative(self) -> bool:
        """True for the manipulative version of a pair."""
        return self.kind == "manipulative"


def _choice(number: int, row: dict[str, str], field: str, allowed: tuple[str, ...]) -> str:
    if row[field] not in allowed:
        raise CorpusError(
            ITEMS_FILE,
            f"'{row[field]}' should be one of: " + ", ".join(allowed),
            row=number,
            field=field,
        )
    return row[field]


def _parse_row(number: int, row: dict[str, str], known: set[str], position: int) -> DiscernmentItem:
    for name in ITEM_COLUMNS:
        if not row[name]:
            raise CorpusError(ITEMS_FILE, "is empty", row=number, field=name)
    form = _choice(number, row, "form", FORMS)
    for name in ("item_id", "pair_id"):
        if not is_id(row[name]):
            raise CorpusError(ITEMS_FILE, id_problem(row[name]), row=number, field=name)
    side = _choice(number, row, "side", SIDES)
    kind = _choice(number, row, "kind", KINDS)
    technique = row["technique"]
    if kind == "neutral" and technique != NONE:
        raise CorpusError(
            ITEMS_FILE, f"a neutral item's technique is '{NONE}'", row=number, field="technique"
        )
    if kind == "manipulative" and technique not in known:
        raise CorpusError(
            ITEMS_FILE,
            f"'{technique}' is not a SemEval-2020 technique id in the taxonomy",
            row=number,
            field="technique",
        )
    return DiscernmentItem(
        form, row["item_id"], row["pair_id"], side, kind, technique, row["text"], position
    )


def _check_pairs(items: list[tuple[int, DiscernmentItem]]) -> None:
    """Each pair: two items, one manipulative and one neutral, same form and side."""
    pairs: dict[str, list[tuple[int, DiscernmentItem]]] = {}
    for number, item in items:
        pairs.setdefault(item.pair_id, []).append((number, item))
    for pair_id, members in pairs.items():
        number, first = members[-1]
        if len(members) != 2:
            raise CorpusError(
                ITEMS_FILE,
                f"pair '{pair_id}' has {len(members)} item{'s' if len(members) != 1 else ''}; "
                "a pair has exactly two",
                row=number,
                field="pair_id",
            )
        other = members[0][1]
        for name in ("form", "side"):
            if getattr(first, name) != getattr(other, name):
                raise CorpusError(
                    ITEMS_FILE,
                    f"the two items of pair '{pair_id}' must have the same {name}",
                    row=number,
                    field=name,
                )
        if first.kind == other.kind:
            raise CorpusError(
                ITEMS_FILE,
                f"pair '{pair_id}' needs one manipulative and one neutral item",
                row=number,
                field="kind",
            )


def _check_parallel(items: list[tuple[int, DiscernmentItem]]) -> None:
    """The forms have as many items, and the n-th items match in side, kind and technique."""
    by_form = {form: [(n, i) for n, i in items if i.form == form] for form in FORMS}
    first, second = (by_form[form] for form in FORMS)
    for form, members in by_form.items():
        if not members:
            raise CorpusError(ITEMS_FILE, f"form {form} has no items")
    if len(first) != len(second):
        raise CorpusError(
            ITEMS_FILE,
            f"form A has {len(first)} items and form B {len(second)}; the forms are parallel",
        )
    for (_, a), (number, b) in zip(first, second, strict=True):
        for name in ("side", "kind", "technique"):
            if getattr(a, name) != getattr(b, name):
                raise CorpusError(
                    ITEMS_FILE,
                    f"item {b.item_id} should have the same {name} as {a.item_id}, the "
                    f"item in the same place of form A ('{getattr(a, name)}')",
                    row=number,
                    field=name,
                )


def load_discernment_items(path: str | Path | None = None) -> list[DiscernmentItem]:
    """The items of both forms, in file order (default: the kit's ``data/discernment/items.csv``).

    Raises CorpusError naming the file, row and field of the first problem.
    """
    path = Path(path) if path is not None else DEFAULT_DATA_DIR / ITEMS_FILE
    taxonomy = load_taxonomy()
    known = set(taxonomy.index[taxonomy["framework"] == FRAMEWORK])
    items: list[tuple[int, DiscernmentItem]] = []
    seen: set[str] = set()
    places: Counter[str] = Counter()
    for number, row in read_table(path, ITEMS_FILE, ITEM_COLUMNS):
        form = row["form"]
        item = _parse_row(number, row, known, places[form] + 1)
        if item.item_id in seen:
            raise CorpusError(
                ITEMS_FILE, f"duplicate item id '{item.item_id}'", row=number, field="item_id"
            )
        seen.add(item.item_id)
        places[form] += 1
        items.append((number, item))
    _check_pairs(items)
    _check_parallel(items)
    return [item for _, item in items]


def form_items(form: str, items: list[DiscernmentItem] | None = None) -> list[DiscernmentItem]:
    """The items of one form (``A`` or ``B``), in the order students see them."""
    if form not in FORMS:
        raise ValueError(f"There is no form {form!r}; the forms are " + " and ".join(FORMS) + ".")
    return [i for i in (items if items is not None else load_discernment_items()) if i.form == form]


RECORD_PREFIX = "discernment-"


def record_name(form: str) -> str:
    """The name of a form's kept answer record: ``discernment-a`` or ``discernment-b``.

    Lower case, because a kept answer is also copied to ``my_work/<name>.json`` and saved
    work is named by the kit's id rule.
    """
    if form not in FORMS:
        raise ValueError(f"There is no form {form!r}; the forms are " + " and ".join(FORMS) + ".")
    return RECORD_PREFIX + form.lower()


def record_form(name: str) -> str | None:
    """The form whose record is called ``name`` (``discernment-b`` → ``B``), else None."""
    return next((form for form in FORMS if record_name(form) == name), None)
