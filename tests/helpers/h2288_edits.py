"""Edited copies of the real H.2288 text, the way a refiled bill changes it.

The printed body is taken apart into its numbered lines; an edit works on
that list (move, insert, replace lines) and the text is printed again with the
line numbers counted afresh, as the clerk's new print would number them.
"""

import re

from . import H2288

from lawdiff import parse_bytes

_NUMBERED = re.compile(r"^\s*(\d+) ?(.*?)\s*$")


def printed_lines() -> tuple[str, list[str]]:
    """(text before the body, the body's printed lines without their numbers)."""
    raw = H2288.read_text(encoding="utf-8").splitlines()
    start = next(i for i, s in enumerate(raw) if s.startswith("1 SECTION 1."))
    body = []
    for s in raw[start:]:
        if not s.strip():
            continue
        m = _NUMBERED.match(s)
        assert m and int(m.group(1)) == len(body) + 1, s
        body.append(m.group(2))
    return "\n".join(raw[:start]) + "\n", body


def print_bill(header: str, body: list[str]) -> bytes:
    return (header + "".join(f"{i} {text} \n\n" for i, text in enumerate(body, 1))).encode("utf-8")


def bill(body: list[str], name: str = "h2288-edited"):
    header, _ = printed_lines()
    return parse_bytes(print_bill(header, body), f"{name}.txt", {"id": name, "kind": "bill"})


def line(body: list[str], number: int) -> str:
    """The text of printed line ``number`` (1-based)."""
    return body[number - 1]
