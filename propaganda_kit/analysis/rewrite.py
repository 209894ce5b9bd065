"""Comparing a loaded paragraph with a student's neutral rewrite of it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from propaganda_kit.analysis.loaded_language import find_loaded_language
from propaganda_kit.text.input_checks import require_text
from propaganda_kit.text.spans import Span
from propaganda_kit.text.words import per_thousand_words, word_count

MAX_REWRITE_CHARS = 100_000
NEUTRAL_NOTE = (
    "Fewer loaded words change how a text persuades, not whether it is true: "
    "check the facts separately."
)


@dataclass(frozen=True)
class TermChange:
    """One loaded term: how often it appears before and after the rewrite."""

    term: str
    category: str
    before: int
    after: int
    forms: tuple[str, ...] = ()  # the words as written, lower-cased, when they differ

    @property
    def shown(self) -> str:
        """The term, with the forms it was written in when they differ from it."""
        return f"{self.term} (as written: {', '.join(self.forms)})" if self.forms else self.term

    @property
    def status(self) -> str:
        """'removed', 'still present' or 'new in the rewrite'."""
        if not self.after:
            return "removed"
        return "still present" if self.before else "new in the rewrite"


@dataclass(frozen=True)
class RewriteReport:
    """What changed between an original paragraph and its rewrite."""

    original: str
    rewrite: str
    original_spans: tuple[Span, ...]
    rewrite_spans: tuple[Span, ...]
    original_words: int
    rewrite_words: int
    terms: tuple[TermChange, ...]

    @property
    def rate_before(self) -> float:
        """Loaded-language cues per 1,000 words in the original."""
        return per_thousand_words(len(self.original_spans), self.original_words)

    @property
    def rate_after(self) -> float:
        """Loaded-language cues per 1,000 words in the rewrite."""
        return per_thousand_words(len(self.rewrite_spans), self.rewrite_words)

    @property
    def remaining(self) -> tuple[TermChange, ...]:
        """Loaded terms found in the rewrite (kept from the original or new)."""
        return tuple(t for t in self.terms if t.after)

    @property
    def removed(self) -> tuple[TermChange, ...]:
        """Loaded terms of the original that the rewrite no longer uses."""
        return tuple(t for t in self.terms if not t.after)


def term_of(span: Span) -> str:
    """The name a cue is counted under: its lexicon term."""
    return span.cue


def _checked(text: object, what: str) -> str:
    text = require_text(text, what)
    if len(text) > MAX_REWRITE_CHARS:
        raise ValueError(
            f"The {what} is too long for this exercise ({len(text):,} characters; "
            f"the limit is {MAX_REWRITE_CHARS:,}). Rewrite one paragraph at a time."
        )
    if not word_count(text):
        raise ValueError(
            f"The {what} has no words yet: write the paragraph in your own words first."
        )
    return text


def compare_rewrite(original: str, rewrite: str) -> RewriteReport:
    """Find loaded language in both texts and list which terms were removed, kept or added.

    Raises a friendly ValueError for text with no words, text over
    ``MAX_REWRITE_CHARS`` characters, binary data (NUL) or a non-string.
    """
    original = _checked(original, "original paragraph")
    rewrite = _checked(rewrite, "rewrite")
    before_spans = tuple(find_loaded_language(original))
    after_spans = tuple(find_loaded_language(rewrite))
    categories = {term_of(s): s.category for s in before_spans + after_spans}
    written: dict[str, set[str]] = {}
    for span in before_spans + after_spans:
        written.setdefault(term_of(span), set()).add(" ".join(span.text.lower().split()))
    before = Counter(term_of(s) for s in before_spans)
    after = Counter(term_of(s) for s in after_spans)
    terms = tuple(
        TermChange(
            term,
            categories[term],
            before[term],
            after[term],
            tuple(sorted(written.get(term, set()) - {term.lower()})),
        )
        for term in sorted(categories, key=lambda t: (t.casefold(), t))
    )
    return RewriteReport(
        original,
        rewrite,
        before_spans,
        after_spans,
        word_count(original),
        word_count(rewrite),
        terms,
    )
