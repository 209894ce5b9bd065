"""Reading the SemEval-2020 Task 11 format and scoring a finder on our own tiny sample."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

import propaganda_kit.analysis.loaded_language as loaded_language
from propaganda_kit import CorpusError, Span
from propaganda_kit.analysis.evaluation import evaluate_on_semeval
from propaganda_kit.data.semeval import read_semeval

SAMPLE = Path(__file__).parent / "data" / "semeval_sample"


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    target = tmp_path / "sample"
    shutil.copytree(SAMPLE, target)
    return target


def _labels(folder: Path) -> list[str]:
    return [
        line
        for path in sorted(folder.glob("*.labels"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]


def test_reads_articles_and_gold_spans():
    articles = read_semeval(SAMPLE)
    assert [a.id for a in articles] == ["1001", "1002", "1003"]
    first = articles[0]
    assert first.text.startswith("Council Approves Harbour Plan")
    assert [(s.technique, s.category, s.text) for s in first.spans] == [
        ("loaded_language", "Loaded_Language", "disgraceful betrayal"),
        (
            "appeal_to_authority",
            "Appeal_to_Authority",
            "The mayor said the plan would bring hundreds of jobs",
        ),
    ]
    for article in articles:
        assert all(article.text[s.start : s.end] == s.text for s in article.spans)
    assert sum(len(a.spans) for a in articles) == 7


def test_one_combined_labels_file_reads_the_same(sample):
    lines = _labels(sample)
    for path in sample.glob("*.labels"):
        path.unlink()
    (sample / "train-task2-TC.labels").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert read_semeval(sample) == read_semeval(SAMPLE)


def test_a_line_in_both_forms_counts_once(sample):
    (sample / "all.labels").write_text("\n".join(_labels(sample)), encoding="utf-8")
    assert read_semeval(sample) == read_semeval(SAMPLE)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("1001\tLoaded_Language\t137", "has 3 tab-separated fields; expected 4"),
        ("1001\tLoaded_Language\tten\t157", "whole numbers"),
        ("1001\tLoaded_Language\t1²\t157", "whole numbers"),
        ("1001\tLoaded_Language\t157\t137", "do not fit article 1001"),
        ("1001\tLoaded_Language\t137\t99999", "do not fit article 1001"),
        ("1001\tGlittering\t137\t157", "'Glittering' is not a SemEval-2020 technique label"),
        ("1002\tLoaded_Language\t1\t5", "names article '1002' but the file is for article '1001'"),
    ],
)
def test_malformed_lines_name_file_and_line(sample, line, message):
    path = sample / "article1001.task2-TC.labels"
    path.write_text(path.read_text(encoding="utf-8") + line + "\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=re.escape(message)) as err:
        read_semeval(sample)
    assert str(err.value).startswith("article1001.task2-TC.labels, line 3:")


def test_unknown_article_in_a_combined_file(sample):
    (sample / "dev.labels").write_text("42\tDoubt\t0\t3\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"dev.labels, line 1: no file article42.txt"):
        read_semeval(sample)


def test_missing_folder_or_articles(tmp_path):
    with pytest.raises(CorpusError, match="is not a folder"):
        read_semeval(tmp_path / "nowhere")
    with pytest.raises(CorpusError, match=r"no article<ID>.txt files"):
        read_semeval(tmp_path)


def test_scores_pool_over_articles(monkeypatch):
    def stub(text):
        return [
            Span(m.start(), m.end(), m.group(), "stub", "loaded_language")
            for m in re.finditer(r"disgraceful|fiasco|calm", text)
        ]

    monkeypatch.setattr(loaded_language, "find_loaded_language", stub)
    result = evaluate_on_semeval(SAMPLE)
    # predicted: disgraceful (inside gold, credit 1), fiasco (inside gold, 1), calm (0) -> 2/3
    # gold: disgraceful betrayal 11/20, shameful fiasco 6/15, death trap 0, reckless 0 -> /4
    assert result["technique"] == "loaded_language" and result["articles"] == 3
    assert result["precision"] == pytest.approx(2 / 3)
    assert result["recall"] == pytest.approx((0.55 + 0.4) / 4)
    assert (result["predicted"], result["gold"]) == (3, 4)
    assert evaluate_on_semeval(SAMPLE, "loaded_language") == result


def test_real_finder_runs_and_scores_lie_between_zero_and_one():
    result = evaluate_on_semeval(SAMPLE)
    assert result["gold"] == 4
    assert all(0.0 <= result[k] <= 1.0 for k in ("precision", "recall", "f1"))
    # The kit's own finder is the one scored, and it finds part of the sample's gold spans
    # ("disgraceful", "shameful", "reckless" are in the lexicon), so the scores are not all zero.
    assert result["predicted"] > 0
    assert result["precision"] > 0 and result["recall"] > 0


def test_unknown_technique_is_refused():
    with pytest.raises(ValueError, match="not a SemEval-2020 technique"):
        evaluate_on_semeval(SAMPLE, "Glittering_Generalities")
