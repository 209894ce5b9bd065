"""The teacher's guide covers the kit: every lesson, exercise, technique and statistical term.

These tests read the notebooks and the guide as they are, so a new lesson, exercise, technique
or term fails here until the guide has it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from propaganda_kit import load_corpus

ROOT = Path(__file__).resolve().parent.parent
GUIDE = ROOT / "guide"
LESSONS = sorted((ROOT / "notebooks").glob("*.ipynb"))
EXERCISES = sorted((ROOT / "exercises").glob("*.ipynb"))
TEACHING = sorted(
    p for d in ("notebooks", "exercises", "solutions") for p in (ROOT / d).glob("*.ipynb")
)
NUMBERED = re.compile(r"(\d\d)_")
PARTS = ("**Aims.**", "**Plan.**", "**Discussion questions", "**Misconceptions.**")
# A statistical term as the notebooks write it, and the glossary entry that explains it.
STATISTICAL_TERMS = {
    r"per 1,000 words": "Rate per 1,000 words",
    r"\bnormali[sz]": "Normalise",
    r"\bintervals?\b": "Interval (95% interval)",
    r"\bPoisson\b": "Poisson interval",
    r"\bbootstrap|\bresampl": "Bootstrap",
    r"\bz-scores?\b|\bz ?= ?[-−]?\d": "Z-score",
    r"\blog-odds\b": "Log-odds",
    r"\bodds\b": "Odds",
    r"\bpriors?\b": "Prior (informative prior)",
    r"weighted log-odds": "Weighted log-odds",
    r"distinctive words": "Distinctive words",
    r"Krippendorff": "Krippendorff's alpha",
    r"pairwise agreement": "Pairwise agreement",
    r"effect size": "Effect size",
    r"standard deviation": "Standard deviation",
    r"\b(?:class )?means? (?:rating|change)|\bthe means\b": "Mean",
    r"false alarms?": "Hit, miss, false alarm",
    r"\bdiscernment\b": "Discernment",
    r"\bconfidence\b": "Confidence",
}


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def notebook_text(path: Path) -> str:
    """The Markdown and code of a notebook's cells (not its outputs)."""
    cells = json.loads(read(path))["cells"]
    return "\n".join("".join(cell["source"]) for cell in cells)


def sections(markdown: str) -> dict[str, str]:
    """Each ``## `` heading of a Markdown file and the text under it."""
    parts = re.split(r"^## +(.+)$", markdown, flags=re.MULTILINE)
    return {heading.strip(): body for heading, body in zip(parts[1::2], parts[2::2], strict=True)}


def table_rows(markdown: str) -> list[str]:
    """The lines of a Markdown file that are rows of a table."""
    return [line for line in markdown.splitlines() if line.startswith("|")]


def lesson_section(path: Path) -> tuple[str, str] | None:
    """(heading, text) of a notebook's section in lessons.md, or None.

    A numbered lesson ``NN_name`` has the heading ``Lesson N · …``; any other notebook has a
    heading naming its file, as in ``… (`pre_check`, `post_check`)``.
    """
    number = NUMBERED.match(path.name)
    for heading, body in sections(read(GUIDE / "lessons.md")).items():
        if number and heading.startswith(f"Lesson {int(number.group(1))} ·"):
            return heading, body
        if not number and f"`{path.stem}`" in heading:
            return heading, body
    return None


def stated_minutes(path: Path) -> int | None:
    """The minutes a notebook gives in its '**Time:** about N minutes' line, if any."""
    found = re.search(r"\*\*Time:\*\* about (\d+) minutes", notebook_text(path))
    return int(found.group(1)) if found else None


def test_the_kit_has_lessons_and_exercises_to_cover():
    assert len([p for p in LESSONS if NUMBERED.match(p.name)]) >= 8
    assert EXERCISES


@pytest.mark.parametrize("path", LESSONS, ids=[p.name for p in LESSONS])
def test_every_lesson_notebook_has_a_section_in_lessons_md(path: Path):
    found = lesson_section(path)
    assert found, f"guide/lessons.md has no section for {path.name}"
    heading, body = found
    missing = [part for part in PARTS if part not in body]
    assert not missing, f"the section '{heading}' has no {', '.join(missing)}"
    minutes = stated_minutes(path)
    if minutes is not None:
        assert f"({minutes} min" in heading, f"'{heading}': the notebook says {minutes} minutes"


@pytest.mark.parametrize("path", LESSONS + EXERCISES, ids=[p.name for p in LESSONS + EXERCISES])
def test_every_lesson_and_exercise_has_a_row_in_the_course_map(path: Path):
    rows = [row for row in table_rows(read(GUIDE / "course_map.md")) if f"`{path.stem}`" in row]
    assert rows, f"guide/course_map.md has no table row naming `{path.stem}`"
    minutes = stated_minutes(path)
    if minutes is not None and NUMBERED.match(path.name):
        assert any(f"| {minutes} min" in row for row in rows), (
            f"the course map's row for {path.stem} does not give the notebook's {minutes} min"
        )


def glossary_entries(glossary: str) -> set[str]:
    """The bold headwords of a glossary ('**Bootstrap.** …' gives 'Bootstrap')."""
    return set(re.findall(r"^\*\*(.+?)\.\*\*", glossary, flags=re.MULTILINE))


def test_every_technique_of_the_taxonomy_is_in_the_glossary():
    taxonomy = pd.read_csv(ROOT / "data" / "taxonomy.csv")
    assert (taxonomy["framework"] == "semeval2020").sum() == 14
    entries = {entry.lower() for entry in glossary_entries(read(GUIDE / "glossary.md"))}
    labels = taxonomy["label"].str.replace(r" \(IPA\)$", "", regex=True)
    missing = sorted(
        f"{tech} ({label})"
        for tech, label in zip(taxonomy["id"], labels, strict=True)
        if label.lower() not in entries
    )
    assert not missing, f"techniques with no glossary entry: {missing}"


def terms_used(texts: dict[str, str]) -> dict[str, list[str]]:
    """Each glossary term the texts use, with the names of the texts that use it."""
    used = {
        entry: sorted(name for name, text in texts.items() if re.search(pattern, text, re.I))
        for pattern, entry in STATISTICAL_TERMS.items()
    }
    return {entry: names for entry, names in used.items() if names}


def missing_terms(texts: dict[str, str], glossary: str) -> dict[str, list[str]]:
    """The terms the texts use that the glossary has no entry for, with where they are used."""
    entries = glossary_entries(glossary)
    return {entry: names for entry, names in terms_used(texts).items() if entry not in entries}


def test_every_statistical_term_the_notebooks_use_is_in_the_glossary():
    texts = {path.name: notebook_text(path) for path in TEACHING}
    assert len(terms_used(texts)) >= 10, "the term patterns no longer match the notebooks"
    missing = missing_terms(texts, read(GUIDE / "glossary.md"))
    assert not missing, f"terms used in notebooks with no glossary entry: {missing}"


def test_the_term_check_finds_a_term_missing_from_the_glossary():
    texts = {"a.ipynb": "The z-score of each word", "b.ipynb": "a Poisson interval"}
    glossary = "**Z-score.** How big.\n\n**Interval (95% interval).** A range.\n"
    assert missing_terms(texts, glossary) == {"Poisson interval": ["b.ipynb"]}


LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
PATH_IN_CODE = re.compile(r"`((?:[\w.-]+/)+[\w.-]+\.(?:ipynb|md|csv|json|py|txt|cfg))`")
FOLDERS = {p.name for p in ROOT.iterdir() if p.is_dir() and not p.name.startswith(".")}


def missing_files(path: Path, root: Path = ROOT) -> list[str]:
    """The local files a guide file links to, or names in code under one of the checkout's
    folders (``data/quotes.csv``), that do not exist. Web links and anchors are left out."""
    text = read(path)
    links = [t.split("#")[0] for t in LINK.findall(text)]
    links = [t for t in links if t and not re.match(r"[a-z]+:", t)]
    named = [p for p in PATH_IN_CODE.findall(text) if p.split("/")[0] in FOLDERS]
    return [t for t in links if not (path.parent / t).exists()] + [
        p for p in named if not (root / p).exists()
    ]


@pytest.mark.parametrize("path", sorted(GUIDE.glob("*.md")), ids=lambda p: p.name)
def test_every_file_a_guide_file_links_to_exists(path: Path):
    assert not missing_files(path), f"{path.name} links to or names missing files"


def test_the_link_check_finds_a_broken_link(tmp_path: Path):
    page = tmp_path / "page.md"
    (tmp_path / "course_map.md").write_text("", encoding="utf-8")
    page.write_text(
        "See [the map](course_map.md#plans), [web](https://example.org), [gone](nothing_here.md),"
        " `data/no_such_table.csv`, `data/metadata.csv` and `class/amira/pre_check.ipynb`.",
        encoding="utf-8",
    )
    assert missing_files(page) == ["nothing_here.md", "data/no_such_table.csv"]


QUOTE_MARKS = re.compile(r"[\"'“”‘’]")


def plain(text: str) -> str:
    """Text without quotation marks, in lower case, with single spaces (for comparing)."""
    return " ".join(QUOTE_MARKS.sub("", text).lower().split())


def search_plans() -> dict[str, str]:
    """Lesson 7's search plan per document: the bullet that starts with its id."""
    _, body = lesson_section(ROOT / "notebooks" / "07_lateral_reading.ipynb")
    bullets = re.findall(
        r"^- \*\*`([\w-]+)`\*\*(.*?)(?=^- |^\S|\Z)", body, re.MULTILINE | re.DOTALL
    )
    return dict(bullets)


def test_lesson_7_has_a_search_plan_for_every_document_and_only_for_them():
    assert sorted(search_plans()) == sorted(load_corpus().ids)


SEARCH_WORDS = {"about", "who runs", "official account"}  # words a plan adds to a search


def test_what_each_search_plan_quotes_is_in_the_document():
    """Every phrase a plan quotes (a title, a name, a date, an event), other than the words it
    adds to a search, is in the document's text, its raw capture or its metadata: the guide
    says nothing about a document's origin that the kit cannot source."""
    corpus = load_corpus()
    for doc_id, plan in search_plans().items():
        doc = corpus[doc_id]
        assert "*States:*" in plan, f"{doc_id}: the plan does not say what the text states"
        raw = (ROOT / "data" / doc.metadata["raw_file"]).read_text(encoding="utf-8")
        sources = plain(" ".join([doc.text, raw, *doc.metadata.values()]))
        quoted = [q for q in re.findall(r'"([^"]+)"', plan) if plain(q) not in SEARCH_WORDS]
        assert len(quoted) >= 2, f"{doc_id}: the plan quotes nothing the text states"
        missing = [q for q in quoted if plain(q) not in sources]
        assert not missing, f"{doc_id}: quoted but not in the document or its metadata: {missing}"
