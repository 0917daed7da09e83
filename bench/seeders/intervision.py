"""Intervision: finished sessions at every past meeting (a network day has its round of
small groups too), one running now.

Each meeting's attendees split into groups of five, one group per session, so a member
is in one session per meeting (a small meeting reuses people). The running session (the
benchmark's member takes part) is what the live page shows and what the throughput test
polls. Case-bringers of finished sessions committed to an action, so the follow-up round
and the history have something to read.
"""

from sqlalchemy import insert, select

from bench.bulk import bulk_sessions
from leernet.extensions import db
from leernet.intervision.core import timer
from leernet.intervision.core.rotation import CASE_BRINGER
from leernet.intervision.models import Commitment, Participant, Session

from ..targets import PollTarget, poll_target
from . import seeder

METHODS = ("incident", "gossip", "balint", "troika", "socratic", "action_learning")
PER_SESSION = 5


@seeder(40)
def sessions(context):
    rand, meetings, total = context["random"], context["meetings"], context["size"]["sessions"]
    held = meetings["past"]
    finished = []
    for index, meeting_id in enumerate(held):
        people = list(meetings["attended"][meeting_id])
        rand.shuffle(people)
        size = min(PER_SESSION, len(people))
        method = METHODS[index % len(METHODS)]
        for k in range((total - 1) // len(held) + (index < (total - 1) % len(held))):
            group = [people[(k * size + i) % len(people)] for i in range(size)]
            finished += bulk_sessions([meeting_id], group, 1, per_session=size, method=method)
    member = context["user_ids"]["member"]
    others = [m for m in context["member_ids"] if m != member][: PER_SESSION - 1]
    (running,) = bulk_sessions(
        [meetings["current"]], [member, *others], 1, per_session=PER_SESSION, status=timer.RUNNING
    )
    commitments(finished)
    context["values"]["session_id"] = running
    context["intervision"] = {
        "running": running,
        "version": db.session.scalar(select(Session.version).where(Session.id == running)),
    }


def commitments(finished):
    bringers = db.session.execute(
        select(Participant.session_id, Participant.user_id, Session.finished_at)
        .join(Session, Session.id == Participant.session_id)
        .where(Participant.session_id.in_(finished), Participant.role == CASE_BRINGER)
    ).all()
    rows = [
        {
            "session_id": session_id,
            "user_id": user_id,
            "reflection": "Ik zag pas achteraf hoe vaak ik zelf het gesprek overnam.",
            "action": "Volgende keer eerst drie vragen stellen voor ik advies geef.",
            "created_at": finished_at,
            "updated_at": finished_at,
        }
        for session_id, user_id, finished_at in bringers
    ]
    if rows:
        db.session.execute(insert(Commitment), rows)


@poll_target("intervision timer")
def timer_state(context):
    """A participant's phone asking "anything new?" while nothing changed: a 204."""
    running = context["intervision"]
    path = f"/intervision/{running['running']}/state?v={running['version']}"
    return PollTarget(path, role="member")
