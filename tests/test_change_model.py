"""The change model's schema (diff/change-model.schema.json) against every JSON the tests can make.

Every ``lawdiff diff --format json`` of the pairs the site publishes, generated omnibus
pairs with moves and displaced pairs, refile-style edits of H.2288 (a move, a renumbering),
splits and joins (tests/test_splits.py),
a provision against a provision, a whole document against one provision, a degraded pair:
each validates, reads back through ``ChangeModel.from_dict`` to the same JSON, and the set
as a whole holds every kind, a displaced pair and a not-compared zone, so that no part of
the schema goes unchecked.  A model the schema must refuse is refused.
"""

import copy
import json
import subprocess
import sys

import jsonschema
import pytest
from helpers import CORPUS, ROOT, omnibus
from helpers.h2288_edits import bill, printed_lines
from test_changes import definition_moved, section_inserted
from test_splits import join_model, split_model

from lawdiff.diff.changes import compare
from lawdiff.diff.model import KIND_WORDS, SCHEMA, ChangeKind, ChangeModel, schema_text
from lawdiff.load.documents import parse_bytes
from lawdiff.render import jsonout
from lawdiff.site.comparisons import comparisons

SEC40 = "sec_3__qstr_1__sec_40"


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(schema_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$id"] == SCHEMA
    return jsonschema.Draft202012Validator(schema)


def cli_json(*args):
    run = subprocess.run([sys.executable, "-m", "lawdiff", "--corpus", str(CORPUS), "diff", *args, "--format", "json"],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    return run.stdout


@pytest.fixture(scope="module")
def outputs(corpus, h2288):
    """name -> the JSON text of one change model."""
    out = {}
    for c in comparisons(corpus):  # what the site publishes, as the CLI prints it
        out[c.slug] = cli_json(c.old.ref, c.new.ref)
    out["h2288 whole against EO 650 Section 5"] = cli_json("193-h2288", "eo-650#sec_5")
    for seed in (1, 4):  # these seeds move sections and displace pairs
        old, new = omnibus.generate(80, seed=seed, moved=0.06, struck=0.03, inserted=0.03).texts()
        model = compare(parse_bytes(old, f"old-{seed}.txt"), parse_bytes(new, f"new-{seed}.txt"))
        out[f"omnibus seed {seed}"] = jsonout.dumps(model)
    body = printed_lines()[1]
    for edit in (definition_moved, section_inserted):
        out[edit.__name__] = jsonout.dumps(compare(h2288, bill(edit(body))))
    shouted = [" ".join(w.upper() if i % 5 == 0 else w for i, w in enumerate(s.split(" "))) for s in body]
    out["degraded"] = jsonout.dumps(compare(h2288, bill(shouted), timeout=1e-9))
    out["splits and a join"] = jsonout.dumps(split_model())
    out["joins and a split"] = jsonout.dumps(join_model())
    return out


def test_every_model_validates_and_reads_back(validator, outputs):
    for name, text in outputs.items():
        model = json.loads(text)
        errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(model)]
        assert not errors, (name, errors[:3])
        assert model["schema"] == SCHEMA
        assert jsonout.dumps(ChangeModel.from_dict(model).to_dict()) == text.rstrip("\n"), name


def test_the_models_exercise_the_whole_schema(outputs):
    models = [json.loads(text) for text in outputs.values()]
    changes = [c for m in models for c in m["changes"]]
    assert {c["kind"] for c in changes} == {k.value for k in ChangeKind}
    assert any(c["displaced"] for c in changes)
    assert any(c["degraded"] for c in changes)
    assert any(m["not_compared"] for m in models)
    assert any(c.get("parts") for c in changes)
    assert any(c["old"] and c["old"]["eid"] is None and c["old"]["order"] is None for c in changes)
    assert any(c["token_lines"] is None for c in changes) and any(c["token_lines"] for c in changes)


def test_site_pairs_are_all_there(corpus, outputs):
    assert {c.slug for c in comparisons(corpus)} <= set(outputs)
    assert "eo-650~sec_5--193-h2288~sec_3__qstr_1__sec_40" in outputs  # a provision pair


@pytest.mark.parametrize("spoil, why", [
    (lambda m: m["changes"][0].update(kind="amend"), "a kind the model does not have"),
    (lambda m: m["changes"][0].pop("displaced"), "a change without a required field"),
    (lambda m: m["changes"][0].update(colour="red"), "a field the model does not have"),
    (lambda m: m["changes"][0]["tokens"].append(["*", "x"]), "a token op that is none of = - +"),
    (lambda m: m["changes"][0].update(kind="insert"), "an insertion with an old side"),
    (lambda m: m["changes"][0]["old"].update(lines=[85]), "lines that are not [first, last]"),
    (lambda m: m.update(schema="urn:lawdiff:change-model:0"), "another version"),
    (lambda m: m["stats"].pop("renumbered"), "stats missing a count"),
])
def test_the_schema_refuses_a_broken_model(validator, outputs, spoil, why):
    model = json.loads(outputs["definition_moved"])
    assert validator.is_valid(model)
    spoil(model)
    assert not validator.is_valid(model), why


def _first(model, kind):
    return next(c for c in model["changes"] if c["kind"] == kind)


@pytest.mark.parametrize("spoil, why", [
    (lambda m: _first(m, "split").pop("parts"), "a split without its parts"),
    (lambda m: _first(m, "join").pop("breaks"), "a join without its breaks"),
    (lambda m: _first(m, "split").update(parts=[]), "a split of one part"),
    (lambda m: _first(m, "insert").update(parts=[], breaks=[]), "parts on a change that is no split or join"),
    (lambda m: _first(m, "split").update(new=None), "a split without its new side"),
    (lambda m: m["stats"].pop("join"), "stats without the join count"),
])
def test_the_schema_refuses_a_broken_split(validator, outputs, spoil, why):
    model = json.loads(outputs["splits and a join"])
    assert validator.is_valid(model)
    spoil(model)
    assert not validator.is_valid(model), why


def test_every_kind_has_its_words():
    assert set(KIND_WORDS) == set(ChangeKind)
    assert KIND_WORDS["modify"].title == "Amended" and KIND_WORDS["delete"].plain == "deleted"
    assert KIND_WORDS[ChangeKind.MODIFY].note == "Changed"


def test_refs_carry_order_depth_and_type_from_the_tree(h2288):
    """Against itself: H.2288's provisions in document order, each with its nesting as printed:
    SECTION 2 is a section (depth 0); its quoted Section 63's subsection (a) is enclosed by
    SECTION 2 and Section 63 (the quoted structure has no words: it does not count)."""
    model = compare(h2288, h2288)
    refs = [c["new"] for c in model["changes"]]
    assert [r["order"] for r in refs] == list(range(len(refs)))
    by_eid = {r["eid"]: r for r in refs}
    assert by_eid["sec_2"]["type"] == "section" and by_eid["sec_2"]["depth"] == 0
    assert by_eid["sec_2__qstr_1__sec_63"]["depth"] == 1
    assert by_eid["sec_2__qstr_1__sec_63__subsec_a"]["type"] == "subsection"
    assert by_eid["sec_2__qstr_1__sec_63__subsec_a"]["depth"] == 2
    assert not any(c["displaced"] for c in model["changes"])


def test_a_moved_section_displaces_what_came_along():
    """A section moved with its subsections: the section is the move; its subsections are
    paired in place among their own siblings, so only the order of the whole text shows them
    out of place: ``displaced``."""
    def text(order):
        return "\n".join(f"SECTION {k}. The {w} rules of the office.\n(a) The {w} first part applies to every agency.\n"
                         f"(b) The {w} second part applies to every officer." for k, w in order).encode()
    words = ["harbour", "licence", "pension", "forestry", "quarry"]
    old = parse_bytes(text(list(enumerate(words, 1))), "old.txt")
    moved = [words[0], words[2], words[3], words[4], words[1]]  # "licence" moved to the end
    new = parse_bytes(text(list(enumerate(moved, 1))), "new.txt")
    model = compare(old, new)
    kinds = {c["new"]["eid"]: (c["kind"], c["displaced"]) for c in model["changes"]}
    assert kinds["sec_5"] == ("move", False)
    assert kinds["sec_5__subsec_a"][1] and kinds["sec_5__subsec_b"][1]
    assert not any(displaced for eid, (_, displaced) in kinds.items() if not eid.startswith("sec_5"))


def test_to_dict_keeps_the_json_in_its_order(outputs):
    model = json.loads(outputs["definition_moved"])
    assert list(model) == ["schema", "old", "new", "degraded", "not_compared", "stats", "changes"]
    assert list(model["changes"][0]) == ["kind", "old", "new", "tokens", "heading", "degraded", "renumbered",
                                         "matched_by", "token_lines", "token_last_lines", "displaced"]
    assert list(model["changes"][0]["old"]) == ["eid", "num", "term", "lines", "type", "order", "depth"]
    assert copy.deepcopy(model) == ChangeModel.from_dict(model).to_dict()


def test_a_moved_provision_stub_stands_after_its_old_predecessor():
    """The site's redline puts a "stood here" stub after the provision that preceded the moved
    one in the old document: from the model's old order, so a subsection printed on its
    section's first line follows that section (sorting by first line put it before)."""
    import lxml.html

    from lawdiff.render.redline_html import render_redline

    # Each SECTION keeps its own (b), so the SECTIONs stay in place and the (a) printed on their
    # first line moves (a whole SECTION moved with its words pairs with them instead: issue #22).
    def text(order):
        return "\n".join(f"SECTION {n}. (a) The clause of section {k} about subject {k * 7} with enough words "
                         f"to be found again.\n(b) Section {n} takes effect on day {n * 3} of the year."
                         for n, k in enumerate(order, 1)).encode()
    old = parse_bytes(text(range(1, 9)), "old.txt")
    new = parse_bytes(text([1, 2, 6, 3, 4, 5, 7, 8]), "new.txt")
    model = compare(old, new)
    moved = [i for i, c in enumerate(model["changes"]) if c["kind"] == "move"]
    assert moved
    page = lxml.html.fromstring(render_redline(model))
    rows = [tr.get("id") for tr in page.get_element_by_id("view-sbs").iter("tr") if tr.get("id")]
    in_old = [i for _, i in sorted((c["old"]["order"], i) for i, c in enumerate(model["changes"]) if c["old"])]
    shared = 0
    for i in moved:
        before = in_old[in_old.index(i) - 1]
        assert rows[rows.index(f"was-sbs-{i}") - 1] == f"sbs-{before}"
        shared += model["changes"][before]["old"]["lines"][0] == model["changes"][i]["old"]["lines"][0]
    assert shared  # the case sorting by first line got wrong: "SECTION 6. (a) ..." on one line
