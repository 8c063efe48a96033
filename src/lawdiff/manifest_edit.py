"""Edit ``corpus/instruments.toml`` in place: one entry's fields, keeping every comment and line around them.

The manifest is written by people (comments, field order, blank lines), so it is
edited as text: a field's line is replaced, or a new field line is inserted in
that entry's table; nothing else changes.  The result is parsed back before it
is written, and written whole or not at all.
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

from .errors import LawdiffError
from .files import write_atomic

_TABLE = re.compile(r"^\s*\[")
_INSTRUMENT = re.compile(r"^\s*\[\[instrument\]\]\s*(#.*)?$")
_KEY = re.compile(r"^([A-Za-z0-9_-]+)\s*=")
# New fields go after the first of these the entry has (all single-line values).
_ANCHORS = ("sha256", "path", "format", "url", "date", "id")


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


def set_fields(manifest: Path, entry_id: str, fields: dict) -> None:
    """Set ``fields`` (scalars or lists of scalars) in the ``[[instrument]]`` whose id is ``entry_id``."""
    text = manifest.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    start, end = _entry_span(lines, entry_id, manifest)
    for key, value in fields.items():
        new_line = f"{key} = {toml_value(value)}\n"
        found = next((k for k in range(start, end) if _KEY.match(lines[k]) and _KEY.match(lines[k]).group(1) == key), None)
        if found is not None:
            if _spans_lines(lines[found]):
                raise LawdiffError(manifest, f"{entry_id}: {key} spans several lines; edit it by hand")
            lines[found] = new_line
            continue
        keys = {_KEY.match(lines[k]).group(1): k for k in range(start, end) if _KEY.match(lines[k])}
        anchor = next((keys[a] for a in _ANCHORS if a in keys), start)
        lines.insert(anchor + 1, new_line)
        end += 1
    _write_checked(manifest, "".join(lines), entry_id, fields)


def _spans_lines(line: str) -> bool:
    """A value continued on the next lines (an array or a multi-line string): not edited by line."""
    value = line.split("=", 1)[1]
    return ("[" in value and "]" not in value) or value.count('"""') == 1 or value.count("'''") == 1


def append_entry(manifest: Path, fields: dict) -> None:
    """Add a new ``[[instrument]]`` table at the end of the manifest."""
    text = manifest.read_text(encoding="utf-8")
    if not text.endswith("\n"):
        text += "\n"
    table = "\n[[instrument]]\n" + "".join(f"{k} = {toml_value(v)}\n" for k, v in fields.items())
    _write_checked(manifest, text + table, fields["id"], fields)


def _entry_span(lines: list[str], entry_id: str, manifest: Path) -> tuple[int, int]:
    starts = [k for k, line in enumerate(lines) if _INSTRUMENT.match(line)]
    for n, start in enumerate(starts):
        end = next((k for k in range(start + 1, len(lines)) if _TABLE.match(lines[k])), len(lines))
        for k in range(start + 1, end):
            m = re.match(r'^id\s*=\s*"([^"]*)"', lines[k])
            if m and m.group(1) == entry_id:
                return start, end
    raise LawdiffError(manifest, f"no [[instrument]] with id {entry_id}")


def _write_checked(manifest: Path, text: str, entry_id: str, fields: dict) -> None:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:  # a bug here must never corrupt the manifest
        raise LawdiffError(manifest, f"edit for {entry_id} would not be valid TOML ({e}); nothing written") from None
    entry = next((e for e in data.get("instrument", []) if e.get("id") == entry_id), None)
    if entry is None or any(entry.get(k) != v for k, v in fields.items()):
        raise LawdiffError(manifest, f"edit for {entry_id} did not take; nothing written")
    write_atomic(manifest, text.encode("utf-8"))
