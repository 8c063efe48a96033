"""Usage errors come in one shape (issue 25 item 15): one line on stderr starting ``lawdiff:``,
naming what was wrong, exit status 2, nothing on stdout, no Click usage block."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

import lawdiff


def run(*args: str, cwd) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LAWDIFF_")}
    return subprocess.run([sys.executable, "-m", "lawdiff", *args], capture_output=True, text=True, cwd=cwd,
                          env=env, timeout=60)


CASES = [
    # (arguments, what the line must name)
    (["--frob"], ["No such option '--frob'", "'lawdiff --help'"]),
    (["diff", "--frob", "a", "b"], ["No such option '--frob'", "'lawdiff diff --help'"]),
    (["frob"], ["No such command 'frob'"]),
    (["diff"], ["Missing argument 'OLD'"]),
    (["diff", "a"], ["Missing argument 'NEW'"]),
    (["parse", "a", "b"], ["unexpected extra argument (b)", "'lawdiff parse --help'"]),
    (["diff", "a", "b", "--format", "rtf"], ["'--format'", "'rtf' is not one of"]),
    (["matrix", "--format"], ["Option '--format' requires an argument"]),
    (["build", "--jobs", "0"], ["'--jobs'", "0 is not in the range"]),
    (["serve", "--port", "eighty"], ["'--port'", "'eighty' is not a valid integer"]),
    (["fetch", "--max-mb", "lots", "x"], ["'--max-mb'", "'lots' is not a valid float"]),
    (["diff", "a", "b", "--format", "pdf"], ["--format pdf needs --out FILE.pdf"]),
    (["--corpus", "FILE", "parse", "x"], ["'--corpus'", "is a file"]),
]


@pytest.mark.parametrize("args,needles", CASES, ids=[" ".join(a) for a, _ in CASES])
def test_a_usage_error_is_one_line_and_exit_2(tmp_path, args, needles):
    (tmp_path / "FILE").write_text("x")
    out = run(*args, cwd=tmp_path)
    assert out.returncode == 2, (out.returncode, out.stderr)
    assert out.stdout == ""
    assert out.stderr.startswith("lawdiff: ") and out.stderr.count("\n") == 1, out.stderr
    assert "Usage:" not in out.stderr and "Error:" not in out.stderr and "Traceback" not in out.stderr
    for needle in needles:
        assert needle in out.stderr, (needle, out.stderr)


def test_no_command_prints_the_help(tmp_path):
    """`lawdiff` alone is not a mistake to report in one line: it shows what there is (exit 2, as Click does)."""
    out = run(cwd=tmp_path)
    assert out.returncode == 2 and "Commands:" in out.stderr and "diff" in out.stderr


def test_help_and_version_load_no_stage(tmp_path):
    """`--help` and `--version` import no stage (issue 26: start-up under 0.15 s, bench/bench_startup.py)."""
    probe = ("import sys, runpy; sys.argv = ['lawdiff', '--help']\n"
             "try:\n    runpy.run_module('lawdiff', run_name='__main__')\nexcept SystemExit:\n    pass\n"
             "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('lxml', 'cobalt', 'jinja2', 'pdfplumber')"
             " or m.startswith(('lawdiff.read', 'lawdiff.parse', 'lawdiff.diff', 'lawdiff.render', 'lawdiff.load')))\n"
             "print(heavy, file=sys.stderr)\n")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert out.stderr.strip().splitlines()[-1] == "[]", out.stderr


def test_the_package_names_load_when_first_used():
    """``from lawdiff import load_document`` still works though the package imports it lazily."""
    from lawdiff import Corpus, Document, LawdiffError, Node, load_document, parse_bytes
    from lawdiff.load.documents import load_document as real
    assert load_document is real and callable(parse_bytes) and Corpus and Document and Node and LawdiffError
    with pytest.raises(AttributeError):
        lawdiff.no_such_name  # noqa: B018
    assert set(lawdiff.__all__) <= set(dir(lawdiff))
