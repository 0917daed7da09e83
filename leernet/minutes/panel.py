"""What a meeting's page shows of its minutes, actions, decisions and resources.

``meeting_extras`` is a meeting page section (``meetings.sections``) shown by
``minutes/_meeting.html``, so the meetings feature stays unaware of these. A fixed number
of queries, whatever the network's size; the meeting's RSVPs and attendance are
already loaded by its page, so its attendees cost nothing.
"""

from types import SimpleNamespace

from sqlalchemy import literal_column, select, union_all

from ..decisions.models import Decision
from ..extensions import db
from ..meetings.sections import section
from ..resources.models import KINDS, Resource
from ..timeutil import utcnow
from . import actions, service, subjects
from .policy import Doc, standing

LIMIT = 20


def linked(meeting_id):
    """The meeting's decisions (drafts aside) and resources, newest first, in one query."""
    decisions = (
        select(
            literal_column("'decision'").label("what"),
            Decision.id,
            Decision.title,
            Decision.status.label("state"),
            Decision.outcome.label("detail"),
            Decision.created_at.label("at"),
        )
        .where(Decision.meeting_id == meeting_id, Decision.status != "draft")
        .order_by(Decision.created_at.desc(), Decision.id.desc())
        .limit(LIMIT)
        .subquery()
    )
    resources = (
        select(
            literal_column("'resource'").label("what"),
            Resource.id,
            Resource.title,
            Resource.kind.label("state"),
            literal_column("''").label("detail"),
            Resource.created_at.label("at"),
        )
        .where(Resource.meeting_id == meeting_id)
        .order_by(Resource.created_at.desc(), Resource.id.desc())
        .limit(LIMIT)
        .subquery()
    )
    rows = db.session.execute(union_all(select(decisions), select(resources))).all()
    rows.sort(key=lambda row: (row.at is not None, row.at, row.id), reverse=True)
    found = {"decision": [], "resource": []}
    for row in rows:
        if row.what == "decision":
            item = SimpleNamespace(id=row.id, title=row.title, status=row.state, outcome=row.detail)
        else:
            item = SimpleNamespace(id=row.id, title=row.title, kind_label=KINDS.get(row.state, ""))
        found[row.what].append(item)
    return found["decision"], found["resource"]


@section("minutes", "minutes/_meeting.html", order=40)
def meeting_extras(meeting, user):
    subject = subjects.get("meeting")
    minutes = service.find("meeting", meeting.id)
    doc = Doc(subject, meeting, minutes, standing(user, subject, meeting, minutes))
    readable = {minutes.id} if minutes is not None and doc.may("read") else set()
    items = actions.visible_for_meeting(user, meeting.id, readable)
    decisions, resources = linked(meeting.id)
    return {
        "doc": doc,
        "minutes": minutes,
        "may_read": bool(readable),
        "may_write": doc.may("write"),
        "actions": items[:LIMIT],
        "more_actions": len(items) > LIMIT,
        "decisions": decisions,
        "resources": resources,
        "today": actions.today(),
        # Before it starts (or once cancelled) empty parts and their buttons stay away.
        "in_use": not meeting.cancelled and meeting.starts_at <= utcnow(),
    }
