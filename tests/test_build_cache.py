"""The build cache is not the published site (issue 25 item 7): every file of a build is its
own, so a page edited in place in build/ changes neither the cache nor the next build."""

import os
import shutil

from helpers import CORPUS

from lawdiff import Corpus
from lawdiff.site.build import build_site
from lawdiff.site.search import pagefind_binary


def test_an_edited_built_page_does_not_survive_a_rebuild(tmp_path):
    shutil.copytree(CORPUS, tmp_path / "corpus")
    corpus, out, cache = Corpus.load(tmp_path / "corpus"), tmp_path / "build", tmp_path / "cache"
    search = pagefind_binary() is not None
    build_site(corpus, out, search=search, pdf=False, jobs=1, cache_dir=cache)
    files = sorted(p for p in out.rglob("*") if p.is_file())
    pages = [p for p in files if p.parent.name in ("redlines", "instruments")]
    assert pages and all(os.stat(p).st_nlink == 1 for p in files), \
        [p.relative_to(out).as_posix() for p in files if os.stat(p).st_nlink > 1][:5]
    edited = pages[:2] + [p for p in files if "pagefind" in p.parts][:1]
    before = {p: p.read_bytes() for p in edited}
    for page in edited:  # in place: the same file, new bytes
        with open(page, "r+b") as f:
            f.write(b"DEFACED")
    shutil.rmtree(out)
    build_site(corpus, out, search=search, pdf=False, jobs=1, cache_dir=cache)
    assert {p: p.read_bytes() for p in edited} == before
