"""``lawdiff versions REF``: the graph holding REF, from the corpus, a saved session or the API."""

from __future__ import annotations

import re
from pathlib import Path

from lawdiff.errors import LawdiffError
from lawdiff.load.manifest import Corpus
from lawdiff.load.sources import ApiSource, CorpusSource, FolderSource
from lawdiff.render import jsonout
from lawdiff.versions import graph

_DOC_ID = re.compile(r"^(\d{1,3})-([hs]\d{1,5})$")
_ACT_ID = re.compile(r"^acts-(\d{4})-(\d{1,4})$")


def start_of(corpus: Corpus | None, ref: str) -> tuple[int, str]:
    """(General Court, API name) of a manifest id: ``193-h4241`` -> (193, ``H4241``); a session
    law ``acts-2024-118`` belongs to the court sitting that year; another id, by its entry."""
    entry = corpus.entries.get(ref) if corpus else None
    if entry and entry.get("session") and entry.get("number"):
        number = str(entry["number"]).replace(".", "").replace(" ", "").upper()
        if re.match(r"^[HS]\d{1,5}$", number):
            return entry["session"], number
    if m := _DOC_ID.match(ref):
        return int(m.group(1)), m.group(2).upper()
    if m := _ACT_ID.match(ref):
        return (int(m.group(1)) - 1637) // 2, f"acts-{int(m.group(1))}-{int(m.group(2))}"
    raise LawdiffError(ref, "not a House or Senate document id (like 193-h4241) or a session law (acts-2024-118)")


def version_graph(corpus: Corpus | None, ref: str, fmt: str = "text", folder: Path | None = None,
                  api: bool = False, base: str | None = None) -> str:
    court, name = start_of(corpus, ref)
    ids = {}
    if folder is not None:
        source = FolderSource(folder, court)
    elif api:
        source = ApiSource(court, base)
    else:
        source = CorpusSource(corpus, court)
        ids = source.ids()
        if source.entry(name) is None:
            raise LawdiffError(ref, "not in the corpus (--from DIR reads a saved session, --api asks the API)")
    g = graph.walk(source, name)
    if fmt == "json":
        return jsonout.dumps(graph.to_json(g, court, ids)) + "\n"
    return graph.to_text(g, court, ids)
