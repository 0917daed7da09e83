"""A decision or a resource can belong to a meeting; the meeting page lists them."""

from sqlalchemy import select

from leernet.decisions.models import Decision
from leernet.extensions import db
from leernet.resources.models import Resource

from . import factories
from .conftest import login_as
from .minutes_helpers import crew, member  # noqa: F401
from .test_decisions import proposal


def test_a_proposal_made_for_a_meeting(app, client, crew):  # noqa: F811
    meeting = crew["meeting"]
    login_as(client, crew, "member")
    form = client.get(f"/decisions/new?meeting={meeting}").text
    assert f'<option selected value="{meeting}">' in form
    sent = client.post("/decisions/new", data=proposal(meeting_id=str(meeting)))
    assert sent.status_code == 303
    with app.app_context():
        decision = db.session.scalar(select(Decision))
        assert decision.meeting_id == meeting
    detail = client.get(f"/decisions/{decision.id}").text
    assert f'href="/meetings/{meeting}"' in detail and "Netwerkdag" in detail
    assert "Netwerkdag" in client.get("/decisions/").text
    assert "Koffie voortaan fairtrade" in client.get(f"/meetings/{meeting}").text
    bad = client.post("/decisions/new", data=proposal(meeting_id="123456", title="Ander"))
    assert bad.status_code == 422
    unlinked = client.post("/decisions/new", data=proposal(meeting_id="0", title="Los"))
    assert unlinked.status_code == 303
    with app.app_context():
        assert db.session.scalar(select(Decision.meeting_id).where(Decision.title == "Los")) is None


def test_a_resource_of_a_meeting(app, client, crew):  # noqa: F811
    meeting = crew["meeting"]
    login_as(client, crew, "other")
    assert (
        f'<option selected value="{meeting}">'
        in client.get(f"/resources/new?meeting={meeting}").text
    )
    added = client.post(
        "/resources/new",
        data={
            "kind": "link",
            "title": "Slides van de netwerkdag",
            "url": "https://example.org/slides",
            "meeting_id": str(meeting),
        },
    )
    assert added.status_code == 303
    with app.app_context():
        resource = db.session.scalar(select(Resource))
        assert resource.meeting_id == meeting
    assert "Netwerkdag" in client.get(f"/resources/{resource.id}").text
    assert "Slides van de netwerkdag" in client.get(f"/meetings/{meeting}").text
    edit = client.get(f"/resources/{resource.id}/edit").text
    assert f'<option selected value="{meeting}">' in edit
    client.post(
        f"/resources/{resource.id}/edit",
        data={"title": "Slides", "url": "https://example.org/slides", "meeting_id": "0"},
    )
    with app.app_context():
        assert db.session.get(Resource, resource.id).meeting_id is None


def test_an_older_meeting_stays_choosable_when_editing(app, client, crew):  # noqa: F811
    with app.app_context():
        old = factories.meeting("Oude bijeenkomst", days=-400)
        resource = factories.resource(member(crew, "member"), "Verslag")
        resource.meeting_id = old.id
        db.session.commit()
        ids = old.id, resource.id
    login_as(client, crew, "member")
    page = client.get(f"/resources/{ids[1]}/edit").text
    assert f'<option selected value="{ids[0]}">' in page and "Oude bijeenkomst" in page
