"""The session citator's pages: which bills reach each chapter and section of the law.

Reads, for each instrument of the site, what its page read (its amending instructions,
``cite.instructions``, kept in the instrument page's info), its status (the latest official
action: its history, or the ``latest_action`` a session import wrote) and its version family
(the texts of one measure, from the steps ``site.steps`` builds with ``lawdiff.versions``), and
writes, under ``citator/``:

- ``index.html``: every chapter reached (General Laws, acts of a year, charters), by how many
  bills reach it, with its sections and collisions;
- one page per chapter (its sections, each with the bills that reach it, linked to the bill's
  page at the SECTION) and one per section (each bill, its SECTION, the action, its status);
- ``citator.json`` and ``citator.csv`` (``cite.index.to_json`` / ``to_csv``).

A **collision** is a section reached by two or more *live* measures.  Live: not enacted and not
ended.  A text whose words went on into a later version (a new draft, the other branch's text, a
conference report) is not live itself, and its measure is counted once however many of its texts
reach the section.  A text with no recorded action is counted live.  No page is larger than
``PAGE_BUDGET``: a long chapter or section is split into numbered pages.
"""

from __future__ import annotations

import re

from lawdiff.cite.index import build_index, to_csv, to_json
from lawdiff.cite.labels import cite
from lawdiff.load.history import ENACTED
from lawdiff.render.page import render_page

PAGE_BUDGET = 400_000  # bytes of HTML; the site's limit is 500 KB a page
ENTRY_BYTES = 260  # about what one bill's line takes on a page (for splitting before rendering)

ENDED = re.compile(r"no further action taken|study order|leave to withdraw|\bwithdrawn\b|\bdied\b|"
                   r"ought not to pass|\brejected\b", re.I)
# The text went on as another document's: the measure lives (or not) in that document.
SUPERSEDED = re.compile(r"accompanied a new draft|new draft substituted|reprinted,?\s+as\s+amended|"
                        r"published as amended|text of an amendment|reported(?:,\s*in part,)?\s+by\s+[HS]\d|"
                        r"^(?:[A-Za-z]+:\s*)?see\s+[HS]\d", re.I)
STATES = {"live": "live", "enacted": "enacted", "ended": "ended", "superseded": "went on as a later text",
          "session over": "ended with its General Court"}


def state(action: str | None, family_enacted: bool = False, session_over: bool = False) -> str:
    """"live", "enacted", "ended", "superseded" or "session over", from the latest action's words
    (``session_over``: the corpus holds bills of a later General Court, so this one has ended)."""
    if family_enacted or (action and ENACTED.search(action)):
        return "enacted"
    if action and ENDED.search(action):
        return "ended"
    if session_over:
        return "session over"
    if action and SUPERSEDED.search(action):
        return "superseded"
    return "live"


def families(steps: dict[str, dict]) -> tuple[dict[str, str], set[str]]:
    """id -> its measure's name (the first of its texts' ids), and the measures enacted; ``steps``
    as ``site.steps.version_steps`` gives them (id -> {"steps": [...]})."""
    family, enacted = {}, set()
    for id_, found in steps.items():
        members = {id_} | {side["id"] for s in found["steps"] for side in (s["from"], s["to"]) if side["id"]}
        name = min(members)
        family[id_] = name
        if any(s["relation"] == "enacted as chapter" for s in found["steps"]):
            enacted.add(name)
    return family, enacted


def bill(entry: dict, official: dict | None, instructions: list[dict], family: str | None = None,
         family_enacted: bool = False, session_over: bool = False) -> dict:
    """One bill as ``cite.index.build_index`` reads it, with its status and whether it is live: the
    latest official action (its history's, or the one a session import wrote), else the status a
    person wrote in the manifest."""
    action = official["action"] if official else entry.get("latest_action") or entry.get("status")
    date = official["date"] if official else entry.get("latest_action_date")
    now = state(action, family_enacted, session_over)
    status = f"{date} {action}" if action and date else action or "no action recorded"
    return {"id": entry["id"], "number": entry.get("number") or entry["id"], "instructions": instructions,
            "status": status, "state": now, "live": now == "live", "family": family or entry["id"]}


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text.replace("½", "half")).strip("-") or "x"


def _chapter_slug(c: dict) -> str:
    if c["other"]:
        return _slug(c["other"]).lower()
    code = {"G.L.": "gl", "Acts": "acts", "Special Acts": "special-acts"}.get(c["code"] or "", _slug(c["code"] or "law").lower())
    return "-".join(p for p in (code, c["year"] or "", _slug(c["chapter"] or "")) if p)


def _chapter_label(c: dict) -> str:
    return cite({"code": c["code"], "year": c["year"], "chapter": c["chapter"], "other": c["other"]})


def _chunks(rows: list, weight) -> list[list]:
    """Rows split so that no page holds more than PAGE_BUDGET bytes (by ``weight(row)`` entries)."""
    out, cur, size = [], [], 0
    for row in rows:
        w = weight(row) * ENTRY_BYTES + 200
        if cur and size + w > PAGE_BUDGET:
            out.append(cur)
            cur, size = [], 0
        cur.append(row)
        size += w
    return out + [cur] if cur or not out else out


def _paged(base: str, n: int) -> list[str]:
    return [f"{base}.html" if k == 0 else f"{base}-{k + 1}.html" for k in range(n)]


def pages(bills: list[dict]) -> dict[str, str]:
    """Path under the site -> text of every citator page and download (empty: no bill amends anything)."""
    index = build_index(bills)
    if not index["chapters"]:
        return {}
    states = {b["id"]: b["state"] for b in bills}
    out: dict[str, str] = {"citator/citator.json": to_json(index), "citator/citator.csv": to_csv(index)}
    used: dict[str, int] = {}
    rows = []
    for c in index["chapters"]:
        base = _chapter_slug(c)
        used[base] = used.get(base, 0) + 1
        if used[base] > 1:
            base = f"{base}-{used[base]}"
        label = _chapter_label(c)
        sections = []
        for s in c["sections"]:
            entries = [{**e, "state": STATES[states.get(e["bill_id"], "live")]} for e in s["entries"]]
            href = None
            if s["section"] is not None:
                chunks = _chunks(entries, lambda e: 1)
                paths = _paged(f"citator/{base}-s-{_slug(s['section'])}", len(chunks))
                href = paths[0].removeprefix("citator/")
                for k, (path, chunk) in enumerate(zip(paths, chunks)):
                    out[path] = render_page(
                        "site/citator.html", root="../", kind="section", title=f"{label} § {s['section']}",
                        chapter={"label": label, "href": f"{base}.html"}, section=s, entries=chunk,
                        pager=_pager(paths, k))
            sections.append({**s, "entries": entries, "href": href})
        chunks = _chunks(sections, lambda s: len(s["entries"]))
        paths = _paged(f"citator/{base}", len(chunks))
        for k, (path, chunk) in enumerate(zip(paths, chunks)):
            out[path] = render_page("site/citator.html", root="../", kind="chapter", title=label,
                                    chapter={"label": label, "href": f"{base}.html"}, sections=chunk,
                                    bills=c["bills"], pager=_pager(paths, k))
        rows.append({"label": label, "href": f"{base}.html", "bills": c["bills"],
                     "sections": sum(1 for s in c["sections"] if s["section"] is not None),
                     "collisions": sum(1 for s in c["sections"] if s["collision"])})
    chunks = _chunks(rows, lambda r: 1)
    paths = _paged("citator/index", len(chunks))
    live = sum(1 for b in bills if b["live"] and b["instructions"])
    for k, (path, chunk) in enumerate(zip(paths, chunks)):
        out[path] = render_page("site/citator.html", root="../", kind="index", title="Session citator", chapter=None,
                                rows=chunk, index=index, live=live, pager=_pager(paths, k))
    return out


def _pager(paths: list[str], k: int) -> list[dict]:
    if len(paths) == 1:
        return []
    return [{"n": n + 1, "href": p.removeprefix("citator/"), "current": n == k} for n, p in enumerate(paths)]


# -- the hooks in site/build.py ----------------------------------------------------------

def citator_info(amending: list[dict]) -> dict:
    """What the citator keeps of an instrument page (its info, cached with the page) from the
    text's instructions (``cite.instructions``): each one's SECTION, eid, action, target and the
    sections it inserts."""
    found = [{k: item.get(k) for k in ("section", "eid", "action", "target", "inserts")} for item in amending]
    return {"instructions": found} if found else {}


def write_pages(out, corpus, site_pages: list[tuple[str, dict]], infos: dict[str, dict]) -> int:
    """Write the citator into the site folder ``out`` from the instrument pages' specs and infos;
    returns how many files it wrote (0 where no instrument amends a law)."""
    instruments = [(path, spec) for path, spec in site_pages if spec["page"] == "instrument"]
    family, enacted = families({spec["doc"]["entry"]["id"]: spec["steps"] for _, spec in instruments
                                if spec.get("steps")})
    sessions = [e["session"] for e in corpus.entries.values() if isinstance(e.get("session"), int)]
    newest = max(sessions, default=None)
    bills = []
    for path, spec in instruments:
        id_ = spec["doc"]["entry"]["id"]
        name = family.get(id_)
        bills.append(bill(corpus.entries.get(id_, spec["doc"]["entry"]), spec.get("official"),
                          infos.get(path, {}).get("instructions", []) + _adopted(spec), name, name in enacted,
                          isinstance(spec["doc"]["entry"].get("session"), int) and spec["doc"]["entry"]["session"] < newest))
    written = pages(bills)
    for path, text in written.items():
        (out / path).parent.mkdir(parents=True, exist_ok=True)
        (out / path).write_text(text, encoding="utf-8")  # the whole site folder is swapped in at once
    return len(written)


def _adopted(spec: dict) -> list[dict]:
    """The laws the SECTIONs of a bill's adopted floor amendments amend, as the bill's instructions:
    ``section`` "amendment 24", linked to the page's floor amendments."""
    from lawdiff.cite.motions import amendment_instructions
    if not spec.get("amendments"):
        return []
    number = spec["doc"]["entry"].get("number") or spec["doc"]["entry"]["id"]
    return [{k: law.get(k) for k in ("action", "target", "inserts")} | {"section": f"amendment {a['number']}",
                                                                         "eid": "amendments-title"}
            for a in amendment_instructions(spec["amendments"], number)
            for item in a["instructions"] for law in item["laws"]]
