"""The claims ledger: every number-bearing claim and every attribution, sentence by sentence.

A claim in the ledger is something a reader could check: a quantity ("20,000 messages",
"four decades") or a statement credited to a source ("according to ...", "he said",
"available evidence shows"). The ledger records whether the text names that source; it
does not judge whether the claim is true.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from propaganda_kit.analysis.log_odds import STOP_WORDS
from propaganda_kit.analysis.rates import rates
from propaganda_kit.data.corpus import Corpus
from propaganda_kit.text.input_checks import require_table, require_text
from propaganda_kit.text.words import WORD_RE

LEDGER_COLUMNS = [
    "document",
    "perspective",
    "voice",
    "kind",
    "claim",
    "source",
    "named",
    "sentence",
    "start",
    "end",
]
NO_SOURCE = "(none stated)"


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


ABBREVIATIONS = _word_set(
    "mr mrs ms dr prof st jr sr vs etc e.g i.e u.s u.k no gen col lt sgt rev hon"
)
MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|"
    "december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
SENTENCE_END_RE = re.compile(r"[.!?]+[”\"’')\]]*(?=\s)|\n")
WORD_BEFORE_RE = re.compile(r"([\w.]+)[.!?]*\Z")
NEXT_CHAR_RE = re.compile(r"\s*(\S)")
NUMBER_RE = re.compile(
    r"""
    (?<![\w.,])
    (?:(?:(?:more|fewer|less)\s+than|over|nearly|almost|about|around|approximately
          |at\s+least|up\s+to)\s+)?
    (?:(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)
       (?:\s+(?:hundred|thousand|million|billion|trillion)\b)?
      |(?P<words>(?:tens\s+of\s+)?(?:dozens|hundreds|thousands|millions|billions)
         |(?:a|one)\s+(?:dozen|hundred|thousand|million|billion|decade|century)
         |two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty
         |forty|fifty|sixty|seventy|eighty|ninety))
    (?!\w|[.,/]\d)
    (?P<percent>\s?%|\s+per\s?cent)?
    (?P<noun>\s+(?:of\s+)?[A-Za-z][\w’'-]*)?
""",
    re.IGNORECASE | re.VERBOSE,
)
YEAR_RE = re.compile(r"(?:1[89]|20)\d\d")
MONTH_BEFORE_RE = re.compile(rf"\b(?:{MONTHS})\.?\s+\Z", re.IGNORECASE)
ACCORDING_RE = re.compile(r"\baccording\s+to\s+(?P<source>[^,.;:—()“”\"\n]{1,80})", re.IGNORECASE)
SPEECH_RE = re.compile(
    r"\b(?:said|says|wrote|writes|stated|states|told|tells|added"
    r"|adds|noted|notes|claimed|declared|announced|explained|insisted"
    r"|argued|reported|admitted)(?=\s*(?::|,|“|\"|that\b|about\b))",
    re.IGNORECASE,
)
EVIDENCE_VERB_RE = re.compile(
    r"\b(?:indicates?|shows?|suggests?|reveals?|confirms?"
    r"|demonstrates?|proves?)(?=\s+that\b)",
    re.IGNORECASE,
)
EVIDENCE_NOUN_RE = re.compile(
    r"\b(?:evidence|reports?|testimon(?:y|ies)|stud(?:y|ies)"
    r"|research|data|documents?|sources?|surveys?|polls?|figures"
    r"|records|findings)\b",
    re.IGNORECASE,
)
CLAUSE_BREAK_RE = re.compile(r"[,;:—(“”\"]")
MAX_SOURCE_WORDS = 8
VAGUE_HEADS = _word_set(
    "evidence report reports testimony testimonies source sources expert "
    "experts official officials observer observers analyst analysts "
    "critics member members people some many others study studies "
    "research data documents figures witnesses"
)
NOT_NOUNS = STOP_WORDS | frozenset(MONTHS.split("|"))
LEADING_FILLER = _word_set("even also and but then so meanwhile however indeed")
NOT_NAMES = STOP_WORDS | _word_set("even however meanwhile indeed recently also still yet one")


@dataclass(frozen=True)
class Claim:
    """One claim: its words, kind ('number' or 'attribution'), sentence and stated source."""

    start: int
    end: int
    text: str
    kind: str
    sentence_start: int
    sentence_end: int
    sentence: str
    source: str = ""
    named: bool = False


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence: ends at . ! ? (not after an abbreviation or before a
    lower-case word) and at every line break. Surrounding white space is left out."""
    bounds, start = [], 0
    for match in SENTENCE_END_RE.finditer(text):
        if match.group() != "\n":
            before = WORD_BEFORE_RE.search(text[max(start, match.start() - 20) : match.start() + 1])
            after = NEXT_CHAR_RE.match(text, match.end())
            if (
                before
                and before.group(1).rstrip(".").lower() in ABBREVIATIONS
                or after
                and after.group(1).islower()
            ):
                continue
        bounds.append((start, match.end()))
        start = match.end()
    bounds.append((start, len(text)))
    stripped = []
    for a, b in bounds:
        piece = text[a:b]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            stripped.append((a + lead, a + len(piece.rstrip())))
    return stripped


def _is_named(source: str) -> bool:
    """True when the source contains a proper name and is not a vague plural or pronoun."""
    words = [m.group() for m in WORD_RE.finditer(source)]
    if not words or words[0].lower() in VAGUE_HEADS:
        return False
    return any(w[0].isupper() and w.lower() not in NOT_NAMES for w in words)


def _trim_source(clause: str) -> str:
    """The last few words before the verb, without a leading 'even', 'and'..."""
    words = list(WORD_RE.finditer(clause))[-MAX_SOURCE_WORDS:]
    while words and words[0].group().lower() in LEADING_FILLER:
        words.pop(0)
    return clause[words[0].start() :].strip() if words else ""


def _attributions(sentence: str) -> list[tuple[int, int, str]]:
    """(start, end, source) of each attribution, offsets within the sentence."""
    found = [
        (m.start(), m.end(), m.group("source").strip()) for m in ACCORDING_RE.finditer(sentence)
    ]
    for regex, needs_evidence in ((SPEECH_RE, False), (EVIDENCE_VERB_RE, True)):
        for match in regex.finditer(sentence):
            clause_start = max(
                (b.end() for b in CLAUSE_BREAK_RE.finditer(sentence, 0, match.start())), default=0
            )
            clause = sentence[clause_start : match.start()]
            if needs_evidence and not EVIDENCE_NOUN_RE.search(clause):
                continue
            source = _trim_source(clause)
            start = match.start() - len(clause) + clause.index(source) if source else match.start()
            found.append((start, match.end(), source))
    return found


def _numbers(sentence: str) -> list[tuple[int, int]]:
    """(start, end) of each number-bearing claim within the sentence.

    A number needs what it counts ("45 years", "thousands of acts") or a percent sign;
    only plural number words ("Thousands have ...") stand alone.
    """
    found = []
    for match in NUMBER_RE.finditer(sentence):
        digits, words, noun = match.group("digits"), match.group("words"), match.group("noun")
        if digits and (
            YEAR_RE.fullmatch(digits) or MONTH_BEFORE_RE.search(sentence[: match.start("digits")])
        ):
            continue
        if noun and noun.split()[-1].lower() not in NOT_NOUNS:
            end = match.end()
        elif match.group("percent"):
            end = match.end("percent")
        elif words and words.lower().endswith("s"):
            end = match.end("words")
        else:
            continue
        found.append((match.start(), end))
    return found


def find_claims(text: str) -> list[Claim]:
    """Every number-bearing claim and every attribution in ``text``, in text order.

    A number claim takes the source of an attribution in the same sentence, if any.
    Four-digit years and dates are not counted as number claims.
    """
    text = require_text(text)
    claims = []
    for s_start, s_end in split_sentences(text):
        sentence = text[s_start:s_end]
        attributions = _attributions(sentence)
        sentence_source = attributions[0][2] if attributions else ""
        items = [(a, b, "attribution", src) for a, b, src in attributions]
        items += [(a, b, "number", sentence_source) for a, b in _numbers(sentence)]
        for a, b, kind, source in sorted(items):
            claims.append(
                Claim(
                    s_start + a,
                    s_start + b,
                    sentence[a:b],
                    kind,
                    s_start,
                    s_end,
                    sentence,
                    source,
                    _is_named(source),
                )
            )
    return claims


def claims_ledger(corpus: Corpus) -> pd.DataFrame:
    """One row per claim in every document, with its voice (author or quoted) and source."""
    rows = []
    for doc in corpus:
        for claim in find_claims(doc.text):
            rows.append(
                [
                    doc.id,
                    doc.perspective,
                    doc.voice_at(claim.start),
                    claim.kind,
                    claim.text,
                    claim.source or NO_SOURCE,
                    claim.named,
                    claim.sentence,
                    claim.start,
                    claim.end,
                ]
            )
    return pd.DataFrame(rows, columns=LEDGER_COLUMNS)


GROUPINGS = ("document", "perspective")

LEDGER_NEEDS = ("document", "named")

TABLE_COLUMNS = [
    "Documents",
    "Words",
    "Claims",
    "Source named",
    "No source named",
    "Claims per 1,000 words",
    "Source named per 1,000 words",
    "Source named (%)",
]


def sourced_claims_table(
    ledger: pd.DataFrame, corpus: Corpus, by: str = "document"
) -> pd.DataFrame:
    """Per document (or perspective): claims, how many name a source, and rates per 1,000 words.

    By document, the first column is the document's perspective; by perspective, the
    perspective is the index.

    Every document of ``corpus`` gets a row, including one with no claims at all.
    """
    if by not in GROUPINGS:
        raise ValueError(f"by should be one of {', '.join(GROUPINGS)} (got {by!r}).")
    require_table(ledger, LEDGER_NEEDS, "claims_ledger(corpus)")
    named = ledger.groupby("document")["named"].sum()
    total = ledger.groupby("document").size()
    rows = pd.DataFrame(
        {
            "Perspective": [d.perspective for d in corpus],
            "Documents": 1,
            "Words": [d.word_count for d in corpus],
            "Claims": [int(total.get(d.id, 0)) for d in corpus],
            "Source named": [int(named.get(d.id, 0)) for d in corpus],
        },
        index=pd.Index(corpus.ids, name="Document"),
    )
    if by == "perspective":
        rows = rows.groupby("Perspective", sort=True).sum()
    rows["No source named"] = rows["Claims"] - rows["Source named"]
    rows["Claims per 1,000 words"] = [round(r, 1) for r in rates(rows["Claims"], rows["Words"])]
    rows["Source named per 1,000 words"] = [
        round(r, 1) for r in rates(rows["Source named"], rows["Words"])
    ]
    shares = zip(rows["Source named"], rows["Claims"], strict=True)
    rows["Source named (%)"] = [round(100 * n / c) if c else 0 for n, c in shares]
    return rows[(["Perspective"] if by == "document" else []) + TABLE_COLUMNS]
