"""How each document names the same actors, counted from an alias table.

``data/aliases.csv`` (actor, alias, note) lists the names each actor goes by; an instructor
can add rows. Aliases match case-insensitively on word boundaries, longest alias first, so
"Iranian regime" is counted once, as itself, and not again as "regime".
"""

from __future__ import annotations

import re

import pandas as pd

from propaganda_kit.data.aliases import APOSTROPHES, load_aliases, normal_alias
from propaganda_kit.data.corpus import Corpus
from propaganda_kit.text.words import per_thousand_words

NAMING_COLUMNS = [
    "document",
    "perspective",
    "actor",
    "alias",
    "count",
    "author_count",
    "quoted_count",
    "words",
    "per_1000_words",
]


def alias_pattern(aliases: list[str]) -> re.Pattern[str]:
    """One pattern for all aliases: longest first, whole words, any apostrophe or spacing."""
    parts = []
    for alias in sorted(set(aliases), key=lambda a: (-len(normal_alias(a)), normal_alias(a))):
        words = [re.escape(w) for w in normal_alias(alias).split()]
        if words:
            parts.append(r"\s+".join(words).replace("'", f"[{APOSTROPHES}]"))
    if not parts:  # an empty pattern would match everywhere
        return re.compile(r"(?!)")
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE)


def naming_map(corpus: Corpus, aliases: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per document x actor x alias: how often the document uses that name.

    ``count`` is split into the author's own words and quoted voices, and given per
    1,000 words of the document (``words``). Every combination is listed, zeros included,
    so both perspectives are always shown.
    """
    table = load_aliases() if aliases is None else aliases
    pattern = alias_pattern(list(table["alias"]))
    owner = {normal_alias(a): a for a in table["alias"]}
    rows = []
    for doc in corpus:
        counts: dict[str, list[int]] = {a: [0, 0] for a in table["alias"]}
        for match in pattern.finditer(doc.text):
            voice = doc.voice_at(match.start())
            counts[owner[normal_alias(match.group())]][voice == "quoted"] += 1
        for actor, alias in zip(table["actor"], table["alias"], strict=True):
            author, quoted = counts[alias]
            rows.append(
                [
                    doc.id,
                    doc.perspective,
                    actor,
                    alias,
                    author + quoted,
                    author,
                    quoted,
                    doc.word_count,
                    round(per_thousand_words(author + quoted, doc.word_count), 2),
                ]
            )
    return pd.DataFrame(rows, columns=NAMING_COLUMNS)


def naming_wide(naming: pd.DataFrame) -> pd.DataFrame:
    """The naming map as a grid: one row per actor and alias, one column per document.

    Column labels carry the perspective and the word count, e.g. ``doc-id (hostile to
    the MEK, 776 words)``; cells are counts. Aliases no document uses are left out.
    """
    frame = naming.copy()
    frame["column"] = (
        frame["document"]
        + " ("
        + frame["perspective"]
        + ", "
        + frame["words"].astype(str)
        + " words)"
    )
    order = list(dict.fromkeys(frame["column"]))
    wide = frame.pivot_table(
        index=["actor", "alias"], columns="column", values="count", aggfunc="sum", sort=False
    )[order]
    wide = wide[wide.sum(axis=1) > 0]
    wide.columns.name = None
    return wide.astype(int)
