"""A member's own meeting data in their export: answers and attendance."""

from sqlalchemy import select

from ..extensions import db
from ..members.export import section, stamp
from .models import Attendance, Meeting, Rsvp


@section("meetings")
def meetings(user):
    answers = db.session.execute(
        select(Rsvp, Meeting.title, Meeting.starts_at)
        .join(Meeting, Meeting.id == Rsvp.meeting_id)
        .where(Rsvp.user_id == user.id)
        .order_by(Meeting.starts_at)
    ).all()
    present = db.session.execute(
        select(Attendance, Meeting.title, Meeting.starts_at)
        .join(Meeting, Meeting.id == Attendance.meeting_id)
        .where(Attendance.user_id == user.id)
        .order_by(Meeting.starts_at)
    ).all()
    return {
        "answers": [
            {
                "meeting": title,
                "starts": stamp(starts),
                "answer": row.answer,
                "waiting_list": row.waiting,
                "note": row.note,
            }
            for row, title, starts in answers
        ],
        "attended": [
            {"meeting": title, "starts": stamp(starts), "checked_in": stamp(row.checked_in_at)}
            for row, title, starts in present
        ],
        "notify_meetings": user.notify_meetings,
    }
