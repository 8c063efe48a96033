"""``Document.line_text`` read from the tree (``parse.line_text.LineText``, issue 26): it must
answer exactly what the dict of each line's words answered, and be kept only where it can.
"""

import json
import random
from pathlib import Path

import pytest

from lawdiff.load.documents import line_text, parse_bytes
from lawdiff.parse.line_text import LineText
from lawdiff.parse.structure import parse
from lawdiff.parse.tree import Document
from lawdiff.read import read

from helpers import omnibus

SESSION = Path(__file__).resolve().parents[1].parent / "shared" / "sources" / "sessions" / "193" / "documents"


def _both(data: bytes, name: str):
    """The reading's line dict, and the document as parsed (its line_text a LineText or that dict)."""
    reading = read(data, name)
    tree, _ = parse(reading)
    return line_text(reading), parse_bytes(data, name)


def _same_answers(lines: dict, doc: Document, seed: int = 0):
    compact = doc.line_text
    plain = Document(meta=doc.meta, tree=doc.tree, line_text=lines)
    assert list(compact) == list(lines) and len(compact) == len(lines)
    assert list(compact.items()) == list(lines.items())
    assert list(compact.values()) == list(lines.values())
    assert compact == lines and lines == compact
    numbers = list(lines)
    for n in numbers[:50] + numbers[-50:]:
        assert compact[n] == lines[n] and n in compact
    absent = max(numbers) + 1
    assert absent not in compact and compact.get(absent) is None and compact.get(absent, "") == ""
    with pytest.raises(KeyError):
        compact[absent]
    for node in doc.tree.walk():
        if node.lines:
            assert doc.words_on_lines(*node.lines) == plain.words_on_lines(*node.lines)
    rng = random.Random(seed)
    for _ in range(500):
        i = rng.randrange(len(numbers))
        j = min(len(numbers) - 1, i + rng.randrange(15))
        first, last = numbers[i] - rng.randrange(3), numbers[j] + rng.randrange(3)
        assert doc.words_on_lines(first, last) == plain.words_on_lines(first, last)
    assert doc.words_on_lines(9, 3) == ([], [])
    assert json.dumps(doc.to_dict()) == json.dumps(plain.to_dict())


@pytest.mark.parametrize("seed", [1, 2])
def test_omnibus_lines_read_from_the_tree(seed):
    old, _ = omnibus.generate(60, seed).texts()
    lines, doc = _both(old, "old.txt")
    assert isinstance(doc.line_text, LineText)  # its title and enacting clause are unnumbered: words between lines
    assert doc.tree.children[0].type == "preface" and lines[min(lines)].startswith("SECTION 1.")
    _same_answers(lines, doc, seed)


def test_unnumbered_text_lines_read_from_the_tree():
    text = ("An Act relative to trees.\n\nSECTION 1. The first section\nruns on over  two lines.\n\n"
            "SECTION 2. (a) A subsection; and\n(b) another.\n\nSECTION 3. Ends here.\n").encode()
    lines, doc = _both(text, "act.txt")
    assert doc.meta["line_numbers"] == "source" and isinstance(doc.line_text, LineText)
    assert doc.line_text[4] == "runs on over two lines."
    _same_answers(lines, doc)


def test_derive_keeps_the_lines_the_tree_does_not_hold_as_they_are():
    old, _ = omnibus.generate(20, 3).texts()
    reading = read(old, "old.txt")
    tree, _ = parse(reading)
    lines = line_text(reading)
    assert not LineText.derive(lines, tree).kept
    numbers = list(lines)
    # A line whose words the tree parts otherwise (as "(e)(1) Other" is parted into "(e)", "(1)",
    # "Other"), here a word it lacks and a doubled space: kept as its text, the lines after it
    # still read from the tree.
    changed = {**lines, numbers[0]: lines[numbers[0]] + " extra", numbers[5]: lines[numbers[5]].replace(" ", "  ", 1)}
    compact = LineText.derive(changed, tree)
    assert sorted(compact.kept) == [0, 5] and compact == changed
    assert list(compact.items()) == list(changed.items())
    plain = Document(meta={}, tree=tree, line_text=changed)
    mixed = Document(meta={}, tree=tree, line_text=compact)
    for first in numbers[:12]:
        for last in numbers[:12]:
            assert mixed.words_on_lines(first, last) == plain.words_on_lines(first, last)
    assert LineText.derive(dict(reversed(list(lines.items()))), tree) is None  # numbers falling
    assert LineText.derive({**lines, numbers[0]: ""}, tree) is None
    assert LineText.derive({n: t + " x" for n, t in lines.items()}, tree) is None  # no line the tree's: the dict


@pytest.mark.skipif(not SESSION.is_dir(), reason="needs ../shared/sources (the 193rd session's records)")
@pytest.mark.parametrize("name", ["H4115", "H4632", "S2600", "H3306"])
def test_session_records_answer_as_the_dict(name):
    data = (SESSION / f"{name}.json").read_bytes()
    lines, doc = _both(data, f"{name}.json")
    assert isinstance(doc.line_text, LineText)
    _same_answers(lines, doc)


def test_line_numbers_past_a_c_int_keep_the_dict():
    """The places are 4-byte integers (half the memory): a line number no C int holds keeps the
    lines as the dict, answered the same, rather than failing."""
    reading = read(b"SECTION 1. The clerk shall keep a register.\nSECTION 2. Fees are due.\n", "x.txt")
    tree, _ = parse(reading)
    lines = {2**31 + k: text for k, text in enumerate(line_text(reading).values())}
    assert LineText.derive(lines, tree) is None
    small = LineText.derive(dict(enumerate(lines.values(), 1)), tree)
    assert small is not None and small.numbers.itemsize == 4 and dict(small.items()) == {1: lines[2**31], 2: lines[2**31 + 1]}


def test_a_document_whose_lines_the_tree_parts_keeps_the_reading_dict():
    """Where most lines are worded otherwise in the tree ("(a)(1) The owner" is parted into "(a)",
    "(1)", "The owner"), the loader, which packed the lines before the parse, makes the dict
    again: equal to the reading's, in its order."""
    data = ("SECTION 1. The following shall apply to every owner:\n"
            "(a)(1) The owner shall pay the fee.\n(b)(1) The clerk shall keep the record.\n"
            "(c)(1) The board shall meet each year.\n").encode()
    lines, doc = _both(data, "parted.txt")
    assert type(doc.line_text) is dict and list(doc.line_text.items()) == list(lines.items())
    assert [n.num for n in doc.tree.walk() if n.num][1:3] == ["(a)", "(1)"]
