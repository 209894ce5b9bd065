"""A JupyterLab teaching kit on propaganda analysis: the public names the notebooks use.

Widgets live in ``propaganda_kit.widgets``, exercise checks in ``propaganda_kit.checks``.
"""

from .claims import claims_ledger, find_claims
from .corpus import Corpus, Document, Segment, load_corpus
from .errors import CorpusError
from .evaluation import evaluate_spans
from .friendly_errors import install as _install_friendly_errors
from .highlight import highlight_html
from .lexicon import LEXICON_CATEGORIES, load_lexicon
from .loaded_language import find_loaded_language
from .loaded_tables import loaded_language_table, loaded_terms_table
from .log_odds import distinctive_words, log_odds
from .naming import naming_map, naming_wide
from .rewrite import RewriteReport, compare_rewrite
from .semeval import evaluate_on_semeval, read_semeval
from .spans import Span
from .taxonomy import load_taxonomy
from .techniques import TECHNIQUE_CUE_NOTE, find_techniques

__all__ = ["claims_ledger", "compare_rewrite", "Corpus", "CorpusError", "distinctive_words",
           "Document", "evaluate_on_semeval", "evaluate_spans", "find_claims",
           "find_loaded_language", "find_techniques", "highlight_html", "LEXICON_CATEGORIES",
           "load_corpus", "load_lexicon", "load_taxonomy", "loaded_language_table",
           "loaded_terms_table", "log_odds", "naming_map", "naming_wide", "read_semeval",
           "RewriteReport", "Segment", "Span", "TECHNIQUE_CUE_NOTE"]

_install_friendly_errors()
