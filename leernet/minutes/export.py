"""A member's own revisions of minutes and their actions, in the export of their data."""

from sqlalchemy import or_, select
from sqlalchemy.orm import joinedload

from ..extensions import db
from ..meetings.models import Meeting
from ..members.export import section, stamp
from .models import ActionItem, Minutes, MinutesRevision


@section("minutes")
def minutes_export(user):
    rows = db.session.execute(
        select(MinutesRevision, Minutes.subject_kind, Meeting.title)
        .join(Minutes, Minutes.id == MinutesRevision.minutes_id)
        .outerjoin(Meeting, Meeting.id == Minutes.meeting_id)
        .where(MinutesRevision.author_id == user.id)
        .order_by(MinutesRevision.minutes_id, MinutesRevision.number)
    ).all()
    return [
        {
            "of": kind,
            "meeting": title,
            "revision": row.number,
            "written": stamp(row.created_at),
            "note": row.note,
            "restored_from": row.restored_from,
            "text": row.text,
        }
        for row, kind, title in rows
    ]


@section("actions")
def actions_export(user):
    items = db.session.scalars(
        select(ActionItem)
        .options(joinedload(ActionItem.meeting))
        .where(or_(ActionItem.owner_id == user.id, ActionItem.created_by_id == user.id))
        .order_by(ActionItem.id)
    )
    return [
        {
            "what": a.what,
            "mine": a.owner_id == user.id,
            "noted_by_me": a.created_by_id == user.id,
            "due": a.due_on.isoformat() if a.due_on else None,
            "done": stamp(a.done_at),
            "meeting": a.meeting.title if a.meeting else None,
            "created": stamp(a.created_at),
        }
        for a in items
    ]
