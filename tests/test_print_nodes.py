"""The printed layout finds a change's nodes by the ref's order among a side's provisions with
words (``print_redline._Nodes``: a list, not a dict of every node by eid; issue 26: the page's
memory), shifted where front matter was not compared, and by eid where the order does not say."""

from helpers.h2288_edits import print_bill, printed_lines

from lawdiff.diff.align import has_content
from lawdiff.diff.changes import compare
from lawdiff.load.documents import parse_bytes
from lawdiff.render.print_redline import _Nodes, print_layout

TEXT = b"""SECTION 1. The keeper of the harbor shall post the tide tables each morning.
SECTION 2. A mooring fee shall be paid each season to the harbor fund.
(a) The fee shall be twelve dollars.
(b) The fee shall be waived for vessels of the town.
SECTION 3. This act shall take effect upon its passage.
"""


def test_a_sides_nodes_are_found_by_order_then_further_on_then_by_eid():
    doc = parse_bytes(TEXT, "harbor.txt")
    nodes = _Nodes(doc.tree)
    worded = [n for n in doc.tree.walk() if has_content(n)]
    assert len(worded) >= 5
    for k, n in enumerate(worded):
        assert nodes.get({"eid": n.eid, "order": k}) is n
    assert nodes.shift == 0 and nodes.by_eid is None
    # orders counted from two provisions on (what came first was not compared): found further on, the shift kept
    assert nodes.get({"eid": worded[3].eid, "order": 1}) is worded[3] and nodes.shift == 2
    assert nodes.get({"eid": worded[4].eid, "order": 2}) is worded[4] and nodes.by_eid is None
    assert nodes.get({"eid": worded[0].eid, "order": 0}) is worded[0] and nodes.shift == 0  # back: found again
    # an eid the side does not have: every node by eid, then nothing
    assert nodes.get({"eid": "sec_99", "order": 1}) is None and nodes.by_eid is not None
    assert nodes.get({"eid": worded[1].eid, "order": None}) is worded[1]


def test_the_printed_lines_of_a_change_are_found_through_its_nodes(h2288):
    """H.2288 against its print with one figure changed: the changed section's printed lines."""
    header, body = printed_lines()
    body[90] = body[90].replace("within 90", "within 60")
    new = parse_bytes(print_bill(header, body), "h2288-refiled.txt")
    model = compare(h2288, new)
    [block] = [b for b in print_layout(model, (h2288, new))["blocks"] if not b["folded"] and b["changed"]]
    assert block["rows"] and [r["line"] for r in block["rows"] if r["changed"]] == [91]
    assert any("<ins>60</ins>" in r["html"] for r in block["rows"])
