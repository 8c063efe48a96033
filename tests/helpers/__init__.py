"""Test helpers: the shipped corpus's paths, and generators of documents in the official layouts.

``billpdf`` and ``billhtml`` print H.2288 as malegislature.gov PDFs and pages,
``api_records`` serves the legislature's API shapes on loopback, ``omnibus`` makes
omnibus version pairs that know their true pairing, ``docx_revisions`` reads a
Word file's tracked changes back.  The benches in ``bench/`` use the same
generators (``from tests.helpers import billpdf``), run from the repository root.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
H2288 = CORPUS / "raw" / "193-h2288.txt"
EO650 = CORPUS / "raw" / "eo-650.txt"
