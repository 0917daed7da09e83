"""The live timer against the database: the poll, the clock, the controls.

Every phone polls ``state`` every two seconds; during a meeting that poll is most of
what a server does. A control names the version its sender saw (and the clock it saw: a
card or a role change in between does not make a press stale) and writes with
``UPDATE ... WHERE version = :seen``: when two phones press "next" at once, the database
lets exactly one UPDATE match, the other finds the new version and answers with the
current state instead. Finishing draws up the session's minutes from the phase notes in
the same transaction (``minutes.draw_up``).

The poll's hot path is this module's one special path (DESIGN: the poll keeps up with a
trivial endpoint). It bypasses what every other request uses:

- the ORM ``User``: ``auth.joined_loader`` lets the state endpoint read who asks in the
  same SQL statement as its own row (``CALLER_AND_POLL``: the member and this browser's
  login row, as ``auth.load_user`` checks them, and the session's version and status
  plus this member's part in it, by a LEFT JOIN on the unique (session, user) index).
  A ``Caller`` stands in for the ``User``: enough for Flask-Login and the access rules;
  it loads the full ``User`` should anything ask for more;
- the ORM session: the statement runs with SQLAlchemy Core on a pooled connection of
  its own, so a ``204`` ("nothing changed") opens no ORM session.

Through the ORM (the ``User``, then the row: two queries) the poll falls short of that
bound (``make bench``, ``poll_throughput_ratio``).
"""

import math
from dataclasses import dataclass

from flask import g
from sqlalchemy import and_, bindparam, exists, select, update
from sqlalchemy.exc import OperationalError

from ..auth import joined_loader
from ..auth.logins import Login
from ..extensions import db
from ..meetings.models import Meeting
from ..members.models import User
from . import minutes, roles
from .core import timer
from .models import Commitment, Participant, Session
from .plans import Plan


@dataclass(frozen=True)
class PollRow:
    version: int
    status: str
    participant: bool
    role: str | None


# Built once, on the tables: the access rule of every session page runs it.
_SESSION, _PARTICIPANT = Session.__table__.c, Participant.__table__.c
_COLUMNS = (_SESSION.version, _SESSION.status, _PARTICIPANT.id, _PARTICIPANT.role)
POLL = (
    select(*_COLUMNS)
    .select_from(Session.__table__)
    .outerjoin(
        Participant.__table__,
        and_(
            _PARTICIPANT.session_id == _SESSION.id,
            _PARTICIPANT.user_id == bindparam("user_id"),
        ),
    )
    .where(_SESSION.id == bindparam("session_id"))
)


def _poll_row(version, status, participant_id, role):
    return None if version is None else PollRow(version, status, participant_id is not None, role)


def poll_row(session_id, user_id):
    """Version, status, and this user's part in the session, in one query (None: no session)."""
    row = db.session.execute(POLL, {"session_id": session_id, "user_id": user_id}).first()
    return None if row is None else _poll_row(*row)


# -- The poll's hot path (see the module's docstring) -----------------------------------

_USER, _LOGIN = User.__table__.c, Login.__table__.c
#: The poll's row joined to what ``auth.load_user`` checks of the signed-in member.
CALLER_AND_POLL = (
    select(_USER.is_coordinator, _USER.active, _USER.erased, _USER.session_version, *_COLUMNS)
    .select_from(User.__table__)
    .join(
        Login.__table__,
        and_(_LOGIN.user_id == _USER.id, _LOGIN.key_hash == bindparam("key_hash")),
    )
    .outerjoin(Session.__table__, _SESSION.id == bindparam("session_id"))
    .outerjoin(
        Participant.__table__,
        and_(_PARTICIPANT.session_id == _SESSION.id, _PARTICIPANT.user_id == _USER.id),
    )
    .where(_USER.id == bindparam("user_id"))
)


#: Where ``policy.seen`` keeps a request's ``PollRow``s, by ``(session_id, user_id)``.
ROWS = "intervision_rows"


class Caller:
    """The signed-in member as the poll reads them: a few columns, no ORM object.

    Enough for Flask-Login's checks and the access rules (id, coordinator, active,
    session version); any other attribute loads the full ``User`` once and answers
    from it, so code that needs more still works, at one query more.
    """

    is_authenticated = True
    is_anonymous = False

    def __init__(self, user_id, is_coordinator, is_active, session_version):
        self.id = user_id
        self.is_coordinator = is_coordinator
        self.is_active = is_active
        self.session_version = session_version

    def __getattr__(self, name):
        """Only for attributes not set above: the full ``User``'s."""
        if "_user" not in self.__dict__:
            self.__dict__["_user"] = db.session.get(User, self.id)
        return getattr(self.__dict__["_user"], name)


def run_poll_query(user_id, key_hash, session_id):
    """The row of ``CALLER_AND_POLL``, on a pooled connection outside the ORM session."""
    values = {"session_id": session_id, "user_id": user_id, "key_hash": key_hash}
    with db.engine.connect() as connection:
        return connection.execute(CALLER_AND_POLL, values).first()


@joined_loader("intervision.state")
def caller_with_poll_row(user_id, key_hash, session_id):
    """``auth.load_user`` for the poll: a ``Caller`` (None: no such member or login),
    its ``PollRow`` kept for the access rule and the view."""
    row = run_poll_query(user_id, key_hash, session_id)
    if row is None:
        return None
    coordinator, active, erased, session_version = row[:4]
    g.setdefault(ROWS, {})[(session_id, user_id)] = _poll_row(*row[4:])
    return Caller(user_id, bool(coordinator), bool(active and not erased), session_version)


def following(session_id, now):
    """After the finish: whether phones keep polling (no reflection saved yet, and the
    meeting not over), so the reflection reaches every phone without a reload."""
    reflected = exists().where(Commitment.session_id == session_id, Commitment.reflection != "")
    row = db.session.execute(
        select(Meeting.ends_at, reflected)
        .join(Session, Session.meeting_id == Meeting.id)
        .where(Session.id == session_id)
    ).first()
    return row is not None and not row[1] and row[0] > now


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


def timer_mark(state):
    """What a press saw of the clock alone. Roles, cards and the case bump the version
    too; a press made while only those changed still means the same step, so it goes
    on (against the current version, which still makes two presses one step)."""
    started = ms(state.started_at) if state.started_at else 0
    paused = f"{state.paused_seconds:.3f}"
    return f"{state.phase}:{state.status}:{state.extra_seconds}:{paused}:{started}"


def control(session, action, seen, now, mark=None):
    """Apply ``action`` if ``seen`` is still the version, or the clock is still as
    ``mark`` says; return None or STALE/REFUSED/LAST_PHASE."""
    transition = timer.TRANSITIONS.get(action)
    if transition is None:
        return REFUSED
    if seen != session.version and (mark is None or mark != timer_mark(session.timer_state)):
        return STALE
    seen = session.version
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
