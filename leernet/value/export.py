"""My check-outs and my stories, in the export of my own data."""

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from ..extensions import db
from ..members.export import section, stamp
from . import cycles
from .models import CheckOut, Story


@section("checkouts")
def checkouts_export(user):
    rows = db.session.scalars(
        select(CheckOut)
        .options(joinedload(CheckOut.meeting))
        .where(CheckOut.user_id == user.id)
        .order_by(CheckOut.id)
    )
    return [
        {
            "meeting": c.meeting.title,
            "meeting_starts": stamp(c.meeting.starts_at),
            "usefulness": c.usefulness,
            "value_cycles": cycles.chosen(c),
            "takeaway": c.takeaway,
            "given": stamp(c.created_at),
            "changed": stamp(c.updated_at),
        }
        for c in rows
    ]


@section("value_stories")
def stories_export(user):
    rows = db.session.scalars(select(Story).where(Story.author_id == user.id).order_by(Story.id))
    return [
        {
            "title": s.title,
            "story": s.text,
            "value_cycles": cycles.chosen(s),
            "visible_to": s.visibility,
            "about": {"kind": s.link_kind, "id": s.link_id} if s.link_kind else None,
            "in_report": s.in_report,
            "told": stamp(s.created_at),
            "changed": stamp(s.updated_at),
        }
        for s in rows
    ]
