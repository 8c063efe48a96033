"""The ``lawdiff`` command: a thin layer over the functions a Python user can call too."""

from __future__ import annotations

import re
import signal
import sys
import threading
from pathlib import Path

from typing import TYPE_CHECKING

import click

from lawdiff.errors import LawdiffError

# Each command imports the stages it needs when it runs: `lawdiff --help` and `--version`
# start in a tenth of a second (bench/bench_startup.py), not after loading lxml and the parsers.
if TYPE_CHECKING:
    from lawdiff.load.manifest import Corpus


class _OneLine(click.ClickException):
    """Every usage error and every bad input: one line on stderr, exit status 2."""

    exit_code = 2

    def show(self, file=None) -> None:
        click.echo(f"lawdiff: {self.format_message()}", err=True)


# `lawdiff` alone prints the help (exit 2), as Click does; older Clicks print it before raising.
_HELP = getattr(click.exceptions, "NoArgsIsHelpError", ())


def _one_line(e: click.ClickException) -> click.ClickException:
    if isinstance(e, _HELP):
        return e
    message = e.format_message()
    if isinstance(e, click.UsageError) and not isinstance(e, click.BadParameter) and e.ctx is not None:
        # An unknown option, command or extra argument: say where the right ones are listed.
        message = f"{message.rstrip('.')} (see '{e.ctx.command_path} --help')"
    return _OneLine(message)


class _Group(click.Group):
    """Bad input ends in one line naming the file and the problem, and exit status 2; so does
    every usage error (unknown option or command, missing argument, bad choice or value),
    where Click would print a four-line usage block."""

    def make_context(self, info_name, args, parent=None, **extra):
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except click.ClickException as e:  # the options before the subcommand
            raise _one_line(e) from None

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except LawdiffError as e:
            raise _OneLine(str(e)) from None
        except _OneLine:
            raise
        except click.ClickException as e:  # the subcommand's arguments, or a usage error it raised
            raise _one_line(e) from None


def _show_version(ctx: click.Context, param, value: bool) -> None:
    """``lawdiff 0.1.0 (/where/it/is/lawdiff, Python 3.11.2 /where/python/is)``: which copy runs."""
    if not value or ctx.resilient_parsing:
        return
    import lawdiff

    click.echo(f"lawdiff {lawdiff.__version__} ({Path(lawdiff.__file__).parent}, "
               f"Python {sys.version.split()[0]} {sys.executable})")
    ctx.exit()


@click.group(cls=_Group)
@click.option("--corpus", "corpus_dir", type=click.Path(file_okay=False, path_type=Path),
              envvar="LAWDIFF_CORPUS", default="corpus", show_default=True,
              help="Folder holding instruments.toml and the raw texts.")
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_show_version,
              help="Show the version, where this copy of lawdiff is installed, and exit.")
@click.pass_context
def main(ctx: click.Context, corpus_dir: Path) -> None:
    """Compare legislative instruments: provision trees, redlines, provision matrices."""
    ctx.obj = {"corpus_dir": corpus_dir}


def corpus_option(command):
    """``--corpus`` after the subcommand too (``lawdiff parse X --corpus DIR``); it wins over one before."""
    def store(ctx: click.Context, param, value: Path | None):
        if value is not None:
            ctx.obj["corpus_dir"] = value
    return click.option("--corpus", type=click.Path(file_okay=False, path_type=Path), expose_value=False,
                        callback=store, help="Folder holding instruments.toml and the raw texts.")(command)


def corpus_from(ctx: click.Context, required: bool = False) -> Corpus:
    """The corpus named by --corpus.  Where it has no manifest and none is required, an empty
    corpus: files still parse, and no other folder's corpus is consulted behind the user's back."""
    from lawdiff.load.manifest import Corpus

    try:
        return Corpus.load(ctx.obj["corpus_dir"])
    except LawdiffError:
        if required or (ctx.obj["corpus_dir"] / "instruments.toml").exists():
            raise
        return Corpus(root=ctx.obj["corpus_dir"], entries={}, comparisons=[])


def emit(data, out: Path | None) -> None:
    """Write ``data`` (text, bytes, or a binary file read from where it stands) to ``out`` (whole, or
    into a pipe or device it names), or to standard output."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    if out is None:
        from lawdiff.files import pieces

        for piece in pieces(data):
            sys.stdout.buffer.write(piece)
        sys.stdout.flush()
    else:
        from lawdiff.files import write_output

        write_output(out, data)


# An output larger than this goes through a temporary file on disk (``emit_spooled``).
_SPOOL = 1 << 20


def emit_spooled(write, out: Path | None) -> None:
    """``emit`` for an output that may be large: ``write(fp)`` puts it into a temporary file (in
    memory up to ``_SPOOL`` bytes, on disk beyond), which then goes whole to ``out`` or standard
    output.  Nothing reaches either before the output is complete, and the process never holds
    it all: a redline's JSON or page at 30,000 sections is 47 or 100 MB (issue 26: memory)."""
    import io
    import tempfile

    with tempfile.SpooledTemporaryFile(max_size=_SPOOL) as spool:
        try:
            write(spool)
        except OSError:
            # no room for the temporary file (a full, missing or read-only temporary folder): the output is held in
            # memory instead, as it was before the spool, rather than refused
            held = io.BytesIO()
            try:
                write(held)
            except OSError as e:
                raise LawdiffError(str(out) if out else "standard output",
                                   f"cannot write the output: {e.strerror or e}") from None
            emit(held.getvalue(), out)
            return
        spool.seek(0)
        emit(spool, out)


def to_json(obj: object) -> str:
    from lawdiff.render import jsonout

    return jsonout.dumps(obj) + "\n"  # json.dumps(obj, ensure_ascii=False, indent=2), faster


def to_json_bytes(obj: object) -> bytes:
    """``to_json(obj)`` as UTF-8, built without the whole string (a third of the memory)."""
    from lawdiff.render import jsonout

    return jsonout.dumps_utf8(obj)


@main.command("parse")
@corpus_option
@click.argument("ref")
@click.option("--format", "fmt", type=click.Choice(["json", "text", "akn", "pdf"]), default="json", show_default=True,
              help="akn: Akoma Ntoso 3.0 XML (lawdiff parse FILE.xml reads it back); pdf: the printable page (needs --out).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write here instead of standard output.")
@click.pass_context
def parse_command(ctx: click.Context, ref: str, fmt: str, out: Path | None) -> None:
    """Parse REF (a file or a corpus id) into its provision tree."""
    from lawdiff.load.documents import load_document

    _check_binary_out(fmt, out)
    doc = load_document(ref, corpus_from(ctx))
    if fmt == "akn":
        from lawdiff.render.akn import to_akn

        emit(to_akn(doc), out)
    elif fmt == "pdf":
        from lawdiff.render.pdf import instrument_pdf

        emit(instrument_pdf(doc), out)
    elif fmt == "json":
        emit(to_json_bytes(doc.to_dict()), out)
    else:
        from lawdiff.render.outline import outline

        emit(outline(doc), out)


@main.command("fetch")
@corpus_option
@click.argument("ids", nargs=-1)
@click.option("--all", "all_", is_flag=True, help="Every instrument of the manifest with an official URL.")
@click.option("--base-url", envvar="LAWDIFF_BASE_URL",
              help="Fetch from this scheme://host instead of the official sites (a mirror).")
@click.option("--force", is_flag=True, help="Download again even when the file on disk matches the manifest.")
@click.option("--max-mb", type=float, default=100, show_default=True, help="Refuse larger downloads.")
@click.option("--timeout", type=float, default=60, show_default=True,
              help="Seconds the command's downloads may take in all, from its start.")
@click.option("--versions", is_flag=True,
              help="Follow each bill through the texts the legislature says it became (and came from); "
                   "fetch them all and record version_of.")
@click.option("--amendments", is_flag=True, help="Fetch each bill's floor amendments (sponsor, action, text).")
@click.option("--session", "session", type=click.IntRange(1, 999), metavar="COURT",
              help="Import every document of General Court COURT (e.g. 193) into the corpus folder, its own.")
@click.option("--from", "folder", type=click.Path(file_okay=False, path_type=Path),
              help="With --session: read the API's answers saved in this folder (documents/, history/, pdf/).")
@click.pass_context
def fetch_command(ctx, ids, all_, base_url, force, max_mb, timeout, versions, amendments, session, folder) -> None:
    """Download the official text of IDS (manifest ids) into the corpus and record it in the manifest."""
    from lawdiff.load import net
    from lawdiff.load.fetch import fetch, official_url

    max_bytes, _ = net.megabytes(max_mb), net.check_timeout(timeout)
    if base_url:
        net.check_url(base_url, "--base-url")
    if session is not None or folder is not None:
        from lawdiff.load.session import import_session
        from lawdiff.load.sources import ApiSource, FolderSource

        if session is None or ids or all_ or versions:
            raise click.UsageError("--session COURT [--from DIR] imports a whole session, and nothing else")
        source = FolderSource(folder, session) if folder else ApiSource(session, base_url, max_bytes, timeout)
        report = import_session(ctx.obj["corpus_dir"], source, session)
        for line in report.problems:
            click.echo(f"lawdiff: {line}", err=True)
        click.echo(report.lines()[-1])
        return
    corpus = corpus_from(ctx, required=True)
    named = tuple(ids)
    if all_:
        ids = named + tuple(i for i in corpus.entries if i not in named)
    if not ids:
        raise click.UsageError("name at least one id, or --all")
    failed = False
    from lawdiff.load.fetch import is_api_document

    ctx.with_resource(net.deadline(timeout))  # one deadline for every download of the command
    for entry_id in ids:
        try:
            if (versions or amendments) and entry_id not in named and not is_api_document(corpus.entries[entry_id]):
                click.echo(f"{entry_id}: skipped (--{'versions' if versions else 'amendments'} follows House and "
                           "Senate documents)")
                continue
            if entry_id not in named:
                try:
                    official_url(corpus.entries[entry_id])
                except LawdiffError:
                    click.echo(f"{entry_id}: skipped (no official URL in the manifest)")
                    continue
            if amendments:
                from lawdiff.load.amendments import fetch_and_store

                for line in fetch_and_store(corpus, entry_id, base_url, max_bytes, timeout):
                    click.echo(line)
                continue
            if versions:
                from lawdiff.load.chain import fetch_versions

                for line in fetch_versions(corpus, entry_id, base_url, max_bytes, timeout):
                    click.echo(line)
            else:
                click.echo(fetch(corpus, entry_id, base_url, force, max_bytes, timeout).message())
        except LawdiffError as e:
            click.echo(f"lawdiff: {entry_id}: {e.problem if e.source == entry_id else e}", err=True)
            failed = True
        corpus = corpus_from(ctx, required=True)  # the manifest just changed
    if failed:
        ctx.exit(2)


@main.command("add")
@corpus_option
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--id", "entry_id", required=True, help="Manifest id: existing, or new.")
@click.option("--kind", type=click.Choice(["bill", "act", "executive-order"]))
@click.option("--title")
@click.option("--number", help='As printed, e.g. "S.1681".')
@click.option("--session", type=int, help="General Court number, e.g. 194.")
@click.option("--url", callback=lambda ctx, param, v: v if v is None else _url_option(v),
              help="Official page (http:// or https://).")
@click.option("--date", help="ISO date (filed or signed).")
@click.option("--force", is_flag=True, help="Store it even when its own number or General Court is not the entry's.")
@click.pass_context
def add_command(ctx, file, entry_id, kind, title, number, session, url, date, force) -> None:
    """Register FILE (a PDF, HTML page or text you already have) as the text of instrument ID.
    Its number, General Court and title fill the options left out."""
    from lawdiff.load.fetch import add

    fields = {k: v for k, v in dict(kind=kind, title=title, number=number, session=session, url=url,
                                     date=date).items() if v is not None}
    for key, value in fields.items():  # a byte the terminal sent that UTF-8 cannot carry (Python's U+DCxx)
        if isinstance(value, str) and not value.isascii() and re.search("[\ud800-\udfff]", value):
            raise LawdiffError(f"--{key}", "not UTF-8 text (a byte your terminal sent that UTF-8 cannot carry)")
    click.echo(add(corpus_from(ctx, required=True), file, entry_id, fields, force=force).message())


def _url_option(url: str) -> str:
    from lawdiff.load.manifest import check_url

    try:
        return check_url(url, "--url")
    except LawdiffError as e:
        raise click.BadParameter(e.problem, param_hint="--url") from None


def _provision_ref(ref: str, corpus: Corpus):
    """``A#EID`` names one provision of A; a plain ref names the whole document."""
    from lawdiff.load.documents import load_document

    if "#" in ref and not Path(ref).exists():
        doc_ref, eid = ref.rsplit("#", 1)
        return (load_document(doc_ref, corpus), eid)
    return load_document(ref, corpus)


@main.command("diff")
@corpus_option
@click.argument("old")
@click.argument("new")
@click.option("--format", "fmt", type=click.Choice(["json", "md", "docx", "pdf", "html"]), default="json",
              show_default=True, help="docx: Word with tracked changes; pdf: the printable redline (both need --out); "
              "html: one self-contained page, the site's redline.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write here instead of standard output.")
@click.option("--context", type=click.Choice(["changes", "all"]), default="changes", show_default=True,
              help="pdf/html print: fold unchanged provisions to one line (changes) or print them (all).")
@click.option("--old-label", help="Name the old side (default: its number or id).")
@click.option("--new-label", help="Name the new side (default: its number or id).")
@click.pass_context
def diff_command(ctx: click.Context, old: str, new: str, fmt: str, out: Path | None, context: str,
                 old_label: str | None, new_label: str | None) -> None:
    """Redline OLD against NEW (files, corpus ids, or ID#EID for one provision)."""
    from lawdiff.diff.changes import compare_streamed

    _check_binary_out(fmt, out)
    corpus = corpus_from(ctx)
    old_side, new_side = _provision_ref(old, corpus), _provision_ref(new, corpus)
    # The JSON and the Markdown are written once, in order, the page (and the PDF's) and the Word redline read
    # their changes again (``render.rereadable``): their changes' dicts are made as they are reached, never all
    # held (issue 26: memory).
    model = compare_streamed(old_side, new_side)
    docs = (_document(old_side), _document(new_side))
    if fmt != "json":  # labels are for readers; the JSON keeps the documents' own meta
        for side, label in (("old", old_label), ("new", new_label)):
            if label is not None:
                model[side]["number"] = label
    if fmt == "docx":
        from lawdiff.render.docx import render_docx

        emit(render_docx(model), out)
    elif fmt == "pdf":
        from lawdiff.render.pdf import redline_pdf

        emit(redline_pdf(model, docs, context), out)
    elif fmt == "html":
        from lawdiff.render.redline_html import render_redline_to

        emit_spooled(lambda fp: render_redline_to(fp, model, docs=docs, context=context), out)
    elif fmt == "json":
        from lawdiff.render.jsonout import dump_utf8

        emit_spooled(lambda fp: dump_utf8(model, fp), out)
    else:
        from lawdiff.render.markdown import render_markdown_to  # with the page's templates (jinja2): not for JSON

        emit_spooled(lambda fp: render_markdown_to(fp, model), out)


def _check_binary_out(fmt: str, out: Path | None) -> None:
    """Binary formats go to a file; a missing folder is refused before any work is done."""
    if fmt in ("docx", "pdf") and out is None:
        raise click.UsageError(f"--format {fmt} needs --out FILE.{fmt}")
    if out is not None and not out.parent.is_dir():
        raise LawdiffError(out, f"folder {out.parent} does not exist")


def _document(side):
    return side[0] if isinstance(side, tuple) else side


@main.command("packet")
@corpus_option
@click.argument("old")
@click.argument("new")
@click.option("--topic", metavar="ID", help="Add the two side by side on this topic of corpus/topics.toml.")
@click.option("--format", "fmt", type=click.Choice(["pdf", "docx"]), default="pdf", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True, help="The file to write.")
@click.pass_context
def packet_command(ctx: click.Context, old: str, new: str, topic: str | None, fmt: str, out: Path) -> None:
    """A hearing packet of OLD and NEW: cover, summary of changes, redline, topic side by side."""
    from lawdiff.diff.changes import compare
    from lawdiff.render.packet import packet_data, packet_docx, packet_pdf

    _check_binary_out(fmt, out)
    corpus = corpus_from(ctx)
    old_side, new_side = _provision_ref(old, corpus), _provision_ref(new, corpus)
    model = compare(old_side, new_side)
    docs = (_document(old_side), _document(new_side))
    data = packet_data(model, docs, corpus, topic)
    emit(packet_pdf(model, docs, data) if fmt == "pdf" else packet_docx(model, data), out)


@main.command("lineage")
@corpus_option
@click.argument("ref", metavar="ID#EID")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_context
def lineage_command(ctx: click.Context, ref: str, fmt: str) -> None:
    """Which version of ID introduced each phrase of provision EID, and which struck it."""
    from lawdiff.diff.lineage import lineage, lineage_text

    iid, _, eid = ref.partition("#")
    if not eid:
        raise click.UsageError("name the provision: ID#EID (eids as `lawdiff parse ID --format text` shows them)")
    found = lineage(corpus_from(ctx, required=True), iid, eid)
    emit(to_json(found) if fmt == "json" else lineage_text(found), None)


@main.command("build")
@corpus_option
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default="build", show_default=True,
              help="Folder the site is written to (replaced whole when the build succeeds).")
@click.option("--jobs", type=click.IntRange(min=1), default=None, help="Worker processes (default: one per core).")
@click.option("--no-search", is_flag=True, help="Skip the Pagefind search index.")
@click.option("--no-pdf", is_flag=True, help="Skip the redlines' PDFs (printed by headless Chromium, 1 s or so each).")
@click.pass_context
def build_command(ctx: click.Context, out: Path, jobs: int | None, no_search: bool, no_pdf: bool) -> None:
    """Build the comparison site of the corpus: instruments, redlines, matrices."""
    from lawdiff.site.build import build_site
    from lawdiff.load.manifest_edit import locked
    corpus = corpus_from(ctx, required=True)
    main_thread = threading.current_thread() is threading.main_thread()  # where Python allows handlers
    previous = signal.signal(signal.SIGTERM, _stop_on_term) if main_thread else None
    bar = _ProgressBar()
    try:
        # A fetch or add commits while no build reads: the build waits (bounded) and reads the corpus after it.
        with locked(corpus.root / "instruments.toml", shared=True):
            corpus = corpus_from(ctx, required=True)
            report = build_site(corpus, out, jobs=jobs, search=not no_search, pdf=not no_pdf, progress=bar.update)
    finally:
        bar.close()
        if main_thread:
            signal.signal(signal.SIGTERM, previous if previous is not None else signal.SIG_DFL)
    if report.no_pdf:  # a site without its PDFs says so, and how to get them
        from lawdiff.render.pdf import GET_CHROMIUM
        hint = "" if GET_CHROMIUM in report.no_pdf else f"; {GET_CHROMIUM}"
        click.echo(f"lawdiff: built without the redlines' PDFs: {report.no_pdf}{hint} (--no-pdf: skip them quietly)",
                   err=True)
    for problem in report.problems:  # a download left out of the site (its page does not link it)
        click.echo(f"lawdiff: {problem}", err=True)
    search = (f"search index: {report.search_built} of {report.search_shards} shards indexed"
              if report.search else "no search index")
    click.echo(f"lawdiff: built {report.pages} pages into {out}/ ({report.rendered} rendered, "
               f"{report.cached} from cache; {search}) in {report.seconds:.2f} s", err=True)


class _ProgressBar:
    """A "Rendering" bar on a terminal, shown once a build has more than a few pages to render."""

    def __init__(self):
        self.bar, self.done = None, 0

    def update(self, done: int, total: int) -> None:
        if self.bar is None:
            if total <= 5 or not sys.stderr.isatty():
                return
            self.bar = click.progressbar(length=total, label="Rendering", file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(done - self.done)
        self.done = done

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


def _stop_on_term(signum, frame):
    """TERM stops a build as Ctrl-C would: the half-made site is removed and the workers end."""
    raise SystemExit(128 + signum)


@main.command("serve")
@click.option("--dir", "site", type=click.Path(path_type=Path), default="build",
              show_default=True, help="The built site.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
def serve_command(site: Path, port: int) -> None:
    """Preview the built site on http://127.0.0.1:PORT/."""
    from lawdiff.site.serve import make_server
    if not site.is_dir():
        raise LawdiffError(site, "no built site here; run `lawdiff build` first (or name the site with --dir)")
    try:
        server = make_server(site, port)
    except OSError as e:
        raise LawdiffError(f"127.0.0.1:{port}", e.strerror or str(e)) from None
    click.echo(f"Serving {site}/ on http://127.0.0.1:{server.server_address[1]}/ (Ctrl-C stops)", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


@main.command("matrix")
@corpus_option
@click.option("--topic", "topics", multiple=True, metavar="ID", help="A topic of corpus/topics.toml (repeatable; default: all).")
@click.option("--instruments", metavar="ID,...", help="Comma-separated instrument ids (default: every instrument of the manifest).")
@click.option("--format", "fmt", type=click.Choice(["json", "csv", "md", "html"]), default="json", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write here instead of standard output.")
@click.pass_context
def matrix_command(ctx: click.Context, topics: tuple[str, ...], instruments: str | None, fmt: str, out: Path | None) -> None:
    """How each instrument treats each topic, with exact text and citations."""
    from lawdiff.matrix.build import build_matrix
    from lawdiff.render.matrix_tables import to_csv, to_markdown

    ids = [i.strip() for i in instruments.split(",") if i.strip()] if instruments is not None else None
    if ids == []:
        raise LawdiffError("--instruments", "names no instrument (leave it out for every instrument)")
    m = build_matrix(corpus_from(ctx, required=True), list(topics) or None, ids)
    if fmt == "html":
        from lawdiff.render.matrix_html import render_standalone
        data = render_standalone(m)
    else:
        data = {"json": to_json, "csv": to_csv, "md": to_markdown}[fmt](m)
    emit(data, out)


@main.command("versions")
@corpus_option
@click.argument("ref")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--from", "folder", type=click.Path(file_okay=False, path_type=Path),
              help="A saved session (documents/, history/, pdf/, sessionlaws-YEAR.json) instead of the corpus.")
@click.option("--api", is_flag=True, help="Ask the legislature's API (or --base-url) instead of the corpus.")
@click.option("--base-url", envvar="LAWDIFF_BASE_URL", help="With --api: a mirror or stand-in of the API.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write here instead of standard output.")
@click.pass_context
def versions_command(ctx, ref: str, fmt: str, folder: Path | None, api: bool, base_url: str | None,
                     out: Path | None) -> None:
    """Print the version graph that holds REF (193-h4241, acts-2024-118): texts, steps, evidence."""
    from lawdiff.versions.command import version_graph

    corpus = corpus_from(ctx, required=folder is None and not api)
    emit(version_graph(corpus, ref, fmt, folder, api, base_url), out)

# -- which laws a bill amends (issue #23) ---------------------------------------------

@main.command("amends")
@corpus_option
@click.argument("ref")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "md"]), default="text", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write here instead of standard output.")
@click.option("--all-amendments", is_flag=True,
              help="With the floor amendments kept for REF (fetch --amendments), read every one, not only the adopted.")
@click.pass_context
def amends_command(ctx: click.Context, ref: str, fmt: str, out: Path | None, all_amendments: bool) -> None:
    """The amending instructions of REF (a file or a corpus id): which law each SECTION amends, and how;
    then, apart, what each adopted floor amendment kept for REF does to it."""
    from lawdiff.cite import instructions
    from lawdiff.cite.motions import amendment_instructions, floor_items
    from lawdiff.load import amendments
    from lawdiff.load.documents import load_document
    from lawdiff.parse.provisions import instrument_name
    from lawdiff.render.amends import to_markdown, to_text

    corpus = corpus_from(ctx)
    doc = load_document(ref, corpus)
    items = instructions(doc)
    entry = corpus.entries.get(doc.meta.get("id"))
    floor = amendment_instructions(amendments.load(corpus, entry), instrument_name(doc.meta),
                                   adopted_only=not all_amendments) if entry else []
    emit(to_json(items + floor_items(floor)) if fmt == "json"
         else (to_text if fmt == "text" else to_markdown)(doc.meta, items, floor), out)


@main.command("apply")
@corpus_option
@click.argument("base")
@click.argument("section_ref", metavar="BILL#EID")
@click.option("--whole", is_flag=True, help="Print each amended provision whole, not only the words around the changes.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write here instead of standard output.")
@click.pass_context
def apply_command(ctx: click.Context, base: str, section_ref: str, whole: bool, out: Path | None) -> None:
    """Apply the instructions of one SECTION of a bill (BILL#sec_N) to BASE, the text of the law it
    amends, where they apply exactly; print the result with [-struck-] and {+inserted+} marked."""
    from lawdiff.cite.apply import apply_section, to_text
    from lawdiff.load.documents import load_document

    if "#" not in section_ref:
        raise LawdiffError(section_ref, "name one SECTION: BILL#sec_N (lawdiff amends BILL --format json gives eids)")
    bill_ref, eid = section_ref.rsplit("#", 1)
    corpus = corpus_from(ctx)
    base_doc, bill = load_document(base, corpus), load_document(bill_ref, corpus)
    emit(to_text(apply_section(base_doc, bill, eid), base_doc, bill, whole), out)
