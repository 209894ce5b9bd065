"""The spotting quiz's passages: ``data/quiz_passages.csv``, read and checked.

Each passage is either copied verbatim from a document of the corpus (``source`` is
``document`` and ``document_id`` names it) or invented for practice (``source`` is
``invented``). ``techniques`` lists SemEval-2020 technique ids from the taxonomy (the quiz's
options), separated by ';', or is ``none`` for a passage that uses no technique.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from propaganda_kit.data.corpus import Corpus
from propaganda_kit.data.paths import DEFAULT_DATA_DIR
from propaganda_kit.data.tables import read_table
from propaganda_kit.data.taxonomy import load_taxonomy
from propaganda_kit.text.errors import CorpusError
from propaganda_kit.text.ids import is_id

PASSAGES_FILE = "quiz_passages.csv"
PASSAGE_COLUMNS = ["id", "source", "document_id", "text", "techniques", "reason"]
SOURCES = ("document", "invented")
NONE = "none"
QUIZ_FRAMEWORK = "semeval2020"


@dataclass(frozen=True)
class QuizPassage:
    """One quiz passage, its answer key (empty for 'none') and our reason for it."""

    id: str
    source: str
    document_id: str
    text: str
    techniques: tuple[str, ...]
    reason: str


def _parse_row(number: int, row: dict[str, str], known: set[str]) -> QuizPassage:
    for field in ("id", "source", "text", "techniques", "reason"):
        if not row[field]:
            raise CorpusError(PASSAGES_FILE, "is empty", row=number, field=field)
    if not is_id(row["id"]):
        raise CorpusError(
            PASSAGES_FILE,
            f"'{row['id']}' is not a valid id (use lowercase letters, digits, '-' and '_')",
            row=number,
            field="id",
        )
    if row["source"] not in SOURCES:
        raise CorpusError(
            PASSAGES_FILE,
            f"'{row['source']}' should be one of: " + ", ".join(SOURCES),
            row=number,
            field="source",
        )
    if (row["source"] == "document") != bool(row["document_id"]):
        problem = (
            "a passage from a document needs its document id"
            if row["document_id"] == ""
            else "an invented passage has no document id; leave it empty"
        )
        raise CorpusError(PASSAGES_FILE, problem, row=number, field="document_id")
    ids = [t.strip() for t in row["techniques"].split(";")]
    if ids == [NONE]:
        ids = []
    else:
        for technique in ids:
            if technique not in known:
                raise CorpusError(
                    PASSAGES_FILE,
                    f"'{technique}' is not a SemEval-2020 technique "
                    f"id in the taxonomy (or write '{NONE}' alone)",
                    row=number,
                    field="techniques",
                )
        if len(set(ids)) != len(ids):
            raise CorpusError(
                PASSAGES_FILE, "a technique is listed twice", row=number, field="techniques"
            )
    return QuizPassage(
        row["id"], row["source"], row["document_id"], row["text"], tuple(ids), row["reason"]
    )


def load_quiz_passages(
    path: str | Path | None = None, corpus: Corpus | None = None
) -> list[QuizPassage]:
    """The quiz passages (default: the kit's ``data/quiz_passages.csv``).

    Technique ids are checked against the taxonomy; when ``corpus`` is given, each
    document passage must name a document of it and appear in it verbatim. Raises
    CorpusError naming the file, row and field of the first problem.
    """
    path = Path(path) if path is not None else DEFAULT_DATA_DIR / PASSAGES_FILE
    taxonomy = load_taxonomy()
    known = set(taxonomy.index[taxonomy["framework"] == QUIZ_FRAMEWORK])
    passages, seen = [], set()
    for number, row in read_table(path, PASSAGES_FILE, PASSAGE_COLUMNS):
        passage = _parse_row(number, row, known)
        if passage.id in seen:
            raise CorpusError(PASSAGES_FILE, f"duplicate id '{passage.id}'", row=number, field="id")
        seen.add(passage.id)
        if corpus is not None and passage.source == "document":
            if passage.document_id not in corpus.ids:
                raise CorpusError(
                    PASSAGES_FILE,
                    f"no document with id '{passage.document_id}'",
                    row=number,
                    field="document_id",
                )
            if passage.text not in corpus[passage.document_id].text:
                raise CorpusError(
                    PASSAGES_FILE,
                    f"the text is not found verbatim in {passage.document_id}",
                    row=number,
                    field="text",
                )
        passages.append(passage)
    if not passages:
        raise CorpusError(PASSAGES_FILE, "has no passages")
    return passages
