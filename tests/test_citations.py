"""Line citations: each provision's own lines, and the line of every changed word.

Expected lines are read off corpus/raw/193-h2288.txt and corpus/raw/eo-650.txt:
"1357(g)" is printed on line 88, "within 90" ends line 91 and "days," starts
line 92; EO 650 prints Section 5's heading on source line 50 and its text on 52.
"""

from helpers.h2288_edits import print_bill, printed_lines

from lawdiff import load_document
from lawdiff.diff.align import content, has_content
from lawdiff.diff.changes import compare
from lawdiff.diff.citations import WordLines, own_lines

SEC40 = "sec_3__qstr_1__sec_40"


def word_line(doc, eid, word):
    node = doc.tree.find(eid)
    starts, _, lines = WordLines(doc).of(node)
    return lines[starts.index(content(node).index(word))]


def test_every_provision_is_located_word_by_word(h2288, eo650):
    for doc in (h2288, eo650):
        located = WordLines(doc)
        for node in doc.tree.walk():
            if has_content(node) and node.lines:
                starts, _, lines = located.of(node)
                first, last = own_lines(node)
                assert len(starts) == len(content(node).split())
                assert lines == sorted(lines) and first <= lines[0] and lines[-1] <= last


def test_word_lines_on_the_real_documents(h2288, eo650):
    assert word_line(h2288, SEC40, "1357(g)") == 88
    assert word_line(h2288, SEC40, "90") == 91
    assert word_line(h2288, SEC40, "days, inform") == 92
    assert word_line(h2288, SEC40, "daily") == 97
    assert word_line(h2288, "sec_3", "section 39") == 84
    assert own_lines(h2288.tree.find("sec_3")) == [83, 84]
    assert own_lines(h2288.tree.find("sec_2__qstr_1__sec_63__subsec_a")) == [5, 7]
    assert word_line(eo650, "sec_5", "287(g) Agreements") == 50
    assert word_line(eo650, "sec_5", "12 months") == 52


def test_changed_words_cite_their_lines(tmp_path, h2288):
    header, body = printed_lines()
    body[90] = body[90].replace("within 90", "within 60")
    body = body[:82] + ["SECTION 3. Section 18 of chapter 6 of the General Laws is hereby repealed."] + [
        body[82].replace("SECTION 3.", "SECTION 4.")] + body[83:]
    path = tmp_path / "refiled.txt"
    path.write_bytes(print_bill(header, body))
    model = compare(h2288, load_document(str(path)))
    [sec40] = [c for c in model["changes"] if c["kind"] == "modify"]
    cites = dict(zip((tuple(t) for t in sec40["tokens"]), sec40["token_lines"]))
    assert cites["-", "90"] == [91, 92] and cites["+", "60"] == [91, 92]
    [inserted] = [c for c in model["changes"] if c["kind"] == "insert"]
    assert inserted["token_lines"] == [[None, 83]]


def test_no_citation_without_word_positions(h2288):
    """A document that carries no word positions (built by hand, here from its tree alone)
    gets no word lines, never guessed ones, even though its source file is still there;
    its provisions keep the lines the tree gives them."""
    from lawdiff.parse.tree import Document

    doc = Document(dict(h2288.meta), h2288.tree)
    assert doc.line_text is None
    model = compare(h2288, doc)
    assert all(c["token_lines"] is None or all(l[1] is None for l in c["token_lines"]) for c in model["changes"])
    [sec40] = [c for c in model["changes"] if c["new"]["eid"] == SEC40]
    assert sec40["new"]["lines"] == [85, 97] and sec40["token_lines"][0][0] == 85


def test_compare_reads_no_file(tmp_path):
    """``compare`` is a function of the two documents alone: with both source files deleted
    after loading, the change model is the same, word lines included."""
    header, body = printed_lines()
    changed = list(body)
    changed[90] = changed[90].replace("within 90", "within 60")
    old_path, new_path = tmp_path / "old.txt", tmp_path / "new.txt"
    old_path.write_bytes(print_bill(header, body))
    new_path.write_bytes(print_bill(header, changed))
    old, new = load_document(str(old_path)), load_document(str(new_path))
    before = compare(old, new)
    old_path.unlink()
    new_path.unlink()
    assert compare(old, new) == before
    [sec40] = [c for c in before["changes"] if c["kind"] == "modify"]
    cites = dict(zip((tuple(t) for t in sec40["tokens"]), sec40["token_lines"]))
    assert cites["-", "90"] == [91, 91] and cites["+", "60"] == [91, 91]  # "within 90" ends printed line 91
