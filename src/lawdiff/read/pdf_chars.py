"""A PDF page's characters and their boxes (pypdfium2) -> words, as ``read/pdf.py`` groups them into lines.

PDFium parses a page in C; Python only asks it for each character's box.  The
words are cut by the rules pdfminer/pdfplumber's ``extract_words`` used before
(lines clustered by top within 3 pt, a word ends at a blank or a gap of more
than 3 pt), on the same geometry: a character's x0/x1 are its advance (PDFium's
"loose" box), its bottom the font's descent below the baseline, its top one font
size above that bottom.  That keeps every margin number, line and paragraph gap
of the 32 real PDFs of ``../shared/sources`` as pdfplumber read them, at a tenth
of the CPU (README, "The PDF reader: PDFium", has the three words that differ).

Reads: a PDFium page and its text page (pypdfium2 handles).  Writes: character
tuples ``(text, x0, x1, top, bottom)`` in points from the page's top-left, and
``Word``s made of them.
"""

from __future__ import annotations

import ctypes
import math
from bisect import bisect_left
import struct
from operator import itemgetter
from dataclasses import dataclass

# pdfplumber's defaults, which the reader was tuned on.
_X_TOLERANCE = 3.0
_Y_TOLERANCE = 3.0
# Every character Python counts as blank (U+3000 is the last of them in the first plane).
_BLANKS = frozenset(code for code in range(0x3001) if chr(code).isspace())
_LIGATURES = {"ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬁ": "fi", "ﬂ": "fl", "ﬆ": "st", "ﬅ": "st"}


@dataclass(slots=True)
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    chars: list[tuple[str, float, float, float, float]]
    """(character, x0, x1, top, bottom) of each character, left to right."""


def page_chars(raw, page, textpage, height: float) -> list[tuple[str, float, float, float, float]]:
    """(character, x0, x1, top, bottom) of each character the page draws, top measured down from the page's top.

    ``raw`` is ``pypdfium2.raw``.  One call into PDFium a character (its box) is
    the cost that matters; its text object (for its size) is asked where the box's
    height changes, and the rest once an object.  The line ends
    PDFium adds of its own are left out; the spaces it adds are kept, as blanks:
    it puts one in place of a drawn space it drops ("Re: Agency" in H.3 of the
    193rd would read "Re:Agency").
    """
    count = raw.FPDFText_CountChars(textpage)
    if count <= 0:
        return []
    buffer = (ctypes.c_ushort * (count + 1))()
    raw.FPDFText_GetText(textpage, 0, count, buffer)
    box, matrix = (ctypes.c_float * 4)(), raw.FS_MATRIX()
    get_box, get_object = _fast(raw)
    address, where = ctypes.cast(textpage, ctypes.c_void_p).value, ctypes.addressof(box)
    unpack = _RECT.unpack_from
    # Every character of a text object has its font size and matrix: asked of PDFium once an object.
    sizes: dict[int | None, float] = {}
    last_height, size = -1.0, 0.0
    chars = []
    append = chars.append
    for k, unit in enumerate(buffer[:count]):
        if unit == 10 or unit == 13:
            continue
        get_box(address, k, where)
        left, top, right, bottom = unpack(box)
        if unit in _BLANKS:  # every blank is one space: words() cuts at " "
            if right - left < 0.01 and chars:
                # A space PDFium adds has a point for its box, on the baseline: it stands on the
                # line of the character before it.
                append((" ", left, left, chars[-1][3], chars[-1][4]))
                continue
            unit = 32
        elif unit == 2 or unit == 0xFFFE:  # PDFium's mark for a hyphen ending a line ("long-" / "term")
            unit = 45
        elif 0xD800 <= unit < 0xE000:  # outside the BMP: the text holds a surrogate pair, not one unit a character
            unit = raw.FPDFText_GetUnicode(textpage, k)
        if top - bottom != last_height:  # else the box of the character before: its font, its size
            last_height = top - bottom
            obj = get_object(address, k)
            size = sizes.get(obj) if obj else None
            if size is None:
                # The size a font is set at may be 1 with the text matrix doing the scaling (S.2954 of
                # the 193rd): the character's height is its size times the matrix's vertical scale.
                raw.FPDFText_GetMatrix(textpage, k, matrix)
                scale = abs(matrix.d) if matrix.b == 0 else math.hypot(matrix.b, matrix.d)
                size = raw.FPDFText_GetFontSize(textpage, k) * scale
                if obj:
                    sizes[obj] = size
        bottom = height - bottom
        append((chr(unit), left, right, bottom - size, bottom))
    return chars


_RECT = struct.Struct("4f")  # FS_RECTF: left, top, right, bottom
_FAST: list = []


def _fast(raw):
    """FPDFText_GetLooseCharBox and FPDFText_GetTextObject taking and giving plain addresses: called
    for every character, they cost less so than through pypdfium2's typed bindings, which convert
    their pointer arguments on every call (S.2967, 288,000 characters: 0.29 s against 0.39 s)."""
    if not _FAST:
        def same(function, restype, *argtypes):
            return ctypes.CFUNCTYPE(restype, *argtypes)(ctypes.cast(function, ctypes.c_void_p).value)
        _FAST.append(same(raw.FPDFText_GetLooseCharBox, ctypes.c_int, ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p))
        _FAST.append(same(raw.FPDFText_GetTextObject, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int))
    return _FAST


def page_blanks(raw, page, height: float) -> list[tuple[str, float, float, float, float]]:
    """A space drawn as a text object of its own, which PDFium's text leaves out (its glyph has no width).

    Word sets a justified line's spaces so: "allowances. If" in H.8 of the 193rd,
    whose space starts 0.24 pt left of the "I", would read "allowances.If".  Each
    such object is a blank at its place on the line (baseline, the font's descent
    and size give its top and bottom as for any character).
    """
    out = []
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    size, descent, matrix = ctypes.c_float(), ctypes.c_float(), raw.FS_MATRIX()
    text_type = raw.FPDF_PAGEOBJ_TEXT
    for k in range(raw.FPDFPage_CountObjects(page)):
        obj = raw.FPDFPage_GetObject(page, k)
        if raw.FPDFPageObj_GetType(obj) != text_type:
            continue
        raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
        if right.value - left.value >= 0.01:  # PDFium's own test (kSizeEpsilon) for leaving an object out
            continue
        raw.FPDFTextObj_GetFontSize(obj, size)
        raw.FPDFPageObj_GetMatrix(obj, matrix)
        scaled = size.value * (abs(matrix.d) if matrix.b == 0 else math.hypot(matrix.b, matrix.d))
        if not raw.FPDFFont_GetDescent(raw.FPDFTextObj_GetFont(obj), scaled, descent):
            descent.value = 0.0
        lower = height - (bottom.value + descent.value)
        out.append((" ", left.value, left.value, lower - scaled, lower))
    return out


def words(chars: list[tuple[str, float, float, float, float]], blanks=()) -> list[Word]:
    """Characters -> words: lines clustered by top, each sorted by x0, cut at blanks and gaps.

    ``blanks`` (``page_blanks``) go between the two characters whose middles they
    fall between: the character after a space object may be kerned back to the
    space's very x, and PDFium's box for a glyph reaching left of its origin ("b",
    "j") starts further left still (S.16 of the 193rd: "incomeb enefits").
    """
    if not chars:
        return []
    # Cluster the distinct tops: a top within 3 pt of the one before joins its cluster.
    cluster: dict[float, int] = {}
    last = None
    k = -1
    for top in sorted({c[3] for c in chars}.union(b[3] for b in blanks)):
        if last is None or top > last + _Y_TOLERANCE:
            k += 1
        cluster[top] = k
        last = top
    lines: list[list] = [[] for _ in range(k + 1)]
    for c in chars:
        lines[cluster[c[3]]].append(c)
    spaces: dict[int, list] = {}
    for b in blanks:
        spaces.setdefault(cluster[b[3]], []).append(b)
    out: list[Word] = []
    merge = _merge
    for n, line in enumerate(lines):
        line.sort(key=_X0)
        if n in spaces:
            middles = [(c[1] + c[2]) / 2 for c in line]
            for b in sorted(spaces[n], key=_X0, reverse=True):  # right to left: the indices before stay put
                line.insert(bisect_left(middles, b[1]), b)
        current: list = []
        reach = top = 0.0  # the last character's x1 plus the tolerance, and its top
        for c in line:
            if c[0] == " ":
                if current:
                    out.append(merge(current))
                    current = []
            elif current and (c[1] > reach or abs(c[3] - top) > _Y_TOLERANCE):
                out.append(merge(current))
                current = [c]
                reach, top = c[2] + _X_TOLERANCE, c[3]
            else:
                current.append(c)
                reach, top = c[2] + _X_TOLERANCE, c[3]
        if current:
            out.append(merge(current))
    return out


_X0 = itemgetter(1)
_TEXT, _X1, _TOP, _BOTTOM = itemgetter(0), itemgetter(2), itemgetter(3), itemgetter(4)


def _merge(chars: list) -> Word:
    """A word's characters (sorted by x0) -> the word; its box spans theirs."""
    text = "".join(map(_TEXT, chars))
    if not text.isascii():
        text = "".join(_LIGATURES.get(t, t) for t in text)
    if len(chars) == 1:
        c = chars[0]
        return Word(text, c[1], c[2], c[3], c[4], chars)
    return Word(text, chars[0][1], max(map(_X1, chars)), min(map(_TOP, chars)), max(map(_BOTTOM, chars)), chars)
