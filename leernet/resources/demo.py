"""Demo library: links the sector uses, a few small files (made here) and notes."""

import io
import struct
import zlib
from datetime import timedelta

from flask import current_app
from werkzeug.datastructures import FileStorage

from ..demo import step
from ..timeutil import utcnow
from .library import add

LINKS = [
    ("Fonds Podiumkunsten: regelingen", "https://fondspodiumkunsten.nl/",
     "subsidies, podiumkunsten", "Overzicht van alle regelingen met deadlines."),
    ("Fair Practice Code", "https://fairpracticecode.nl/", "fair practice, governance",
     "De vijf kernwaarden en de zelftoets voor organisaties."),
    ("Governance Code Cultuur", "https://www.governancecodecultuur.nl/",
     "governance, raad van toezicht", "Acht principes voor goed bestuur en toezicht."),
    ("Creative Europe Desk NL", "https://www.creativeeuropedesk.nl/",
     "creative europe, internationale samenwerking, subsidies",
     "Spreekuren en voorbeelden van samenwerkingsprojecten."),
    ("Kunstenbond: tarieven voor zzp'ers", "https://www.kunstenbond.nl/",
     "fair practice, tarieven", "Richtlijnen voor honoraria van makers."),
    ("Cultuur+Ondernemen: kennisbank", "https://www.cultuur-ondernemen.nl/",
     "financiën, fondsenwerving", "Artikelen over verdienmodellen en mecenaat."),
]  # fmt: skip
NOTES = [
    ("Tips voor een sterk activiteitenplan", "subsidies, schrijven",
     "Wat we leerden van de laatste aanvraagronde:\n\n"
     "- Begin met het **waarom**: welk probleem los je op, voor wie?\n"
     "- Maak doelen meetbaar en koppel ze aan de begroting.\n"
     "- Laat een collega uit het netwerk meelezen vóór de deadline.\n"),
    ("Btw op kaartverkoop: zo zit het", "btw, financiën",
     "Voor de meeste voorstellingen geldt het **lage tarief**. Let op bij combinaties met "
     "horeca: dan splits je de prijs. Vraag Bram voor de details."),
]  # fmt: skip


def tiny_pdf(lines):
    """A one-page PDF with a few lines of text, built by hand (no library needed)."""
    text = " ".join(f"({line}) '" for line in lines)
    content = f"BT /F1 13 Tf 72 770 Td 20 TL {text} ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    trailer = f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    return out + trailer.encode()


def tiny_png(width=240, height=160):
    """A small bar chart as PNG: teal bars of rising height on a light background."""
    rows = []
    for y in range(height):
        row = bytearray()
        for x in range(width):
            bar = x // 40
            filled = x % 40 < 30 and height - y < 30 + bar * 22
            row += bytes((29, 92, 99) if filled else (246, 245, 241))
        rows.append(b"\x00" + bytes(row))

    def chunk(kind, data):
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"".join(rows)))
        + chunk(b"IEND", b"")
    )


def files():
    checklist = tiny_pdf([
        "Checklist subsidieaanvraag", "", "1. Past je project bij de regeling?",
        "2. Begroting sluitend, met eigen inkomsten", "3. Dekkingsplan met andere fondsen",
        "4. Activiteitenplan met meetbare doelen", "5. Laat een collega meelezen",
    ])  # fmt: skip
    budget = (
        b"post;bedrag\nhonoraria makers;18500\nproductiekosten;7200\nmarketing;2300\n"
        b"onvoorzien;1000\ntotaal;29000\n"
    )
    werkwijze = (
        "# Werkwijze van het netwerk\n\nWe komen elke maand samen. Eén keer per kwartaal "
        "doen we intervisie volgens de incidentmethode.\n\n- Wat hier gedeeld wordt, blijft hier.\n"
    ).encode()
    return [
        ("Checklist subsidieaanvraag", "checklist-subsidieaanvraag.pdf", checklist,
         "subsidies, checklist", "Afvinklijst die we samen opstelden."),
        ("Begrotingsmodel projectsubsidie", "begrotingsmodel.csv", budget,
         "begroten, financiën", "Open in Excel of LibreOffice; puntkomma als scheidingsteken."),
        ("Werkwijze van het netwerk", "werkwijze.md", werkwijze, "netwerk, intervisie", ""),
        ("Publieksbereik per seizoen", "publieksbereik.png", tiny_png(),
         "marketing, publieksbereik", "Grafiek uit de jaarcijfers van Daan."),
    ]  # fmt: skip


@step(60)
def library(context):
    members = context["members"]
    rng = context["random"]
    upload_dir = current_app.config["UPLOAD_DIR"]
    max_bytes = current_app.config["MAX_UPLOAD_MB"] * 1024 * 1024
    made = []
    for title, url, tags, description in LINKS:
        made.append(add(rng.choice(members), "link", title, description, url=url, tags=tags))
    for title, tags, text in NOTES:
        made.append(add(rng.choice(members), "note", title, text, tags=tags))
    for title, name, data, tags, description in files():
        upload = FileStorage(io.BytesIO(data), filename=name)
        made.append(
            add(
                rng.choice(members),
                "file",
                title,
                description,
                tags=tags,
                upload=upload,
                upload_dir=upload_dir,
                max_bytes=max_bytes,
            )  # fmt: skip
        )
    now = utcnow()
    for resource in made:
        resource.created_at = resource.updated_at = now - timedelta(days=rng.randint(3, 300))
