"""Free-text and checklist answers: a claim audit filled in field by field, a neutral rewrite."""

from __future__ import annotations

from propaganda_kit.analysis.rewrite import MAX_REWRITE_CHARS
from propaganda_kit.analysis.techniques import find_techniques
from propaganda_kit.checks.answers import NOT_ANSWERED, AnswerProblem, describe, reject_unfinished
from propaganda_kit.checks.base import Checker, Key, KeyProblem, join_quoted, require_fields
from propaganda_kit.checks.matching import contains_phrase, normal_phrase
from propaganda_kit.checks.result import Verdict
from propaganda_kit.text.words import word_count

ATTRIBUTION = "appeal_to_authority"  # "the author says" is how a neutral rewrite reports
YES = {"yes", "true", "y"}
NO = {"no", "false", "n"}


def comparable(value: object) -> object:
    """A checklist value made comparable: 'Yes'/'no' strings become booleans."""
    if isinstance(value, str):
        text = value.strip().casefold()
        return True if text in YES else False if text in NO else text
    return value


def validate_checklist(key: Key) -> None:
    """A checklist key: each field accepts given values, or asks for text of a minimum length."""
    require_fields(key, {"fields": dict})
    for name, rule in key["fields"].items():
        if not isinstance(rule, dict) or ("accept" in rule) == ("min_words" in rule):
            raise KeyProblem(f"field '{name}' needs either 'accept' (a list) or 'min_words'")


def field_problem(name: str, value: object, rule: Key) -> str | None:
    """What is wrong with one field (None when it is right)."""
    if value is NOT_ANSWERED or value is None or value is Ellipsis:
        return f"'{name}' is not filled in yet."
    if "min_words" in rule:
        if not isinstance(value, str):
            return f"'{name}' should be text in quotes, not {describe(value)}."
        if word_count(value) < rule["min_words"]:
            return f"'{name}': write at least {rule['min_words']} words."
        return None
    accepted = [comparable(v) for v in rule["accept"]]
    if comparable(value) not in accepted:
        return f"'{name}': not yet. " + rule.get("hint", "Read the claim again.")
    return None


def teacher_reads_line(free_text: list[str]) -> str:
    """The line about free-text fields, which the kit does not judge."""
    return (
        f"Your teacher reads what you wrote in {join_quoted(free_text)}: "
        "the check only counts the words."
    )


def grade_checklist(answer: object, key: Key) -> Verdict:
    """Checked fields are right or get their hint; free-text fields (``min_words``) are not
    judged, only counted. The fraction is the share of fields accepted or long enough."""
    reject_unfinished(answer, "a dictionary like the template above")
    fields = key["fields"]
    if not isinstance(answer, dict):
        raise AnswerProblem(
            f"You gave {describe(answer)}; a dictionary with the keys "
            f"{join_quoted(list(fields))} is expected."
        )
    absent = [name for name in fields if name not in answer]
    if absent:
        raise AnswerProblem(
            f"Your dictionary lacks {join_quoted(absent)}; start again from the template above."
        )
    problems = {
        name: p
        for name, rule in fields.items()
        if (p := field_problem(name, answer[name], rule)) is not None
    }
    checked = [name for name, rule in fields.items() if "accept" in rule]
    free_text = [name for name in fields if name not in checked]
    right = sum(1 for name in checked if name not in problems)
    lines = []
    if checked:
        total = len(checked)
        lines.append(
            f"All {total} checked fields are right."
            if right == total and total > 1
            else f"{right} of {total} checked {'field is' if total == 1 else 'fields are'} right."
        )
    lines.extend(problems.values())
    if free_text:
        lines.append(teacher_reads_line(free_text))
    fraction = (len(fields) - len(problems)) / len(fields)
    return Verdict(not problems, fraction, "\n".join(lines))


def validate_rewrite(key: Key) -> None:
    """A rewrite key: the original paragraph, its loaded terms, facts to keep, length limits.

    A control item (``"control": true``) is a plain paragraph: no loaded terms, so the right
    answer is to keep it as it is.
    """
    require_fields(
        key,
        {
            "original": str,
            "loaded_terms": list,
            "keep": list,
            "min_ratio": (int, float),
            "max_ratio": (int, float),
        },
    )
    if not key["loaded_terms"] and not key.get("control"):
        raise KeyProblem("'loaded_terms' is empty; list the loaded words the rewrite should drop")
    if key["loaded_terms"] and key.get("control"):
        raise KeyProblem("a control item's 'loaded_terms' is empty: its paragraph is plain")
    for term in key["loaded_terms"] + key["keep"]:
        if not contains_phrase(key["original"], term):
            raise KeyProblem(f"{term!r} does not occur in the original paragraph")


def rewrite_text(answer: object, key: Key) -> str:
    """The rewritten paragraph, or AnswerProblem with a hint."""
    reject_unfinished(answer, "your rewritten paragraph as a string")
    if not isinstance(answer, str):
        raise AnswerProblem(
            f"You gave {describe(answer)}; write your paragraph as a string in "
            'triple quotes: """...""".'
        )
    if not answer.strip():
        raise AnswerProblem("Your paragraph is empty.")
    if "\x00" in answer:
        raise AnswerProblem(
            "Your paragraph contains a NUL character, which looks like binary "
            "data; type or paste plain text."
        )
    if len(answer) > MAX_REWRITE_CHARS:
        raise AnswerProblem(
            f"Your paragraph is {len(answer):,} characters long; rewrite the one paragraph only."
        )
    return answer


def length_line(answer: str, key: Key) -> str:
    """The feedback line for a rewrite whose length is not comparable ('' when it is)."""
    ratio = word_count(answer) / word_count(key["original"])
    if key["min_ratio"] <= ratio <= key["max_ratio"]:
        return ""
    return (
        f"Your paragraph has {word_count(answer)} words, the original "
        f"{word_count(key['original'])}: keep the length comparable."
    )


def added_charge(answer: str, original: str) -> set[str]:
    """Words the kit's technique cues find in ``answer`` but not in ``original``.

    Attributions are left out: saying who claims what is part of a neutral rewrite.
    """

    def charged(text: str) -> dict[str, str]:
        return {
            normal_phrase(s.text): s.text
            for s in find_techniques(text)
            if s.technique != ATTRIBUTION
        }

    before, after = charged(original), charged(answer)
    return {text for phrase, text in after.items() if phrase not in before}


def grade_control_rewrite(answer: str, key: Key) -> Verdict:
    """A plain paragraph: kept as it is, or changed without losing facts or adding charge
    (words the kit's technique cues find; half the points when some are added)."""
    if normal_phrase(answer) == normal_phrase(key["original"]):
        return Verdict(True, 1.0, "Right: this paragraph was already neutral, so it stays.")
    added = sorted(added_charge(answer, key["original"]), key=str.casefold)
    dropped = [fact for fact in key["keep"] if not contains_phrase(answer, fact)]
    length = length_line(answer, key)
    lines = []
    if added:
        lines.append(
            f"Your version adds loaded words: {join_quoted(added)}. The original reports "
            "in plain words: a plain paragraph needs no rewrite."
        )
    if dropped:
        lines.append(f"{len(dropped)} of the {len(key['keep'])} facts are missing.")
    if length:
        lines.append(length)
    if not lines:
        return Verdict(
            True,
            1.0,
            "Your version keeps the facts and adds no charge. The original was already "
            "plain: it needed no rewrite.",
        )
    kept = 1 - len(dropped) / max(1, len(key["keep"]))
    fraction = kept * (0.5 if added else 1) * (0.5 if length else 1)
    return Verdict(False, round(fraction, 2), "\n".join(lines))


def grade_rewrite(answer: object, key: Key) -> Verdict:
    """No loaded term of the key left, the key's facts kept, a comparable length."""
    answer = rewrite_text(answer, key)
    if key.get("control"):
        return grade_control_rewrite(answer, key)
    if normal_phrase(answer) == normal_phrase(key["original"]):
        raise AnswerProblem("This is the original paragraph; rewrite it in neutral words.")
    left = [t for t in key["loaded_terms"] if contains_phrase(answer, t)]
    dropped = sum(1 for fact in key["keep"] if not contains_phrase(answer, fact))
    lines = []
    if left:
        lines.append(f"Still loaded: {join_quoted(left)}. Say what happened in plain words.")
    if dropped:
        lines.append(
            f"{dropped} of the {len(key['keep'])} facts the key follows "
            f"{'is' if dropped == 1 else 'are'} missing: a neutral rewrite keeps the "
            "information and changes only the charge."
        )
    length = length_line(answer, key)
    if length:
        lines.append(length)
    if lines:
        terms = len(key["loaded_terms"])
        kept = 1 - dropped / max(1, len(key["keep"]))
        # Removing loaded words earns credit only in a paragraph that keeps the information.
        fraction = kept * (0.5 + 0.5 * (terms - len(left)) / terms) * (0.5 if length else 1)
        return Verdict(False, round(fraction, 2), "\n".join(lines))
    return Verdict(
        True,
        1.0,
        "No loaded term of the key is left, the facts are kept and the "
        "length is comparable. Compare your version with a classmate's.",
    )


CHECKERS = {
    "checklist": Checker(validate_checklist, grade_checklist),
    "rewrite": Checker(validate_rewrite, grade_rewrite),
}
