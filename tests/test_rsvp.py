"""One-tap answers, the waiting list through the pages, check-in and attendance."""

from datetime import timedelta

from sqlalchemy import select

from leernet.extensions import db
from leernet.mail import OutboxMessage
from leernet.meetings.attendance import attendee_ids, present_members
from leernet.meetings.models import Attendance, Meeting, Rsvp
from leernet.timeutil import utcnow

from . import factories
from .conftest import HTMX, login_as


def answers(meeting_id):
    rows = db.session.scalars(select(Rsvp).where(Rsvp.meeting_id == meeting_id)).all()
    return {r.user_id: (r.answer, r.waiting, r.note) for r in rows}


def test_rsvp_in_one_tap_returns_the_panel_with_live_counts(app, client, people):
    with app.app_context():
        meeting_id = factories.meeting().id
    login_as(client, people, "member")
    response = client.post(
        f"/meetings/{meeting_id}/rsvp",
        data={"answer": "yes", "note": "30 min later", "view": "card"},
        headers=HTMX,
    )
    body = response.get_data(as_text=True)
    assert response.status_code == 200 and "<html" not in body
    assert "1 coming" in body and 'aria-pressed="true">Yes' in body
    assert "You are coming." in body
    with app.app_context():
        assert answers(meeting_id) == {people["member"][0]: ("yes", False, "30 min later")}
    again = client.post(
        f"/meetings/{meeting_id}/rsvp", data={"answer": "no", "view": "detail"}, headers=HTMX
    ).get_data(as_text=True)
    assert "0 coming" in again and "1 not coming" in again and "Bram Lid" in again
    page = client.get(f"/meetings/{meeting_id}").get_data(as_text=True)
    assert 'aria-pressed="true">No' in page


def test_without_javascript_the_answer_lands_on_the_meeting_page(app, client, people):
    with app.app_context():
        meeting_id = factories.meeting().id
    login_as(client, people, "member")
    response = client.post(f"/meetings/{meeting_id}/rsvp", data={"answer": "maybe"})
    assert response.status_code == 303
    assert response.headers["Location"].endswith(f"/meetings/{meeting_id}")


def test_a_member_only_ever_answers_for_themself(app, client, people):
    with app.app_context():
        meeting_id = factories.meeting().id
    login_as(client, people, "member")
    client.post(
        f"/meetings/{meeting_id}/rsvp",
        data={"answer": "no", "user_id": people["other"][0], "user": people["other"][0]},
    )
    with app.app_context():
        assert answers(meeting_id) == {people["member"][0]: ("no", False, "")}
    # Ticking someone else's attendance is for the host: a member is refused.
    assert (
        client.post(
            f"/meetings/{meeting_id}/attendance/{people['other'][0]}", data={"present": "1"}
        ).status_code
        == 403
    )


def test_past_cancelled_and_nonsense_answers_are_refused_clearly(app, client, people):
    with app.app_context():
        past = factories.meeting(days=-2).id
        cancelled = factories.meeting(cancelled_at=utcnow()).id
        future = factories.meeting().id
    login_as(client, people, "member")
    cases = [
        (past, "yes", "already started"),
        (cancelled, "yes", "has been cancelled"),
        (future, "perhaps", "Not a valid choice"),
    ]
    for meeting_id, answer, message in cases:
        response = client.post(
            f"/meetings/{meeting_id}/rsvp", data={"answer": answer, "view": "card"}, headers=HTMX
        )
        assert response.status_code == 422 and message in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalars(select(Rsvp)).all() == []
    response = client.post(f"/meetings/{past}/rsvp", data={"answer": "yes"}, follow_redirects=True)
    assert "already started" in response.get_data(as_text=True)


def test_waiting_list_moves_up_when_someone_drops(app, client, people):
    with app.app_context():
        meeting_id = factories.meeting(capacity=1).id
    first, second = app.test_client(), app.test_client()
    login_as(first, people, "member")
    login_as(second, people, "other")
    first.post(f"/meetings/{meeting_id}/rsvp", data={"answer": "yes"})
    waiting = second.post(
        f"/meetings/{meeting_id}/rsvp", data={"answer": "yes", "view": "card"}, headers=HTMX
    ).get_data(as_text=True)
    assert "number 1 on the waiting list" in waiting and "0 places left" in waiting
    with app.app_context():
        assert answers(meeting_id)[people["other"][0]] == ("yes", True, "")
    first.post(f"/meetings/{meeting_id}/rsvp", data={"answer": "no"})
    with app.app_context():
        assert answers(meeting_id)[people["other"][0]] == ("yes", False, "")
        told = db.session.scalar(select(OutboxMessage).where(OutboxMessage.kind == "meeting_place"))
        assert told.user_id == people["other"][0] and "You have a place" in told.subject
    page = second.get(f"/meetings/{meeting_id}").get_data(as_text=True)
    assert "You are coming." in page


def test_raising_the_capacity_promotes_and_lowering_below_coming_is_refused(app, client, people):
    with app.app_context():
        meeting = factories.meeting(capacity=1)
        meeting_id = meeting.id
        for key in ("member", "other"):
            factories.rsvp(meeting, db.session.get(factories.User, people[key][0]))
        local = meeting.starts_at.astimezone(factories.AMS)
        data = {
            "title": meeting.title,
            "kind": meeting.kind,
            "date": local.date().isoformat(),
            "start_time": local.strftime("%H:%M"),
            "end_time": meeting.ends_at.astimezone(factories.AMS).strftime("%H:%M"),
            "host": people["member"][0],  # already coming: the host's yes changes nothing
            "interval": "1",
        }
    login_as(client, people, "coordinator")
    response = client.post(f"/meetings/{meeting_id}/edit", data={**data, "capacity": "2"})
    assert response.status_code == 303
    with app.app_context():
        assert answers(meeting_id)[people["other"][0]] == ("yes", False, "")
    refused = client.post(f"/meetings/{meeting_id}/edit", data={**data, "capacity": "1"})
    assert refused.status_code == 422
    assert "2 people are already coming" in refused.get_data(as_text=True)


def test_check_in_during_the_meeting_only(app, client, people):
    with app.app_context():
        later = factories.meeting(days=2).id
        now = factories.meeting(days=0, hours=4)
        now.starts_at = utcnow() - timedelta(minutes=10)
        db.session.commit()
        now_id = now.id
    login_as(client, people, "member")
    closed = client.post(f"/meetings/{later}/checkin", data={"view": "card"}, headers=HTMX)
    assert closed.status_code == 422 and "Check-in is open" in closed.get_data(as_text=True)
    home = client.get("/").get_data(as_text=True)
    assert "I&#39;m here" in home or "I'm here" in home
    done = client.post(
        f"/meetings/{now_id}/checkin", data={"present": "1", "view": "card"}, headers=HTMX
    )
    assert "You are checked in." in done.get_data(as_text=True)
    client.post(f"/meetings/{now_id}/checkin", data={"present": "1"})  # a double tap is fine
    with app.app_context():
        assert attendee_ids(now_id) == {people["member"][0]}
        assert [u.name for u in present_members(db.session.get(Meeting, now_id))] == ["Bram Lid"]
    client.post(f"/meetings/{now_id}/checkin", data={"present": "0"})
    with app.app_context():
        assert attendee_ids(now_id) == set()


def test_host_ticks_attendance(app, client, people):
    with app.app_context():
        host = db.session.get(factories.User, people["other"][0])
        meeting = factories.meeting(days=-1, host=host)
        meeting_id = meeting.id
        future_id = factories.meeting(days=5, host=host).id
    login_as(client, people, "other")
    page = client.get(f"/meetings/{meeting_id}/attendance").get_data(as_text=True)
    assert "Bram Lid" in page and "0 present" in page
    member = people["member"][0]
    fragment = client.post(
        f"/meetings/{meeting_id}/attendance/{member}", data={"present": "1"}, headers=HTMX
    ).get_data(as_text=True)
    assert "1 present" in fragment and "<html" not in fragment
    with app.app_context():
        row = db.session.scalar(select(Attendance))
        assert row.user_id == member and row.checked_in_by_id == people["other"][0]
    detail = client.get(f"/meetings/{meeting_id}").get_data(as_text=True)
    assert "1 present" in detail
    too_early = client.post(f"/meetings/{future_id}/attendance/{member}", data={"present": "1"})
    assert too_early.status_code == 303
    with app.app_context():
        assert attendee_ids(future_id) == set()
    client.post(f"/meetings/{meeting_id}/attendance/{member}", data={"present": "0"})
    with app.app_context():
        assert attendee_ids(meeting_id) == set()
    assert client.post(f"/meetings/{meeting_id}/attendance/99999", data={}).status_code == 404


def test_home_card_shows_the_next_meeting_with_my_answer(app, client, people):
    with app.app_context():
        factories.meeting("Later", days=20)
        first = factories.meeting("Eerstvolgende", days=2)
        factories.meeting("Geschrapt", days=1, cancelled_at=utcnow())
        factories.rsvp(first, db.session.get(factories.User, people["member"][0]), "maybe")
    login_as(client, people, "member")
    home = client.get("/").get_data(as_text=True)
    card = home[home.index('id="card-meeting"') :]
    assert "Eerstvolgende" in card and "Geschrapt" not in card.split("</section>")[0]
    assert 'aria-pressed="true">Maybe' in card
    assert home.index('id="card-meeting"') < home.index('id="card-profile"'), "most urgent first"


def test_export_holds_my_answers_and_attendance(app, client, people):
    with app.app_context():
        meeting = factories.meeting("Exportbijeenkomst")
        factories.rsvp(meeting, db.session.get(factories.User, people["member"][0]), "yes", "Later")
    login_as(client, people, "member")
    data = client.get("/members/me/export").json
    assert data["meetings"]["answers"][0]["meeting"] == "Exportbijeenkomst"
    assert data["meetings"]["answers"][0]["note"] == "Later"
    assert data["meetings"]["notify_meetings"] is True


def test_concurrent_yeses_never_overfill_the_meeting(app, people):
    import threading

    with app.app_context():
        meeting_id = factories.meeting(capacity=2).id
        emails = [factories.user(f"Snel {n}").email for n in range(8)]
    clients = []
    for email in emails:
        client = app.test_client()
        client.post("/login", data={"email": email, "password": factories.PASSWORD})
        clients.append(client)
    statuses, start = [], threading.Barrier(len(clients))

    def tap(client):
        start.wait()
        statuses.append(
            client.post(f"/meetings/{meeting_id}/rsvp", data={"answer": "yes"}).status_code
        )

    threads = [threading.Thread(target=tap, args=(c,)) for c in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert statuses == [303] * len(clients)
    with app.app_context():
        rows = answers(meeting_id).values()
        assert len(rows) == len(clients)
        assert sum(1 for answer, waiting, _note in rows if not waiting) == 2
