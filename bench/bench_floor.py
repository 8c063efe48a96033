"""Benchmark: the redline against the floor (issue #26), `git diff --no-index --word-diff` on the
same two printed texts, for generated omnibus pairs (tests/helpers/omnibus.py).

For each size, in a fresh interpreter (so peak memory is that run's own), CPU seconds of each
stage: read and parse both texts, ``compare`` (``compare_streamed``, as the JSON command runs it: the
changes' dicts are made while the JSON, the Markdown and the page are written, each in its own
time), the JSON as ``lawdiff diff --format json`` writes it (into a temporary file, as the command
does), the Markdown (``--format md``) and the HTML page (``--format html``, the same way).  "API compare" is read +
parse + compare + JSON, in process; "HTML command" is read + parse + compare + HTML.  The ratios
printed are CPU against git's CPU on the same pair; growth is time against the previous size.
"read + tokenise" is the floor of loading: both files read, decoded and cut into the diff's tokens.

    python bench/bench_floor.py [--sizes 3000,30000,100000] [--src DIR] [--profile N --stage S]

Needs the test extras (tests.helpers).  ``--src`` times another checkout's ``src`` (a baseline);
``--profile N --stage compare|json|md|html|load`` prints the 25 costliest functions of one stage.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # tests.helpers: the document generators

from tests.helpers import omnibus  # noqa: E402

STAGES = ("load", "compare", "json", "md", "html")


def texts(n: int, tmp: Path) -> tuple[Path, Path]:
    old, new = tmp / f"old-{n}.txt", tmp / f"new-{n}.txt"
    if not old.exists():
        a, b = omnibus.generate(n, 1).texts()
        old.write_bytes(a)
        new.write_bytes(b)
    return old, new


def one(n: int, tmp: Path, profile: str | None) -> dict:
    """Runs in the child: every stage of one pair, CPU seconds each."""
    from lawdiff.diff.changes import compare
    from lawdiff.load.documents import load_document
    try:  # as ``lawdiff diff --format json``: the changes' dicts made as the JSON reaches them
        from lawdiff.diff.changes import compare_streamed
    except ImportError:  # a baseline (--src) from before: the whole dict
        compare_streamed = compare
    from lawdiff.render.markdown import render_markdown
    try:  # as ``lawdiff diff --format md``: written as it is made, over the changes made as it reads them
        from lawdiff.render.markdown import render_markdown_to
    except ImportError:  # a baseline (--src) from before: the whole dict, the whole text
        render_markdown_to = None
    try:
        from lawdiff.cli import _SPOOL
        from lawdiff.render.jsonout import dump_utf8
        from lawdiff.render.redline_html import render_redline_to
    except ImportError:  # a baseline (--src) from before the command wrote through a file: its bytes
        from lawdiff.cli import to_json_bytes
        from lawdiff.render.redline_html import render_redline_utf8
        _SPOOL = None

        def dump_utf8(model, fp):
            fp.write(to_json_bytes(model))

        def render_redline_to(fp, model, docs):
            fp.write(render_redline_utf8(model, docs=docs, context="changes"))

    old, new = texts(n, tmp)
    out: dict = {"bytes": old.stat().st_size + new.stat().st_size}
    state: dict = {}
    out["tokenise"] = read_and_tokenise(old, new)

    def load():
        state["docs"] = (load_document(str(old)), load_document(str(new)))

    def cmp():
        state["model"] = compare_streamed(*state["docs"])

    def whole():  # Markdown and the page read the whole dict (``compare``): its changes made once, here
        if not isinstance(state["model"]["changes"], list):
            state["model"] = dict(state["model"], changes=list(state["model"]["changes"]))

    def spooled(write):  # as ``lawdiff diff`` writes JSON and HTML (cli.emit_spooled), less the copy out
        with tempfile.SpooledTemporaryFile(max_size=_SPOOL or 1 << 20) as fp:
            write(fp)

    steps = {"load": load, "compare": cmp, "json": lambda: spooled(lambda fp: dump_utf8(state["model"], fp)),
             "md": (lambda: spooled(lambda fp: render_markdown_to(fp, state["model"]))) if render_markdown_to
             else lambda: (whole(), render_markdown(state["model"])),
             "html": lambda: spooled(lambda fp: render_redline_to(fp, state["model"], docs=state["docs"]))}
    rss = {}
    for stage in STAGES:
        if stage == profile:
            import cProfile
            import pstats
            prof = cProfile.Profile()
            prof.enable()
        t = time.process_time()
        steps[stage]()
        out[stage] = time.process_time() - t
        if stage == profile:
            prof.disable()
            pstats.Stats(prof, stream=sys.stderr).sort_stats("cumulative").print_stats(25)
            pstats.Stats(prof, stream=sys.stderr).sort_stats("tottime").print_stats(25)
        rss[stage] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        gc.collect()
    out["peak_mb"] = rss
    return out


def read_and_tokenise(old: Path, new: Path) -> float:
    """The floor of reading and parsing (issue #26: parsing within 3x of it): CPU seconds to read
    both files, decode them and cut every line into the diff's tokens (``diff.tokens.tokenize``)."""
    from lawdiff.diff.tokens import tokenize
    t = time.process_time()
    for path in (old, new):
        for line in path.read_bytes().decode("utf-8").splitlines():
            tokenize(line)
    return time.process_time() - t


def git_cpu(old: Path, new: Path) -> tuple[float, float]:
    """CPU seconds and peak MB of git's word diff (a child process)."""
    run = subprocess.run(["/usr/bin/time", "-f", "%U %S %M", "git", "diff", "--no-index", "--word-diff",
                          str(old), str(new)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    user, system, kb = run.stderr.split()[-3:]
    return float(user) + float(system), int(kb) / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="3000,30000,100000")
    ap.add_argument("--src", default=str(HERE.parent / "src"))
    ap.add_argument("--profile", type=int, help="profile one size (see --stage)")
    ap.add_argument("--stage", default="compare", choices=STAGES)
    ap.add_argument("--tmp", help="folder for the generated texts (kept between runs)")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    tmp = Path(args.tmp or tempfile.mkdtemp())
    tmp.mkdir(parents=True, exist_ok=True)
    if args.one:
        sys.path.insert(0, args.src)
        print(json.dumps(one(args.one, tmp, args.stage if args.profile else None)))
        return
    env = dict(os.environ, PYTHONPATH=args.src)
    sizes = [args.profile] if args.profile else [int(s) for s in args.sizes.split(",")]
    print(f"lawdiff from {args.src}; CPU seconds; load average {os.getloadavg()[0]:.1f}")
    print("sections      MB |  git s  git MB | load  compare  json    md   html | API compare (x git)"
          "  HTML command (x git) | peak MB (x input)")
    last = None
    for n in sizes:
        old, new = texts(n, tmp)
        run = subprocess.run([sys.executable, __file__, "--src", args.src, "--one", str(n), "--tmp", str(tmp),
                              "--stage", args.stage] + (["--profile", str(n)] if args.profile else []),
                             stdout=subprocess.PIPE, stderr=None if args.profile else subprocess.PIPE,
                             text=True, env=env)
        if run.returncode:
            print(run.stderr[-3000:] if run.stderr else f"{n}: failed")
            continue
        r = json.loads(run.stdout)
        g, gmb = min(git_cpu(old, new) for _ in range(3))
        g = max(g, 0.01)  # os.times() counts in hundredths
        api = r["load"] + r["compare"] + r["json"]
        html = r["load"] + r["compare"] + r["html"]
        mb = r["bytes"] / 2**20
        peak = max(r["peak_mb"].values())
        diff_peak = r["peak_mb"]["json"]
        print(f"{n:8} {mb:7.1f} | {g:6.2f} {gmb:7.0f} | {r['load']:4.1f} {r['compare']:8.1f} {r['json']:5.2f}"
              f" {r['md']:5.2f} {r['html']:6.1f} | {api:6.1f} s ({api / g:5.1f}x)      {html:6.1f} s ({html / g:5.1f}x)"
              f"     | diff {diff_peak:.0f} ({diff_peak / mb:.0f}x), html {peak:.0f} ({peak / mb:.0f}x)", flush=True)
        print(f"   read + tokenise both texts {r['tokenise']:.2f} s; read + parse {r['load']:.2f} s"
              f" ({r['load'] / max(r['tokenise'], 1e-3):.1f}x)")
        if last:
            k = n / last[0]
            growth = "  ".join(f"{s} {r[s] / max(last[1][s], 1e-3):.1f}x" for s in STAGES)
            print(f"   {last[0]} -> {n} ({k:.0f}x the sections): {growth}")
        last = (n, r)


if __name__ == "__main__":
    main()
