"""Times the exports on a large generated bill pair (the redline benchmark's pair).

    python bench/bench_exports.py [PROVISIONS]

Prints the time of the change model, the Word redline built from it, the AKN
export of the new bill and its re-import, and checks the Word redline's
accept-all and reject-all texts against the two bills.
"""

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests.helpers

from bench_diff import make_bill, print_bill  # noqa: E402
from tests.helpers.docx_revisions import paragraphs  # noqa: E402

from lawdiff import load_document  # noqa: E402
from lawdiff.read.akn import read_akn  # noqa: E402
from lawdiff.render.akn import to_akn  # noqa: E402
from lawdiff.diff.changes import compare  # noqa: E402
from lawdiff.render.docx import FRONT_MATTER_PARAGRAPHS, render_docx  # noqa: E402


def texts(doc):
    return [" ".join(p for p in (n.num, n.heading, n.text) if p) for n in doc.tree.walk() if n.num or n.heading or n.text]


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def main() -> None:
    provisions = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    old_sections, new_sections = make_bill(provisions)
    with tempfile.TemporaryDirectory() as tmp:
        old_path, new_path = Path(tmp) / "old.txt", Path(tmp) / "new.txt"
        old_path.write_bytes(print_bill(old_sections))
        new_path.write_bytes(print_bill(new_sections))
        old, new = load_document(str(old_path)), load_document(str(new_path))
        model, t_model = timed(lambda: compare(old, new))
        docx, t_docx = timed(lambda: render_docx(model))
        akn, t_akn = timed(lambda: to_akn(new))
        back, t_read = timed(lambda: read_akn(akn, "new.xml"))
    exact = (paragraphs(docx, True)[FRONT_MATTER_PARAGRAPHS:-1] == texts(new)
             and paragraphs(docx, False)[FRONT_MATTER_PARAGRAPHS:-1] == texts(old))
    changed = sum(1 for c in model["changes"] if c["kind"] != "equal")
    print(f"{provisions} sections, {len(model['changes'])} provisions, {changed} changed, "
          f"{len(print_bill(new_sections)):,} bytes")
    print(f"change model      {t_model:6.2f} s")
    print(f"Word redline      {t_docx:6.2f} s  ({len(docx):,} bytes; accept/reject exact: {exact})")
    print(f"AKN export        {t_akn:6.2f} s  ({len(akn):,} bytes, strict schema checked)")
    print(f"AKN import        {t_read:6.2f} s  (same tree: {back.tree.to_dict() == new.tree.to_dict()})")


if __name__ == "__main__":
    main()
