"""The lexicon table: size, categories, inflection rules and exact error messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from propaganda_kit import LEXICON_CATEGORIES, CorpusError, load_lexicon
from propaganda_kit.data.lexicon import (
    CHARGED_TOPIC,
    KNOWN_CATEGORIES,
    compile_lexicon,
    regular_forms,
    surface_forms,
    term_key,
)

MIN_PER_CATEGORY = 20
HEADER = "term,category,variants,note\n"


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "my_lexicon.csv"
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def test_kit_lexicon_is_large_and_covers_every_category() -> None:
    lexicon = load_lexicon()
    loaded = lexicon[lexicon["category"] != CHARGED_TOPIC]
    assert len(loaded) >= 390
    counts = lexicon["category"].value_counts()
    for category in LEXICON_CATEGORIES:
        assert counts.get(category, 0) >= MIN_PER_CATEGORY, category


def test_kit_lexicon_is_sorted_by_category_then_term() -> None:
    lexicon = load_lexicon()
    keys = [(c, t.lower()) for c, t in zip(lexicon["category"], lexicon["term"], strict=True)]
    assert keys == sorted(keys)


def test_every_row_has_a_note_and_a_known_category() -> None:
    lexicon = load_lexicon()
    assert lexicon["note"].str.len().min() > 10
    assert set(lexicon["category"]) <= set(KNOWN_CATEGORIES)
    assert CHARGED_TOPIC not in LEXICON_CATEGORIES  # charged topic words are not loaded


def test_categories_have_labels_and_descriptions() -> None:
    for info in LEXICON_CATEGORIES.values():
        assert info.label and info.description.endswith(".")


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("thug", ["thugs"]),
        ("crash", ["crashes"]),
        ("atrocity", ["atrocities"]),
        ("freedom fighter", ["freedom fighters"]),
        ("brutal", ["brutals", "brutally"]),
        ("ruthless", ["ruthlesses", "ruthlessly"]),
        ("tragic", ["tragics", "tragically"]),
        ("horrible", ["horribles", "horribly"]),
        ("annihilate", ["annihilates", "annihilated", "annihilating"]),
        ("terrify", ["terrifies", "terrified", "terrifying"]),
        ("So-Called", ["so-calleds"]),
    ],
)
def test_regular_forms(term: str, expected: list[str]) -> None:
    assert regular_forms(term) == expected


def test_term_key_ignores_case_apostrophes_and_spacing_but_keeps_hyphens() -> None:
    assert term_key(" So-Called ") == "so-called"
    assert term_key("so called") == "so called"
    assert term_key("It’s  reported") == term_key("it's reported") == "it s reported"


def test_listed_forms_win_over_generated_forms(tmp_path: Path) -> None:
    path = write(
        tmp_path, "blast,violence_threat,,A test note.\nblasts,emotive_fear,,Another test note.\n"
    )
    forms = surface_forms(load_lexicon(path))
    assert forms["blasts"] == ("blasts", "emotive_fear")
    assert forms["blast"] == ("blast", "violence_threat")


def test_compiled_lexicon_counts_forms(tmp_path: Path) -> None:
    path = write(tmp_path, "vile,emotive_anger,viler,A test note.\n")
    assert compile_lexicon(load_lexicon(path)).forms == 3  # vile, viler, viles


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            "brutal,,,A note.\n",
            "my_lexicon.csv, row 2, field 'category': is empty; use one of: "
            + ", ".join(KNOWN_CATEGORIES),
        ),
        (
            "brutal,angry_words,,A note.\n",
            "my_lexicon.csv, row 2, field 'category': 'angry_words' is not a known category "
            "(use one of: " + ", ".join(KNOWN_CATEGORIES) + ")",
        ),
        (
            "brutal,violence_threat,,A note.\nthug,evaluative_contempt,,A note.\n"
            "Brutal,emotive_anger,,A note.\n",
            "my_lexicon.csv, row 4, field 'term': duplicate term 'Brutal' (also in row 2)",
        ),
        (
            "so-called,evaluative_contempt,,A note.\nSo-Called,evaluative_contempt,,A note.\n",
            "my_lexicon.csv, row 3, field 'term': duplicate term 'So-Called' (also in row 2)",
        ),
        (
            ",violence_threat,,A note.\n",
            "my_lexicon.csv, row 2, field 'term': is empty; write the word or phrase",
        ),
        (
            "!!!,violence_threat,,A note.\n",
            "my_lexicon.csv, row 2, field 'term': '!!!' has no letters or digits to match",
        ),
        (
            "brutal,violence_threat,,\n",
            "my_lexicon.csv, row 2, field 'note': is empty; say in one line why the term is loaded",
        ),
        (
            "brutal,violence_threat,brutally||brutality,A note.\n",
            "my_lexicon.csv, row 2, field 'variants': has an empty variant in "
            "'brutally||brutality'",
        ),
        (
            "brutal,violence_threat,,A note.\nsavage,violence_threat,Brutal,A note.\n",
            "my_lexicon.csv, row 3, field 'variants': variant 'Brutal' is already a term (row 2)",
        ),
        (
            "brutal,violence_threat,brutish,A note.\nsavage,violence_threat,brutish,A note.\n",
            "my_lexicon.csv, row 3, field 'variants': variant 'brutish' is already a variant in "
            "row 2",
        ),
        (
            "brutal,violence_threat,A note.\n",
            "my_lexicon.csv, row 2: has 3 values but the header has 4 columns",
        ),
    ],
)
def test_malformed_rows_name_file_row_and_field(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(CorpusError) as err:
        load_lexicon(write(tmp_path, body))
    assert str(err.value) == message


def test_missing_column_and_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "my_lexicon.csv"
    path.write_text("term,category,note\nbrutal,violence_threat,A note.\n", encoding="utf-8")
    with pytest.raises(CorpusError) as err:
        load_lexicon(path)
    assert str(err.value) == "my_lexicon.csv, row 1, field 'variants': missing column"
    with pytest.raises(CorpusError) as err:
        load_lexicon(tmp_path / "none.csv")
    assert str(err.value) == "none.csv: file not found"


def test_a_variant_equal_to_its_own_term_is_allowed(tmp_path: Path) -> None:
    path = write(tmp_path, "witch hunt,emotive_anger,Witch  Hunt,A note.\n")
    assert load_lexicon(path)["row"].tolist() == [2]


WITHOUT_THE_PRINCIPLE = (
    "regime",
    "terrorist",
    "hero",
    "martyr",
    "never",
    "always",
    "everyone",
    "utterly",
    "alleged",
    "so-called",
    "reports indicate",
    "experts say",
)


@pytest.mark.parametrize("term", WITHOUT_THE_PRINCIPLE)
def test_labels_absolutes_doubt_and_attribution_are_not_lexicon_terms(term: str) -> None:
    """They belong to other techniques (name calling, exaggeration, doubt, authority)."""
    assert term_key(term) not in {term_key(t) for t in load_lexicon()["term"]}


@pytest.mark.parametrize("term", ["kill", "war", "torture", "victim", "execution", "murder"])
def test_grave_facts_are_charged_topic_words(term: str) -> None:
    lexicon = load_lexicon().set_index("term")
    assert lexicon.loc[term, "category"] == CHARGED_TOPIC


@pytest.mark.parametrize("term", ["psychological warfare", "manipulation", "coercion"])
def test_words_the_exercise_keys_call_loaded_are_in_the_lexicon(term: str) -> None:
    assert load_lexicon().set_index("term").loc[term, "category"] in LEXICON_CATEGORIES
