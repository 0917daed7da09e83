"""Series through the pages: schedule, change one or this-and-following, cancel."""

from datetime import time, timedelta

from sqlalchemy import select

from leernet.extensions import db
from leernet.meetings.models import Meeting, Rsvp, Series

from . import factories
from .conftest import login_as
from .test_meetings import AMS, count_kind, form, meetings, next_weekday


def series_form(host, **overrides):
    first = next_weekday(1)
    data = {
        "title": "Intervisie",
        "kind": "intervision",
        "date": first.isoformat(),
        "repeat": "weeks",
        "interval": "2",
        "until": (first + timedelta(weeks=10)).isoformat(),
    }
    data.update(overrides)
    return form(host, **data)


def test_schedule_a_series_and_see_it(app, client, people):
    login_as(client, people, "coordinator")
    response = client.post("/meetings/new", data=series_form(people["coordinator"][0]))
    assert response.status_code == 303
    with app.app_context():
        items = meetings()
        assert len(items) == 6 and len({m.uid for m in items}) == 6
        assert all(m.starts_at.astimezone(AMS).time() == time(10) for m in items)
        assert count_kind("meeting_new") == 2, "one notice for the whole series"
        series_id = items[0].series_id
    page = client.get(f"/meetings/series/{series_id}").get_data(as_text=True)
    assert "every 2 weeks on Tuesday, 10:00–16:00" in page
    assert page.count('class="list-item') == 6


def test_series_needs_an_end_and_monthly_last_needs_a_last_weekday(app, client, people):
    login_as(client, people, "coordinator")
    missing = client.post("/meetings/new", data=series_form(people["coordinator"][0], until=""))
    assert "Choose the last date of the series." in missing.get_data(as_text=True)
    first = next_weekday(1)
    while first.day > 7:
        first += timedelta(days=7)
    wrong = client.post(
        "/meetings/new",
        data=series_form(
            people["coordinator"][0],
            date=first.isoformat(),
            repeat="months_last",
            until=(first + timedelta(days=90)).isoformat(),
        ),
    )
    assert wrong.status_code == 422 and "not the last one" in wrong.get_data(as_text=True)


def test_change_one_occurrence_then_this_and_following(app, client, people):
    with app.app_context():
        _series, items = factories.series(
            first=next_weekday(1), until=next_weekday(1) + timedelta(weeks=5)
        )
        ids = [m.id for m in items]
        member = db.session.get(factories.User, people["member"][0])
        factories.rsvp(items[3], member)
    login_as(client, people, "coordinator")

    def edit(meeting_id, **changes):
        with app.app_context():
            meeting = db.session.get(Meeting, meeting_id)
            local = meeting.starts_at.astimezone(AMS)
            series = meeting.series
            data = form(
                people["coordinator"][0],
                title=meeting.title,
                kind=meeting.kind,
                date=local.date().isoformat(),
                start_time="10:00",
                end_time="16:00",
                place="",
                online_url="",
                agenda="",
                guests="",
                repeat=series.frequency,
                interval=str(series.interval),
                until=series.until.isoformat(),
                scope="this",
            )
        data.update(changes)
        return client.post(f"/meetings/{meeting_id}/edit", data=data)

    assert edit(ids[1], place="Op locatie").status_code == 303
    with app.app_context():
        places = [m.place for m in meetings()]
        assert places == ["", "Op locatie", "", "", "", ""]
    # This and following: from the third on, Thursdays at 13:00 in Utrecht.
    third = db_date(app, ids[2]) + timedelta(days=2)
    response = edit(
        ids[2],
        scope="following",
        place="Utrecht",
        date=third.isoformat(),
        start_time="13:00",
        end_time="17:00",
    )
    assert response.status_code == 303
    with app.app_context():
        items = meetings()
        assert [m.id for m in items[:2]] == ids[:2]
        later = [m for m in items if m.id not in ids[:2]]
        assert all(m.place == "Utrecht" for m in later if not m.cancelled)
        assert all(m.starts_at.astimezone(AMS).weekday() == 3 for m in later if not m.cancelled)
        assert all(m.starts_at.astimezone(AMS).time() == time(13) for m in later if not m.cancelled)
        moved = db.session.get(Meeting, ids[3])
        assert moved.sequence >= 1 and moved.starts_at.astimezone(AMS).weekday() == 3
        assert db.session.scalar(select(Rsvp).where(Rsvp.meeting_id == ids[3])) is not None
        old, new = db.session.scalars(select(Series).order_by(Series.id)).all()
        assert old.until < third and new.first_date == third
        assert {m.series_id for m in items[:2]} == {old.id}


def db_date(app, meeting_id):
    with app.app_context():
        return db.session.get(Meeting, meeting_id).starts_at.astimezone(AMS).date()


def test_cancel_this_and_following(app, client, people):
    with app.app_context():
        _series, items = factories.series()
        ids = [m.id for m in items]
    login_as(client, people, "coordinator")
    client.post(f"/meetings/{ids[2]}/cancel", data={"reason": "Zomerstop", "scope": "following"})
    with app.app_context():
        states = [m.cancelled for m in meetings()]
        assert states == [False, False] + [True] * (len(ids) - 2)
        assert count_kind("meeting_cancelled") == 2, "one notice, not one per meeting"
