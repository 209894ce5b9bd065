"""The pre/post discernment check: items, scoring, counterbalancing, widget, class reading."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import re
from collections import Counter
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from propaganda_kit import (
    CorpusError,
    assign_forms,
    class_scores,
    discernment_change,
    first_form,
    item_change,
    load_discernment_items,
    plot_discernment_change,
    read_discernment_class,
)
from propaganda_kit.analysis.discernment import (
    HIT_RATING,
    NOT_SURE,
    discernment_scores,
    form_for,
    is_rating,
    other_form,
    paired_change,
    rated_items,
)
from propaganda_kit.checks import kept_answers
from propaganda_kit.data.discernment import (
    ITEMS_FILE,
    DiscernmentItem,
    form_items,
    record_form,
    record_name,
)
from propaganda_kit.data.notebook_answers import ANSWER_MIME
from propaganda_kit.data.paths import DEFAULT_DATA_DIR
from propaganda_kit.data.taxonomy import load_taxonomy
from propaganda_kit.instructor.cli import main
from propaganda_kit.widgets import DiscernmentCheck, discernment_check
from propaganda_kit.widgets import discernment as widget_module
from propaganda_kit.widgets.discernment import (
    CONFIRM,
    HANDED_IN,
    NOTHING_RATED,
    DiscernmentStart,
)

ROOT = Path(__file__).resolve().parent.parent
ITEMS = DEFAULT_DATA_DIR / ITEMS_FILE
SAMPLE = DEFAULT_DATA_DIR / "sample_class_discernment"


# The items ------------------------------------------------------------------------------------


def test_the_two_forms_are_balanced_and_parallel():
    items = load_discernment_items()
    counts = Counter((i.form, i.side, i.kind) for i in items)
    for form in "AB":
        assert len(form_items(form, items)) == 16
        for kind in ("manipulative", "neutral"):
            assert counts[(form, "invented", kind)] == 4
            assert counts[(form, "supportive", kind)] == 2
            assert counts[(form, "hostile", kind)] == 2
    for a, b in zip(form_items("A", items), form_items("B", items), strict=True):
        assert (a.side, a.kind, a.technique) == (b.side, b.kind, b.technique)
        assert a.item_id[1:] == b.item_id[1:] and a.position == b.position


def test_corpus_items_are_framed_as_a_writers_claims():
    for item in load_discernment_items():
        if item.side != "invented":
            side = "supportive of" if item.side == "supportive" else "hostile to"
            assert item.text.startswith(f"A writer {side} the MEK "), item.item_id


ACRONYMS = {"MEK", "FC"}  # the only words written in capitals
MAX_LENGTH_RATIO = 1.25  # the longer of a pair, in words and in characters, over the shorter
FRAME = re.compile(r"^(A writer (?:supportive of|hostile to) the MEK (\w+)) ")


def item_pairs(items: list[DiscernmentItem]) -> list[tuple[DiscernmentItem, DiscernmentItem]]:
    """Each pair as (manipulative, neutral), in file order."""
    pairs: dict[str, dict[str, DiscernmentItem]] = {}
    for one in items:
        pairs.setdefault(one.pair_id, {})[one.kind] = one
    return [(pair["manipulative"], pair["neutral"]) for pair in pairs.values()]


def ratio(a: float, b: float) -> float:
    return max(a, b) / min(a, b)


def surface_tells(items: list[DiscernmentItem]) -> list[str]:
    """Surface features that would tell a manipulative item from its neutral partner.

    The two versions of a pair open with the same three words and (on the MEK sides) the
    same attribution ("A writer hostile to the MEK says"); the attribution verbs of
    manipulative and neutral items are the same; a pair is alike in length, uses the same
    punctuation marks and has figures in both versions or in neither; no item has an
    exclamation or question mark or a word in capitals; and the longer version of a pair is
    the manipulative one in some pairs of each side, not all.
    """
    tells = []
    verbs: dict[str, set[str]] = {"manipulative": set(), "neutral": set()}
    longer: dict[str, list[bool]] = {}
    for manipulative, neutral in item_pairs(items):
        pair = f"pair '{manipulative.pair_id}'"
        a, b = manipulative.text, neutral.text
        if a.split()[:3] != b.split()[:3]:
            tells.append(f"{pair}: the versions open with different words")
        frames = [FRAME.match(text) for text in (a, b)]
        if manipulative.side != "invented":
            if None in frames or frames[0][1] != frames[1][1]:
                tells.append(f"{pair}: the versions are attributed differently")
            for kind, frame in zip(verbs, frames, strict=True):
                verbs[kind] |= {frame[2]} if frame else set()
        if ratio(len(a.split()), len(b.split())) > MAX_LENGTH_RATIO:
            tells.append(f"{pair}: one version has many more words")
        if ratio(len(a), len(b)) > MAX_LENGTH_RATIO:
            tells.append(f"{pair}: one version has many more characters")
        if set(re.findall(r"[^\w\s]", a)) != set(re.findall(r"[^\w\s]", b)):
            tells.append(f"{pair}: the versions use different punctuation marks")
        if bool(re.search(r"\d", a)) != bool(re.search(r"\d", b)):
            tells.append(f"{pair}: only one version has figures")
        longer.setdefault(manipulative.side, []).append(len(a) > len(b))
    if verbs["manipulative"] != verbs["neutral"]:
        tells.append(f"attribution verbs differ by kind: {verbs}")
    for side, manipulative_longer in longer.items():
        if all(manipulative_longer) or not any(manipulative_longer):
            tells.append(f"side '{side}': the longer version is always of one kind")
    for one in items:
        if re.search(r"[!?]", one.text):
            tells.append(f"{one.item_id}: an exclamation or question mark")
        capitals = set(re.findall(r"\b[A-Z]{2,}\b", one.text)) - ACRONYMS
        if capitals:
            tells.append(f"{one.item_id}: words in capitals: {sorted(capitals)}")
    return tells


def test_no_surface_feature_tells_manipulative_items_from_neutral_ones():
    assert surface_tells(load_discernment_items()) == []


def reworded(items: list[DiscernmentItem], item_id: str, text: str) -> list[DiscernmentItem]:
    return [replace(one, text=text) if one.item_id == item_id else one for one in items]


@pytest.mark.parametrize(
    ("item_id", "old", "new", "tell"),
    [
        ("a06", " says that", " claims that", "attributed differently"),
        ("a06", " says that", " claims that", "attribution verbs differ by kind"),
        ("a01", "The canteen's new menu", "This disgusting menu", "open with different words"),
        ("a01", ".", ", and a total disgrace that nobody should put up with.", "more words"),
        ("a01", "school.", "school!", "an exclamation or question mark"),
        ("a01", "disgusting", "DISGUSTING", "words in capitals"),
        ("a01", "school.", "school, truly.", "different punctuation marks"),
        ("a05", "everyone", "all 300 people", "only one version has figures"),
    ],
)
def test_the_tell_check_finds_a_giveaway(item_id, old, new, tell):
    items = load_discernment_items()
    [text] = [one.text for one in items if one.item_id == item_id]
    found = surface_tells(reworded(items, item_id, text.replace(old, new, 1)))
    assert any(tell in problem for problem in found), found


def test_the_tell_check_finds_the_longer_version_always_manipulative():
    items = load_discernment_items()
    for manipulative, _ in item_pairs(items):
        if manipulative.side == "hostile":
            items = reworded(items, manipulative.item_id, manipulative.text + " No doubt.")
    assert "side 'hostile': the longer version is always of one kind" in surface_tells(items)


def test_manipulative_items_use_semeval_techniques_and_neutral_ones_none():
    taxonomy = load_taxonomy()
    semeval = set(taxonomy.index[taxonomy["framework"] == "semeval2020"])
    for item in load_discernment_items():
        assert (item.technique in semeval) if item.manipulative else item.technique == "none"


def rows_of_items() -> list[list[str]]:
    return list(csv.reader(io.StringIO(ITEMS.read_text(encoding="utf-8"))))


def write_items(path: Path, rows: list[list[str]]) -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


COLUMN = {name: i for i, name in enumerate(rows_of_items()[0])}


def changed(row: int, field: str, value: str) -> list[list[str]]:
    rows = rows_of_items()
    rows[row - 1][COLUMN[field]] = value
    return rows


@pytest.mark.parametrize(
    ("rows", "row", "field", "words"),
    [
        (changed(2, "form", "C"), 2, "form", "should be one of: A, B"),
        (changed(3, "technique", "doubt"), 3, "technique", "a neutral item's technique"),
        (changed(2, "technique", "ipa_transfer"), 2, "technique", "not a SemEval-2020"),
        (changed(2, "technique", "none"), 2, "technique", "not a SemEval-2020"),
        (changed(4, "side", "neither"), 4, "side", "should be one of"),
        (changed(5, "text", ""), 5, "text", "is empty"),
        (changed(5, "item_id", "A 5"), 5, "item_id", "is not a valid id"),
        (changed(5, "item_id", "a01"), 5, "item_id", "duplicate item id 'a01'"),
        (changed(12, "pair_id", "bus"), 2, "pair_id", "pair 'canteen' has 1 item;"),
        (
            [*rows_of_items(), ["A", "a17", "canteen", "invented", "neutral", "none", "More."]],
            34,
            "pair_id",
            "pair 'canteen' has 3 items",
        ),
        (changed(12, "kind", "manipulative"), 12, "technique", "not a SemEval-2020"),
        (changed(22, "technique", "doubt"), 22, "technique", "same technique as a05"),
    ],
)
def test_a_malformed_row_is_named_by_file_row_and_field(tmp_path, rows, row, field, words):
    with pytest.raises(CorpusError) as caught:
        load_discernment_items(write_items(tmp_path / "items.csv", rows))
    assert (caught.value.file, caught.value.row, caught.value.field) == (ITEMS_FILE, row, field)
    assert words in caught.value.problem


def test_a_pair_needs_one_of_each_kind_on_one_side(tmp_path):
    rows = changed(12, "kind", "manipulative")
    rows[11][COLUMN["technique"]] = "loaded_language"  # a11 is now a second manipulative canteen
    with pytest.raises(CorpusError, match="one manipulative and one neutral"):
        load_discernment_items(write_items(tmp_path / "items.csv", rows))
    rows = changed(12, "side", "hostile")
    with pytest.raises(CorpusError, match="same side") as caught:
        load_discernment_items(write_items(tmp_path / "items.csv", rows))
    assert caught.value.row == 12


def test_forms_of_different_lengths_are_refused(tmp_path):
    rows = rows_of_items()
    rows = [r for r in rows if r[COLUMN["pair_id"]] not in ("statement",)]
    with pytest.raises(CorpusError, match="form A has 16 items and form B 14"):
        load_discernment_items(write_items(tmp_path / "items.csv", rows))


def test_validate_checks_the_items(data_copy, capsys):
    assert main(["validate", str(data_copy)]) == 0
    assert "discernment/items.csv" in capsys.readouterr().out
    write_items(data_copy / ITEMS_FILE, changed(2, "form", "C"))
    assert main(["validate", str(data_copy)]) == 1
    assert "discernment/items.csv, row 2, field 'form'" in capsys.readouterr().out


def test_record_names_follow_the_saved_work_id_rule():
    assert record_name("A") == "discernment-a" and record_form("discernment-b") == "B"
    assert record_form("discernment-A") is None and record_form("spot-techniques-1") is None
    with pytest.raises(ValueError):
        record_name("C")


# Scoring ------------------------------------------------------------------------------------


def item(item_id: str, side: str, kind: str, technique: str = "none") -> DiscernmentItem:
    return DiscernmentItem("A", item_id, item_id, side, kind, technique, "text", 1)


TOY = [
    item("m1", "invented", "manipulative", "loaded_language"),
    item("m2", "invented", "manipulative", "bandwagon"),
    item("n1", "invented", "neutral"),
    item("n2", "invented", "neutral"),
    item("s1", "supportive", "manipulative", "exaggeration"),
    item("s2", "supportive", "neutral"),
    item("h1", "hostile", "manipulative", "name_calling"),
    item("h2", "hostile", "neutral"),
]


def test_scores_on_a_hand_computed_example():
    ratings = {
        "m1": {"rating": 5, "technique": "loaded_language", "confidence": "high"},
        "m2": {"rating": 2},  # below HIT_RATING: not a hit
        "n1": 3,  # exactly HIT_RATING: a false alarm
        "n2": 1,
        "s1": {"rating": 4, "technique": NOT_SURE},
        "s2": 2,
        "h1": {"rating": 3, "technique": "name_calling"},
        "h2": 4,
    }
    scores = discernment_scores(rated_items(TOY, ratings)).set_index("side")
    assert HIT_RATING == 3
    invented = scores.loc["invented"]
    assert invented["manipulative_mean"] == 3.5 and invented["neutral_mean"] == 2.0
    assert invented["discernment"] == 1.5
    assert (invented["hits"], invented["false_alarms"], invented["techniques_right"]) == (1, 1, 1)
    assert invented["hit_rate"] == 0.5 and invented["false_alarm_rate"] == 0.5
    supportive, hostile = scores.loc["supportive"], scores.loc["hostile"]
    assert supportive["discernment"] == 2.0 and supportive["techniques_right"] == 0
    assert (supportive["hits"], supportive["false_alarms"]) == (1, 0)
    assert hostile["discernment"] == -1.0 and hostile["false_alarms"] == 1
    assert hostile["techniques_right"] == 1
    everything = scores.loc["all"]
    assert everything["manipulative_mean"] == (5 + 2 + 4 + 3) / 4
    assert everything["neutral_mean"] == (3 + 1 + 2 + 4) / 4
    assert (everything["hits"], everything["false_alarms"]) == (3, 2)


def test_rating_everything_the_same_gives_no_discernment():
    scores = discernment_scores(rated_items(TOY, {i.item_id: 5 for i in TOY}))
    assert (scores["discernment"] == 0).all()
    assert scores.set_index("side").loc["all", "false_alarm_rate"] == 1.0


def test_unrated_and_malformed_ratings_count_as_missing():
    rows = rated_items(TOY, {"m1": 9, "m2": "4", "n1": {"rating": None}, "n2": 2, "s1": True})
    assert rows["rating"].isna().sum() == len(TOY) - 1  # only n2's rating is kept
    scores = discernment_scores(rows).set_index("side")
    assert scores.loc["invented", "manipulative_rated"] == 0
    assert np.isnan(scores.loc["invented", "discernment"])


def test_paired_change_on_a_hand_computed_example():
    result = paired_change(np.array([1.0, 2.0, 3.0]), np.array([2.0, 4.0, 3.0]))
    assert result["students"] == 3
    assert result["change"] == 1.0 and result["change_sd"] == 1.0 and result["d_z"] == 1.0
    assert 0.0 <= result["change_low"] <= 1.0 <= result["change_high"] <= 2.0
    assert result == paired_change(np.array([1.0, 2.0, 3.0]), np.array([2.0, 4.0, 3.0]))
    one = paired_change(np.array([1.0]), np.array([3.0]))
    assert one["change"] == 2.0 and np.isnan(one["change_sd"]) and np.isnan(one["change_low"])
    assert np.isnan(paired_change(np.array([]), np.array([]))["change"])


# Counterbalancing -----------------------------------------------------------------------------


def test_the_first_form_comes_from_the_name_alone():
    assert first_form("amira") == first_form("  Amira ") == "A"
    assert first_form("ben") == "B"
    names = [f"student-{n}" for n in range(200)]
    share = sum(first_form(n) == "A" for n in names) / len(names)
    assert 0.4 < share < 0.6


def test_the_post_check_takes_the_other_form_and_the_first_can_be_overridden():
    assert form_for("amira", "pre") == "A" and form_for("amira", "post") == "B"
    assert form_for("amira", "pre", first="B") == "B"
    assert form_for("amira", "post", first="B") == "A"
    assert other_form("A") == "B"
    with pytest.raises(ValueError):
        form_for("amira", "during")


def test_a_known_class_is_split_exactly_in_half_whatever_its_order():
    names = [f"pupil{n}" for n in range(11)]
    forms = assign_forms(names)
    assert Counter(forms.values()) == {"A": 6, "B": 5}
    assert assign_forms(reversed(names)) == forms


# The invented class ------------------------------------------------------------------------------


def load_script():
    spec = importlib.util.spec_from_file_location(
        "make_discernment_sample", ROOT / "scripts" / "make_discernment_sample.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_sample_class_is_what_the_script_writes(tmp_path):
    written = load_script().write_sample_class(tmp_path)
    assert len(written) == 24
    for path in written:
        committed = SAMPLE / path.relative_to(tmp_path)
        assert committed.read_bytes() == path.read_bytes(), committed


def raw_discernment(student: str, stage: str) -> float:
    """Discernment from a sample notebook, computed straight from its JSON."""
    nb = json.loads((SAMPLE / student / f"{stage}_check.ipynb").read_text("utf-8"))
    [record] = [out["data"][ANSWER_MIME] for c in nb["cells"] for out in c.get("outputs", [])]
    kinds = {i.item_id: i.kind for i in load_discernment_items()}
    by_kind: dict[str, list[int]] = {"manipulative": [], "neutral": []}
    for item_id, given in record["answer"]["ratings"].items():
        by_kind[kinds[item_id]].append(given["rating"])
    return np.mean(by_kind["manipulative"]) - np.mean(by_kind["neutral"])


def test_the_invented_class_gives_the_expected_change_and_interval():
    answers = read_discernment_class()
    assert len(answers) == 12 * 2 * 16
    taken = answers.drop_duplicates(["student", "stage"])
    assert Counter(zip(taken["stage"], taken["form"], strict=True)) == {
        ("pre", "A"): 6, ("pre", "B"): 6, ("post", "A"): 6, ("post", "B"): 6,
    }  # fmt: skip
    assert (taken.groupby("student")["form"].nunique() == 2).all()
    scores = class_scores(answers)
    change = discernment_change(scores).set_index("side")
    students = sorted(taken["student"].unique())
    expected = np.mean([raw_discernment(s, "post") - raw_discernment(s, "pre") for s in students])
    overall = change.loc["all"]
    assert overall["students"] == 12
    assert overall["change"] == pytest.approx(expected) == pytest.approx(0.65625)
    assert overall["change_low"] == pytest.approx(0.3958, abs=1e-3)
    assert overall["change_high"] == pytest.approx(0.9271, abs=1e-3)
    assert overall["d_z"] == pytest.approx(overall["change"] / overall["change_sd"])
    assert overall["change_low"] < overall["change"] < overall["change_high"]
    alarms = discernment_change(scores, "false_alarm_rate").set_index("side")
    assert alarms.loc["invented", "change"] < 0 < alarms.loc["supportive", "change"]
    assert alarms.loc["hostile", "change"] > 0
    assert discernment_change(scores).equals(discernment_change(scores))


def test_the_per_item_table_counts_who_saw_each_item_when():
    table = item_change(read_discernment_class()).set_index("item_id")
    assert len(table) == 32
    assert set(table["pre_students"]) <= {5, 6} and set(table["post_students"]) == {6}
    assert table.loc["b16", "pre_students"] == 5  # kai left b15 and b16 blank


def notebook_with(path: Path, record: dict) -> Path:
    output = {"output_type": "display_data", "metadata": {}, "data": {ANSWER_MIME: record}}
    cell = {"cell_type": "code", "metadata": {}, "source": "", "outputs": [output]}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"cells": [cell], "metadata": {}, "nbformat": 4}), "utf-8")
    return path


def test_a_class_folder_skips_what_it_cannot_read(tmp_path):
    ratings = {"a01": {"rating": 4}}
    good = {"exercise": "discernment-a", "answer": {"ratings": ratings}, "saved_at": "t"}
    notebook_with(tmp_path / "zoe" / "pre_check.ipynb", good)  # stage from the file name
    notebook_with(tmp_path / "yan" / "check.ipynb", good)  # no stage anywhere
    bad = {"exercise": "discernment-b", "answer": "not a dict", "saved_at": "t"}
    notebook_with(tmp_path / "xia" / "post_check.ipynb", bad)
    (tmp_path / "wes").mkdir()
    (tmp_path / "wes" / "pre_check.ipynb").write_text("{broken", "utf-8")
    answers = read_discernment_class(tmp_path)
    assert set(answers["student"]) == {"zoe"}
    assert set(answers["stage"]) == {"pre"} and len(answers) == 16
    empty = read_discernment_class(tmp_path / "wes")
    assert empty.empty
    change = discernment_change(class_scores(empty))
    assert list(change["students"]) == [0, 0, 0, 0] and change["change"].isna().all()
    assert item_change(empty).empty


# The chart ------------------------------------------------------------------------------------


def test_the_chart_is_readable():
    fig = plot_discernment_change(discernment_change(class_scores(read_discernment_class())))
    assert isinstance(fig, Figure)
    FigureCanvasAgg(fig)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    texts = [t for t in fig.findobj(lambda a: hasattr(a, "get_fontsize")) if t.get_text()]
    assert texts and min(t.get_fontsize() for t in texts) >= 10
    [legend] = fig.legends
    box = legend.get_window_extent(renderer)
    assert fig.bbox.padded(1).contains(box.x0, box.y0) and fig.bbox.padded(1).contains(
        box.x1, box.y1
    )
    for ax in fig.axes:
        area = ax.get_window_extent(renderer)
        assert not box.overlaps(area), "the legend covers a panel"


# The widget -----------------------------------------------------------------------------------


@pytest.fixture
def fresh_kernel(tmp_path, monkeypatch):
    """An empty memory, a working folder of its own, no Jupyter session and no hub user."""
    monkeypatch.setattr(kept_answers, "MEMORY", {})
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    monkeypatch.delenv("PROPAGANDA_KIT_WORK", raising=False)
    monkeypatch.delenv(widget_module.USER_VARIABLE, raising=False)
    return tmp_path


def test_the_widget_keeps_every_change_and_shows_progress(fresh_kernel):
    check = DiscernmentCheck("A", "pre", "amira", "pre_check.ipynb")
    assert check.kept.bundle()[ANSWER_MIME]["answer"] is None
    assert "0 of 16 answered" in check.progress.value
    first, second = check.rows[0], check.rows[1]
    assert first.details.layout.display == "none"
    first.rating.value = 4
    assert first.details.layout.display == ""
    first.technique.value = "loaded_language"
    first.confidence.value = "high"
    second.rating.value = 2
    assert "2 of 16 answered" in check.progress.value
    kept = check.kept.bundle()[ANSWER_MIME]
    assert kept["exercise"] == "discernment-a"
    assert kept["answer"]["ratings"] == {
        "a01": {"rating": 4, "technique": "loaded_language", "confidence": "high"},
        "a02": {"rating": 2, "technique": None, "confidence": None},
    }
    saved = json.loads((fresh_kernel / "my_work" / "discernment-a.json").read_text("utf-8"))
    assert saved["answer"]["ratings"]["a01"]["rating"] == 4
    check.hand_in()  # 14 unrated: the first press asks
    assert check.kept.record["answer"]["handed_in"] is False
    check.hand_in()
    assert check.kept.record["answer"]["handed_in"] is True
    assert HANDED_IN in check.message.value
    assert "14 sentences are not rated yet: you can still rate them" in check.message.value
    assert "correct" not in check.message.value.lower()


def test_nothing_is_handed_in_before_a_rating(fresh_kernel):
    check = DiscernmentCheck("A", "pre", "amira", "pre_check.ipynb")
    for _ in range(3):
        check.hand_in()
        assert NOTHING_RATED in check.message.value and HANDED_IN not in check.message.value
        assert not check.handed_in and check.kept.record["answer"] is None
    assert "0 of 16 answered" in check.progress.value and "handed in" not in check.progress.value


def test_handing_in_with_unrated_sentences_asks_first(fresh_kernel):
    check = DiscernmentCheck("A", "pre", "amira", "pre_check.ipynb")
    for row in check.rows[:13]:
        row.rating.value = 2
    check.hand_in()
    assert "3 sentences are not rated yet: " + CONFIRM in check.message.value
    assert not check.handed_in and check.kept.record["answer"]["handed_in"] is False
    assert "handed in" not in check.progress.value
    check.rows[13].rating.value = 1  # a change: the next press asks again, with the new count
    check.hand_in()
    assert "2 sentences are not rated yet" in check.message.value and not check.handed_in
    check.hand_in()  # pressed again: handed in as it is
    assert check.handed_in and check.kept.record["answer"]["handed_in"] is True
    assert HANDED_IN in check.message.value and "14 of 16 answered, handed in" in (
        check.progress.value
    )
    check.rows[0].rating.value = 1
    assert check.kept.record["answer"]["ratings"]["a01"]["rating"] == 1  # still kept


def test_a_complete_form_is_handed_in_at_the_first_press(fresh_kernel):
    check = DiscernmentCheck("B", "post", "ben", "post_check.ipynb")
    for row in check.rows:
        row.rating.value = 1
    check.hand_in()
    assert check.handed_in and "not rated" not in check.message.value
    assert check.message.value == f"<p class='kit-note'>{HANDED_IN}</p>"


def test_an_empty_handed_in_record_is_not_shown_as_handed_in(fresh_kernel):
    record = {
        "exercise": "discernment-a",
        "answer": {"form": "A", "stage": "pre", "handed_in": True, "ratings": {}},
        "saved_at": "2999-01-01T00:00:00+00:00",
    }
    notebook_with(fresh_kernel / "pre_check.ipynb", record)
    check = DiscernmentCheck("A", "pre", notebook="pre_check.ipynb")
    assert not check.handed_in and "handed in" not in check.progress.value


def test_the_widget_restores_the_newest_kept_answer(fresh_kernel, monkeypatch):
    check = DiscernmentCheck("B", "post", "ben", "post_check.ipynb")
    check.rows[2].rating.value = 5
    check.rows[2].technique.value = NOT_SURE
    again = DiscernmentCheck("B", "post", "ben", "post_check.ipynb")  # re-run: from memory
    assert again.rows[2].rating.value == 5 and again.rows[2].technique.value == NOT_SURE
    assert again.rows[2].details.layout.display == ""
    newer = dict(check.kept.record, saved_at="2999-01-01T00:00:00+00:00")
    newer["answer"] = dict(newer["answer"], ratings={"b01": {"rating": 1}})
    notebook_with(fresh_kernel / "post_check.ipynb", newer)
    monkeypatch.setattr(kept_answers, "MEMORY", {})
    (fresh_kernel / "my_work" / "discernment-b.json").unlink()
    reopened = DiscernmentCheck("B", "post", "ben", "post_check.ipynb")  # from the file
    assert reopened.rows[0].rating.value == 1 and reopened.rows[2].rating.value is None
    assert "1 of 16 answered" in reopened.progress.value


def test_a_malformed_kept_answer_leaves_the_items_blank(fresh_kernel):
    record = {
        "exercise": "discernment-a",
        "answer": {"ratings": {"a01": {"rating": 7, "technique": "<b>", "confidence": "?"}}},
        "saved_at": "2999-01-01T00:00:00+00:00",
    }
    notebook_with(fresh_kernel / "pre_check.ipynb", record)
    check = DiscernmentCheck("A", "pre", notebook="pre_check.ipynb")
    assert check.answered == 0 and check.rows[0].technique.value == ""


def test_the_other_checks_answers_are_not_restored(fresh_kernel):
    pre = DiscernmentCheck("A", "pre", "amira")
    pre.rows[0].rating.value = 5
    post = DiscernmentCheck("A", "post", "amira", "post_check.ipynb")  # overridden to A again
    assert post.answered == 0 and post.kept.record["answer"] is None
    post.rows[1].rating.value = 1
    assert post.kept.record["answer"]["stage"] == "post"


def test_ratings_of_any_json_shape_are_refused():
    for bad in ([4], {"x": 1}, "4", True, 4.5, 0, None):
        assert not is_rating(bad)
    assert is_rating(4) and is_rating(4.0)
    assert rated_items(TOY[:1], {"m1": {"rating": [4]}})["rating"].isna().all()


def test_labels_are_not_cut_and_the_menu_lists_every_technique(fresh_kernel):
    row = DiscernmentCheck("A", "pre").rows[0]
    taxonomy = load_taxonomy()
    labels = list(taxonomy.loc[taxonomy["framework"] == "semeval2020", "label"])
    assert [label for label, _ in row.technique.options][1:] == [*labels, "I'm not sure"]
    assert [label for label, _ in row.rating.options] == [
        "1 not at all", "2 a little", "3 somewhat", "4 quite", "5 very",
    ]  # fmt: skip
    for control in (row.rating, row.technique, row.confidence):
        assert control.layout.width == "auto"
    assert row.technique.style.description_width == "initial"
    assert row.confidence.style.description_width == "initial"
    assert row.rating.style.button_width == "auto"


def test_item_text_is_escaped_everywhere(fresh_kernel, monkeypatch):
    hostile = "<script>alert('x')</script> & <b>bold</b>"
    fake = [DiscernmentItem("A", "a01", "p", "hostile", "neutral", "none", hostile, 1)]
    monkeypatch.setattr(widget_module, "form_items", lambda form: fake)
    check = DiscernmentCheck("A", "pre")
    shown = check.rows[0].text.value + check.static_html()
    assert "<script>" not in shown and "<b>bold" not in shown
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &lt;b&gt;" in shown


def test_the_form_is_chosen_for_the_student(fresh_kernel, monkeypatch):
    assert discernment_check("pre", form="B").form == "B"  # the instructor's override
    monkeypatch.setattr(kept_answers, "MEMORY", {})
    monkeypatch.setenv(widget_module.USER_VARIABLE, "amira")
    assert discernment_check("pre").form == "A" and discernment_check("post").form == "B"
    monkeypatch.delenv(widget_module.USER_VARIABLE)
    start = discernment_check("pre")
    assert isinstance(start, DiscernmentStart)
    assert "type your name" in start.static_html().lower()
    assert start.start() is None and "name" in start.message.value
    start.name.value = "ben"
    check = start.start()
    assert check.form == "B" and start.widget.children == (check.widget,)
    assert start.kept.name == "discernment-b"
    assert start.kept.bundle()[ANSWER_MIME]["answer"]["student"] == "ben"
    assert discernment_check("pre").form == "B"  # kept: the same form when the cell runs again
    post = discernment_check("post")  # after the pre check: the other form, the same name
    assert (post.form, post.student) == ("A", "ben")
    with pytest.raises(ValueError):
        discernment_check("later")
