"""Splits and joins (diff/splits.py) on fixtures written in the layouts of real version pairs.

tests/fixtures/align/split-filed.txt -> split-redrafted.txt (SOURCES.md says what they model).
Read by a person: paragraph (2), which ran on into "(3) A fee imposed ..." (lines 5 of the old
text), is split into (2) (line 5) and (3) (line 7), with its list relettered (a)-(c) -> (i)-(iii);
(d)(1) and (d)(2) (old lines 7 and 9) are joined into one paragraph (new line 9), "post marked"
-> "postmarked" on the way; (e), whose definition (old line 13) is split into the lead-in "(e)
... either:" (new line 15) and "(a) a pattern of crossings ..." (new line 17), reworded.  The new
(d)(4) (line 13) and (b) (line 23) are new text, not parts of anything: inserted.
"""

import io
import subprocess
from dataclasses import replace
from pathlib import Path

import docx
from helpers.docx_revisions import libreoffice_paragraphs, paragraphs
from helpers.h2288_edits import bill, line, printed_lines
from test_diff_property import check_model
from test_docx import bill_text, texts

from lawdiff import parse_bytes
from lawdiff.diff import changes
from lawdiff.diff.changes import compare
from lawdiff.diff.model import ChangeKind
from lawdiff.render.docx import render_docx
from lawdiff.render.markdown import render_markdown
from lawdiff.render.print_redline import print_layout
from lawdiff.render.redline_html import render_redline

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "align"


def load(name: str):
    return parse_bytes((FIXTURES / name).read_bytes(), name, {"kind": "bill", "id": name.removesuffix(".txt")})


def split_model() -> dict:
    return compare(load("split-filed.txt"), load("split-redrafted.txt"))


def join_model() -> dict:
    """The same pair the other way round: each split a join, each join a split."""
    return compare(load("split-redrafted.txt"), load("split-filed.txt"))


def _by_kind(model, kind):
    return {c["old"]["eid"] if c["old"] else c["new"]["eid"]: c for c in model["changes"] if c["kind"] == kind}


def _side(change, ops):
    return "".join(t for op, t in change["tokens"] if op in ops)


def test_splits_and_joins_are_found_as_a_person_reads_them():
    model = split_model()
    splits, joins = _by_kind(model, "split"), _by_kind(model, "join")
    assert {k: (c["new"]["eid"], [p["eid"] for p in c["parts"]]) for k, c in splits.items()} == {
        "para_2": ("para_2", ["para_3"]), "subsec_e": ("subsec_e", ["subsec_a"])}
    assert {k: (c["new"]["eid"], [p["eid"] for p in c["parts"]]) for k, c in joins.items()} == {
        "subsec_d__para_1": ("subsec_d__para_1", ["subsec_d__para_2"])}
    # New text after an amended paragraph stays new text.
    assert set(_by_kind(model, "insert")) == {"subsec_d__para_4", "subsec_b"}
    stats = model["stats"]
    assert (stats["split"], stats["join"], stats["insert"], stats["delete"]) == (2, 1, 2, 0)
    # Every provision is in one change: the parts have none of their own.
    named = [r["eid"] for c in model["changes"] for r in [c["new"]] + (c.get("parts") if c["kind"] == "split" else [])
             if r]
    assert len(named) == len(set(named))


def test_a_split_shows_only_the_words_that_changed():
    split = _by_kind(split_model(), "split")["para_2"]
    struck = [t for op, t in split["tokens"] if op == "-"]
    inserted = [t for op, t in split["tokens"] if op == "+"]
    # The list relettered, "or;" put right and "(3)" gone from inside the text (it is the new
    # paragraph's number); the sentence that became (3) is neither struck nor inserted.
    assert "".join(struck) == "either (a or; (b or; (c(3) "
    assert "".join(inserted) == "(i; (ii; or (iii"
    assert "A fee imposed under this subsection" in _side(split, "=")


def test_tokens_give_each_text_and_the_breaks_stand_between_the_parts():
    old, new = load("split-filed.txt"), load("split-redrafted.txt")
    model = split_model()
    for change in model["changes"]:
        parts = change.get("parts", [])
        if change["kind"] == "split":
            news = [new.tree.find(r["eid"]) for r in [change["new"]] + parts]
            olds = [old.tree.find(change["old"]["eid"])]
        elif change["kind"] == "join":
            olds = [old.tree.find(r["eid"]) for r in [change["old"]] + parts]
            news = [new.tree.find(change["new"]["eid"])]
        else:
            continue
        texts = [" ".join(p for p in (n.heading, n.text) if p) for n in news]
        assert _side(change, "=+") == " ".join(texts)
        assert _side(change, "=-") == " ".join(" ".join(p for p in (n.heading, n.text) if p) for n in olds)
        parted = "=+" if change["kind"] == "split" else "=-"
        [at] = change["breaks"]
        assert change["tokens"][at][1] == " " and change["tokens"][at][0] in parted
        before = "".join(t for op, t in change["tokens"][:at] if op in parted)
        first = texts[0] if change["kind"] == "split" else " ".join(p for p in (olds[0].heading, olds[0].text) if p)
        assert before == first  # the break stands where the first part ends


def _kept_after(change, at):
    return next(k for k in range(at + 1, len(change["tokens"])) if change["tokens"][k][0] == "=")


def test_each_part_cites_its_own_lines():
    model = split_model()
    split = _by_kind(model, "split")["para_2"]
    assert split["old"]["lines"] == [5, 5] and split["new"]["lines"] == [5, 5]
    assert split["parts"][0]["lines"] == [7, 7]
    # The first kept word after the break ("A fee ..."; the old "(3) " is struck before it): old
    # line 5 (it ran on), new line 7 (its own paragraph).
    assert split["token_lines"][_kept_after(split, split["breaks"][0])] == [5, 7]
    assert split["token_lines"][0] == [5, 5]
    join = _by_kind(model, "join")["subsec_d__para_1"]
    assert join["parts"][0]["lines"] == [9, 9]
    assert join["token_lines"][_kept_after(join, join["breaks"][0])] == [9, 9]  # old (d)(2) on line 9; in the new text, still line 9
    assert join["token_lines"][0] == [7, 9]
    lead = _by_kind(model, "split")["subsec_e"]
    assert lead["token_last_lines"][-1] == [13, 17]  # "including ... limited to:" ends (a), new line 17


def test_the_mirror_image_is_a_join_where_there_was_a_split():
    model = join_model()
    assert set(_by_kind(model, "join")) == {"para_2", "subsec_e"}
    assert set(_by_kind(model, "split")) == {"subsec_d__para_1"}
    assert set(_by_kind(model, "delete")) == {"subsec_d__para_4", "subsec_b"}


# -- on the printed H.2288: subsection (c) split at "Any and all records" (printed line 43) --

def c_split(body):
    """Subsection (c)'s last sentences (printed lines 43-48) made a subsection (d) of their own,
    "public records" -> "open records" on the way (line 44); (d)-(f) relettered (e)-(g)."""
    b = list(body)
    for n, (was, now) in {49: ("(d)", "(e)"), 57: ("(e)", "(f)"), 71: ("(f)", "(g)")}.items():
        assert line(b, n).startswith(was)
        b[n - 1] = now + b[n - 1][len(was):]
    assert line(b, 43).startswith("Any and all records") and "public records" in line(b, 44)
    b[42] = "(d) " + b[42]
    b[43] = b[43].replace("public records", "open records")
    return b


def h2288_split():
    """(H.2288, H.2288 with (c) split): the documents, as printed."""
    _, body = printed_lines()
    return bill(body, "h2288"), bill(c_split(body))


def test_the_site_redline_shows_one_change_broken_into_its_parts():
    html = render_redline(split_model())
    row = html[html.index('<tr id="sbs-2" class="split"'):]
    row = row[:row.index("</tr>")]
    # the new side names both parts and starts the second on a line of its own, with its number
    assert "<span>(2)</span> and <span>(3)</span>" in row
    assert ('the time of the crossing.<span class="rl-break"></span><strong class="num">(3)</strong> '
            "A fee imposed") in row
    # the old side is one paragraph: the number that ran on in its text struck, no break
    assert "crossing. <del class=\"figure\">(3)</del> A fee imposed" in row  # a number stands out
    assert "Split into (2) and (3)." in row
    inline = html[html.index('<tr id="inline-2" class="split"'):]
    inline = inline[:inline.index("</tr>")]
    assert '<ins class="rl-pilcrow" title="paragraph break inserted">¶</ins><span class="rl-break"></span><ins>(3)</ins> ' in inline
    join = html[html.index('<tr id="inline-4" class="join"'):]
    assert '<del class="rl-pilcrow" title="paragraph break struck">¶ (2)</del> ' in join[:join.index("</tr>")]
    assert "2 split, 1 joined" in html


def test_the_printed_redline_lays_each_part_on_its_printed_lines():
    old, new = h2288_split()
    layout = print_layout(compare(old, new), (old, new))
    [row] = [s for s in layout["summary"] if s["kind"] == "Split"]
    assert row["label"] == "Section 63(c) → Section 63(c) and Section 63(d)"
    # "public" -> "open" on line 44, and the new subsection (d) beginning on line 43
    assert row["old_lines"] == "44" and row["new_lines"] == "43–44"
    assert row["gist"] == "Split into Section 63(c) and Section 63(d); “be public records” → “be open records”"
    [block] = [b for b in layout["blocks"] if not b["folded"] and b["kind"] == "Split"]
    lines = {r["line"]: r for r in block["rows"]}
    assert sorted(lines) == list(range(25, 49))  # (c) and the new (d): printed lines 25-48
    assert str(lines[43]["html"]).startswith("<ins>(d)</ins> Any and all records")
    assert lines[43]["changed"] and lines[44]["changed"] and not lines[42]["changed"]
    joined = print_layout(compare(new, old), (new, old))
    [block] = [b for b in joined["blocks"] if not b["folded"] and b["kind"] == "Joined"]
    row = {r["line"]: r for r in block["rows"]}[43]
    assert str(row["html"]).startswith("<del>¶ (d)</del> Any and all records") and row["changed"]


def test_markdown_names_the_parts_and_breaks_the_text():
    text = render_markdown(split_model())
    assert "## Split: (2) → (2) and (3)\n" in text
    assert "at the time of the crossing.\n\n<ins>(3)</ins> ~~(3)~~ A fee imposed" in text
    assert "## Joined: (d)(1) and (d)(2) → (d)(1)\n" in text
    assert "contest them.<del>¶ (2)</del> **(2)** An owner" in text
    assert "2 split, 1 joined" in text


def test_word_gives_each_text_back_paragraph_for_paragraph(tmp_path):
    # the fixtures: two splits and a join each way, one split whose pair is its second part
    filed, redrafted = load("split-filed.txt"), load("split-redrafted.txt")
    for a, b in ((filed, redrafted), (redrafted, filed)):
        data = render_docx(compare(a, b))
        assert bill_text(paragraphs(data, accept=True)) == texts(b)
        assert bill_text(paragraphs(data, accept=False)) == texts(a)
    old, new = h2288_split()
    for a, b in ((old, new), (new, old)):  # a split, then the same as a join
        data = render_docx(compare(a, b))
        assert bill_text(paragraphs(data, accept=True)) == texts(b)
        assert bill_text(paragraphs(data, accept=False)) == texts(a)
        notes = [c.text for c in docx.Document(io.BytesIO(data)).comments]
        kind = "Split: Section 63(c) into" if a is old else "Joined: Section 63(c) and Section 63(d) into"
        assert any(n.startswith(kind) for n in notes), notes
        # LibreOffice opens it and reads the same two texts
        src = tmp_path / f"{'split' if a is old else 'join'}.docx"
        src.write_bytes(data)
        done = subprocess.run(
            ["soffice", "--headless", "--norestore", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
             "--convert-to", "odt", "--outdir", str(tmp_path), str(src)], capture_output=True, text=True, timeout=180)
        odt = src.with_suffix(".odt")
        assert odt.exists(), done.stdout + done.stderr
        accepted, rejected = libreoffice_paragraphs(odt.read_bytes())
        assert bill_text(accepted) == texts(b)
        assert bill_text(rejected) == texts(a)


def test_a_split_whose_pair_is_displaced_is_shown_as_the_aligner_paired_it(monkeypatch):
    """A renderer that shows one text (Word) shows a displaced pair at its old and its new place,
    and a split cannot stand at two: such a split is shown as its pair, displaced, and its other
    part inserted (no real pair here is displaced: the order check is made to say so)."""
    real = changes._displaced

    def displace_splits(found, made):
        # a split is always a change held as made (``changes.Changes``), never one made when read
        return [replace(c, displaced=True) if not isinstance(c, int) and c.kind == ChangeKind.SPLIT else c
                for c in real(found, made)]

    monkeypatch.setattr(changes, "_displaced", displace_splits)
    old, new = load("split-filed.txt"), load("split-redrafted.txt")
    model = compare(old, new)
    check_model(model, old.tree, new.tree)
    got = [(c["kind"], (c["old"] or {}).get("eid"), (c["new"] or {}).get("eid"), c["displaced"])
           for c in model["changes"] if c["kind"] != "equal"]
    # the aligner paired the old (2) with the new (3), every word of which it holds; the new (2)
    # then stands inserted before it
    assert got[:2] == [("insert", None, "para_2", False), ("modify", "para_2", "para_3", True)]
    assert ("join", "subsec_d__para_1", "subsec_d__para_1", False) in got
    assert model["stats"]["split"] == 0 and model["stats"]["join"] == 1


def test_markdown_cites_the_printed_lines_of_a_split():
    """H.2288 with (c) split: the new (d) opens on new line 43; "public" -> "open" is line 44 on both."""
    old, new = h2288_split()
    text = render_markdown(compare(old, new))
    assert ("## Split: Section 63(c) → Section 63(c) and Section 63(d) · old lines 25–48, new lines 25–48\n\n"
            "Changed on old line 44, new lines 43–44.\n") in text


def test_a_section_with_no_words_of_its_own_is_no_part_of_a_split():
    """A SECTION whose words all moved into its new subsections keeps none of them: paired with
    the old SECTION by its number, it is not the second part of a split with the inserted
    section before it (the split shown was "Section 2 -> Section 1A and Section 2", its second
    part a bare "SECTION 2." joined by a trailing space)."""
    old = parse_bytes(b"SECTION 1. This act shall be known as the Board Act.\n"
                      b"SECTION 2. The board shall meet each month in the town hall. The board shall keep"
                      b" minutes of every meeting it holds and publish them.\n", "old.txt", {"kind": "bill"})
    new = parse_bytes(b"SECTION 1. This act shall be known as the Board Act.\n"
                      b"SECTION 1A. The board shall meet each month in the town hall.\n"
                      b"SECTION 2.\n(a) The board shall keep minutes of every meeting it holds.\n"
                      b"(b) The board shall publish its minutes.\n", "new.txt", {"kind": "bill"})
    model = compare(old, new)
    assert model["stats"]["split"] == 0 and model["stats"]["join"] == 0
    assert {c["new"]["eid"] for c in model["changes"] if c["kind"] == "insert"} == {
        "sec_1a", "sec_2__subsec_a", "sec_2__subsec_b"}
