"""The taxonomy table: both frameworks complete, mapping consistent, examples verbatim."""

from __future__ import annotations

import pytest

from propaganda_kit import CorpusError, load_corpus
from propaganda_kit.data.taxonomy import (
    TAXONOMY_FILE,
    load_taxonomy,
    mapped_labels,
    semeval_label_map,
)

SEMEVAL_LABELS = {
    "Loaded_Language",
    "Name_Calling,Labeling",
    "Repetition",
    "Exaggeration,Minimisation",
    "Doubt",
    "Appeal_to_fear-prejudice",
    "Flag-Waving",
    "Causal_Oversimplification",
    "Slogans",
    "Appeal_to_Authority",
    "Black-and-White_Fallacy",
    "Thought-terminating_Cliches",
    "Whataboutism,Straw_Men,Red_Herring",
    "Bandwagon,Reductio_ad_hitlerum",
}
IPA_DEVICES = {
    "Name calling",
    "Glittering generalities",
    "Transfer",
    "Testimonial",
    "Plain folks",
    "Card stacking",
    "Band wagon",
}
SIDE_PERSPECTIVE = {"supportive": "supportive of the MEK", "hostile": "hostile to the MEK"}


def test_both_frameworks_are_complete():
    table = load_taxonomy()
    by_framework = table.groupby("framework")["source_label"].apply(set)
    assert by_framework["semeval2020"] == SEMEVAL_LABELS
    assert by_framework["ipa1937"] == IPA_DEVICES
    assert set(semeval_label_map().values()) >= {
        "loaded_language",
        "name_calling",
        "doubt",
        "appeal_to_fear",
        "flag_waving",
        "bandwagon",
    }


def test_mapping_is_symmetric_and_crosses_frameworks():
    table = load_taxonomy()
    for tech_id, row in table.iterrows():
        for target in filter(None, row["maps_to"].split(";")):
            assert table.loc[target, "framework"] != row["framework"], (tech_id, target)
            assert tech_id in table.loc[target, "maps_to"].split(";"), (tech_id, target)


def test_every_example_is_verbatim_in_a_document_of_its_perspective():
    corpus = load_corpus()
    checked = 0
    for tech_id, row in load_taxonomy().iterrows():
        for side, perspective in SIDE_PERSPECTIVE.items():
            example, doc_id = row[f"{side}_example"], row[f"{side}_doc"]
            if not example:
                continue
            doc = corpus[doc_id]
            assert doc.perspective == perspective, (tech_id, side, doc_id)
            assert example in doc.text, (tech_id, side, example)
            checked += 1
    assert checked >= 30


def _write(data_copy, text):
    (data_copy / TAXONOMY_FILE).write_text(text, encoding="utf-8")
    return data_copy / TAXONOMY_FILE


def _rows(data_copy):
    return (data_copy / TAXONOMY_FILE).read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize(
    ("edit", "row", "field"),
    [
        (lambda line: line.replace("loaded_language,", "Loaded Language,", 1), 2, "id"),
        (lambda line: line.replace("semeval2020", "semeval2099", 1), 2, "framework"),
        (
            lambda line: line.replace(",ipa_glittering_generalities,", ",no_such_id,", 1),
            2,
            "maps_to",
        ),
        (lambda line: line.replace(",resistance-units-origins,", ",,", 1), 2, "supportive_doc"),
    ],
)
def test_bad_rows_are_named(data_copy, edit, row, field):
    lines = _rows(data_copy)
    lines[1] = edit(lines[1])
    path = _write(data_copy, "\n".join(lines) + "\n")
    with pytest.raises(CorpusError) as err:
        load_taxonomy(path)
    assert (err.value.row, err.value.field) == (row, field)
    assert TAXONOMY_FILE in str(err.value)


def test_duplicate_id_is_refused(data_copy):
    lines = _rows(data_copy)
    path = _write(data_copy, "\n".join(lines + [lines[1]]) + "\n")
    with pytest.raises(CorpusError, match="duplicate id 'loaded_language'"):
        load_taxonomy(path)


def test_mapped_labels_show_every_device_a_technique_maps_to():
    labels = mapped_labels()
    assert labels["bandwagon"] == "Band wagon (IPA); Transfer (IPA)"
    assert labels["repetition"] == "(no close match)"
    for tech_id, text in labels.items():
        assert text.count(";") == load_taxonomy().loc[tech_id, "maps_to"].count(";")


def test_definitions_follow_the_published_wording():
    definitions = load_taxonomy()["definition"]
    assert "hypocrisy" in definitions["whataboutism"]
    assert "scapegoating" in definitions["causal_oversimplification"]
    assert "falsehoods" in definitions["ipa_card_stacking"]
    assert "distractions" in definitions["ipa_card_stacking"]
