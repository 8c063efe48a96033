"""lawdiff: compare legislative instruments.

The stages, each a module: ``read`` (bytes -> lines with printed numbers),
``parse`` (lines -> provision tree), and the renderers built on them.
The usual entry point is ``load_document("193-h2288")``.
"""

from .documents import load_document, parse_bytes
from .errors import LawdiffError
from .manifest import Corpus
from .tree import Document, Node

__all__ = ["Corpus", "Document", "LawdiffError", "Node", "load_document", "parse_bytes"]
__version__ = "0.1.0"
