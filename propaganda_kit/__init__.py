"""A JupyterLab teaching kit on propaganda analysis.

Each part of the kit adds its public names below, one import line per module.
"""

from .claims import claims_ledger, find_claims
from .corpus import Corpus, Document, Segment, load_corpus
from .errors import CorpusError
from .evaluation import evaluate_spans
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

__all__ = ["Corpus", "CorpusError", "Document", "Segment", "Span", "highlight_html", "load_corpus",
           "LEXICON_CATEGORIES", "find_loaded_language", "load_lexicon",
           "loaded_language_table", "loaded_terms_table",
           "RewriteReport", "compare_rewrite",
           "TECHNIQUE_CUE_NOTE", "claims_ledger", "distinctive_words", "evaluate_on_semeval",
           "evaluate_spans", "find_claims", "find_techniques", "load_taxonomy", "log_odds",
           "naming_map", "naming_wide", "read_semeval"]
