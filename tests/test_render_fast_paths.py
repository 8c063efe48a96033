"""The redline's faster paths give what the plain ones gave (issue 26).

- The printed layout cuts unchanged words at the printed lines they turn onto
  (``print_redline._unchanged``) instead of chunk by chunk: its rows must be exactly those of
  the chunk loop, which it falls back to.
- The template environment reads a plain dict's keys without trying ``getattr`` first: what a
  template reads must stay what jinja2 reads (a key a dict also has as a method, a missing key).
"""

import jinja2
import pytest

from lawdiff.diff.changes import compare
from lawdiff.load.documents import parse_bytes
from lawdiff.render import print_redline
from lawdiff.render.templates import environment

from helpers import omnibus


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_unchanged_words_laid_out_as_the_chunk_loop_lays_them(monkeypatch, seed):
    old_text, new_text = omnibus.generate(40, seed).texts()
    old, new = parse_bytes(old_text, "old.txt"), parse_bytes(new_text, "new.txt")
    assert old.meta["line_numbers"] == "printed"  # else there is no line-by-line layout to test
    model = compare(old, new)
    fast_path = print_redline._unchanged
    taken = []

    def counted(*args):
        found = fast_path(*args)
        taken.append(found is not None)
        return found

    for context in ("changes", "all"):
        monkeypatch.setattr(print_redline, "_unchanged", counted)
        fast = print_redline.print_layout(model, (old, new), context)
        monkeypatch.setattr(print_redline, "_unchanged", lambda *args: None)  # the chunk loop only
        plain = print_redline.print_layout(model, (old, new), context)
        assert fast == plain
    assert any(taken)  # the fast path was the one compared


def test_unchanged_falls_back_where_a_line_turns_inside_a_word():
    pieces = []
    # Offsets 0-4 "alpha", 6-9 "beta"; a turn at 2 falls inside "alpha": not where a chunk starts.
    assert print_redline._unchanged("alpha beta", 0, 7, [0, 6], [7, 8], [0, 2], pieces) is None
    assert pieces == []
    assert print_redline._unchanged("alpha beta", 0, 7, [0, 6], [7, 8], [0, 6], pieces) == 8
    assert pieces == [(7, "=", "alpha "), (8, "=", "beta")]


def test_template_reads_a_dict_as_jinja2_does():
    env = environment()
    row = {"items": "a key", "kind": "modify"}
    page = env.from_string("{{ row.kind }}|{{ row['items'] }}|{{ row.items is callable }}|{{ row.get('kind') }}")
    # ``row.items`` is the dict's method, as jinja2 reads it; ``row['items']`` the key.
    assert page.render(row=row) == "modify|a key|True|modify"
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ row.missing }}").render(row=row)
