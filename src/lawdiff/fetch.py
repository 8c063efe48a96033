"""Download an instrument's official text into the corpus, or register a file the user has.

``fetch`` takes the official URL of a manifest entry (a bill's PDF on
malegislature.gov, an executive order's page on mass.gov), reads the bytes
with the same readers ``parse`` uses (so an error page, a scan or a truncated
file is refused before anything is written), then writes ``corpus/raw/<id>.<ext>``
and records ``path``, ``format``, ``sha256``, ``source_url`` and ``fetched`` (the
date) in that entry of the manifest.  Running it again changes nothing when the
file is already there.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from .documents import parse_bytes
from . import net
from .errors import LawdiffError
from .files import write_atomic
from .manifest import ID, ID_RULE, Corpus
from .manifest_edit import append_entry, set_fields
from .read import MAX_BYTES, sniff

TIMEOUT = 60
_EXTENSIONS = {"pdf": ".pdf", "html": ".html", "text": ".txt"}
_FALL_BACK = re.compile(r"^HTTP 404\b|no text layer")


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


def download(url: str, max_bytes: int = MAX_BYTES, timeout: float = TIMEOUT) -> bytes:
    """The bytes at ``url``; any failure is one ``LawdiffError`` naming the URL (see ``net.get``)."""
    return net.get(url, max_bytes, timeout).content


def fetch(corpus: Corpus, entry_id: str, base: str | None = None, force: bool = False,
          max_bytes: int = MAX_BYTES, timeout: float = TIMEOUT) -> Outcome:
    entry = corpus.entries.get(entry_id)
    if entry is None:
        raise LawdiffError(entry_id, "not in the manifest (lawdiff add registers a new instrument)")
    raw = corpus.raw_path(entry)
    if not force and raw is not None and raw.is_file() and entry.get("sha256") == _sha256(raw.read_bytes()):
        return Outcome(entry_id, "up to date", entry["path"])
    problems = []
    for official in official_urls(entry):
        url = net.rebase(official, base)
        try:
            data = download(url, max_bytes, timeout)
            return _store(corpus, entry_id, data, url, source_url=official)
        except LawdiffError as e:
            # Only a missing PDF or a scan sends us on to the HTML page; any other failure is reported as is.
            problems.append(str(e))
            if not _FALL_BACK.search(e.problem):
                break
    raise LawdiffError(entry_id, "; then ".join(problems))


def add(corpus: Corpus, file: Path, entry_id: str, fields: dict | None = None) -> Outcome:
    """Register ``file`` (already on disk) as the text of ``entry_id``, new or existing."""
    try:
        data = file.read_bytes()
    except OSError as e:
        raise LawdiffError(file, e.strerror or str(e)) from None
    return _store(corpus, entry_id, data, str(file), fields=fields or {})


def _store(corpus: Corpus, entry_id: str, data: bytes, source: str, source_url: str | None = None,
           fields: dict | None = None) -> Outcome:
    if not ID.match(entry_id):
        raise LawdiffError(entry_id, f"an id is {ID_RULE} (it names the file in corpus/raw/)")
    entry = corpus.entries.get(entry_id)
    fmt = sniff(data)
    # Read it as parse will, before anything is written: an error page or a scan stops here.
    doc = parse_bytes(data, source, {**(entry or {}), **(fields or {}), "id": entry_id})
    rel = f"raw/{entry_id}{_EXTENSIONS[fmt]}"
    sha = _sha256(data)
    target = corpus.root / rel
    unchanged = entry is not None and entry.get("path") == rel and entry.get("sha256") == sha and target.is_file() \
        and _sha256(target.read_bytes()) == sha
    if unchanged and not fields:
        return Outcome(entry_id, "unchanged", rel, sha, source_url or source)
    target.parent.mkdir(exist_ok=True)
    previous = target.read_bytes() if target.is_file() else None
    if previous != data:
        write_atomic(target, data)
    record = {**(fields or {}), "format": fmt, "path": rel, "sha256": sha}
    if source_url:
        record["source_url"] = source_url
        record["fetched"] = datetime.date.today().isoformat()
    manifest = corpus.root / "instruments.toml"
    try:
        if entry is None:
            kind = (fields or {}).get("kind") or doc.meta["kind"]
            append_entry(manifest, {"id": entry_id, "kind": kind, **record})
        else:
            set_fields(manifest, entry_id, record)
    except BaseException:
        # The manifest was not changed: put the raw file back as it was, so the two still agree.
        if previous is None:
            target.unlink(missing_ok=True)
        elif previous != data:
            write_atomic(target, previous)
        raise
    return Outcome(entry_id, "fetched" if source_url else "added", rel, sha, source_url or source)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
