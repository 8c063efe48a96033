"""The redline page holds less while it is written (issue 26: the HTML command's memory), and
writes the same page: the summary and the groups are made again for each reading."""

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


def _plain(row: dict) -> dict:
    out = {k: (str(v) if k.endswith(("_html", "_num")) else v) for k, v in row.items() if k != "stub_after"}
    out["stub_after"] = [s["i"] for s in row["stub_after"]]
    return out


def test_the_page_rows_made_as_written_are_the_rows():
    """``_PageRows`` (the page's rows, made per view) reads as ``_rows``: every field, the moved
    provisions' stubs where they stood, the summary's row ids."""
    from lawdiff.render.redline_html import _PageRows, _row_of

    docs = _docs(MOVED_OLD, MOVED_NEW)
    model = compare(*docs)
    assert any(c["kind"] == "move" for c in model["changes"])
    rows, top = _rows(model)
    lazy = _PageRows(model["changes"])
    for _ in range(2):  # each view reads them again
        assert [_plain(r) for r in lazy] == [_plain(r) for r in rows]
    assert [r["i"] for r in lazy.top_stubs()] == [r["i"] for r in top]
    assert any(r["stub_after"] for r in rows) or top
    whole = _row_of(rows)
    assert all(lazy.row_of()[n]["i"] == whole[n]["i"] for n in whole) and len(lazy.ids) == len(whole)


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
