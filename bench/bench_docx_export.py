"""Word redline export time against the number of sections (issue 25 item 6).

    python bench/bench_docx_export.py [SECTIONS ...]      # default 5000 50000 100000

Each bill is SECTIONS short sections (a sentence each), one in ten edited by a word;
the change model is built first (not timed), then ``render_docx`` is timed.  Prints the
seconds at each size, the seconds per 1,000 sections and the growth ratio between
consecutive sizes against the ratio of sizes (linear: the two ratios are about equal).
"""

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from lawdiff.diff.changes import compare  # noqa: E402
from lawdiff.load.documents import parse_bytes  # noqa: E402
from lawdiff.render.docx import render_docx  # noqa: E402

WORDS = "the secretary shall within ninety days of the effective date report to the clerks of the house".split()


def bills(sections: int, seed: int = 5) -> tuple[bytes, bytes]:
    rng = random.Random(seed)
    old, new = [], []
    for k in range(1, sections + 1):
        words = rng.sample(WORDS, 10)
        old.append(f"SECTION {k}. Item {k}: " + " ".join(words) + ".")
        if k % 10 == 0:
            words[rng.randrange(10)] = rng.choice(["sixty", "county", "federal"])
        new.append(f"SECTION {k}. Item {k}: " + " ".join(words) + ".")
    head = "An Act relative to the benchmark.\n\n"
    return (head + "\n\n".join(old) + "\n").encode(), (head + "\n\n".join(new) + "\n").encode()


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [5000, 50000, 100000]
    previous = None
    for n in sizes:
        old_bytes, new_bytes = bills(n)
        model = compare(parse_bytes(old_bytes, "old.txt"), parse_bytes(new_bytes, "new.txt"))
        start = time.process_time()
        data = render_docx(model)
        seconds = time.process_time() - start
        line = f"{n:>7,} sections: Word redline {seconds:7.2f} s CPU ({1000 * seconds / n:.2f} s per 1,000), {len(data):,} bytes"
        if previous:
            line += f"; time x{seconds / previous[1]:.1f} for sections x{n / previous[0]:.1f}"
        print(line, flush=True)
        previous = (n, seconds)


if __name__ == "__main__":
    main()
