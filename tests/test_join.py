"""The first day (issue 14, part 2): setup, the checklist, personal and group invitations."""

import threading

from sqlalchemy import select

from leernet.admin.group_links import GroupLink, JoinRequest, claim
from leernet.admin.models import Network
from leernet.extensions import db
from leernet.members.models import User
from leernet.timeutil import utcnow

from . import factories
from .conftest import count, login_as
from .test_auth import setup_form, setup_token

NEWCOMER = {"name": "Noor Nieuw", "email": "noor@example.org", "password": "paarden eten hooi"}


def test_setup_takes_its_language_from_the_browser(app, client):
    token = setup_token(app)
    english = client.get(f"/setup?token={token}").text
    assert '<option selected value="en">' in english
    assert "Also the network's default language" in english
    dutch = client.get(f"/setup?token={token}", headers={"Accept-Language": "nl"}).text
    assert '<option selected value="nl">' in dutch


def test_setup_lands_on_home_with_a_checklist_that_ticks_itself_off(app, client):
    response = client.post("/setup", data=setup_form(setup_token(app)))
    assert response.headers["Location"] == "/"
    home = client.get("/").text
    assert 'hx-get="/cards/start"' in home
    checklist = client.get("/cards/start").text
    for step in ("Plan the first meeting", "Invite people one by one", "Make a group link"):
        assert f">{step}" in checklist
    with app.app_context():
        coordinator = db.session.scalar(select(User))
        factories.meeting()
        factories.group_link(coordinator)
    ticked = client.get("/cards/start").text
    assert "<s>Plan the first meeting</s>" in ticked and "<s>Make a group link" in ticked
    assert ">Invite people one by one</a>" in ticked
    with app.app_context():
        factories.invitation()
        factories.user("Eerste Lid")
    assert client.get("/cards/start").text == ""


def test_members_get_no_checklist(client, people):
    login_as(client, people, "member")
    assert client.get("/cards/start").text == ""
    assert 'href="/admin/"' not in client.get("/").text


def test_admin_is_one_tap_from_home_on_a_phone(client, people):
    login_as(client, people, "coordinator")
    home = client.get("/").text
    assert '<a class="topadmin-link" href="/admin/"' in home


def test_personal_join_page_says_who_invites_and_when_we_meet(app, client, people):
    with app.app_context():
        coordinator = db.session.get(User, people["coordinator"][0])
        token = factories.invitation(name="Daan", email="daan@example.org",
                                     created_by_id=coordinator.id).token  # fmt: skip
        factories.meeting("Netwerkdag", place="Zaal 3, Geheime straat 1",
                          online_url="https://meet.example.org/geheim")  # fmt: skip
    page = client.get(f"/join/{token}").text
    assert "Anouk Coördinator invites you to join Testnetwerk." in page
    assert "Netwerkdag" in page
    assert "Geheime straat" not in page and "meet.example.org" not in page
    assert "Password again" not in page


def test_after_joining_home_with_the_next_meeting_in_reach(app, client, network):
    with app.app_context():
        token = factories.invitation(name="Daan", email="daan@example.org").token
        meeting_id = factories.meeting("Netwerkdag").id
    response = client.post(
        f"/join/{token}",
        data={
            "name": "Daan",
            "email": "daan@example.org",
            "password": NEWCOMER["password"],
            "language": "en",
        },  # fmt: skip
    )
    assert response.status_code == 303 and response.headers["Location"] == "/"
    home = client.get("/").text
    assert f'action="/meetings/{meeting_id}/rsvp"' in home


def test_a_used_link_opened_when_logged_in_goes_home(app, client, people):
    with app.app_context():
        used = factories.invitation(used_at=utcnow()).token
        grouped = factories.group_link(db.session.get(User, people["coordinator"][0]))[0].token
    login_as(client, people, "member")
    for url in (f"/join/{used}", f"/join/group/{grouped}"):
        response = client.get(url)
        assert response.status_code == 303 and response.headers["Location"] == "/"


def test_the_invitation_pages_say_which_link_is_for_whom(app, client, people):
    login_as(client, people, "coordinator")
    page = client.get("/admin/invitations").text
    assert "not to a group chat" in page and "Create group link" in page
    with app.app_context():
        invitation_id = factories.invitation(name="Daan").id
    single = client.get(f"/admin/invitations/{invitation_id}").text
    assert "it works once" in single and "your group chat:" not in single


def make_link(client, **fields):
    data = {"days": "14", "approval": "y", **fields}
    response = client.post("/admin/group-links", data=data)
    assert response.status_code == 303
    return response.headers["Location"]


def test_group_link_with_approval(app, client, people):
    login_as(client, people, "coordinator")
    page_url = make_link(client)
    page = client.get(page_url).text
    assert "/join/group/" in page and 'src="' + page_url + '/qr.svg"' in page
    svg = client.get(page_url + "/qr.svg")
    assert svg.mimetype == "image/svg+xml"
    with app.app_context():
        token = db.session.scalar(select(GroupLink.token))
    client.post("/logout")

    join_page = client.get(f"/join/group/{token}").text
    assert "approves each new member" in join_page and "Testnetwerk" in join_page
    waiting = client.post(f"/join/group/{token}", data={**NEWCOMER, "language": "en"})
    assert waiting.status_code == 200 and "Almost there, Noor Nieuw" in waiting.text
    assert client.get("/members/").status_code == 302  # not logged in: sees nothing
    credentials = {"email": NEWCOMER["email"], "password": NEWCOMER["password"]}
    early = client.post("/login", data=credentials)
    assert "Almost there, Noor Nieuw" in early.text, "told that a coordinator will approve"
    assert client.get("/members/").status_code == 302
    wrong = client.post("/login", data={"email": NEWCOMER["email"], "password": "wrong password"})
    assert "Almost there" not in wrong.text and "is not right" in wrong.text

    login_as(client, people, "coordinator")
    card = client.get("/cards/start").text
    assert "Waiting for your approval" in card and "Noor Nieuw" in card
    with app.app_context():
        request_id = db.session.scalar(select(JoinRequest.id))
    assert client.post(f"/admin/join-requests/{request_id}/approve").status_code == 303
    assert "Noor Nieuw" not in client.get("/cards/start").text
    client.post("/logout")
    client.post("/login", data={"email": NEWCOMER["email"], "password": NEWCOMER["password"]})
    assert client.get("/members/").status_code == 200


def test_declined_newcomer_leaves_nothing(app, client, people):
    with app.app_context():
        _link, request = factories.group_link(
            db.session.get(User, people["coordinator"][0]), newcomer="Niet Welkom"
        )
        request_id, before = request.id, count(User)
    login_as(client, people, "coordinator")
    assert client.post(f"/admin/join-requests/{request_id}/decline").status_code == 303
    with app.app_context():
        assert count(User) == before - 1 and count(JoinRequest) == 0


def test_group_link_without_approval_joins_at_once(app, client, people):
    with app.app_context():
        link, _ = factories.group_link(
            db.session.get(User, people["coordinator"][0]), approval=False
        )
        token = link.token
    response = client.post(f"/join/group/{token}", data={**NEWCOMER, "language": "en"})
    assert response.status_code == 303 and response.headers["Location"] == "/"
    assert client.get("/members/").status_code == 200


def test_group_link_stops_at_its_limit_date_and_revocation(app, client, people):
    with app.app_context():
        coordinator = db.session.get(User, people["coordinator"][0])
        full = factories.group_link(coordinator, max_uses=1, approval=False)[0].token
        late = factories.group_link(coordinator, days=-1)[0].token
        revoked = factories.group_link(coordinator)[0]
        revoked_id, revoked = revoked.id, revoked.token
    login_as(client, people, "coordinator")
    assert client.post(f"/admin/group-links/{revoked_id}/revoke").status_code == 303
    client.post("/logout")
    first = client.post(f"/join/group/{full}", data={**NEWCOMER, "language": "en"})
    assert first.status_code == 303
    client.post("/logout")
    for token in (full, late, revoked, "nope"):
        again = {**NEWCOMER, "email": "ander@example.org", "language": "en"}
        assert client.post(f"/join/group/{token}", data=again).status_code == 410
        assert client.get(f"/join/group/{token}").status_code == 410


def test_a_taken_address_does_not_count_as_a_use(app, client, people):
    with app.app_context():
        link = factories.group_link(db.session.get(User, people["coordinator"][0]))[0]
        token, link_id = link.token, link.id
    taken = {**NEWCOMER, "email": people["member"][1], "language": "en"}
    assert client.post(f"/join/group/{token}", data=taken).status_code == 422
    with app.app_context():
        assert db.session.get(GroupLink, link_id).uses == 0


def test_concurrent_joins_never_pass_the_limit(app, people):
    """Eight claims at once on a link for three: exactly three succeed."""
    with app.app_context():
        link, _ = factories.group_link(db.session.get(User, people["coordinator"][0]), max_uses=3)
        link_id = link.id
    results, start = [], threading.Barrier(8)

    def one():
        with app.app_context():
            found = db.session.get(GroupLink, link_id)
            start.wait()
            ok = claim(found, utcnow())
            db.session.commit()
            results.append(ok)
            db.session.remove()

    threads = [threading.Thread(target=one) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sorted(results) == [False] * 5 + [True] * 3
    with app.app_context():
        assert db.session.get(GroupLink, link_id).uses == 3
        assert db.session.scalar(select(Network.name)) == "Testnetwerk"


def test_a_group_link_page_belongs_to_the_invitations_tab(app, client, people):
    with app.app_context():
        link_id = factories.group_link(db.session.get(User, people["coordinator"][0]))[0].id
    login_as(client, people, "coordinator")
    page = client.get(f"/admin/group-links/{link_id}").text
    assert '<a href="/admin/invitations" aria-current="page">' in page
