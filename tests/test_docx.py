"""The Word redline: real tracked changes that give back either text exactly.

Old and new versions are edited copies of the real H.2288 text.  What the
edits are (and so what the redline must show) comes from reading
corpus/raw/193-h2288.txt: "within 90" ends printed line 91; the definition of
"Immigration enforcement" is lines 12-14, the one of "United States Department
of Homeland Security" lines 15-18; subsection (b)'s heading is line 19;
SECTION 3 starts on line 83 and Section 40 runs over lines 85-97.
"""

import io
import subprocess
import sys
import zipfile
from collections import Counter
from pathlib import Path

import docx
import pytest
from helpers.docx_revisions import W, document_xml, libreoffice_paragraphs, paragraphs, revisions
from helpers.h2288_edits import bill, line, print_bill, printed_lines
from test_changes import NEW_SECTION, definition_moved, figure_changed, section_inserted

from lawdiff.diff.changes import compare
from lawdiff.render.docx import FRONT_MATTER_PARAGRAPHS, render_docx

ROOT = Path(__file__).resolve().parents[1]
NS = {"w": W}


def heading_changed(body):
    b = list(body)
    assert line(b, 19) == "(b) Community relations with law enforcement agencies"
    b[18] = "(b) Community trust and law enforcement agencies"
    return b


def dhs_definition_deleted(body):
    b = list(body)
    assert line(b, 15).startswith("“United States Department of Homeland Security”")
    assert line(b, 18).endswith("charged with enforcing immigration laws.")
    return b[:14] + b[18:]


def edited(body):
    b = figure_changed(body)
    b = section_inserted(b)
    b = heading_changed(b)
    b = dhs_definition_deleted(b)
    return definition_moved(b)


def texts(doc):
    """One line per provision with words of its own: number, heading, text (as the redline prints it)."""
    return [" ".join(p for p in (n.num, n.heading, n.text) if p) for n in doc.tree.walk() if n.num or n.heading or n.text]


def bill_text(paras):
    """The paragraphs that hold the bill: after the front matter, before the end note."""
    return paras[FRONT_MATTER_PARAGRAPHS:-1]


@pytest.fixture(scope="module")
def body():
    return printed_lines()[1]


@pytest.fixture(scope="module")
def versions(body):
    return bill(body, "h2288"), bill(edited(body), "h2288-edited")


@pytest.fixture(scope="module")
def model(versions):
    return compare(*versions)


@pytest.fixture(scope="module")
def redline(versions, model):
    return render_docx(model)


def test_the_edits_are_what_the_model_holds(model):
    """Guard: the fixture really exercises every kind of change the redline must carry."""
    kinds = Counter(c["kind"] for c in model["changes"])
    assert kinds["move"] == 1 and kinds["insert"] == 1 and kinds["delete"] == 1
    assert kinds["renumber"] == 1 and kinds["modify"] == 2


def test_opens_with_python_docx(redline):
    document = docx.Document(io.BytesIO(redline))
    assert document.paragraphs[0].text.startswith("Redline: h2288 → h2288-edited")
    assert len(document.comments) >= 5


def test_every_change_is_one_revision_with_its_text(model, redline):
    expected = []
    for c in model["changes"]:
        old, new = c["old"], c["new"]
        if c["kind"] in ("insert", "move"):
            expected.append(("+", " ".join(p for p in (new["num"], "".join(t for o, t in c["tokens"] if o != "-")) if p)))
        if c["kind"] in ("delete", "move"):
            expected.append(("-", " ".join(p for p in (old["num"], "".join(t for o, t in c["tokens"] if o != "+")) if p)))
        if c["kind"] in ("modify", "renumber", "equal"):
            if old["num"] != new["num"]:
                expected += [("-", old["num"] + " "), ("+", new["num"] + " ")]
            expected += [(o, t) for o, t in c["tokens"] if o != "="]
    found = revisions(redline, moves=True)
    assert Counter(found) == Counter(expected)
    assert len(found) == len(expected)
    # and read directly, the edits made above:
    assert ("-", "90") in found and ("+", "60") in found
    assert ("-", "relations with") in found and ("+", "trust and") in found
    assert ("-", "SECTION 3. ") in found and ("+", "SECTION 4. ") in found
    assert ("+", NEW_SECTION) in found
    assert [t for o, t in found if o == "-" and t.startswith("“United States Department of Homeland Security”")]


def test_revision_markup(redline):
    root = document_xml(redline)
    marks = list(root.iter(f"{{{W}}}ins", f"{{{W}}}del"))
    ids = [m.get(f"{{{W}}}id") for m in marks]
    assert len(ids) == len(set(ids))
    comment_ids = {c.get(f"{{{W}}}id") for c in root.iter(f"{{{W}}}commentReference")}
    assert comment_ids and not comment_ids & set(ids)
    assert {m.get(f"{{{W}}}author") for m in marks} == {"lawdiff"}
    # The inputs carry no date, so none is invented (nor taken from the clock).
    assert all(m.get(f"{{{W}}}date") is None for m in marks)
    with zipfile.ZipFile(io.BytesIO(redline)) as z:
        comments = z.read("word/comments.xml").decode()
    assert "w:comment " in comments and "w:date" not in comments
    for d in root.iter(f"{{{W}}}del"):
        assert not list(d.iter(f"{{{W}}}t"))
    for t in root.iter(f"{{{W}}}delText"):
        assert any(etree_name(a) == "del" for a in t.iterancestors())
    # A changed heading word stays bold inside its revision; the text after the heading does not.
    [trust] = [i for i in root.iter(f"{{{W}}}ins") if "".join(t.text for t in i.iter(f"{{{W}}}t")) == "trust and"]
    assert trust.find("w:r/w:rPr/w:b", NS) is not None


def test_a_move_is_word_move_markup(model, redline):
    """The moved definition is w:moveFrom where it stood and w:moveTo where it stands, each
    inside a move range of one shared name (ECMA-376 17.13.5.22, 17.13.5.25, 17.13.2.24, 17.13.2.28);
    no plain deletion or insertion carries its words (its paragraph marks are a tracked
    deletion and insertion, which LibreOffice reads where it ignores a moved mark)."""
    [move] = [c for c in model["changes"] if c["kind"] == "move"]
    words = "".join(t for _, t in move["tokens"])
    root = document_xml(redline)
    assert not [t for o, t in revisions(redline) if t == words]
    [src] = [p for p in root.iter(f"{{{W}}}p") if p.find("w:moveFrom", NS) is not None]
    [dst] = [p for p in root.iter(f"{{{W}}}p") if p.find("w:moveTo", NS) is not None]
    assert src.find("w:pPr/w:rPr/w:del", NS) is not None and dst.find("w:pPr/w:rPr/w:ins", NS) is not None
    for para, kind in ((src, "moveFrom"), (dst, "moveTo")):
        children = [etree_name(c) for c in para]
        start, end = children.index(f"{kind}RangeStart"), children.index(f"{kind}RangeEnd")
        assert start < children.index(kind) < end  # the moved words lie inside the range
        assert "".join(t.text for t in para.iter(f"{{{W}}}t")) == words
        assert not list(para.iter(f"{{{W}}}delText"))  # moved-from text is w:t, as Word writes it
        range_start = para.find(f"w:{kind}RangeStart", NS)
        assert range_start.get(f"{{{W}}}author") == "lawdiff" and range_start.get(f"{{{W}}}date")
        assert para.find(f"w:{kind}RangeEnd", NS).get(f"{{{W}}}id") == range_start.get(f"{{{W}}}id")
    names = {p.find(f"w:{k}RangeStart", NS).get(f"{{{W}}}name") for p, k in ((src, "moveFrom"), (dst, "moveTo"))}
    assert len(names) == 1
    # paragraph-mark revisions come in the schema's order inside w:rPr: ins, del, moveFrom, moveTo
    for rpr in root.iterfind(".//w:pPr/w:rPr", NS):
        order = [etree_name(c) for c in rpr if etree_name(c) in ("ins", "del", "moveFrom", "moveTo")]
        assert order == sorted(order, key=["ins", "del", "moveFrom", "moveTo"].index)
    # every id is unique across comments, revisions and move ranges (a range's end shares its start's)
    ids = [el.get(f"{{{W}}}id") for el in root.iter() if etree_name(el) in
           ("ins", "del", "moveFrom", "moveTo", "moveFromRangeStart", "moveToRangeStart", "commentRangeStart")]
    assert len(ids) == len(set(ids))


def etree_name(el):
    return el.tag.rsplit("}", 1)[-1]


def test_accept_all_and_reject_all_give_the_texts_back(versions, redline):
    old, new = versions
    assert bill_text(paragraphs(redline, accept=True)) == texts(new)
    assert bill_text(paragraphs(redline, accept=False)) == texts(old)


def test_comments_cite_lines_and_link_the_move(model, redline):
    document = docx.Document(io.BytesIO(redline))
    notes = [c.text for c in document.comments]
    # Section 40: printed lines 85-97; four lines deleted above it and one inserted, so 82-94 now.
    # "within 90" ends printed line 91, so line 88 now: the documents carry their words' lines,
    # parsed from bytes as from a file.
    assert ("Changed: Section 40 (new lines 82–94, old lines 85–97). "
            "Struck on old line 91; inserted on new line 88.") in notes
    assert ("Moved to Section 63(a), definition of “Immigration enforcement” (new lines 8–10); "
            "it stood here (old lines 12–14).") in notes
    assert ("Moved from Section 63(a), definition of “Immigration enforcement” (old lines 12–14); "
            "it stands here (new lines 8–10).") in notes
    assert "Renumbered: Section 3 → Section 4 (new lines 80–81, old lines 83–84)." in notes
    assert "Inserted: Section 3 (new line 79)." in notes
    # A person reads the comments: no eid in any of them.
    assert not any("sec_" in n or "__" in n for n in notes)
    # Only changed provisions carry a comment: subsection (c), printed on lines 25-48, is unchanged.
    document_root = document_xml(redline)
    [para] = [p for p in document_root.iter(f"{{{W}}}p")
              if "".join(t.text for t in p.iter(f"{{{W}}}t")).startswith("(c) Due process protections")]
    assert not list(para.iter(f"{{{W}}}commentReference"))
    # One comment per changed provision; a move has one at each end.
    assert len(notes) == sum(2 if c["kind"] == "move" else 1 for c in model["changes"] if c["kind"] != "equal")


def test_byte_reproducible_with_fixed_zip_times(versions, model, redline):
    assert render_docx(model) == redline
    with zipfile.ZipFile(io.BytesIO(redline)) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = z.read("docProps/core.xml").decode()
    assert "dcterms:modified" not in core and "dcterms:created" not in core


def test_revision_date_comes_from_the_inputs(versions, body):
    old, _ = versions
    new = bill(figure_changed(body), "h2288-dated")
    new.meta["date"] = "2025-01-17"
    data = render_docx(compare(old, new))
    marks = list(document_xml(data).iter(f"{{{W}}}ins", f"{{{W}}}del"))
    assert marks and {m.get(f"{{{W}}}date") for m in marks} == {"2025-01-17T00:00:00Z"}
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert "2025-01-17T00:00:00Z" in z.read("docProps/core.xml").decode()
        assert 'w:date="2025-01-17T00:00:00Z"' in z.read("word/comments.xml").decode()


def test_libreoffice_opens_it_and_reads_the_same_changes(versions, redline, tmp_path):
    """LibreOffice (installed by scripts/test.sh) converts it, and its own reading of the changes agrees."""
    old, new = versions
    src = tmp_path / "redline.docx"
    src.write_bytes(redline)
    profile = tmp_path / "lo-profile"
    done = subprocess.run(
        ["soffice", "--headless", "--norestore", f"-env:UserInstallation={profile.as_uri()}",
         "--convert-to", "odt", "--outdir", str(tmp_path), str(src)],
        capture_output=True, text=True, timeout=180)
    odt = tmp_path / "redline.odt"
    assert odt.exists(), done.stdout + done.stderr
    accepted, rejected = libreoffice_paragraphs(odt.read_bytes())
    assert bill_text(accepted) == texts(new)
    assert bill_text(rejected) == texts(old)
    # it read the move as one: both ends of the named range are there
    with zipfile.ZipFile(odt) as z:
        content = z.read("content.xml").decode()
    assert "__RefMoveFrom__move1" in content and "__RefMoveTo__move1" in content


def run(*args):
    return subprocess.run([sys.executable, "-m", "lawdiff", *args], cwd=ROOT, capture_output=True, text=True)


def test_cli_writes_the_redline(body, tmp_path):
    header, _ = printed_lines()
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_bytes(print_bill(header, body))
    new.write_bytes(print_bill(header, edited(body)))
    out = tmp_path / "redline.docx"
    done = run("diff", str(old), str(new), "--format", "docx", "--out", str(out))
    assert done.returncode == 0, done.stderr
    first = out.read_bytes()
    # Read from files, the model knows each edit's printed line: the comment cites it.
    # "within 90" ends printed line 91; four lines fewer and one more above it: line 88 now.
    notes = [c.text for c in docx.Document(io.BytesIO(first)).comments]
    assert ("Changed: Section 40 (new lines 82–94, old lines 85–97). "
            "Struck on old line 91; inserted on new line 88.") in notes
    accepted = bill_text(paragraphs(first, accept=True))
    assert any(p.endswith("shall, within 60 days, inform the other party or parties that the contract is null and "
                          "void under Massachusetts law. Nothing in this section shall prohibit the department of "
                          "correction or a house of correction from entering into an Inter-Governmental Service "
                          "Agreement with the United States Department of Homeland Security in which persons in "
                          "Immigration and Customs Enforcement custody are housed at the house of correction and "
                          "the United States Department of Homeland Security pays a daily fee for each person "
                          "detained there.") for p in accepted)
    assert run("diff", str(old), str(new), "--format", "docx", "--out", str(out)).returncode == 0
    assert out.read_bytes() == first


def test_cli_refuses_a_missing_folder_and_writes_nothing(tmp_path):
    target = tmp_path / "no-such-folder" / "redline.docx"
    done = run("diff", "193-h2288", "193-h2288", "--format", "docx", "--out", str(target))
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0
    assert done.stderr.startswith(f"lawdiff: {target}: folder") and "does not exist" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "no-such-folder").exists() and list(tmp_path.iterdir()) == []


def test_cli_docx_needs_an_out_file():
    done = run("diff", "193-h2288", "193-h2288", "--format", "docx")
    assert done.returncode == 2 and "--out" in done.stderr and done.stdout == ""


def test_an_incomplete_model_is_refused_not_rendered(versions, model):
    """A redline missing a provision could not give the texts back: no file rather than a wrong one."""
    from lawdiff import LawdiffError

    broken = dict(model, changes=[c for c in model["changes"]
                                  if (c["old"] or {}).get("eid") != "sec_2__qstr_1__sec_63__subsec_c"])
    with pytest.raises(LawdiffError, match="leaves out old provision"):
        render_docx(broken)


def test_paragraphs_are_appended_without_python_docx_scanning_the_body(model, monkeypatch):
    """python-docx's add_paragraph looks for the body's end among all its children on every
    call: once a provision, the export was quadratic (50,000 sections 183 s).  Only the front
    matter and the end note may go through it; bench/bench_docx_export.py times the growth."""
    from docx.blkcntnr import BlockItemContainer

    calls = []
    original = BlockItemContainer.add_paragraph
    monkeypatch.setattr(BlockItemContainer, "add_paragraph", lambda self, *a, **k: calls.append(1) or original(self, *a, **k))
    data = render_docx(model)
    assert len(calls) == FRONT_MATTER_PARAGRAPHS + 1
    assert len(paragraphs(data, True)) > len(calls) + 15  # the provisions are all there


def test_words_that_look_like_the_markup_stay_words(tmp_path):
    """The bill's paragraphs are set down as XML as they are made, with provisional revision ids
    ("R0", ...) numbered once the comments are counted: words that look like that markup are words."""
    from lawdiff import load_document

    looks = 'the string <w:ins w:id="R0"> and w:id="R1" and <w:del w:id="R2"/>'
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(f"SECTION 1. The clerk shall keep {looks}.\n\nSECTION 2. The fee is $5.\n\n"
                   "SECTION 3. A repealed rule.\n", encoding="utf-8")
    new.write_text(f"SECTION 1. The clerk shall print {looks} twice.\n\nSECTION 2. The fee is $9.\n\n"
                   f"SECTION 3. A new rule on {looks}.\n", encoding="utf-8")
    a, b = load_document(str(old)), load_document(str(new))
    data = render_docx(compare(a, b))
    assert bill_text(paragraphs(data, accept=True)) == texts(b)
    assert bill_text(paragraphs(data, accept=False)) == texts(a)
    root = document_xml(data)
    ids = [m.get(f"{{{W}}}id") for m in root.iter(f"{{{W}}}ins", f"{{{W}}}del")]
    comments = {c.get(f"{{{W}}}id") for c in root.iter(f"{{{W}}}commentReference")}
    assert ids and all(i.isdigit() for i in ids) and len(ids) == len(set(ids))
    assert len(comments) == 3 and not comments & set(ids)
    assert sorted(map(int, ids)) == list(range(3, 3 + len(ids)))  # after the comments' ids, in order
