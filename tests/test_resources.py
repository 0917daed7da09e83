"""The library: links, notes and files; upload attacks; how files are served."""

import io
from pathlib import Path

import pytest
from sqlalchemy import select

from leernet.extensions import db
from leernet.members.models import User
from leernet.resources.models import Resource, ResourceTag

from . import factories
from .conftest import count, login_as
from .queries import counting


def stored_files(app):
    return [p for p in Path(app.config["UPLOAD_DIR"]).rglob("*") if p.is_file()]


def upload(client, name, data, title="Een bestand", tags=""):
    return client.post(
        "/resources/new",
        data={"kind": "file", "title": title, "tags": tags, "upload": (io.BytesIO(data), name)},
        content_type="multipart/form-data",
    )


def test_add_link_and_note_with_tags(app, client, people):
    login_as(client, people, "member")
    link = client.post(
        "/resources/new",
        data={
            "kind": "link",
            "title": "Subsidiewijzer",
            "url": "https://www.cultuursubsidie.nl/",
            "tags": "Subsidies, fondsen, subsidies",
        },
    )
    assert link.status_code == 303
    page = client.get(link.headers["Location"]).get_data(as_text=True)
    assert "Subsidiewijzer" in page and "www.cultuursubsidie.nl" in page
    note = client.post(
        "/resources/new",
        data={"kind": "note", "title": "Tips", "description": "**Vet** <script>x()</script>"},
    )
    body = client.get(note.headers["Location"]).get_data(as_text=True)
    assert "<strong>Vet</strong>" in body and "<script>x()" not in body
    with app.app_context():
        tags = {t.name: t.uses for t in db.session.scalars(select(ResourceTag))}
        assert tags == {"fondsen": 1, "subsidies": 1}
    listing = client.get("/resources/?tag=subsidies").get_data(as_text=True)
    assert "Subsidiewijzer" in listing and "Tips" not in listing
    notes = client.get("/resources/?type=note").get_data(as_text=True)
    assert "Tips" in notes and "Subsidiewijzer" not in notes


@pytest.mark.parametrize(
    "data",
    [
        {"kind": "link", "title": "Slecht", "url": "javascript:alert(1)"},
        {"kind": "link", "title": "Slecht", "url": "ftp://example.org/x"},
        {"kind": "note", "title": "Leeg", "description": "  "},
        {"kind": "file", "title": "Geen bestand"},
        {"kind": "link", "title": "", "url": "https://example.org"},
        {"kind": "poem", "title": "Gedicht", "url": "https://example.org"},
    ],
)
def test_bad_resources_are_refused(app, client, people, data):
    login_as(client, people, "member")
    response = client.post("/resources/new", data=data)
    assert response.status_code == 422
    assert 'class="error"' in response.get_data(as_text=True)
    with app.app_context():
        assert count(Resource) == 0


ATTACKS = [
    ("setup.pdf", b"MZ\x90\x00" + b"\0" * 500, "This file is not really a PDF file."),
    ("../../x", b"hallo", "The file name may not contain a folder"),
    ("../../x.pdf", factories.PDF, "The file name may not contain a folder"),
    (
        "logo.svg",
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        "This SVG is not a plain image",
    ),  # fmt: skip
    ("leeg.pdf", b"", "This file is empty."),
    ("groot.txt", b"a" * (1024 * 1024 + 10), "This file is larger than 1 MB."),
    ("virus.exe", b"MZ", "This type of file is not allowed."),
]


@pytest.mark.parametrize(("name", "data", "message"), ATTACKS)
def test_upload_attacks_are_refused_and_nothing_is_stored(app, client, people, name, data, message):
    app.config["MAX_UPLOAD_MB"] = 1
    login_as(client, people, "member")
    response = upload(client, name, data)
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    with app.app_context():
        assert count(Resource) == 0
    assert stored_files(app) == []


def test_request_over_the_limit_gets_the_form_back(app, client, people):
    app.config["MAX_CONTENT_LENGTH"] = 100_000
    login_as(client, people, "member")
    response = upload(client, "groot.pdf", factories.PDF + b"0" * 200_000)
    assert response.status_code == 413
    page = response.get_data(as_text=True)
    assert "This file is larger than 20 MB." in page and "<form" in page
    with app.app_context():
        assert count(Resource) == 0
    assert stored_files(app) == []


def test_files_are_stored_with_random_names_and_served_safely(app, client, people):
    login_as(client, people, "member")
    response = upload(client, "Verslag café.pdf", factories.PDF, tags="verslag")
    assert response.status_code == 303
    (path,) = stored_files(app)
    assert "Verslag" not in path.name and len(path.name) == 32
    with app.app_context():
        resource = db.session.scalar(select(Resource))
        assert (resource.file_name, resource.file_type) == ("Verslag café.pdf", "application/pdf")
        rid = resource.id
    login_as(client, people, "other")
    served = client.get(f"/resources/{rid}/file")
    assert served.status_code == 200 and served.data == factories.PDF
    assert served.headers["Content-Disposition"].startswith("attachment;")
    assert "filename*=UTF-8''Verslag%20caf%C3%A9.pdf" in served.headers["Content-Disposition"]
    assert served.headers["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in served.headers["Content-Security-Policy"]
    assert served.mimetype == "application/pdf"
    assert client.get(f"/resources/{rid}/preview").status_code == 404, "a PDF has no preview"
    client.post("/logout")
    assert client.get(f"/resources/{rid}/file").status_code == 302, "members only"


def test_images_get_a_preview_but_svg_is_always_an_attachment(app, client, people):
    login_as(client, people, "member")
    upload(client, "foto.png", factories.PNG, title="Foto")
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>'
    upload(client, "logo.svg", svg, title="Logo")
    with app.app_context():
        ids = {r.title: r.id for r in db.session.scalars(select(Resource))}
    page = client.get(f"/resources/{ids['Foto']}").get_data(as_text=True)
    assert f'src="/resources/{ids["Foto"]}/preview"' in page
    preview = client.get(f"/resources/{ids['Foto']}/preview")
    assert preview.mimetype == "image/png" and preview.headers["Content-Disposition"].startswith(
        "inline"
    )
    assert "/preview" not in client.get(f"/resources/{ids['Logo']}").get_data(as_text=True)
    assert client.get(f"/resources/{ids['Logo']}/preview").status_code == 404
    served = client.get(f"/resources/{ids['Logo']}/file")
    assert served.headers["Content-Disposition"].startswith("attachment;")


def test_only_the_adder_or_a_coordinator_changes_a_resource(app, client, people):
    with app.app_context():
        member = db.session.get(User, people["member"][0])
        resource = factories.resource(member, kind="file", filename="a.txt", content=b"hallo")
        rid = resource.id
    login_as(client, people, "other")
    assert client.get(f"/resources/{rid}/edit").status_code == 403
    assert client.post(f"/resources/{rid}/delete").status_code == 403
    assert "/edit" not in client.get(f"/resources/{rid}").get_data(as_text=True)
    login_as(client, people, "member")
    edited = client.post(
        f"/resources/{rid}/edit", data={"title": "Nieuwe titel", "tags": "a, b", "description": ""}
    )
    assert edited.status_code == 303
    login_as(client, people, "coordinator")
    assert client.post(f"/resources/{rid}/delete").status_code == 303
    with app.app_context():
        assert count(Resource) == 0
        assert {t.uses for t in db.session.scalars(select(ResourceTag))} == {0}
    assert stored_files(app) == []
    assert client.get("/resources/").status_code == 200


def test_list_stays_within_twelve_queries(app, client, people):
    with app.app_context():
        users = [db.session.get(User, people[k][0]) for k in ("member", "other", "coordinator")]
        for n in range(45):
            factories.resource(users[n % 3], title=f"Bron {n}", tags=f"tag{n % 7}, gedeeld")
    login_as(client, people, "member")
    for url in ("/resources/", "/resources/?page=2", "/resources/?tag=gedeeld", "/search?q=bron"):
        with counting(app) as statements:
            response = client.get(url)
        assert response.status_code == 200
        assert len(statements) <= 12, (url, statements)
    assert "Bron 44" in client.get("/resources/").get_data(as_text=True)
    assert "Bron 0<" in client.get("/resources/?page=3").get_data(as_text=True)
