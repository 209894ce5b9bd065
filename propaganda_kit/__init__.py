"""A JupyterLab teaching kit on propaganda analysis.

Each part of the kit adds its public names below, one import line per module.
"""

from .corpus import Corpus, Document, Segment, load_corpus
from .errors import CorpusError
from .highlight import highlight_html
from .lexicon import LEXICON_CATEGORIES, load_lexicon
from .loaded_language import find_loaded_language
from .rewrite import RewriteReport, compare_rewrite
from .spans import Span

__all__ = ["Corpus", "CorpusError", "Document", "Segment", "Span", "highlight_html", "load_corpus",
           "LEXICON_CATEGORIES", "find_loaded_language", "load_lexicon",
           "RewriteReport", "compare_rewrite"]
