"""The redline page holds less while it is written (issue 26: the HTML command's memory), and
writes the same page: the summary and the groups are made again for each reading."""

import pytest

from lawdiff.diff.changes import compare
from lawdiff.load.documents import parse_bytes
from lawdiff.render.print_redline import print_layout
from lawdiff.render.redline_html import _groups, _Groups, _rows, render_redline

OLD = b"""SECTION 1. The clerk shall keep a register of permits.
SECTION 2. A permit shall lapse after 90 days.
SECTION 3. The fee shall be paid to the town.
SECTION 4. This act shall take effect upon passage.
"""
NEW = b"""SECTION 1. The clerk shall keep a register of permits.
SECTION 2. A permit shall lapse after 60 days.
SECTION 3. The fee shall be paid to the town.
SECTION 4. This act shall take effect on July 1.
"""


def _docs(old=OLD, new=NEW):
    return parse_bytes(old, "old.txt"), parse_bytes(new, "new.txt")


def test_the_lazy_summary_reads_as_the_list_each_time():
    docs = _docs()
    model = compare(*docs)
    listed = print_layout(model, docs)["summary"]
    lazy = print_layout(model, docs, lazy=True)["summary"]
    assert isinstance(listed, list) and len(listed) == 2
    assert list(lazy) == listed and list(lazy) == listed  # read twice: the page writes it twice
    assert bool(lazy) and [s["number"] for s in lazy] == [1, 2]
    assert "60" in listed[0]["gist"] and "90" in listed[0]["gist"]


def test_an_unchanged_pair_has_an_empty_summary_either_way():
    docs = _docs(OLD, OLD)
    model = compare(*docs)
    assert not print_layout(model, docs, lazy=True)["summary"]
    assert print_layout(model, docs)["summary"] == []


def test_groups_are_the_same_runs_each_time_they_are_read():
    model = compare(*_docs())
    rows, _ = _rows(model)
    groups = _Groups(rows)
    runs = [(g["equal"], [r["i"] for r in g["rows"]]) for g in _groups(rows)]
    assert [(g["equal"], [r["i"] for r in g["rows"]]) for g in groups] == runs
    assert [(g["equal"], [r["i"] for r in g["rows"]]) for g in groups] == runs
    assert [equal for equal, _ in runs].count(False) == 2  # each change its own group


def test_a_row_shares_what_reads_the_same():
    model = compare(*_docs())
    rows, _ = _rows(model)
    same = next(r for r in rows if r["kind"] == "equal" and r["old"] and r["new"])
    assert same["old_num"] is same["new_num"] is same["inline_num"] and str(same["old_num"]).startswith("SECTION")
    assert same["stub_after"] == () and same["old_at"] == () and same["parts"] == ()
    changed = next(r for r in rows if r["kind"] == "modify")
    assert list(changed["new_at"]) == [2] and list(changed["old_at"]) == [2]


def test_the_page_is_the_same_with_the_lazy_parts():
    docs = _docs()
    model = compare(*docs)
    page = render_redline(model, docs=docs)
    assert page.count("60 days") >= 2 and 'data-change="2"' in page
    assert page.count("2 unchanged provisions") + page.count("1 unchanged provision") >= 1


MOVED_OLD = b"""SECTION 1. The clerk shall keep a register of every permit issued under this act.
SECTION 2. A permit shall lapse after ninety days unless the holder renews it in writing.
SECTION 3. The fee for each permit shall be paid to the treasurer of the town.
SECTION 4. The board may adopt rules for the inspection of premises named in a permit.
SECTION 5. This act shall take effect upon its passage.
"""
MOVED_NEW = b"""SECTION 1. The clerk shall keep a register of every permit issued under this act.
SECTION 2. The board may adopt rules for the inspection of premises named in a permit.
SECTION 3. A permit shall lapse after ninety days unless the holder renews it in writing.
SECTION 4. The fee for each permit shall be paid to the treasurer of the town.
SECTION 5. This act shall take effect upon its passage.
"""


def _kinds(model: dict) -> list[tuple[str, str | None, str | None]]:
    return [(c["kind"], (c["old"] or {}).get("num"), (c["new"] or {}).get("num")) for c in model["changes"]]


def test_a_moved_provisions_stub_stands_after_the_one_before_it_in_the_old_text():
    """The board's section (old SECTION 4) moved up to SECTION 2: its stub follows the fee's row
    (old SECTION 3, now 4), the provision that preceded it in the old text, in both readings of
    the rows (each view reads them again) and on the page; each row keeps its id and number."""
    from lawdiff.render.redline_html import _PageRows

    docs = _docs(MOVED_OLD, MOVED_NEW)
    model = compare(*docs)
    assert _kinds(model) == [("equal", "SECTION 1.", "SECTION 1."), ("move", "SECTION 4.", "SECTION 2."),
                             ("renumber", "SECTION 2.", "SECTION 3."), ("renumber", "SECTION 3.", "SECTION 4."),
                             ("equal", "SECTION 5.", "SECTION 5.")]
    rows = _PageRows(model["changes"])
    for _ in range(2):
        read = list(rows)
        assert [(r["i"], r["number"], r["moved"]) for r in read] == [
            (0, None, False), (1, 1, True), (2, 2, False), (3, 3, False), (4, None, False)]
        assert [[(s["i"], s["number"], s["moved"]) for s in r["stub_after"]] for r in read] == [[], [], [], [(1, 1, True)], []]
    assert rows.top_stubs() == [] and [rows.row_of()[n]["i"] for n in (1, 2, 3)] == [1, 2, 3]
    listed, top = _rows(model)
    assert [[s["i"] for s in r["stub_after"]] for r in listed] == [[], [], [], [1], []] and top == []
    page = render_redline(model, docs=docs)
    for view in ("sbs", "inline"):  # the stub between the fee's row and the next
        assert page.index(f'id="{view}-3"') < page.index(f'id="was-{view}-1"') < page.index(f'id="{view}-4"')
        assert f'<a href="#was-{view}-1">see its old place</a>' in page and f'<a href="#{view}-1">' in page


def test_a_part_of_the_page_keeps_the_whole_pages_ids_numbers_and_stubs():
    """A long redline's part (changes 1 to 3 of the moved pair, after none numbered): the rows keep
    the whole page's ids, the summary's numbers find them, the stub stands after the fee's row."""
    from lawdiff.render.redline_html import _PageRows

    model = compare(*_docs(MOVED_OLD, MOVED_NEW))
    rows = _PageRows(model["changes"][1:4], first=1, numbered=0)
    read = list(rows)
    assert [(r["i"], r["number"]) for r in read] == [(1, 1), (2, 2), (3, 3)]
    assert [[(s["i"], s["number"]) for s in r["stub_after"]] for r in read] == [[], [], [(1, 1)]]
    assert [rows.row_of()[n]["i"] for n in (1, 2, 3)] == [1, 2, 3]
    later = _PageRows(model["changes"][2:], first=2, numbered=1)  # the move in an earlier part: no stub here
    assert [(r["i"], r["number"], r["stub_after"]) for r in later] == [(2, 2, ()), (3, 3, ()), (4, None, ())]
    assert later.row_of()[3]["i"] == 3
    for missing in (1, 4):
        with pytest.raises(KeyError):
            later.row_of()[missing]


FIRST_OLD = b"""SECTION 1. The board may adopt rules for the inspection of premises named in a permit.
SECTION 2. The clerk shall keep a register of every permit issued under this act.
SECTION 3. A permit shall lapse after ninety days unless the holder renews it in writing.
SECTION 4. The fee for each permit shall be paid to the treasurer of the town.
"""
FIRST_NEW = b"""SECTION 1. The clerk shall keep a register of every permit issued under this act.
SECTION 2. A permit shall lapse after ninety days unless the holder renews it in writing.
SECTION 3. The fee for each permit shall be paid to the treasurer of the town.
SECTION 4. The board may adopt rules for the inspection of premises named in a permit.
"""


def test_the_stub_of_a_provision_first_in_the_old_text_stands_before_every_row():
    from lawdiff.render.redline_html import _PageRows

    docs = _docs(FIRST_OLD, FIRST_NEW)
    model = compare(*docs)
    assert _kinds(model)[-1] == ("move", "SECTION 1.", "SECTION 4.") and len(model["changes"]) == 4
    rows = _PageRows(model["changes"])
    assert [(s["i"], s["number"]) for s in rows.top_stubs()] == [(3, 4)]
    assert all(r["stub_after"] == () for r in rows)
    page = render_redline(model, docs=docs)
    for view in ("sbs", "inline"):
        assert page.index(f'id="was-{view}-3"') < page.index(f'id="{view}-0"')


def test_a_renumbered_provision_shows_both_numbers_inline():
    """The inline view's struck and inserted number, made when the page writes it, reads as before."""
    docs = _docs(MOVED_OLD, MOVED_NEW)
    model = compare(*docs)
    rows, _ = _rows(model)
    renumbered = [r for r in rows if r["old"] and r["new"] and r["old"]["num"] != r["new"]["num"]]
    assert renumbered
    for r in renumbered:
        both = str(r["inline_num"])
        assert r["inline_num"] and both == f'<del>{r["old"]["num"]}</del> <ins>{r["new"]["num"]}</ins>', both
        assert str(r["old_num"]) == r["old"]["num"] and str(r["new_num"]) == r["new"]["num"]
    page = render_redline(model, docs=docs)
    assert f'<strong class="num">{renumbered[0]["inline_num"]}</strong>' in page
