"""Fixtures made from the real H.2288 text the way PDF text extraction mangles it.

Each builder takes the clean text (printed numbers at line starts, one printed
line per source line) and returns text a parser must read back to the same tree.
"""

import re

from . import H2288

NUMBERED = re.compile(r"^\s*(\d+) (.*)$")


def clean_lines() -> list[str]:
    return H2288.read_text(encoding="utf-8").splitlines()


def body_index(lines: list[str]) -> dict[int, int]:
    """printed line number -> index in ``lines``."""
    start = next(i for i, s in enumerate(lines) if s.startswith("of the same, as follows:"))
    found = {}
    for i in range(start + 1, len(lines)):
        m = NUMBERED.match(lines[i])
        if m:
            found[int(m.group(1))] = i
    assert sorted(found) == list(range(1, 98))
    return found


def glued_numbers() -> str:
    """"2SECTION 2.": no space between the printed number and the text, even before a
    figure ("827 of chapter 4" is line 82, "7 of chapter 4": the count says so)."""
    lines = clean_lines()
    for n, i in body_index(lines).items():
        number, rest = NUMBERED.match(lines[i]).groups()
        lines[i] = number + rest
    return "\n".join(lines)


def missing_numbers(missing=(2, 50, 83, 84)) -> str:
    """A printed number lost in extraction: the line's words are there, its number is not."""
    lines = clean_lines()
    index = body_index(lines)
    for n in missing:
        lines[index[n]] = NUMBERED.match(lines[index[n]]).group(2)
    return "\n".join(lines)


def trailing_numbers(moved=(3, 4, 20, 50, 86)) -> str:
    """"... the following section:- 4": the number printed after the previous line's text."""
    lines = clean_lines()
    index = body_index(lines)
    for n in moved:
        lines[index[n - 1]] = lines[index[n - 1]].rstrip() + f" {n}"
        lines[index[n]] = NUMBERED.match(lines[index[n]]).group(2)
    return "\n".join(lines)


DOCKET = "HOUSE DOCKET, NO. 1234 FILED ON: 1/19/2023"
NUMBER = "HOUSE . . . . . . . . . . . . . . . No. 2288"


def paginated(page=30) -> str:
    """Docket header on top of every page, "N of 4" labels at page ends, one landing mid-line."""
    lines = clean_lines()
    index = body_index(lines)
    breaks = [index[n] for n in range(page, 98, page)]
    out = [DOCKET, NUMBER, ""]
    page_no = 1
    for i, line in enumerate(lines):
        if i in breaks:
            if page_no == 2:
                # Extraction put this label inside the line's text.
                words = line.split(" ")
                line = " ".join(words[:4] + [f"{page_no} of 4"] + words[4:])
            else:
                out += [f"{page_no} of 4", ""]
            out += [DOCKET, NUMBER, ""]
            page_no += 1
        out.append(line)
    out += ["", f"{page_no} of 4"]
    return "\n".join(out)


def hyphenated() -> str:
    """Words split across printed lines with a hyphen at the line end."""
    lines = clean_lines()
    index = body_index(lines)

    def split(n: int, word: str, at: int) -> None:
        a, b = index[n], index[n + 1]
        assert lines[a].rstrip().endswith(word), (n, lines[a])
        head = lines[a].rstrip()[: -len(word)] + word[:at] + "-"
        number, rest = NUMBERED.match(lines[b]).groups()
        lines[a], lines[b] = head, f"{number} {word[at:]} {rest}"

    split(77, "security", 4)  # soft hyphen: "security" is printed whole elsewhere
    # Compounds keep their hyphen: the split falls on it.
    words50 = lines[index[50]].rstrip()
    assert words50.endswith("under an Inter-Governmental")
    lines[index[50]] = words50[: -len("Governmental")]
    lines[index[51]] = re.sub(r"^(\d+) ", r"\1 Governmental ", lines[index[51]])
    words10 = lines[index[10]].rstrip()
    assert words10.endswith("any other non-federal entity in the")
    lines[index[10]] = words10[: -len("federal entity in the")].rstrip()
    lines[index[11]] = re.sub(r"^(\d+) ", r"\1 federal entity in the ", lines[index[11]])
    return "\n".join(lines)


def windows_line_endings() -> str:
    return "\r\n".join(clean_lines())


VARIANTS = {
    "glued": glued_numbers,
    "missing": missing_numbers,
    "trailing": trailing_numbers,
    "paginated": paginated,
    "hyphenated": hyphenated,
    "crlf": windows_line_endings,
}
