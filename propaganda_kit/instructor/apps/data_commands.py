"""Data commands: validate a corpus folder, print checksums, add a document."""

from __future__ import annotations

import argparse
import csv
import shutil
from collections.abc import Callable
from pathlib import Path

from propaganda_kit.data.corpus import (
    DOCUMENTS_DIR,
    METADATA_COLUMNS,
    METADATA_FILE,
    UNKNOWN,
    load_corpus,
    sha256_hex,
)
from propaganda_kit.data.paths import DEFAULT_DATA_DIR
from propaganda_kit.data.tables import read_text_file
from propaganda_kit.text.errors import CorpusError
from propaganda_kit.text.ids import id_problem, is_id
from propaganda_kit.text.words import word_count


def table_loaders() -> dict[str, Callable[[Path], object]]:
    """The kit's other data tables and the loader that checks each one."""
    from propaganda_kit.checks import load_exercises
    from propaganda_kit.data.aliases import load_aliases
    from propaganda_kit.data.cues import load_cues
    from propaganda_kit.data.discernment import load_discernment_items
    from propaganda_kit.data.lexicon import load_lexicon
    from propaganda_kit.data.passages import load_quiz_passages
    from propaganda_kit.data.taxonomy import load_taxonomy

    return {
        "lexicon.csv": load_lexicon,
        "taxonomy.csv": load_taxonomy,
        "technique_cues.csv": lambda path: load_cues(str(path)),
        "aliases.csv": load_aliases,
        "quiz_passages.csv": load_quiz_passages,
        "answer_keys": load_exercises,
        "discernment/items.csv": load_discernment_items,
    }


def validate(args: argparse.Namespace) -> int:
    """Check a data folder (documents and every table in it); print a summary or the problem."""
    try:
        corpus = load_corpus(args.dir)
        checked = []
        for name, loader in table_loaders().items():
            if (corpus.path / name).exists():
                loader(corpus.path / name)
                checked.append(name)
    except (CorpusError, ValueError) as err:
        print(f"Problem found: {err}")
        return 1
    words = sum(d.word_count for d in corpus)
    print(f"OK: {len(corpus)} documents, {words:,} words, checksums verified in {corpus.path}")
    if checked:
        print("Tables checked: " + ", ".join(checked))
    return 0


def checksum(args: argparse.Namespace) -> int:
    """Print SHA-256 and word count of each file given."""
    for name in args.files:
        path = Path(name)
        try:
            text = read_text_file(path, str(path))
        except CorpusError as err:
            print(f"Problem found: {err}")
            return 1
        print(f"{path}: sha256 {sha256_hex(path.read_bytes())}, {word_count(text)} words")
    return 0


def add_document(args: argparse.Namespace) -> int:
    """Copy a UTF-8 text file into the corpus and append its metadata row."""
    root = Path(args.dir) if args.dir else DEFAULT_DATA_DIR
    source = Path(args.file)
    if not is_id(args.id):
        print(f"Problem found: {id_problem(args.id)}.")
        return 1
    target = root / DOCUMENTS_DIR / f"{args.id}.txt"
    if target.exists():
        print(f"Problem found: {target} already exists; choose another id.")
        return 1
    try:
        text = read_text_file(source, str(source))
    except CorpusError as err:
        print(f"Problem found: {err}")
        return 1
    clean = text.encode("utf-8")
    row = {name: UNKNOWN for name in METADATA_COLUMNS}
    row.update(
        {
            "id": args.id,
            "title": args.title or "untitled",
            "date_as_stated": args.date_as_stated or UNKNOWN,
            "date_iso": args.date_iso or UNKNOWN,
            "date_note": args.date_note or UNKNOWN,
            "author": args.author or UNKNOWN,
            "outlet": args.outlet or UNKNOWN,
            "audience": args.audience or UNKNOWN,
            "self_description": args.self_description or UNKNOWN,
            "origin_note": UNKNOWN,
            "perspective": args.perspective,
            "word_count": str(word_count(text)),
            "clean_sha256": sha256_hex(clean),
        }
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(clean)
    if args.keep_raw:
        raw_target = root / "raw" / source.name
        raw_target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, raw_target)
        row["raw_file"] = f"raw/{source.name}"
        row["raw_sha256"] = sha256_hex(source.read_bytes())
    with open(root / METADATA_FILE, "a", newline="", encoding="utf-8") as fh:
        csv.DictWriter(fh, fieldnames=METADATA_COLUMNS, lineterminator="\n").writerow(row)
    print(
        f"Added {args.id} ({row['word_count']} words). Check it with: "
        f"python -m propaganda_kit validate {root}"
    )
    return validate(argparse.Namespace(dir=root))


def register(commands: argparse._SubParsersAction) -> None:
    """Add the data commands to the command-line parser."""
    p = commands.add_parser("validate", help="check a data folder (default: the kit's data/)")
    p.add_argument("dir", nargs="?", default=None, help="the data folder")
    p.set_defaults(run=validate)

    p = commands.add_parser("checksum", help="print SHA-256 and word count of text files")
    p.add_argument("files", nargs="+")
    p.set_defaults(run=checksum)

    p = commands.add_parser("add-document", help="add a UTF-8 text file to the corpus")
    p.add_argument("file", help="the text file to add")
    p.add_argument("--id", required=True, help="short stable id, e.g. city-council-2024")
    p.add_argument("--perspective", required=True, help="e.g. 'supportive of X'")
    p.add_argument("--title", default=None)
    p.add_argument("--date-as-stated", default=None)
    p.add_argument("--date-iso", default=None, help="YYYY-MM-DD, only when unambiguous")
    p.add_argument("--date-note", default=None)
    p.add_argument("--author", default=None, help="the author as the text names it")
    p.add_argument("--outlet", default=None, help="the outlet, publisher or site as stated")
    p.add_argument("--audience", default=None, help="who the text says it is written for")
    p.add_argument("--self-description", default=None, help="what the text says it is")
    p.add_argument("--keep-raw", action="store_true", help="also keep the file under raw/")
    p.add_argument("--dir", default=None, help="the data folder (default: the kit's data/)")
    p.set_defaults(run=add_document)
