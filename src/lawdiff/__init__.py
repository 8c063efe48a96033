"""lawdiff: compare legislative instruments.

The stages, each a package, data flowing one way:
``read`` (bytes -> lines with printed numbers) -> ``parse`` (lines -> provision
tree) -> ``diff`` (two trees -> change model) and ``matrix`` (trees + topics ->
provision matrix) -> ``render`` (HTML, Word, AKN, PDF, CSV, Markdown) -> ``site``
(build/).  ``load`` finds the bytes (corpus manifest, fetching); ``cli`` is the
``lawdiff`` command over all of them.  The usual entry point is
``load_document("193-h2288")``.
"""

from lawdiff.errors import LawdiffError

__all__ = ["Corpus", "Document", "LawdiffError", "Node", "load_document", "parse_bytes"]
__version__ = "0.1.0"

# The names below load their stage on first use (PEP 562): `lawdiff --help` and every
# `from lawdiff.errors import ...` would otherwise pay for lxml, cobalt and the parsers
# (0.3 s of a 0.45 s start-up).
_LAZY = {"load_document": "lawdiff.load.documents", "parse_bytes": "lawdiff.load.documents",
         "Corpus": "lawdiff.load.manifest", "Document": "lawdiff.parse.tree", "Node": "lawdiff.parse.tree"}


def __getattr__(name: str):
    if name not in _LAZY:
        raise AttributeError(f"module 'lawdiff' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(_LAZY[name]), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(_LAZY))
