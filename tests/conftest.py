"""Shared test helpers: the shipped corpus and its two real documents."""

import pytest

from helpers import CORPUS
from lawdiff import Corpus, load_document


@pytest.fixture(scope="session")
def corpus():
    return Corpus.load(CORPUS)


@pytest.fixture(scope="session")
def h2288(corpus):
    return load_document("193-h2288", corpus)


@pytest.fixture(scope="session")
def eo650(corpus):
    return load_document("eo-650", corpus)
