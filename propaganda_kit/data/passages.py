"""The spotting quiz's passages: ``data/quiz_passages.csv``, read and checked.

Each passage is either copied verbatim from a document of the corpus (``source`` is
``document`` and ``document_id`` names it) or invented for practice (``source`` is
``invented``). ``techniques`` lists SemEval-2020 technique ids from the taxonomy (the quiz's
options), separated by ';', or is ``none`` for a passage that uses no technique.

Three optional columns make the feedback fairer:

- ``words``: for each technique, the words of the passage that carry it, copied verbatim:
  ``technique: words | more words; other_technique: words``. When a row gives words, it
  gives them for every technique in ``techniques`` and ``defensible``.
- ``defensible``: techniques that are arguable for the passage (';'-separated); ticking
  one is neither a hit nor a false alarm. Only a passage with techniques has them.
- ``defensible_why``: one sentence saying why they are arguable (needed with ``defensible``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from propaganda_kit.data.corpus import Corpus
from propaganda_kit.data.paths import DEFAULT_DATA_DIR
from propaganda_kit.data.tables import read_table
from propaganda_kit.data.taxonomy import load_taxonomy
from propaganda_kit.text.errors import CorpusError
from propaganda_kit.text.ids import id_problem, is_id

PASSAGES_FILE = "quiz_passages.csv"
PASSAGE_COLUMNS = ["id", "source", "document_id", "text", "techniques", "reason"]
OPTIONAL_COLUMNS = ("words", "defensible", "defensible_why")
SOURCES = ("document", "invented")
NONE = "none"
QUIZ_FRAMEWORK = "semeval2020"


@dataclass(frozen=True)
class QuizPassage:
    """One quiz passage, its answer key (empty for 'none') and our reason for it.

    ``words`` maps a technique to the verbatim words that carry it; ``defensible`` lists
    the techniques that are arguable here, and ``defensible_why`` says why.
    """

    id: str
    source: str
    document_id: str
    text: str
    techniques: tuple[str, ...]
    reason: str
    words: dict[str, tuple[str, ...]] = field(default_factory=dict, hash=False)
    defensible: tuple[str, ...] = ()
    defensible_why: str = ""


def _technique_list(number: int, value: str, name: str, known: set[str]) -> list[str]:
    """The ';'-separated technique ids in field ``name``, each known and none twice."""
    ids = [t.strip() for t in value.split(";")]
    for technique in ids:
        if technique not in known:
            raise CorpusError(
                PASSAGES_FILE,
                f"'{technique}' is not a SemEval-2020 technique id in the taxonomy"
                + (f" (or write '{NONE}' alone)" if name == "techniques" else ""),
                row=number,
                field=name,
            )
    if len(set(ids)) != len(ids):
        raise CorpusError(PASSAGES_FILE, "a technique is listed twice", row=number, field=name)
    return ids


def _defensible(number: int, row: dict[str, str], key: list[str], known: set[str]) -> list[str]:
    """The arguable techniques of a row: known, not in the key, and explained."""
    value, why = row.get("defensible", ""), row.get("defensible_why", "")
    if not value:
        if why:
            raise CorpusError(
                PASSAGES_FILE,
                "explains techniques that 'defensible' does not list; list them or leave "
                "this empty",
                row=number,
                field="defensible_why",
            )
        return []
    if not key:
        raise CorpusError(
            PASSAGES_FILE,
            f"a passage keyed '{NONE}' has no arguable techniques; leave this empty",
            row=number,
            field="defensible",
        )
    ids = _technique_list(number, value, "defensible", known)
    both = [t for t in ids if t in key]
    if both:
        raise CorpusError(
            PASSAGES_FILE,
            f"'{both[0]}' is already in the key; a technique is either in the key or arguable",
            row=number,
            field="defensible",
        )
    if not why:
        raise CorpusError(
            PASSAGES_FILE,
            "is empty; write one sentence saying why the defensible techniques are arguable",
            row=number,
            field="defensible_why",
        )
    return ids


def _words(number: int, row: dict[str, str], named: list[str]) -> dict[str, tuple[str, ...]]:
    """The ``words`` field as {technique: verbatim words}, for exactly the ``named`` ones."""
    value = row.get("words", "")
    if not value:
        return {}
    found: dict[str, tuple[str, ...]] = {}
    for entry in value.split(";"):
        technique, colon, quotes = (part.strip() for part in entry.partition(":"))
        words = tuple(q.strip() for q in quotes.split("|"))
        if not colon or not technique or not all(words):
            raise CorpusError(
                PASSAGES_FILE,
                f"'{entry.strip()}' should read 'technique: words | more words'",
                row=number,
                field="words",
            )
        if technique not in named:
            raise CorpusError(
                PASSAGES_FILE,
                f"'{technique}' is neither in the key nor defensible for this passage",
                row=number,
                field="words",
            )
        if technique in found:
            raise CorpusError(
                PASSAGES_FILE, f"'{technique}' is given twice", row=number, field="words"
            )
        for quote in words:
            if quote not in row["text"]:
                raise CorpusError(
                    PASSAGES_FILE,
                    f"'{quote}' is not found verbatim in the text",
                    row=number,
                    field="words",
                )
        found[technique] = words
    missing = [t for t in named if t not in found]
    if missing:
        raise CorpusError(
            PASSAGES_FILE,
            f"gives no words for '{missing[0]}'; give words for every technique in the key "
            "and in 'defensible'",
            row=number,
            field="words",
        )
    return found


def _parse_row(number: int, row: dict[str, str], known: set[str]) -> QuizPassage:
    for name in ("id", "source", "text", "techniques", "reason"):
        if not row[name]:
            raise CorpusError(PASSAGES_FILE, "is empty", row=number, field=name)
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
    ids = [] if ids == [NONE] else _technique_list(number, row["techniques"], "techniques", known)
    if not ids and row.get("words", ""):
        raise CorpusError(
            PASSAGES_FILE,
            f"a passage keyed '{NONE}' has no words to point at; leave this empty",
            row=number,
            field="words",
        )
    defensible = _defensible(number, row, ids, known)
    words = _words(number, row, ids + defensible)
    return QuizPassage(
        row["id"],
        row["source"],
        row["document_id"],
        row["text"],
        tuple(ids),
        row["reason"],
        words,
        tuple(defensible),
        row.get("defensible_why", ""),
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
    for number, row in read_table(path, PASSAGES_FILE, PASSAGE_COLUMNS, OPTIONAL_COLUMNS):
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
