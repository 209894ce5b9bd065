"""Loading and checking the corpus: documents, their metadata and their voices."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from propaganda_kit.data.paths import DEFAULT_DATA_DIR
from propaganda_kit.data.tables import decode_text, read_table
from propaganda_kit.text.errors import CorpusError
from propaganda_kit.text.ids import id_problem, is_id
from propaganda_kit.text.words import word_count

METADATA_FILE = "metadata.csv"
QUOTES_FILE = "quotes.csv"
DOCUMENTS_DIR = "documents"
UNKNOWN = "unknown"

METADATA_COLUMNS = [
    "id",
    "title",
    "author",
    "outlet",
    "date_as_stated",
    "date_iso",
    "date_note",
    "audience",
    "self_description",
    "origin_note",
    "perspective",
    "word_count",
    "raw_file",
    "raw_sha256",
    "clean_sha256",
]
QUOTE_COLUMNS = ["id", "start", "end", "speaker", "kind", "text"]
PARAGRAPH_BREAK_RE = re.compile(r"\n[ \t]*\n\s*")


@dataclass(frozen=True)
class Segment:
    """A stretch of a document in one voice: the author's, or a voice it quotes."""

    start: int
    end: int
    voice: str  # "author" or "quoted"
    speaker: str = ""
    kind: str = ""


@dataclass(frozen=True)
class Document:
    """One document: its id, metadata (as strings), text, paragraphs and voices."""

    id: str
    metadata: dict[str, str]
    text: str
    paragraphs: tuple[str, ...]
    segments: tuple[Segment, ...]

    @property
    def title(self) -> str:
        """The title as the text gives it, or 'untitled'."""
        return self.metadata["title"]

    @property
    def perspective(self) -> str:
        """The perspective of the text, as the corpus describes it."""
        return self.metadata["perspective"]

    @property
    def word_count(self) -> int:
        """Number of words in the cleaned text."""
        return int(self.metadata["word_count"])

    @property
    def quotes(self) -> tuple[Segment, ...]:
        """The segments in a quoted voice."""
        return tuple(s for s in self.segments if s.voice == "quoted")

    def voice_at(self, offset: int) -> str:
        """'author' or 'quoted': the voice of the character at ``offset``."""
        for seg in self.segments:
            if seg.start <= offset < seg.end:
                return seg.voice
        return "author"

    def words_in_voice(self, voice: str) -> int:
        """Number of words in the segments of ``voice``."""
        return sum(
            word_count(self.text[s.start : s.end]) for s in self.segments if s.voice == voice
        )


@dataclass(frozen=True)
class Corpus:
    """The documents of one data folder, in the order of its metadata table."""

    documents: tuple[Document, ...]
    path: Path

    def __iter__(self) -> Iterator[Document]:
        return iter(self.documents)

    def __len__(self) -> int:
        return len(self.documents)

    def __getitem__(self, doc_id: str) -> Document:
        for doc in self.documents:
            if doc.id == doc_id:
                return doc
        raise KeyError(f"No document with id '{doc_id}'. Known ids: {', '.join(self.ids)}")

    @property
    def ids(self) -> list[str]:
        """Document ids in table order."""
        return [d.id for d in self.documents]

    @property
    def frame(self) -> pd.DataFrame:
        """One row per document: its metadata plus author and quoted word counts."""
        rows = []
        for doc in self.documents:
            row = dict(doc.metadata)
            row["word_count"] = doc.word_count
            row["author_words"] = doc.words_in_voice("author")
            row["quoted_words"] = doc.words_in_voice("quoted")
            rows.append(row)
        return pd.DataFrame(rows).set_index("id")


def sha256_hex(data: bytes) -> str:
    """Hex SHA-256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def split_paragraphs(text: str) -> tuple[str, ...]:
    """Paragraphs are separated by blank lines; empty ones are dropped."""
    return tuple(p.strip() for p in PARAGRAPH_BREAK_RE.split(text) if p.strip())


def _check_metadata_row(number: int, row: dict[str, str]) -> None:
    """Field-level checks of one metadata row."""
    for field in METADATA_COLUMNS:
        if not row[field]:
            raise CorpusError(
                METADATA_FILE,
                "is empty (write 'unknown' when it is not known)",
                row=number,
                field=field,
            )
    if not is_id(row["id"]):
        raise CorpusError(
            METADATA_FILE,
            id_problem(row["id"]),
            row=number,
            field="id",
        )
    if row["author"] != UNKNOWN and row["author"] == row["self_description"]:
        raise CorpusError(
            METADATA_FILE,
            "repeats the self-description; what a text calls itself is not its author "
            "(write 'unknown' when no author is named)",
            row=number,
            field="author",
        )
    if row["date_iso"] != UNKNOWN:
        try:
            date.fromisoformat(row["date_iso"])
            valid = len(row["date_iso"]) == 10
        except ValueError:
            valid = False
        if not valid:
            raise CorpusError(
                METADATA_FILE,
                f"'{row['date_iso']}' is not a date in the form YYYY-MM-DD (or 'unknown')",
                row=number,
                field="date_iso",
            )
    if not row["word_count"].isdecimal():
        raise CorpusError(
            METADATA_FILE,
            f"'{row['word_count']}' is not a whole number",
            row=number,
            field="word_count",
        )


def _check_checksum(data: bytes, expected: str, what: str, number: int, field: str) -> None:
    actual = sha256_hex(data)
    if actual != expected.lower():
        raise CorpusError(
            METADATA_FILE,
            f"{what} has SHA-256 {actual}, but the table says "
            f"{expected}. If you changed the file on purpose, run "
            "'python -m propaganda_kit checksum' and update the row.",
            row=number,
            field=field,
        )


def _load_document(root: Path, number: int, row: dict[str, str]) -> str:
    path = root / DOCUMENTS_DIR / f"{row['id']}.txt"
    if not path.is_file():
        raise CorpusError(
            METADATA_FILE,
            f"no file {DOCUMENTS_DIR}/{row['id']}.txt for this row",
            row=number,
            field="id",
        )
    raw = path.read_bytes()
    text = decode_text(raw, f"{DOCUMENTS_DIR}/{row['id']}.txt")
    _check_checksum(
        raw, row["clean_sha256"], f"{DOCUMENTS_DIR}/{row['id']}.txt", number, "clean_sha256"
    )
    if row["raw_file"] != UNKNOWN:
        raw_path = root / row["raw_file"]
        if not raw_path.is_file():
            raise CorpusError(
                METADATA_FILE, f"no file {row['raw_file']}", row=number, field="raw_file"
            )
        _check_checksum(
            raw_path.read_bytes(), row["raw_sha256"], row["raw_file"], number, "raw_sha256"
        )
    counted = word_count(text)
    if counted != int(row["word_count"]):
        raise CorpusError(
            METADATA_FILE,
            f"says {row['word_count']} words but the text has {counted}",
            row=number,
            field="word_count",
        )
    return text


def _load_quotes(root: Path, texts: dict[str, str]) -> dict[str, list[Segment]]:
    """Quoted segments per document id, checked against the texts."""
    quotes: dict[str, list[Segment]] = {doc_id: [] for doc_id in texts}
    path = root / QUOTES_FILE
    if not path.exists():
        return quotes
    for number, row in read_table(path, QUOTES_FILE, QUOTE_COLUMNS):
        doc_id = row["id"]
        if doc_id not in texts:
            raise CorpusError(
                QUOTES_FILE,
                f"no document with id '{doc_id}' in {METADATA_FILE}",
                row=number,
                field="id",
            )
        text = texts[doc_id]
        if not row["text"]:
            raise CorpusError(
                QUOTES_FILE, "is empty; give the quoted words", row=number, field="text"
            )
        if not row["start"] and not row["end"]:
            hits = [m.start() for m in re.finditer(re.escape(row["text"]), text)]
            if len(hits) != 1:
                problem = "not found in" if not hits else f"found {len(hits)} times in"
                raise CorpusError(
                    QUOTES_FILE,
                    f"the quoted text is {problem} {doc_id}; give 'start' and 'end'",
                    row=number,
                    field="text",
                )
            start, end = hits[0], hits[0] + len(row["text"])
        else:
            for field in ("start", "end"):
                if not row[field].isdecimal():
                    raise CorpusError(
                        QUOTES_FILE,
                        f"'{row[field]}' is not a whole number",
                        row=number,
                        field=field,
                    )
            start, end = int(row["start"]), int(row["end"])
            if not start < end <= len(text) or text[start:end] != row["text"]:
                raise CorpusError(
                    QUOTES_FILE,
                    f"characters {start}-{end} of {doc_id} do not hold the quoted text",
                    row=number,
                    field="text",
                )
        quotes[doc_id].append(Segment(start, end, "quoted", row["speaker"], row["kind"]))
    return quotes


def voice_segments(length: int, quotes: list[Segment]) -> tuple[Segment, ...]:
    """Cover ``[0, length)`` with the quoted segments and author segments between them."""
    segments, cursor = [], 0
    for quote in sorted(quotes, key=lambda s: s.start):
        if quote.start < cursor:
            raise CorpusError(QUOTES_FILE, f"quoted spans overlap at character {quote.start}")
        if quote.start > cursor:
            segments.append(Segment(cursor, quote.start, "author"))
        segments.append(quote)
        cursor = quote.end
    if cursor < length:
        segments.append(Segment(cursor, length, "author"))
    return tuple(segments)


def load_corpus(path: str | Path | None = None) -> Corpus:
    """Load and verify the corpus in ``path`` (default: the kit's own ``data/``).

    Raises CorpusError (a ValueError) naming the file, row and field of the first problem.
    """
    root = Path(path) if path is not None else DEFAULT_DATA_DIR
    if not root.is_dir():
        raise CorpusError(str(root), "is not a folder")
    rows = read_table(root / METADATA_FILE, METADATA_FILE, METADATA_COLUMNS)
    seen: dict[str, int] = {}
    texts: dict[str, str] = {}
    for number, row in rows:
        _check_metadata_row(number, row)
        if row["id"] in seen:
            raise CorpusError(
                METADATA_FILE,
                f"duplicate id '{row['id']}' (also in row {seen[row['id']]})",
                row=number,
                field="id",
            )
        seen[row["id"]] = number
        texts[row["id"]] = _load_document(root, number, row)
    docs_dir = root / DOCUMENTS_DIR
    if docs_dir.is_dir():
        for path_ in sorted(docs_dir.glob("*.txt")):
            if path_.stem not in texts:
                raise CorpusError(
                    f"{DOCUMENTS_DIR}/{path_.name}",
                    f"has no row in {METADATA_FILE} (no row with this id)",
                    field="id",
                )
    quotes = _load_quotes(root, texts)
    documents = tuple(
        Document(
            id=row["id"],
            metadata=dict(row),
            text=texts[row["id"]],
            paragraphs=split_paragraphs(texts[row["id"]]),
            segments=voice_segments(len(texts[row["id"]]), quotes[row["id"]]),
        )
        for _, row in rows
    )
    return Corpus(documents=documents, path=root)
