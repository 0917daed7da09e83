"""Action items: from minutes or on their own, my actions on the home page, overdue ones."""

from datetime import date, timedelta

from sqlalchemy import select

from leernet.extensions import db
from leernet.mail import OutboxMessage
from leernet.minutes.models import ActionItem

from . import factories
from .conftest import login_as
from .minutes_helpers import crew, meeting_of, member, minutes_of  # noqa: F401


def test_an_action_from_the_minutes_reaches_its_owner(app, client, crew):  # noqa: F811
    with app.app_context():
        factories.minutes(meeting_of(crew), member(crew, "member"), state="shared")
        minutes_id = minutes_of(crew["meeting"]).id
    login_as(client, crew, "member")
    form = client.get(f"/meetings/actions/new?minutes={minutes_id}")
    assert form.status_code == 200 and 'name="meeting"' not in form.text
    yesterday = (date.today() - timedelta(days=2)).isoformat()
    added = client.post(
        f"/meetings/actions/new?minutes={minutes_id}",
        data={"what": "Fondsen bellen", "owner": crew["other"][0], "due_on": yesterday},
    )
    assert added.status_code == 303
    assert added.headers["Location"] == f"/meetings/{crew['meeting']}/minutes"
    with app.app_context():
        action = db.session.scalar(select(ActionItem))
        assert (action.minutes_id, action.meeting_id) == (minutes_id, crew["meeting"])
        told = db.session.scalar(
            select(OutboxMessage).where(OutboxMessage.kind == "action_assigned")
        )
        assert told.user_id == crew["other"][0] and "Fondsen bellen" in told.body
    assert "Fondsen bellen" in client.get(f"/meetings/{crew['meeting']}/minutes").text
    # The owner sees it on the home page, marked as overdue, and ticks it off.
    login_as(client, crew, "other")
    home = client.get("/").text
    assert 'id="card-actions"' in home and "1 action is overdue." in home
    assert "overdue since" in client.get("/meetings/actions/mine").text
    done = client.post(f"/meetings/actions/{action.id}/done", data={"done": "1", "next": "/"})
    assert done.status_code == 303 and done.headers["Location"] == "/"
    assert 'id="card-actions"' not in client.get("/").text
    assert "Fondsen bellen" in client.get("/meetings/actions/mine?done=1").text
    # Attendee-only minutes keep their actions from outsiders.
    login_as(client, crew, "outsider")
    assert "Fondsen bellen" not in client.get(f"/meetings/{crew['meeting']}").text
    assert client.get(f"/meetings/actions/{action.id}/edit").status_code == 404
    assert client.post(f"/meetings/actions/{action.id}/done").status_code == 404


def test_a_meeting_lists_its_actions_and_who_may_change_them(app, client, crew):  # noqa: F811
    login_as(client, crew, "outsider")
    added = client.post(
        f"/meetings/actions/new?meeting={crew['meeting']}",
        data={"what": "Zaal reserveren", "owner": crew["outsider"][0], "meeting": crew["meeting"]},
    )
    assert added.status_code == 303
    with app.app_context():
        action = db.session.scalar(select(ActionItem))
        assert action.meeting_id == crew["meeting"] and action.minutes_id is None
        assert not db.session.scalar(select(OutboxMessage.id))  # no message to oneself
    login_as(client, crew, "member")
    page = client.get(f"/meetings/{crew['meeting']}").text
    assert "Zaal reserveren" in page and f"/meetings/actions/{action.id}/edit" not in page
    assert client.post(f"/meetings/actions/{action.id}/done").status_code == 403
    assert "Zaal reserveren" in client.get(f"/meetings/{crew['meeting']}/actions").text
    login_as(client, crew, "host")  # the host manages the meeting
    changed = client.post(
        f"/meetings/actions/{action.id}/edit",
        data={"what": "Zaal boeken", "owner": crew["member"][0], "meeting": crew["meeting"]},
    )
    assert changed.status_code == 303
    with app.app_context():
        assert db.session.get(ActionItem, action.id).owner_id == crew["member"][0]
        assert db.session.scalar(select(OutboxMessage.user_id)) == crew["member"][0]
    assert client.post(f"/meetings/actions/{action.id}/delete").status_code == 303
    with app.app_context():
        assert db.session.get(ActionItem, action.id) is None


def test_an_action_on_its_own(app, client, crew):  # noqa: F811
    login_as(client, crew, "member")
    bad = client.post(
        "/meetings/actions/new", data={"what": " ", "owner": "999999", "due_on": "1899-01-01"}
    )
    assert bad.status_code == 422
    ok = client.post(
        "/meetings/actions/new",
        data={"what": "Jaarverslag lezen", "owner": crew["member"][0], "meeting": "0"},
    )
    assert ok.status_code == 303 and ok.headers["Location"] == "/meetings/actions/mine"
    with app.app_context():
        action = db.session.scalar(select(ActionItem))
        assert action.meeting_id is None and action.due_on is None
    login_as(client, crew, "other")
    assert client.get(f"/meetings/actions/{action.id}/edit").status_code == 403
    login_as(client, crew, "coordinator")
    assert client.get(f"/meetings/actions/{action.id}/edit").status_code == 200


def test_my_actions_card_shows_the_soonest_first_and_overdue_ones(app, client, crew):  # noqa: F811
    with app.app_context():
        me = member(crew, "member")
        factories.action(me, "Later", due_in=30)
        factories.action(me, "Te laat", due_in=-3)
        factories.action(me, "Zonder datum", due_in=None)
        factories.action(me, "Al klaar", due_in=-10, done=True)
        factories.action(member(crew, "other"), "Van een ander")
    login_as(client, crew, "member")
    card = client.get("/").text.split('id="card-actions"')[1].split("</section>")[0]
    assert card.index("Te laat") < card.index("Later") < card.index("Zonder datum")
    assert "Al klaar" not in card and "Van een ander" not in card
    assert 'class="overdue"' in card


def test_export_holds_my_revisions_and_actions(app, client, crew):  # noqa: F811
    import json

    with app.app_context():
        factories.minutes(meeting_of(crew), member(crew, "member"), "Mijn tekst", "Tweede tekst")
        factories.action(member(crew, "member"), "Mijn actie", by=member(crew, "host"))
        factories.action(member(crew, "other"), "Andermans actie")
    login_as(client, crew, "member")
    data = json.loads(client.get("/members/me/export").text)
    assert [r["text"] for r in data["minutes"]] == ["Mijn tekst", "Tweede tekst"]
    assert data["minutes"][0]["meeting"] == "Netwerkdag"
    assert [a["what"] for a in data["actions"]] == ["Mijn actie"]
    assert data["actions"][0]["mine"] and not data["actions"][0]["noted_by_me"]
