"""Edit ``corpus/instruments.toml`` in place: one entry's fields, keeping every comment and line around them.

The manifest is written by people (comments, field order, blank lines), so an entry's
fields are set through tomlkit, which keeps everything it is not asked to change (a value
spread over several lines is replaced whole; a new field goes after the entry's last); a
new entry is appended as text at the end, where a person would put it.  A CRLF manifest
stays CRLF.  The result is parsed back and checked as loading checks it before it is
written, and written whole or not at all.  Edits hold a lock on the corpus folder, so parallel
``lawdiff add`` each read the manifest the one before wrote.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
import sys
import threading
import time
import tomllib
from pathlib import Path

import tomlkit

from lawdiff.errors import LawdiffError
from lawdiff.files import read_regular, write_atomic
from lawdiff.load.manifest import check_manifest

_LONE_LF = re.compile(r"(?<!\r)\n")


def toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid TOML basic string
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} to the manifest")


# (folder, thread) holding the lock: a nested ``locked`` does not wait on itself (another
# thread's does: its own flock waits like another process's).
_held: dict[tuple[str, int], int] = {}


LOCK_WAIT = 600.0
"""Seconds a command waits for another lawdiff's hold on the corpus (a build reading it, a
fetch or add writing it) before giving up with one line."""


@contextlib.contextmanager
def locked(manifest: Path, shared: bool = False, wait: float | None = None, waiting=None):
    """Hold the corpus folder's lock (``flock`` on the folder itself: no lock file is left in
    the corpus, and the lock goes with the process however it ends).  Reentrant, so a caller
    may hold it around writing a raw file and the manifest edit that records it.  ``shared``:
    a reader's hold (a build), which other readers share and writers wait for.  When another
    process holds it, ``waiting()`` is called once (by default a line on stderr saying so) and
    the lock is waited for up to ``wait`` seconds (``LOCK_WAIT``), then one error."""
    key = (os.path.realpath(manifest.parent), threading.get_ident())
    if key in _held:
        _held[key] += 1
        try:
            yield
        finally:
            _held[key] -= 1
        return
    try:
        fd = os.open(manifest.parent, os.O_RDONLY | os.O_DIRECTORY)
    except OSError as e:
        raise LawdiffError(manifest.parent, f"cannot open the corpus folder: {e.strerror or e}") from None
    try:
        _acquire(fd, manifest.parent, fcntl.LOCK_SH if shared else fcntl.LOCK_EX,
                 LOCK_WAIT if wait is None else wait, waiting or _say_waiting)
        _held[key] = 1
        yield
    finally:
        _held.pop(key, None)
        os.close(fd)  # releases the lock


def _acquire(fd: int, folder: Path, mode: int, wait: float, waiting) -> None:
    try:
        fcntl.flock(fd, mode | fcntl.LOCK_NB)
        return
    except BlockingIOError:
        pass
    waiting()
    end = time.monotonic() + wait
    pause = 0.01
    while True:
        try:
            fcntl.flock(fd, mode | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= end:
                raise LawdiffError(folder, f"another lawdiff (a build reading it, or a fetch or add writing it) "
                                           f"held the corpus for over {wait:g} s; nothing done") from None
            time.sleep(min(pause, max(end - time.monotonic(), 0)))
            pause = min(pause * 2, 0.25)


def _say_waiting() -> None:
    print("lawdiff: waiting for another lawdiff to finish with the corpus (a build reads it, "
          "a fetch or add writes it) ...", file=sys.stderr, flush=True)


def _read(manifest: Path) -> tuple[str, str]:
    """(text, the line ending it uses)."""
    try:
        text = read_regular(manifest).decode("utf-8")
    except UnicodeDecodeError:
        raise LawdiffError(manifest, "not UTF-8; nothing written") from None
    return text, "\r\n" if "\r\n" in text else "\n"


def set_fields(manifest: Path, entry_id: str, fields: dict) -> None:
    """Set ``fields`` (scalars or lists of scalars) in the ``[[instrument]]`` whose id is ``entry_id``."""
    with locked(manifest):
        _set_fields(manifest, entry_id, fields)


def _set_fields(manifest: Path, entry_id: str, fields: dict) -> None:
    text, nl = _read(manifest)
    try:
        doc = tomlkit.parse(text)
    except tomlkit.exceptions.ParseError as e:
        raise LawdiffError(manifest, f"not a valid corpus manifest: {e}; nothing written") from None
    entry = next((e for e in doc.get("instrument", []) if isinstance(e, dict) and e.get("id") == entry_id), None)
    if entry is None:
        raise LawdiffError(manifest, f"no [[instrument]] with id {entry_id}")
    for key, value in fields.items():
        entry[key] = value
    edited = doc.as_string()
    if nl == "\r\n":  # tomlkit writes the lines it adds with LF
        edited = _LONE_LF.sub("\r\n", edited)
    _write_checked(manifest, edited, entry_id, fields)


def append_entry(manifest: Path, fields: dict) -> None:
    """Add a new ``[[instrument]]`` table at the end of the manifest."""
    with locked(manifest):
        text, nl = _read(manifest)
        if any(e.get("id") == fields["id"] for e in _parse(text, manifest).get("instrument", [])
               if isinstance(e, dict)):  # added by another lawdiff since this one read the manifest
            raise LawdiffError(manifest, f"instrument {fields['id']} is already listed; nothing written")
        if not text.endswith("\n"):
            text += nl
        table = f"{nl}[[instrument]]{nl}" + "".join(f"{k} = {toml_value(v)}{nl}" for k, v in fields.items())
        _write_checked(manifest, text + table, fields["id"], fields)


def edit_entries(manifest: Path, changes: dict[str, dict], new: list[dict]) -> None:
    """Set ``changes`` (id -> fields) in existing entries and append the ``new`` entries, in one
    write: every change takes, or none (``lawdiff fetch --versions`` records a whole graph)."""
    with locked(manifest):
        text, nl = _read(manifest)
        if changes:
            try:
                doc = tomlkit.parse(text)
            except tomlkit.exceptions.ParseError as e:
                raise LawdiffError(manifest, f"not a valid corpus manifest: {e}; nothing written") from None
            tables = {e.get("id"): e for e in doc.get("instrument", []) if isinstance(e, dict)}
            for entry_id, fields in changes.items():
                if entry_id not in tables:
                    raise LawdiffError(manifest, f"no [[instrument]] with id {entry_id}; nothing written")
                for key, value in fields.items():
                    tables[entry_id][key] = value
            text = doc.as_string()
            if nl == "\r\n":
                text = _LONE_LF.sub("\r\n", text)
        listed = {e.get("id") for e in _parse(text, manifest).get("instrument", []) if isinstance(e, dict)}
        for fields in new:
            if fields["id"] in listed:
                raise LawdiffError(manifest, f"instrument {fields['id']} is already listed; nothing written")
            if not text.endswith("\n"):
                text += nl
            text += f"{nl}[[instrument]]{nl}" + "".join(f"{k} = {toml_value(v)}{nl}" for k, v in fields.items())
        _write_all_checked(manifest, text, {**changes, **{f["id"]: f for f in new}})


def _write_all_checked(manifest: Path, text: str, expected: dict[str, dict]) -> None:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise LawdiffError(manifest, f"edit would not be valid TOML ({e}); nothing written") from None
    try:
        entries, _ = check_manifest(data, manifest, manifest.parent)
    except LawdiffError as e:
        raise LawdiffError(e.source, f"{e.problem}; nothing written") from None
    for entry_id, fields in expected.items():
        if entry_id not in entries or any(entries[entry_id].get(k) != v for k, v in fields.items()):
            raise LawdiffError(manifest, f"edit for {entry_id} did not take; nothing written")
    write_atomic(manifest, text.encode("utf-8"))


def _parse(text: str, manifest: Path) -> dict:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise LawdiffError(manifest, f"not a valid corpus manifest: {e}; nothing written") from None


def _write_checked(manifest: Path, text: str, entry_id: str, fields: dict) -> None:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:  # a bug here must never corrupt the manifest
        raise LawdiffError(manifest, f"edit for {entry_id} would not be valid TOML ({e}); nothing written") from None
    try:  # what loading would refuse (a bad id, path or URL) is never written
        entries, _ = check_manifest(data, manifest, manifest.parent)
    except LawdiffError as e:
        raise LawdiffError(e.source, f"{e.problem}; nothing written") from None
    entry = entries.get(entry_id)
    if entry is None or any(entry.get(k) != v for k, v in fields.items()):
        raise LawdiffError(manifest, f"edit for {entry_id} did not take; nothing written")
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate in a value (a Python caller's string, say)
        raise LawdiffError(manifest, f"edit for {entry_id} holds text that is not UTF-8; nothing written") from None
    write_atomic(manifest, data, durable=True)
