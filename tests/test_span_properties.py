"""Property-based tests of the span functions: whatever the text, spans are sound.

Offsets always lie inside the text, the text at each span's offsets equals its ``text``,
and spans never overlap within one category (nor within one technique for the cue finder).
"""

from __future__ import annotations

from collections import defaultdict
from itertools import pairwise

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from propaganda_kit import find_claims, find_loaded_language, find_techniques

# Words the finders react to, mixed with arbitrary text, quotes, digits and line ends.
CUE_WORDS = [
    "brutal",
    "regime",
    "so-called",
    "everyone knows",
    "thousands",
    "according to",
    "terror",
    "heroic",
    "alleged",
    "our nation",
    "20,000",
    "1,000%",
    "he said",
    "“fantasy”",
    '"fake"',
    "Death to",
    "never",
    "always",
    "reports indicate",
]
pieces = st.one_of(
    st.sampled_from(CUE_WORDS),
    st.text(
        alphabet=st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)),
        max_size=12,
    ),
    st.sampled_from([" ", "\n", "\r\n", "\r", ". ", ", ", "—", "’s", "-", "“", "”", '"']),
)
texts = st.lists(pieces, max_size=40).map("".join)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_sound(spans, text: str, group) -> None:
    by_group = defaultdict(list)
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start : span.end] == span.text
        by_group[group(span)].append(span)
    for group_spans in by_group.values():
        ordered = sorted(group_spans, key=lambda s: s.start)
        for left, right in pairwise(ordered):
            assert left.end <= right.start, (left, right)


@SETTINGS
@given(texts)
def test_loaded_language_spans_are_sound(text: str):
    assert_sound(find_loaded_language(text), text, lambda s: s.category)


@SETTINGS
@given(texts)
def test_technique_spans_are_sound(text: str):
    spans = find_techniques(text)
    assert_sound(
        [s for s in spans if s.technique != "loaded_language"], text, lambda s: s.technique
    )
    assert_sound(spans, text, lambda s: (s.technique, s.category))


@SETTINGS
@given(texts)
def test_claim_offsets_are_sound(text: str):
    for claim in find_claims(text):
        assert 0 <= claim.start < claim.end <= len(text)
        assert text[claim.start : claim.end] == claim.text
        assert all(claim.start <= cue.start < cue.end <= claim.end for cue in claim.cues)
