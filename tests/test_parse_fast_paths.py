"""The parser's cheaper tests answer what the full pattern scans answered (issue 26).

- ``markers.terminal`` searches ``TERMINAL`` from near the end of the text only;
- ``units._glued_section`` scans for a run-on "SECTION n." only where "SECTION " stands;
- ``units._defines`` skips the definitions-intro scan of ASCII text that lacks its words;
- ``body._opens_quotation`` skips its scans of a text that ends as none of them can;
- ``text._drop_page_labels`` scans only lines where " of " stands before a digit.

Each is compared with its pattern over hand-picked texts (the edge of each shortcut) and
over random texts drawn from the characters the patterns turn on.
"""

import random

import pytest

from lawdiff.parse.body import (AMENDING_WORDS, BARE_INSTRUCTION, DASH_INSTRUCTION, NAMED_INSERT, SENTENCE_BREAK,
                                _opens_quotation)
from lawdiff.parse.markers import DEFINITIONS_INTRO, QUOTE_OPENS, TERMINAL, terminal
from lawdiff.parse.units import _GLUED_SECTION, _defines, _glued_section
from lawdiff.read.text import _OF_DIGIT, _PAGE_LABEL


def _random_texts(alphabet, n, longest, seed):
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, longest))) for _ in range(n)]


TERMINAL_CASES = ["", ".", "words.", 'said "so."', "so.”)))”", "the following:-", "following: --", ":—\n",
                  "items; and", "items, or”", "items; and\n", ".\n\n", "no stop", "and", "x.\n”", ":-)",
                  "a;" + "”" * 12, "one, and two", "ends ;and"]


@pytest.mark.parametrize("text", TERMINAL_CASES)
def test_terminal_as_the_full_search(text):
    assert terminal(text) == bool(TERMINAL.search(text))


def test_terminal_on_random_texts():
    alphabet = list('ab .:;,-–—"”’)\n') + [" and", " or", ": -", ":--", "\t"]
    texts = _random_texts(alphabet, 50_000, 16, seed=26)
    found = [terminal(t) for t in texts]
    assert found == [bool(TERMINAL.search(t)) for t in texts]
    assert 0.1 < sum(found) / len(found) < 0.9  # both answers drawn often


GLUED_CASES = ["SECTION 2. Said", 'bail," SECTION 9. Said section', "x. SECTION 4. y", ". SECTION 4.",
               "a; SECTION IV: b", "SECTIONS 4.", "x.SECTION 4.", ".SECTION 4.", "”  SECTION 5.Chapter"]


@pytest.mark.parametrize("text", GLUED_CASES)
def test_glued_section_as_the_full_search(text):
    fast, full = _glued_section(text), _GLUED_SECTION.search(text)
    assert (fast and fast.span()) == (full and full.span())


def test_glued_section_on_random_texts():
    alphabet = list('. ;:-"”AS') + ["SECTION ", "SECTION 9.", "SECTION 12A:", "SECTION XI.", " 3", ".SECTION 4."]
    texts = _random_texts(alphabet, 30_000, 8, seed=27)
    spans = [(m and m.span()) for m in map(_glued_section, texts)]
    assert spans == [(m and m.span()) for m in map(_GLUED_SECTION.search, texts)]
    assert any(spans)


DEFINES_CASES = ["As used in this chapter, the following words shall have the following meanings:",
                 "AS USED IN THIS SECTION", "For the purposes of this act the following terms have the following meanings",
                 "The FOLLOWING WORDS, as used herein, shall HAVE THE FOLLOWING MEANINGS", "following words.",
                 "as used in thi", "Aſ used in this section",  # a long s: case-blind "s" matches it, and no ASCII test may skip it
                 "the follow­ing words shall have the following meanings", "no definitions here"]


@pytest.mark.parametrize("text", DEFINES_CASES)
def test_defines_as_the_full_search(text):
    assert _defines(text) == bool(DEFINITIONS_INTRO.search(text))


def test_defines_on_random_texts():
    alphabet = ["following ", "FOLLOWING ", "Following ", "words ", "terms ", "shall ", "have the ", "meanings",
                "As used in this", "as USED in THIS", ". ", "x ", "ſ", "K"]
    texts = _random_texts(alphabet, 30_000, 7, seed=28)
    found = [_defines(t) for t in texts]
    assert found == [bool(DEFINITIONS_INTRO.search(t)) for t in texts]
    assert any(found) and not all(found)


def _opens_quotation_scanned(text):
    """``body._opens_quotation`` as every pattern's full scan answers it (no first tests)."""
    text = text.rstrip()
    if QUOTE_OPENS.search(text):
        return True
    sentence = SENTENCE_BREAK.split(text)[-1]
    return (bool(BARE_INSTRUCTION.search(text) or NAMED_INSERT.search(text) or DASH_INSTRUCTION.search(text))
            and bool(AMENDING_WORDS.search(sentence)))


QUOTATION_CASES = ["by inserting after section 2 the following section:-", "amended by adding the following:",
                   'is hereby amended by inserting the following words:- "', "inserting after chapter 265 the following chapter 265A",
                   "the following section 12", "replacing Section 2F with the following-", "the following 3 sections —”",
                   "shall have the following powers:—", "The list follows:-", "as follows:", "as follows: ", "the following.",
                   "the following section:.", "strike the following words, and", "the following chapter 2٣", "",
                   'inserting the following word:- "board".', "inserting the following section 12A:", "the following—’",
                   "the following chapter 5:”", "the following:’", "inserting the following chapter 9."]


@pytest.mark.parametrize("text", QUOTATION_CASES)
def test_opens_quotation_as_the_full_scans(text):
    assert _opens_quotation(text) == _opens_quotation_scanned(text)


def test_opens_quotation_on_random_texts():
    alphabet = ["the following ", "following ", "as follows", "inserting ", "amended ", "section", "chapter ",
                "words", " 265A", "2", ":", "-", "—", "–", ".", ":.", ";", '"', "”", "’", " ", "x", "A", "٣", "\n"]
    texts = _random_texts(alphabet, 60_000, 8, seed=29)
    found = [_opens_quotation(t) for t in texts]
    assert found == [_opens_quotation_scanned(t) for t in texts]
    assert any(found) and not all(found)


def test_page_label_lines_found_by_their_literal():
    """A line skipped by ``_OF_DIGIT`` holds no page label."""
    alphabet = ["2", "12", " of ", "of", " ", "x", "-", "\u00a0", "3 of 9", "1of 2"]
    for text in _random_texts(alphabet, 20_000, 6, seed=30):
        if not _OF_DIGIT.search(text):
            assert not _PAGE_LABEL.search(text)


MARKER_CASES = ["SECTION 2. Text", "“Section 4. Text", "”SECTION 5.", "(a) The", "7004-0070 For the", "197A. The",
                "CHAPTER 6D.", "Chapter 25D: LOCAL", "Section 12D ½ (a) x", "٣٤A. The", "the words", "", " (a)", "a"]


@pytest.mark.parametrize("quoted", [False, True])
@pytest.mark.parametrize("text", MARKER_CASES)
def test_marker_first_character_test(text, quoted, monkeypatch):
    """A text the first-character test answers None is one no marker pattern matches."""
    from lawdiff.parse import markers
    found = markers.marker(text, quoted)
    monkeypatch.setattr(markers, "MARKER_FIRSTS", "".join(map(chr, range(0x3000))))  # every first character passes
    assert found == markers.marker(text, quoted)


def _marker_every_pattern(text, quoted):
    """``markers.marker`` as it tried every pattern in turn, whatever the text's first character."""
    from lawdiff.parse import markers as mk
    for pattern, level, inside in ((mk.BILL_SECTION, mk.MarkerLevel.BILL_SECTION, False),
                                   (mk.SECTION, mk.MarkerLevel.SECTION, False),
                                   (mk.LINE_ITEM, mk.MarkerLevel.LINE_ITEM, False),
                                   (mk.BARE_SECTION, mk.MarkerLevel.SECTION, True),
                                   (mk.SECTION_NO_STOP, mk.MarkerLevel.SECTION, True),
                                   (mk.ROMAN_SECTION, mk.MarkerLevel.SECTION, True),
                                   (mk.CHAPTER, mk.MarkerLevel.CHAPTER, True)):
        if (quoted or not inside) and (m := pattern.match(text)):
            return (level, m.group(1), text[m.end():].lstrip())
    if (m := mk.LOOSE_SECTION.match(text)) and (m.group(3) or "SECTION" in m.group(1) or m.end() == len(text)):
        return (mk.MarkerLevel.BILL_SECTION, m.group(1))
    if m := mk.SUBDIVISION.match(text):
        return ("subdivision", m.group(1), text[m.end():].lstrip())
    return None


def _marker_answer(found):
    """What ``_marker_every_pattern`` tells of a marker found."""
    if found is None:
        return None
    if found.loose is not None:
        return (found.level, found.num)
    if found.level in ("paragraph", "subclause", "clause", "subsection"):
        return ("subdivision", found.num, found.rest)
    return (found.level, found.num, found.rest)


@pytest.mark.parametrize("quoted", [False, True])
@pytest.mark.parametrize("text", MARKER_CASES + ["(1)record", "(iv) x", "(A) y", "(s)he", "SECTION 3 .", "Sec. 4. x",
                                                 "1234-5678 For x", "2 years", "²3A. x", "“Section X: y"])
def test_marker_tries_the_patterns_its_first_character_can_start(text, quoted):
    """``marker`` tries only the patterns the text's first character can start ("(" a subdivision,
    a digit a line item or a bare section): the answer of trying them all in turn."""
    from lawdiff.parse.markers import marker
    assert _marker_answer(marker(text, quoted)) == _marker_every_pattern(text, quoted)


def test_marker_on_random_texts():
    from lawdiff.parse.markers import marker
    alphabet = ["SECTION ", "Section ", "Sec. ", "CHAPTER ", "Chapter ", "(", ")", "a", "i", "A", "1", "12", "7004-0070",
                " For", "D", ".", ":", " ", "“", '"', "”", "-", "½", "²", "٣", "l", "x", "I", "V"]
    starts = ["", "SECTION 1", "Section 2", "(a", "(1", "(iv", "7004-0070", "197A", "CHAPTER 6", "“Section 3", "3"]
    rng = random.Random(34)
    texts = [rng.choice(starts) + t for t in _random_texts(alphabet, 40_000, 5, seed=33)]
    for quoted in (False, True):
        found = [_marker_answer(marker(t, quoted)) for t in texts]
        assert found == [_marker_every_pattern(t, quoted) for t in texts]
        assert sum(f is not None for f in found) > 1000


def test_printable_text_holds_nothing_text_only_replaces():
    """``text_only_reading`` leaves a printable text as it is: no character either of its
    patterns matches is printable."""
    import sys

    from lawdiff.read.lines import _BIDI, _NOT_TEXT
    caught = [c for c in map(chr, range(sys.maxunicode + 1)) if _NOT_TEXT.match(c) or _BIDI.match(c)]
    assert len(caught) > 2000  # the controls, the surrogates, U+FFFE/U+FFFF and the bidi controls
    assert not any(c.isprintable() for c in caught)


def test_is_folded_as_fold():
    from lawdiff.read.lines import fold, is_folded
    alphabet = ["a", "b", " ", "  ", "\t", "\u00a0", "\u2028", "\u00ad", "\n", "§", "\x0b", "\u3000"]
    texts = _random_texts(alphabet, 30_000, 6, seed=31)
    found = [is_folded(t) for t in texts]
    assert found == [fold(t) == t for t in texts]
    assert any(found) and not all(found)


def test_last_quoted_section_and_two_of_as_the_lists():
    """``body._last_quoted_section`` and ``body._two_of`` answer what the lists they replace did
    (all of a quotation's sections, all of a parent's items), over random frames."""
    from lawdiff.parse.body import _last_quoted_section, _two_of
    from lawdiff.parse.tree import Node
    rng = random.Random(32)
    kinds = ["section", "chapter", "subsection", "p"]
    for _ in range(3000):
        frame = Node("quotedStructure", children=[
            Node(rng.choice(kinds), num=str(i), children=[Node(rng.choice(kinds), num=f"{i}.{j}") for j in range(rng.randint(0, 3))])
            for i in range(rng.randint(1, 5))])
        sections = [c for c in frame.children if c.type == "section"] or \
            [c for c in frame.children[-1].children if c.type == "section"]
        assert _last_quoted_section(frame) is (sections[-1] if sections else None)
        kind = rng.choice(kinds)
        assert _two_of(frame.children, kind) == (sum(c.type == kind for c in frame.children) >= 2)


def test_a_defined_term_starts_with_a_marker_first_character():
    """``Body._open`` answers None where a text's first character starts no marker: no defined
    term (``DEFINITION``) starts otherwise either."""
    from lawdiff.parse.markers import DEFINITION, MARKER_FIRSTS
    alphabet = ["“", "”", '"', "'", "‘", "’", "«", "term", " ", ",", "(a)", "S", "1"]
    texts = _random_texts(alphabet, 20_000, 5, seed=35)
    matched = [t for t in texts if DEFINITION.match(t)]
    assert len(matched) > 100
    assert all(t[0] in MARKER_FIRSTS for t in matched)


def _walk_recursively(node):
    yield node
    for child in node.children:
        yield from _walk_recursively(child)


def test_walk_as_the_recursive_walk():
    """``Node.walk`` (one generator, a stack of iterators) yields what the recursive walk yielded,
    in the same order, also where the consumer gives a node new children as it comes to it."""
    from lawdiff.parse.tree import Node
    def tree(rng, depth=0):
        return Node("p", num=str(rng.random()),
                    children=[tree(rng, depth + 1) for _ in range(rng.randint(0, 3 if depth < 4 else 0))])

    def grown(walk, root):  # a consumer that gives every fifth node a new first child as it comes to it
        seen = []
        for n in walk(root):
            seen.append(n.num)
            if len(seen) % 5 == 0 and len(seen) < 50:
                n.children = [Node("p", num=f"{n.num}+")] + n.children
        return seen

    for seed in range(300):
        root = tree(random.Random(seed))
        assert [id(n) for n in root.walk()] == [id(n) for n in _walk_recursively(root)]
        assert grown(Node.walk, tree(random.Random(seed))) == grown(_walk_recursively, tree(random.Random(seed)))


def test_nested_sections_as_the_recursive_walk():
    """``numbering._nested_sections`` (one generator over a stack) yields what the recursive walk
    yielded: every numbered section below a top-level one, with the numbered section before it
    among its parent's children."""
    from lawdiff.parse.numbering import _nested_sections
    from lawdiff.parse.tree import Node

    def recursive(node):
        before = None
        for child in node.children:
            if child.type == "section" and child.num:
                yield child, before
                before = child.num
            yield from recursive(child)

    def tree(rng, depth=0):
        kind = rng.choice(["section", "section", "quotedStructure", "subsection"])
        return Node(kind, num=rng.choice([None, f"Section {rng.randint(1, 9)}."]),
                    children=[tree(rng, depth + 1) for _ in range(rng.randint(0, 3 if depth < 4 else 0))])

    found = 0
    for seed in range(500):
        top = tree(random.Random(seed))
        got = [(id(n), before) for n, before in _nested_sections(top)]
        assert got == [(id(n), before) for n, before in recursive(top)]
        found += sum(before is not None for _, before in got)
    assert found > 100


def test_a_bill_section_starts_with_one_of_its_first_characters():
    """``units._split_glued_sections`` tries ``BILL_SECTION`` only on a unit whose first character
    can start it."""
    from lawdiff.parse.markers import BILL_SECTION
    from lawdiff.parse.units import _BILL_SECTION_FIRSTS
    alphabet = ["SECTION ", "SECITON ", "“", '"', "”", "'", "2", "A", ".", ":", " ", "x", "IV"]
    rng = random.Random(38)
    texts = [rng.choice(["", "SECTION ", "“SECTION ", '"SECITON ', "S"]) + t for t in _random_texts(alphabet, 20_000, 4, seed=37)]
    matched = [t for t in texts if BILL_SECTION.match(t)]
    assert len(matched) > 100
    assert all(t[0] in _BILL_SECTION_FIRSTS for t in matched)


def test_all_folded_as_folding_each_line():
    """``text._all_folded`` answers, for the whole text at once, whether folding would change any line."""
    from lawdiff.read.lines import fold
    from lawdiff.read.text import _all_folded
    alphabet = ["a", "b", " ", "  ", "\t", "\u00a0", "\u2028", "\x0b", "\x1c", "\u3000", "\n", "\r\n", "\r", "-", "“"]
    texts = _random_texts(alphabet, 30_000, 7, seed=35) + ["", " ", "\n", "a\n", "a \nb", "a\n b", "a\n\nb", "a  b"]
    answers = []
    for text in texts:
        raw = text.splitlines()
        answers.append(_all_folded(text, raw))
        assert answers[-1] == all(fold(s) == s for s in raw), repr(text)
    assert any(answers) and not all(answers)


def _read_every_step(text):
    """``read_text`` with every step tried on every line (no literal looked for in the whole text)."""
    from lawdiff.read import text as reader
    from lawdiff.read.lines import Line
    from lawdiff.read.words import blank_rules
    lines = reader.drop_mass_gov_feedback([Line(" ".join(s.split()), None, i + 1)
                                           for i, s in enumerate(text.splitlines())])
    blank_rules(lines)
    reader._drop_page_labels(lines)
    reader._drop_repeated_headers(lines)
    printed = reader._take_printed_numbers(lines)
    if not printed and reader._unwrapped(lines):
        lines = reader._break_paragraphs(lines)
    elif not printed:
        lines = reader._break_after_short_lines(lines)
    _repair_every_pair(lines)
    return lines, printed


def _repair_every_pair(lines):
    """``words.repair_hyphenation`` as it was: a generator yields each pair of lines that continue
    one another, and the document's words are listed before any (the join itself is ``words.rejoin``)."""
    from lawdiff.read.words import _HYPHEN_ENDS, _HYPHENATED_END, _WORD, rejoin

    def consecutive():
        previous = None
        for line in lines:
            if not line.text:
                if previous is not None and previous.number is None:
                    previous = None
                continue
            if previous is not None:
                yield previous, line
            previous = line

    words = {w.lower() for line in lines for w in _WORD.findall(line.text)}
    for a, b in consecutive():
        if not a.text.endswith(_HYPHEN_ENDS):
            continue
        m = _HYPHENATED_END.search(a.text)
        if not m or not b.text[:1].isalpha():
            continue
        rejoin(a, b, m, lambda: words)


def test_read_text_steps_skipped_by_their_literal():
    """A text whose lines need no folding, or lacks the literal a step needs ("Mass.gov", "___", a
    header's first word, a line ending in a hyphen), reads as with every step tried on every line."""
    from lawdiff.read.text import _all_folded, read_text
    pieces = ["HOUSE DOCKET, NO. 12 FILED ON: 1/2/2023", "SENATE . . . . No. 5", "FILED ON: 1/3/2023", "HOUSE",
              "Help Us Improve Mass.gov with your feedback", "___", "____", "investi-", "gation", "investigation", "investi-\ngation", "non-\nfederal",
              "1", "2", "3", "4", "5", "2 of 3", "1 of 3", "word", "words", ":- 3", "x" * 130]
    spaces = ["  ", "\t", "\u00a0", " \u2028"]
    rng = random.Random(36)
    seen = {"folded": 0, "unfolded": 0, "hyphen": 0, "feedback": 0, "rule": 0, "header": 0, "printed": 0}
    for _ in range(4_000):
        rows = [" ".join(rng.choice(pieces) for _ in range(rng.randint(0, 3))) for _ in range(rng.randint(0, 12))]
        if rng.random() < 0.5:  # whitespace folding changes
            rows = [row + rng.choice(spaces) if rng.random() < 0.2 else row for row in rows]
        text = "\n".join(rows)
        got, (lines, printed) = read_text(text), _read_every_step(text)
        assert [(l.text, l.number, l.src) for l in got.lines] == [(l.text, l.number, l.src) for l in lines]
        assert got.line_numbers == ("printed" if printed else "source")
        seen["folded" if _all_folded(text, text.splitlines()) else "unfolded"] += 1
        seen["hyphen"] += any("investi-gation" in l.text or "non-federal" in l.text for l in lines)
        seen["feedback"] += "Mass.gov" in text and not any("Mass.gov" in l.text for l in lines)
        seen["rule"] += "___" in text and not any("___" in l.text for l in lines)
        seen["header"] += sum(l.text.startswith("HOUSE DOCKET") for l in lines) < text.count("HOUSE DOCKET")
        seen["printed"] += printed
    assert min(seen.values()) > 20, seen


def test_header_uncovered_by_a_page_label_dropped():
    """A header that starts its line only once the page label before it is removed is dropped
    like any repeated header, though no line started with a header's first letter before."""
    from lawdiff.read.text import read_text
    header = "HOUSE DOCKET, NO. 12 FILED ON: 1/2/2023"
    text = f"1 of 2 {header}\nthe words\n2 of 2 {header}\nmore words\n"
    got, (lines, _) = read_text(text), _read_every_step(text)
    assert [l.text for l in got.lines] == [l.text for l in lines]
    assert [l.text for l in got.lines if l.text.startswith("HOUSE")] == [header]


def test_controls_counted_in_the_bytes():
    """``decode._looks_binary`` counts the controls in the bytes: as many as in the text they
    decode to, as UTF-8 and as cp1252."""
    from lawdiff.read.decode import _CONTROL, _looks_binary
    rng = random.Random(38)
    alphabet = ["a", " ", "\n", "\t", "\r", "\x0c", "\x01", "\x0b", "\x1f", "\x7f", "é", "“", "€", "\u2028", "字"]
    answers = set()
    for _ in range(5_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 300)))
        for encoding in ("utf-8", "cp1252"):
            data = text.encode(encoding, errors="ignore")
            decoded = data.decode(encoding)
            want = len(_CONTROL.findall(decoded)) > max(2, len(decoded) // 100)
            assert _looks_binary(decoded, data) == want
            answers.add(want)
    assert answers == {True, False}


def test_median_is_the_statistics_median():
    """``body._median`` (the width of a full printed line) stands for ``statistics.median``, which
    imports ``fractions`` and ``decimal``: the same value and type, odd and even counts."""
    import statistics

    from lawdiff.parse.body import _median

    rng = random.Random(26)
    for n in range(1, 80):
        values = [rng.randint(0, 120) for _ in range(n)]
        expected = statistics.median(values)
        got = _median(values)
        assert got == expected and type(got) is type(expected), values
    assert _median([70, 10, 40]) == 40 and _median([10, 40, 70, 80]) == 55.0
