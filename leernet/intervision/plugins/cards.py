"""The home card "your intervision session": one running or coming up that I am in."""

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import contains_eager

from ...extensions import db
from ...home import card
from ...meetings.models import Meeting
from ...timeutil import utcnow
from ..core import timer
from ..models import Participant, Session
from ..plans import Plan

#: A session shows from this long before its meeting starts.
AHEAD = timedelta(days=14)


@card("intervision", "intervision/_card.html", order=15)
def my_session_card(user):
    now = utcnow()
    row = db.session.execute(
        select(Session, Participant.role)
        .join(Participant, Participant.session_id == Session.id)
        .join(Meeting, Meeting.id == Session.meeting_id)
        .where(
            Participant.user_id == user.id,
            Session.status != timer.FINISHED,
            Meeting.cancelled_at.is_(None),
            Meeting.ends_at > now,
            Meeting.starts_at < now + AHEAD,
        )
        .options(contains_eager(Session.meeting))
        .order_by(Session.status.in_((timer.RUNNING, timer.PAUSED)).desc(), Meeting.starts_at)
        .limit(1)
    ).first()
    if row is None:
        return None
    session, role = row
    return {"session": session, "role": role, "plan": Plan(session.plan)}
