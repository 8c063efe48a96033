"""``json.dumps(obj, ensure_ascii=False, indent=2)``, byte for byte, about three times faster.

The standard library writes indented JSON with its pure-Python encoder (its C
encoder only writes compact JSON); a change model of 3,000 sections spent a fifth
of its time there.  Strings still go through the library's C string encoder.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring

_INDENT = "  "


class _Fallback(Exception):
    """Something the fast path does not write exactly as ``json`` does: let ``json`` do it."""


def dumps(obj: object) -> str:
    out: list[str] = []
    try:
        _emit(obj, "\n", out)
    except (_Fallback, RecursionError):
        return json.dumps(obj, ensure_ascii=False, indent=2)
    return "".join(out)


def _emit(o: object, newline: str, out: list[str]) -> None:
    t = type(o)
    if t is str:
        out.append(encode_basestring(o))
    elif t is list or t is tuple:
        if not o:
            out.append("[]")
            return
        inner = newline + _INDENT
        out.append("[" + inner)
        first = True
        for v in o:
            if not first:
                out.append("," + inner)
            first = False
            _emit(v, inner, out)
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
