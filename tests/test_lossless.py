"""Every word of the source is in the tree exactly once, in order, and nothing else is.

The reference words are computed here independently of the reader: from the
clean source files, by the normalisation the README documents.
"""

import re

import pytest

from helpers import EO650, H2288
from lawdiff import parse_bytes
from lawdiff.read import read
from helpers.variants import VARIANTS


def source_words_h2288() -> list[str]:
    words = []
    numbered = False
    for line in H2288.read_text(encoding="utf-8").splitlines():
        if re.fullmatch(r"_+", line.strip()):
            continue  # a rule: typography, no words
        if numbered:
            line = re.sub(r"^\s*\d+ ", "", line)
        words += line.split()
        numbered = numbered or line.startswith("of the same, as follows:")
    return words


def source_words_eo650() -> list[str]:
    lines = EO650.read_text(encoding="utf-8").splitlines()
    end = next(i for i, line in enumerate(lines) if line.startswith("Help Us Improve Mass.gov"))
    return [w for line in lines[:end] for w in line.split()]


def test_h2288_tree_has_every_word_of_the_bill(h2288):
    assert h2288.tree.words() == source_words_h2288()


def test_eo650_tree_has_every_word_of_the_order(eo650):
    assert eo650.tree.words() == source_words_eo650()


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_variant_tree_has_every_word_the_reader_kept(name):
    data = VARIANTS[name]().encode("utf-8")
    doc = parse_bytes(data, f"{name}.txt", {"kind": "bill"})
    kept = [w for line in read(data, name).lines for w in line.text.split()]
    assert doc.tree.words() == kept
