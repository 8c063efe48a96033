"""The fast indented JSON writer writes exactly what json.dumps(ensure_ascii=False, indent=2) writes."""

import json
from collections import OrderedDict

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lawdiff.render import jsonout
from lawdiff.render.jsonout import dumps, dumps_utf8

LEAVES = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
VALUES = st.recursive(LEAVES, lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner)
                      | st.dictionaries(st.text(), inner, max_size=4), max_leaves=30)


@settings(max_examples=300, deadline=None)
@given(VALUES)
def test_same_bytes_as_json(value):
    assert dumps(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_keys_and_types_json_converts_itself():
    """Keys that are not strings, and dict subclasses, are left to json: the same text."""
    for value in ({1: "a", None: [True, 2.5]}, OrderedDict(b=1, a=[{}, []]), {"“quoted”": "\u2028 é \x00"}):
        assert dumps(value) == json.dumps(value, ensure_ascii=False, indent=2)


@settings(max_examples=200, deadline=None)
@given(VALUES)
def test_utf8_is_the_text_and_a_newline_encoded(value):
    assert dumps_utf8(value) == (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def test_utf8_across_chunks_and_in_the_fallback(monkeypatch):
    """Many chunks (a small chunk size), characters of two and three bytes at their edges, and the
    fallback (a key json converts itself): the same bytes as the whole string encoded once."""
    monkeypatch.setattr(jsonout, "_CHUNK", 3)
    value = {"changes": [["=", "§ 4 “x” é"], ["+", "\u2028 ü"] * 5], "n": [1, 2.5, None, True]}
    assert dumps_utf8(value) == (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode()
    assert dumps_utf8({1: "§"}, end="") == json.dumps({1: "§"}, ensure_ascii=False, indent=2).encode()


def test_into_a_file_from_where_it_stands_and_the_fallback_undone(monkeypatch, tmp_path):
    """``dump_utf8`` writes after what the file holds; a key json converts itself, met after
    chunks were written, sends the file back to where it began and writes json's text there."""
    monkeypatch.setattr(jsonout, "_CHUNK", 3)
    for value in ({"a": ["§ x"] * 20, "n": [1, 2.5, None]}, {"a": ["“y”"] * 20, "late": {1: "é"}}):
        with open(tmp_path / "out", "w+b") as fp:
            fp.write(b"before")
            jsonout.dump_utf8(value, fp)
            fp.seek(0)
            assert fp.read() == b"before" + (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode()


class _Made:
    """Items made as they are read, each pass anew, as ``diff.changes.ChangeDicts`` makes them."""

    json_list = True

    def __init__(self, n, late_key=False):
        self.n, self.late_key = n, late_key

    def __iter__(self):
        for k in range(self.n):
            yield {"k": k, "§": ["=", "“x”"]} if not (self.late_key and k == self.n - 1) else {k: "é"}

    def __len__(self):
        return self.n


def test_an_iterable_that_says_json_list_is_written_as_its_list(monkeypatch, tmp_path):
    """``json_list``: written as the list of what it gives, by the fast path and by json's own (a key
    json converts itself, met after chunks were written); any other object is refused as json refuses it."""
    monkeypatch.setattr(jsonout, "_CHUNK", 3)
    for made in (_Made(0), _Made(9), _Made(9, late_key=True)):
        value = {"a": 1, "changes": made}
        want = json.dumps({"a": 1, "changes": list(made)}, ensure_ascii=False, indent=2)
        assert dumps(value) == want and dumps_utf8(value) == (want + "\n").encode()
        with open(tmp_path / "out", "w+b") as fp:
            jsonout.dump_utf8(value, fp)
            fp.seek(0)
            assert fp.read() == (want + "\n").encode()
    with pytest.raises(TypeError, match="^Object of type set is not JSON serializable$"):
        dumps({"s": {1, 2}})


class _Plain(_Made):
    """``json_plain`` as well: its items are written by orjson (``jsonout._plain``)."""

    json_plain = True

    def __init__(self, items):
        self.items = items

    def __iter__(self):
        return iter(self.items)

    def __len__(self):
        return len(self.items)


# What a ``json_plain`` item may hold: no floats (orjson writes their exponents and NaN its own way).
PLAIN_LEAVES = st.none() | st.booleans() | st.integers(-2**63, 2**64 - 1) | st.text()
PLAIN_VALUES = st.recursive(PLAIN_LEAVES, lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner)
                            | st.dictionaries(st.text(), inner, max_size=4), max_leaves=30)


@settings(max_examples=300, deadline=None)
@given(st.lists(PLAIN_VALUES, max_size=5), st.integers(0, 3))
def test_plain_items_written_as_json_writes_them(items, depth):
    """The items of a ``json_plain`` iterable, at any depth of nesting, any characters (control
    characters, quotes, backslashes, U+2028, astral ones) and integers up to 64 bits: json's bytes."""
    value = _Plain(items)
    whole = items
    for _ in range(depth):
        value, whole = {"k": [1, value]}, {"k": [1, whole]}
    want = json.dumps(whole, ensure_ascii=False, indent=2)
    assert dumps(value) == want and dumps_utf8(value) == (want + "\n").encode()


def test_plain_items_orjson_refuses_go_the_old_way(monkeypatch):
    """A lone surrogate, an integer wider than 64 bits, a key that is no string, a subclass: each such
    item is written by ``_emit`` (and, where that gives up, the whole by json), so the text is json's;
    orjson wrote the items around it.  (Floats are not among them: ``json_plain`` says there are none.)"""
    calls = []
    real = jsonout.orjson.dumps
    monkeypatch.setattr(jsonout.orjson, "dumps", lambda *a, **k: calls.append(1) or real(*a, **k))
    for odd in ("a\ud800b", 2**65, -2**63 - 1, {1: "x"}, OrderedDict(b=1), [{"a": ["\udfff"]}]):
        items = [{"§": ["=", "“x”"]}, odd, ["after"]]
        value = {"changes": _Plain(items)}
        calls.clear()
        assert dumps(value) == json.dumps({"changes": items}, ensure_ascii=False, indent=2)
        assert calls, odd


def test_a_change_models_json_streamed_is_the_whole_models():
    """``lawdiff diff --format json`` (``compare_streamed``, its changes by orjson) writes what the whole
    dict of ``compare`` gives json, on an omnibus pair with edits, deletions, a move and renumbering;
    and those dicts hold no float (what ``ChangeDicts.json_plain`` promises)."""
    from lawdiff.diff.changes import compare, compare_streamed
    from lawdiff.load.documents import parse_bytes
    from tests.helpers import omnibus

    old_text, new_text = omnibus.generate(80, 1).texts()
    old, new = parse_bytes(old_text, "old.txt"), parse_bytes(new_text, "new.txt")
    model = compare(old, new)
    whole = json.dumps(model, ensure_ascii=False, indent=2)
    assert dumps_utf8(compare_streamed(old, new)) == (whole + "\n").encode()
    stats = model["stats"]
    assert stats["modify"] >= 5 and stats["delete"] and stats["move"] and stats["renumber"] >= 5

    def leaves(v):
        if isinstance(v, dict):
            v = list(v.values())
        return [x for item in v for x in leaves(item)] if isinstance(v, list) else [v]
    assert not [x for c in model["changes"] for x in leaves(c) if isinstance(x, float)]
