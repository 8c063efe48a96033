"""A parsed tree's leaves share one empty children list (issue 26: an empty list each was 3.8 MB
of a 30,000-section pair): it reads as ``[]``, refuses additions, and copies as a plain list."""

import copy
import pickle

import pytest

from lawdiff.load.documents import parse_bytes
from lawdiff.parse.tree import NO_CHILDREN, Document, Node

BILL = ("SECTION 1. Chapter 6 of the General Laws is hereby amended by striking out section 2.\n\n"
        "SECTION 2. (a) The owner shall pay the fee.\n(b) The clerk shall keep the record.\n").encode()


def _doc():
    return parse_bytes(BILL, "bill.txt")


def test_leaves_share_one_empty_list_that_reads_as_a_list():
    doc = _doc()
    leaves = [n for n in doc.tree.walk() if not n.children]
    assert [n.num for n in leaves] == ["SECTION 1.", "(a)", "(b)"]
    assert all(n.children is NO_CHILDREN for n in leaves)
    leaf = leaves[1]
    assert leaf.children == [] and isinstance(leaf.children, list) and not leaf.children and repr(leaf.children) == "[]"
    assert leaf == Node("subsection", eid=leaf.eid, num="(a)", text="The owner shall pay the fee.", lines=leaf.lines)
    assert Document.from_dict(doc.to_dict()).tree == doc.tree
    assert doc.to_dict()["tree"]["children"][0]["children"][0]["children"] == []


def test_a_leaf_refuses_additions_and_takes_a_list_of_its_own():
    doc = _doc()
    leaf = next(n for n in doc.tree.walk() if n.num == "(a)")
    child = Node("paragraph", num="(1)", text="a new paragraph")
    for add in (lambda: leaf.children.append(child), lambda: leaf.children.extend([child]),
                lambda: leaf.children.insert(0, child), lambda: leaf.children.__setitem__(slice(0, 0), [child])):
        with pytest.raises(TypeError, match="list of its own"):
            add()
    with pytest.raises(TypeError):
        leaf.children += [child]
    assert NO_CHILDREN == [] and len(NO_CHILDREN) == 0  # nothing got in
    leaf.children = [child]
    assert next(n for n in doc.tree.walk() if n.num == "(1)") is child


def test_copies_are_plain_lists_and_pickles_share_again():
    doc = _doc()
    twin = copy.deepcopy(doc.tree)
    leaf = next(n for n in twin.walk() if n.num == "(b)")
    assert type(leaf.children) is list and twin == doc.tree
    leaf.children.append(Node("paragraph", num="(1)", text="added to the copy"))
    assert len(next(n for n in doc.tree.walk() if n.num == "(b)").children) == 0
    assert type(copy.copy(NO_CHILDREN)) is list
    back = pickle.loads(pickle.dumps(doc))
    assert back.tree == doc.tree and next(n for n in back.tree.walk() if n.num == "(a)").children is NO_CHILDREN
