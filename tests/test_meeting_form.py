"""The meeting form (issue 14, part 4): a proposed date, and meetings past midnight."""

from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import select

from leernet.meetings import recurrence
from leernet.meetings.models import Meeting
from leernet.timeutil import utcnow

from . import factories
from .conftest import login_as
from .test_meetings import AMS, form


def test_a_meeting_ending_earlier_on_the_clock_ends_the_next_day():
    start, end = recurrence.span(date(2026, 11, 12), time(21), time(0, 30), "Europe/Amsterdam")
    assert end - start == timedelta(hours=3, minutes=30)
    assert end.astimezone(AMS).date() == date(2026, 11, 13)


def test_past_midnight_across_the_autumn_clock_change_keeps_its_wall_clock_end():
    # 24 -> 25 October 2026: the clocks go back at 03:00.
    start, end = recurrence.span(date(2026, 10, 24), time(23), time(4), "Europe/Amsterdam")
    assert end.astimezone(AMS).replace(tzinfo=None) == datetime(2026, 10, 25, 4)
    assert end - start == timedelta(hours=6)


@pytest.mark.parametrize("clock", ["2026-12-06T10:00:00+00:00", "2026-12-06T23:30:00+00:00"])
def test_the_new_meeting_form_proposes_a_date(client, people, monkeypatch, clock):
    from leernet.meetings import edit_views

    now = datetime.fromisoformat(clock)
    monkeypatch.setattr(edit_views, "utcnow", lambda: now)
    login_as(client, people, "coordinator")
    page = client.get("/meetings/new").text
    proposed = now.astimezone(AMS).date() + timedelta(days=14)
    assert f'name="date" type="date" value="{proposed.isoformat()}"' in page
    assert "data-for-repeat" in page


def test_late_meeting_is_scheduled_and_saved_again_unchanged(app, client, people):
    login_as(client, people, "coordinator")
    data = form(people["coordinator"][0], start_time="21:00", end_time="00:30")
    assert client.post("/meetings/new", data=data).status_code == 303
    with app.app_context():
        meeting = factories.db.session.scalar(select(Meeting))
        meeting_id, starts, ends = meeting.id, meeting.starts_at, meeting.ends_at
    assert ends - starts == timedelta(hours=3, minutes=30)
    page = client.get(f"/meetings/{meeting_id}/edit").text
    assert 'value="21:00"' in page and 'value="00:30"' in page
    assert client.post(f"/meetings/{meeting_id}/edit", data=data).status_code == 303
    with app.app_context():
        again = factories.db.session.get(Meeting, meeting_id)
        assert (again.starts_at, again.ends_at) == (starts, ends)
    assert ends > utcnow()


def test_an_unstarted_meeting_shows_no_empty_minutes_actions_or_decisions(app, client, people):
    with app.app_context():
        coordinator = factories.db.session.get(factories.User, people["coordinator"][0])
        later = factories.meeting("Later", days=7, host=coordinator).id
        begun = factories.meeting("Bezig", days=0, host=coordinator)
        begun.starts_at = utcnow() - timedelta(minutes=5)
        factories.db.session.commit()
        begun = begun.id
        prepared = factories.meeting("Voorbereid", days=7, host=coordinator)
        factories.resource(coordinator, "Leesstuk").meeting_id = prepared.id
        factories.db.session.commit()
        prepared = prepared.id
    login_as(client, people, "coordinator")
    buttons = ("Write the minutes", "Add an action", "Propose a decision", "Add a resource")
    page = client.get(f"/meetings/{later}").text
    assert 'id="minutes"' not in page and 'id="decisions-resources"' not in page
    assert not any(button in page for button in buttons)
    page = client.get(f"/meetings/{begun}").text
    assert all(button in page for button in buttons)
    page = client.get(f"/meetings/{prepared}").text
    assert "Leesstuk" in page and "No decisions linked" not in page
    assert not any(button in page for button in buttons)
