"""Choice and set answers: techniques spotted in a passage, names used for an actor."""

from __future__ import annotations

import re
from functools import lru_cache

from propaganda_kit.checks.answers import AnswerProblem, string_items
from propaganda_kit.checks.base import (
    Checker,
    Key,
    KeyProblem,
    join_quoted,
    optional_text,
    plural,
    require_fields,
)
from propaganda_kit.checks.matching import contains_phrase, normal_phrase
from propaganda_kit.checks.result import Counts, Verdict
from propaganda_kit.data.corpus import load_corpus
from propaganda_kit.data.taxonomy import load_taxonomy

NONE_OPTION = "none"
NONE_ALIASES = ("none", "no technique", "no techniques", "nothing")
FALSE_ALARM_HINT = "Read the passage again: what in it supports your choice?"
CONTROL_HINT = (
    "Look again: is any word doing more than reporting? "
    "If not, tick the box that says there is none."
)


def option_key(text: str) -> str:
    """An option name made comparable: lowercase words separated by single spaces."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text.casefold()).split())


@lru_cache(maxsize=1)
def taxonomy_aliases() -> dict[str, str]:
    """Every way of naming a SemEval technique (id, label, source labels) -> its id."""
    table = load_taxonomy()
    aliases = {option_key(a): NONE_OPTION for a in NONE_ALIASES}
    for tid, row in table[table["framework"] == "semeval2020"].iterrows():
        for name in [tid, row["label"], *row["source_label"].split(",")]:
            aliases[option_key(name)] = tid
    return aliases


def vocabulary(key: Key) -> dict[str, str]:
    """Alias -> option for the key's vocabulary ('taxonomy' or a list of options)."""
    if key["vocabulary"] == "taxonomy":
        return taxonomy_aliases()
    aliases = {option_key(a): NONE_OPTION for a in NONE_ALIASES}
    aliases.update({option_key(o): o for o in key["vocabulary"]})
    return aliases


@lru_cache(maxsize=1)
def taxonomy_labels() -> dict[str, str]:
    """SemEval technique id -> its label, as the tick boxes show it."""
    table = load_taxonomy()
    return table[table["framework"] == "semeval2020"]["label"].to_dict()


def none_label(key: Key) -> str:
    """How the tick boxes name 'none': 'No technique' or 'None of these'."""
    return "No technique" if key["vocabulary"] == "taxonomy" else "None of these"


def option_labels(options: list[str], key: Key) -> list[str]:
    """The options as the student saw them (a technique's label, not its id)."""
    labels = taxonomy_labels() if key["vocabulary"] == "taxonomy" else {}
    return [
        none_label(key) if option == NONE_OPTION else labels.get(option, option)
        for option in options
    ]


def false_alarm_line(false_alarms: list[str], key: Key, default: str) -> str:
    """'Not in the key: ...' with the key's ``false_alarm_hint`` (or ``default``)."""
    labels = option_labels(false_alarms, key)
    stop = "" if labels[-1].endswith((".", "!", "?")) else "."  # a whole sentence as option
    hint = key.get("false_alarm_hint", default)
    return f"Not in the key: {join_quoted(labels)}{stop} {hint}"


def validate_choice(key: Key) -> None:
    """A choice key: vocabulary, required options, acceptable options, hints and an
    optional ``false_alarm_hint`` (the line after 'Not in the key: ...').

    A control item (``"control": true``) is keyed ``["none"]`` with nothing acceptable, and
    a key of ``["none"]`` is a control item.
    """
    require_fields(key, {"vocabulary": (str, list), "required": list})
    optional_text(key, "false_alarm_hint")
    if key["vocabulary"] != "taxonomy" and isinstance(key["vocabulary"], str):
        raise KeyProblem("'vocabulary' is 'taxonomy' or a list of options")
    options = set(vocabulary(key).values())
    for field in ("required", "acceptable"):
        for option in key.get(field, []):
            if option not in options:
                raise KeyProblem(f"'{option}' in '{field}' is not in the vocabulary")
    if not key["required"]:
        raise KeyProblem("'required' is empty; use ['none'] for a passage with no technique")
    keyed_none = NONE_OPTION in key["required"]
    if keyed_none and len(key["required"]) > 1:
        raise KeyProblem("'required' holds 'none' with other options; choose one or the other")
    if keyed_none != bool(key.get("control")):
        raise KeyProblem(
            "a control item (\"control\": true) is keyed 'required': ['none'], and only it"
        )
    if keyed_none and key.get("acceptable"):
        raise KeyProblem("a control item has no 'acceptable' options: any option is a false alarm")


def nothing_chosen(key: Key) -> str:
    """What a student who chose nothing reads."""
    return (
        f"Nothing is chosen yet: tick every option that fits the passage, or “{none_label(key)}”."
    )


def grade_control_choice(given: set[str], key: Key) -> Verdict:
    """A control item: 'none' is right; any option chosen is a false alarm, worth no points.

    The feedback does not say that the answer is 'none'; it asks the student to look again.
    """
    false_alarms = sorted(given - {NONE_OPTION})
    if not false_alarms:
        return Verdict(
            True,
            1.0,
            "Right: the key finds nothing here either. Not every passage uses a technique.",
            Counts(0, 0, 0),
        )
    feedback = false_alarm_line(false_alarms, key, CONTROL_HINT)
    return Verdict(False, 0.0, feedback, Counts(0, 0, len(false_alarms)))


def grade_choice(answer: object, key: Key) -> Verdict:
    """Hits, misses and false alarms against the key's required and acceptable options."""
    example = (
        "['loaded_language', 'doubt']"
        if key["vocabulary"] == "taxonomy"
        else repr(key["vocabulary"][:2])
    )
    if isinstance(answer, (list, tuple, set, frozenset)) and not answer:
        raise AnswerProblem(nothing_chosen(key))
    items = string_items(answer, "a list of names in quotes", example)
    aliases = vocabulary(key)
    unknown = [i for i in items if option_key(i) not in aliases]
    if unknown:
        where = (
            "the technique ids in the taxonomy table"
            if key["vocabulary"] == "taxonomy"
            else "the options listed above"
        )
        raise AnswerProblem(
            f"{join_quoted(unknown)} is not a name the check knows; use "
            f"{where}, for example {example}."
        )
    given = {aliases[option_key(i)] for i in items}
    if NONE_OPTION in given and len(given) > 1:
        raise AnswerProblem(
            "You chose 'none' together with other options; choose one or the other."
        )
    if key.get("control"):
        return grade_control_choice(given, key)
    required, acceptable = set(key["required"]), set(key.get("acceptable", []))
    hits, missed = given & required, required - given
    false_alarms = sorted(given - required - acceptable - {NONE_OPTION})
    lines = [f"You found {len(hits)} of the {plural(len(required), 'item')} the key asks for."]
    hints = key.get("hints", {})
    for option in sorted(missed):
        lines.append("Missing one. " + hints.get(option, "Read the passage again, word by word."))
    if false_alarms:
        lines.append(false_alarm_line(false_alarms, key, FALSE_ALARM_HINT))
    fraction = max(0.0, (len(hits) - 0.5 * len(false_alarms)) / len(required))
    counts = Counts(len(hits), len(missed), len(false_alarms))
    return Verdict(not missed and not false_alarms, fraction, "\n".join(lines), counts)


@lru_cache(maxsize=8)
def perspective_texts(perspective: str) -> tuple[str, ...]:
    """The texts of the kit's documents with this perspective."""
    return tuple(d.text for d in load_corpus() if d.perspective == perspective)


def name_key(name: str) -> str:
    """A name made comparable: word stems, without a leading 'the'."""
    return re.sub(r"^the ", "", normal_phrase(name))


def validate_names(key: Key) -> None:
    """A names key: the perspective, the actor, the instructor's names and how many to find."""
    require_fields(key, {"perspective": str, "actor": str, "key_names": list, "min_hits": int})
    if not 0 < key["min_hits"] <= len(key["key_names"]):
        raise KeyProblem("'min_hits' must be between 1 and the number of key names")


def grade_names(answer: object, key: Key) -> Verdict:
    """Names from the key count as hits; names absent from the documents are false alarms.

    Misses are the key names still wanted to reach ``min_hits``.
    """
    if isinstance(answer, (list, tuple, set, frozenset)) and not answer:
        raise AnswerProblem("Nothing is chosen yet: tick the names the texts use, or add them.")
    items = string_items(answer, "a list of names in quotes", "['the regime', 'Tehran']")
    texts = perspective_texts(key["perspective"])
    keyed = {name_key(n) for n in key["key_names"]}
    hits, elsewhere, absent = set(), [], []
    for item in items:
        if name_key(item) in keyed:
            hits.add(name_key(item))
        elif any(contains_phrase(t, item) for t in texts):
            elsewhere.append(item)
        else:
            absent.append(item)
    need = key["min_hits"]
    lines = [f"{plural(len(hits), 'name')} from the instructor's list (at least {need} wanted)."]
    if len(hits) < need:
        lines.append(
            f"Look for more ways the documents {key['perspective']} refer to "
            f"{key['actor']}: pronoun-like labels, abbreviations, descriptions."
        )
    if elsewhere:
        lines.append(
            f"In the texts but not in the instructor's list: {join_quoted(elsewhere)}. "
            f"Does each one really refer to {key['actor']}? Discuss it."
        )
    if absent:
        lines.append(
            f"Not found in the documents {key['perspective']}: {join_quoted(absent)}. "
            "Copy names exactly as the texts write them."
        )
    fraction = max(0.0, min(len(hits), need) / need - 0.25 * len(absent))
    counts = Counts(len(hits), max(0, need - len(hits)), len(absent))
    return Verdict(len(hits) >= need and not absent, fraction, "\n".join(lines), counts)


CHECKERS = {
    "choice": Checker(validate_choice, grade_choice),
    "names": Checker(validate_names, grade_names),
}
