"""A copy of the shipped corpus for fetch tests, and how they run ``lawdiff`` and look at its files."""

import os
import re
import shutil
import subprocess
import sys
import tomllib

from . import CORPUS, H2288
from .billpdf import h2288_bill, render

EO_PATH = "/executive-orders/no-650-protecting-access-to-essential-services-and-keeping-massachusetts-communities-safe"


def plumbing_pdf(docket: str, number_line: str, court: str | None = None) -> bytes:
    """The H.2288 body under another bill's header: these tests check the plumbing, not that bill's words.
    ``court``: the General Court the cover names instead of H.2288's ("One Hundred and Ninety-Fourth")."""
    bill = h2288_bill(H2288.read_text(encoding="utf-8"))
    bill.docket, bill.number_line = docket, number_line
    if court:
        bill.preface = [line and line.replace("One Hundred and Ninety-Third", court) for line in bill.preface]
    return render(bill)


def textless_corpus(root):
    """The shipped corpus copied to ``root``, S.997's and H.1401's API records taken out: the
    tests fetch them as instruments that have no text yet."""
    shutil.copytree(CORPUS, root)
    manifest = root / "instruments.toml"
    text = manifest.read_text(encoding="utf-8")
    for iid in ("193-s997", "193-h1401"):
        (root / "raw" / f"{iid}.json").unlink()
        text = re.sub(rf'(id = "{iid}"\n(?:(?!\n\n).)*?)format = "api-json"\npath = "[^"]*"\nsha256 = "[^"]*"\n',
                      r'\1format = "pdf"\n', text, flags=re.S)
    manifest.write_text(text, encoding="utf-8")
    return root


def lawdiff(corpus_dir, *args, base=None):
    env = {**os.environ, "LAWDIFF_CORPUS": str(corpus_dir)}
    env.pop("LAWDIFF_BASE_URL", None)
    if base:
        env["LAWDIFF_BASE_URL"] = base
    return subprocess.run([sys.executable, "-m", "lawdiff", *args], capture_output=True, text=True, env=env,
                          cwd=corpus_dir.parent)


def files(root):
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*"))


def textless_corpus_files():
    """The files of the ``corpus_dir`` fixture as it starts: the shipped corpus less two raw files."""
    return [f for f in files(CORPUS) if f not in ("raw/193-s997.json", "raw/193-h1401.json")]


def entry(corpus_dir, entry_id):
    data = tomllib.loads((corpus_dir / "instruments.toml").read_text(encoding="utf-8"))
    return next(e for e in data["instrument"] if e["id"] == entry_id)
