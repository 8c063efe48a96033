"""Benchmark: how long `lawdiff --help` and `lawdiff --version` take before any work, against
the bare interpreter (`python -c pass`, the floor) and `import lawdiff` (the Python API).

    python bench/bench_startup.py [--runs 21] [--lawdiff PATH]

Each command runs --runs times in a fresh process; medians of wall time and of CPU time
(user + system of the child).  On a machine shared with other jobs the CPU time is the
figure to compare; the goal (issue #26) is 0.15 s for --help and --version.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path


def measure(cmd: list[str], runs: int) -> tuple[float, float]:
    walls, cpus = [], []
    for _ in range(runs):
        before = os.times()
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        walls.append(time.perf_counter() - t)
        after = os.times()
        cpus.append((after.children_user - before.children_user) + (after.children_system - before.children_system))
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=21)
    default = Path(sys.executable).parent / "lawdiff"
    ap.add_argument("--lawdiff", default=str(default if default.exists() else shutil.which("lawdiff") or default),
                    help="the console script to time (default: the one beside this Python)")
    args = ap.parse_args()
    py = sys.executable
    cases = [
        ("python -c pass (floor)", [py, "-c", "pass"]),
        ("python -c 'import lawdiff'", [py, "-c", "import lawdiff"]),
        ("lawdiff --version", [args.lawdiff, "--version"]),
        ("lawdiff --help", [args.lawdiff, "--help"]),
        ("lawdiff diff --help", [args.lawdiff, "diff", "--help"]),
    ]
    print(f"{args.runs} runs each, medians; {args.lawdiff}; load average {os.getloadavg()[0]:.1f}")
    floor = None
    for name, cmd in cases:
        wall, cpu = measure(cmd, args.runs)
        floor = floor if floor is not None else cpu
        goal = "  (goal 0.15 s: " + ("met" if cpu <= 0.15 else "NOT met") + ")" if name.startswith("lawdiff") else ""
        print(f"{name:28} wall {wall:5.3f} s  cpu {cpu:5.3f} s  ({cpu / floor:4.1f}x the floor's cpu){goal}")


if __name__ == "__main__":
    main()
