"""The provision matrix, checked against the two real texts in corpus/raw/.

Expected texts and line numbers below were read off corpus/raw/193-h2288.txt
(printed line numbers in the margin) and corpus/raw/eo-650.txt.
"""

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from lawdiff import Corpus, LawdiffError
from lawdiff.cli import main
from lawdiff.matrix.locate import locate
from lawdiff.matrix.build import build_matrix
from lawdiff.matrix.topics import load_topics

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
H2288 = CORPUS / "raw" / "193-h2288.txt"
EO650 = CORPUS / "raw" / "eo-650.txt"

SEC40 = "sec_3__qstr_1__sec_40"
MANIFEST_ORDER = [
    "eo-650", "193-h2288", "193-s1510", "194-s1681", "194-h2580", "193-s997", "193-h1401",
    # S.3086 (the other report's Senate text) and the session law were added with the PROTECT Act's
    # chain (issue 14): both reported, without text.
    "194-s1122", "194-h1588", "194-h5316", "194-s3072", "194-s3086", "194-h5620", "acts-2026-163",
    "boston-eo-2026-02-05",
]


def printed_lines(first, last):
    """The words of printed lines first..last of H.2288, margin numbers removed."""
    out = []
    for line in H2288.read_text(encoding="utf-8").splitlines():
        m = re.match(r"\s*(\d+) (.*)", line)
        if m and first <= int(m.group(1)) <= last:
            out.append(m.group(2))
    return " ".join(" ".join(out).split())


def eo_line(n):
    return " ".join(EO650.read_text(encoding="utf-8").splitlines()[n - 1].split())


@pytest.fixture(scope="module")
def topics():
    return load_topics(CORPUS)


@pytest.fixture(scope="module")
def matrix(corpus):
    return build_matrix(corpus)


def cell(matrix, topic, instrument):
    t = next(t for t in matrix["topics"] if t["id"] == topic)
    return next(c for c in t["cells"] if c["instrument"] == instrument)


# -- topics -----------------------------------------------------------------

def test_287g_comes_first_with_the_required_patterns(topics):
    ids = list(topics)
    assert ids[0] == "287g"
    sources = [p.source for p in topics["287g"].patterns]
    for phrase in ("287(g)", "1357(g)", "perform the functions of an immigration officer",
                   "immigration collaboration agreement", "federal civil immigration enforcement functions"):
        assert phrase in sources
    # the other rows the facts file lists
    for tid in ("state-facilities", "courthouse-arrests", "sensitive-locations", "status-questions",
                "custody-interviews", "detainers", "data-sharing", "detention-contracts", "training",
                "complaints-enforcement"):
        assert tid in ids


def test_phrases_match_across_line_wraps_but_not_inside_words(topics):
    t = topics["287g"]
    assert t.matches("shall perform the functions\nof an  immigration officer")
    assert not t.matches("section 11357(g)")
    assert t.matches("8 U.S.C. section 1357(g) or")


# -- locating, against the real texts ---------------------------------------

def test_eo650_287g_new_agreement_rule_and_savings_clause(eo650, topics, corpus):
    found = locate(eo650, topics["287g"])
    assert [p["eid"] for p in found] == ["sec_5", "sec_6"]
    rule, saving = found
    assert rule["role"] == "rule" and saving["role"] == "qualifier"
    assert rule["heading"] == "287(g) Agreements"
    assert rule["lines"] == [50, 52]
    assert rule["text"] == eo_line(52)
    assert "unless the Secretary of the Executive Office of Public Safety and Security certifies in writing" in rule["text"]
    assert "(ii) sunsets not later than 12 months after its issuance." in rule["text"]
    sentences = [s["text"] for s in saving["passages"]]
    renewal = next(s for s in sentences if "renewal" in s)
    assert "to prevent the renewal of an existing agreement under section 287(g) of the federal Immigration and Nationality Act" in renewal
    assert ("Nothing in this Executive Order shall be construed to impact or interfere with any current "
            "operations or agreements of the Department of Correction.") in sentences
    assert saving["text"] == eo_line(56)
    assert saving["qualifies"] == ["sec_5"]


def test_h2288_ban_voiding_and_detention_contract_exception(h2288, topics, corpus):
    found = locate(h2288, topics["287g"])
    assert [p["eid"] for p in found] == [SEC40]
    ban = found[0]
    assert ban["lines"] == [85, 97]
    assert ban["citation"] == "H.2288 SECTION 3, Section 40, lines 85–97"
    # every word of printed lines 85-97, nothing added or dropped
    assert f"{ban['num']} {ban['text']}" == printed_lines(85, 97)
    assert [p["text"] for p in ban["passages"]][0] == "Section 40."
    assert len(ban["passages"]) == 5  # the number, then four sentences
    core = next(p for p in ban["passages"] if p["text"].startswith("Notwithstanding"))
    assert core["lines"] == [85, 89] and core["matched"]
    assert core["text"].endswith("whether pursuant to 8 U.S.C. section 1357(g) or any other law, regulation, or policy, whether formal or informal.")
    void = next(p for p in ban["passages"] if p["text"].startswith("Any agreements in existence"))
    assert void["text"] == ("Any agreements in existence at the time of the passage of the law that are "
                            "inconsistent with this section are null and void.")
    assert void["lines"] == [89, 90]
    notice = next(p for p in ban["passages"] if p["text"].startswith("Any entity"))
    assert notice["lines"] == [90, 92] and "within 90 days" in notice["text"]
    igsa = next(p for p in ban["passages"] if "Inter-Governmental Service Agreement" in p["text"])
    assert igsa["lines"] == [93, 97] and igsa["qualifier"]
    assert igsa["text"] == printed_lines(93, 97)


def test_matches_reported_at_the_smallest_node(h2288, topics, corpus):
    found = locate(h2288, topics["status-questions"])
    eids = [p["eid"] for p in found]
    assert eids[0] == "sec_2__qstr_1__sec_63__subsec_b"
    assert found[0]["lines"] == [19, 24]
    assert "sec_2__qstr_1__sec_63" not in eids and "sec_2" not in eids
    # (d) "The preceding subsections (b) and (c) shall not apply ..." qualifies (b) without
    # using the topic's words
    d = next(p for p in found if p["eid"] == "sec_2__qstr_1__sec_63__subsec_d")
    assert d["role"] == "qualifier"
    assert "sec_2__qstr_1__sec_63__subsec_b" in d["qualifies"]


def test_detention_contracts_found_in_both_places(h2288, topics, corpus):
    found = {p["eid"]: p for p in locate(h2288, topics["detention-contracts"])}
    assert set(found) == {SEC40, "sec_2__qstr_1__sec_63__subsec_d"}
    d = found["sec_2__qstr_1__sec_63__subsec_d"]
    assert d["lines"] == [49, 56]
    assert f"{d['num']} {d['text']}" == printed_lines(49, 56)


def test_eo650_state_facilities(eo650, topics, corpus):
    found = locate(eo650, topics["state-facilities"])
    eids = [p["eid"] for p in found]
    assert eids[:2] == ["sec_2", "sec_3"] or eids[:2] == ["sec_3", "sec_2"]
    roles = {p["eid"]: p["role"] for p in found}
    assert roles["sec_1__defn_state-facility"] == "definition"
    assert roles["preamble__recs_1__rec_8"] == "recital"
    assert "sec_6" in eids  # "Nothing in this Executive Order ..." reaches every section


def test_no_match_where_the_texts_are_silent(eo650, h2288, topics, corpus):
    # Neither text mentions courthouses.
    assert locate(eo650, topics["courthouse-arrests"]) == []
    assert locate(h2288, topics["courthouse-arrests"]) == []


# -- the matrix -------------------------------------------------------------

def test_287g_row_covers_every_instrument_of_the_manifest(matrix, corpus):
    assert list(corpus.entries) == MANIFEST_ORDER
    row = matrix["topics"][0]
    assert row["id"] == "287g"
    assert [c["instrument"] for c in row["cells"]] == MANIFEST_ORDER
    for c in row["cells"]:
        assert c["annotated"], c["instrument"]
        assert c["summary"] and c["status"] in matrix["statuses"]
        if c["has_text"]:
            assert c["basis"] == "checked" and c["provisions"]
        else:
            assert c["basis"] == "reported" and c["provisions"] == []
            assert c["source"]["url"] or c["source"]["name"]
            assert "note" not in c["source"]
    eo, bill = cell(matrix, "287g", "eo-650"), cell(matrix, "287g", "193-h2288")
    assert eo["status"] == "restricts" and bill["status"] == "prohibits"
    assert [p["eid"] for p in eo["provisions"]] == ["sec_5", "sec_6"]
    assert all(p["cited"] for p in eo["provisions"])
    assert cell(matrix, "287g", "194-h5620")["status"] == "text-not-in-corpus"
    assert "UNVERIFIED" in cell(matrix, "287g", "194-h5620")["summary"]


def test_every_cell_of_a_text_in_the_corpus_is_annotated(matrix):
    for topic in matrix["topics"]:
        for c in topic["cells"]:
            if c["has_text"]:
                assert c["annotated"] and c["basis"] == "checked", (topic["id"], c["instrument"])
    assert cell(matrix, "training", "194-s1681")["status"] == "text-not-in-corpus"
    assert not cell(matrix, "training", "194-s1681")["annotated"]


def test_unannotated_cells_say_what_they_are(corpus_copy):
    (corpus_copy / "annotations.toml").unlink()
    m = build_matrix(Corpus.load(corpus_copy), ["training", "courthouse-arrests"])
    assert cell(m, "training", "193-h2288")["status"] == "not-annotated"
    assert cell(m, "training", "193-h2288")["provisions"][0]["eid"] == "sec_2__qstr_1__sec_63__subsec_f"
    assert cell(m, "courthouse-arrests", "eo-650")["status"] == "no-match"
    assert cell(m, "training", "194-s1681")["status"] == "text-not-in-corpus"


def test_selecting_topics_and_instruments(corpus):
    m = build_matrix(corpus, ["287g", "training"], ["193-h2288", "eo-650"])
    assert [t["id"] for t in m["topics"]] == ["287g", "training"]
    assert [c["instrument"] for c in m["topics"][1]["cells"]] == ["193-h2288", "eo-650"]
    with pytest.raises(LawdiffError, match="no topic 'nope'"):
        build_matrix(corpus, ["nope"])
    with pytest.raises(LawdiffError, match="no instrument 'h9999'"):
        build_matrix(corpus, None, ["h9999"])


def test_output_is_deterministic(corpus, matrix):
    from lawdiff.render.matrix_html import render_overview, render_topic_page
    from lawdiff.render.matrix_tables import to_csv, to_markdown
    again = build_matrix(corpus)
    assert json.dumps(again) == json.dumps(matrix)
    assert to_csv(again) == to_csv(matrix) and to_markdown(again) == to_markdown(matrix)
    assert render_overview(again) == render_overview(matrix)
    assert render_topic_page(again, "287g") == render_topic_page(matrix, "287g")


# -- annotations cannot drift from the text --------------------------------

@pytest.fixture
def corpus_copy(tmp_path):
    root = tmp_path / "corpus"
    shutil.copytree(CORPUS, root)
    return root


def test_annotation_citing_a_missing_eid_is_an_error(corpus_copy):
    path = corpus_copy / "annotations.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('cite = ["sec_5", "sec_6"]', 'cite = ["sec_5", "sec_9"]'),
                    encoding="utf-8")
    with pytest.raises(LawdiffError, match="sec_9"):
        build_matrix(Corpus.load(corpus_copy), ["training"])  # any build checks every annotation
    result = CliRunner().invoke(main, ["--corpus", str(corpus_copy), "matrix", "--topic", "287g"])
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0
    assert "annotations.toml" in result.output and "sec_9" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("old,new,problem", [
    ('status = "prohibits"', 'status = "bans"', "status 'bans'"),
    ('basis = "checked"', 'basis = "maybe"', "basis"),
    ('instrument = "193-s1510"', 'instrument = "193-s9999"', "193-s9999"),
    ('cite = ["sec_5", "sec_6"]', 'citee = ["sec_5", "sec_6"]', "annotation 287g/eo-650: unknown key 'citee'"),
])
def test_bad_annotations_are_errors(corpus_copy, old, new, problem):
    path = corpus_copy / "annotations.toml"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    with pytest.raises(LawdiffError, match=re.escape(problem)):
        build_matrix(Corpus.load(corpus_copy))


def test_eids_cannot_be_cited_where_there_is_no_text(corpus_copy):
    path = corpus_copy / "annotations.toml"
    text = path.read_text(encoding="utf-8").replace(
        'instrument = "194-s1681"\nstatus = "prohibits"', 'instrument = "194-s1681"\nstatus = "prohibits"\ncite = ["sec_1"]')
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LawdiffError, match="no text in the corpus"):
        build_matrix(Corpus.load(corpus_copy))


def test_bad_topic_regex_is_an_error(corpus_copy):
    path = corpus_copy / "topics.toml"
    path.write_text(path.read_text(encoding="utf-8").replace("'\\btrain(?:ed|ing|ings)?\\b'", "'train('"),
                    encoding="utf-8")
    with pytest.raises(LawdiffError, match="bad regular expression"):
        build_matrix(Corpus.load(corpus_copy))


# -- exports ----------------------------------------------------------------

def run(*args):
    result = CliRunner().invoke(main, ["--corpus", str(CORPUS), "matrix", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_cli_json_shape():
    data = json.loads(run("--topic", "287g", "--format", "json"))
    (topic,) = data["topics"]
    assert topic["id"] == "287g" and topic["label"]
    assert len(topic["cells"]) == 15  # 13 before S.3086 and Chapter 163 of 2026 joined the manifest (issue 14)
    for c in topic["cells"]:
        assert {"instrument", "status", "summary", "source", "provisions"} <= set(c)
    bill = next(c for c in topic["cells"] if c["instrument"] == "193-h2288")
    (p,) = bill["provisions"]
    assert p["eid"] == SEC40 and p["lines"] == [85, 97]
    assert p["text"].endswith("pays a daily fee for each person detained there.")


def test_cli_instruments_option_naming_nothing_is_refused():
    result = CliRunner().invoke(main, ["matrix", "--instruments", " , "])
    assert result.exit_code == 2
    assert result.output == "lawdiff: --instruments: names no instrument (leave it out for every instrument)\n"


def test_cli_instruments_option():
    data = json.loads(run("--topic", "287g", "--instruments", "193-h2288,eo-650"))
    assert [c["instrument"] for c in data["topics"][0]["cells"]] == ["193-h2288", "eo-650"]


def test_csv_one_row_per_pair_with_citation_and_text():
    rows = list(csv.DictReader(io.StringIO(run("--topic", "287g", "--format", "csv"))))
    assert [r["instrument"] for r in rows] == MANIFEST_ORDER
    bill = rows[1]
    assert bill["status"] == "Prohibits"
    assert bill["citation"] == "H.2288 SECTION 3, Section 40, lines 85–97"  # the eid stays in the JSON
    assert printed_lines(85, 97) in bill["text"]
    assert rows[3]["status"] == "Prohibits (reported)" and rows[3]["basis"] == "reported"
    assert rows[3]["source_url"] == "https://malegislature.gov/Bills/194/S1681"


def test_csv_guards_against_formula_injection():
    from lawdiff.render.matrix_tables import to_csv
    m = {"topics": [{"id": "t", "label": "=1+1", "cells": [{
        "instrument": "x", "label": "+x", "status_label": "Silent", "status": "silent", "basis": "checked",
        "summary": "-2 agreements", "source": {"url": "@SUM(A1)", "date": None, "name": "=HYPERLINK(\"http://e\")"},
        "provisions": []}]}]}
    (row,) = list(csv.DictReader(io.StringIO(to_csv(m))))
    assert row["topic_label"] == "'=1+1"
    assert row["instrument_label"] == "'+x"
    assert row["summary"] == "'-2 agreements"
    assert row["source_url"] == "'@SUM(A1)"
    assert row["source_name"].startswith("'=HYPERLINK")
    assert row["status"] == "Silent"


def test_markdown_table_escapes_and_quotes_exactly():
    from lawdiff.render.matrix_tables import md_escape
    out = run("--topic", "287g", "--format", "md")
    rows = [l for l in out.splitlines() if l.startswith("| ") and not l.startswith("| Instrument")]
    assert len(rows) == 15  # one row per instrument: 15 since S.3086 and the session law were added
    assert all(l.count(" | ") == 5 for l in rows)  # six columns, no stray pipes
    assert md_escape("a|b *c* <x>") == r"a\|b \*c\* \<x\>"
    assert "Nothing in this section shall prohibit the department of correction" in rows[1]


# -- HTML -------------------------------------------------------------------

def test_topic_page_links_cells_to_provision_anchors(matrix):
    from lxml import html as lhtml

    from lawdiff.render.matrix_html import render_topic_page
    page = render_topic_page(matrix, "287g")
    tree = lhtml.fromstring(page)
    hrefs = tree.xpath("//a/@href")
    assert f"../instruments/193-h2288.html#{SEC40}" in hrefs
    assert "../instruments/eo-650.html#sec_5" in hrefs and "../instruments/eo-650.html#sec_6" in hrefs
    assert tree.xpath("//tr[@id='cell-287g--193-h2288']")
    text = tree.text_content()
    assert "lines 93–97" in text  # the detention-contract exception cited on its own lines
    assert "Reported" in tree.xpath("string(//tr[@id='cell-287g--194-s1681'])")


def test_pages_escape_source_text(matrix):
    import copy

    from lawdiff.render.matrix_html import render_topic_page
    m = copy.deepcopy(matrix)
    m["topics"][0]["cells"][0]["summary"] = "<script>alert(1)</script>"
    page = render_topic_page(m, "287g")
    assert "<script>alert" not in page and "&lt;script&gt;" in page


def test_overview_grid_reads_without_colour(matrix):
    from lxml import etree
    from lxml import html as lhtml

    from lawdiff.render.matrix_html import STATUS_STYLE, render_overview
    codes = [code for _, _, code in STATUS_STYLE.values()]
    assert len(set(codes)) == len(codes)  # every status has its own printed code
    tree = lhtml.fromstring(render_overview(matrix))
    svg = tree.xpath("//svg[contains(@class, 'matrix-grid')]")[0]
    cells = svg.xpath(".//a[contains(@href, '#cell-')]")
    # a column for each instrument whose text is in the corpus; the others are folded into a list
    texts = [i for i in matrix["instruments"] if i["has_text"]]
    assert len(cells) == len(matrix["topics"]) * len(texts) == 11 * 5
    first = etree.tostring(cells[0], encoding="unicode")
    assert "287g.html#cell-287g--eo-650" in first and ">Restricts<" in first  # a word, not a code
    legend = tree.xpath("string(//section[@class='legend'])")
    for label in matrix["statuses"].values():
        assert label in legend
    assert "not yet checked" in legend
    assert "287g.html" in tree.xpath("//ul//a/@href")


def test_standalone_html_from_the_cli():
    out = run("--topic", "287g", "--format", "html")
    assert out.startswith("<!doctype html>")
    assert "href=\"../instruments/" not in out  # no site around it
    assert "pays a daily fee for each person detained there." in out


# -- compare view: one cell's provision redlined against another's -----------

def test_287g_compare_redlines_the_eo_rule_against_the_bill_ban(matrix, eo650, h2288):
    comparisons = matrix["topics"][0]["comparisons"]
    # Every pair of the five texts that treat 287(g), in column order, each by its first cited provision.
    texts = ["eo-650", "193-h2288", "193-s1510", "193-s997", "193-h1401"]
    assert [(c["old"]["instrument"], c["new"]["instrument"]) for c in comparisons] == \
        [(a, b) for i, a in enumerate(texts) for b in texts[i + 1:]]
    c = comparisons[0]
    assert (c["old"]["instrument"], c["old"]["eid"]) == ("eo-650", "sec_5")
    assert (c["new"]["instrument"], c["new"]["eid"]) == ("193-h2288", SEC40)
    old_node, new_node = eo650.tree.find("sec_5"), h2288.tree.find(SEC40)
    tokens = [t for ch in c["changes"] for t in ch["tokens"]]
    assert "".join(t for op, t in tokens if op in "=-") == f"{old_node.heading} {old_node.text}"
    assert "".join(t for op, t in tokens if op in "=+") == new_node.text
    shared = " ".join(t for op, t in tokens if op == "=")
    assert "section" in shared and "(g)" in shared
    assert c["shared_words"] > 0 and not c["degraded"]


def test_silent_cells_are_not_compared(matrix):
    det = next(t for t in matrix["topics"] if t["id"] == "detention-contracts")
    # EO 650 is silent on detention contracts: only the four bills' provisions are compared.
    pairs = {(c["old"]["instrument"], c["new"]["instrument"]) for c in det["comparisons"]}
    assert len(pairs) == 6 and not any("eo-650" in pair for pair in pairs)


def test_topic_page_has_no_word_redlines_between_unrelated_instruments(matrix):
    """Issue 24: the "Shared language" redlines ("287" struck, "1357" inserted) are gone from the
    topic page; an instrument's "Compare with" link goes to the side-by-side page."""
    from lxml import html as lhtml

    from lawdiff.render.matrix_html import render_topic_page
    side = {"slug": f"eo-650~sec_5--193-h2288~{SEC40}", "old": "eo-650", "new": "193-h2288",
            "old_label": "EO 650", "new_label": "H.2288"}
    tree = lhtml.fromstring(render_topic_page(matrix, "287g", parallels=[side]))
    assert not tree.xpath("//article[starts-with(@id, 'compare-')]") and not tree.xpath("//del | //ins")
    assert "Shared language" not in tree.text_content()
    for iid, other in (("eo-650", "H.2288"), ("193-h2288", "EO 650")):
        (link,) = tree.xpath(f"//tr[@id='cell-287g--{iid}']//p[@class='compare-link']/a")
        assert link.get("href") == f"../redlines/{side['slug']}.html"
        assert link.text_content() == f"Compare with {other}, side by side"
    assert not tree.xpath("//tr[@id='cell-287g--193-s997']//p[@class='compare-link']")

def test_cli_bad_output_folder_writes_nothing(tmp_path):
    target = tmp_path / "missing" / "m.csv"
    result = CliRunner().invoke(main, ["--corpus", str(CORPUS), "matrix", "--format", "csv", "--out", str(target)])
    assert result.exit_code == 2 and "does not exist" in result.output
    assert not (tmp_path / "missing").exists()


def test_cli_writes_the_csv_file(tmp_path):
    target = tmp_path / "m.csv"
    result = CliRunner().invoke(main, ["--corpus", str(CORPUS), "matrix", "--format", "csv", "--out", str(target)])
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert len(rows) == 11 * 15  # every topic-instrument pair (15 instruments since S.3086 and the session law, issue 14)
    assert list(tmp_path.iterdir()) == [target]  # no temporary file left behind


def test_missing_topics_file_is_an_error(corpus_copy):
    (corpus_copy / "topics.toml").unlink()
    result = CliRunner().invoke(main, ["--corpus", str(corpus_copy), "matrix"])
    assert result.exit_code == 2
    assert "topics.toml: no topics file here" in result.output


@pytest.mark.parametrize("iid", ["eo-650", "193-h2288"])
def test_every_word_of_every_provision_has_its_line(corpus, iid):
    """Sentence citations come from a word-by-word match of each provision against the
    document's line texts; on the real texts it never falls back to the whole provision's span."""
    from lawdiff import load_document
    from lawdiff.matrix.locate import own_word_lines
    doc = load_document(iid, corpus)
    nodes = [n for n in doc.tree.walk() if n.eid and n.lines and n.own_words()]
    assert nodes
    for n in nodes:
        lines = own_word_lines(doc, n)
        assert lines is not None, n.eid
        assert lines == sorted(lines) and n.lines[0] <= lines[0] and lines[-1] <= n.lines[1]


def test_fetching_a_text_keeps_the_matrix_and_the_site_building(corpus_copy, tmp_path):
    """The README's path: `lawdiff fetch` brings texts whose annotations were written from
    reports.  A stand-in for each (the 193rd bill's text, as a refiled bill would read)
    is registered the way fetch registers it; matrix and site still build."""
    from lawdiff.load.fetch import add
    from lawdiff.site.build import build_site

    stand_in = tmp_path / "refiled.txt"
    stand_in.write_bytes((CORPUS / "raw" / "193-h2288.txt").read_bytes())
    for iid in ("194-s1681", "194-h1588"):
        # The stand-in says it is the 193rd General Court's: stored only when forced.
        add(Corpus.load(corpus_copy), stand_in, iid, force=True)
    corpus = Corpus.load(corpus_copy)
    m = build_matrix(corpus, ["287g"])
    s1681 = cell(m, "287g", "194-s1681")
    # the reported annotation stands, beside the ban lawdiff finds in the text, uncited
    assert (s1681["status"], s1681["basis"], s1681["has_text"]) == ("prohibits", "reported", True)
    assert "sec_3__qstr_1__sec_40" in [p["eid"] for p in s1681["provisions"]]
    assert not any(p["cited"] for p in s1681["provisions"])
    # "text not in corpus" was true when written, and is not now
    h1588 = cell(m, "287g", "194-h1588")
    assert (h1588["status"], h1588["annotated"]) == ("not-annotated", False)
    report = build_site(corpus, tmp_path / "site", search=False, pdf=False, cache_dir=tmp_path / "cache")
    assert (tmp_path / "site" / "instruments" / "194-s1681.html").is_file() and report.pages > 16


def test_a_checked_annotation_of_a_text_must_cite_it(corpus_copy):
    path = corpus_copy / "annotations.toml"
    text = path.read_text(encoding="utf-8")
    assert text.count('cite = ["sec_5", "sec_6"]') == 1
    path.write_text(text.replace('cite = ["sec_5", "sec_6"]\n', ""), encoding="utf-8")
    with pytest.raises(LawdiffError, match="eo-650 has text in the corpus, so a checked annotation must cite its eids"):
        build_matrix(Corpus.load(corpus_copy))
