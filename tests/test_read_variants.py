"""Text as PDF extraction delivers it reads back to the same tree as the clean text."""

import pytest

from helpers import EO650
from lawdiff import parse_bytes
from helpers.variants import DOCKET, NUMBER, VARIANTS


def comparable(doc, drop_docket=False):
    """The tree as plain data, with the preface's docket lines set aside if asked."""
    tree = doc.tree.to_dict()
    if drop_docket:
        preface = tree["children"][0]
        preface["children"] = [c for c in preface["children"] if c["type"] != "docket"]
    return tree


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_same_tree_as_the_clean_text(name, h2288):
    doc = parse_bytes(VARIANTS[name]().encode("utf-8"), f"{name}.txt", {"kind": "bill"})
    assert doc.meta["line_numbers"] == "printed"
    assert comparable(doc, drop_docket=True) == comparable(h2288)


def test_first_docket_header_is_the_preface_and_repeats_are_dropped():
    doc = parse_bytes(VARIANTS["paginated"]().encode("utf-8"), "paginated.txt", {"kind": "bill"})
    preface = doc.tree.children[0]
    assert [(c.type, c.text) for c in preface.children[:2]] == [("docket", DOCKET), ("docket", NUMBER)]
    words = doc.tree.words()
    assert words.count("DOCKET,") == 1
    assert "4" not in words[words.index("Homeland", 30):][:6]  # the mid-line "2 of 4" is gone


def test_hyphenation_repaired_as_printed():
    doc = parse_bytes(VARIANTS["hyphenated"]().encode("utf-8"), "hyphenated.txt", {"kind": "bill"})
    text = doc.tree.full_text()
    assert "executive office of public safety and security with a written summary" in text
    assert "under an Inter-Governmental Service Agreement" in text
    assert "any other non-federal entity in the commonwealth" in text


def test_cp1252_is_decoded_not_rejected(eo650):
    data = EO650.read_text(encoding="utf-8").encode("cp1252")
    assert b"\x93Civil arrest\x94" in data  # smart quotes as Windows writes them
    doc = parse_bytes(data, "eo-650-cp1252.txt", {"kind": "executive-order"})
    assert doc.tree.to_dict() == eo650.tree.to_dict()


def test_utf8_byte_order_mark_is_not_text(eo650):
    data = b"\xef\xbb\xbf" + EO650.read_bytes()
    doc = parse_bytes(data, "eo-650-bom.txt", {"kind": "executive-order"})
    assert doc.tree.to_dict() == eo650.tree.to_dict()


def test_text_without_structure_is_plain_paragraphs():
    data = "Minutes of the meeting of the committee.\n\nThe committee met at noon\nand adjourned at one.\n".encode()
    doc = parse_bytes(data, "minutes.txt")
    assert doc.meta["structure"] is False
    body = doc.tree.children[-1]
    assert [(p.type, p.eid, p.text, p.lines) for p in body.children] == [
        ("p", "p_1", "Minutes of the meeting of the committee.", [1, 1]),
        ("p", "p_2", "The committee met at noon and adjourned at one.", [3, 4]),
    ]


def test_a_numbered_list_is_not_printed_line_numbers():
    data = "The committee shall:\n1. meet monthly;\n2. keep minutes;\n3. report yearly.\n".encode()
    doc = parse_bytes(data, "list.txt")
    assert doc.meta["line_numbers"] == "source"
    assert doc.tree.words() == data.decode().split()
