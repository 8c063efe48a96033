"""`lawdiff parse`: formats, output files, and one-line errors for bad input."""

import json
import subprocess
import sys


from helpers import CORPUS, ROOT


def lawdiff(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "lawdiff", "--corpus", str(CORPUS), *args],
                          capture_output=True, text=True, cwd=cwd)


def test_json_has_meta_and_tree():
    run = lawdiff("parse", "193-h2288")
    assert run.returncode == 0, run.stderr
    doc = json.loads(run.stdout)
    assert doc["meta"]["id"] == "193-h2288"
    assert doc["meta"]["number"] == "H.2288"
    assert doc["meta"]["line_numbers"] == "printed"
    assert doc["meta"]["sha256"] == "05580d1f91c4166d02cd1735b6ba70cc6603d8f3aec58d5d9ec5ce0a9631a457"
    assert set(doc["tree"]) == {"type", "eid", "num", "heading", "text", "lines", "term", "children"}


def test_text_outline_reads_like_a_table_of_contents():
    run = lawdiff("parse", "193-h2288", "--format", "text")
    assert run.returncode == 0, run.stderr
    lines = [line.strip() for line in run.stdout.splitlines()]
    assert "(b) Community relations with law enforcement agencies  lines 19–24  [sec_2__qstr_1__sec_63__subsec_b]" in lines
    assert "“Immigration enforcement”  lines 12–14  [sec_2__qstr_1__sec_63__subsec_a__defn_immigration-enforcement]" in lines
    assert any(line.startswith("SECTION 3. Chapter 126 of the General Laws") and line.endswith("lines 83–97  [sec_3]")
               for line in lines)


def test_out_file_is_byte_identical_across_runs(tmp_path):
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    assert lawdiff("parse", "eo-650", "--out", str(a)).returncode == 0
    assert lawdiff("parse", str(CORPUS / "raw" / "eo-650.txt"), "--out", str(b)).returncode == 0
    assert a.read_bytes() == b.read_bytes()
    assert json.loads(a.read_text())["meta"]["id"] == "eo-650"  # a corpus file keeps its manifest entry


def test_file_outside_the_corpus(tmp_path):
    f = tmp_path / "bill.txt"
    f.write_text("SECTION 1. This act shall take effect upon its passage.\n")
    run = lawdiff("parse", str(f), "--format", "json")
    assert run.returncode == 0, run.stderr
    doc = json.loads(run.stdout)
    assert doc["meta"]["id"] == "bill"
    section = doc["tree"]["children"][-1]["children"][0]
    assert (section["eid"], section["num"], section["text"]) == ("sec_1", "SECTION 1.", "This act shall take effect upon its passage.")


def bad_inputs(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    # Invalid UTF-8, and 0x81/0x8d are undefined in cp1252 too.
    (tmp_path / "garbled.txt").write_bytes(b"SECTION 1. \xc3\x28 \x81\x8d\x90 text")
    (tmp_path / "folder").mkdir()
    (tmp_path / "bom-only.txt").write_bytes(b"\xef\xbb\xbf\r\n")
    (tmp_path / "utf16-blank.txt").write_bytes(" \n".encode("utf-16"))
    return {
        "empty.txt": "empty file",
        "bom-only.txt": "empty file",
        "utf16-blank.txt": "empty file",
        "blank.txt": "empty file",
        "image.png": "binary file, not text",
        "garbled.txt": "bytes decode in no supported encoding",
        "folder": "not a file",
        "missing.txt": "no such file or corpus id",
    }


def test_bad_input_is_one_line_exit_2(tmp_path):
    for name, problem in bad_inputs(tmp_path).items():
        out = tmp_path / f"{name}.json"
        run = lawdiff("parse", str(tmp_path / name), "--out", str(out))
        assert run.returncode == 2, (name, run.stderr)
        assert run.stderr.count("\n") == 1 and "Traceback" not in run.stderr, run.stderr
        assert str(tmp_path / name) in run.stderr and problem in run.stderr, run.stderr
        assert not out.exists()


def test_instrument_without_text_yet():
    run = lawdiff("parse", "194-s1681")
    assert run.returncode == 2
    assert run.stderr.strip() == "lawdiff: 194-s1681: no text in the corpus yet (lawdiff fetch 194-s1681 downloads it)"


def test_out_folder_that_does_not_exist(tmp_path):
    target = tmp_path / "nowhere" / "eo.json"
    run = lawdiff("parse", "eo-650", "--out", str(target))
    assert run.returncode == 2
    assert run.stderr.strip() == f"lawdiff: {target}: folder {target.parent} does not exist"
    assert not target.parent.exists()


def test_corrupted_corpus_file_is_refused(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "raw").mkdir(parents=True)
    (corpus / "instruments.toml").write_text((CORPUS / "instruments.toml").read_text())
    for name in ("eo-650.txt", "193-h2288.txt"):
        (corpus / "raw" / name).write_bytes((CORPUS / "raw" / name).read_bytes())
    with open(corpus / "raw" / "eo-650.txt", "a", encoding="utf-8") as f:
        f.write("Section 8. Added by hand.\n")
    run = subprocess.run([sys.executable, "-m", "lawdiff", "--corpus", str(corpus), "parse", "eo-650"],
                         capture_output=True, text=True)
    assert run.returncode == 2
    assert "eo-650.txt: sha256" in run.stderr and "does not match the manifest" in run.stderr


def test_out_that_is_a_folder(tmp_path):
    run = lawdiff("parse", "eo-650", "--out", str(tmp_path))
    assert run.returncode == 2
    assert run.stderr == f"lawdiff: Invalid value for '--out': File '{tmp_path}' is a directory.\n"


def test_out_where_nothing_can_be_written():
    # /proc refuses new files even to root: the error is one line, not a traceback.
    run = lawdiff("parse", "eo-650", "--out", "/proc/lawdiff-test.json")
    assert run.returncode == 2
    assert run.stderr.startswith("lawdiff: /proc/lawdiff-test.json: cannot write here: ") and run.stderr.count("\n") == 1


def test_error_survives_a_worker_process():
    import pickle

    from lawdiff import LawdiffError

    e = pickle.loads(pickle.dumps(LawdiffError("corpus/raw/x.txt", "empty file")))
    assert (e.source, e.problem, str(e)) == ("corpus/raw/x.txt", "empty file", "corpus/raw/x.txt: empty file")


def test_broken_manifest_is_one_line_exit_2(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    manifest = corpus / "instruments.toml"
    for text, problem in (
        ('[[instrument]]\nid = "eo-650"\nkind = \n', "not a valid corpus manifest: "),
        ('comparison = "eo-650 against 193-h2288"\n', "comparison must be [[comparison]] tables"),
        ('[[instrument]]\nid = "a"\n[[instrument]]\nid = "a"\n', "instrument a is listed twice"),
    ):
        manifest.write_text(text, encoding="utf-8")
        run = subprocess.run([sys.executable, "-m", "lawdiff", "--corpus", str(corpus), "parse", "eo-650"],
                             capture_output=True, text=True)
        assert run.returncode == 2 and "Traceback" not in run.stderr, run.stderr
        assert run.stderr.startswith(f"lawdiff: {manifest}: {problem}") and run.stderr.count("\n") == 1, run.stderr
    manifest.unlink()
    run = subprocess.run([sys.executable, "-m", "lawdiff", "--corpus", str(corpus), "parse", "eo-650"],
                         capture_output=True, text=True)
    # Without a manifest a file still parses, but ids are not looked up in some other corpus (and the
    # message says no corpus was found).
    assert run.returncode == 2 and run.stderr == (f"lawdiff: eo-650: no such file or corpus id (no corpus found: "
                                                  f"no {manifest}; --corpus DIR names one)\n"), run.stderr
    run = subprocess.run([sys.executable, "-m", "lawdiff", "--corpus", str(corpus), "parse",
                          str(CORPUS / "raw" / "eo-650.txt"), "--format", "text"], capture_output=True, text=True)
    assert run.returncode == 0 and "sec_5" in run.stdout, run.stderr
