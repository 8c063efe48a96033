"""The version graph (lawdiff.versions) on the real records of the 193rd General Court.

The expected edges were written by hand from reading each document's history (and the
pinslips) in ../shared/sources/sessions/193/history and documents (the API histories in
../shared/sources/api/history are the same for H.4450 and S.2968); the records are read in
place, never copied.
"""

from __future__ import annotations

from helpers import ROOT
from lawdiff.load.sources import FolderSource
from lawdiff.versions import graph
from lawdiff.versions.sentences import Evidence

SESSION = ROOT.parent / "shared" / "sources" / "sessions" / "193"


def edges(g):
    return {(e.earlier, e.later, e.relation) for e in g.edges}


def walk(name):
    return graph.walk(FolderSource(SESSION, 193), name)


def test_h4241_eight_bills_one_draft_the_senate_text_and_the_conference_report():
    g = walk("H4241")
    filed = ["S1012", "S1077", "S1097", "S1139", "H1542", "H1547", "H1745", "H3856"]
    assert edges(g) == {(b, "H4115", "new draft") for b in filed} | {
        ("H4115", "H4241", "new draft"),  # H.4241 "New draft of H4115"
        ("H4241", "S2703", "committee text"),  # S.2703 "Recommended new text for H4241"
        ("S2703", "S2710", "reprinted as amended"),  # S.2703 "Reprinted as amended, see S2710"
        # S.2710 "Substituted for H4241" (the same day H.4241 says "Reprinted, as amended, see S2710":
        # the later text's own word is the evidence)
        ("H4241", "S2710", "substituted"),
        ("H4241", "H4744", "conference report"),  # H.4241 "Reported by H4744", after the conference committee
        ("H4744", "acts-2024-118", "enacted as chapter"),  # "Signed by the Governor, Chapter 118 of the Acts of 2024"
    }
    # Evidence and dates are the history's own.
    step = next(e for e in g.edges if e.earlier == "H4744")
    assert (step.date, step.evidence) == ("2024-06-20", "Signed by the Governor, Chapter 118 of the Acts of 2024")
    merge = next(e for e in g.edges if e.earlier == "S1012")
    assert merge.date == "2023-10-10" and merge.evidence == \
        "New draft of S1012, S1077, S1097, S1139, H1542, H1547, H1745 and H3856"
    # "Substituted for H4241" names the same step the other way round: no loop.  "See H4241" is
    # a cross-reference, kept apart.
    assert g.cycles() == []
    assert ("S2710", "H4241", "see") in {(o.earlier, o.later, o.relation) for o in g.others}
    order = g.order()
    assert order.index("H4115") < order.index("H4241") < order.index("S2703") < order.index("S2710") \
        < order.index("H4744") < order.index("acts-2024-118")
    node = g.nodes["H4241"]
    assert (node.type, node.has_text, node.date) == ("Bill", True, "2024-01-10")  # no DocumentText; its PDF


def test_h4799_the_senate_text_and_the_house_further_amendment():
    g = walk("H4799")
    assert edges(g) == {
        ("H4496", "H4790", "reported in part"),  # H.4790 "Reported on a part of H4496"
        ("H4496", "H4844", "reported in part"),  # H.4496 "Reported, in part, by H4844"
        ("H4790", "H4799", "published as amended"),  # H.4799 "H4790, published as amended"
        ("H4799", "S2888", "committee text"),  # "... inserting in place thereof the text of S2888"
        ("S2888", "S2891", "reprinted as amended"),  # S.2888 "Reprinted as amended, see S2891"
        ("H4799", "S2891", "reprinted as amended"),  # H.4799 "Reprinted as amended, see S2891"
        ("H4799", "H5050", "further amendment"),  # "... with a further amendment, see text of House document numbered 5050"
        ("S2891", "H5050", "further amendment"),  # H.5050's pinslip: a further amendment to the text of S.2891
        ("H4799", "acts-2024-206", "enacted as chapter"),
    }
    assert g.cycles() == []


def test_h4450_five_bills_a_new_draft_and_the_senate_text():
    g = walk("H4450")
    assert edges(g) == {(b, "H4450", "new draft") for b in ("S2275", "H3306", "H3336", "H3375", "H3440")} | {
        ("H4450", "H4940", "new draft"),  # "... substituting therefor a bill with the same title, see H4940"
        ("H4940", "S3005", "committee text"),  # "... inserting in place thereof the text of S3005"
        ("H4940", "acts-2024-399", "enacted as chapter"),  # signed 2025-01-10, Chapter 399 of the Acts of 2024
    }
    assert next(e for e in g.edges if e.later == "acts-2024-399").date == "2025-01-10"


def test_s2968_the_senate_text_of_a_house_supplemental_budget():
    g = walk("S2968")
    assert edges(g) == {
        ("H5049", "H5077", "reported in part"),  # H.5077 "Reported on a part of H5049"
        ("H5077", "S2968", "committee text"),  # S.2968 "Recommended new text for H5077"
        ("S2968", "S2974", "reprinted as amended"),  # S.2968 "Reprinted as amended, see S2974"
        ("H5077", "S2974", "reprinted as amended"),  # H.5077 "Reprinted as amended, see S2974"
        ("H5077", "H5132", "further amendment"),  # "... further amendment, see text of House document numbered 5132"
        ("S2974", "H5132", "further amendment"),  # H.5132 "Text of an amendment to S2974"
        ("H5077", "acts-2024-248", "enacted as chapter"),
    }
    relations = {(o.earlier, o.later, o.relation) for o in g.others}
    assert {("S2968", "H5077", "see"), ("S2974", "H5077", "see"), ("H5132", "H5077", "see")} <= relations


def test_h4726_the_affordable_homes_act():
    g = walk("H4726")
    assert edges(g) == {
        ("H4138", "H4707", "new draft"),  # H.4707 "New draft of H4138"
        ("H4707", "H4726", "published as amended"),  # H.4726 "H4707, published as amended"
        ("H4726", "S2834", "committee text"),  # S.2834 "Recommended new text for H4726"
        ("S2834", "S2850", "reprinted as amended"),  # S.2834 "Reprinted, as amended, see S2850"
        ("H4726", "S2850", "reprinted as amended"),  # H.4726 "Reprinted, as amended, see S2850"
        ("H4726", "H4977", "conference report"),  # H.4977 "Reported on H4726", from the committee of conference
        ("H4977", "acts-2024-150", "enacted as chapter"),
    }


def test_study_orders_and_accompanied_lists_are_not_versions():
    g = walk("S1483")  # "Accompanied a study order, see S2777"; S.2777 "Accompanied by S1483, S1525 and S1551"
    assert g.edges == []
    relations = {(o.earlier, o.later, o.relation) for o in g.others}
    assert ("S1483", "S2777", "study order") in relations


def test_the_json_of_a_graph_uses_manifest_ids():
    data = graph.to_json(walk("H4744"), 193)
    assert data["nodes"][0] == {"id": "193-h1542", "number": "H.1542", "type": "Bill", "has_text": True,
                                "date": "2023-02-16"}
    assert data["nodes"][-1] == {"id": "acts-2024-118", "number": "Chapter 118 of the Acts of 2024", "type": "Act",
                                 "has_text": False, "date": "2024-06-20"}  # 2024's session laws are not in the folder
    assert {"from": "193-h4241", "to": "193-h4744", "relation": "conference report", "date": "2024-06-12",
            "evidence": "Reported on H4241"} in data["edges"]
    assert data["cycles"] == []


class Chain:
    """A made-up source: a measure of ``n`` texts, each "New draft of" the one before (which
    "Accompanied a new draft" of it), one
    history of many actions, and (``loop``) the last naming the first as its new draft."""

    def __init__(self, n: int, loop: bool = False, actions: int = 0):
        self.n, self.loop, self.actions = n, loop, actions

    def record(self, name):
        return {"BillNumber": name, "LegislationTypeName": "Bill", "Title": "An Act", "Pinslip": None}

    def history(self, name):
        k = int(name[1:])
        out = [{"Date": "2024-01-01T00:00:00", "Action": f"New draft of H{k - 1}"}] if k > 1 else []
        if k < self.n:
            out.append({"Date": "2024-01-01T00:00:00", "Action": f"Accompanied a new draft, see H{k + 1}"})
        if self.loop and k == self.n:
            out.append({"Date": "2024-02-01T00:00:00", "Action": "Accompanied a new draft, see H1"})
        if k == 1:  # the same links, stated again and again
            out += [{"Date": "2024-01-01T00:00:00", "Action": "Accompanied a new draft, see H2"}] * self.actions
        return out

    def session_law(self, year, chapter):
        return None

    def has_text(self, name, record):
        return True


def test_long_chains_and_long_histories_need_no_recursion():
    g = graph.walk(Chain(3000), "H1500", limit=5000)
    assert len(g.edges) == 2999 and g.order() == [f"H{k}" for k in range(1, 3001)]
    assert g.cycles() == []
    g = graph.walk(Chain(3, actions=20000), "H1")
    assert edges(g) == {("H1", "H2", "new draft"), ("H2", "H3", "new draft")}


def test_a_cycle_in_the_evidence_is_kept_and_reported():
    g = graph.walk(Chain(3000, loop=True), "H1", limit=5000)
    assert len(g.edges) == 3000
    [cycle] = g.cycles()
    assert len(cycle) == 3000 and set(cycle) == {f"H{k}" for k in range(1, 3001)}
    assert len(g.order()) == 3000  # every text still placed
    assert "Cycles in the evidence: H.1 -> H.2" in graph.to_text(g, 193)


def test_the_earliest_evidence_wins_and_kinds_stay_apart():
    g = graph.build([Evidence("H1", "H2", "substituted", "Substituted for H1", "2024-01-03"),
                     Evidence("H1", "H2", "new draft", "New draft of H1", "2024-01-02"),
                     Evidence("H2", "H1", "see", "See H1", "2024-01-04", "other")])
    assert [(e.relation, e.evidence) for e in g.edges] == [("new draft", "New draft of H1")]
    assert [o.relation for o in g.others] == ["see"] and g.cycles() == []
    assert graph.component(g, "H1").nodes.keys() == {"H1", "H2"}


def test_the_versions_command(tmp_path):
    import json
    import os
    import subprocess
    import sys

    def run(*args):
        env = {**os.environ, "LAWDIFF_CORPUS": str(tmp_path / "none")}
        return subprocess.run([sys.executable, "-m", "lawdiff", "versions", *args], capture_output=True, text=True,
                              env=env)

    out = run("193-s2710", "--from", str(SESSION), "--format", "json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert set(data) >= {"nodes", "edges"} and all(set(n) == {"id", "number", "type", "has_text", "date"}
                                                   for n in data["nodes"])
    assert all(set(e) == {"from", "to", "relation", "date", "evidence"} for e in data["edges"])
    assert {"from": "193-s2703", "to": "193-s2710", "relation": "reprinted as amended", "date": "2024-03-21",
            "evidence": "Text of S2703, reprinted as amended"} in data["edges"]  # S.2710's own word
    assert len(data["edges"]) == 14 and data["cycles"] == []
    text = run("acts-2023-2", "--from", str(SESSION)).stdout  # a chapter: the graph of the bill it enacted
    assert "2023-03-29  H.58 -> Chapter 2 of the Acts of 2023: enacted as chapter (OriginBill H58)" in text
    assert "2023-03-09  S.23 -> S.24: reprinted as amended (Text of S23, printed as amended)" in text
    out = run("193-x1", "--from", str(SESSION))
    assert out.returncode == 2 and out.stderr.startswith("lawdiff: 193-x1: not a House or Senate document id")
