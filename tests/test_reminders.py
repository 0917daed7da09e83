"""The day-before reminder: due on the right local day, sent once, never twice."""

from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from leernet.extensions import db
from leernet.mail import OutboxMessage
from leernet.meetings import reminders
from leernet.meetings.notices import send_reminders
from leernet.timeutil import utcnow

from . import factories

AMS = "Europe/Amsterdam"


def test_due_from_the_local_day_before_until_the_start():
    start = datetime(2026, 3, 10, 9, tzinfo=UTC)  # Tuesday 10:00 in Amsterdam
    assert not reminders.is_due(start, datetime(2026, 3, 8, 22, 59, tzinfo=UTC), AMS)
    assert reminders.is_due(start, datetime(2026, 3, 8, 23, 0, tzinfo=UTC), AMS)  # Mon 00:00
    assert reminders.is_due(start, datetime(2026, 3, 10, 8, 59, tzinfo=UTC), AMS)
    assert not reminders.is_due(start, start, AMS), "never after it started"


def test_due_window_respects_the_daylight_saving_change():
    # Monday 30 March 2026 10:00 summer time = 08:00 UTC; the day before began at
    # Sunday 00:00 winter time = Saturday 23:00 UTC.
    start = datetime(2026, 3, 30, 8, tzinfo=UTC)
    assert not reminders.is_due(start, datetime(2026, 3, 28, 22, 59, tzinfo=UTC), AMS)
    assert reminders.is_due(start, datetime(2026, 3, 28, 23, 0, tzinfo=UTC), AMS)


def test_recipients_skip_no_answers_opt_outs_and_those_already_reminded():
    members = [(1, True), (2, True), (3, False), (4, True), (5, True)]
    answers = {2: "no", 4: "maybe", 5: "yes"}
    assert reminders.recipients(members, answers, already_sent={5}) == [1, 4]


def reminder_count():
    return db.session.scalar(
        select(func.count(OutboxMessage.id)).where(OutboxMessage.kind == "meeting_reminder")
    )


def test_send_reminders_is_idempotent(app, people):
    with app.test_request_context():
        soon = factories.meeting("Morgen", days=1)
        factories.meeting("Volgende week", days=8)
        cancelled = factories.meeting("Gaat niet door", days=1)
        cancelled.cancelled_at = utcnow()
        no_thanks = db.session.get(factories.User, people["other"][0])
        factories.rsvp(soon, no_thanks, "no")
        quiet = factories.user("Stil Lid")
        quiet.notify_meetings = False
        factories.user("Weg Lid", active=False)
        db.session.commit()
        now = soon.starts_at - timedelta(hours=20)
        assert send_reminders(now) == 2  # coordinator and member; not other, quiet, inactive
        assert send_reminders(now) == 0
        assert send_reminders(now + timedelta(hours=1)) == 0
        assert reminder_count() == 2
        messages = db.session.scalars(select(OutboxMessage.subject)).all()
        assert all("Morgen" in subject for subject in messages)
        late = factories.user("Laat Lid")
        assert send_reminders(now + timedelta(hours=2)) == 1, "someone new is still reminded"
        assert late.id in set(db.session.scalars(select(OutboxMessage.user_id)))


def test_send_reminders_command(app, runner, people):
    with app.app_context():
        factories.meeting("Morgen", days=1, hours=2)
    # Whether "days=1" is tomorrow or later today depends on the clock: due either way.
    first = runner.invoke(args=["leernet", "send-reminders"])
    assert first.exit_code == 0 and first.output.strip() == "Reminders sent: 3"
    again = runner.invoke(args=["leernet", "send-reminders"])
    assert again.output.strip() == "Reminders sent: 0"
    with app.app_context():
        assert reminder_count() == 3
        link = db.session.scalar(select(OutboxMessage.link))
        assert link.startswith("http://127.0.0.1:5000/meetings/")
