"""Score the citator against amending instructions a person read: chapter, section, action.

    python bench/citator_sample.py [SAMPLE.toml] [--show]

SAMPLE.toml defaults to bench/real/instructions-sample.toml (the "sample" engineer's reading
of SECTIONs drawn at random from the 193rd session: see its header for how they were drawn
and read); the records are read from ../shared/sources/sessions/193 (``file`` is relative to
it).  For each drawn SECTION the instructions lawdiff reads are matched to the person's by
their order in the SECTION (``index``), and it counts:

- right on chapter, on section (``target_section``; null where a new section is inserted)
  and on action, and on all three;
- **guessed**: lawdiff names a code, chapter or section the person left null (the words do
  not say it): the goal is none;
- unread: lawdiff gives ``target: null`` where the person read one (a miss, not a guess);
- instructions lawdiff found that the person did not (in SECTIONs that amend nothing, or
  beyond the person's count), and ones it missed.

``--show`` prints every disagreement.  Goal (issue #23): >= 98 % right on chapter, section
and action; none guessed.
"""

from __future__ import annotations

import sys
import time
import tomllib
from collections import defaultdict
from pathlib import Path

from lawdiff.cite import instructions
from lawdiff.load.documents import load_document
from lawdiff.load.manifest import Corpus

HERE = Path(__file__).resolve().parent
SESSION = HERE.parent / ".." / "shared" / "sources" / "sessions" / "193"


def _ours(item: dict | None) -> dict:
    """Our reading in the sample's terms (a new chapter: ``chapter`` is the new chapter)."""
    t = (item or {}).get("target")
    if t is None:
        return {"code": None, "chapter": None, "target_section": None, "action": item and item["action"],
                "unread": item is not None}
    # several sections ("sections 9 and 10", "sections 3 through 5") as a person writes them: "9, 10", "3, 4, 5"
    listed = t.get("sections") if len(t.get("sections") or []) > 1 else None
    return {"code": t.get("code"), "chapter": t.get("chapter"),
            "target_section": ", ".join(listed) if listed else t.get("section"),
            "action": item["action"], "other": t.get("other"), "unread": False}


def _same(a: str | None, b: str | None) -> bool:
    """Equal as printed, spaces and case aside ("25N ½" and "25N½"; "5k" as a bill prints it and "5K")."""
    return (a or "").replace(" ", "").casefold() == (b or "").replace(" ", "").casefold()


def main(argv: list[str]) -> int:
    show = "--show" in argv
    args = [a for a in argv if a != "--show"]
    sample_path = Path(args[0]) if args else HERE / "real" / "instructions-sample.toml"
    if not sample_path.is_file():
        print(f"{sample_path}: no such file (the person-read sample; give its path)", file=sys.stderr)
        return 2
    sample = tomllib.loads(sample_path.read_text(encoding="utf-8"))
    corpus = Corpus(root=SESSION, entries={}, comparisons=[])
    expected: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for ins in sample.get("instruction", []):
        expected[(ins["file"], ins["section"])].append(ins)
    cache: dict[str, list[dict]] = {}
    n = 0
    right = {"chapter": 0, "section": 0, "action": 0, "all": 0}
    guessed = unread = extra = missed = 0
    lines: list[str] = []
    start = time.perf_counter()
    drawn = [(sec["file"], sec.get("section", "")) for sec in sample.get("section", [])]
    # a drawn paragraph that turned out to hold several SECTIONs lists their instructions under each
    drawn += [key for key in expected if key not in set(drawn)]
    for file, number in drawn:
        if file not in cache:
            cache[file] = instructions(load_document(str(SESSION / file), corpus))
        ours = [i for i in cache[file] if i["section"] == number]
        ours = [i for i in ours if i["eid"] == ours[0]["eid"]]  # a number printed twice: the first, as read
        theirs = sorted(expected.get((file, number), []), key=lambda i: i["index"])
        if len(ours) > len(theirs):
            extra += len(ours) - len(theirs)
            lines.append(f"EXTRA  {file} SECTION {number}: {len(ours)} read, the person read {len(theirs)}: "
                         + "; ".join(i["evidence"][:90] for i in ours[len(theirs):]))
        for k, exp in enumerate(theirs):
            got = _ours(ours[k] if k < len(ours) else None)
            if k >= len(ours):
                missed += 1
            n += 1
            ok = {"chapter": _same(got["chapter"], exp.get("chapter")),
                  "section": _same(got["target_section"], exp.get("target_section")),
                  "action": got["action"] == exp.get("action")}
            for key, good in ok.items():
                right[key] += good
            right["all"] += all(ok.values())
            unread += got["unread"]
            guess = [f for f, mine in (("code", got["code"]), ("chapter", got["chapter"]),
                                        ("section", got["target_section"]))
                     if mine is not None and exp.get("target_section" if f == "section" else f) is None]
            guessed += bool(guess)
            if not all(ok.values()) or guess:
                lines.append(
                    f"{'GUESS ' if guess else 'WRONG ' if not got['unread'] else 'UNREAD'} {file} SECTION {number} "
                    f"#{exp['index']}: person {exp.get('code')} c.{exp.get('chapter')} s.{exp.get('target_section')} "
                    f"{exp.get('action')}; lawdiff {got['code']} c.{got['chapter']} s.{got['target_section']} "
                    f"{got['action']}" + (f" [{ours[k].get('warning')}]" if k < len(ours) and ours[k].get('warning') else "")
                    + f"\n       {exp.get('evidence', '')}")
    elapsed = time.perf_counter() - start
    pct = {k: 100 * v / max(1, n) for k, v in right.items()}
    print(f"{sample_path.name}: {len(sample.get('section', []))} drawn SECTIONs, {n} instructions read by a person "
          f"({elapsed:.1f} s)")
    print(f"right: chapter {right['chapter']}/{n} ({pct['chapter']:.1f} %), section {right['section']}/{n} "
          f"({pct['section']:.1f} %), action {right['action']}/{n} ({pct['action']:.1f} %), "
          f"all three {right['all']}/{n} ({pct['all']:.1f} %)")
    print(f"guessed (a value the words do not give): {guessed}; unread (target null): {unread}; "
          f"missed: {missed}; found beyond the person's: {extra}")
    if show:
        print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
