"""Who was at a meeting: check-in by the member or by the host.

Attendance is what later features build on (fair role rotation, groups formed from who
is in the room, check-outs, minutes shared with attendees, the dashboard), so they
should ask here: ``attendee_ids(meeting)`` and ``present_members(meeting)``.
"""

from datetime import timedelta

from sqlalchemy import func, select

from ..extensions import db
from ..members.models import User
from .models import Attendance, Meeting

#: "I'm here" works from a little before the start until the end.
OPENS_BEFORE = timedelta(minutes=30)


def checkin_open(meeting, now):
    """Whether a member can tap "I'm here" now (pure: looks only at the meeting)."""
    return not meeting.cancelled and meeting.starts_at - OPENS_BEFORE <= now <= meeting.ends_at


def host_may_record(meeting, now):
    """Hosts tick attendance from shortly before the start, and may correct it later."""
    return not meeting.cancelled and now >= meeting.starts_at - OPENS_BEFORE


def attendee_ids(meeting):
    """The ids of everyone checked in at ``meeting`` (a Meeting or its id)."""
    meeting_id = meeting.id if isinstance(meeting, Meeting) else meeting
    query = select(Attendance.user_id).where(Attendance.meeting_id == meeting_id)
    return set(db.session.scalars(query))


def present_members(meeting):
    """The members checked in at ``meeting``, by name (erased members included: their
    history stays; callers filter on ``is_active`` when they need to)."""
    meeting_id = meeting.id if isinstance(meeting, Meeting) else meeting
    return db.session.scalars(
        select(User)
        .join(Attendance, Attendance.user_id == User.id)
        .where(Attendance.meeting_id == meeting_id)
        .order_by(func.lower(User.name), User.id)
    ).all()


def attendance_counts(meeting_ids):
    """``{meeting id: number present}`` in one query."""
    if not meeting_ids:
        return {}
    rows = db.session.execute(
        select(Attendance.meeting_id, func.count())
        .where(Attendance.meeting_id.in_(list(meeting_ids)))
        .group_by(Attendance.meeting_id)
    )
    return dict(rows.all())


def check_in(meeting, user_id, by, now):
    """Record ``user_id`` as present (idempotent); the caller commits."""
    row = db.session.scalar(
        select(Attendance).where(Attendance.meeting_id == meeting.id, Attendance.user_id == user_id)
    )
    if row is None:
        row = Attendance(
            meeting_id=meeting.id, user_id=user_id, checked_in_at=now, checked_in_by_id=by.id
        )
        db.session.add(row)
    return row


def undo_check_in(meeting, user_id):
    row = db.session.scalar(
        select(Attendance).where(Attendance.meeting_id == meeting.id, Attendance.user_id == user_id)
    )
    if row is not None:
        db.session.delete(row)
    return row is not None
