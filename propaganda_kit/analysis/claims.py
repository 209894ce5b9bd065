"""The claims ledger: every sentence that makes a checkable assertion, and what kind it makes.

A claim is a sentence a reader could check against the world, whatever the result. The ledger
looks for five kinds, with the same rules for every document and every side:

- number: a quantity ("20,000 messages", "four decades", "a 40 percent rise");
- attribution: a statement credited to a source ("according to ...", "he said", "reports
  indicate that ...");
- accusation: someone did something a reader could hold them to ("carried out", "arrested",
  "is responsible for", "failed to");
- causal: one thing made another happen ("because", "led to", "as a result");
- intent: what someone wants or plans ("they plan to", "seeks to", "aimed at").

One sentence is one claim, possibly of several kinds. Questions and calls to act ("Join us")
are not claims. A figure already given earlier in the same text is not counted again: the
repeat is noted instead. The ledger records whether the text names a source; it does not
judge whether a claim is true.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

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
    "cues",
    "figures",
    "repeat_of",
    "repeats",
    "source",
    "named",
    "start",
    "end",
]
KINDS = ("number", "attribution", "accusation", "causal", "intent")
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
SPEECH_VERBS = (
    r"(?:said|says|wrote|writes|stated|states|told|tells|added"
    r"|adds|noted|notes|claimed|declared|announced|explained|insisted"
    r"|argued|reported|admitted)"
)
SPEECH_RE = re.compile(
    rf"\b{SPEECH_VERBS}(?=\s*(?::|,|“|\"|that\b|about\b))",
    re.IGNORECASE,
)
RELATIVE_WORDS = _word_set("who which that whom whose")  # "..., who wrote" is no speaker
AFTER_QUOTE_RE = re.compile(  # “...,” said Jane Roe / “...,” the minister said
    rf"(?<=[”\"])\s*(?:(?P<verb>{SPEECH_VERBS})\s+(?P<after>[^,.;:—()“”\"\n]{{1,80}})"
    rf"|(?P<before>[^,.;:—()“”\"\n]{{1,60}}?)\s+{SPEECH_VERBS}\b)",
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


ACCUSATION_RE = re.compile(
    r"""\b(?:
    (?:is|are|was|were|been|be|being|stands?|stood)\s+(?:directly\s+|largely\s+)?
        (?:responsible\s+for|to\s+blame\s+for|behind\s+(?:the|this|these|those|it|them|a|an)\b)
    |(?:blamed|accused|guilty|convicted|charged|complicit|implicated)\s+(?:of|for|with|in)
    |(?:carr(?:y|ies|ied|ying)|crack(?:s|ed|ing)?|shut(?:s|ting)?)\s+(?:out|down)
    |(?:fail(?:s|ed|ing)|refus(?:es|ed|ing))\s+to|(?:has|have|had)\s+spread
    |kill(?:s|ed|ing)|murder(?:ed|ing)|massacr(?:es|ed|ing)|assassinat(?:es|ed|ing)
    |slaughter(?:ed|ing)|attack(?:ed|ing)|bomb(?:ed|ing)|shell(?:ed|ing)|shot|tortur(?:es|ed|ing)
    |execut(?:es|ed|ing)|arrest(?:ed|ing)|detain(?:s|ed|ing)|jail(?:ed|ing)|imprison(?:s|ed|ing)
    |seiz(?:es|ed|ing)|confiscat(?:es|ed|ing)|abduct(?:s|ed|ing)|kidnap(?:s|ped|ping)
    |rap(?:ed|ing)|loot(?:s|ed|ing)|st(?:ole|olen|eals)
    |destroy(?:s|ed|ing)|demolish(?:es|ed|ing)|invad(?:es|ed|ing)|raid(?:ed|ing)
    |persecut(?:es|ed|ing)|oppress(?:es|ed|ing)|repress(?:es|ed|ing)|suppress(?:es|ed|ing)
    |crush(?:es|ed|ing)|silenc(?:es|ed|ing)|censor(?:ed|ing)|bann(?:ed|ing)|harass(?:es|ed|ing)
    |threaten(?:s|ed|ing)|intimidat(?:es|ed|ing)|blackmail(?:s|ed|ing)|brib(?:es|ed|ing)
    |embezzl(?:es|ed|ing)|smuggl(?:es|ed|ing)|traffick(?:s|ed|ing)|funded
    |financ(?:es|ed|ing)|bankroll(?:s|ed|ing)|sponsor(?:ed|ing)|recruit(?:s|ed|ing)|paid
    |exploit(?:ed|ing)|manipulat(?:es|ed|ing)|deceiv(?:es|ed|ing)|misl(?:ed|eads|eading)
    |lied|fabricat(?:es|ed|ing)|falsif(?:ies|ied|ying)|fak(?:es|ed|ing)|distort(?:s|ed|ing)
    |spread(?:s|ing)|orchestrat(?:es|ed|ing)|masterminded|stag(?:ed|ing)
    |plott(?:ed|ing)|conspir(?:es|ed|ing)|collud(?:es|ed|ing)|betray(?:s|ed|ing)
    |violat(?:es|ed|ing)|abus(?:es|ed|ing)|cheat(?:s|ed|ing)|rigg(?:ed|ing)|sabotag(?:es|ed|ing)
    |infiltrat(?:es|ed|ing)|spied|spying|hack(?:ed|ing)|deport(?:s|ed|ing)|expell(?:ed|ing)
    |evict(?:s|ed|ing)|starv(?:es|ed|ing)|poison(?:s|ed|ing)|incit(?:es|ed|ing)
    |provok(?:es|ed|ing)|instigat(?:es|ed|ing)
    )\b""",
    re.IGNORECASE | re.VERBOSE,
)
CAUSAL_RE = re.compile(
    r"""\b(?:
    because|due\s+to|owing\s+to|thanks\s+to|as\s+a\s+(?:result|consequence)|consequently
    |therefore|hence|(?:that|this|which)\s+is\s+why|the\s+reason\s+(?:is|was|why)
    |(?:led|leads?|leading)\s+to|caus(?:ed|ing)|causes(?!\s+of)|result(?:s|ed|ing)?\s+in
    |brought\s+about|gave\s+rise\s+to|trigger(?:s|ed|ing)|spark(?:s|ed|ing)|fuel(?:l?ed|l?ing)
    )\b""",
    re.IGNORECASE | re.VERBOSE,
)
INTENT_RE = re.compile(
    r"""\b(?:
    (?:want(?:s|ed|ing)?|plan(?:s|ned|ning)?|seek(?:s|ing)?|sought|aim(?:s|ed|ing)?
      |intend(?:s|ed|ing)?|tr(?:ies|ied|ying)|attempt(?:s|ed|ing)?|hop(?:es|ed|ing)
      |wish(?:es|ed|ing)?|schem(?:es|ed|ing)|strives?|strove|striving|prepar(?:es|ed|ing)
      |vow(?:s|ed|ing)?|pledg(?:es|ed|ing)|promis(?:es|ed|ing)|determined|set\s+out
      |(?:goal|aim|plan|intention|objective|agenda|purpose)\s+(?:is|was))\s+to(?=\s+[a-z])
    |aim(?:s|ed|ing)?\s+at
    )""",
    re.IGNORECASE | re.VERBOSE,
)
CUE_PATTERNS = (("accusation", ACCUSATION_RE), ("causal", CAUSAL_RE), ("intent", INTENT_RE))
OWN_VOICE = _word_set("i we you let's")
SKIPPED_BEFORE_VERB = _word_set(
    "also still now really only just all simply never always do does did not n't so even "
    "will would shall should can could may might must have has had am is are was were"
)
EXHORTATIONS = _word_set(
    "join come stand support help vote sign share act rise unite remember imagine think look "
    "see consider read listen watch tell write call donate follow visit do don't never"
)
EXHORTATION_OBJECTS = _word_set(
    "us me them him her the your our this that a an it in now up out together today and here with"
)
ALWAYS_EXHORTATION = ("let's ", "let us ", "please ")


@dataclass(frozen=True)
class Cue:
    """The words that make a sentence a claim of one kind, with offsets in the text."""

    start: int
    end: int
    text: str
    kind: str


@dataclass(frozen=True)
class Claim:
    """One claim: a sentence, its kinds and cues, its figures, its stated source and, when its
    only claim is a figure already given, the position in the list of the claim it repeats."""

    start: int
    end: int
    text: str
    kinds: tuple[str, ...]
    cues: tuple[Cue, ...]
    figures: tuple[str, ...] = ()
    source: str = ""
    named: bool = False
    repeat_of: int | None = None
    repeats: int = 0

    @property
    def kind(self) -> str:
        """The kinds, comma-separated ("number, accusation")."""
        return ", ".join(self.kinds)


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
    for match in AFTER_QUOTE_RE.finditer(sentence):
        source = (match.group("after") or match.group("before")).strip()
        words = [w.lower() for w in WORD_RE.findall(source)]
        if len(words) <= MAX_SOURCE_WORDS and words[0] not in RELATIVE_WORDS:
            start = sentence.index(match.group().strip(), match.start())
            found.append((start, match.end(), source))
    for regex, needs_evidence in ((SPEECH_RE, False), (EVIDENCE_VERB_RE, True)):
        for match in regex.finditer(sentence):
            if any(a <= match.start() < b for a, b, _ in found):  # read after a quotation
                continue
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


def _figure(number: str) -> str:
    """A figure as a key: '20000 Acts' and '20,000 messages' both give '20000'."""
    match = NUMBER_RE.match(number)
    value = match.group("digits") or match.group("words")
    key = re.sub(r"\s+", " ", value.replace(",", "").lower())
    return key + ("%" if match.group("percent") else "")


def _own_voice(sentence: str, verb_start: int) -> bool:
    """True when the word before a verb (past 'also', 'will'...) is I, we or you."""
    before = [w.group().lower() for w in WORD_RE.finditer(sentence, 0, verb_start)]
    while before and before[-1] in SKIPPED_BEFORE_VERB:
        before.pop()
    return bool(before) and before[-1] in OWN_VOICE


def _cues(sentence: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of each accusation, causal and intent cue within the sentence.

    An intent in the writer's own voice ("we plan to") says nothing about others: left out.
    """
    return [
        (match.start(), match.end(), kind)
        for kind, regex in CUE_PATTERNS
        for match in regex.finditer(sentence)
        if kind != "intent" or not _own_voice(sentence, match.start())
    ]


def is_checkable(sentence: str) -> bool:
    """False for a question or a call to act ("Join us ...", "Let's ..."): they assert nothing."""
    words = [w.group().lower() for w in WORD_RE.finditer(sentence[:60])]
    if sentence.rstrip("”\"’') ").endswith("?") or sentence.lower().startswith(ALWAYS_EXHORTATION):
        return False
    return not (len(words) > 1 and words[0] in EXHORTATIONS and words[1] in EXHORTATION_OBJECTS)


def _sentence_claim(text: str, s_start: int, s_end: int) -> Claim | None:
    """The claim a sentence makes, or None when it makes none."""
    sentence = text[s_start:s_end]
    if not is_checkable(sentence):
        return None
    attributions = _attributions(sentence)
    numbers = _numbers(sentence)
    items = [(a, b, "attribution") for a, b, _ in attributions]
    items += [(a, b, "number") for a, b in numbers] + _cues(sentence)
    if not items:
        return None
    cues = tuple(Cue(s_start + a, s_start + b, sentence[a:b], k) for a, b, k in sorted(items))
    source = attributions[0][2] if attributions else ""
    return Claim(
        s_start,
        s_end,
        sentence,
        tuple(k for k in KINDS if any(c.kind == k for c in cues)),
        cues,
        tuple(dict.fromkeys(_figure(sentence[a:b]) for a, b in numbers)),
        source,
        _is_named(source),
    )


def _mark_repeats(claims: list[Claim]) -> list[Claim]:
    """Link each claim whose only kind is a number, every figure given before, to the claim
    that first gave it; that first claim counts the later claims that give its figures again.

    A figure is the same number however written ("20000", "20,000").
    """
    first: dict[str, int] = {}
    repeat_of: dict[int, int] = {}
    repeats: Counter[int] = Counter()
    for i, claim in enumerate(claims):
        earlier = list(dict.fromkeys(first[f] for f in claim.figures if f in first))
        if claim.kinds == ("number",) and all(f in first for f in claim.figures):
            repeat_of[i] = earlier[0]
        repeats.update(earlier)
        for figure in claim.figures:
            first.setdefault(figure, i)
    return [
        replace(claim, repeat_of=repeat_of.get(i), repeats=repeats[i])
        for i, claim in enumerate(claims)
    ]


def find_claims(text: str) -> list[Claim]:
    """Every claim in ``text``, one per sentence, in text order.

    A number claim takes the source of an attribution in the same sentence, if any.
    Four-digit years and dates are not counted as numbers.
    """
    text = require_text(text)
    claims = [_sentence_claim(text, a, b) for a, b in split_sentences(text)]
    return _mark_repeats([c for c in claims if c is not None])


def claims_ledger(corpus: Corpus) -> pd.DataFrame:
    """One row per claim in every document: its kinds, the words that make it a claim, its
    figures, the row it repeats (if any), its voice (author or quoted) and stated source."""
    rows = []
    for doc in corpus:
        first_row = len(rows)  # the ledger's row label of this document's first claim
        for claim in find_claims(doc.text):
            rows.append(
                [
                    doc.id,
                    doc.perspective,
                    doc.voice_at(claim.cues[0].start),
                    claim.kind,
                    claim.text,
                    " · ".join(c.text for c in claim.cues),
                    ", ".join(claim.figures),
                    pd.NA if claim.repeat_of is None else first_row + claim.repeat_of,
                    claim.repeats,
                    claim.source or NO_SOURCE,
                    claim.named,
                    claim.start,
                    claim.end,
                ]
            )
    ledger = pd.DataFrame(rows, columns=LEDGER_COLUMNS)
    return ledger.astype({"repeat_of": "Int64"})


GROUPINGS = ("document", "perspective")

LEDGER_NEEDS = ("document", "named", "repeat_of")

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

    A claim that only repeats a figure given before in its document is not counted.

    By document, the first column is the document's perspective; by perspective, the
    perspective is the index.

    Every document of ``corpus`` gets a row, including one with no claims at all.
    """
    if by not in GROUPINGS:
        raise ValueError(f"by should be one of {', '.join(GROUPINGS)} (got {by!r}).")
    require_table(ledger, LEDGER_NEEDS, "claims_ledger(corpus)")
    counted = ledger[ledger["repeat_of"].isna()]  # a repeated figure is counted once
    named = counted.groupby("document")["named"].sum()
    total = counted.groupby("document").size()
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


NO_CLAIMS = "No document in this corpus makes a claim the kit can find."


def claim_sentence(ledger: pd.DataFrame, row: int | None = None) -> str:
    """One ledger row in words: its document, kinds, cues and whole sentence.

    Without ``row``, the first claim with an attribution (or the first claim of all).
    """
    require_table(ledger, ("document", "kind", "cues", "claim"), "claims_ledger(corpus)")
    if ledger.empty:
        return NO_CLAIMS
    if row is None:
        attributed = ledger.index[ledger["kind"].str.contains("attribution")]
        row = attributed[0] if len(attributed) else ledger.index[0]
    if row not in ledger.index:
        raise ValueError(
            f"There is no row {row} in the ledger; its rows go from {ledger.index[0]} "
            f"to {ledger.index[-1]}."
        )
    claim = ledger.loc[row]
    return f"Row {row} | {claim['document']} | {claim['kind']} | {claim['cues']}\n{claim['claim']}"
