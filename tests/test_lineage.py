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
