"""Author and quoted voices are summarised per document and per quotation."""

from propaganda_kit import load_corpus
from propaganda_kit.analysis.voices import excerpt, quotes_table, voice_table


def test_voice_table_adds_up():
    table = voice_table(load_corpus())
    assert (table["Author's words"] + table["Quoted words"] <= table["Words"] + 3).all()
    assert table["Quoted share (%)"].between(0, 100).all()


def test_split_quotations_are_shown_once():
    corpus = load_corpus()
    table = quotes_table(corpus)
    speakers = {seg.speaker for doc in corpus for seg in doc.quotes}
    assert set(table["Speaker (as named)"]) == speakers
    assert len(table) < sum(len(doc.quotes) for doc in corpus)
    assert table["Excerpt"].str.contains(r"\[MEK\]|\[the MEK\]").any()


def test_excerpt_flattens_and_cuts():
    assert excerpt("a\n\nb   c") == "a b c"
    cut = excerpt("word " * 50, limit=20)
    assert len(cut) <= 20 and cut.endswith("…")
