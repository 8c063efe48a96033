"""The legislature's document API records, and the same bill in every layout people have.

The four records are real (corpus/raw/193-s997.json, 193-h1401.json, 193-s1510.json and
tests/fixtures/real/api/193-H2288.json: the API's bytes, see tests/fixtures/real/SOURCES.md).
Expected sections, definitions and sponsors below were read off the records' DocumentText
and fields.  The other layouts are made here from a record's own paragraphs, the way each
publisher lays them out, so the test asks one thing: whatever the layout, the same tree.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from lawdiff.load.documents import parse_bytes
from lawdiff.errors import LawdiffError

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "corpus" / "raw"
H2288_API = ROOT / "tests" / "fixtures" / "real" / "api" / "193-H2288.json"
RECORDS = {"193-s997": RAW / "193-s997.json", "193-h1401": RAW / "193-h1401.json",
           "193-s1510": RAW / "193-s1510.json", "193-h2288": H2288_API}
S5P, S5Q = "sec_1__qstr_1__sec_5p", "sec_1__qstr_1__sec_5q"


def parse_file(path: Path):
    return parse_bytes(path.read_bytes(), path)


def body(doc):
    return next(c for c in doc.tree.children if c.type == "body")


def shape(doc) -> list[tuple]:
    """The tree as the layouts must agree on it: eids, types, numbers, terms and words."""
    return [(n.eid, n.type, n.num, n.heading, n.term, n.text) for n in body(doc).walk()]


def paragraphs(record: Path) -> list[str]:
    return [p.strip() for p in json.loads(record.read_bytes())["DocumentText"].split("\r\n") if p.strip()]


# -- what the records hold ------------------------------------------------------

def test_s997_record_reads_as_its_two_sections_and_the_two_sections_it_inserts():
    doc = parse_file(RECORDS["193-s997"])
    top = [n.num for n in body(doc).children]
    assert top == ["SECTION 1.", "SECTION 2."]
    (quoted,) = doc.tree.find("sec_1").children
    assert quoted.type == "quotedStructure"
    assert [n.num for n in quoted.children] == ["Section 5P.", "Section 5Q."]
    assert [n.num for n in doc.tree.find(S5P).children] == ["(a)", "(b)", "(c)", "(d)", "(e)"]
    assert [n.num for n in doc.tree.find(S5Q).children] == ["(a)", "(b)", "(c)", "(d)"]
    assert [n.term for n in doc.tree.find(f"{S5P}__subsec_a").children] == ["Agreement", "Law enforcement agency"]
    assert [n.term for n in doc.tree.find(f"{S5Q}__subsec_a").children] == \
        ["Law enforcement agency", "Agreement", "Deputization"]
    assert doc.tree.find("sec_2").text == "This act shall take effect upon its passage."
    assert doc.meta["structure"] is True and "warnings" not in doc.meta


def test_s997_record_metadata_goes_into_meta():
    meta = parse_file(RECORDS["193-s997"]).meta
    assert (meta["number"], meta["docket"], meta["session"], meta["kind"]) == ("S.997", "SD.506", 193, "bill")
    assert meta["title"] == "An Act relative to Massachusetts state sovereignty"
    assert meta["sponsors"] == ["Adam Gomez"]
    assert meta["cosponsors"][:3] == ["Joanne M. Comerford", "Rebecca L. Rausch", "Patricia D. Jehlen"]
    assert meta["pinslip"].startswith("By Mr. Gomez, a petition (accompanied by bill, Senate, No. 997)")
    assert meta["committee_recommendations"] == [{"action": "Accompanied", "committee": "J19"}]
    assert meta["source_format"] == "api-json" and meta["line_numbers"] == "source"


def test_h1401_adds_subsection_e_to_section_5q():
    doc = parse_file(RECORDS["193-h1401"])
    assert [n.num for n in doc.tree.find(S5Q).children] == ["(a)", "(b)", "(c)", "(d)", "(e)"]
    assert doc.tree.find(f"{S5Q}__subsec_e").text.startswith("Nothing herein shall be construed to expand")
    assert doc.meta["sponsors"] == ["Antonio F. D. Cabral"]


def test_safe_communities_records_read_as_three_sections():
    for iid in ("193-s1510", "193-h2288"):
        doc = parse_file(RECORDS[iid])
        assert [n.num for n in body(doc).children] == ["SECTION 1.", "SECTION 2.", "SECTION 3."], iid
        sec63 = doc.tree.find("sec_2__qstr_1__sec_63")
        assert sec63.heading == "Updates to Law Enforcement Procedures"
        assert [n.num for n in sec63.children] == ["(a)", "(b)", "(c)", "(d)", "(e)", "(f)"]
        assert doc.tree.find("sec_3__qstr_1__sec_40").text.startswith("Notwithstanding any general or special law")
    assert parse_file(RECORDS["193-h2288"]).meta["sponsors"] == ["Ruth B. Balser", "Manny Cruz"]


def test_every_word_of_each_record_is_in_its_tree_once_in_order():
    for iid, path in RECORDS.items():
        words = json.loads(path.read_bytes())["DocumentText"].split()
        assert parse_file(path).tree.words() == words, iid


def test_h2288_api_record_and_pdf_text_give_one_tree(h2288):
    """The printed bill's text (with its cover and enacting clause) and the API record (the
    body alone): the same body, eid for eid and word for word; only the line citations differ."""
    api = parse_file(RECORDS["193-h2288"])
    assert shape(api) == shape(h2288)
    assert h2288.meta["line_numbers"] == "printed" and api.meta["line_numbers"] == "source"
    assert h2288.tree.find("sec_3__qstr_1__sec_40").lines == [85, 97]


def test_companion_redline_compares_bodies_only(corpus):
    from lawdiff import load_document
    from lawdiff.diff.changes import compare

    model = compare(load_document("193-h2288", corpus), load_document("193-s1510", corpus))
    assert model["not_compared"] == ["preface", "preamble"]
    assert model["stats"]["modify"] == model["stats"]["insert"] == model["stats"]["delete"] == 0
    model = compare(load_document("193-s997", corpus), load_document("193-h1401", corpus))
    assert model["not_compared"] == []
    inserted = [c["new"]["eid"] for c in model["changes"] if c["kind"] == "insert"]
    assert inserted == [f"{S5Q}__subsec_e"]


# -- every layout, one tree -------------------------------------------------------

def as_text(paras: list[str], sep: str, indent: str) -> bytes:
    return sep.join(indent + p for p in paras).encode("utf-8")


def as_wrapped_text(paras: list[str]) -> bytes:
    """Hard-wrapped at 70 columns, no blank lines: text pasted from a narrow window."""
    return "\n".join(line for p in paras for line in textwrap.wrap(p, 70)).encode("utf-8")


def as_word_html(paras: list[str]) -> bytes:
    ps = "".join(f'<p class="MsoNormal"><span style="font-family:Arial">{p}</span></p>\n' for p in paras)
    return f"<html><head><meta charset='utf-8'></head><body><div class=WordSection1>{ps}</div></body></html>".encode()


def as_br_html(paras: list[str]) -> bytes:
    """One <p> holding every paragraph, split by <br>, as some bill pages print sections."""
    return ("<div><p>" + "<br>\n".join(paras) + "</p></div>").encode("utf-8")


def as_session_law(paras: list[str]) -> bytes:
    html = "".join(f'<p class="MsoNormal">{p}</p>' for p in paras)
    return json.dumps({"Year": 2024, "ChapterNumber": 99, "Type": "Acts", "Title": "An Act relative to X",
                       "ApprovedDate": "2024-08-05T00:00:00", "ChapterText": html}).encode()


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def as_docx(paras: list[str], tracked: bool = False) -> bytes:
    """A Word draft.  With ``tracked``: the first paragraph's last word is a tracked insertion
    after a tracked deletion, and the second paragraph carries automatic numbering; the
    accepted text is the record's."""
    d = docx.Document()
    for k, p in enumerate(paras):
        d.add_paragraph(p.rsplit(" ", 1)[0] if tracked and k == 0 else p)
    if tracked:
        first = d.paragraphs[0]._p
        for tag, text_tag, text in (("del", "delText", " STRUCK WORDS"), ("ins", "t", " " + paras[0].rsplit(" ", 1)[1])):
            mark = etree.SubElement(first, f"{{{W}}}{tag}", {f"{{{W}}}id": tag, f"{{{W}}}author": "staff"})
            t = etree.SubElement(etree.SubElement(mark, f"{{{W}}}r"), f"{{{W}}}{text_tag}")
            t.text = text
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        num = etree.SubElement(d.paragraphs[1]._p.get_or_add_pPr(), f"{{{W}}}numPr")
        etree.SubElement(num, f"{{{W}}}numId", {f"{{{W}}}val": "1"})
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


LAYOUTS = {
    "text with blank lines": lambda p: as_text(p, "\n\n", ""),
    "text, one paragraph per line, tab-indented, CRLF": lambda p: as_text(p, "\r\n", "\t"),
    "text, one paragraph per line, space-indented": lambda p: as_text(p, "\n", "    "),
    "text hard-wrapped at 70 columns, no blank lines": as_wrapped_text,
    "HTML saved from Word (MsoNormal)": as_word_html,
    "HTML, one <p> split by <br>": as_br_html,
    "session-law API record (ChapterText)": as_session_law,
    "Word .docx": as_docx,
    "Word .docx with tracked changes": lambda p: as_docx(p, tracked=True),
}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("iid", ["193-s997", "193-h1401", "193-s1510"])
def test_every_layout_gives_the_records_tree(iid, layout):
    record = parse_file(RECORDS[iid])
    data = LAYOUTS[layout](paragraphs(RECORDS[iid]))
    doc = parse_bytes(data, f"{iid}-layout")
    assert shape(doc) == shape(record)
    assert doc.meta["structure"] is True and "warnings" not in doc.meta


def test_docx_says_what_it_left_out():
    meta = parse_bytes(as_docx(paragraphs(RECORDS["193-s997"]), tracked=True), "draft.docx").meta
    assert meta["tracked_changes"].startswith("read as accepted")
    assert meta["automatic_numbering"].startswith("1 paragraphs carry Word's automatic numbering")
    assert "tracked_changes" not in parse_bytes(as_docx(["SECTION 1. Text."]), "plain.docx").meta


def test_session_law_record_metadata():
    meta = parse_bytes(as_session_law(paragraphs(RECORDS["193-s997"])), "ch99.json").meta
    assert (meta["kind"], meta["chapter"], meta["approved"]) == ("act", "Chapter 99 of the Acts of 2024", "2024-08-05")


# -- drafting as it really is ------------------------------------------------------

def s997_text(edit) -> bytes:
    return as_text(edit(paragraphs(RECORDS["193-s997"])), "\r\n", "\t")


def test_section_with_a_colon_or_no_space_is_a_section():
    colon = parse_bytes(s997_text(lambda p: [x.replace("SECTION 2.", "SECTION 2:") for x in p]), "colon.txt")
    assert [n.num for n in body(colon).children] == ["SECTION 1.", "SECTION 2:"]
    assert colon.tree.find("sec_2").text == "This act shall take effect upon its passage."
    glued = parse_bytes(s997_text(lambda p: [x.replace("SECTION 1. Chapter", "SECTION 1.Chapter") for x in p]), "g.txt")
    assert glued.tree.find("sec_1").text.startswith("Chapter 12 of the General Laws")
    assert [n.eid for n in body(glued).walk()] == [n.eid for n in body(parse_file(RECORDS["193-s997"])).walk()]


def test_instruction_ending_with_a_spaced_dash_opens_the_quoted_structure():
    doc = parse_bytes(s997_text(lambda p: [x.replace("new sections:-", "new sections: -") for x in p]), "dash.txt")
    assert doc.tree.find(S5P) is not None and doc.tree.find(S5Q) is not None


def test_bare_inserted_section_numbers_stay_inside_the_quoted_structure():
    doc = parse_bytes(s997_text(lambda p: [{"Section 5P.": "5P.", "Section 5Q.": "5Q."}.get(x, x) for x in p]), "b.txt")
    assert [n.num for n in doc.tree.find("sec_1__qstr_1").children] == ["5P.", "5Q."]
    assert doc.tree.find(f"{S5Q}__subsec_d") is not None


def test_an_inserted_chapter_keeps_its_sections_inside_the_quotation():
    text = ("SECTION 1. The General Laws are hereby amended by inserting after chapter 6C the following chapter:-\n"
            "CHAPTER 6D. IMMIGRATION AGREEMENTS\n"
            "Section 1. As used in this chapter the following words shall have the following meanings:\n"
            "“Agreement”, any contract with the federal government.\n"
            "Section 2. No agency shall enter into an agreement.\n"
            "SECTION 2. This act shall take effect upon its passage.\n")
    doc = parse_bytes(text.encode(), "chapter.txt")
    assert [n.num for n in body(doc).children] == ["SECTION 1.", "SECTION 2."]
    chapter = doc.tree.find("sec_1__qstr_1__chapter_6d")
    assert chapter.heading == "IMMIGRATION AGREEMENTS"
    assert [n.num for n in chapter.children] == ["Section 1.", "Section 2."]


def test_two_sections_numbered_alike_are_both_kept_with_unique_eids():
    paras = paragraphs(RECORDS["193-s997"]) + ["SECTION 2. This act shall apply to agreements in force."]
    doc = parse_bytes(as_text(paras, "\r\n", "\t"), "twice.txt")
    assert [(n.num, n.eid) for n in body(doc).children] == \
        [("SECTION 1.", "sec_1"), ("SECTION 2.", "sec_2"), ("SECTION 2.", "sec_2_2")]


# -- never silently flat -------------------------------------------------------------

def test_sections_run_on_after_a_sentence_are_split_when_the_numbering_carries_on():
    """S.944 of the 193rd runs "SECTION 9." on after SECTION 8's quoted words; the numbering
    says it is the next section.  Here: every section of S.1510 run into one paragraph."""
    flat = " ".join(paragraphs(RECORDS["193-s1510"])).encode("utf-8")
    doc = parse_bytes(flat, "flat.txt")
    assert [n.num for n in body(doc).children] == ["SECTION 1.", "SECTION 2.", "SECTION 3."]
    assert doc.meta["structure"] is True and "warnings" not in doc.meta


def test_a_section_opener_the_tree_cannot_place_is_a_warning_not_a_silent_tree(tmp_path):
    # "SECTION 5." after SECTION 2's text: no section 3 or 4 before it, so it is not split off
    paras = paragraphs(RECORDS["193-s1510"])
    text = "\n".join(paras).replace(" not be a public record.\nSECTION 3.", " not be a public record. SECTION 5.")
    assert text.count("SECTION 5.") == 1
    doc = parse_bytes(text.encode(), "glued.txt")
    assert doc.meta["structure"] is False
    assert [w.split(" (")[0] for w in doc.meta["warnings"]] == ["SECTION 5."]
    source = tmp_path / "glued.txt"
    source.write_text(text, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "lawdiff", "parse", str(source), "--format", "text"],
                         capture_output=True, text=True, cwd=tmp_path)
    assert out.returncode == 0
    assert "WARNING: the structure was not fully read:" in out.stdout
    assert "SECTION 5. (line 19) stands inside another provision's text" in out.stdout


# -- bad input ----------------------------------------------------------------------

BAD = {
    "not-a-record.json": (b'{"name": "x"}', "JSON, but not a legislature document record"),
    "empty-text.json": (json.dumps({"DocumentText": " \r\n ", "BillNumber": "S1", "GeneralCourtNumber": 193}).encode(),
                        "the record's DocumentText is empty"),
    "many.json": (b"[{}, {}]", "a JSON list of 2 records"),
    "broken.json": (b'{"DocumentText": ', "malformed JSON"),
    "not-word.docx": (b"PK\x03\x04 this is no zip", "not a readable Word .docx"),
    "encrypted.docx": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "an encrypted Word file or a legacy .doc"),
}


def zip_without_word() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("hello.txt", "hi")
    return out.getvalue()


@pytest.mark.parametrize("name", [*BAD, "other.zip"])
def test_bad_records_and_word_files_are_one_line_exit_2_nothing_written(tmp_path, name):
    data, problem = BAD.get(name, (zip_without_word(), "a ZIP file, not a Word .docx"))
    source = tmp_path / name
    source.write_bytes(data)
    with pytest.raises(LawdiffError, match="^" + str(source).replace(".", r"\.") + ": "):
        parse_bytes(data, source)
    out = subprocess.run([sys.executable, "-m", "lawdiff", "parse", str(source), "--out", str(tmp_path / "o.json")],
                         capture_output=True, text=True, cwd=tmp_path)
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr.startswith(f"lawdiff: {source}: {problem}") and out.stderr.count("\n") == 1
    assert not (tmp_path / "o.json").exists()



def test_word_redline_of_the_companions_holds_both_bodies_exactly(corpus):
    """The preface H.2288's printed text carries and S.1510's record lacks is not compared: the
    Word redline is written, and accept-all and reject-all give each body back."""
    from helpers.docx_revisions import paragraphs as word_paragraphs
    from test_docx import bill_text

    from lawdiff import load_document
    from lawdiff.diff.changes import compare
    from lawdiff.render.docx import render_docx

    old, new = load_document("193-h2288", corpus), load_document("193-s1510", corpus)
    data = render_docx(compare(old, new))

    def own(doc):
        return [" ".join(p for p in (n.num, n.heading, n.text) if p) for n in body(doc).walk()
                if n.num or n.heading or n.text]
    assert bill_text(word_paragraphs(data, accept=True)) == own(new)
    assert bill_text(word_paragraphs(data, accept=False)) == own(old)


def test_a_text_opening_with_a_bracket_is_text_not_json():
    """Bills print "[SIMILAR MATTER FILED IN PREVIOUS SESSION ...]" near the top; a copy that
    starts there is a text, not a malformed JSON record."""
    text = ("[SIMILAR MATTER FILED IN PREVIOUS SESSION SEE SENATE, NO. 997 OF 2023-2024.]\n\n"
            "SECTION 1. This act shall take effect upon its passage.\n")
    doc = parse_bytes(text.encode(), "similar.txt")
    assert [n.num for n in body(doc).children] == ["SECTION 1."]
