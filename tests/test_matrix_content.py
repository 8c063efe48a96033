"""What the matrix cells say: checked against the two texts and the gathered facts.

Advocates quote these cells in published reports, so a cell may say no more than
its source.  Expected words and figures below were read off corpus/raw/eo-650.txt,
corpus/raw/193-h2288.txt and the facts gathered for the manifest (reported facts
stay marked as reported; the conference report's enactment stays UNVERIFIED).
"""

import re
import tomllib
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@pytest.fixture(scope="module")
def annotations():
    data = tomllib.loads((CORPUS / "annotations.toml").read_text(encoding="utf-8"))
    return {(a["topic"], a["instrument"]): a for a in data["annotation"]}


def _ancestors(root, eid):
    """The node with ``eid`` and every node above it."""
    path = []

    def walk(node, trail):
        if node.eid == eid:
            path.extend(trail + [node])
            return True
        return any(walk(c, trail + [node]) for c in node.children)

    walk(root, [])
    return path


def test_checked_summaries_contain_no_figure_the_cited_text_lacks(annotations, eo650, h2288):
    """Every number in a checked summary (287(g), 1357(g), 90 days, 12 months, I-247A,
    section 63 ...) is printed in a cited provision or in the numbers above it: nothing
    is carried over from reporting or invented."""
    docs = {"eo-650": eo650, "193-h2288": h2288}
    checked = 0
    for (topic, iid), a in annotations.items():
        if a["basis"] != "checked" or not a.get("cite"):
            continue
        doc = docs[iid]
        words = []
        for eid in a["cite"]:
            for node in _ancestors(doc.tree, eid):
                words.append(node.num or "")
            words += doc.tree.find(eid).words()
        text = " ".join(words)
        for figure in re.findall(r"\d+", a["summary"]):
            assert re.search(rf"(?<!\d){figure}(?!\d)", text), (topic, iid, figure)
        checked += 1
    assert checked >= 14


def test_instruments_without_text_are_only_reported(annotations, corpus):
    for (topic, iid), a in annotations.items():
        if corpus.entries[iid].get("path"):
            continue
        assert a["basis"] == "reported", (topic, iid)
        # Silence can only be checked by reading a text nobody here has read.
        assert a["status"] != "silent", (topic, iid)
        assert re.search(r"\breported\b", a["summary"], re.I), (topic, iid)
        assert not a.get("cite")


def test_background_reading_is_never_a_cells_source(annotations):
    """News, the research note and the letter are background: a cell rests on the text
    or on the gathered facts, and its source says so without pointing at them."""
    for key, a in annotations.items():
        where = " ".join(str(v) for v in a.get("source", {}).values())
        assert "context/" not in where and "research note" not in where.lower(), key
        assert "letter" not in where.lower(), key


def test_boston_cells_say_only_what_was_reported(annotations):
    # Gathered fact: "no 287(g) provision reported; city property may not be used as a
    # staging area or base for civil immigration enforcement without a court order."
    g = annotations[("287g", "boston-eo-2026-02-05")]
    assert g["status"] == "text-not-in-corpus"
    assert g["summary"].startswith("No 287(g) provision has been reported")
    prop = annotations[("state-facilities", "boston-eo-2026-02-05")]
    assert prop["status"] == "restricts" and prop["basis"] == "reported"
    for detail in ("parks", "buildings", "processing location", "valid court order"):
        assert detail not in prop["summary"]  # details only the news story gives
    assert "staging area" in prop["summary"] and "court order" in prop["summary"]


def test_conference_report_enactment_stays_unverified(annotations, corpus):
    a = annotations[("287g", "194-h5620")]
    assert a["status"] == "text-not-in-corpus" and a["basis"] == "reported"
    assert "UNVERIFIED" in a["summary"]
    everything = " ".join(str(v) for v in [a["summary"], *a["source"].values()])
    everything += " " + corpus.entries["194-h5620"]["status"]
    for claim in ("163", "Chapter 1", "2026-07-30", "2026-08-05", "July", "August"):
        assert claim not in everything


def test_the_bill_that_died_is_described_with_would(annotations):
    """H.2288 died with the 193rd session: what it says is what it would do."""
    for (topic, iid), a in annotations.items():
        if iid == "193-h2288" and a["status"] != "silent":
            assert a["summary"].startswith("Would "), topic


def test_287g_cells_carry_every_part_of_the_rule(annotations):
    eo = annotations[("287g", "eo-650")]["summary"]
    # Section 5: the new-agreement rule and both conditions of the certification.
    for words in ("new 287(g) agreement", "substantially similar agreement or arrangement",
                  "Secretary of the Executive Office of Public Safety and Security certifies in writing",
                  "specific, articulable public safety risk or need",
                  "sunsets not later than 12 months after its issuance",
                  # Section 6: both carve-outs.
                  "renewal of an existing 287(g) agreement",
                  "current operations or agreements of the Department of Correction"):
        assert words in eo
    bill = annotations[("287g", "193-h2288")]["summary"]
    for words in ("functions of an immigration officer", "1357(g)", "formal or informal",
                  "null and void", "within 90 days", "Inter-Governmental Service Agreement", "daily fee"):
        assert words in bill


def test_reported_dates_and_figures_match_the_gathered_facts(annotations, corpus):
    facts = {  # instrument: (source date, words of the facts file)
        "193-s1510": "2023-01-20", "194-h2580": "2025-01-17", "194-s1122": "2025-01-15",
        "194-h5316": "2026-03-25", "194-s3072": "2026-05-07",
    }
    for iid, date in facts.items():
        assert annotations[("287g", iid)]["source"]["date"] == date
    assert corpus.entries["194-h5316"]["status"] == "passed House 2026-03-25, 134-21 (reported)"
    assert corpus.entries["194-s3072"]["status"] == "passed Senate 2026-05-07, 37-3 (reported)"
    s997 = annotations[("287g", "193-s997")]["summary"]
    assert "at most 90 days" in s997 and "Attorney General" in s997
