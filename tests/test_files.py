"""Upload checks by name and by content (pure: no app, no database)."""

import io
import zipfile

import pytest

from leernet.resources.files import UploadError, check, clean_name

from .factories import PDF, PNG

MB = 1024 * 1024


def zipped(parts):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in parts:
            archive.writestr(name, data)
    return buffer.getvalue()


DOCX = zipped([("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>")])
ODT = zipped([("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<x/>")])
OLE = bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 100
GOOD = [
    ("verslag.pdf", PDF, "application/pdf", "pdf"),
    ("foto.PNG", PNG, "image/png", "image"),
    ("foto.jpg", b"\xff\xd8\xff\xe0" + b"\0" * 20, "image/jpeg", "image"),
    ("anim.gif", b"GIF89a" + b"\0" * 20, "image/gif", "image"),
    ("plaatje.webp", b"RIFF\x10\0\0\0WEBPVP8 ", "image/webp", "image"),
    (
        "brief.docx",
        DOCX,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "office",
    ),  # fmt: skip
    ("brief.odt", ODT, "application/vnd.oasis.opendocument.text", "office"),
    ("oud.doc", OLE, "application/msword", "office"),
    ("notities.md", "# Kop\n\nÉén regel".encode(), "text/markdown", "text"),
    ("cijfers.csv", b"\xef\xbb\xbfjaar;bedrag\n2026;100\n", "text/csv", "text"),
    (
        "logo.svg",
        b'<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>',
        "image/svg+xml",
        "svg",
    ),  # fmt: skip
]


@pytest.mark.parametrize(("name", "data", "mimetype", "family"), GOOD)
def test_accepted_by_name_and_content(name, data, mimetype, family):
    accepted = check(name, io.BytesIO(data), MB)
    assert (accepted.mimetype, accepted.family, accepted.size) == (mimetype, family, len(data))
    assert accepted.previewable == (family == "image")


BAD = [
    ("setup.pdf", b"MZ\x90\x00" + b"\0" * 200, "not really a PDF"),
    ("run.pdf", b"\x7fELF" + b"\0" * 200, "not really a PDF"),
    ("script.exe", b"MZ", "not allowed"),
    ("page.html", b"<html>", "not allowed"),
    ("foto.png", PDF, "not really a PNG"),
    ("brief.docx", ODT, "not really a DOCX"),
    ("brief.odt", DOCX, "not really a ODT"),
    ("brief.xlsx", DOCX, "not really a XLSX"),
    ("kapot.docx", b"PK\x03\x04garbage", "not really a DOCX"),
    ("leeg.txt", b"", "empty"),
    ("binair.txt", b"abc\x00def", "not really a TXT"),
    ("latin1.csv", "café".encode("latin-1"), "not really a CSV"),
    ("../../x", b"hallo", "folder"),
    ("..\\..\\x.txt", b"hallo", "folder"),
    (".htaccess", b"x", "folder"),
    ("", b"x", "choose a file"),
    ("noextension", b"x", "not allowed"),
    ("x.svg", b"<svg><script>alert(1)</script></svg>", "scripts"),
    ("x.svg", b'<svg onload="alert(1)"/>', "scripts"),
    ("x.svg", b'<svg><a href="javascript:alert(1)">x</a></svg>', "scripts"),
    ("x.svg", b'<!DOCTYPE svg [<!ENTITY x "y">]><svg/>', "scripts"),
    ("x.svg", b"<svg><foreignObject><p>x</p></foreignObject></svg>", "scripts"),
    ("x.svg", b"just text", "scripts"),
]


@pytest.mark.parametrize(("name", "data", "message"), BAD)
def test_refused_with_a_clear_message(name, data, message):
    with pytest.raises(UploadError) as refused:
        check(name, io.BytesIO(data), MB)
    assert message.lower() in str(refused.value).lower()


def test_size_limit():
    data = b"a" * (MB + 1)
    with pytest.raises(UploadError, match="larger than 1 MB"):
        check("groot.txt", io.BytesIO(data), MB)
    assert check("precies.txt", io.BytesIO(b"a" * MB), MB).size == MB


def test_names_are_cleaned_for_content_disposition():
    assert clean_name('  Verslag "2026": <def>.PDF ') == "Verslag _2026__ _def_.pdf"
    assert clean_name("Café\u202eexe.txt") == "Caféexe.txt"
    assert clean_name("a" * 300 + ".txt") == "a" * 120 + ".txt"
