"""CPU of lawdiff's PDF reader against `pdftotext -layout` on every PDF of ../shared/sources.

For each PDF (sessions/193/pdf/*.pdf and real/pdf/*.pdf, or the files given):
the CPU seconds of ``lawdiff.read.read`` in this process (after a first warm-up
read, so imports are not counted) and of a `pdftotext -layout FILE -` child
process (its whole run: that is what it costs), each the median of --runs
runs, and their ratio.  The goal (issue 26): lawdiff within 10x of pdftotext on
every PDF.  --budget N also reads a generated N-page bill in the
malegislature layout (tests/helpers/billpdf.py; goal: 400 pages under 10 s).

Which lawdiff is measured is whichever Python imports: run it with
PYTHONPATH=OTHER_CHECKOUT/src to measure another version (the README's
"before" figures are the pdfplumber reader measured so).
Run: python bench/bench_pdf_speed.py [--runs 3] [--budget 400] [FILE.pdf ...]
"""

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "sources"


def lawdiff_cpu(data: bytes, name: str) -> tuple[float, str]:
    from lawdiff import LawdiffError
    from lawdiff.read import read

    start = time.process_time()
    try:
        reading = read(data, name)
        outcome = f"{sum(1 for line in reading.lines if line.number is not None)} numbered lines"
    except LawdiffError as e:
        outcome = f"refused: {e.problem[:40]}"
    return time.process_time() - start, outcome


def pdftotext_cpu(path: Path) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(["pdftotext", "-layout", str(path), "-"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def pages_of(data: bytes) -> int:
    import pypdfium2

    try:
        pdf = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError:
        return 0
    try:
        return len(pdf)
    finally:
        pdf.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--budget", type=int, default=0, help="also read a generated bill of this many pages")
    args = parser.parse_args()
    if not shutil.which("pdftotext"):
        sys.exit("bench_pdf_speed: pdftotext (poppler-utils) is not installed")
    files = args.files or sorted((SHARED / "sessions" / "193" / "pdf").glob("*.pdf")) + sorted(
        (SHARED / "real" / "pdf").glob("*.pdf"))
    import lawdiff.read.pdf  # noqa: F401  (imported before the clock starts)

    lawdiff_cpu(files[0].read_bytes(), str(files[0]))  # warm-up: first-call imports
    print(f"{'file':<28} {'pages':>5} {'lawdiff s':>9} {'pdftotext s':>11} {'ratio':>6}  reading")
    ratios, total = [], [0.0, 0.0]
    for path in files:
        data = path.read_bytes()
        ours = [lawdiff_cpu(data, str(path)) for _ in range(args.runs)]
        theirs = statistics.median(pdftotext_cpu(path) for _ in range(args.runs))
        mine = statistics.median(t for t, _ in ours)
        # pdftotext's CPU is counted in 10 ms ticks on some kernels: a 0 is read as half a tick.
        ratio = mine / max(theirs, 0.005)
        ratios.append((ratio, path))
        total[0] += mine
        total[1] += theirs
        label = f"{path.parent.parent.name}/{path.name}"
        print(f"{label:<28} {pages_of(data):5d} {mine:9.3f} {theirs:11.3f} {ratio:6.1f}  {ours[0][1]}")
    worst = max(ratios)
    print(f"all {len(files)} files: lawdiff {total[0]:.2f} s, pdftotext {total[1]:.2f} s ({total[0] / total[1]:.1f}x); "
          f"largest ratio {worst[0]:.1f}x ({worst[1].name}); "
          f"{sum(1 for r, _ in ratios if r <= 10)} of {len(ratios)} within 10x")
    if args.budget:
        sys.path.insert(0, str(ROOT))
        from tests.helpers.billpdf import long_bill, render

        data = render(long_bill(args.budget))
        import tempfile

        with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
            f.write(data)
            f.flush()
            mine = statistics.median(lawdiff_cpu(data, f.name)[0] for _ in range(args.runs))
            theirs = statistics.median(pdftotext_cpu(Path(f.name)) for _ in range(args.runs))
        print(f"generated {pages_of(data)}-page bill: lawdiff {mine:.2f} s (goal: under 10 s), "
              f"pdftotext {theirs:.2f} s ({mine / max(theirs, 0.005):.1f}x)")


if __name__ == "__main__":
    main()
