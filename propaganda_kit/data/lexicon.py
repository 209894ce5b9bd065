"""The loaded-language lexicon: reading, checking and compiling ``data/lexicon.csv``."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import ahocorasick
import pandas as pd

from propaganda_kit.data.paths import DEFAULT_DATA_DIR
from propaganda_kit.data.tables import read_table
from propaganda_kit.text.errors import CorpusError

DEFAULT_LEXICON = DEFAULT_DATA_DIR / "lexicon.csv"
LEXICON_COLUMNS = ["term", "category", "variants", "note"]


class Category(NamedTuple):
    """A lexicon category: a plain-English label and a one-line description."""

    label: str
    description: str


LEXICON_CATEGORIES: dict[str, Category] = {
    "emotive_fear": Category("Fear words", "Words that call up fear, danger or dread."),
    "emotive_anger": Category("Anger words", "Words that call up outrage, disgust or indignation."),
    "emotive_pity": Category("Pity words", "Words that call up sorrow or sympathy for victims."),
    "emotive_pride": Category("Pride words", "Words that call up pride, hope or admiration."),
    "violence_threat": Category(
        "Violent imagery", "Words that paint an act as savage or menacing beyond its facts."
    ),
    "evaluative_contempt": Category(
        "Words of contempt", "Adjectives, verbs and idioms that condemn or mock."
    ),
    "evaluative_praise": Category(
        "Words of praise", "Adjectives, verbs and idioms that praise or glorify."
    ),
}

# Words that name violent or grave facts (killed, war, victim): neutral when used literally in
# reporting, so they are not loaded language. The reader can show them on request; no
# loaded-language count, rate or chart includes them.
CHARGED_TOPIC = "charged_topic"
CHARGED_TOPIC_CATEGORY = Category(
    "Charged topic words",
    "Words that name violent or grave facts. Used literally they report, not judge.",
)
KNOWN_CATEGORIES: dict[str, Category] = {
    **LEXICON_CATEGORIES,
    CHARGED_TOPIC: CHARGED_TOPIC_CATEGORY,
}

# Matching works on a normalised copy of the text with the same length: lower case, and
# every character that is neither part of a word nor a hyphen becomes a space. Combining
# marks stay word characters so that an accent never splits a word.
COMBINING = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u0610-\u061a\u064b-\u065f\u0670"
    "\u1ab0-\u1aff\u1dc0-\u1dff\u200c\u200d\u20d0-\u20ff\ufe00-\ufe0f\ufe20-\ufe2f"
)
NON_WORD_RE = re.compile(f"[^\\w\\- {COMBINING}]")
# A form matches between two of these, so a hyphen ends a word ("anti-war" holds "war")
# but a hyphen inside a term must be there in the text ("would-be" is not "would be").
BOUNDARIES = (" ", "-")
# str.lower() keeps the length of every character except these; map them first.
LENGTH_CHANGING_LOWER = str.maketrans({"\u0130": "i"})
SIBILANT_ENDINGS = ("s", "x", "z", "ch", "sh")
LY_ENDINGS = ("al", "ful", "ous", "ive", "ent", "ant", "less")
VERB_ENDINGS = ("ate", "ize", "ise", "ify")


def normalise(text: str) -> str:
    """Lower-case ``text``; non-word characters other than '-' become spaces; same length."""
    lowered = text.translate(LENGTH_CHANGING_LOWER).lower() if "\u0130" in text else text.lower()
    return NON_WORD_RE.sub(" ", lowered)


def term_key(term: str) -> str:
    """The form a term is matched in: normalised, with single spaces between words."""
    return " ".join(normalise(term).split())


def plural(word: str) -> str:
    """Regular -s form: -es after a sibilant, -ies after a consonant + y, else -s."""
    if word.endswith(SIBILANT_ENDINGS):
        return word + "es"
    if len(word) > 2 and word.endswith("y") and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def regular_forms(term: str) -> list[str]:
    """The forms generated automatically from ``term`` (see data/LEXICON.md).

    Every term gets its -s form (on the last word of a phrase). A single word ending in
    -al, -ful, -ous, -ive, -ent, -ant or -less also gets -ly (-ic gets -ically, -ble gets
    -bly), and one ending in -ate, -ize or -ise gets -d and -ing (-ify: -ified, -ifying).
    """
    key = term_key(term)
    head, _, last = key.rpartition(" ")
    forms = [f"{head} {plural(last)}".strip()]
    if not head:
        if last.endswith("ic"):
            forms.append(last + "ally")
        elif last.endswith(LY_ENDINGS):
            forms.append(last + "ly")
        elif last.endswith("ble"):
            forms.append(last[:-1] + "y")
        if last.endswith("ify"):
            forms += [last[:-1] + "ied", last + "ing"]
        elif last.endswith(VERB_ENDINGS):
            forms += [last + "d", last[:-1] + "ing"]
    return forms


def _fail(label: str, number: int, field: str, problem: str) -> None:
    raise CorpusError(label, problem, row=number, field=field)


def load_lexicon(path: str | Path | None = None) -> pd.DataFrame:
    """Read and check the lexicon CSV (default: the kit's ``data/lexicon.csv``).

    Returns one row per term with columns term, category, variants, note and row (the
    spreadsheet row number). Raises CorpusError naming the file, row and field of the
    first problem: an empty term, category or note, an unknown category, a duplicate
    term, or a variant that is empty or already another row's term or variant. Case,
    apostrophes and spacing are ignored when comparing ("It's" = "it s").
    """
    path = Path(path) if path is not None else DEFAULT_LEXICON
    label = path.name
    rows = read_table(path, label, LEXICON_COLUMNS)
    known = ", ".join(KNOWN_CATEGORIES)
    seen: dict[str, int] = {}
    records = []
    for number, row in rows:
        term, category = row["term"], row["category"]
        if not term:
            _fail(label, number, "term", "is empty; write the word or phrase")
        key = term_key(term)
        if not key:
            _fail(label, number, "term", f"'{term}' has no letters or digits to match")
        if key in seen:
            _fail(label, number, "term", f"duplicate term '{term}' (also in row {seen[key]})")
        seen[key] = number
        if not category:
            _fail(label, number, "category", f"is empty; use one of: {known}")
        if category not in KNOWN_CATEGORIES:
            _fail(
                label,
                number,
                "category",
                f"'{category}' is not a known category (use one of: {known})",
            )
        if not row["note"]:
            _fail(label, number, "note", "is empty; say in one line why the term is loaded")
        records.append({**row, "row": number})
    variant_rows: dict[str, int] = {}
    for record in records:
        number = record["row"]
        for variant in record["variants"].split("|") if record["variants"] else []:
            key = term_key(variant)
            if not key:
                _fail(label, number, "variants", f"has an empty variant in '{record['variants']}'")
            if seen.get(key, number) != number:
                _fail(
                    label,
                    number,
                    "variants",
                    f"variant '{variant.strip()}' is already a term (row {seen[key]})",
                )
            if variant_rows.get(key, number) != number:
                _fail(
                    label,
                    number,
                    "variants",
                    f"variant '{variant.strip()}' is already a variant in row {variant_rows[key]}",
                )
            variant_rows[key] = number
    return pd.DataFrame(records, columns=[*LEXICON_COLUMNS, "row"])


def surface_forms(lexicon: pd.DataFrame) -> dict[str, tuple[str, str]]:
    """Every matchable form (normalised) → (lexicon term, category).

    A term itself and its listed variants win over a form generated from another term;
    otherwise the earlier row wins.
    """
    explicit: dict[str, tuple[str, str]] = {}
    generated: dict[str, tuple[str, str]] = {}
    for term, category, variants in zip(
        lexicon["term"], lexicon["category"], lexicon["variants"], strict=True
    ):
        entry = (term, category)
        listed = [term, *(v for v in variants.split("|") if v.strip())]
        for form in listed:
            explicit.setdefault(term_key(form), entry)
        for form in regular_forms(term):
            generated.setdefault(form, entry)
    return {**generated, **explicit}


class CompiledLexicon(NamedTuple):
    """An Aho-Corasick automaton over the lexicon's forms, each padded with spaces."""

    automaton: ahocorasick.Automaton
    forms: int


def compile_lexicon(lexicon: pd.DataFrame) -> CompiledLexicon:
    """Build the matcher for ``lexicon`` (a frame from :func:`load_lexicon`).

    Each form is stored between boundary characters (`` form ``, ``-form ``…) so a hit
    always starts and ends at a word boundary of the normalised text; the value is
    (length of the form, term, category).
    """
    automaton = ahocorasick.Automaton()
    forms = surface_forms(lexicon)
    for form, (term, category) in forms.items():
        for left in BOUNDARIES:
            for right in BOUNDARIES:
                automaton.add_word(f"{left}{form}{right}", (len(form), term, category))
    automaton.make_automaton()
    return CompiledLexicon(automaton, len(forms))


@lru_cache(maxsize=1)
def default_compiled_lexicon() -> CompiledLexicon:
    """The kit's own lexicon, compiled once per process."""
    return compile_lexicon(load_lexicon())
