"""``lawdiff fetch`` and ``lawdiff add`` against a loopback HTTP server serving fixtures built here."""

import hashlib
import io

import pytest
from reportlab.pdfgen import canvas

from helpers.api_records import Server
from helpers.billhtml import error_page, h2288_parts, malegislature_bill_page, mass_gov_eo_page
from helpers import CORPUS, EO650, H2288
from helpers.fetch_corpus import EO_PATH, entry, files, lawdiff, plumbing_pdf, textless_corpus_files
from lawdiff import load_document
from lawdiff.errors import LawdiffError
from lawdiff.load.manifest import Corpus



def scan_pdf() -> bytes:
    c = canvas.Canvas(buf := io.BytesIO(), invariant=1)
    c.rect(72, 72, 400, 600, fill=1)
    c.showPage()
    c.save()
    return buf.getvalue()


@pytest.fixture(scope="module")
def site():
    site = Server()
    # No /api/... route: the legislature's API answers 404 for every bill here, so fetch takes
    # its fallback path, the PDF then the .Html page (the API path: test_fetch_api.py).
    site.routes.update({path: [answer] for path, answer in {
        "/Bills/193/S997.pdf": (200, {"Content-Type": "application/pdf"},
                                plumbing_pdf("SENATE DOCKET, NO. 1100", "SENATE . . . . . . . . No. 997")),
        "/Bills/194/H5316.pdf": (302, {"Location": "/Bills/194/H5316.pdf"}, b""),  # a redirect loop
        "/Bills/194/S3072.pdf": (200, {"Content-Type": "text/html"}, error_page().encode()),  # "200" error page
        "/Bills/194/H5620.pdf": (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4\n" + b"0" * 300_000 + b"%%EOF"),
        "/Bills/193/H1401.pdf": (200, {"Content-Type": "application/pdf"},
                                 plumbing_pdf("HOUSE DOCKET, NO. 3902", "HOUSE . . . . . . . . No. 1401")[:4000]),
        # A scanned PDF (no text layer): fetch falls back to the whole-bill HTML page.
        "/Bills/194/H2580.pdf": (200, {"Content-Type": "application/pdf"}, scan_pdf()),
        "/Bills/194/H2580.Html": (200, {"Content-Type": "text/html"}, malegislature_bill_page(
            *h2288_parts(H2288.read_text(encoding="utf-8")), [("Manny Cruz", "7th Essex", "1/17/2025")]).encode()),
        EO_PATH: (200, {"Content-Type": "text/html; charset=utf-8"},
                  mass_gov_eo_page(EO650.read_text(encoding="utf-8")).encode()),
    }.items()})
    yield site
    site.close()


def test_fetch_each_instrument_on_its_own(site, corpus_dir):
    before = (corpus_dir / "instruments.toml").read_text(encoding="utf-8")
    before_files = files(corpus_dir)
    ids = ["193-s997", "194-s1681", "194-h5316", "194-s3072", "193-h1401"]
    out = lawdiff(corpus_dir, "fetch", *ids, "--max-mb", "1", base=site.base)
    assert out.returncode == 2
    # The one that exists is fetched; each other gets one line naming it, its URL and the problem.
    assert out.stdout.startswith("193-s997: fetched raw/193-s997.pdf from https://malegislature.gov/Bills/193/S997.pdf")
    errors = out.stderr.splitlines()
    assert len(errors) == 4
    assert errors[0] == (f"lawdiff: 194-s1681: {site.base}/Bills/194/S1681.pdf: HTTP 404 Not Found; "
                         f"then {site.base}/Bills/194/S1681.Html: HTTP 404 Not Found")
    assert errors[1].startswith(f"lawdiff: 194-h5316: {site.base}/Bills/194/H5316.pdf: redirect loop")
    assert errors[2] == f"lawdiff: 194-s3072: {site.base}/Bills/194/S3072.pdf: an error page (Page Not Found), not an instrument"
    assert errors[3].startswith(f"lawdiff: 193-h1401: {site.base}/Bills/193/H1401.pdf: truncated PDF")

    # Only S.997 changed: its file, and its entry in the manifest; no temporary files left behind.
    assert files(corpus_dir) == sorted(before_files + ["raw/193-s997.pdf"])
    data = (corpus_dir / "raw/193-s997.pdf").read_bytes()
    s997 = entry(corpus_dir, "193-s997")
    assert s997["path"] == "raw/193-s997.pdf" and s997["format"] == "pdf"
    assert s997["sha256"] == hashlib.sha256(data).hexdigest()
    assert s997["source_url"] == "https://malegislature.gov/Bills/193/S997.pdf"
    assert len(s997["fetched"]) == 10 and s997["fetched"][4] == "-"
    after = (corpus_dir / "instruments.toml").read_text(encoding="utf-8")
    added = [line for line in after.splitlines() if line not in before.splitlines()]
    assert sorted(k.split(" = ")[0] for k in added) == ["fetched", "path", "sha256", "source_url"]
    # Every comment and every other line of the manifest is kept, in order.
    assert [line for line in after.splitlines() if line not in added] == before.splitlines()
    for other in ("194-s1681", "194-h5316", "194-s3072", "193-h1401"):
        assert "path" not in entry(corpus_dir, other)

    # Once fetched, the instrument parses like a shipped one, citing its printed lines.
    doc = load_document("193-s997", Corpus.load(corpus_dir))
    assert doc.meta["number"] == "S.997"  # the manifest's fields win; the PDF's header fills in the rest
    assert doc.meta["docket"] == "SD.506"  # the manifest's, not the PDF header's SD.1100
    assert doc.meta["filed"] == "2023-01-19"
    assert doc.meta["line_numbers"] == "printed"
    assert "fetched" not in doc.meta  # the download date stays out of every output
    assert doc.tree.find("sec_3__qstr_1__sec_40").lines == [85, 97]
    out = lawdiff(corpus_dir, "parse", "193-s997", "--format", "text")
    assert out.returncode == 0 and "lines 85–97  [sec_3__qstr_1__sec_40]" in out.stdout


def test_fetch_falls_back_to_the_html_page_when_the_pdf_is_a_scan(site, corpus_dir, h2288):
    out = lawdiff(corpus_dir, "fetch", "194-h2580", base=site.base)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("194-h2580: fetched raw/194-h2580.html from https://malegislature.gov/Bills/194/H2580.Html")
    h2580 = entry(corpus_dir, "194-h2580")
    assert h2580["format"] == "html" and h2580["source_url"].endswith("/Bills/194/H2580.Html")
    assert not (corpus_dir / "raw/194-h2580.pdf").exists()
    doc = load_document("194-h2580", Corpus.load(corpus_dir))
    assert doc.meta["line_numbers"] == "source"  # the HTML prints no line numbers: none are claimed
    assert doc.tree.words() == h2288.tree.words()


def test_fetch_is_idempotent(site, corpus_dir):
    assert lawdiff(corpus_dir, "fetch", "193-s997", base=site.base).returncode == 0
    manifest = (corpus_dir / "instruments.toml").read_bytes()
    hits = site.hits["/Bills/193/S997.pdf"]
    out = lawdiff(corpus_dir, "fetch", "193-s997", base=site.base)
    assert out.returncode == 0 and out.stdout == "193-s997: up to date (raw/193-s997.pdf)\n"
    assert site.hits["/Bills/193/S997.pdf"] == hits  # not downloaded again
    out = lawdiff(corpus_dir, "fetch", "193-s997", "--force", base=site.base)
    assert out.returncode == 0 and out.stdout.startswith("193-s997: unchanged raw/193-s997.pdf")
    assert (corpus_dir / "instruments.toml").read_bytes() == manifest


def test_fetch_executive_order_page(site, corpus_dir, eo650):
    out = lawdiff(corpus_dir, "fetch", "eo-650", "--force", base=site.base)
    assert out.returncode == 0, out.stderr
    eo = entry(corpus_dir, "eo-650")
    assert eo["path"] == "raw/eo-650.html" and eo["format"] == "html"
    assert eo["source_url"] == "https://www.mass.gov" + EO_PATH
    doc = load_document("eo-650", Corpus.load(corpus_dir))
    assert [(n.eid, n.num, n.heading, n.text) for n in doc.tree.walk()] == \
        [(n.eid, n.num, n.heading, n.text) for n in eo650.tree.walk()]


def test_fetch_offline_and_oversized(site, corpus_dir):
    manifest = (corpus_dir / "instruments.toml").read_bytes()
    with socket_closed() as base:
        out = lawdiff(corpus_dir, "fetch", "193-s997", "194-s1122", base=base)
    assert out.returncode == 2 and out.stdout == ""
    lines = out.stderr.splitlines()
    assert len(lines) == 2 and all("cannot connect" in line and "offline?" in line for line in lines)
    with socket_closed() as base:
        out = lawdiff(corpus_dir, "fetch", "--all", base=base)
    assert out.returncode == 2
    assert out.stdout.splitlines() == ["eo-650: up to date (raw/eo-650.txt)", "193-h2288: up to date (raw/193-h2288.txt)",
                                       "193-s1510: up to date (raw/193-s1510.json)",
                                       "boston-eo-2026-02-05: skipped (no official URL in the manifest)"]
    failed = [line.split(":")[1].strip() for line in out.stderr.splitlines()]
    assert failed == [i for i in Corpus.load(CORPUS).entries if i not in ("eo-650", "193-h2288", "193-s1510", "boston-eo-2026-02-05")]
    out = lawdiff(corpus_dir, "fetch", "194-h5620", "--max-mb", "0.1", base=site.base)
    assert out.returncode == 2
    assert out.stderr == f"lawdiff: 194-h5620: {site.base}/Bills/194/H5620.pdf: file is 300,014 bytes, over the 104,857-byte limit\n"
    assert (corpus_dir / "instruments.toml").read_bytes() == manifest
    assert files(corpus_dir) == textless_corpus_files()


class socket_closed:
    """A loopback port nobody listens on."""

    def __enter__(self):
        import socket
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        self.port = s.getsockname()[1]
        s.close()
        return f"http://127.0.0.1:{self.port}"

    def __exit__(self, *exc):
        return False


def test_add_registers_a_file_the_user_has(corpus_dir, tmp_path):
    pdf = tmp_path / "S1681.pdf"
    pdf.write_bytes(plumbing_pdf("SENATE DOCKET, NO. 1596", "SENATE . . . . . . . . No. 1681",
                                 court="One Hundred and Ninety-Fourth"))
    out = lawdiff(corpus_dir, "add", str(pdf), "--id", "194-s1681")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("194-s1681: added raw/194-s1681.pdf")
    s1681 = entry(corpus_dir, "194-s1681")
    assert s1681["path"] == "raw/194-s1681.pdf" and s1681["title"] == "Safe Communities Act"
    assert "fetched" not in s1681 and "source_url" not in s1681
    assert lawdiff(corpus_dir, "parse", "194-s1681").returncode == 0

    # A new id gets a new [[instrument]] table at the end.
    out = lawdiff(corpus_dir, "add", str(EO650), "--id", "eo-650-copy", "--kind", "executive-order",
                  "--title", "Copy of EO 650")
    assert out.returncode == 0, out.stderr
    copy = entry(corpus_dir, "eo-650-copy")
    assert copy["kind"] == "executive-order" and copy["path"] == "raw/eo-650-copy.txt"
    assert load_document("eo-650-copy", Corpus.load(corpus_dir)).tree.find("sec_5").heading == "287(g) Agreements"



def test_add_registers_a_word_draft(corpus_dir, tmp_path):
    # A staffer's Word draft of EO 650, a paragraph a line: stored as raw/<id>.docx (it used to crash).
    import docx

    draft = docx.Document()
    for line in EO650.read_text(encoding="utf-8").splitlines():
        if line.strip():
            draft.add_paragraph(line.strip())
    draft.save(tmp_path / "eo-650-draft.docx")
    out = lawdiff(corpus_dir, "add", str(tmp_path / "eo-650-draft.docx"), "--id", "eo-650-draft",
                  "--kind", "executive-order")
    assert out.returncode == 0, out.stderr
    assert entry(corpus_dir, "eo-650-draft")["path"] == "raw/eo-650-draft.docx"
    assert entry(corpus_dir, "eo-650-draft")["format"] == "docx"
    doc = load_document("eo-650-draft", Corpus.load(corpus_dir))
    assert doc.tree.find("sec_5").heading == "287(g) Agreements"

def test_add_refuses_what_it_cannot_read(corpus_dir, tmp_path):
    page = tmp_path / "login.html"
    page.write_text('<html><title>Sign In</title><body><form><input type="password"></form></body></html>')
    manifest = (corpus_dir / "instruments.toml").read_bytes()
    out = lawdiff(corpus_dir, "add", str(page), "--id", "194-s1681")
    assert out.returncode == 2 and out.stderr.count("\n") == 1 and "a login page" in out.stderr
    assert (corpus_dir / "instruments.toml").read_bytes() == manifest
    assert files(corpus_dir) == textless_corpus_files()


def test_add_refuses_an_id_that_is_not_a_file_name(corpus_dir, tmp_path):
    out = lawdiff(corpus_dir, "add", str(EO650), "--id", "../escape")
    assert out.returncode == 2 and "an id is lower-case letters and digits" in out.stderr
    assert files(corpus_dir) == textless_corpus_files() and not (corpus_dir.parent / "escape.txt").exists()


def test_manifest_failure_leaves_the_raw_file_as_it_was(corpus_dir, monkeypatch):
    # The disk fills up as the manifest is written, after the raw file was: add is undone.
    from click.testing import CliRunner

    from lawdiff.cli import main
    from lawdiff.load import manifest_edit

    def disk_full(path, data, durable=False):
        raise LawdiffError(path, "cannot write here: No space left on device")

    monkeypatch.setattr(manifest_edit, "write_atomic", disk_full)
    manifest = corpus_dir / "instruments.toml"
    text = manifest.read_text(encoding="utf-8")
    out = CliRunner().invoke(main, ["--corpus", str(corpus_dir), "add", str(EO650), "--id", "194-s1681", "--title", "x"])
    assert out.exit_code == 2
    assert out.stderr == f"lawdiff: {manifest}: cannot write here: No space left on device\n"
    assert manifest.read_text(encoding="utf-8") == text
    assert files(corpus_dir) == textless_corpus_files()
