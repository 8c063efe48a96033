"""Shared test helpers: the shipped corpus and its two real documents."""

import os

import pytest
from hypothesis import settings

from helpers import CORPUS
from lawdiff import Corpus, load_document

# In CI the property tests run the same examples every time: a submission passes or fails on
# its own code, not on the draw.  Locally each run draws new examples, to find new failures.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(scope="session")
def corpus():
    return Corpus.load(CORPUS)


@pytest.fixture(scope="session")
def h2288(corpus):
    return load_document("193-h2288", corpus)


@pytest.fixture(scope="session")
def eo650(corpus):
    return load_document("eo-650", corpus)


@pytest.fixture
def corpus_dir(tmp_path):
    """A copy of the shipped corpus in which S.997 and H.1401 have no text yet (the fetch tests')."""
    from helpers.fetch_corpus import textless_corpus

    return textless_corpus(tmp_path / "corpus")
