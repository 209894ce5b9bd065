"""A JupyterLab teaching kit on propaganda analysis.

Each part of the kit adds its public names below, one import line per module.
"""

from .corpus import Corpus, Document, Segment, load_corpus
from .errors import CorpusError
from .highlight import highlight_html
from .spans import Span

__all__ = ["Corpus", "CorpusError", "Document", "Segment", "Span", "highlight_html", "load_corpus"]
