"""What a meeting's page shows of its minutes, actions, decisions and resources.

The meeting page includes ``minutes/_meeting.html``, which calls ``meeting_extras``
(a template global), so the meetings feature stays unaware of these. A fixed number
of queries, whatever the network's size; the meeting's RSVPs and attendance are
already loaded by its page, so its attendees cost nothing.
"""

from flask_login import current_user
from sqlalchemy import select

from ..extensions import db
from ..resources.models import Resource
from . import actions, pages, service, subjects
from .policy import Doc, standing

LIMIT = 20


def resources_of(meeting_id):
    return db.session.scalars(
        select(Resource)
        .where(Resource.meeting_id == meeting_id)
        .order_by(Resource.created_at.desc(), Resource.id.desc())
        .limit(LIMIT)
    ).all()


def meeting_extras(meeting):
    subject = subjects.get("meeting")
    minutes = service.find("meeting", meeting.id)
    doc = Doc(subject, meeting, minutes, standing(current_user, subject, meeting, minutes))
    readable = {minutes.id} if minutes is not None and doc.may("read") else set()
    items = actions.visible_for_meeting(current_user, meeting.id, readable)
    return {
        "doc": doc,
        "minutes": minutes,
        "may_read": bool(readable),
        "may_write": doc.may("write"),
        "actions": items[:LIMIT],
        "more_actions": len(items) > LIMIT,
        "decisions": pages.decisions_of(meeting.id),
        "resources": resources_of(meeting.id),
        "today": actions.today(),
    }
