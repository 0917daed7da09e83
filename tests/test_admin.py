"""Coordinator pages: settings, invitations with QR code, outbox."""

from sqlalchemy import select

from leernet.admin.models import Invitation, Network
from leernet.extensions import db
from leernet.mail import OutboxMessage

from .conftest import login_as


def test_invitation_lands_in_outbox_with_link_and_qr(app, client, people):
    login_as(client, people, "coordinator")
    response = client.post("/admin/invitations", data={"name": "Daan", "email": "daan@example.org"})
    assert response.status_code == 303
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    with app.app_context():
        invitation = db.session.scalar(select(Invitation))
        message = db.session.scalar(select(OutboxMessage))
        assert message.kind == "invitation" and invitation.token in message.link
        assert message.sent_at is None
    assert f"/join/{invitation.token}" in page
    qr = client.get(f"/admin/invitations/{invitation.id}/qr.svg")
    assert qr.mimetype == "image/svg+xml" and qr.data.startswith(b"<svg")
    outbox = client.get("/admin/outbox").get_data(as_text=True)
    assert f"/join/{invitation.token}" in outbox and "not e-mailed" in outbox


def test_invitation_without_name_or_email_and_bad_email(app, client, people):
    login_as(client, people, "coordinator")
    assert client.post("/admin/invitations", data={}).status_code == 303
    bad = client.post("/admin/invitations", data={"name": "Eva", "email": "eva@"})
    assert bad.status_code == 422 and 'value="Eva"' in bad.get_data(as_text=True)


def test_revoked_invitation_stops_working(app, client, people):
    login_as(client, people, "coordinator")
    client.post("/admin/invitations", data={"name": "Daan"})
    with app.app_context():
        invitation = db.session.scalar(select(Invitation))
    client.post(f"/admin/invitations/{invitation.id}/revoke")
    assert "Revoked" in client.get("/admin/invitations").get_data(as_text=True)
    assert app.test_client().get(f"/join/{invitation.token}").status_code == 410


def test_settings_change_language_and_timezone(app, client, people):
    login_as(client, people, "coordinator")
    response = client.post(
        "/admin/",
        data={"name": "Nieuw", "description": "", "language": "nl", "timezone": "Europe/London"},
    )
    assert response.status_code == 303
    with app.app_context():
        network = db.session.scalar(select(Network))
        assert (network.name, network.timezone) == ("Nieuw", "Europe/London")
    bad = client.post("/admin/", data={"name": "Nieuw", "language": "xx", "timezone": "Mars/Base"})
    assert bad.status_code == 422


def test_home_shows_cards(client, people):
    login_as(client, people, "coordinator")
    page = client.get("/").get_data(as_text=True)
    assert 'id="card-profile"' in page
    assert 'hx-get="/cards/coordinator"' in page, "the coordinator card loads after the page"
    assert 'id="card-coordinator"' in client.get("/cards/coordinator").get_data(as_text=True)
    login_as(client, people, "member")
    assert client.get("/cards/coordinator").get_data(as_text=True) == ""
    assert client.get("/cards/no-such-card").status_code == 404
