"""Cue-based finders for the persuasion techniques that words alone can reveal.

Each finder looks for general English cues (``data/technique_cues.csv``, which an instructor
can extend); loaded language comes from ``propaganda_kit.analysis.loaded_language``. A cue that
fires marks a place worth reading closely: it is a cue to inspect, not a verdict.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from propaganda_kit.data.corpus import Corpus
from propaganda_kit.data.cues import load_cues
from propaganda_kit.text.input_checks import require_text
from propaganda_kit.text.spans import Span
from propaganda_kit.text.words import per_thousand_words

LOADED_LANGUAGE = "loaded_language"
DOUBT = "doubt"

TECHNIQUE_CUE_NOTE = (
    "These highlights are cues to inspect, not verdicts. A cue marks words that often "
    "go with a persuasion technique; whether the technique is really at work depends on "
    "the sentence around it. Finding a technique in a text does not make the text false, "
    "and finding none does not make it true. Every document is read with the same cues."
)


def _without_overlaps(spans: Iterable[Span]) -> list[Span]:
    """Leftmost spans win, then the longest; later overlapping spans are dropped."""
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if not kept or span.start >= kept[-1].end:
            kept.append(span)
    return kept


def _scare_quote_spans(text: str) -> list[Span]:
    """Doubt cues from scare quotes, found by the same rule the loaded-language finder uses."""
    from propaganda_kit.analysis.loaded_language import scare_quote_candidates

    return [
        Span(start, end, text[start:end], "scare quotes", DOUBT, "scare quotes")
        for start, end, _, _ in scare_quote_candidates(text)
    ]


def _cue_spans(text: str, technique: str) -> list[Span]:
    found = _scare_quote_spans(text) if technique == DOUBT else []
    for cue in load_cues():
        if cue.technique == technique:
            found += [
                Span(m.start(), m.end(), m.group(), cue.category, technique, cue.name)
                for m in cue.pattern.finditer(text)
            ]
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
        raise ValueError(
            f"techniques should be a list of technique ids, not {techniques!r}. "
            f"Known: {', '.join(available)}."
        )
    wanted = available if techniques is None else tuple(techniques)
    unknown = [t for t in wanted if t not in available]
    if unknown:
        raise ValueError(
            f"No cue finder for {', '.join(map(repr, unknown))}. Known: {', '.join(available)}."
        )
    spans: list[Span] = []
    for technique in dict.fromkeys(wanted):
        if technique == LOADED_LANGUAGE:
            from propaganda_kit.analysis.loaded_language import find_loaded_language

            spans += _without_overlaps(find_loaded_language(text))
        else:
            spans += _cue_spans(text, technique)
    return sorted(spans)


def technique_counts(corpus: Corpus) -> pd.DataFrame:
    """Tidy table: one row per document × technique with the cue count and rate per 1,000 words.

    Every technique that fires anywhere in the corpus appears for every document (zeros kept).
    """
    found = {doc.id: [s.technique for s in find_techniques(doc.text)] for doc in corpus}
    techniques = sorted({t for cues in found.values() for t in cues})
    rows = [
        {
            "document": doc.id,
            "perspective": doc.perspective,
            "technique": technique,
            "count": found[doc.id].count(technique),
            "words": doc.word_count,
            "rate_per_1000": round(
                per_thousand_words(found[doc.id].count(technique), doc.word_count), 1
            ),
        }
        for doc in corpus
        for technique in techniques
    ]
    return pd.DataFrame(
        rows, columns=["document", "perspective", "technique", "count", "words", "rate_per_1000"]
    )


def technique_rates(corpus: Corpus) -> pd.DataFrame:
    """Wide view: a row per document, a column per technique (cues per 1,000 words), then words."""
    counts = technique_counts(corpus)
    wide = counts.pivot(index="document", columns="technique", values="rate_per_1000")
    wide = wide.reindex(corpus.ids)
    wide.columns = [c.replace("_", " ") for c in wide.columns]
    wide.insert(0, "perspective", [corpus[i].perspective for i in wide.index])
    wide["words"] = [corpus[i].word_count for i in wide.index]
    wide.columns.name = "cues per 1,000 words"
    return wide


def cue_techniques() -> tuple[str, ...]:
    """Ids of the techniques that have a finder, loaded language first."""
    ids = [LOADED_LANGUAGE]
    for cue in load_cues():
        if cue.technique not in ids:
            ids.append(cue.technique)
    return tuple(ids)
