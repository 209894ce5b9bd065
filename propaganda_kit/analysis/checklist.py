"""A per-document fact sheet for the analysis checklist: what the kit's tools say, in plain text.

The fact sheet gathers evidence for a student's written analysis (provenance, voices,
technique cues, loaded language, naming, claims and sources, what is unknown). It uses
the same tools, and the same yardstick, for every document, and compares rates with
each perspective as a whole. It judges nothing: the analysis is the student's.
"""

from __future__ import annotations

import textwrap
from collections import Counter

from propaganda_kit.analysis.claims import KINDS, find_claims
from propaganda_kit.analysis.loaded_language import find_loaded_language
from propaganda_kit.analysis.naming import naming_map
from propaganda_kit.analysis.provenance import unknowns
from propaganda_kit.analysis.techniques import LOADED_LANGUAGE, find_techniques
from propaganda_kit.data.corpus import Corpus, Document
from propaganda_kit.data.taxonomy import load_taxonomy
from propaganda_kit.text.words import per_thousand_words

CHECKLIST = (
    "Provenance",
    "Voices",
    "Techniques",
    "Loaded language",
    "Naming",
    "Claims and sources",
    "What is unknown",
)
TOP_TERMS = 8
WIDTH = 88


def _rate(count: int, words: int) -> str:
    return f"{count} in {words:,} words = {per_thousand_words(count, words):.1f} per 1,000 words"


def _provenance(doc: Document) -> list[str]:
    meta = doc.metadata
    return [
        f"Title: {doc.title}",
        f"Date as stated: {meta['date_as_stated']} ({meta['date_note']})",
        f"Author: {meta['author']}; outlet: {meta['outlet']}; audience: {meta['audience']}",
        f"Calls itself: {meta['self_description']} ({meta['origin_note']})",
        f"Perspective: {doc.perspective}",
        f"Words: {doc.word_count:,}",
    ]


def _voices(doc: Document) -> list[str]:
    quoted = doc.words_in_voice("quoted")
    share = 100 * quoted / doc.word_count if doc.word_count else 0.0
    lines = [
        f"Author's own words: {doc.words_in_voice('author'):,}; quoted words: {quoted:,} "
        f"({share:.0f}% of the text)"
    ]
    speakers = list(dict.fromkeys(q.speaker or "unknown" for q in doc.quotes))
    lines += [f"Quoted: {s}" for s in speakers] or ["Quoted: nobody"]
    return lines


def _techniques(doc: Document) -> list[str]:
    labels = load_taxonomy()["label"].to_dict()
    found = Counter(
        s.technique for s in find_techniques(doc.text) if s.technique != LOADED_LANGUAGE
    )
    lines = [
        f"{labels.get(t, t)}: {_rate(n, doc.word_count)}"
        for t, n in sorted(found.items(), key=lambda item: (-item[1], item[0]))
    ]
    return (lines or ["No technique cue fired."]) + [
        "(Cues are places to read closely, not verdicts.)"
    ]


def _loaded(corpus: Corpus, doc: Document) -> list[str]:
    spans = find_loaded_language(doc.text)
    quoted = sum(doc.voice_at(s.start) == "quoted" for s in spans)
    lines = [f"This document: {_rate(len(spans), doc.word_count)} ({quoted} of them in quotations)"]
    totals: dict[str, list[int]] = {}
    for other in corpus:
        pair = totals.setdefault(other.perspective, [0, 0])
        pair[0] += len(find_loaded_language(other.text))
        pair[1] += other.word_count
    lines += [f"All documents {p}: {_rate(n, w)}" for p, (n, w) in sorted(totals.items())]
    terms = Counter(s.cue or s.text.lower() for s in spans).most_common(TOP_TERMS)
    if terms:
        lines.append("Most frequent: " + ", ".join(f"{t} ({n})" for t, n in terms))
    return lines


def _naming(corpus: Corpus, doc: Document) -> list[str]:
    naming = naming_map(corpus)
    mine = naming[(naming["document"] == doc.id) & (naming["count"] > 0)]
    lines = []
    for actor, rows in mine.groupby("actor", sort=False):
        labels = ", ".join(
            f"“{a}” ({n})" for a, n in zip(rows["alias"], rows["count"], strict=True)
        )
        lines.append(f"{actor}: {labels}")
    return lines or ["None of the listed names for actors appears."]


def _claims(doc: Document) -> list[str]:
    claims = [c for c in find_claims(doc.text) if c.repeat_of is None]
    kinds = Counter(k for c in claims for k in c.kinds)
    named = [c for c in claims if c.named]
    by_kind = ", ".join(f"{kinds[k]} {k}" for k in KINDS if kinds[k]) or "none"
    lines = [
        f"Claims found: {len(claims)} (by kind: {by_kind}); {_rate(len(claims), doc.word_count)}",
        f"With a named source: {len(named)}; without: {len(claims) - len(named)}",
    ]
    sources = list(dict.fromkeys(c.source for c in named))
    lines += [f"Named source: {s}" for s in sources]
    return lines


def _unknown(doc: Document) -> list[str]:
    lines = [f"Open question: {q}" for q in unknowns(doc)]
    unsourced = sum(not c.named and c.repeat_of is None for c in find_claims(doc.text))
    lines.append(f"Claims without a named source: {unsourced}")
    lines.append("Whether the claims are true: the kit does not check facts.")
    return lines


def fact_sheet_sections(corpus: Corpus, doc_id: str) -> dict[str, list[str]]:
    """The fact sheet as lines under the checklist's headings (``CHECKLIST`` order).

    Raises ValueError naming the known ids when ``doc_id`` is not in the corpus.
    """
    try:
        doc = corpus[doc_id]
    except KeyError as err:
        raise ValueError(err.args[0]) from None
    return {
        "Provenance": _provenance(doc),
        "Voices": _voices(doc),
        "Techniques": _techniques(doc),
        "Loaded language": _loaded(corpus, doc),
        "Naming": _naming(corpus, doc),
        "Claims and sources": _claims(doc),
        "What is unknown": _unknown(doc),
    }


def fact_sheet(corpus: Corpus, doc_id: str) -> str:
    """The fact sheet for one document as plain text, ready to print."""
    sections = fact_sheet_sections(corpus, doc_id)
    out = [f"FACT SHEET: {doc_id}", ""]
    for number, heading in enumerate(CHECKLIST, start=1):
        out.append(f"{number}. {heading.upper()}")
        for line in sections[heading]:
            out += textwrap.wrap(line, WIDTH, initial_indent="   - ", subsequent_indent="     ")
        out.append("")
    return "\n".join(out).rstrip() + "\n"
