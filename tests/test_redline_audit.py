"""Refile edits of the real H.2288 text, checked in every renderer.

Each edit is read off corpus/raw/193-h2288.txt: "correctional facility," is on
line 9 in the definition of "Law enforcement agency" (lines 8-11); subsection
(c) (lines 25-48) lists clauses (i) to (iv) inside its running text, "(iv) the
person may choose" on line 34; subsection (d) (lines 49-56) has no heading;
(b)'s heading "Community relations with law enforcement agencies" is line 19.
"""

import io
import zipfile

import pytest
from helpers.docx_revisions import paragraphs
from helpers.h2288_edits import line, print_bill, printed_lines
from lxml import html as lhtml
import cmarkgfm
from cmarkgfm.cmark import Options

from lawdiff import load_document
from lawdiff.diff.align import content
from lawdiff.diff.changes import compare
from lawdiff.render.docx import COARSE_NOTE, FRONT_MATTER_PARAGRAPHS, render_docx
from lawdiff.render.markdown import render_markdown
from lawdiff.render.redline_html import render_redline

DEFN_LEA = "sec_2__qstr_1__sec_63__subsec_a__defn_law-enforcement-agency"
SUB = "sec_2__qstr_1__sec_63__subsec_"


@pytest.fixture(scope="module")
def body():
    return printed_lines()[1]


def printed(tmp_path, body, name):
    """The edited bill as a file, so that its printed lines can be cited."""
    header, _ = printed_lines()
    path = tmp_path / f"{name}.txt"
    path.write_bytes(print_bill(header, body))
    return load_document(str(path))


@pytest.fixture(scope="module")
def original(tmp_path_factory, body):
    return printed(tmp_path_factory.mktemp("orig"), body, "h2288")


def changed(model):
    return [c for c in model["changes"] if c["kind"] != "equal"]


def github_html(markdown):
    """Markdown as GitHub renders it (cmark-gfm), raw <del>/<ins> kept as GitHub keeps them."""
    return cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)


def rendered_markdown_sides(model):
    """For each changed provision: its redline paragraph as GitHub would show it, read back
    as (old text, new text): struck and deleted words kept for old, bold and inserted for new."""
    html = github_html(render_markdown(model))
    root = lhtml.fromstring(f"<div>{html}</div>")
    out = []
    for h2 in root.iter("h2"):
        p = h2.getnext().getnext() if h2.getnext().text_content().startswith("Changed on") else h2.getnext()
        sides = []
        for drop in ("strong|.//ins", "s|.//del"):
            copy = lhtml.fromstring(lhtml.tostring(p))
            for el in copy.xpath(f".//{drop}"):
                el.drop_tree()
            sides.append(copy.text_content())
        out.append(tuple(sides))
    return out


def test_punctuation_only_edits_render_exactly_in_markdown(tmp_path, original, body):
    """A comma turned semicolon and curly quotes made straight: markdown's ~~ and ** cannot
    open or close around a mark between two words, so the redline must still show which
    mark went and which came, and nothing else."""
    b = list(body)
    assert "correctional facility, prosecutorial office" in line(b, 9)
    assert line(b, 8).startswith("“Law enforcement agency”, any state")
    b[8] = b[8].replace("correctional facility,", "correctional facility;")
    b[7] = b[7].replace("“Law enforcement agency”", '"Law enforcement agency"')
    new = printed(tmp_path, b, "punct")
    model = compare(original, new)
    [change] = changed(model)
    assert change["kind"] == "modify" and change["new"]["eid"] == DEFN_LEA
    assert [t for t in change["tokens"] if t[0] != "="] == [["-", "“"], ["+", '"'], ["-", "”"], ["+", '"'],
                                                             ["-", ","], ["+", ";"]]
    # the edits stand on lines 8 (both quotes) and 9 (the comma), in both prints
    assert [tl for (op, _), tl in zip(change["tokens"], change["token_lines"]) if op != "="] == [[8, 8]] * 4 + [[9, 9]] * 2
    old_text = content(original.tree.find(DEFN_LEA))
    new_text = content(new.tree.find(DEFN_LEA))
    assert rendered_markdown_sides(model) == [(old_text, new_text)]


def test_markdown_escapes_entities(tmp_path, original, body):
    """"&amp;" in a bill is five characters of text, not an ampersand."""
    b = list(body)
    assert line(b, 20).startswith("Notwithstanding any general or special law")
    b[19] = b[19].replace("Notwithstanding", "Notwithstanding &amp; AT&T;", 1)
    new = printed(tmp_path, b, "amp")
    model = compare(original, new)
    [(old_text, new_text)] = rendered_markdown_sides(model)
    assert "&amp; AT&T;" in new_text and new_text == content(new.tree.find(SUB + "b"))


def test_rewrapped_lines_are_equal(tmp_path, original, body):
    """Subsection (c) (lines 26-48) printed again 11 words to a line: the words are the same,
    so nothing changed, even where "(iv)" now starts a line after "...the interview; and"."""
    b = list(body)
    assert line(b, 25) == "(c) Due process protections" and line(b, 49).startswith("(d) The preceding")
    words = " ".join(b[25:48]).split()
    rewrapped = [" ".join(words[i:i + 11]) for i in range(0, len(words), 11)]
    assert any(s.startswith("(iv) the person may choose") for s in rewrapped)
    new = printed(tmp_path, b[:25] + rewrapped + b[48:], "rewrap")
    for model in (compare(original, new), compare(new, original)):
        assert changed(model) == []
    sub_c = new.tree.find(SUB + "c")
    assert sub_c.children == [] and "(iv) the person may choose" in sub_c.text


def test_amendment_may_quote_a_clause_from_the_middle_of_a_list(tmp_path):
    """"inserting after clause (iii) the following clause:- (iv) ...": quoted text starts anywhere."""
    text = ("1 SECTION 1. Section 2 of chapter 5 of the General Laws is hereby amended by inserting after \n\n"
            "2 clause (iii) the following clause:- \n\n"
            "3 (iv) any person held under a detainer request. \n\n")
    path = tmp_path / "quoted.txt"
    path.write_text(text, encoding="utf-8")
    doc = load_document(str(path))
    clause = doc.tree.find("sec_1__qstr_1__cl_iv")
    assert clause is not None and clause.text == "any person held under a detainer request."


def cells(page, view, i):
    row = lhtml.fromstring(page).get_element_by_id(f"{view}-{i}")
    return row.xpath(".//div[contains(@class,'cell-text')]")


def without(el, tags):
    copy = lhtml.fromstring(lhtml.tostring(el))
    for t in copy.xpath(" | ".join(f".//{t}" for t in tags)):
        t.drop_tree()
    return copy.text_content()


def test_heading_added_reads_as_a_heading_and_rebuilds_exactly(tmp_path, original, body):
    """(d) gains the heading "Exceptions" on a line of its own."""
    b = list(body)
    assert line(b, 49) == "(d) The preceding subsections (b) and (c) shall not apply to interviews or questioning of"
    b = b[:48] + ["(d) Exceptions", b[48].replace("(d) ", "")] + b[49:]
    new = printed(tmp_path, b, "heading")
    model = compare(original, new)
    [change] = changed(model)
    i = model["changes"].index(change)
    assert change["kind"] == "modify" and change["tokens"][0] == ["+", "Exceptions "]
    old_text, new_text = content(original.tree.find(SUB + "d")), content(new.tree.find(SUB + "d"))
    assert new_text.startswith("Exceptions The preceding subsections")
    page = render_redline(model)
    old_cell, new_cell = cells(page, "sbs", i)
    assert without(old_cell, ["ins"]) == "(d) " + old_text
    assert without(new_cell, ["del"]) == "(d) " + new_text
    assert [h.text_content() for h in new_cell.find_class("rl-heading")] == ["Exceptions"]
    assert old_cell.find_class("rl-heading") == []
    [inline] = cells(page, "inline", i)
    assert without(inline, ["ins"]) == "(d) " + old_text
    assert without(inline, ["del"]) == "(d) " + new_text
    # the heading and the space that ends it are both inserted: neither reads as old text
    [heading] = inline.find_class("rl-heading")
    assert [el.tag for el in heading] == ["ins"] and heading.text_content() == "Exceptions"
    [sep] = inline.find_class("rl-sep")
    assert [(el.tag, el.get("class"), el.text) for el in sep] == [("ins", "ws", " ")]


def test_unchanged_heading_is_set_apart_in_the_redline(tmp_path, original, body):
    """(b)'s heading (line 19) stays; one word of its text changes (line 21)."""
    b = list(body)
    assert line(b, 21).startswith("law enforcement agency, while acting under color of law, shall question")
    b[20] = b[20].replace("shall question", "shall ask")
    model = compare(original, printed(tmp_path, b, "question"))
    [change] = changed(model)
    i = model["changes"].index(change)
    assert change["heading"] == ["Community relations with law enforcement agencies"] * 2
    page = render_redline(model)
    for cell in cells(page, "sbs", i) + cells(page, "inline", i):
        [heading] = cell.find_class("rl-heading")
        assert heading.text_content() == "Community relations with law enforcement agencies"
        assert heading.getnext().get("class") == "rl-sep" and heading.getnext().text_content() == " "
        assert heading.getnext().tail.startswith("Notwithstanding any general or special law")


def test_deleted_word_with_its_space_rebuilds_exactly_inline(tmp_path, original, body):
    """"any and all efforts" (line 12) becomes "all efforts": the inline view's unmarked
    text plus insertions is the new text to the character, spaces included."""
    b = list(body)
    assert line(b, 12).startswith("“Immigration enforcement”, any and all efforts")
    b[11] = b[11].replace("any and all", "all")
    new = printed(tmp_path, b, "anyand")
    model = compare(original, new)
    [change] = changed(model)
    eid = "sec_2__qstr_1__sec_63__subsec_a__defn_immigration-enforcement"
    i = model["changes"].index(change)
    [inline] = cells(render_redline(model), "inline", i)
    assert without(inline, ["ins"]) == content(original.tree.find(eid))
    assert without(inline, ["del"]) == content(new.tree.find(eid))
    assert "any and" in [d.text_content() for d in inline.iter("del")]


def test_number_one_side_lacks_is_marked_inline():
    model = {"old": {"id": "a", "eid": None}, "new": {"id": "b", "eid": None}, "degraded": False, "stats": {},
             "changes": [{"kind": "modify", "old": {"eid": "sec_1", "num": "SECTION 1.", "lines": None},
                          "new": {"eid": "sec_nn_1", "num": None, "lines": None}, "degraded": False,
                          "renumbered": True, "tokens": [["=", "This act"]]}]}
    [inline] = cells(render_redline(model), "inline", 0)
    [num] = inline.find_class("num")
    assert [(el.tag, el.text) for el in num] == [("del", "SECTION 1.")]


def test_coarse_diff_is_flagged_in_every_renderer(h2288):
    """With no time to diff, Section 40 is compared coarsely: each renderer says so."""
    import copy

    from lawdiff.parse.tree import Document

    tree = copy.deepcopy(h2288.tree)
    sec40 = tree.find("sec_3__qstr_1__sec_40")
    sec40.text = " ".join(w.upper() if i % 3 == 0 else w for i, w in enumerate(sec40.text.split(" ")))
    edited = Document(dict(h2288.meta, id="edited"), tree)
    model = compare(h2288, edited, timeout=1e-9)
    flagged = [c for c in model["changes"] if c["degraded"]]
    assert model["degraded"] and [c["new"]["eid"] for c in flagged] == ["sec_3__qstr_1__sec_40"]
    md = render_markdown(model)
    assert "**Warning**" in md and "(degraded): Section 40 · " in md
    page = lhtml.fromstring(render_redline(model))
    assert page.find_class("degraded")[0].get("role") == "alert"
    i = model["changes"].index(flagged[0])
    for view in ("sbs", "inline"):
        row = page.get_element_by_id(f"{view}-{i}")
        assert "Coarse diff" in [b.text_content() for b in row.find_class("badge")]
    data = render_docx(model)
    texts = paragraphs(data, accept=True)
    assert "could only be compared coarsely" in texts[FRONT_MATTER_PARAGRAPHS - 1]
    comments = zipfile.ZipFile(io.BytesIO(data)).read("word/comments.xml").decode("utf-8")
    assert comments.count(COARSE_NOTE) == 1  # on Section 40's comment, and no other


def test_provision_grown_tenfold_in_place_is_amended_not_replaced(tmp_path, original, body):
    """Section 40 (lines 85-97) with its last five lines' rule repeated for 40 more
    sentences: it shares too few words for their Dice similarity, but every old word is
    still there, in the only section of its amending SECTION 3: its words pair it (the
    similar pass counts a provision contained in another), so it is modified, not struck
    and re-inserted."""
    b = list(body)
    assert line(b, 91).endswith("shall, within 90") and line(b, 97) == "daily fee for each person detained there."
    extra = [s.replace("90", str(100 + k)) for k in range(40) for s in b[89:96]]
    new = printed(tmp_path, b[:96] + extra + b[96:], "long")
    for old_doc, new_doc in ((original, new), (new, original)):
        [change] = changed(compare(old_doc, new_doc))
        assert change["kind"] == "modify" and change["matched_by"] == "similar"
        assert change["old"]["eid"] == change["new"]["eid"] == "sec_3__qstr_1__sec_40"
    [change] = changed(compare(original, new))
    assert "".join(t for op, t in change["tokens"] if op == "-") == ""
    assert change["new"]["lines"] == [85, 97 + 40 * 7]


def test_subsection_split_in_two_keeps_its_number_and_heading(tmp_path, original, body):
    """(f) Implementation and training (lines 71-82) split: its complaints rule (from line 75,
    "An individual may file a complaint") becomes a new (g) headed "Complaints".  (f) keeps its
    number and heading, so (f) is split into (f) and (g), not the reverse; the one change shows
    only what is new: the heading "Complaints" (issue 13: no sentences struck and inserted again)."""
    b = list(body)
    assert line(b, 71) == "(f) Implementation and training"
    assert line(b, 75).startswith("An individual may file a complaint for a violation of this section")
    b[74] = "(g) Complaints " + b[74]
    new = printed(tmp_path, b, "split")
    [split] = changed(compare(original, new))
    assert (split["kind"], split["old"]["eid"], split["new"]["eid"]) == ("split", SUB + "f", SUB + "f")
    assert [p["eid"] for p in split["parts"]] == [SUB + "g"]
    assert [t for t in split["tokens"] if t[0] != "="] == [["+", "Complaints "]]
    assert split["new"]["lines"] == [71, 74] and split["parts"][0]["lines"] == [75, 82]


def test_provision_emptied_to_reserved_keeps_the_next_one(tmp_path, original, body):
    """(d) (lines 49-56) emptied to "(d) [Reserved]", no full stop: (e) Guidelines (line 57)
    still opens its own subsection, since the short line before it ended a paragraph."""
    b = list(body)
    assert line(b, 49).startswith("(d) The preceding") and line(b, 57) == "(e) Guidelines for reporting release information"
    new = printed(tmp_path, b[:48] + ["(d) [Reserved]"] + b[56:], "reserved")
    e = new.tree.find(SUB + "e")
    assert e is not None and e.heading == "Guidelines for reporting release information" and e.lines == [50, 63]
    for old_doc, new_doc in ((original, new), (new, original)):
        [change] = changed(compare(old_doc, new_doc))
        assert change["kind"] == "modify" and change["old"]["eid"] == change["new"]["eid"] == SUB + "d"
    [change] = changed(compare(original, new))
    assert "".join(t for op, t in change["tokens"] if op == "+") == "[Reserved]"
    assert change["new"]["lines"] == [49, 49]


def test_duplicated_provision_is_one_insertion(tmp_path, original, body):
    """(e) (lines 57-70) printed twice: the first copy is the old (e), unchanged; the
    second (eid ..._e_2, lines 71-84) is the only change."""
    b = list(body)
    assert line(b, 57).startswith("(e) Guidelines") and line(b, 71).startswith("(f) Implementation")
    new = printed(tmp_path, b[:70] + b[56:70] + b[70:], "dup")
    model = compare(original, new)
    [change] = changed(model)
    assert (change["kind"], change["new"]["eid"], change["new"]["lines"]) == ("insert", SUB + "e_2", [71, 84])
    [first] = [c for c in model["changes"] if c["new"] and c["new"]["eid"] == SUB + "e"]
    assert first["kind"] == "equal" and first["old"]["lines"] == [57, 70] and first["new"]["lines"] == [57, 70]
    [back] = changed(compare(new, original))
    assert (back["kind"], back["old"]["eid"]) == ("delete", SUB + "e_2")


def test_own_lines_end_on_the_last_word_not_a_blank_line(eo650):
    """EO 650's source: Section 1's heading on line 26, its sentence on line 28, a blank line
    29, the first definition on line 30.  Section 1's own words are on lines 26-28."""
    from lawdiff.diff.changes import compare as compare_
    from lawdiff.diff.citations import own_lines

    sec1 = eo650.tree.find("sec_1")
    assert sec1.text.startswith("For purposes of this Executive Order") and own_lines(sec1) == [26, 29]
    [change] = [c for c in compare_(eo650, eo650)["changes"] if c["new"]["eid"] == "sec_1"]
    assert change["old"]["lines"] == change["new"]["lines"] == [26, 28]


def test_markdown_paragraph_never_opens_a_block():
    """A provision whose words begin like markdown block syntax stays one paragraph of text."""
    from lawdiff.render.markdown import _paragraph, _tokens

    for text in ("---", "1.", "=== Definitions", "- the", "> 5 days", "# 12", "1) any"):
        html = github_html(_paragraph(_tokens([["=", text]])))
        assert html == f"<p>{text.replace('>', '&gt;')}</p>\n", text


def test_changed_lines_cover_every_line_an_edit_spans(tmp_path, original, body):
    """Subsection (d)'s proviso (lines 52-55) cut down to one line: the struck words run from
    "who are booked" on line 52 to "(ii) may choose to" on line 55, so every renderer cites
    old lines 52 to 55, not only the lines where struck runs begin."""
    b = list(body)
    assert line(b, 52).startswith("however, that persons who are booked into a correctional facility")
    assert line(b, 55).startswith("or to speak with the DHS agent only with an attorney present; and (iii) may decline to sign any")
    assert line(b, 56) == "documents presented by a DHS agent."
    b[51:55] = ["however, that persons so booked may decline to sign any"]
    new = printed(tmp_path, b, "proviso")
    model = compare(original, new)
    [change] = changed(model)
    assert change["old"]["eid"] == SUB + "d" and change["old"]["lines"] == [49, 56] and change["new"]["lines"] == [49, 53]
    md = render_markdown(model)
    assert "Changed on old lines 52–55, new line 52." in md
    sbs = lhtml.fromstring(render_redline(model)).cssselect("table.view-sbs tbody tr[data-change] .cell-head .at")
    assert [" ".join(a.text_content().split()) for a in sbs] == ["(changed on lines 52–55)", "(changed on line 52)"]
    comments = zipfile.ZipFile(io.BytesIO(render_docx(model))).read("word/comments.xml").decode("utf-8")
    assert "Struck on old lines 52–55; inserted on new line 52." in comments


def test_a_definition_is_named_by_its_term_as_printed(tmp_path, original, body):
    """Line 9's "correctional facility," edited: the cell names the definition as the bill
    prints its term (capital L, line 8), not as the eid spells it."""
    b = list(body)
    b[8] = b[8].replace("correctional facility,", "correctional facility;")
    model = compare(original, printed(tmp_path, b, "term"))
    [change] = changed(model)
    assert change["new"]["term"] == change["old"]["term"] == "Law enforcement agency"
    heads = lhtml.fromstring(render_redline(model)).cssselect("table.view-sbs tbody tr[data-change] .cell-head")
    assert all("Section 63(a), definition of “Law enforcement agency”" in h.text_content() for h in heads)
