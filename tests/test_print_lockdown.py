"""Printing a page runs nothing and asks the network nothing (issue 25 item 9): no name is
looked up, no script runs (a strict Content-Security-Policy), and Chromium's sandbox is
turned off only where it cannot run, as root."""

import subprocess

from lawdiff.render import pdf


def pdf_text(data: bytes, tmp_path) -> str:
    path = tmp_path / "p.pdf"
    path.write_bytes(data)
    done = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True)
    return " ".join(done.stdout.decode("utf-8").split())


def test_a_script_in_the_printed_page_does_not_run(tmp_path):
    page = ("<!doctype html><html><head><title>Print</title></head><body><p>Section 1. Printed words.</p>"
            "<script>document.body.insertAdjacentHTML('beforeend', '<p>Written by a script.</p>')</script>"
            "</body></html>")
    text = pdf_text(pdf.html_to_pdf(page), tmp_path)
    assert "Section 1. Printed words." in text
    assert "Written by a script" not in text


def test_the_page_carries_a_policy_that_loads_and_runs_nothing():
    page = pdf._locked_down("<!doctype html><html><head><title>x</title></head><body></body></html>")
    assert page.index('<meta http-equiv="Content-Security-Policy"') < page.index("<title>")
    assert "default-src 'none'" in pdf.CSP and "script-src" not in pdf.CSP  # scripts fall to 'none'


def test_no_host_name_is_looked_up_and_the_sandbox_is_off_only_for_root(monkeypatch):
    monkeypatch.setattr(pdf.os, "geteuid", lambda: 1000)
    as_user = pdf.flags()
    assert "--host-resolver-rules=MAP * ~NOTFOUND" in as_user
    assert "--no-sandbox" not in as_user
    monkeypatch.setattr(pdf.os, "geteuid", lambda: 0)
    assert "--no-sandbox" in pdf.flags()
