"""Scoring the discernment check: telling manipulative items from neutral ones.

A student rates each item from 1 ("not at all" manipulative) to 5 ("very"). Per side:

- **discernment**: mean rating of the manipulative items minus mean rating of the neutral ones
  (positive: manipulative items rated higher; 0: no difference; rating everything as
  suspect does not raise it);
- **hits**: manipulative items rated ``HIT_RATING`` or more; **false alarms**: neutral items
  rated ``HIT_RATING`` or more;
- **techniques right**: hits whose named technique is the item's.

Counterbalancing: half the class takes form A before the lesson and B after it, the other
half the reverse. ``first_form`` decides from the student's name or id alone (see there).
The class's change from pre to post comes with a paired effect size and a bootstrap
interval drawn with a fixed seed, so the same answers always give the same numbers.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from propaganda_kit.data.discernment import FORMS, SIDES, DiscernmentItem

HIT_RATING = 3  # a rating of 3 ("somewhat") or more counts as calling an item manipulative
RATINGS = {1: "not at all", 2: "a little", 3: "somewhat", 4: "quite", 5: "very"}
CONFIDENCES = ("low", "medium", "high")
NOT_SURE = "not_sure"
STAGES = ("pre", "post")
ALL_SIDES = "all"
BOOTSTRAP_SEED = 2022
BOOTSTRAP_DRAWS = 4000

RATED_COLUMNS = [
    "form", "position", "item_id", "side", "kind", "key", "rating", "technique", "confidence",
]  # fmt: skip
SCORE_COLUMNS = [
    "side",
    "manipulative_mean",
    "neutral_mean",
    "discernment",
    "hits",
    "manipulative_rated",
    "hit_rate",
    "false_alarms",
    "neutral_rated",
    "false_alarm_rate",
    "techniques_right",
]


def is_rating(value: object) -> bool:
    """True for a rating on the scale: a whole number from 1 to 5 (not True or False)."""
    return isinstance(value, int | float) and not isinstance(value, bool) and value in RATINGS


def first_form(student: str) -> str:
    """The form a student takes first: 'A' or 'B', from their name or id alone.

    The rule: the SHA-256 checksum of the name (spaces at the ends removed, lower case);
    an even first byte gives A, an odd one B. The same name always gives the same form,
    and names split about half and half. ``assign_forms`` splits a known list exactly.
    """
    digest = hashlib.sha256(str(student).strip().casefold().encode("utf-8")).digest()
    return FORMS[digest[0] % 2]


def other_form(form: str) -> str:
    """The form that is not ``form``."""
    if form not in FORMS:
        raise ValueError(f"There is no form {form!r}; the forms are A and B.")
    return FORMS[1 - FORMS.index(form)]


def form_for(student: str, stage: str, first: str | None = None) -> str:
    """The form for ``stage`` ('pre' or 'post'): ``first`` (default ``first_form``) at pre."""
    if stage not in STAGES:
        raise ValueError(f"The stage is 'pre' or 'post', not {stage!r}.")
    start = first if first is not None else first_form(student)
    return start if stage == "pre" else other_form(start)


def assign_forms(students: Iterable[str]) -> dict[str, str]:
    """First forms that split a list of students exactly in half (A to the extra one).

    The students are ordered by their checksum (as in ``first_form``), then given A and B
    in turn: the same list always gives the same forms, whatever its order.
    """
    names = sorted(
        set(students), key=lambda s: hashlib.sha256(s.strip().casefold().encode()).hexdigest()
    )
    return {name: FORMS[i % 2] for i, name in enumerate(names)}


def rated_items(items: Iterable[DiscernmentItem], ratings: Mapping[str, Any]) -> pd.DataFrame:
    """One row per item: the item's facts and the student's rating, technique and confidence.

    ``ratings`` maps an item id to ``{"rating": 1-5, "technique": id, "confidence": ...}``
    (a bare number is a rating alone). Unrated items, and ratings that are not 1 to 5, have
    a missing rating.
    """
    rows = []
    for item in items:
        given = ratings.get(item.item_id)
        if not isinstance(given, dict):
            given = {"rating": given}
        rating = given.get("rating")
        valid = is_rating(rating)
        rows.append(
            {
                "form": item.form,
                "position": item.position,
                "item_id": item.item_id,
                "side": item.side,
                "kind": item.kind,
                "key": item.technique,
                "rating": float(rating) if valid else np.nan,
                "technique": str(given.get("technique") or ""),
                "confidence": str(given.get("confidence") or ""),
            }
        )
    return pd.DataFrame(rows, columns=RATED_COLUMNS)


def _score(rows: pd.DataFrame, side: str) -> dict[str, Any]:
    rated = rows.dropna(subset=["rating"])
    manipulative = rated[rated["kind"] == "manipulative"]
    neutral = rated[rated["kind"] == "neutral"]
    hits = manipulative[manipulative["rating"] >= HIT_RATING]
    manip_mean = manipulative["rating"].mean() if len(manipulative) else np.nan
    neutral_mean = neutral["rating"].mean() if len(neutral) else np.nan
    false_alarms = int((neutral["rating"] >= HIT_RATING).sum())
    return {
        "side": side,
        "manipulative_mean": manip_mean,
        "neutral_mean": neutral_mean,
        "discernment": manip_mean - neutral_mean,
        "hits": len(hits),
        "manipulative_rated": len(manipulative),
        "hit_rate": len(hits) / len(manipulative) if len(manipulative) else np.nan,
        "false_alarms": false_alarms,
        "neutral_rated": len(neutral),
        "false_alarm_rate": false_alarms / len(neutral) if len(neutral) else np.nan,
        "techniques_right": int((hits["technique"] == hits["key"]).sum()),
    }


def discernment_scores(rows: pd.DataFrame) -> pd.DataFrame:
    """Scores per side (invented, supportive, hostile) and over all items (``rated_items``)."""
    scores = [_score(rows[rows["side"] == side], side) for side in SIDES]
    scores.append(_score(rows, ALL_SIDES))
    return pd.DataFrame(scores, columns=SCORE_COLUMNS)


def class_scores(answers: pd.DataFrame) -> pd.DataFrame:
    """Scores per student, stage and side, from a class's rated items.

    ``answers`` has the ``rated_items`` columns plus ``student`` and ``stage``.
    """
    parts = []
    groups = answers.groupby(["student", "stage"], sort=False)
    order = sorted(groups.groups, key=lambda key: (key[0], STAGES.index(key[1])))
    for (student, stage), rows in ((key, groups.get_group(key)) for key in order):
        scores = discernment_scores(rows)
        scores.insert(0, "form", rows["form"].iloc[0])
        scores.insert(0, "stage", stage)
        scores.insert(0, "student", student)
        parts.append(scores)
    if not parts:
        return pd.DataFrame(columns=["student", "stage", "form", *SCORE_COLUMNS])
    return pd.concat(parts, ignore_index=True)


def paired_change(
    before: np.ndarray, after: np.ndarray, seed: int = BOOTSTRAP_SEED, draws: int = BOOTSTRAP_DRAWS
) -> dict[str, float]:
    """Mean change (after − before), its SD, Cohen's d_z and bootstrap 95% intervals.

    d_z is the mean change divided by the SD of the changes. The intervals come from
    ``draws`` resamples of the students (percentile method) with a fixed ``seed``.
    """
    change = np.asarray(after, dtype=float) - np.asarray(before, dtype=float)
    change = change[~np.isnan(change)]
    n = len(change)
    out = {"students": n, "change": np.nan, "change_sd": np.nan, "d_z": np.nan}
    out |= {"change_low": np.nan, "change_high": np.nan, "d_z_low": np.nan, "d_z_high": np.nan}
    if n == 0:
        return out
    sd = change.std(ddof=1) if n > 1 else np.nan
    out |= {"change": change.mean(), "change_sd": sd, "d_z": change.mean() / sd if sd else np.nan}
    if n < 2:
        return out
    samples = np.random.default_rng(seed).choice(change, size=(draws, n), replace=True)
    means = samples.mean(axis=1)
    sds = samples.std(axis=1, ddof=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        d_values = np.where(sds > 0, means / sds, np.nan)
    out |= dict(zip(("change_low", "change_high"), np.percentile(means, [2.5, 97.5]), strict=True))
    if np.isfinite(d_values).any():
        low, high = np.nanpercentile(d_values, [2.5, 97.5])
        out |= {"d_z_low": low, "d_z_high": high}
    return out


def discernment_change(
    scores: pd.DataFrame, measure: str = "discernment", seed: int = BOOTSTRAP_SEED
) -> pd.DataFrame:
    """Per side: the class's mean ``measure`` before and after, and the paired change.

    ``scores`` is ``class_scores``; only students with both a pre and a post check count.
    """
    rows = []
    for side in [*SIDES, ALL_SIDES]:
        wide = scores[scores["side"] == side].pivot(
            index="student", columns="stage", values=measure
        )
        wide = wide.reindex(columns=list(STAGES)).dropna()
        change = paired_change(wide["pre"].to_numpy(), wide["post"].to_numpy(), seed)
        rows.append(
            {"side": side, "pre": wide["pre"].mean(), "post": wide["post"].mean(), **change}
        )
    return pd.DataFrame(rows)


def item_change(answers: pd.DataFrame) -> pd.DataFrame:
    """Per item: its mean rating from those who saw it before, and from those who saw it after.

    With counterbalancing, each item is seen before by one half of the class and after by
    the other, so its change mixes the lesson's effect with the difference between halves.
    """
    rated = answers.dropna(subset=["rating"]).astype({"rating": float})
    table = rated.pivot_table(
        index=["item_id", "form", "side", "kind", "key"],
        columns="stage",
        values="rating",
        aggfunc=["mean", "count"],
    )
    table.columns = [f"{stage}_{what}" for what, stage in table.columns]
    for stage in STAGES:
        for what in ("mean", "count"):
            if f"{stage}_{what}" not in table:
                table[f"{stage}_{what}"] = np.nan
    table = table.reset_index()
    table["change"] = table["post_mean"] - table["pre_mean"]
    columns = ["item_id", "form", "side", "kind", "key", "pre_mean", "pre_count"]
    return table[[*columns, "post_mean", "post_count", "change"]].rename(
        columns={"key": "technique", "pre_count": "pre_students", "post_count": "post_students"}
    )
