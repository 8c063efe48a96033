"""``json.dumps(obj, ensure_ascii=False, indent=2)``, byte for byte, about three times faster.

The standard library writes indented JSON with its pure-Python encoder (its C
encoder only writes compact JSON); a change model of 3,000 sections spent a fifth
of its time there.  Strings still go through the library's C string encoder.

The items of an iterable that says ``json_plain`` (``diff.changes.ChangeDicts``: a change
model's changes, most of a diff's JSON) are written by ``orjson``, whose indented output is
``json``'s byte for byte for what such items hold (see ``_plain``).
"""

from __future__ import annotations

import io
import json
from json.encoder import encode_basestring

import orjson

_INDENT = "  "


class _Fallback(Exception):
    """Something the fast path does not write exactly as ``json`` does: let ``json`` do it."""


_CHUNK = 1 << 14  # pieces joined into one string at a time


class _Out(list):
    """The pieces written so far, joined every ``_CHUNK`` into ``chunks``: a million small strings
    held until the end were five times the JSON's own size (issue 26: memory)."""

    def __init__(self, fp=None):
        super().__init__()
        self.chunks: list = []
        # UTF-8 goes into a file, or one growing buffer: a list of encoded chunks joined at the
        # end held the output twice (issue 26: 30,000 sections, the last 50 MB of the peak).
        self.fp = fp

    def flush(self) -> None:
        chunk = "".join(self)
        if self.fp is not None:
            self.fp.write(chunk.encode("utf-8"))
        else:
            self.chunks.append(chunk)
        self.clear()

    def utf8(self, data: bytes) -> None:
        """``data``, UTF-8 already (an item orjson wrote): into the file as it is, after what came
        before it; else decoded as one piece.  Not a piece of the chunk in a file: a chunk of
        ``_CHUNK`` whole changes held 20 MB at 30,000 sections, and decoding it to encode it again
        was time for nothing."""
        if self.fp is None:
            self.append(data.decode())
            return
        if self:
            self.flush()
        self.fp.write(data)


def dumps(obj: object) -> str:
    out = _Out()
    try:
        _emit(obj, "\n", out)
    except (_Fallback, RecursionError):
        return json.dumps(obj, ensure_ascii=False, indent=2, default=_as_list)
    out.flush()
    return "".join(out.chunks)


def dumps_utf8(obj: object, end: str = "\n") -> bytes:
    """``(dumps(obj) + end).encode("utf-8")`` without the string: each chunk is encoded as it is
    joined.  A change model's JSON holds "§" and curly quotes, so Python keeps it as two bytes a
    character; the string, its copy with ``end`` and the bytes were five times the output's size
    at the end of ``lawdiff diff`` (issue 26: memory), the chunks and their join are two."""
    buffer = io.BytesIO()
    dump_utf8(obj, buffer, end)
    return buffer.getvalue()


def dump_utf8(obj: object, fp, end: str = "\n") -> None:
    """``dumps_utf8(obj, end)`` written into ``fp``, a binary file open for writing and seeking,
    from where it stands: ``lawdiff diff`` writes it into a temporary file, never holding it."""
    start = fp.tell()
    out = _Out(fp)
    try:
        _emit(obj, "\n", out)
    except (_Fallback, RecursionError):
        fp.seek(start)
        fp.truncate()
        fp.write((json.dumps(obj, ensure_ascii=False, indent=2, default=_as_list) + end).encode("utf-8"))
        return
    out.append(end)
    out.flush()


def _as_list(o: object) -> list:
    """``json``'s ``default``: an object whose type says ``json_list`` (``diff.changes.ChangeDicts``,
    whose items are made as they are read) is written as the list of its items; any other, refused
    as ``json`` refuses it."""
    if getattr(type(o), "json_list", False):
        return list(o)
    raise TypeError(f"Object of type {type(o).__name__} is not JSON serializable")


# orjson hands anything but dicts with string keys, lists, tuples, strings, integers of 64 bits,
# booleans and None (and floats, enums and the like, which ``json_plain`` items do not hold) to
# ``default``, here none: it raises, and the item is written by ``_emit`` as before.  Subclasses
# (``OrderedDict``, a ``str`` subclass) are passed through too, so ``json``'s way with them stands.
_PLAIN = (orjson.OPT_INDENT_2 | orjson.OPT_PASSTHROUGH_SUBCLASS | orjson.OPT_PASSTHROUGH_DATACLASS
          | orjson.OPT_PASSTHROUGH_DATETIME)


def _plain(v: object, newline: str, out: _Out) -> None:
    """One item of a ``json_plain`` iterable: what ``_emit`` writes, by orjson.  Its indented output
    is ``json.dumps(ensure_ascii=False, indent=2)``'s for such values (the same escapes: ``"``,
    ``\\``, the control characters, nothing else; "[]" and "{}" for empty ones; the same separators),
    its lines indented to the item's place here.  ``json_plain`` says the items hold no floats,
    whose exponents and NaN the two write differently.  A string with a lone surrogate or a wider
    integer (orjson refuses them) sends the item through ``_emit``.  Issue 26: a 30,000-section
    diff's JSON 1.8 -> 0.4 s."""
    try:
        data = orjson.dumps(v, option=_PLAIN)
    except orjson.JSONEncodeError:
        _emit(v, newline, out)
        return
    out.utf8(data.replace(b"\n", newline.encode()))


def _emit(o: object, newline: str, out: list[str]) -> None:
    t = type(o)
    if t is str:
        out.append(encode_basestring(o))
    elif t is list or t is tuple or getattr(t, "json_list", False):  # json_list: any iterable that says so
        if not o:
            out.append("[]")
            return
        inner = newline + _INDENT
        out.append("[" + inner)
        first = True
        item = _plain if getattr(t, "json_plain", False) else _emit
        for v in o:
            if not first:
                out.append("," + inner)
            first = False
            item(v, inner, out)
            if len(out) >= _CHUNK:
                out.flush()
        out.append(newline + "]")
    elif t is dict:
        if not o:
            out.append("{}")
            return
        inner = newline + _INDENT
        out.append("{" + inner)
        first = True
        for k, v in o.items():
            if type(k) is not str:
                raise _Fallback  # json turns other keys into strings its own way
            if not first:
                out.append("," + inner)
            first = False
            out.append(encode_basestring(k) + ": ")
            _emit(v, inner, out)
        out.append(newline + "}")
    elif o is None:
        out.append("null")
    elif o is True:
        out.append("true")
    elif o is False:
        out.append("false")
    elif t is int:
        out.append(int.__repr__(o))
    elif t is float:
        out.append(json.dumps(o))
    else:
        raise _Fallback
