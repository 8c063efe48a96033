"""A ``lawdiff add`` (or ``fetch``: the same commit) killed with SIGKILL at the worst moments
(issue 25, item 4): the corpus still parses and builds, with the old text or the new one,
never a manifest naming bytes that are gone.

A child process runs the real command with one function of the commit wrapped to say where
it is and wait; the test kills it there, as an OOM killer or a power cut would.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys

import pytest

from helpers import CORPUS, EO650
from helpers.fetch_corpus import entry, files

CHILD = r"""
import sys, time
import lawdiff.load.fetch as fetch
import lawdiff.load.manifest_edit as manifest_edit
from lawdiff.cli import main

where = sys.argv.pop(1)
pause = float(sys.argv.pop(1))
if where == "before-manifest":  # the raw files are written; the manifest is not yet
    real = fetch.set_fields
    def set_fields(*args, **kwargs):
        print("paused", flush=True)
        time.sleep(pause)
        real(*args, **kwargs)
    fetch.set_fields = set_fields
else:  # the manifest is written; the files it no longer names are not yet removed
    real = manifest_edit.write_atomic
    def write_atomic(*args, **kwargs):
        real(*args, **kwargs)
        print("paused", flush=True)
        time.sleep(pause)
    manifest_edit.write_atomic = write_atomic
main(sys.argv[1:], prog_name="lawdiff")
"""


def run(corpus_dir, *args):
    env = {**os.environ, "LAWDIFF_CORPUS": str(corpus_dir)}
    return subprocess.run([sys.executable, "-m", "lawdiff", *args], capture_output=True, text=True, env=env,
                          cwd=corpus_dir.parent, timeout=300)


def paused_add(corpus_dir, where, text_file, pause):
    """A real ``lawdiff add``, paused ``pause`` seconds at ``where`` (under the corpus lock)."""
    env = {**os.environ, "LAWDIFF_CORPUS": str(corpus_dir)}
    return subprocess.Popen([sys.executable, "-c", CHILD, where, str(pause), "add", str(text_file), "--id", "eo-650"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def killed_add(corpus_dir, where, text_file):
    child = paused_add(corpus_dir, where, text_file, 120)
    try:
        assert child.stdout.readline() == "paused\n", child.stderr.read()
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL


@pytest.fixture
def corpus_dir(tmp_path):
    root = tmp_path / "corpus"
    shutil.copytree(CORPUS, root)
    return root


def texts(tmp_path):
    old = EO650.read_text(encoding="utf-8")
    assert old.count("Massachusetts") > 2
    new = tmp_path / "eo-650-amended.txt"
    new.write_text(old.replace("Massachusetts", "the Commonwealth", 1), encoding="utf-8")
    newer = tmp_path / "eo-650-amended-again.txt"
    newer.write_text(old.replace("Massachusetts", "this Commonwealth", 2), encoding="utf-8")
    return new, newer


def parsed_text(corpus_dir):
    out = run(corpus_dir, "parse", "eo-650", "--format", "text")
    assert out.returncode == 0, out.stderr
    return out.stdout


def builds(corpus_dir):
    out = run(corpus_dir, "build", "--no-pdf", "--no-search", "--out", str(corpus_dir.parent / "site"))
    assert out.returncode == 0, out.stderr
    return True


def named(corpus_dir):
    """The raw files the manifest names, and the files raw/ holds."""
    import tomllib
    data = tomllib.loads((corpus_dir / "instruments.toml").read_text(encoding="utf-8"))
    wanted = {e[k] for e in data["instrument"] for k in ("path", "history") if e.get(k)}
    return wanted, {f for f in files(corpus_dir) if f.startswith("raw/")}


def test_a_kill_before_the_manifest_is_written_leaves_the_old_text_whole(corpus_dir, tmp_path):
    new, newer = texts(tmp_path)
    manifest = (corpus_dir / "instruments.toml").read_bytes()
    old_text = parsed_text(corpus_dir)
    killed_add(corpus_dir, "before-manifest", new)
    assert (corpus_dir / "instruments.toml").read_bytes() == manifest
    assert parsed_text(corpus_dir) == old_text  # the bytes the manifest names are still there
    assert builds(corpus_dir)
    # The next add commits, and takes away what the killed one left.
    out = run(corpus_dir, "add", str(newer), "--id", "eo-650")
    assert out.returncode == 0, out.stderr
    assert "this Commonwealth" in parsed_text(corpus_dir)
    wanted, held = named(corpus_dir)
    assert held == wanted
    assert builds(corpus_dir)


def test_a_kill_after_the_manifest_is_written_leaves_the_new_text_whole(corpus_dir, tmp_path):
    new, newer = texts(tmp_path)
    killed_add(corpus_dir, "after-manifest", new)
    assert "the Commonwealth" in parsed_text(corpus_dir)
    assert entry(corpus_dir, "eo-650")["path"] != "raw/eo-650.txt"  # new bytes, new name
    wanted, held = named(corpus_dir)
    assert held - wanted == {"raw/eo-650.txt"}  # the old text, not yet removed: ignored
    assert builds(corpus_dir)
    out = run(corpus_dir, "add", str(newer), "--id", "eo-650")
    assert out.returncode == 0, out.stderr
    assert "this Commonwealth" in parsed_text(corpus_dir)
    wanted, held = named(corpus_dir)
    assert held == wanted


def test_adding_the_same_text_again_changes_nothing_and_keeps_one_file(corpus_dir, tmp_path):
    new, _ = texts(tmp_path)
    for _ in range(2):
        out = run(corpus_dir, "add", str(new), "--id", "eo-650")
        assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("eo-650: unchanged")
    out = run(corpus_dir, "add", str(EO650), "--id", "eo-650")  # back to the first text: its own name again
    assert out.returncode == 0, out.stderr
    assert entry(corpus_dir, "eo-650")["path"] == "raw/eo-650.txt"
    wanted, held = named(corpus_dir)
    assert held == wanted
    assert (corpus_dir / "raw/eo-650.txt").read_bytes() == EO650.read_bytes()


def test_a_build_during_an_add_waits_for_it_and_builds_the_new_text(corpus_dir, tmp_path):
    new, _ = texts(tmp_path)
    child = paused_add(corpus_dir, "before-manifest", new, 3)
    try:
        assert child.stdout.readline() == "paused\n", child.stderr.read()
        build = run(corpus_dir, "build", "--no-pdf", "--no-search", "--out", str(tmp_path / "site"))
    finally:
        child.wait(timeout=60)
    assert child.returncode == 0, child.stderr.read()
    assert build.returncode == 0, build.stderr
    assert build.stderr.startswith("lawdiff: waiting for another lawdiff to finish with the corpus")
    page = (tmp_path / "site" / "instruments" / "eo-650.html").read_text(encoding="utf-8")
    assert "the Commonwealth" in page  # built from the corpus as the add left it


def test_waiting_for_the_corpus_is_bounded(corpus_dir, tmp_path):
    from lawdiff.errors import LawdiffError
    from lawdiff.load.manifest_edit import locked

    new, _ = texts(tmp_path)
    child = paused_add(corpus_dir, "before-manifest", new, 5)
    said = []
    try:
        assert child.stdout.readline() == "paused\n", child.stderr.read()
        with pytest.raises(LawdiffError) as e:
            with locked(corpus_dir / "instruments.toml", shared=True, wait=0.3, waiting=lambda: said.append(1)):
                pass
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    assert said == [1]
    assert str(e.value) == (f"{corpus_dir}: another lawdiff (a build reading it, or a fetch or add writing it) "
                            "held the corpus for over 0.3 s; nothing done")
