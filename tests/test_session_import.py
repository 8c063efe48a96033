"""``lawdiff fetch --session 193 [--from DIR]`` on a family of the real 193rd General Court.

The records are read in place from ../shared/sources/sessions/193 (the family of H.4241: the
eight filed bills, H.4115, H.4241, S.2703, S.2710, H.4744, and the scan H.49); the expected
values were read by a person from those records and histories.  The API path serves the same
bytes on a loopback server; bad answers are made up here, in a temporary folder.
"""

from __future__ import annotations

import json
import shutil
import tomllib

import pytest

from helpers import ROOT
from helpers.api_records import Server
from helpers.fetch_corpus import lawdiff
from lawdiff.load.session import import_session
from lawdiff.load.sources import FolderSource

SESSION = ROOT.parent / "shared" / "sources" / "sessions" / "193"
FAMILY = ["S1012", "S1077", "S1097", "S1139", "H1542", "H1547", "H1745", "H3856", "H4115", "H4241", "S2703",
          "S2710", "H4744", "H49"]
TODAY = "2026-12-07"


def entries(root):
    return {e["id"]: e for e in tomllib.loads((root / "instruments.toml").read_text(encoding="utf-8"))["instrument"]}


def family(tmp_path, only=FAMILY, laws=True):
    """The family as its own saved session: the real files, copied at test time (never committed)."""
    folder = tmp_path / "saved"
    for sub in ("documents", "history", "pdf"):
        (folder / sub).mkdir(parents=True)
        for name in only:
            ext = "pdf" if sub == "pdf" else "json"
            if (SESSION / sub / f"{name}.{ext}").is_file():
                shutil.copy(SESSION / sub / f"{name}.{ext}", folder / sub / f"{name}.{ext}")
    if laws:
        shutil.copy(SESSION / "sessionlaws-2023.json", folder)
    return folder


def test_a_family_imports_with_its_versions(tmp_path):
    root = tmp_path / "corpus-193"
    report = import_session(root, FolderSource(SESSION, 193, only=FAMILY), 193, today=TODAY)
    assert (report.documents, report.with_text, report.from_pdf, report.not_published) == (14, 11, 2, 1)
    # H.49 is a scan; the 89 chapters of 2023 enacted bills outside the family (one line each).
    assert report.problems[0] == (f"{SESSION}/pdf/H49.pdf: PDF has no text layer (a scanned image?); run OCR on it "
                                  "first or use the HTML text; listed as text not published")
    assert len(report.problems) == 90 and all('("OriginBill ' in line for line in report.problems[1:])
    e = entries(root)
    h4241 = e["193-h4241"]
    assert (h4241["number"], h4241["type"], h4241["title"]) == ("H.4241", "Bill", "An Act to prevent abuse and exploitation")
    assert h4241["format"] == "pdf" and h4241["source_url"] == "https://malegislature.gov/Bills/193/H4241.pdf"
    assert (root / h4241["path"]).read_bytes() == (SESSION / "pdf" / "H4241.pdf").read_bytes()
    assert (root / h4241["record"]).read_bytes() == (SESSION / "documents" / "H4241.json").read_bytes()
    assert (root / h4241["history"]).read_bytes() == (SESSION / "history" / "H4241.json").read_bytes()
    assert (h4241["latest_action_date"], h4241["latest_action"]) == ("2024-06-12", "House: Reported by H4744")
    assert h4241["sponsors"][0] == "House Committee on Ways and Means" and h4241["version_of"] == ["193-h4115"]
    assert e["193-h4115"]["committee"] == "J19" and e["193-h4115"]["format"] == "api-json"
    assert e["193-h4115"]["version_of"] == ["193-h1542", "193-h1547", "193-h1745", "193-h3856", "193-s1012",
                                            "193-s1077", "193-s1097", "193-s1139"]
    assert e["193-s2710"]["version_of"] == ["193-h4241", "193-s2703"]
    assert e["193-h4744"]["version_of"] == ["193-h4241"]
    act = e["acts-2024-118"]  # signed; 2024's session laws are not in the folder
    assert (act["number"], act["text"], act["version_of"]) == ("Chapter 118 of the Acts of 2024", "not published",
                                                               ["193-h4744"])
    assert e["193-h49"]["text"] == "not published" and "path" not in e["193-h49"]
    assert e["acts-2023-1"]["format"] == "api-json"  # every chapter of 2023, from its record
    # rtoml (which reads manifests over 1 MB) reads it as tomllib does.
    import rtoml
    text = (root / "instruments.toml").read_text(encoding="utf-8")
    assert rtoml.loads(text) == tomllib.loads(text)
    # The corpus loads, and lawdiff reads a document of it.
    out = lawdiff(root, "parse", "193-h4115", "--format", "text")
    assert out.returncode == 0 and "SECTION 1" in out.stdout


def test_running_it_again_changes_nothing_and_newer_answers_update(tmp_path):
    folder = family(tmp_path)
    root = tmp_path / "corpus-193"
    import_session(root, FolderSource(folder, 193), 193, today=TODAY)
    manifest = (root / "instruments.toml").read_bytes()
    raw = sorted(p.name for p in (root / "raw").iterdir())
    report = import_session(root, FolderSource(folder, 193), 193, today="2026-12-08")
    assert (report.new, report.updated) == (0, 0) and report.unchanged == report.documents + report.chapters
    assert (root / "instruments.toml").read_bytes() == manifest  # the fetch dates too
    assert sorted(p.name for p in (root / "raw").iterdir()) == raw
    # A newer answer for H.4115 (its title changed): that entry alone, its old record gone.
    record = json.loads((folder / "documents" / "H4115.json").read_bytes())
    record["Title"] = "An Act to prevent abuse and exploitation, as the committee printed it again"
    (folder / "documents" / "H4115.json").write_text(json.dumps(record), encoding="utf-8")
    old_path = entries(root)["193-h4115"]["path"]
    report = import_session(root, FolderSource(folder, 193), 193, today="2026-12-08")
    assert report.updated == 1 and report.new == 0
    e = entries(root)["193-h4115"]
    assert e["title"].endswith("printed it again") and e["fetched"] == "2026-12-08" and e["path"] != old_path
    assert not (root / old_path).exists() and (root / e["path"]).is_file()


def test_bad_answers_are_one_line_each_and_nothing_is_lost(tmp_path):
    folder = family(tmp_path, [n for n in FAMILY if n != "H49"], laws=False)
    root = tmp_path / "corpus-193"
    import_session(root, FolderSource(folder, 193), 193, today=TODAY)
    before = entries(root)
    record = json.loads((folder / "documents" / "H4744.json").read_bytes())
    (folder / "documents" / "H4744.json").write_text(json.dumps({**record, "BillNumber": 4744}), encoding="utf-8")
    (folder / "documents" / "S2703.json").write_bytes(b'{"BillNumber": "S2703", ')  # cut short
    (folder / "history" / "H4115.json").write_text(json.dumps(
        [{"Date": "2023-10-10T00:00:00", "Branch": "House", "Action": "New draft of H99999"}]), encoding="utf-8")
    (folder / "pdf" / "H4241.pdf").write_bytes(b"%PDF-1.7\nnot a PDF at all")
    report = import_session(root, FolderSource(folder, 193), 193, today=TODAY)
    lines = report.problems
    assert len(lines) == 4, lines
    assert lines[0].startswith(f"{folder}/pdf/H4241.pdf: ") and lines[0].endswith("; listed as text not published")
    assert lines[1] == f"{folder}/documents/H4744.json: BillNumber is a JSON int, not a string"
    assert lines[2].startswith(f"{folder}/documents/S2703.json: not JSON")
    assert lines[3].startswith(f"{folder}/documents/H99999.json: named by the session's records (\"New draft of H99999")
    after = entries(root)
    assert after["193-h4744"] == before["193-h4744"] and after["193-s2703"] == before["193-s2703"]  # kept
    # ... and the chapter only H.4744's history named, and the link to it.
    assert report.kept == 3 and after["acts-2024-118"] == before["acts-2024-118"]
    assert after["193-h4241"]["text"] == "not published"  # its record still imported
    for entry in after.values():
        for key in ("path", "record", "history"):
            assert key not in entry or (root / entry[key]).is_file()


def test_a_manifest_a_person_wrote_is_never_replaced(tmp_path):
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "instruments.toml").write_text('[[instrument]]\nid = "mine"\n', encoding="utf-8")
    out = lawdiff(root, "fetch", "--session", "193", "--from", str(family(tmp_path, ["H4115"])))
    assert out.returncode == 2 and out.stderr == (f"lawdiff: {root}/instruments.toml: a manifest the session import "
                                                  "did not write; import a session into a folder of its own "
                                                  "(--corpus DIR)\n")
    assert (root / "instruments.toml").read_text(encoding="utf-8") == '[[instrument]]\nid = "mine"\n'


@pytest.fixture
def server():
    server = Server()
    yield server
    server.close()


def test_the_api_and_a_saved_folder_are_one_code_path(server, tmp_path):
    names = [n for n in FAMILY if n != "H49"]
    folder = family(tmp_path, names, laws=False)
    docs = "/api/GeneralCourts/193/Documents"
    server.json(docs, json.dumps([{"BillNumber": n, "GeneralCourtNumber": 193} for n in names]).encode())
    for name in names:
        server.bill(193, name, (folder / "documents" / f"{name}.json").read_bytes(),
                    (folder / "history" / f"{name}.json").read_bytes())
    for name in ("H4241", "H4744"):
        server.routes[f"/Bills/193/{name}.pdf"] = [(200, {"Content-Type": "application/pdf"},
                                                    (folder / "pdf" / f"{name}.pdf").read_bytes())]
    # /api/SessionLaws/2023 and 2024 answer 404, as the folder has no sessionlaws-*.json
    a, b = tmp_path / "from-api", tmp_path / "from-folder"
    out = lawdiff(a, "fetch", "--session", "193", base=server.base)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("session 193: 13 documents (11 with text in the record, 2 from the printed PDF, 0 "
                                 "text not published), 1 chapters; 14 new, 0 updated, 0 unchanged, 0 kept from before; "
                                 "0 problems; ")
    assert lawdiff(b, "fetch", "--session", "193", "--from", str(folder)).returncode == 0
    assert (a / "instruments.toml").read_bytes() == (b / "instruments.toml").read_bytes()
    assert sorted(p.name for p in (a / "raw").iterdir()) == sorted(p.name for p in (b / "raw").iterdir())


def test_records_python_cannot_read_are_one_line_each(tmp_path):
    """An over-long integer in a history is one line of the report, and a session law whose Year
    is no number names no chapter: never a traceback (review of this round).  (A year's listing
    holds some chapters of the next year: the API lists 2024's first chapters under 2023.)"""
    folder = family(tmp_path, ["H4115", "H4241"], laws=False)
    (folder / "history" / "H4241.json").write_bytes(b'[{"Date": ' + b"1" * 5000 + b"}]")
    laws = [{"OriginBill": {"BillNumber": "H4241"}, "Year": "20x3", "ChapterNumber": "1"},
            {"OriginBill": {"BillNumber": "H4115"}, "Year": True, "ChapterNumber": "2"}]
    (folder / "sessionlaws-2023.json").write_text(json.dumps(laws), encoding="utf-8")
    report = import_session(tmp_path / "corpus-193", FolderSource(folder, 193), 193, years=[2023], today=TODAY)
    assert any(line.startswith(f"{folder}/history/H4241.json: ") and "4,300 digits" in line for line in report.problems)
    assert not any(e.startswith("acts-") for e in entries(tmp_path / "corpus-193"))
