"""The corpus manifest (``corpus/instruments.toml``): which instruments exist and where their text is."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .errors import LawdiffError
from .files import read_toml

RELATIONS = ("companion", "refiled_from", "version_of")


def default_corpus_dir() -> Path:
    return Path(os.environ.get("LAWDIFF_CORPUS", "corpus"))


@dataclass
class Corpus:
    root: Path
    entries: dict[str, dict]
    """id -> manifest entry, in manifest order."""
    comparisons: list[dict]
    """The ``[[comparison]]`` tables as written (checked by ``lawdiff.comparisons``)."""

    @classmethod
    def load(cls, root: Path | str | None = None) -> Corpus:
        root = Path(root) if root is not None else default_corpus_dir()
        path = root / "instruments.toml"
        data = read_toml(path, "corpus manifest")
        entries: dict[str, dict] = {}
        for entry in data.get("instrument", []):
            if "id" not in entry:
                raise LawdiffError(path, "an [[instrument]] has no id")
            if entry["id"] in entries:
                raise LawdiffError(path, f"instrument {entry['id']} is listed twice")
            entries[entry["id"]] = entry
        for entry in entries.values():
            for relation in RELATIONS:
                for other in entry.get(relation, []):
                    if other not in entries:
                        raise LawdiffError(path, f"{entry['id']}: {relation} names unknown instrument {other}")
        comparisons = data.get("comparison", [])
        if not isinstance(comparisons, list) or not all(isinstance(t, dict) for t in comparisons):
            raise LawdiffError(path, "comparison must be [[comparison]] tables")
        return cls(root=root, entries=entries, comparisons=comparisons)

    def raw_path(self, entry: dict) -> Path | None:
        return self.root / entry["path"] if entry.get("path") else None

    def with_text(self) -> list[dict]:
        return [e for e in self.entries.values() if e.get("path")]

    def entry_for_path(self, path: Path) -> dict | None:
        """The manifest entry whose raw file is ``path``, if any."""
        resolved = path.resolve()
        for entry in self.with_text():
            if self.raw_path(entry).resolve() == resolved:
                return entry
        return None
