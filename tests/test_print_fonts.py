"""What printed a cached PDF is in its key (issue 25 item 16): Chromium's version and the fonts
it prints with, so a new font prints the PDFs again; and scripts/build.sh waits for the
package manager's lock and does not say the PDFs are off when Chromium is there."""

import os
import subprocess

from test_hostile import _stub_machine

from lawdiff.render import pdf


def test_another_font_gives_another_printer(tmp_path, monkeypatch):
    bin_ = tmp_path / "bin"
    bin_.mkdir()
    listing = tmp_path / "fonts.txt"
    (bin_ / "fc-list").write_text(f"#!/bin/sh\ncat {listing}\n")
    (bin_ / "fc-match").write_text(f"#!/bin/sh\nhead -n 1 {listing} | tr -d '\\n'\n")
    (bin_ / "chromium").write_text("#!/bin/sh\necho 'Chromium 150.0.1.2 built on a test machine'\n")
    for stub in bin_.iterdir():
        stub.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("LAWDIFF_CHROMIUM", str(bin_ / "chromium"))
    serif, sans = tmp_path / "Serif.ttf", tmp_path / "Sans.ttf"
    serif.write_bytes(b"serif glyphs")
    sans.write_bytes(b"sans glyphs")
    listing.write_text(f"{serif}\n")
    first = pdf.printer()
    assert first.startswith("Chromium 150.0.1.2") and first == pdf.printer()
    listing.write_text(f"{serif}\n{sans}\n")  # a font installed
    installed = pdf.printer()
    assert installed != first
    sans.write_bytes(b"sans glyphs, a new version")  # a font updated in place
    assert pdf.printer() not in (first, installed)
    listing.write_text(f"{sans}\n{serif}\n")  # another font picked for "serif"
    assert pdf.printer() not in (first, installed)


def build_sh(tmp_path, apt_get: str):
    bin_, log = _stub_machine(tmp_path, "build.sh", {
        "apt-get": apt_get,
        "python3": "case \"$*\" in\n"
                   "  '-m venv .venv') mkdir -p .venv/bin && printf '#!/bin/sh\\n' > .venv/bin/pip && "
                   "cp .venv/bin/pip .venv/bin/lawdiff && chmod +x .venv/bin/* ;;\n"
                   "esac\n"})
    run = subprocess.run(["/bin/bash", str(tmp_path / "scripts" / "build.sh")], capture_output=True, text=True,
                         env={"PATH": str(bin_), "HOME": str(tmp_path)}, timeout=60)
    return run, [c for c in log.read_text().splitlines() if c.startswith("apt-get")]


def test_build_sh_waits_for_the_package_managers_lock(tmp_path):
    run, apt = build_sh(tmp_path, "")
    assert run.returncode == 0, run.stderr
    assert apt and all("-o DPkg::Lock::Timeout=600" in c for c in apt), apt


def test_build_sh_does_not_say_pdfs_are_off_when_chromium_is_there(tmp_path):
    """The install fails (another installer held the lock, and installed Chromium itself)."""
    chromium = tmp_path / "bin" / "chromium"
    run, apt = build_sh(tmp_path, f"case \"$*\" in *install*) printf '#!/bin/sh\\n' > {chromium}; "
                                  f"chmod +x {chromium}; exit 100 ;; esac\n")
    assert run.returncode == 0, run.stderr
    assert any("install" in c for c in apt) and chromium.exists()
    assert "without the redlines' PDFs" not in run.stderr
