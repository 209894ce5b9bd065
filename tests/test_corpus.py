"""The corpus loads, and every malformed data folder fails with an exact message."""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

import pytest

from propaganda_kit import CorpusError, load_corpus
from propaganda_kit.data.corpus import METADATA_COLUMNS
from propaganda_kit.instructor.cli import main
from propaganda_kit.text.words import word_count

SEEDS = Path(__file__).resolve().parent.parent / "data" / "raw"


def read_rows(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def write_rows(path: Path, rows: list[dict[str, str]], columns: list[str] | None = None) -> None:
    columns = columns or list(rows[0])
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


def test_kit_corpus_loads_with_both_perspectives():
    corpus = load_corpus()
    assert len(corpus) == 5
    assert {d.perspective for d in corpus} == {"supportive of the MEK", "hostile to the MEK"}
    for doc in corpus:
        assert doc.word_count == word_count(doc.text) > 100
        assert doc.paragraphs and all(p.strip() == p for p in doc.paragraphs)
        covered = "".join(doc.text[s.start : s.end] for s in doc.segments)
        assert covered == doc.text


def test_metadata_names_raw_files_with_their_checksums():
    for doc in load_corpus():
        raw = SEEDS.parent / doc.metadata["raw_file"]
        assert hashlib.sha256(raw.read_bytes()).hexdigest() == doc.metadata["raw_sha256"]


def test_capture_debris_is_gone_and_wording_kept():
    texts = "\n".join(d.text for d in load_corpus())
    for debris in (
        "728 x 90",
        "Read More:",
        "Add to Phrasebook",
        "Create a new word list",
        "Three-minute read",
        "\u00a0",
    ):
        assert debris not in texts
    caption = "NCRI president Maryam Rajavi attends Free Iran 2020 rally"
    assert texts.count(caption) == 1
    assert "This will bring the overthrow of the regime, sooner rather than later." in texts


def test_unknown_is_written_as_unknown():
    frame = load_corpus().frame
    assert (frame["date_iso"] == "unknown").sum() == 4
    assert frame.loc[frame["date_as_stated"] == "03.06.2025", "date_iso"].item() == "unknown"
    assert not frame.isna().any().any()


def test_provenance_fields_are_as_stated_or_unknown():
    frame = load_corpus().frame
    hostile = frame[frame["perspective"] == "hostile to the MEK"].iloc[0]
    assert hostile["author"] == "unknown" and "analytical article" in hostile["self_description"]
    assert (frame["audience"] == "unknown").all()
    assert frame.loc["censor-rally-2020", "author"] == "PMOI/MEK"


def test_self_description_as_author_is_refused(data_copy: Path):
    rows = read_rows(data_copy / "metadata.csv")
    rows[2]["author"] = rows[2]["self_description"]
    write_rows(data_copy / "metadata.csv", rows)
    expect(
        data_copy,
        "metadata.csv, row 4, field 'author': repeats the self-description; what a text "
        "calls itself is not its author (write 'unknown' when no author is named)",
    )


def test_quoted_voices_are_marked():
    corpus = load_corpus()
    quoted = {d.id: d.words_in_voice("quoted") for d in corpus}
    assert sum(v > 0 for v in quoted.values()) == 3
    for doc in corpus:
        for seg in doc.quotes:
            assert "[" not in doc.text[seg.start : seg.end], "editorial insertions are author voice"
            assert seg.speaker


def test_documents_can_be_added_without_code(data_copy: Path, tmp_path: Path, capsys):
    new = tmp_path / "letter.txt"
    new.write_text("A short invented letter.\n\nIt has two paragraphs.\n", encoding="utf-8")
    status = main(
        [
            "add-document",
            str(new),
            "--id",
            "invented-letter",
            "--perspective",
            "neutral",
            "--outlet",
            "An Invented Weekly",
            "--dir",
            str(data_copy),
        ]
    )
    assert status == 0, capsys.readouterr().out
    doc = load_corpus(data_copy)["invented-letter"]
    assert doc.paragraphs == ("A short invented letter.", "It has two paragraphs.")
    assert doc.title == "untitled" and doc.metadata["author"] == "unknown"
    assert doc.metadata["outlet"] == "An Invented Weekly"


def test_validate_command_reports_ok(capsys):
    assert main(["validate"]) == 0
    assert capsys.readouterr().out.startswith("OK: 5 documents")


def break_metadata(data: Path, change) -> None:
    rows = read_rows(data / "metadata.csv")
    columns = list(rows[0])
    result = change(rows, columns)
    write_rows(data / "metadata.csv", rows, result or columns)


def expect(data: Path, message: str) -> None:
    with pytest.raises(CorpusError) as info:
        load_corpus(data)
    assert str(info.value) == message


def test_missing_metadata_file(data_copy: Path):
    (data_copy / "metadata.csv").unlink()
    expect(data_copy, "metadata.csv: file not found")


def test_missing_column(data_copy: Path):
    break_metadata(data_copy, lambda rows, cols: [c for c in cols if c != "perspective"])
    expect(data_copy, "metadata.csv, row 1, field 'perspective': missing column")


def test_extra_column(data_copy: Path):
    def add(rows, cols):
        for row in rows:
            row["colour"] = "red"
        return cols + ["colour"]

    break_metadata(data_copy, add)
    expect(
        data_copy,
        "metadata.csv, row 1, field 'colour': unexpected column (expected: "
        + ", ".join(METADATA_COLUMNS)
        + ")",
    )


def test_duplicate_id(data_copy: Path):
    def dup(rows, cols):
        rows.append(dict(rows[0]))

    break_metadata(data_copy, dup)
    first = read_rows(data_copy / "metadata.csv")[0]["id"]
    expect(data_copy, f"metadata.csv, row 7, field 'id': duplicate id '{first}' (also in row 2)")


def test_row_without_file(data_copy: Path):
    rows = read_rows(data_copy / "metadata.csv")
    (data_copy / "documents" / f"{rows[2]['id']}.txt").unlink()
    expect(
        data_copy,
        f"metadata.csv, row 4, field 'id': no file documents/{rows[2]['id']}.txt for this row",
    )


def test_file_without_row(data_copy: Path):
    (data_copy / "documents" / "stray.txt").write_text("Nobody described me.\n", encoding="utf-8")
    expect(
        data_copy,
        "documents/stray.txt, field 'id': has no row in metadata.csv (no row with this id)",
    )


def test_bad_checksum(data_copy: Path):
    rows = read_rows(data_copy / "metadata.csv")
    path = data_copy / "documents" / f"{rows[1]['id']}.txt"
    path.write_bytes(path.read_bytes() + b"An edit.\n")
    actual = hashlib.sha256(path.read_bytes()).hexdigest()
    expect(
        data_copy,
        f"metadata.csv, row 3, field 'clean_sha256': documents/{rows[1]['id']}.txt "
        f"has SHA-256 {actual}, but the table says {rows[1]['clean_sha256']}. If you changed "
        "the file on purpose, run 'python -m propaganda_kit checksum' and update the row.",
    )


def test_bad_raw_checksum(data_copy: Path):
    rows = read_rows(data_copy / "metadata.csv")
    rows[0]["raw_sha256"] = "0" * 64
    write_rows(data_copy / "metadata.csv", rows)
    actual = hashlib.sha256((data_copy / rows[0]["raw_file"]).read_bytes()).hexdigest()
    expect(
        data_copy,
        f"metadata.csv, row 2, field 'raw_sha256': {rows[0]['raw_file']} has "
        f"SHA-256 {actual}, but the table says {'0' * 64}. If you changed the file on purpose, "
        "run 'python -m propaganda_kit checksum' and update the row.",
    )


def test_undecodable_bytes(data_copy: Path):
    rows = read_rows(data_copy / "metadata.csv")
    path = data_copy / "documents" / f"{rows[0]['id']}.txt"
    path.write_bytes(b"caf\xe9 au lait\n")
    expect(
        data_copy,
        f"documents/{rows[0]['id']}.txt: is not valid UTF-8 text (undecodable "
        "byte at position 3); save it as UTF-8",
    )


def test_nul_bytes(data_copy: Path):
    rows = read_rows(data_copy / "metadata.csv")
    (data_copy / "documents" / f"{rows[0]['id']}.txt").write_bytes(b"text\x00\x01binary")
    expect(
        data_copy,
        f"documents/{rows[0]['id']}.txt: contains NUL bytes; it looks like a binary file, not text",
    )


def test_bad_date(data_copy: Path):
    rows = read_rows(data_copy / "metadata.csv")
    rows[3]["date_iso"] = "2025-13-40"
    write_rows(data_copy / "metadata.csv", rows)
    expect(
        data_copy,
        "metadata.csv, row 5, field 'date_iso': '2025-13-40' is not a date in the "
        "form YYYY-MM-DD (or 'unknown')",
    )


def test_empty_field(data_copy: Path):
    rows = read_rows(data_copy / "metadata.csv")
    rows[0]["title"] = ""
    write_rows(data_copy / "metadata.csv", rows)
    expect(
        data_copy,
        "metadata.csv, row 2, field 'title': is empty (write 'unknown' when it is not known)",
    )


def test_wrong_word_count(data_copy: Path):
    rows = read_rows(data_copy / "metadata.csv")
    real = rows[0]["word_count"]
    rows[0]["word_count"] = "7"
    write_rows(data_copy / "metadata.csv", rows)
    expect(
        data_copy, f"metadata.csv, row 2, field 'word_count': says 7 words but the text has {real}"
    )


def test_short_row(data_copy: Path):
    path = data_copy / "metadata.csv"
    path.write_text(path.read_text(encoding="utf-8") + "lonely,row\n", encoding="utf-8")
    expect(
        data_copy,
        f"metadata.csv, row 7: has 2 values but the header has {len(METADATA_COLUMNS)} columns",
    )


def test_binary_metadata(data_copy: Path):
    (data_copy / "metadata.csv").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    expect(
        data_copy,
        "metadata.csv: is not valid UTF-8 text (undecodable byte at position 0); save it as UTF-8",
    )


def test_quote_that_does_not_match(data_copy: Path):
    path = data_copy / "quotes.csv"
    rows = read_rows(path)
    rows[0]["start"] = str(int(rows[0]["start"]) + 1)
    write_rows(path, rows)
    expect(
        data_copy,
        f"quotes.csv, row 2, field 'text': characters {rows[0]['start']}-"
        f"{rows[0]['end']} of {rows[0]['id']} do not hold the quoted text",
    )


def test_quote_for_unknown_document(data_copy: Path):
    path = data_copy / "quotes.csv"
    rows = read_rows(path)
    rows[0]["id"] = "no-such-doc"
    write_rows(path, rows)
    expect(
        data_copy,
        "quotes.csv, row 2, field 'id': no document with id 'no-such-doc' in metadata.csv",
    )


def test_quote_located_by_text_alone(data_copy: Path):
    path = data_copy / "quotes.csv"
    rows = read_rows(path)
    rows[0]["start"] = rows[0]["end"] = ""
    write_rows(path, rows)
    doc = load_corpus(data_copy)[rows[0]["id"]]
    assert any(doc.text[s.start : s.end] == rows[0]["text"] for s in doc.quotes)


def test_validate_command_names_the_problem(data_copy: Path, capsys):
    (data_copy / "documents" / "stray.txt").write_text("x\n", encoding="utf-8")
    assert main(["validate", str(data_copy)]) == 1
    assert capsys.readouterr().out == (
        "Problem found: documents/stray.txt, field 'id': has no "
        "row in metadata.csv (no row with this id)\n"
    )


def test_validate_checks_the_other_tables_too(data_copy: Path, capsys):
    rows = read_rows(data_copy / "lexicon.csv")
    rows[3]["category"] = ""
    write_rows(data_copy / "lexicon.csv", rows)
    assert main(["validate", str(data_copy)]) == 1
    out = capsys.readouterr().out
    assert out.startswith("Problem found: lexicon.csv, row 5, field 'category':"), out
