"""``lawdiff diff``: JSON and markdown output, provision pairs, bad input, degraded pairs."""

import json
import subprocess
import sys

import pytest
from helpers import CORPUS, ROOT
from helpers.h2288_edits import bill, printed_lines, print_bill

from lawdiff import load_document
from lawdiff.diff.changes import compare
from lawdiff.diff.tokens import word_diff

SEC40 = "sec_3__qstr_1__sec_40"


def lawdiff(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "lawdiff", "--corpus", str(CORPUS), *args],
                          capture_output=True, text=True, cwd=cwd)


def figure_changed():
    header, body = printed_lines()
    body[90] = body[90].replace("within 90", "within 60")
    return header, body


def figure_changed_file(tmp_path):
    path = tmp_path / "h2288-refiled.txt"
    path.write_bytes(print_bill(*figure_changed()))
    return path


def test_json_is_the_change_model(tmp_path, h2288):
    path = figure_changed_file(tmp_path)
    run = lawdiff("diff", "193-h2288", str(path), "--format", "json")
    assert run.returncode == 0, run.stderr
    model = json.loads(run.stdout)
    assert set(model) >= {"old", "new", "degraded", "stats", "changes"}
    assert model["old"]["id"] == "193-h2288" and model["old"]["number"] == "H.2288"
    assert model["new"]["id"] == "h2288-refiled" and model["new"]["eid"] is None
    [change] = [c for c in model["changes"] if c["kind"] != "equal"]
    assert change["kind"] == "modify" and change["new"]["eid"] == SEC40
    assert ["-", "90"] in change["tokens"] and ["+", "60"] in change["tokens"]
    # the same as the Python call, and the same bytes twice
    assert model == json.loads(json.dumps(compare(h2288, load_document(str(path)))))
    assert lawdiff("diff", "193-h2288", str(path), "--format", "json").stdout == run.stdout


def test_markdown_redline(tmp_path):
    run = lawdiff("diff", "193-h2288", str(figure_changed_file(tmp_path)), "--format", "md")
    assert run.returncode == 0, run.stderr
    md = run.stdout
    assert md.startswith("# Redline: H.2288 → h2288-refiled")
    assert "## Modified: Section 40 · old lines 85–97, new lines 85–97" in md
    assert "sec_" not in md and "sec\\_" not in md  # a person reads it: labels, no eids
    assert "Changed on old line 91, new line 91." in md
    assert "shall, within ~~90~~**60** days, inform the other party" in md
    assert "1 modified, 0 inserted, 0 deleted, 0 moved, 0 renumbered, 18 unchanged" in md
    assert md.count("## ") == 1  # unchanged provisions are counted, not printed


def test_provision_against_provision_across_instruments():
    run = lawdiff("diff", "eo-650#sec_5", f"193-h2288#{SEC40}", "--format", "json")
    assert run.returncode == 0, run.stderr
    model = json.loads(run.stdout)
    assert model["old"]["eid"] == "sec_5" and model["new"]["eid"] == SEC40
    [change] = model["changes"]
    assert change["kind"] == "modify" and change["matched_by"] == "root"
    # Two provisions chosen by the user: their numbers differ by choice, not by renumbering.
    assert change["renumbered"] is False and model["stats"]["renumbered"] == 0
    # Each chosen provision is its side's first (order 0) and encloses the others (depth 0).
    assert change["old"] == {"eid": "sec_5", "num": "Section 5.", "term": None, "lines": [50, 52],
                             "type": "section", "order": 0, "depth": 0}
    assert change["new"] == {"eid": SEC40, "num": "Section 40.", "term": None, "lines": [85, 97],
                             "type": "section", "order": 0, "depth": 0}
    old = "".join(t for op, t in change["tokens"] if op in "=-")
    assert old.startswith("287(g) Agreements No office or agency of the Executive Department")
    assert old.endswith("sunsets not later than 12 months after its issuance.")
    # words the two share stay equal: "section", "(g)", the closing period
    assert ["=", "("] in change["tokens"] or any(op == "=" and "(g" in t for op, t in change["tokens"])
    # the Markdown names each side as a reader would, never by eid
    md = lawdiff("diff", "eo-650#sec_5", f"193-h2288#{SEC40}", "--format", "md").stdout
    assert md.startswith("# Redline: No. 650 Section 5 → H.2288 Section 40\n")


def test_a_text_that_prints_no_line_numbers_is_cited_by_provision(tmp_path):
    """EO 650 prints no line numbers (our text file's lines are not the order's): the
    Markdown and Word redlines cite its side by provision, H.2288's by its printed lines."""
    import docx

    md = lawdiff("diff", "eo-650#sec_5", f"193-h2288#{SEC40}", "--format", "md").stdout
    assert "## Modified: Section 5 → Section 40 · new lines 85–97\n" in md
    assert "old line" not in md and "50" not in md.split("## ", 1)[1].split("\n")[0]
    assert "prints no line numbers" in md
    out = tmp_path / "r.docx"
    assert lawdiff("diff", "eo-650#sec_5", f"193-h2288#{SEC40}", "--format", "docx", "--out", str(out)).returncode == 0
    notes = [c.text for c in docx.Document(str(out)).comments]
    assert notes and notes[0].startswith("Changed: Section 40 (new lines 85–97).")
    assert not any("old line" in n for n in notes)


def test_bad_input_is_one_line_and_status_2(tmp_path):
    for args, problem in (
        (("diff", "193-h2288", str(tmp_path / "missing.txt")), "no such file or corpus id"),
        (("diff", "193-h2288#sec_99", "eo-650"), "no provision with this eid"),
    ):
        run = lawdiff(*args, "--out", str(tmp_path / "out.json"))
        assert run.returncode == 2
        assert run.stderr.count("\n") == 1 and problem in run.stderr and "Traceback" not in run.stderr
        assert not (tmp_path / "out.json").exists()


def test_timeout_is_detected_and_flagged(h2288):
    """A word diff that runs out of time is retried sentence by sentence, else flagged."""
    old = " ".join(n.text for n in h2288.tree.walk() if n.text)
    words = old.split(" ")
    new = " ".join(w.upper() if i % 7 == 0 else w for i, w in enumerate(words))
    fine = word_diff(old, new)
    assert not fine.degraded and sum(op == "=" for op, _ in fine.tokens) > 100
    coarse = word_diff(old, new, timeout=1e-9)
    assert coarse.degraded
    assert "".join(t for op, t in coarse.tokens if op in "=-") == old
    assert "".join(t for op, t in coarse.tokens if op in "=+") == new


def test_degraded_pair_flags_the_model(h2288):
    header, body = printed_lines()
    body = [" ".join(w.upper() if i % 5 == 0 else w for i, w in enumerate(s.split(" "))) for s in body]
    model = compare(h2288, bill(body), timeout=1e-9)
    flagged = [c for c in model["changes"] if c["degraded"]]
    assert model["degraded"] and flagged and model["stats"]["degraded"] == len(flagged)
    assert not compare(h2288, bill(body))["degraded"]


def test_parsed_json_compares_like_the_document(h2288, eo650):
    assert compare(h2288.to_dict(), (eo650.to_dict(), "sec_5")) == compare(h2288, (eo650, "sec_5"))


def test_markdown_keeps_legal_text_from_turning_into_markup():
    from lawdiff.render.markdown import render_markdown

    model = {"old": {"id": "a", "eid": None}, "new": {"id": "b", "eid": None}, "degraded": False,
             "stats": {k: 0 for k in ("modify", "insert", "delete", "move", "renumber", "equal", "degraded",
                                      "words_deleted", "words_inserted")},
             "changes": [{"kind": "modify", "old": {"eid": "sec_1", "num": "1.", "lines": None},
                          "new": {"eid": "sec_1", "num": "1.", "lines": None}, "degraded": False,
                          "tokens": [["=", "1. under * rule_5 "], ["-", "[x]"], ["+", "~y~"]]}]}
    md = render_markdown(model)
    # "~y~" right after the "~~" that closes "[x]": cmark-gfm would leave "**" as text there,
    # so the insertion takes GitHub's <ins> tag
    assert "1\\. under \\* rule\\_5 ~~\\[x\\]~~<ins>\\~y\\~</ins>" in md


def test_json_and_page_through_the_temporary_file_are_the_same_bytes(tmp_path, h2288):
    """``lawdiff diff`` writes JSON, HTML and Markdown through a temporary file (on disk past
    ``_SPOOL`` bytes, here one): standard output and ``--out`` get what the in-memory encoders give."""
    from lawdiff.render.jsonout import dumps_utf8
    from lawdiff.render.markdown import render_markdown
    from lawdiff.render.redline_html import render_redline_utf8

    path = figure_changed_file(tmp_path)
    new = load_document(str(path))
    model = compare(h2288, new)
    want = {"json": dumps_utf8(model), "html": render_redline_utf8(model, docs=(h2288, new)),
            "md": render_markdown(model).encode("utf-8")}
    spooled = "import sys, lawdiff.cli as c; c._SPOOL = 1; sys.argv[0] = 'lawdiff'; c.main()"
    for fmt, expected in want.items():
        args = ["--corpus", str(CORPUS), "diff", "193-h2288", str(path), "--format", fmt]
        run = subprocess.run([sys.executable, "-c", spooled, *args], capture_output=True, cwd=ROOT)
        assert run.returncode == 0, run.stderr
        assert run.stdout == expected
        out = tmp_path / f"out.{fmt}"
        run = subprocess.run([sys.executable, "-c", spooled, *args, "--out", str(out)], capture_output=True, cwd=ROOT)
        assert run.returncode == 0 and run.stdout == b"" and out.read_bytes() == expected


def test_no_room_for_the_temporary_file_holds_the_output_in_memory(tmp_path):
    """A full, missing or read-only temporary folder does not stop the output: it is held in memory, as before the
    spool; an output that cannot be made at all is one LawdiffError (one line, status 2), and nothing reaches
    ``--out``."""
    import errno
    import io

    from lawdiff.cli import emit_spooled
    from lawdiff.errors import LawdiffError

    def no_temp_room(fp):
        if not isinstance(fp, io.BytesIO):  # the spool, past its size in memory
            fp.write(b"half")
            raise OSError(errno.ENOSPC, "No space left on device")
        fp.write(b"whole output")

    emit_spooled(no_temp_room, tmp_path / "out.json")
    assert (tmp_path / "out.json").read_bytes() == b"whole output"

    def never(fp):
        fp.write(b"half")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(LawdiffError, match="cannot write the output: No space left on device"):
        emit_spooled(never, tmp_path / "other.json")
    assert not (tmp_path / "other.json").exists()
