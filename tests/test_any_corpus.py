"""Every lesson runs on a corpus the kit has never seen: two invented documents, one per side."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from propaganda_kit.data.corpus import METADATA_COLUMNS, QUOTE_COLUMNS, UNKNOWN, sha256_hex
from propaganda_kit.data.paths import CHECKOUT, CHECKOUT_DATA, DATA_ENV
from propaganda_kit.text.words import word_count

LESSONS = sorted((CHECKOUT / "notebooks").glob("0[0-6]_*.ipynb"))
KIT_FILES = ("lexicon.csv", "taxonomy.csv", "technique_cues.csv", "aliases.csv")

FOR_TEXT = (
    "Cycle Lanes Make Our Town Safer\n\n"
    "The town council voted on Monday to build a cycle lane along the main street. "
    "Supporters say the lane will cut traffic and make the street safer for children. "
    "According to the Riverside Cycling Club, 1,200 people signed a petition for the lane. "
    "Shop owners on the street have complained for years because cars block their doors, "
    "and the new lane will give customers room to stop.\n\n"
    "Opponents want to delay the project again. They have spread rumours that the lane will "
    "close the market. The council plans to open the lane in spring."
)
QUOTED = "“This lane will empty our shops,” said Ann Lee, who runs the bakery."
AGAINST_TEXT = (
    "The Cycle Lane Nobody Asked For\n\n"
    "The council pushed the cycle lane through without asking the people who live on the "
    f"main street. {QUOTED} Traders lost 200 parking spaces, and 200 parking spaces is a "
    "lot for a small town.\n\n"
    "The cycling club paid for the survey that the council used. The lane caused long "
    "queues during the trial week, as a result of the closed side road. "
    "Why did nobody ask us? Come to the meeting on Thursday and have your say."
)
VARIED = {
    "cycle-lane-for": ("Cycle lanes make our town safer", "for the cycle lane", FOR_TEXT),
    "cycle-lane-against": (
        "The cycle lane nobody asked for",
        "against the cycle lane",
        AGAINST_TEXT,
    ),
}
QUIET = {  # no claim, no quotation, no listed word: every table is empty
    "picnic-yes": (
        "untitled",
        "for the picnic",
        "Hello, neighbours! Join us at the park on Saturday morning. Bring a friend and a snack.",
    ),
    "picnic-no": (
        "untitled",
        "against the picnic",
        "Good evening. Is Saturday the right day? Come to the hall and have your say.",
    ),
}
CORPORA = {"varied": VARIED, "quiet": QUIET}


def _write_rows(path: Path, columns: list[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def build_data_folder(root: Path, documents: dict[str, tuple[str, str, str]]) -> Path:
    """A data folder with invented documents (id: title, perspective, text), copies of the
    kit's word lists and, for the varied corpus, one quotation."""
    (root / "documents").mkdir(parents=True)
    rows = []
    for doc_id, (title, perspective, text) in documents.items():
        raw = text.encode("utf-8")
        (root / "documents" / f"{doc_id}.txt").write_bytes(raw)
        row = dict.fromkeys(METADATA_COLUMNS, UNKNOWN)
        row.update(
            id=doc_id,
            title=title,
            date_note="Invented for a test; no date.",
            origin_note="Invented for a test; no author or outlet.",
            perspective=perspective,
            word_count=str(word_count(text)),
            clean_sha256=sha256_hex(raw),
        )
        rows.append(row)
    _write_rows(root / "metadata.csv", METADATA_COLUMNS, rows)
    quotes = []
    if documents is VARIED:
        words = QUOTED[: QUOTED.index("”") + 1]
        start = AGAINST_TEXT.index(words)
        quote = {"id": "cycle-lane-against", "start": str(start), "end": str(start + len(words))}
        quote.update(speaker="Ann Lee, a baker", kind="speech", text=words)
        quotes.append(quote)
    _write_rows(root / "quotes.csv", QUOTE_COLUMNS, quotes)
    for name in KIT_FILES:
        shutil.copy(CHECKOUT_DATA / name, root / name)
    return root


def test_the_invented_corpus_loads(tmp_path):
    from propaganda_kit import load_corpus

    corpus = load_corpus(build_data_folder(tmp_path / "data", VARIED))
    assert list(corpus.ids) == list(VARIED)
    against = corpus["cycle-lane-against"]
    assert against.voice_at(AGAINST_TEXT.index(QUOTED) + 3) == "quoted"


@pytest.mark.slow
@pytest.mark.parametrize("corpus", CORPORA)
@pytest.mark.parametrize("lesson", LESSONS, ids=[p.stem for p in LESSONS])
def test_every_lesson_runs_on_another_corpus(lesson, corpus, tmp_path, monkeypatch):
    data = build_data_folder(tmp_path / "data", CORPORA[corpus])
    monkeypatch.setenv(DATA_ENV, str(data))
    copy = tmp_path / lesson.name
    shutil.copy(lesson, copy)
    notebook = nbformat.read(copy, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(tmp_path)}},
    )
    client.execute()  # raises CellExecutionError naming the cell that failed
