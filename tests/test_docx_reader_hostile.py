"""Crafted Word files (issue 25 items 2, 8, 10, 11): the reader reads what Word shows, in
bounded memory, or refuses in one line (exit 2, nothing written)."""

import io
import struct
import subprocess
import sys
import zipfile

import pytest

from lawdiff.errors import LawdiffError
from lawdiff.load.documents import parse_bytes
from lawdiff.read.docx import MAX_PARAGRAPHS, MAX_XML_BYTES, read_docx

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MAIN_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"


def document(body: str, head: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{head}'
            f'<w:document xmlns:w="{W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
            f'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            f"<w:body>{body}</w:body></w:document>").encode()


def para(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def package(members: list[tuple[str, bytes]], main: str = "word/document.xml", kind: str = MAIN_TYPE) -> bytes:
    """A Word package as Word writes one: content types, the package relationships naming
    ``main``, then ``members`` (name, bytes) in order."""
    types = (f'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             f'<Override PartName="/{main}" ContentType="{kind}"/></Types>')
    rels = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{OFFICE_DOCUMENT}" Target="{main}"/></Relationships>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", types)
        z.writestr("_rels/.rels", rels)
        for name, data in members:
            z.writestr(name, data)
    return out.getvalue()


def word(body: str, head: str = "") -> bytes:
    return package([("word/document.xml", document(body, head))])


def texts(data: bytes) -> list[str]:
    return [line.text for line in read_docx(data, "t.docx").lines if line.text]


def one_line_exit_2(tmp_path, data: bytes, problem: str) -> None:
    source = tmp_path / "crafted.docx"
    source.write_bytes(data)
    out = tmp_path / "out.json"
    done = subprocess.run([sys.executable, "-m", "lawdiff", "parse", str(source), "--out", str(out)],
                          capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert (done.returncode, done.stdout) == (2, ""), done.stderr[-600:]
    assert done.stderr.startswith(f"lawdiff: {source}: ") and done.stderr.count("\n") == 1, done.stderr[-600:]
    assert problem in done.stderr
    assert not out.exists()


def test_a_plain_package_reads():
    assert texts(word(para("SECTION 1. Text.") + para("SECTION 2. More."))) == ["SECTION 1. Text.", "SECTION 2. More."]


# -- item 8: the main part is the one Word reads -------------------------------------

def test_the_main_part_is_the_one_the_package_relationships_name():
    data = package([("word/document.xml", document(para("SECTION 1. What lawdiff used to read."))),
                    ("word/main.xml", document(para("SECTION 1. What Word shows.")))], main="word/main.xml")
    assert texts(data) == ["SECTION 1. What Word shows."]


def test_duplicate_member_names_are_refused(tmp_path):
    out = io.BytesIO()
    base = word(para("SECTION 1. First."))
    with zipfile.ZipFile(io.BytesIO(base)) as src, zipfile.ZipFile(out, "w") as z:
        for info in src.infolist():
            z.writestr(info.filename, src.read(info))
        with pytest.warns(UserWarning, match="Duplicate name"):
            z.writestr("word/document.xml", document(para("SECTION 1. Second.")))
    with pytest.raises(LawdiffError, match="2 members named 'word/document.xml'"):
        read_docx(out.getvalue(), "dup.docx")
    one_line_exit_2(tmp_path, out.getvalue(), "2 members named")


def test_a_main_part_of_another_content_type_is_refused():
    data = package([("word/document.xml", document(para("SECTION 1. Text.")))], kind="application/xml")
    with pytest.raises(LawdiffError, match="of type application/xml"):
        read_docx(data, "t.docx")


# -- item 2: bounded memory ------------------------------------------------------------

def test_a_document_part_over_the_cap_is_refused():
    filler = para("x" * 1000) * (MAX_XML_BYTES // 1000 + 10)
    with pytest.raises(LawdiffError, match="inflates to over 33,554,432 bytes"):
        read_docx(word(filler), "big.docx")


def test_more_paragraphs_than_the_cap_are_refused():
    data = word("<w:p><w:r><w:t>a</w:t></w:r></w:p>" * (MAX_PARAGRAPHS + 1))
    assert len(data) < 100_000
    with pytest.raises(LawdiffError, match="over 200,000 paragraphs"):
        read_docx(data, "many.docx")


def headers(data: bytes, member: str) -> tuple[int, int]:
    """Where ``member``'s local header and its central directory entry start."""
    local = zipfile.ZipFile(io.BytesIO(data)).getinfo(member).header_offset
    at = 0
    while data[at + 46:at + 46 + len(member)] != member.encode():
        at = data.index(b"PK\x01\x02", at + 1)
    return local, at


def understated(data: bytes, member: str, size: int) -> bytes:
    """``data`` with the central directory and the local header declaring ``member`` ``size`` bytes long."""
    local, central = headers(data, member)
    out = bytearray(data)
    out[local + 22:local + 26] = struct.pack("<I", size)
    out[central + 24:central + 28] = struct.pack("<I", size)
    return bytes(out)


MEASURE = """
import sys
from lawdiff.read.docx import read_docx
from lawdiff.errors import LawdiffError

def status(key):  # in KB
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith(key))

data = open(sys.argv[1], "rb").read()
with open("/proc/self/clear_refs", "w") as f:
    f.write("5")  # the peak (VmHWM) starts again from what is resident now
before = status("VmRSS:")
try:
    read_docx(data, "m.docx")
    outcome = "read"
except LawdiffError as e:
    outcome = e.problem.split(" (")[0]
print(outcome, "|", (status("VmHWM:") - before) // 1024)
"""


def peak_mb(tmp_path, data: bytes) -> tuple[str, int]:
    path = tmp_path / "m.docx"
    path.write_bytes(data)
    done = subprocess.run([sys.executable, "-c", MEASURE, str(path)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-800:]
    outcome, mb = done.stdout.strip().rsplit("|", 1)
    return outcome.strip(), int(mb)


def test_memory_follows_the_text_not_the_markup(tmp_path):
    """A paragraph of one-word runs: 8 MB of XML for 1.5 MB of text.  Parsed whole it took
    109 MB; read a paragraph at a time, 2 MB."""
    run = '<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">word </w:t></w:r>'
    body = ("<w:p>" + run * 40 + "</w:p>") * (8 * 1024 * 1024 // (len(run) * 40))
    outcome, mb = peak_mb(tmp_path, word(body))
    assert outcome == "read"
    assert mb < 30, f"{mb} MB to read 8 MB of XML"  # parsed whole: 109 MB


def test_a_member_whose_size_is_understated_is_not_inflated_whole(tmp_path):
    """The ZIP says 1 KB; the member inflates to 64 MB: refused as it comes, not after."""
    data = understated(word(para("x" * 1000) * 64_000), "word/document.xml", 1000)
    outcome, mb = peak_mb(tmp_path, data)
    assert outcome != "read"
    assert mb < 30, f"{mb} MB"  # inflated whole: 128 MB


# -- item 10: what Word shows, once ------------------------------------------------------

TEXT_BOX = (
    '<w:p><w:r><w:t xml:space="preserve">SECTION 1. Anchor text. </w:t></w:r><w:r><mc:AlternateContent>'
    '<mc:Choice Requires="wps"><w:drawing><wps:txbx xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
    '<w:txbxContent><w:p><w:r><w:t>Boxed words.</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice>'
    '<mc:Fallback><w:pict><v:textbox xmlns:v="urn:schemas-microsoft-com:vml"><w:txbxContent><w:p><w:r>'
    '<w:t>Boxed words.</w:t></w:r></w:p></w:txbxContent></v:textbox></w:pict></mc:Fallback>'
    '</mc:AlternateContent></w:r><w:r><w:t xml:space="preserve">More anchor.</w:t></w:r></w:p>'
)


def test_a_text_box_is_read_once_after_its_anchor():
    assert texts(word(TEXT_BOX + para("SECTION 2. Next."))) == \
        ["SECTION 1. Anchor text. More anchor.", "Boxed words.", "SECTION 2. Next."]


def test_an_alt_chunk_is_refused_not_dropped(tmp_path):
    data = word(para("SECTION 1. Before.") + '<w:altChunk r:id="rId9"/>' + para("SECTION 2. After."))
    one_line_exit_2(tmp_path, data, "a Word file with an altChunk")


def test_a_document_type_declaration_is_refused(tmp_path):
    """Entities declared in it were kept as references, and the text after one was lost."""
    data = word(para("SECTION 1. The &agency; shall report."), head='<!DOCTYPE w:document [<!ENTITY agency "board">]>')
    one_line_exit_2(tmp_path, data, "has a document type declaration")


# -- item 11: one line, never a traceback ------------------------------------------------

def test_deeply_nested_smart_tags_are_one_line(tmp_path):
    nested = "<w:smartTag>" * 1500 + "<w:r><w:t>deep</w:t></w:r>" + "</w:smartTag>" * 1500
    one_line_exit_2(tmp_path, word(para("SECTION 1. Text.") + f"<w:p>{nested}</w:p>"), "not well-formed")


def test_an_encrypted_member_is_one_line(tmp_path):
    plain = word(para("SECTION 1. Text."))
    local, central = headers(plain, "word/document.xml")
    data = bytearray(plain)
    data[local + 6] |= 1  # the general purpose flag's bit 0, in both headers
    data[central + 8] |= 1
    one_line_exit_2(tmp_path, bytes(data), "is encrypted")


def test_a_real_word_file_still_reads_the_same():
    """python-docx's own package (its template's parts, rels and content types)."""
    import docx

    d = docx.Document()
    d.add_paragraph("SECTION 1. The agency shall report.")
    d.add_paragraph("SECTION 2. This act shall take effect upon its passage.")
    out = io.BytesIO()
    d.save(out)
    doc = parse_bytes(out.getvalue(), "draft.docx")
    assert [(n.num, n.text) for n in doc.tree.walk() if n.num] == [
        ("SECTION 1.", "The agency shall report."), ("SECTION 2.", "This act shall take effect upon its passage.")]


def test_a_central_directory_of_many_entries_is_refused_before_it_is_read(tmp_path):
    """zipfile makes an object of each entry: 300,000 empty entries (26 MB) took 167 MB."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z:
        z.writestr("[Content_Types].xml", b"")
        for k in range(20_000):
            z.writestr(f"customXml/item{k}.xml", b"")
    one_line_exit_2(tmp_path, out.getvalue(), "central directory is")
