"""The naming map: longest alias first, whole words, any case or apostrophe, zeros kept."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from propaganda_kit import CorpusError, load_corpus
from propaganda_kit.analysis.naming import naming_map, naming_wide
from propaganda_kit.data.aliases import load_aliases
from propaganda_kit.data.corpus import Corpus, Document, Segment, voice_segments
from propaganda_kit.text.words import word_count

ALIASES = pd.DataFrame(
    {
        "actor": ["Government", "Government", "Government", "Group"],
        "alias": ["Iranian regime", "regime", "the mullahs", "People's Mojahedin"],
        "note": ["", "", "", ""],
    }
)


def _corpus(*texts_and_quotes: tuple[str, list[tuple[int, int]]]) -> Corpus:
    docs = []
    for number, (text, quotes) in enumerate(texts_and_quotes):
        perspective = "side A" if number % 2 == 0 else "side B"
        segments = voice_segments(len(text), [Segment(s, e, "quoted") for s, e in quotes])
        docs.append(
            Document(
                id=f"doc{number}",
                text=text,
                paragraphs=(text,),
                segments=segments,
                metadata={
                    "title": "t",
                    "perspective": perspective,
                    "word_count": str(word_count(text)),
                },
            )
        )
    return Corpus(documents=tuple(docs), path=Path("."))


def _count(frame: pd.DataFrame, doc: str, alias: str, column: str = "count") -> int:
    return int(frame[(frame.document == doc) & (frame.alias == alias)][column].iloc[0])


def test_longest_alias_wins_and_matching_ignores_case():
    text = "The Iranian regime and the REGIME. The Mullahs spoke; regimental bands played."
    frame = naming_map(_corpus((text, [])), ALIASES)
    assert _count(frame, "doc0", "Iranian regime") == 1
    assert _count(frame, "doc0", "regime") == 1
    assert _count(frame, "doc0", "the mullahs") == 1


def test_an_empty_alias_table_counts_nothing():
    empty = ALIASES.iloc[0:0]
    assert naming_map(_corpus(("The regime spoke.", [])), empty).empty


def test_any_apostrophe_and_line_break_match():
    text = "People’s Mojahedin here, People's\nMojahedin there."
    assert _count(naming_map(_corpus((text, [])), ALIASES), "doc0", "People's Mojahedin") == 2


def test_counts_split_by_voice_and_rated_per_thousand_words():
    text = "regime " * 3 + "word " * 7  # 10 words; the last regime is quoted
    frame = naming_map(_corpus((text, [(14, 20)])), ALIASES)
    row = frame[frame.alias == "regime"].iloc[0]
    assert (row["count"], row["author_count"], row["quoted_count"]) == (3, 2, 1)
    assert row["words"] == 10 and row["per_1000_words"] == 300.0


def test_every_document_actor_alias_row_is_present_with_zeros():
    frame = naming_map(_corpus(("regime", []), ("nothing to see", [])), ALIASES)
    assert len(frame) == 2 * len(ALIASES)
    assert set(frame.perspective) == {"side A", "side B"}
    assert _count(frame, "doc1", "regime") == 0


def test_wide_view_has_one_column_per_document_with_perspective_and_words():
    wide = naming_wide(naming_map(_corpus(("regime regime", []), ("the mullahs", [])), ALIASES))
    assert list(wide.columns) == ["doc0 (side A, 2 words)", "doc1 (side B, 2 words)"]
    assert wide.loc[("Government", "regime")].tolist() == [2, 0]
    assert ("Group", "People's Mojahedin") not in wide.index


def test_the_kit_alias_table_covers_names_the_texts_use():
    frame = naming_map(load_corpus())
    used = set(frame[frame["count"] > 0].alias)
    assert {
        "regime",
        "mullahs",
        "Tehran",
        "Islamic Republic of Iran",
        "the organization",
        "Resistance Units",
        "so-called resistance units",
        "PMOI/MEK",
        "Mujahedin-e Khalq Organization",
        "the Hypocrites",
        "Maryam Rajavi",
        "Khamenei",
    } <= used
    by_side = frame.groupby("perspective")["count"].sum()
    assert set(by_side.index) == {"supportive of the MEK", "hostile to the MEK"}


def test_repeated_or_empty_alias_is_named(tmp_path):
    path = tmp_path / "aliases.csv"
    path.write_text("actor,alias,note\nA,the regime,\nB,The  Regime,\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="already listed") as err:
        load_aliases(path)
    assert (err.value.row, err.value.field) == (3, "alias")
    path.write_text("actor,alias,note\nA,,\n", encoding="utf-8")
    with pytest.raises(CorpusError) as err:
        load_aliases(path)
    assert (err.value.row, err.value.field) == (2, "alias")
