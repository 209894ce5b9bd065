"""Reading the SemEval-2020 Task 11 corpus format (scoring is in ``analysis/evaluation.py``).

A folder holds ``article<ID>.txt`` files and tab-separated labels files
(``article_id<TAB>technique<TAB>start<TAB>end``, character offsets into the article,
end exclusive): either one per article (``article<ID>.task2-TC.labels``) or one combined
file (any other ``*.labels``), or both. Lines repeated across files are counted once.
Texts are read as UTF-8 with line endings made LF, as the task's own files have them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from propaganda_kit.data.tables import read_text_file
from propaganda_kit.data.taxonomy import semeval_label_map
from propaganda_kit.text.errors import CorpusError
from propaganda_kit.text.spans import Span

ARTICLE_RE = re.compile(r"article(?P<id>[^.]+)\.txt\Z")
PER_ARTICLE_LABELS_RE = re.compile(r"article(?P<id>[^.]+)\..*labels\Z")


@dataclass(frozen=True)
class SemevalArticle:
    """One article: its id, its text and its gold spans (technique = our id)."""

    id: str
    text: str
    spans: tuple[Span, ...]


def _sort_key(article_id: str) -> tuple[int, str]:
    return (int(article_id), "") if article_id.isdecimal() else (0, article_id)


def _parse_line(
    line: str, where: str, texts: dict[str, str], labels: dict[str, str], file_id: str | None
) -> tuple[str, Span]:
    fields = line.split("\t")
    if len(fields) != 4:
        raise CorpusError(
            where,
            f"has {len(fields)} tab-separated fields; expected 4: "
            "article_id, technique, start, end",
        )
    article_id, label, start_text, end_text = (f.strip() for f in fields)
    if file_id is not None and article_id != file_id:
        raise CorpusError(
            where, f"names article '{article_id}' but the file is for article '{file_id}'"
        )
    if article_id not in texts:
        raise CorpusError(where, f"no file article{article_id}.txt in the folder")
    if label not in labels:
        raise CorpusError(
            where,
            f"'{label}' is not a SemEval-2020 technique label (known: {', '.join(sorted(labels))})",
        )
    if not (start_text.isdecimal() and end_text.isdecimal()):
        raise CorpusError(
            where, f"start and end should be whole numbers, not '{start_text}' and '{end_text}'"
        )
    start, end, text = int(start_text), int(end_text), texts[article_id]
    if not start < end <= len(text):
        raise CorpusError(
            where,
            f"offsets {start}-{end} do not fit article {article_id} "
            f"({len(text)} characters; start must be below end)",
        )
    return article_id, Span(start, end, text[start:end], category=label, technique=labels[label])


def read_semeval(folder: str | Path) -> list[SemevalArticle]:
    """The articles of a SemEval-2020 Task 11 folder with their gold spans, by article id.

    Raises CorpusError naming the file and line of the first malformed label line.
    """
    root = Path(folder)
    if not root.is_dir():
        raise CorpusError(str(root), "is not a folder")
    texts = {}
    for path in sorted(root.glob("article*.txt")):
        match = ARTICLE_RE.match(path.name)
        if match:
            texts[match["id"]] = read_text_file(path, path.name)
    if not texts:
        raise CorpusError(str(root), "holds no article<ID>.txt files")
    labels = semeval_label_map()
    gold: dict[str, set[Span]] = {article_id: set() for article_id in texts}
    for path in sorted(root.glob("*.labels")):
        per_article = PER_ARTICLE_LABELS_RE.match(path.name)
        file_id = per_article["id"] if per_article else None
        content = read_text_file(path, path.name)
        for number, line in enumerate(content.split("\n"), start=1):
            if line.strip():
                article_id, span = _parse_line(
                    line, f"{path.name}, line {number}", texts, labels, file_id
                )
                gold[article_id].add(span)
    return [
        SemevalArticle(article_id, texts[article_id], tuple(sorted(gold[article_id])))
        for article_id in sorted(texts, key=_sort_key)
    ]
