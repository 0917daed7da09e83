"""The meeting page's intervision section: the meeting's sessions, and mine among them."""

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ...extensions import db
from ...meetings.sections import section
from ..models import Session


@section("intervision", "intervision/_meeting.html", order=60)
def meeting_sessions(meeting, user):
    """``(session, the user's participant row or None, size)`` for the meeting page, in two
    queries."""
    items = db.session.scalars(
        select(Session)
        .where(Session.meeting_id == meeting.id)
        .options(selectinload(Session.participants))
        .order_by(Session.id)
    ).all()
    return [(s, s.participant(user.id), len(s.participants)) for s in items]
