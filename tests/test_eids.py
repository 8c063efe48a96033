"""The Akoma Ntoso naming rules, on trees small enough to check by eye."""

from lawdiff.parse.eids import assign_eids, clean_num
from lawdiff.parse.tree import Node


def test_clean_num():
    assert clean_num("SECTION 2.") == "2"
    assert clean_num("Section 63A.") == "63a"
    assert clean_num("(a)") == "a"
    assert clean_num("(iv)") == "iv"


def test_nesting_counters_and_duplicates():
    body = Node("body", children=[
        Node("section", num="SECTION 1.", children=[
            Node("quotedStructure", children=[
                Node("section", num="Section 63.", children=[Node("subsection", num="(a)")]),
            ]),
        ]),
        Node("section"),  # unnumbered: nn and a counter
        Node("section"),
        Node("section", num="SECTION 1."),  # printed twice: suffixed
    ])
    root = Node("bill", children=[Node("preface", children=[Node("p"), Node("p")]), body])
    assign_eids(root)
    assert [n.eid for n in root.walk()] == [
        None, "preface", "preface__p_1", "preface__p_2", None,
        "sec_1", "sec_1__qstr_1", "sec_1__qstr_1__sec_63", "sec_1__qstr_1__sec_63__subsec_a",
        "sec_nn_1", "sec_nn_2", "sec_1_2",
    ]


def test_definition_eids_follow_the_term():
    sec = Node("section", num="Section 1.", children=[
        Node("definition", term="Civil arrest"),
        Node("definition", term="State facility"),
    ])
    assign_eids(Node("doc", children=[Node("body", children=[sec])]))
    assert [d.eid for d in sec.children] == ["sec_1__defn_civil-arrest", "sec_1__defn_state-facility"]


def test_round_trip_through_dict(h2288):
    assert type(h2288.tree).from_dict(h2288.tree.to_dict()) == h2288.tree
