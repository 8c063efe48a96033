"""Build the site of a whole imported General Court, then rebuild it twice.

    python bench/bench_session_build.py CORPUS [WORK_DIR] [--jobs N] [--no-search] [--only cold|noop|one]

CORPUS is a folder ``lawdiff fetch --session 193 --from ../shared/sources/sessions/193`` wrote
(with ``corpus/topics.toml`` copied in for the topic pages).  It is copied into WORK_DIR (the
bench changes one document there, never in CORPUS), and the site is built by the ``lawdiff``
command in a child process, as a user runs it:

1. ``build --no-pdf`` from an empty cache: wall time, CPU of the build and its workers
   (``resource.getrusage(RUSAGE_CHILDREN)``), peak memory of the largest process;
2. the same again, nothing changed (a no-op rebuild);
3. after one document changes (a sentence added to S.2710's record: its page, its topic
   entries and the redlines of the steps it takes part in are rendered again).

Goals (issue 21): cold ≤ 30 min, no-op ≤ 60 s, one document ≤ 30 s, peak memory ≤ 4 GB.  It
also prints what the site holds: files, pages over 500 KB of HTML (the site's bound), the
largest page.  A measurement, not a test: the figures go in the README with the machine's load.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

GOALS = {"cold": 30 * 60, "noop": 60, "one": 30}
CHANGED = "193-s2710"
BOUND = 500 * 1024


def _lawdiff() -> list[str]:
    exe = Path(sys.executable).parent / "lawdiff"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "lawdiff"]


def build(corpus: Path, out: Path, jobs: int | None, search: bool) -> dict:
    """One ``lawdiff build --no-pdf`` in a child process: its wall time, the CPU of it and its
    workers, the largest resident set among them, and its last line."""
    args = _lawdiff() + ["--corpus", str(corpus), "build", "--out", str(out), "--no-pdf"]
    args += ["--jobs", str(jobs)] if jobs else []
    args += [] if search else ["--no-search"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True, cwd=out.parent)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode:
        sys.exit(f"build failed ({done.returncode}): {done.stderr[-2000:]}")
    lines = done.stderr.strip().splitlines()
    return {"wall": wall, "cpu": (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
            "peak_mb": after.ru_maxrss / 1024,  # the largest child so far (kilobytes on Linux)
            "said": lines[-1] if lines else "", "problems": [x for x in lines[:-1] if x.startswith("lawdiff: ")]}


def change_one(corpus: Path) -> None:
    """Add a sentence to the text of one document's record and give the manifest its new hash."""
    manifest = corpus / "instruments.toml"
    text = manifest.read_text(encoding="utf-8")
    block = text[text.index(f'id = "{CHANGED}"'):]
    path = re.search(r'^path = "([^"]+)"', block, re.M).group(1)
    old_sha = re.search(r'^sha256 = "([0-9a-f]+)"', block, re.M).group(1)
    raw = corpus / path
    record = json.loads(raw.read_text(encoding="utf-8"))
    record["DocumentText"] += "\nSECTION 99. This act shall take effect upon its passage (bench edit).\n"
    data = json.dumps(record, ensure_ascii=False).encode()
    raw.write_bytes(data)
    manifest.write_text(text.replace(old_sha, hashlib.sha256(data).hexdigest()), encoding="utf-8")


def site_figures(out: Path) -> str:
    pages = [p for p in out.rglob("*.html")]
    files = sum(1 for p in out.rglob("*") if p.is_file())
    big = sorted((p.stat().st_size, p.relative_to(out).as_posix()) for p in pages)
    over = [name for size, name in big if size > BOUND]
    largest = f"{big[-1][1]} {big[-1][0] / 1024:.0f} KB" if big else "none"
    return (f"{files:,} files, {len(pages):,} HTML pages; largest {largest}; "
            f"{len(over)} over 500 KB{': ' + ', '.join(over[:5]) if over else ''}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus")
    parser.add_argument("work", nargs="?", default="/tmp/lawdiff-bench-session-build")
    parser.add_argument("--jobs", type=int)
    parser.add_argument("--no-search", action="store_true")
    parser.add_argument("--only", choices=["cold", "noop", "one"], action="append")
    a = parser.parse_args()
    work = Path(a.work)
    work.mkdir(parents=True, exist_ok=True)
    corpus, out = work / "corpus", work / "site"
    steps = a.only or ["cold", "noop", "one"]
    if "cold" in steps:
        shutil.rmtree(corpus, ignore_errors=True)
        shutil.copytree(a.corpus, corpus)
        shutil.rmtree(work / ".cache", ignore_errors=True)
        shutil.rmtree(out, ignore_errors=True)
    print(f"{sum(1 for _ in (corpus / 'raw').iterdir())} raw files; load average {os.getloadavg()[0]:.1f} "
          f"on {os.cpu_count()} cores; jobs {a.jobs or os.cpu_count()}; search {'off' if a.no_search else 'on'}")
    for step in steps:
        if step == "one":
            change_one(corpus)
        load = os.getloadavg()[0]
        r = build(corpus, out, a.jobs, not a.no_search)
        ratio = r["wall"] / GOALS[step]
        print(f"{step}: {r['wall']:.1f} s wall (goal {GOALS[step]} s: {ratio:.2f} of it), {r['cpu']:.1f} s CPU, "
              f"peak {r['peak_mb']:.0f} MB (goal 4096 MB); load {load:.1f} -> {os.getloadavg()[0]:.1f}")
        print(f"  {r['said']}")
        for line in r["problems"][:5]:
            print(f"  {line}")
        if len(r["problems"]) > 5:
            print(f"  ... {len(r['problems'])} problems in all")
        if step == "cold":
            print(f"  {site_figures(out)}")


if __name__ == "__main__":
    main()
