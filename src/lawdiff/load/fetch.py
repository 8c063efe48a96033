"""Download an instrument's official text into the corpus, or register a file the user has.

A bill (an entry with ``session`` and ``number``) is asked of the legislature's JSON API
first: its record is kept as sent (``raw/<id>.json``, format ``api-json``) when it holds
``DocumentText``, and its history actions beside it (``raw/<id>.history.json``, named by
the entry's ``history`` field).  A bill the API does not know (404), or whose record has
no text, falls back to the PDF (printed line numbers), then the whole-bill HTML page.
Anything else is fetched from its official ``url`` (an executive order's page on mass.gov).

The bytes are read with the same readers ``parse`` uses (an error page, a scan or a
truncated file is refused before anything is written; a URL named ``.pdf`` must answer a
PDF); then the raw files and the manifest's ``path``, ``format``, ``sha256``,
``source_url`` (where the bytes came from, after redirects), ``fetched`` (the date) are
written together: under the corpus lock, with SIGINT/SIGTERM held until both are written,
and put back as they were if the manifest edit fails.  New bytes go under names the
manifest does not name yet, so the manifest's rename is the one commit point (a process
killed anywhere leaves a corpus that builds).  ``add`` also checks the number and General
Court the document states against the entry (``identity``).  Running it again changes
nothing when the file is already there.
"""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import re
import signal
import threading
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

from lawdiff.load.documents import parse_bytes
from lawdiff.load import api
from lawdiff.load import identity
from lawdiff.load import net
from lawdiff.errors import LawdiffError
from lawdiff.files import write_atomic
from lawdiff.load.manifest import ID, ID_RULE, Corpus
from lawdiff.load.manifest_edit import append_entry, locked, set_fields
from lawdiff.read import MAX_BYTES, SourceFormat, sniff

TIMEOUT = 60
_FALL_BACK = re.compile(r"^HTTP 404\b|no text layer|^the URL promises")
_NO_RECORD = re.compile(r"^HTTP 404\b")
"""The API has no such document: the PDF and the page are asked next (a bill the API
does not serve yet may still be printed)."""


@dataclass
class Outcome:
    id: str
    status: str
    """``fetched``, ``unchanged`` (same bytes downloaded again) or ``up to date`` (not downloaded)."""
    path: str | None = None
    sha256: str | None = None
    url: str | None = None

    def message(self) -> str:
        if self.status == "up to date":
            return f"{self.id}: up to date ({self.path})"
        return f"{self.id}: {self.status} {self.path} from {self.url} (sha256 {self.sha256[:12]})"


def official_urls(entry: dict) -> list[str]:
    """Where the official text is, best first: a bill's PDF (printed line numbers), then its whole-bill
    HTML page (same words, no line numbers); anything else, the entry's own ``url``."""
    if entry.get("kind") == "bill" and entry.get("session") and entry.get("number"):
        number = entry["number"].replace(".", "").replace(" ", "")
        page = f"https://malegislature.gov/Bills/{entry['session']}/{number}"
        return [f"{page}.pdf", f"{page}.Html"]
    if entry.get("url"):
        return [entry["url"]]
    raise LawdiffError(entry["id"], "no official URL in the manifest; download the text yourself and use lawdiff add")


def official_url(entry: dict) -> str:
    return official_urls(entry)[0]


_PROMISES = {".pdf": SourceFormat.PDF, ".html": SourceFormat.HTML, ".htm": SourceFormat.HTML,
             ".docx": SourceFormat.DOCX, ".txt": SourceFormat.TEXT, ".json": SourceFormat.API_JSON}
_NAMES = {SourceFormat.PDF: "a PDF", SourceFormat.HTML: "a web page", SourceFormat.DOCX: "a Word file",
          SourceFormat.TEXT: "text", SourceFormat.API_JSON: "a JSON record"}


def check_promise(official: str, url: str, data: bytes) -> None:
    """The format an official URL's name promises (``.pdf``: a PDF) is the format of the bytes
    it answered: a "PDF" that is a Word file, say, is refused before any reader sees it."""
    promised = _PROMISES.get(Path(urllib.parse.urlsplit(official).path).suffix.lower())
    if promised is not None and (found := sniff(data)) != promised:
        if found == SourceFormat.HTML:  # a site's error or sign-in page, most likely: say which
            from lawdiff.read.html import read_html
            read_html(data, url)
        raise LawdiffError(url, f"the URL promises {_NAMES[promised]}, the answer is {_NAMES.get(found, found)}; "
                                "not stored")


def download(url: str, max_bytes: int = MAX_BYTES, timeout: float = TIMEOUT) -> bytes:
    """The bytes at ``url``; any failure is one ``LawdiffError`` naming the URL (see ``net.get``)."""
    return net.get(url, max_bytes, timeout).content


def fetch(corpus: Corpus, entry_id: str, base: str | None = None, force: bool = False,
          max_bytes: int = MAX_BYTES, timeout: float = TIMEOUT, prefetched: tuple | None = None) -> Outcome:
    """Fetch the text of ``entry_id``; ``prefetched``: its (record, history) from the API, already
    downloaded (``lawdiff fetch --versions`` read them to follow the chain)."""
    entry = corpus.entries.get(entry_id)
    if entry is None:
        raise LawdiffError(entry_id, "not in the manifest (lawdiff add registers a new instrument)")
    raw = corpus.raw_path(entry)
    if not force and raw is not None and raw.is_file() and entry.get("sha256") == _sha256(raw.read_bytes()):
        return Outcome(entry_id, "up to date", entry["path"])
    problems = []
    extras: dict[str, bytes] = {}
    fields: dict = {}
    if is_api_document(entry):
        record = prefetched or fetch_record(entry, base, max_bytes, timeout)
        if record is not None:
            document, history = record
            extras[f"raw/{entry_id}.history.json"] = history.data
            fields["history"] = f"raw/{entry_id}.history.json"
            official = api.document_url(entry["session"], entry["number"])
            if has_text(document.value):
                return _store(corpus, entry_id, document.data, document.final or document.url,
                              source_url=net.source_of(official, document.url, document.final or document.url, base),
                              fields=fields, extras=extras)
            problems.append(f"{document.url}: the record has no DocumentText")
    if chapter := session_law_chapter(entry):
        # A session law: its record out of /api/SessionLaws/{year}, else the chapter's page.
        try:
            law = api.fetch_session_law(*chapter, base, max_bytes, timeout)
        except LawdiffError as e:
            if not _NO_CHAPTER.search(e.problem):
                raise
            problems.append(str(e))
        else:
            if isinstance(law.value.get("ChapterText"), str) and law.value["ChapterText"].strip():
                official = api.session_laws_url(chapter[0])
                return _store(corpus, entry_id, law.data, law.final or law.url,
                              source_url=net.source_of(official, law.url, law.final or law.url, base))
            problems.append(f"{law.url}: Chapter {chapter[1]}'s record has no ChapterText")
    for official in official_urls(entry):
        url = net.rebase(official, base)
        try:
            answer = net.get(url, max_bytes, timeout)
            check_promise(official, answer.url, answer.content)
            return _store(corpus, entry_id, answer.content, answer.url, fields=fields, extras=extras,
                          source_url=net.source_of(official, url, answer.url, base))
        except LawdiffError as e:
            # Only a missing PDF or a scan sends us on to the HTML page; any other failure is reported as is.
            problems.append(str(e))
            if not _FALL_BACK.search(e.problem):
                break
    raise LawdiffError(entry_id, "; then ".join(problems))


_ACT_NUMBER = re.compile(r"^Chapter (\d{1,4}) of the Acts of (\d{4})$")
_NO_CHAPTER = re.compile(r"^HTTP 404\b|^no Chapter \d+ of the Acts")


def session_law_chapter(entry: dict) -> tuple[int, int] | None:
    """(year, chapter) of an act entry numbered "Chapter 163 of the Acts of 2026"."""
    m = _ACT_NUMBER.match(entry.get("number") or "") if entry.get("kind") == "act" else None
    return (int(m.group(2)), int(m.group(1))) if m else None


def is_api_document(entry: dict) -> bool:
    """A House or Senate document of a General Court: the API serves its record."""
    return entry.get("kind") in ("bill", "amendment", None) and bool(entry.get("session")) \
        and bool(entry.get("number"))


def fetch_record(entry: dict, base: str | None, max_bytes: int = MAX_BYTES, timeout: float = TIMEOUT):
    """(record, history) of a bill from the API, or None when the API does not know the number
    (HTTP 404: the printed texts are tried next).  Any other failure (429 or 5xx after the
    retries, malformed JSON, a record for another number or court) is one error."""
    try:
        document = api.fetch_document(entry["session"], entry["number"], base, max_bytes, timeout)
    except LawdiffError as e:
        if _NO_RECORD.search(e.problem):
            return None
        raise
    history = api.fetch_history(entry["session"], entry["number"], base, max_bytes, timeout)
    return document, history


def has_text(record: object) -> bool:
    return isinstance(record, dict) and isinstance(record.get("DocumentText"), str) \
        and bool(record["DocumentText"].strip())


def add(corpus: Corpus, file: Path, entry_id: str, fields: dict | None = None, force: bool = False) -> Outcome:
    """Register ``file`` (already on disk) as the text of ``entry_id``, new or existing.  The
    number and General Court the document states (its cover, its API record) must agree with
    the entry's (or, for a new entry, with ``fields`` or an id like ``194-s1681``) unless
    ``force``; the number, General Court and title it states fill the fields the entry lacks."""
    try:
        data = file.read_bytes()
    except OSError as e:
        raise LawdiffError(file, e.strerror or str(e)) from None
    return _store(corpus, entry_id, data, str(file), fields=fields or {}, identify="fill" if force else "check")


def _store(corpus: Corpus, entry_id: str, data: bytes, source: str, source_url: str | None = None,
           fields: dict | None = None, extras: dict[str, bytes] | None = None,
           identify: str | None = None) -> Outcome:
    """Write ``data`` as the entry's raw text (and ``extras``: corpus-relative name -> bytes,
    the history, named by a field of ``fields``) and record them in the manifest, all together
    or not at all.  Bytes that differ from what the manifest names go under new names, so the
    manifest's own rename is the one moment the corpus changes (see ``commit``).  ``identify``:
    "check" refuses a document whose own number or General Court contradicts the entry's, and
    it or "fill" sets the number, court and title the document states where the entry has none."""
    if not ID.match(entry_id):
        raise LawdiffError(entry_id, f"an id is {ID_RULE} (it names the file in corpus/raw/)")
    fields, extras = dict(fields or {}), dict(extras or {})
    fmt = sniff(data)
    # Read it as parse will, before anything is written: an error page or a scan stops here.
    # Without the entry's fields: what the document itself says it is is checked against them.
    kind = fields.get("kind") or (corpus.entries.get(entry_id) or {}).get("kind")
    doc = parse_bytes(data, source, {"id": entry_id, **({"kind": kind} if kind else {})})
    manifest = corpus.root / "instruments.toml"
    with locked(manifest):  # the manifest as it is now, not as this command first read it
        current = Corpus.load(corpus.root)
        entry = current.entries.get(entry_id)
        if identify:  # "check": what the document says it is must not contradict the entry; both: "fill"
            claims = {**(entry or {}), **fields}
            own = identity.check(doc, entry_id, claims, source) if identify == "check" else identity.stated(doc)
            # the document's own number, court and title where neither the entry nor an option gives one
            fields.update({k: v for k, v in own.items() if claims.get(k) is None})
        named = _named(current)
        sha = _sha256(data)
        rel = _fresh_name(corpus.root, named, (entry or {}).get("path"), f"raw/{entry_id}{fmt.extension}", data)
        files = {rel: data}
        for key, value in list(fields.items()):  # the history: a field names it
            if value in extras:
                fields[key] = _fresh_name(corpus.root, named, (entry or {}).get(key), value, extras[value])
                files[fields[key]] = extras.pop(value)
        files.update(extras)
        record = {**fields, "format": fmt.value, "path": rel, "sha256": sha}
        if source_url:  # the same bytes from another place (a redirect) are recorded as from there
            record["source_url"] = source_url
        same_files = all(_on_disk(corpus.root / name) == content for name, content in files.items())
        if entry is not None and same_files and all(entry.get(k) == v for k, v in record.items()):
            return Outcome(entry_id, "unchanged", rel, sha, source_url or source)
        if source_url:
            record["fetched"] = datetime.date.today().isoformat()

        def edit():
            if entry is None:
                kind = fields.get("kind") or doc.meta["kind"]
                append_entry(manifest, {"id": entry_id, "kind": kind, **record})
            else:
                set_fields(manifest, entry_id, record)

        kept = _named(Corpus(current.root, {i: e for i, e in current.entries.items() if i != entry_id}, [])) \
            | set(files)
        stale = [name for name in _own_files(corpus.root, entry_id) if name not in kept]
        commit(corpus.root, files, edit, stale=stale)
    return Outcome(entry_id, "fetched" if source_url else "added", rel, sha, source_url or source)


def _named(corpus: Corpus) -> set[str]:
    """Every file the manifest names (raw texts and histories)."""
    return {e[key] for e in corpus.entries.values() for key in ("path", "history") if e.get(key)}


def _fresh_name(root: Path, named: set[str], current: str | None, name: str, data: bytes) -> str:
    """Where ``data`` goes: the file the entry names now when it holds these very bytes; else
    ``name`` unless the manifest names it (it must keep its bytes until the manifest no longer
    does); else ``name`` with the new bytes' hash before its extension."""
    if current and _on_disk(root / current) == data:
        return current
    if name not in named or _on_disk(root / name) == data:
        return name
    stem, dot, extension = name.rpartition(".")
    return f"{stem}.{_sha256(data)[:12]}.{extension}"


def _own_files(root: Path, entry_id: str) -> list[str]:
    """The files of ``raw/`` lawdiff writes for ``entry_id``: ``<id>.<ext>``, ``<id>.history.json``,
    each possibly with a hash before the extension, and their temporary files (``.<name>.*.tmp``,
    left by a process killed while writing one)."""
    own = re.compile(rf"^\.?{re.escape(entry_id)}(?:\.history)?(?:\.[0-9a-f]{{12}})?\.(?:{_EXTENSIONS})"
                     rf"(?:\.[A-Za-z0-9_]+\.tmp)?$")
    folder = root / "raw"
    if not folder.is_dir():
        return []
    return sorted(f"raw/{p.name}" for p in folder.iterdir() if own.match(p.name) and p.is_file()
                  and (p.name.startswith(".") == p.name.endswith(".tmp")))


_EXTENSIONS = "|".join(sorted({re.escape(f.extension.lstrip(".")) for f in SourceFormat} | {"json"}))


def commit(root: Path, files: dict[str, bytes], edit, stale: list[str] = ()) -> None:
    """Write ``files`` (corpus-relative name -> bytes) and run ``edit`` (the manifest change
    recording them) as one step: under the corpus lock, with SIGINT, SIGTERM and SIGHUP held
    until both are done, and every file put back as it was if anything fails.  ``stale``
    files, which the edited manifest no longer names, are removed after it.

    The manifest's rename is the one commit point when ``files`` are under names the manifest
    does not name yet (``_store`` sees to it): a process killed before it leaves the manifest
    and every file it names as they were, one killed after it leaves the new ones, and either
    way only files no entry names are left over (ignored; the entry's next commit removes them).
    Each file is on disk (fsync) before the manifest names it."""
    manifest = root / "instruments.toml"
    with locked(manifest), _signals_held():
        previous = {name: _on_disk(root / name) for name in files}
        written = []
        try:
            for name, data in files.items():
                if previous[name] != data:
                    (root / name).parent.mkdir(exist_ok=True)
                    write_atomic(root / name, data, durable=True)
                    written.append(name)
            edit()
        except BaseException:
            # The manifest was not changed: put the raw files back as they were, so the two still agree.
            for name in written:
                if previous[name] is None:
                    (root / name).unlink(missing_ok=True)
                else:
                    write_atomic(root / name, previous[name])
            raise
        for name in stale:
            (root / name).unlink(missing_ok=True)


@contextlib.contextmanager
def _signals_held():
    """Hold the signals that end a process (Ctrl-C, kill, a closed terminal) while the raw files
    and the manifest are written; one that came in is delivered once both are done."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    saved = {}
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        handler = signal.getsignal(sig)
        if handler is None:  # installed outside Python: left alone
            continue
        saved[sig] = handler
        signal.signal(sig, lambda number, frame: caught.append(number))
    try:
        yield
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)
        if caught:
            signal.raise_signal(caught[0])


def _on_disk(path: Path) -> bytes | None:
    return path.read_bytes() if path.is_file() else None


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
