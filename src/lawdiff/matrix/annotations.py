"""Curated matrix cells (``corpus/annotations.toml``): status, summary and citation per topic and instrument."""

from __future__ import annotations

from pathlib import Path

from lawdiff.errors import LawdiffError
from lawdiff.files import read_toml
from lawdiff.load.manifest import check_url

# Statuses a curator may give a cell, and how pages name them.
STATUSES = {
    "prohibits": "Prohibits",
    "restricts": "Restricts with conditions",
    "permits": "Permits",
    "requires": "Requires",
    "preserves-existing": "Preserves existing",
    "silent": "Silent",
    "text-not-in-corpus": "Text not in corpus",
}
# Statuses the matrix gives a cell nobody has annotated.
COMPUTED_STATUSES = {
    "not-annotated": "Provisions located, not yet annotated",
    "no-match": "No matching provision found",
}
BASES = ("checked", "reported")
# What a cell's source may say.  url, date and name (who says it: "one public dataset built
# from the legislature's API") are published; note is the curator's own (what settles the
# question, where the fact was gathered) and never leaves annotations.toml.
SOURCE_KEYS = ("url", "date", "name", "note")
PUBLIC_SOURCE_KEYS = ("url", "date", "name")
# The source's name where the annotation gives none, by basis.
DEFAULT_SOURCE = {"checked": "the official text", "reported": "third-party reporting"}
KEYS = ("topic", "instrument", "status", "summary", "basis", "cite", "source", "points")
# The points on which instruments differ, the columns of a topic's memo table
# (``matrix.memo``): each a short paraphrase with its own citation.
POINTS = {
    "bound": "Who is bound",
    "new": "New agreements",
    "existing": "Existing agreements",
    "deadlines": "Deadlines and sunsets",
    "carve_outs": "Carve-outs",
}
POINT_KEYS = ("text", "cite", "lines")


def load_annotations(root: Path | str, topics: dict, entries: dict) -> tuple[Path, dict[tuple[str, str], dict]]:
    """(path, {(topic, instrument): annotation}) in file order; checks everything that can be
    checked without the texts (eids are checked against the parsed trees by the matrix)."""
    path = Path(root) / "annotations.toml"
    data = read_toml(path, "annotations file", missing={})
    out: dict[tuple[str, str], dict] = {}
    annotations = data.get("annotation", [])
    if not isinstance(annotations, list) or not all(isinstance(a, dict) for a in annotations):
        raise LawdiffError(path, "annotation must be [[annotation]] tables")
    for a in annotations:
        topic, instrument = a.get("topic"), a.get("instrument")
        where = f"annotation {topic}/{instrument}"
        for key in ("topic", "instrument", "status", "basis"):
            if key in a and not isinstance(a[key], str):
                raise LawdiffError(path, f"{where}: {key} must be a string, not {a.get(key)!r}")
        if topic not in topics:
            raise LawdiffError(path, f"{where}: no topic {topic!r} in topics.toml")
        if instrument not in entries:
            raise LawdiffError(path, f"{where}: no instrument {instrument!r} in instruments.toml")
        if (topic, instrument) in out:
            raise LawdiffError(path, f"{where} is given twice")
        unknown = sorted(set(a) - set(KEYS))
        if unknown:  # a misspelt key ("citee") would otherwise drop what it was meant to say
            raise LawdiffError(path, f"{where}: unknown key {unknown[0]!r} (keys: {', '.join(KEYS)})")
        if a.get("status") not in STATUSES:
            raise LawdiffError(path, f"{where}: status {a.get('status')!r} is not one of {', '.join(STATUSES)}")
        if not isinstance(a.get("summary"), str) or not a["summary"].strip():
            raise LawdiffError(path, f"{where}: no summary")
        if a.get("basis") not in BASES:
            raise LawdiffError(path, f"{where}: basis must be checked or reported")
        cite = a.get("cite", [])
        if not isinstance(cite, list) or not all(isinstance(e, str) for e in cite):
            raise LawdiffError(path, f"{where}: cite must be a list of eids")
        has_text = bool(entries[instrument].get("path"))
        if cite and not has_text:
            raise LawdiffError(path, f"{where}: cites eids but {instrument} has no text in the corpus to check them against")
        # A reported annotation may predate the text (written before `lawdiff fetch`): the
        # matrix then shows it beside the provisions it finds, uncited.  A checked one cannot.
        if has_text and not cite and a["status"] != "silent" and a["basis"] == "checked":
            raise LawdiffError(path, f"{where}: {instrument} has text in the corpus, so a checked annotation must cite its eids")
        source = a.get("source", {})
        if not isinstance(source, dict) or set(source) - set(SOURCE_KEYS):
            raise LawdiffError(path, f"{where}: source may only have {', '.join(SOURCE_KEYS)}")
        for key, value in source.items():
            if not isinstance(value, str) and not (key == "date" and hasattr(value, "isoformat")):
                raise LawdiffError(path, f"{where}: source {key} must be a string, not {value!r}")
        if source.get("url") is not None:
            check_url(source["url"], f"{path}: {where}: source url")
        if not has_text and not (source.get("url") or source.get("name")):
            # the note is not published: a reader needs a page or a name to weigh the fact by
            raise LawdiffError(path, f"{where}: {instrument} has no text in the corpus, so the annotation needs a source url or name")
        points = _points(path, where, a.get("points", {}), has_text, a["basis"])
        out[(topic, instrument)] = {
            "points": points,
            "status": a["status"],
            "summary": " ".join(a["summary"].split()),
            "basis": a["basis"],
            "cite": list(cite),
            "source": {k: (str(source[k]) if source.get(k) is not None else None) for k in PUBLIC_SOURCE_KEYS},
            "note": str(source["note"]) if source.get("note") is not None else None,  # internal
        }
    return path, out


def _points(path: Path, where: str, points: object, has_text: bool, basis: str) -> dict[str, dict]:
    """``[annotation.points.<key>]`` tables: text, cite (eids), lines ([first, last] printed
    lines within the cited provision, for a finer citation and a #L link).  A checked point of
    a text in the corpus cites; a reported one cannot (nobody has read the text)."""
    if not isinstance(points, dict):
        raise LawdiffError(path, f"{where}: points must be tables [annotation.points.<key>]")
    out = {}
    for key, point in points.items():
        at = f"{where}: point {key!r}"
        if key not in POINTS:
            raise LawdiffError(path, f"{at} is not one of {', '.join(POINTS)}")
        if not isinstance(point, dict) or set(point) - set(POINT_KEYS):
            raise LawdiffError(path, f"{at}: keys may only be {', '.join(POINT_KEYS)}")
        text = point.get("text")
        if not isinstance(text, str) or not text.strip():
            raise LawdiffError(path, f"{at}: no text")
        cite = point.get("cite", [])
        if not isinstance(cite, list) or not all(isinstance(e, str) for e in cite):
            raise LawdiffError(path, f"{at}: cite must be a list of eids")
        if basis == "checked" and has_text and not cite:
            raise LawdiffError(path, f"{at}: a checked point must cite its eids")
        if cite and not has_text:
            raise LawdiffError(path, f"{at}: cites eids but the instrument has no text in the corpus")
        lines = point.get("lines")
        if lines is not None and not (isinstance(lines, list) and len(lines) == 2 and
                                      all(isinstance(n, int) and n > 0 for n in lines) and lines[0] <= lines[1]):
            raise LawdiffError(path, f"{at}: lines must be [first, last]")
        out[key] = {"text": " ".join(text.split()), "cite": list(cite), "lines": lines}
    return out
