"""A bill of our own wording in the API record's layout, loaded and read by the citator."""

from __future__ import annotations

from lawdiff.cite import instructions
from lawdiff.load.documents import load_document
from lawdiff.load.manifest import Corpus

from tests.helpers.api_records import bill_text, document


def read_bill(tmp_path, *paragraphs: str) -> list[dict]:
    """The instructions lawdiff reads in a bill (H.9999 of the 193rd) whose paragraphs are ``paragraphs``."""
    path = tmp_path / "H9999.json"
    path.write_bytes(document(193, "H9999", bill_text(*paragraphs)))
    return instructions(load_document(str(path), Corpus(root=tmp_path, entries={}, comparisons=[])))
