"""A JupyterLab teaching kit on propaganda analysis: the public names the notebooks use.

Widgets live in ``propaganda_kit.widgets``, exercise checks in ``propaganda_kit.checks``.
Importing the kit changes nothing: a lesson's first cell calls ``start_lesson()`` to show
the kit's errors as plain messages and tables in one style; answer keys are read when first
used.
The layers behind these names are described in ARCHITECTURE.md.
"""

from propaganda_kit.analysis.agreement import (
    annotations_to_matrix,
    class_alpha,
    disagreement_by_char,
    disagreement_regions,
)
from propaganda_kit.analysis.card_stacking import actor_mentions, one_sided_labels, one_sided_terms
from propaganda_kit.analysis.checklist import fact_sheet
from propaganda_kit.analysis.claims import (
    claim_sentence,
    claims_ledger,
    find_claims,
    sourced_claims_table,
)
from propaganda_kit.analysis.discernment import (
    assign_forms,
    class_scores,
    discernment_change,
    first_form,
    item_change,
)
from propaganda_kit.analysis.evaluation import evaluate_on_semeval, evaluate_spans
from propaganda_kit.analysis.loaded_language import (
    find_loaded_language,
    loaded_language_table,
    loaded_terms_table,
    rates_table,
)
from propaganda_kit.analysis.log_odds import distinctive_words, log_odds
from propaganda_kit.analysis.naming import naming_map, naming_wide
from propaganda_kit.analysis.provenance import (
    provenance_table,
    unknowns,
    unknowns_table,
)
from propaganda_kit.analysis.rates import words_by_perspective
from propaganda_kit.analysis.rewrite import RewriteReport, compare_rewrite
from propaganda_kit.analysis.techniques import TECHNIQUE_CUE_NOTE, find_techniques, technique_rates
from propaganda_kit.analysis.voices import quotes_table, voice_table
from propaganda_kit.charts.agreement import plot_disagreement
from propaganda_kit.charts.claims import plot_sourced_claims
from propaganda_kit.charts.discernment import plot_discernment_change
from propaganda_kit.charts.framing import plot_actor_labels, plot_distinctive_words
from propaganda_kit.charts.rates import (
    one_word_note,
    plot_category_rates,
    plot_loaded_rates,
    plot_rate_uncertainty,
    plot_voice_rates,
)
from propaganda_kit.data.annotations import load_annotations, load_sample_class
from propaganda_kit.data.corpus import Corpus, Document, Segment, load_corpus
from propaganda_kit.data.discernment import load_discernment_items
from propaganda_kit.data.lexicon import LEXICON_CATEGORIES, load_lexicon
from propaganda_kit.data.semeval import read_semeval
from propaganda_kit.data.taxonomy import load_taxonomy, mapped_labels
from propaganda_kit.html.empty import table_or_note
from propaganda_kit.html.errors import enable_friendly_errors
from propaganda_kit.html.highlight import highlight_html
from propaganda_kit.html.lesson_setup import start_lesson
from propaganda_kit.html.page import style_html
from propaganda_kit.html.reports import disagreement_html, report_html
from propaganda_kit.html.tables import table_html
from propaganda_kit.instructor.discernment import read_discernment_class
from propaganda_kit.text.errors import CorpusError
from propaganda_kit.text.spans import Span

__all__ = [
    "LEXICON_CATEGORIES", "TECHNIQUE_CUE_NOTE", "Corpus", "CorpusError", "Document",
    "RewriteReport", "Segment", "Span", "actor_mentions", "annotations_to_matrix",
    "assign_forms", "claim_sentence", "claims_ledger", "class_alpha", "class_scores",
    "compare_rewrite", "disagreement_by_char", "disagreement_html", "disagreement_regions",
    "discernment_change", "distinctive_words", "enable_friendly_errors", "evaluate_on_semeval",
    "evaluate_spans", "fact_sheet", "find_claims", "find_loaded_language", "find_techniques",
    "first_form", "highlight_html", "item_change", "load_annotations", "load_corpus",
    "load_discernment_items", "load_lexicon", "load_sample_class", "load_taxonomy",
    "loaded_language_table", "loaded_terms_table", "log_odds", "mapped_labels", "naming_map",
    "naming_wide", "one_sided_labels", "one_sided_terms", "one_word_note", "plot_actor_labels",
    "plot_category_rates", "plot_disagreement", "plot_discernment_change",
    "plot_distinctive_words", "plot_loaded_rates", "plot_rate_uncertainty",
    "plot_sourced_claims", "plot_voice_rates", "provenance_table", "quotes_table",
    "rates_table", "read_discernment_class", "read_semeval", "report_html",
    "sourced_claims_table", "start_lesson", "style_html", "table_html", "table_or_note",
    "technique_rates", "unknowns", "unknowns_table", "voice_table", "words_by_perspective",
]  # fmt: skip
