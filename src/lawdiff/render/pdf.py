"""Printable PDFs of the site's own pages, printed by headless Chromium.

The PDF of a redline or an instrument is the standalone page the site renders
(``render_redline``/``render_instrument`` with ``root=None``: CSS inlined, the
print stylesheet applies), so print and screen never disagree.  Every printed
page carries the page's title at its head and "Page n of N" at its foot (CSS
page-margin boxes), so a loose sheet still says which comparison it belongs to.  Chromium stamps
the file with the clock; those two dates are blanked in place (same length, so
the cross-reference offsets stay right) and the same page prints to the same
bytes.
"""

from __future__ import annotations

import hashlib
import html as htmllib
import os
import re
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from lawdiff.errors import LawdiffError

CHROMIUM_FLAGS = (
    "--headless", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-extensions", "--no-pdf-header-footer",
    # The page is a local file that loads nothing: no host name is looked up (Chromium asked
    # for update and connectivity hosts on every print, 20 DNS queries a PDF, waiting where
    # there is no network).
    "--host-resolver-rules=MAP * ~NOTFOUND",
)
# No script runs (the page's own script is for the screen) and nothing is loaded or framed:
# the page's inline styles and data: images only.  The policy, not a flag, turns scripts off:
# Chromium's --blink-settings=scriptEnabled=false stops headless printing altogether.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'"
TIMEOUT_S = 120
# Chromium's time grows with the page (about 8 s a million characters of page at 3,000 sections on
# an idle machine, three times that on a loaded one, a little faster than the pages): a fixed limit refused
# a long omnibus that would have printed.  The limit stops a Chromium that hangs, so it grows with
# the page too.
SECONDS_PER_MB = 60
GET_CHROMIUM = "install chromium (bash scripts/build.sh does) or set LAWDIFF_CHROMIUM to its path"
_CLOCK = re.compile(rb"/(?:CreationDate|ModDate) \(D:[^)]*\)")
# A link to another page of the site ("index.html") means nothing on paper, and would print as the
# temporary file's path; links within the page ("#sec_2") and to the web stay.
_RELATIVE_HREF = re.compile(r'\shref="(?!#|[A-Za-z][\w+.-]*:)[^"]*"')


_TITLE = re.compile(r"<title>(.*?)</title>", re.S)


def _running_head(html: str) -> str:
    """A print style putting the page's <title> at the top of every sheet."""
    found = _TITLE.search(html)
    if not found:
        return html
    title = " ".join(htmllib.unescape(found.group(1)).split())
    # A CSS string: escape what could end the string or the <style> element.
    css = "".join(f"\\{ord(c):x} " if c in '"\\<>' else c for c in title)
    style = f'<style>@media print {{ @page {{ @top-left {{ content: "{css}"; font: 8pt sans-serif; }} }} }}</style>'
    return html.replace("</head>", style + "</head>", 1)


def _locked_down(html: str) -> str:
    """The page with the strict Content-Security-Policy first in its head."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
    head = re.search(r"<head\b[^>]*>", html, re.I)
    if head:
        return html[:head.end()] + meta + html[head.end():]
    return f"<head>{meta}</head>" + html


def flags() -> list[str]:
    """Chromium's flags: its sandbox stays on unless lawdiff runs as root, where Chromium
    refuses to start with it."""
    root = hasattr(os, "geteuid") and os.geteuid() == 0
    return [*CHROMIUM_FLAGS, *(["--no-sandbox"] if root else [])]


def chromium() -> str:
    """The Chromium to print with: $LAWDIFF_CHROMIUM, else chromium on the PATH."""
    found = os.environ.get("LAWDIFF_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        raise LawdiffError("chromium", f"not found; PDF output needs headless Chromium: {GET_CHROMIUM}")
    return found


# Families the pages ask for; fontconfig's choice for each is part of what prints.
_FAMILIES = ("serif", "sans-serif", "monospace", "Times New Roman", "Georgia")


def fonts() -> str:
    """The fonts Chromium would print with, as a short hash ("fonts 3f2a..."): every font file
    fontconfig lists (path, size, modification time) and the file it picks for each family the
    pages name, so a font installed, removed or updated, or a new fontconfig rule, gives
    another hash.  "fonts unknown" where fontconfig's tools are missing."""
    digest = hashlib.sha256()
    try:
        listed = subprocess.run(["fc-list", "--format", "%{file}\n"], capture_output=True, timeout=30,
                                stdin=subprocess.DEVNULL).stdout.decode("utf-8", "replace")
        for path in sorted(set(listed.splitlines())):
            try:
                st = os.stat(path)
                digest.update(f"{path}\0{st.st_size}\0{st.st_mtime_ns}\n".encode("utf-8", "replace"))
            except OSError:
                digest.update(f"{path}\0gone\n".encode("utf-8", "replace"))
        for family in _FAMILIES:
            picked = subprocess.run(["fc-match", "--format", "%{file}", family], capture_output=True, timeout=30,
                                    stdin=subprocess.DEVNULL).stdout
            digest.update(family.encode() + b"\0" + picked + b"\n")
    except (OSError, subprocess.TimeoutExpired):
        return "fonts unknown"
    return f"fonts {digest.hexdigest()[:16]}"


def printer() -> str:
    """The Chromium that would print, by its version and its fonts ("Chromium 156.0.8078.114;
    fonts 3f2a..."): another Chromium, or other fonts, print other bytes, so a cached PDF
    names what printed it.  Asking costs a few milliseconds, and proves Chromium runs: a
    LawdiffError says why not."""
    browser = chromium()
    try:
        done = subprocess.run([browser, "--version"], capture_output=True, timeout=30, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        raise LawdiffError(browser, "Chromium did not answer --version within 30 s") from None
    except OSError as e:  # missing, a folder, not executable
        raise LawdiffError(browser, f"cannot run Chromium: {e.strerror or e}") from None
    answer = done.stdout.decode("utf-8", "replace").strip().splitlines() or [""]
    version = answer[0].split(" built on")[0].strip()
    if done.returncode != 0 or not re.search(r"\d+\.\d+", version):
        raise LawdiffError(browser, f"does not run as Chromium (--version answered {version[:60]!r}, "
                                    f"exit status {done.returncode})")
    return f"{version}; {fonts()}"


def html_to_pdf(html: str, name: object = "page") -> bytes:
    """Print one self-contained HTML page (no links to other files) to PDF bytes."""
    browser = chromium()
    with _clean_end_on_term(), tempfile.TemporaryDirectory(prefix="lawdiff-pdf-") as tmp:
        page = Path(tmp) / "page.html"
        page.write_text(_locked_down(_running_head(_RELATIVE_HREF.sub("", html))), encoding="utf-8")
        out = Path(tmp) / "page.pdf"
        cmd = [browser, *flags(), f"--user-data-dir={Path(tmp) / 'profile'}",
               f"--print-to-pdf={out}", page.as_uri()]
        # Chromium's own temporary files (its profile's lock socket) in the folder too, removed with
        # it even when Chromium is stopped early; where the socket's path would be too long for
        # a Unix socket (108 bytes), in the usual temporary folder.
        env = {**os.environ, "TMPDIR": tmp} if len(os.fsencode(tmp)) <= 56 else None
        allowed = allowance(html)
        try:
            stderr = _run(cmd, env, allowed)
        except subprocess.TimeoutExpired:
            raise LawdiffError(name, f"Chromium did not print the page within {allowed} s") from None
        except OSError as e:  # $LAWDIFF_CHROMIUM names nothing runnable
            raise LawdiffError(browser, f"cannot run Chromium: {e.strerror or e}") from None
        if not out.is_file() or out.stat().st_size == 0:
            detail = stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no output"]
            raise LawdiffError(name, f"Chromium could not print the page ({detail[0]})")
        data = out.read_bytes()
    return _CLOCK.sub(lambda m: b" " * len(m.group(0)), data)


def allowance(html: str) -> int:
    """Seconds Chromium is given to print ``html``: ``TIMEOUT_S``, and ``SECONDS_PER_MB`` more for
    each million characters of page."""
    return TIMEOUT_S + round(SECONDS_PER_MB * len(html) / 1_000_000)


def _run(cmd: list[str], env: dict | None, timeout: float) -> bytes:
    """Run Chromium to its end; its stderr.  Stopped early (a timeout, SIGTERM, Ctrl-C), it is
    asked to end (TERM) before it is killed, so it removes its own temporary files; and its
    helper processes (a process group of its own) are waited for, so none writes into the
    temporary folder after the caller has removed it (a worker stopped while Chromium printed
    once left the folder behind when a helper outlived the browser)."""
    with subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
                          start_new_session=True) as proc:
        try:
            return proc.communicate(timeout=timeout)[1]
        except BaseException:
            proc.terminate()
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()
            _end_group(proc.pid)
            raise


def _end_group(pgid: int) -> None:
    """Ask what is left of Chromium's process group to end, wait up to 5 s, then kill it."""
    for sig, wait in ((signal.SIGTERM, 5.0), (signal.SIGKILL, 1.0)):
        try:
            os.killpg(pgid, sig)
        except (ProcessLookupError, PermissionError):
            return  # none left
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            try:
                os.killpg(pgid, 0)
            except (ProcessLookupError, PermissionError):
                return
            time.sleep(0.05)


class _Terminated(BaseException):
    """SIGTERM while Chromium prints, in a process that would otherwise die on the spot."""


@contextmanager
def _clean_end_on_term():
    """A site build's worker dies on SIGTERM (Ctrl-C or the build's own end); printing, it would
    leave Chromium running for nobody and its profile folder (megabytes) in the temporary
    folder.  Here SIGTERM raises instead: ``_run`` ends Chromium, the temporary folder is
    removed, and only then does the process end with the status SIGTERM gives.
    A caller with a SIGTERM handler of its own (the CLI's raises SystemExit) keeps it."""
    if threading.current_thread() is not threading.main_thread() or signal.getsignal(signal.SIGTERM) != signal.SIG_DFL:
        yield
        return

    def stop(signum, frame):
        raise _Terminated

    signal.signal(signal.SIGTERM, stop)
    try:
        yield
    except _Terminated:
        os._exit(128 + signal.SIGTERM)
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


def redline_pdf(model: dict, docs=None, context: str = "changes") -> bytes:
    """The printed redline; ``docs`` (old, new) put each printed line in its row with its number."""
    from lawdiff.render.redline_html import render_redline

    return html_to_pdf(render_redline(model, docs=docs, context=context, screen=False),
                       f"{model['old'].get('id')} → {model['new'].get('id')}")


def instrument_pdf(doc) -> bytes:
    from lawdiff.render.instrument_html import render_instrument

    return html_to_pdf(render_instrument(doc), doc.meta.get("id", "document"))
