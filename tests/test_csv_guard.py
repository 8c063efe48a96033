"""CSV cells a spreadsheet would run as a formula are kept as text (issue 25 item 12), also
behind leading spaces, a line break, a no-break or ideographic space, or in full-width signs."""

import csv
import io

import pytest

from lawdiff.render.matrix_tables import spreadsheet_safe, to_csv

GUARDED = [" =1+1", "  +SUM(A1)", "\n=1+1", "\r\n-2+3", "\u00a0=HYPERLINK(\"http://x\")", "\u3000@SUM(A1)",
           "\uff1d1+1", "\uff0bSUM(A1)", "\uff0d1+1", "\uff20SUM(A1)", "=1+1", "\t=1"]
PLAIN = [" the agency", "\u00a0Section 5", "1+1=2", "a = b", ""]


@pytest.mark.parametrize("value", GUARDED)
def test_a_formula_behind_spaces_or_in_full_width_signs_is_text(value):
    assert spreadsheet_safe(value) == "'" + value


@pytest.mark.parametrize("value", PLAIN)
def test_other_cells_are_unchanged(value):
    assert spreadsheet_safe(value) == value


def test_the_csv_guards_every_such_cell():
    matrix = {"topics": [{"id": "t", "label": "\u00a0=1+1", "description": "", "cells": [{
        "instrument": "x", "label": "\uff1dcmd", "status_label": "Silent", "status": "silent", "basis": "checked",
        "summary": "\n+2", "source": {"url": " @SUM(A1)", "date": None, "name": "\u3000-1"},
        "provisions": [{"citation": "\uff0bc", "eid": "e", "num": "(a)", "heading": None, "text": "x"}]}]}]}
    row = next(csv.DictReader(io.StringIO(to_csv(matrix).lstrip("\ufeff"))))
    assert {k: row[k] for k in ("topic_label", "instrument_label", "summary", "source_url", "source_name")} == {
        "topic_label": "'\u00a0=1+1", "instrument_label": "'\uff1dcmd", "summary": "'\n+2",
        "source_url": "' @SUM(A1)", "source_name": "'\u3000-1"}
    assert row["citation"].startswith("'\uff0bc")
