"""Scheduling, changing and cancelling meetings through the pages, and who may do it."""

import re
from datetime import date, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from leernet.admin.models import Network
from leernet.extensions import db
from leernet.mail import OutboxMessage
from leernet.meetings.models import Meeting, Rsvp
from leernet.timeutil import utcnow

from . import factories
from .conftest import login_as

AMS = ZoneInfo("Europe/Amsterdam")


def next_weekday(weekday, weeks_ahead=2):
    today = utcnow().astimezone(AMS).date() + timedelta(weeks=weeks_ahead)
    return today + timedelta(days=(weekday - today.weekday()) % 7)


def form(host, **overrides):
    data = {
        "title": "Masterclass fondsenwerving",
        "kind": "masterclass",
        "date": next_weekday(1).isoformat(),
        "start_time": "10:00",
        "end_time": "16:00",
        "place": "De Balie, Amsterdam",
        "online_url": "https://meet.example.org/abc",
        "agenda": "**Welkom**\n\n- Ronde\n- <script>alert(1)</script>",
        "host": str(host),
        "capacity": "",
        "guests": "Noor Hendriks\n\nKees Brouwer ",
        "repeat": "",
        "interval": "1",
        "until": "",
    }
    data.update(overrides)
    return data


def meetings():
    return db.session.scalars(select(Meeting).order_by(Meeting.starts_at)).all()


def test_coordinator_schedules_a_masterclass(app, client, people):
    with app.app_context():
        factories.user("Vertrokken Lid", active=False)
        factories.user("Stil Lid").notify_meetings = False
        db.session.commit()
    login_as(client, people, "coordinator")
    response = client.post("/meetings/new", data=form(people["member"][0]))
    assert response.status_code == 303
    with app.app_context():
        [meeting] = meetings()
        assert meeting.kind == "masterclass" and meeting.host_id == people["member"][0]
        assert meeting.guest_names == ["Noor Hendriks", "Kees Brouwer"]
        assert meeting.starts_at.astimezone(AMS).time() == time(10)
        assert meeting.created_by_id == people["coordinator"][0]
        notices = db.session.scalars(
            select(OutboxMessage).where(OutboxMessage.kind == "meeting_new")
        ).all()
        assert {m.user_id for m in notices} == {people["member"][0], people["other"][0]}
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Masterclass fondsenwerving" in page and "Noor Hendriks, Kees Brouwer" in page
    assert "<strong>Welkom</strong>" in page and "<script>alert(1)" not in page
    assert 'href="https://meet.example.org/abc" rel="noopener nofollow"' in page


def test_bad_input_is_explained_and_kept(app, client, people):
    login_as(client, people, "coordinator")
    cases = {
        "end_time": ("10:00", "ends when it starts"),
        "date": ("2026-02-30", "This date does not exist"),
        "online_url": ("javascript:alert(1)", "starts with https://"),
        "capacity": ("0", "at least 1 person"),
        "title": ("   ", "Please fill this in"),
    }
    for name, (value, message) in cases.items():
        response = client.post(
            "/meetings/new", data=form(people["coordinator"][0], **{name: value, "place": "Blijft"})
        )
        body = response.get_data(as_text=True)
        assert response.status_code == 422, name
        assert message in body, name
        assert 'value="Blijft"' in body, "what was typed comes back"
    with app.app_context():
        assert meetings() == []


def test_a_time_skipped_by_the_clock_change_is_refused(app, client, people):
    login_as(client, people, "coordinator")
    year = utcnow().year + 1
    last_sunday = max(date(year, 3, d) for d in range(25, 32) if date(year, 3, d).weekday() == 6)
    response = client.post(
        "/meetings/new",
        data=form(
            people["coordinator"][0],
            date=last_sunday.isoformat(),
            start_time="02:30",
            end_time="04:00",
        ),
    )
    assert response.status_code == 422 and "clocks go forward" in response.get_data(as_text=True)


def test_members_schedule_only_when_the_network_allows(app, client, people):
    login_as(client, people, "member")
    assert client.get("/meetings/new").status_code == 403
    assert "Schedule a meeting" not in client.get("/meetings/").get_data(as_text=True)
    with app.app_context():
        db.session.scalar(select(Network)).members_may_schedule = True
        db.session.commit()
    assert client.get("/meetings/new").status_code == 200
    response = client.post("/meetings/new", data=form(people["other"][0]))
    assert response.status_code == 303
    with app.app_context():
        meeting = meetings()[0]
        assert meeting.host_id == people["other"][0]
        assert meeting.created_by_id == people["member"][0]
    edit = client.get(response.headers["Location"] + "/edit")
    assert edit.status_code == 200, "whoever scheduled it may change it"


def test_only_host_creator_or_coordinator_changes_a_meeting(app, client, people):
    with app.app_context():
        meeting_id = factories.meeting(host=db.session.get(factories.User, people["other"][0])).id
    login_as(client, people, "member")
    for url in (f"/meetings/{meeting_id}/edit", f"/meetings/{meeting_id}/cancel"):
        assert client.get(url).status_code == 403
        assert client.post(url, data=form(people["member"][0])).status_code == 403
    assert client.get("/meetings/999999/edit").status_code == 404
    login_as(client, people, "other")
    assert client.get(f"/meetings/{meeting_id}/edit").status_code == 200


def test_editing_bumps_the_sequence_and_tells_members_only_what_matters(app, client, people):
    with app.app_context():
        meeting = factories.meeting(place="Utrecht", host=None)
        meeting_id, title, kind = meeting.id, meeting.title, meeting.kind
        local = meeting.starts_at.astimezone(AMS)
        end = meeting.ends_at.astimezone(AMS)
    login_as(client, people, "coordinator")
    page = client.get(f"/meetings/{meeting_id}/edit").get_data(as_text=True)
    assert 'value="Utrecht"' in page
    data = form(
        people["coordinator"][0],
        title=title,
        kind=kind,
        date=local.date().isoformat(),
        start_time=local.strftime("%H:%M"),
        end_time=end.strftime("%H:%M"),
        place="Utrecht",
        online_url="",
        agenda="Nieuwe agenda",
        guests="",
    )
    assert client.post(f"/meetings/{meeting_id}/edit", data=data).status_code == 303
    with app.app_context():
        item = db.session.get(Meeting, meeting_id)
        assert item.sequence == 1 and item.agenda == "Nieuwe agenda"
        assert count_kind("meeting_changed") == 0, "an agenda edit is no news for everyone"
    data["place"] = "Rotterdam"
    client.post(f"/meetings/{meeting_id}/edit", data=data)
    with app.app_context():
        assert db.session.get(Meeting, meeting_id).sequence == 2
        assert count_kind("meeting_changed") == 2, "a new place is told to the other members"


def count_kind(kind):
    return db.session.scalar(select(func.count(OutboxMessage.id)).where(OutboxMessage.kind == kind))


def test_cancel_with_a_reason(app, client, people):
    with app.app_context():
        meeting = factories.meeting()
        meeting_id = meeting.id
        factories.rsvp(meeting, db.session.get(factories.User, people["member"][0]))
    login_as(client, people, "coordinator")
    response = client.post(f"/meetings/{meeting_id}/cancel", data={"reason": "Zaal onbeschikbaar"})
    assert response.status_code == 303
    page = client.get(f"/meetings/{meeting_id}").get_data(as_text=True)
    assert "This meeting has been cancelled." in page and "Zaal onbeschikbaar" in page
    with app.app_context():
        item = db.session.get(Meeting, meeting_id)
        assert item.cancelled and item.sequence == 1
        assert db.session.scalar(select(func.count(Rsvp.id))) == 1, "answers are kept"
        assert count_kind("meeting_cancelled") == 2
    again = client.get(f"/meetings/{meeting_id}/cancel", follow_redirects=True)
    assert "already been cancelled" in again.get_data(as_text=True)
    assert client.get(f"/meetings/{meeting_id}/edit").status_code == 303


def test_list_pages_upcoming_and_past(app, client, people):
    with app.app_context():
        for n in range(25):
            factories.meeting(f"Toekomst {n:02d}", days=n + 1)
        for n in range(3):
            factories.meeting(f"Verleden {n}", days=-(n + 1))
    login_as(client, people, "member")
    first = client.get("/meetings/").get_data(as_text=True)
    assert "Toekomst 00" in first and "Verleden" not in first and "Page 1 of 2" in first
    assert "Toekomst 24" in client.get("/meetings/?page=2").get_data(as_text=True)
    past = client.get("/meetings/?when=past").get_data(as_text=True)
    assert past.index("Verleden 0") < past.index("Verleden 2"), "most recent first"
    fragment = client.get("/meetings/?page=2", headers={"HX-Request": "true"})
    assert "<html" not in fragment.get_data(as_text=True)


def test_unknown_meeting_is_not_found(client, people):
    login_as(client, people, "member")
    assert client.get("/meetings/424242").status_code == 404
    assert client.get("/meetings/424242.ics").status_code == 404
    assert client.post("/meetings/424242/rsvp", data={"answer": "yes"}).status_code == 404


def test_members_can_turn_meeting_notices_off(app, client, people):
    login_as(client, people, "member")
    page = client.get("/members/me").get_data(as_text=True)
    assert re.search(r'<input checked[^>]*name="notify_meetings"', page)
    client.post(
        "/members/me",
        data={
            "name": "Bram Lid",
            "bio": "",
            "expertise": "",
            "contact": "email",
            "contact_detail": "",
            "language": "en",
        },
    )
    with app.app_context():
        assert db.session.get(factories.User, people["member"][0]).notify_meetings is False
    client.post(
        "/members/me",
        data={
            "name": "Bram Lid",
            "bio": "",
            "expertise": "",
            "contact": "email",
            "contact_detail": "",
            "language": "en",
            "notify_meetings": "y",
        },
    )
    with app.app_context():
        assert db.session.get(factories.User, people["member"][0]).notify_meetings is True
