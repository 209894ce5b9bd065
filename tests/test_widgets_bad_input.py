"""Widgets fed hostile documents and hostile student text: escaped, friendly, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from propaganda_kit import load_corpus
from propaganda_kit.instructor.cli import main
from propaganda_kit.widgets import DocumentReader, LoadedLanguageExplorer, RewriteBox

HOSTILE_DOCUMENTS = {
    "script-doc": "The brutal <img src=x onerror=alert(1)> regime.\n\n</div><script>x()</script>",
    "persian-doc": "رژیم جنایتکار مردم را سرکوب کرد.\n\nاین یک فاجعه است.",
    "emoji-doc": "The 😡 brutal regime 👏🏽 and cafe\u0301 owners.",
    "crlf-doc": "A brutal regime.\r\n\r\nA terrified people.\r\n",
}
STUDENT_TEXTS = [
    "",
    "   \n ",
    "nul\x00byte",
    "رژیم جنایتکار",
    "😡 brutal cafe\u0301",
    "a\r\nb\rc",
    "<img src=x onerror=alert(1)></div><script>alert(1)</script>",
    "The brutal regime. " * 600_000,
]


def assert_inert(markup: str) -> None:
    assert "<script" not in markup and "<img" not in markup
    assert "Traceback" not in markup


@pytest.fixture
def hostile_data(data_copy: Path, tmp_path: Path) -> Path:
    for doc_id, text in HOSTILE_DOCUMENTS.items():
        path = tmp_path / f"{doc_id}.txt"
        path.write_bytes(text.encode("utf-8"))
        assert (
            main(
                [
                    "add-document",
                    str(path),
                    "--id",
                    doc_id,
                    "--perspective",
                    "invented",
                    "--dir",
                    str(data_copy),
                ]
            )
            == 0
        )
    return data_copy


def test_reader_escapes_every_document(hostile_data: Path):
    reader = DocumentReader(hostile_data)
    reader.show_techniques.value = True
    for doc_id in HOSTILE_DOCUMENTS:
        reader.picker.value = doc_id
        for part in (reader.text, reader.provenance, reader.counts, reader.message):
            assert_inert(part.value)
        assert "&lt;script&gt;" in reader.text.value or doc_id != "script-doc"
    assert_inert(reader.static_view().data)


def test_reader_on_a_broken_folder_says_what_is_wrong(hostile_data: Path):
    (hostile_data / "documents" / "persian-doc.txt").write_bytes(b"\xff\xfe broken")
    reader = DocumentReader(hostile_data)
    assert "persian-doc.txt" in reader.message.value
    assert_inert(reader.message.value)


def test_explorer_draws_hostile_documents(hostile_data: Path):
    explorer = LoadedLanguageExplorer(load_corpus(hostile_data))
    explorer.docs.value = tuple(HOSTILE_DOCUMENTS)
    explorer.voice.value = "author"
    assert any("image/png" in out["data"] for out in explorer.chart.outputs)
    assert_inert(explorer.numbers.value)
    assert_inert(explorer.static_view().data)


@pytest.mark.parametrize(
    "text",
    STUDENT_TEXTS,
    ids=["empty", "whitespace", "NUL", "persian", "emoji", "cr", "html", "10 MB"],
)
def test_rewrite_box_answers_any_text(tmp_path: Path, text: str):
    box = RewriteBox(folder=tmp_path)
    box.input.value = text
    box.button.click()
    assert box.feedback.value
    assert_inert(box.feedback.value)
