"""Cue-based finders for the persuasion techniques that words alone can reveal.

Each finder looks for general English cues (``data/technique_cues.csv``, which an instructor
can extend); loaded language comes from ``propaganda_kit.loaded_language``. A cue that
fires marks a place worth reading closely: it is a cue to inspect, not a verdict.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .corpus import DEFAULT_DATA_DIR
from .csv_table import read_table
from .errors import CorpusError
from .spans import Span
from .text_input import require_text

CUES_FILE = "technique_cues.csv"
CUE_COLUMNS = ["technique", "category", "cue", "pattern"]
LOADED_LANGUAGE = "loaded_language"
DOUBT = "doubt"

TECHNIQUE_CUE_NOTE = (
    "These highlights are cues to inspect, not verdicts. A cue marks words that often "
    "go with a persuasion technique; whether the technique is really at work depends on "
    "the sentence around it. Finding a technique in a text does not make the text false, "
    "and finding none does not make it true. Every document is read with the same cues."
)


@dataclass(frozen=True)
class Cue:
    """One cue: a compiled pattern, the technique it points to and its sub-kind."""

    technique: str
    category: str
    name: str
    pattern: re.Pattern[str]


@lru_cache(maxsize=8)
def load_cues(path: str | None = None) -> tuple[Cue, ...]:
    """The cue table (default: the kit's ``data/technique_cues.csv``), patterns compiled.

    Patterns are regular expressions matched case-insensitively on whole words.
    Raises CorpusError naming the row and field of the first bad row.
    """
    from .taxonomy import load_taxonomy

    known = set(load_taxonomy().index)
    file = Path(path) if path is not None else DEFAULT_DATA_DIR / CUES_FILE
    cues = []
    for number, row in read_table(file, CUES_FILE, CUE_COLUMNS):
        for field in CUE_COLUMNS:
            if not row[field]:
                raise CorpusError(CUES_FILE, "is empty", row=number, field=field)
        if row["technique"] not in known:
            raise CorpusError(CUES_FILE, f"'{row['technique']}' is not a technique id in "
                              "taxonomy.csv", row=number, field="technique")
        try:
            pattern = re.compile(rf"(?<!\w)(?:{row['pattern']})(?!\w)", re.IGNORECASE)
        except re.error as err:
            raise CorpusError(CUES_FILE, f"is not a valid regular expression ({err})",
                              row=number, field="pattern") from None
        if pattern.match(""):
            raise CorpusError(CUES_FILE, "matches empty text; it must match at least one "
                              "character", row=number, field="pattern")
        cues.append(Cue(row["technique"], row["category"], row["cue"], pattern))
    return tuple(cues)


def cue_techniques() -> tuple[str, ...]:
    """Ids of the techniques that have a finder, loaded language first."""
    ids = [LOADED_LANGUAGE]
    for cue in load_cues():
        if cue.technique not in ids:
            ids.append(cue.technique)
    return tuple(ids)


def _without_overlaps(spans: Iterable[Span]) -> list[Span]:
    """Leftmost spans win, then the longest; later overlapping spans are dropped."""
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if not kept or span.start >= kept[-1].end:
            kept.append(span)
    return kept


def _scare_quote_spans(text: str) -> list[Span]:
    """Doubt cues from scare quotes, found by the same rule the loaded-language finder uses."""
    from .loaded_language import scare_quote_candidates

    return [Span(start, end, text[start:end], "scare quotes", DOUBT, "scare quotes")
            for start, end, _, _ in scare_quote_candidates(text)]


def _cue_spans(text: str, technique: str) -> list[Span]:
    found = _scare_quote_spans(text) if technique == DOUBT else []
    for cue in load_cues():
        if cue.technique == technique:
            found += [Span(m.start(), m.end(), m.group(), cue.category, technique, cue.name)
                      for m in cue.pattern.finditer(text)]
    return _without_overlaps(found)


def find_techniques(text: str, techniques: Iterable[str] | None = None) -> list[Span]:
    """Spans where a technique's cue fires, sorted; ``techniques`` (ids, or one id) limits
    the ids searched.

    Each Span has ``technique`` (the id), ``category`` (the cue's sub-kind) and ``cue``
    (the cue's name). Spans never overlap within one technique. These are cues to
    inspect, not verdicts (see ``TECHNIQUE_CUE_NOTE``).
    """
    text = require_text(text)
    available = cue_techniques()
    if isinstance(techniques, str):  # one id given on its own, not its letters
        techniques = (techniques,)
    elif techniques is not None and not isinstance(techniques, Iterable):
        raise ValueError(f"techniques should be a list of technique ids, not {techniques!r}. "
                         f"Known: {', '.join(available)}.")
    wanted = available if techniques is None else tuple(techniques)
    unknown = [t for t in wanted if t not in available]
    if unknown:
        raise ValueError(f"No cue finder for {', '.join(map(repr, unknown))}. "
                         f"Known: {', '.join(available)}.")
    spans: list[Span] = []
    for technique in dict.fromkeys(wanted):
        if technique == LOADED_LANGUAGE:
            from .loaded_language import find_loaded_language

            spans += _without_overlaps(find_loaded_language(text))
        else:
            spans += _cue_spans(text, technique)
    return sorted(spans)
