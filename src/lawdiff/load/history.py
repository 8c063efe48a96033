"""A bill's official history, as the legislature's API states it, and its latest action.

``lawdiff fetch`` keeps ``/DocumentHistoryActions`` beside the raw text (the entry's
``history`` field names the file): a JSON list of ``{Date, Branch, Action, IsStricken}``.
The site shows it as a timeline and shows the latest action that was not struck as the
instrument's official status; a status typed into the manifest is shown beside it as
"reported", never in its place.
"""

from __future__ import annotations

import re

from lawdiff.errors import LawdiffError
from lawdiff.files import read_regular
from lawdiff.load.manifest import Corpus

MAX_BYTES = 20 * 1024 * 1024
# An action that makes a bill law: signed, given its chapter, passed over a veto.  Not "Enacted
# and laid before the Governor", which a veto can still stop.  The session's index and its
# citator both read a status from it.
ENACTED = re.compile(r"signed by the governor|\bchapter\s+\d+\s+of\s+the\s+acts\s+of\b|passed over veto|"
                     r"became law", re.I)


def actions(data: bytes, source: object) -> list[dict]:
    """The history's actions in the order the legislature lists them (oldest first):
    ``{date: "YYYY-MM-DD", branch, action, stricken}``."""
    from lawdiff.read.api import loads
    try:
        value = loads(data, source)  # malformed, over-long integers, deep nesting: one line
    except LawdiffError as e:
        raise LawdiffError(source, f"not a history of the legislature's API ({e.problem})") from None
    if not isinstance(value, list):
        raise LawdiffError(source, "not a history of the legislature's API (not a JSON list)")
    out = []
    for n, item in enumerate(value, 1):
        if not (isinstance(item, dict) and isinstance(item.get("Date"), str) and isinstance(item.get("Action"), str)):
            raise LawdiffError(source, f"history action {n} has no Date and Action")
        out.append({"date": item["Date"][:10], "branch": str(item.get("Branch") or ""),
                    "action": " ".join(item["Action"].split()), "stricken": item.get("IsStricken") is True})
    return out


def load(corpus: Corpus, entry: dict) -> list[dict] | None:
    """The entry's history, or None when none was fetched."""
    path = corpus.history_path(entry)
    if path is None or not path.is_file():
        return None
    return actions(read_regular(path, MAX_BYTES), path)


def latest(history: list[dict] | None) -> dict | None:
    """The latest action not struck by the clerk: by date, the later listed of a day."""
    standing = [(a["date"], n, a) for n, a in enumerate(history or []) if not a["stricken"]]
    return max(standing, key=lambda t: (t[0], t[1]))[2] if standing else None


def page_url(entry: dict) -> str | None:
    """The bill's page on malegislature.gov, where its history is published."""
    if entry.get("session") and entry.get("number"):
        number = entry["number"].replace(".", "").replace(" ", "")
        return f"https://malegislature.gov/Bills/{entry['session']}/{number}"
    return entry.get("url")


def official_status(corpus: Corpus, entry: dict, actions: list[dict] | None = None) -> dict | None:
    """``{date, branch, action, url}`` of the latest official action (of ``actions``, when the
    caller has read the history already), or None."""
    action = latest(actions if actions is not None else load(corpus, entry))
    if action is None:
        return None
    return {"date": action["date"], "branch": action["branch"], "action": action["action"], "url": page_url(entry)}


def version_links(corpus: Corpus) -> dict[str, set[str]]:
    """Each instrument -> those ``version_of`` joins to it, either way (``measure``'s walk; a
    caller asking for every instrument's measure computes it once: over a session of 8,000
    texts, computing it per call cost a minute of every build)."""
    linked: dict[str, set[str]] = {i: set() for i in corpus.entries}
    for entry in corpus.entries.values():
        for other in entry.get("version_of", []):
            linked[entry["id"]].add(other)
            linked[other].add(entry["id"])
    return linked


def measure(corpus: Corpus, entry_id: str, linked: dict[str, set[str]] | None = None) -> list[dict]:
    """Every text of ``entry_id``'s measure (the instruments joined to it by ``version_of``,
    either way, however far), earlier first: ``{id, number, title, has_text, official, status}``.
    A text alone gives a list of one.  ``linked``: ``version_links(corpus)``, when the caller has it."""
    if linked is None:
        linked = version_links(corpus)
    if not linked[entry_id]:  # a text alone
        return _texts(corpus, [entry_id])
    found, todo = {entry_id}, [entry_id]
    while todo:
        for other in linked[todo.pop()]:
            if other not in found:
                found.add(other)
                todo.append(other)
    ordered: list[str] = []
    order = {i: k for k, i in enumerate(corpus.entries)}
    names = sorted(found, key=order.__getitem__)  # manifest order among equals
    while len(ordered) < len(names):
        ready = [i for i in names if i not in ordered
                 and all(e in ordered or e not in found for e in corpus.entries[i].get("version_of", []))]
        ordered.append(ready[0] if ready else next(i for i in names if i not in ordered))  # a loop: as listed
    return _texts(corpus, ordered)


def _texts(corpus: Corpus, ordered: list[str]) -> list[dict]:
    return [{"id": i, "number": corpus.entries[i].get("number", i), "title": corpus.entries[i].get("title", ""),
             "has_text": bool(corpus.entries[i].get("path")), "official": official_status(corpus, corpus.entries[i]),
             "status": corpus.entries[i].get("status")} for i in ordered]
