"""The ``text`` format of ``lawdiff parse``: an indented outline, like a table of contents."""

from lawdiff.parse.provisions import heading_label, lines_text
from lawdiff.parse.tree import Document, Node

EXCERPT = 70


def outline(doc: Document) -> str:
    meta = doc.meta
    head = " · ".join(str(meta[k]) for k in ("id", "number", "title") if meta.get(k))
    numbering = "printed line numbers" if meta.get("line_numbers") == "printed" else "lines of the source file"
    out = [head, f"({numbering}; eids in brackets)", ""]
    if meta.get("warnings"):
        out[2:2] = ["", "WARNING: the structure was not fully read:"] + [f"  - {w}" for w in meta["warnings"]]
    for child in doc.tree.children:
        _outline(child, 0, out)
    return "\n".join(out) + "\n"


def _outline(node: Node, depth: int, out: list[str]) -> None:
    label = heading_label(node)
    if node.type == "definition":
        label = f"“{node.term}”"
    elif not label:
        label = node.type if node.children or not node.text else _excerpt(node.text)
    elif not node.heading and node.text:
        label = f"{label} {_excerpt(node.text)}"
    where = lines_text(node.lines) if node.lines else ""
    parts = [("  " * depth) + label]
    if where:
        parts.append(where)
    if node.eid:
        parts.append(f"[{node.eid}]")
    out.append("  ".join(parts))
    for child in node.children:
        _outline(child, depth + 1, out)


def _excerpt(text: str) -> str:
    return text if len(text) <= EXCERPT else text[: EXCERPT - 1].rsplit(" ", 1)[0] + " …"
