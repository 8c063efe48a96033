"""Benchmark: lawdiff diff against difflib and character-mode diff-match-patch.

Generates a large bill pair from the corpus text (about 200 provisions and
200,000 characters; a few hundred word edits, one moved and one renumbered
section), then times on the same pair:

- lawdiff: ``lawdiff diff OLD NEW --format json`` in process (read, parse both,
  align, diff, JSON), and the same as a command (interpreter start included);
- ``difflib.HtmlDiff().make_file`` on the printed lines;
- diff-match-patch in character mode on the whole text (no timeout, so it
  finishes: with one it would give up and answer a degenerate diff).

Then lawdiff again at 10 times the size, for the growth ratio.

    python bench/bench_diff.py [--provisions 200] [--skip-baselines]
"""

from __future__ import annotations

import argparse
import difflib
import json
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from diff_match_patch import diff_match_patch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from lawdiff.diff.changes import compare  # noqa: E402
from lawdiff.load.documents import load_document  # noqa: E402
from lawdiff.read import read  # noqa: E402

LINE_CHARS = 95  # about what a printed bill line holds


def corpus_sentences() -> list[str]:
    text = []
    for name in ("193-h2288.txt", "eo-650.txt"):
        reading = read((ROOT / "corpus" / "raw" / name).read_bytes(), name)
        text.append(" ".join(l.text for l in reading.lines if l.text))
    words = " ".join(text).split()
    # Sentences of 12-30 words, cut from the running text of both instruments.
    out, i, rng = [], 0, random.Random(1)
    while i < len(words):
        n = rng.randint(12, 30)
        # Structure markers are left out, so the generated sections have no inner
        # structure for a changed line break to make or unmake.
        sentence = " ".join(words[i:i + n]).replace("SECTION", "section").replace("Section", "section")
        out.append(re.sub(r"\((\w{1,4})\)", r"\1", sentence).replace("“", "'").replace("”", "'"))
        i += n
    return out


def make_bill(provisions: int, seed: int = 7) -> tuple[list[list[str]], list[list[str]]]:
    """Sections as lists of words: (old, new)."""
    rng = random.Random(seed)
    sentences = corpus_sentences()
    old = []
    for k in range(provisions):
        words = []
        while sum(len(w) + 1 for w in words) < 1000:
            words += rng.choice(sentences).split()
        # A clause naming the section keeps every section's text distinct, as real ones are.
        old.append(f"SECTION {k + 1}. For the purposes of item {k + 1}:".split() + words)
    new = [list(s) for s in old]
    edits = provisions * 3 // 2  # a few hundred word edits at 200 provisions
    for _ in range(edits):
        s = new[rng.randrange(provisions)]
        i = rng.randrange(6, len(s))
        s[i] = rng.choice(["sixty", "shall", "not", "may", "thirty", "county", "federal"])
    moved = new.pop(provisions // 4)
    new.insert(3 * provisions // 4, moved)
    renumbered = new[provisions // 2]
    renumbered[1] = renumbered[1].rstrip(".") + "A."
    return old, new


def print_bill(sections: list[list[str]]) -> bytes:
    lines = []
    for words in sections:
        line: list[str] = []
        for w in words:
            if line and sum(len(x) + 1 for x in line) + len(w) > LINE_CHARS:
                lines.append(" ".join(line))
                line = []
            line.append(w)
        lines.append(" ".join(line))
    head = "The Commonwealth of Massachusetts\n\nAn Act relative to the benchmark.\n\n" \
           "Be it enacted by the Senate and House of Representatives in General Court assembled, as follows:\n\n"
    return (head + "".join(f"{i} {t}\n\n" for i, t in enumerate(lines, 1))).encode()


def timed(fn, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def lawdiff_in_process(old: Path, new: Path) -> dict:
    model = compare(load_document(str(old)), load_document(str(new)))
    json.dumps(model, ensure_ascii=False, indent=2)
    return model


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--provisions", type=int, default=200)
    ap.add_argument("--skip-baselines", action="store_true")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp())
    figures = {}
    for scale in (1, 10):
        n = args.provisions * scale
        old_s, new_s = make_bill(n)
        old, new = tmp / f"old-{n}.bin.txt", tmp / f"new-{n}.bin.txt"
        old.write_bytes(print_bill(old_s))
        new.write_bytes(print_bill(new_s))
        model = lawdiff_in_process(old, new)
        t = timed(lambda: lawdiff_in_process(old, new), 5 if scale == 1 else 3)
        figures[scale] = t
        s = model["stats"]
        print(f"{n} provisions, {old.stat().st_size:,} bytes: lawdiff {t:.3f} s in process; "
              f"{s['modify']} modified, {s['move']} moved, {s['renumbered']} renumbered, "
              f"{s['insert']} inserted, {s['delete']} deleted, {s['words_inserted']} words changed; "
              f"degraded pairs: {s['degraded']}")
        if scale == 1:
            cmd = [sys.executable, "-m", "lawdiff", "diff", str(old), str(new), "--format", "json", "--out", str(tmp / "m.json")]
            t_cli = timed(lambda: subprocess.run(cmd, check=True, cwd=tmp))
            print(f"  lawdiff diff --format json as a command: {t_cli:.3f} s (interpreter start included)")
            if not args.skip_baselines:
                a, b = old.read_text(), new.read_text()
                t_html = timed(lambda: difflib.HtmlDiff().make_file(a.splitlines(), b.splitlines()), 1)
                dmp = diff_match_patch()
                dmp.Diff_Timeout = 0
                t_dmp = timed(lambda: dmp.diff_main(a, b, False), 1)
                print(f"  difflib.HtmlDiff().make_file on lines: {t_html:.3f} s  (lawdiff {t_html / t:.1f}x faster)")
                print(f"  diff-match-patch, characters, whole text: {t_dmp:.3f} s  (lawdiff {t_dmp / t:.1f}x faster)")
    print(f"growth: 10x the provisions took {figures[10] / figures[1]:.1f}x the time")


if __name__ == "__main__":
    main()
