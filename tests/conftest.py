"""Shared test helpers: the shipped corpus and its two real documents."""

from pathlib import Path

import pytest

import sys

from lawdiff import Corpus, load_document

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).parent))  # test helpers (billpdf, ...) import by name
CORPUS = ROOT / "corpus"
H2288 = CORPUS / "raw" / "193-h2288.txt"
EO650 = CORPUS / "raw" / "eo-650.txt"


@pytest.fixture(scope="session")
def corpus():
    return Corpus.load(CORPUS)


@pytest.fixture(scope="session")
def h2288(corpus):
    return load_document("193-h2288", corpus)


@pytest.fixture(scope="session")
def eo650(corpus):
    return load_document("eo-650", corpus)
