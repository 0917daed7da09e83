"""Setup, joining, login, logout and passwords, through HTTP."""

from datetime import timedelta

from sqlalchemy import select

from leernet.admin.models import Invitation, Network
from leernet.auth import models as tokens
from leernet.extensions import db
from leernet.members.models import User
from leernet.timeutil import utcnow

from . import factories
from .conftest import count, login_as

GOOD = {"password": "paarden eten hooi", "confirm": "paarden eten hooi"}


def setup_token(app):
    with app.app_context():
        plain = tokens.issue(tokens.SETUP)
        db.session.commit()
    return plain


def setup_form(token, **changes):
    data = {
        "token": token,
        "network_name": "Orkest-HR",
        "description": "HR van orkesten",
        "timezone": "Europe/Amsterdam",
        "name": "Sanne",
        "email": "Sanne@Example.org",
        "language": "en",
        **GOOD,
    }
    data.update(changes)
    return data


def test_setup_creates_network_and_coordinator_once(app, client):
    token = setup_token(app)
    assert client.get(f"/setup?token={token}").status_code == 200
    response = client.post("/setup", data=setup_form(token))
    assert response.status_code == 303
    with app.app_context():
        user = db.session.scalar(select(User))
        assert user.email == "sanne@example.org" and user.is_coordinator
        assert db.session.scalar(select(Network)).name == "Orkest-HR"
    client.post("/logout")
    again = client.post("/setup", data=setup_form(token, email="x@example.org"))
    assert again.status_code == 410
    assert "already been set up" in again.get_data(as_text=True)
    with app.app_context():
        assert count(User) == 1


def test_setup_without_valid_token_is_refused(app, client):
    for url in ("/setup", "/setup?token=wrong"):
        response = client.get(url)
        assert response.status_code == 410
        assert "not valid" in response.get_data(as_text=True)
    assert client.post("/setup", data=setup_form("wrong")).status_code == 410
    with app.app_context():
        assert count(User) == 0


def test_setup_form_keeps_input_but_never_the_password(app, client):
    token = setup_token(app)
    response = client.post(
        "/setup", data=setup_form(token, password="kort", confirm="kort", name="Sanne Bakker")
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "at least 10 characters" in page
    assert 'value="Sanne Bakker"' in page and "Orkest-HR" in page
    assert 'value="kort"' not in page


def test_join_with_invitation(app, client, network):
    with app.app_context():
        invitation = factories.invitation(name="Daan", email="daan@example.org")
        token = invitation.token
    assert 'value="Daan"' in client.get(f"/join/{token}").get_data(as_text=True)
    response = client.post(
        f"/join/{token}",
        data={"name": "Daan Jansen", "email": "daan@example.org", "language": "en", **GOOD},
    )
    assert response.status_code == 303 and response.headers["Location"] == "/"
    assert client.get("/members/").status_code == 200
    with app.app_context():
        used = db.session.scalar(select(Invitation))
        assert used.used_at is not None and used.used_by.name == "Daan Jansen"
    client.post("/logout")
    reused = client.get(f"/join/{token}")
    assert reused.status_code == 410 and "not valid any more" in reused.get_data(as_text=True)


def test_join_refuses_expired_revoked_and_unknown_links(app, client, network):
    with app.app_context():
        expired = factories.invitation(days=-1).token
        revoked = factories.invitation(revoked_at=utcnow()).token
    for token in (expired, revoked, "no-such-token", "x" * 500):
        assert client.get(f"/join/{token}").status_code == 410
        assert (
            client.post(
                f"/join/{token}", data={"name": "X", "email": "x@example.org", **GOOD}
            ).status_code
            == 410
        )
    with app.app_context():
        assert count(User) == 0


def test_join_bad_input_comes_back_with_messages(app, client, people):
    with app.app_context():
        token = factories.invitation().token
    cases = [
        ({"name": "  ", "email": "new@example.org", **GOOD}, "Please fill this in."),
        ({"name": "Eva", "email": people["member"][1], **GOOD}, "already exists"),
        ({"name": "Eva", "email": "not-an-email", **GOOD}, "not a valid e-mail"),
        (
            {
                "name": "Eva",
                "email": "eva@example.org",
                "password": "1234567890",
                "confirm": "1234567890",
            },
            "too easy to guess",
        ),
    ]
    for data, message in cases:
        response = client.post(f"/join/{token}", data=data)
        page = response.get_data(as_text=True)
        assert response.status_code == 422, message
        assert message in page
        assert "paarden eten hooi" not in page
        if data["name"].strip():
            assert f'value="{data["name"]}"' in page


def test_login_logout_and_wrong_password(app, client, people):
    email = people["member"][1]
    bad = client.post("/login", data={"email": email, "password": "wrong password!"})
    assert bad.status_code == 422 and "not right" in bad.get_data(as_text=True)
    assert f'value="{email}"' in bad.get_data(as_text=True)
    good = client.post("/login", data={"email": email.upper(), "password": factories.PASSWORD})
    assert good.status_code == 303
    assert client.get("/").get_data(as_text=True).count("Bram Lid") >= 1
    assert client.post("/logout").status_code == 303
    assert client.get("/members/").status_code == 302


def test_login_redirects_only_to_local_paths(client, people):
    data = {"email": people["member"][1], "password": factories.PASSWORD}
    assert (
        client.post("/login", data={**data, "next": "/members/"}).headers["Location"] == "/members/"
    )
    client.post("/logout")
    for evil in ("https://evil.example/", "//evil.example", "/\\evil.example"):
        response = client.post("/login", data={**data, "next": evil})
        assert response.headers["Location"] == "/"
        client.post("/logout")


def test_deactivated_member_cannot_log_in(app, client, network):
    with app.app_context():
        email = factories.user(active=False).email
    response = client.post("/login", data={"email": email, "password": factories.PASSWORD})
    assert response.status_code == 422


def test_reset_link_expires(app, client, people):
    with app.app_context():
        user = db.session.get(User, people["member"][0])
        plain = tokens.issue(tokens.RESET, user, timedelta(seconds=-1))
        db.session.commit()
    assert client.get(f"/password/reset/{plain}").status_code == 410


def test_change_password_ends_other_sessions(app, people):
    first, second = app.test_client(), app.test_client()
    login_as(first, people, "member")
    login_as(second, people, "member")
    wrong = first.post("/password/change", data={"current": "nope nope nope", **GOOD})
    assert "not your current password" in wrong.get_data(as_text=True)
    done = first.post("/password/change", data={"current": factories.PASSWORD, **GOOD})
    assert done.status_code == 303
    assert first.get("/members/").status_code == 200
    assert second.get("/members/").status_code == 302


def test_csrf_missing_is_refused(client, people):
    response = client.post(
        "/login", data={"email": people["member"][1], "password": factories.PASSWORD}, csrf=False
    )
    assert response.status_code == 400
    assert "form had expired" in response.get_data(as_text=True)


def test_language_switch_for_visitors(client, network):
    client.post("/language", data={"language": "nl", "next": "/login"})
    assert "Inloggen" in client.get("/login").get_data(as_text=True)
    client.post("/language", data={"language": "en", "next": "/login"})
    assert "Log in" in client.get("/login").get_data(as_text=True)


def test_a_caller_read_with_a_hot_endpoints_row_answers_the_rest_from_the_user(app):
    from leernet.intervision.live import Caller

    with app.app_context():
        member = factories.user("Cor Caller", tags="subsidies")
        caller = Caller(member.id, False, True, member.session_version)
        assert (caller.id, caller.is_authenticated, caller.is_active) == (member.id, True, True)
        assert caller.name == "Cor Caller" and caller.get_id() == member.get_id()
        assert [tag.name for tag in caller.tags] == ["subsidies"]
