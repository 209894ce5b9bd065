"""Every public function that takes text from a student or a file, fed bad input.

Each input gets a correct result or a friendly ValueError; offsets always index the text as
given; nothing from the input is ever rendered as markup.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

import pytest

from propaganda_kit import (
    compare_rewrite,
    find_claims,
    find_loaded_language,
    find_techniques,
    highlight_html,
)
from propaganda_kit.checks import evaluate
from propaganda_kit.html.reports import report_html

SCRIPT = "<img src=x onerror=alert(1)> </div><script>alert('x')</script> brutal regime"
BIG = (
    "The brutal regime said, according to officials, that 20,000 people were terrified. " * 130_000
)[: 10 * 1024 * 1024]
TEXTS = {
    "empty": "",
    "whitespace": " \n\t \r\n ",
    "persian": "رژیم جنایتکار مردم را سرکوب کرد. این یک فاجعه است.",
    "hebrew and arabic": "שלום עולם — مرحبا بالعالم، the brutal regime",
    "emoji and combining": "The 😡 brutal regime 👏🏽 hit cafe\u0301 owners, re\u0301gime fans.",
    "crlf": "A brutal regime.\r\nA terrified people.\r\n",
    "lone cr": "A brutal regime.\rA terrified people.\r",
    "html and script": SCRIPT,
    "10 MB": BIG,
}
# The 10 MB text takes most of this file's time: it runs in the full suite, not with --fast.
TEXT_PARAMS = [pytest.param(n, marks=pytest.mark.slow) if n == "10 MB" else n for n in TEXTS]
SPAN_FINDERS: dict[str, Callable] = {
    "find_loaded_language": find_loaded_language,
    "find_techniques": find_techniques,
}


def assert_offsets_index_the_text(spans, text: str) -> None:
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start : span.end] == span.text


@pytest.mark.parametrize("finder", SPAN_FINDERS, ids=list(SPAN_FINDERS))
@pytest.mark.parametrize("name", TEXT_PARAMS)
def test_span_finders_give_exact_offsets(finder: str, name: str):
    text = TEXTS[name]
    spans = SPAN_FINDERS[finder](text)
    assert_offsets_index_the_text(spans, text)
    if not text.strip() or name == "persian":
        assert spans == []
    if name in ("crlf", "lone cr", "emoji and combining", "html and script"):
        assert "brutal" in {s.text.lower() for s in spans}


@pytest.mark.parametrize("name", TEXT_PARAMS)
def test_claims_give_exact_offsets(name: str):
    text = TEXTS[name]
    claims = find_claims(text)
    for claim in claims:
        assert text[claim.start : claim.end] == claim.text
        assert all(text[cue.start : cue.end] == cue.text for cue in claim.cues)
    if name == "10 MB":
        assert len(claims) > 100_000


@pytest.mark.parametrize(
    "function",
    [find_loaded_language, find_techniques, find_claims, lambda t: highlight_html(t, [])],
)
@pytest.mark.parametrize(
    "bad",
    [b"caf\xe9", "nul\x00byte", 42, None, ["a list"]],
    ids=["undecodable bytes", "NUL", "int", "None", "list"],
)
def test_bad_values_get_a_friendly_value_error(function, bad):
    with pytest.raises(ValueError) as info:
        function(bad)
    message = str(info.value)
    assert message and "Traceback" not in message
    assert any(word in message for word in ("UTF-8", "NUL", "string", "text")), message


@pytest.mark.parametrize("name", TEXT_PARAMS)
def test_highlighting_escapes_everything(name: str):
    text = TEXTS[name]
    out = highlight_html(text, find_loaded_language(text))
    assert "<script" not in out and "<img" not in out
    visible = html.unescape(re.sub(r"<[^>]+>", "", out))
    assert visible == text


@pytest.mark.parametrize("name", TEXT_PARAMS)
def test_rewrite_comparison_is_correct_or_friendly(name: str):
    text = TEXTS[name]
    if name in ("empty", "whitespace", "10 MB"):
        with pytest.raises(ValueError, match=r"\w"):
            compare_rewrite("The brutal regime crushed the protest.", text)
        return
    report = compare_rewrite("The brutal regime crushed the protest.", text)
    assert report.rate_before > 0
    rendered = report_html(report)
    assert "<script" not in rendered and "<img" not in rendered


@pytest.mark.parametrize(
    "exercise",
    [
        "mark-loaded-1",
        "spot-techniques-1",
        "naming-map-1",
        "audit-claim-1",
        "neutral-rewrite-1",
        "rate-1",
    ],
)
@pytest.mark.parametrize(
    "name",
    [
        p
        for p in TEXT_PARAMS
        if getattr(p, "values", [p])[0] in ("empty", "persian", "html and script", "10 MB")
    ],
)
def test_checks_answer_any_text_in_plain_words(exercise: str, name: str):
    result = evaluate(exercise, TEXTS[name])
    assert result.status in ("incorrect", "unanswered", "error")
    assert result.points < result.max_points
    assert "<script" not in result.html() and "<img" not in result.html()
    assert "Traceback" not in result.feedback
