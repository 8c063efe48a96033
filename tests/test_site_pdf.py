"""Each version redline of the built site offers its PDF: printed by headless Chromium with the
site, linked from the page, downloadable, the same bytes on every build; and a machine
without Chromium builds the site without PDFs, says so once, and links none."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

import lxml.html
import pytest
from click.testing import CliRunner

from lawdiff import Corpus
from lawdiff.cli import main
from lawdiff.site.build import build_site
from lawdiff.site.serve import make_server
from helpers.site_corpus import make_corpus

ROOT = Path(__file__).resolve().parents[1]
SLUG = "193-s997--193-h1401"  # S.997 (193rd court) refiled as H.1401 in the shipped corpus


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("site") / "build"
    build_site(Corpus.load(ROOT / "corpus"), out, search=False, cache_dir=out.parent / "cache")
    return out


def downloads(page: Path) -> list[tuple[str, str]]:
    tree = lxml.html.fromstring(page.read_bytes())
    return [(a.text_content(), a.get("href")) for a in tree.xpath("//p[contains(@class, 'downloads')]/a")]


def pdf_text(data: bytes, tmp_path: Path) -> str:
    """The PDF's text as poppler reads it, whitespace collapsed."""
    path = tmp_path / "read.pdf"
    path.write_bytes(data)
    done = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True)
    return " ".join(done.stdout.decode("utf-8").split())


def test_the_redline_page_links_a_pdf_that_downloads(site, tmp_path):
    """Served over HTTP, the redline page's PDF link downloads a PDF of the redline: the summary
    of its two changes and the provisions they are in.  Expected from the texts in corpus/raw:
    H.1401 capitalises "Suffolk county," in section 5P(e) and adds a subsection (e) to section 5Q
    ("Nothing herein shall be construed to expand the authority ..."); nothing else differs."""
    assert downloads(site / "redlines" / f"{SLUG}.html") == [
        ("Word", f"{SLUG}.docx"), ("PDF", f"{SLUG}.pdf"), ("JSON", f"{SLUG}.json")]
    server = make_server(site, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/redlines/{SLUG}.pdf"
        with urllib.request.urlopen(url, timeout=30) as answer:
            assert answer.status == 200
            data = answer.read()
    finally:
        server.shutdown()
        server.server_close()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    text = pdf_text(data, tmp_path)
    assert "S.997 → H.1401" in text and "Summary of changes" in text
    assert "2 changes, 1 amended, 1 inserted" in text
    assert "1 Section 5P(e) Amended" in text and "“Suffolk county,” → “Suffolk County,”" in text
    assert "2 Section 5Q(e) Inserted" in text
    assert "Nothing herein shall be construed to expand the authority of the Governor" in text


def test_the_site_pdf_is_what_lawdiff_diff_prints_and_every_build_prints_the_same(site, tmp_path):
    """One printed layout: the site's PDF is byte for byte the file `lawdiff diff --format pdf`
    writes for the same two instruments; and a second build, from an empty cache, prints the
    same bytes (Chromium's clock dates blanked)."""
    result = CliRunner().invoke(main, ["--corpus", str(ROOT / "corpus"), "diff", "193-s997", "193-h1401",
                                       "--format", "pdf", "--out", str(tmp_path / "diff.pdf")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "diff.pdf").read_bytes() == (site / "redlines" / f"{SLUG}.pdf").read_bytes()
    again = tmp_path / "again"
    build_site(Corpus.load(ROOT / "corpus"), again, search=False, cache_dir=tmp_path / "cache")
    pdfs = sorted(p.name for p in (site / "redlines").glob("*.pdf"))
    # the two version redlines; the side-by-side page of two instruments has none
    assert pdfs == ["193-h2288--193-s1510.pdf", f"{SLUG}.pdf"]
    assert sorted(p.name for p in (again / "redlines").glob("*.pdf")) == pdfs
    for name in pdfs:
        assert (again / "redlines" / name).read_bytes() == (site / "redlines" / name).read_bytes(), name


def build_cli(corpus: Path, out: Path, env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "lawdiff", "--corpus", str(corpus), "build", "--out", str(out),
                           "--no-search", *args], capture_output=True, text=True, env=env, cwd=out.parent)


def links_to_pdf(site: Path) -> list[str]:
    return [f"{p.name}: {href}" for p in site.rglob("*.html") for _, href in downloads(p) if href.endswith(".pdf")]


def test_without_chromium_the_site_is_built_without_pdfs_and_says_so(tmp_path):
    """No Chromium to run ($LAWDIFF_CHROMIUM naming nothing, a folder or a program that is not
    Chromium; none on the PATH): the build succeeds, one line on stderr says why and how to get
    the PDFs, and no page links a PDF.  --no-pdf leaves them out without a word."""
    corpus = make_corpus(tmp_path)
    empty = tmp_path / "no-programs"
    empty.mkdir()
    cases = {"nowhere": {"LAWDIFF_CHROMIUM": str(tmp_path / "nowhere" / "chromium")},
             "folder": {"LAWDIFF_CHROMIUM": str(empty)},
             "not-chromium": {"LAWDIFF_CHROMIUM": "/bin/false"},
             "no-path": {"LAWDIFF_CHROMIUM": "", "PATH": str(empty)}}
    for name, env in cases.items():
        out = tmp_path / name
        done = build_cli(corpus, out, {**os.environ, **env})
        assert done.returncode == 0, done.stderr
        warning, built = done.stderr.splitlines()
        assert warning.startswith("lawdiff: built without the redlines' PDFs: "), (name, warning)
        assert "install chromium" in warning and "LAWDIFF_CHROMIUM" in warning and "--no-pdf" in warning
        # 3 instruments, 2 redlines (one side by side), the Word file and JSON of the other, the index,
        # and the session citator's pages and downloads
        citator = len(list((out / "citator").iterdir()))
        assert citator >= 5 and built.startswith(f"lawdiff: built {8 + citator} pages into {out}/")
        assert list(out.rglob("*.pdf")) == [] and links_to_pdf(out) == []
        assert downloads(out / "redlines" / "193-h2288--xss-h2288.html") == [
            ("Word", "193-h2288--xss-h2288.docx"), ("JSON", "193-h2288--xss-h2288.json")]
    done = build_cli(corpus, tmp_path / "skipped", {**os.environ, **cases["nowhere"]}, "--no-pdf")
    assert done.returncode == 0 and done.stderr.count("\n") == 1 and "PDF" not in done.stderr
    assert list((tmp_path / "skipped").rglob("*.pdf")) == [] and links_to_pdf(tmp_path / "skipped") == []
    # with Chromium, the same corpus's redline links its PDF
    done = build_cli(corpus, tmp_path / "with", {**os.environ, "LAWDIFF_CHROMIUM": ""})
    assert done.returncode == 0 and done.stderr.count("\n") == 1, done.stderr
    assert links_to_pdf(tmp_path / "with") == ["193-h2288--xss-h2288.html: 193-h2288--xss-h2288.pdf"]
    assert (tmp_path / "with" / "redlines" / "193-h2288--xss-h2288.pdf").read_bytes().startswith(b"%PDF-")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_worker_stopped_while_chromium_prints_leaves_neither_chromium_nor_its_folder(tmp_path):
    """A build's worker ends on SIGTERM (Ctrl-C, or the build stopping): the Chromium printing
    for it ends too, and its temporary folder (the profile, megabytes) is removed."""
    from test_hostile import _descendants, _running

    page = tmp_path / "long.html"  # hundreds of sheets: Chromium prints for seconds
    page.write_text("<!doctype html><title>long</title>" + "<p>Section 1. The agency shall not.</p>" * 40000)
    temp = Path(tempfile.mkdtemp(prefix="ld-"))  # short: Chromium puts sockets in it (108 bytes a path)
    proc = subprocess.Popen([sys.executable, "-c", "import sys; from lawdiff.render.pdf import html_to_pdf; "
                             "html_to_pdf(open(sys.argv[1]).read())", str(page)],
                            env={**os.environ, "TMPDIR": str(temp)}, stderr=subprocess.PIPE)
    seen: set[int] = set()
    try:
        deadline = time.monotonic() + 30
        while not any(b"--print-to-pdf" in cmdline(p) for p in seen) and time.monotonic() < deadline:
            seen = _descendants(proc.pid)
            time.sleep(0.05)
        assert [p for p in seen if b"--print-to-pdf" in cmdline(p)], "Chromium never started"
        time.sleep(0.5)
        seen |= _descendants(proc.pid)
        assert proc.poll() is None, proc.stderr.read().decode()
        proc.terminate()
        proc.wait(timeout=30)
        time.sleep(1)
        assert [p for p in seen if _running(p)] == []
        assert list(temp.iterdir()) == []  # nor Chromium's own temporary files
        assert proc.returncode == 128 + signal.SIGTERM and b"Traceback" not in proc.stderr.read()
    finally:
        for p in seen:
            if _running(p):
                os.kill(p, signal.SIGKILL)
        proc.kill()
        proc.wait()
        shutil.rmtree(temp, ignore_errors=True)


def cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""
