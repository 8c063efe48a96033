"""Import a whole saved General Court (``lawdiff fetch --session 193 --from DIR``), then again.

    python bench/bench_session_import.py [../shared/sources/sessions/193] [OUT_DIR]

Prints the time of the first import (every record, history and PDF written, the manifest
generated whole), of a second run over the same answers (nothing changes), the time to load
the resulting manifest (what every build pays), and the peak memory.  Goal (issue 21): the
first import within 10 minutes on the 2-core machine.  A measurement, not a test.
"""

from __future__ import annotations

import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from lawdiff.load.manifest import Corpus
from lawdiff.load.session import import_session
from lawdiff.load.sources import FolderSource


def main(folder: str, out: str | None) -> None:
    root = Path(out or tempfile.mkdtemp(prefix="lawdiff-session-")) / "corpus-193"
    shutil.rmtree(root, ignore_errors=True)
    for label in ("first import", "second import (same answers)"):
        start = time.perf_counter()
        cpu = time.process_time()
        report = import_session(root, FolderSource(folder, 193), 193)
        print(f"{label}: {time.perf_counter() - start:.1f} s wall, {time.process_time() - cpu:.1f} s CPU")
        print("  " + report.lines()[-1])
        for line in report.problems:
            print("  problem: " + line)
    start = time.perf_counter()
    corpus = Corpus.load(root)
    print(f"Corpus.load: {len(corpus.entries)} entries in {time.perf_counter() - start:.2f} s")
    size = sum(p.stat().st_size for p in root.rglob("*") if p.is_file())
    print(f"corpus on disk: {size / 1e6:.0f} MB; manifest {(root / 'instruments.toml').stat().st_size / 1e6:.1f} MB")
    print(f"peak memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/sources/sessions/193", sys.argv[2] if len(sys.argv) > 2 else None)
