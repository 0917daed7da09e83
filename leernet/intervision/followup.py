"""The follow-up round: last time's commitments come back to the group.

In a standing group's session, every participant's open commitment from an earlier
session of the same group is listed for the whole group (they were there, or have
joined the group since); each case-bringer reports back in one line. In a group formed
for the day, only the owner sees their own open commitment, since the others were not
in that earlier session.
"""

from datetime import timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import contains_eager, joinedload

from ..extensions import db
from ..meetings.models import Meeting
from .models import FOLLOW_UP, Commitment, Session

#: Older commitments are not asked about any more.
HORIZON = timedelta(days=200)


def items(session, viewer_id):
    """Commitments to follow up in ``session``, as ``viewer_id`` may see them."""
    ids = [p.user_id for p in session.participants]
    if not ids:
        return []
    starts = session.meeting.starts_at
    query = (
        select(Commitment)
        .join(Session, Session.id == Commitment.session_id)
        .join(Meeting, Meeting.id == Session.meeting_id)
        .where(
            Commitment.user_id.in_(ids),
            Commitment.action != "",
            Meeting.starts_at < starts,
            Meeting.starts_at >= starts - HORIZON,
            or_(Commitment.report_session_id.is_(None), Commitment.report_session_id == session.id),
        )
        .options(
            contains_eager(Commitment.session).contains_eager(Session.meeting),
            joinedload(Commitment.user),
        )
        .order_by(Meeting.starts_at.desc(), Commitment.id)
    )
    if session.group_id is not None:
        query = query.where(
            or_(Session.group_id == session.group_id, Commitment.user_id == viewer_id)
        )
    else:
        query = query.where(Commitment.user_id == viewer_id)
    latest = {}
    for item in db.session.scalars(query).unique():
        latest.setdefault(item.user_id, item)  # only each person's most recent
    return list(latest.values())


def report(commitment, session, status, note, now):
    if status not in FOLLOW_UP:
        raise ValueError(status)
    commitment.report_status = status
    commitment.report_note = note
    commitment.reported_at = now
    commitment.report_session_id = session.id
