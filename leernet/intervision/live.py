"""The live timer against the database: the poll's one query, the clock, the controls.

Every phone polls ``state`` every two seconds, so its cheap path is one small query
(``poll_row``: version and status plus whether this user takes part, by a LEFT JOIN on
the unique (session, user) index) and no template. A control names the version its
sender saw and writes with ``UPDATE ... WHERE version = :seen``: when two phones press
"next" at once, the database lets exactly one UPDATE match, the other finds the new
version and answers with the current state instead. Finishing draws up the session's
minutes from the phase notes in the same transaction (``minutes.draw_up``).
"""

import math
from dataclasses import dataclass

from sqlalchemy import and_, select, update
from sqlalchemy.exc import OperationalError

from ..extensions import db
from . import minutes, roles, timer
from .models import Participant, Session
from .plans import Plan


@dataclass(frozen=True)
class PollRow:
    version: int
    status: str
    participant: bool
    role: str | None


def poll_row(session_id, user_id):
    """Version, status, and this user's part in the session, in one query (None: no session)."""
    row = db.session.execute(
        select(Session.version, Session.status, Participant.id, Participant.role)
        .select_from(Session)
        .outerjoin(
            Participant,
            and_(Participant.session_id == Session.id, Participant.user_id == user_id),
        )
        .where(Session.id == session_id)
    ).first()
    if row is None:
        return None
    return PollRow(row[0], row[1], row[2] is not None, row[3])


def ms(moment):
    return int(moment.timestamp() * 1000)


def countdown(remaining_ms):
    """ "12:00" while time is left (whole seconds, rounded up), "+0:35" in overtime;
    the page's script writes the same."""
    if remaining_ms > 0:
        seconds = math.ceil(remaining_ms / 1000)
        sign = ""
    else:
        seconds = math.floor(-remaining_ms / 1000)
        sign = "+" if seconds else ""
    return f"{sign}{seconds // 60}:{seconds % 60:02d}"


def clock(session, plan, now):
    """What the page's script needs to count down locally (milliseconds)."""
    state = session.timer_state
    durations = plan.durations
    if not durations or not 0 <= state.phase < len(durations):
        return {"status": state.status, "total": 0, "remaining": 0, "deadline": None,
                "now": ms(now), "text": "0:00"}  # fmt: skip
    deadline = timer.deadline(state, durations)
    remaining = int(timer.remaining(state, durations, now) * 1000)
    return {
        "status": state.status,
        "total": int(timer.phase_seconds(state, durations) * 1000),
        "remaining": remaining,
        "deadline": ms(deadline) if deadline else None,
        "now": ms(now),
        "text": countdown(remaining),
    }


#: Why a control changed nothing: the view says so and shows the current state.
STALE = "stale"
REFUSED = "refused"
LAST_PHASE = "last_phase"


def control(session, action, seen, now):
    """Apply ``action`` if ``seen`` is still the version; return None or STALE/REFUSED."""
    transition = timer.TRANSITIONS.get(action)
    if transition is None:
        return REFUSED
    if seen != session.version:
        return STALE
    plan = Plan(session.plan)
    if action == "next" and session.phase + 1 >= plan.count:
        return LAST_PHASE
    try:
        new = transition(session.timer_state, plan.durations, now)
    except timer.TimerError:
        return REFUSED
    try:
        result = db.session.execute(
            update(Session)
            .where(Session.id == session.id, Session.version == seen)
            .values(
                phase=new.phase,
                started_at=new.started_at,
                paused_at=new.paused_at,
                paused_seconds=new.paused_seconds,
                extra_seconds=new.extra_seconds,
                status=new.status,
                finished_at=new.finished_at,
                version=Session.version + 1,
            )
            .execution_options(synchronize_session=False)
        )
        if result.rowcount != 1:
            db.session.rollback()
            return STALE
        if action in ("start", "finish"):
            roles.record_held(session.id)
        if action == "finish":
            minutes.draw_up(session, now)
        db.session.commit()
    except OperationalError:  # SQLite busy past its timeout: the other press won
        db.session.rollback()
        return STALE
    return None
