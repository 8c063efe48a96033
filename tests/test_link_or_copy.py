"""files.link_or_copy, the one way a site build places a file: a hard link, else a copy."""

import os

from lawdiff import files


def test_links_where_it_can(tmp_path):
    src = tmp_path / "page.html"
    src.write_bytes(b"<p>x</p>")
    dest = tmp_path / "site" / "deep" / "page.html"
    files.link_or_copy(src, dest)  # the folders are made
    assert dest.read_bytes() == b"<p>x</p>" and os.path.samefile(src, dest)


def test_copies_where_no_link_can_be_made(tmp_path, monkeypatch):
    def no_link(*args, **kwargs):
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr(files.os, "link", no_link)
    src = tmp_path / "page.html"
    src.write_bytes(b"<p>x</p>")
    dest = tmp_path / "site" / "page.html"
    files.link_or_copy(src, dest)
    assert dest.read_bytes() == b"<p>x</p>" and not os.path.samefile(src, dest)


def test_copy_file_makes_a_file_of_its_own(tmp_path, monkeypatch):
    src = tmp_path / "page.html"
    src.write_bytes(b"<p>cached</p>" * 1000)
    for case in ("kernel", "python"):
        if case == "python":
            monkeypatch.delattr(files.os, "copy_file_range")
        dest = tmp_path / case / "page.html"
        files.copy_file(src, dest)
        assert dest.read_bytes() == src.read_bytes() and not os.path.samefile(src, dest)
        with open(dest, "r+b") as f:  # an edit in place of the copy leaves the original
            f.write(b"EDITED")
        assert src.read_bytes() == b"<p>cached</p>" * 1000
