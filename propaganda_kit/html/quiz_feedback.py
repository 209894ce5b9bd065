"""The spotting quiz's feedback as HTML: the passage with its words marked, a hint, the key.

A hint points at words to read again and never names a technique; the key, shown after the
second check, names each technique with the words that carry it, says which ticks are
arguable and why, and what the kit's cue list saw for a tick the key does not list. Every
piece of passage or data text is HTML-escaped.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from propaganda_kit.analysis.quiz_scores import score_choice
from propaganda_kit.analysis.techniques import cue_techniques, find_techniques
from propaganda_kit.data.passages import NONE, QuizPassage
from propaganda_kit.html.highlight import css_key, highlight_html
from propaganda_kit.text.spans import Span

LOOK_AGAIN = "look_again"
ARGUABLE = "arguable"
STANCE_NOTE = (
    "A technique in a passage does not make it false, and its absence does not make it true."
)


def _plural(n: int, word: str, plural: str = "") -> str:
    return f"{n} {word if n == 1 else plural or word + 's'}"


def _occurrences(text: str, quote: str) -> list[tuple[int, int]]:
    found, start = [], text.find(quote)
    while start >= 0:
        found.append((start, start + len(quote)))
        start = text.find(quote, start + 1)
    return found


def _merged(spans: list[Span], text: str) -> list[Span]:
    """Overlapping spans joined into one each (a hint marks places, not techniques)."""
    merged: list[Span] = []
    for span in sorted(spans):
        if merged and span.start <= merged[-1].end:
            last = merged.pop()
            end = max(last.end, span.end)
            span = Span(last.start, end, text[last.start : end], span.category)
        merged.append(span)
    return merged


def word_spans(passage: QuizPassage, techniques: Iterable[str], category: str = "") -> list[Span]:
    """Spans for every occurrence of the words that carry ``techniques`` in the passage.

    With ``category`` LOOK_AGAIN the spans carry no technique and do not overlap, so a
    hint names none.
    """
    spans = set()
    for technique in techniques:
        for quote in passage.words.get(technique, ()):
            for start, end in _occurrences(passage.text, quote):
                label = "" if category == LOOK_AGAIN else technique
                spans.add(Span(start, end, quote, category, label))
    if category == LOOK_AGAIN:
        return _merged(list(spans), passage.text)
    return sorted(spans)


def passage_block(passage: QuizPassage, spans: list[Span]) -> str:
    """The passage text, escaped, with ``spans`` marked, as a blockquote."""
    return f"<blockquote>{highlight_html(passage.text, spans)}</blockquote>"


def _quoted(words: Iterable[str]) -> str:
    return ", ".join(f"“{html.escape(w)}”" for w in words)


def _carried(passage: QuizPassage, technique: str) -> str:
    words = passage.words.get(technique, ())
    return f"; the words: {_quoted(words)}" if words else ""


def _mark(technique: str, label: str) -> str:
    return f'<mark class="kit-hl kit-hl-{css_key(technique)}">{html.escape(label)}</mark>'


def hint_html(passage: QuizPassage, chosen: set[str]) -> str:
    """What to look at again after a first wrong answer, without naming any technique."""
    counted = chosen - set(passage.defensible)
    key = set(passage.techniques)
    missed = key - counted
    lines = []
    if NONE in chosen and key:
        lines.append("You ticked “No technique”, but our key finds something in this passage.")
    elif missed:
        lines.append(
            f"Our key lists {_plural(len(key), 'technique')} here and you have "
            f"{len(key & counted)} of them."
        )
    if missed and word_spans(passage, missed, LOOK_AGAIN):
        lines.append(
            "Read the marked words again: what do they do to the reader, beyond giving facts?"
        )
    elif missed:
        lines.append("Read the passage again, one phrase at a time.")
    if counted - key - {NONE}:
        lines.append(
            "At least one of your ticks is not in our key: for each tick, point to the words "
            "that do it, and untick it if you cannot."
        )
    lines.append("Change your ticks and press “Check again”, or press “Show the answer”.")
    return (
        '<div class="kit-note kit-quiz-hint"><b>Not yet: have another look.</b><br>'
        + "<br>".join(html.escape(line) for line in lines)
        + "</div>"
    )


def _cue_note(passage: QuizPassage, technique: str) -> str:
    """HTML: the words the kit's cue list marks for ``technique`` here, if any."""
    if technique not in cue_techniques():
        return ""
    cues = sorted({s.text for s in find_techniques(passage.text, technique)})
    if not cues:
        return ""
    return (
        f" The kit's cue list marks {_quoted(cues)} for it; a cue is a reason to look, "
        "not a verdict."
    )


def answer_html(passage: QuizPassage, chosen: set[str], labels: dict[str, str]) -> str:
    """The key for ``passage`` against the ticks ``chosen``: verdict, words, arguable ticks."""
    s = score_choice(passage.techniques, chosen, passage.defensible)
    verdict = (
        "Matches our key."
        if s.perfect
        else f"{_plural(s.hits, 'hit')}, {s.misses} missed, "
        f"{_plural(s.false_alarms, 'false alarm')}."
    )
    key = ", ".join(labels.get(t, t) for t in passage.techniques) or labels.get(NONE, NONE)
    items = []
    for technique in passage.techniques:
        ticked = "you ticked it" if technique in chosen else "you did not tick it"
        carried = _carried(passage, technique)
        items.append(
            f"<li>{_mark(technique, labels.get(technique, technique))}: {ticked}{carried}.</li>"
        )
    for technique in passage.defensible:
        ticked = (
            "you ticked it, and it counts as neither a hit nor a false alarm"
            if technique in chosen
            else "not in our key, but arguable"
        )
        carried = _carried(passage, technique)
        items.append(
            f"<li>{_mark(technique, labels.get(technique, technique))} (arguable): "
            f"{ticked}{carried}.</li>"
        )
    expected = set(passage.techniques) or {NONE}
    for technique in sorted(chosen - expected - set(passage.defensible)):
        label = html.escape(labels.get(technique, technique))
        if technique == NONE:
            items.append(f"<li>{label}: you ticked it, but our key finds techniques here.</li>")
        else:
            items.append(
                f"<li>{label}: you ticked it, but our key does not list it: in our reading no "
                f"words here do it.{_cue_note(passage, technique)}</li>"
            )
    why = (
        f"<br><b>Also arguable:</b> {html.escape(passage.defensible_why)}"
        if passage.defensible
        else ""
    )
    if passage.source == "document":
        origin = f"From the document <code>{html.escape(passage.document_id)}</code>."
    else:
        origin = "Invented for practice."
    listed = f"<ul>{''.join(items)}</ul>" if items else ""
    return (
        f'<div class="kit-note kit-quiz-key"><b>{html.escape(verdict)}</b> Our key: '
        f"{html.escape(key)}.{listed}{html.escape(passage.reason)}{why}<br><small>{origin} "
        f"{html.escape(STANCE_NOTE)}</small></div>"
    )


def answer_spans(passage: QuizPassage) -> list[Span]:
    """The words of the key's techniques and, marked as arguable, of the defensible ones."""
    return sorted(
        word_spans(passage, passage.techniques) + word_spans(passage, passage.defensible, ARGUABLE)
    )
