"""`lawdiff lineage ID#EID` (issue 24 item 9): which version introduced each phrase of a
provision, across the version graph and refiles, and which struck it."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from lawdiff import Corpus
from lawdiff.cli import main
from lawdiff.diff.lineage import chain, lineage

ROOT = Path(__file__).resolve().parents[1]
SEC40 = "sec_3__qstr_1__sec_40"


def three_versions(folder: Path) -> Path:
    """H.2288 as filed; a new draft giving 60 days instead of 90; its refile giving 30, and
    adding a word to the first line of Section 40.  Written in the bill's printed layout."""
    corpus = folder / "corpus"
    (corpus / "raw").mkdir(parents=True)
    filed = (ROOT / "corpus" / "raw" / "193-h2288.txt").read_text(encoding="utf-8")
    assert filed.count("shall, within 90 \n") == 1
    draft = filed.replace("shall, within 90 \n", "shall, within 60 \n")
    refile = draft.replace("shall, within 60 \n", "shall, within 30 \n").replace(
        "85 Section 40. Notwithstanding any general or special law", "85 Section 40. Notwithstanding any other general or special law")
    for name, text in (("filed", filed), ("draft", draft), ("refile", refile)):
        (corpus / "raw" / f"{name}.txt").write_text(text, encoding="utf-8")
    (corpus / "instruments.toml").write_text('''
[[instrument]]
id = "filed"
kind = "bill"
number = "H.2288"
path = "raw/filed.txt"

[[instrument]]
id = "draft"
kind = "bill"
number = "H.4000"
path = "raw/draft.txt"
version_of = ["filed"]

[[instrument]]
id = "companion"
kind = "bill"
number = "S.1510"
companion = ["draft"]

[[instrument]]
id = "refile"
kind = "bill"
number = "H.5000"
path = "raw/refile.txt"
refiled_from = ["draft"]
''', encoding="utf-8")
    return corpus


def test_each_phrase_says_which_version_put_it_in_and_which_took_it_out(tmp_path):
    corpus = Corpus.load(three_versions(tmp_path))
    assert chain(corpus, "refile") == ["filed", "draft", "refile"]  # the companion is no version
    found = lineage(corpus, "refile", SEC40)
    assert [(v["label"], v["eid"]) for v in found["versions"]] == [("H.2288", SEC40), ("H.4000", SEC40), ("H.5000", SEC40)]
    text = "".join(s["text"] for s in found["segments"])
    assert "within 30 days" in text and text.startswith("Notwithstanding any other general")
    put_in = {s["text"].strip(): s["since"] for s in found["segments"] if s["since"] != "H.2288"}
    assert put_in == {"other": "H.5000", "30": "H.5000"}
    assert found["struck"] == [{"text": "90", "since": "H.2288", "struck_in": "H.4000"},
                               {"text": "60", "since": "H.4000", "struck_in": "H.5000"}]
    # the rest of the section stood in the bill as filed
    assert sum(len(s["text"]) for s in found["segments"] if s["since"] == "H.2288") > 0.95 * len(text)


def test_cli_text_json_and_errors(tmp_path):
    root = three_versions(tmp_path)
    run = lambda *a: CliRunner().invoke(main, ["--corpus", str(root), "lineage", *a])  # noqa: E731
    done = run(f"refile#{SEC40}")
    assert done.exit_code == 0, done.output
    assert done.output.splitlines()[0] == f"refile#{SEC40} across 3 versions: H.2288 → H.4000 → H.5000"
    assert "struck in H.4000: “90” (since H.2288)" in done.output
    assert "struck in H.5000: “60” (since H.4000)" in done.output and "since H.5000: “30”" in done.output
    data = json.loads(run(f"draft#{SEC40}", "--format", "json").output)
    assert [v["id"] for v in data["versions"]] == ["filed", "draft"]
    bad = run("refile#sec_99")
    assert bad.exit_code == 2 and "no provision sec_99 in refile" in bad.output
    assert run("refile").exit_code == 2  # no provision named


def test_a_provision_without_earlier_versions_is_its_own_lineage():
    corpus = Corpus.load(ROOT / "corpus")
    found = lineage(corpus, "193-h2288", SEC40)
    assert [v["id"] for v in found["versions"]] == ["193-h2288"] and found["struck"] == []
    assert {s["since"] for s in found["segments"]} == {"H.2288"}


def test_the_site_shows_each_changed_provisions_history_under_it(tmp_path):
    """The page of each later version carries, under H.2288 § 40 (the one provision whose words
    changed), which version put in and struck what, each step linked to its redline; the bill
    as filed, and every provision with the same words in every version, carry none."""
    import re

    from lawdiff.site.build import build_site
    root = three_versions(tmp_path)
    site = tmp_path / "site"
    first = build_site(Corpus.load(root), site, jobs=1, search=False, pdf=False, cache_dir=tmp_path / "cache")
    pages = {n: (site / "instruments" / f"{n}.html").read_text(encoding="utf-8") for n in ("filed", "draft", "refile")}
    assert 'class="lineage"' not in pages["filed"]
    for name in ("draft", "refile"):
        assert pages[name].count('<details class="lineage"') == 1
    note = re.search(r'<section class="prov prov-section" id="%s".*?(<details class="lineage".*?</details>)' % SEC40,
                     pages["refile"], re.S).group(1)
    assert "<summary>History of this provision: changed in H.4000, changed in H.5000</summary>" in note
    assert "H.2288 → H.4000 → H.5000; 189 of its 191 words stand as H.2288 had them" in note
    steps = re.findall(r"<li>(.*?)</li>", note, re.S)
    assert steps == ['<a href="../redlines/filed--draft.html">H.4000</a> put in <ins>60</ins>; '
                     'struck <del>90</del> (there since H.2288)',
                     '<a href="../redlines/draft--refile.html">H.5000</a> put in <ins>other</ins>, <ins>30</ins>; '
                     'struck <del>60</del> (there since H.4000)']
    for slug in ("filed--draft", "draft--refile"):
        assert (site / "redlines" / f"{slug}.html").exists()
    draft = re.search(r'<details class="lineage".*?</details>', pages["draft"], re.S).group(0)
    assert "H.2288 → H.4000;" in draft and "H.5000" not in draft  # a page looks back, never forward
    # the histories are part of the cached page: a rebuild with nothing changed renders no page again
    again = build_site(Corpus.load(root), site, jobs=1, search=False, pdf=False, cache_dir=tmp_path / "cache")
    assert (first.cached, again.cached) == (0, 9)  # 3 instrument pages, 2 redlines with their Word and JSON files
    assert (site / "instruments" / "refile.html").read_text(encoding="utf-8") == pages["refile"]


def test_a_provision_a_later_version_put_in_says_so(tmp_path):
    """A section the new draft added (its own words, read from the text) is "first in H.4000"."""
    import re

    from lawdiff.site.build import build_site
    root = three_versions(tmp_path)
    draft = (root / "raw" / "draft.txt").read_text(encoding="utf-8")
    added = draft.rstrip() + ("\n\n98 SECTION 4. The secretary shall report on this act to the clerks of the \n\n"
                              "99 house and senate within one year.\n")
    (root / "raw" / "draft.txt").write_text(added, encoding="utf-8")
    site = tmp_path / "site"
    build_site(Corpus.load(root), site, jobs=1, search=False, pdf=False, cache_dir=tmp_path / "cache")
    page = (site / "instruments" / "draft.html").read_text(encoding="utf-8")
    note = re.search(r'<section class="prov prov-section" id="sec_4".*?(<details class="lineage".*?</details>)',
                     page, re.S).group(1)
    assert "<summary>History of this provision: first in H.4000</summary>" in note
    assert "H.2288 (not yet there) → H.4000</p>" in note  # all its words are the draft's: no count to give
    assert '<a href="../redlines/filed--draft.html">H.4000</a> put in this provision' in note


def test_a_split_provision_has_no_history_rather_than_a_wrong_one():
    """A split's tokens cover every part (test_splits: H.2288's (c) split into (c) and (d)):
    neither part's words line up with them, so neither is traced (the page shows no history; the
    step's redline shows the split), and the later part is not taken for new in that version."""
    import pytest

    from lawdiff.diff.changes import compare
    from lawdiff.diff.lineage import Versions
    from lawdiff.errors import LawdiffError
    from test_splits import h2288_split

    old, new = h2288_split()
    model = compare(old, new)
    [split] = [c for c in model["changes"] if c["kind"] == "split"]
    versions = Versions([old, new], ["H.2288", "split"], [model])
    for eid in [split["new"]["eid"]] + [p["eid"] for p in split["parts"]]:
        with pytest.raises(LawdiffError, match="split or joined in split"):
            versions.trace(eid)
