"""Which uploads are accepted: checked by name *and* by content, without libmagic.

A file must have an allowed extension and start with the bytes that kind of file starts
with (``%PDF``, the PNG signature, a ZIP holding the right parts for Office/OpenDocument,
valid UTF-8 without NUL for text). An executable renamed ``.pdf``, an empty file, a path
in the name, an SVG with script: each is refused with a message the member can act on.
"""

import codecs
import re
import unicodedata
import zipfile
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from .svg import is_plain_picture


class UploadError(ValueError):
    """The upload was refused; ``str(error)`` says why."""


@dataclass(frozen=True)
class Accepted:
    name: str  # the sanitised original name, for Content-Disposition only
    mimetype: str
    family: str  # pdf, image, svg, office, text
    size: int

    @property
    def previewable(self):
        return self.family == "image"


OOXML = "application/vnd.openxmlformats-officedocument."
ODF = "application/vnd.oasis.opendocument."
#: extension -> (family, mimetype)
TYPES = {
    "pdf": ("pdf", "application/pdf"),
    "png": ("image", "image/png"),
    "jpg": ("image", "image/jpeg"),
    "jpeg": ("image", "image/jpeg"),
    "gif": ("image", "image/gif"),
    "webp": ("image", "image/webp"),
    "svg": ("svg", "image/svg+xml"),
    "docx": ("office", OOXML + "wordprocessingml.document"),
    "xlsx": ("office", OOXML + "spreadsheetml.sheet"),
    "pptx": ("office", OOXML + "presentationml.presentation"),
    "odt": ("office", ODF + "text"),
    "ods": ("office", ODF + "spreadsheet"),
    "odp": ("office", ODF + "presentation"),
    "doc": ("office", "application/msword"),
    "xls": ("office", "application/vnd.ms-excel"),
    "ppt": ("office", "application/vnd.ms-powerpoint"),
    "txt": ("text", "text/plain"),
    "md": ("text", "text/markdown"),
    "csv": ("text", "text/csv"),
}
ALLOWED = ", ".join(sorted(TYPES))
IMAGE_MAGIC = {
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "gif": (b"GIF87a", b"GIF89a"),
}
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
OOXML_PART = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
CHUNK = 64 * 1024


def clean_name(raw):
    """The file's own name, made safe to show and to send back; refuses paths."""
    name = unicodedata.normalize("NFC", raw or "").strip()
    if not name:
        raise UploadError(_l("Please choose a file."))
    if "/" in name or "\\" in name or name.startswith(".") or "\x00" in name:
        raise UploadError(_l("The file name may not contain a folder or start with a dot."))
    name = "".join(c for c in name if unicodedata.category(c)[0] not in "CZ" or c == " ")
    name = re.sub(r'[<>:"|?*;]', "_", name)
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem.strip() or ext.lower() not in TYPES:
        raise UploadError(
            _l("This type of file is not allowed. Allowed: %(types)s.", types=ALLOWED)
        )
    return f"{stem.strip()[:120]}.{ext.lower()}"


def _size(stream):
    stream.seek(0, 2)
    size = stream.tell()
    stream.seek(0)
    return size


def check(raw_name, stream, max_bytes):
    """Accept the upload in the seekable binary ``stream`` or raise ``UploadError``."""
    name = clean_name(raw_name)
    ext = name.rpartition(".")[2]
    family, mimetype = TYPES[ext]
    size = _size(stream)
    if size == 0:
        raise UploadError(_l("This file is empty."))
    if size > max_bytes:
        mb = max_bytes // (1024 * 1024)
        raise UploadError(_l("This file is larger than %(mb)d MB.", mb=mb))
    head = stream.read(4096)
    stream.seek(0)
    ok = {
        "pdf": lambda: b"%PDF-" in head[:1024],
        "image": lambda: _is_image(ext, head),
        "svg": lambda: _is_svg(stream),
        "office": lambda: _is_office(ext, head, stream),
        "text": lambda: _is_text(stream),
    }[family]()
    stream.seek(0)
    if not ok:
        if family == "svg":
            raise UploadError(_l("This SVG is not a plain image (it has scripts or links)."))
        raise UploadError(
            _l("This file is not really a %(type)s file. Check the file and try again.",
               type=ext.upper())
        )  # fmt: skip
    return Accepted(name, mimetype, family, size)


def _is_image(ext, head):
    if ext == "webp":
        return head[:4] == b"RIFF" and head[8:12] == b"WEBP"
    return head.startswith(IMAGE_MAGIC[ext])


def _is_office(ext, head, stream):
    if ext in ("doc", "xls", "ppt"):
        return head.startswith(OLE)
    if not head.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(stream) as archive:
            names = archive.namelist()
            if ext in OOXML_PART:
                prefix = OOXML_PART[ext]
                return "[Content_Types].xml" in names and any(n.startswith(prefix) for n in names)
            if not names or names[0] != "mimetype":
                return False
            with archive.open("mimetype") as part:
                return part.read(100).decode("ascii", "replace").strip() == TYPES[ext][1]
    except (zipfile.BadZipFile, OSError, ValueError, RuntimeError, NotImplementedError):
        return False


def _is_text(stream):
    """UTF-8 (a BOM is fine) without NUL bytes, read in chunks to keep memory small."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    try:
        while block := stream.read(CHUNK):
            if b"\x00" in block:
                return False
            decoder.decode(block)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _is_svg(stream):
    if not _is_text(stream):
        return False
    stream.seek(0)
    return is_plain_picture(stream.read())
