"""The corpus manifest (``corpus/instruments.toml``): which instruments exist and where their text is."""

from __future__ import annotations

import datetime
import os
import re
import stat
import urllib.parse
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from lawdiff.errors import LawdiffError
from lawdiff.files import file_type, read_toml

RELATIONS = ("companion", "refiled_from", "version_of")
# An id names files (instruments/<id>.html, raw/<id>.txt) and, joined by "--", redline
# pages: lower case (one page per id on a case-insensitive disk too), no "/", "..", "#",
# "?" or "--", so no id reaches outside its folder, breaks a link, or collides in a name.
ID = re.compile(r"^[a-z0-9]+(?:[-.][a-z0-9]+)*$")
ID_RULE = "lower-case letters and digits, joined by single '-' or '.'"
# Field -> the type its value must have (other fields: any string, number or list of strings).
STRING_FIELDS = ("kind", "jurisdiction", "number", "title", "issuer", "date", "url", "format", "path",
                 "sha256", "status", "docket", "source_url", "fetched", "history", "record", "amendments")
URL_FIELDS = ("url", "source_url")
LIST_FIELDS = ("sponsors",) + RELATIONS


def check_url(url: object, where: object) -> str:
    """``url`` if it is an http(s) address: anything else (``javascript:``, ``data:``, ``file:``)
    must never be published as a link."""
    if not isinstance(url, str):
        raise LawdiffError(where, f"a URL must be a string, not {_type(url)}")
    try:
        parts = urllib.parse.urlsplit(url) if url.isprintable() and " " not in url else None
    except ValueError:  # "http://[::1"
        parts = None
    if parts is None or parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise LawdiffError(where, f"{url!r} is not an http:// or https:// address")
    return url


def _type(value: object) -> str:
    return {str: "a string", int: "a number", float: "a number", bool: "true/false", list: "a list",
            dict: "a table"}.get(type(value), type(value).__name__)


def default_corpus_dir() -> Path:
    return Path(os.environ.get("LAWDIFF_CORPUS", "corpus"))


@dataclass
class Corpus:
    root: Path
    entries: dict[str, dict]
    """id -> manifest entry, in manifest order."""
    comparisons: list[dict]
    """The ``[[comparison]]`` tables as written (checked by ``lawdiff.site.comparisons``)."""

    @classmethod
    def load(cls, root: Path | str | None = None) -> Corpus:
        root = Path(root) if root is not None else default_corpus_dir()
        path = root / "instruments.toml"
        entries, comparisons = check_manifest(read_toml(path, "corpus manifest"), path, root)
        return cls(root=root, entries=entries, comparisons=comparisons)

    def raw_path(self, entry: dict) -> Path | None:
        return self.root / entry["path"] if entry.get("path") else None

    def history_path(self, entry: dict) -> Path | None:
        return self.root / entry["history"] if entry.get("history") else None

    def with_text(self) -> list[dict]:
        return [e for e in self.entries.values() if e.get("path")]

    def entry_for_path(self, path: Path) -> dict | None:
        """The manifest entry whose raw file is ``path``, if any."""
        resolved = path.resolve()
        for entry in self.with_text():
            if self.raw_path(entry).resolve() == resolved:
                return entry
        return None


def check_manifest(data: dict, path: Path, root: Path) -> tuple[dict[str, dict], list[dict]]:
    """(id -> entry, [[comparison]] tables) of a parsed manifest, every field checked: what
    is published or opened from here on is known to be safe."""
    instruments = data.get("instrument", [])
    if not isinstance(instruments, list) or not all(isinstance(e, dict) for e in instruments):
        raise LawdiffError(path, "instrument must be [[instrument]] tables")
    entries: dict[str, dict] = {}
    try:
        root_real = root.resolve()  # once, not once per raw file (8,000 entries in a session)
    except (OSError, RuntimeError):
        root_real = None
    for entry in instruments:
        entry_id = entry.get("id")
        if entry_id is None:
            raise LawdiffError(path, "an [[instrument]] has no id")
        if not isinstance(entry_id, str) or not ID.match(entry_id):
            raise LawdiffError(path, f"instrument id {entry_id!r} is not {ID_RULE}")
        if entry_id in entries:
            raise LawdiffError(path, f"instrument {entry_id} is listed twice")
        entries[entry_id] = _check_entry(entry, path, root, root_real)
    for entry in entries.values():
        for relation in RELATIONS:
            for other in entry.get(relation, []):
                if other not in entries:
                    raise LawdiffError(path, f"{entry['id']}: {relation} names unknown instrument {other}")
    comparisons = data.get("comparison", [])
    if not isinstance(comparisons, list) or not all(isinstance(t, dict) for t in comparisons):
        raise LawdiffError(path, "comparison must be [[comparison]] tables")
    return entries, comparisons


def _check_entry(entry: dict, path: Path, root: Path, root_real: Path | None = None) -> dict:
    entry = dict(entry)
    where = f"instrument {entry['id']}"
    for key, value in entry.items():
        if isinstance(value, (datetime.date, datetime.time)):  # a TOML date: the ISO string pages print
            entry[key] = value = value.isoformat()
        if key in STRING_FIELDS and not isinstance(value, str):
            raise LawdiffError(path, f"{where}: {key} must be a string, not {_type(value)}")
        if key in LIST_FIELDS and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            raise LawdiffError(path, f"{where}: {key} must be a list of strings")
        if key == "session" and (not isinstance(value, int) or isinstance(value, bool) or value <= 0):
            raise LawdiffError(path, f"{where}: session must be a whole number (the General Court, e.g. 194)")
        if isinstance(value, dict) or (isinstance(value, list) and not all(isinstance(v, (str, int)) for v in value)):
            raise LawdiffError(path, f"{where}: {key} must be a string, a number or a list of strings")
        if key in URL_FIELDS:
            check_url(value, f"{path}: {where}: {key}")
    for key in ("path", "history", "record", "amendments"):  # the API's history, record, floor amendments
        if entry.get(key):
            _check_raw_path(entry[key], root, path, where, root_real)
    return entry


def _check_raw_path(raw: str, root: Path, path: Path, where: str, root_real: Path | None = None) -> None:
    """A raw text is a regular file inside the corpus folder, named relative to it."""
    parts = PurePosixPath(raw.replace("\\", "/")).parts
    if raw.startswith(("/", "\\")) or Path(raw).is_absolute() or ".." in parts or ":" in raw.split("/")[0]:
        raise LawdiffError(path, f"{where}: path {raw!r} must name a file inside the corpus folder, relative to it")
    full = root / raw
    try:
        inside = full.resolve().is_relative_to(root_real or root.resolve())
    except (OSError, RuntimeError):  # a symbolic link loop
        inside = False
    if not inside:
        raise LawdiffError(path, f"{where}: path {raw!r} leads outside the corpus folder (a symbolic link?)")
    try:
        mode = os.stat(full).st_mode  # stat never blocks, even on a FIFO
    except FileNotFoundError:
        return  # not fetched yet, or deleted: reading it says so
    except OSError as e:
        raise LawdiffError(path, f"{where}: path {raw!r}: {e.strerror or e}") from None
    if not stat.S_ISREG(mode):
        raise LawdiffError(path, f"{where}: path {raw!r} is {file_type(mode)}, not a regular file")
