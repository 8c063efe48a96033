"""What lawdiff withstands: a hostile contributor's corpus, a careless user's command line.

One test (or a few) per item of issue 12, named by the item.  Every bad input ends the
same way: one line on stderr naming the file or option and the problem, exit status 2,
nothing written outside its place, nothing half-written, the previous build intact.
(The HTTP items 4, 7, 13, the regex item 9, XML characters 14, AKN DTDs 15, PDF memory 5
and HTML line numbers 6 are tested beside their code: test_fetch, test_matrix, test_akn,
test_read_pdf, test_read_html.)
"""

from __future__ import annotations

import difflib
import hashlib
import os
import select
import shutil
import signal
import socket
import stat
import subprocess
import sys
import threading
import time
import tomllib
from pathlib import Path

import pytest

from helpers import CORPUS, EO650, ROOT
from lawdiff.errors import LawdiffError
from lawdiff.files import read_regular, write_atomic
from lawdiff.load.manifest import Corpus


# -- helpers -----------------------------------------------------------------------

def lawdiff(*args, cwd=None, timeout=120, umask=None, **kw) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LAWDIFF_")}
    return subprocess.run([sys.executable, "-m", "lawdiff", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, env=env, timeout=timeout,
                          preexec_fn=(lambda: os.umask(umask)) if umask is not None else None, **kw)


def one_line_error(run: subprocess.CompletedProcess, *needles: str) -> None:
    """Exit status 2 and exactly one line on stderr, naming each of ``needles``."""
    assert run.returncode == 2, (run.returncode, run.stderr)
    assert run.stderr.startswith("lawdiff: ") and run.stderr.count("\n") == 1, run.stderr
    assert "Traceback" not in run.stderr
    for needle in needles:
        assert needle in run.stderr, (needle, run.stderr)


@pytest.fixture
def project(tmp_path) -> Path:
    """A project folder holding a copy of the shipped corpus."""
    shutil.copytree(CORPUS, tmp_path / "project" / "corpus")
    return tmp_path / "project"


def manifest_of(project: Path) -> Path:
    return project / "corpus" / "instruments.toml"


def edit_manifest(project: Path, old: str, new: str) -> None:
    manifest = manifest_of(project)
    text = manifest.read_text(encoding="utf-8")
    assert old in text, old
    manifest.write_text(text.replace(old, new, 1), encoding="utf-8")


def add_instrument(project: Path, **fields) -> None:
    """Append an [[instrument]] written as TOML literally (values are TOML source)."""
    with manifest_of(project).open("a", encoding="utf-8") as f:
        f.write("\n[[instrument]]\n" + "".join(f"{k} = {v}\n" for k, v in fields.items()))


def snapshot(root: Path, skip: tuple[str, ...] = ()) -> dict:
    """Every file under ``root`` (links not followed): its kind, mode and bytes."""
    out = {}
    for folder, dirs, files in os.walk(root):
        rel_folder = Path(folder).relative_to(root)
        dirs[:] = [d for d in dirs if (rel_folder / d).as_posix() not in skip]
        for name in dirs + files:
            path = Path(folder) / name
            st = os.lstat(path)
            if stat.S_ISREG(st.st_mode):
                what = hashlib.sha256(path.read_bytes()).hexdigest()
            elif stat.S_ISLNK(st.st_mode):
                what = os.readlink(path)
            else:
                what = stat.S_IFMT(st.st_mode)
            out[(rel_folder / name).as_posix()] = (st.st_mode, what)
    return out


def dead_pid() -> int:
    """The id of a process that has ended."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


# -- 1. ids: validated where the manifest is loaded --------------------------------

@pytest.mark.parametrize("bad_id", ["../../../victim", "a/b", "h--x", "a#b", "a?b", "a..b", "Upper", "-a",
                                    "a-", "", "a b", "index/../x"])
def test_1_an_id_that_is_not_a_safe_file_name_is_refused_on_load(project, bad_id):
    add_instrument(project, id=f'"{bad_id}"', kind='"bill"')
    with pytest.raises(LawdiffError) as e:
        Corpus.load(project / "corpus")
    assert e.value.source == str(manifest_of(project)) and repr(bad_id) in e.value.problem


def test_1_an_id_cannot_make_build_write_outside_its_folder(project):
    shutil.copy(EO650, project / "corpus" / "raw" / "victim.txt")
    add_instrument(project, id='"../../../victim"', kind='"executive-order"', path='"raw/victim.txt"')
    run = lawdiff("build", "--no-search", cwd=project)
    one_line_error(run, str(Path("corpus") / "instruments.toml"), "'../../../victim'")
    assert not list(project.parent.parent.rglob("victim.html")) and not (project / "build").exists()


def test_1_redline_page_names_cannot_collide(project):
    # h--x -> y and h -> x--y would both be redlines/h--x--y.html: such ids are refused...
    for ids in (("h--x", "y"), ("h", "x--y")):
        text = manifest_of(project).read_text(encoding="utf-8")
        add_instrument(project, id=f'"{ids[0]}"', kind='"bill"')
        add_instrument(project, id=f'"{ids[1]}"', kind='"bill"', version_of=f'["{ids[0]}"]')
        with pytest.raises(LawdiffError, match="is not lower-case letters and digits"):
            Corpus.load(project / "corpus")
        manifest_of(project).write_text(text, encoding="utf-8")
    # ... and so is an eid in a [[comparison]] that would put "--" (or "/") in a page name.
    for eid in ("sec_5--x", "sec/5", "sec_5-"):
        edit_manifest(project, 'old = "eo-650#sec_5"', f'old = "eo-650#{eid}"')
        run = lawdiff("build", "--no-search", cwd=project)
        one_line_error(run, "[[comparison]] #1", f"'{eid}' is not an eid")
        edit_manifest(project, f'old = "eo-650#{eid}"', 'old = "eo-650#sec_5"')


# -- 2. raw paths: regular files inside the corpus ------------------------------------

@pytest.mark.parametrize("case", ["absolute", "dotdot", "symlink-out", "fifo", "device", "folder"])
def test_2_a_raw_path_must_be_a_regular_file_inside_the_corpus(project, case):
    corpus = project / "corpus"
    outside = project.parent / "outside.txt"
    outside.write_bytes(EO650.read_bytes())
    path, problem = {
        "absolute": (str(outside), "must name a file inside the corpus folder"),
        "dotdot": ("../../outside.txt", "must name a file inside the corpus folder"),
        "symlink-out": ("raw/link.txt", "leads outside the corpus folder"),
        "fifo": ("raw/fifo.txt", "is a FIFO"),
        "device": ("raw/zero.txt", "is a character device"),
        "folder": ("raw", "is a folder"),
    }[case]
    if case == "symlink-out":
        (corpus / "raw" / "link.txt").symlink_to(outside)
    elif case == "fifo":
        os.mkfifo(corpus / "raw" / "fifo.txt")
    elif case == "device":
        (corpus / "raw" / "zero.txt").symlink_to("/dev/zero")
        problem = "leads outside the corpus folder"  # the link is caught first; /dev/zero itself below
    add_instrument(project, id='"stolen"', kind='"executive-order"', path=f'"{path}"')
    for args in (("parse", "stolen"), ("build", "--no-search")):
        run = lawdiff(*args, cwd=project, timeout=60)  # a FIFO must not hang, /dev/zero must not run forever
        one_line_error(run, "instruments.toml", "stolen", problem)
    assert not (project / "build").exists()


def test_2_reading_refuses_a_fifo_or_device_without_blocking(tmp_path):
    os.mkfifo(tmp_path / "fifo")
    for path, kind in ((tmp_path / "fifo", "a FIFO"), (Path("/dev/zero"), "a character device")):
        with pytest.raises(LawdiffError, match=f"is {kind}.*, not a regular file"):
            read_regular(path, 1000)


# -- 3 and 11. one writer: never replaces what is not a regular file; the umask -------

def test_3_out_into_a_fifo_writes_into_it(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a reader waiting, as `cat pipe` would be
    try:
        proc = subprocess.Popen([sys.executable, "-m", "lawdiff", "parse", str(EO650), "--format", "text",
                                 "--out", str(fifo)], stderr=subprocess.PIPE, text=True)
        received = b""
        while True:
            ready, _, _ = select.select([reader], [], [], 0.2)
            chunk = os.read(reader, 65536) if ready else b""
            received += chunk
            if not chunk and proc.poll() is not None:
                break
        assert proc.wait(timeout=60) == 0, proc.stderr.read()
    finally:
        os.close(reader)
    expected = lawdiff("parse", str(EO650), "--format", "text").stdout
    assert received.decode("utf-8") == expected and "sec_5" in expected
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)  # still the pipe, not a file that replaced it


def test_3_out_dev_stdout_writes_to_standard_output():
    run = lawdiff("parse", EO650, "--format", "text", "--out", "/dev/stdout")
    assert run.returncode == 0 and run.stdout == lawdiff("parse", EO650, "--format", "text").stdout
    assert "sec_5" in run.stdout and os.path.islink("/dev/stdout")


def test_3_out_naming_a_socket_or_a_link_to_one_is_refused(tmp_path):
    sock_path = tmp_path / "sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(sock_path))
    (tmp_path / "link").symlink_to(sock_path)
    try:
        for target in (sock_path, tmp_path / "link"):
            run = lawdiff("parse", EO650, "--out", target)
            one_line_error(run, str(target), "is a socket, not a regular file")
            assert stat.S_ISSOCK(os.stat(target).st_mode)
        assert (tmp_path / "link").is_symlink()
    finally:
        server.close()


def test_3_the_writer_never_replaces_a_device(tmp_path):
    # write_atomic is what --out, the site cache and the manifest edits use: /dev/null stays a device.
    (tmp_path / "null").symlink_to("/dev/null")
    for target in (Path("/dev/null"), tmp_path / "null"):
        with pytest.raises(LawdiffError, match="is a character device, not a regular file; not replacing it"):
            write_atomic(target, b"x")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_3_out_through_a_link_to_a_file_writes_the_file_and_keeps_the_link(tmp_path):
    (tmp_path / "real.txt").write_text("old")
    (tmp_path / "link.txt").symlink_to(tmp_path / "real.txt")
    run = lawdiff("parse", EO650, "--format", "text", "--out", tmp_path / "link.txt")
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "link.txt").is_symlink() and "sec_5" in (tmp_path / "real.txt").read_text()


def test_11_new_files_get_the_umask_and_replaced_files_keep_their_mode(project, tmp_path):
    out = tmp_path / "eo.json"
    assert lawdiff("parse", EO650, "--out", out, umask=0o022).returncode == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    out.chmod(0o640)
    assert lawdiff("parse", EO650, "--out", out, umask=0o077).returncode == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    manifest_of(project).chmod(0o664)
    run = lawdiff("add", EO650, "--id", "eo-650-copy", "--kind", "executive-order", cwd=project, umask=0o022)
    assert run.returncode == 0, run.stderr
    assert stat.S_IMODE(manifest_of(project).stat().st_mode) == 0o664
    assert stat.S_IMODE((project / "corpus" / "raw" / "eo-650-copy.txt").stat().st_mode) == 0o644
    assert lawdiff("build", "--no-search", "--no-pdf", cwd=project, umask=0o022).returncode == 0
    pages = [p for p in (project / "build").rglob("*.html")]
    assert pages and {stat.S_IMODE(p.stat().st_mode) for p in pages} == {0o644}  # a web server can read them


# -- 6. HTML past line 65,535 is cited at its own lines ----------------------------

def test_6_a_page_longer_than_65535_lines_cites_every_provision_at_its_line():
    """libxml2 stops counting at 65,535: a provision on line 70,004 was cited at 65,535."""
    from lawdiff.load.documents import parse_bytes

    page = ("<html><body><p>Be it enacted by the Senate and House of Representatives as follows:</p>\n"
            + "\n" * 70_000
            + "<p>SECTION 1. First.</p>\n<p>SECTION 2. Second.</p>\n<p>(a) A subsection.</p>\n</body></html>")
    doc = parse_bytes(page.encode(), "long.html")
    # line 1 holds the enacting clause, 70,000 blank lines follow: SECTION 1 stands on 70,002
    assert doc.tree.find("sec_1").lines == [70_002, 70_002]
    assert doc.tree.find("sec_2").lines == [70_003, 70_004]
    assert doc.tree.find("sec_2__subsec_a").lines == [70_004, 70_004]


# -- 8. parallel manifest edits all land --------------------------------------------

def test_8_parallel_adds_all_land(project, tmp_path):
    texts = []
    for n in range(8):
        text = tmp_path / f"eo-{n}.txt"
        text.write_bytes(EO650.read_bytes() + f"\nCopy {n}.\n".encode())
        texts.append(text)
    env = {k: v for k, v in os.environ.items() if not k.startswith("LAWDIFF_")}
    procs = [subprocess.Popen([sys.executable, "-m", "lawdiff", "add", str(text), "--id", f"par-{n}",
                               "--kind", "executive-order"], cwd=project, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for n, text in enumerate(texts)]
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    entries = Corpus.load(project / "corpus").entries
    for n, text in enumerate(texts):
        entry = entries[f"par-{n}"]
        raw = project / "corpus" / entry["path"]
        assert raw.read_bytes() == text.read_bytes()
        assert entry["sha256"] == hashlib.sha256(text.read_bytes()).hexdigest()
    assert sorted(p.name for p in (project / "corpus" / "raw").iterdir()) == sorted(
        [p.name for p in (CORPUS / "raw").iterdir()] + [f"par-{n}.txt" for n in range(8)])


# -- 10. only http(s) URLs ----------------------------------------------------------

@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,<script>x</script>", "file:///etc/passwd",
                                 "JAVASCRIPT:alert(1)", "http://", "http://[::1"])
def test_10_a_url_that_is_not_http_is_refused(project, url):
    quoted = url.replace('"', '\\"')
    manifest = manifest_of(project).read_text(encoding="utf-8")
    edit_manifest(project, 'url = "https://malegislature.gov/Bills/193/H2288"', f'url = "{quoted}"')
    one_line_error(lawdiff("build", "--no-search", cwd=project), "instrument 193-h2288: url", repr(url))
    manifest_of(project).write_text(manifest, encoding="utf-8")

    annotations = project / "corpus" / "annotations.toml"
    text = annotations.read_text(encoding="utf-8")
    annotations.write_text(text.replace('url = "https://malegislature.gov/Bills/193/H2288"', f'url = "{quoted}"', 1),
                           encoding="utf-8")
    one_line_error(lawdiff("matrix", cwd=project), "annotations.toml", "source url", repr(url))
    annotations.write_text(text, encoding="utf-8")

    run = lawdiff("add", EO650, "--id", "eo-650-copy", "--url", url, cwd=project)
    one_line_error(run, "--url", "not an http:// or https:// address")
    assert manifest_of(project).read_text(encoding="utf-8") == manifest
    assert not (project / "corpus" / "raw" / "eo-650-copy.txt").exists()


def test_10_pages_link_only_http_urls():
    from lawdiff.load.documents import parse_bytes
    from lawdiff.render.instrument_html import render_instrument
    doc = parse_bytes(EO650.read_bytes(), EO650, {"id": "eo-650", "url": "javascript:alert(1)"})
    page = render_instrument(doc)
    assert "javascript:alert(1)" in page and 'href="javascript:' not in page


# -- 12. a build's workers end with it ---------------------------------------------

def _slow_corpus(root: Path) -> None:
    """Three instruments whose two redlines each take seconds (wholly rewritten provisions)."""
    import random
    words = ["agency", "officer", "shall", "may", "not", "federal", "state", "person", "court", "law"]
    raw = root / "raw"
    raw.mkdir(parents=True)
    entries = []
    for n in range(3):
        r = random.Random(n)
        text = "\n\n".join(f"SECTION {s}. " + " ".join(r.choice(words) for _ in range(3000)) + "." for s in (1, 2, 3))
        (raw / f"b{n}.txt").write_text(text)
        entries.append(f'[[instrument]]\nid = "b{n}"\nkind = "bill"\npath = "raw/b{n}.txt"\n'
                       + (f'version_of = ["b{n - 1}"]\n' if n else ""))
        (raw / f"c{n}.txt").write_text(text.replace("SECTION 1.", "SECTION 1. Copy."))
        entries.append(f'[[instrument]]\nid = "c{n}"\nkind = "bill"\npath = "raw/c{n}.txt"\n')
    (root / "instruments.toml").write_text("\n".join(entries))


def _descendants(pid: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(fields[1]), []).append(int(entry))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has ended; only its parent has not looked yet


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL])
def test_12_killing_a_build_leaves_no_workers(tmp_path, sig):
    _slow_corpus(tmp_path / "corpus")
    proc = subprocess.Popen([sys.executable, "-m", "lawdiff", "--corpus", str(tmp_path / "corpus"), "build",
                             "--no-search", "--jobs", "2", "--out", str(tmp_path / "build")],
                            stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        workers: set[int] = set()
        while len(workers) < 2 and time.monotonic() < deadline:
            workers = _descendants(proc.pid)
            time.sleep(0.05)
        assert len(workers) >= 2, "the build never started its workers"
        time.sleep(1.5)  # they are rendering the redlines now (seconds each)
        workers = _descendants(proc.pid)
        proc.send_signal(sig)
        proc.wait(timeout=30)
        time.sleep(2)
        assert [w for w in workers if _running(w)] == []
    finally:
        for w in workers | _descendants(proc.pid):
            if _running(w):
                os.kill(w, signal.SIGKILL)
        proc.kill()
        proc.wait()
    if sig == signal.SIGTERM:
        assert proc.returncode == 128 + signal.SIGTERM and "Traceback" not in proc.stderr.read()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".build.")] == []


# -- 16. wrong value types: one line, not a traceback --------------------------------

MANIFEST_TYPES = [
    ('number = "H.2288"', 'number = 2288', "number must be a string, not a number"),
    ('path = "raw/193-h2288.txt"', 'path = 5', "path must be a string, not a number"),
    ('session = 193', 'session = "abc"', "session must be a whole number"),
    ('sponsors = ["Ruth B. Balser", "Manny Cruz"]', 'sponsors = "Ruth B. Balser"', "sponsors must be a list of strings"),
    ('companion = ["193-s1510"]', 'companion = "193-s1510"', "companion must be a list of strings"),
    ('title = "An Act to protect', 'title = ["An Act to protect"]\nx = "', "title must be a string, not a list"),
    ('status = "in effect"', 'status = {a = 1}', "status must be a string, not a table"),
]


@pytest.mark.parametrize("old,new,problem", MANIFEST_TYPES)
def test_16_wrong_value_types_in_the_manifest(project, old, new, problem):
    edit_manifest(project, old, new)
    for args in (("parse", "193-h2288"), ("build", "--no-search"), ("matrix",), ("fetch", "193-h2288")):
        one_line_error(lawdiff(*args, cwd=project), "instruments.toml", problem)


@pytest.mark.parametrize("text,problem", [
    ("instrument = 5\n", "instrument must be [[instrument]] tables"),
    ("instrument = [1, 2]\n", "instrument must be [[instrument]] tables"),
    ('[[instrument]]\nid = 5\n', "instrument id 5 is not"),
])
def test_16_a_manifest_of_the_wrong_shape(project, text, problem):
    manifest_of(project).write_text(text, encoding="utf-8")
    one_line_error(lawdiff("parse", "x", cwd=project), "instruments.toml", problem)


def test_16_a_manifest_that_is_a_folder_or_a_fifo(project):
    manifest = manifest_of(project)
    manifest.unlink()
    manifest.mkdir()
    one_line_error(lawdiff("build", "--no-search", cwd=project), "instruments.toml", "cannot read the corpus manifest")
    manifest.rmdir()
    os.mkfifo(manifest)  # never opened for reading: that would wait for a writer forever
    one_line_error(lawdiff("build", "--no-search", cwd=project, timeout=60), "instruments.toml", "is a FIFO")


def test_16_topics_or_annotations_that_are_fifos_do_not_hang_the_build(project):
    for name in ("topics.toml", "annotations.toml"):
        path = project / "corpus" / name
        saved = path.read_bytes()
        path.unlink()
        os.mkfifo(path)
        one_line_error(lawdiff("build", "--no-search", cwd=project, timeout=60), name, "is a FIFO")
        path.unlink()
        path.write_bytes(saved)


@pytest.mark.parametrize("old,new,problem", [
    ('topic = "287g"\ninstrument = "eo-650"', 'topic = ["287g"]\ninstrument = "eo-650"', "topic must be a string"),
    ('instrument = "eo-650"\nstatus = "restricts"', 'instrument = "eo-650"\nstatus = 5', "status must be a string"),
    ('date = "2026-01-29"\nnote = "Executive Order', 'date = 5\nnote = "Executive Order', "source date must be a string"),
    ('cite = ["sec_5", "sec_6"]\n[annotation.source]\nurl = "https', 'cite = ["sec_5", "sec_6"]\n[annotation.source]\nurl = 5\nx = "https',
     "source may only have"),
])
def test_16_wrong_value_types_in_the_annotations(project, old, new, problem):
    matrix_file_refused(project, "annotations.toml", old, new, problem, "annotation")


def matrix_file_refused(project, name: str, old: str, new: str, problem: str, table: str) -> None:
    """``lawdiff matrix`` on ``name`` with ``old`` written as ``new``, then with ``table = 5``:
    one line each, naming the file and the problem."""
    path = project / "corpus" / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    one_line_error(lawdiff("matrix", cwd=project), name, problem)
    path.write_text(f"{table} = 5\n", encoding="utf-8")
    one_line_error(lawdiff("matrix", cwd=project), name, f"{table} must be [[{table}]] tables")


@pytest.mark.parametrize("old,new,problem", [
    ('phrases = [\n    "287(g)",', 'phrases = 5\nxphrases = [\n    "287(g)",', "topic 287g: phrases must be a list of strings"),
    ('regex = [\n    \'perform', 'regex = "287"\nxregex = [\n    \'perform', "topic 287g: regex must be a list of strings"),
    ('label = "287(g) and similar agreements"', 'label = 287', "topic 287g has no label (a string)"),
    ('description = "Agreements under', 'description = 5\nxdescription = "Agreements under', "topic 287g: description must be a string"),
])
def test_16_wrong_value_types_in_the_topics(project, old, new, problem):
    matrix_file_refused(project, "topics.toml", old, new, problem, "topic")


# -- 17. the build swap ---------------------------------------------------------------

def test_17_stale_folders_of_killed_builds_are_removed(project):
    dead, alive = dead_pid(), os.getpid()
    for name in (f".build.tmp-{dead}", f".build.old-{dead}", f".build.tmp-{alive}"):
        (project / name).mkdir()
        (project / name / ".lawdiff-build").write_text("")
    (project / f".other.tmp-{dead}").mkdir()  # not the build's: not ours to remove
    assert lawdiff("build", "--no-search", "--no-pdf", cwd=project).returncode == 0
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".")) == sorted(
        [".cache", f".build.tmp-{alive}", f".other.tmp-{dead}"])


def test_17_a_build_killed_while_swapping_leaves_a_site(project):
    assert lawdiff("build", "--no-search", "--no-pdf", cwd=project).returncode == 0
    (project / "build" / "index.html").write_text("previous build")
    # Die at the first rename that moves build/ (between the old two renames: no build/ at all).
    script = ("import os, sys\n"
              "from lawdiff.cli import main\n"
              "real = os.rename\n"
              "def rename(a, b):\n"
              "    real(a, b)\n"
              "    if os.path.basename(os.fspath(a)) == 'build' or os.path.basename(os.fspath(b)) == 'build':\n"
              "        os._exit(9)\n"
              "os.rename = rename\n"
              "main(['build', '--no-search'])\n")
    run = subprocess.run([sys.executable, "-c", script], cwd=project, capture_output=True, text=True, timeout=120)
    assert run.returncode in (0, 9), run.stderr
    assert (project / "build" / "index.html").is_file()
    assert "previous build" not in (project / "build" / "index.html").read_text()  # the swap happened whole


def test_17_two_builds_racing_both_succeed_and_leave_one_site(project):
    assert lawdiff("build", "--no-search", "--no-pdf", cwd=project).returncode == 0  # the cache is warm: builds take ~1 s
    env = {k: v for k, v in os.environ.items() if not k.startswith("LAWDIFF_")}
    # The first build dawdles for 3 s after any rename that moves build/ away (the old two-rename swap
    # then leaves no build/ while the second build swaps in its own, and the first dies on its second rename).
    slow = ("import os, time\n"
            "from lawdiff.cli import main\n"
            "real = os.rename\n"
            "def rename(a, b):\n"
            "    real(a, b)\n"
            "    if os.path.basename(os.fspath(a)) == 'build':\n"
            "        time.sleep(3)\n"
            "os.rename = rename\n"
            "main(['build', '--no-search'])\n")
    missing = []
    stop = threading.Event()

    def watch():
        while not stop.is_set():
            if not (project / "build" / "index.html").exists():
                missing.append(time.monotonic())
            time.sleep(0.001)

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        first = subprocess.Popen([sys.executable, "-c", slow], cwd=project, env=env, stderr=subprocess.PIPE, text=True)
        time.sleep(0.3)
        second = subprocess.Popen([sys.executable, "-m", "lawdiff", "build", "--no-search", "--no-pdf"], cwd=project, env=env,
                                  stderr=subprocess.PIPE, text=True)
        for proc in (first, second):
            _, err = proc.communicate(timeout=120)
            assert proc.returncode == 0, err
    finally:
        stop.set()
        watcher.join()
    assert missing == []  # never a moment without the site
    assert [p.name for p in project.iterdir() if p.name.startswith(".build.")] == []
    assert (project / "build" / "instruments" / "eo-650.html").is_file()


def test_17_without_the_atomic_exchange_two_renames_still_replace_the_site(project, monkeypatch):
    from lawdiff.site import build as site
    monkeypatch.setattr(site, "_exchange", lambda a, b: False)  # another OS, or a file system without it
    corpus = Corpus.load(project / "corpus")
    for _ in range(2):
        site.build_site(corpus, project / "build", search=False, pdf=False, jobs=1)
    assert (project / "build" / "index.html").is_file()
    assert sorted(p.name for p in project.iterdir()) == [".cache", "build", "corpus"]


# -- 18. bad option values ------------------------------------------------------------

def test_18_bad_option_values_are_one_line(project, tmp_path):
    one_line_error(lawdiff("serve", "--port", "99999", "--dir", project), "--port", "99999")
    for out in (".", "..", "corpus", str(project.parent)):
        one_line_error(lawdiff("build", "--no-search", "--out", out, cwd=project), "is the corpus folder or holds it")
    one_line_error(lawdiff("build", "--out", "/dev/null", cwd=project), "/dev/null: is a character device, not a folder")
    one_line_error(lawdiff("build", "--jobs", "0", cwd=project), "--jobs", "0 is not in the range")
    assert lawdiff("build", "--no-search", "--no-pdf", cwd=project).returncode == 0
    (project / "site").symlink_to("build")
    one_line_error(lawdiff("build", "--no-search", "--out", "site", cwd=project), "site: is a symbolic link")
    assert (project / "site").is_symlink()
    empty = tmp_path / "empty"
    empty.mkdir()
    run = lawdiff("--corpus", project / "corpus", "build", "--no-search", "--out", ".", cwd=empty)
    one_line_error(run, "is the current folder or holds it")
    assert empty.is_dir() and list(empty.iterdir()) == []


# -- 19. manifest edits keep the manifest as written ----------------------------------

def test_19_add_keeps_a_crlf_manifest_crlf(project):
    manifest = manifest_of(project)
    manifest.write_bytes(manifest.read_bytes().replace(b"\n", b"\r\n"))
    assert lawdiff("add", EO650, "--id", "eo-650-copy", "--kind", "executive-order", cwd=project).returncode == 0
    assert lawdiff("add", EO650, "--id", "194-s1681", "--title", "x", cwd=project).returncode == 0
    data = manifest.read_bytes()
    assert data.count(b"\n") == data.count(b"\r\n")
    entries = tomllib.loads(data.decode())["instrument"]
    assert {e["id"]: e.get("path") for e in entries}["eo-650-copy"] == "raw/eo-650-copy.txt"
    assert {e["id"]: e.get("title") for e in entries}["194-s1681"] == "x"


def test_19_add_finds_an_entry_however_its_toml_is_written(project):
    edit_manifest(project, '[[instrument]]\nid = "194-s1681"', "[[ instrument ]]\nid = '194-s1681'")
    edit_manifest(project, '[[instrument]]\nid = "194-h2580"', '[[instrument]]\n\tid = "194-h2580"')
    edit_manifest(project, '[[instrument]]\nid = "193-s997"', '[[instrument]]  # refiled\n  id="193-s997"')
    for entry_id in ("194-s1681", "194-h2580", "193-s997"):
        run = lawdiff("add", EO650, "--id", entry_id, cwd=project)
        assert run.returncode == 0, run.stderr
        assert Corpus.load(project / "corpus").entries[entry_id]["path"] == f"raw/{entry_id}.txt"



def test_19_add_replaces_a_value_written_over_several_lines_and_keeps_the_rest(project):
    # A person wraps a long list and comments it; lawdiff used to refuse to edit such a field.
    edit_manifest(project, 'sponsors = ["Sen. Eldridge", "Sen. Miranda"]',
                  'sponsors = [\n    "Sen. Eldridge",  # lead sponsor\n    "Sen. Miranda",\n]')
    edit_manifest(project, 'title = "Safe Communities Act"\nsponsors',
                  'title = """Safe Communities\nAct"""\nsponsors')
    before = manifest_of(project).read_text(encoding="utf-8").splitlines()
    run = lawdiff("add", EO650, "--id", "194-s1681", "--title", "Safe Communities Act", cwd=project)
    assert run.returncode == 0, run.stderr
    after = manifest_of(project).read_text(encoding="utf-8").splitlines()
    changes = [line for line in difflib.ndiff(before, after) if line[0] in "-+"]
    removed = [line[2:] for line in changes if line[0] == "-"]
    added = [line[2:] for line in changes if line[0] == "+"]
    assert removed == ['title = """Safe Communities', 'Act"""', 'format = "pdf"']
    assert added == ['title = "Safe Communities Act"', 'format = "text"', 'path = "raw/194-s1681.txt"',
                     f'sha256 = "{hashlib.sha256(EO650.read_bytes()).hexdigest()}"']
    assert '    "Sen. Eldridge",  # lead sponsor' in after

# -- 20. the README's commands on a stock Debian/Ubuntu Python --------------------------

def test_20_the_readme_build_command_uses_a_virtual_environment():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = readme.split("## The two commands", 1)[1].split("```sh\n", 1)[1].split("\n", 1)[0]
    assert command == "bash scripts/build.sh"


def _stub_machine(tmp_path: Path, script: str, stubs: dict[str, str]) -> tuple[Path, Path]:
    """``scripts/<script>`` copied into ``tmp_path``, run as on a stock Debian by a user (not
    root): every command it runs is a stub that records its arguments in the log, ``stubs``
    {name: the shell lines after the recording} and ``sudo`` (which runs its command).
    Returns the stubs' folder (the whole PATH) and the log."""
    (tmp_path / "scripts").mkdir()
    shutil.copy(ROOT / "scripts" / script, tmp_path / "scripts" / script)
    bin_ = tmp_path / "bin"
    bin_.mkdir()
    log = tmp_path / "log"
    stub = f'#!/bin/sh\necho "$(basename "$0") $*" >> {log}\n'
    for name, rest in {"sudo": 'exec "$@"\n', **stubs}.items():
        (bin_ / name).write_text(stub + rest)
    (bin_ / "id").write_text("#!/bin/sh\necho 1000\n")
    for name in ("dirname", "env", "basename", "mkdir", "printf", "cp", "chmod"):
        (bin_ / name).symlink_to(shutil.which(name))
    for path in bin_.iterdir():
        if not path.is_symlink():
            path.chmod(0o755)
    return bin_, log


def test_20_the_build_command_installs_chromium_and_uses_a_venv(tmp_path):
    # scripts/build.sh, no Chromium, python3-venv missing
    log = tmp_path / "log"
    bin_, log = _stub_machine(tmp_path, "build.sh", {
        "apt-get": "",
        "python3": "case \"$*\" in\n"
                   "  *'import ensurepip'*) exit 1 ;;\n"  # python3-venv not installed
                   "  '-m venv .venv') mkdir -p .venv/bin && "
                   f"printf '#!/bin/sh\\necho \"venv-$(basename \"$0\") $*\" >> {log}\\n' > .venv/bin/pip && "
                   "cp .venv/bin/pip .venv/bin/lawdiff && chmod +x .venv/bin/* ;;\n"
                   "esac\n"})
    env = {"PATH": str(bin_), "HOME": str(tmp_path)}
    run = subprocess.run(["/bin/bash", str(tmp_path / "scripts" / "build.sh"), "--out", "site"], capture_output=True,
                         text=True, env=env, timeout=60)
    assert run.returncode == 0, run.stderr
    calls = log.read_text().splitlines()
    apt = [c for c in calls if c.startswith("apt-get")]
    assert apt and all(f"sudo {c}" in calls or f"sudo env DEBIAN_FRONTEND=noninteractive {c}" in calls
                       for c in apt)
    assert any("install" in c and "chromium" in c.split() for c in apt)  # it prints the redlines' PDFs
    assert any("install" in c and "python3-venv" in c for c in apt)
    assert "python3 -m venv .venv" in calls
    assert "venv-pip install -q --disable-pip-version-check ." in calls
    assert calls[-1] == "venv-lawdiff build --out site"
    # --no-pdf: no Chromium needed, none installed
    log.unlink()
    run = subprocess.run(["/bin/bash", str(tmp_path / "scripts" / "build.sh"), "--no-pdf"], capture_output=True,
                         text=True, env=env, timeout=60)
    assert run.returncode == 0, run.stderr
    calls = log.read_text().splitlines()
    assert not any("chromium" in c.split() for c in calls) and calls[-1] == "venv-lawdiff build --no-pdf"


@pytest.mark.parametrize("managed", ["0", "1"], ids=["PEP 668 in force", "a Python that allows pip"])
def test_20_the_test_command_uses_sudo_and_a_venv(tmp_path, managed):
    # scripts/test.sh, nothing installed; with or without PEP 668, never the system's Python (issue 25 item 14)
    log = tmp_path / "log"
    bin_, log = _stub_machine(tmp_path, "test.sh", {
        "apt-get": "", "npm": "", "dpkg": "exit 1\n",
        "python3": "case \"$*\" in\n"
                   f"  *EXTERNALLY-MANAGED*) exit {managed} ;;\n"
                   "  *'import ensurepip'*) exit 1 ;;\n"  # python3-venv not installed
                   "  '-m venv .venv') mkdir -p .venv/bin && "
                   f"printf '#!/bin/sh\\necho \"venv-python $*\" >> {log}\\n' > .venv/bin/python && "
                   "cp .venv/bin/python .venv/bin/pip && chmod +x .venv/bin/* ;;\n"
                   "esac\n"})
    run = subprocess.run(["/bin/bash", str(tmp_path / "scripts" / "test.sh"), "-q"], capture_output=True, text=True,
                         env={"PATH": str(bin_), "HOME": str(tmp_path)}, timeout=60)
    assert run.returncode == 0, run.stderr
    calls = log.read_text().splitlines()
    apt = [c for c in calls if c.startswith("apt-get")]
    assert apt and all(f"sudo {c}" in calls or f"sudo env DEBIAN_FRONTEND=noninteractive {c}" in calls
                       for c in apt)
    assert any("install" in c and "python3-venv" in c for c in apt)
    assert "python3 -m venv .venv" in calls
    assert not any(c.startswith("python3 -m pip") for c in calls)  # the system Python would refuse
    assert "venv-python -m pip install -q --disable-pip-version-check -e .[test]" in calls
    assert calls[-1] == "venv-python -m pytest --numprocesses auto --maxprocesses 4 --dist loadfile -q"


# -- 21. a new user's command line -------------------------------------------------------

def test_21_corpus_after_the_subcommand(project, tmp_path):
    run = lawdiff("parse", "eo-650", "--corpus", project / "corpus", "--format", "text", cwd=tmp_path)
    assert run.returncode == 0 and "sec_5" in run.stdout, run.stderr


def test_21_an_id_with_no_corpus_found_says_so(tmp_path):
    run = lawdiff("parse", "193-h2288", cwd=tmp_path)
    one_line_error(run, "193-h2288: no such file or corpus id", "no corpus found", "--corpus DIR")


def test_21_serve_before_a_build_says_to_build(project):
    one_line_error(lawdiff("serve", cwd=project), "build", "run `lawdiff build` first")


def test_21_version():
    """The version, and which copy runs (issue 25 item 15): the package folder and the Python."""
    from importlib.metadata import version
    from importlib.util import find_spec
    run = lawdiff("--version")
    where = Path(find_spec("lawdiff").origin).parent
    assert run.returncode == 0 and run.stdout == (f"lawdiff {version('lawdiff')} ({where}, Python "
                                                  f"{sys.version.split()[0]} {sys.executable})\n")


# -- all together: a hostile corpus changes nothing outside the build folder --------------

HOSTILE = [
    # (file, text to find, replacement): each one alone must stop the build with one line.
    ("instruments.toml", 'id = "eo-650"', 'id = "../../../victim"'),
    ("instruments.toml", 'id = "eo-650"', 'id = "eo-650/../../x"'),
    ("instruments.toml", 'id = "eo-650"', 'id = "eo--650"'),
    ("instruments.toml", 'path = "raw/eo-650.txt"', 'path = "/etc/passwd"'),
    ("instruments.toml", 'path = "raw/eo-650.txt"', 'path = "../../victim.txt"'),
    ("instruments.toml", 'path = "raw/eo-650.txt"', 'path = "raw/link-out.txt"'),
    ("instruments.toml", 'path = "raw/eo-650.txt"', 'path = "raw/fifo.txt"'),
    ("instruments.toml", 'path = "raw/eo-650.txt"', 'path = "/dev/zero"'),
    ("instruments.toml", 'url = "https://malegislature.gov/Bills/193/H2288"', 'url = "javascript:alert(1)"'),
    ("instruments.toml", 'url = "https://malegislature.gov/Bills/193/H2288"', 'url = "data:text/html,x"'),
    ("instruments.toml", 'number = "H.2288"', 'number = 2288'),
    ("instruments.toml", 'session = 193', 'session = "abc"'),
    ("instruments.toml", 'old = "eo-650#sec_5"', 'old = "eo-650#../../x"'),
    ("annotations.toml", 'url = "https://malegislature.gov/Bills/193/H2288"', 'url = "javascript:alert(1)"'),
    ("annotations.toml", 'topic = "287g"', 'topic = ["287g"]'),
]


def test_a_hostile_corpus_changes_nothing_outside_the_build_folder(tmp_path):
    project = tmp_path / "a" / "b" / "c" / "project"
    shutil.copytree(CORPUS, project / "corpus")
    (tmp_path / "victim.txt").write_text("the victim's own file")
    (project / "corpus" / "raw" / "link-out.txt").symlink_to(tmp_path / "victim.txt")
    os.mkfifo(project / "corpus" / "raw" / "fifo.txt")
    assert lawdiff("build", "--no-search", cwd=project).returncode == 0
    previous = snapshot(project / "build")
    outside = snapshot(tmp_path, skip=("a/b/c/project/build",))
    for name, old, new in HOSTILE:
        path = project / "corpus" / name
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        before = snapshot(tmp_path, skip=("a/b/c/project/build",))
        run = lawdiff("build", "--no-search", cwd=project, timeout=60)
        one_line_error(run, name)
        assert snapshot(tmp_path, skip=("a/b/c/project/build",)) == before, new
        assert snapshot(project / "build") == previous, new
        path.write_text(text, encoding="utf-8")
    assert snapshot(tmp_path, skip=("a/b/c/project/build",)) == outside
    assert not list(tmp_path.rglob("victim.html")) and not list(tmp_path.rglob("x.html"))
