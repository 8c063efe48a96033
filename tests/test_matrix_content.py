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

from lawdiff import load_document

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


def test_checked_summaries_contain_no_figure_the_cited_text_lacks(annotations, corpus):
    """Every number in a checked summary (287(g), 1357(g), 90 days, 12 months, I-247A,
    section 63 ...) is printed in a cited provision or in the numbers above it: nothing
    is carried over from reporting or invented."""
    docs = {e["id"]: load_document(e["id"], corpus) for e in corpus.with_text()}
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
    assert checked >= 28


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
        "194-h2580": "2025-01-17", "194-s1122": "2025-01-15",
        "194-h5316": "2026-03-25", "194-s3072": "2026-05-07",
    }
    for iid, date in facts.items():
        assert annotations[("287g", iid)]["source"]["date"] == date
    assert corpus.entries["194-h5316"]["status"] == "passed House 2026-03-25, 134-21 (reported)"
    assert corpus.entries["194-s3072"]["status"] == "passed Senate 2026-05-07, 37-3 (reported)"
    # S.997's text (section 5P(b)) says "ninety days"; the reported "at most 90 days" was close.
    s997 = annotations[("287g", "193-s997")]["summary"]
    assert "longer than ninety days" in s997 and "Attorney General" in s997


# -- every topic finds what the texts say on it -------------------------------

S63 = "sec_2__qstr_1__sec_63"
# The rules each topic must find, per the facts file's pointers and a reading of the
# two texts: EO 650 Sections 2 and 3 (state facilities), 4 (sensitive locations),
# 2 and 4 (training); H.2288 section 63(b) status questions, (c) custody interviews,
# (e) release notifications and its information proviso, (f) training and complaints,
# and section 40 (287(g), and its detention-contract exception).  An empty set: the
# text does not treat the topic.
RULES = {
    ("287g", "eo-650"): {"sec_5"},
    ("287g", "193-h2288"): {"sec_3__qstr_1__sec_40"},
    ("state-facilities", "eo-650"): {"sec_2", "sec_3"},
    ("state-facilities", "193-h2288"): set(),
    ("courthouse-arrests", "eo-650"): set(),
    ("courthouse-arrests", "193-h2288"): set(),
    ("sensitive-locations", "eo-650"): {"sec_4"},
    ("sensitive-locations", "193-h2288"): set(),
    ("status-questions", "eo-650"): set(),
    ("status-questions", "193-h2288"): {f"{S63}__subsec_b"},
    ("custody-interviews", "eo-650"): set(),
    ("custody-interviews", "193-h2288"): {f"{S63}__subsec_c"},
    ("detainers", "eo-650"): set(),
    ("detainers", "193-h2288"): {f"{S63}__subsec_e"},
    ("data-sharing", "eo-650"): set(),
    ("data-sharing", "193-h2288"): {f"{S63}__subsec_e"},
    ("detention-contracts", "eo-650"): set(),
    ("detention-contracts", "193-h2288"): set(),  # both places are exceptions, below
    ("training", "eo-650"): {"sec_2", "sec_4"},
    ("training", "193-h2288"): {f"{S63}__subsec_f"},
    ("complaints-enforcement", "eo-650"): set(),
    ("complaints-enforcement", "193-h2288"): {f"{S63}__subsec_f"},
}


@pytest.fixture(scope="module")
def located_all(corpus, eo650, h2288):
    from lawdiff.matrix.locate import locate
    from lawdiff.matrix.topics import load_topics
    topics = load_topics(CORPUS)
    out = {}
    for iid, doc in (("eo-650", eo650), ("193-h2288", h2288)):
        for tid, topic in topics.items():
            out[(tid, iid)] = {p["eid"]: p for p in locate(doc, topic)}
    return topics, out


def test_the_facts_files_topics_all_exist(located_all):
    topics, _ = located_all
    assert list(topics) == ["287g", "state-facilities", "courthouse-arrests", "sensitive-locations",
                            "status-questions", "custody-interviews", "detainers", "data-sharing",
                            "detention-contracts", "training", "complaints-enforcement"]
    for t in topics.values():
        assert t.label and t.description and t.patterns


@pytest.mark.parametrize("key", sorted(RULES))
def test_each_topic_finds_the_rules_the_texts_hold(located_all, key):
    _, found = located_all
    assert {e for e, p in found[key].items() if p["role"] == "rule"} == RULES[key]


def test_topics_find_the_exceptions_and_the_words_that_matter(located_all):
    _, found = located_all
    # Detention contracts: the IGSA exception of section 40 (printed lines 93-97) and
    # 63(d)'s exemption and booking advisement (printed lines 49-56).
    det = found[("detention-contracts", "193-h2288")]
    assert set(det) == {"sec_3__qstr_1__sec_40", f"{S63}__subsec_d"}
    assert [s["lines"] for s in det["sec_3__qstr_1__sec_40"]["passages"] if s["matched"]] == [[93, 97]]
    assert det[f"{S63}__subsec_d"]["lines"] == [49, 56]
    # Custody interviews: 63(d) exempts IGSA detainees from the consent rule.
    assert f"{S63}__subsec_c" in found[("custody-interviews", "193-h2288")][f"{S63}__subsec_d"]["qualifies"]
    # Release notifications: the federal forms of printed line 67 are found.
    e = found[("detainers", "193-h2288")][f"{S63}__subsec_e"]
    assert "\\bI-247[A-Z]?\\b" in e["patterns"]
    assert [s["lines"] for s in e["passages"] if s["matched"]] == [[57, 57], [58, 64], [65, 70]]
    # Data sharing: the proviso of printed lines 62-64, inside 63(e)'s first sentence.
    d = found[("data-sharing", "193-h2288")][f"{S63}__subsec_e"]
    (sentence,) = [s for s in d["passages"] if s["matched"]]
    assert sentence["lines"] == [58, 64] and "sending to, or receiving from" in sentence["text"]
    # Training: 63(f)'s heading and its first sentence (printed lines 71, 72-74).
    f = found[("training", "193-h2288")][f"{S63}__subsec_f"]
    assert [s["lines"] for s in f["passages"] if s["matched"]] == [[71, 71], [72, 74]]
    # Complaints: printed lines 75-76 and 78-80.
    c = found[("complaints-enforcement", "193-h2288")][f"{S63}__subsec_f"]
    assert [s["lines"] for s in c["passages"] if s["matched"]] == [[75, 76], [78, 80]]
    # State facilities: the definition (source line 36) and EO-wide savings section.
    sf = found[("state-facilities", "eo-650")]
    assert sf["sec_1__defn_state-facility"]["role"] == "definition"
    assert sf["sec_6"]["qualifies"] == ["sec_2", "sec_3"]


def test_topics_match_plurals_and_form_letters(located_all):
    """Words the gathered facts use for the texts not yet in the corpus (S.997's
    "immigration collaboration agreements", "intergovernmental service agreements")
    and the forms H.2288 names (I-247A, I-247N) are found in the plural and with letters."""
    topics, _ = located_all
    for tid, words in (("287g", "entering immigration collaboration agreements"),
                       ("detention-contracts", "immigration detention agreements, including intergovernmental service agreements"),
                       ("detention-contracts", "IGSAs"),
                       ("detainers", "honor immigration detainers"),
                       ("detainers", "federal form I-247N"),
                       ("courthouse-arrests", "civil arrests at courthouses"),
                       ("sensitive-locations", "churches and daycares"),
                       ("data-sharing", "state databases"),
                       ("custody-interviews", "signed consent forms")):
        assert topics[tid].matches(words), (tid, words)
    assert not topics["detainers"].matches("form I-2470")  # a different number, not a letter


def test_every_checked_cell_names_the_official_text(corpus):
    from lawdiff.matrix.build import build_matrix
    m = build_matrix(corpus, ["training", "state-facilities"], ["eo-650", "193-h2288", "boston-eo-2026-02-05"])
    urls = {(t["id"], c["instrument"]): c["source"]["url"] for t in m["topics"] for c in t["cells"]}
    assert urls[("training", "193-h2288")] == "https://malegislature.gov/Bills/193/H2288"
    assert urls[("training", "eo-650")] == corpus.entries["eo-650"]["url"]
    assert urls[("state-facilities", "boston-eo-2026-02-05")] is None  # no official page in the manifest


def test_manifest_statuses_say_what_the_facts_say(corpus):
    # Word for word from the facts gathered for the manifest.
    assert corpus.entries["194-s1122"]["status"] == "Judiciary committee (reported)"
    assert corpus.entries["194-s1681"]["status"] == (
        "hearing 2025-11-25, Joint Committee on Public Safety and Homeland Security (reported)")
    assert corpus.entries["193-h2288"]["status"] == (
        "reported favorably May 2024, sent to House Ways and Means; died with the session (reported)")
    assert "UNVERIFIED" in corpus.entries["194-h5620"]["status"]
