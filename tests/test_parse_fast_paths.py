"""The parser's cheaper tests answer what the full pattern scans answered (issue 26).

- ``markers.terminal`` searches ``TERMINAL`` from near the end of the text only;
- ``units._glued_section`` scans for a run-on "SECTION n." only where "SECTION " stands;
- ``units._defines`` skips the definitions-intro scan of ASCII text that lacks its words.

Each is compared with its pattern over hand-picked texts (the edge of each shortcut) and
over random texts drawn from the characters the patterns turn on.
"""

import random

import pytest

from lawdiff.parse.markers import DEFINITIONS_INTRO, TERMINAL, terminal
from lawdiff.parse.units import _GLUED_SECTION, _defines, _glued_section


def _random_texts(alphabet, n, longest, seed):
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, longest))) for _ in range(n)]


TERMINAL_CASES = ["", ".", "words.", 'said "so."', "so.”)))”", "the following:-", "following: --", ":—\n",
                  "items; and", "items, or”", "items; and\n", ".\n\n", "no stop", "and", "x.\n”", ":-)",
                  "a;" + "”" * 12, "one, and two", "ends ;and"]


@pytest.mark.parametrize("text", TERMINAL_CASES)
def test_terminal_as_the_full_search(text):
    assert terminal(text) == bool(TERMINAL.search(text))


def test_terminal_on_random_texts():
    alphabet = list('ab .:;,-–—"”’)\n') + [" and", " or", ": -", ":--", "\t"]
    texts = _random_texts(alphabet, 50_000, 16, seed=26)
    found = [terminal(t) for t in texts]
    assert found == [bool(TERMINAL.search(t)) for t in texts]
    assert 0.1 < sum(found) / len(found) < 0.9  # both answers drawn often


GLUED_CASES = ["SECTION 2. Said", 'bail," SECTION 9. Said section', "x. SECTION 4. y", ". SECTION 4.",
               "a; SECTION IV: b", "SECTIONS 4.", "x.SECTION 4.", "”  SECTION 5.Chapter"]


@pytest.mark.parametrize("text", GLUED_CASES)
def test_glued_section_as_the_full_search(text):
    fast, full = _glued_section(text), _GLUED_SECTION.search(text)
    assert (fast and fast.span()) == (full and full.span())


def test_glued_section_on_random_texts():
    alphabet = list('. ;:-"”AS') + ["SECTION ", "SECTION 9.", "SECTION 12A:", "SECTION XI.", " 3"]
    texts = _random_texts(alphabet, 30_000, 8, seed=27)
    spans = [(m and m.span()) for m in map(_glued_section, texts)]
    assert spans == [(m and m.span()) for m in map(_GLUED_SECTION.search, texts)]
    assert any(spans)


DEFINES_CASES = ["As used in this chapter, the following words shall have the following meanings:",
                 "AS USED IN THIS SECTION", "For the purposes of this act the following terms have the following meanings",
                 "The FOLLOWING WORDS, as used herein, shall HAVE THE FOLLOWING MEANINGS", "following words.",
                 "as used in thi", "Aſ used in this section",  # a long s: case-blind "s" matches it, and no ASCII test may skip it
                 "the follow­ing words shall have the following meanings", "no definitions here"]


@pytest.mark.parametrize("text", DEFINES_CASES)
def test_defines_as_the_full_search(text):
    assert _defines(text) == bool(DEFINITIONS_INTRO.search(text))


def test_defines_on_random_texts():
    alphabet = ["following ", "FOLLOWING ", "Following ", "words ", "terms ", "shall ", "have the ", "meanings",
                "As used in this", "as USED in THIS", ". ", "x ", "ſ", "K"]
    texts = _random_texts(alphabet, 30_000, 7, seed=28)
    found = [_defines(t) for t in texts]
    assert found == [bool(DEFINITIONS_INTRO.search(t)) for t in texts]
    assert any(found) and not all(found)

