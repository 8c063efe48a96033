"""How a person reads an instruction: "inserts G.L. c. 126 § 40", "repeals Acts 2012 c. 238 § 30".

Used by ``lawdiff amends --format text|md`` and the instrument page's SECTION labels."""

from __future__ import annotations


def cite(target: dict | None, new: str | list | None = None) -> str:
    """The law as staff cite it: "G.L. c. 40 § 22A(b)", "Acts 2023 c. 7 § 102", "G.L. c. 121H"
    (a new chapter); ``new`` (an instruction's ``inserts``) stands for the section."""
    if target is None:
        return "(not read)"
    code = target.get("code") or target.get("other") or "(code not named)"
    if target.get("new_chapter"):
        return f"{code} c. {target.get('chapter')}"
    if code == "Acts" or code == "Special Acts":
        head = f"{code} {target.get('year') or '?'}"
    else:
        head = code
    chapter = target.get("chapter")
    section = target.get("section")
    if chapter is None and new and section is None:
        return f"{head} c. {_nums(new)}"  # "The General Laws are hereby amended by inserting ... chapter"
    out = f"{head} c. {chapter}" if chapter else head
    if target.get("article") and not chapter:
        out += f" art. {target['article']}"
    if section is None and new:
        many = isinstance(new, list)
        return f"{out} {'§§' if many else '§'} {_nums(new)}"
    if section is not None:
        sections = target.get("sections_named") or target.get("sections")  # "§§ 32–51", never "§§ 32, 51"
        out += f" §§ {', '.join(sections)}" if sections else f" § {section}"
        if target.get("subsection"):
            out += target["subsection"] if target["subsection"].startswith("(") else f", subsection {target['subsection']}"
    for unit in ("paragraph", "clause", "item", "sentence"):
        value = target.get(unit)
        if value:
            out += f", {value} {unit}" if not value[:1].isdigit() and not value.startswith("(") and unit != "item" \
                else f", {unit} {value}"
    return out


def _nums(new: str | list) -> str:
    return ", ".join(new) if isinstance(new, list) else str(new)


def describe(item: dict) -> str:
    """What one instruction does, in a few words: "inserts G.L. c. 126 § 40"."""
    target, action, new = item.get("target"), item["action"], item.get("inserts")
    if target is None:
        return "amends a law the words do not name plainly"
    where = item.get("where") or {}
    part = where.get("part")
    if action in ("insert", "add") and new:
        return f"{'inserts' if action == 'insert' else 'adds'} {cite(target, new)}"
    if action == "insert":
        return f"inserts words in {cite(target)}" + (f" after {where['after']}" if where.get("after") else "")
    if action == "add":
        return f"adds to {cite(target)}"
    if action == "replace":
        if part and part.lower().startswith("section"):
            return f"replaces {cite(target)}"
        return f"replaces {part or 'words'} in {cite(target)}"
    if action == "strike":
        if part and part.lower().startswith("section"):
            return f"strikes {cite(target)}"
        return f"strikes {part or 'words'} from {cite(target)}"
    if action == "repeal":
        return f"repeals {cite(target)}"
    return f"amends {cite(target)}"


def describe_motion(item: dict) -> str:
    """What one floor amendment's instruction does to the bill, and what its inserted text amends:
    "inserts a section after section _ (it adds to Acts 2020 c. 358 § 18)", "strikes lines 10–12 in section 3"."""
    t, where, action = item["target"], item.get("where") or {}, item["action"]
    place = f"section {t['section']}" if t.get("section") else "the text"
    lines = where.get("lines")
    at = lines_text(lines)
    new = item.get("inserts")
    if action in ("insert", "add") and new:
        what = "sections" if new.endswith("s") else f"a {new}"
        out = f"{'inserts' if action == 'insert' else 'adds'} {what}" + (
            f" after {where['after']}" if where.get("after") else " at the end" if action == "add" else "")
    elif action == "insert":
        out = f"inserts words in {place}" + (f", {at}" if at else "") + (
            f" after {where['after']}" if where.get("after") else "")
    elif action == "add":
        out = f"adds to {place}"
    elif action in ("replace", "strike"):
        part = where.get("part")
        whole = part and part.lower().startswith("section")
        verb = "replaces" if action == "replace" else "strikes"
        if whole:
            out = f"{verb} {part}"
        else:
            thing = f"“{where['words']}”" if where.get("words") else part or at or "words"
            out = f"{verb} {thing} in {place}" + (f", {at}" if at and thing != at else "")
    else:
        out = f"amends {place} (what it does is not read)"
    laws = item.get("laws") or []
    if laws:
        out += " (" + "; ".join(f"SECTION {law['section']} {describe(law)}" for law in laws) + ")"
    return out


def lines_text(lines: list[int] | None) -> str:
    """An instruction's ``where.lines`` in words, each run of consecutive lines as a range: [5, 120]
    is "lines 5 and 120", [27, 28] "lines 27–28", [10] "line 10"; "" for none."""
    if not lines:
        return ""
    runs: list[list[int]] = []
    for n in lines:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    parts = [f"{r[0]}–{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs]
    word = "line" if len(lines) == 1 else "lines"
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"{word} {listed}"
