"""lawdiff: compare legislative instruments.

The stages, each a package, data flowing one way:
``read`` (bytes -> lines with printed numbers) -> ``parse`` (lines -> provision
tree) -> ``diff`` (two trees -> change model) and ``matrix`` (trees + topics ->
provision matrix) -> ``render`` (HTML, Word, AKN, PDF, CSV, Markdown) -> ``site``
(build/).  ``load`` finds the bytes (corpus manifest, fetching); ``cli`` is the
``lawdiff`` command over all of them.  The usual entry point is
``load_document("193-h2288")``.
"""

from lawdiff.load.documents import load_document, parse_bytes
from lawdiff.errors import LawdiffError
from lawdiff.load.manifest import Corpus
from lawdiff.parse.tree import Document, Node

__all__ = ["Corpus", "Document", "LawdiffError", "Node", "load_document", "parse_bytes"]
__version__ = "0.1.0"
