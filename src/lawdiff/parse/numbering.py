"""A bill's own section numbering: 1, 2, 3 ... with letters for sections put in between (2A
after 2).  The body builder goes by it to tell the bill's sections from quoted ones, and
``numbering_warnings`` checks the finished tree against it, so that a tree whose top-level
SECTIONs are not the ones printed says so (``meta.warnings``) instead of passing silently.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lawdiff.parse.eids import clean_num
from lawdiff.parse.provisions import lines_text
from lawdiff.parse.tree import Node


_NUMBER = re.compile(r"(\d+)([a-z]*)")


@lru_cache(maxsize=1 << 15)  # a pure function of the string, asked often for the same ones (see clean_num)
def number(num: str | None) -> tuple[int, str] | None:
    """"SECTION 2A." -> (2, "a"); "SECTION 1 3." (as typed) -> (13, ""); None for "SECTION XX."."""
    m = _NUMBER.fullmatch(clean_num(num or ""))
    return (int(m.group(1)), m.group(2)) if m else None


def carries(before: str | None, num: str) -> bool:
    """Does section ``num`` carry the numbering on after ``before``: the next number, or the same
    with a later letter ("2A" after "2")?"""
    a, b = number(before), number(num)
    return bool(a and b) and (b[0] == a[0] + 1 or (b[0] == a[0] and b[1] > a[1]))


def same_case(a: str | None, b: str) -> bool:
    """Are two section numbers printed with one word: "SECTION" both, or "Section" both?"""
    return (a or "")[:7].isupper() == b[:7].isupper()


def numbering_warnings(body: Node) -> list[str]:
    """Where the bill's top-level sections do not run 1, 2, 3 ...: a number that skips or
    repeats ("numbering: ..."), and a section inside another's quoted text that would fill the
    gap or carry the run on at the end ("SECTION n. ... stands inside ...": not placed, so the
    structure is not fully read).  Bills numbered otherwise ("SECTION A.", Roman) are not checked."""
    tops = [n for n in body.children if n.type == "section" and n.num]
    if not tops or any(number(n.num) is None for n in tops):
        return []
    warnings = []
    if number(tops[0].num)[0] != 1:
        warnings.append(f"numbering: the first section is {tops[0].num}{_at(tops[0])}, not SECTION 1.")
    for a, b in zip(tops, tops[1:]):
        if not carries(a.num, b.num):
            warnings.append(f"numbering: {b.num}{_at(b)} follows {a.num}: a section may be missed or misplaced")
    for i, top in enumerate(tops):
        following = tops[i + 1].num if i + 1 < len(tops) else None
        for node, before in _nested_sections(top):
            if (same_case(top.num, node.num) and carries(top.num, node.num) and not carries(before, node.num)
                    and (following is None or carries(node.num, following) or node.num == following)):
                warnings.append(f"{node.num}{_at(node)} stands inside {top.num}'s quoted text but carries "
                                f"the bill's numbering on: it may be the bill's own section")
    return warnings


def _nested_sections(top: Node):
    """The sections inside a top-level section, each with the quoted section before it (the last
    numbered section among the same parent's children before it)."""
    # In document order, by a stack of (the children's iterator, the section before) for each
    # level: one generator, not one for each node handing every section up through its
    # ancestors' (issue 26).
    stack = [(iter(top.children), [None])]
    while stack:
        children, before = stack[-1]
        for child in children:
            if child.type == "section" and child.num:
                yield child, before[0]
                before[0] = child.num
            if child.children:
                stack.append((iter(child.children), [None]))
                break
        else:
            stack.pop()


def _at(node: Node) -> str:
    return f" ({lines_text(node.lines)})" if node.lines else ""
