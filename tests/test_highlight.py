"""highlight_html: every character once, escaped, with the right marks around it."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from propaganda_kit import Segment, Span, highlight_html, load_corpus
from propaganda_kit.html.highlight import css_key


class Reader(HTMLParser):
    """Records, for each character of text, the mark classes and quote titles around it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str]]] = []
        self.chars: list[tuple[str, frozenset[str], tuple[str, ...]]] = []
        self.titles: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {k: v or "" for k, v in attrs}
        self.stack.append((tag, attributes))
        if "title" in attributes:
            self.titles.append(attributes["title"])

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1][0] == tag, f"unbalanced </{tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        marks = frozenset(a["class"].split()[-1] for t, a in self.stack if t == "mark")
        quotes = tuple(a["title"] for t, a in self.stack if "kit-quoted" in a.get("class", ""))
        self.chars += [(ch, marks, quotes) for ch in data]


def parse(markup: str) -> Reader:
    reader = Reader()
    reader.feed(markup)
    reader.close()
    assert reader.stack == [], "tags left open"
    return reader


def text_of(markup: str) -> str:
    return "".join(ch for ch, _, _ in parse(markup).chars)


def span(
    text: str, start: int, end: int, technique: str = "", category: str = "", cue: str = ""
) -> Span:
    return Span(start, end, text[start:end], category=category, technique=technique, cue=cue)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "plain",
        "<img src=x onerror=alert(1)>",
        "</div><script>alert(1)</script>",
        "emoji 👩‍👩‍👧 and flags 🇮🇷",
        "e\u0301 combining a\u0308",
        "line one\r\nline two\r\n",
        "قاعدة مقاومت\nEnglish line",
        "tabs\tand  spaces\n\n\npara",
        "&amp; &lt; \" ' `",
    ],
)
def test_every_character_appears_once_and_escaped(text: str) -> None:
    markup = highlight_html(text, [span(text, 0, len(text), technique="exaggeration")])
    assert text_of(markup) == text
    inner = re.sub(r"<[^>]*>", "", markup)
    assert "<" not in inner and ">" not in inner
    assert "<script" not in markup and "<img" not in markup


def test_hostile_text_stays_text() -> None:
    text = "<img src=x onerror=alert(1)> </div><script>x</script>"
    markup = highlight_html(text, [span(text, 0, 4, technique="doubt")])
    assert "&lt;img src=x onerror=alert(1)&gt;" in re.sub(r"</?mark[^>]*>", "", markup)
    assert "&lt;/div&gt;&lt;script&gt;x&lt;/script&gt;" in markup
    assert markup.count("<div") == 1 and markup.count("</div>") == 1


def test_titles_are_escaped() -> None:
    text = "a loaded word"
    markup = highlight_html(
        text,
        [span(text, 2, 8, technique="loaded_language", cue='"><script>alert(1)</script>')],
        quoted=[Segment(0, 1, "quoted", speaker='x" onmouseover="y')],
    )
    assert "<script" not in markup and 'onmouseover="' not in markup
    titles = parse(markup).titles
    assert 'quoted: x" onmouseover="y' in titles
    assert 'loaded language: "><script>alert(1)</script>' in titles


def test_container_keeps_newlines_and_direction() -> None:
    markup = highlight_html("a\nb", [])
    assert markup.startswith('<div class="kit-doc" dir="auto"')
    assert "white-space: pre-wrap" in markup and "a\nb" in markup


def test_spans_at_both_edges() -> None:
    text = "edge to edge"
    chars = parse(
        highlight_html(
            text, [span(text, 0, 4, technique="slogans"), span(text, 8, 12, category="violence")]
        )
    ).chars
    assert [m for _, m, _ in chars] == (
        [{"kit-hl-slogans"}] * 4 + [set()] * 4 + [{"kit-hl-violence"}] * 4
    )


def test_overlapping_spans_split_without_losing_characters() -> None:
    text = "abcdefghij"
    spans = [
        span(text, 0, 6, technique="exaggeration"),
        span(text, 3, 9, technique="doubt"),
        span(text, 4, 5, category="violence"),
    ]
    chars = parse(highlight_html(text, spans)).chars
    assert "".join(c for c, _, _ in chars) == text
    assert chars[2][1] == {"kit-hl-exaggeration"}
    assert chars[3][1] == {"kit-hl-exaggeration", "kit-hl-doubt"}
    assert chars[4][1] == {"kit-hl-exaggeration", "kit-hl-doubt", "kit-hl-violence"}
    assert chars[8][1] == {"kit-hl-doubt"}
    assert chars[9][1] == set()


def test_quoted_segments_wrap_their_text_and_author_segments_do_not() -> None:
    text = "He said “go home” today"
    quote = Segment(8, 17, "quoted", speaker="a <neighbour>")
    author = Segment(0, 8, "author")
    chars = parse(
        highlight_html(text, [span(text, 9, 16, technique="slogans")], quoted=[author, quote])
    ).chars
    assert [bool(q) for _, _, q in chars] == [False] * 8 + [True] * 9 + [False] * 6
    assert chars[10][2] == ("quoted: a <neighbour>",)


def test_empty_spans_are_ignored_and_bad_spans_refused() -> None:
    text = "abc"
    assert text_of(highlight_html(text, [span(text, 1, 1, technique="x")])) == text
    assert "<mark" not in highlight_html(text, [span(text, 1, 1, technique="x")])
    with pytest.raises(ValueError, match="outside the text"):
        highlight_html(text, [Span(2, 9, "c", technique="x")])
    with pytest.raises(ValueError, match="outside the text"):
        highlight_html(text, [], quoted=[Segment(-1, 2, "quoted")])
    with pytest.raises(ValueError, match="string of text"):
        highlight_html(42, [])  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="list of Span objects"):
        highlight_html(text, None)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="should be a Span"):
        highlight_html(text, [(0, 1)])  # type: ignore[list-item]


def test_class_names_are_made_safe() -> None:
    assert css_key('Appeal to "fear"<x>') == "appeal-to-fear-x"
    assert css_key("") == "span"
    markup = highlight_html("abc", [Span(0, 3, "abc", technique='a" onclick="b')])
    assert 'class="kit-hl kit-hl-a-onclick-b"' in markup


def test_ten_megabytes() -> None:
    text = ("Resistance <units> 👍\r\n" * 500_000)[:10_000_000]
    spans = [span(text, i, i + 10, technique="exaggeration") for i in range(0, len(text), 997)]
    markup = highlight_html(text, spans)
    assert markup.count("<mark") == len(spans)
    assert re.sub(r"<[^>]*>", "", markup).replace("&lt;", "<").replace("&gt;", ">") == text


def test_real_document_with_its_quotes() -> None:
    doc = next(d for d in load_corpus() if d.quotes)
    assert text_of(highlight_html(doc.text, [], quoted=doc.segments)) == doc.text


spans_strategy = st.lists(
    st.tuples(st.integers(0, 40), st.integers(0, 40), st.sampled_from(["a", "b", "c"])), max_size=8
)


@settings(max_examples=200, deadline=None)
@given(text=st.text(min_size=0, max_size=40), raw=spans_strategy, quotes=spans_strategy)
def test_marks_match_spans_for_any_layout(text: str, raw, quotes) -> None:
    text = text.replace("\x00", "")
    n = len(text)
    spans = [span(text, min(a, b, n), min(max(a, b), n), technique=t) for a, b, t in raw]
    quote_segs, cursor = [], 0
    for a, b, t in sorted(quotes):
        start, end = max(min(a, n), cursor), min(max(a, b), n)
        if start < end:
            quote_segs.append(Segment(start, end, "quoted", speaker=t))
            cursor = end
    chars = parse(highlight_html(text, spans, quoted=quote_segs)).chars
    assert "".join(c for c, _, _ in chars) == text
    for i, (_, marks, quoted) in enumerate(chars):
        assert marks == {f"kit-hl-{s.technique}" for s in spans if s.start <= i < s.end}
        assert quoted == tuple(f"quoted: {q.speaker}" for q in quote_segs if q.start <= i < q.end)
