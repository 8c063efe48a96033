"""A topic's memo table: one row per family of instruments, the points on which they differ.

Reads the matrix (``build_matrix``'s dict); writes a JSON-ready dict that the topic page,
and the Word, Markdown and CSV downloads (``lawdiff.render.memo``), lay out.  A family is
the instruments the manifest joins by versions, companions and refiles (the matrix's
``instruments[].family``); each row gives the family's status and, for each curated point
(``annotations.POINTS``: who is bound, new and existing agreements, deadlines and sunsets,
carve-outs), what each instrument says, members that say the same thing in one entry, with
every citation and its link.  Reported entries are marked; nothing is inferred.
"""

from __future__ import annotations

import re

from lawdiff.matrix.annotations import POINTS


def family_title(members: list[dict]) -> str:
    """A family's short name: the shortest of its titles without a trailing parenthesis, or
    the name in it where the title is a bare "An Act ..." ("Safe Communities Act")."""
    names = []
    for m in members:
        title = (m.get("title") or "").strip()
        if not title:
            continue
        bare = re.sub(r"\s*\([^)]*\)\s*$", "", title)
        named = re.search(r"\(([^)]*\bAct)\)\s*$", title)
        names.append(named.group(1) if named and bare.lower().startswith("an act") else bare or title)
    return min(names, key=len) if names else members[0]["label"]


def memo(matrix: dict, topic_id: str) -> dict:
    """{"topic": {"id", "label"}, "columns": [{"key", "label"}], "rows": [...]}; a row:
    {"family", "members": [{"id", "label", "has_text", "url"}], "status": [entry],
    "points": {key: [entry]}}, an entry {"text", "reported", "instruments": [labels],
    "cites": [{"where", "links": [{"instrument", "label", "citation", "href", "url"}]}]}: a
    provision cited in several instruments (companions) once, "where" its place in each."""
    topic = next(t for t in matrix["topics"] if t["id"] == topic_id)
    cells = {c["instrument"]: c for c in topic["cells"]}
    order: dict[str, list[dict]] = {}
    for ins in matrix["instruments"]:
        order.setdefault(ins.get("family", ins["id"]), []).append(ins)
    rows = []
    for members in order.values():
        mine = [cells[m["id"]] for m in members if m["id"] in cells]
        if not mine:
            continue
        status = _entries((c["status_label"], c["basis"] == "reported", c, []) for c in mine)
        points = {}
        for key in POINTS:
            found = [(c["points"][key]["text"], c["basis"] == "reported", c, c["points"][key]["cites"])
                     for c in mine if key in c.get("points", {})]
            if found:
                points[key] = _entries(found)
        rows.append({"family": family_title(members) if len(members) > 1 else members[0]["label"],
                     "members": [{"id": m["id"], "label": m["label"], "has_text": m["has_text"], "url": m.get("url")}
                                 for m in members],
                     "status": status, "points": points})
    used = [k for k in POINTS if any(k in r["points"] for r in rows)]
    return {"topic": {"id": topic["id"], "label": topic["label"]},
            "columns": [{"key": k, "label": POINTS[k]} for k in used], "rows": rows}


def _entries(found) -> list[dict]:
    """(text, reported, cell, cites) of each member, those with the same text and basis in one
    entry, in member order."""
    out: list[dict] = []
    for text, reported, cell, cites in found:
        entry = next((e for e in out if e["text"] == text and e["reported"] == reported), None)
        if entry is None:
            entry = {"text": text, "reported": reported, "instruments": [], "cites": []}
            out.append(entry)
        entry["instruments"].append(cell["label"])
        for c in cites:
            label = cell["label"]
            where = c["citation"][len(label):].lstrip(" ,") if c["citation"].startswith(label) else c["citation"]
            link = {"instrument": cell["instrument"], "label": label, "citation": c["citation"],
                    "href": f"../instruments/{cell['instrument']}.html#{c['anchor']}",
                    "url": cell["source"].get("url") if cell["basis"] == "checked" else None}
            # the same provision of several instruments (companions) is cited once, each instrument linked
            same = next((x for x in entry["cites"] if x["where"] == where), None)
            if same is None:
                entry["cites"].append({"where": where, "links": [link]})
            else:
                same["links"].append(link)
    return out


def cite_text(cite: dict) -> str:
    """"S.997, H.1401 SECTION 1, Section 5P, (b)"."""
    return " ".join(x for x in (", ".join(l["label"] for l in cite["links"]), cite["where"]) if x)


def words(m: dict) -> int:
    """The words a reader meets in the table (texts, instrument names, citations)."""
    n = 0
    for row in m["rows"]:
        n += len(row["family"].split()) + sum(len(x["label"].split()) for x in row["members"])
        for entry in row["status"] + [e for es in row["points"].values() for e in es]:
            n += len(entry["text"].split()) + sum(len(i.split()) for i in entry["instruments"])
            n += sum(len(cite_text(c).split()) for c in entry["cites"])
    return n
