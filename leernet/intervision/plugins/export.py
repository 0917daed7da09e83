"""A member's own intervision data in their export: roles, cases, notes, commitments.

What the member wrote themselves (their case question, notes, reflection) is theirs to
export; what others wrote in the session is not included, nor the case details of a
session whose keep-time has passed (they are as good as erased).
"""

from sqlalchemy import select
from sqlalchemy.orm import contains_eager

from ...extensions import db
from ...meetings.models import Meeting
from ...members.export import section, stamp
from ...timeutil import utcnow
from .. import privacy
from ..core.rotation import CASE_BRINGER
from ..models import Commitment, Participant, PhaseNote, Session
from ..plans import Plan


@section("intervision")
def intervision(user):
    rows = db.session.execute(
        select(Participant, Session)
        .join(Session, Session.id == Participant.session_id)
        .join(Meeting, Meeting.id == Session.meeting_id)
        .where(Participant.user_id == user.id)
        .options(contains_eager(Session.meeting))
        .order_by(Meeting.starts_at, Session.id)
    ).all()
    notes = db.session.scalars(
        select(PhaseNote).where(PhaseNote.author_id == user.id).order_by(PhaseNote.id)
    ).all()
    commitments = db.session.scalars(
        select(Commitment).where(Commitment.user_id == user.id).order_by(Commitment.id)
    ).all()
    gone = privacy.due_ids(utcnow())
    return {
        "sessions": [
            {
                "session": session.id,
                "meeting": session.meeting.title,
                "starts": stamp(session.meeting.starts_at),
                "group": session.name,
                "method": Plan(session.plan).name,
                "role": part.held_role or part.role,
                "passed": part.passed,
                "case_question": session.case_question
                if (part.held_role or part.role) == CASE_BRINGER and session.id not in gone
                else None,
            }
            for part, session in rows
        ],
        "notes": [
            {
                "session": n.session_id,
                "phase": n.phase + 1,
                "text": n.text,
                "updated": stamp(n.updated_at),
            }
            for n in notes
            if n.session_id not in gone
        ],
        "commitments": [
            {
                "session": c.session_id,
                "reflection": "" if c.session_id in gone else c.reflection,
                "action": c.action,
                "report": c.report_status,
                "report_note": c.report_note,
                "reported": stamp(c.reported_at),
            }
            for c in commitments
        ],
    }
