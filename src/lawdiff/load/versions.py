"""The relations between the versions of one measure, as the legislature states them.

A Massachusetts bill number names one fixed text; a new text (committee new draft,
engrossed text, the other chamber's amendment, conference report) gets a new number, and
the enacted act a chapter of the session laws.  The legislature says which came from which
in a record's ``Pinslip``, in the history actions and in a session law's ``OriginBill``.
This module reads those sentences, and nothing else: pure functions, strings in, links out.

A document is named as the API names it (``H5618``, ``S3141``); a session law as
``acts-<year>-<chapter>`` (``acts-2026-163``).  A ``Link`` says ``earlier`` became (or was
reported, amended, reprinted as) ``later``, with the sentence that says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_DOC = r"([HS])\.?\s?(\d{1,5})"


@dataclass(frozen=True)
class Link:
    earlier: str
    later: str
    said: str
    """The legislature's words stating the link."""


def doc(letter: str, digits: str) -> str:
    return f"{letter.upper()}{int(digits)}"


def act(year: int | str, chapter: int | str) -> str:
    return f"acts-{int(year)}-{int(chapter)}"


# History actions naming the document's next text (own -> X).
_LATER = [
    re.compile(rf"^{_DOC}, published as amended\b", re.I),
    re.compile(rf"\binserting the text of {_DOC}\b", re.I),
    re.compile(rf"^Reprinted, as amended, see {_DOC}\b", re.I),
    re.compile(rf"^Accompanied a new draft, see {_DOC}\b", re.I),
    re.compile(rf"^New draft substituted, see {_DOC}\b", re.I),
    re.compile(rf"^Reported by {_DOC}\b", re.I),
    re.compile(rf"^See {_DOC}\.?$", re.I),
]
# History actions naming the text the document came from (X -> own).
_EARLIER = [
    re.compile(rf"^Reported on a part of {_DOC}\b", re.I),
    re.compile(rf"^Reported on {_DOC}\b", re.I),
]
_PUBLISHED_AS = re.compile(rf"\bText of {_DOC},? published as {_DOC}\b", re.I)
_SIGNED = re.compile(r"^Signed by the Governor, Chapter (\d{1,4}) of the Acts of (\d{4})\b", re.I)
_STUDY = re.compile(r"\bstudy order\b", re.I)


def from_action(action: str, own: str) -> list[Link]:
    """The links one history action of document ``own`` states."""
    text = " ".join(str(action).split())
    if _STUDY.search(text):
        return []  # "Accompanied a study order, see H4517": the bill went to study, not into a new text
    links: list[Link] = []
    if m := _PUBLISHED_AS.search(text):
        source, published = doc(*m.groups()[:2]), doc(*m.groups()[2:])
        if source != own:
            links.append(Link(own, source, text))
        links.append(Link(source, published, text))
        return _without_self(links)
    if m := _SIGNED.search(text):
        return [Link(own, act(m.group(2), m.group(1)), text)]
    for pattern in _LATER:
        if m := pattern.search(text):
            return _without_self([Link(own, doc(*m.groups()), text)])
    for pattern in _EARLIER:
        if m := pattern.search(text):
            return _without_self([Link(doc(*m.groups()), own, text)])
    return []


_PIN_TEXT_OF = re.compile(r"\bText of (House|Senate) document No\.\s*(\d{1,5})", re.I)
_PIN_MENTION = re.compile(r"\((?:accompanied by bill, )?(House|Senate),? (?:bill |document )?No\.\s*(\d{1,5})\)"
                          r"|\((House|Senate) (?:bill|document) No\.\s*(\d{1,5})\)", re.I)
_PIN_SIMILAR = re.compile(r"\[SIMILAR MATTER FILED IN PREVIOUS SESSION SEE (HOUSE|SENATE), NO\.\s*(\d{1,5}) "
                          r"OF (\d{4})-(\d{4})\.\]", re.I)


def _chamber(word: str) -> str:
    return "H" if word.lower() == "house" else "S"


def from_pinslip(pinslip: str | None, own: str) -> list[Link]:
    """The links a record's ``Pinslip`` states: every other document it names in parentheses
    is one ``own`` came from ("(Senate bill No. 3141)", "(accompanied by bill, Senate, No.
    2267)"); the document it is the text of ("Text of House document No. 5618") is ``own``
    itself or the text ``own`` republishes."""
    if not pinslip:
        return []
    text = " ".join(pinslip.split())
    text = _PIN_SIMILAR.sub(" ", text)  # an earlier session's bill: refiled_from, not a version
    links = []
    if m := _PIN_TEXT_OF.search(text):
        source = doc(_chamber(m.group(1)), m.group(2))
        if source != own:
            links.append(Link(source, own, text))
    for m in _PIN_MENTION.finditer(text):
        chamber, number = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        links.append(Link(doc(_chamber(chamber), number), own, text))
    return _unique(_without_self(links))


def refiled_from(pinslip: str | None, court: int) -> list[tuple[int, str]]:
    """(court, number) of the earlier session's bill a pinslip says this one refiles:
    "[SIMILAR MATTER FILED IN PREVIOUS SESSION SEE SENATE, NO. 997 OF 2023-2024.]"."""
    out = []
    for m in _PIN_SIMILAR.finditer(" ".join((pinslip or "").split())):
        # Each General Court sits two years (the 193rd in 2023-2024, the 194th in 2025-2026):
        # the court of years Y-(Y+1) is (Y - 1637) / 2.
        first = int(m.group(3))
        if (first - 1637) % 2 == 0 and (first - 1637) // 2 < court:
            out.append(((first - 1637) // 2, doc(_chamber(m.group(1)), m.group(2))))
    return out


def from_session_law(record: dict) -> list[Link]:
    """A session law's ``OriginBill`` is the bill it enacted."""
    origin = record.get("OriginBill")
    number = origin.get("BillNumber") if isinstance(origin, dict) else None
    m = re.fullmatch(_DOC, number.strip()) if isinstance(number, str) else None
    if not m or not record.get("Year") or not str(record.get("ChapterNumber", "")).isdigit():
        return []
    return [Link(doc(*m.groups()), act(record["Year"], record["ChapterNumber"]), f"OriginBill {number.strip()}")]


def _without_self(links: list[Link]) -> list[Link]:
    return [link for link in links if link.earlier != link.later]


def _unique(links: list[Link]) -> list[Link]:
    seen, out = set(), []
    for link in links:
        if (link.earlier, link.later) not in seen:
            seen.add((link.earlier, link.later))
            out.append(link)
    return out


def find_loop(links: list[Link]) -> list[str] | None:
    """A cycle of ``earlier -> later`` (each text claiming to come before another that comes
    before it), as the list of names around it, or None."""
    graph: dict[str, list[str]] = {}
    for link in links:
        graph.setdefault(link.earlier, []).append(link.later)
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in graph.get(node, []):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state and (loop := visit(nxt)):
                return loop
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (loop := visit(node)):
            return loop
    return None


def order(names: list[str], links: list[Link]) -> list[str]:
    """``names`` with every earlier text before its later ones (no loop: ``find_loop`` first),
    otherwise in the given order."""
    before = {n: {link.earlier for link in links if link.later == n and link.earlier in names} for n in names}
    out: list[str] = []
    while len(out) < len(names):
        out.append(next(n for n in names if n not in out and before[n] <= set(out)))
    return out
