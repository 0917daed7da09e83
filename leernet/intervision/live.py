"""The live timer against the database: the poll's one query, the clock, the controls.

Every phone polls ``state`` every two seconds, so its cheap path is one small query
(``caller_and_poll_row``: who asks, as the login check needs it, and the session's
version and status plus whether this user takes part, by a LEFT JOIN on the unique
(session, user) index), run by the database driver itself, and no template. A control
names the version its sender saw (and the clock it saw: a card or a role change in
between does not make a press stale) and writes with ``UPDATE ... WHERE version = :seen``:
when two phones press "next" at once, the database lets exactly one UPDATE match, the
other finds the new version and answers with the current state instead. Finishing draws
up the session's minutes from the phase notes in the same transaction (``minutes.draw_up``).
"""

import math
from dataclasses import dataclass

from sqlalchemy import and_, bindparam, exists, select, update
from sqlalchemy.exc import OperationalError

from ..auth.caller import Caller
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


# Both statements are built once, on the tables where they can: building a statement
# and the ORM's handling of it would cost the poll more than running it does.
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
_USER, _LOGIN = User.__table__.c, Login.__table__.c
#: The same row joined to what Flask-Login checks of the signed-in user (and this
#: browser's login row, ``auth.logins``): the poll's query.
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


def _poll_row(version, status, participant_id, role):
    return None if version is None else PollRow(version, status, participant_id is not None, role)


def poll_row(session_id, user_id):
    """Version, status, and this user's part in the session, in one query (None: no session)."""
    row = db.session.execute(POLL, {"session_id": session_id, "user_id": user_id}).first()
    return None if row is None else _poll_row(*row)


#: ``{dialect name: (SQL, its parameter names in order, or None for named parameters)}``.
_POLL_SQL = {}


def _poll_sql(dialect):
    if dialect.name not in _POLL_SQL:
        compiled = CALLER_AND_POLL.compile(dialect=dialect)
        _POLL_SQL[dialect.name] = (str(compiled), compiled.positiontup)
    return _POLL_SQL[dialect.name]


def run_poll_query(user_id, key_hash, session_id):
    """The row of ``CALLER_AND_POLL``, on a pooled DBAPI connection.

    The poll is most of what a server does during a meeting. SQLAlchemy's execution layer
    (a cache key from the statement, an execution context, a result object) costs it more
    than the query itself, so the statement is compiled once and run by the driver.
    """
    sql, names = _poll_sql(db.engine.dialect)
    values = {"session_id": session_id, "user_id": user_id, "key_hash": key_hash}
    connection = db.engine.raw_connection()
    try:
        cursor = connection.cursor()
        cursor.execute(sql, [values[name] for name in names] if names else values)
        row = cursor.fetchone()
        cursor.close()
    finally:
        connection.close()  # back to the pool, its transaction ended
    return row


def caller_and_poll_row(user_id, key_hash, session_id):
    """``(Caller, PollRow or None)``, or ``(None, None)`` when there is no such user or login."""
    row = run_poll_query(user_id, key_hash, session_id)
    if row is None:
        return None, None
    coordinator, active, erased, session_version = row[:4]
    caller = Caller(user_id, bool(coordinator), bool(active and not erased), session_version)
    return caller, _poll_row(*row[4:])


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
