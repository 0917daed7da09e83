"""Check-outs: one per member and meeting, only for those who were there, for a week;
the home card, the after-meeting message, and the member's export."""

import json
import re
from datetime import timedelta

from sqlalchemy import func, select

from leernet.extensions import db
from leernet.mail import OutboxMessage
from leernet.meetings.models import Meeting
from leernet.timeutil import utcnow
from leernet.value import rules
from leernet.value.models import CheckOut, CheckoutInvite
from leernet.value.notices import send_checkout_invites

from . import factories
from .conftest import login_as


def past_meeting(app, people, who=("member",), days=-1, **extra):
    """A meeting that ended a day ago, attended by ``who``."""
    with app.app_context():
        meeting = factories.meeting("Netwerkdag", days=days, hours=2, **extra)
        for key in who:
            factories.attend(meeting, db.session.get(factories.User, people[key][0]))
        return meeting.id


def chosen_score(html):
    found = re.search(r'<input checked[^>]*name="usefulness"[^>]*value="(\d)"', html)
    return found and found.group(1)


def checkouts(app):
    with app.app_context():
        return db.session.scalars(select(CheckOut).order_by(CheckOut.id)).all()


def test_a_member_who_was_there_checks_out(app, client, people):
    meeting_id = past_meeting(app, people)
    login_as(client, people, "member")
    page = client.get(f"/value/checkout/{meeting_id}?usefulness=4")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "How was Netwerkdag?" in html
    assert chosen_score(html) == "4"  # the number tapped on the home card
    assert "Something I applied made a real difference" in html  # cycles explained
    response = client.post(
        f"/value/checkout/{meeting_id}",
        data={"usefulness": "4", "cycles": ["immediate", "potential"], "takeaway": " Bel Noor "},
    )
    assert response.status_code == 303
    [row] = checkouts(app)
    assert (row.usefulness, row.immediate, row.potential, row.applied) == (4, True, True, False)
    assert row.takeaway == "Bel Noor"
    assert "You can change your check-out" in client.get("/").get_data(as_text=True)


def test_a_second_check_out_edits_the_first(app, client, people):
    meeting_id = past_meeting(app, people)
    login_as(client, people, "member")
    client.post(f"/value/checkout/{meeting_id}", data={"usefulness": "2", "cycles": "immediate"})
    again = client.get(f"/value/checkout/{meeting_id}").get_data(as_text=True)
    assert chosen_score(again) == "2" and 'value="immediate" checked' in again
    client.post(f"/value/checkout/{meeting_id}", data={"usefulness": "5", "cycles": "reframing"})
    [row] = checkouts(app)
    assert (row.usefulness, row.immediate, row.reframing) == (5, False, True)


def test_check_out_is_refused_to_who_was_not_there(app, client, people):
    meeting_id = past_meeting(app, people, who=("other",))
    login_as(client, people, "member")
    page = client.get(f"/value/checkout/{meeting_id}")
    assert page.status_code == 403
    assert "You were not checked in at this meeting" in page.get_data(as_text=True)
    posted = client.post(f"/value/checkout/{meeting_id}", data={"usefulness": "5"})
    assert posted.status_code == 403
    assert checkouts(app) == []


def test_check_out_is_refused_before_the_meeting_and_after_the_week(app, client, people):
    future = past_meeting(app, people, days=2)
    old = past_meeting(app, people, days=-9)
    login_as(client, people, "member")
    response = client.post(f"/value/checkout/{future}", data={"usefulness": "5"})
    assert response.status_code == 409
    assert "has not happened yet" in response.get_data(as_text=True)
    late = client.post(f"/value/checkout/{old}", data={"usefulness": "5"})
    assert late.status_code == 409 and "closed a week after" in late.get_data(as_text=True)
    assert checkouts(app) == []
    assert client.get("/value/checkout/999999").status_code == 404


def test_a_cancelled_meeting_has_no_check_out(app, client, people):
    meeting_id = past_meeting(app, people, cancelled_at=utcnow() - timedelta(days=3))
    login_as(client, people, "member")
    response = client.post(f"/value/checkout/{meeting_id}", data={"usefulness": "3"})
    assert response.status_code == 409 and "cancelled" in response.get_data(as_text=True)


def test_bad_check_out_input_comes_back_with_a_message(app, client, people):
    meeting_id = past_meeting(app, people)
    login_as(client, people, "member")
    for data in (
        {},
        {"usefulness": "6"},
        {"usefulness": "abc"},
        {"usefulness": "3", "cycles": "world-peace"},
        {"usefulness": "3", "takeaway": "x" * 201},
    ):
        response = client.post(f"/value/checkout/{meeting_id}", data=data)
        assert response.status_code == 422, data
        assert 'class="error"' in response.get_data(as_text=True)
    assert "How useful was it? Choose 1 to 5." in client.post(
        f"/value/checkout/{meeting_id}", data={"takeaway": "Mooi"}
    ).get_data(as_text=True)
    assert checkouts(app) == []


def test_the_service_refuses_too_and_keeps_one_row(app, people):
    from leernet.value.service import CheckoutRefused, check_out

    meeting_id = past_meeting(app, people)
    with app.app_context():
        meeting = db.session.get(Meeting, meeting_id)
        member = db.session.get(factories.User, people["member"][0])
        other = db.session.get(factories.User, people["other"][0])
        now = utcnow()
        check_out(meeting, member, 3, ["applied"], "", now)
        check_out(meeting, member, 4, [], "", now)
        db.session.commit()
        try:
            check_out(meeting, other, 4, [], "", now)
        except CheckoutRefused as refused:
            assert refused.reason == rules.ABSENT
        else:
            raise AssertionError("someone who was not there checked out")
        assert db.session.scalar(select(func.count(CheckOut.id))) == 1


def test_home_card_asks_how_it_was_until_i_check_out(app, client, people):
    meeting_id = past_meeting(app, people)
    login_as(client, people, "member")
    home = client.get("/").get_data(as_text=True)
    assert 'id="card-checkout"' in home and "How was Netwerkdag?" in home
    assert f"/value/checkout/{meeting_id}?usefulness=5" in home
    client.post(f"/value/checkout/{meeting_id}", data={"usefulness": "5"})
    assert 'id="card-checkout"' not in client.get("/").get_data(as_text=True)
    login_as(client, people, "other")  # was not there
    assert 'id="card-checkout"' not in client.get("/").get_data(as_text=True)


def test_home_card_forgets_meetings_older_than_a_week(app, client, people):
    past_meeting(app, people, days=-8)
    login_as(client, people, "member")
    home = client.get("/").get_data(as_text=True)
    assert 'id="card-checkout"' not in home
    assert 'id="card-value"' in home and "/value/" in home


def invites(app):
    with app.app_context():
        return db.session.scalar(
            select(func.count(OutboxMessage.id)).where(OutboxMessage.kind == "value_checkout")
        )


def test_checkout_invitations_go_once_to_those_who_were_there(app, people, runner):
    meeting_id = past_meeting(app, people, who=("member", "other", "coordinator"))
    with app.app_context():
        factories.meeting("Nog niet voorbij", days=1)
        coordinator = db.session.get(factories.User, people["coordinator"][0])
        coordinator.notify_meetings = False  # opted out of meeting notices
        meeting = db.session.get(Meeting, meeting_id)
        factories.checkout(meeting, db.session.get(factories.User, people["other"][0]))
    result = runner.invoke(args=["leernet", "send-checkout-invites"])
    assert "Check-out invitations sent: 1" in result.output
    assert runner.invoke(args=["leernet", "send-checkout-invites"]).output.endswith(": 0\n")
    assert invites(app) == 1
    with app.app_context():
        message = db.session.scalar(
            select(OutboxMessage).where(OutboxMessage.kind == "value_checkout")
        )
        assert message.user_id == people["member"][0]
        assert f"/value/checkout/{meeting_id}" in message.body
        assert db.session.scalar(select(func.count()).select_from(CheckoutInvite)) == 1


def test_checkout_invitations_skip_old_and_cancelled_meetings(app, people):
    past_meeting(app, people, days=-9)
    past_meeting(app, people, cancelled_at=utcnow())
    with app.test_request_context():
        assert send_checkout_invites(utcnow()) == 0


def test_my_check_outs_and_stories_are_in_my_export(app, client, people):
    meeting_id = past_meeting(app, people, who=("member", "other"))
    with app.app_context():
        meeting = db.session.get(Meeting, meeting_id)
        member = db.session.get(factories.User, people["member"][0])
        other = db.session.get(factories.User, people["other"][0])
        factories.checkout(meeting, member, 5, ("applied",), "Mijn les")
        factories.checkout(meeting, other, 1, (), "Niet van mij")
        factories.story(member, "Mijn verhaal", visibility="coordinators")
        factories.story(other, "Niet mijn verhaal")
    login_as(client, people, "member")
    data = json.loads(client.get("/members/me/export").get_data(as_text=True))
    assert data["checkouts"] == [
        {
            "meeting": "Netwerkdag",
            "meeting_starts": data["checkouts"][0]["meeting_starts"],
            "usefulness": 5,
            "value_cycles": ["applied"],
            "takeaway": "Mijn les",
            "given": data["checkouts"][0]["given"],
            "changed": data["checkouts"][0]["changed"],
        }
    ]
    assert [s["title"] for s in data["value_stories"]] == ["Mijn verhaal"]
    assert data["value_stories"][0]["visible_to"] == "coordinators"


def test_the_meeting_page_offers_the_check_out_and_a_story(app, client, people):
    meeting_id = past_meeting(app, people)
    with app.app_context():
        future_id = factories.meeting("Volgende keer", days=5).id
    login_as(client, people, "member")
    page = client.get(f"/meetings/{meeting_id}").get_data(as_text=True)
    assert f"/value/checkout/{meeting_id}" in page
    assert f"/value/stories/new?about=meeting:{meeting_id}" in page
    login_as(client, people, "other")  # was not there: a story, no check-out
    page = client.get(f"/meetings/{meeting_id}").get_data(as_text=True)
    assert f"/value/checkout/{meeting_id}" not in page and "/value/stories/new" in page
    assert (
        "/value/"
        not in client.get(f"/meetings/{future_id}").get_data(as_text=True).split("<main", 1)[1]
    )
