"""The spotting quiz's passages: ``data/quiz_passages.csv``, read and checked.

Each passage is either copied verbatim from a document of the corpus (``source`` is
``document`` and ``document_id`` names it) or invented for practice (``source`` is
``invented``). ``techniques`` lists SemEval-2020 technique ids from the taxonomy (the quiz's
options), separated by ';', or is ``none`` for a passage that uses no technique.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from propaganda_kit.data.corpus import Corpus
from propaganda_kit.data.paths import DEFAULT_DATA_DIR
from propaganda_kit.data.tables import read_table
from propaganda_kit.data.taxonomy import load_taxonomy
from propaganda_kit.text.errors import CorpusError
from propaganda_kit.text.ids import id_problem, is_id

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
            id_problem(row["id"]),
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


SPOT_KEY_FILE = "answer_keys/ex01_spot_techniques.json"
QUOTE_MARKS = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "—": "-", "–": "-"})


@dataclass(frozen=True)
class LabelledPassage:
    """A passage keyed somewhere in the kit: where, its text, and the techniques it carries.

    ``complete`` is True for a full key (quiz, exercise); a taxonomy example names only
    the one technique it illustrates.
    """

    place: str
    text: str
    techniques: frozenset[str]
    complete: bool


def normalise_passage(text: str) -> str:
    """Lower-case, straight quotes and dashes, single spaces: for comparing passages."""
    return " ".join(text.translate(QUOTE_MARKS).lower().split())


def labelled_passages(data_dir: str | Path | None = None) -> list[LabelledPassage]:
    """Every SemEval-keyed passage: quiz rows, exercise 1's required sets, taxonomy examples."""
    root = Path(data_dir) if data_dir is not None else DEFAULT_DATA_DIR
    found = [
        LabelledPassage(f"quiz {p.id}", p.text, frozenset(p.techniques), True)
        for p in load_quiz_passages(root / PASSAGES_FILE)
        if p.source == "document"
    ]
    key = json.loads((root / SPOT_KEY_FILE).read_text(encoding="utf-8"))
    found += [
        LabelledPassage(f"ex01 {item['id']}", item["passage"], frozenset(item["required"]), True)
        for item in key["exercises"]
    ]
    taxonomy = load_taxonomy(root / "taxonomy.csv")
    for technique, row in taxonomy[taxonomy["framework"] == QUIZ_FRAMEWORK].iterrows():
        for side in ("supportive", "hostile"):
            if row[f"{side}_example"]:
                place = f"taxonomy {technique} ({side})"
                found.append(
                    LabelledPassage(place, row[f"{side}_example"], frozenset([technique]), False)
                )
    return found


def key_conflicts(passages: list[LabelledPassage]) -> list[str]:
    """Pairs of overlapping passages (one equal to or inside the other) whose keys disagree.

    Two full keys must list the same techniques; a taxonomy example's technique must be
    in the full key of any passage it overlaps.
    """
    problems = []
    for i, first in enumerate(passages):
        for second in passages[i + 1 :]:
            a, b = normalise_passage(first.text), normalise_passage(second.text)
            if a not in b and b not in a:
                continue
            if first.complete and second.complete:
                agree = first.techniques == second.techniques
            elif first.complete or second.complete:
                full, part = (first, second) if first.complete else (second, first)
                agree = part.techniques <= full.techniques
            else:
                agree = True
            if not agree:
                problems.append(
                    f"{first.place} {sorted(first.techniques)} vs "
                    f"{second.place} {sorted(second.techniques)}"
                )
    return problems
