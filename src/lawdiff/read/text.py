"""Plain text -> ``Reading``.

Handles text copied from a web page and text extracted from a bill PDF, where
the printed line numbers are glued to the words (``2is hereby``), trail the
previous line (``section:- 3``) or stand alone; page labels (``2 of 6``) and the
repeated docket header are mixed in; and words may be hyphenated across lines.

Only what is page furniture is removed.  Everything else stays as printed:
curly quotes, section signs and punctuation are never touched.
"""

import itertools
import re

from lawdiff.read.cover import is_header
from lawdiff.read.lines import Line, Reading, fold
from lawdiff.read.words import blank_rules, repair_hyphenation

# The feedback box that closes every mass.gov page; it and what follows are not the order.
_MASS_GOV_FEEDBACK = re.compile(r"^Help Us Improve Mass\.gov\b")
_PAGE_LABEL = re.compile(r"(?<!\S)(\d{1,4}) of (\d{1,4})(?!\S)")
# What every page label holds, found by a fast literal scan: most lines have none (issue 26).
_OF_DIGIT = re.compile(r" of \d")
# How many printed numbers in a row prove that a document numbers its lines.
_NUMBERED_PROOF = 3
# No page or screen wraps a line this long: a text with such lines holds one paragraph per line.
_UNWRAPPED_CHARS = 120


def read_text(text: str, paragraph_per_line: bool | None = None, printed_numbers: bool = True) -> Reading:
    """Read plain text.  ``paragraph_per_line``: every line is a paragraph (the legislature's
    API layout, no blank lines between paragraphs); None decides from the text itself.
    ``printed_numbers``: False where the source is known to print no line numbers (an API
    record), so no leading figure is ever taken for one ("1 year but less than 2 years", S.934)."""
    raw = text.splitlines()
    # The feedback box, a rule and a header each start a line with a letter of their own: in a
    # text that needs no folding (a printed bill's, not the API's), whose lines are then its own,
    # a step is taken only where a line starts so (one pass over the lines, not one for each step;
    # issue 26).  Removing a page label may start a line anew ("2 of 6 HOUSE DOCKET ..."): then
    # the headers are looked for anyway.
    folded = _all_folded(text, raw)  # no line's words split and joined again
    del text  # the whole text (two bytes a character where one is not ASCII) is not held past here (issue 26)
    if folded:
        lines = [Line(s, None, i) for i, s in enumerate(raw, 1)]
        firsts = {s[:1] for s in raw}
    else:
        lines = [Line(" ".join(s.split()), None, i) for i, s in enumerate(raw, 1)]  # fold(s), no call
        firsts = None  # every step is tried
    del raw
    if firsts is None or "H" in firsts:  # "Help Us Improve Mass.gov"
        lines = drop_mass_gov_feedback(lines)
    if firsts is None or "_" in firsts:
        blank_rules(lines)
    if _drop_page_labels(lines) or firsts is None or not firsts.isdisjoint(_HEADER_FIRSTS):
        _drop_repeated_headers(lines)
    printed = printed_numbers and _take_printed_numbers(lines)
    if not printed and (paragraph_per_line or (paragraph_per_line is None and _unwrapped(lines))):
        lines = _break_paragraphs(lines)
    elif not printed:
        lines = _break_after_short_lines(lines)
    repair_hyphenation(lines)
    return Reading(lines=lines, line_numbers="printed" if printed else "source")


_HEADER_FIRSTS = "HSF"  # HOUSE, SENATE, FILED ON (``cover.is_header``)


def _all_folded(text: str, raw: list[str]) -> bool:
    """Is every line of ``raw`` (``text.splitlines()``) folded already (``fold(s) == s``)?  No
    whitespace but the space (every other is unprintable), no doubled space (looked for in the
    whole text: no line break is a space), and none at a line's start or end: each a loop in C
    over the lines, no copy of the text made.  The API's records, which start each paragraph
    with a tab, are answered by their first character."""
    space = itertools.repeat(" ")
    return (all(map(str.isprintable, raw)) and "  " not in text
            and not any(map(str.startswith, raw, space)) and not any(map(str.endswith, raw, space)))


def _unwrapped(lines: list[Line]) -> bool:
    """Does the text keep each paragraph on one line?  Two lines longer than any page or
    screen wraps prove it (wrapped text breaks every paragraph at about the same width)."""
    return sum(len(line.text) > _UNWRAPPED_CHARS for line in lines) >= 2


def _break_paragraphs(lines: list[Line], where=lambda line: True) -> list[Line]:
    """A paragraph break (a blank line) after every line of text ``where`` says ends one."""
    out: list[Line] = []
    for line in lines:
        out.append(line)
        if line.text and where(line):
            out.append(Line("", None, line.src))
    return out


_WIDTH_SAMPLE = 5


def _break_after_short_lines(lines: list[Line]) -> list[Line]:
    """In hard-wrapped text, a line ends its paragraph (a heading, a short title, a clause
    that ends short) when the next line's first word would have fitted on it: wrapping
    moves a word down only when it does not fit.  Blank line or not."""
    lengths = sorted(len(line.text) for line in lines if line.text)
    if len(lengths) < _WIDTH_SAMPLE:
        return lines
    width = lengths[int(0.95 * (len(lengths) - 1))]  # the wrapping width, an outlier aside
    ends = set()
    for a, b in zip(lines, lines[1:]):
        if a.text and b.text and len(a.text) + 1 + len(b.text.split(" ", 1)[0]) <= width:
            ends.add(id(a))
    return _break_paragraphs(lines, lambda line: id(line) in ends)


def drop_mass_gov_feedback(lines: list[Line]) -> list[Line]:
    for i, line in enumerate(lines):
        if line.text.startswith("Help Us") and _MASS_GOV_FEEDBACK.match(line.text):
            return lines[:i]
    return lines


def _drop_page_labels(lines: list[Line]) -> bool:
    """Remove ``N of M`` page labels, wherever extraction put them; True if any was.

    ``N of M`` also occurs in legal text ("2 of 3 members"), so a match counts as
    a label only as part of a run 1, 2, 3 ... of the same M in document order,
    the run at least two long (or standing alone on a line).
    """
    matches = [(i, m) for i, line in enumerate(lines) if _OF_DIGIT.search(line.text)
               for m in _PAGE_LABEL.finditer(line.text)]
    accepted: list[tuple[int, re.Match]] = []
    for total in sorted({int(m.group(2)) for _, m in matches}):
        run = []
        for i, m in matches:
            if int(m.group(2)) == total and int(m.group(1)) == len(run) + 1:
                run.append((i, m))
        alone = any(m.group(0) == lines[i].text for i, m in run)
        if len(run) >= 2 or alone:
            accepted.extend(run)
    # Remove right to left so earlier match offsets stay valid.
    for i, m in sorted(accepted, key=lambda im: (im[0], -im[1].start())):
        text = lines[i].text
        lines[i].text = fold(text[: m.start()] + " " + text[m.end():])
    return bool(accepted)


def _drop_repeated_headers(lines: list[Line]) -> None:
    """The docket header is printed on every page; the first one is the document's own."""
    seen = set()
    for line in lines:
        if is_header(line.text):
            if line.text in seen:
                line.text = ""
            seen.add(line.text)


# "1." and "1)" number a list item, not a printed line.
_NOT_AFTER_NUMBER = "0123456789.,)"


def _leading(text: str, n: int) -> str | None:
    """The rest of ``text`` if it starts with the number ``n`` (glued or spaced), else None."""
    s = str(n)
    if text.startswith(s) and (len(text) == len(s) or text[len(s)] not in _NOT_AFTER_NUMBER):
        return text[len(s):].lstrip()
    return None


def _take_printed_numbers(lines: list[Line]) -> bool:
    """Move printed line numbers out of the text into ``Line.number``.

    Numbers are recognised only as the sequence 1, 2, 3 ... so that a figure in
    the text ("8 U.S.C.", "90 days") is never taken for a line number.
    """
    for start, line in enumerate(lines):
        if _leading(line.text, 1) is not None and _numbered_from(lines, start, dry_run=True) >= _NUMBERED_PROOF:
            _numbered_from(lines, start, dry_run=False)
            return True
    return False


def _numbered_from(lines: list[Line], start: int, dry_run: bool) -> int:
    """Number lines from ``start`` on; returns how many numbers were found.

    With ``dry_run`` nothing is changed and only the first few lines are tried.
    """
    expected, current, pending, found = 1, None, None, 0
    unnumbered: list[int] = []  # lines taken as continuations since the last printed number
    # A dry run looks at the next few lines only: a long unnumbered text with many lines
    # starting "1 " would otherwise be listed again from each of them (quadratic).
    if dry_run:
        nonblank = list(itertools.islice((i for i in range(start, len(lines)) if lines[i].text),
                                         2 * _NUMBERED_PROOF + 2))
    else:
        nonblank = [i for i in range(start, len(lines)) if lines[i].text]
    last = len(nonblank) - 1
    for k, i in enumerate(nonblank):
        line = lines[i]
        text = line.text
        # ``_leading(text, expected)`` written out: it is asked of every line of a printed bill.
        s = str(expected)
        n = len(s)
        if pending is not None:
            number, pending = pending, None
        elif text.startswith(s) and (len(text) == n or text[n] not in _NOT_AFTER_NUMBER):
            number, text = expected, text[n:].lstrip()
        elif skipped := _skipped(lines, nonblank[k:k + 3], expected):  # it reads three lines ahead at most
            number, text = expected + skipped, _leading(text, expected + skipped)
            if not dry_run:
                _number_the_gap(lines, unnumbered, expected, skipped)
            expected = number
        else:
            number = current  # a continuation of the printed line before
        if number == expected:
            expected, found = expected + 1, found + 1
            unnumbered = []
        else:
            unnumbered.append(i)
        current = number
        # "... the following section:- 3": the number belongs to the next line.  Only a text that
        # ends in the expected number can be either case below (the test is its last digit).
        if k < last and text[-1:].isdigit():
            following = lines[nonblank[k + 1]].text
            tail = f" {expected}"
            if text.endswith(tail) and _leading(following, expected) is None:
                text, pending = text[: -len(tail)], expected
            elif text == str(expected) and _leading(following, expected) is None:
                text, pending = "", expected  # the number alone on its own line
        if not dry_run:
            line.text, line.number = text, number
    return found


# How far the count may jump when printed numbers went missing; the jump must be confirmed
# by the two lines after it, so a figure in the text ("90 days") never passes for one.
_MAX_SKIP = 3


def _skipped(lines: list[Line], ahead: list[int], expected: int) -> int:
    """How many numbers from ``expected`` on were missed, if the line ``ahead[0]`` starts the
    count again (it bears ``expected + k`` and the next two lines carry on); else 0."""
    for k in range(1, _MAX_SKIP + 1):
        n = expected + k
        if _leading(lines[ahead[0]].text, n) is not None and len(ahead) >= 3 and all(
                _leading(lines[ahead[j]].text, n + j) is not None for j in (1, 2)):
            return k
    return 0


def _number_the_gap(lines: list[Line], unnumbered: list[int], expected: int, skipped: int) -> None:
    """The count jumped by ``skipped``: when exactly that many lines stood unnumbered since the
    last number, they are the missing lines, in order.  Their number was lost in extraction
    (a line the copy printed without it) or glued to a figure ("827 of chapter 4" is line 82
    reading "7 of chapter 4"); otherwise they stay continuations of the line before."""
    if len(unnumbered) != skipped:
        return
    for offset, i in enumerate(unnumbered):
        number = expected + offset
        lines[i].number = number
        glued = str(number)
        if lines[i].text.startswith(glued) and lines[i].text[len(glued):len(glued) + 1].isdigit():
            lines[i].text = lines[i].text[len(glued):]
